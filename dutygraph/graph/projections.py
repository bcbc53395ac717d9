"""Projections of a :class:`Snapshot` into graphs (nodes keyed by IRI).

* :func:`task_unit_graph` — bipartite tasks × units; edges carry ``role`` (lead/co) and ``rank``.
* :func:`collaboration` — units joined when they share a task, as edge arrays (a
  :class:`Collaboration`; :func:`collaboration_graph` gives it as NetworkX). ``shared`` counts
  shared tasks; ``newman`` is Newman's collaboration weight Σ 1/(n−1) over shared tasks with n units,
  so a pair on a 10-unit task counts less than a pair on a 2-unit task; ``lead_co`` and
  ``co_co`` split the count by the pair's roles; ``weight`` — what clustering and centrality
  use — is ``shared`` unless ``weighting="newman"``. Group mentions are left out by default: "各区县
  政府" sits on many tasks and would join everything to everything.
* :func:`leader_unit_graph` — leaders × units their supervised tasks reach, weighted by tasks.

Each is O(Σ k²) for tasks with k units — linear in practice (k is rarely above 10).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse

from dutygraph.errors import InputError
from dutygraph.gcpause import gc_paused
from dutygraph.graph.incidence import FloatArray, IntArray, by_task
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import WEIGHTING, WEIGHTINGS


def task_unit_graph(snapshot: Snapshot) -> nx.Graph:
    graph = nx.Graph()
    for task in snapshot.tasks:
        graph.add_node(task.iri, bipartite="task", label=task.task_id, document=task.doc_id)
        for rank, unit in enumerate(task.units, 1):
            info = snapshot.units[unit]
            graph.add_node(unit, bipartite="unit", label=info.name, kind=info.kind)
            graph.add_edge(task.iri, unit, role="lead" if unit in task.leads else "co", rank=rank)
    return graph


@dataclass(frozen=True, eq=False)
class Collaboration:
    """The collaboration graph as edge arrays — what clustering and centrality compute on.

    ``units`` are the node IRIs (a node's number is its position, sorted by IRI); edge ``i``
    joins ``source[i] < target[i]``. :meth:`to_networkx` gives the same graph as NetworkX for
    anything else (notebooks, drawing); it is built only when asked for.
    """

    units: list[str]
    source: IntArray
    target: IntArray
    shared: IntArray
    newman: FloatArray
    lead_co: IntArray
    weighting: str = WEIGHTING
    #: Each node's row in the snapshot's incidence (where its leader counts are) and its part.
    rows: IntArray | None = None
    part: IntArray | None = None

    @cached_property
    def weight(self) -> FloatArray:
        """The weight clustering and centrality use: ``shared`` or ``newman``."""
        return self.newman if self.weighting == "newman" else self.shared.astype(np.float64)

    @property
    def edge_count(self) -> int:
        return len(self.source)

    def degree(self) -> IntArray:
        return np.bincount(self.source, minlength=len(self.units)) + np.bincount(
            self.target, minlength=len(self.units)
        )

    def strength(self) -> FloatArray:
        """Weighted degree of every node."""
        n, w = len(self.units), self.weight
        total = np.bincount(self.source, w, minlength=n) + np.bincount(self.target, w, minlength=n)
        return total.astype(np.float64, copy=False)

    @cached_property
    def igraph(self) -> Any:
        """The graph as an ``igraph.Graph`` (C implementations of Louvain, betweenness, PageRank)."""
        import igraph

        # Pairs of Python ints: 1.5–2.5× as fast as add_edges on a numpy array (1,000 small graphs).
        return igraph.Graph(
            n=len(self.units), edges=list(zip(self.source.tolist(), self.target.tolist(), strict=True))
        )

    def pieces(self, parts: int) -> list[Collaboration]:
        """The graph of each of ``parts`` parts apart (nodes and edges of a part are contiguous:
        nodes are numbered part by part, and no edge joins two parts). Slices, no copying of
        the whole graph; O(parts + nodes)."""
        node_part = self.part if self.part is not None else np.zeros(len(self.units), dtype=np.int64)
        node_bounds = np.searchsorted(node_part, np.arange(parts + 1)).tolist()
        edge_bounds = np.searchsorted(self.source, node_bounds).tolist()
        out = []
        for p in range(parts):
            first, last = node_bounds[p], node_bounds[p + 1]
            edges = slice(edge_bounds[p], edge_bounds[p + 1])
            out.append(
                Collaboration(
                    units=self.units[first:last],
                    source=self.source[edges] - first,
                    target=self.target[edges] - first,
                    shared=self.shared[edges],
                    newman=self.newman[edges],
                    lead_co=self.lead_co[edges],
                    weighting=self.weighting,
                    rows=None if self.rows is None else self.rows[first:last],
                    part=node_part[first:last],
                )
            )
        return out

    def subgraph(self, units: Collection[str]) -> Collaboration:
        """The graph induced by ``units`` (numbered afresh, still in IRI order)."""
        keep = np.isin(np.asarray(self.units, dtype=object), list(units))
        number = np.cumsum(keep) - 1
        edges = keep[self.source] & keep[self.target]
        return Collaboration(
            units=[u for u, k in zip(self.units, keep, strict=True) if k],
            source=number[self.source[edges]],
            target=number[self.target[edges]],
            shared=self.shared[edges],
            newman=self.newman[edges],
            lead_co=self.lead_co[edges],
            weighting=self.weighting,
            rows=None if self.rows is None else self.rows[keep],
            part=None if self.part is None else self.part[keep],
        )

    def to_networkx(self, snapshot: Snapshot) -> nx.Graph:
        """Nodes carry ``label``, ``kind``, ``jurisdiction``; edges ``weight``, ``shared``,
        ``newman``, ``lead_co`` and ``co_co``."""
        graph = nx.Graph()
        with gc_paused():  # 150,000 attribute dicts: no cycles to look for meanwhile
            for iri in self.units:
                info = snapshot.units[iri]
                graph.add_node(iri, label=info.name, kind=info.kind, jurisdiction=info.jurisdiction)
            units = self.units
            graph.add_edges_from(
                (units[a], units[b], {"weight": w, "shared": n, "newman": nm, "lead_co": lc, "co_co": n - lc})
                for a, b, w, n, nm, lc in zip(
                    self.source.tolist(),
                    self.target.tolist(),
                    self.weight.tolist(),
                    self.shared.tolist(),
                    self.newman.tolist(),
                    self.lead_co.tolist(),
                    strict=True,
                )
            )
        return graph


def collaboration(
    snapshot: Snapshot, *, include_groups: bool = False, weighting: str = WEIGHTING
) -> Collaboration:
    """Units joined when they share a task: the snapshot's unit co-occurrence (shared with the
    workload) restricted to the kept units, plus two sparse products over the task × unit matrix
    (co assignments only; scaled by Newman's 1/(k−1)). O(Σ k²)."""
    if weighting not in WEIGHTINGS:
        raise InputError(f"unknown weighting {weighting!r} (choose {', '.join(WEIGHTINGS)})")
    incidence = snapshot.incidence
    kept = np.fromiter(
        (include_groups or not snapshot.units[iri].is_group for iri in incidence.units),
        dtype=np.bool_,
        count=len(incidence.units),
    )
    number = np.cumsum(kept) - 1
    on = kept[incidence.unit]
    tasks, nodes, lead = incidence.task[on], number[incidence.unit[on]], incidence.lead[on]
    shape = (incidence.n_tasks, int(kept.sum()))
    members = by_task(tasks, nodes, np.ones(len(tasks)), shape)
    k = np.bincount(tasks, minlength=shape[0])
    share = np.divide(1.0, k - 1, out=np.zeros(len(k)), where=k > 1)
    # Each membership scaled by its task's 1/(k−1): one product gives Newman's weights.
    scaled = by_task(tasks, nodes, share[tasks], shape)
    co = by_task(tasks[~lead], nodes[~lead], np.ones(int((~lead).sum())), shape)
    # The upper triangle, row by row and column by column within a row: the edge order.
    shared = incidence.co_occurrence[kept][:, kept]
    shared.sort_indices()
    row = np.repeat(np.arange(shape[1], dtype=np.int64), np.diff(shared.indptr))
    upper = shared.indices > row
    source, target = row[upper], shared.indices[upper].astype(np.int64)
    counts = np.rint(shared.data[upper]).astype(np.int64)
    co_co = np.rint(_values_at((co.T @ co).tocsr(), source, target)).astype(np.int64)
    rows = np.flatnonzero(kept)
    return Collaboration(
        units=[incidence.units[i] for i in rows.tolist()],
        source=source,
        target=target,
        shared=counts,
        newman=_values_at((members.T @ scaled).tocsr(), source, target),
        lead_co=counts - co_co,
        weighting=weighting,
        rows=rows,
        part=incidence.unit_part[rows]
        if incidence.unit_part is not None
        else np.zeros(len(rows), dtype=np.int64),
    )


def _values_at(matrix: sparse.csr_matrix, rows: IntArray, cols: IntArray) -> FloatArray:
    """``matrix[rows[i], cols[i]]`` for every i, as a flat array (also when there are none)."""
    if not len(rows):
        return np.zeros(0)
    return np.asarray(matrix[rows, cols], dtype=np.float64).ravel()


def collaboration_graph(
    snapshot: Snapshot, *, include_groups: bool = False, weighting: str = WEIGHTING
) -> nx.Graph:
    """:func:`collaboration` as a NetworkX graph."""
    return collaboration(snapshot, include_groups=include_groups, weighting=weighting).to_networkx(snapshot)


def leader_unit_graph(snapshot: Snapshot) -> nx.Graph:
    """Leaders and the units their supervised tasks reach; ``weight`` counts those tasks.

    Read off the snapshot's units × leaders counts (O(assignments)); leaders and units in IRI
    order. A leader whose tasks name no unit is a node without edges.
    """
    incidence = snapshot.incidence
    graph = nx.Graph()
    supervising = np.flatnonzero(np.bincount(incidence.leader, minlength=len(incidence.leaders)))
    for j in supervising.tolist():
        iri = incidence.leaders[j]
        graph.add_node(iri, bipartite="leader", label=snapshot.leaders[iri].name)
    counts = incidence.unit_leaders.tocoo()
    for i in sorted(set(counts.row.tolist())):
        info = snapshot.units[incidence.units[i]]
        graph.add_node(info.iri, bipartite="unit", label=info.name, kind=info.kind)
    graph.add_weighted_edges_from(
        (incidence.leaders[j], incidence.units[i], int(w))
        for i, j, w in zip(counts.row.tolist(), counts.col.tolist(), counts.data.tolist(), strict=True)
    )
    return graph
