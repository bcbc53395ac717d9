"""Years as lines: a jurisdiction's heaviest units over its years, or one unit's ``report trend``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from dutygraph.errors import InputError
from dutygraph.graph.analysis import Analysis
from dutygraph.report.charts.common import save
from dutygraph.report.charts.font import chart_fonts
from dutygraph.report.wording import in_language as _t
from dutygraph.settings import LANGUAGE

#: A jurisdiction's trend chart follows its latest year's heaviest units, this many.
TREND_LINES = 6


@dataclass(frozen=True)
class Line:
    label: str
    values: tuple[float | None, ...]  # one per year; None: absent that year (a gap in the line)


@dataclass(frozen=True)
class LineChart:
    title: str
    years: tuple[str, ...]
    lines: tuple[Line, ...]
    ylabel: str
    xlabel: str


def jurisdiction_trend(
    analysis: Analysis, jurisdiction: str, *, lines: int = TREND_LINES, lang: str = LANGUAGE
) -> LineChart:
    """One jurisdiction's heaviest units (of its latest year) across its years, as lines: the load
    each year, a gap where a unit is absent that year."""
    parts = analysis.parts_of(jurisdiction)
    chosen = [r for r in parts[-1].loads if not r.is_group][:lines]
    drawn = tuple(
        Line(row.unit, tuple(p.load_of(row.iri).load if row.iri in p.snapshot.units else None for p in parts))
        for row in chosen
    )
    s = analysis.settings
    return LineChart(
        _t(
            lang,
            f"{jurisdiction}：工作量最重的单位逐年变化",
            f"{jurisdiction}: the heaviest units over the years",
        ),
        tuple(p.scope.span for p in parts),
        drawn,
        _t(
            lang,
            f"工作量（牵头 × {s.lead_weight:g} + 配合 × {s.co_weight:g}）",
            f"load (led × {s.lead_weight:g} + assisted × {s.co_weight:g})",
        ),
        _t(lang, "年份", "year"),
    )


def unit_trend(rows: Sequence[dict[str, Any]], *, lang: str = LANGUAGE) -> LineChart:
    """The rows of ``report trend`` (one unit, year by year) as lines: load, tasks led, tasks
    assisted. An absent year is drawn at 0 — the unit had no task that year."""
    if not rows:
        raise InputError("no year to draw: the trend has no rows")
    first = rows[0]
    measures = (("load", "工作量", "load"), ("lead", "牵头", "led"), ("co", "配合", "assisted"))
    drawn = tuple(
        Line(_t(lang, zh, en), tuple(float(r.get(name) or 0.0) for r in rows)) for name, zh, en in measures
    )
    title = _t(
        lang,
        f"{first['unit']}（{first['jurisdiction']}）逐年任务",
        f"{first['unit']} ({first['jurisdiction']}) year by year",
    )
    years = tuple(str(r["year"]) for r in rows)
    return LineChart(
        title, years, drawn, _t(lang, "任务数 / 工作量", "tasks / load"), _t(lang, "年份", "year")
    )


def line_figure(chart: LineChart) -> Figure:
    with chart_fonts():
        figure = Figure(figsize=(8, 4.5))
        axes = figure.subplots()
        positions = list(range(len(chart.years)))
        for line in chart.lines:
            values = [math.nan if v is None else v for v in line.values]
            axes.plot(positions, values, marker="o", label=line.label)
        axes.set_xticks(positions, list(chart.years))
        axes.set_xlabel(chart.xlabel)
        axes.set_ylabel(chart.ylabel)
        axes.set_ylim(bottom=0)
        axes.legend(fontsize=8)
        axes.set_title(chart.title)
    return figure


def draw_lines(chart: LineChart, path: Path) -> Path:
    return save(line_figure(chart), path)


def write_trend_chart(rows: Sequence[dict[str, Any]], path: Path, *, lang: str = LANGUAGE) -> Path:
    """``report trend``'s rows drawn as a line chart into ``path`` (PNG, or SVG by the suffix)."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise InputError(f"--chart writes .png or .svg, not {path.name}")
    return draw_lines(unit_trend(rows, lang=lang), path)
