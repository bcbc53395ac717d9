"""The ``dutygraph`` group: every command added to it, and errors mapped to exit codes (here only).

A :class:`~dutygraph.errors.DutygraphError` (or a disk or backend failure met on the way) becomes
one line on stderr and the exit status :data:`EXIT_CODES` gives its class.
"""

from __future__ import annotations

import errno
import sys
from typing import Any

import click

from dutygraph import __version__
from dutygraph.cli import neo4j, page, report, sparql, standalone, store
from dutygraph.errors import DutygraphError, InputError, InternalError, ServerError, StoreError
from dutygraph.report.tables import visible

#: Exit status by error class, most specific first, so a script can tell whose move it is without
#: reading the message: 2 the input (a file, an option, a query; click's own usage errors exit 2
#: too), 3 the store (missing, busy, damaged), 4 a Bolt server (unreachable, refusing, failing a
#: write), 70 (EX_SOFTWARE) a fault of dutygraph's. Exit 1 stays the "answer is no" of ``validate``
#: and ``server status``.
EXIT_CODES: tuple[tuple[type[DutygraphError], int], ...] = (
    (InternalError, 70),
    (InputError, 2),
    (StoreError, 3),
    (ServerError, 4),
    (DutygraphError, 2),
)


def exit_code(error: DutygraphError) -> int:
    """The exit status for ``error``: that of the first class in :data:`EXIT_CODES` it is one of."""
    return next(code for cls, code in EXIT_CODES if isinstance(error, cls))


class _Group(click.Group):
    """A click group that turns a :class:`DutygraphError` into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DutygraphError as caught:
            error = caught
        except OSError as caught:  # the disk or its permissions: a full disk, a read-only folder
            where = f"{caught.filename}: " if caught.filename else ""
            # Files asked for are written through errors.whole_file; a full or read-only disk that
            # reaches this far was met writing the store (or its server's folder).
            kind = StoreError if caught.errno in _DISK_REFUSED else InputError
            error = kind(f"{where}{caught.strerror or caught}")
        except RuntimeError as caught:
            if not _backend_failure(caught):
                raise
            error = StoreError(f"the store's backend failed: {str(caught).splitlines()[0][:300]}")
        message = str(error)
        if isinstance(error, InternalError):
            message += " (a fault of dutygraph's: please report it)"
        click.echo(f"Error: {visible(' '.join(message.split()))}", err=True)
        sys.exit(exit_code(error))


_DISK_REFUSED = frozenset({errno.ENOSPC, errno.EROFS, errno.EDQUOT})


def _backend_failure(error: RuntimeError) -> bool:
    """Whether ``error`` is RocksDB's (through Oxigraph) reporting damaged files mid-command."""
    return str(error).startswith(("Corruption", "IO error"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
def main() -> None:
    """Turn responsibility-breakdown notices into a knowledge graph of who does what.

    \b
    Start with the main job on the bundled sample:
      dutygraph run examples/huzhou-2019-key-tasks.txt --out report
    """


for command in (
    store.load,
    store.docs,
    store.remove,
    store.export_graph,
    store.validate,
    store.store_group,
    sparql.sparql,
    report.report,
    report.run,
    page.viz,
    neo4j.server,
    neo4j.sync,
    neo4j.cypher,
    standalone.parse,
    standalone.vocabulary,
):
    main.add_command(command)
