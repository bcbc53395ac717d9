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

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import neo4j

from dutygraph import settings
from dutygraph.errors import InputError, ServerError
from dutygraph.neo4j import from_store, model
from dutygraph.neo4j.apply import apply_analysis, apply_document, apply_shared
from dutygraph.neo4j.changes import Changes, SyncReport
from dutygraph.neo4j.connection import Connection, driver
from dutygraph.neo4j.model import CONSTRAINTS, LABELS, AnalysisRows, DocumentRows, SharedRow
from dutygraph.neo4j.plan import plan_analysis, plan_document, plan_shared
from dutygraph.neo4j.prefetch import prefetch
from dutygraph.neo4j.progress import ProgressBar
from dutygraph.neo4j.prune import delete_document, prune_shared, sweep_orphans
from dutygraph.neo4j.statements import SYNCED_FROM

DEFAULT_BATCH = settings.BATCH_SIZE
Echo = Callable[[str], None]


# -- transaction functions -------------------------------------------------------------------------
def _sync_shared(
    tx: neo4j.ManagedTransaction,
    rows: Sequence[SharedRow],
    analysis: AnalysisRows,
    batch: int,
    dry_run: bool,
) -> Changes:
    """Units and leaders, then the analysis years and each unit's figures in them (the units must
    exist first): plan against Neo4j, then count (dry run) or write the plans."""
    shared = plan_shared(tx, rows, batch)
    if dry_run:
        changes = shared.changes()
        changes.merge(plan_analysis(tx, analysis.years, analysis.measures, batch).changes())
        return changes
    changes = apply_shared(tx, shared, batch)
    changes.merge(apply_analysis(tx, plan_analysis(tx, analysis.years, analysis.measures, batch), batch))
    return changes


def _sync_document(
    tx: neo4j.ManagedTransaction, doc: DocumentRows, batch: int, dry_run: bool, absent: bool = False
) -> tuple[Changes, bool]:
    """Make ``doc`` in Neo4j what the store holds; returns (changes, whether anything differed).

    ``absent``: the document had no node when this sync started (and the orphan sweep left no task
    of it), so the read of what Neo4j holds is skipped — everything is created. Should another
    writer have created it meanwhile, the uniqueness constraints fail the transaction (nothing is
    kept) and :func:`_write_document` redoes it with the read.
    """
    plan = plan_document(tx, doc, batch, absent=absent)
    if plan.empty:
        return Changes(), False
    return (plan.changes(tx, batch) if dry_run else apply_document(tx, plan, batch)), True


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
    return {r["id"]: r["source"] for r in session.run(SYNCED_FROM).data()}


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


def analysis_results(store: Any) -> tuple[AnalysisRows, str]:
    """The analysis write-back rows (:mod:`dutygraph.neo4j.writeback`) and a note on where they
    came from for the report."""
    from dutygraph.neo4j.writeback import analysis_rows

    return analysis_rows(store), "written"


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
    with handle.session(database=database) as session:
        if not dry_run:
            report.changes.constraints_added += ensure_constraints(session)
        results = _analysis(store, report, analysis)
        shared_rows = _shared_rows(store, results)
        work = session.execute_read if dry_run else session.execute_write
        report.changes.merge(work(sweep_orphans, dry_run))
        report.changes.merge(work(_sync_shared, shared_rows, results, batch_size, dry_run))
        synced_from = _synced_from(session)
        store_docs, todo = _documents_to_write(store, synced_from, report)
        with ProgressBar(progress, len(todo)) as advance:
            for doc in prefetch(store, todo):
                if doc is not None:
                    absent = doc.id not in synced_from
                    doc_changes, differed = _write_document(session, doc, batch_size, dry_run, absent)
                    report.changes.merge(doc_changes)
                    report.documents += 1
                    report.documents_changed += int(differed)
                advance(doc.doc_id if doc is not None else "")
        gone = sorted(set(synced_from) - store_docs)
        if prune:
            for doc_id in gone:
                report.changes.merge(work(delete_document, doc_id, batch_size, dry_run))
                report.documents_pruned += 1
            keep = {r.id for r in shared_rows}
            report.changes.merge(work(prune_shared, keep, batch_size, dry_run))
        else:
            report.stale_documents = gone
    report.seconds = time.perf_counter() - started
    return report


def _analysis(store: Any, report: SyncReport, analysis: bool) -> AnalysisRows:
    """The analysis rows to write, unless ``analysis`` is off (noted in the report either way)."""
    if not analysis:
        report.analysis = "not written (--no-analysis)"
        return AnalysisRows()
    results, report.analysis = analysis_results(store)
    return results


def _shared_rows(store: Any, results: AnalysisRows) -> list[SharedRow]:
    """The unit and leader rows to sync, the units with their latest analysed year's figures."""
    units, leaders = from_store.shared_agents(store)
    return from_store.read_shared(store, units, leaders, results.units)


def _documents_to_write(
    store: Any, synced_from: dict[str, str | None], report: SyncReport
) -> tuple[set[str], list[str]]:
    """(every document id of the store, the graphs to read and write).

    A document whose Document node records the store version it was synced from (and our model
    version) is unchanged in the store: counted in ``report`` and skipped without reading it."""
    store_docs: set[str] = set()
    todo: list[str] = []
    for graph in from_store.document_graphs(store):
        doc_iri = from_store.document_of(store, graph)
        if doc_iri is None:
            continue
        store_docs.add(doc_iri)
        if synced_from.get(doc_iri) == model.source_marker(graph):
            report.documents += 1
        else:
            todo.append(graph)
    return store_docs, todo


__all__ = ["Changes", "SyncReport", "analysis_results", "ensure_constraints", "sync", "sync_store"]
