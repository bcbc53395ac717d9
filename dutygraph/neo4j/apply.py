"""Writing a plan (:mod:`dutygraph.neo4j.plan`) into Neo4j, counting what the server did.

New nodes and relationships are created with inline property maps and changed ones rewritten
with ``SET``: the plan knows which are which, and on the ArcadeDB server ``CREATE`` with an inline
map is several times faster than ``MERGE`` + ``SET``. A write that falls short of its plan (a
unit went missing under the sync's feet) raises, which rolls the whole transaction back.
"""

from __future__ import annotations

from collections.abc import Sequence

import neo4j

from dutygraph.errors import ServerError
from dutygraph.neo4j.changes import Changes
from dutygraph.neo4j.model import (
    ANALYSIS_YEAR,
    DOCUMENT,
    IN_DOCUMENT,
    LEADER,
    MEASURED_IN,
    SUB_OFFICE_OF,
    TASK,
    TASK_RELATIONSHIPS,
    UNIT,
)
from dutygraph.neo4j.plan import AnalysisPlan, DocumentPlan, SharedPlan
from dutygraph.neo4j.statements import (
    CREATE_ANALYSIS_YEARS,
    CREATE_DOCUMENT,
    CREATE_MEASURES,
    CREATE_PARENTS,
    CREATE_TASKS,
    DELETE_MEASURES,
    DELETE_PARENTS,
    DELETE_TASKS,
    REPLACE_DOCUMENT,
    REPLACE_TASKS,
    UPDATE_MEASURES,
    batches,
    by_other,
    by_year,
    create_relationships_query,
    delete_nodes_query,
    delete_relationships_query,
    delete_task_relationships_query,
    run,
    update_nodes_query,
    update_relationships_query,
    upsert_query,
)


# -- shared nodes ----------------------------------------------------------------------------------
def apply_shared(tx: neo4j.ManagedTransaction, plan: SharedPlan, batch: int) -> Changes:
    """Upsert the planned units and leaders, then move the planned sub-office links."""
    changes = Changes()
    for label in (UNIT, LEADER):
        new = [r for r in plan.create if r.label == label]
        for chunk in batches(new, batch):
            changes.nodes(
                label, run(tx, upsert_query(label), rows=[{"id": r.id, "props": r.props} for r in chunk])
            )
        updates = [{"id": r.id, "props": plan.changed[r.id]} for r in plan.update if r.label == label]
        for rows in batches(updates, batch):
            changes.nodes(label, run(tx, update_nodes_query(label), rows=list(rows)), updated=len(rows))
    for statement, pairs in ((DELETE_PARENTS, plan.parents_delete), (CREATE_PARENTS, plan.parents_create)):
        for pair_chunk in batches(pairs, batch):
            changes.relationships(SUB_OFFICE_OF, run(tx, statement, rows=list(pair_chunk)))
    return changes


# -- one document ----------------------------------------------------------------------------------
def apply_document(tx: neo4j.ManagedTransaction, plan: DocumentPlan, batch: int) -> Changes:
    """Make the document what the plan says: its node, its tasks, then their relationships."""
    doc = plan.doc
    changes = Changes()
    if not plan.found:
        changes.nodes(DOCUMENT, run(tx, CREATE_DOCUMENT, props=doc.props))
    elif plan.document_differs:
        changes.nodes(DOCUMENT, run(tx, REPLACE_DOCUMENT, id=doc.id, props=doc.props), updated=1)
    if plan.stale:
        changes.merge(delete_tasks(tx, plan.stale, batch))
    for chunk in batches(plan.new, batch):
        counters = run(tx, CREATE_TASKS, doc=doc.id, rows=[t.props for t in chunk])
        expect(counters.nodes_created, len(chunk), f"tasks of {doc.doc_id}")
        changes.add(TASK, "created", counters.nodes_created)
        changes.add(IN_DOCUMENT, "created", counters.relationships_created)
        changes.properties_set += counters.properties_set
    for chunk in batches(plan.changed, batch):
        counters = run(tx, REPLACE_TASKS, rows=[{"id": t.id, "props": t.props} for t in chunk])
        changes.properties_set += counters.properties_set
    changes.add(TASK, "updated", len(plan.changed))
    for rel_type in TASK_RELATIONSHIPS:
        changes.merge(_apply_relationships(tx, plan, rel_type, batch))
    return changes


