"""Collaboration clusters: community detection on the unit collaboration graph.

Louvain (NetworkX, seeded) by default; Leiden (leidenalg, seeded, modularity objective) with
``method="leiden"``. Nodes are fed in sorted order and clusters numbered by size then name, so
the same input and seed give the same clusters, numbered the same way. Each cluster is described
by its hub units (highest weighted degree inside the cluster) and the leader whose tasks
involve its members most often.

Louvain is O(m log n) in practice; Leiden similar.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from dutygraph.errors import DutygraphError
from dutygraph.graph.snapshot import Snapshot

METHODS = ("louvain", "leiden")


@dataclass
class Cluster:
    id: int
    members: list[str]  # unit IRIs, by weighted degree within the cluster
    hubs: list[str]  # names of the top members
    leader: str | None  # the dominant supervising leader's name
    leader_share: float  # share of the cluster's task mentions under that leader


@dataclass
class Clustering:
    method: str
    seed: int
    resolution: float
    modularity: float
    membership: dict[str, int] = field(default_factory=dict)
    clusters: list[Cluster] = field(default_factory=list)


def _communities(graph: nx.Graph, method: str, seed: int, resolution: float) -> list[set[str]]:
    if method == "louvain":
        ordered = nx.Graph()
        ordered.add_nodes_from(sorted(graph.nodes))
        ordered.add_weighted_edges_from(sorted((a, b, d["weight"]) for a, b, d in graph.edges(data=True)))
        return [
            set(c)
            for c in nx.community.louvain_communities(
                ordered, weight="weight", resolution=resolution, seed=seed
            )
        ]
    if method == "leiden":
        import igraph
        import leidenalg

        nodes = sorted(graph.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        edges = sorted((index[a], index[b], d["weight"]) for a, b, d in graph.edges(data=True))
        ig = igraph.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in edges])
        partition = leidenalg.find_partition(
            ig,
            leidenalg.RBConfigurationVertexPartition,
            weights=[w for _, _, w in edges],
            resolution_parameter=resolution,
            seed=seed,
        )
        return [{nodes[i] for i in community} for community in partition]
    raise DutygraphError(f"unknown clustering method {method!r} (choose {', '.join(METHODS)})")


def cluster_units(
    graph: nx.Graph, snapshot: Snapshot, *, method: str = "louvain", seed: int = 0, resolution: float = 1.0
) -> Clustering:
    """Clusters of ``graph`` (a collaboration graph), described with ``snapshot``'s leaders."""
    if graph.number_of_nodes() == 0:
        return Clustering(method, seed, resolution, 0.0)
    communities = _communities(graph, method, seed, resolution)
    modularity = (
        nx.community.modularity(graph, communities, weight="weight", resolution=resolution)
        if graph.number_of_edges()
        else 0.0
    )
    names = {n: snapshot.units[n].name for n in graph.nodes}
    communities.sort(key=lambda c: (-len(c), min(names[n] for n in c)))
    membership = {n: i for i, c in enumerate(communities, 1) for n in c}
    leader_counts: dict[int, Counter[str]] = {i: Counter() for i in range(1, len(communities) + 1)}
    for task in snapshot.tasks:
        for unit in task.units:
            if unit in membership:
                leader_counts[membership[unit]].update(task.leaders)
    clusters = []
    for i, community in enumerate(communities, 1):
        inner = graph.subgraph(community)
        strength = {n: inner.degree(n, weight="weight") for n in community}
        members = sorted(community, key=lambda n: (-strength[n], names[n]))
        counts = leader_counts[i]
        top = sorted(counts.items(), key=lambda kv: (-kv[1], snapshot.leaders[kv[0]].name))[:1]
        leader = snapshot.leaders[top[0][0]].name if top else None
        share = top[0][1] / sum(counts.values()) if top else 0.0
        clusters.append(Cluster(i, members, [names[n] for n in members[:3]], leader, round(share, 4)))
    return Clustering(method, seed, resolution, round(modularity, 6), membership, clusters)
