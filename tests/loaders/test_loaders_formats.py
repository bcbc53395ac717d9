"""Every input format and encoding: .docx/.xlsx/.csv built here, HTML pages, GB18030, UTF-8 BOM,
and ASCII versus fullwidth punctuation giving the same reading."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dutygraph.errors import DutygraphError
from dutygraph.loaders import Leader, parse_bytes, parse_file, parse_rows, parse_text
from dutygraph.loaders.text import fold

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "loaders"
SAMPLES = sorted(DATA.glob("layout*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
_WIDEN = str.maketrans({":": "：", ",": "，", ";": "；", "(": "（", ")": "）"})


def reading(doc) -> str:
    """What a document says, with punctuation width folded (strings stay as printed otherwise)."""
    data = doc.to_json()
    data.pop("source")
    data["meta"].pop("encoding", None)
    return fold(json.dumps(data, ensure_ascii=False, sort_keys=True))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_punctuation_width_does_not_change_the_reading(path):
    text = path.read_text(encoding="utf-8")
    narrow = parse_text(fold(text))
    wide = parse_text(fold(text).translate(_WIDEN))
    assert reading(narrow) == reading(wide) == reading(parse_text(text))
    assert len(narrow.tasks) > 0


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "gbk"])
def test_encodings_give_identical_results(path, encoding, tmp_path):
    text = path.read_text(encoding="utf-8")
    target = tmp_path / path.name
    target.write_bytes(text.encode(encoding))
    encoded = parse_file(target)
    plain = parse_file(path)
    assert encoded.meta["encoding"] in (encoding, "gb18030") or encoding == "gbk"
    assert reading(encoded) == reading(plain)
    # Exact strings, not just folded ones: the print survives the round trip.
    assert [t.text for t in encoded.tasks] == [t.text for t in plain.tasks]


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>青松市人民政府门户网站</title>
<style>.nav {{ color: red }}</style><script>var 责任单位 = "市假单位";</script></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="info">浏览量：1234 发布时间：2024-02-21</div>
<div class="article">
{body}
</div>
<div class="footer"><p>扫描二维码 关注我们</p><p>主办单位：青松市人民政府办公室</p></div>
</body></html>
"""


def test_html_page_with_furniture_reads_like_the_text():
    text = (DATA / "layout2_labelled_lines.txt").read_text(encoding="utf-8")
    # Inline markup inside a paragraph must not split it.
    paragraphs = []
    for line in text.splitlines():
        if line.startswith("责任单位") and "，" in line:
            head, tail = line.split("，", 1)
            line = f"<span>{head}</span>，<b>{tail}</b>"
        paragraphs.append(f"<p>{line}</p>")
    html = HTML_PAGE.format(body="\n".join(paragraphs))
    page = parse_text(html)
    plain = parse_text(text)
    strip = lambda d: [(t.number, t.text, t.lead_units, t.co_units, t.deadline) for t in d.tasks]  # noqa: E731
    assert strip(page) == strip(plain)
    assert page.document.doc_number == "白政发〔2024〕7号"
    assert page.meta["format"] == "html"
    assert "市假单位" not in json.dumps(page.to_json(), ensure_ascii=False)


