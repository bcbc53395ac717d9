"""Benchmark: the whole analysis of a 100,000-task corpus vs NetworkX exact betweenness alone.

Every measure is computed per jurisdiction-year (the default scope), so both sides work on the
same graphs: one collaboration graph per jurisdiction and year.

    python bench/analysis.py [-n 1000] [--seed 7] [--cities C] [--profile]

Generates ``n`` synthetic notices (about 100 tasks each), by default one per jurisdiction and
year over synth's nine years — so 1,000 notices come from 112 jurisdictions, the way such
notices are published (one breakdown of each year's work report); ``--cities 13`` packs them into
synth's 13 built-in jurisdictions instead (8–9 notices per city and year, each jurisdiction's
collaboration graph nearly complete). Loads them into a store, then times
each analysis step on the resulting collaboration graph, and — on the same graph — plain
NetworkX exact betweenness (``nx.betweenness_centrality`` on 1/weight distances). Prints every
step's time, the ratios in wall and CPU time (target: whole analysis ≥ 20× faster than the baseline), and the
sampling error of centrality rankings: Spearman's ρ between sampled (k pivots) and exact
betweenness on the largest jurisdiction-year's graph. ``--profile`` then runs ``analyse()`` once
more under cProfile and prints the functions that hold most of its time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import igraph  # imported up front like networkx: a process pays it once, not per analysis
import networkx as nx
import numpy as np
from scipy.stats import spearmanr

from dutygraph.gcpause import gc_paused
from dutygraph.graph.analysis import Settings, analyse
from dutygraph.graph.analysis.centrality import betweenness, parts_centrality
from dutygraph.graph.analysis.clusters import cluster_parts
from dutygraph.graph.analysis.leaders import leader_portfolios
from dutygraph.graph.analysis.overload import part_burdens
from dutygraph.graph.analysis.scope import scopes_of
from dutygraph.graph.analysis.workload import unit_loads
from dutygraph.graph.projections import collaboration
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

HERE = Path(__file__).parent


def timed(label: str, times: dict[str, float], func, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func(*args, **kwargs)
    times[label] = time.perf_counter() - start
    return result


def main() -> None:
    sys.path.insert(0, str(HERE))
    import synth

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=1000, help="notices (about 100 tasks each)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--cities",
        type=int,
        help="jurisdictions the notices spread over (default: one notice per jurisdiction and year)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile analyse() and print where its time goes"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        cities = args.cities or -(-args.n // len(synth.DEFAULT_YEARS))
        notices = synth.generate_corpus(args.n, seed=args.seed, cities=synth.city_names(cities))
        synth.write_corpus(notices, corpus)
        paths = sorted(corpus.glob("*.txt"))
        with Store.open(Path(tmp) / "store", write=True) as store:
            load_files(store, paths)
        times: dict[str, float] = {}
        with Store.open(Path(tmp) / "store") as store:
            snapshot = timed("read snapshot", times, read_snapshot, store)
        settings = Settings(seed=args.seed)
        with gc_paused():  # as analyse() runs them: counting once over all parts, the rest per part
            scopes = timed("scopes", times, scopes_of, snapshot)
            groups = [docs for _, docs in scopes]
            combined = timed("number per part", times, snapshot.partitioned, groups)
            pieces = timed("split snapshot", times, snapshot.parts, groups, partitioned=combined)
            network = timed("collaboration graph", times, collaboration, combined)
            loads = timed("workload", times, unit_loads, combined)
            timed("leader portfolios", times, leader_portfolios, combined)
            networks = timed("slice per part", times, network.pieces, len(groups))
            per_part: list[list[Any]] = [[] for _ in groups]
            for load in loads:
                per_part[load.part].append(load)
            timed("over-burden", times, part_burdens, per_part)
            clusterings = timed(
                "clusters (louvain)", times, cluster_parts, networks, combined, seed=args.seed
            )
            memberships = [clustering.membership for clustering in clusterings]
            timed("centrality", times, parts_centrality, networks, memberships, seed=args.seed)
        networks = list(zip(pieces, networks, strict=True))
        read = times["read snapshot"]
        total = sum(times.values()) - read
        start, cpu_start = time.perf_counter(), time.process_time()
        analysis = analyse(snapshot, settings)
        as_called, cpu_called = time.perf_counter() - start, time.process_time() - cpu_start
        floor, cpu_floor = _c_calls(networks, args.seed)
        start = time.perf_counter()
        graphs = [network.to_networkx(piece) for piece, network in networks]
        as_networkx = time.perf_counter() - start

        exact: dict[str, float] = {}
        baseline = cpu_baseline = 0.0
        for (piece, _), graph in zip(networks, graphs, strict=True):
            distance = nx.Graph()
            distance.add_nodes_from(graph.nodes)
            distance.add_weighted_edges_from(
                ((a, b, 1.0 / d["weight"]) for a, b, d in graph.edges(data=True)), weight="distance"
            )
            with (
                gc_paused()
            ):  # the same treatment as ours: with the collector on, its O(n²) records cost far more
                start, cpu_start = time.perf_counter(), time.process_time()
                found = nx.betweenness_centrality(distance, weight="distance", normalized=True)
                baseline += time.perf_counter() - start
                cpu_baseline += time.process_time() - cpu_start
            exact.update({f"{iri}@{id(piece)}": value for iri, value in found.items()})

        units = sum(len(n.units) for _, n in networks)
        edges = sum(n.edge_count for _, n in networks)
        print(
            f"corpus: {args.n} notices from {len(set(snapshot.documents.values()))} jurisdictions, "
            f"{len(snapshot.tasks):,} tasks; {len(analysis.parts):,} jurisdiction-years analysed apart, "
            f"their collaboration graphs {units:,} unit-years, {edges:,} edges"
        )
        for label, seconds in times.items():
            print(f"  {label:<22} {seconds:8.3f} s")
        print(
            f"  {'whole analysis':<22} {total:8.3f} s  (split + numbering + graph + every measure, per "
            f"jurisdiction-year; the store read apart; analyse() as called: {as_called:.3f} s)"
        )
        print(f"  (the same graphs as NetworkX, built only when asked for: {as_networkx:.3f} s)")
        print(
            f"  (igraph's C calls alone — Louvain, modularity, betweenness, PageRank of every part, "
            f"graphs built: {floor:.3f} s)"
        )
        print(f"NetworkX exact betweenness alone on the same graphs (collector paused too): {baseline:.3f} s")
        print(
            f"ratio: baseline / whole analysis = {baseline / total:.2f} (target >= 20); "
            f"with the store read: {baseline / (total + read):.2f}; "
            f"against analyse() as called: {baseline / as_called:.2f}; "
            f"ceiling with no Python at all (baseline / the C calls alone): {baseline / floor:.2f}"
        )
        print(
            f"in CPU time (what other processes on the machine do not add): NetworkX {cpu_baseline:.3f} s, "
            f"analyse() as called {cpu_called:.3f} s, the C calls alone {cpu_floor:.3f} s; "
            f"ratio against analyse() {cpu_baseline / cpu_called:.2f}, ceiling {cpu_baseline / cpu_floor:.2f}"
        )

        ours_all: list[float] = []
        theirs: list[float] = []
        apart = 0  # parts where some unit's value differs
        for piece, network in networks:
            values, _ = betweenness(network, exact_limit=10**18)
            found = [exact[f"{iri}@{id(piece)}"] for iri in network.units]
            apart += bool(len(found)) and float(np.max(np.abs(values - found))) > 1e-9
            ours_all += values.tolist()
            theirs += found
        rho_all = spearmanr(ours_all, theirs).statistic
        print(f"our exact betweenness (igraph) vs NetworkX exact, every part: Spearman rho = {rho_all:.4f}")
        print(
            f"  parts where a value differs by more than 1e-9: {apart} of {len(networks)} (NetworkX compares "
            "path lengths as floats, so 1/10 + 1/15 is not 1/6 there; igraph compares within a tolerance "
            "and sees the tie)"
        )

        sub = max((network for _, network in networks), key=lambda n: len(n.units))
        exact_sub, _ = betweenness(sub, exact_limit=10**18)
        for k in sorted({16, 32, min(64, len(sub.units) // 2)}):
            sampled, how = betweenness(sub, exact_limit=0, samples=k, seed=args.seed)
            rho = spearmanr(sampled, exact_sub).statistic
            print(
                f"sampling error on a {len(sub.units)}-unit jurisdiction-year: {how}: Spearman rho vs exact = {rho:.4f}"
            )
        if args.profile:
            _profile(snapshot, settings)


def _c_calls(networks: list[tuple[Any, Any]], seed: int) -> tuple[float, float]:
    """Seconds (wall, CPU) of the igraph calls analyse() makes per part, with nothing around
    them: what the analysis would cost if every line of Python in it were free."""
    start, cpu_start = time.perf_counter(), time.process_time()
    with gc_paused():
        for _, network in networks:
            graph, weights = network.igraph, network.weight.tolist()
            igraph.set_random_number_generator(random.Random(seed))
            membership = graph.community_multilevel(weights=weights).membership
            if network.edge_count:
                graph.modularity(membership, weights=weights)
                graph.betweenness(weights=(1.0 / network.weight).tolist(), directed=False)
                graph.pagerank(weights=weights, directed=False)
    igraph.set_random_number_generator(random)
    return time.perf_counter() - start, time.process_time() - cpu_start


def _profile(snapshot: Any, settings: Settings) -> None:
    """analyse() under cProfile: its functions by own time, as shares of the whole."""
    profiler = cProfile.Profile()
    profiler.runcall(analyse, snapshot, settings)
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"analyse() under cProfile: {total:.3f} s; functions by own time:")
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])  # type: ignore[attr-defined]
    for (path, line, name), (_, calls, own, _, _) in rows[:15]:
        where = f"{Path(path).name}:{line}" if line else "C"
        print(f"  {own / total:6.1%} {own:8.3f} s  {calls:>7} calls  {name} ({where})")


if __name__ == "__main__":
    main()
