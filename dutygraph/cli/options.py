"""The options several commands share (the store, formats, the writer's wait, the analysis knobs)
and the progress bar of the commands that read many files."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dutygraph import settings
from dutygraph.errors import InputError

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def options_of(*options: Decorator) -> Decorator:
    """One decorator for ``options``, listed in ``--help`` in the order given."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


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
wait_option = click.option(
    "--wait", default=settings.WRITER_WAIT, show_default=True, help="Seconds to wait for another writer."
)
keep_going_option = click.option(
    "--keep-going",
    is_flag=True,
    help="Store the files that parse and name each one refused (exit 2), instead of storing nothing.",
)
aliases_option = click.option(
    "--aliases", type=click.Path(path_type=Path, dir_okay=False), help="Extra unit aliases (CSV or Turtle)."
)


def lang_option(help: str) -> Decorator:
    """``--lang zh|en``, the reader's language (Chinese by default)."""
    return click.option(
        "--lang",
        type=click.Choice(settings.LANGUAGES),
        default=settings.LANGUAGE,
        show_default=True,
        help=help,
    )


#: The analysis knobs shared by `report`, `run` and `viz` (defaults explained in docs/analysis.md).
analysis_options = options_of(
    click.option(
        "--lead-weight", default=settings.LEAD_WEIGHT, show_default=True, help="Load counted per led task."
    ),
    click.option(
        "--co-weight", default=settings.CO_WEIGHT, show_default=True, help="Load counted per assisted task."
    ),
    click.option(
        "--z-threshold",
        default=settings.Z_THRESHOLD,
        show_default=True,
        help="Robust z-score that flags a unit.",
    ),
    click.option("--method", type=click.Choice(settings.METHODS), default=settings.METHOD, show_default=True),
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
        "--seed", default=settings.SEED, show_default=True, help="Seed for clustering, sampling and layouts."
    ),
    click.option(
        "--scope",
        type=click.Choice(settings.SCOPES),
        default=settings.SCOPE,
        show_default=True,
        help="What one analysis covers: each jurisdiction's year (default), its years summed, or everything.",
    ),
)


def settings_from(knobs: dict[str, Any]) -> settings.Settings:
    """The :class:`~dutygraph.settings.Settings` of :data:`analysis_options`, taken out of ``knobs``."""
    return settings.Settings(
        lead_weight=knobs.pop("lead_weight"),
        co_weight=knobs.pop("co_weight"),
        z_threshold=knobs.pop("z_threshold"),
        method=knobs.pop("method"),
        weighting=knobs.pop("weighting"),
        resolution=knobs.pop("resolution"),
        seed=knobs.pop("seed"),
        scope=knobs.pop("scope"),
    )


_COUNTED = re.compile(r" \((\d+)/\d+\)$")


def report_refused(refused: list[InputError]) -> None:
    """One line on stderr per file ``--keep-going`` left out, then exit 2 (an input's fault) when
    there was any: what was stored stays stored."""
    for error in refused:
        click.echo(f"refused {error}", err=True)
    if refused:
        click.echo(f"{len(refused)} file(s) refused", err=True)
        sys.exit(2)


@contextmanager
def file_progress(files: int) -> Iterator[Callable[[str], None]]:
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
