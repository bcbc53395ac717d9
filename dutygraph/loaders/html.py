"""HTML pages as saved from government sites → lines of text, with table rows as cells.

Block elements end lines; inline elements (spans inside a paragraph) do not, so "<span>市</span>公安局"
stays one string. Table rows become cell tuples so the row reader can map columns by header.
"""

from __future__ import annotations

import html as html_entities
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

#: Past this many elements open at once lexbor's tree builder slows down quadratically (20,000
#: deep takes seconds, 100,000 minutes). No page an office prints nests anywhere near it, so
#: deeper markup (broken or hostile) is read flat instead: tags dropped, blocks ending lines.
MAX_DEPTH = 5000
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
#: Elements that never hold children, and those a parser closes by itself when the next begins:
#: neither deepens the tree however many of them a page leaves open.
_NOT_NESTING = frozenset(
    [
        "br",
        "img",
        "hr",
        "meta",
        "link",
        "input",
        "col",
        "area",
        "base",
        "wbr",
        "source",
        "p",
        "li",
        "td",
        "th",
        "tr",
        "option",
        "dt",
        "dd",
    ]
)
_HIDDEN_RE = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)

HTML_SNIFF_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|div|p|table|br)\b", re.IGNORECASE)


def _cell_text(node: object) -> str:
    parts: list[str] = []
    _collect(node, parts, in_cell=True)
    text = "".join(parts)
    return "\n".join(s.strip() for s in text.split("\n") if s.strip())


#: At most this many columns one cell spans (HTML allows 1,000), so a hostile colspan cannot blow a row
#: up; rows it spans are bounded as HTML bounds them (a span keeps one entry whatever its length).
_MAX_SPAN = {"colspan": 50, "rowspan": 65534}


def _span(cell: Any, name: str) -> int:
    """A cell's ``rowspan`` or ``colspan`` as a count of at least 1 (a missing or broken value is 1)."""
    value = (cell.attributes.get(name) or "1").strip()
    return min(max(int(value), 1), _MAX_SPAN[name]) if value.isdecimal() else 1


#: Per table section (its node's id): column → (the text of a cell spanning rows, rows it still covers).
_Spans = dict[int, dict[int, tuple[str, int]]]


def _row_cells(row: Any, spans: _Spans) -> list[str]:
    """The cells of a ``<tr>`` as a reader sees them: a cell spanning rows (``rowspan``, a 牵头单位 shared by
    two tasks) stands in each row it covers, and one spanning columns (``colspan``) fills them, its
    text in the first. Without this a row under a merged cell shifts one column to the left."""
    pending = spans.setdefault(row.parent.mem_id if row.parent is not None else 0, {})
    cells = [c for c in row.iter() if c.tag in ("td", "th")]
    out: list[str] = []

    def carried() -> None:
        while len(out) in pending:
            text, rows = pending.pop(len(out))
            if rows > 1:
                pending[len(out)] = (text, rows - 1)
            out.append(text)

    for cell in cells:
        carried()
        text = _cell_text(cell)
        down = _span(cell, "rowspan")
        for k in range(_span(cell, "colspan")):
            if down > 1:
                pending[len(out)] = (text if k == 0 else "", down - 1)
            out.append(text if k == 0 else "")
    carried()
    while pending and max(pending) >= len(out):  # spanned cells after the row's own: pad to reach them
        if len(out) not in pending:
            out.append("")
        carried()
    return out


def _collect(node: object, out: list[str], in_cell: bool = False) -> None:
    """The visible text under ``node`` into ``out``, block elements on lines of their own.

    A walk with its own stack, not recursion: pages nest thousands of elements deep (broken
    markup, hostile pages) and Python's call stack stops at about a thousand.
    """
    following: list[Any] = [node.child]  # type: ignore[attr-defined]  # per open element: its next child
    closing: list[str] = [""]  # per open element: what ends it ("\n" for a block)
    spans: _Spans = {}
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
            cells = _row_cells(child, spans)
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


def nesting_depth(html: str) -> int:
    """How many elements are open at most at one point of ``html``, counted from its tags alone
    (one pass, no tree): the figure that decides whether the tree builder can be afforded."""
    depth = deepest = 0
    for match in _TAG_RE.finditer(html):
        if match.group(2).lower() in _NOT_NESTING or match.group(0).endswith("/>"):
            continue
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _flat_lines(html: str) -> list[Line]:
    """The text of markup too deep for a tree: hidden parts and tags removed, block tags and
    table rows ending lines, cells apart by a space."""
    text = _HIDDEN_RE.sub("", html)

    def tag_break(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        return "\n" if name in _BLOCK or name == "tr" else " " if name in ("td", "th") else ""

    text = html_entities.unescape(_TAG_RE.sub(tag_break, text))
    return split_lines("\n".join(_SPACE_RE.sub(" ", line).strip() for line in text.split("\n")))


def html_to_lines(html: str) -> list[Line]:
    """Visible text of a page, one block per line; ``<tr>`` rows become ``Line.cells``."""
    if nesting_depth(html) > MAX_DEPTH:
        return _flat_lines(html)
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
