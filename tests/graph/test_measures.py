"""The array-based measures against plain, obviously-correct Python and NetworkX on random
snapshots: the sparse products must count exactly what a loop over tasks counts."""

from __future__ import annotations

import dataclasses
import math
import random
import statistics
from collections import defaultdict
from itertools import combinations, pairwise

import networkx as nx
import numpy as np
import pytest

from dutygraph.graph.analysis.centrality import betweenness, exact_work, parts_centrality, unit_centrality
from dutygraph.graph.analysis.clusters import cluster_parts, cluster_units
from dutygraph.graph.analysis.leaders import leader_portfolios, units_shared_by
from dutygraph.graph.analysis.overload import part_burdens
from dutygraph.graph.analysis.workload import UnitLoad, unit_loads
from dutygraph.graph.projections import Collaboration, collaboration, leader_unit_graph
from dutygraph.graph.snapshot import LeaderInfo, Snapshot, TaskInfo, UnitInfo

SEEDS = range(12)


def random_snapshot(seed: int, *, tasks: int = 120, units: int = 25, leaders: int = 5) -> Snapshot:
    """Two jurisdictions, skewed unit popularity, a group mention, some tasks with no unit."""
    rng = random.Random(seed)
    unit_infos = {}
    for i in range(units):
        iri = f"u:{i:03d}"
        kind = "group" if i == units - 1 else "government-department"
        unit_infos[iri] = UnitInfo(iri, f"单位{i:03d}", kind, "甲市" if i % 2 else "乙市")
    leader_infos = {f"l:{i}": LeaderInfo(f"l:{i}", f"领导{i}", "甲市") for i in range(leaders)}
    weights = [1.0 / (i + 1) for i in range(units)]
    task_infos = []
    for t in range(tasks):
        k = rng.choice((0, 1, 2, 2, 3, 3, 4, 6))
        chosen = list(dict.fromkeys(rng.choices(sorted(unit_infos), weights=weights, k=k)))
        n_leads = min(len(chosen), rng.choice((0, 1, 1, 1, 2)))
        task_infos.append(
            TaskInfo(
                iri=f"t:{t:04d}",
                doc_id="d",
                task_id=str(t),
                number=str(t),
                text="",
                attachment=None,
                section=None,
                line=t,
                leads=tuple(chosen[:n_leads]),
                cos=tuple(chosen[n_leads:]),
                leaders=tuple(rng.sample(sorted(leader_infos), rng.choice((0, 1, 1, 2)))),
                assistants=tuple(rng.sample(sorted(leader_infos), rng.choice((0, 0, 1)))),
            )
        )
    used = sorted({u for task in task_infos for u in task.units})
    return Snapshot(task_infos, {u: unit_infos[u] for u in used}, leader_infos, {"d": "甲市"})


@pytest.mark.parametrize("seed", SEEDS)
def test_collaboration_counts_what_a_loop_over_tasks_counts(seed: int) -> None:
    snapshot = random_snapshot(seed)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    newman: dict[tuple[str, str], float] = defaultdict(float)
    lead_co: dict[tuple[str, str], int] = defaultdict(int)
    for task in snapshot.tasks:
        members = sorted(u for u in task.units if not snapshot.units[u].is_group)
        for pair in combinations(members, 2):
            shared[pair] += 1
            newman[pair] += 1 / (len(members) - 1)
            lead_co[pair] += pair[0] in task.leads or pair[1] in task.leads
    graph = collaboration(snapshot, weighting="newman").to_networkx(snapshot)
    assert {tuple(sorted(e)) for e in graph.edges} == set(shared)
    assert not any(snapshot.units[n].is_group for n in graph)
    for (a, b), count in shared.items():
        edge = graph.edges[a, b]
        assert (edge["shared"], edge["lead_co"], edge["co_co"]) == (
            count,
            lead_co[a, b],
            count - lead_co[a, b],
        )
        assert edge["newman"] == pytest.approx(newman[a, b]) == edge["weight"]


