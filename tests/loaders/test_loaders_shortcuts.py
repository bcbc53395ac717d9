"""Every shortcut the loaders take for speed answers what the plain check it stands for answers.

The scan skips work with cheap pre-checks (a first character, a last character, a colon) and walks
only the characters that matter. Each test here compares one shortcut with the plain definition it
replaced, on random text built from the pieces of notices where the two could part, and on the edge
cases named in ``@example``.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dutygraph.loaders.assignment import _TAIL_MARKS_RE, _without_tail
from dutygraph.loaders.brackets import PAIR as _PAIR
from dutygraph.loaders.brackets import bracket_groups
from dutygraph.loaders.brackets import open_depth as open_brackets
from dutygraph.loaders.clauses import _VERB_RE, closing_verb, parse_bracket
from dutygraph.loaders.labels import _ALL as ALL_LABELS
from dutygraph.loaders.labels import _GLUED_HINT_RE, _GLUED_LABEL_RE, LABEL_RE
from dutygraph.loaders.layouts import run_together
from dutygraph.loaders.layouts.flat_table import header_run
from dutygraph.loaders.metadata import DATE_RE as METADATA_DATE_RE
from dutygraph.loaders.metadata import date_in
from dutygraph.loaders.parse import _LATIN_RE, latin_letters
from dutygraph.loaders.segment import _INLINE_FURNITURE_RE, PAGE_LINE, is_flattened_page
from dutygraph.loaders.structure import (
    ATTACHMENT_RE,
    CHAPTER_RE,
    COVER_LIST_RE,
    SECTION_RE,
    SKELETON_STARTS,
    is_furniture,
    is_tail,
    match_chapter,
    match_number,
    match_section,
)
from dutygraph.loaders.text import _SURROGATE_RE, Line, T, fold, split_lines, well_formed
from dutygraph.loaders.units import (
    _AND_SPLIT_RE,
    _GLUED_AT_RE,
    _LEAD_SIGN_RE,
    _LIST_MARK_RE,
    _PLACEHOLDER_RE,
    _SPACE_SPLIT_RE,
    _STRONG_AND_RE,
    _TRAILING,
    _TWO_GROUPS_RE,
    _WEAK_MARK_RE,
    _WEAKLY_SEPARATED_RE,
    _split_units,
    split_units,
)
from dutygraph.loaders.wrap import (
    _MARKDOWN_RULE_RE,
    _NUMERAL_LIST_RE,
    LABEL_LINE_RE,
    Measure,
    always_starts,
    display_width,
    display_widths,
    is_date,
    label_cut,
    starts_something,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Pieces of notices where the shortcuts and the plain checks could part: brackets of every kind,
#: separators and boundaries, labels whole and cut, closing verbs, numbers, headings, dates, furniture.
PIECES = [
    *"([【〔〈《「“‘{)]】〕〉》」”’}（）",
    *"、,;。.: \n|-",
    "责任单位",
    "责任",
    "单位",
    "领导",
    "牵头单位:",
    "完成时限:",
    "牵头",
    "负责",
    "配合",
    "协助推进",
    "为牵头单位",
    "落实",
    "一、",
    "四、五类",
    "3、4号线",
    "1.",
    "12．",
    "(一)",
    "第一章",
    "第3节",
    "第",
    "附件1",
    "附件:",
    "抄送",
    "印发",
    "2019年2月27日",
    "市局",
    "政府",
    "推进改革",
    "(牵头领导:赵六副市长)",
    "序号",
    "工作任务",
    "浏览量",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
#: Pieces of unit lists and label lines where a list's or a label's pre-check and its pattern could part.
LIST_PIECES = [
    *"、,;\n 　/／-—－★☆▲*＊(",
    *"及与和各无空",
    "不涉及",
    "自治区",
    "市局",
    "区发改局",
    "县",
    "各区县政府",
    "各地区",
    "各部门",
    "市自然资源和规划局",
    "2023年底前",
    "20",
    "19",
    "年",
    "长期",
    "持续",
    "“十四五”",
    "十三五",
    "牵头单位",
    "配合单位",
    "责任单位及责任人",
    "实施主体",
    "完成时限",
    "时间节点",
    "相关",
    "有关",
    "平潭",
    "福建",
    "当前位置:",
    "当前位置",
    "微信 微博",
    "微信",
    "附件下载:",
    "责任领导:",
    ":",
]
LIST_TEXT = st.lists(st.sampled_from(LIST_PIECES), max_size=10).map("".join)


def _reference_open_brackets(folded: str) -> int:
    depth = 0
    for ch in folded:
        if ch in "([【〔":
            depth += 1
        elif ch in ")]】〕" and depth:
            depth -= 1
    return depth


def _reference_bracket_groups(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _PAIR:
            if not stack:
                start = i
            stack.append(_PAIR[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                spans.append((start, i + 1))
    return spans


def _reference_outside_depth(text: str, end: int) -> int:
    depth = 0
    for ch in text[:end]:
        if ch in "([（【〔":
            depth += 1
        elif ch in ")]）】〕" and depth:
            depth -= 1
    return depth


def _reference_label_cut(folded: str, nxt: str) -> bool:
    head = nxt[:8]
    if ":" not in head:
        return False
    for k in range(1, min(5, len(folded)) + 1):
        if len(folded) > k and folded[-k - 1] not in "。;,. )" and folded[-k - 1] not in "([【":
            continue
        m = LABEL_LINE_RE.match(folded[-k:] + head)
        if m is not None and m.end("label") > k:
            return True
    return False


def _reference_starts_something(lines: list[Line], j: int, labels: bool, run_on: bool, ends: bool) -> bool:
    """Rule 1 as written before :func:`always_starts` was split off, in one piece."""
    line = lines[j]
    n = line.text.n
    if line.cells is not None or not n:
        return True
    numbered = match_number(n, line.text.o)
    section = SECTION_RE.match(n) if numbered is None else None
    if numbered is not None or section is not None:
        body = (
            n[numbered.body_start :] if numbered is not None else (section.group("body") if section else "")
        )
        return not (run_on and _NUMERAL_LIST_RE.match(body))
    if CHAPTER_RE.match(n):
        return True
    if (labels and LABEL_LINE_RE.match(n)) or is_furniture(n) or is_tail(n) or (ends and is_date(n)):
        return True
    if n[0] == "附" and (ATTACHMENT_RE.match(n) or COVER_LIST_RE.match(n)):
        return True
    if n[0] in "|-:" and _MARKDOWN_RULE_RE.match(n):
        return True
    if (
        labels
        and not run_on
        and n[0] in "([【"
        and "([【〔".find(n[0]) == ")]】〕".find(n[-1])
        and len(bracket_groups(line.text)) == 1
    ):
        inner = parse_bracket(line.text.cut(1, len(n) - 1))
        if inner is not None and inner.has_any():
            return True
    if ends and j + 1 < len(lines) and is_date(lines[j + 1].text.n):
        return True
    return len(n) <= 12 and header_run(lines, j) is not None


@SETTINGS
@given(TEXT)
def test_bracket_walks_see_what_a_walk_over_every_character_sees(text):
    assert open_brackets(text) == _reference_open_brackets(text)
    assert bracket_groups(T(text, text)) == _reference_bracket_groups(text)
    folded = fold(text)  # the inline-label check asks the depth of folded text: （ is ( there
    for end in range(len(text) + 1):
        assert open_brackets(folded[:end]) == _reference_outside_depth(folded, end)


@SETTINGS
@given(TEXT)
@example("市局负责\n")
@example("市局配合\n\n")
@example("负责\n市局")
def test_closing_verb_is_the_verb_search(text):
    found, expected = closing_verb(text), _VERB_RE.search(text)
    assert (found and (found.span(), found.group("verb"))) == (
        expected and (expected.span(), expected.group("verb"))
    )


@SETTINGS
@given(TEXT)
@example("第一章 总则")
@example("四、五类桥梁")
def test_section_and_chapter_checks_are_the_patterns(text):
    for shortcut, pattern in ((match_section, SECTION_RE), (match_chapter, CHAPTER_RE)):
        found, expected = shortcut(text), pattern.match(text)
        assert (found and found.span("body")) == (expected and expected.span("body"))


@SETTINGS
@given(TEXT, TEXT)
@example("推进。牵头责任单", "位:市局")
@example("推进(责任", "领导:王五")
@example("责任", "领导:王五")
def test_label_cut_gives_up_only_where_no_cut_label_can_be(folded, nxt):
    assert label_cut(folded, nxt) == _reference_label_cut(folded, nxt)


@SETTINGS
@given(st.text(alphabet="、,;\n 。.:!?-市局委办（）ＡＢ１", max_size=60))
def test_a_list_without_brackets_splits_like_any_list(printed):
    """The bracket-free path of split_units (before weaker separators are read): pieces between separators,
    trimmed on the fold."""
    t = T.of(printed)
    if any(ch in "([〈《【〔「“‘{" for ch in t.n):
        return
    expected: list[str] = []
    start = 0
    for i, ch in enumerate(t.n + "、"):
        if ch in "、,;\n":
            piece = t.cut(start, i).strip(_TRAILING)
            if piece:
                expected.append(piece.o)
            start = i + 1
    assert _split_units(t).units == expected


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=8))
@example(
    [
        "推进准四级公路和",
        "四、五类桥梁",
        "3、4号线。",
        "(牵头领导:赵六副市长)",
        "湖州市人民政府",
        "2019年2月27日",
    ]
)
@example(["序号", "工作任务", "责任单位", "1", "推进改革"])
def test_rule_one_reads_as_before_and_always_starts_ignores_the_line_before(texts):
    lines = [Line(no, T.of(text)) for no, text in enumerate(texts, start=1)]
    for j, line in enumerate(lines):
        always = always_starts(line)
        for labels in (True, False):
            for run_on in (True, False):
                for ends in (True, False):
                    starts = starts_something(lines, j, labels=labels, run_on=run_on, ends=ends)
                    assert starts == _reference_starts_something(lines, j, labels, run_on, ends)
                    if always is not None:
                        assert starts == (always or not run_on)


@SETTINGS
@given(TEXT)
@example("责任单位:市发改委")
@example("3 预警")
@example("湖州市人民政府办公室2019年2月27日印发")
def test_a_line_opening_with_no_skeleton_character_is_no_number_heading_furniture_or_tail(text):
    """:func:`always_starts` leaves such a line to the flags at once: none of the checks it makes answers."""
    n = T.of(text).n
    if (
        n
        and n[0] not in SKELETON_STARTS
        and n[0] not in "|-:"
        and not n[0].isdigit()
        and not n.endswith("印发")
    ):
        assert match_number(n, text) is None and match_section(n) is None and match_chapter(n) is None
        assert not is_furniture(n) and not is_tail(n) and n[0] != "附"


def test_a_width_known_in_advance_is_the_width_measured_then():
    """Six lines of one display width (30) and six character counts: a width measure, no character
    measure; a line of width 27 reaches it, one of width 26 does not."""
    lines = [Line(k + 1, T.of("市" * k + "a" * (30 - 2 * k))) for k in range(6)]
    lines += [Line(7, T.of("市" * 13 + "a")), Line(8, T.of("市" * 13))]
    measure = Measure.of(lines)
    assert (measure.chars, measure.width) == (None, 30)
    assert measure.full("市" * 13 + "a") and not measure.full("市" * 13)
    assert [measure.full(line.text.o) for line in lines] == [
        Measure(None, 30).full(line.text.o) for line in lines
    ]


@SETTINGS
@given(st.lists(st.text(alphabet="市局a1 （）、，。“”—…\u3000\uff21\uff61𠀀😀", max_size=12), max_size=8))
@example(["市局", "", "a"])
@example(["𠀀a", "市"])
def test_widths_measured_at_once_are_the_widths_of_each_character(texts):
    """The vectorised widths (one table lookup, one sum per line) are the east-Asian widths of the characters."""
    plain = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text) for text in texts]
    assert display_widths(texts) == plain


@SETTINGS
@given(st.lists(st.text(alphabet="市局一二ab 1（）、，。", min_size=1, max_size=40), min_size=1, max_size=30))
def test_widths_measured_once_answer_like_widths_measured_per_line(texts):
    lines = split_lines("\n".join(texts * 5))  # repeated, so that a measure can emerge
    measure = Measure.of(lines)
    plain = Measure(measure.chars, measure.width)  # no widths measured in advance
    for line in lines:
        assert measure.full(line.text.o) == plain.full(line.text.o)
        if measure.width is not None:
            assert measure.widths[line.text.o] == display_width(line.text.o)


@SETTINGS
@given(TEXT)
@example("2019年2月27日")
@example("二〇一九年二月二十七日印发")
@example("2019年2月27")
def test_date_check_is_the_date_search(text):
    found, expected = date_in(text), METADATA_DATE_RE.search(text)
    assert (found and found.span()) == (expected and expected.span())


@SETTINGS
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010) | st.sampled_from("市局a"),
        max_size=12,
    )
)
@example("市\ud800局")
@example("\udfff")
def test_the_encode_check_finds_what_the_surrogate_pattern_finds(text):
    assert well_formed(text) == _SURROGATE_RE.sub("\ufffd", text)
    assert (well_formed(text) is text) == (_SURROGATE_RE.search(text) is None)


@SETTINGS
@given(LIST_TEXT)
@example("牵头单位区发改局配合单位区财金局完成时限2019年底")
@example("责任单位各乡镇")
def test_a_line_without_the_glued_hint_holds_no_glued_label(text):
    if _GLUED_HINT_RE.search(text) is None:
        assert _GLUED_LABEL_RE.search(text) is None


@SETTINGS
@given(st.one_of(TEXT, LIST_TEXT))
@example("责任单位:市局")
@example("分管领导:王五")
def test_the_label_line_check_is_the_plain_label_pattern(text):
    plain = re.compile(rf"^(?P<label>{ALL_LABELS})\s*:")
    found, expected = LABEL_LINE_RE.match(text), plain.match(text)
    assert (found and (found.span(), found.group("label"))) == (
        expected and (expected.span(), expected.group("label"))
    )


@SETTINGS
@given(LIST_TEXT)
@example("区发改局区财政局")
@example("各地区各部门")
@example("区市场监督管理局 2023年底前完成")
@example("区交建局2017年底前完成")
def test_a_list_without_a_list_mark_needs_none_of_the_later_splitting_steps(text):
    if _LIST_MARK_RE.search(text) is None:
        assert _LEAD_SIGN_RE.search(text) is None
        assert _WEAKLY_SEPARATED_RE.search(text) is None
        assert "自治区" not in text
        assert _GLUED_AT_RE.search(text) is None
        assert _PLACEHOLDER_RE.search(text) is None


@SETTINGS
@given(
    st.lists(
        st.sampled_from([*LIST_PIECES, "等", "等部门", "各自", "分别", "共同", "（牵头）"]), max_size=10
    ).map("".join)
)
@example("人民银行等部门、区财政局")
@example("区发改局、区财政局分别")
def test_a_list_without_a_tail_mark_has_no_unit_to_cut(text):
    """Units are kept whole, without a look at each, when the list holds none of the tails' words."""
    if _TAIL_MARKS_RE.search(text) is None:
        assert all(_without_tail(unit) == unit for unit in split_units(T.of(text)).units)


