"""Collaboration clusters: community detection on the unit collaboration graph.

Louvain (igraph's C implementation, seeded) by default; Leiden (leidenalg, seeded, modularity
objective) with ``method="leiden"``. Nodes are numbered in sorted order and clusters by size then
name, so the same input and seed give the same clusters, numbered the same way. Each cluster is described
by its hub units (highest weighted degree inside the cluster) and the leader whose tasks
involve its members most often.

Louvain is O(m log n) in practice; Leiden similar.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from dutygraph.errors import InputError
from dutygraph.graph.incidence import IntArray, dense_rank
from dutygraph.graph.projections import Collaboration
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import METHODS


@dataclass(slots=True)
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


@contextmanager
def _igraph_seeded(seed: int) -> Iterator[None]:
    """igraph draws from Python's ``random`` module; give it its own seeded generator meanwhile."""
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _membership(
    network: Collaboration, weights: list[float], method: str, seed: int, resolution: float
) -> list[int]:
    """A community number per node (igraph's Louvain, or leidenalg's Leiden)."""
    if method == "louvain":
        with _igraph_seeded(seed):
            found = network.igraph.community_multilevel(weights=weights, resolution=resolution)
        return list(found.membership)
    if method == "leiden":
        import leidenalg

        partition = leidenalg.find_partition(
            network.igraph,
            leidenalg.RBConfigurationVertexPartition,
            weights=weights,
            resolution_parameter=resolution,
            seed=seed,
        )
        return list(partition.membership)
    raise InputError(f"unknown clustering method {method!r} (choose {', '.join(METHODS)})")


def cluster_units(
    network: Collaboration,
    snapshot: Snapshot,
    *,
    method: str = "louvain",
    seed: int = 0,
    resolution: float = 1.0,
) -> Clustering:
    """Clusters of ``network``, described with ``snapshot``'s leaders. O(m log n) + O(assignments)."""
    return cluster_parts([network], snapshot, method=method, seed=seed, resolution=resolution)[0]


