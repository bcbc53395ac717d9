"""The analysis commands: ``report`` prints one table, ``run`` (the main job) loads notices and writes
the whole report folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dutygraph import settings
from dutygraph.cli.options import (
    aliases_option,
    analysis_options,
    file_progress,
    format_option,
    keep_going_option,
    lang_option,
    output_option,
    report_refused,
    settings_from,
    store_option,
)


@click.command()
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
            settings=settings_from(knobs),
        )
    emit_rows(rows[:top] if top else rows, fmt, output, title=kind, lang=lang)
    if chart:
        from dutygraph.report.charts import write_trend_chart

        write_trend_chart(rows, chart, lang=lang)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out", "out", type=click.Path(path_type=Path, file_okay=False), default="report", show_default=True
)
@store_option
@click.option("--jurisdiction", help="Place the units belong to (default: from the issuer).")
@aliases_option
@click.option("--no-page", is_flag=True, help="Skip the interactive network page.")
@keep_going_option
@lang_option("Language of report.md.")
@analysis_options
def run(
    files: tuple[Path, ...],
    out: Path,
    store_path: Path,
    jurisdiction: str | None,
    aliases: Path | None,
    no_page: bool,
    keep_going: bool,
    lang: str,
    **knobs: Any,
) -> None:
    """The main job: load FILES (a folder: every file under it), then write report.md,
    report.json, CSVs, charts and network.html.

    \b
    Example:
      dutygraph run examples/huzhou-2019-key-tasks.txt --out report
    """
    from dutygraph.jobs import run_job
    from dutygraph.loaders import files_under

    paths = files_under(files)
    with file_progress(len(paths)) as advance:
        result = run_job(
            paths,
            out,
            store_path=store_path,
            jurisdiction=jurisdiction,
            aliases=aliases,
            settings=settings_from(knobs),
            page=not no_page,
            step=advance,
            lang=lang,
            keep_going=keep_going,
        )
    summary = result.analysis.summary()
    click.echo(
        f"{summary['tasks']} tasks, {summary['units']} units, {summary['flagged_units']} over-burdened, "
        f"{summary['clusters']} clusters → {out / 'report.md'}"
    )
    for path in result.written:
        click.echo(f"  {path}")
    report_refused(result.refused)
