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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from dutygraph.errors import InputError
from dutygraph.graph.projections import Collaboration
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import METHODS


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


@contextmanager
def _igraph_seeded(seed: int) -> Iterator[None]:
    """igraph draws from Python's ``random`` module; give it its own seeded generator meanwhile."""
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _membership(network: Collaboration, method: str, seed: int, resolution: float) -> list[int]:
    """A community number per node (igraph's Louvain, or leidenalg's Leiden)."""
    weights = network.weight.tolist()
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
    n = len(network.units)
    if n == 0:
        return Clustering(method, seed, resolution, 0.0)
    raw = np.asarray(_membership(network, method, seed, resolution), dtype=np.int64)
    weight = network.weight
    modularity = (
        network.igraph.modularity(raw.tolist(), weights=weight.tolist(), resolution=resolution)
        if network.edge_count
        else 0.0
    )
    names = [snapshot.units[iri].name for iri in network.units]
    communities: dict[int, list[int]] = {}
    for node, c in enumerate(raw.tolist()):
        communities.setdefault(c, []).append(node)
    ordered = sorted(communities.values(), key=lambda c: (-len(c), min(names[i] for i in c)))
    cluster_of = np.empty(n, dtype=np.int64)
    for number, nodes in enumerate(ordered):
        cluster_of[nodes] = number
    # Weighted degree inside the node's own cluster: what makes a hub.
    inside = cluster_of[network.source] == cluster_of[network.target]
    strength = (
        np.bincount(network.source[inside], weight[inside], minlength=n)
        + np.bincount(network.target[inside], weight[inside], minlength=n)
    ).tolist()
    # Task mentions per cluster and leader: Σ over the cluster's units of their tasks under him,
    # gathered from the units × leaders counts with numpy (no sparse matrix built per part).
    incidence = snapshot.incidence
    rows = (
        network.rows
        if network.rows is not None
        else np.asarray([incidence.unit_number[iri] for iri in network.units], dtype=np.int64)
    )
    counts = incidence.unit_leaders
    starts, lengths = counts.indptr[rows], np.diff(counts.indptr)[rows]
    owner = np.repeat(np.arange(len(rows)), lengths)
    at = np.arange(int(lengths.sum())) + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    n_leaders = max(1, len(incidence.leaders))
    keys, which = np.unique(cluster_of[owner] * n_leaders + counts.indices[at], return_inverse=True)
    mentions = np.bincount(which.ravel(), counts.data[at], minlength=len(keys))
    bounds = np.searchsorted(keys // n_leaders, np.arange(len(ordered) + 1)).tolist()

    def leader_name(column: int) -> str:
        return snapshot.leaders[incidence.leaders[column]].name

    clusters = []
    for number, nodes in enumerate(ordered):
        members = sorted(nodes, key=lambda i: (-strength[i], names[i]))
        leaders = keys[bounds[number] : bounds[number + 1]] % n_leaders
        found = mentions[bounds[number] : bounds[number + 1]]
        leader, share = None, 0.0
        if len(found):
            top = min(leaders[found == found.max()].tolist(), key=leader_name)
            leader, share = leader_name(top), round(float(found.max() / found.sum()), 4)
        clusters.append(
            Cluster(
                number + 1,
                [network.units[i] for i in members],
                [names[i] for i in members[:3]],
                leader,
                share,
            )
        )
    membership = {network.units[i]: int(c) + 1 for i, c in enumerate(cluster_of.tolist())}
    return Clustering(method, seed, resolution, round(modularity, 6), membership, clusters)
