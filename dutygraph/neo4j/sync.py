"""Store → Neo4j: make the property-graph view exactly what the RDF store holds, writing only changes.

The order of a sync, and why it converges whatever interrupts it:

1. **Constraints** — one uniqueness constraint per label, created if missing (idempotent).
2. **Shared nodes** — the units and leaders the store's documents reference (plus parents of
   referenced sub-offices), with analysis results as unit properties: one transaction, upserting
   only nodes whose ``syncHash`` differs. Idempotent, so a half-done run is simply redone.
3. **Documents** — one managed write transaction per document (``execute_write``: retried on
   transient errors, rolled back when the connection drops). Inside it the document's tasks are
   diffed against what Neo4j holds: new tasks created, changed ones rewritten (their assignment
   relationships diffed one by one), tasks gone from the store deleted. A document is therefore
   either as before or as after, never half-synced.
4. **Prune** (``--prune``) — documents gone from the store (one transaction each), then units and
   leaders no document references any more.

All values travel as parameters of ``UNWIND $rows`` batches; the only text in a query string is our
own label and relationship names. Counters come from the driver's result summaries, attributed to a
label or relationship type by the statement that produced them.
"""

from __future__ import annotations

import json
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import neo4j

from dutygraph import settings
from dutygraph.errors import InputError, InternalError, ServerError, StoreError
from dutygraph.neo4j import model
from dutygraph.neo4j.connection import Connection, driver
from dutygraph.neo4j.model import (
    CONSTRAINTS,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    HASH_PROPERTY,
    IN_DOCUMENT,
    LABELS,
    LEADER,
    SOURCE_PROPERTY,
    SUB_OFFICE_OF,
    TASK,
    TASK_PROPERTIES,
    TASK_RELATIONSHIPS,
    UNIT,
    DocumentRows,
    SharedRow,
)

DEFAULT_BATCH = settings.BATCH_SIZE
ACTIONS = ("created", "updated", "deleted")
T = TypeVar("T")
Echo = Callable[[str], None]


# -- change accounting -----------------------------------------------------------------------------
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


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- statements (labels and types are ours; every value is a parameter) ------------------------------
def _rel_match(rel_type: str) -> str:
    """The MATCH pattern of one task relationship of a row ``r`` (x = the relationship)."""
    direction, other = TASK_RELATIONSHIPS[rel_type]
    arrow = f"-[x:{rel_type}]->" if direction == "out" else f"<-[x:{rel_type}]-"
    return f"(t:{TASK} {{id: r.task}}){arrow}(o:{other} {{id: r.other}})"


def create_relationships_query(rel_type: str) -> str:
    """``CREATE`` of task relationships of one type from rows grouped by the unit or leader
    (:func:`by_other`): one index lookup of that node per group instead of one per relationship —
    a document names a few dozen units for hundreds of assignments (~25 % more relationships per
    second on the ArcadeDB server than a ``MATCH`` of both ends per row)."""
    direction, other = TASK_RELATIONSHIPS[rel_type]
    props = "{rank: a.rank, asPrinted: a.asPrinted}"
    pattern = f"(t)-[:{rel_type} {props}]->(o)" if direction == "out" else f"(o)-[:{rel_type} {props}]->(t)"
    return (
        f"UNWIND $rows AS r MATCH (o:{other} {{id: r.other}}) "
        f"UNWIND r.rels AS a MATCH (t:{TASK} {{id: a.task}}) CREATE {pattern}"
    )


def by_other(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Relationship rows (``task``, ``other``, ``rank``, ``asPrinted``) grouped by ``other``."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["other"], []).append(
            {"task": row["task"], "rank": row["rank"], "asPrinted": row["asPrinted"]}
        )
    return [{"other": other, "rels": rels} for other, rels in groups.items()]


def _existing_rels_query(rel_type: str) -> str:
    direction, other = TASK_RELATIONSHIPS[rel_type]
    arrow = f"-[x:{rel_type}]->(o:{other})" if direction == "out" else f"<-[x:{rel_type}]-(o:{other})"
    return (
        f"UNWIND $ids AS i MATCH (t:{TASK} {{id: i}}){arrow} "
        "RETURN t.id AS task, o.id AS other, x.rank AS rank, x.asPrinted AS asPrinted"
    )


