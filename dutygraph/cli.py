"""The ``dutygraph`` command line: a thin shell over library functions.

Every command is one call into the library (``dutygraph.jobs``, ``store``, ``graph``, ``viz``, ``neo4j``),
so a notebook can do exactly what the CLI does. Errors (:mod:`dutygraph.errors`) become one line on
stderr and the exit status :data:`EXIT_CODES` gives their class, here and nowhere else.
"""

from __future__ import annotations

import errno
import logging
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dutygraph import __version__, settings
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


# --------------------------------------------------------------------------- shared options
store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="DUTYGRAPH_STORE",
    default=settings.STORE,
    show_default=True,
    help="Store directory (or $DUTYGRAPH_STORE).",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(settings.FORMATS),
    default=settings.FORMAT,
    show_default=True,
)
output_option = click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE."
)


_COUNTED = re.compile(r" \((\d+)/\d+\)$")


def lang_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--lang zh|en``, the reader's language (Chinese by default)."""
    return click.option(
        "--lang",
        type=click.Choice(settings.LANGUAGES),
        default=settings.LANGUAGE,
        show_default=True,
        help=help,
    )


@contextmanager
def _file_progress(files: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr: one tick per file parsed ("read PATH"), a message ending in
    "(I/N)" moves the bar to I, any other message names the phase now running.

    Transient, and silent when stderr is not a terminal, so pipes and tests see only results.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal:  # nothing at all, not even the blank line a finished bar leaves
        yield lambda message: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("reading", total=files)

        def advance(message: str) -> None:
            counted = _COUNTED.search(message)
            if message.startswith("read "):
                progress.update(task, advance=1, description=f"parsing {Path(message[5:]).name}")
            elif counted:
                progress.update(task, completed=int(counted[1]), description=message[: counted.start()])
            else:
                progress.update(task, description=message)

        yield advance


# --------------------------------------------------------------------------- the store
@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--jurisdiction", help="Place the units belong to (default: from the issuer, e.g. 湖州市).")
@click.option(
    "--aliases", type=click.Path(path_type=Path, dir_okay=False), help="Extra unit aliases (CSV or Turtle)."
)
@click.option(
    "--wait", default=settings.WRITER_WAIT, show_default=True, help="Seconds to wait for another writer."
)
def load(
    files: tuple[Path, ...], store_path: Path, jurisdiction: str | None, aliases: Path | None, wait: float
) -> None:
    """Parse FILES and store them (all or nothing); loading a changed document again replaces it.

    A file whose bytes, options and dutygraph version match what the store holds is skipped
    without being parsed ("unchanged").

    \b
    Example:
      dutygraph load examples/huzhou-2019-key-tasks.txt
    """
    from dutygraph.store.ingest import load_files
    from dutygraph.store.store import Store

    with Store.open(store_path, write=True, wait=wait) as store, _file_progress(len(files)) as advance:
        results = load_files(store, list(files), jurisdiction=jurisdiction, aliases=aliases, progress=advance)
        count = store.document_count()
    for result in results:
        if result.unchanged:
            click.echo(f"unchanged {result.doc_id}")
        else:
            verb = "replaced" if result.replaced else "loaded"
            click.echo(f"{verb} {result.doc_id}: {result.triples} triples")
    click.echo(f"store {store_path}: {count} document(s)")


@main.command()
@store_option
@format_option
@output_option
def docs(store_path: Path, fmt: str, output: Path | None) -> None:
    """List the loaded documents (id, title, issuer, date, tasks, warnings).

    \b
    Example:
      dutygraph docs --format csv -o documents.csv
    """
    from dataclasses import asdict

    from dutygraph.report.tables import emit_rows
    from dutygraph.store.store import Store

    with Store.open(store_path) as store:
        rows = [asdict(d) for d in store.documents()]
    emit_rows(rows, fmt, output, title="Documents")


@main.command()
@click.argument("doc_id")
@store_option
@click.option(
    "--wait", default=settings.WRITER_WAIT, show_default=True, help="Seconds to wait for another writer."
)
def remove(doc_id: str, store_path: Path, wait: float) -> None:
    """Remove document DOC_ID (see `dutygraph docs`) and whatever only it referenced.

    \b
    Example:
      dutygraph remove 湖政办发-2019-9
    """
    from dutygraph.store.store import Store

    with Store.open(store_path, write=True, wait=wait) as store:
        if not store.remove(doc_id):
            raise InputError(f"no document {doc_id!r} in {store_path} (see: dutygraph docs)")
    click.echo(f"removed {doc_id}")


@main.command(name="export")
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nquads", "jsonld", "neo4j-import"]),
    default="trig",
    show_default=True,
    help="An RDF format, or neo4j-import: CSV files for neo4j-admin database import into DIRECTORY.",
)
@output_option
def export_graph(store_path: Path, directory: Path | None, fmt: str, output: Path | None) -> None:
    """Export the whole graph as RDF (turtle merges the per-document graphs), or as the CSV files
    of Neo4j's offline importer (for stores too large to sync quickly; README in DIRECTORY).

    \b
    Examples:
      dutygraph export --format jsonld -o graph.jsonld
      dutygraph export --format neo4j-import neo4j-import/
    """
    from dutygraph.store.store import Store

    if (fmt == "neo4j-import") != (directory is not None) or (directory is not None and output):
        raise click.UsageError("DIRECTORY goes with --format neo4j-import (and -o with the RDF formats)")
    with Store.open(store_path) as store:
        if directory is not None:
            from dutygraph.neo4j.bulk import write_import_files

            click.echo(write_import_files(store, directory).render())
        elif output is None:
            store.export(sys.stdout.buffer, fmt)
        else:
            store.export(output, fmt)


