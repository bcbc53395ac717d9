"""The property-graph commands: a local Bolt server (``server start|stop|status``), ``sync`` the
store into it (or into Neo4j), and ``cypher`` queries against what was synced."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

from dutygraph import settings
from dutygraph.cli.options import options_of, store_option
from dutygraph.errors import InputError

#: --uri/--user/--database, defaulting to $NEO4J_URI/… and then to the local server.
_neo4j_options = options_of(
    click.option("--uri", envvar="NEO4J_URI", help="bolt://, neo4j:// or neo4j+s:// (Aura) [$NEO4J_URI]."),
    click.option("--user", envvar="NEO4J_USERNAME", help="User name [$NEO4J_USERNAME; default neo4j]."),
    click.option("--database", envvar="NEO4J_DATABASE", help="Database [$NEO4J_DATABASE; server default]."),
)


def _connection(uri: str | None, user: str | None, database: str | None, store_path: Path) -> Any:
    """Settings from options/env/local server; the password from $NEO4J_PASSWORD or, on a terminal
    only, a hidden prompt (without one, getpass would warn that the input "may be echoed").

    The driver logs notifications and routing failures through the ``neo4j`` logger; with no
    handler Python prints them on stderr beside our one-line error, so they are dropped here."""
    from dutygraph.neo4j.connection import resolve

    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    interactive = sys.stdin is not None and sys.stdin.isatty()
    return resolve(
        uri,
        user,
        database,
        store=store_path,
        prompt=(lambda text: click.prompt(text, hide_input=True)) if interactive else None,
    )


@click.group()
def server() -> None:
    """A local Bolt server (ArcadeDB, `pip install dutygraph[server]`) for users without Neo4j.

    \b
    Example:
      dutygraph server start && dutygraph sync && dutygraph cypher --named top-loads
    """


@server.command("start")
@store_option
@click.option("--bolt-port", type=int, help="Bolt port (default: a free one).")
@click.option("--http-port", type=int, help="HTTP port (default: a free one).")
def server_start(store_path: Path, bolt_port: int | None, http_port: int | None) -> None:
    """Start the store's local server on 127.0.0.1 (password generated, kept in the store, mode 600).

    \b
    Example:
      dutygraph server start --store dutygraph-store
    """
    from dutygraph.neo4j.server import start

    click.echo(start(store_path, bolt_port=bolt_port, http_port=http_port).describe())


@server.command("stop")
@store_option
def server_stop(store_path: Path) -> None:
    """Stop the store's local server.

    \b
    Example:
      dutygraph server stop
    """
    from dutygraph.neo4j.server import stop

    click.echo("stopped" if stop(store_path) else "not running")


@server.command("status")
@store_option
def server_status(store_path: Path) -> None:
    """Is the store's local server running, and where? (exit 1 when not).

    \b
    Example:
      dutygraph server status || dutygraph server start
    """
    from dutygraph.neo4j.server import status

    info = status(store_path)
    click.echo(info.describe() if info else "not running")
    sys.exit(0 if info else 1)


@click.command()
@store_option
@_neo4j_options
@click.option("--batch-size", default=settings.BATCH_SIZE, show_default=True, help="Rows per UNWIND batch.")
@click.option("--prune", is_flag=True, help="Delete documents, units and leaders the store no longer has.")
@click.option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@click.option("--no-analysis", is_flag=True, help="Do not write analysis results onto units.")
def sync(
    store_path: Path,
    uri: str | None,
    user: str | None,
    database: str | None,
    batch_size: int,
    prune: bool,
    dry_run: bool,
    no_analysis: bool,
) -> None:
    """Make Neo4j a copy of the store: one transaction per document, only what changed.

    \b
    Examples:
      dutygraph server start && dutygraph sync
      NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… dutygraph sync --prune
    """
    from dutygraph.neo4j.sync import sync_store

    sync_store(
        store_path,
        _connection(uri, user, database, store_path),
        batch_size=batch_size,
        prune=prune,
        dry_run=dry_run,
        analysis=not no_analysis,
        echo=click.echo,
    )


@click.command()
@click.argument("query", required=False)
@store_option
@_neo4j_options
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--named", metavar="NAME", help="Run a shipped query (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and their parameters.")
def cypher(
    query: str | None,
    store_path: Path,
    uri: str | None,
    user: str | None,
    database: str | None,
    params: tuple[str, ...],
    fmt: str,
    named: str | None,
    list_queries: bool,
) -> None:
    """Run Cypher against the synced graph (parameters only travel as parameters).

    \b
    Examples:
      dutygraph cypher --list
      dutygraph cypher --named top-loads --param limit=10
      dutygraph cypher "MATCH (u:Unit) WHERE u.name = $name RETURN u" --param name=市建设局
    """
    from dutygraph.neo4j import cypher as analyst

    if list_queries:
        click.echo(analyst.list_text())
        return
    if bool(query) == bool(named):
        raise InputError("give either a QUERY or --named NAME (see --list)")
    conn = _connection(uri, user, database, store_path)
    click.echo(analyst.render(analyst.execute(conn, query, named, params), fmt))