def _run(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> neo4j.SummaryCounters:
    return tx.run(query, params).consume().counters


def _read(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(query, params)]


# -- shared nodes ----------------------------------------------------------------------------------
@dataclass
class SharedPlan:
    create: list[SharedRow] = field(default_factory=list)
    update: list[SharedRow] = field(default_factory=list)
    parents_delete: list[dict[str, str]] = field(default_factory=list)
    parents_create: list[dict[str, str]] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.create or self.update or self.parents_delete or self.parents_create)


def _plan_shared(tx: neo4j.ManagedTransaction, rows: Sequence[SharedRow], batch: int) -> SharedPlan:
    plan = SharedPlan()
    for label in (UNIT, LEADER):
        wanted = [r for r in rows if r.label == label]
        existing: dict[str, tuple[Any, Any]] = {}
        for chunk in batches([r.id for r in wanted], batch):
            for rec in _read(
                tx,
                f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) "
                f"OPTIONAL MATCH (n)-[:{SUB_OFFICE_OF}]->(p:{UNIT}) "
                f"RETURN n.id AS id, n.{HASH_PROPERTY} AS hash, p.id AS parent",
                ids=list(chunk),
            ):
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
    return plan


def _apply_shared(
    tx: neo4j.ManagedTransaction, rows: Sequence[SharedRow], batch: int, dry_run: bool
) -> Changes:
    changes = Changes()
    plan = _plan_shared(tx, rows, batch)
    if dry_run:
        for row in plan.create:
            changes.add(row.label, "created", 1)
        for row in plan.update:
            changes.add(row.label, "updated", 1)
        changes.add(SUB_OFFICE_OF, "deleted", len(plan.parents_delete))
        changes.add(SUB_OFFICE_OF, "created", len(plan.parents_create))
        return changes
    from dutygraph.neo4j.writeback import PROPERTIES as ANALYSIS_PROPERTIES

    owned = {
        UNIT: (*model.UNIT_PROPERTIES, *ANALYSIS_PROPERTIES),
        LEADER: model.LEADER_PROPERTIES,
    }
    for label in (UNIT, LEADER):
        todo = [r for r in plan.create + plan.update if r.label == label]
        updated = sum(1 for r in plan.update if r.label == label)
        gone = dict.fromkeys(owned[label])  # a property the store no longer gives is removed (null)
        for shared_chunk in batches(todo, batch):
            # += : what the sync owns is set or removed, a property added by hand survives.
            counters = _run(
                tx,
                f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n += r.props",
                rows=[{"id": r.id, "props": {**gone, **r.props}} for r in shared_chunk],
            )
            changes.nodes(label, counters)
        changes.add(label, "updated", updated)
    for pairs in batches(plan.parents_delete, batch):
        counters = _run(
            tx,
            f"UNWIND $rows AS r MATCH (c:{UNIT} {{id: r.child}})-[x:{SUB_OFFICE_OF}]->"
            f"(p:{UNIT} {{id: r.parent}}) DELETE x",
            rows=list(pairs),
        )
        changes.relationships(SUB_OFFICE_OF, counters)
    for pairs in batches(plan.parents_create, batch):
        counters = _run(
            tx,
            f"UNWIND $rows AS r MATCH (c:{UNIT} {{id: r.child}}) MATCH (p:{UNIT} {{id: r.parent}}) "
            f"MERGE (c)-[:{SUB_OFFICE_OF}]->(p)",
            rows=list(pairs),
        )
        changes.relationships(SUB_OFFICE_OF, counters)
    return changes


# -- one document ----------------------------------------------------------------------------------
def _rel_key(row: Mapping[str, Any]) -> tuple[str, str, int]:
    return (row["task"], row["other"], int(row["rank"] or 0))