@pytest.mark.parametrize("seed", SEEDS)
def test_workload_and_portfolios_count_what_a_loop_counts(seed: int) -> None:
    snapshot = random_snapshot(seed)
    lead: dict[str, int] = defaultdict(int)
    co: dict[str, int] = defaultdict(int)
    answers_to: dict[str, set[str]] = defaultdict(set)
    coworkers: dict[str, set[str]] = defaultdict(set)
    reach: dict[str, set[str]] = defaultdict(set)
    for task in snapshot.tasks:
        for unit in task.leads:
            lead[unit] += 1
        for unit in task.cos:
            co[unit] += 1
        for unit in task.units:
            answers_to[unit].update(snapshot.leaders[x].name for x in task.leaders)
            coworkers[unit].update(set(task.units) - {unit})
        for leader in task.leaders:
            reach[leader].update(task.units)
    for row in unit_loads(snapshot, lead_weight=1.0, co_weight=0.25):
        assert (row.lead, row.co) == (lead[row.iri], co[row.iri])
        assert row.load == lead[row.iri] + 0.25 * co[row.iri]
        assert row.leaders == sorted(answers_to[row.iri])
        assert row.coworkers == len(coworkers[row.iri])
    for portfolio in leader_portfolios(snapshot):
        assert portfolio.tasks == sum(portfolio.iri in t.leaders for t in snapshot.tasks)
        assert portfolio.assisted_tasks == sum(portfolio.iri in t.assistants for t in snapshot.tasks)
        assert sorted(portfolio.units) == sorted(snapshot.units[u].name for u in reach[portfolio.iri])
        others = {u for leader, units in reach.items() if leader != portfolio.iri for u in units}
        assert sorted(portfolio.shared_units) == sorted(
            snapshot.units[u].name for u in reach[portfolio.iri] & others
        )


@pytest.mark.parametrize("seed", SEEDS)
def test_leader_unit_graph_and_shared_units_count_what_a_loop_counts(seed: int) -> None:
    snapshot = random_snapshot(seed)
    tasks_of: dict[tuple[str, str], int] = defaultdict(int)
    by_name: dict[str, set[str]] = defaultdict(set)
    for task in snapshot.tasks:
        for leader in task.leaders:
            by_name[snapshot.leaders[leader].name].update(task.units)
            for unit in task.units:
                tasks_of[leader, unit] += 1
    graph = leader_unit_graph(snapshot)
    assert {
        (a, b) if a in snapshot.leaders else (b, a): w for a, b, w in graph.edges(data="weight")
    } == tasks_of
    assert {n for n, kind in graph.nodes(data="bipartite") if kind == "leader"} == {
        leader for task in snapshot.tasks for leader in task.leaders
    }
    names = sorted(by_name)
    for first, second in pairwise(names):
        expected = sorted(snapshot.units[u].name for u in by_name[first] & by_name[second])
        assert units_shared_by(snapshot, first, second) == expected
    assert units_shared_by(snapshot, names[0], "nobody") == []


def power_of_two_network(seed: int) -> Collaboration:
    """Weights 1, 2, 4: their inverses add up exactly, so shortest-path ties are exact ties for
    NetworkX too (with weights like 3, NetworkX's exact float comparison misses ties igraph sees)."""
    graph = nx.gnm_random_graph(40, 110, seed=seed)
    rng = random.Random(seed)
    edges = sorted(graph.edges)
    return Collaboration(
        units=[f"u:{i:02d}" for i in range(40)],
        source=np.array([a for a, _ in edges], dtype=np.int64),
        target=np.array([b for _, b in edges], dtype=np.int64),
        shared=np.array([rng.choice((1, 2, 4)) for _ in edges], dtype=np.int64),
        newman=np.zeros(len(edges)),
        lead_co=np.zeros(len(edges), dtype=np.int64),
    )