def test_html_table_and_gbk_meta(tmp_path):
    rows = "".join(
        f"<tr><td>{n}</td><td><p>{task}</p></td><td>{lead}</td><td><p>{co1}</p><p>{co2}</p></td></tr>"
        for n, task, lead, co1, co2 in [
            ("1", "新建污水管网30公里。", "市住建局", "市水务局", "各区政府"),
            ("2", "建设口袋公园12个。", "市园林局", "市财政局", "市自然资源局"),
        ]
    )
    html = HTML_PAGE.format(
        body="<p>青松市人民政府关于印发重点任务分工的通知</p><table><tr><th>序号</th><th>重点任务</th>"
        f"<th>牵头单位</th><th>配合单位</th></tr>{rows}</table>"
    ).replace('charset="utf-8"', 'charset="gbk"')
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("gbk"))
    doc = parse_file(path)
    assert [(t.text, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("新建污水管网30公里。", ["市住建局"], ["市水务局", "各区政府"]),
        ("建设口袋公园12个。", ["市园林局"], ["市财政局", "市自然资源局"]),
    ]


def test_html_table_with_merged_cells_reads_as_printed():
    """A 牵头单位 cell spanning two rows (rowspan) leads both tasks, and a section row spanning the table
    (colspan) heads the rows below it: without spans row 2 would shift one column left (its co-unit
    read as its lead, its deadline as its co-unit)."""
    html = HTML_PAGE.format(
        body="<p>国务院办公厅关于印发某项改革重点任务分工的通知</p><table>"
        "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>参与单位</th><th>完成时限</th></tr>"
        '<tr><td colspan="5">一、完善制度</td></tr>'
        '<tr><td>1</td><td>制定绩效评价指导意见</td><td rowspan="2">国家卫生健康委</td><td>财政部</td>'
        "<td>2020年9月底前</td></tr>"
        "<tr><td>2</td><td>出台签约服务指导意见</td><td>国家医保局</td><td>2020年6月底前</td></tr>"
        '<tr><td colspan="5">二、加强保障</td></tr>'
        '<tr><td>3</td><td>开展监测评估</td><td>国家疾控局</td><td>国家卫生健康委</td><td rowspan="x">持续推进</td></tr>'
        "</table>"
    )
    doc = parse_text(html)
    assert [(t.number, t.lead_units, t.co_units, t.deadline, t.section) for t in doc.tasks] == [
        ("1", ["国家卫生健康委"], ["财政部"], "2020年9月底前", "一、完善制度"),
        ("2", ["国家卫生健康委"], ["国家医保局"], "2020年6月底前", "一、完善制度"),
        ("3", ["国家疾控局"], ["国家卫生健康委"], "持续推进", "二、加强保障"),
    ]


def test_html_table_with_a_two_row_header_reads_both_unit_columns():
    """序号, 重点任务 and 完成时限 span the header's two rows; 责任单位 spans 牵头单位 and 参与单位 below it."""
    html = HTML_PAGE.format(
        body="<p>国务院办公厅关于印发某项改革重点任务分工的通知</p><table>"
        '<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td>'
        '<td rowspan="2">完成时限</td></tr><tr><td>牵头单位</td><td>参与单位</td></tr>'
        "<tr><td>1</td><td>制定绩效评价指导意见</td><td>国家卫生健康委</td><td>财政部</td><td>2020年9月底前</td></tr>"
        "</table>"
    )
    doc = parse_text(html)
    assert [(t.number, t.lead_units, t.co_units, t.deadline) for t in doc.tasks] == [
        ("1", ["国家卫生健康委"], ["财政部"], "2020年9月底前")
    ]


def _docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                cell = grid.cell(r, c)
                lines = value.split("\n")
                cell.text = lines[0]
                for extra in lines[1:]:
                    cell.add_paragraph(extra)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


COVER = [
    "青松市人民政府办公室关于印发2024年重点工作分工的通知",
    "青松政办〔2024〕8号",
    "青松市人民政府办公室",
    "2024年3月1日",
]


def test_docx_table(tmp_path):
    table = [
        ["序号", "工作任务", "责任领导", "牵头单位", "配合单位", "完成时限", "备注"],
        ["1", "建成城市大脑平台。", "王强副市长", "市大数据局", "市财政局\n市公安局", "2024年底", ""],
        ["2", "新增学位3000个。", "刘芳", "市教育局", "各区政府", "9月底前", "续建"],
    ]
    path = tmp_path / "notice.docx"
    path.write_bytes(_docx_bytes(COVER, table))
    doc = parse_file(path)
    assert doc.meta["format"] == "docx"
    assert doc.document.doc_number == "青松政办〔2024〕8号"
    assert doc.document.date == "2024-03-01"
    got = [(t.number, t.text, t.leaders, t.lead_units, t.co_units, t.deadline) for t in doc.tasks]
    assert got == [
        (
            "1",
            "建成城市大脑平台。",
            [Leader("王强", "副市长")],
            ["市大数据局"],
            ["市财政局", "市公安局"],
            "2024年底",
        ),
        ("2", "新增学位3000个。", [Leader("刘芳", None)], ["市教育局"], ["各区政府"], "9月底前"),
    ]
    assert not any(w.code == "column-not-recognised" for w in doc.warnings)  # 备注 is known, ignored


def test_docx_paragraphs():
    text = (DATA / "layout1_leader_sections.txt").read_text(encoding="utf-8")
    doc = parse_bytes(_docx_bytes(text.splitlines()), suffix=".docx")
    plain = parse_text(text)
    assert [(t.text, t.leaders, t.lead_units, t.co_units) for t in doc.tasks] == [
        (t.text, t.leaders, t.lead_units, t.co_units) for t in plain.tasks
    ]


def test_xlsx_with_merged_cells_and_unknown_column(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2024年重点工作任务分解表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "重点工作", "牵头单位", "协办单位", "完成时间", "督办科室"])
    sheet.append([1, "推进老旧小区改造。", "区住建局", "各街道", "2024年11月", "一科"])
    sheet.append([2, "新建社区食堂10个。", "区民政局", "区市场局、区财政局", None, "二科"])
    sheet.append([3, "改造背街小巷20条。", "区城管局", None, "12月底前", "二科"])
    sheet.merge_cells("D4:D5")  # one merged 协办单位 cell over rows 2 and 3
    path = tmp_path / "tasks.xlsx"
    workbook.save(path)
    doc = parse_file(path)
    assert doc.meta["format"] == "xlsx"
    got = [(t.number, t.lead_units, t.co_units, t.deadline, t.line) for t in doc.tasks]
    assert got == [
        ("1", ["区住建局"], ["各街道"], "2024年11月", 3),
        ("2", ["区民政局"], ["区市场局", "区财政局"], None, 4),
        ("3", ["区城管局"], ["区市场局", "区财政局"], "12月底前", 5),
    ]
    assert [(w.code, w.line) for w in doc.warnings] == [("column-not-recognised", 2)]
    assert doc.meta["tables"][0]["columns"] == {
        "序号": "number",
        "重点工作": "text",
        "牵头单位": "lead",
        "协办单位": "co",
        "完成时间": "deadline",
    }


CSV_TEXT = """序号,工作任务,分管领导,责任单位,完成时限
1,推进智慧停车建设。,李明副县长,"县公安局、县住建局",6月底前
2,新建公共厕所15座。,,县城管局,
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv(tmp_path, encoding):
    path = tmp_path / "tasks.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    doc = parse_file(path)
    got = [(t.number, t.leaders, t.lead_units, t.co_units, t.deadline, t.line) for t in doc.tasks]
    assert got == [
        ("1", [Leader("李明", "副县长")], [], ["县公安局", "县住建局"], "6月底前", 2),
        ("2", [], ["县城管局"], [], None, 3),
    ]


def test_rows_api():
    doc = parse_rows([["序号", "民生实事", "责任单位"], [1, "建成全民健身中心。", "县体育局"]])
    assert doc.tasks[0].lead_units == ["县体育局"] and doc.tasks[0].text == "建成全民健身中心。"


def test_pdf_without_text_layer_is_refused(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DutygraphError, match="no text layer"):
        parse_file(path)
