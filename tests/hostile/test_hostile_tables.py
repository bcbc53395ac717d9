"""Tables written for spreadsheets and terminals carry a notice's text as inert text: no formula in
.xlsx or .csv, no control sequence on a terminal."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.report.tables import rows_to_csv

FORMULAS = [
    '=HYPERLINK("http://example.invalid/x","点我")局',
    "+1+2局",
    "@SUM(A1)局",
]
NOTICE = """湖州市人民政府办公室关于印发2019年重点工作责任分解的通知
湖政办发〔2019〕9号
各区县人民政府，市政府各部门：{filler}
一、推进改革
{tasks}
湖州市人民政府办公室
2019年2月27日
"""


#: A real notice's preamble: enough text that a few control characters do not read as binary.
FILLER = "现将2019年重点工作责任分解如下，请各地各部门认真抓好落实。" * 60


def _store(tmp_path: Path, units: list[str]) -> list[str]:
    tasks = "\n".join(f"{k}.第{k}项工作。\n责任单位：{u}、市财政局" for k, u in enumerate(units, start=1))
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(tasks=tasks, filler=FILLER), encoding="utf-8")
    store = ["--store", str(tmp_path / "s")]
    result = CliRunner().invoke(main, ["load", str(path), *store])
    assert result.exit_code == 0, result.output
    return store


def _formula_cells(sheet_xml: str) -> list[str]:
    """What a spreadsheet evaluates: the <f> elements of the sheet (SpreadsheetML §18.3.1.40)."""
    return re.findall(r"<f[ >].*?</f>|<f/>", sheet_xml)


def test_xlsx_tables_hold_formula_like_names_as_text(tmp_path: Path) -> None:
    store = _store(tmp_path, FORMULAS)
    target = tmp_path / "workload.xlsx"
    result = CliRunner().invoke(main, ["report", "workload", *store, "--format", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert _formula_cells(archive.read(name).decode()) == []
    sheet = openpyxl.load_workbook(target).active  # not data_only: a formula would read back as one
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for unit in FORMULAS:
        assert cells.get(unit) == "s", (unit, cells.get(unit))
    row = next(sheet.iter_rows(min_row=2, max_row=2))
    numbers = [c for c in row if isinstance(c.value, int | float) and not isinstance(c.value, bool)]
    assert numbers and all(c.data_type == "n" for c in numbers)  # numbers stay numbers


def _spreadsheet_formula(cell: str) -> bool:
    """How Excel and LibreOffice read an imported CSV cell: a formula when it starts with one of
    these; a leading apostrophe (or any other character) makes it text."""
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("table", ["workload", "clusters", "centrality"])
def test_csv_cells_never_start_a_formula(tmp_path: Path, table: str) -> None:
    store = _store(tmp_path, FORMULAS)
    result = CliRunner().invoke(main, ["report", table, *store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    texts = [cell for row in rows for cell in row]
    assert not [
        c for c in texts if _spreadsheet_formula(c) and not re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", c)
    ]
    if table == "workload":
        for unit in FORMULAS:
            assert "'" + unit in texts  # the usual quote prefix, the name otherwise as printed


def test_report_csv_files_never_start_a_formula(tmp_path: Path) -> None:
    store = _store(tmp_path, FORMULAS)
    path = tmp_path / "notice.txt"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(path), *store, "--out", str(out), "--no-page"])
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.csv"))
    assert files
    for file in files:
        rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"))))
        bad = [
            c for row in rows for c in row if _spreadsheet_formula(c) and not re.fullmatch(r"-?[\d.e-]+", c)
        ]
        assert bad == [], (file.name, bad)


def test_every_formula_start_is_neutralised_and_numbers_are_not() -> None:
    """The loaders strip a leading "-" (a bullet) from unit names, so that start is checked here."""
    rows = [{"name": start + "1+1", "load": -1.5, "count": -2} for start in ("=", "+", "-", "@", "\t", "\r")]
    parsed = list(csv.reader(io.StringIO(rows_to_csv(rows))))
    names = ["'=1+1", "'+1+1", "'-1+1", "'@1+1", "'\t1+1", "\\x0d1+1"]  # CR is shown as an escape
    assert parsed[1:] == [[name, "-1.5", "-2"] for name in names]


CONTROLS = [
    "\x1b[2J\x1b]0;pwned\x07市审计局",
    "市\x1b]8;;http://example.invalid\x1b\\链接局",
    "市\x9b31m红局",
]


def _control(text: str) -> list[str]:
    return re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_report_output_holds_no_control_characters(tmp_path: Path, fmt: str) -> None:
    store = _store(tmp_path, CONTROLS)
    wide = {"COLUMNS": "400"}  # rich folds cells to the terminal's width
    result = CliRunner().invoke(main, ["report", "workload", *store, "--format", fmt], env=wide)
    assert result.exit_code == 0, result.output
    assert _control(result.output) == []
    shown = result.output.replace("\\\\", "\\")  # Markdown doubles the backslash
    assert "\\x1b[2J" in shown.replace("\\[", "[") and "\\x07" in shown and "\\x9b" in shown  # shown, escaped


def test_xlsx_with_control_characters_is_written(tmp_path: Path) -> None:
    store = _store(tmp_path, CONTROLS)
    target = tmp_path / "w.xlsx"
    result = CliRunner().invoke(main, ["report", "workload", *store, "--format", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    values = [c.value for row in openpyxl.load_workbook(target).active.iter_rows() for c in row]
    assert "pwned\\x07市审计局" in values and "市\\x9b31m红局" in values


def test_parse_table_holds_no_control_characters(tmp_path: Path) -> None:
    tasks = "\n".join(f"{k}.第{k}项\x1b[31m工作。\n责任单位：{u}" for k, u in enumerate(CONTROLS, start=1))
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(tasks=tasks, filler=FILLER), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert _control(result.output) == []
    assert "\\x1b[31m" in result.output


def test_cypher_rows_print_as_inert_text() -> None:
    from dutygraph.neo4j.cypher import QueryResult, render

    result = QueryResult(keys=["name", "n"], rows=[{"name": "=1+1\x1b[2J局", "n": -3}])
    assert render(result, "csv").splitlines() == ["name,n", "'=1+1\\x1b[2J局,-3"]
    table = render(result, "table")
    assert _control(table) == [] and "\\x1b[2J" in table
