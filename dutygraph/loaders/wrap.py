"""Visual lines → logical lines: rejoin paragraphs that a PDF (or text copied from one) wrapped.

pypdf returns a PDF's *visual* lines, and text copied out of a PDF keeps them: a task's text, its
"责任单位:…" list, or a bracket "(列第一位者为牵头单位,下同)" runs on over two or three lines. The
layout scan reads one line at a time, so a wrapped unit list would lose its tail ("南浔区政" + "府")
and a wrapped bracket would not be read as one. :func:`logical_line` gives the scan the whole
logical line instead, by the rules a reader applies:

1. A line that *starts* something never continues the line before: a task number, a section or
   chapter heading, a "LABEL:" line (责任单位/牵头单位/配合单位/分管领导…), an attachment marker,
   page furniture, the document tail, a date line ("2019年2月27日"), a table row, a table header.
   A line followed by a date line is a signature ("湖州市人民政府办公室") and never continues either.
2. A bracket left open at the end of a line always continues on the next (brackets pair up within
   one logical line; the rare typo costs a few lines of text, capped at :data:`MAX_JOIN`).
3. After a label, what continues is the rest of the value: the line ended on a separator ("、",
   ",") or the label itself, the next starts with one, or the last unit plus the next line's first
   piece reads as one unit name ("南浔区政"+"府", "市政府"+"办公室、…"). These rules use the
   *content* only, so they hold for any document; a sub-heading such as "生态环境" after
   "责任单位:市住建局" stays apart because "市住建局生态环境" is no unit name.
4. Anything else (task text, headings, cover lists) continues only when the document is visibly
   wrapped — a large share of its lines have the same length, the measure — and the line reaches that
   measure. A line short of the measure ended its paragraph, the way a reader sees it. Documents
   that are not wrapped (text from web pages, .docx) never meet the measure test, so their lines are
   read exactly as before.

Joined pieces are glued with :func:`~dutygraph.loaders.text.glue`: no space between CJK characters,
one space only between two Latin words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from dutygraph.loaders.assign import _KIND, LABEL_LINE_RE, LABEL_RE, parse_bracket
from dutygraph.loaders.layouts.flat_table import header_run
from dutygraph.loaders.structure import (
    ATTACHMENT_RE,
    CHAPTER_RE,
    COVER_LIST_RE,
    SECTION_RE,
    is_furniture,
    is_tail,
    match_number,
)
from dutygraph.loaders.text import Line, T, glue
from dutygraph.loaders.units import bracket_groups, named_like_unit

#: At most this many visual lines are joined into one logical line.
MAX_JOIN = 12
#: A date on its own line: the end of a notice's body or of its signature block.
DATE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)$"
)
_MARKDOWN_RULE_RE = re.compile(r"^[\s|:\-—=+]+$")
_OPEN = "([【〔"
_CLOSE = ")]】〕"
_UNIT_KINDS = frozenset({"lead", "co", "resp"})
_SEPARATORS = "、,;:"
_BOUNDARY = frozenset("。;,. )")
#: Words that only ever end a unit name: a line starting with one finishes the unit above it.
_UNIT_TAIL_RE = re.compile(
    r"^(?:办公室|人民政府|政府|管委会|委员会|分局|支队|大队|中心|集团|分公司|公司|局|委|办|\()"
)
#: Only lines at least this long (characters) measure a wrapped document.
_MEASURE_MIN = 20


def display_width(text: str) -> int:
    """Width in half-em cells: CJK characters and fullwidth forms 2, everything else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True)
class Measure:
    """The document's line length when it is wrapped, by character count and by display width.

    Typesetters wrap by width (CJK 2, Latin 1), tools such as ``textwrap`` by characters; a document
    is wrapped at a measure when at least four lines and a quarter of its long lines share that length.
    """

    chars: int | None = None
    width: int | None = None

    @classmethod
    def of(cls, lines: list[Line]) -> Measure:
        texts = [line.text.o for line in lines if line.cells is None and len(line.text.o) >= _MEASURE_MIN]
        return cls(_mode([len(t) for t in texts]), _mode([display_width(t) for t in texts]))

    def full(self, text: str) -> bool:
        """The line reaches the measure (a character or a CJK character short counts as full)."""
        if self.chars is not None and len(text) >= self.chars - 1:
            return True
        return self.width is not None and display_width(text) >= self.width - 3


