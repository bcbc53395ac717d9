"""Analysis per jurisdiction and year on a multi-city, multi-year corpus from bench/synth.py.

Every expected value is computed here by a plain loop over the store's task records (or read
off the Huzhou notice by hand), never by the code under test.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from synth_corpus import load_synth

from dutygraph.graph.analysis import REPORTS, Analysis, tables
from dutygraph.graph.snapshot import Snapshot
from dutygraph.jobs import analysis_of
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store
from dutygraph.viz.views import view_graph

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"
CITIES = ("青澜市", "云泽市")
YEARS = (2017, 2018, 2019, 2020)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two notices per city and year: 2 cities × 4 years; 青澜市 renames 市国土资源局 in 2018."""
    synth = load_synth()
    out = tmp_path_factory.mktemp("corpus")
    synth.write_corpus(synth.generate_corpus(16, seed=5, cities=CITIES, years=YEARS), out)
    return sorted(out.glob("*.txt"))


def _analysis(tmp: Path, paths: list[Path]) -> Analysis:
    with Store.open(tmp, write=True) as store:
        load_files(store, paths)
        return analysis_of(store)


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory, corpus: list[Path]) -> Analysis:
    return _analysis(tmp_path_factory.mktemp("all"), corpus + EXAMPLES)


def _part_rows(analysis: Analysis, jurisdiction: str, year: int) -> dict[str, Any]:
    part = analysis.part(jurisdiction, year)
    return {name: part.rows(name) for name in REPORTS} | {"groups": part.group_rows()}


def test_a_jurisdiction_year_does_not_change_when_other_documents_are_loaded(
    tmp_path: Path, corpus: list[Path], everything: Analysis
) -> None:
    alone = _analysis(tmp_path / "huzhou", [HUZHOU])
    assert _part_rows(alone, "湖州市", 2019) == _part_rows(everything, "湖州市", 2019)
    one_year = [p for p in corpus if p.name.startswith("qinglan-2019")]
    assert len(one_year) == 2
    qinglan = _analysis(tmp_path / "qinglan", one_year)
    assert len(qinglan.parts) == 1
    assert _part_rows(qinglan, "青澜市", 2019) == _part_rows(everything, "青澜市", 2019)
    # Betweenness is normalised by the part's own units: 19 nodes alone or among thousands.
    huzhou = {r["unit"]: r["betweenness"] for r in everything.part("湖州市", 2019).centrality_rows()}
    assert huzhou == {r["unit"]: r["betweenness"] for r in alone.centrality_rows()}


def test_every_part_is_one_jurisdiction_and_year(everything: Analysis) -> None:
    scopes = [(p.scope.jurisdiction, p.scope.year) for p in everything.parts]
    expected = {(c, y) for c in CITIES for y in YEARS} | {
        ("湖州市", 2019), ("大竹县", 2016), ("广东省", 2021), ("立山区", 2023),
    }  # fmt: skip
    assert set(scopes) == expected and len(scopes) == len(expected)
    for part in everything.parts:
        years = {everything.snapshot.year_of(d) for d in part.snapshot.documents}
        assert years == {part.scope.year}
        assert set(part.snapshot.documents.values()) == {part.scope.jurisdiction}


def _year_tasks(snapshot: Snapshot, city: str, year: int) -> list[Any]:
    return [
        t
        for t in snapshot.tasks
        if snapshot.documents[t.doc_id] == city and snapshot.year_of(t.doc_id) == year
    ]


def _loop_loads(snapshot: Snapshot, tasks: list[Any]) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for task in tasks:
        for unit in task.leads:
            counts[unit][0] += 1
        for unit in task.cos:
            counts[unit][1] += 1
    return {u: (lead, co) for u, (lead, co) in counts.items() if not snapshot.units[u].is_group}


