"""Keeping a store safe: ``dutygraph store check | backup | rebuild``.

A store is a cache of its source files: every load records where each document came from
(``sources.json``, plain JSON beside the backend, readable when the backend is not), so a damaged
store can be rebuilt from those files. A rebuild never replaces the damaged store silently: it is
kept beside the new one under a name that says so.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dutygraph.errors import DutygraphError, InputError, StoreError
from dutygraph.store import compaction, digests
from dutygraph.store.files import (
    BACKEND,
    LOCK,
    MARKER,
    SOURCES,
    SUMS,
    DiskUse,
    SourceRecord,
    StoreDamaged,
    StoreReadOnly,
    acquire_lock,
    check_intact,
    disk_use,
    record_sums,
    recorded_sources,
    recorded_sums,
    verify_sums,
)
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store


@dataclass(frozen=True)
class CheckResult:
    documents: int
    quads: int
    tables: int  # backend table files whose recorded SHA-256 was compared

    def describe(self, path: Path) -> str:
        return (
            f"store {path}: intact — {self.documents} document(s), {self.quads} quads read, "
            f"{self.tables} table file(s) matching their recorded sums"
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


@dataclass(frozen=True)
class StoreStatus:
    """How big a store is and how much of that a write would give back."""

    documents: int
    disk: DiskUse
    compactable: int  # table bytes beyond what the bulk loader wrote the same quads in

    def describe(self, path: Path) -> str:
        disk = self.disk
        return (
            f"store {path}: {self.documents} document(s), {_megabytes(disk.total)} on disk "
            f"(tables {_megabytes(disk.tables)}, journal {_megabytes(disk.journal)}, "
            f"other {_megabytes(disk.other)}); about "
            f"{_megabytes(disk.diagnostics + self.compactable)} reclaimable "
            f"({_megabytes(disk.diagnostics)} of the backend's old diagnostic logs, deleted by the "
            f"next write; {_megabytes(self.compactable)} of tables beyond their bulk-loaded size, "
            f"compacted by the next write once above {compaction.LIMIT:g}× it)"
        )


def status_of(path: Path) -> StoreStatus:
    """The store's document count and disk use (one count of its quads, then file sizes)."""
    with Store.open(path) as store:
        documents = store.document_count()
        quads = len(store.oxigraph)
    return StoreStatus(documents, disk_use(path), compaction.reclaimable(path, quads))


def _writers_held_off(path: Path, wait: float) -> IO[str] | None:
    """The writer lock, so the files hold still while they are read; none on a read-only store,
    which no writer can change anyway."""
    try:
        return acquire_lock(path / LOCK, wait)
    except StoreReadOnly:
        return None


def check_store(path: Path, *, wait: float = 30.0) -> CheckResult:
    """Everything that can be checked without writing: the marker, the backend's files against
    the sums their writer recorded (every byte re-read), every quad read back, every digest."""
    lock = _writers_held_off(path, wait) if (path / MARKER).is_file() else None
    try:
        check_intact(path, writer=lock is not None)
        tables = verify_sums(path)
        with Store.open(path) as store:
            try:
                quads = sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, None))
                documents = store.document_count()
                for graph in store.document_graphs():
                    store.digest(graph)
            except (OSError, RuntimeError) as error:
                raise StoreDamaged(path, str(error).splitlines()[0][:300]) from None
        return CheckResult(documents, quads, tables)
    finally:
        if lock is not None:
            lock.close()


def backup_store(path: Path, target: Path, *, wait: float = 30.0) -> CheckResult:
    """A consistent copy of the store at ``target`` (a new folder), checked first: writers wait
    meanwhile. The backend's table files are hard-linked where the disk allows (RocksDB's
    checkpoint), so a backup on the same disk costs little space."""
    if target.exists():
        raise InputError(f"{target} exists; a backup goes into a new folder")
    result = check_store(path, wait=wait)
    lock = _writers_held_off(path, wait)
    try:
        target.mkdir(parents=True)
        with Store.open(path) as store:
            store.oxigraph.backup(str(target / BACKEND))
        for name in (SOURCES,):
            if (path / name).is_file():
                shutil.copy2(path / name, target / name)
        if (path / digests.FOLDER).is_dir():
            shutil.copytree(path / digests.FOLDER, target / digests.FOLDER)
        record_sums(target, recorded_sums(path))
        shutil.copy2(path / MARKER, target / MARKER)  # last: a backup cut short is no store
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)
        raise StoreError(f"cannot write the backup {target}: {error.strerror or error}") from None
    finally:
        if lock is not None:
            lock.close()
    return result


def _sources_in_graph(path: Path) -> dict[str, SourceRecord]:
    """For a store loaded before ``sources.json`` was kept: each document's ``dct:source`` and
    jurisdiction as the store holds them (relative paths taken from here; alias files unknown),
    when the store can still be read."""
    try:
        with Store.open(path) as store:
            documents = store.documents()
    except (DutygraphError, OSError, RuntimeError):
        return {}
    return {d.id: SourceRecord(str(Path(d.source).absolute()), d.jurisdiction) for d in documents if d.source}


@dataclass(frozen=True)
class RebuildResult:
    documents: int
    kept: Path  # where the store that was rebuilt now is


def rebuild_store(
    path: Path, *, wait: float = 30.0, progress: Callable[[str], None] | None = None
) -> RebuildResult:
    """Load every recorded source file again into a new store and put it in ``path``'s place;
    the old store is kept at ``<path>.before-rebuild-<time>``."""
    if not (path / MARKER).is_file() and not (path / SOURCES).is_file():
        raise StoreError(f"no dutygraph store at {path}")
    lock = acquire_lock(path / LOCK, wait)
    try:
        sources = recorded_sources(path) or _sources_in_graph(path)
        if not sources:
            raise StoreError(
                f"{path} records no source files ({SOURCES}); load the files again into a new --store"
            )
        missing = [record.path for record in sources.values() if not Path(record.path).is_file()]
        if missing:
            raise InputError(
                f"cannot rebuild {path}: {len(missing)} source file(s) are gone, e.g. {missing[0]}"
            )
        groups: dict[tuple[str, str | None], list[Path]] = defaultdict(list)
        for record in sorted(sources.values(), key=lambda r: r.path):
            groups[(record.jurisdiction, record.aliases)].append(Path(record.path))
        fresh = path.with_name(f"{path.name}.rebuild-{uuid.uuid4().hex[:8]}")
        try:
            with Store.open(fresh, write=True) as store:
                for (jurisdiction, aliases), files in groups.items():
                    aliases_path = Path(aliases) if aliases else None
                    load_files(
                        store, files, jurisdiction=jurisdiction, aliases=aliases_path, progress=progress
                    )
                documents = store.document_count()
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        kept = path.with_name(f"{path.name}.before-rebuild-{time.strftime('%Y%m%d-%H%M%S')}")
        path.rename(kept)
        fresh.rename(path)
    finally:
        lock.close()
    return RebuildResult(documents, kept)


__all__ = [
    "SUMS",
    "CheckResult",
    "RebuildResult",
    "StoreStatus",
    "backup_store",
    "check_store",
    "rebuild_store",
    "status_of",
]
