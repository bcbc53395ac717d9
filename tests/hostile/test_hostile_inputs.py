"""Inputs a real user or file brings: other encodings, deep HTML, names that are not UTF-8, and a
SPARQL query that would reach out to another server."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_file, parse_text
from dutygraph.loaders.html import nesting_depth
from dutygraph.loaders.read import decode, text_lines

EXAMPLES = Path(__file__).parents[2] / "examples"
LISHAN = EXAMPLES / "lishan_2023.txt"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"

#: A notice in traditional characters, as Big5 files from Taiwan or Hong Kong hold them.
TRADITIONAL = """湖州市人民政府辦公室關於印發重點工作責任分解的通知
一、推進改革
1.深化放管服改革。
責任單位：市審計局、市財政局
2.加強統計工作。
責任單位：市統計局
湖州市人民政府辦公室
2019年2月27日
"""


def test_big5_is_read_as_big5_not_as_gb18030_gibberish() -> None:
    data = TRADITIONAL.encode("big5")
    text, encoding = decode(data)
    assert encoding.startswith("big5") and text == TRADITIONAL


def test_gb18030_is_still_read_as_gb18030() -> None:
    printed = HUZHOU.read_text(encoding="utf-8")
    assert decode(printed.encode("gb18030")) == (printed, "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(LISHAN.read_text(encoding="utf-8").encode(codec))
    parsed = parse_file(path)
    assert parsed.meta["encoding"] == codec
    assert parsed.to_json()["tasks"] == parse_file(LISHAN).to_json()["tasks"]


def test_bytes_no_encoding_reads_as_a_notice_are_refused() -> None:
    """Han-range byte pairs with none of a notice's words: GB18030 and the detector both decode
    them, to characters nobody printed; they are refused, not stored."""
    rng = random.Random(7)
    junk = bytes(b for _ in range(3000) for b in (rng.randrange(0xB0, 0xF7), rng.randrange(0xA1, 0xFE)))
    with pytest.raises(DutygraphError, match="reads as a Chinese notice"):
        decode(junk)


def test_html_spans_cannot_blow_a_table_up() -> None:
    """A colspan of a million fills at most 50 columns; a rowspan of a million covers the rows there are
    (each row's own 责任单位 cell then stands one column on, under 备注)."""
    rows = "".join(
        f"<tr><td>{n}</td><td>推进第{n}项改革任务</td><td>市审计局</td></tr>" for n in range(2, 200)
    )
    page = (
        "<html><body><p>关于印发重点工作责任分解的通知</p><table><tr><td>序号</td><td>重点任务</td><td>责任单位</td>"
        '<td colspan="1000000">备注</td></tr><tr><td>1</td><td>推进第1项改革任务</td><td rowspan="1000000">'
        f"市财政局</td></tr>{rows}</table></body></html>"
    )
    lines = text_lines(page).lines
    assert max(len(line.cells or ()) for line in lines) == 53  # 3 columns, the last spanning 50
    parsed = parse_text(page)
    assert len(parsed.tasks) == 199
    assert {(tuple(t.lead_units), tuple(t.co_units)) for t in parsed.tasks} == {(("市财政局",), ())}


@pytest.mark.parametrize("depth", [1000, 5000, 100_000])
def test_html_nested_thousands_deep_is_read(depth: int) -> None:
    """Up to 5,000 deep through the tree, deeper read flat (the tree builder would take minutes)."""
    body = (
        "<div>" * depth
        + "<script>alert('not text')</script>1.深化放管服改革。<br>责任单位：市审计局、市财政局"
        + "</div>" * depth
    )
    parsed = parse_text(
        f"<html><head><title>关于印发重点工作责任分解的通知</title></head><body>{body}</body></html>"
    )
    assert [t.lead_units + t.co_units for t in parsed.tasks] == [["市审计局", "市财政局"]]
    assert [t.text for t in parsed.tasks] == ["深化放管服改革。"]


def test_nesting_depth_counts_only_elements_that_nest() -> None:
    assert nesting_depth("<div><p>一<p>二<br><img src=x><span>三</span></div>") == 2
    assert nesting_depth("<font>" * 7 + "</font>" * 9 + "<b>") == 7
    assert nesting_depth("<td>" * 9000) == 0


def test_a_file_name_that_is_not_utf8_loads(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/\xff\xfe\xb2\xbb.txt"  # not UTF-8: Python names it with surrogates
    with open(raw, "wb") as handle:
        handle.write(LISHAN.read_bytes())
    name = os.fsdecode(raw)
    runner = CliRunner()
    store = ["--store", str(tmp_path / "s")]
    result = runner.invoke(main, ["load", name, *store])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["parse", name]).exit_code == 0
    docs = runner.invoke(main, ["docs", *store, "--format", "csv"])
    assert docs.exit_code == 0
    assert docs.output.splitlines()[1].endswith("/\ufffd\ufffd\ufffd\ufffd.txt")  # shown as U+FFFD


def test_sparql_service_is_refused_before_any_connection(tmp_path: Path) -> None:
    runner = CliRunner()
    store = ["--store", str(tmp_path / "s")]
    assert runner.invoke(main, ["load", str(LISHAN), *store]).exit_code == 0
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = runner.invoke(main, ["sparql", query, *store])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "SERVICE is refused" in result.stderr
    allowed = "SELECT ?service WHERE { GRAPH ?g { ?service dg:docId ?id } } # SERVICE <x>"
    assert runner.invoke(main, ["sparql", allowed, *store, "--format", "csv"]).exit_code == 0


def _with_sheet_wide_merge(data: bytes) -> bytes:
    """The workbook with one more merged range over the rest of the sheet (17 billion cells)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = part.replace(
                    b'<mergeCell ref="C2:C3"/>', b'<mergeCell ref="C2:C3"/><mergeCell ref="A9:XFD1048576"/>'
                )
                part = part.replace(b'<mergeCells count="1">', b'<mergeCells count="2">')
            target.writestr(name, part)
    return out.getvalue()


def test_an_xlsx_merge_over_the_whole_sheet_is_read(tmp_path: Path) -> None:
    """A merged range reaching the sheet's last cell (a slip of the mouse) is cut to the cells that
    hold data: the table reads as printed, with the real merge still filling its rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "工作任务", "牵头单位", "配合单位"])
    sheet.append([1, "深化放管服改革", "市审计局", "市财政局"])
    sheet.append([2, "推进数字政府建设", None, "市大数据局"])
    sheet.merge_cells("C2:C3")
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "分工表.xlsx"
    path.write_bytes(_with_sheet_wide_merge(buffer.getvalue()))
    assert b"A9:XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    parsed = parse_file(path)
    assert [(t.text, t.lead_units, t.co_units) for t in parsed.tasks] == [
        ("深化放管服改革", ["市审计局"], ["市财政局"]),
        ("推进数字政府建设", ["市审计局"], ["市大数据局"]),
    ]
