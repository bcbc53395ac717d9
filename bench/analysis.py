"""Benchmark: the whole analysis of a 100,000-task corpus vs NetworkX exact betweenness alone.

    python bench/analysis.py [-n 1000] [--seed 7]

Generates ``n`` synthetic notices (about 100 tasks each), loads them into a store, then times
each analysis step on the resulting collaboration graph, and — on the same graph — plain
NetworkX exact betweenness (``nx.betweenness_centrality`` on 1/weight distances). Prints every
step's time, the ratio (target: whole analysis ≥ 20× faster than the baseline), and the
sampling error of centrality rankings: Spearman's ρ between sampled (k pivots) and exact
betweenness on the largest jurisdiction's subgraph.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from scipy.stats import spearmanr

from dutygraph.graph.analysis.centrality import betweenness, unit_centrality
from dutygraph.graph.analysis.clusters import cluster_units
from dutygraph.graph.analysis.leaders import leader_portfolios
from dutygraph.graph.analysis.overload import burdens
from dutygraph.graph.analysis.workload import unit_loads
from dutygraph.graph.ingest import load_files
from dutygraph.graph.projections import collaboration_graph
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.graph.store import Store

HERE = Path(__file__).parent


def timed(label: str, times: dict[str, float], func, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func(*args, **kwargs)
    times[label] = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=1000, help="notices (about 100 tasks each)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import synth

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        synth.write_corpus(synth.generate_corpus(args.n, seed=args.seed), corpus)
        paths = sorted(corpus.glob("*.txt"))
        with Store.open(Path(tmp) / "store", write=True) as store:
            load_files(store, paths)
        times: dict[str, float] = {}
        with Store.open(Path(tmp) / "store") as store:
            snapshot = timed("read snapshot", times, read_snapshot, store)
        graph = timed("collaboration graph", times, collaboration_graph, snapshot)
        loads = timed("workload", times, unit_loads, snapshot)
        timed("over-burden", times, burdens, loads)
        clustering = timed("clusters (louvain)", times, cluster_units, graph, snapshot, seed=args.seed)
        timed("centrality", times, unit_centrality, graph, clustering.membership, seed=args.seed)
        timed("leader portfolios", times, leader_portfolios, snapshot)
        read = times["read snapshot"]
        total = sum(times.values()) - read

        distance = nx.Graph()
        distance.add_weighted_edges_from(
            ((a, b, 1.0 / d["weight"]) for a, b, d in graph.edges(data=True)), weight="distance"
        )
        distance.add_nodes_from(graph.nodes)
        start = time.perf_counter()
        exact = nx.betweenness_centrality(distance, weight="distance", normalized=True)
        baseline = time.perf_counter() - start

        print(
            f"corpus: {args.n} notices, {len(snapshot.tasks):,} tasks; collaboration graph "
            f"{graph.number_of_nodes():,} units, {graph.number_of_edges():,} edges"
        )
        for label, seconds in times.items():
            print(f"  {label:<22} {seconds:8.3f} s")
        print(f"  {'whole analysis':<22} {total:8.3f} s  (graph + every measure; the store read apart)")
        print(f"NetworkX exact betweenness alone: {baseline:.3f} s")
        print(
            f"ratio: baseline / whole analysis = {baseline / total:.2f} (target >= 20); "
            f"with the store read: {baseline / (total + read):.2f}"
        )

        ours, method = betweenness(graph, exact_limit=10**9)
        rho_all = spearmanr([ours[n] for n in sorted(graph)], [exact[n] for n in sorted(graph)]).statistic
        print(f"our exact betweenness (igraph) vs NetworkX exact: Spearman rho = {rho_all:.4f} ({method})")

        jurisdictions: dict[str, list[str]] = {}
        for node, data in graph.nodes(data=True):
            jurisdictions.setdefault(data["jurisdiction"], []).append(node)
        largest = max(jurisdictions.values(), key=len)
        sub = graph.subgraph(largest).copy()
        exact_sub, _ = betweenness(sub, exact_limit=10**9)
        for k in sorted({16, 32, min(64, sub.number_of_nodes() // 2)}):
            sampled, how = betweenness(sub, exact_limit=0, samples=k, seed=args.seed)
            nodes = sorted(sub)
            rho = spearmanr([sampled[n] for n in nodes], [exact_sub[n] for n in nodes]).statistic
            print(
                f"sampling error on a {sub.number_of_nodes()}-unit subgraph: {how}: Spearman rho vs exact = {rho:.4f}"
            )


if __name__ == "__main__":
    main()