def as_networkx(network: Collaboration) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(network.units)
    for a, b, w in zip(
        network.source.tolist(), network.target.tolist(), network.weight.tolist(), strict=True
    ):
        graph.add_edge(network.units[a], network.units[b], weight=w, distance=1 / w)
    return graph


@pytest.mark.parametrize("seed", range(5))
def test_exact_betweenness_and_pagerank_agree_with_networkx(seed: int) -> None:
    network = power_of_two_network(seed)
    graph = as_networkx(network)
    ours, method = betweenness(network)
    assert method == "exact"
    expected = nx.betweenness_centrality(graph, weight="distance", normalized=True)
    assert ours == pytest.approx([expected[n] for n in network.units], abs=1e-12)
    rows = unit_centrality(network).rows
    pagerank = nx.pagerank(graph, weight="weight", tol=1e-12)
    assert [rows[n].pagerank for n in network.units] == pytest.approx(
        [pagerank[n] for n in network.units], abs=2e-6
    )
    assert [rows[n].weighted_degree for n in network.units] == [
        graph.degree(n, weight="weight") for n in network.units
    ]


def test_betweenness_sees_a_tie_that_float_sums_miss() -> None:
    """Units 0 and 2 share 6 tasks (distance 1/6); through unit 1 they are 1/10 + 1/15 = 1/6 away
    too, so half of their shortest paths pass unit 1. As floats 1/10 + 1/15 is a hair above 1/6:
    a library comparing path lengths exactly (NetworkX, networkit) gives unit 1 nothing."""
    network = Collaboration(
        units=["u:0", "u:1", "u:2"],
        source=np.array([0, 0, 1]),
        target=np.array([1, 2, 2]),
        shared=np.array([10, 6, 15]),
        newman=np.zeros(3),
        lead_co=np.zeros(3, dtype=np.int64),
    )
    assert 1 / 10 + 1 / 15 != 1 / 6
    values, method = betweenness(network)
    # One pair (0, 2), half its paths through 1; normalised by (n − 1)(n − 2) / 2 = 1 pair.
    assert method == "exact"
    assert values.tolist() == pytest.approx([0.0, 0.5, 0.0], abs=1e-12)


def test_sampling_every_source_is_exact_and_says_it_sampled() -> None:
    network = power_of_two_network(1)
    exact, _ = betweenness(network)
    everyone, method = betweenness(network, exact_limit=0, samples=len(network.units), seed=3)
    assert method == "sampled (k=40, seed=3)"
    assert everyone == pytest.approx(exact)
    fewer, _ = betweenness(network, exact_limit=0, samples=20, seed=3)
    again, _ = betweenness(network, exact_limit=0, samples=20, seed=3)
    assert fewer.tolist() == again.tolist()
    assert np.corrcoef(fewer, exact)[0, 1] > 0.8


def test_exact_work_sums_over_components() -> None:
    # Two triangles (3 nodes × 3 edges each) and an isolated node: 9 + 9 + 0.
    network = Collaboration(
        units=[f"u:{i}" for i in range(7)],
        source=np.array([0, 0, 1, 3, 3, 4]),
        target=np.array([1, 2, 2, 4, 5, 5]),
        shared=np.ones(6, dtype=np.int64),
        newman=np.ones(6),
        lead_co=np.zeros(6, dtype=np.int64),
    )
    assert exact_work(network) == 18
    assert exact_work(network) <= len(network.units) * network.edge_count  # the bound betweenness skips by


