"""Static charts for the report: loads as bars, collaboration as a network, years as lines.

Each chart is first built as data — a :class:`BarChart`, :class:`NetworkChart` or
:class:`LineChart` holding every title, label, size, colour and key entry a reader will see — by a
function named for the chart, and only then drawn (:func:`draw_bars`, :func:`draw_network`,
:func:`draw_lines`). What a chart says can so be checked without reading pixels, and the drawing
code places what it is given and decides nothing.

Charts follow overview-then-detail: one notice gets its network in full; a store of several
jurisdictions or years gets an overview (each jurisdiction-year's clusters collapsed to one node,
in a jurisdiction × year grid) and a detail chart per jurisdiction's latest year, and the loads as
small multiples, one panel per jurisdiction-year. Cluster colours are the network page's
(:mod:`dutygraph.graph.colours`).

matplotlib draws with a CJK font so Chinese labels are not tofu boxes: the first available of
the fonts listed in :data:`CJK_FONT_FILES`, else any installed font whose family name says it
covers CJK, else the Noto Sans CJK SC subset the package ships for the network page (matplotlib
reads TrueType, not woff2, so it is converted once into the user's cache directory). DejaVu Sans
(matplotlib's own) stands behind it for the glyphs a subset lacks (—, ×). Output is
deterministic (seeded layout, no timestamps in the files).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from matplotlib import font_manager, rc_context
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure  # not pyplot: no global state, no backend switch for the caller
from matplotlib.patches import Patch

from dutygraph.errors import InputError, whole_file
from dutygraph.graph.analysis import Analysis, Part
from dutygraph.graph.colours import cluster_colour
from dutygraph.settings import LANGUAGE

CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
_CJK_FAMILY_WORDS = ("CJK", "WenQuanYi", "Source Han", "Noto Sans SC", "Heiti", "SimHei", "Microsoft YaHei")
#: matplotlib's own font: every Latin and punctuation glyph a CJK subset may lack.
FALLBACK_FONT = "DejaVu Sans"


@cache
def cjk_font() -> str | None:
    """The family name of an installed CJK font, registered with matplotlib; None when absent."""
    for path in CJK_FONT_FILES:
        if Path(path).is_file():
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    for entry in font_manager.fontManager.ttflist:
        if any(word in entry.name for word in _CJK_FAMILY_WORDS):
            return str(entry.name)
    bundled = _bundled_font_as_ttf()
    if bundled is None:
        return None
    font_manager.fontManager.addfont(str(bundled))
    return str(font_manager.FontProperties(fname=str(bundled)).get_name())


def _bundled_font_as_ttf() -> Path | None:
    """The packaged woff2 font as an OpenType file matplotlib can read (cached per user)."""
    from fontTools.ttLib import TTFont

    from dutygraph.fonts import BUNDLED_FONT

    if not BUNDLED_FONT.is_file():
        return None
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dutygraph"
    target = cache / (BUNDLED_FONT.stem + f"-{BUNDLED_FONT.stat().st_size}.otf")
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(BUNDLED_FONT))
        font.flavor = None
        partial = target.with_suffix(".tmp")
        font.save(str(partial))
        partial.replace(target)  # atomic: a concurrent run never reads half a font
    return target


#: The network chart's colour key lists at most this many clusters.
LEGEND_CLUSTERS = 12
#: A jurisdiction's trend chart follows its latest year's heaviest units, this many.
TREND_LINES = 6
#: Small multiples of the loads: at most this many panels (jurisdiction-years with most tasks).
LOAD_PANELS = 12
#: Bars per small-multiple panel.
PANEL_BARS = 8
#: The network overview: at most this many jurisdictions (rows), those with most tasks.
OVERVIEW_ROWS = 20
#: A detail network draws at most this many units (the heaviest), so the layout stays readable.
DETAIL_UNITS = 200
#: The marker area (points²) all nodes of a detail network share at most: 12 % of its axes.
NODE_AREA_BUDGET = 60_000.0
LEAD_COLOUR, CO_COLOUR, FLAG_COLOUR, EDGE_COLOUR = "#4e79a7", "#a0cbe8", "#b42318", "#bbbbbb"


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


@dataclass(frozen=True)
class KeyEntry:
    """One line of a colour key: a swatch and what it stands for."""

    colour: str
    label: str
    edge: str = "#333333"


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


@dataclass(frozen=True)
class Node:
    key: str
    x: float
    y: float
    size: float  # marker area in points²
    colour: str
    label: str | None  # written beside the node when set


@dataclass(frozen=True)
class Edge:
    a: int  # positions in NetworkChart.nodes
    b: int
    width: float


@dataclass(frozen=True)
class NetworkChart:
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    key: tuple[KeyEntry, ...]
    #: The overview's grid: (y, jurisdiction) rows and (x, year) columns; empty for a detail chart.
    rows: tuple[tuple[float, str], ...] = ()
    columns: tuple[tuple[float, str], ...] = ()
    size: tuple[float, float] = (11.0, 9.0)  # inches
    key_title: str | None = None
    #: Words written at a place: the overview's jurisdiction-years with no cluster to draw.
    notes: tuple[tuple[float, float, str], ...] = ()


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


# -- loads as bars -------------------------------------------------------------------------


def _load_key(analysis: Analysis, lang: str) -> tuple[KeyEntry, ...]:
    s = analysis.settings
    return (
        KeyEntry(LEAD_COLOUR, _t(lang, f"牵头 × {s.lead_weight:g}", f"led × {s.lead_weight:g}")),
        KeyEntry(CO_COLOUR, _t(lang, f"配合 × {s.co_weight:g}", f"assisted × {s.co_weight:g}")),
        KeyEntry("#ffffff", _t(lang, "* 过重单位(红框)", "* over-burdened (red outline)"), FLAG_COLOUR),
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


def _part_title(part: Part) -> str:
    return f"{part.scope.jurisdiction or '*'} {part.scope.span}"


def top_loads(analysis: Analysis, *, top: int = 15, lang: str = LANGUAGE) -> BarChart:
    """The heaviest departments of the whole store in one panel. With several jurisdictions or
    years each bar names its jurisdiction and year: the same unit name in two places is two
    bars, never one drawn over the other."""
    several = len(analysis.parts) > 1
    entries = []
    for part in analysis.parts:
        prefix = f"{_part_title(part)} · " if several else ""
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
    drawn = tuple(BarPanel(_part_title(p), tuple(bar for _, bar in _bars(p, bars))) for p in parts)
    shown = len(drawn)
    total = len(analysis.parts)
    if shown < total:
        title = _t(
            lang,
            f"各地区各年份工作量最重的单位(任务最多的 {shown} 组,共 {total} 组)",
            f"Heaviest loads per jurisdiction-year ({shown} of {total}, those with most tasks)",
        )
    else:
        title = _t(lang, "各地区各年份工作量最重的单位", "Heaviest loads per jurisdiction-year")
    return BarChart(title, drawn, _load_key(analysis, lang), _t(lang, "工作量", "load"))


@contextmanager
def _fonts() -> Iterator[None]:
    """Every text of the figure in the CJK font, DejaVu Sans for what it lacks."""
    font = cjk_font()
    families = [font, FALLBACK_FONT] if font else [FALLBACK_FONT]
    with rc_context({"font.family": families, "svg.hashsalt": "dutygraph"}):
        yield


def _save(figure: Figure, path: Path) -> Path:
    """Write ``figure`` to ``path`` (PNG, or SVG by the suffix) whole or not at all."""
    kind = "svg" if path.suffix.lower() == ".svg" else "png"
    with whole_file(path) as partial:
        figure.savefig(partial, format=kind, dpi=120, bbox_inches="tight", metadata=_metadata(kind))
    return path


def _metadata(kind: str) -> dict[str, Any]:
    """No software version or date in the file: the same input gives the same bytes."""
    return {"Creator": None, "Date": None} if kind == "svg" else {"Software": None}


def _key_handles(key: Sequence[KeyEntry]) -> list[Patch]:
    return [Patch(facecolor=k.colour, edgecolor=k.edge, label=k.label) for k in key]


def bar_figure(chart: BarChart) -> Figure:
    """The chart drawn: one axes per panel, in a grid of up to three columns."""
    count = len(chart.panels)
    columns = 1 if count == 1 else min(3, count)
    rows = math.ceil(count / columns)
    tallest = max((len(p.bars) for p in chart.panels), default=1)
    height = 0.38 * tallest + 1.2
    with _fonts():
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
        figure.legend(handles=_key_handles(chart.key), loc="outside lower center", ncols=3)
    return figure


def draw_bars(chart: BarChart, path: Path) -> Path:
    with _fonts():
        return _save(bar_figure(chart), path)


# -- collaboration as a network ------------------------------------------------------------


def _layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Connected units by Kamada–Kawai on 1/weight distances (readable for the few dozen units of
    a notice), isolated units in a row underneath."""
    isolated = [n for n in graph.nodes if graph.degree(n) == 0]
    connected = nx.Graph(graph.subgraph([n for n in graph.nodes if graph.degree(n) > 0]))
    positions: dict[str, Any] = {}
    if connected.number_of_nodes():
        for _, _, data in connected.edges(data=True):
            data["distance"] = 1.0 / data["weight"]
        start = nx.spring_layout(connected, seed=seed)
        positions = nx.kamada_kawai_layout(connected, weight="distance", pos=start)
    for i, node in enumerate(isolated):
        positions[node] = (-1.0 + 2.0 * (i + 0.5) / len(isolated), -1.25)
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}


