"""The ``dutygraph`` command line: a thin shell over library functions.

Every command is one call into ``dutygraph.loaders`` / ``dutygraph.ontology`` / ``dutygraph.graph``,
so a notebook can do exactly what the CLI does. User errors (:class:`DutygraphError`) become one
line on stderr and exit status 2.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from dutygraph import __version__
from dutygraph.errors import DutygraphError


class _Group(click.Group):
    """A click group that turns :class:`DutygraphError` into a clean one-line exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DutygraphError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
def main() -> None:
    """Turn responsibility-breakdown notices into a knowledge graph of who does what.

    \b
    Start with the main job on the bundled sample:
      dutygraph run examples/huzhou-2019-key-tasks.txt --out report
    """
