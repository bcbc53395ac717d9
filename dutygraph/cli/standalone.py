"""The commands that need no store: ``parse`` one notice, print the ``vocabulary``."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
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


@click.command()
def vocabulary() -> None:
    """Print the vocabulary page (Markdown, generated from the ontology) — see docs/vocabulary.md.

    \b
    Example:
      dutygraph vocabulary > vocabulary.md
    """
    from dutygraph.ontology.vocabulary import vocabulary_markdown

    click.echo(vocabulary_markdown(), nl=False)