def _mode(values: list[int]) -> int | None:
    if not values:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count >= 4 and count * 4 >= len(values) else None


def is_date(folded: str) -> bool:
    return folded[:1] in "0123456789〇零一二三四五六七八九" and DATE_RE.match(folded) is not None


def starts_something(lines: list[Line], j: int) -> bool:
    """Rule 1: the line at ``j`` begins a new logical line whatever came before it."""
    line = lines[j]
    n = line.text.n
    if line.cells is not None or not n:
        return True
    if match_number(n, line.text.o) is not None or SECTION_RE.match(n) or CHAPTER_RE.match(n):
        return True
    if LABEL_LINE_RE.match(n) or is_furniture(n) or is_tail(n) or is_date(n):
        return True
    if n[0] == "附" and (ATTACHMENT_RE.match(n) or COVER_LIST_RE.match(n)):
        return True
    if n[0] in "|-:" and _MARKDOWN_RULE_RE.match(n):
        return True
    if n[0] in "([【" and _OPEN.find(n[0]) == _CLOSE.find(n[-1]) and len(bracket_groups(line.text)) == 1:
        inner = parse_bracket(line.text.cut(1, len(n) - 1))
        if inner is not None and inner.has_any():
            return True  # "(牵头领导:赵六副市长)" on its own line
    if j + 1 < len(lines) and is_date(lines[j + 1].text.n):
        return True  # a signature
    return len(n) <= 12 and header_run(lines, j) is not None


def open_brackets(folded: str) -> int:
    depth = 0
    for ch in folded:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth


def label_tail(folded: str) -> tuple[str, str] | None:
    """``(kind, value so far)`` of the last top-level label in a line, if the line holds one."""
    found: tuple[str, str] | None = None
    for m in LABEL_RE.finditer(folded):
        start = m.start()
        if (start and folded[start - 1] not in _BOUNDARY) or open_brackets(folded[:start]):
            continue  # "…明确责任单位:…" inside a sentence, or a label inside a bracket
        found = (_KIND[m.group("label")], folded[m.end() :])
    return found


def _strip_brackets(text: str) -> str:
    t = T.of(text)
    for start, end in reversed(bracket_groups(t)):
        text = text[:start] + text[end:]
    return text


def _last_piece(value: str) -> str:
    return re.split("[" + _SEPARATORS + "]", value)[-1].strip()


def unit_list_continues(kind: str, value: str, nxt: str, full: bool) -> bool:
    """Rule 3: does ``nxt`` carry on the value of a label whose text so far is ``value``?"""
    value = value.strip()
    if not value or value[-1] in _SEPARATORS or nxt[0] in _SEPARATORS:
        return True
    if kind not in _UNIT_KINDS:
        # Leaders, deadlines, "部门分工" sentences: no unit names to test, only the measure.
        return full and not value.endswith(("。", "."))
    if value.endswith(("。", ".")) or "。" in nxt.rstrip("。."):
        return False
    last = _strip_brackets(_last_piece(value))
    first = re.split("[" + _SEPARATORS + "]", nxt)[0].strip()
    if not first or len(first) > 24:
        return False
    if not named_like_unit(_strip_brackets(last + first)):
        return False
    if not named_like_unit(last):
        return True  # "南浔区政" + "府": the unit was cut
    # "市政府" + "办公室、…": a whole unit plus a piece that can only end a unit name.
    return bool(_UNIT_TAIL_RE.match(first)) or (full and len(re.split("[、,;]", nxt)) > 1)


def logical_line(lines: list[Line], i: int, measure: Measure) -> tuple[Line, int]:
    """The logical line starting at ``i`` and the index of its last visual line (see the module)."""
    line = lines[i]
    if line.cells is not None:
        return line, i
    o, n = line.text.o, line.text.n
    visual = o
    j = i
    while j + 1 < len(lines) and j - i + 1 < MAX_JOIN and not starts_something(lines, j + 1):
        nxt = lines[j + 1].text
        full = measure.full(visual)
        if open_brackets(n):
            joins = True
        else:
            tail = label_tail(n)
            joins = unit_list_continues(tail[0], tail[1], nxt.n, full) if tail else full
        if not joins:
            break
        gap = glue(o, nxt.o)
        o, n = o + gap + nxt.o, n + gap + nxt.n
        visual = nxt.o
        j += 1
    if j == i:
        return line, i
    return Line(line.no, T(o, n)), j