def _sync_document(
    tx: neo4j.ManagedTransaction, doc: DocumentRows, batch: int, dry_run: bool, absent: bool = False
) -> tuple[Changes, bool]:
    """Make ``doc`` in Neo4j what the store holds; returns (changes, whether anything differed).

    ``absent``: the document had no node when this sync started (and the orphan sweep left no task
    of it), so the read of what Neo4j holds is skipped — everything is created. Should another
    writer have created it meanwhile, the uniqueness constraints fail the transaction (nothing is
    kept) and :func:`_write_document` redoes it with the read.
    """
    changes = Changes()
    rows = (
        []
        if absent
        else _read(
            tx,
            f"OPTIONAL MATCH (d:{DOCUMENT} {{id: $id}}) OPTIONAL MATCH (d)<-[:{IN_DOCUMENT}]-(t:{TASK}) "
            f"RETURN d IS NOT NULL AS found, d.{HASH_PROPERTY} AS doc, t.id AS id, "
            f"t.{HASH_PROPERTY} AS hash",
            id=doc.id,
        )
    )
    found = bool(rows and rows[0]["found"])
    doc_hash = rows[0]["doc"] if found else None
    existing = {rec["id"]: rec["hash"] for rec in rows if rec["id"] is not None}
    wanted = {t.id for t in doc.tasks}
    stale = sorted(set(existing) - wanted)
    new = [t for t in doc.tasks if t.id not in existing]
    changed = [t for t in doc.tasks if t.id in existing and existing[t.id] != t.hash]
    if doc_hash == doc.hash and not (stale or new or changed):
        return changes, False

    # Assignment diff for changed tasks (new tasks: everything is created).
    rel_create: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rel_delete: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rel_update: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for task in new:
        for a in task.assignments:
            rel_create[a.type].append(a.row(task.id))
    if changed:
        for rel_type in TASK_RELATIONSHIPS:
            have: dict[tuple[str, str, int], Any] = {}
            for chunk in batches([t.id for t in changed], batch):
                for rec in _read(tx, _existing_rels_query(rel_type), ids=list(chunk)):
                    have[_rel_key(rec)] = rec["asPrinted"]
            want = {(t.id, a.other, a.rank): a for t in changed for a in t.assignments if a.type == rel_type}
            for key, printed in have.items():
                if key not in want:
                    rel_delete[rel_type].append({"task": key[0], "other": key[1], "rank": key[2]})
                elif want[key].as_printed != printed:
                    rel_update[rel_type].append(
                        {"task": key[0], "other": key[1], "rank": key[2], "asPrinted": want[key].as_printed}
                    )
            for key, a in want.items():
                if key not in have:
                    rel_create[rel_type].append(a.row(key[0]))

    if dry_run:
        changes.add(DOCUMENT, "updated" if found else "created", int(doc_hash != doc.hash))
        changes.add(TASK, "created", len(new))
        changes.add(TASK, "updated", len(changed))
        changes.add(TASK, "deleted", len(stale))
        changes.add(IN_DOCUMENT, "created", len(new))
        changes.add(IN_DOCUMENT, "deleted", len(stale))
        if stale:
            for rel_type, n in _count_task_rels(tx, stale, batch).items():
                changes.add(rel_type, "deleted", n)
        for rel_type in TASK_RELATIONSHIPS:
            changes.add(rel_type, "created", len(rel_create[rel_type]))
            changes.add(rel_type, "deleted", len(rel_delete[rel_type]))
            changes.add(rel_type, "updated", len(rel_update[rel_type]))
        return changes, True

    if not found:
        inline_doc = ", ".join(f"{key}: $props.{key}" for key in DOCUMENT_PROPERTIES)
        counters = _run(tx, f"CREATE (d:{DOCUMENT} {{{inline_doc}}})", props=doc.props)
        changes.nodes(DOCUMENT, counters)
    elif doc_hash != doc.hash:
        counters = _run(tx, f"MATCH (d:{DOCUMENT} {{id: $id}}) SET d = $props", id=doc.id, props=doc.props)
        changes.nodes(DOCUMENT, counters, updated=1)
    if stale:
        changes.merge(_delete_tasks(tx, stale, batch))
    inline = ", ".join(f"{key}: r.{key}" for key in TASK_PROPERTIES)
    for task_chunk in batches(new, batch):
        counters = _run(
            tx,
            f"MATCH (d:{DOCUMENT} {{id: $doc}}) UNWIND $rows AS r "
            f"CREATE (t:{TASK} {{{inline}}})-[:{IN_DOCUMENT}]->(d)",
            doc=doc.id,
            rows=[t.props for t in task_chunk],
        )
        _expect(counters.nodes_created, len(task_chunk), f"tasks of {doc.doc_id}")
        changes.add(TASK, "created", counters.nodes_created)
        changes.add(IN_DOCUMENT, "created", counters.relationships_created)
        changes.properties_set += counters.properties_set
    for task_chunk in batches(changed, batch):
        counters = _run(
            tx,
            f"UNWIND $rows AS r MATCH (t:{TASK} {{id: r.id}}) SET t = r.props",
            rows=[{"id": t.id, "props": t.props} for t in task_chunk],
        )
        changes.properties_set += counters.properties_set
    changes.add(TASK, "updated", len(changed))
    for rel_type in TASK_RELATIONSHIPS:
        match = _rel_match(rel_type)
        for rel_chunk in batches(rel_delete[rel_type], batch):
            counters = _run(
                tx, f"UNWIND $rows AS r MATCH {match} WHERE x.rank = r.rank DELETE x", rows=list(rel_chunk)
            )
            changes.relationships(rel_type, counters)
        for rel_chunk in batches(rel_update[rel_type], batch):
            counters = _run(
                tx,
                f"UNWIND $rows AS r MATCH {match} WHERE x.rank = r.rank SET x.asPrinted = r.asPrinted",
                rows=list(rel_chunk),
            )
            changes.relationships(rel_type, counters, updated=len(rel_chunk))
        for rel_chunk in batches(rel_create[rel_type], batch):
            counters = _run(tx, create_relationships_query(rel_type), rows=by_other(rel_chunk))
            _expect(
                counters.relationships_created, len(rel_chunk), f"{rel_type} relationships of {doc.doc_id}"
            )
            changes.relationships(rel_type, counters)
    return changes, True


