"""The store's commands: load notices into it, list, remove, export and validate what it holds, and
keep it safe (``dutygraph store status|check|backup|rebuild``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dutygraph.cli.options import (
    aliases_option,
    file_progress,
    format_option,
    keep_going_option,
    output_option,
    report_refused,
    store_option,
    wait_option,
)
from dutygraph.errors import InputError


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--jurisdiction", help="Place the units belong to (default: from the issuer, e.g. 湖州市).")
@aliases_option
@wait_option
@keep_going_option
def load(
    files: tuple[Path, ...],
    store_path: Path,
    jurisdiction: str | None,
    aliases: Path | None,
    wait: float,
    keep_going: bool,
) -> None:
    """Parse FILES (a folder: every file under it) and store them (all or nothing); loading a
    changed document again replaces it.

    A file whose bytes, options and dutygraph version match what the store holds is skipped
    without being parsed ("unchanged").

    \b
    Example:
      dutygraph load examples/huzhou-2019-key-tasks.txt
      dutygraph load --keep-going notices/
    """
    from dutygraph.loaders import files_under
    from dutygraph.store.ingest import load_files
    from dutygraph.store.store import Store

    paths = files_under(files)
    refused: list[InputError] = []
    with Store.open(store_path, write=True, wait=wait) as store, file_progress(len(paths)) as advance:
        results = load_files(
            store,
            paths,
            jurisdiction=jurisdiction,
            aliases=aliases,
            progress=advance,
            refused=refused if keep_going else None,
        )
        count = store.document_count()
        store.compact(progress=advance)
    for result in results:
        if result.unchanged:
            click.echo(f"unchanged {result.doc_id}")
        else:
            verb = "replaced" if result.replaced else "loaded"
            click.echo(f"{verb} {result.doc_id}: {result.triples} triples")
    click.echo(f"store {store_path}: {count} document(s)")
    report_refused(refused)


@click.command()
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


@click.command()
@click.argument("doc_id")
@store_option
@wait_option
def remove(doc_id: str, store_path: Path, wait: float) -> None:
    """Remove document DOC_ID (see `dutygraph docs`) and whatever only it referenced.

    \b
    Example:
      dutygraph remove 湖政办发-2019-9
    """
    from dutygraph.store.store import Store

    with Store.open(store_path, write=True, wait=wait) as store, file_progress(1) as advance:
        if not store.remove(doc_id):
            raise InputError(f"no document {doc_id!r} in {store_path} (see: dutygraph docs)")
        store.compact(progress=advance)
    click.echo(f"removed {doc_id}")


@click.command(name="export")
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


@click.command()
@store_option
def validate(store_path: Path) -> None:
    """Check the graph against the SHACL shapes, one document at a time; exit 1 on errors.

    Each result names its document and task ("shared graph" for units, leaders and places).

    \b
    Example:
      dutygraph validate --store dutygraph-store
    """
    from dutygraph.ontology.namespaces import prefixed
    from dutygraph.store.store import Store
    from dutygraph.store.validate import validate_store

    with Store.open(store_path) as store, file_progress(store.document_count()) as advance:
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
        value = f" (value {r.value})" if r.value is not None else ""
        path = f" {prefixed(r.path)}" if r.path else ""
        click.echo(f"{r.severity}: {where}{r.focus}{path} — {r.message}{value}")
    click.echo(f"{len(errors)} error(s), {len(results) - len(errors)} warning(s)")
    if errors:
        sys.exit(1)


@click.group(name="store")
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
@wait_option
def store_check(store_path: Path, wait: float) -> None:
    """Read the whole store back (every quad, every digest, every table file's recorded sum).

    Exit 3 with one line naming the damage when something is wrong; nothing is written.

    \b
    Example:
      dutygraph store check --store dutygraph-store
    """
    from dutygraph.store.maintenance import check_store

    click.echo(check_store(store_path, wait=wait).describe(store_path))


@store_group.command("backup")
@click.argument("target", type=click.Path(path_type=Path, file_okay=False))
@store_option
@wait_option
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
@wait_option
def store_rebuild(store_path: Path, wait: float) -> None:
    """Load every source file the store recorded again into a new store and put it in its place.

    The old store is kept beside it (``DIR.before-rebuild-TIME``), never deleted.

    \b
    Example:
      dutygraph store rebuild --store dutygraph-store
    """
    from dutygraph.store.maintenance import rebuild_store

    with file_progress(0) as advance:
        result = rebuild_store(store_path, wait=wait, progress=advance)
    click.echo(
        f"rebuilt {store_path}: {result.documents} document(s); the old store is kept at {result.kept}"
    )
