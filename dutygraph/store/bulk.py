"""The fast path into the backend: one Oxigraph bulk load fed batch by batch through a pipe.

The bulk loader is not transactional; it is safe because it writes only version graphs the
catalog does not point at yet (see :mod:`.store`).
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor, wait
from types import TracebackType

import pyoxigraph as ox


class BulkWriter:
    """One Oxigraph bulk load for a whole ``load``, fed batch by batch through a pipe.

    Oxigraph's bulk loader parses on one thread while others sort and write what it parsed
    (RocksDB files of ~1 M quads); each separate call pays that start-up and, as the store
    grows, more compaction (ten calls of 470,000 quads took 1.6× one call of all of them). So
    one call reads N-Quads from a pipe on a thread of its own, another thread pushes each
    batch's bytes into the pipe, and both release the GIL: the caller maps the next batch in
    Python meanwhile. At most one batch waits in memory. Leaving the ``with`` block closes the
    pipe and waits for the load to finish (its error is raised then, unless another one is
    already on its way out).
    """

    def __init__(self, oxigraph: ox.Store) -> None:
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dutygraph-bulk-load")
        read_end, self._pipe = os.pipe()
        self._load = self._threads.submit(_bulk_load_from, oxigraph, read_end)
        self._pending: Future[None] | None = None

    def write(self, nquads: str) -> None:
        """Start pushing ``nquads`` once the previous batch is in."""
        self._wait_pending()
        self._pending = self._threads.submit(_write_all, self._pipe, nquads.encode())

    def _wait_pending(self) -> None:
        if self._pending is None:
            return
        try:
            self._pending.result()
        except BrokenPipeError:
            self._load.result()  # the load stopped reading: its own error says why
            raise

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self._wait_pending()
        finally:
            if self._pending is not None:
                wait([self._pending])  # still writing: let it finish before the pipe closes
            os.close(self._pipe)  # end of input: the load ends too
            self._threads.shutdown(wait=True)
        if exc_type is None:
            self._load.result()


def _bulk_load_from(oxigraph: ox.Store, read_end: int) -> None:
    try:
        oxigraph.bulk_load(path=f"/dev/fd/{read_end}", format=ox.RdfFormat.N_QUADS)
    finally:
        os.close(read_end)  # a writer still pushing gets BrokenPipeError instead of waiting forever


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
