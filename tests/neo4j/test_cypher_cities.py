"""Named queries over two cities with the same unit names: counted per unit node, never by name."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

from neo4j_support import Graph, build_store
from synth_corpus import load_synth

from dutygraph.graph.snapshot import read_snapshot
from dutygraph.neo4j import cypher
from dutygraph.neo4j.connection import Connection
from dutygraph.neo4j.sync import sync_store
from dutygraph.store.store import Store


def _corpus(out: Path) -> list[Path]:
    synth = load_synth()
    synth.write_corpus(synth.generate_corpus(2, seed=3, cities=("青澜市", "云泽市"), years=(2020,)), out)
    return sorted(out.glob("*.txt"))


def test_pairs_are_counted_per_unit_of_each_city(tmp_path: Path, bolt: Connection, graph: Graph) -> None:
    store = build_store(tmp_path / "store", _corpus(tmp_path / "corpus"))
    sync_store(store, bolt, progress=False)
    rows = cypher.run_named(bolt, "collaboration-pairs", {"limit": "100000"}).rows
    found = {(r["jurisdiction"], *sorted((r["unit"], r["partner"]))): r["sharedTasks"] for r in rows}
    assert len(found) == len(rows)
    # A plain loop over the tasks. A unit with a sub-office (市发展改革委(铁办)) is two nodes in Neo4j
    # and one unit in the analysis, so pairs with one are left out of the comparison.
    with Store.open(store) as opened:
        snapshot = read_snapshot(opened)
    plain = {iri for iri, u in snapshot.units.items() if not u.is_group and not u.sub_offices}
    rolled_up = {
        (u.jurisdiction, n)
        for u in snapshot.units.values()
        if u.sub_offices
        for n in [u.name, *u.sub_offices]
    }
    expected: Counter[tuple[str, str, str]] = Counter()
    for task in snapshot.tasks:
        names = sorted({snapshot.units[u].name for u in task.units if u in plain})
        for a, b in combinations(names, 2):
            expected[snapshot.documents[task.doc_id], a, b] += 1
    compared = {key: n for key, n in found.items() if not {(key[0], key[1]), (key[0], key[2])} & rolled_up}
    assert compared == dict(expected)
    # The same pair of names in both cities is two rows, each with its own city's count.
    cities = [{key[1:] for key in expected if key[0] == city} for city in ("青澜市", "云泽市")]
    assert cities[0] & cities[1]
