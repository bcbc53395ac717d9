"""Static charts for the report: a bar chart of the top loads and a cluster-coloured network.

matplotlib draws with a CJK font so Chinese labels are not tofu boxes: the first available of
the fonts listed in :data:`CJK_FONT_FILES`, else any installed font whose family name says it
covers CJK, else the Noto Sans CJK SC subset the package ships for the network page (matplotlib
reads TrueType, not woff2, so it is converted once into the user's cache directory). Output is
deterministic (seeded layout, no timestamps in the files).
"""

from __future__ import annotations

import math
import os
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from matplotlib import font_manager
from matplotlib.figure import Figure  # not pyplot: no global state, no backend switch for the caller
from matplotlib.patches import Patch

from dutygraph.graph.analysis import Analysis, Part
from dutygraph.viz.page import NO_CLUSTER, PALETTE

CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
_CJK_FAMILY_WORDS = ("CJK", "WenQuanYi", "Source Han", "Noto Sans SC", "Heiti", "SimHei", "Microsoft YaHei")


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


LEGEND_CLUSTERS = 12
TREND_LINES = 6


def cluster_colour(cluster: int | None) -> str:
    """The colour the network page gives the cluster, so the chart and the page agree."""
    return NO_CLUSTER if cluster is None else PALETTE[cluster % len(PALETTE)]


def _save(figure: Figure, path: Path) -> None:
    figure.savefig(path, dpi=120, bbox_inches="tight", metadata={"Software": None})


def load_bar_chart(analysis: Analysis, path: Path, *, top: int = 15) -> Path:
    """Horizontal bars of the heaviest departments: lead and co stacked, flagged ones marked.

    With several jurisdictions or years each bar names its jurisdiction and year: the same unit
    name in two places is two bars, never one drawn over the other."""
    font = cjk_font()
    several = len(analysis.parts) > 1
    entries = [(part, r) for part in analysis.parts for r in part.loads if not r.is_group]
    entries.sort(key=lambda e: (-e[1].load, -e[1].lead, e[1].unit, e[0].scope.key))
    chosen = entries[:top][::-1]
    flagged = {(id(part), b.load.iri) for part in analysis.parts for b in part.burdens if b.flagged}
    figure = Figure(figsize=(8, 0.38 * len(chosen) + 1.2))
    axes = figure.subplots()
    labels = [
        ("* " if (id(part), r.iri) in flagged else "")
        + (f"{part.scope.label()} " if several else "")
        + r.unit
        for part, r in chosen
    ]
    settings = analysis.settings
    lead = [settings.lead_weight * r.lead for _, r in chosen]
    co = [settings.co_weight * r.co for _, r in chosen]
    positions = list(range(len(chosen)))  # by position: equal labels stay separate bars
    axes.barh(positions, lead, color="#4e79a7", label=f"lead × {settings.lead_weight:g}")
    axes.barh(positions, co, left=lead, color="#a0cbe8", label=f"co × {settings.co_weight:g}")
    axes.set_yticks(positions, labels)
    axes.set_xlabel("load")
    axes.legend(loc="lower right")
    if font:
        for label in axes.get_yticklabels():
            label.set_fontfamily(font)
    axes.set_title(f"Top {len(chosen)} loads")
    _save(figure, path)
    return path