@SETTINGS
@given(st.text())
@example("abc 市 DEF1")
@example("ｅé市Z")
def test_latin_letters_counted_over_bytes_are_the_letters_the_pattern_finds(text):
    assert latin_letters(text) == sum(map(len, _LATIN_RE.findall(text)))


HEADER_TEXT = st.lists(
    st.sampled_from(
        [*run_together._HEADER_NAMES[::7], "责任", "单位", "主要", " ", "1、", "推进", "区经发局", ":"]
    ),
    max_size=8,
).map("".join)


@SETTINGS
@given(HEADER_TEXT)
@example("序号工作任务完成时限主要责任单位任务来源1、推进甲工作3月")
@example("序 号 工作任务 责任单位及责任人 完成时限")
def test_header_names_grouped_by_first_character_match_as_the_plain_alternation(text):
    plain_header = re.compile(rf"(?:{run_together.HEADER_NAME_PLAIN}\s*){{3,}}")
    plain_name = re.compile(run_together.HEADER_NAME_PLAIN)
    for start in range(len(text) + 1):
        found, expected = run_together.HEADER_RE.match(text, start), plain_header.match(text, start)
        assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in run_together._ONE_NAME_RE.finditer(text)] == [
        m.span() for m in plain_name.finditer(text)
    ]


