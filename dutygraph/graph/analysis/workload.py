"""Workload per unit: how many tasks it leads and assists, for how many leaders, with whom.

``load = lead_weight × lead + co_weight × co``. The defaults (1.0 and 0.5) say that leading a
task — coordinating the co-units and reporting back (牵头/汇总) — is about twice the work of
contributing to one; change them with ``--lead-weight`` / ``--co-weight``.

O(assignments), from the snapshot's :class:`~dutygraph.graph.incidence.Incidence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dutygraph.graph.incidence import dense_rank, name_order, ranked_columns
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import CO_WEIGHT, LEAD_WEIGHT


@dataclass(slots=True)
class UnitLoad:
    iri: str
    unit: str
    jurisdiction: str
    kind: str
    is_group: bool
    lead: int = 0
    co: int = 0
    leaders: list[str] = field(default_factory=list)  # names of supervising leaders it answers to
    coworkers: int = 0
    load: float = 0.0
    part: int = 0  # the analysed part (jurisdiction-year) it belongs to

    @property
    def tasks(self) -> int:
        return self.lead + self.co

    @property
    def lead_share(self) -> float:
        return self.lead / self.tasks if self.tasks else 0.0


def unit_loads(
    snapshot: Snapshot, *, lead_weight: float = LEAD_WEIGHT, co_weight: float = CO_WEIGHT
) -> list[UnitLoad]:
    """Every unit's load, part by part, heaviest first (ties by name, then IRI: a stable order).

    Ordered by one lexsort over the count columns, which keeps the numbering's order among
    equals — within a part, IRI order (:meth:`Incidence.per_part`)."""
    incidence = snapshot.incidence
    n = len(incidence.units)
    lead_counts = np.bincount(incidence.unit[incidence.lead], minlength=n)
    co_counts = np.bincount(incidence.unit[~incidence.lead], minlength=n)
    load = lead_weight * lead_counts + co_weight * co_counts
    shared = incidence.co_occurrence
    # Distinct co-workers: the unit's row of the co-occurrence matrix, less its own diagonal.
    coworkers = (np.diff(shared.indptr) - (shared.diagonal() > 0)).tolist()
    leader_names = [snapshot.leaders[iri].name for iri in incidence.leaders]
    answers_to = ranked_columns(incidence.unit_leaders, name_order(leader_names), by_count=False)
    part = incidence.unit_part if incidence.unit_part is not None else np.zeros(n, dtype=np.int64)
    infos = [snapshot.units[iri] for iri in incidence.units]
    name_rank = dense_rank([info.name for info in infos])
    order = np.lexsort((name_rank, -lead_counts, -load, part)).tolist()
    lead, co, loads, parts = lead_counts.tolist(), co_counts.tolist(), load.tolist(), part.tolist()
    return [
        UnitLoad(
            incidence.units[i],
            info.name,
            info.jurisdiction,
            info.kind,
            info.is_group,
            lead[i],
            co[i],
            [leader_names[j] for j in answers_to[i]],
            coworkers[i],
            loads[i],
            parts[i],
        )
        for i, info in zip(order, map(infos.__getitem__, order), strict=True)
    ]