def _write_document(
    session: neo4j.Session, doc: DocumentRows, batch: int, dry_run: bool, absent: bool
) -> tuple[Changes, bool]:
    """One document in one managed transaction: for an ``absent`` one first without reading what
    Neo4j holds (one round trip less per new document), else — or when that fails on a
    uniqueness constraint because the document appeared meanwhile — with the full diff."""
    work = session.execute_read if dry_run else session.execute_write
    if absent and not dry_run:
        try:
            return work(_sync_document, doc, batch, dry_run, True)
        except neo4j.exceptions.ClientError:
            pass  # rolled back; see what is there now
    return work(_sync_document, doc, batch, dry_run)


def _synced_from(session: neo4j.Session) -> dict[str, str | None]:
    """Document id → the store version it was synced from (``syncSource``), for every Document."""
    return {
        r["id"]: r["source"]
        for r in session.run(f"MATCH (d:{DOCUMENT}) RETURN d.id AS id, d.{SOURCE_PROPERTY} AS source").data()
    }


def _expect(done: int, wanted: int, what: str) -> None:
    """Abort the document's transaction (nothing of it is kept) when a write fell short."""
    if done != wanted:
        raise ServerError(
            f"wrote {done} of {wanted} {what}: a unit or leader node went missing during the sync "
            "(another writer?); nothing of this document was changed — run the sync again"
        )


def _sweep_orphans(tx: neo4j.ManagedTransaction, dry_run: bool) -> Changes:
    """Tasks in no document (left behind when someone deletes a Document node by hand) are removed,
    so re-creating them cannot break the uniqueness constraint."""
    changes = Changes()
    match = f"MATCH (t:{TASK}) WHERE NOT EXISTS {{ MATCH (t)-[:{IN_DOCUMENT}]->(:{DOCUMENT}) }} "
    if dry_run:
        changes.add(TASK, "deleted", len(_read(tx, match + "RETURN t.id AS id")))
        return changes
    counters = _run(tx, match + "DETACH DELETE t")
    changes.nodes(TASK, counters)
    changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


