"""Wrapped lines (PDF text layers, text copied out of a PDF) read like the notice they came from.

The PDF test typesets a real notice with matplotlib in a CJK font (``pdf.fonttype = 42`` keeps a
text layer), wrapped into visual lines, with a page number at each foot; pypdf then reads it back
line by line, the way every real PDF notice reaches the loaders.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from dutygraph.loaders import parse_bytes, parse_file, parse_text
from dutygraph.loaders.office import _page_text
from dutygraph.loaders.text import glue, join_pieces
from dutygraph.loaders.wrap import Measure, display_width

ROOT = Path(__file__).resolve().parents[2]
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"
SAMPLES = [
    p for p in sorted((ROOT / "tests" / "data" / "loaders").glob("layout*.txt")) if "pipe" not in p.name
] + [HUZHOU]


def reading(doc) -> list[tuple[object, ...]]:
    """What a reader checks in every task."""
    return [
        (
            t.attachment,
            t.number,
            t.text,
            t.lead_units,
            t.co_units,
            [(x.name, x.post) for x in t.leaders],
            [(x.name, x.post) for x in t.assisting_leaders],
            t.deadline,
            t.section,
            t.subsection,
        )
        for t in doc.tasks
    ]


def wrap(text: str, width: int) -> list[str]:
    """Every line cut into visual lines of ``width`` characters, anywhere (as the repro does)."""
    rows: list[str] = []
    for line in text.splitlines():
        rows.extend(textwrap.wrap(line, width) or [""])
    return rows


_NO_LINE_START = frozenset("，。、；：！？）》”’】〕,.;:!?)")


def set_lines(text: str, width: int) -> list[str]:
    """Lines broken the way a typesetter breaks them: by width (CJK 2, Latin 1), never inside a Latin
    word or number, a space at the break swallowed, no line starting with closing punctuation."""
    rows: list[str] = []
    for line in text.splitlines():
        current = ""
        for token in re.findall(r"[A-Za-z0-9.%\-]+|\s+|.", line):
            if token.isspace():
                current += " " if current else ""
            elif (
                display_width(current + token) > width and current.strip() and token[0] not in _NO_LINE_START
            ):
                rows.append(current.rstrip())
                current = token
            else:
                current += token
        rows.append(current.rstrip())
    return rows


def typeset(rows: list[str], per_page: int = 48) -> bytes:
    """A4 pages with one visual line per row and "- n -" at each foot, as a PDF with a text layer."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from dutygraph.report.charts import cjk_font

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font to typeset with")
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buffer) as pdf:
        for page, start in enumerate(range(0, len(rows), per_page), start=1):
            fig = Figure(figsize=(8.27, 11.69))
            for k, row in enumerate(rows[start : start + per_page]):
                fig.text(0.06, 0.96 - k * 0.0195, row, fontfamily=font, fontsize=10)
            fig.text(0.5, 0.02, f"- {page} -", fontfamily=font, fontsize=10, ha="center")
            pdf.savefig(fig)
    return buffer.getvalue()


def test_a_typeset_pdf_reads_exactly_like_its_text():
    plain = parse_file(HUZHOU)
    pdf = parse_bytes(typeset(wrap(HUZHOU.read_text(encoding="utf-8"), 38)), "huzhou.pdf")
    assert pdf.meta["format"] == "pdf"
    assert len(pdf.tasks) == len(plain.tasks) == 81
    assert reading(pdf) == reading(plain)
    assert pdf.document == plain.document
    assert [w.code for w in pdf.warnings] == [w.code for w in plain.warnings]
    # The three losses the wrap used to cause, by name.
    tasks = {t.number: t for t in pdf.tasks if t.attachment == "1"}
    assert tasks["21"].co_units[-1] == "南浔区政府"
    assert tasks["11"].co_units[-3:] == ["湖州海关", "市城市集团", "湖州电力局"]
    assert tasks["1"].co_units == ["市政府各有关部门", "各区县政府"]
    assert "”,让权力在阳光下运行" in tasks["5"].text