def node_areas(loads: Sequence[float]) -> list[float]:
    """Marker areas (points²) by the square root of each load's share of the heaviest, scaled to
    the node count: a notice's 60 units get up to 500 pt², a 1,000-unit graph shares
    :data:`NODE_AREA_BUDGET` so its nodes do not cover each other, and the lightest stays a
    visible dot (at least 4 pt²)."""
    n = len(loads)
    heaviest = max(loads, default=0.0) or 1.0
    biggest = min(500.0, max(30.0, NODE_AREA_BUDGET / max(1, n)))
    smallest = max(4.0, biggest / 20)
    return [round(smallest + (biggest - smallest) * math.sqrt(max(0.0, v) / heaviest), 2) for v in loads]


def _cluster_key(part: Part, lang: str) -> tuple[KeyEntry, ...]:
    """The clusters by number and hub units (a lone unit by its name), in the page's colours."""
    alone = _t(lang, "(独立)", " (on its own)")
    return tuple(
        KeyEntry(
            cluster_colour(c.id), f"{c.id}: {'、'.join(c.hubs[:2])}" + ("" if len(c.members) > 1 else alone)
        )
        for c in part.clustering.clusters[:LEGEND_CLUSTERS]
    )


def network_detail(
    part: Part, *, labels: int = 20, units: int = DETAIL_UNITS, lang: str = LANGUAGE
) -> NetworkChart:
    """One jurisdiction-year's collaboration graph: nodes coloured by cluster and sized by load,
    the ``labels`` heaviest named; beyond ``units`` units only the heaviest are drawn (and the
    title says so)."""
    graph = part.collaboration
    names = part.snapshot.units
    heaviest_first = sorted(graph.nodes, key=lambda n: (-part.load_of(n).load, names[n].name, n))
    kept = sorted(heaviest_first[:units])
    ordered = nx.Graph()
    ordered.add_nodes_from(kept)
    ordered.add_edges_from(sorted((a, b, d) for a, b, d in graph.subgraph(kept).edges(data=True)))
    positions = _layout(ordered, part.settings.seed)
    named = set(heaviest_first[:labels])
    membership = part.clustering.membership
    sizes = node_areas([part.load_of(n).load for n in kept])
    nodes = tuple(
        Node(n, *positions[n], size, cluster_colour(membership.get(n)), names[n].name if n in named else None)
        for n, size in zip(kept, sizes, strict=True)
    )
    index = {n: i for i, n in enumerate(kept)}
    edges = tuple(Edge(index[a], index[b], 0.4 + 0.6 * d["weight"]) for a, b, d in ordered.edges(data=True))
    where = _part_title(part)
    title = _t(
        lang,
        f"{where}:协作群(颜色)与工作量(大小)",
        f"{where}: collaboration clusters (colour) and loads (size)",
    )
    if len(kept) < graph.number_of_nodes():
        title += _t(
            lang,
            f",仅画工作量最重的 {len(kept)} 个(共 {graph.number_of_nodes()} 个)单位",
            f"; the {len(kept)} heaviest of {graph.number_of_nodes()} units",
        )
    return NetworkChart(
        title, nodes, edges, _cluster_key(part, lang), key_title=_t(lang, "协作群", "cluster")
    )


