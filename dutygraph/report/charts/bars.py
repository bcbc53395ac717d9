"""The loads as bars: the heaviest departments of a store in one panel, or small multiples, a panel
per jurisdiction-year."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from dutygraph.graph.analysis import Analysis, Part
from dutygraph.report.charts.common import KeyEntry, key_handles, part_title, save
from dutygraph.report.charts.font import chart_fonts
from dutygraph.report.wording import in_language as _t
from dutygraph.settings import LANGUAGE

#: Small multiples of the loads: at most this many panels (jurisdiction-years with most tasks).
LOAD_PANELS = 12
#: Bars per small-multiple panel.
PANEL_BARS = 8
LEAD_COLOUR, CO_COLOUR, FLAG_COLOUR = "#4e79a7", "#a0cbe8", "#b42318"


@dataclass(frozen=True)
class Bar:
    """One unit's load as a bar: the lead and co parts of it (already weighted), stacked."""

    label: str
    lead: float
    co: float
    flagged: bool

    @property
    def load(self) -> float:
        return self.lead + self.co


@dataclass(frozen=True)
class BarPanel:
    title: str
    bars: tuple[Bar, ...]  # heaviest first


@dataclass(frozen=True)
class BarChart:
    title: str
    panels: tuple[BarPanel, ...]
    key: tuple[KeyEntry, ...]
    xlabel: str


def _load_key(analysis: Analysis, lang: str) -> tuple[KeyEntry, ...]:
    s = analysis.settings
    return (
        KeyEntry(LEAD_COLOUR, _t(lang, f"牵头 × {s.lead_weight:g}", f"led × {s.lead_weight:g}")),
        KeyEntry(CO_COLOUR, _t(lang, f"配合 × {s.co_weight:g}", f"assisted × {s.co_weight:g}")),
        KeyEntry("#ffffff", _t(lang, "* 过重单位（红框）", "* over-burdened (red outline)"), FLAG_COLOUR),
    )


def _bars(part: Part, top: int, prefix: str = "") -> list[tuple[tuple[float, int, str], Bar]]:
    """The heaviest departments of ``part`` as bars, each after its sort key."""
    s = part.settings
    flagged = {b.load.iri for b in part.burdens if b.flagged}
    out = []
    for r in [r for r in part.loads if not r.is_group][:top]:
        mark = "* " if r.iri in flagged else ""
        bar = Bar(f"{mark}{prefix}{r.unit}", s.lead_weight * r.lead, s.co_weight * r.co, r.iri in flagged)
        out.append(((-r.load, -r.lead, r.unit), bar))
    return out


def top_loads(analysis: Analysis, *, top: int = 15, lang: str = LANGUAGE) -> BarChart:
    """The heaviest departments of the whole store in one panel. With several jurisdictions or
    years each bar names its jurisdiction and year: the same unit name in two places is two
    bars, never one drawn over the other."""
    several = len(analysis.parts) > 1
    entries = []
    for part in analysis.parts:
        prefix = f"{part_title(part)} · " if several else ""
        entries += [(order, part.scope.key, bar) for order, bar in _bars(part, top, prefix)]
    entries.sort(key=lambda e: (e[0], e[1]))
    bars = tuple(bar for _, _, bar in entries[:top])
    title = _t(lang, f"工作量最重的 {len(bars)} 个单位", f"The {len(bars)} heaviest loads")
    return BarChart(title, (BarPanel(title, bars),), _load_key(analysis, lang), _t(lang, "工作量", "load"))


def chosen_parts(analysis: Analysis, limit: int) -> list[Part]:
    """At most ``limit`` parts, those with most tasks (ties by jurisdiction and year), in order."""
    ranked = sorted(analysis.parts, key=lambda p: (-len(p.snapshot.tasks), p.scope.key))
    return sorted(ranked[:limit], key=lambda p: p.scope.key)


def loads_by_part(
    analysis: Analysis, *, bars: int = PANEL_BARS, panels: int = LOAD_PANELS, lang: str = LANGUAGE
) -> BarChart:
    """Small multiples: a panel per jurisdiction-year with its heaviest departments, so each
    is read against its own peers (the over-burden rule compares within a jurisdiction-year)."""
    parts = chosen_parts(analysis, panels)
    drawn = tuple(BarPanel(part_title(p), tuple(bar for _, bar in _bars(p, bars))) for p in parts)
    shown = len(drawn)
    total = len(analysis.parts)
    if shown < total:
        title = _t(
            lang,
            f"各地区各年份工作量最重的单位（任务最多的 {shown} 组，共 {total} 组）",
            f"Heaviest loads per jurisdiction-year ({shown} of {total}, those with most tasks)",
        )
    else:
        title = _t(lang, "各地区各年份工作量最重的单位", "Heaviest loads per jurisdiction-year")
    return BarChart(title, drawn, _load_key(analysis, lang), _t(lang, "工作量", "load"))


def bar_figure(chart: BarChart) -> Figure:
    """The chart drawn: one axes per panel, in a grid of up to three columns."""
    count = len(chart.panels)
    columns = 1 if count == 1 else min(3, count)
    rows = math.ceil(count / columns)
    tallest = max((len(p.bars) for p in chart.panels), default=1)
    height = 0.38 * tallest + 1.2
    with chart_fonts():
        size = (8 if count == 1 else 5.2 * columns, height * rows + 0.6)
        figure = Figure(figsize=size, layout="constrained")
        grid = figure.subplots(rows, columns, squeeze=False)
        for index, axes in enumerate(grid.flat):
            if index >= count:
                axes.set_visible(False)
                continue
            panel = chart.panels[index]
            bars = panel.bars[::-1]  # heaviest on top
            positions = list(range(len(bars)))  # by position: equal labels stay separate bars
            lead = [b.lead for b in bars]
            outline = [FLAG_COLOUR if b.flagged else "none" for b in bars]
            axes.barh(positions, lead, color=LEAD_COLOUR, edgecolor=outline, linewidth=1.2)
            co = [b.co for b in bars]
            axes.barh(positions, co, left=lead, color=CO_COLOUR, edgecolor=outline, linewidth=1.2)
            axes.set_yticks(positions, [b.label for b in bars])
            axes.set_ylim(len(bars) - tallest - 0.5, len(bars) - 0.5)  # bars equally thick in every panel
            axes.set_xlabel(chart.xlabel)
            if count > 1:
                axes.set_title(panel.title, fontsize=10)
        if count == 1:
            grid.flat[0].set_title(chart.title)
        else:
            figure.suptitle(chart.title)
        figure.legend(handles=key_handles(chart.key), loc="outside lower center", ncols=3)
    return figure


def draw_bars(chart: BarChart, path: Path) -> Path:
    return save(bar_figure(chart), path)
