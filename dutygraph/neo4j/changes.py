"""What a sync changed (or, on a dry run, would change): counts per label and relationship type.

The numbers come from the driver's result counters, attributed to a label or type by the
statement that produced them, so the report says what the server did rather than what the client
meant to do; a dry run fills the same table from its plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import neo4j

ACTIONS = ("created", "updated", "deleted")


@dataclass
class Changes:
    """Created/updated/deleted per label and relationship type (plus properties set)."""

    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: dict.fromkeys(ACTIONS, 0))
    )
    properties_set: int = 0
    constraints_added: int = 0

    def add(self, name: str, action: str, n: int) -> None:
        if n:
            self.counts[name][action] += n

    def nodes(self, label: str, counters: neo4j.SummaryCounters, *, updated: int = 0) -> None:
        self.add(label, "created", counters.nodes_created)
        self.add(label, "deleted", counters.nodes_deleted)
        self.add(label, "updated", updated)
        self.properties_set += counters.properties_set

    def relationships(self, rel_type: str, counters: neo4j.SummaryCounters, *, updated: int = 0) -> None:
        self.add(rel_type, "created", counters.relationships_created)
        self.add(rel_type, "deleted", counters.relationships_deleted)
        self.add(rel_type, "updated", updated)
        self.properties_set += counters.properties_set

    def merge(self, other: Changes) -> None:
        for name, actions in other.counts.items():
            for action, n in actions.items():
                self.add(name, action, n)
        self.properties_set += other.properties_set
        self.constraints_added += other.constraints_added

    @property
    def total(self) -> int:
        return (
            sum(sum(a.values()) for a in self.counts.values()) + self.properties_set + self.constraints_added
        )

    def get(self, name: str, action: str) -> int:
        return self.counts[name][action] if name in self.counts else 0

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: dict(actions) for name, actions in sorted(self.counts.items()) if any(actions.values())}


@dataclass
class SyncReport:
    changes: Changes
    documents: int = 0
    documents_changed: int = 0
    documents_pruned: int = 0
    stale_documents: list[str] = field(default_factory=list)  # in Neo4j, not in the store (no --prune)
    dry_run: bool = False
    analysis: str = "written"
    seconds: float = 0.0

    def render(self) -> str:
        verb = "would change" if self.dry_run else "changed"
        lines = []
        if self.changes.total == 0:
            lines.append(
                f"{self.documents} documents in sync: nothing {'to change' if self.dry_run else 'changed'}"
            )
        else:
            lines.append(f"{self.documents} documents, {self.documents_changed} {verb}:")
            width = max(len(n) for n in self.changes.as_dict()) if self.changes.as_dict() else 8
            lines.append(f"  {'':<{width}}  {'created':>8} {'updated':>8} {'deleted':>8}")
            for name, actions in self.changes.as_dict().items():
                lines.append(f"  {name:<{width}}  " + " ".join(f"{actions[a]:>8}" for a in ACTIONS))
            if not self.dry_run:
                lines.append(f"  properties set: {self.changes.properties_set}")
        if self.changes.constraints_added:
            lines.append(f"  constraints created: {self.changes.constraints_added}")
        if self.documents_pruned:
            lines.append(f"  pruned documents: {self.documents_pruned}")
        if self.stale_documents:
            lines.append(
                f"  {len(self.stale_documents)} document(s) in Neo4j are no longer in the store "
                "(dutygraph sync --prune removes them)"
            )
        if self.analysis != "written":
            lines.append(f"  analysis results: {self.analysis}")
        return "\n".join(lines)


__all__ = ["ACTIONS", "Changes", "SyncReport"]
