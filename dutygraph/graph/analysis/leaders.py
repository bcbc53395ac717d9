"""Leader portfolios: each supervising leader's tasks, the units they reach, and the units
several leaders share (a unit answering to many leaders has many masters).

O(assignments).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

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
    tasks: dict[str, int] = defaultdict(int)
    assisted: dict[str, int] = defaultdict(int)
    reach: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    leads: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for task in snapshot.tasks:
        for leader in task.leaders:
            tasks[leader] += 1
            for unit in task.units:
                reach[leader][unit] += 1
            for unit in task.leads:
                leads[leader][unit] += 1
        for leader in task.assistants:
            assisted[leader] += 1
    answering: dict[str, set[str]] = defaultdict(set)
    for leader, units in reach.items():
        for unit in units:
            answering[unit].add(leader)

    def ranked(counts: dict[str, int]) -> list[str]:
        return [
            snapshot.units[u].name
            for u, _ in sorted(counts.items(), key=lambda kv: (-kv[1], snapshot.units[kv[0]].name))
        ]

    portfolios = []
    for iri, info in snapshot.leaders.items():
        shared = {u: c for u, c in reach[iri].items() if len(answering[u]) > 1}
        portfolios.append(
            Portfolio(
                iri=iri,
                leader=info.name,
                posts=sorted(info.posts),
                jurisdiction=info.jurisdiction,
                tasks=tasks[iri],
                assisted_tasks=assisted[iri],
                lead_units=ranked(leads[iri]),
                units=ranked(reach[iri]),
                shared_units=ranked(shared),
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