def _cluster_links(part: Part) -> dict[tuple[int, int], float]:
    """Shared tasks between the part's clusters: the weight of the edges that cross them."""
    network, membership = part.network, part.clustering.membership
    if not network.edge_count:
        return {}
    cluster = np.asarray([membership.get(iri, 0) for iri in network.units], dtype=np.int64)
    a, b = cluster[network.source], cluster[network.target]
    crossing = a != b
    links: dict[tuple[int, int], float] = {}
    for x, y, w in zip(
        a[crossing].tolist(), b[crossing].tolist(), network.weight[crossing].tolist(), strict=True
    ):
        pair = (min(x, y), max(x, y))
        links[pair] = links.get(pair, 0.0) + w
    return links


def network_overview(analysis: Analysis, *, rows: int = OVERVIEW_ROWS, lang: str = LANGUAGE) -> NetworkChart:
    """Every jurisdiction-year in a grid (jurisdictions down, years across), each cluster of two
    or more units collapsed to one node sized by its members' load and numbered as in the
    report, lines for the tasks clusters share. Beyond ``rows`` jurisdictions, those with most
    tasks (the title says how many of how many)."""
    tasks: dict[str, int] = {}
    for part in analysis.parts:
        place = part.scope.jurisdiction or "*"
        tasks[place] = tasks.get(place, 0) + len(part.snapshot.tasks)
    places = sorted(sorted(tasks, key=lambda j: (-tasks[j], j))[:rows])
    shown = [p for p in analysis.parts if (p.scope.jurisdiction or "*") in places]
    years = sorted({p.scope.span for p in shown})
    column_of, row_of = {y: i for i, y in enumerate(years)}, {j: i for i, j in enumerate(places)}
    cells: list[tuple[Part, list[tuple[int, float]]]] = []
    for part in shown:
        sizes = [(c.id, sum(part.load_of(m).load for m in c.members)) for c in part.clustering.clusters]
        cells.append(
            (
                part,
                [
                    (c, load)
                    for (c, load), k in zip(sizes, part.clustering.clusters, strict=True)
                    if len(k.members) > 1
                ],
            )
        )
    heaviest = max((load for _, clusters in cells for _, load in clusters), default=0.0) or 1.0
    nodes: list[Node] = []
    edges: list[Edge] = []
    notes: list[tuple[float, float, str]] = []
    for part, clusters in cells:
        cx, cy = float(column_of[part.scope.span]), -float(row_of[part.scope.jurisdiction or "*"])
        if not clusters:
            notes.append((cx, cy, _t(lang, "无协作群", "no cluster")))
        at: dict[int, int] = {}
        for i, (cluster, load) in enumerate(clusters):
            angle = math.pi / 2 - 2 * math.pi * i / len(clusters)
            radius = 0.0 if len(clusters) == 1 else 0.3
            at[cluster] = len(nodes)
            nodes.append(
                Node(
                    f"{_part_title(part)} #{cluster}",
                    round(cx + radius * math.cos(angle), 6),
                    round(cy + radius * math.sin(angle), 6),
                    round(12 + 250 * math.sqrt(load / heaviest), 2),
                    cluster_colour(cluster),
                    str(cluster),
                )
            )
        links = _cluster_links(part)
        strongest = max(links.values(), default=1.0)
        for (x, y), w in sorted(links.items()):
            if x in at and y in at:
                edges.append(Edge(at[x], at[y], round(0.3 + 2.2 * w / strongest, 3)))
    numbers = sorted({int(n.label) for n in nodes if n.label})[:LEGEND_CLUSTERS]
    key = tuple(
        KeyEntry(
            cluster_colour(c),
            _t(lang, f"协作群 {c}", f"cluster {c}") + (_t(lang, "(最大)", " (largest)") if c == 1 else ""),
        )
        for c in numbers
    )
    total = len(tasks)
    title = _t(
        lang,
        "各地区各年份的协作群(每个节点为一个协作群,大小为其单位工作量之和)",
        "Collaboration clusters per jurisdiction and year (a node per cluster, sized by its units' load)",
    )
    if len(places) < total:
        title += _t(
            lang,
            f";任务最多的 {len(places)} 个地区(共 {total} 个)",
            f"; {len(places)} of {total} jurisdictions, those with most tasks",
        )
    return NetworkChart(
        title,
        tuple(nodes),
        tuple(edges),
        key,
        rows=tuple((-float(i), j) for i, j in enumerate(places)),
        columns=tuple((float(i), y) for i, y in enumerate(years)),
        size=(2.2 + 1.3 * len(years), 1.4 + 1.0 * len(places)),
        notes=tuple(notes),
    )