def test_trend_follows_a_renamed_unit_through_the_years(everything: Analysis) -> None:
    snapshot = everything.snapshot
    rows = tables.trend_rows(everything, "市国土资源局", "青澜市")
    assert [r["year"] for r in rows] == list(YEARS)
    assert {r["unit"] for r in rows} == {"市自然资源和规划局"}
    assert all(r["present"] for r in rows)  # one line, unbroken by the 2018 rename
    iri = next(
        i for i, u in snapshot.units.items() if u.name == "市自然资源和规划局" and u.jurisdiction == "青澜市"
    )
    assert "市国土资源局" in snapshot.units[iri].printed
    previous = None
    for row in rows:
        tasks = _year_tasks(snapshot, "青澜市", row["year"])
        loads = _loop_loads(snapshot, tasks)
        lead, co = loads[iri]
        load = lead + 0.5 * co
        heavier = sorted(
            loads,
            key=lambda u: (-(loads[u][0] + 0.5 * loads[u][1]), -loads[u][0], snapshot.units[u].name, u),
        )
        assert (row["lead"], row["co"], row["load"]) == (lead, co, load)
        assert row["task_share"] == (lead + co) / len(tasks)
        assert (row["rank"], row["of"]) == (heavier.index(iri) + 1, len(loads))
        assert row["load_change"] == (None if previous is None else load - previous)
        previous = load


def test_compare_a_function_across_jurisdictions(everything: Analysis) -> None:
    snapshot = everything.snapshot
    rows = [r for r in tables.compare_rows(everything, "发改委") if r["jurisdiction"] in CITIES]
    assert len(rows) == len(CITIES) * len(YEARS)
    for row in rows:
        tasks = _year_tasks(snapshot, row["jurisdiction"], row["year"])
        loads = {u: lead + 0.5 * co for u, (lead, co) in _loop_loads(snapshot, tasks).items()}
        unit = next(u for u in loads if snapshot.units[u].name == "市发展改革委")
        values = list(loads.values())
        n, mean = len(values), sum(values) / len(values)
        gini = sum(abs(a - b) for a in values for b in values) / (2 * n * n * mean)
        assert row["unit"] == "市发展改革委" and row["present"]
        assert row["load"] == loads[unit]
        assert row["load_share"] == pytest.approx(loads[unit] / sum(values), abs=1e-12)
        assert row["gini"] == pytest.approx(gini, abs=1e-12)
        assert row["hhi"] == pytest.approx(sum((v / sum(values)) ** 2 for v in values), abs=1e-12)
        assert row["units"] == n


def test_flag_series_counts_years(everything: Analysis) -> None:
    rows = tables.flag_series_rows(everything)
    for row in rows:
        parts = everything.parts_of(row["jurisdiction"])
        flagged_in = [p.year for p in parts for b in p.burdens if b.flagged and b.load.unit == row["unit"]]
        assert row["flagged_in"] == flagged_in and row["flagged_years"] == len(flagged_in)
        assert row["years"] == len(parts)
    assert any(r["jurisdiction"] == "湖州市" and r["unit"] == "市发展改革委" for r in rows)


def test_change_rows_list_new_and_vanished_units(everything: Analysis) -> None:
    snapshot = everything.snapshot
    rows = tables.change_rows(everything, "云泽市")
    assert [(r["since"], r["year"]) for r in rows] == list(pairwise(YEARS))
    for row in rows:
        before = set(_loop_loads(snapshot, _year_tasks(snapshot, "云泽市", row["since"])))
        after = set(_loop_loads(snapshot, _year_tasks(snapshot, "云泽市", row["year"])))
        assert row["new_units"] == sorted(snapshot.units[u].name for u in after - before)
        assert row["vanished_units"] == sorted(snapshot.units[u].name for u in before - after)


def test_group_mentions_never_bridge_jurisdictions_or_years(everything: Analysis) -> None:
    graph = view_graph(everything, "units")
    for a, b in graph.edges:
        ends = graph.nodes[a], graph.nodes[b]
        assert ends[0]["jurisdiction"] == ends[1]["jurisdiction"]
        assert ends[0]["year"] == ends[1]["year"]
    assert any(d["is_group"] and graph.degree(n) for n, d in graph.nodes(data=True))


