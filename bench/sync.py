"""Benchmark: `dutygraph sync` of a synthetic corpus into Neo4j and the local Bolt server, next to two baselines.

    python bench/sync.py [--tasks 100000] [--seed 7] [--batch-size 1000] [--naive-sample 2000]
                         [--repeat 3] [--server both|neo4j|arcadedb] [--analysis]

1. Generates notices with ``bench/synth.py`` until they hold ``--tasks`` tasks and loads them into a
   fresh store (not timed here; ``bench/load.py`` measures loading).
2. Starts each server in turn in the same temporary folder: Neo4j Community 5.26 (the tests'
   launcher in ``tests/neo4j-server``, built by ``.ci/setup``), then the local ArcadeDB Bolt
   server (``dutygraph server start``).
3. Runs, for each, on an emptied database each time:

   * **dutygraph** — the real ``sync`` (``--no-analysis``: analysis is its own cost, timed apart):
     reads every document from the store (its per-version digest, in a child process), diffs it
     against Neo4j, ``UNWIND`` batches, one managed transaction per document.
   * **bare UNWIND** — the same rows, built beforehand (no RDF reading, no diff), written with the
     same ``UNWIND`` statements and transaction shape: the server's own limit for this data.
   * **naive** — one transaction per row (each node and each relationship on its own) on a sample
     of ``--naive-sample`` rows.

   Each of the three runs ``--repeat`` times, interleaved; the best run of each counts. Then a
   second ``sync`` of the unchanged store (the no-change path) is timed too.
4. Before the servers: ``dutygraph export --format neo4j-import`` of the same store (the bulk
   path; the ``neo4j-admin`` import of the files is not timed here).

Rates are rows — nodes and relationships written — per second (tasks per second alongside); the
sync also writes the shared unit and leader nodes. Targets: dutygraph ≥ 50× naive and ≥ 80% of bare UNWIND.
"""

from __future__ import annotations

import argparse
import base64
import json
import logging
import math
import shutil
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j
from neo4j import GraphDatabase

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synth  # noqa: E402

from dutygraph.loaders import parse_file  # noqa: E402
from dutygraph.neo4j import from_store, server  # noqa: E402
from dutygraph.neo4j.bulk import write_import_files  # noqa: E402
from dutygraph.neo4j.connection import Connection  # noqa: E402
from dutygraph.neo4j.model import (  # noqa: E402
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    IN_DOCUMENT,
    TASK,
    TASK_PROPERTIES,
    TASK_RELATIONSHIPS,
    DocumentRows,
    SharedRow,
)
from dutygraph.neo4j.statements import batches, by_other, create_relationships_query  # noqa: E402
from dutygraph.neo4j.sync import (  # noqa: E402
    analysis_results,
    ensure_constraints,
    sync_store,
)
from dutygraph.ontology.mapping import map_document  # noqa: E402
from dutygraph.store.store import Store  # noqa: E402