def _apply_relationships(
    tx: neo4j.ManagedTransaction, plan: DocumentPlan, rel_type: str, batch: int
) -> Changes:
    changes = Changes()
    for chunk in batches(plan.rel_delete[rel_type], batch):
        changes.relationships(rel_type, run(tx, delete_relationships_query(rel_type), rows=list(chunk)))
    for chunk in batches(plan.rel_update[rel_type], batch):
        counters = run(tx, update_relationships_query(rel_type), rows=list(chunk))
        changes.relationships(rel_type, counters, updated=len(chunk))
    for chunk in batches(plan.rel_create[rel_type], batch):
        counters = run(tx, create_relationships_query(rel_type), rows=by_other(chunk))
        expect(counters.relationships_created, len(chunk), f"{rel_type} relationships of {plan.doc.doc_id}")
        changes.relationships(rel_type, counters)
    return changes


def delete_tasks(tx: neo4j.ManagedTransaction, task_ids: Sequence[str], batch: int) -> Changes:
    """Delete tasks, their relationships counted per type first (anything else an analyst hung on
    them goes with DETACH DELETE)."""
    changes = Changes()
    owned = [*TASK_RELATIONSHIPS.items(), (IN_DOCUMENT, ("out", DOCUMENT))]
    for chunk in batches(list(task_ids), batch):
        ids = list(chunk)
        for rel_type, (direction, other) in owned:
            counters = run(tx, delete_task_relationships_query(rel_type, direction, other), ids=ids)
            changes.relationships(rel_type, counters)
        counters = run(tx, DELETE_TASKS, ids=ids)
        changes.nodes(TASK, counters)
        changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


def expect(done: int, wanted: int, what: str) -> None:
    """Abort the document's transaction (nothing of it is kept) when a write fell short."""
    if done != wanted:
        raise ServerError(
            f"wrote {done} of {wanted} {what}: a unit or leader node went missing during the sync "
            "(another writer?); nothing of this document was changed — run the sync again"
        )


# -- analysis years --------------------------------------------------------------------------------
def apply_analysis(tx: neo4j.ManagedTransaction, plan: AnalysisPlan, batch: int) -> Changes:
    """Write the planned AnalysisYear nodes and MEASURED_IN relationships (the units exist: they
    are upserted first, in the same transaction)."""
    changes = Changes()
    for year_chunk in batches(plan.years_create, batch):
        changes.nodes(ANALYSIS_YEAR, run(tx, CREATE_ANALYSIS_YEARS, rows=[y.props for y in year_chunk]))
    for rows in batches(plan.years_update, batch):
        changes.nodes(
            ANALYSIS_YEAR, run(tx, update_nodes_query(ANALYSIS_YEAR), rows=list(rows)), updated=len(rows)
        )
    for rows in batches(plan.measures_delete, batch):
        changes.relationships(MEASURED_IN, run(tx, DELETE_MEASURES, rows=list(rows)))
    for measure_chunk in batches(plan.measures_create, batch):
        counters = run(tx, CREATE_MEASURES, rows=by_year(measure_chunk))
        expect(counters.relationships_created, len(measure_chunk), f"{MEASURED_IN} relationships")
        changes.relationships(MEASURED_IN, counters)
    for rows in batches(plan.measures_update, batch):
        changes.relationships(MEASURED_IN, run(tx, UPDATE_MEASURES, rows=list(rows)), updated=len(rows))
    for ids in batches(plan.years_delete, batch):
        counters = run(tx, delete_nodes_query(ANALYSIS_YEAR), ids=list(ids))
        changes.nodes(ANALYSIS_YEAR, counters)
        changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


__all__ = ["apply_analysis", "apply_document", "apply_shared", "delete_tasks", "expect"]
