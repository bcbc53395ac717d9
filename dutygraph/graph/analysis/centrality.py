"""Centrality on the collaboration graph: who sits in the middle of the work.

* degree and weighted degree (shared tasks);
* betweenness on distances 1/weight (frequent partners are close), by igraph's C implementation
  of Brandes' algorithm. Its cost is Σ n·m over the connected components — and units only ever
  share tasks within their jurisdiction, so a corpus of many cities is many small components.
  Exact while that sum is at most ``exact_work`` (10⁹ edge visits, seconds of C); beyond it,
  shortest paths from a seeded sample of ``samples`` source units, scaled by n/k (Brandes &
  Pich's estimator, O(k·m)), and the result says so (``betweenness_method``);
* PageRank (weighted, igraph's PRPACK), a robust eigenvector-style score on graphs that need not
  be connected;
* participation coefficient against the clusters, 1 − Σ_c (k_ic / k_i)²: near 0 when a unit
  works inside one cluster, higher for the bridges between clusters.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dutygraph.graph.incidence import FloatArray
from dutygraph.graph.projections import Collaboration

EXACT_WORK = 10**9
SAMPLES = 500


@dataclass(slots=True)
class UnitCentrality:
    iri: str
    degree: int
    weighted_degree: float
    betweenness: float
    pagerank: float
    participation: float


@dataclass
class CentralityResult:
    rows: dict[str, UnitCentrality]
    betweenness_method: str  # "exact" or "sampled (k=…, seed=…)"


def exact_work(network: Collaboration) -> int:
    """Σ n·m over connected components: what exact betweenness costs, in edge visits."""
    components = np.asarray(network.igraph.connected_components().membership, dtype=np.int64)
    nodes = np.bincount(components)
    edges = np.bincount(components[network.source], minlength=len(nodes))
    return int((nodes * edges).sum())


def betweenness(
    network: Collaboration, *, exact_limit: int = EXACT_WORK, samples: int = SAMPLES, seed: int = 0
) -> tuple[FloatArray, str]:
    """Normalised betweenness of every node on 1/weight distances, and how it was computed."""
    n = len(network.units)
    if n < 3 or not network.edge_count:
        return np.zeros(n), "exact"
    distances = (1.0 / network.weight).tolist()
    scale = 2.0 / ((n - 1) * (n - 2))
    # n·m bounds Σ n·m over the components: under the limit, no need to find them.
    if n * network.edge_count <= exact_limit or exact_work(network) <= exact_limit:
        raw = network.igraph.betweenness(weights=distances, directed=False)
        return np.asarray(raw) * scale, "exact"
    k = min(samples, n)
    sources = sorted(random.Random(seed).sample(range(n), k))
    raw = network.igraph.betweenness(weights=distances, directed=False, sources=sources)
    return np.asarray(raw) * scale * n / k, f"sampled (k={k}, seed={seed})"


def unit_centrality(
    network: Collaboration,
    membership: dict[str, int] | None = None,
    *,
    seed: int = 0,
    exact_limit: int = EXACT_WORK,
    samples: int = SAMPLES,
) -> CentralityResult:
    """Every node's centrality; participation against the clusters of ``membership``."""
    return parts_centrality(
        [network], [membership or {}], seed=seed, exact_limit=exact_limit, samples=samples
    )[0]


def parts_centrality(
    networks: Sequence[Collaboration],
    memberships: Sequence[dict[str, int]],
    *,
    seed: int = 0,
    exact_limit: int = EXACT_WORK,
    samples: int = SAMPLES,
) -> list[CentralityResult]:
    """The centrality of each graph apart, as :func:`unit_centrality` gives it one by one.

    Betweenness and PageRank run per graph; degrees, participation and rounding run once over
    the nodes of all graphs together (no edge joins two graphs, so every sum is the one the
    graph alone makes, in the same order)."""
    if not networks:
        return []
    between: list[FloatArray] = []
    pagerank: list[FloatArray] = []
    methods: list[str] = []
    for network in networks:
        values, method = betweenness(network, exact_limit=exact_limit, samples=samples, seed=seed)
        between.append(values)
        methods.append(method)
        n = len(network.units)
        pagerank.append(
            np.asarray(network.igraph.pagerank(weights=network.weight.tolist(), directed=False))
            if network.edge_count
            else np.full(n, 1.0 / max(1, n))
        )
    sizes = [len(network.units) for network in networks]
    n = sum(sizes)
    offset = np.repeat(np.cumsum([0, *sizes[:-1]]), [network.edge_count for network in networks])
    source = np.concatenate([network.source for network in networks]) + offset
    target = np.concatenate([network.target for network in networks]) + offset
    weight = np.concatenate([network.weight for network in networks])
    degree = np.bincount(source, minlength=n) + np.bincount(target, minlength=n)
    strength = (np.bincount(source, weight, minlength=n) + np.bincount(target, weight, minlength=n)).astype(
        np.float64, copy=False
    )
    participation = np.zeros(n)
    clustered = np.repeat(
        [
            bool(membership) and network.edge_count > 0
            for network, membership in zip(networks, memberships, strict=True)
        ],
        sizes,
    )
    if clustered.any():
        # Σ_c k_ic² per node from the (node, neighbour's cluster) sums, found by one sort.
        cluster = np.fromiter(
            (
                m.get(iri, 0)
                for network, m in zip(networks, memberships, strict=True)
                for iri in network.units
            ),
            dtype=np.int64,
            count=n,
        )
        clusters = int(cluster.max()) + 1
        ends = np.concatenate([source, target])
        keys = ends * clusters + cluster[np.concatenate([target, source])]
        pairs, which = np.unique(keys, return_inverse=True)
        per_pair = np.bincount(which.ravel(), np.concatenate([weight, weight]), minlength=len(pairs))
        squares = np.bincount(pairs // clusters, per_pair**2, minlength=n)
        linked = clustered & (strength > 0)
        participation[linked] = 1.0 - squares[linked] / strength[linked] ** 2
    columns = (
        degree.tolist(),
        strength.tolist(),
        np.round(np.concatenate(between), 6).tolist(),
        np.round(np.concatenate(pagerank), 6).tolist(),
        np.round(participation, 4).tolist(),
    )
    out = []
    bounds = np.cumsum([0, *sizes]).tolist()
    for p, network in enumerate(networks):
        first, last = bounds[p], bounds[p + 1]
        rows = {
            iri: UnitCentrality(
                iri=iri, degree=d, weighted_degree=s, betweenness=b, pagerank=r, participation=q
            )
            for iri, d, s, b, r, q in zip(network.units, *(c[first:last] for c in columns), strict=True)
        }
        out.append(CentralityResult(rows, methods[p]))
    return out