def network_figure(chart: NetworkChart) -> Figure:
    with _fonts():
        figure = Figure(figsize=chart.size)
        axes = figure.subplots()
        xy = np.asarray([(n.x, n.y) for n in chart.nodes], dtype=np.float64).reshape(-1, 2)
        if chart.edges:
            segments = [(xy[e.a], xy[e.b]) for e in chart.edges]
            lines = LineCollection(
                segments, linewidths=[e.width for e in chart.edges], colors=EDGE_COLOUR, alpha=0.7
            )
            axes.add_collection(lines)
        axes.scatter(
            xy[:, 0],
            xy[:, 1],
            s=[n.size for n in chart.nodes],
            c=[n.colour for n in chart.nodes],
            linewidths=0.5,
            edgecolors="#333333",
            zorder=2,
        )
        grid = bool(chart.rows)
        for node in chart.nodes:
            if node.label is not None:
                if grid:  # the cluster number inside its node
                    axes.annotate(
                        node.label, (node.x, node.y), ha="center", va="center", fontsize=6, zorder=3
                    )
                else:
                    axes.annotate(
                        node.label,
                        (node.x, node.y),
                        ha="center",
                        va="bottom",
                        fontsize=8,
                        zorder=3,
                        xytext=(0, 4),
                        textcoords="offset points",
                    )
        for x, y, words in chart.notes:
            axes.annotate(words, (x, y), ha="center", va="center", fontsize=7, color="#777777")
        if grid:
            axes.set_xticks([x for x, _ in chart.columns], [label for _, label in chart.columns])
            axes.set_yticks([y for y, _ in chart.rows], [label for _, label in chart.rows])
            axes.set_xlim(-0.6, len(chart.columns) - 0.4)
            axes.set_ylim(-len(chart.rows) + 0.4, 0.6)
            axes.xaxis.tick_top()
            axes.tick_params(length=0)
            for spine in axes.spines.values():
                spine.set_visible(False)
            axes.grid(True, color="#eeeeee", linewidth=0.6)
            axes.set_axisbelow(True)
        else:
            axes.axis("off")
            axes.margins(0.08)
        if chart.key:
            axes.legend(
                handles=_key_handles(chart.key),
                title=chart.key_title,
                loc="upper left",
                bbox_to_anchor=(1.0, 1.0),
                fontsize=7,
                title_fontsize=8,
            )
        axes.set_title(chart.title, fontsize=10, pad=18 if grid else 6)
    return figure