@SETTINGS
@given(HEADER_TEXT)
@example("序号工作任务完成时限主要责任单位")
@example("序号工作任务完成时限主要责任单位 ")
def test_a_line_that_is_a_whole_header_ends_like_one(text):
    m = run_together.header_match(text)
    if m is not None and m.end() == len(text.rstrip()):
        assert run_together.ends_like_header(text)


@SETTINGS
@given(LIST_TEXT)
@example("各地区各部门")
@example("区国资中心及区财政局")
def test_a_unit_without_a_weak_mark_is_one_name(unit):
    """What :func:`_weakly_separated` reads past its first check (a date) splits nothing without a mark."""
    if _WEAK_MARK_RE.search(unit) is None:
        assert [p for p in _SPACE_SPLIT_RE.split(unit) if p] == ([unit] if unit else [])
        assert _TWO_GROUPS_RE.match(unit) is None
        assert _STRONG_AND_RE.search(unit) is None and _AND_SPLIT_RE.search(unit) is None


@SETTINGS
@given(LIST_TEXT)
@example("首页当前位置:通知")
@example("微信 微博")
def test_the_flattened_page_check_is_the_furniture_search(text):
    plain = len(text) >= PAGE_LINE or _INLINE_FURNITURE_RE.search(text, 1) is not None
    assert is_flattened_page(text) == plain


@SETTINGS
@given(st.one_of(TEXT, LIST_TEXT))
@example("责任单位:市局、牵头单位")
@example("牵头单位:市局;配合单位 :区局")
def test_labels_read_up_to_the_last_colon_are_all_the_labels(text):
    assert [m.span() for m in LABEL_RE.finditer(text, 0, text.rfind(":") + 1)] == [
        m.span() for m in LABEL_RE.finditer(text)
    ]
