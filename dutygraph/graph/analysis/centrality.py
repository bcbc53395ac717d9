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
from dataclasses import dataclass

import numpy as np

from dutygraph.graph.incidence import FloatArray
from dutygraph.graph.projections import Collaboration

EXACT_WORK = 10**9
SAMPLES = 500


@dataclass
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
    n = len(network.units)
    between, method = betweenness(network, exact_limit=exact_limit, samples=samples, seed=seed)
    weight, strength, degree = network.weight, network.strength(), network.degree()
    if network.edge_count:
        pagerank = np.asarray(network.igraph.pagerank(weights=weight.tolist(), directed=False))
    else:
        pagerank = np.full(n, 1.0 / max(1, n))
    participation = np.zeros(n)
    if membership and network.edge_count:
        # Σ_c k_ic² per node from the (node, neighbour's cluster) sums, found by one sort.
        cluster = np.asarray([membership.get(iri, 0) for iri in network.units], dtype=np.int64)
        clusters = int(cluster.max()) + 1
        ends = np.concatenate([network.source, network.target])
        keys = ends * clusters + cluster[np.concatenate([network.target, network.source])]
        pairs, which = np.unique(keys, return_inverse=True)
        per_pair = np.bincount(which.ravel(), np.concatenate([weight, weight]), minlength=len(pairs))
        squares = np.bincount(pairs // clusters, per_pair**2, minlength=n)
        linked = strength > 0
        participation[linked] = 1.0 - squares[linked] / strength[linked] ** 2
    rows = {
        iri: UnitCentrality(iri=iri, degree=d, weighted_degree=s, betweenness=b, pagerank=p, participation=q)
        for iri, d, s, b, p, q in zip(
            network.units,
            degree.tolist(),
            strength.tolist(),
            np.round(between, 6).tolist(),
            np.round(pagerank, 6).tolist(),
            np.round(participation, 4).tolist(),
            strict=True,
        )
    }
    return CentralityResult(rows, method)