def draw_network(chart: NetworkChart, path: Path) -> Path:
    with _fonts():
        return _save(network_figure(chart), path)


# -- years as lines ------------------------------------------------------------------------


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
            f"{jurisdiction}:工作量最重的单位逐年变化",
            f"{jurisdiction}: the heaviest units over the years",
        ),
        tuple(p.scope.span for p in parts),
        drawn,
        _t(
            lang,
            f"工作量(牵头 × {s.lead_weight:g} + 配合 × {s.co_weight:g})",
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
        f"{first['unit']}({first['jurisdiction']})逐年任务",
        f"{first['unit']} ({first['jurisdiction']}) year by year",
    )
    years = tuple(str(r["year"]) for r in rows)
    return LineChart(
        title, years, drawn, _t(lang, "任务数 / 工作量", "tasks / load"), _t(lang, "年份", "year")
    )


def line_figure(chart: LineChart) -> Figure:
    with _fonts():
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
    with _fonts():
        return _save(line_figure(chart), path)


def write_trend_chart(rows: Sequence[dict[str, Any]], path: Path, *, lang: str = LANGUAGE) -> Path:
    """``report trend``'s rows drawn as a line chart into ``path`` (PNG, or SVG by the suffix)."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise InputError(f"--chart writes .png or .svg, not {path.name}")
    return draw_lines(unit_trend(rows, lang=lang), path)
