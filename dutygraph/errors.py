"""The errors users see as one clean line, by whose move it is to fix them, and how a file the user
asked for is written: whole, or not at all.

Every error dutygraph raises on purpose is a :class:`DutygraphError`; the subclass says what went
wrong, so a program can tell a typo from a busy store or an unreachable server, and the CLI maps
each class to its exit status once (``EXIT_CODES`` in ``cli/shell.py``). Messages never contain secrets (a Neo4j
password) and always say what to do next.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class DutygraphError(Exception):
    """A problem explained in one line; the CLI prints ``str(error)`` and exits, no traceback."""


class InputError(DutygraphError):
    """The user's input cannot be used: a file, an option, a document id, a query or an alias table."""


class StoreError(DutygraphError):
    """The store cannot be used as asked: missing, busy, damaged, of another format, or read-only."""


class ServerError(DutygraphError):
    """A Bolt server (Neo4j, Aura, the local one) cannot be reached, refuses us or fails a write."""


class InternalError(DutygraphError):
    """Something dutygraph itself got wrong (a broken installation or an invariant): please report it."""


@contextmanager
def whole_file(target: Path) -> Iterator[Path]:
    """A partial file to write ``target``'s content into; it replaces ``target`` only when the
    block ends without error, and is removed otherwise — a full disk leaves no half-written file
    and an older ``target`` as it was. An OS error becomes one :class:`InputError` line."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        yield partial
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
