"""Reading documents out of the store in a child process while the sync writes.

Reading is CPU work in Python; writing mostly waits on the server. A child process
(:mod:`dutygraph.neo4j._reader`) reads the documents the sync will write next, so the two overlap
on separate cores instead of taking turns on the GIL.
"""

from __future__ import annotations

import json
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import dutygraph
from dutygraph.errors import InternalError, StoreError
from dutygraph.neo4j import from_store
from dutygraph.neo4j.model import DocumentRows


def _package_root() -> Path:
    """The folder holding this ``dutygraph`` package: put on the child's ``PYTHONPATH`` so it
    imports the same code, installed or run from a checkout."""
    return Path(next(iter(dutygraph.__path__))).resolve().parent


#: Documents the reader may have ready ahead of the writer (each a few hundred kB in memory).
_READ_AHEAD = 8


def prefetch(store: Any, graphs: Sequence[str]) -> Iterator[DocumentRows | None]:
    """The documents' rows, read from the store by a child process while this one writes.

    Reading is CPU work in Python; writing mostly waits on the server. In a child process
    (``_reader``) the two overlap on separate cores. A thread here takes the child's output off the
    pipe and unpickles it (in the time this thread waits for the server), so the child is never
    held up by a full pipe. Stores without a path are read inline.
    """
    path = getattr(store, "path", None)
    if path is None:
        for graph in graphs:
            yield from_store.read_document(store, graph)
        return
    root = str(_package_root())  # this dutygraph, even when not installed
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


__all__ = ["prefetch"]
