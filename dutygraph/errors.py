"""The one exception type users see as a clean one-line error (exit code 2 from the CLI), and
how a file the user asked for is written: whole, or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class DutygraphError(Exception):
    """A problem with the user's input or environment, explained in one line.

    The CLI prints ``str(error)`` on stderr and exits with status 2 — never a traceback.
    Messages must never contain secrets (e.g. a Neo4j password).
    """


@contextmanager
def whole_file(target: Path) -> Iterator[Path]:
    """A partial file to write ``target``'s content into; it replaces ``target`` only when the
    block ends without error, and is removed otherwise — a full disk leaves no half-written file
    and an older ``target`` as it was. An OS error becomes one :class:`DutygraphError` line."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        yield partial
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DutygraphError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
