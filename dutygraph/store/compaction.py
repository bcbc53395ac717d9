"""Keeping the backend's tables near the size a fresh load gives them.

Oxigraph's bulk loader writes its tables LZ4-compressed, but RocksDB's own compactions write the
first level they merge into uncompressed (Oxigraph's options, which pyoxigraph does not expose).
In a small store that level is the last one, so the first compaction after a replacement or a
removal rewrites every table it touches about 1.9× larger (50 notices: 40 → 75 MB of tables);
RocksDB's ``optimize()`` does the same to all of them. So when a writer closes, the tables are
compared with what the store's quads took when they were last written by the bulk loader (the
first writer's close, or the last compaction), and above :data:`LIMIT` times that, every quad is
bulk-loaded into a new backend folder that then takes the old one's place.

The check costs a few file sizes; quads are counted only once the tables have grown by
:data:`RECOUNT` since they were last counted, so a replacement of one document in a big store
never counts them. A writer killed during the swap leaves the old folder beside a missing
backend: the next writer puts it back (:func:`finish_interrupted`).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from dutygraph.store.files import BACKEND, BACKEND_BEFORE_COMPACTION, reason, size_or_zero, write_atomically

#: The tables' size, bytes per quad and quads when the bulk loader last wrote all of them.
RECORD = "oxigraph.size.json"
#: Tables above this multiple of their bulk-loaded size are compacted.
LIMIT = 1.12
#: Tables are measured against their quads again once they have grown this much since last time.
RECOUNT = 1.05
_NEW, _OLD = BACKEND + ".compacting", BACKEND_BEFORE_COMPACTION


@dataclass(frozen=True)
class SizeRecord:
    bytes_per_quad: float  # of tables the bulk loader wrote
    counted: int  # the tables' bytes when their quads were last counted


def table_bytes(path: Path) -> int:
    """The tables' bytes; a table RocksDB's background compaction removes meanwhile counts 0."""
    return sum(size_or_zero(table) for table in (path / BACKEND).glob("*.sst"))


def recorded_size(path: Path) -> SizeRecord | None:
    try:
        return SizeRecord(**json.loads((path / RECORD).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # none yet, or unreadable: the next writer records it again


def _record(path: Path, bytes_per_quad: float, counted: int) -> None:
    try:
        write_atomically(path / RECORD, json.dumps(asdict(SizeRecord(bytes_per_quad, counted))) + "\n")
    except OSError:  # a full disk: checked again by the next writer
        (path / RECORD).with_name(RECORD + ".tmp").unlink(missing_ok=True)


def reclaimable(path: Path, quads: int) -> int:
    """Bytes of the tables beyond what their ``quads`` took when bulk-loaded (0 when unknown)."""
    record = recorded_size(path)
    if record is None:
        return 0
    return max(0, table_bytes(path) - round(record.bytes_per_quad * quads))


@dataclass(frozen=True)
class Compacted:
    """A compacted copy of the backend, ready for :func:`swap`."""

    folder: Path
    quads: int


def compacted_copy(path: Path, oxigraph: ox.Store, say: Callable[[str], None]) -> Compacted | None:
    """When the tables of the backend a writer is closing have outgrown :data:`LIMIT`, every quad
    of it bulk-loaded into a new backend folder; otherwise (or when the copy could not be
    written — a full disk: the old backend stays) None. What was measured is recorded."""
    tables = table_bytes(path)
    record = recorded_size(path)
    if record is not None and tables <= RECOUNT * record.counted:
        return None
    quads = len(oxigraph)
    if not quads:
        return None
    if record is None:  # the first writer: its tables are the bulk loader's
        _record(path, tables / quads, tables)
        return None
    if tables <= LIMIT * record.bytes_per_quad * quads:
        _record(path, record.bytes_per_quad, tables)
        return None
    say(f"compacting: the tables outgrew {LIMIT:g}× their bulk-loaded size; writing them afresh")
    target = path / _NEW
    shutil.rmtree(target, ignore_errors=True)
    try:
        fresh = ox.Store(str(target))
        read_end, write_end = os.pipe()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dutygraph-compaction") as threads:
            dumped = threads.submit(_dump, oxigraph, write_end)
            try:
                fresh.bulk_load(path=f"/dev/fd/{read_end}", format=ox.RdfFormat.N_QUADS)
            finally:
                os.close(read_end)  # a dump still writing gets BrokenPipeError instead of waiting
            failure = dumped.result()
        if failure is not None:
            raise OSError(failure)
        if len(fresh) != quads:
            raise OSError("the compacted copy does not hold every quad")
        fresh.flush()
        del fresh
    except (OSError, RuntimeError):
        shutil.rmtree(target, ignore_errors=True)
        return None
    return Compacted(target, quads)


def _dump(oxigraph: ox.Store, write_end: int) -> str | None:
    """Write every quad into the pipe, then close it (the load then ends); what went wrong, as
    text (an exception's traceback would hold the backend open after the writer closes it)."""
    try:
        with os.fdopen(write_end, "wb", buffering=1 << 20) as pipe:
            oxigraph.dump(pipe, ox.RdfFormat.N_QUADS)
    except (OSError, RuntimeError) as error:
        return reason(error)
    return None


def swap(path: Path, compacted: Compacted) -> None:
    """Put the compacted copy in place of the (closed) backend and record its size."""
    backend, old = path / BACKEND, path / _OLD
    backend.rename(old)
    compacted.folder.rename(backend)
    shutil.rmtree(old, ignore_errors=True)
    tables = table_bytes(path)
    _record(path, tables / compacted.quads, tables)


def interrupted(path: Path) -> bool:
    """Whether a writer was stopped between taking the backend away and putting its compacted
    copy in place (the old backend is then beside it, whole)."""
    return not (path / BACKEND).exists() and (path / _OLD).is_dir()


def finish_interrupted(path: Path) -> None:
    """What a writer stopped during a compaction left, put right (under the writer lock): the old
    backend back if the swap was cut short, the unfinished copy removed."""
    if interrupted(path):
        (path / _OLD).rename(path / BACKEND)
    for leftover in (_NEW, _OLD):
        shutil.rmtree(path / leftover, ignore_errors=True)