@pytest.mark.parametrize("width", [20, 28, 38])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_text_copied_from_a_pdf_reads_like_the_text(path, width):
    text = path.read_text(encoding="utf-8")
    wrapped = "\n".join(wrap(text, width))
    assert reading(parse_text(wrapped)) == reading(parse_text(text))


@pytest.mark.parametrize("width", [56, 64])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_text_set_by_width_reads_like_the_text(path, width):
    # 56 half-em cells = 28 CJK characters, the line of a GB/T 9704 official document.
    text = path.read_text(encoding="utf-8")
    assert reading(parse_text("\n".join(set_lines(text, width)))) == reading(parse_text(text))


def test_a_wrapped_unit_list_is_read_whole():
    text = "\n".join(
        [
            "1．推进数字化改革，深化“最多跑一次”改革，全面推行证照分离、告知承诺制，让",
            "权力在阳光下运行。",
            "责任单位：市发展改革委、市市场监管局、市政府",
            "办公室、市建设局、南浔区政",
            "府、长兴县政府(列第一位者为牵头单",
            "位,下同)、市",
            "消防支队",
            "、湖州海关",
            "2．建设城市大脑。",
            "牵头单位：市大数",
            "据局",
            "配合单位：",
            "市财政局、市公安局",
        ]
    )
    doc = parse_text(text)
    first, second = doc.tasks
    assert (
        first.text
        == "推进数字化改革，深化“最多跑一次”改革，全面推行证照分离、告知承诺制，让权力在阳光下运行。"
    )
    assert first.lead_units == ["市发展改革委"]
    assert first.co_units == [
        "市市场监管局",
        "市政府办公室",
        "市建设局",
        "南浔区政府",
        "长兴县政府",
        "市消防支队",
        "湖州海关",
    ]
    assert doc.meta["first_listed_leads"] == "stated"
    assert second.lead_units == ["市大数据局"]
    assert second.co_units == ["市财政局", "市公安局"]


def test_lines_that_start_something_are_never_glued_on():
    text = "\n".join(
        [
            "附件1",
            "重点工作责任分解",
            "一、钱三雄市长牵头重点工作",
            "1．推进城市更新，",
            "2．建设城市公园。",
            "责任单位：市建设局、",
            "（三）新建学校3所。",
            "责任单位：市教育局",
            "牵头单位：市财政局",
            "配合单位：市审计局、",
            "一、许继清副市长牵头重点工作",
            "4．整治河道。",
            "责任单位：市水利局",
            "生态环境",
            "5．治理大气污染。",
            "责任单位：市生态环境局、市",
            "附件2",
            "1．新增就业岗位。",
            "责任单位：市人社局",
            "湖州市人民政府办公室",
            "2019年2月27日",
        ]
    )
    doc = parse_text(text)
    rows = [(t.attachment, t.number, t.text, t.lead_units, t.co_units, t.section) for t in doc.tasks]
    section1, section2 = "一、钱三雄市长牵头重点工作", "一、许继清副市长牵头重点工作"
    assert rows == [
        ("1", "1", "推进城市更新，", [], [], section1),
        ("1", "2", "建设城市公园。", ["市建设局"], [], section1),
        ("1", "（三）", "新建学校3所。", ["市财政局"], ["市审计局", "市教育局"], section1),
        ("1", "4", "整治河道。", ["市水利局"], [], section2),
        ("1", "5", "治理大气污染。", [], ["市生态环境局", "市"], section2),
        ("2", "1", "新增就业岗位。", ["市人社局"], [], None),
    ]
    assert doc.tasks[4].subsection == "生态环境"


