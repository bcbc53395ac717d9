"""What must change in Neo4j: the shared-node plan and the document diff.

A plan is made inside the transaction that carries it out (or, on a dry run, only counts it), from
what Neo4j holds at that moment, so it is never stale. Reading is by ``syncHash``: a node whose
hash equals the store's is left alone without comparing its properties.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j

from dutygraph.neo4j.changes import Changes
from dutygraph.neo4j.model import (
    ANALYSIS_YEAR,
    DOCUMENT,
    HASH_PROPERTY,
    IN_DOCUMENT,
    LEADER,
    LEADER_PROPERTIES,
    MEASURE_PROPERTIES,
    MEASURED_IN,
    SUB_OFFICE_OF,
    TASK,
    TASK_RELATIONSHIPS,
    UNIT,
    UNIT_ANALYSIS_PROPERTIES,
    UNIT_PROPERTIES,
    YEAR_PROPERTIES,
    DocumentRows,
    MeasureRow,
    SharedRow,
    TaskRow,
    YearRow,
)
from dutygraph.neo4j.statements import (
    ANALYSIS_YEAR_STATE,
    DOCUMENT_STATE,
    MEASURE_STATE,
    MEASURE_VALUES,
    batches,
    existing_rels_query,
    node_values_query,
    read,
    shared_state_query,
)

RelKey = tuple[str, str, int]  # (task, other, rank)
#: The properties the sync owns, label by label: set when they differ, removed when gone.
UNIT_OWNED = (*UNIT_PROPERTIES, *UNIT_ANALYSIS_PROPERTIES, HASH_PROPERTY)
LEADER_OWNED = (*LEADER_PROPERTIES, HASH_PROPERTY)
YEAR_OWNED = tuple(p for p in YEAR_PROPERTIES if p != "id")
MEASURE_OWNED = (*MEASURE_PROPERTIES, HASH_PROPERTY)


# -- shared nodes ----------------------------------------------------------------------------------
@dataclass
class SharedPlan:
    """Units and leaders to create or update, and sub-office links to move."""

    create: list[SharedRow] = field(default_factory=list)
    update: list[SharedRow] = field(default_factory=list)
    changed: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → the values that differ
    parents_delete: list[dict[str, str]] = field(default_factory=list)
    parents_create: list[dict[str, str]] = field(default_factory=list)

    def changes(self) -> Changes:
        """The plan as a change table (the dry run's report)."""
        changes = Changes()
        for row in self.create:
            changes.add(row.label, "created", 1)
        for row in self.update:
            changes.add(row.label, "updated", 1)
        changes.add(SUB_OFFICE_OF, "deleted", len(self.parents_delete))
        changes.add(SUB_OFFICE_OF, "created", len(self.parents_create))
        return changes


def plan_shared(tx: neo4j.ManagedTransaction, rows: Sequence[SharedRow], batch: int) -> SharedPlan:
    """Compare the store's unit and leader rows with the nodes Neo4j holds."""
    plan = SharedPlan()
    for label in (UNIT, LEADER):
        wanted = [r for r in rows if r.label == label]
        existing: dict[str, tuple[Any, Any]] = {}
        for chunk in batches([r.id for r in wanted], batch):
            for rec in read(tx, shared_state_query(label), ids=list(chunk)):
                existing[rec["id"]] = (rec["hash"], rec["parent"])
        for row in wanted:
            if row.id not in existing:
                plan.create.append(row)
            elif existing[row.id][0] != row.hash:
                plan.update.append(row)
            old_parent = existing.get(row.id, (None, None))[1]
            if label == UNIT and old_parent != row.parent:
                if old_parent:
                    plan.parents_delete.append({"child": row.id, "parent": old_parent})
                if row.parent:
                    plan.parents_create.append({"child": row.id, "parent": row.parent})
    for label, owned in ((UNIT, UNIT_OWNED), (LEADER, LEADER_OWNED)):
        stale = [r for r in plan.update if r.label == label]
        current = _node_values(tx, label, [r.id for r in stale], batch)
        for row in stale:
            plan.changed[row.id] = changed_values(current.get(row.id, {}), row.props, owned)
    return plan


# -- one document ----------------------------------------------------------------------------------
@dataclass
class DocumentPlan:
    """The difference between one document in the store and in Neo4j.

    Tasks are new, changed (their hash differs) or stale (gone from the store); the relationship
    lists hold, per type, the assignments to create, delete or re-label (``asPrinted``) — for new
    tasks everything is created, for changed ones the assignments are diffed one by one.
    """

    doc: DocumentRows
    found: bool = False
    doc_hash: str | None = None
    new: list[TaskRow] = field(default_factory=list)
    changed: list[TaskRow] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    rel_create: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    rel_delete: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    rel_update: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def document_differs(self) -> bool:
        return self.doc_hash != self.doc.hash

    @property
    def empty(self) -> bool:
        return not (self.document_differs or self.stale or self.new or self.changed)

    def changes(self, tx: neo4j.ManagedTransaction, batch: int) -> Changes:
        """The plan as a change table (the dry run's report); counts the stale tasks'
        relationships, which the plan itself does not list."""
        changes = Changes()
        changes.add(DOCUMENT, "updated" if self.found else "created", int(self.document_differs))
        changes.add(TASK, "created", len(self.new))
        changes.add(TASK, "updated", len(self.changed))
        changes.add(TASK, "deleted", len(self.stale))
        changes.add(IN_DOCUMENT, "created", len(self.new))
        changes.add(IN_DOCUMENT, "deleted", len(self.stale))
        for rel_type, n in count_task_relationships(tx, self.stale, batch).items():
            changes.add(rel_type, "deleted", n)
        for rel_type in TASK_RELATIONSHIPS:
            changes.add(rel_type, "created", len(self.rel_create[rel_type]))
            changes.add(rel_type, "deleted", len(self.rel_delete[rel_type]))
            changes.add(rel_type, "updated", len(self.rel_update[rel_type]))
        return changes


def plan_document(
    tx: neo4j.ManagedTransaction, doc: DocumentRows, batch: int, *, absent: bool = False
) -> DocumentPlan:
    """Diff ``doc`` against Neo4j. ``absent``: the document had no node when the sync started, so
    the read of what Neo4j holds is skipped and everything is planned as new."""
    rows = [] if absent else read(tx, DOCUMENT_STATE, id=doc.id)
    found = bool(rows and rows[0]["found"])
    existing = {rec["id"]: rec["hash"] for rec in rows if rec["id"] is not None}
    wanted = {t.id for t in doc.tasks}
    plan = DocumentPlan(
        doc,
        found=found,
        doc_hash=rows[0]["doc"] if found else None,
        new=[t for t in doc.tasks if t.id not in existing],
        changed=[t for t in doc.tasks if t.id in existing and existing[t.id] != t.hash],
        stale=sorted(set(existing) - wanted),
    )
    if plan.empty:
        return plan
    for task in plan.new:
        for a in task.assignments:
            plan.rel_create[a.type].append(a.row(task.id))
    for rel_type in TASK_RELATIONSHIPS if plan.changed else ():
        _diff_assignments(plan, rel_type, _existing_assignments(tx, rel_type, plan.changed, batch))
    return plan


def _existing_assignments(
    tx: neo4j.ManagedTransaction, rel_type: str, tasks: Sequence[TaskRow], batch: int
) -> dict[RelKey, Any]:
    """The ``rel_type`` relationships Neo4j holds for ``tasks``: key → ``asPrinted``."""
    have: dict[RelKey, Any] = {}
    for chunk in batches([t.id for t in tasks], batch):
        for rec in read(tx, existing_rels_query(rel_type), ids=list(chunk)):
            have[(rec["task"], rec["other"], int(rec["rank"] or 0))] = rec["asPrinted"]
    return have


def _diff_assignments(plan: DocumentPlan, rel_type: str, have: Mapping[RelKey, Any]) -> None:
    """Plan the ``rel_type`` relationships of the changed tasks: ``have`` against the store."""
    want = {(t.id, a.other, a.rank): a for t in plan.changed for a in t.assignments if a.type == rel_type}
    for key, printed in have.items():
        task, other, rank = key
        if key not in want:
            plan.rel_delete[rel_type].append({"task": task, "other": other, "rank": rank})
        elif want[key].as_printed != printed:
            plan.rel_update[rel_type].append(
                {"task": task, "other": other, "rank": rank, "asPrinted": want[key].as_printed}
            )
    for key, a in want.items():
        if key not in have:
            plan.rel_create[rel_type].append(a.row(key[0]))


def count_task_relationships(
    tx: neo4j.ManagedTransaction, task_ids: Sequence[str], batch: int
) -> dict[str, int]:
    """How many relationships of each task type ``task_ids`` have (what deleting them removes)."""
    counts: dict[str, int] = defaultdict(int)
    for rel_type in TASK_RELATIONSHIPS if task_ids else ():
        for chunk in batches(list(task_ids), batch):
            counts[rel_type] += len(read(tx, existing_rels_query(rel_type), ids=list(chunk)))
    return counts


# -- analysis years --------------------------------------------------------------------------------
@dataclass
class AnalysisPlan:
    """AnalysisYear nodes and MEASURED_IN relationships to create, update (only the values that
    differ) or delete (a year or a unit's figures in it the analysis no longer gives)."""

    years_create: list[YearRow] = field(default_factory=list)
    years_update: list[dict[str, Any]] = field(default_factory=list)  # {"id", "props": changed values}
    years_delete: list[str] = field(default_factory=list)
    measures_create: list[MeasureRow] = field(default_factory=list)
    measures_update: list[dict[str, Any]] = field(default_factory=list)  # {"unit", "year", "props"}
    measures_delete: list[dict[str, str]] = field(default_factory=list)  # {"unit", "year"}

    def changes(self) -> Changes:
        """The plan as a change table (the dry run's report)."""
        changes = Changes()
        changes.add(ANALYSIS_YEAR, "created", len(self.years_create))
        changes.add(ANALYSIS_YEAR, "updated", len(self.years_update))
        changes.add(ANALYSIS_YEAR, "deleted", len(self.years_delete))
        changes.add(MEASURED_IN, "created", len(self.measures_create))
        changes.add(MEASURED_IN, "updated", len(self.measures_update))
        changes.add(MEASURED_IN, "deleted", len(self.measures_delete))
        return changes


def plan_analysis(
    tx: neo4j.ManagedTransaction, years: Sequence[YearRow], measures: Sequence[MeasureRow], batch: int
) -> AnalysisPlan:
    """Compare the analysis rows with what Neo4j holds, by hash; read the values of changed rows
    only, so that an update sets just the values that differ."""
    plan = AnalysisPlan()
    have_years = {r["id"]: r["hash"] for r in read(tx, ANALYSIS_YEAR_STATE)}
    plan.years_create = [y for y in years if y.id not in have_years]
    plan.years_delete = sorted(set(have_years) - {y.id for y in years})
    stale_years = [y for y in years if y.id in have_years and have_years[y.id] != y.hash]
    current = _node_values(tx, ANALYSIS_YEAR, [y.id for y in stale_years], batch)
    for y in stale_years:
        plan.years_update.append(
            {"id": y.id, "props": changed_values(current.get(y.id, {}), y.props, YEAR_OWNED)}
        )
    have = {(r["unit"], r["year"]): r["hash"] for r in read(tx, MEASURE_STATE)}
    wanted = {(m.unit, m.year): m for m in measures}
    plan.measures_create = [m for key, m in wanted.items() if key not in have]
    plan.measures_delete = [{"unit": u, "year": y} for u, y in sorted(set(have) - set(wanted))]
    stale = [m for key, m in wanted.items() if key in have and have[key] != m.hash]
    values = _measure_values(tx, stale, batch)
    for m in stale:
        props = changed_values(values.get((m.unit, m.year), {}), m.props, MEASURE_OWNED)
        plan.measures_update.append({"unit": m.unit, "year": m.year, "props": props})
    return plan


def changed_values(have: Mapping[str, Any], want: Mapping[str, Any], owned: Iterable[str]) -> dict[str, Any]:
    """The owned properties whose value in Neo4j differs from the store's: the store's value, or
    None (which ``SET n += map`` removes) where the store has none. Other properties — an analyst's
    own — are not in the map, so they survive."""
    return {key: want.get(key) for key in owned if have.get(key) != want.get(key)}


def _node_values(
    tx: neo4j.ManagedTransaction, label: str, ids: Sequence[str], batch: int
) -> dict[str, dict[str, Any]]:
    """Every property of the ``label`` nodes ``ids``, by id."""
    values: dict[str, dict[str, Any]] = {}
    for chunk in batches(list(ids), batch):
        for rec in read(tx, node_values_query(label), ids=list(chunk)):
            values[rec["id"]] = rec["props"]
    return values


def _measure_values(
    tx: neo4j.ManagedTransaction, measures: Sequence[MeasureRow], batch: int
) -> dict[tuple[str, str], dict[str, Any]]:
    values: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in batches([{"unit": m.unit, "year": m.year} for m in measures], batch):
        for rec in read(tx, MEASURE_VALUES, rows=list(chunk)):
            values[(rec["unit"], rec["year"])] = rec["props"]
    return values


__all__ = [
    "AnalysisPlan",
    "DocumentPlan",
    "SharedPlan",
    "changed_values",
    "count_task_relationships",
    "plan_analysis",
    "plan_document",
    "plan_shared",
]
