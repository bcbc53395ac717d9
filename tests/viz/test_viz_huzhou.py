"""The Huzhou notice end to end: `dutygraph run` writes the page, Chromium opens it with no network."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.viz import FONT_FAMILY

pytestmark = pytest.mark.browser
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "huzhou-2019-key-tasks.txt"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def huzhou(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, nx.Graph, Path]]:
    """(page written by `dutygraph run`, the units graph it draws, the store)."""
    from dutygraph.jobs import run_job
    from dutygraph.viz.views import view_graph

    root = tmp_path_factory.mktemp("huzhou")
    result = run_job([EXAMPLE], root / "report", store_path=root / "store")
    yield root / "report" / "network.html", view_graph(result.analysis, "units"), root / "store"


def _node_id(graph: nx.Graph, label: str) -> int:
    return next(i for i, (_, d) in enumerate(graph.nodes(data=True)) if d["label"] == label)


def test_huzhou_page_loads_clean_with_every_node_and_edge(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path]
) -> None:
    path, graph, _ = huzhou
    opened = open_page(path)
    assert graph.number_of_nodes() > 40 and graph.number_of_edges() > 100
    assert opened.js("window.dutygraph.drawn()") == {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
    assert opened.js(f"document.fonts.check('12px \"{FONT_FAMILY}\"', '湖州')") is True
    assert opened.js(f"document.fonts.check('12px \"{FONT_FAMILY}\"', '市发展改革委')") is True
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "network.png"))
    assert (ARTIFACTS / "network.png").stat().st_size > 20_000


def test_huzhou_search_by_alias_focuses_the_unit(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path]
) -> None:
    path, graph, _ = huzhou
    opened = open_page(path)
    opened.page.fill("#dg-search", "市发改委")
    opened.page.press("#dg-search", "Enter")
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == [_node_id(graph, "市发展改革委")]
    assert opened.js("window.dutygraph.state.focused") == _node_id(graph, "市发展改革委")


def test_huzhou_leader_filter_hides_the_rest(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path]
) -> None:
    path, graph, _ = huzhou
    leaders = sorted({name for _, d in graph.nodes(data=True) for name in d["leaders"]})
    assert len(leaders) >= 3
    opened = open_page(path)
    for leader in leaders[:3]:
        opened.page.select_option("#dg-filter-leader", leader)
        shown = {n for n, d in graph.nodes(data=True) if leader in d["leaders"]}
        assert 0 < len(shown) < graph.number_of_nodes()
        assert opened.js("window.dutygraph.drawn()") == {
            "nodes": len(shown),
            "edges": sum(1 for a, b in graph.edges if a in shown and b in shown),
        }
    assert opened.errors == []


@pytest.mark.parametrize("view", ["units", "tasks", "leaders"])
def test_viz_command_writes_each_view(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path], tmp_path: Path, view: str
) -> None:
    _, _, store = huzhou
    out = tmp_path / f"{view}.html"
    result = CliRunner().invoke(
        main, ["viz", "-o", str(out), "--view", view, "--store", str(store), "--jurisdiction", "湖州市"]
    )
    assert result.exit_code == 0, result.output
    opened = open_page(out)
    drawn = opened.js("window.dutygraph.drawn()")
    assert drawn["nodes"] == opened.js("window.dutygraph.data.nodes.length") > 10
    assert drawn["edges"] == opened.js("window.dutygraph.data.edges.length") > 10
    assert opened.requests == [] and opened.errors == []


def test_viz_command_reports_an_unknown_document(huzhou: tuple[Path, nx.Graph, Path], tmp_path: Path) -> None:
    _, _, store = huzhou
    result = CliRunner().invoke(
        main, ["viz", "-o", str(tmp_path / "x.html"), "--store", str(store), "--doc", "no-such-doc"]
    )
    assert result.exit_code == 2
    assert "no-such-doc" in result.output


def test_huzhou_clusters_are_the_reports(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path]
) -> None:
    path, _, _ = huzhou
    opened = open_page(path)
    legend = opened.page.inner_text("#dg-legend")
    # report.md of this notice: 协作群 1–7, "4 个单位独立承担任务"; hubs as it names them
    assert [line.split("：")[0] for line in legend.splitlines() if line.startswith("协作群 ")] == [
        f"协作群 {n}" for n in range(1, 8)
    ]
    assert "协作群 1：市金融办、市市场监管局、市税务局 等 16 个" in legend
    assert "协作群 2：市发展改革委、市商务局、市科技局 等 13 个" in legend
    assert "4 个单位独立承担任务" in legend
    assert "协作群（颜色） · 湖州市 2019" in legend
    colours = [c["colour"] for c in opened.js("window.dutygraph.data.meta.clusters")]
    assert len(set(colours)) == 7


def test_huzhou_search_results_and_cards_say_where(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path]
) -> None:
    path, _, _ = huzhou
    opened = open_page(path)
    page = opened.page
    page.fill("#dg-search", "市发改委")
    assert page.locator("#dg-results li").first.inner_text().startswith("市发展改革委 · 湖州市 2019")
    page.press("#dg-search", "Enter")
    card = page.inner_text("#dg-details")
    assert card.startswith("市发展改革委 · 湖州市 2019")
    # Flagged, and the card says why in the page's language: it leads 8 tasks and assists 6
    # (load 8 + 6 × 0.5 = 11) and answers to four supervising leaders.
    assert "工作量 11（牵头 8 项、配合 6 项）" in card
    assert "对接 4 位分管领导" in card
    assert "median" not in card
    assert opened.js("document.title").startswith("责任分工网络 — ")


def test_huzhou_focus_fades_edges_filter_fits_and_reset_restores_the_layout(
    open_page: Callable[..., Any], huzhou: tuple[Path, nx.Graph, Path]
) -> None:
    path, graph, _ = huzhou
    opened = open_page(path)
    page = opened.page
    first = opened.js("window.dutygraph.network.getPositions()")
    first_view = opened.js(
        "[window.dutygraph.network.getScale(), window.dutygraph.network.getViewPosition()]"
    )
    # the heaviest unit, clicked at its centre, is the one selected (no node drawn over it)
    heaviest = max(range(graph.number_of_nodes()), key=lambda i: list(graph.nodes(data="load"))[i][1])
    key = list(graph.nodes)[heaviest]
    box = page.locator("#dg-network").bounding_box()
    point = opened.js(
        f"window.dutygraph.network.canvasToDOM(window.dutygraph.network.getPosition({heaviest}))"
    )
    x, y = box["x"] + point["x"], box["y"] + point["y"]
    page.mouse.click(x, y)
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == [heaviest]
    highlighted = opened.js("window.dutygraph.state.highlighted")
    assert highlighted["fadedEdges"] == graph.number_of_edges() - graph.degree(key)
    assert highlighted["fadedNodes"] == graph.number_of_nodes() - 1 - graph.degree(key)
    # drag it away, narrow to a leader: the view fits the leader's units
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 80, steps=5)
    page.mouse.up()
    assert (
        opened.js(f"window.dutygraph.network.getPositions([{heaviest}])")[str(heaviest)]
        != first[str(heaviest)]
    )
    page.select_option("#dg-filter-leader", "许继清")  # assists only: still a choice
    shown = [n for n, d in graph.nodes(data=True) if "许继清" in d["leaders"]]
    assert 0 < len(shown) < graph.number_of_nodes()
    assert opened.js("window.dutygraph.drawn()")["nodes"] == len(shown)
    assert opened.js("window.dutygraph.network.getScale()") != pytest.approx(first_view[0])
    page.click("#dg-reset")
    assert opened.js("window.dutygraph.network.getPositions()") == first
    again = opened.js("[window.dutygraph.network.getScale(), window.dutygraph.network.getViewPosition()]")
    assert again[0] == pytest.approx(first_view[0]) and again[1]["x"] == pytest.approx(first_view[1]["x"])
    assert opened.errors == []


def test_huzhou_units_do_not_overlap(huzhou: tuple[Path, nx.Graph, Path]) -> None:
    from conftest import page_json

    path, _, _ = huzhou
    nodes = page_json(path.read_text(encoding="utf-8"))["nodes"]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            gap = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 - a["size"] - b["size"]
            assert gap > 0, (a["label"], b["label"])
