"""Removing from Neo4j what the store no longer holds: orphaned tasks, pruned documents, and
units and leaders no document references.

Each function works in the caller's transaction and, on a dry run, only counts what it would
delete (the same table the real run reports from the server's counters).
"""

from __future__ import annotations

import neo4j

from dutygraph.neo4j.apply import delete_tasks
from dutygraph.neo4j.changes import Changes
from dutygraph.neo4j.model import DOCUMENT, IN_DOCUMENT, LEADER, SUB_OFFICE_OF, TASK, UNIT
from dutygraph.neo4j.plan import count_task_relationships
from dutygraph.neo4j.statements import (
    DELETE_DOCUMENT,
    DETACH_PARENTS,
    DOCUMENT_TASKS,
    ORPHAN_TASKS,
    all_ids_query,
    batches,
    delete_nodes_query,
    read,
    run,
)


def sweep_orphans(tx: neo4j.ManagedTransaction, dry_run: bool) -> Changes:
    """Tasks in no document (left behind when someone deletes a Document node by hand) are removed,
    so re-creating them cannot break the uniqueness constraint."""
    changes = Changes()
    if dry_run:
        changes.add(TASK, "deleted", len(read(tx, ORPHAN_TASKS + "RETURN t.id AS id")))
        return changes
    counters = run(tx, ORPHAN_TASKS + "DETACH DELETE t")
    changes.nodes(TASK, counters)
    changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


def delete_document(tx: neo4j.ManagedTransaction, doc_id: str, batch: int, dry_run: bool) -> Changes:
    """Delete a document gone from the store, with its tasks and their relationships."""
    tasks = [r["id"] for r in read(tx, DOCUMENT_TASKS, id=doc_id)]
    if not dry_run:
        changes = delete_tasks(tx, tasks, batch)
        changes.nodes(DOCUMENT, run(tx, DELETE_DOCUMENT, id=doc_id))
        return changes
    changes = Changes()
    changes.add(TASK, "deleted", len(tasks))
    changes.add(IN_DOCUMENT, "deleted", len(tasks))
    for rel_type, n in count_task_relationships(tx, tasks, batch).items():
        changes.add(rel_type, "deleted", n)
    changes.add(DOCUMENT, "deleted", 1)
    return changes


def prune_shared(tx: neo4j.ManagedTransaction, keep: set[str], batch: int, dry_run: bool) -> Changes:
    """Delete the units and leaders not in ``keep`` (those the store's documents reference)."""
    changes = Changes()
    for label in (UNIT, LEADER):
        gone = sorted({r["id"] for r in read(tx, all_ids_query(label))} - keep)
        if dry_run:
            changes.add(label, "deleted", len(gone))
            continue
        for chunk in batches(gone, batch):
            if label == UNIT:
                changes.relationships(SUB_OFFICE_OF, run(tx, DETACH_PARENTS, ids=list(chunk)))
            counters = run(tx, delete_nodes_query(label), ids=list(chunk))
            changes.nodes(label, counters)
            changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


__all__ = ["delete_document", "prune_shared", "sweep_orphans"]