def cluster_parts(
    networks: Sequence[Collaboration],
    snapshot: Snapshot,
    *,
    method: str = "louvain",
    seed: int = 0,
    resolution: float = 1.0,
) -> list[Clustering]:
    """The clusters of each graph apart, as :func:`cluster_units` gives them one by one.

    Detection runs per graph, seeded afresh each time. Numbering the clusters, ordering their
    members and finding their leaders then run once over the nodes of all graphs together (each
    graph's ``rows`` index ``snapshot``'s incidence): a few numpy calls in all rather than a
    dozen per graph and per cluster, which cost more than Louvain on 1,000 graphs of 50 units.
    """
    if not networks:
        return []
    raw: list[int] = []
    modularity: list[float] = []
    for network in networks:
        weights = network.weight.tolist()
        found = _membership(network, weights, method, seed, resolution) if network.units else []
        raw += found
        modularity.append(
            network.igraph.modularity(found, weights=weights, resolution=resolution)
            if network.edge_count
            else 0.0
        )
    sizes = [len(network.units) for network in networks]
    n = sum(sizes)
    units = [iri for network in networks for iri in network.units]
    names = [snapshot.units[iri].name for iri in units]
    name_rank = dense_rank(names)
    node_part = np.repeat(np.arange(len(networks), dtype=np.int64), sizes)
    # Communities of all graphs numbered together, by graph then igraph's number.
    community_keys, community = np.unique(
        node_part * (n + 1) + np.asarray(raw, dtype=np.int64), return_inverse=True
    )
    community = community.ravel()
    count = len(community_keys)
    size = np.bincount(community, minlength=count)
    # Clusters by size, then smallest name, then (as a stable sort leaves them) first node.
    by_name = np.lexsort((name_rank, community))
    starts = np.searchsorted(community[by_name], np.arange(count))
    smallest = name_rank[by_name[starts]] if count else np.zeros(0, dtype=np.int64)
    first = (
        np.minimum.reduceat(np.argsort(community, kind="stable"), starts)
        if count
        else np.zeros(0, dtype=np.int64)
    )
    order = np.lexsort((first, smallest, -size, community_keys // (n + 1)))
    number = np.empty(count, dtype=np.int64)
    number[order] = np.arange(count)
    cluster_of = number[community]  # clusters of all graphs, numbered graph by graph
    starts_of = np.searchsorted((community_keys // (n + 1))[order], np.arange(len(networks) + 1))
    local = (cluster_of - starts_of[node_part] + 1).tolist()
    cluster_start = starts_of.tolist()
    # Weighted degree inside the node's own cluster: what makes a hub.
    offset = np.repeat(np.cumsum([0, *sizes[:-1]]), [network.edge_count for network in networks])
    source = np.concatenate([network.source for network in networks]) + offset
    target = np.concatenate([network.target for network in networks]) + offset
    weight = np.concatenate([network.weight for network in networks])
    inside = cluster_of[source] == cluster_of[target]
    strength = np.bincount(source[inside], weight[inside], minlength=n) + np.bincount(
        target[inside], weight[inside], minlength=n
    )
    members = np.lexsort((np.arange(n), name_rank, -strength, cluster_of)).tolist()
    member_bounds = np.concatenate([[0], np.cumsum(size[order])]).tolist()
    leader, share = _leaders(networks, snapshot, cluster_of, count)
    ordered_units = [units[i] for i in members]
    ordered_names = [names[i] for i in members]
    out = []
    node_bounds = np.cumsum([0, *sizes]).tolist()
    for p, network in enumerate(networks):
        clusters = [
            Cluster(
                c - cluster_start[p] + 1,
                ordered_units[member_bounds[c] : member_bounds[c + 1]],
                ordered_names[member_bounds[c] : min(member_bounds[c] + 3, member_bounds[c + 1])],
                leader[c],
                share[c],
            )
            for c in range(cluster_start[p], cluster_start[p + 1])
        ]
        membership = dict(zip(network.units, local[node_bounds[p] : node_bounds[p + 1]], strict=True))
        out.append(Clustering(method, seed, resolution, round(modularity[p], 6), membership, clusters))
    return out


def _leaders(
    networks: Sequence[Collaboration], snapshot: Snapshot, cluster_of: IntArray, count: int
) -> tuple[list[str | None], list[float]]:
    """Each cluster's dominant leader (most task mentions over its members; ties by name, then
    leader number) and his share of the mentions, from the units × leaders counts."""
    incidence = snapshot.incidence
    rows = np.concatenate(
        [
            network.rows
            if network.rows is not None
            else np.asarray([incidence.unit_number[iri] for iri in network.units], dtype=np.int64)
            for network in networks
        ]
    ).astype(np.int64)
    counts = incidence.unit_leaders
    starts, lengths = counts.indptr[rows], np.diff(counts.indptr)[rows]
    owner = np.repeat(np.arange(len(rows)), lengths)
    at = np.arange(int(lengths.sum())) + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    n_leaders = max(1, len(incidence.leaders))
    keys, which = np.unique(cluster_of[owner] * n_leaders + counts.indices[at], return_inverse=True)
    mentions = np.bincount(which.ravel(), counts.data[at], minlength=len(keys))
    cluster, column = keys // n_leaders, keys % n_leaders
    leader: list[str | None] = [None] * count
    share = [0.0] * count
    if not len(keys):
        return leader, share
    bounds = np.flatnonzero(np.r_[True, cluster[1:] != cluster[:-1]])
    top = np.maximum.reduceat(mentions, bounds)
    total = np.add.reduceat(mentions, bounds)
    name_rank = dense_rank([snapshot.leaders[iri].name for iri in incidence.leaders])
    best = np.zeros(count)
    best[cluster[bounds]] = top
    tied = np.flatnonzero(mentions == best[cluster])
    chosen = tied[np.lexsort((column[tied], name_rank[column[tied]], cluster[tied]))]
    chosen = chosen[np.r_[True, cluster[chosen][1:] != cluster[chosen][:-1]]]
    for c, j in zip(cluster[chosen].tolist(), column[chosen].tolist(), strict=True):
        leader[c] = snapshot.leaders[incidence.leaders[j]].name
    for c, ratio in zip(cluster[bounds].tolist(), (top / total).tolist(), strict=True):
        share[c] = round(ratio, 4)
    return leader, share
