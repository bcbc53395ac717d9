"""Leader portfolios: each supervising leader's tasks, the units they reach, and the units
several leaders share (a unit answering to many leaders has many masters).

O(assignments), from the snapshot's :class:`~dutygraph.graph.incidence.Incidence`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dutygraph.graph.snapshot import Snapshot


@dataclass
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


def leader_portfolios(snapshot: Snapshot) -> list[Portfolio]:
    incidence = snapshot.incidence
    n = len(incidence.leaders)
    tasks = np.bincount(incidence.leader, minlength=n).tolist()
    assisted = np.bincount(incidence.assistant, minlength=n).tolist()
    reach = incidence.unit_leaders.T.tocsr()  # leaders × units: tasks of the unit he supervises
    leads = (incidence.task_leaders.T @ incidence.task_units(incidence.lead)).tocsr()
    answering = np.diff(incidence.unit_leaders.indptr)  # leaders each unit answers to
    names = [snapshot.units[iri].name for iri in incidence.units]

    def ranked(matrix: sparse.csr_matrix, row: int, *, shared_only: bool = False) -> list[str]:
        span = slice(matrix.indptr[row], matrix.indptr[row + 1])
        pairs = zip(matrix.indices[span].tolist(), matrix.data[span].tolist(), strict=True)
        return [
            names[u]
            for u, _ in sorted(pairs, key=lambda uc: (-uc[1], names[uc[0]]))
            if not shared_only or answering[u] > 1
        ]

    portfolios = []
    for i, iri in enumerate(incidence.leaders):
        info = snapshot.leaders[iri]
        portfolios.append(
            Portfolio(
                iri=iri,
                leader=info.name,
                posts=sorted(info.posts),
                jurisdiction=info.jurisdiction,
                tasks=tasks[i],
                assisted_tasks=assisted[i],
                lead_units=ranked(leads, i),
                units=ranked(reach, i),
                shared_units=ranked(reach, i, shared_only=True),
            )
        )
    return sorted(portfolios, key=lambda p: (-p.tasks, p.leader, p.iri))


def units_shared_by(snapshot: Snapshot, first: str, second: str) -> list[str]:
    """Names of the units whose tasks answer to both leaders (given by name), sorted."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for task in snapshot.tasks:
        for leader in task.leaders:
            by_name[snapshot.leaders[leader].name].update(task.units)
    return sorted(snapshot.units[u].name for u in by_name[first] & by_name[second])