def test_corpus_wide_is_an_explicit_choice(tmp_path: Path, corpus: list[Path]) -> None:
    from dutygraph.graph.analysis import Settings

    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, corpus[:4])
        wide = analysis_of(store, settings=Settings(scope="corpus"))
        per_city = analysis_of(store, settings=Settings(scope="jurisdiction"))
    assert [p.scope.jurisdiction for p in wide.parts] == [None]
    assert [(p.scope.jurisdiction, p.year) for p in per_city.parts] == [("青澜市", "2017–2018")]
    assert len(wide.parts[0].snapshot.tasks) == len(per_city.snapshot.tasks)


def test_task_table_has_a_row_per_task_unit_and_role(everything: Analysis) -> None:
    rows = tables.task_rows(everything)
    assert len(rows) == sum(max(1, len(t.units)) for t in everything.snapshot.tasks)
    # Huzhou task 11 (附件1): 杨六顺 supervises; 市发展改革委 leads, 湖州电力局 among the co-units.
    task_11 = [r for r in rows if r["document"] == "湖政办发-2019-9" and r["number"] == "11"]
    assert {r["leader"] for r in task_11} == {"杨六顺"}
    assert (task_11[0]["unit"], task_11[0]["role"], task_11[0]["rank"]) == ("市发展改革委", "lead", 1)
    assert {r["unit"]: r["role"] for r in task_11}["湖州电力局"] == "co"
    assert len(task_11) == 9
    assert {r["jurisdiction"] for r in task_11} == {"湖州市"} and {r["year"] for r in task_11} == {2019}


def test_pairs_table_counts_shared_tasks_and_jaccard(everything: Analysis) -> None:
    snapshot = everything.snapshot
    rows = {
        (r["unit"], r["other_unit"]): r
        for r in tables.pair_rows(everything)
        if (r["jurisdiction"], r["year"]) == ("湖州市", 2019)
    }
    pair = rows["市人行", "市金融办"]
    assert pair["shared_tasks"] == 3  # tasks 58, 66, 67
    tasks = _year_tasks(snapshot, "湖州市", 2019)
    names = {u: i.name for u, i in snapshot.units.items() if i.jurisdiction == "湖州市"}
    either = [t for t in tasks if {"市人行", "市金融办"} & {names[u] for u in t.units}]
    assert pair["jaccard"] == 3 / len(either)
    assert not math.isnan(pair["jaccard"])


def test_report_of_several_years_draws_overview_then_detail(tmp_path: Path, corpus: list[Path]) -> None:
    from dutygraph.report import charts
    from dutygraph.report.files import write_report

    analysis = _analysis(tmp_path / "s", [p for p in corpus if "-2019-" in p.name or "-2020-" in p.name])
    written = {p.name for p in write_report(analysis, tmp_path / "out")}
    overview = {"top-loads.png", "loads-by-part.png", "network.png"}
    detail = {"network-01.png", "network-02.png", "trend-01.png", "trend-02.png"}
    assert overview | detail <= written
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert report.count("](trend-0") == 2 and report.count("](network-0") == 2
    # The latest year's network sits in each city's section, its trend too.
    sections = report.split("\n## ")
    qinglan = next(s for s in sections if s.startswith("青澜市"))
    assert "](network-02.png)" in qinglan and "](trend-02.png)" in qinglan
    panels = charts.loads_by_part(analysis, lang="en").panels
    assert [p.title for p in panels] == ["云泽市 2019", "云泽市 2020", "青澜市 2019", "青澜市 2020"]
    trend = charts.jurisdiction_trend(analysis, "青澜市", lang="en")
    assert trend.years == ("2019", "2020") and len(trend.lines) == 6
    snapshot = analysis.snapshot
    for line in trend.lines:
        iri = next(
            i for i, u in snapshot.units.items() if u.name == line.label and u.jurisdiction == "青澜市"
        )
        expected = []
        for year in (2019, 2020):
            loads = _loop_loads(snapshot, _year_tasks(snapshot, "青澜市", year))
            expected.append(loads[iri][0] + 0.5 * loads[iri][1] if iri in loads else None)
        assert list(line.values) == expected