def build_store(folder: Path, tasks: int, seed: int) -> tuple[Path, int, int]:
    """A store holding synthetic notices with at least ``tasks`` tasks: (path, notices, tasks)."""
    corpus_dir = folder / "corpus"
    notices: list[Any] = []
    total = 0
    n = max(1, tasks // 100)
    while total < tasks:
        notices = synth.generate_corpus(n, seed=seed)
        total = sum(len(x.tasks) for x in notices)
        n = int(n * tasks / max(total, 1)) + 1
    synth.write_corpus(notices, corpus_dir)
    paths = sorted(corpus_dir.glob("*.txt"))
    store_path = folder / "store"
    loaded = 0
    with Store.open(store_path, write=True) as store:
        for chunk in batches(paths, 100):
            # keyed by file name: the generator may reuse a doc number within a large corpus
            docs = [map_document(parse_file(path), doc_id=path.stem) for path in chunk]
            loaded += sum(d.task_count for d in docs)
            store.load(docs)
    return store_path, len(paths), loaded


def clear(info: server.ServerInfo) -> None:
    """An empty database, fast: drop and re-create it through ArcadeDB's HTTP API (deleting
    ~700,000 nodes and relationships with Cypher takes minutes on this server)."""
    token = base64.b64encode(f"{info.user}:{info.password}".encode()).decode()
    for command in (f"drop database {info.database}", f"create database {info.database}"):
        request = urllib.request.Request(
            f"{info.http_url}/api/v1/server",
            data=json.dumps({"command": command}).encode(),
            headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()


def prebuilt_rows(store_path: Path) -> tuple[list[SharedRow], list[DocumentRows]]:
    with Store.open(store_path) as store:
        units, leaders = from_store.shared_agents(store)
        shared = from_store.read_shared(store, units, leaders)
        docs = [
            d for d in (from_store.read_document(store, g) for g in from_store.document_graphs(store)) if d
        ]
    return shared, docs


def bare_unwind(
    handle: neo4j.Driver, database: str | None, shared: list[SharedRow], docs: list[DocumentRows], batch: int
) -> None:
    """The same writes as the sync, from rows already in memory: no RDF, no diff."""

    def write_shared(tx: neo4j.ManagedTransaction) -> None:
        for label in ("Unit", "Leader"):
            rows = [{"id": r.id, "props": r.props} for r in shared if r.label == label]
            for chunk in batches(rows, batch):
                tx.run(
                    f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n = r.props", rows=list(chunk)
                ).consume()
        parents = [{"child": r.id, "parent": r.parent} for r in shared if r.parent]
        for pairs in batches(parents, batch):
            tx.run(
                "UNWIND $rows AS r MATCH (c:Unit {id: r.child}) MATCH (p:Unit {id: r.parent}) "
                "MERGE (c)-[:SUB_OFFICE_OF]->(p)",
                rows=list(pairs),
            ).consume()

    def write_doc(tx: neo4j.ManagedTransaction, doc: DocumentRows) -> None:
        inline_doc = ", ".join(f"{key}: $props.{key}" for key in DOCUMENT_PROPERTIES)
        tx.run(f"CREATE (d:{DOCUMENT} {{{inline_doc}}})", props=doc.props).consume()
        inline = ", ".join(f"{key}: r.{key}" for key in TASK_PROPERTIES)
        for task_chunk in batches(doc.tasks, batch):
            tx.run(
                f"MATCH (d:{DOCUMENT} {{id: $doc}}) UNWIND $rows AS r "
                f"CREATE (t:{TASK} {{{inline}}})-[:{IN_DOCUMENT}]->(d)",
                doc=doc.id,
                rows=[t.props for t in task_chunk],
            ).consume()
        for rel_type in TASK_RELATIONSHIPS:
            rows = [a.row(t.id) for t in doc.tasks for a in t.assignments if a.type == rel_type]
            for rel_chunk in batches(rows, batch):
                tx.run(create_relationships_query(rel_type), rows=by_other(rel_chunk)).consume()

    with handle.session(database=database) as session:
        ensure_constraints(session)
        session.execute_write(write_shared)
        for doc in docs:
            session.execute_write(write_doc, doc)


def naive(handle: neo4j.Driver, database: str | None, docs: list[DocumentRows], sample: int) -> int:
    """One transaction per row — each node and each relationship written on its own, with the same
    statements minus UNWIND: the row-at-a-time client. Returns the rows written (≥ ``sample``)."""

    def one(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> None:
        tx.run(query, params).consume()

    inline_doc = ", ".join(f"{key}: $props.{key}" for key in DOCUMENT_PROPERTIES)
    inline = ", ".join(f"{key}: $props.{key}" for key in TASK_PROPERTIES)
    done = 0
    with handle.session(database=database) as session:
        ensure_constraints(session)
        for doc in docs:
            session.execute_write(one, f"CREATE (d:{DOCUMENT} {{{inline_doc}}})", {"props": doc.props})
            done += 1
            for task in doc.tasks:
                session.execute_write(
                    one,
                    f"MATCH (d:{DOCUMENT} {{id: $doc}}) CREATE (t:{TASK} {{{inline}}})-[:{IN_DOCUMENT}]->(d)",
                    {"doc": doc.id, "props": task.props},
                )
                done += 2
                for a in task.assignments:
                    direction, other = TASK_RELATIONSHIPS[a.type]
                    props = "{rank: $rank, asPrinted: $asPrinted}"
                    pattern = (
                        f"(t)-[:{a.type} {props}]->(o)"
                        if direction == "out"
                        else f"(o)-[:{a.type} {props}]->(t)"
                    )
                    session.execute_write(
                        one,
                        f"MATCH (t:{TASK} {{id: $task}}) MATCH (o:{other} {{id: $other}}) CREATE {pattern}",
                        {"task": task.id, "other": a.other, "rank": a.rank, "asPrinted": a.as_printed},
                    )
                    done += 1
                if done >= sample:
                    return done
    return done


@dataclass
class Target:
    """A Bolt server to measure: how to connect, how to empty it fast, how to stop it."""

    name: str
    conn: Connection
    clear: Callable[[], None]
    stop: Callable[[], None]


def arcadedb_target(store_path: Path) -> Target:
    info = server.start(store_path)
    conn = Connection(
        uri=info.uri, user=info.user, password=info.password, database=info.database, local=True
    )
    return Target("ArcadeDB (dutygraph server)", conn, lambda: clear(info), lambda: server.stop(store_path))


def neo4j_target(folder: Path) -> Target:
    """Neo4j Community from the tests' launcher (``tests/neo4j-server``, built by ``.ci/setup``)."""
    sys.path.insert(0, str(HERE.parent / "tests" / "neo4j"))
    import neo4j_server

    running = neo4j_server.start(folder / "neo4j-home")
    neo4j_server.wait_for_bolt(running)
    conn = Connection(uri=running.uri, user=running.user, password=running.password)

    def empty() -> None:
        # Community Edition has no CREATE OR REPLACE DATABASE: delete in batches
        with GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password)) as handle:
            _delete_all(handle)

    return Target("Neo4j Community (tests/neo4j-server)", conn, empty, running.stop)


def _delete_all(handle: neo4j.Driver) -> None:
    with handle.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def measure(target: Target, store_path: Path, args: argparse.Namespace, n_tasks: int) -> None:
    """The three runs (best of ``--repeat``), the no-change sync, and the ratios, printed."""
    conn = target.conn
    handle = GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password))
    try:
        print(f"\n== {target.name}: {handle.get_server_info().agent} at {conn.uri}")
        shared, docs = prebuilt_rows(store_path)
        rels = sum(len(t.assignments) + 1 for d in docs for t in d.tasks)
        print(
            f"rows: {n_tasks} tasks, {rels} task relationships, {len(shared)} units/leaders, "
            f"{len(docs)} documents"
        )

        # Warm the server's JIT first (unmeasured), then take the best of --repeat runs of each.
        target.clear()
        sync_store(store_path, conn, batch_size=args.batch_size, analysis=False, progress=False)
        ours = bare = slow = math.inf
        sampled = 0
        for _ in range(args.repeat):
            target.clear()
            t = time.perf_counter()
            report = sync_store(store_path, conn, batch_size=args.batch_size, analysis=False, progress=False)
            ours = min(ours, time.perf_counter() - t)
            assert report.changes.get(TASK, "created") == n_tasks, report.changes.as_dict()
            target.clear()
            t = time.perf_counter()
            bare_unwind(handle, conn.database, shared, docs, args.batch_size)
            bare = min(bare, time.perf_counter() - t)
            # naive in every round too, best run kept like the others: on a shared machine a
            # single short sample swings 2x with the neighbours' load
            target.clear()
            t = time.perf_counter()
            sampled = naive(handle, conn.database, docs, args.naive_sample)
            slow = min(slow, time.perf_counter() - t)

        target.clear()
        sync_store(store_path, conn, batch_size=args.batch_size, analysis=False, progress=False)
        t = time.perf_counter()
        again = sync_store(store_path, conn, batch_size=args.batch_size, analysis=False, progress=False)
        noop = time.perf_counter() - t
        assert again.changes.total == 0, again.changes.as_dict()
    finally:
        handle.close()

    rows = n_tasks + rels + len(shared) + len(docs)  # nodes and relationships written
    ours_rate, bare_rate, naive_rate = rows / ours, rows / bare, sampled / slow
    print(f"{'':<36}{'seconds':>9}{'rows/s':>10}{'tasks/s':>10}")
    print(f"{'dutygraph sync (from the store)':<36}{ours:>9.1f}{ours_rate:>10,.0f}{n_tasks / ours:>10,.0f}")
    print(f"{'bare UNWIND (pre-built rows)':<36}{bare:>9.1f}{bare_rate:>10,.0f}{n_tasks / bare:>10,.0f}")
    print(f"{f'naive, 1 tx per row ({sampled} rows)':<36}{slow:>9.1f}{naive_rate:>10,.0f}{'':>10}")
    print(f"{'second sync (no changes)':<36}{noop:>9.1f}{rows / noop:>10,.0f}{n_tasks / noop:>10,.0f}")
    vs_naive, vs_bare = ours_rate / naive_rate, ours_rate / bare_rate
    print(
        f"bare UNWIND / naive     = {bare_rate / naive_rate:6.1f}×  (the server's own ceiling for the first)"
    )
    print(
        f"dutygraph / naive       = {vs_naive:6.1f}×  (target ≥ 50×)  {'OK' if vs_naive >= 50 else 'MISSED'}"
    )
    print(
        f"dutygraph / bare UNWIND = {vs_bare:6.0%}   (target ≥ 80%)  {'OK' if vs_bare >= 0.8 else 'MISSED'}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--naive-sample", type=int, default=2000, help="rows the naive client writes")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each of the three; the best counts")
    ap.add_argument("--server", choices=["both", "neo4j", "arcadedb"], default="both")
    ap.add_argument("--analysis", action="store_true", help="also time the analysis the write-back runs")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = ap.parse_args()
    logging.getLogger("neo4j").addHandler(logging.NullHandler())  # the driver's notifications

    folder = args.keep or Path(tempfile.mkdtemp(prefix="dutygraph-bench-sync-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    store_path, n_docs, n_tasks = build_store(folder, args.tasks, args.seed)
    print(
        f"store: {n_docs} notices, {n_tasks} tasks "
        f"({time.perf_counter() - started:.1f} s to generate and load)"
    )
    try:
        if args.analysis:
            t = time.perf_counter()
            with Store.open(store_path) as store:
                analysis_units = len(analysis_results(store)[0].units)
            print(f"analysis for the write-back: {time.perf_counter() - t:.1f} s ({analysis_units} units)")
        t = time.perf_counter()
        with Store.open(store_path) as store:
            exported = write_import_files(store, folder / "neo4j-import", analysis=False)
        seconds = time.perf_counter() - t
        print(
            f"export --format neo4j-import: {exported.rows:,} rows in {seconds:.1f} s "
            f"= {exported.rows / seconds:,.0f} rows/s (CSV for neo4j-admin)"
        )
        starts = {"neo4j": lambda: neo4j_target(folder), "arcadedb": lambda: arcadedb_target(store_path)}
        for name in ("neo4j", "arcadedb") if args.server == "both" else (args.server,):
            target = starts[name]()
            try:
                measure(target, store_path, args, n_tasks)
            finally:
                target.stop()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
