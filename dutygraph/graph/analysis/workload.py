"""Workload per unit: how many tasks it leads and assists, for how many leaders, with whom.

``load = lead_weight × lead + co_weight × co``. The defaults (1.0 and 0.5) say that leading a
task — coordinating the co-units and reporting back (牵头/汇总) — is about twice the work of
contributing to one; change them with ``--lead-weight`` / ``--co-weight``.

O(assignments).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dutygraph.graph.snapshot import Snapshot

LEAD_WEIGHT = 1.0
CO_WEIGHT = 0.5


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
    loads = {
        iri: UnitLoad(iri, info.name, info.jurisdiction, info.kind, info.is_group)
        for iri, info in snapshot.units.items()
    }
    leaders: dict[str, set[str]] = defaultdict(set)
    coworkers: dict[str, set[str]] = defaultdict(set)
    for task in snapshot.tasks:
        for unit in task.leads:
            loads[unit].lead += 1
        for unit in task.cos:
            loads[unit].co += 1
        for unit in task.units:
            leaders[unit].update(task.leaders)
            coworkers[unit].update(u for u in task.units if u != unit)
    for iri, row in loads.items():
        row.leaders = sorted(snapshot.leaders[leader].name for leader in leaders[iri])
        row.coworkers = len(coworkers[iri])
        row.load = lead_weight * row.lead + co_weight * row.co
    return sorted(loads.values(), key=lambda r: (-r.load, -r.lead, r.unit, r.iri))
