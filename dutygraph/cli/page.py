"""``dutygraph viz``: the interactive network page of what the store holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dutygraph import settings
from dutygraph.cli.options import analysis_options, settings_from, store_option


@click.command()
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
        settings=settings_from(knobs),
        title=title,
    )
    click.echo(str(path))