@main.command()
@store_option
def validate(store_path: Path) -> None:
    """Check the graph against the SHACL shapes, one document at a time; exit 1 on errors.

    Each result names its document and task ("shared graph" for units, leaders and places).

    \b
    Example:
      dutygraph validate --store dutygraph-store
    """
    from dutygraph.store.store import Store
    from dutygraph.store.validate import validate_store

    with Store.open(store_path) as store, _file_progress(store.document_count()) as advance:
        results = validate_store(store, progress=advance)
    errors = [r for r in results if r.severity == "Violation"]
    for r in results:
        where = (
            f"{r.document} task {r.task}: "
            if r.task
            else f"{r.document}: "
            if r.document
            else "shared graph: "
        )
        click.echo(f"{r.severity}: {where}{r.focus} {r.path or ''} — {r.message}")
    click.echo(f"{len(errors)} error(s), {len(results) - len(errors)} warning(s)")
    if errors:
        sys.exit(1)


@main.command()
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


# --------------------------------------------------------------------------- keeping the store safe
@main.group(name="store")
def store_group() -> None:
    """Size, check, back up or rebuild a store (see docs/reliability.md).

    \b
    Example:
      dutygraph store status && dutygraph store check && dutygraph store backup backups/2026-12-02
    """


@store_group.command("status")
@store_option
def store_status(store_path: Path) -> None:
    """Say how many documents the store holds, its size on disk and what a write would reclaim.

    \b
    Example:
      dutygraph store status --store dutygraph-store
    """
    from dutygraph.store.maintenance import status_of

    click.echo(status_of(store_path).describe(store_path))


@store_group.command("check")
@store_option
@click.option("--wait", default=30.0, show_default=True, help="Seconds to wait for another writer.")
def store_check(store_path: Path, wait: float) -> None:
    """Read the whole store back (every quad, every digest, every table file's recorded sum).

    Exit 2 with one line naming the damage when something is wrong; nothing is written.

    \b
    Example:
      dutygraph store check --store dutygraph-store
    """
    from dutygraph.store.maintenance import check_store

    click.echo(check_store(store_path, wait=wait).describe(store_path))


@store_group.command("backup")
@click.argument("target", type=click.Path(path_type=Path, file_okay=False))
@store_option
@click.option("--wait", default=30.0, show_default=True, help="Seconds to wait for another writer.")
def store_backup(target: Path, store_path: Path, wait: float) -> None:
    """Check the store, then copy it into the new folder TARGET (itself a store: use it with --store).

    \b
    Example:
      dutygraph store backup backups/dutygraph-store-2026-12-02
    """
    from dutygraph.store.maintenance import backup_store

    result = backup_store(store_path, target, wait=wait)
    click.echo(f"backed up {store_path} to {target}: {result.documents} document(s)")


@store_group.command("rebuild")
@store_option
@click.option("--wait", default=30.0, show_default=True, help="Seconds to wait for another writer.")
def store_rebuild(store_path: Path, wait: float) -> None:
    """Load every source file the store recorded again into a new store and put it in its place.

    The old store is kept beside it (``DIR.before-rebuild-TIME``), never deleted.

    \b
    Example:
      dutygraph store rebuild --store dutygraph-store
    """
    from dutygraph.store.maintenance import rebuild_store

    with _file_progress(0) as advance:
        result = rebuild_store(store_path, wait=wait, progress=advance)
    click.echo(
        f"rebuilt {store_path}: {result.documents} document(s); the old store is kept at {result.kept}"
    )


