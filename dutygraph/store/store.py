"""The embedded, persistent RDF store: one named graph per document, shared nodes in their own.

Backend: Oxigraph (pyoxigraph) on RocksDB. It stores quads on disk with six indexes, answers
SPARQL natively and applies ``update`` in a transaction — what the safety rules need:

* **All-or-nothing loads, written once.** Each load writes every document into a fresh *version*
  graph (``…/graph/doc/<id>/v/<token>``) with Oxigraph's fast bulk writer. Nobody sees a version
  until the *catalog* graph points at it: one small SPARQL update — one transaction — switches
  the pointers, replaces the shared descriptions and collects orphans. A crash or Ctrl-C at any
  moment leaves the old pointers (and some unreferenced graphs, dropped at the next write) or the
  new ones. Readers only ever query graphs the catalog points at (:mod:`.reader`).
* **One writer.** Writers hold an exclusive ``flock`` on ``write.lock`` (waiting up to ``wait``
  seconds, then a clear error); readers open RocksDB read-only and never block.
* **Versioned format.** ``dutygraph-store.json`` records the layout version; other versions are
  refused with a message rather than misread.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

import pyoxigraph as ox

from dutygraph import settings
from dutygraph.errors import InputError, StoreError
from dutygraph.ontology import identity
from dutygraph.ontology.mapping import MappedDocument
from dutygraph.ontology.namespaces import PREFIXES, SHARED_GRAPH
from dutygraph.ontology.ntriples import Triple, nquads, value_of
from dutygraph.store import compaction, digests
from dutygraph.store.bulk import BulkWriter
from dutygraph.store.catalog import VERSION_MARK, catalog_deletion, catalog_insertion, collect_orphans
from dutygraph.store.files import (
    FORMAT_VERSION,
    LOCK,
    MARKER,
    SOURCES,
    SUMS,
    SourceRecord,
    acquire_lock,
    check_intact,
    open_backend,
    probe,
    prune_diagnostic_logs,
    reason,
    record_sums,
    recorded_sources,
    refuse_foreign,
    require_space,
    write_atomically,
)
from dutygraph.store.reader import DocumentSummary, StoreReader

DEFAULT_STORE = settings.STORE


def default_store_path() -> Path:
    """``$DUTYGRAPH_STORE`` or ``./dutygraph-store``."""
    return Path(os.environ.get("DUTYGRAPH_STORE") or DEFAULT_STORE)


@dataclass(frozen=True)
class LoadResult:
    """What one load did with one document: loaded, replaced, or found unchanged and skipped."""

    doc_id: str
    triples: int  # written (0 when unchanged)
    replaced: bool
    unchanged: bool = False
    version: str = ""  # the version graph written (empty when unchanged)


class Store(StoreReader):
    """A dutygraph store directory. Use :meth:`open` as a context manager; what it reads comes from
    :class:`~dutygraph.store.reader.StoreReader`."""

    def __init__(
        self, path: Path, oxigraph: ox.Store, lock: IO[str] | None, *, writing: bool = False
    ) -> None:
        super().__init__(path, oxigraph)
        self._lock = lock
        self._writing = writing  # whether ``oxigraph`` is the backend opened for writing
        self._sums: dict[str, tuple[int, str]] = {}  # the table sums recorded when a writer opened
        self._compaction_checked = False  # since this writer's last write

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: Path | str | None = None, *, write: bool = False, wait: float = settings.WRITER_WAIT
    ) -> Store:
        """Open the store at ``path``; ``write=True`` creates it and takes the writer lock.

        A damaged store (backend files missing or unreadable, the backend folder gone while the
        marker says a store is here) is refused with :class:`StoreDamaged` before anything is
        written; a writer never starts a fresh backend in a store that had one.

        A writer on an existing store reads through a read-only handle until its first write
        (:meth:`_writable`): opening RocksDB for writing already writes (a new log, a manifest),
        and a load of unchanged files must leave the backend's files as they were.
        """
        path = Path(path) if path is not None else default_store_path()
        if not write:
            check_intact(path)
            return cls(path, open_backend(path, read_only=True), None)
        if path.exists() and not path.is_dir():
            raise StoreError(f"store path {path} exists and is not a directory")
        refuse_foreign(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the store at {path}: {reason(error)}") from None
        lock = acquire_lock(path / LOCK, wait)
        try:
            # Checked again under the lock: a writer that came first may be creating the store.
            if (path / MARKER).is_file():
                compaction.finish_interrupted(path)
                sums = check_intact(path, writer=True)
                reader = probe(path)
                require_space(path)
                store = cls(path, reader, lock)
                store._sums = sums
                if store._unreferenced():  # a crashed or failed load's leftovers: swept now
                    store._start_writing()
                return store
            refuse_foreign(path)
            require_space(path)
            (path / SUMS).unlink(missing_ok=True)
            oxigraph = open_backend(path, read_only=False)
            write_atomically(
                path / MARKER, json.dumps({"format": FORMAT_VERSION}) + "\n"
            )  # once the backend exists (see check_intact)
            store = cls(path, oxigraph, lock, writing=True)
            store._drop_unreferenced()
        except BaseException:
            lock.close()
            raise
        return store

    def _writable(self) -> ox.Store:
        """The backend opened for writing (opened on first use)."""
        self._require_writer()
        self._compaction_checked = False
        if not self._writing:
            # The record holds only while no writer has the files open: a writer killed half-way
            # leaves none, and the next clean close sums every table afresh.
            (self.path / SUMS).unlink(missing_ok=True)
            self.oxigraph = open_backend(self.path, read_only=False)  # the read-only handle closes
            self._writing = True
        return self.oxigraph

    def _start_writing(self) -> ox.Store:
        """The backend opened for writing, with what earlier loads left invisible dropped (a
        crashed process's, or a failed load's of this one), so a commit's reference counts see
        only the catalog's versions and the graphs it writes itself."""
        oxigraph = self._writable()
        self._drop_unreferenced()
        return oxigraph

    def compact(self, progress: Callable[[str], None] | None = None) -> None:
        """Compact the backend if this writer's writes left its tables above their bulk-loaded
        size (:mod:`.compaction`). :meth:`close` does it; a command showing progress calls it
        first, so that ``progress`` hears the phase named."""
        if not self._writing or self._compaction_checked:
            return
        self.oxigraph.flush()
        compacted = compaction.compacted_copy(self.path, self.oxigraph, progress or _silent)
        self._compaction_checked = True
        if compacted is not None:
            del self.oxigraph  # closed before its folder is taken away
            compaction.swap(self.path, compacted)
            self.oxigraph = open_backend(self.path, read_only=False)

    def close(self, *, clean: bool = True) -> None:
        """Close the backend and release the writer lock. A writer closing cleanly compacts, then
        sums its tables. One leaving on an error does neither: the error's traceback may still
        hold the backend open (pyoxigraph closes it only when the last reference goes), so its
        tables could still change under the sums or a compaction's reopening; it leaves no sums,
        as a killed writer does, and the next writer that writes compacts."""
        try:
            if self._writing and clean:
                self.compact()
                self.oxigraph.flush()
                del self.oxigraph  # the backend closes its files before they are summed
                record_sums(self.path, self._sums)
                prune_diagnostic_logs(self.path)
            else:
                del self.oxigraph
        finally:
            if self._lock is not None:
                self._lock.close()  # closing the descriptor releases the flock
                self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(clean=exc_type is None)

    # -- writing ---------------------------------------------------------------------------
    def load(self, documents: Sequence[MappedDocument]) -> list[LoadResult]:
        """Store ``documents``, replacing any earlier version of each, all or nothing."""
        return self.load_batches([documents])

    def load_batches(
        self,
        batches: Iterable[Sequence[MappedDocument]],
        *,
        keys: Mapping[str, str] | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> list[LoadResult]:
        """Store every document of every batch in one all-or-nothing commit.

        Each batch is written (invisibly) as it comes, so a caller can map documents a batch at a
        time and memory stays bounded however many documents one command loads; nothing is
        visible until the single catalog switch at the end. An exception from ``batches`` leaves
        the store as it was; batches that are all empty leave the backend untouched.

        Each batch becomes one N-Quads text (its documents' triples in their version graphs)
        streamed into a single Oxigraph bulk load that runs on threads of its own while
        ``batches`` maps the next one (see :class:`BulkWriter`). The shared descriptions the
        documents bring change the shared graph in the commit itself, by difference
        (:meth:`_shared_changes`). ``keys`` (document id → :mod:`.source_keys` key, read when the
        batches are exhausted) go into the catalog with the pointers, in the same transaction.
        ``progress`` hears each phase named.
        """
        self._require_writer()
        say = progress or _silent
        token = uuid.uuid4().hex
        catalog = self._catalog()
        shared: dict[Triple, None] = {}  # a unit is described by every document naming it
        dropped: list[str] = []  # the versions this commit replaces
        results: list[LoadResult] = []
        seen: set[str] = set()
        with ExitStack() as stack:
            writer: BulkWriter | None = None
            for documents in batches:
                if not documents:
                    continue
                if writer is None:
                    writer = stack.enter_context(BulkWriter(self._start_writing()))
                versions = [f"{doc.graph}{VERSION_MARK}{token}" for doc in documents]
                for doc in documents:
                    if doc.doc_id in seen:
                        raise InputError(f"document {doc.doc_id} is given twice")
                    seen.add(doc.doc_id)
                shared.update(dict.fromkeys(t for doc in documents for t in doc.shared))
                # Invisible until the catalog points at them, so the fast non-transactional bulk
                # loader is safe.
                writer.write(
                    "".join(
                        nquads(doc.triples, version) for doc, version in zip(documents, versions, strict=True)
                    )
                )
                for doc, version in zip(documents, versions, strict=True):
                    digests.write(
                        self.path / digests.FOLDER, version, digests.digest_of(doc.triples, value=value_of)
                    )
                    old = catalog.get(identity.document_iri(doc.doc_id))
                    if old is not None:
                        dropped.append(old.value)
                    results.append(LoadResult(doc.doc_id, len(doc.triples), old is not None, version=version))
            if writer is not None:
                say("writing: the backend sorts and stores what was read")
        if not results:
            return results
        say("committing")
        entries = [(identity.document_iri(r.doc_id), r.version, (keys or {}).get(r.doc_id)) for r in results]
        operations = []
        if dropped:
            operations.append(catalog_deletion(e[0] for e in entries))
        operations.append(catalog_insertion(entries))
        changes, unlinked = self._shared_changes(shared)
        operations += changes
        candidates = self._orphan_candidates(dropped, unlinked)
        if candidates:
            operations += [collect_orphans(candidates, dropped)] * 3
        self._update(operations)
        self._drop_unreferenced()
        return results

    def _shared_changes(self, triples: Iterable[Triple]) -> tuple[list[str], set[str]]:
        """Updates that make the shared graph describe ``triples``' subjects exactly so, and the
        nodes the descriptions they delete pointed to (they may be orphans after).

        A shared description depends only on identity and the alias table, so each subject
        named is described afresh — a changed alias file takes effect — but only what differs
        from the stored description is written: nothing when documents are reloaded, the new
        units' descriptions on a first load. The terms go into the update as the store's own
        N-Triples serialisation of them (literals escaped), parsed strictly first.
        """
        text = "".join(f"<{s}> <{p}> {o} .\n" for s, p, o in triples)
        new = {(t.subject, t.predicate, t.object) for t in ox.parse(text, ox.RdfFormat.N_TRIPLES)}
        old = {
            (q.subject, q.predicate, q.object)
            for subject in {s for s, _, _ in new}
            for q in self.oxigraph.quads_for_pattern(subject, None, None, SHARED_GRAPH)
        }
        graph = SHARED_GRAPH.value
        changes = []
        for verb, part in (("DELETE", old - new), ("INSERT", new - old)):
            if part:
                lines = " ".join(sorted(f"{s} {p} {o} ." for s, p, o in part))
                changes.append(f"{verb} DATA {{ GRAPH <{graph}> {{ {lines} }} }}")
        unlinked = {o.value for _, _, o in old - new if isinstance(o, ox.NamedNode)}
        return changes, unlinked

    def _orphan_candidates(self, versions: Iterable[str], nodes: Iterable[str]) -> set[str]:
        """The shared nodes that ``versions`` (graphs about to be dropped) reference, ``nodes``,
        and what those describe in the shared graph, transitively: the only nodes a commit can
        orphan. One scan of each version graph and one subject lookup per node: O(the documents
        changed)."""
        frontier = set(nodes)
        for version in versions:
            for quad in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(version)):
                if isinstance(quad.object, ox.NamedNode):
                    frontier.add(quad.object.value)
        candidates: set[str] = set()
        while frontier:
            node = frontier.pop()
            if node in candidates:
                continue
            described = list(self.oxigraph.quads_for_pattern(ox.NamedNode(node), None, None, SHARED_GRAPH))
            if described:
                candidates.add(node)
                frontier.update(q.object.value for q in described if isinstance(q.object, ox.NamedNode))
        return candidates

    def record_sources(self, sources: dict[str, SourceRecord]) -> None:
        """Add ``sources`` (documents just committed) to the store's record of its source files."""
        self._require_writer()
        self._write_sources({**recorded_sources(self.path), **sources})

    def _write_sources(self, sources: dict[str, SourceRecord]) -> None:
        text = json.dumps({k: asdict(v) for k, v in sorted(sources.items())}, indent=1)
        write_atomically(self.path / SOURCES, text + "\n")

    def remove(self, doc_id: str) -> bool:
        """Remove one document and every shared node only it referenced; False if absent.

        Costs O(that document): its graph is scanned once for the shared nodes it references,
        and only those are tested for other references."""
        self._require_writer()
        doc_iri = identity.document_iri(doc_id)
        version = self._catalog().get(doc_iri)
        if version is None:
            return False
        self._start_writing()
        operations = [catalog_deletion([doc_iri])]
        candidates = self._orphan_candidates([version.value], ())
        if candidates:
            operations += [collect_orphans(candidates, [version.value])] * 3
        self._update(operations)
        sources = recorded_sources(self.path)
        if sources.pop(doc_id, None) is not None:
            self._write_sources(sources)
        self._drop_unreferenced()
        return True

    def _update(self, operations: list[str]) -> None:
        self._writable().update(" ;\n".join(operations), prefixes=PREFIXES)

    def _drop_unreferenced(self) -> None:
        """Drop :meth:`_unreferenced` graphs and the digests of versions no longer current."""
        current = {g.value for g in self._catalog().values()}
        for graph in self._unreferenced():
            self.oxigraph.remove_graph(graph)
        keep = {digests.file_name(name) for name in current}
        for path in (self.path / digests.FOLDER).glob("*.json"):
            if path.name not in keep:
                path.unlink()

    def _require_writer(self) -> None:
        if self._lock is None:
            raise StoreError("the store was opened read-only")


def _silent(message: str) -> None:
    """A progress callback that hears nothing."""


__all__ = ["DocumentSummary", "LoadResult", "Store", "default_store_path"]
