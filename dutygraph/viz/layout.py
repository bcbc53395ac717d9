"""A fast, deterministic layout for the network page (5,000 units in well under a second).

networkx's ``spring_layout`` on a whole 5,000-unit graph takes 16 s for 15 iterations here (it is
O(n²) per iteration), so the page lays out in two levels instead:

1. nodes are grouped by their ``cluster`` (loose nodes by Louvain communities of what is left);
2. each group gets its own small force layout (networkx ``spring_layout`` on the group's subgraph,
   weighted by shared tasks) scaled to a disc whose area grows with the group's size;
3. the discs are laid on a sunflower spiral, biggest first, so they never overlap.

A group larger than :data:`_MAX_GROUP` nodes is laid out with a cheaper local-repulsion variant
(:func:`_local_force`, k-d tree neighbours only) instead. Given each node's drawn radius, a last
pass (:func:`_separated`) pushes overlapping discs apart, so a click on a node always hits that node.
The page draws these positions as they are (no physics afterwards): the same input gives the same
picture, and Reset returns to it exactly.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

#: Ideal distance between linked nodes, in vis-network canvas units.
EDGE_LENGTH = 90.0
_GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
_MAX_GROUP = 400


def _groups(graph: nx.Graph, seed: int) -> list[list[Hashable]]:
    """Clusters as given; the rest split into Louvain communities. Ordered deterministically."""
    by_cluster: dict[int, list[Hashable]] = {}
    loose: list[Hashable] = []
    for node, cluster in graph.nodes(data="cluster"):
        if isinstance(cluster, int) and not isinstance(cluster, bool):
            by_cluster.setdefault(cluster, []).append(node)
        else:
            loose.append(node)
    groups = [by_cluster[c] for c in sorted(by_cluster)]
    if loose:
        index = {n: i for i, n in enumerate(graph.nodes)}
        sub = nx.Graph(graph.subgraph(loose))
        communities = nx.community.louvain_communities(sub, weight="weight", seed=seed)
        groups += sorted((sorted(c, key=index.__getitem__) for c in communities), key=lambda c: index[c[0]])
    return groups


def _local_force(
    graph: nx.Graph, nodes: Sequence[Hashable], rng: np.random.Generator, iterations: int = 40
) -> np.ndarray:
    """Fruchterman–Reingold with repulsion only between k-d-tree neighbours; unit-free output."""
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    k = 1.0
    pos = rng.uniform(-1, 1, size=(n, 2)) * math.sqrt(n) * k
    pairs_ab = [(index[a], index[b]) for a, b in graph.subgraph(nodes).edges() if a != b]
    src = np.asarray([p[0] for p in pairs_ab], dtype=np.int64)
    dst = np.asarray([p[1] for p in pairs_ab], dtype=np.int64)
    degree = np.bincount(np.concatenate([src, dst]), minlength=n).astype(float) + 1.0
    temperature = math.sqrt(n) * k / 4.0
    for step in range(iterations):
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(2.0 * k, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            push = delta / np.maximum((delta**2).sum(axis=1), 1e-4)[:, None] * k * k
            np.add.at(disp, pairs[:, 0], push)
            np.add.at(disp, pairs[:, 1], -push)
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * np.sqrt((delta**2).sum(axis=1))[:, None] / k
            np.add.at(disp, src, -pull / degree[src, None])
            np.add.at(disp, dst, pull / degree[dst, None])
        disp -= 0.05 * pos / math.sqrt(n)
        length = np.sqrt(np.maximum((disp**2).sum(axis=1), 1e-9))
        limit = temperature * (1.0 - step / iterations)
        pos += disp * (np.minimum(length, limit) / length)[:, None]
    return pos


def _normalise(pos: np.ndarray) -> np.ndarray:
    pos = pos - pos.mean(axis=0)
    # Scale by the 90th percentile so a few loosely tied members do not squeeze the core.
    radius = float(np.quantile(np.sqrt((pos**2).sum(axis=1)), 0.9))
    return pos / radius if radius > 0 else pos


def _separated(pos: np.ndarray, radii: np.ndarray, iterations: int = 60) -> np.ndarray:
    """``pos`` moved until no two discs of ``radii`` (plus a small gap) overlap, or ``iterations`` ran.

    Each pass finds the overlapping pairs with a k-d tree and moves both ends half the overlap
    apart along the line between them (coincident points along a fixed, index-derived direction).
    """
    if len(pos) < 2:
        return pos
    pos = pos.copy()
    gap = 4.0
    reach = 2.0 * float(radii.max()) + gap
    for _ in range(iterations):
        pairs = cKDTree(pos).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        delta = pos[b] - pos[a]
        dist = np.sqrt((delta**2).sum(axis=1))
        need = radii[a] + radii[b] + gap
        overlap = need - dist
        hit = overlap > 0.01
        if not hit.any():
            break
        a, b, delta, dist, overlap = a[hit], b[hit], delta[hit], dist[hit], overlap[hit]
        angle = (a * 2.399963 + b).astype(float)
        fallback = np.stack([np.cos(angle), np.sin(angle)], axis=1)
        direction = np.where((dist > 1e-6)[:, None], delta / np.maximum(dist, 1e-6)[:, None], fallback)
        push = direction * (overlap / 2.0 + 0.05)[:, None]
        move = np.zeros_like(pos)
        np.add.at(move, a, -push)
        np.add.at(move, b, push)
        pos += move
    return pos


def layout_positions(
    graph: nx.Graph, *, seed: int = 0, radii: Mapping[Hashable, float] | None = None
) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node (canvas units, rounded to 0.1); same graph and seed, same result.

    With ``radii`` (node -> drawn radius) no two nodes' discs overlap."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    rng = np.random.default_rng(seed)
    groups = _groups(undirected, seed)
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), g))
    result: dict[Hashable, tuple[float, float]] = {}
    area = 0.0
    for rank, g in enumerate(order):
        members = groups[g]
        size = len(members)
        disc = EDGE_LENGTH * 0.55 * math.sqrt(size) + EDGE_LENGTH * 0.3
        if size == 1:
            local = np.zeros((1, 2))
        elif size > _MAX_GROUP:
            local = _normalise(_local_force(undirected, members, rng))
        else:
            sub = undirected.subgraph(members)
            spring = nx.spring_layout(sub, seed=int(rng.integers(2**31)), iterations=50, weight="weight")
            local = _normalise(np.asarray([spring[m] for m in members]))
        # Sunflower spiral of discs: the distance from the centre grows with the area placed so far.
        centre_radius = 0.0 if rank == 0 else 1.25 * math.sqrt(area + disc * disc)
        area += disc * disc * 1.6
        angle = rank * _GOLDEN_ANGLE
        cx, cy = centre_radius * math.cos(angle), centre_radius * math.sin(angle)
        for member, (x, y) in zip(members, local * disc, strict=True):
            result[member] = (round(cx + float(x), 1), round(cy + float(y), 1))
    nodes = list(graph.nodes)
    if radii is not None:
        pos = np.asarray([result[node] for node in nodes], dtype=float)
        sizes = np.asarray([float(radii.get(node, 10.0)) for node in nodes], dtype=float)
        pos = _separated(pos, sizes)
        result = {
            node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos, strict=True)
        }
    return {node: result[node] for node in nodes}
