"""``dutygraph sparql``: a read-only SPARQL query over the store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dutygraph import settings
from dutygraph.cli.options import store_option
from dutygraph.errors import InputError


@click.command()
@click.argument("query")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "turtle", "ntriples"]),
    help="SELECT: table (default), json or csv; CONSTRUCT/DESCRIBE: turtle (default) or ntriples.",
)
@click.option(
    "--timeout",
    default=settings.QUERY_TIMEOUT,
    show_default=True,
    help="Seconds before a query is stopped (0: no limit).",
)
def sparql(query: str, store_path: Path, fmt: str | None, timeout: float) -> None:
    """Run a SPARQL query: SELECT prints rows, ASK true or false, CONSTRUCT and DESCRIBE triples.

    Prefixes dg:, skos:, org:, prov:, dct: are predeclared. A pattern outside GRAPH reads the
    union of every graph in the store: each document (its current version), the shared graph of
    units, leaders and places, and the catalog's dg:storedIn/dg:sourceKey pointers; after a crash,
    until the next load sweeps them, also a failed load's leftovers (a warning says so).
    GRAPH ?g ranges over the documents and the shared graph only, named as exports name them.
    Updates (INSERT, DELETE, …) are refused: the store changes only through load and remove.

    \b
    Examples:
      dutygraph sparql 'SELECT ?name WHERE { ?u a dg:Unit ; skos:prefLabel ?name } LIMIT 5'
      dutygraph sparql 'ASK { ?t dg:leadUnit ?u }'
      dutygraph sparql 'CONSTRUCT WHERE { ?u a dg:Unit ; skos:prefLabel ?name }' --format ntriples
    """
    from dutygraph.report.tables import emit_rows
    from dutygraph.store.sparql import answer, query_form

    form = query_form(query)
    graph_form = form in ("CONSTRUCT", "DESCRIBE")
    if fmt is not None and form != "ASK" and graph_form != (fmt in ("turtle", "ntriples")):
        wanted = "turtle or ntriples" if graph_form else "table, json or csv"
        raise InputError(f"--format {fmt} does not print a {form} answer (choose {wanted})")
    result = answer(store_path, query, timeout=timeout, graph_format=fmt if graph_form and fmt else "turtle")
    if result.leftovers:
        click.echo(
            f"Warning: {result.leftovers} graph(s) left by an interrupted load are in the store; patterns "
            "outside GRAPH read them until the next dutygraph load or remove sweeps them",
            err=True,
        )
    if result.rows is not None:
        emit_rows(result.rows, fmt or "table")
    elif result.boolean is not None:
        click.echo("true" if result.boolean else "false")
    elif result.triples is not None:
        sys.stdout.buffer.write(result.triples)
