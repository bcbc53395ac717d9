"""The report tables from the command line in every format, numbers printed unrounded, and
report.md in Chinese by default with a section per jurisdiction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.cli import main
from dutygraph.report.tables import rows_to_csv, rows_to_markdown
from dutygraph.report.wording import COLUMNS

ROOT = Path(__file__).parents[2]
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"
DAZHU = ROOT / "examples" / "dazhu_2016.txt"


def test_numbers_are_printed_as_they_are() -> None:
    rows = [{"load": 2376.5, "tasks": 10810.0, "betweenness": 0.34312734, "count": 7}]
    assert rows_to_csv(rows).splitlines()[1] == "2376.5,10810,0.34312734,7"
    assert rows_to_markdown(rows).splitlines()[2] == "| 2376.5 | 10810 | 0.343127 | 7 |"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "store")
    result = CliRunner().invoke(main, ["load", str(HUZHOU), str(DAZHU), "--store", path])
    assert result.exit_code == 0, result.output
    return path


TABLES = [
    ["tasks"],
    ["pairs"],
    ["scopes"],
    ["flags"],
    ["trend", "--unit", "市发改委", "--jurisdiction", "湖州市"],
    ["changes", "--jurisdiction", "湖州市"],
    ["compare", "--function", "发展改革委"],
]


@pytest.mark.parametrize("args", TABLES, ids=lambda a: a[0])
def test_every_table_in_every_format(args: list[str], store: str, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["report", *args, "--store", store]
    result = runner.invoke(main, [*base, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows or args[0] == "changes"  # one year per jurisdiction here: no change to list
    header = 1 if rows else 0
    csv = runner.invoke(main, [*base, "--format", "csv"])
    assert csv.exit_code == 0 and len(csv.output.strip().splitlines()) == len(rows) + header
    markdown = runner.invoke(main, [*base, "--format", "markdown"])
    assert markdown.exit_code == 0
    assert len(markdown.output.strip().splitlines()) == (len(rows) + 2 if rows else 1)
    assert runner.invoke(main, [*base, "--format", "table"]).exit_code == 0
    sheet = tmp_path / "t.xlsx"
    assert runner.invoke(main, [*base, "--format", "xlsx", "-o", str(sheet)]).exit_code == 0
    assert load_workbook(sheet).active.max_row == len(rows) + 1


def test_table_contents_from_the_command_line(store: str) -> None:
    def rows(*args: str) -> list[dict[str, object]]:
        result = CliRunner().invoke(main, ["report", *args, "--store", store, "--format", "json"])
        assert result.exit_code == 0, result.output
        return list(json.loads(result.output))

    # 市发改委 is 市发展改革委: 8 led, 6 assisted in Huzhou 2019 (see test_huzhou_analysis).
    trend = rows("trend", "--unit", "市发改委", "--jurisdiction", "湖州市")
    assert [(r["year"], r["unit"], r["lead"], r["co"], r["load"]) for r in trend] == [
        (2019, "市发展改革委", 8, 6, 11.0)
    ]
    scopes = {(r["jurisdiction"], r["year"]): r["tasks"] for r in rows("scopes")}
    assert scopes == {("湖州市", 2019): 81, ("大竹县", 2016): 11}
    tasks = rows("tasks")
    assert {r["jurisdiction"] for r in tasks} == {"湖州市", "大竹县"}
    assert {"document", "year", "number", "text", "unit", "role", "rank", "leader", "due", "line"} <= set(
        tasks[0]
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["trend", "--jurisdiction", "湖州市"], "needs --unit and --jurisdiction"),
        (["trend", "--unit", "市发改委", "--jurisdiction", "嘉兴市"], "no document of 嘉兴市"),
        (["trend", "--unit", "市不存在局", "--jurisdiction", "湖州市"], "has no task in 湖州市"),
        (["compare"], "needs --function"),
    ],
)
def test_missing_or_unknown_options_are_one_line_errors(args: list[str], words: str, store: str) -> None:
    result = CliRunner().invoke(main, ["report", *args, "--store", store])
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output


def test_report_is_chinese_by_default_with_a_section_per_jurisdiction(tmp_path: Path) -> None:
    runner = CliRunner()
    for lang in ("zh", "en"):
        out = tmp_path / lang
        args = [
            "run",
            str(HUZHOU),
            str(DAZHU),
            "--out",
            str(out),
            "--store",
            str(tmp_path / "s"),
            "--no-page",
        ]
        result = runner.invoke(main, [*args] + (["--lang", "en"] if lang == "en" else []))
        assert result.exit_code == 0, result.output
    zh = (tmp_path / "zh" / "report.md").read_text(encoding="utf-8").splitlines()
    en = (tmp_path / "en" / "report.md").read_text(encoding="utf-8").splitlines()
    assert zh[0] == "# 责任分工网络分析报告" and "文件 2 份" in zh[2]
    assert {"## 湖州市（2019 年）", "## 大竹县（2016 年）", "## 地区比较", "## 文件"} <= set(zh)
    assert en[0] == "# Responsibility network report" and en[2].startswith("2 documents, ")
    assert {"## 湖州市 (2019)", "## 大竹县 (2016)", "## Jurisdictions compared", "## Documents"} <= set(en)
    # Human column names, kinds in words; the document ids only in the documents table.
    assert not any("weighted_degree" in line or "government-department" in line for line in zh + en)
    assert "| 单位 | 地区 | 类别 | 牵头 | 配合 | 工作量 |" in "\n".join(zh)
    assert [line for line in zh if "湖政办发-2019-9" in line] == ["| 湖政办发-2019-9 | 湖州市 | 2019 | 81 |"]
    for name in ("tasks.csv", "pairs.csv", "scopes.csv"):
        assert (tmp_path / "zh" / name).is_file()


def test_two_columns_that_count_different_things_are_named_apart() -> None:
    """A planner reads "协作单位数" once in the workload table and once in the centrality table: it
    must mean one count. The workload's co-workers include group mentions (各区县政府); the
    collaboration graph's partners do not. Only "of" and "units" (a count of units) share a name."""
    for lang in (0, 1):
        names: dict[str, list[str]] = {}
        for key, words in COLUMNS.items():
            names.setdefault(words[lang], []).append(key)
        assert {name: keys for name, keys in names.items() if len(keys) > 1} == (
            {"单位数": ["of", "units"]} if lang == 0 else {}
        )