# --------------------------------------------------------------------------- analysis
def analysis_options(command: Any) -> Any:
    """The analysis knobs shared by `report` and `run` (defaults explained in the README)."""
    options = [
        click.option(
            "--lead-weight",
            default=settings.LEAD_WEIGHT,
            show_default=True,
            help="Load counted per led task.",
        ),
        click.option(
            "--co-weight",
            default=settings.CO_WEIGHT,
            show_default=True,
            help="Load counted per assisted task.",
        ),
        click.option(
            "--z-threshold",
            default=settings.Z_THRESHOLD,
            show_default=True,
            help="Robust z-score that flags a unit.",
        ),
        click.option(
            "--method", type=click.Choice(settings.METHODS), default=settings.METHOD, show_default=True
        ),
        click.option(
            "--weighting",
            type=click.Choice(settings.WEIGHTINGS),
            default=settings.WEIGHTING,
            show_default=True,
            help="Collaboration weights: shared tasks, or Newman's Σ 1/(n−1).",
        ),
        click.option(
            "--resolution", default=settings.RESOLUTION, show_default=True, help="Clustering resolution."
        ),
        click.option(
            "--seed",
            default=settings.SEED,
            show_default=True,
            help="Seed for clustering, sampling and layouts.",
        ),
        click.option(
            "--scope",
            type=click.Choice(settings.SCOPES),
            default=settings.SCOPE,
            show_default=True,
            help="What one analysis covers: each jurisdiction's year (default), its years summed, or everything.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(kwargs: dict[str, Any]) -> settings.Settings:
    return settings.Settings(
        lead_weight=kwargs.pop("lead_weight"),
        co_weight=kwargs.pop("co_weight"),
        z_threshold=kwargs.pop("z_threshold"),
        method=kwargs.pop("method"),
        weighting=kwargs.pop("weighting"),
        resolution=kwargs.pop("resolution"),
        seed=kwargs.pop("seed"),
        scope=kwargs.pop("scope"),
    )


@main.command()
@click.argument("kind", type=click.Choice(settings.REPORT_KINDS))
@store_option
@click.option("--doc", "docs", multiple=True, help="Only this document id (repeatable).")
@click.option("--jurisdiction", help="Only this jurisdiction, e.g. 湖州市 (trend, changes: required).")
@click.option("--unit", help="trend: the unit followed over the years, e.g. 市发展改革委.")
@click.option("--function", "function", help="compare: the function compared, e.g. 发展改革委.")
@click.option("--top", type=int, help="Only the first N rows.")
@format_option
@output_option
@lang_option("Language of the headings of --format table and markdown (csv, json, xlsx keep the keys).")
@click.option(
    "--chart",
    type=click.Path(path_type=Path, dir_okay=False),
    help="trend: also draw the unit's years as a line chart (FILE.png or FILE.svg).",
)
@analysis_options
def report(
    kind: str,
    store_path: Path,
    docs: tuple[str, ...],
    jurisdiction: str | None,
    unit: str | None,
    function: str | None,
    top: int | None,
    fmt: str,
    output: Path | None,
    lang: str,
    chart: Path | None,
    **knobs: Any,
) -> None:
    """Print one analysis table; every measure is computed per jurisdiction and year.

    \b
    workload, overload, centrality, clusters, leaders: the measures, a row per unit and year;
    tasks: one row per task × unit × role; pairs: units sharing tasks (Jaccard);
    scopes: one row per jurisdiction-year (Gini, HHI); flags: flagged in N of M years;
    trend: one unit year by year; changes: what changed between years; compare: one function
    (each city's 发展改革委) across jurisdictions.

    \b
    Examples:
      dutygraph report workload --top 10
      dutygraph report tasks --format xlsx -o tasks.xlsx
      dutygraph report trend --unit 市发展改革委 --jurisdiction 湖州市 --chart trend.png
      dutygraph report compare --function 发展改革委 --format csv
    """
    from dutygraph.jobs import report_rows
    from dutygraph.report.tables import emit_rows
    from dutygraph.store.store import Store

    if chart and kind != "trend":
        raise click.UsageError("--chart goes with report trend")

    with Store.open(store_path) as store:
        rows = report_rows(
            store,
            kind,
            docs=list(docs) or None,
            jurisdiction=jurisdiction,
            unit=unit,
            function=function,
            settings=_settings(knobs),
        )
    emit_rows(rows[:top] if top else rows, fmt, output, title=kind, lang=lang)
    if chart:
        from dutygraph.report.charts import write_trend_chart

        write_trend_chart(rows, chart, lang=lang)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out", "out", type=click.Path(path_type=Path, file_okay=False), default="report", show_default=True
)
@store_option
@click.option("--jurisdiction", help="Place the units belong to (default: from the issuer).")
@click.option(
    "--aliases", type=click.Path(path_type=Path, dir_okay=False), help="Extra unit aliases (CSV or Turtle)."
)
@click.option("--no-page", is_flag=True, help="Skip the interactive network page.")
@lang_option("Language of report.md.")
@analysis_options
def run(
    files: tuple[Path, ...],
    out: Path,
    store_path: Path,
    jurisdiction: str | None,
    aliases: Path | None,
    no_page: bool,
    lang: str,
    **knobs: Any,
) -> None:
    """The main job: load FILES, then write report.md, report.json, CSVs, charts and network.html.

    \b
    Example:
      dutygraph run examples/huzhou-2019-key-tasks.txt --out report
    """
    from dutygraph.jobs import run_job

    with _file_progress(len(files)) as advance:
        result = run_job(
            list(files),
            out,
            store_path=store_path,
            jurisdiction=jurisdiction,
            aliases=aliases,
            settings=_settings(knobs),
            page=not no_page,
            step=advance,
            lang=lang,
        )
    summary = result.analysis.summary()
    click.echo(
        f"{summary['tasks']} tasks, {summary['units']} units, {summary['flagged_units']} over-burdened, "
        f"{summary['clusters']} clusters → {out / 'report.md'}"
    )
    for path in result.written:
        click.echo(f"  {path}")


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default="network.html",
    show_default=True,
)
@click.option("--view", type=click.Choice(settings.VIEWS), default=settings.VIEW, show_default=True)
@click.option("--doc", "docs", multiple=True, help="Only this document id (repeatable).")
@click.option("--jurisdiction", help="Only this jurisdiction, e.g. 湖州市.")
@click.option("--title", help="Page title (default: the documents drawn).")
@store_option
@analysis_options
def viz(
    output: Path,
    view: str,
    docs: tuple[str, ...],
    jurisdiction: str | None,
    title: str | None,
    store_path: Path,
    **knobs: Any,
) -> None:
    """Write the interactive network page: one HTML file that works offline.

    \b
    Examples:
      dutygraph viz -o network.html
      dutygraph viz -o leaders.html --view leaders --jurisdiction 湖州市
    """
    from dutygraph.jobs import write_store_page

    path = write_store_page(
        output,
        store_path=store_path,
        view=view,
        docs=docs,
        jurisdiction=jurisdiction,
        settings=_settings(knobs),
        title=title,
    )
    click.echo(str(path))


