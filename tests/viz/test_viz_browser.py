"""The network page in headless Chromium: no requests, no errors, counts, search, filters, XSS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from page_samples import XSS_IMG, hostile_graph, leader_task_graph, sample_graph, synthetic_graph

from dutygraph.viz import FONT_FAMILY, write_page
from dutygraph.viz.data import WEBGL_ABOVE

pytestmark = pytest.mark.browser
Opener = Callable[..., Any]


def _write(graph: nx.Graph, tmp_path: Path, name: str = "page.html", **options: Any) -> Path:
    return write_page(graph, tmp_path / name, title=options.pop("title", "测试网络"), **options)


def _assert_clean(opened: Any) -> None:
    assert opened.requests == []
    assert opened.errors == []
    assert opened.dialogs == []


def test_sample_page_loads_clean_and_draws_every_node_and_edge(open_page: Opener, tmp_path: Path) -> None:
    graph = sample_graph()
    opened = open_page(_write(graph, tmp_path))
    assert opened.js("window.dutygraph.drawn()") == {"nodes": 13, "edges": 14}
    assert opened.js(f"document.fonts.check('12px \"{FONT_FAMILY}\"', '湖州')") is True
    legend = opened.page.inner_text("#dg-legend")
    for text in ("协作群 0", "政府部门", "集体提法", "牵头—配合", "配合—配合"):
        assert text in legend
    _assert_clean(opened)


def test_search_finds_a_unit_by_alias_and_focuses_it(open_page: Opener, tmp_path: Path) -> None:
    opened = open_page(_write(sample_graph(), tmp_path))
    page = opened.page
    page.fill("#dg-search", "市发改委")
    assert page.inner_text("#dg-results").startswith("市发展改革委")
    page.press("#dg-search", "Enter")
    selected = opened.js("window.dutygraph.network.getSelectedNodes()")
    assert [opened.js(f"window.dutygraph.data.nodes[{selected[0]}].label")] == ["市发展改革委"]
    assert "市发改委" in page.inner_text("#dg-details")
    neighbourhood = opened.js("window.dutygraph.state.highlighted.neighbourhood")
    assert len(neighbourhood) == 1 + sample_graph().degree("市发展改革委")
    # by the other alias, partially typed, from the list
    page.fill("#dg-search", "发展和改革")
    page.click("#dg-results li")
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == selected
    _assert_clean(opened)


def test_filters_by_leader_cluster_and_document(open_page: Opener, tmp_path: Path) -> None:
    graph = sample_graph()
    opened = open_page(_write(graph, tmp_path))
    page = opened.page

    def expected(keep: Callable[[dict[str, Any]], bool]) -> dict[str, int]:
        shown = {n for n, d in graph.nodes(data=True) if keep(d)}
        return {"nodes": len(shown), "edges": sum(1 for a, b in graph.edges if a in shown and b in shown)}

    page.select_option("#dg-filter-leader", "李平")
    assert opened.js("window.dutygraph.drawn()") == expected(lambda d: "李平" in d["leaders"])
    assert opened.js("window.dutygraph.drawn()")["nodes"] < graph.number_of_nodes()
    page.select_option("#dg-filter-cluster", "0")
    assert opened.js("window.dutygraph.drawn()") == expected(
        lambda d: "李平" in d["leaders"] and d["cluster"] == 0
    )
    page.click("#dg-reset")
    assert opened.js("window.dutygraph.drawn()") == {"nodes": 13, "edges": 14}
    page.select_option("#dg-filter-document", "湖政发〔2019〕3号")
    assert opened.js("window.dutygraph.drawn()") == expected(lambda d: "湖政发〔2019〕3号" in d["documents"])
    _assert_clean(opened)


def test_click_highlights_the_neighbourhood_and_hover_shows_a_tooltip(
    open_page: Opener, tmp_path: Path
) -> None:
    graph = sample_graph()
    opened = open_page(_write(graph, tmp_path))
    page = opened.page
    node = list(graph.nodes).index("市财政局")
    box = page.locator("#dg-network").bounding_box()
    point = opened.js(f"window.dutygraph.network.canvasToDOM(window.dutygraph.network.getPosition({node}))")
    x, y = box["x"] + point["x"], box["y"] + point["y"]
    page.mouse.move(x, y)
    page.wait_for_selector("#dg-tooltip:not([hidden])")
    tooltip = page.inner_text("#dg-tooltip")
    assert "市财政局" in tooltip and "牵头 2 项" in tooltip and "湖政办发〔2019〕9号" in tooltip
    page.mouse.click(x, y)
    highlighted = opened.js("window.dutygraph.state.highlighted")
    assert highlighted["id"] == node
    assert len(highlighted["neighbourhood"]) == 1 + graph.degree("市财政局")
    faded = opened.js("window.dutygraph.nodes.get(12).color.background")  # 市统计局, unconnected
    assert faded.startswith("rgba(215")
    _assert_clean(opened)


def test_the_xss_notice_runs_nothing(open_page: Opener, tmp_path: Path) -> None:
    opened = open_page(_write(hostile_graph(), tmp_path, title="<img src=x onerror=alert(9)>"))
    page = opened.page
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 3
    assert page.title() == "<img src=x onerror=alert(9)>"
    # hover, click and search exercise every place a document string is shown
    page.fill("#dg-search", "</script>")
    page.press("#dg-search", "Enter")
    details = page.inner_text("#dg-details")
    assert "<img src=x onerror=alert(1)>" in details and "原因<img" in details
    page.select_option("#dg-filter-leader", index=1)
    page.wait_for_timeout(300)
    assert page.locator("img").count() == 0
    _assert_clean(opened)


def test_leader_and_task_view(open_page: Opener, tmp_path: Path) -> None:
    graph = leader_task_graph()
    opened = open_page(_write(graph, tmp_path))
    assert opened.js("window.dutygraph.drawn()") == {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }
    opened.page.select_option("#dg-filter-leader", "王纲")
    drawn = opened.js("window.dutygraph.drawn()")
    assert drawn["nodes"] == sum(1 for _, d in graph.nodes(data=True) if "王纲" in d.get("leaders", []))
    _assert_clean(opened)


def test_a_large_page_is_drawn_at_once_without_physics(open_page: Opener, tmp_path: Path) -> None:
    graph = synthetic_graph(WEBGL_ABOVE, seed=4)  # the largest part vis-network draws
    opened = open_page(_write(graph, tmp_path))
    assert opened.js("window.dutygraph.network.physics.options.enabled") is False
    assert opened.js("window.dutygraph.drawn()") == {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }
    # nodes sit where Python put them
    x0 = opened.js("window.dutygraph.network.getPosition(0).x")
    assert x0 == pytest.approx(opened.js("window.dutygraph.data.nodes[0].x"), abs=1.0)  # vis rounds
    _assert_clean(opened)


def test_hostile_jurisdictions_in_the_overview_run_nothing(open_page: Opener, tmp_path: Path) -> None:
    graph = hostile_graph()
    for i, node in enumerate(graph.nodes):
        graph.nodes[node]["part"] = i % 2
    graph.graph["parts"] = [
        {"jurisdiction": "<img src=x onerror=alert(3)>", "span": "2019", "clusters": {}},
        {"jurisdiction": "</script><script>alert(4)</script>", "span": "2020", "clusters": {}},
    ]
    opened = open_page(_write(graph, tmp_path))
    page = opened.page
    assert opened.js("window.dutygraph.drawn()")["nodes"] == 2  # the overview: one node per part
    page.hover("#dg-network")
    opened.js("window.dutygraph.enterPart(1)")
    assert "</script><script>alert(4)</script>" in page.inner_text("#dg-crumbs")
    page.fill("#dg-search", "市")
    results = page.inner_text("#dg-results")  # a node's own jurisdiction wins over its part's
    assert "市财政局 · </script><script>alert(4)</script> 2020" in results
    assert f"市{XSS_IMG}局 · 湖州</script><script>alert(2)</script>" in results
    page.press("#dg-search", "Enter")
    page.select_option("#dg-filter-jurisdiction", index=1)
    assert page.locator("img").count() == 0 and page.locator("script").count() == 3
    _assert_clean(opened)


def test_a_part_above_the_webgl_threshold_is_drawn_by_webgl(open_page: Opener, tmp_path: Path) -> None:
    from PIL import Image

    graph = synthetic_graph(WEBGL_ABOVE + 100, seed=5)
    opened = open_page(_write(graph, tmp_path))
    page = opened.page
    assert opened.js("window.dutygraph.renderer()") == "webgl"
    assert opened.js("window.dutygraph.drawn()") == {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }
    # really drawn: the stage shows many coloured pixels, not a blank canvas
    shot = tmp_path / "webgl.png"
    page.locator("#dg-webgl").screenshot(path=str(shot))
    rgb = Image.open(shot).convert("RGB").tobytes()
    coloured = sum(1 for i in range(0, len(rgb), 3) if max(rgb[i : i + 3]) - min(rgb[i : i + 3]) > 40)
    assert coloured > 5_000
    page.wait_for_timeout(200)  # one frame after the header settles
    first_scale = opened.js("window.dutygraph.scale()")
    # search with jurisdiction, then focus: the unit and its neighbours stay, everything else fades
    page.fill("#dg-search", "第7号")
    assert page.inner_text("#dg-results li").startswith(graph.nodes[7]["label"] + " · 合成市")
    page.press("#dg-search", "Enter")
    assert opened.js("window.dutygraph.selected()") == [7]
    highlighted = opened.js("window.dutygraph.state.highlighted")
    assert highlighted["neighbourhood"] == sorted([7, *graph.neighbors(7)])
    assert highlighted["fadedEdges"] == graph.number_of_edges() - graph.degree(7)
    far = next(n for n in graph.nodes if n != 7 and n not in graph[7])
    assert opened.js(f"window.dutygraph.gl.nodeLook({far}).color").startswith("rgba(215")
    far_edge = next(i for i, (a, b) in enumerate(graph.edges) if 7 not in (a, b))
    assert opened.js(f"window.dutygraph.gl.edgeLook({far_edge}).color").startswith("rgba(200")
    assert opened.js("window.dutygraph.scale()") == pytest.approx(1.2, rel=1e-6)  # zoomed in to it
    # and on screen: the neighbours keep their colours, the units outside it are pale traces
    page.wait_for_timeout(200)
    page.locator("#dg-webgl").screenshot(path=str(shot))
    image = Image.open(shot).convert("RGB")

    def centre_pixels(ids: list[int]) -> list[tuple[int, int, int]]:
        points = opened.js(f"{ids}.map(id => window.dutygraph.gl.toViewport(id))")
        inside = [p for p in points if 0 <= p["x"] < image.width and 0 <= p["y"] < image.height]
        return [image.getpixel((int(p["x"]), int(p["y"]))) for p in inside]

    kept = centre_pixels(list(graph.neighbors(7)))
    faded = centre_pixels([n for n in graph.nodes if n != 7 and n not in graph[7]])
    assert kept and all(min(pixel) < 200 for pixel in kept)
    pale = [pixel for pixel in faded if min(pixel) >= 205 and max(pixel) - min(pixel) <= 15]
    assert len(faded) > 20 and len(pale) >= 0.9 * len(faded)
    # the focused unit itself is ringed in near-black: left of its centre (its label is to the right),
    # its own colour gives way to the ring before the background
    centre = opened.js("window.dutygraph.gl.toViewport(7)")
    row = [
        image.getpixel((x, int(centre["y"])))
        for x in range(int(centre["x"]), max(int(centre["x"]) - 120, 0), -1)
    ]
    assert min(row[0]) < 200  # the unit's own colour at its centre
    assert any(max(pixel) < 90 for pixel in row)  # then the ring
    # hovering a unit shows its card as a tooltip (sigma's own hover layers are not shown)
    stage = page.locator("#dg-webgl").bounding_box()
    page.mouse.move(stage["x"] + centre["x"], stage["y"] + centre["y"])
    page.wait_for_selector("#dg-tooltip:not([hidden])")
    assert page.inner_text("#dg-tooltip").startswith(graph.nodes[7]["label"])
    page.mouse.move(stage["x"] + 2, stage["y"] + 2)
    # a cluster filter keeps its units and zooms in on them
    page.select_option("#dg-filter-cluster", "2")
    members = [n for n, d in graph.nodes(data=True) if d["cluster"] == 2]
    inside = [i for i, (a, b) in enumerate(graph.edges) if a in members and b in members]
    assert opened.js("window.dutygraph.drawn()") == {"nodes": len(members), "edges": len(inside)}
    assert opened.js("window.dutygraph.gl.nodeLook(%d).hidden" % far) is (far not in members)
    assert opened.js(f"window.dutygraph.gl.edgeLook({inside[0]}).hidden") is False
    assert opened.js(f"window.dutygraph.gl.edgeLook({far_edge}).hidden") is (far_edge not in inside)
    assert opened.js("window.dutygraph.scale()") > first_scale  # zoomed in on what remains
    box = page.locator("#dg-webgl").bounding_box()
    points = opened.js(f"{members}.map(id => window.dutygraph.gl.toViewport(id))")
    assert all(0 <= p["x"] <= box["width"] and 0 <= p["y"] <= box["height"] for p in points)
    # Reset: everything back, the exact first camera
    page.click("#dg-reset")
    assert opened.js("window.dutygraph.drawn()")["nodes"] == graph.number_of_nodes()
    assert opened.js("window.dutygraph.gl.camera()") == {"x": 0.5, "y": 0.5, "ratio": 1, "angle": 0}
    assert opened.js("window.dutygraph.scale()") == pytest.approx(first_scale)
    _assert_clean(opened)
