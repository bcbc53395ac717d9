"""Text primitives shared by every loader: width-folded lines that still slice back to the print.

Notices mix ASCII and fullwidth punctuation (``:``/``：``, ``(``/``（``). Every pattern in the loaders is
written once, against a *folded* copy of each line in which fullwidth punctuation, digits and spaces are
mapped one character to one character onto ASCII. Because the fold never changes a string's length, a
match position in the folded copy is also a position in the printed text, so records keep strings exactly
as printed while the parsing logic stays width-agnostic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

_FOLD_PAIRS = {
    "（": "(",
    "）": ")",
    "：": ":",
    "，": ",",
    "；": ";",
    "．": ".",
    "！": "!",
    "？": "?",
    "［": "[",
    "］": "]",
    "｜": "|",
    "／": "/",
    "－": "-",
    # look-alike colons and the small forms of CJK compatibility punctuation
    "∶": ":",
    "﹕": ":",
    "︰": ":",
    "﹔": ";",
    "﹐": ",",
    "﹑": "、",
    "﹙": "(",
    "﹚": ")",
    "\u3000": " ",
    "\xa0": " ",
    "\t": " ",
    "\u200b": " ",
    "\ufeff": " ",
}
_WIDE_ALNUM = {chr(0xFF10 + i) for i in range(10)} | {chr(0xFF21 + i) for i in range(26)}
_WIDE_ALNUM |= {chr(0xFF41 + i) for i in range(26)}
_FOLD_PAIRS.update({chr(0xFF10 + i): str(i) for i in range(10)})
_FOLD_PAIRS.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FOLD_PAIRS.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
#: Traditional characters of the words the loaders look for (labels, role verbs, body suffixes), folded to
#: their simplified forms one for one, so a Big5 notice (责任單位, 牽頭, 負責, 區辦) reads like a GB one while
#: its strings stay as printed.
_TRADITIONAL = (
    "責责單单頭头牽牵負负協协辦办參参與与區区縣县廳厅門门務务員员會会關关領领導导長长間间實实發发劃划衛卫"
    "計计財财農农業业環环護护體体質质監监國国號号條条項项級级鄉乡鎮镇應应開开產产經经濟济資资設设進进統统"
    "組组織织運运輸输議议規规標标準准據据網网電电場场數数醫医藥药療疗稅税銀银鐵铁廣广傳传營营價价處处檢检"
    "測测驗验證证書书記记總总聯联專专職职權权當当確确時时"
)
_TRADITIONAL_PAIRS = dict(zip(_TRADITIONAL[0::2], _TRADITIONAL[1::2], strict=True))
_FOLD_PAIRS.update(_TRADITIONAL_PAIRS)
FOLD_TABLE = str.maketrans(_FOLD_PAIRS)
_PUNCT_PAIRS = [
    (k, v)
    for k, v in _FOLD_PAIRS.items()
    if not (k.isalnum() and k in _WIDE_ALNUM) and k not in _TRADITIONAL_PAIRS
]
#: What only the translation table folds: fullwidth letters and digits, traditional characters.
_TRANSLATED_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a" + "".join(_TRADITIONAL_PAIRS) + "]")


def fold(text: str) -> str:
    """Fold fullwidth punctuation/digits/spaces to ASCII, one character for one character.

    ``str.translate`` looks up every character in a dict, which is slow on long CJK text; a handful of
    ``str.replace`` calls for the punctuation actually present is an order of magnitude faster.
    """
    for wide, narrow in _PUNCT_PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    if _TRANSLATED_RE.search(text) is not None:
        text = text.translate(FOLD_TABLE)
    return text


class T(NamedTuple):
    """A piece of printed text (``o``) with its folded twin (``n``) of the same length."""

    o: str
    n: str

    @classmethod
    def of(cls, printed: str) -> T:
        return cls(printed, fold(printed))

    def cut(self, start: int, end: int | None = None) -> T:
        o, n = self
        return _new(T, (o[start:end], n[start:end]))

    def strip(self, chars: str | None = None) -> T:
        """Strip on the folded text so both halves lose the same characters."""
        n = self.n
        stripped = n.strip(chars)
        if len(stripped) == len(n):
            return self
        if not stripped:
            return _EMPTY
        left = len(n) - len(n.lstrip(chars))
        right = left + len(stripped)
        return _new(T, (self.o[left:right], stripped))

    def __bool__(self) -> bool:
        return bool(self.n)


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def well_formed(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD. Python decodes the bytes of a file name or
    an argument that are not UTF-8 to surrogates, which no UTF-8 store or JSON file can hold; a
    caller's string may carry them too. Decoded files never do (decoding is strict).

    Strict UTF-8 encoding fails on exactly those code points, and encodes a notice several times
    faster than the surrogate pattern searches it (every read asks this of the whole text)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    return _SURROGATE_RE.sub("\ufffd", text)


_EMPTY = T("", "")
#: ``T(o, n)`` without the Python-level ``__new__`` a NamedTuple has: slicing makes a T for every piece
#: of every line, and the generated constructor cost as much as the slicing.
_new = tuple.__new__


@dataclass(slots=True)
class Line:
    """One non-blank line of the source with its 1-based line number.

    ``cells`` is set when the line is a table row (from .docx/.xlsx/.csv/HTML tables or ``|``-separated
    text); cell strings are as printed and may hold newlines when a cell held several paragraphs.
    """

    no: int
    text: T
    cells: tuple[str, ...] | None = None


#: Spaces after an enumeration comma or a comma ("区发改局、 区财政局"): a stray keystroke, never a paragraph
#: gap or a cell boundary, so they are dropped before anything reads the line.
_STRAY_SPACE_RE = re.compile(r"(?<=[、，])[ \u3000\xa0]+")


def split_lines(text: str, first_line: int = 1) -> list[Line]:
    """Split text into non-blank, trimmed lines, keeping source line numbers (spaces after 、 and ，
    dropped: see :data:`_STRAY_SPACE_RE`)."""
    out: list[Line] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "、 " in text or "， " in text or "、\u3000" in text or "，\u3000" in text:
        text = _STRAY_SPACE_RE.sub("", text)
    folded = fold(text)
    for offset, (raw, raw_folded) in enumerate(zip(text.split("\n"), folded.split("\n"), strict=True)):
        if raw_folded.isspace() or not raw_folded:  # blank lines: half the lines of many notices
            continue
        out.append(Line(first_line + offset, _new(T, (raw, raw_folded)).strip()))
    return out


_LATIN_END_RE = re.compile(r"(?:^|(?P<gap>\s))?[A-Za-z0-9.\-]*[A-Za-z]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z][A-Za-z0-9.\-]*(?P<gap>\s|$)?")


def glue(left: str, right: str) -> str:
    """What goes between two pieces of one paragraph that a line break separated: "" or " ".

    Chinese text has no spaces between words, so a break next to a CJK character or punctuation joins
    with nothing, and so does a break next to a digit ("70" + "00家", "5" + "A级"). Between two Latin
    letters it depends on the text around them: inside English words set apart by spaces ("the
    quick" + "brown fox") the break swallowed a space and gets it back; inside a code written into
    Chinese text ("市区P" + "M2.5平均", "G" + "DP") it split one token and joins with nothing.
    """
    if not left or not right or not (left[-1].isascii() and left[-1].isalpha()):
        return ""
    if not (right[0].isascii() and right[0].isalpha()):
        return ""
    before = _LATIN_END_RE.search(left)
    after = _LATIN_START_RE.match(right)
    spaced_left = before is not None and (before.start() == 0 or before.group("gap") is not None)
    spaced_right = after is not None and (after.end() == len(right) or after.group("gap") is not None)
    return " " if spaced_left or spaced_right else ""


def join_pieces(pieces: list[str]) -> str:
    """Pieces of one paragraph joined with :func:`glue`."""
    if len(pieces) < 2:
        return "".join(pieces)
    out = pieces[0]
    for piece in pieces[1:]:
        out += glue(out, piece) + piece
    return out
