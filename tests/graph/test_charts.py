"""The report's charts say what a reader needs: which jurisdiction a bar belongs to, a panel per
jurisdiction-year, a colour key in the page's colours, readable node sizes, every glyph drawn.

Charts are built as data before they are drawn, so most checks read that data; the drawn figures
are checked for their panels, their labels and missing glyphs. Expected values are read off the
example notices by hand.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from matplotlib.text import Text

from dutygraph.cli import main
from dutygraph.graph.analysis import Analysis
from dutygraph.jobs import analysis_of
from dutygraph.report import charts
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

ROOT = Path(__file__).parents[2]
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"
DAZHU = ROOT / "examples" / "dazhu_2016.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("charts") / "store"
    with Store.open(path, write=True) as opened:
        load_files(opened, [HUZHOU, DAZHU])
    return path


@pytest.fixture(scope="module")
def two(store: Path) -> Analysis:
    """Huzhou 2019 and Dazhu 2016: two jurisdiction-years."""
    with Store.open(store) as opened:
        return analysis_of(opened)


@pytest.fixture(scope="module")
def huzhou(store: Path) -> Analysis:
    with Store.open(store) as opened:
        return analysis_of(opened, jurisdiction="湖州市")


def test_top_loads_name_the_jurisdiction_year_of_every_bar(two: Analysis, huzhou: Analysis) -> None:
    chart = charts.top_loads(two, top=200, lang="en")  # every department of both notices
    (panel,) = chart.panels
    labels = [bar.label for bar in panel.bars]
    assert len(labels) == len(set(labels)) and len(labels) > 60
    assert all(label.lstrip("* ").startswith(("湖州市 2019 · ", "大竹县 2016 · ")) for label in labels)
    # 市发展改革委 leads 8 tasks and assists 6 (load 11), flagged; 县住建局 leads tasks 2 and 9
    # and assists task 1 of the Dazhu notice (load 2.5).
    first = panel.bars[0]
    assert (first.label, first.lead, first.co, first.flagged) == (
        "* 湖州市 2019 · 市发展改革委",
        8.0,
        3.0,
        True,
    )
    dazhu = [bar for bar in panel.bars if "县住建局" in bar.label]
    assert [(b.label, b.lead, b.co, b.flagged) for b in dazhu] == [
        ("大竹县 2016 · 县住建局", 2.0, 0.5, False)
    ]
    assert [k.label for k in chart.key] == ["led × 1", "assisted × 0.5", "* over-burdened (red outline)"]
    # One notice: no place in front of the names.
    alone = charts.top_loads(huzhou, top=3, lang="zh").panels[0]
    assert alone.bars[0].label == "* 市发展改革委"


def _texts(figure: object) -> set[str]:
    return {t.get_text() for t in figure.findobj(Text)}  # type: ignore[attr-defined]


def test_loads_come_as_a_panel_per_jurisdiction_year(two: Analysis) -> None:
    chart = charts.loads_by_part(two, bars=8, lang="zh")
    assert [p.title for p in chart.panels] == ["大竹县 2016", "湖州市 2019"]
    assert [b.label for b in chart.panels[0].bars][:3] == ["县住建局", "县民政局", "县水务局"]
    figure = charts.bar_figure(chart)
    visible = [axes for axes in figure.axes if axes.get_visible()]
    assert len(visible) == 2
    assert [a.get_title() for a in visible] == ["大竹县 2016", "湖州市 2019"]
    ticks = [[t.get_text() for t in a.get_yticklabels()] for a in visible]
    assert ticks[1][-1] == "* 市发展改革委"  # heaviest on top
    assert {"牵头 × 1", "配合 × 0.5", "* 过重单位（红框）"} <= _texts(figure)
    # One panel only where the parts are cut: the part with most tasks (Huzhou, 81 tasks).
    assert [p.title for p in charts.loads_by_part(two, panels=1, lang="en").panels] == ["湖州市 2019"]


def test_network_overview_is_a_grid_of_clusters(two: Analysis) -> None:
    chart = charts.network_overview(two, lang="en")
    assert [label for _, label in chart.rows] == ["大竹县", "湖州市"]
    assert [label for _, label in chart.columns] == ["2016", "2019"]
    dazhu = [n for n in chart.nodes if n.key.startswith("大竹县 2016")]
    # Dazhu's shared tasks form a star around 县代建中心 (4 units) and a triangle of 县水务局,
    # 县住建局 and 县护城河指挥部 (task 1); the other three units work alone.
    assert [n.label for n in dazhu] == ["1", "2"]
    part = two.part("湖州市", 2019)
    clustered = [c for c in part.clustering.clusters if len(c.members) > 1]
    huzhou = [n for n in chart.nodes if n.key.startswith("湖州市 2019")]
    assert [n.label for n in huzhou] == [str(c.id) for c in clustered]
    # Each node sits in its cell: Dazhu in row 0 (y 0) and column 0, Huzhou in row 1 and column 1.
    assert all(abs(n.x) < 0.5 and abs(n.y) < 0.5 for n in dazhu)
    assert all(abs(n.x - 1) < 0.5 and abs(n.y + 1) < 0.5 for n in huzhou)
    # Sized by the cluster's load: the heaviest of all gets the largest area.
    loads = {c.id: sum(part.load_of(m).load for m in c.members) for c in clustered}
    heaviest = max(loads, key=lambda c: loads[c])
    assert max(huzhou, key=lambda n: n.size).label == str(heaviest)
    assert [(k.colour, k.label) for k in chart.key[:3]] == [
        ("#4e79a7", "cluster 1 (largest)"),
        ("#f28e2b", "cluster 2"),
        ("#59a14f", "cluster 3"),
    ]
    figure = charts.network_figure(chart)
    assert {"大竹县", "湖州市", "2016", "2019", "cluster 1 (largest)"} <= _texts(figure)


def test_network_colours_are_the_pages(huzhou: Analysis) -> None:
    from dutygraph.viz.page import page_data
    from dutygraph.viz.views import view_graph

    part = huzhou.parts[0]
    chart = charts.network_detail(part, lang="en")
    page = page_data(view_graph(huzhou), title="t")
    page_colours = {c["id"]: c["colour"] for c in page["meta"]["clusters"] if c["part"] == 0}
    chart_colours = {int(k.label.split(":")[0]): k.colour for k in chart.key}
    # the page lists clusters of two or more units; units on their own are no cluster there
    assert {c: chart_colours[c] for c in page_colours} == page_colours
    assert chart_colours[1] == "#4e79a7" and chart_colours[2] == "#f28e2b"  # the palette's first two
    membership = part.clustering.membership
    assert all(
        n.colour == chart_colours[membership[n.key]]
        for n in chart.nodes
        if membership[n.key] in chart_colours
    )
    named = [n.label for n in chart.nodes if n.label]
    assert len(named) == 20 and "市发展改革委" in named
    assert len(chart.nodes) == part.collaboration.number_of_nodes()


def test_node_sizes_stay_readable_at_a_thousand_units() -> None:
    # Two units: up to 500 pt², the lighter (a quarter of the load: half the root) in between.
    assert charts.node_areas([1.0, 4.0]) == [262.5, 500.0]
    thousand = charts.node_areas([float(i) for i in range(1, 1001)])
    assert max(thousand) == 60.0 and min(thousand) > 4.0
    # All 1,000 nodes together cover at most 12 % of the 11 × 9 inch axes (792 × 648 pt).
    assert sum(thousand) <= 0.12 * 792 * 648
    assert charts.node_areas([5.0] * 5000) == [30.0] * 5000


def test_a_large_part_draws_its_heaviest_units_and_says_so(huzhou: Analysis) -> None:
    part = huzhou.parts[0]
    chart = charts.network_detail(part, units=10, labels=3, lang="en")
    total = part.collaboration.number_of_nodes()
    assert len(chart.nodes) == 10
    assert chart.title.endswith(f"; the 10 heaviest of {total} units")
    assert "市发展改革委" in {n.label for n in chart.nodes}


def test_charts_draw_every_glyph(two: Analysis, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="matplotlib")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a warning
        for lang in ("zh", "en"):
            charts.draw_bars(charts.top_loads(two, lang=lang), tmp_path / f"a-{lang}.png")
            charts.draw_bars(charts.loads_by_part(two, lang=lang), tmp_path / f"b-{lang}.png")
            charts.draw_network(charts.network_overview(two, lang=lang), tmp_path / f"c-{lang}.png")
            detail = charts.network_detail(two.part("大竹县", 2016), lang=lang)
            charts.draw_network(detail, tmp_path / f"d-{lang}.svg")
            charts.draw_lines(charts.jurisdiction_trend(two, "湖州市", lang=lang), tmp_path / f"e-{lang}.png")
    assert not [
        r.getMessage() for r in caplog.records if "findfont" in r.getMessage() or "Glyph" in r.getMessage()
    ]
    assert (tmp_path / "a-zh.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "d-en.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_report_trend_draws_a_line_chart(store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "trend.png"
    args = ["report", "trend", "--unit", "市发改委", "--jurisdiction", "湖州市", "--store", str(store)]
    result = runner.invoke(main, [*args, "--format", "json", "--chart", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    import json

    chart = charts.unit_trend(json.loads(result.output), lang="en")
    assert chart.years == ("2019",)
    assert [(line.label, line.values) for line in chart.lines] == [
        ("load", (11.0,)),
        ("led", (8.0,)),
        ("assisted", (6.0,)),
    ]
    assert chart.title == "市发展改革委 (湖州市) year by year"
    wrong = runner.invoke(main, [*args, "--chart", str(tmp_path / "trend.pdf")])
    assert wrong.exit_code == 2 and "--chart writes .png or .svg" in wrong.output
    other = runner.invoke(main, ["report", "workload", "--store", str(store), "--chart", str(out)])
    assert other.exit_code == 2 and "--chart goes with report trend" in other.output


def test_table_and_markdown_show_headings_in_words(store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["report", "workload", "--store", str(store), "--jurisdiction", "大竹县", "--top", "1"]
    markdown = runner.invoke(main, [*base, "--format", "markdown"]).output.splitlines()
    assert markdown[0].startswith(
        "| 单位 | 地区 | 年份 | 类别 | 统称 | 牵头 | 配合 | 工作量 | 排名 | 任务占比 |"
    )
    assert markdown[2].startswith("| 县住建局 | 大竹县 | 2016 | 政府部门 |  | 2 | 1 | 2.5 | 1 |")
    english = runner.invoke(main, [*base, "--format", "markdown", "--lang", "en"]).output.splitlines()
    assert english[0].startswith(
        "| Unit | Jurisdiction | Year | Kind | Group mention | Led | Assisted | Load |"
    )
    out = tmp_path / "table.txt"  # written 160 columns wide: no heading folded
    assert runner.invoke(main, [*base, "--format", "table", "--lang", "en", "-o", str(out)]).exit_code == 0
    table = out.read_text(encoding="utf-8")
    assert "Jurisdiction" in table and "task_share" not in table and "government-department" not in table
    # CSV and JSON keep the documented keys.
    csv = runner.invoke(main, [*base, "--format", "csv"]).output.splitlines()
    assert (
        csv[0].lstrip("\ufeff").startswith("unit,jurisdiction,year,kind,group,lead,co,load,rank,task_share")
    )
