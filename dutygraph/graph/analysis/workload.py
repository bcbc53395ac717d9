"""Workload per unit: how many tasks it leads and assists, for how many leaders, with whom.

``load = lead_weight × lead + co_weight × co``. The defaults (1.0 and 0.5) say that leading a
task — coordinating the co-units and reporting back (牵头/汇总) — is about twice the work of
contributing to one; change them with ``--lead-weight`` / ``--co-weight``.

O(assignments), from the snapshot's :class:`~dutygraph.graph.incidence.Incidence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dutygraph.graph.incidence import name_order, ranked_columns
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import CO_WEIGHT, LEAD_WEIGHT


@dataclass
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
    """Every unit's load, heaviest first (ties by name, so the order is stable)."""
    incidence = snapshot.incidence
    n = len(incidence.units)
    lead = np.bincount(incidence.unit[incidence.lead], minlength=n).tolist()
    co = np.bincount(incidence.unit[~incidence.lead], minlength=n).tolist()
    shared = incidence.co_occurrence
    # Distinct co-workers: the unit's row of the co-occurrence matrix, less its own diagonal.
    coworkers = (np.diff(shared.indptr) - (shared.diagonal() > 0)).tolist()
    leader_names = [snapshot.leaders[iri].name for iri in incidence.leaders]
    answers_to = ranked_columns(incidence.unit_leaders, name_order(leader_names), by_count=False)
    parts = incidence.unit_part.tolist() if incidence.unit_part is not None else [0] * n
    loads = []
    for i, iri in enumerate(incidence.units):
        info = snapshot.units[iri]
        loads.append(
            UnitLoad(
                iri,
                info.name,
                info.jurisdiction,
                info.kind,
                info.is_group,
                lead=lead[i],
                co=co[i],
                leaders=[leader_names[j] for j in answers_to[i]],
                coworkers=coworkers[i],
                load=lead_weight * lead[i] + co_weight * co[i],
                part=parts[i],
            )
        )
    return sorted(loads, key=lambda r: (-r.load, -r.lead, r.unit, r.iri))
