"""Leader portfolios: each supervising leader's tasks, the units they reach, and the units
several leaders share (a unit answering to many leaders has many masters).

O(assignments), from the snapshot's :class:`~dutygraph.graph.incidence.Incidence`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dutygraph.graph.incidence import dense_rank, name_order, ranked_columns
from dutygraph.graph.snapshot import Snapshot


@dataclass(slots=True)
class Portfolio:
    iri: str
    leader: str
    posts: list[str]
    jurisdiction: str
    tasks: int
    assisted_tasks: int
    lead_units: list[str]  # names of units leading its tasks, most frequent first
    units: list[str]  # every unit reached (lead or co), most frequent first
    shared_units: list[str]  # units that also answer to another leader
    part: int = 0  # the analysed part (jurisdiction-year) it belongs to


def leader_portfolios(snapshot: Snapshot) -> list[Portfolio]:
    """Every supervising leader's portfolio, part by part, most tasks first (ties by name, then
    IRI: a lexsort keeps the numbering's order among equals, within a part IRI order)."""
    incidence = snapshot.incidence
    n = len(incidence.leaders)
    task_counts = np.bincount(incidence.leader, minlength=n)
    tasks, assisted = task_counts.tolist(), np.bincount(incidence.assistant, minlength=n).tolist()
    reach = incidence.unit_leaders.T.tocsr()  # leaders × units: tasks of the unit he supervises
    leads = (incidence.task_leaders.T @ incidence.task_units(incidence.lead)).tocsr()
    shared = (np.diff(incidence.unit_leaders.indptr) > 1).tolist()  # units answering to several
    names = [snapshot.units[iri].name for iri in incidence.units]
    rank = name_order(names)
    reached, leading = ranked_columns(reach, rank), ranked_columns(leads, rank)
    infos = [snapshot.leaders[iri] for iri in incidence.leaders]
    part = incidence.leader_part if incidence.leader_part is not None else np.zeros(n, dtype=np.int64)
    order = np.lexsort((dense_rank([info.name for info in infos]), -task_counts, part)).tolist()
    parts = part.tolist()
    return [
        Portfolio(
            iri=incidence.leaders[i],
            leader=info.name,
            posts=sorted(info.posts),
            jurisdiction=info.jurisdiction,
            tasks=tasks[i],
            assisted_tasks=assisted[i],
            lead_units=[names[u] for u in leading[i]],
            units=[names[u] for u in reached[i]],
            shared_units=[names[u] for u in reached[i] if shared[u]],
            part=parts[i],
        )
        for i, info in zip(order, map(infos.__getitem__, order), strict=True)
    ]


def units_shared_by(snapshot: Snapshot, first: str, second: str) -> list[str]:
    """Names of the units whose tasks answer to both leaders (given by name), sorted."""
    incidence = snapshot.incidence
    reach = incidence.unit_leaders.tocsc()  # a column per leader: the units his tasks reach

    def reached(name: str) -> set[int]:
        columns = [j for j, iri in enumerate(incidence.leaders) if snapshot.leaders[iri].name == name]
        return set(reach[:, columns].indices.tolist()) if columns else set()

    return sorted(snapshot.units[incidence.units[u]].name for u in reached(first) & reached(second))
