"""The page on a 1,000-notice, 60-city, three-year synthetic corpus, used as a planner would:
overview → drill-down → search with jurisdiction → focus → filter → reset."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CORPUS_CITIES, CORPUS_NOTICES, CORPUS_YEARS, CorpusPage
from fontTools.ttLib import TTFont

pytestmark = pytest.mark.browser
Opener = Callable[..., Any]
PARTS = CORPUS_CITIES * len(CORPUS_YEARS)  # 180 city-years, each a node of the overview


def _click_node(opened: Any, node: int) -> None:
    box = opened.page.locator("#dg-network").bounding_box()
    point = opened.js(f"window.dutygraph.network.canvasToDOM(window.dutygraph.network.getPosition({node}))")
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _visible_inside_canvas(opened: Any) -> bool:
    """Every drawn node's centre lies inside the drawing area (the view was fitted to them)."""
    return bool(
        opened.js(
            """() => {
              const n = window.dutygraph.network, el = document.getElementById('dg-network');
              const w = el.clientWidth, h = el.clientHeight;
              return n.body.nodeIndices.every(id => {
                const p = n.canvasToDOM(n.getPosition(id));
                return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
              });
            }"""
        )
    )


def test_a_planner_walks_the_corpus_page(open_page: Opener, corpus_page: CorpusPage) -> None:
    graph, city = corpus_page.graph, corpus_page.cities[3]
    opened = open_page(corpus_page.path)
    page = opened.page

    # Overview: one node per city-year, the header one line, the graph area most of the window.
    assert opened.js("window.dutygraph.drawn()") == {"nodes": PARTS, "edges": CORPUS_CITIES * 2}
    title = page.inner_text("#dg-title")
    assert title == f"责任分工网络 — {CORPUS_NOTICES} 份文件 · {CORPUS_CITIES} 个辖区 · 2019–2021"
    assert page.locator("#dg-header").bounding_box()["height"] < 150
    assert page.locator("#dg-network").bounding_box()["height"] > 600
    first_view = opened.js("[window.dutygraph.network.getScale(), window.dutygraph.network.getViewPosition()]")

    # Drill down: a click on the city's 2020 node shows that city-year's units, breadcrumbs lead back.
    part = opened.js(
        "(c) => window.dutygraph.data.meta.parts.findIndex(p => p.jurisdiction === c && p.span === '2020')", city
    )
    _click_node(opened, part)
    units = [n for n, d in graph.nodes(data=True) if d["jurisdiction"] == city and d["year"] == 2020]
    unit_edges = sum(1 for a, b in graph.edges(units))
    assert 10 < len(units) < 200
    assert opened.js("window.dutygraph.drawn()") == {"nodes": len(units), "edges": unit_edges}
    assert page.inner_text("#dg-crumbs").split() == ["总览", "›", city, "2020"]
    assert page.input_value("#dg-filter-jurisdiction") == city
    assert page.input_value("#dg-filter-year") == "2020"
    legend = page.inner_text("#dg-legend")
    assert f"协作群（颜色） · {city} 2020" in legend and "协作群 1：" in legend

    # Search: 60 cities × 3 years have a 市发展改革委; each result says where, this city-year first.
    page.fill("#dg-search", "市发展改革委")
    results = page.locator("#dg-results li").all_inner_texts()
    assert len(results) == 12
    assert results[0].startswith(f"市发展改革委 · {city} 2020")
    assert all(re.match(r"市发展改革委 · \S+ 20(19|20|21)$", r) for r in results)
    page.press("#dg-search", "Enter")

    # Focus: the neighbourhood stays, every other node and edge fades, the view zooms in.
    ndrc = next(n for n in units if graph.nodes[n]["label"] == "市发展改革委")
    node_id = list(graph.nodes).index(ndrc)
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == [node_id]
    highlighted = opened.js("window.dutygraph.state.highlighted")
    degree = graph.degree(ndrc)
    assert len(highlighted["neighbourhood"]) == 1 + degree
    assert highlighted["fadedNodes"] == len(units) - 1 - degree
    assert highlighted["fadedEdges"] == unit_edges - degree
    other = next(
        i for i, (a, b) in enumerate(graph.edges) if ndrc not in (a, b) and a in set(units) and b in set(units)
    )
    assert opened.js(f"window.dutygraph.edges.get({other}).color.color").endswith(",0.12)")
    assert opened.js("window.dutygraph.network.getScale()") >= 1.2
    details = page.inner_text("#dg-details")
    assert details.startswith(f"市发展改革委 · {city} 2020")

    # Filter: one of this city-year's leaders; what remains is drawn and the view fits it.
    option = page.locator("#dg-filter-leader option").nth(1)
    leader = option.inner_text()
    page.select_option("#dg-filter-leader", option.get_attribute("value"))
    shown = [n for n in units if leader in graph.nodes[n]["leaders"]]
    assert 0 < len(shown) < len(units)
    assert opened.js("window.dutygraph.drawn()")["nodes"] == len(shown)
    assert _visible_inside_canvas(opened)
    assert opened.js("window.dutygraph.state.highlighted") is None

    # Reset: back to the overview exactly as it opened.
    page.click("#dg-reset")
    assert opened.js("window.dutygraph.drawn()") == {"nodes": PARTS, "edges": CORPUS_CITIES * 2}
    again = opened.js("[window.dutygraph.network.getScale(), window.dutygraph.network.getViewPosition()]")
    assert again[0] == pytest.approx(first_view[0])
    assert again[1]["x"] == pytest.approx(first_view[1]["x"]) and again[1]["y"] == pytest.approx(first_view[1]["y"])
    assert page.inner_text("#dg-crumbs").strip() == "总览"
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []


def test_the_jurisdiction_and_year_selectors_narrow_the_overview(open_page: Opener, corpus_page: CorpusPage) -> None:
    city = corpus_page.cities[10]
    opened = open_page(corpus_page.path)
    page = opened.page
    page.select_option("#dg-filter-jurisdiction", city)
    assert opened.js("window.dutygraph.drawn()") == {"nodes": 3, "edges": 2}  # its three years, linked
    page.select_option("#dg-filter-year", "2021")
    assert page.inner_text("#dg-crumbs").split() == ["总览", "›", city, "2021"]
    page.click("#dg-crumbs button")
    assert opened.js("window.dutygraph.drawn()")["nodes"] == PARTS
    page.select_option("#dg-filter-year", "2019")
    assert opened.js("window.dutygraph.drawn()") == {"nodes": CORPUS_CITIES, "edges": 0}
    # the leader list of the overview is grouped by city-year and searchable
    groups = page.locator("#dg-filter-leader optgroup")
    assert groups.count() == CORPUS_CITIES
    assert groups.first.get_attribute("label").endswith(" 2019")
    page.fill("#dg-find-leader", city)
    assert page.locator("#dg-filter-leader optgroup").count() == 1
    assert opened.errors == [] and opened.requests == []


def _font_cmap(html: str) -> set[int]:
    uri = re.search(r'url\("data:font/woff2;base64,([A-Za-z0-9+/=]+)"\)', html)
    assert uri
    return set(TTFont(io.BytesIO(base64.b64decode(uri.group(1)))).getBestCmap())


def test_the_font_draws_every_character_the_page_shows(open_page: Opener, corpus_page: CorpusPage) -> None:
    cmap = _font_cmap(corpus_page.path.read_text(encoding="utf-8"))
    opened = open_page(corpus_page.path)
    opened.js("window.dutygraph.enterPart(5)")
    opened.js("window.dutygraph.focus(window.dutygraph.nodesView.getIds()[0])")
    shown = opened.js(
        """() => document.body.innerText + [...document.querySelectorAll('option, optgroup')]
               .map(o => o.label || o.textContent).join('')
               + window.dutygraph.nodesView.get().map(n => n.label).join('')"""
    )
    missing = {c for c in shown if not c.isspace() and ord(c) not in cmap}
    assert missing == set()
    assert "—" in shown and "·" in shown
    family = opened.js("window.dutygraph.data.meta.font")
    assert opened.js(f"document.fonts.check('14px \"{family}\"', '— · 市发展改革委')") is True