def test_cjk_joins_without_a_space_and_latin_words_with_one():
    assert glue("让", "权力") == ""
    assert glue("“四风”,", "坚决") == ""
    assert glue("70", "00家") == ""  # a number split by the wrap
    assert glue("市区P", "M2.5平均浓度") == ""  # a code inside Chinese text
    assert glue("5", "A级景区") == ""
    assert glue("the quick", "brown fox") == " "  # English words: the wrap swallowed a space
    assert (
        join_pieces(["建设", "G60科创走廊", "and the", "Yangtze Delta"])
        == "建设G60科创走廊and the Yangtze Delta"
    )
    doc = parse_text(
        "1．深化区域合作，打造the quick\nbrown fox走廊，推进“厨房革命”,让权\n力在阳光下运行。\n责任单位：市商务局"
    )
    assert (
        doc.tasks[0].text == "深化区域合作，打造the quick brown fox走廊，推进“厨房革命”,让权力在阳光下运行。"
    )


def test_pdf_pages_lose_page_numbers_and_the_spaces_pypdf_adds():
    assert _page_text("1.持续深化“开门晒结果”, 让权力在阳光下运行\n- 3 -", 3) == (
        "1.持续深化“开门晒结果”,让权力在阳光下运行\n"
    )
    assert _page_text("— 2 —\n责 任 单 位:市 政 府 办 公 室", 2) == "\n责任单位:市政府办公室"
    assert _page_text("第4页 共9页\nG60 科创走廊, the quick fox", 4) == "\nG60 科创走廊, the quick fox"
    assert _page_text("任务\n4", 4) == "任务\n"
    # A bare number is a page number only at the foot and only when it is the page's.
    assert _page_text("12\n任务", 3) == "12\n任务"


def test_the_measure_is_found_only_in_wrapped_documents():
    from dutygraph.loaders.read import text_lines

    text = HUZHOU.read_text(encoding="utf-8")
    assert Measure.of(text_lines(text).lines) == Measure()
    wrapped = Measure.of(text_lines("\n".join(wrap(text, 28))).lines)
    assert wrapped.chars == 28
    assert wrapped.full("一" * 27) and not wrapped.full("一" * 20)
    assert display_width("市A") == 3


def test_a_number_list_cut_to_a_line_start_is_no_heading():
    full = 28  # the measure: four and more lines of 28 characters
    lines = [
        "1．" + "甲" * (full - 2),
        "乙" * full,
        "丙" * (full - 1) + "和",
        "四、五类桥梁，" + "丁" * (full - 7),
        "3、4号线。",
        "责任单位：市交通运输局",
        "2．" + "戊" * (full - 3) + "和",
        "3．二〇一九年底前完成。",
        "责任单位：市建设局",
    ]
    doc = parse_text("\n".join(lines))
    assert [t.number for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[0].text.endswith("丙和四、五类桥梁，" + "丁" * (full - 7) + "3、4号线。")
    assert doc.tasks[0].section is None and doc.tasks[0].lead_units == ["市交通运输局"]
    assert doc.tasks[2].text == "二〇一九年底前完成。"


def test_a_label_waits_for_its_value_even_a_date():
    doc = parse_text(
        "1．推进A。\n责任单位：市A局、\n市B局\n2019年2月27日\n2．推进B。\n完成时限：\n2019年12月31日\n"
        "责任单位：市C局\n湖州市人民政府办公室\n2019年2月27日"
    )
    rows = [(t.number, t.lead_units, t.co_units, t.deadline) for t in doc.tasks]
    assert rows == [("1", [], ["市A局", "市B局"], None), ("2", ["市C局"], [], "2019年12月31日")]


def test_widths_of_many_lines_at_once_equal_one_by_one():
    import random
    import unicodedata

    from dutygraph.loaders.wrap import display_width, display_widths

    rng = random.Random(3)
    pools = [(0x20, 0x7F), (0x80, 0x3000), (0x3000, 0xD800), (0xE000, 0x10000), (0x10000, 0x40000)]
    texts = [
        "".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(rng.randrange(0, 40)))
        for _ in range(2000)
    ] + ["政府工作报告（2019）：ＡＢ１２ “引号” 𠀀", "lone \ud800 surrogate"]
    expected = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t) for t in texts]
    assert [display_width(t) for t in texts] == expected
    assert display_widths(texts) == expected
    assert display_widths([]) == []