def _count_task_rels(tx: neo4j.ManagedTransaction, task_ids: Sequence[str], batch: int) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for rel_type in TASK_RELATIONSHIPS:
        for chunk in batches(list(task_ids), batch):
            counts[rel_type] += len(_read(tx, _existing_rels_query(rel_type), ids=list(chunk)))
    return counts


def _delete_tasks(tx: neo4j.ManagedTransaction, task_ids: Sequence[str], batch: int) -> Changes:
    """Delete tasks, their relationships counted per type first (anything else an analyst hung on
    them goes with DETACH DELETE)."""
    changes = Changes()
    for chunk in batches(list(task_ids), batch):
        ids = list(chunk)
        for rel_type, (direction, other) in [*TASK_RELATIONSHIPS.items(), (IN_DOCUMENT, ("out", DOCUMENT))]:
            arrow = f"-[x:{rel_type}]->(:{other})" if direction == "out" else f"<-[x:{rel_type}]-(:{other})"
            counters = _run(tx, f"UNWIND $ids AS i MATCH (t:{TASK} {{id: i}}){arrow} DELETE x", ids=ids)
            changes.relationships(rel_type, counters)
        counters = _run(tx, f"UNWIND $ids AS i MATCH (t:{TASK} {{id: i}}) DETACH DELETE t", ids=ids)
        changes.nodes(TASK, counters)
        changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


def _delete_document(tx: neo4j.ManagedTransaction, doc_id: str, batch: int, dry_run: bool) -> Changes:
    tasks = [
        r["id"]
        for r in _read(
            tx, f"MATCH (t:{TASK})-[:{IN_DOCUMENT}]->(:{DOCUMENT} {{id: $id}}) RETURN t.id AS id", id=doc_id
        )
    ]
    if dry_run:
        changes = Changes()
        changes.add(TASK, "deleted", len(tasks))
        changes.add(IN_DOCUMENT, "deleted", len(tasks))
        for rel_type, n in _count_task_rels(tx, tasks, batch).items():
            changes.add(rel_type, "deleted", n)
        changes.add(DOCUMENT, "deleted", 1)
        return changes
    changes = _delete_tasks(tx, tasks, batch)
    counters = _run(tx, f"MATCH (d:{DOCUMENT} {{id: $id}}) DETACH DELETE d", id=doc_id)
    changes.nodes(DOCUMENT, counters)
    return changes


def _prune_shared(tx: neo4j.ManagedTransaction, keep: set[str], batch: int, dry_run: bool) -> Changes:
    changes = Changes()
    for label in (UNIT, LEADER):
        gone = sorted({r["id"] for r in _read(tx, f"MATCH (n:{label}) RETURN n.id AS id")} - keep)
        if dry_run:
            changes.add(label, "deleted", len(gone))
            continue
        for chunk in batches(gone, batch):
            if label == UNIT:
                counters = _run(
                    tx,
                    f"UNWIND $ids AS i MATCH (:{UNIT} {{id: i}})-[x:{SUB_OFFICE_OF}]-(:{UNIT}) DELETE x",
                    ids=list(chunk),
                )
                changes.relationships(SUB_OFFICE_OF, counters)
            counters = _run(
                tx, f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", ids=list(chunk)
            )
            changes.nodes(label, counters)
            changes.add("other relationships", "deleted", counters.relationships_deleted)
    return changes


# -- the whole sync --------------------------------------------------------------------------------
def ensure_constraints(session: neo4j.Session) -> int:
    """Create the uniqueness constraints that are missing; the number created.

    Neo4j refuses ``CREATE CONSTRAINT … IF NOT EXISTS`` while a plain index on the same label and
    property exists (the constraint brings its own index): that becomes one line naming the index
    and how to drop it, before any data is written."""
    added = 0
    for label, statement in zip(LABELS, CONSTRAINTS, strict=True):
        try:
            summary = session.run(statement).consume()  # schema: auto-commit
        except neo4j.exceptions.ClientError as error:
            if error.code != _INDEX_IN_THE_WAY:
                raise
            raise ServerError(
                f"an index on :{label}(id) is in the way of dutygraph's uniqueness constraint "
                f"(which brings its own index): DROP INDEX {_index_on_id(session, label)}, then sync "
                "again (no data was written)"
            ) from None
        added += summary.counters.constraints_added
    return added


_INDEX_IN_THE_WAY = "Neo.ClientError.Schema.IndexAlreadyExists"


def _index_on_id(session: neo4j.Session, label: str) -> str:
    """The name of the plain (constraint-less) index on ``label``'s ``id``, back-quoted."""
    rows = session.run(
        "SHOW INDEXES YIELD name, labelsOrTypes, properties, owningConstraint "
        "WHERE owningConstraint IS NULL AND labelsOrTypes = [$label] AND properties = ['id'] "
        "RETURN name",
        label=label,
    ).data()
    name = str(rows[0]["name"]) if rows else "<its name, see SHOW INDEXES>"
    return "`" + name.replace("`", "``") + "`" if rows else name


def referenced_agents(store: Any) -> tuple[set[str], set[str]]:
    """(unit ids, leader ids) the store's documents reference (see :func:`model.shared_agents`)."""
    return model.shared_agents(store)


#: Documents the reader may have ready ahead of the writer (each a few hundred kB in memory).
_READ_AHEAD = 8


def _prefetch(store: Any, graphs: Sequence[str]) -> Iterator[DocumentRows | None]:
    """The documents' rows, read from the store by a child process while this one writes.

    Reading is CPU work in Python; writing mostly waits on the server. In a child process
    (``_reader``) the two overlap on separate cores. A thread here takes the child's output off the
    pipe and unpickles it (in the time this thread waits for the server), so the child is never
    held up by a full pipe. Stores without a path are read inline.
    """
    path = getattr(store, "path", None)
    if path is None:
        for graph in graphs:
            yield model.read_document(store, graph)
        return
    root = str(Path(__file__).resolve().parents[2])  # this dutygraph, even when not installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    process = subprocess.Popen(
        [sys.executable, "-m", "dutygraph.neo4j._reader", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    items: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=_READ_AHEAD)
    stop = threading.Event()
    drain = threading.Thread(target=_drain, args=(process.stdout, items, stop), daemon=True)
    try:
        process.stdin.write(json.dumps(list(graphs)).encode())
        process.stdin.close()
        drain.start()
        while True:
            kind, value = items.get()
            if kind == "end":
                return
            if kind == "error":
                raise StoreError(f"reading the store failed: {value}")
            if kind != "doc":
                raise InternalError("the store reader stopped unexpectedly")
            yield value
    finally:
        stop.set()
        if process.poll() is None:
            process.kill()
        process.wait()
        if drain.is_alive():
            drain.join()
        process.stdout.close()


def _drain(stream: Any, items: queue.Queue[tuple[str, Any]], stop: threading.Event) -> None:
    """Move the reader's pickled ``(kind, value)`` items into ``items`` until its end, an error or
    EOF (``("eof", None)``), or until the consumer sets ``stop``."""
    while not stop.is_set():
        try:
            item: tuple[str, Any] = pickle.load(stream)  # our own child's output
        except Exception:  # EOF, or the stream broken because the child was killed
            item = ("eof", None)
        while not stop.is_set():
            try:
                items.put(item, timeout=0.1)
                break
            except queue.Full:
                continue
        if item[0] != "doc":
            return


