"""Visual lines → logical lines: rejoin paragraphs that a PDF (or text copied from one) wrapped.

pypdf returns a PDF's *visual* lines, and text copied out of a PDF keeps them: a task's text, its
"责任单位:…" list, or a bracket "(列第一位者为牵头单位,下同)" runs on over two or three lines. The
layout scan reads one line at a time, so a wrapped unit list would lose its tail ("南浔区政" + "府")
and a wrapped bracket would not be read as one. :func:`logical_line` gives the scan the whole
logical line instead, by the rules a reader applies:

1. A line that *starts* something never continues the line before: a task number, a section or
   chapter heading, a "LABEL:" line (责任单位/牵头单位/配合单位/分管领导…), an attachment marker,
   page furniture, the document tail, a date line ("2019年2月27日"), a table row, a table header.
   A line followed by a date line is a signature ("湖州市人民政府办公室") and never continues either —
   unless the line above is a label still waiting for its value ("完成时限:", "责任单位:A、").
2. A bracket left open at the end of a line always continues on the next (brackets pair up within
   one logical line; the rare typo costs a few lines of text, capped at :data:`MAX_BRACKET_JOIN` lines).
3. What content shows to be unfinished continues, in any document:
   - after a label, the rest of its value: the line ended on a separator ("、", ",") or on the label
     itself, the next starts with one, or the last unit plus the next line's first piece reads as one
     unit name ("南浔区政"+"府", "市政府"+"办公室、…"); a "部门分工:" sentence until its full stop or
     closing verb ("…省财政厅配" + "合。");
   - a label cut in two ("…(责任" + "领导:…");
   - a bracket-closed paragraph whose text after the last assignment stops mid-sentence ("…(X负责)。
     推进高水平研" + "究型大学建设(Y负责)。").
   A sub-heading such as "生态环境" after "责任单位:市住建局" stays apart: "市住建局生态环境" is no unit
   name, and the unit line ended the way a finished one does.
4. Anything else (task text, headings, cover lists, a unit list ending on a whole unit) continues only
   when the document is visibly wrapped — a large share of its lines have one length, the measure
   (:class:`Measure`) — and the line reaches that measure. A line short of the measure ended its
   paragraph, the way a reader sees it. Text from web pages or .docx files has no measure, so rule 4
   never applies there and those documents read exactly as before. The cost: in a wrapped document a
   paragraph whose last line happens to fill the measure exactly runs on into a following line that
   starts nothing (rule 1), say an unnumbered sub-heading.

Joined pieces are glued with :func:`~dutygraph.loaders.text.glue`: no space between CJK characters,
one space only between two Latin words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from dutygraph.loaders.brackets import HOLDING_CLOSERS, HOLDING_OPENERS, bracket_groups, open_depth
from dutygraph.loaders.clauses import assignment_brackets, closing_verb, parse_bracket
from dutygraph.loaders.labels import LABEL_KINDS, LABEL_LINE_RE, LABEL_RE
from dutygraph.loaders.layouts.flat_table import header_run
from dutygraph.loaders.structure import (
    ATTACHMENT_RE,
    COVER_LIST_RE,
    SKELETON_STARTS,
    is_furniture,
    is_tail,
    match_chapter,
    match_number,
    match_section,
)
from dutygraph.loaders.text import Line, T, glue
from dutygraph.loaders.units import named_like_unit

#: At most this many visual lines are joined into one logical line (a long paragraph at 28 characters
#: a line is 20 lines or so).
MAX_JOIN = 60
#: An open bracket alone carries a line on at most this many times (a missing ")" costs no more).
MAX_BRACKET_JOIN = 8
#: A date on its own line: the end of a notice's body or of its signature block.
DATE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)$"
)
_MARKDOWN_RULE_RE = re.compile(r"^[\s|:\-—=+]+$")
#: The body of "四、五类桥梁" or "3、4号线": one or two numerals, then no more — a list of numbers the
#: wrap put at a line start. "2．2019年…" (a year) is a task.
_NUMERAL_LIST_RE = re.compile(r"^(?:[一二三四五六七八九十两]{1,2}|\d{1,2})(?![\d一二三四五六七八九十〇零])")
#: A visual line ending in one of these ended a sentence or a clause for good.
_FINAL = frozenset("。;!?:)]】〕”")
_UNIT_KINDS = frozenset({"lead", "co", "resp"})
_SEPARATORS = "、,;:"
_BOUNDARY = frozenset("。;,. )")
#: What may stand before a label cut by the wrap (see :func:`label_cut`).
_CUT_BEFORE = _BOUNDARY | frozenset("([【")
#: Words that only ever end a unit name: a line starting with one finishes the unit above it.
_UNIT_TAIL_RE = re.compile(
    r"^(?:办公室|人民政府|政府|管委会|委员会|分局|支队|大队|中心|集团|分公司|公司|局|委|办|\()"
)
#: Only lines at least this long (characters) measure a wrapped document.
_MEASURE_MIN = 20


def display_width(text: str) -> int:
    """Width in half-em cells: CJK characters and fullwidth forms 2, everything else 1."""
    return display_widths([text])[0]


@lru_cache(maxsize=1)
def _bmp_wide() -> npt.NDArray[np.uint8]:
    """1 for every wide or fullwidth code point of the BMP (built once per process, ~15 ms)."""
    return np.fromiter(
        (unicodedata.east_asian_width(chr(code)) in "WF" for code in range(0x10000)),
        dtype=np.uint8,
        count=0x10000,
    )


def display_widths(texts: list[str]) -> list[int]:
    """:func:`display_width` of many lines in one vectorised pass — measuring a document line by line
    cost a sixth of its parse."""
    if not texts:
        return []
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    if len(codes) and int(codes.max()) < 0x10000 and lengths.min() > 0:
        # the common case, all in the BMP and no empty line: one lookup, one sum per line
        wide = _bmp_wide().take(codes)
        starts = np.cumsum(lengths) - lengths
        measured: list[int] = (lengths + np.add.reduceat(wide, starts, dtype=np.int64)).tolist()
        return measured
    in_bmp = codes < 0x10000
    wide_any = np.zeros(len(codes), dtype=np.int64)
    wide_any[in_bmp] = _bmp_wide()[codes[in_bmp]]
    for i in np.flatnonzero(~in_bmp).tolist():  # CJK extension ideographs and the like: rare
        wide_any[i] = unicodedata.east_asian_width(chr(int(codes[i]))) in "WF"
    running = np.concatenate([[0], np.cumsum(wide_any)])  # wide characters before each position
    ends = np.cumsum(lengths)
    widths: list[int] = (lengths + running[ends] - running[ends - lengths]).tolist()
    return widths


@dataclass(frozen=True)
class Measure:
    """The document's line length when it is wrapped, by character count and by display width.

    Typesetters wrap by width (CJK 2, Latin 1), tools such as ``textwrap`` by characters; a document
    is wrapped at a measure when at least four lines and a quarter of its long lines share that length.
    """

    chars: int | None = None
    width: int | None = None
    #: Display widths of the document's lines, measured in one vectorised pass when the document has
    #: a width measure: :meth:`full` is asked about most lines of a wrapped document, and measuring
    #: one line at a time cost a sixth of its parse. Not part of the measure's value.
    widths: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, lines: list[Line]) -> Measure:
        texts = [line.text.o for line in lines if line.cells is None]
        long = [t for t in texts if len(t) >= _MEASURE_MIN]
        long_widths = display_widths(long)
        width = _mode(long_widths)
        widths: dict[str, int] = {}
        if width is not None:
            short = [t for t in texts if len(t) < _MEASURE_MIN]
            widths = dict(zip(long, long_widths, strict=True))
            widths.update(zip(short, display_widths(short), strict=True))
        return cls(_mode([len(t) for t in long]), width, widths)

    def full(self, text: str) -> bool:
        """The line reaches the measure (a character or a CJK character short counts as full)."""
        if self.chars is not None and len(text) >= self.chars - 1:
            return True
        if self.width is None:
            return False
        known = self.widths.get(text)
        return (known if known is not None else display_width(text)) >= self.width - 3


def _mode(values: list[int]) -> int | None:
    if not values:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count >= 4 and count * 4 >= len(values) else None


def is_date(folded: str) -> bool:
    return folded[:1] in "0123456789〇零一二三四五六七八九" and DATE_RE.match(folded) is not None


def starts_something(
    lines: list[Line], j: int, labels: bool = True, run_on: bool = False, ends: bool = True
) -> bool:
    """Rule 1: the line at ``j`` begins a new logical line whatever came before it.

    With ``labels`` false a "LABEL:" line does not count: inside an open bracket labels follow each
    other ("(责任领导:…;" / "牵头单位:…)"), and a label cut by the wrap ("责任" / "领导:") goes on.
    ``run_on`` says the line before filled the measure in mid-sentence; then a numeral list that
    the wrap put at the start of a line ("…准四级公路和" / "四、五类桥梁") is no heading, and a bracket
    on a line of its own ("…牵头重点工作" / "(许继清副市长协助)") finishes the line above. With
    ``ends`` false a date or a signature does not count: a label still waits for its value.
    """
    return _starts_given(lines, j, always_starts(lines[j]), labels, run_on, ends)


#: What a line that :func:`always_starts` answers for opens with (or it opens with a digit, or ends 印发).
_MAY_START = SKELETON_STARTS | frozenset("|-:")


def always_starts(line: Line) -> bool | None:
    """The part of rule 1 that needs nothing about the line before: ``True`` when ``line`` starts
    something whatever the flags of :func:`starts_something`, ``False`` for a task number or heading
    whose body is a numeral list (it starts something unless the line before ran on), ``None`` when
    the flags decide.

    :func:`logical_line` asks this first: most lines of a notice are followed by a task, a heading
    or page furniture, and then the checks on the line itself (brackets, labels, measure) are moot.
    """
    n = line.text.n
    if line.cells is not None or not n:
        return True
    if n[0] not in _MAY_START and not n[0].isdigit() and not n.endswith("印发"):
        return None  # a label line, a line of text: none of the checks below can answer for it
    numbered = match_number(n, line.text.o)
    section = match_section(n) if numbered is None else None
    if numbered is not None or section is not None:
        body = (
            n[numbered.body_start :] if numbered is not None else (section.group("body") if section else "")
        )
        return _NUMERAL_LIST_RE.match(body) is None
    if match_chapter(n) or is_furniture(n) or is_tail(n):
        return True
    if n[0] == "附" and (ATTACHMENT_RE.match(n) or COVER_LIST_RE.match(n)):
        return True
    if n[0] in "|-:" and _MARKDOWN_RULE_RE.match(n):
        return True
    return None


def _starts_given(
    lines: list[Line], j: int, always: bool | None, labels: bool, run_on: bool, ends: bool
) -> bool:
    """:func:`starts_something` once :func:`always_starts` of the line at ``j`` is known."""
    if always is not None:
        return always or not run_on
    line = lines[j]
    n = line.text.n
    if (labels and LABEL_LINE_RE.match(n)) or (ends and is_date(n)):
        return True
    if (
        labels
        and not run_on
        and n[0] in "([【"
        and HOLDING_OPENERS.find(n[0]) == HOLDING_CLOSERS.find(n[-1])
        and len(bracket_groups(line.text)) == 1
    ):
        inner = parse_bracket(line.text.cut(1, len(n) - 1))
        if inner is not None and inner.has_any():
            return True  # "(牵头领导:赵六副市长)" on its own line
    if ends and j + 1 < len(lines) and is_date(lines[j + 1].text.n):
        return True  # a signature
    return len(n) <= 12 and header_run(lines, j) is not None


def label_tail(folded: str) -> tuple[str, str] | None:
    """``(kind, value so far)`` of the last top-level label in a line, if the line holds one."""
    found: tuple[str, str] | None = None
    if ":" not in folded:  # every label ends in a colon; most lines have none
        return None
    for m in LABEL_RE.finditer(folded, 0, folded.rfind(":") + 1):  # no label after the last colon
        start = m.start()
        if (start and folded[start - 1] not in _BOUNDARY) or open_depth(folded[:start]):
            continue  # "…明确责任单位:…" inside a sentence, or a label inside a bracket
        found = (LABEL_KINDS[m.group("label")], folded[m.end() :])
    return found


def _strip_brackets(text: str) -> str:
    t = T.of(text)
    for start, end in reversed(bracket_groups(t)):
        text = text[:start] + text[end:]
    return text


def _last_piece(value: str) -> str:
    return re.split("[" + _SEPARATORS + "]", value)[-1].strip()


def label_cut(folded: str, nxt: str) -> bool:
    """The wrap fell inside a label: "…(责任" + "领导:…", "…。牵头单" + "位:…"."""
    head = nxt[:8]
    if ":" not in head:  # the label's colon would be on the next line
        return False
    if len(folded) > 5 and _CUT_BEFORE.isdisjoint(folded[-6:-1]):
        return False  # no piece of the last five characters follows a boundary: no k below can pass
    for k in range(1, min(5, len(folded)) + 1):
        if len(folded) > k and folded[-k - 1] not in _BOUNDARY and folded[-k - 1] not in "([【":
            continue
        m = LABEL_LINE_RE.match(folded[-k:] + head)
        if m is not None and m.end("label") > k:
            return True
    return False


def unit_list_continues(kind: str, value: str, nxt: str, full: bool) -> bool:
    """Rule 3: does ``nxt`` carry on the value of a label whose text so far is ``value``?"""
    value = value.strip()
    if not value or value[-1] in _SEPARATORS or nxt[0] in _SEPARATORS:
        return True
    if kind == "split":
        # "部门分工:X牵头,Y配合。": the sentence goes on until its full stop or closing verb.
        return not value.endswith(("。", ".")) and closing_verb(value) is None
    if kind not in _UNIT_KINDS:
        # Leaders, deadlines: no unit names to test, only the measure.
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
    # Otherwise only a line that reaches the measure was cut there ("…、市政府" / "各有关部门").
    return bool(_UNIT_TAIL_RE.match(first)) or full


def paragraph_goes_on(t: T) -> bool:
    """Rule 3 for bracket-closed paragraphs: text after the line's last assignment is cut mid-sentence.

    "…(X负责)。推进高水平研" + "究型大学建设(Y负责)。": the next task started on this line.
    """
    n = t.n.rstrip()
    if not n or n[-1] in _FINAL or ")" not in n:
        return False
    brackets = assignment_brackets(t)
    return bool(brackets) and bool(t.n[brackets[-1][1] :].strip(" 。;,.、"))


def logical_line(lines: list[Line], i: int, measure: Measure) -> tuple[Line, int]:
    """The logical line starting at ``i`` and the index of its last visual line (see the module)."""
    line = lines[i]
    if line.cells is not None:
        return line, i
    o, n = line.text.o, line.text.n
    visual = o
    j = i
    bracket_joins = 0
    while j + 1 < len(lines) and j - i + 1 < MAX_JOIN:
        always = always_starts(lines[j + 1])
        if always:
            break  # a task, a heading, furniture…: nothing about this line can carry it on
        nxt = lines[j + 1].text
        depth = open_depth(n)
        cut = label_cut(n, nxt.n)
        if always is None and not (depth or cut) and LABEL_LINE_RE.match(nxt.n):
            break  # a "LABEL:" line starts something unless a bracket or a cut label is open
        full = measure.full(visual)
        run_on = full and n[-1] not in _FINAL
        tail = label_tail(n) if not (depth or cut) else None
        # "完成时限:" / "2019年12月31日", "责任单位:A、" / "B": the value must follow, date or not.
        waiting = tail is not None and (not tail[1].strip() or tail[1].rstrip()[-1] in _SEPARATORS)
        if _starts_given(lines, j + 1, always, not (depth or cut), run_on, not waiting):
            break
        if depth or cut:
            bracket_joins += 1
            joins = cut or full or bracket_joins <= MAX_BRACKET_JOIN
        elif tail:
            joins = unit_list_continues(tail[0], tail[1], nxt.n, full)
        else:
            joins = full or paragraph_goes_on(T(o, n))
        if not joins:
            break
        gap = glue(o, nxt.o)
        o, n = o + gap + nxt.o, n + gap + nxt.n
        visual = nxt.o
        j += 1
    if j == i:
        return line, i
    return Line(line.no, T(o, n)), j