# --------------------------------------------------------------------------- Neo4j
def _neo4j_options(func: Any) -> Any:
    """--uri/--user/--database, defaulting to $NEO4J_URI/… and then to the local server."""
    for option in reversed(
        [
            click.option(
                "--uri", envvar="NEO4J_URI", help="bolt://, neo4j:// or neo4j+s:// (Aura) [$NEO4J_URI]."
            ),
            click.option(
                "--user", envvar="NEO4J_USERNAME", help="User name [$NEO4J_USERNAME; default neo4j]."
            ),
            click.option(
                "--database", envvar="NEO4J_DATABASE", help="Database [$NEO4J_DATABASE; server default]."
            ),
        ]
    ):
        func = option(func)
    return func


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


@main.group()
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


@main.command()
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


@main.command()
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


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True, exists=False))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
def parse(file: Path, fmt: str) -> None:
    """Read one notice (.txt/.html/.docx/.xlsx/.csv/.pdf) and print its tasks.

    \b
    --format json prints exactly the shape of tests/data/loaders/parse.schema.json.

    \b
    Example:
      dutygraph parse examples/dazhu_2016.txt --format json
    """
    from dutygraph.loaders import parse_file
    from dutygraph.loaders.show import print_table, to_json_text
    from dutygraph.report.tables import for_terminal

    doc = parse_file(file)
    if fmt == "json":
        click.echo(to_json_text(doc))
    else:
        print_table(for_terminal(doc))


@main.command()
def vocabulary() -> None:
    """Print the vocabulary page (Markdown, generated from the ontology) — see docs/vocabulary.md.

    \b
    Example:
      dutygraph vocabulary > vocabulary.md
    """
    from dutygraph.ontology.vocabulary import vocabulary_markdown

    click.echo(vocabulary_markdown(), nl=False)