def analysis_properties(store: Any) -> tuple[dict[str, dict[str, Any]], str]:
    """Analysis results per unit id, as Neo4j properties, and a note on where they came from.

    The write-back hook: load (weighted), lead/co counts, the over-burden flag with its robust z,
    the cluster and centralities from :mod:`dutygraph.graph.analysis`. Sub-offices are rolled up to
    their accountable unit there, so only accountable units carry these properties.
    """
    try:
        from dutygraph.neo4j.writeback import unit_properties
    except ImportError as error:
        return {}, f"not written (analysis unavailable: {error})"
    return unit_properties(store), "written"


def sync_store(
    store_path: Path | str | None,
    conn: Connection,
    *,
    batch_size: int = DEFAULT_BATCH,
    prune: bool = False,
    dry_run: bool = False,
    analysis: bool = True,
    echo: Echo | None = None,
    progress: bool = True,
) -> SyncReport:
    """``dutygraph sync``: open the store read-only, sync it into ``conn``, print the report."""
    from dutygraph.store.store import Store

    with Store.open(store_path) as store, driver(conn) as handle:
        report = sync(
            store,
            handle,
            database=conn.database,
            batch_size=batch_size,
            prune=prune,
            dry_run=dry_run,
            analysis=analysis,
            progress=progress and echo is not None,
        )
    if echo is not None:
        if dry_run:
            echo("dry run — nothing written. Plan:")
        echo(report.render())
    return report


def sync(
    store: Any,
    handle: neo4j.Driver,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    prune: bool = False,
    dry_run: bool = False,
    analysis: bool = True,
    progress: bool = False,
) -> SyncReport:
    """Sync every document of ``store`` into the Neo4j behind ``handle``."""
    if batch_size < 1:
        raise InputError("--batch-size must be at least 1")
    started = time.perf_counter()
    report = SyncReport(changes=Changes(), dry_run=dry_run)
    changes = report.changes
    with handle.session(database=database) as session:
        if not dry_run:
            changes.constraints_added += ensure_constraints(session)
        units, leaders = referenced_agents(store)
        props: dict[str, dict[str, Any]] = {}
        if analysis:
            props, report.analysis = analysis_properties(store)
        else:
            report.analysis = "not written (--no-analysis)"
        shared_rows = model.read_shared(store, units, leaders, props)
        work = session.execute_read if dry_run else session.execute_write
        changes.merge(work(_sweep_orphans, dry_run))
        changes.merge(work(_apply_shared, shared_rows, batch_size, dry_run))
        graphs = model.document_graphs(store)
        # A document whose Document node records the store version it was synced from (and our
        # model version) is unchanged in the store: skipped without reading it.
        synced_from = _synced_from(session)
        store_docs: set[str] = set()
        todo: list[str] = []
        for graph in graphs:
            doc_iri = model.document_of(store, graph)
            if doc_iri is None:
                continue
            store_docs.add(doc_iri)
            if synced_from.get(doc_iri) == model.source_marker(graph):
                report.documents += 1
            else:
                todo.append(graph)
        with _progress(progress, len(todo)) as advance:
            for doc in _prefetch(store, todo):
                if doc is None:
                    advance("")
                    continue
                doc_changes, differed = _write_document(
                    session, doc, batch_size, dry_run, absent=doc.id not in synced_from
                )
                changes.merge(doc_changes)
                report.documents += 1
                report.documents_changed += int(differed)
                advance(doc.doc_id)
        gone = sorted(set(synced_from) - store_docs)
        if prune:
            for doc_id in gone:
                changes.merge(work(_delete_document, doc_id, batch_size, dry_run))
                report.documents_pruned += 1
            keep = {r.id for r in shared_rows}
            changes.merge(work(_prune_shared, keep, batch_size, dry_run))
        else:
            report.stale_documents = gone
    report.seconds = time.perf_counter() - started
    return report


class _progress:
    """A rich progress bar over documents (on stderr; silent when disabled or not a terminal)."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[str], None]:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("syncing {task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("documents", total=self.total)

        def advance(name: str) -> None:
            if self._bar is not None:
                self._bar.update(self._task, advance=1, description=name or "documents")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


__all__ = ["Changes", "SyncReport", "analysis_properties", "ensure_constraints", "sync", "sync_store"]
