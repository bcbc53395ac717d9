"""Analysis figures per jurisdiction-year in Neo4j: (:Unit)-[:MEASURED_IN]->(:AnalysisYear).

A two-year corpus of one city (bench/synth.py): every year's load, rank and flag are readable
with Cypher and equal a plain loop over the store's tasks; a re-sync writes nothing; a change to
one year rewrites only that year's values (counted against a before/after dump of Neo4j, not
against the sync's own plan); a property added by hand survives.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from neo4j_support import Graph, build_store
from synth_corpus import load_synth

from dutygraph.graph.analysis import analyse
from dutygraph.graph.snapshot import Snapshot, read_snapshot
from dutygraph.neo4j import cypher
from dutygraph.neo4j.connection import Connection
from dutygraph.neo4j.sync import sync_store
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

pytestmark = pytest.mark.integration

CITY = "青澜市"
DEVELOPMENT = f"https://w3id.org/dutygraph/id/unit/{CITY}/市发展改革委"


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three notices of 青澜市: 2020, 2021, then a second one of 2020 (synth's order: year
    ``years[i % 2]`` for notice i of one city)."""
    synth = load_synth()
    out = tmp_path_factory.mktemp("two-years")
    synth.write_corpus(synth.generate_corpus(3, seed=5, cities=(CITY,), years=(2020, 2021)), out)
    paths = sorted(out.glob("*.txt"), key=lambda p: p.name.split("-")[2])  # by notice number
    assert [p.name.split("-")[1] for p in paths] == ["2020", "2021", "2020"]
    return paths


def plain_figures(snapshot: Snapshot, year: int) -> dict[str, dict[str, Any]]:
    """Per unit IRI named in ``year``: lead and co counts, load (lead 1.0, co 0.5) and rank among
    the year's departments (heaviest first; ties by more lead tasks, then name) — a plain loop."""
    docs = {d for d in snapshot.documents if snapshot.year_of(d) == year}
    lead: Counter[str] = Counter()
    co: Counter[str] = Counter()
    for task in snapshot.tasks:
        if task.doc_id in docs:
            lead.update(set(task.leads))
            co.update(set(task.cos))
    figures = {u: {"lead": lead[u], "co": co[u], "load": lead[u] * 1.0 + co[u] * 0.5} for u in lead | co}
    departments = sorted(
        (u for u in figures if not snapshot.units[u].is_group),
        key=lambda u: (-figures[u]["load"], -figures[u]["lead"], snapshot.units[u].name, u),
    )
    for rank, unit in enumerate(departments, 1):
        figures[unit]["rank"] = rank
    return figures


DOCS = Path(__file__).parents[2] / "docs" / "neo4j.md"


def docs_queries() -> list[str]:
    """The Cypher block of docs/neo4j.md's "A unit's figures in every year", one query per comment."""
    page = DOCS.read_text(encoding="utf-8")
    section = page[page.index("### A unit's figures in every year") :]
    block = section[section.index("```cypher\n") + 10 : section.index("```\n", section.index("```cypher"))]
    queries = [q.split("\n", 1)[1] for q in block.split("// ") if q.strip()]
    assert len(queries) == 3
    return queries


def measured(graph: Graph) -> dict[tuple[str, int], dict[str, Any]]:
    rows = graph.rows(
        "MATCH (u:Unit)-[m:MEASURED_IN]->(y:AnalysisYear) "
        "RETURN u.id AS unit, y.year AS year, y.jurisdiction AS place, properties(m) AS props"
    )
    assert {r["place"] for r in rows} <= {CITY}
    return {(str(r["unit"]), int(r["year"])): dict(r["props"]) for r in rows}  # type: ignore[call-overload]


def dump(graph: Graph) -> dict[tuple[str, ...], dict[str, Any]]:
    """Every node's and every MEASURED_IN relationship's properties, keyed by identity."""
    nodes = graph.rows("MATCH (n) RETURN n.id AS id, properties(n) AS props")
    rels = graph.rows(
        "MATCH (u:Unit)-[m:MEASURED_IN]->(y:AnalysisYear) RETURN u.id AS u, y.id AS y, properties(m) AS props"
    )
    out: dict[tuple[str, ...], dict[str, Any]] = {(str(r["id"]),): dict(r["props"]) for r in nodes}  # type: ignore[call-overload]
    out.update({(str(r["u"]), str(r["y"])): dict(r["props"]) for r in rels})  # type: ignore[call-overload]
    return out


