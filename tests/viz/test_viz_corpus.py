"""The page of a planner's corpus: 1,000 synthetic notices of 60 cities over 2019–2021, plus one
hostile notice, written by `run_job` and opened in Chromium.

The walk a planner takes: the overview of jurisdiction-years → a click drills into one → search
with the jurisdiction in every result → focus → a leader filter → Reset back to the first view.
Expected counts come from the corpus's construction (notice i is city i mod 60, year ⌊i/60⌋ mod 3)
or from plain loops over the snapshot's task records, not from the page code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from synth_corpus import load_synth

from dutygraph.graph.analysis import Analysis

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
YEARS = (2019, 2020, 2021)
N_CITIES = 60
HOSTILE_UNITS = ("市<img/src=x/onerror=alert(1)>局", "市</script><script>alert(2)</script>委")
HOSTILE_NOTICE = """青澜市人民政府办公室关于印发2020年重点工作责任分解的通知
青政办发〔2020〕999号
一、推进改革
1.第一项工作。
责任单位：{0}、市财政局
2.第二项工作。
责任单位：{1}、市财政局
青澜市人民政府办公室
2020年3月2日
"""


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Analysis]:
    """1,000 notices (six tasks each: the spread of a real corpus without its bulk) and the page."""
    from dutygraph.jobs import run_job

    synth = load_synth()
    root = tmp_path_factory.mktemp("corpus")
    notices = synth.generate_corpus(1000, seed=7, cities=synth.city_names(N_CITIES), years=YEARS, n_tasks=6)
    synth.write_corpus(notices, root / "notices")
    hostile = root / "notices" / "zz-hostile.txt"
    hostile.write_text(HOSTILE_NOTICE.format(*HOSTILE_UNITS), encoding="utf-8")
    paths = sorted((root / "notices").glob("*.txt"))
    assert len(paths) == 1001
    result = run_job(paths, root / "report", store_path=root / "store")
    return root / "report" / "network.html", result.analysis


def _part_units(analysis: Analysis, jurisdiction: str, year: int) -> set[str]:
    """Every unit named by a task of the jurisdiction's notices of that year (a plain loop)."""
    snapshot = analysis.snapshot
    return {
        unit
        for task in snapshot.tasks
        if snapshot.documents[task.doc_id] == jurisdiction and snapshot.year_of(task.doc_id) == year
        for unit in task.units
    }


def _part_index(opened: Any, label: str) -> int:
    labels = [p["label"] for p in opened.js("window.dutygraph.data.meta.parts")]
    return labels.index(label)


def _click_node(opened: Any, node: int) -> None:
    box = opened.page.locator("#dg-network").bounding_box()
    point = opened.js(f"window.dutygraph.network.canvasToDOM(window.dutygraph.network.getPosition({node}))")
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_the_corpus_page_opens_on_the_overview_of_jurisdiction_years(
    open_page: Callable[..., Any], corpus_page: tuple[Path, Analysis]
) -> None:
    path, _ = corpus_page
    opened = open_page(path)
    page = opened.page
    parts = N_CITIES * len(YEARS)  # 1,000 notices cover every city-year at least once
    assert opened.js("window.dutygraph.drawn()")["nodes"] == parts
    assert page.inner_text("#dg-status") == f"总览：{parts} / {parts} 个辖区年份"
    header = page.locator("#dg-header").bounding_box()
    network = page.locator("#dg-network").bounding_box()
    assert header["height"] < 120 and network["height"] > 600  # the graph gets the page
    jurisdictions = page.locator("#dg-filter-jurisdiction option").all_inner_texts()
    assert "青澜市" in jurisdictions and len(jurisdictions) == N_CITIES + 1  # plus "all"
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []


def test_drill_down_search_focus_filter_and_reset(
    open_page: Callable[..., Any], corpus_page: tuple[Path, Analysis]
) -> None:
    path, analysis = corpus_page
    opened = open_page(path)
    page = opened.page
    first_view = opened.js(
        "[window.dutygraph.network.getScale(), window.dutygraph.network.getViewPosition()]"
    )

    # drill down: a click on 青澜市 2020's node shows that part's units and nothing else
    target = _part_index(opened, "青澜市 2020")
    _click_node(opened, target)
    units = _part_units(analysis, "青澜市", 2020)
    assert opened.js("window.dutygraph.state.part") == target
    assert opened.js("window.dutygraph.drawn()")["nodes"] == len(units)
    assert page.inner_text("#dg-crumbs").split() == ["总览", "›", "青澜市", "2020"]

    # search: a name many cities share lists each with its jurisdiction-year, never twice alike
    page.fill("#dg-search", "市财政局")
    results = page.locator("#dg-results li").all_inner_texts()
    assert results[0] == "市财政局 · 青澜市 2020"  # the part in view first
    assert len(results) > 1 and len(set(results)) == len(results)
    assert all(r.startswith("市财政局 · ") and r.split(" · ")[1] for r in results)

    # focus: the unit and its neighbours stay, every other node and edge fades
    page.press("#dg-search", "Enter")
    card = page.inner_text("#dg-details")
    assert card.startswith("市财政局 · 青澜市 2020")
    highlighted = opened.js("window.dutygraph.state.highlighted")
    finance = next(
        iri for iri in units if analysis.snapshot.units[iri].name == "市财政局"
    )  # the part's own 市财政局
    neighbours = {
        other
        for task in analysis.snapshot.tasks
        if analysis.snapshot.documents[task.doc_id] == "青澜市"
        and analysis.snapshot.year_of(task.doc_id) == 2020
        and finance in task.units
        for other in task.units
    } - {finance}
    assert highlighted["fadedNodes"] == len(units) - 1 - len(neighbours)
    drawn_edges = opened.js("window.dutygraph.drawn()")["edges"]
    assert 0 < highlighted["fadedEdges"] < drawn_edges

    # filter: one leader of the part; what remains is that leader's units, and the view refits
    scale_before = opened.js("window.dutygraph.network.getScale()")
    options = page.locator("#dg-filter-leader option").all_inner_texts()
    leader = options[1]
    page.select_option("#dg-filter-leader", index=1)
    leader_units = {
        unit
        for task in analysis.snapshot.tasks
        if analysis.snapshot.documents[task.doc_id] == "青澜市"
        and analysis.snapshot.year_of(task.doc_id) == 2020
        and any(analysis.snapshot.leaders[lead].name == leader for lead in task.leaders + task.assistants)
        for unit in task.units
    }
    assert 0 < len(leader_units) <= len(units)
    assert opened.js("window.dutygraph.drawn()")["nodes"] == len(leader_units)
    assert opened.js("window.dutygraph.network.getScale()") != pytest.approx(scale_before)

    # Reset: the overview again, at exactly the first view
    page.click("#dg-reset")
    assert opened.js("window.dutygraph.drawn()")["nodes"] == N_CITIES * len(YEARS)
    again = opened.js("[window.dutygraph.network.getScale(), window.dutygraph.network.getViewPosition()]")
    assert again[0] == pytest.approx(first_view[0])
    assert again[1]["x"] == pytest.approx(first_view[1]["x"]) and again[1]["y"] == pytest.approx(
        first_view[1]["y"]
    )
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []


def test_the_hostile_notice_in_the_corpus_runs_nothing(
    open_page: Callable[..., Any], corpus_page: tuple[Path, Analysis]
) -> None:
    path, _ = corpus_page
    opened = open_page(path)
    page = opened.page
    page.fill("#dg-search", "onerror")
    results = page.locator("#dg-results li").all_inner_texts()
    assert results == [f"{HOSTILE_UNITS[0]} · 青澜市 2020"]
    page.press("#dg-search", "Enter")
    assert page.inner_text("#dg-details").startswith(HOSTILE_UNITS[0])
    page.fill("#dg-search", "alert(2)")
    page.press("#dg-search", "Enter")
    assert page.inner_text("#dg-details").startswith(HOSTILE_UNITS[1])
    assert page.locator("img").count() == 0
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []
