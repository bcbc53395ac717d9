"""HTML pages as saved from government sites → lines of text, with table rows as cells.

Block elements end lines; inline elements (spans inside a paragraph) do not, so "<span>市</span>公安局"
stays one string. Table rows become cell tuples so the row reader can map columns by header.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from dutygraph.loaders.text import Line, T, split_lines

_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "blockquote",
        "pre",
        "hr",
        "dd",
        "dt",
        "dl",
        "form",
        "title",
        "body",
        "center",
        "address",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "button"})
_SPACE_RE = re.compile(r"[ \t\r\f\v]+")

HTML_SNIFF_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|div|p|table|br)\b", re.IGNORECASE)


def _cell_text(node: object) -> str:
    parts: list[str] = []
    _collect(node, parts, in_cell=True)
    text = "".join(parts)
    return "\n".join(s.strip() for s in text.split("\n") if s.strip())


def _collect(node: object, out: list[str], in_cell: bool = False) -> None:
    """The visible text under ``node`` into ``out``, block elements on lines of their own.

    A walk with its own stack, not recursion: pages nest thousands of elements deep (broken
    markup, hostile pages) and Python's call stack stops at about a thousand.
    """
    following: list[Any] = [node.child]  # type: ignore[attr-defined]  # per open element: its next child
    closing: list[str] = [""]  # per open element: what ends it ("\n" for a block)
    while following:
        child = following[-1]
        if child is None:
            following.pop()
            out.append(closing.pop())
            continue
        following[-1] = child.next
        tag = child.tag
        if tag == "-text":
            out.append(_SPACE_RE.sub(" ", child.text_content or "").replace("\n", " "))
        elif tag in _SKIP or tag == "-comment":
            pass
        elif tag == "tr" and not in_cell:
            cells = [_cell_text(c) for c in child.iter() if c.tag in ("td", "th")]
            out.append("\n\ue002ROW" + "\ue000".join(c.replace("\n", "\ue001") for c in cells) + "\n")
        elif tag == "br":
            out.append("\n")
        elif tag in _BLOCK:
            out.append("\n")
            following.append(child.child)
            closing.append("\n")
        else:
            following.append(child.child)
            closing.append("")


def html_to_lines(html: str) -> list[Line]:
    """Visible text of a page, one block per line; ``<tr>`` rows become ``Line.cells``."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return []
    parts: list[str] = []
    _collect(root, parts)
    text = "".join(parts)
    lines = split_lines(text)
    for line in lines:
        if line.text.o.startswith("\ue002ROW"):
            raw = line.text.o[4:]
            cells = tuple(c.replace("\ue001", "\n") for c in raw.split("\ue000"))
            line.text = T.of(" | ".join(c.replace("\n", "、") for c in cells))
            line.cells = cells
    return lines