def test_every_year_is_readable_and_equals_a_plain_loop(
    notices: list[Path], tmp_path: Path, bolt: Connection, graph: Graph
) -> None:
    store = build_store(tmp_path / "store", notices[:2])
    sync_store(store, bolt, progress=False)
    years = graph.rows("MATCH (y:AnalysisYear) RETURN y.jurisdiction AS j, y.year AS y, y.documents AS d")
    assert sorted((r["j"], r["y"], r["d"]) for r in years) == [(CITY, 2020, 1), (CITY, 2021, 1)]  # type: ignore[type-var]
    with Store.open(store) as opened:
        snapshot = read_snapshot(opened)
        analysis = analyse(snapshot)
    found = measured(graph)
    for year in (2020, 2021):
        plain = plain_figures(snapshot, year)
        assert {u for u, y in found if y == year} == set(plain)
        burdens = {b.load.iri: b for b in analysis.part(CITY, year).burdens}
        for unit, want in plain.items():
            got = found[unit, year]
            assert (got["leadTasks"], got["coTasks"], got["load"]) == (want["lead"], want["co"], want["load"])
            assert got.get("rank") == want.get("rank"), unit
            burden = burdens.get(unit)
            assert got["flagged"] == bool(burden and burden.flagged)
            assert got.get("flagReason") == (burden.reason if burden and burden.flagged else None)
    # the named query: one row per year, the figures of each year
    rows = cypher.run_named(bolt, "unit-years", {"unit": "市发展改革委", "jurisdiction": CITY}).rows
    assert [r["year"] for r in rows] == [2020, 2021]
    for row in rows:
        want = plain_figures(snapshot, int(row["year"]))[DEVELOPMENT]  # type: ignore[call-overload]
        assert (row["load"], row["rank"], row["lead"], row["co"]) == (
            want["load"], want["rank"], want["lead"], want["co"],
        )  # fmt: skip
    # the queries docs/neo4j.md shows
    by_year, ranked, flags = docs_queries()
    plain = {year: plain_figures(snapshot, year) for year in (2020, 2021)}
    assert [(r["year"], r["load"], r["rank"]) for r in graph.rows(by_year, unit=DEVELOPMENT)] == [
        (year, plain[year][DEVELOPMENT]["load"], plain[year][DEVELOPMENT]["rank"]) for year in (2020, 2021)
    ]
    in_2020 = sorted((f["rank"], u) for u, f in plain[2020].items() if "rank" in f)
    rows = graph.rows(ranked, jurisdiction=CITY, year=2020)
    assert [(r["rank"], r["unit"]) for r in rows] == [(n, snapshot.units[u].name) for n, u in in_2020]
    flagged_years: Counter[str] = Counter()
    named_years: Counter[str] = Counter()
    for year in (2020, 2021):
        named_years.update(snapshot.units[u].name for u in plain[year])
        flagged_years.update(
            snapshot.units[b.load.iri].name for b in analysis.part(CITY, year).burdens if b.flagged
        )
    rows = graph.rows(flags)
    assert {r["unit"]: (r["flaggedYears"], r["years"]) for r in rows} == {
        name: (flagged_years[name], n) for name, n in named_years.items()
    }
    # the Unit node keeps its latest year's figures
    latest = graph.rows("MATCH (u:Unit {id: $id}) RETURN u.analysisYear AS y, u.load AS load", id=DEVELOPMENT)
    assert latest == [{"y": 2021, "load": plain_figures(snapshot, 2021)[DEVELOPMENT]["load"]}]
    # a second sync writes nothing (the server's counters)
    again = sync_store(store, bolt, progress=False)
    assert again.changes.total == 0 and again.changes.properties_set == 0, again.changes.as_dict()


def test_a_change_to_one_year_rewrites_only_its_changed_values(
    notices: list[Path], tmp_path: Path, bolt: Connection, graph: Graph
) -> None:
    store = build_store(tmp_path / "store", notices[:2])
    with Store.open(store, write=True) as opened:
        first_two = set(opened.document_ids())
        load_files(opened, notices[2:])  # a second notice of 2020
        (third,) = set(opened.document_ids()) - first_two
    sync_store(store, bolt, progress=False)
    graph.rows(
        "MATCH (u:Unit {id: $id})-[m:MEASURED_IN]->(y:AnalysisYear) SET m.note = 'checked ' + y.year",
        id=DEVELOPMENT,
    )
    graph.rows("MATCH (y:AnalysisYear) SET y.owner = 'planning office'")
    before = dump(graph)
    with Store.open(store, write=True) as opened:
        assert opened.remove(third)
    report = sync_store(store, bolt, progress=False, prune=True)
    after = dump(graph)

    # 2021 is untouched: every one of its relationships as it was
    y2021 = [k for k in before if len(k) == 2 and k[1].endswith("/2021")]
    assert y2021 and all(after[k] == before[k] for k in y2021)
    # the hand-added properties survive on what stayed
    for key, props in after.items():
        if len(key) == 2 and key[0] == DEVELOPMENT:
            assert props["note"] == "checked " + key[1].rsplit("/", 1)[1]
        if len(key) == 1 and "/analysis/" in key[0]:
            assert props["owner"] == "planning office"
    # counters: updated MEASURED_IN = the 2020 relationships whose values differ; properties set =
    # the values that differ on whatever exists before and after (deleting sets nothing)
    kept = [k for k in before if k in after]
    changed = [k for k in kept if before[k] != after[k]]
    assert report.changes.get("MEASURED_IN", "updated") == sum(1 for k in changed if len(k) == 2) > 0
    differing = sum(
        1 for k in kept for p in set(before[k]) | set(after[k]) if before[k].get(p) != after[k].get(p)
    )
    assert report.changes.properties_set == differing > 0
    with Store.open(store) as opened:
        plain = plain_figures(read_snapshot(opened), 2020)
    now = measured(graph)
    assert (DEVELOPMENT, 2020) in now and (DEVELOPMENT, 2021) in now
    assert {u for u, y in now if y == 2020} == set(plain)
    for unit, want in plain.items():
        assert now[unit, 2020]["load"] == want["load"] and now[unit, 2020].get("rank") == want.get("rank")
    assert sync_store(store, bolt, progress=False).changes.total == 0
