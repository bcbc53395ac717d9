"""The store's directory on disk: its marker and format, the backend's files and their recorded
sums, the writer lock, free space and disk use, and where each document was loaded from.

All of it works from file names and sizes, or opens the backend and nothing more, so a damaged
store is named (:class:`StoreDamaged`) before a writer touches it and ``dutygraph store`` reads
it without loading anything.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from dutygraph.errors import StoreError
from dutygraph.store.catalog import CATALOG_GRAPH, STORED_IN

FORMAT_VERSION = 2  # 2: document versions behind a catalog graph
MARKER = "dutygraph-store.json"
BACKEND = "oxigraph"
#: The backend while a writer swaps in its compacted copy (:mod:`.compaction`).
BACKEND_BEFORE_COMPACTION = BACKEND + ".old"
LOCK = "write.lock"
#: Size and SHA-256 of each backend table file, recorded by each writer (``store check`` reads it).
SUMS = "oxigraph.sums.json"
#: Where each stored document was loaded from (``store rebuild`` reads it): plain JSON, readable
#: when the backend is not.
SOURCES = "sources.json"


@dataclass(frozen=True)
class SourceRecord:
    """Where a stored document came from and how it was loaded: enough to load it again."""

    path: str  # absolute
    jurisdiction: str  # the jurisdiction its units were given (loading with it gives the same IRIs)
    aliases: str | None = None  # the alias file it was loaded with, absolute


def recorded_sources(path: Path) -> dict[str, SourceRecord]:
    """Document id → its :class:`SourceRecord`, as the writers recorded them."""
    try:
        raw = json.loads((path / SOURCES).read_text(encoding="utf-8"))
        return {doc_id: SourceRecord(**fields) for doc_id, fields in raw.items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, AttributeError):
        raise StoreDamaged(path, f"{SOURCES} is unreadable") from None


class StoreDamaged(StoreError):
    """The store's files are damaged: named in one line with the way out, never written to."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"store damaged: {path}: {what}; restore it from a backup (dutygraph store backup) "
            f"or rebuild it from its source files: dutygraph store rebuild --store {path}"
        )


class StoreReadOnly(StoreError):
    """The store cannot be written (a read-only disk, another user's folder); readers still work."""


def reason(error: BaseException) -> str:
    """The first line of an OS or backend error, without the traceback around it."""
    text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return (text.strip().splitlines() or [type(error).__name__])[0][:300]


#: Backend errors that mean the disk or its permissions, not damage (the message is RocksDB's).
_ENVIRONMENT = (
    "No space left on device",
    "Read-only file system",
    "Permission denied",
    "Disk quota exceeded",
)


def open_backend(path: Path, *, read_only: bool) -> ox.Store:
    folder = str(path / BACKEND)
    try:
        return ox.Store.read_only(folder) if read_only else ox.Store(folder)
    except (OSError, RuntimeError) as error:
        text = reason(error)
        if any(cause in str(error) for cause in _ENVIRONMENT):
            raise StoreError(f"cannot open the store at {path}: {text}") from None
        raise StoreDamaged(path, text) from None


def probe(path: Path) -> ox.Store:
    """A read-only handle on which what a writer reads first (the catalog, the graph names) has
    been read: damage RocksDB finds there stops the writer before it writes anything (opening
    RocksDB for writing already rotates its log)."""
    reader = open_backend(path, read_only=True)
    try:
        list(reader.quads_for_pattern(None, STORED_IN, None, CATALOG_GRAPH))
        list(reader.named_graphs())
    except (OSError, RuntimeError) as error:
        raise StoreDamaged(path, reason(error)) from None
    return reader


def check_intact(path: Path, *, writer: bool = False) -> dict[str, tuple[int, str]]:
    """The cheap checks every command makes before reading or writing: the marker and its format,
    the backend folder and its CURRENT file, and every table file the last writer recorded, at its
    recorded size; the record read (:func:`recorded_sums`). RocksDB alone finds a missing or cut table only when a read reaches it, so a
    reader whose command never touches that table would answer from a damaged store.

    A writer checks under the lock, when no other process changes the files. A reader checks
    without it: a writer that starts writing meanwhile deletes the record first (and compaction
    may then replace tables), so a mismatch counts as damage only while the record still reads
    the same afterwards.
    """
    marker = path / MARKER
    if not marker.is_file():
        raise StoreError(f"no dutygraph store at {path} — load a document first: dutygraph load FILE")
    _check_format(marker)
    backend = path / BACKEND
    if not backend.exists() and (path / BACKEND_BEFORE_COMPACTION).is_dir():
        raise StoreError(f"store {path} is being compacted by its writer; try again in a moment")
    for required in (backend, backend / "CURRENT"):
        if not required.exists():
            raise StoreDamaged(path, f"{required.relative_to(path)} is missing")
    recorded = recorded_sums(path)
    damage = _table_damage(backend, recorded)
    if damage and (writer or recorded_sums(path) == recorded):
        raise StoreDamaged(path, damage)
    return recorded


def _table_damage(backend: Path, recorded: dict[str, tuple[int, str]]) -> str | None:
    """The first recorded table file that is missing or not at its recorded size, in words."""
    for name, (size, _) in recorded.items():
        try:
            actual = (backend / name).stat().st_size
        except FileNotFoundError:
            return f"{BACKEND}/{name} is missing"
        if actual != size:
            return f"{BACKEND}/{name} is {actual} bytes, {size} when written"
    return None


