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