def _layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Connected units by Kamada–Kawai on 1/weight distances (readable for the few dozen units of
    a notice; seeded spring layout beyond 300), isolated units in a row underneath."""
    isolated = [n for n in graph.nodes if graph.degree(n) == 0]
    connected = nx.Graph(graph.subgraph([n for n in graph.nodes if graph.degree(n) > 0]))
    positions: dict[str, Any] = {}
    if 0 < connected.number_of_nodes() <= 300:
        for _, _, data in connected.edges(data=True):
            data["distance"] = 1.0 / data["weight"]
        start = nx.spring_layout(connected, seed=seed)
        positions = nx.kamada_kawai_layout(connected, weight="distance", pos=start)
    elif connected.number_of_nodes():
        positions = nx.spring_layout(connected, weight="weight", seed=seed)
    for i, node in enumerate(isolated):
        positions[node] = (-1.0 + 2.0 * (i + 0.5) / len(isolated), -1.25)
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}


def network_image(analysis: Part, path: Path, *, labels: int = 20) -> Path:
    """One part's collaboration graph, nodes coloured by cluster and sized by load, seeded layout."""
    font = cjk_font()
    graph = analysis.collaboration
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted((a, b, d) for a, b, d in graph.edges(data=True)))
    positions = _layout(ordered, analysis.settings.seed)
    figure = Figure(figsize=(11, 9))
    axes = figure.subplots()
    axes.axis("off")
    widths = [0.4 + 0.6 * d["weight"] for _, _, d in ordered.edges(data=True)]
    nx.draw_networkx_edges(ordered, positions, ax=axes, width=widths, edge_color="#bbbbbb", alpha=0.7)
    membership = analysis.clustering.membership
    # Area by the square root of the load's share of the heaviest: readable for 10 units or 1,000.
    heaviest_load = max((analysis.load_of(n).load for n in ordered.nodes), default=1.0) or 1.0
    sizes = [20 + 500 * math.sqrt(analysis.load_of(n).load / heaviest_load) for n in ordered.nodes]
    colours = [cluster_colour(membership.get(n)) for n in ordered.nodes]
    nx.draw_networkx_nodes(
        ordered, positions, ax=axes, node_size=sizes, node_color=colours, linewidths=0.5, edgecolors="#333333"
    )
    # The colour key: the largest clusters by number and hub units, in the page's colours.
    keys = [
        Patch(facecolor=cluster_colour(c.id), edgecolor="#333333", label=f"{c.id}: {'、'.join(c.hubs[:2])}")
        for c in analysis.clustering.clusters
        if len(c.members) > 1
    ][:LEGEND_CLUSTERS]
    if keys:
        legend = axes.legend(
            handles=keys,
            title="cluster",
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=7,
            title_fontsize=8,
        )
        if font:
            for text in legend.get_texts():
                text.set_fontfamily(font)
    heaviest = sorted(
        ordered.nodes, key=lambda n: (-analysis.load_of(n).load, analysis.snapshot.units[n].name)
    )[:labels]
    names = {n: analysis.snapshot.units[n].name for n in heaviest}
    nx.draw_networkx_labels(
        ordered, positions, labels=names, ax=axes, font_size=8, font_family=font or "sans-serif"
    )
    axes.set_title("Collaboration clusters (colour) and loads (size)")
    _save(figure, path)
    return path


def trend_chart(analysis: Analysis, jurisdiction: str, path: Path, *, lines: int = TREND_LINES) -> Path:
    """One jurisdiction's heaviest units (of its latest year) across its years, as lines: the load
    each year, a gap where a unit is absent that year."""
    font = cjk_font()
    parts = analysis.parts_of(jurisdiction)
    latest = parts[-1]
    chosen = [r for r in latest.loads if not r.is_group][:lines]
    years = [p.scope.year or 0 for p in parts]
    figure = Figure(figsize=(8, 4.5))
    axes = figure.subplots()
    for row in chosen:
        values = [p.load_of(row.iri).load if row.iri in p.snapshot.units else math.nan for p in parts]
        axes.plot(years, values, marker="o", label=row.unit)
    axes.set_xticks(years, [str(y) for y in years])
    axes.set_xlabel("year")
    axes.set_ylabel(f"load (lead × {analysis.settings.lead_weight:g} + co × {analysis.settings.co_weight:g})")
    legend = axes.legend(fontsize=8)
    title = axes.set_title(f"{jurisdiction}: the heaviest units over the years")
    if font:
        title.set_fontfamily(font)
        for text in legend.get_texts():
            text.set_fontfamily(font)
    _save(figure, path)
    return path