@pytest.mark.parametrize("seed", SEEDS)
def test_the_size_bound_decides_as_exact_work_does(seed: int) -> None:
    """betweenness() skips finding components when n·m is under the limit: it must choose exact
    or sampled exactly as comparing Σ n·m over the components with the limit does."""
    network = collaboration(random_snapshot(seed))
    work, bound = exact_work(network), len(network.units) * network.edge_count
    assert work <= bound
    for limit in (work - 1, work, (work + bound) // 2, bound, bound + 1):
        _, method = betweenness(network, exact_limit=limit, samples=5, seed=1)
        assert (method == "exact") == (work <= limit)


def test_parts_hold_their_own_documents_in_store_order() -> None:
    whole = random_snapshot(3)
    tasks = [dataclasses.replace(t, doc_id=f"d{i % 7}") for i, t in enumerate(whole.tasks)]
    order = ["d5", "d0", "d3", "d6", "d1", "d4", "d2"]
    documents = {d: "甲市" if int(d[1]) % 2 else "乙市" for d in order}
    years = {d: 2015 + int(d[1]) for d in order}
    snapshot = Snapshot(tasks, whole.units, whole.leaders, documents, years)
    groups = [["d3", "d0"], ["d1"], ["d6", "d2", "d5"]]  # d4 in none
    for group, part in zip(groups, snapshot.parts(groups), strict=True):
        assert list(part.documents.items()) == [(d, j) for d, j in documents.items() if d in group]
        assert list(part.years.items()) == [(d, y) for d, y in years.items() if d in group]
        assert part.tasks == [t for t in tasks if t.doc_id in group]
        assert list(part.units) == sorted({u for t in part.tasks for u in t.units})
        assert list(part.leaders) == sorted({p for t in part.tasks for p in t.leaders + t.assistants})


def test_participation_by_hand() -> None:
    # u0 works 3 with u1 (cluster 1) and 1 with u2 (cluster 2): 1 − (3/4)² − (1/4)² = 0.375.
    network = Collaboration(
        units=["u:0", "u:1", "u:2"],
        source=np.array([0, 0]),
        target=np.array([1, 2]),
        shared=np.array([3, 1]),
        newman=np.zeros(2),
        lead_co=np.zeros(2, dtype=np.int64),
    )
    rows = unit_centrality(network, {"u:0": 1, "u:1": 1, "u:2": 2}).rows
    assert rows["u:0"].participation == 0.375
    assert rows["u:1"].participation == 0.0
    assert (rows["u:0"].degree, rows["u:0"].weighted_degree) == (2, 4.0)


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_clusters_are_seeded_and_their_modularity_is_networkx_modularity(method: str) -> None:
    snapshot = random_snapshot(4, tasks=300, units=40)
    network = collaboration(snapshot)
    first = cluster_units(network, snapshot, method=method, seed=5)
    second = cluster_units(collaboration(snapshot), snapshot, method=method, seed=5)
    assert first.membership == second.membership and first.clusters == second.clusters
    communities: dict[int, set[str]] = defaultdict(set)
    for iri, number in first.membership.items():
        communities[number].add(iri)
    graph = network.to_networkx(snapshot)
    assert first.modularity == pytest.approx(
        nx.community.modularity(graph, communities.values(), weight="weight"), abs=1e-6
    )
    sizes = [len(c.members) for c in first.clusters]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == len(network.units)
    assert [c.id for c in first.clusters] == list(range(1, len(sizes) + 1))


def test_gc_paused_restores_the_collector_and_nests() -> None:
    import gc

    from dutygraph.gcpause import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


@pytest.mark.parametrize("units_per_task", [0, 1])
def test_a_snapshot_without_any_shared_task_still_analyses(units_per_task: int) -> None:
    from dutygraph.graph.analysis import analyse

    unit = UnitInfo("u:1", "甲局", "government-department", "甲市")
    group = UnitInfo("u:2", "各区县政府", "group", "甲市")
    tasks = [
        TaskInfo(
            f"t:{i}", "d", str(i), str(i), "", None, None, i, leads=("u:1", "u:2")[i % 2 :][:units_per_task]
        )
        for i in range(4)
    ]
    used = {u.iri: u for u in (unit, group) if any(u.iri in t.units for t in tasks)}
    analysis = analyse(Snapshot(tasks, used, {}, {"d": "甲市"} if tasks else {}))
    assert [p.network.edge_count for p in analysis.parts] == [0]
    assert [r["unit"] for r in analysis.centrality_rows()] == (["甲局"] if units_per_task else [])
    assert [r["unit"] for r in analysis.group_rows()] == (["各区县政府"] if units_per_task else [])
    assert analysis.summary()["modularity"] == 0.0
    assert analysis.collaboration.number_of_edges() == 0


def _split(seed: int, parts: int = 4) -> tuple[Snapshot, list[list[str]]]:
    """random_snapshot's tasks spread over ``parts`` documents, one group each."""
    whole = random_snapshot(seed, tasks=240, units=30)
    tasks = [dataclasses.replace(t, doc_id=f"d{i % parts}") for i, t in enumerate(whole.tasks)]
    documents = {f"d{i}": "甲市" for i in range(parts)}
    return Snapshot(tasks, whole.units, whole.leaders, documents), [[d] for d in documents]


@pytest.mark.parametrize("seed", range(6))
def test_clusters_and_centrality_of_many_graphs_at_once_are_each_graphs_own(seed: int) -> None:
    snapshot, groups = _split(seed)
    combined = snapshot.partitioned(groups)
    networks = collaboration(combined).pieces(len(groups))
    together = cluster_parts(networks, combined, seed=3)
    centrality = parts_centrality(networks, [c.membership for c in together], seed=3)
    for part, clustering, measures in zip(snapshot.parts(groups), together, centrality, strict=True):
        alone = collaboration(part)
        expected = cluster_units(alone, part, seed=3)
        assert clustering == expected
        assert measures == unit_centrality(alone, expected.membership, seed=3)


def _plain_burdens(loads: list[UnitLoad]) -> list[tuple[str, float, float, float, bool]]:
    """The over-burden rule by a plain loop over each jurisdiction's departments."""
    out = []
    for place in {r.jurisdiction for r in loads if not r.is_group}:
        peers = [r for r in loads if r.jurisdiction == place and not r.is_group]
        logs = [math.log1p(r.load) for r in peers]
        centre = statistics.median(logs)
        spread = statistics.median(abs(v - centre) for v in logs) * 1.4826
        if spread == 0:
            spread = statistics.fmean(abs(v - centre) for v in logs) * 1.2533
        median = statistics.median(r.load for r in peers)
        leaders = statistics.median(len(r.leaders) for r in peers)
        for row, value in zip(peers, logs, strict=True):
            z = (value - centre) / spread if spread > 0 else 0.0
            flagged = z >= 3.5 or (z >= 2.5 and len(row.leaders) >= 3)
            out.append((row.iri, round(z, 4), median, leaders, flagged))
    return sorted(out, key=lambda b: (not b[4], -b[1], b[0]))


@pytest.mark.parametrize("seed", range(8))
def test_burdens_of_many_parts_at_once_follow_the_rule_in_each(seed: int) -> None:
    rng = random.Random(seed)
    parts = []
    for p in range(5):
        loads = []
        for i in range(rng.choice((1, 2, 7, 12, 30))):
            lead, co = rng.choice((0, 0, 1, 1, 1, 2, 9, 40)), rng.choice((0, 1, 1, 3))
            loads.append(
                UnitLoad(
                    f"u:{p}:{i:02d}",
                    f"单位{i:02d}",
                    rng.choice(("甲市", "乙市")),
                    "group" if i == 5 else "government-department",
                    i == 5,
                    lead=lead,
                    co=co,
                    leaders=[f"领导{j}" for j in range(rng.choice((0, 1, 3, 5)))],
                    load=lead + 0.5 * co,
                )
            )
        parts.append(loads)
    for loads, found in zip(parts, part_burdens(parts), strict=True):
        assert [
            (b.load.iri, b.z, b.peer_median, b.leader_median, b.flagged) for b in found
        ] == _plain_burdens(loads)
        assert [bool(b.reasons) for b in found] == [b.flagged for b in found]
        for b in found:  # both languages print the z the tables print
            if b.flagged:
                assert f"(robust z {b.z:.1f})" in b.reason and f"（稳健 z 值 {b.z:.1f}）" in b.reason_in("zh")