def recorded_sums(path: Path) -> dict[str, tuple[int, str]]:
    try:
        recorded = json.loads((path / SUMS).read_text(encoding="utf-8"))
        return {name: (int(size), str(digest)) for name, (size, digest) in recorded.items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, AttributeError):
        raise StoreDamaged(path, f"{SUMS} is unreadable") from None


def _file_sum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def record_sums(path: Path, known: dict[str, tuple[int, str]]) -> None:
    """Record the size and SHA-256 of every table file, which RocksDB never changes once written,
    for ``dutygraph store check``; only files not in ``known`` (the last record) are read. A
    record that cannot be written is left out (a full disk): checks then skip the table sums."""
    sums = {}
    try:
        for table in sorted((path / BACKEND).glob("*.sst")):
            size = table.stat().st_size
            old = known.get(table.name)
            sums[table.name] = (size, old[1] if old and old[0] == size else _file_sum(table))
        write_atomically(path / SUMS, json.dumps(sums, indent=0) + "\n")
    except OSError:
        (path / SUMS).with_name(SUMS + ".tmp").unlink(missing_ok=True)


def verify_sums(path: Path) -> int:
    """Re-read every recorded table file and compare its SHA-256; the number of files checked."""
    sums = recorded_sums(path)
    for name, (size, digest) in sums.items():
        table = path / BACKEND / name
        if not table.is_file():
            raise StoreDamaged(path, f"{BACKEND}/{name} is missing")
        if table.stat().st_size != size or _file_sum(table) != digest:
            raise StoreDamaged(path, f"{BACKEND}/{name} does not hold the bytes written")
    return len(sums)


#: RocksDB's diagnostic logs of earlier sessions: ~140 kB per writer session, kept by the thousand
#: unless removed. The backend never reads them again.
_DIAGNOSTIC_LOGS = "LOG.old.*"


def prune_diagnostic_logs(path: Path) -> int:
    """Delete the backend's diagnostic logs of earlier sessions; the bytes freed."""
    freed = 0
    for log in (path / BACKEND).glob(_DIAGNOSTIC_LOGS):
        try:
            size = log.stat().st_size
            log.unlink()
            freed += size
        except OSError:  # a read-only disk: left for a writer that can
            pass
    return freed


@dataclass(frozen=True)
class DiskUse:
    """Bytes the store takes on disk, by what they hold."""

    tables: int  # the backend's sorted tables: the data
    journal: int  # the write-ahead log the next writer folds into the tables
    diagnostics: int  # RocksDB's diagnostic logs of earlier sessions: reclaimable
    other: int  # manifests, options, digests, the catalog files

    @property
    def total(self) -> int:
        return self.tables + self.journal + self.diagnostics + self.other


def size_or_zero(file: Path) -> int:
    """A file's size, or 0 when it is gone: RocksDB removes tables and logs in the background,
    between the listing of a folder and the reading of each size."""
    try:
        return file.stat().st_size
    except FileNotFoundError:
        return 0


def disk_use(path: Path) -> DiskUse:
    """What the store's files take, read from their sizes (no backend opened; a running writer
    may remove files meanwhile, and those count 0)."""
    tables = journal = diagnostics = other = 0
    for file in path.rglob("*"):
        if not file.is_file():
            continue
        size = size_or_zero(file)
        if file.parent.name == BACKEND and file.suffix == ".sst":
            tables += size
        elif file.parent.name == BACKEND and file.suffix == ".log":
            journal += size
        elif file.parent.name == BACKEND and file.match(_DIAGNOSTIC_LOGS):
            diagnostics += size
        else:
            other += size
    return DiskUse(tables, journal, diagnostics, other)


def write_atomically(target: Path, text: str) -> None:
    partial = target.with_name(target.name + ".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)


#: Below this much free space a writer refuses to start: RocksDB needs room for its log and
#: tables, and a load that fills the disk half-way leaves files the next writer must sweep.
MIN_FREE_BYTES = 4 * 1024 * 1024


def require_space(path: Path) -> None:
    try:
        info = os.statvfs(path)
    except OSError:
        return
    free = info.f_bavail * info.f_frsize
    if free < MIN_FREE_BYTES:
        raise StoreError(
            f"cannot write to the store at {path}: only {free / 1048576:.1f} MB free on its disk "
            f"(a writer needs {MIN_FREE_BYTES / 1048576:.0f} MB)"
        )


def refuse_foreign(path: Path) -> None:
    """A folder holding anything but an unfinished store of ours (its lock, its backend) and no
    marker is someone else's: refused before anything is written into it."""
    if not path.is_dir() or (path / MARKER).is_file():
        return
    if any(entry.name not in (LOCK, BACKEND) for entry in path.iterdir()):
        raise StoreError(f"{path} is not a dutygraph store (no {MARKER}); choose another --store")


def _check_format(marker: Path) -> None:
    try:
        version = json.loads(marker.read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError):
        raise StoreError(f"{marker} is unreadable; this is not a dutygraph store") from None
    if version != FORMAT_VERSION:
        raise StoreError(
            f"store {marker.parent} has format {version!r}; this dutygraph reads format {FORMAT_VERSION}. "
            "Re-load the documents into a new --store."
        )


def acquire_lock(path: Path, wait: float) -> IO[str]:
    try:
        handle = path.open("a+", encoding="utf-8")
    except OSError as error:  # a read-only disk, another user's store
        raise StoreReadOnly(
            f"cannot write to the store at {path.parent}: {reason(error)} (reading it still works)"
        ) from None
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise StoreError(
                    f"store {path.parent} is busy: another dutygraph process is writing to it "
                    f"(waited {wait:g} s; try again or pass --wait)"
                ) from None
            time.sleep(0.1)
