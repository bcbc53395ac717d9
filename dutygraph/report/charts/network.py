"""Collaboration as a network: one jurisdiction-year's units (the detail), or every
jurisdiction-year's clusters collapsed to one node each in a jurisdiction × year grid (the
overview). Cluster colours are the network page's (:mod:`dutygraph.graph.colours`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from dutygraph.graph.analysis import Analysis, Part
from dutygraph.graph.colours import cluster_colour
from dutygraph.report.charts.common import KeyEntry, key_handles, part_title, save
from dutygraph.report.charts.font import chart_fonts
from dutygraph.report.wording import in_language as _t
from dutygraph.settings import LANGUAGE

#: The network chart's colour key lists at most this many clusters.
LEGEND_CLUSTERS = 12
#: The network overview: at most this many jurisdictions (rows), those with most tasks.
OVERVIEW_ROWS = 20
#: A detail network draws at most this many units (the heaviest), so the layout stays readable.
DETAIL_UNITS = 200
#: The marker area (points²) all nodes of a detail network share at most: 12 % of its axes.
NODE_AREA_BUDGET = 60_000.0
EDGE_COLOUR = "#bbbbbb"


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
    alone = _t(lang, "（独立）", " (on its own)")
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
    where = part_title(part)
    title = _t(
        lang,
        f"{where}：协作群（颜色）与工作量（大小）",
        f"{where}: collaboration clusters (colour) and loads (size)",
    )
    if len(kept) < graph.number_of_nodes():
        title += _t(
            lang,
            f"，仅画工作量最重的 {len(kept)} 个（共 {graph.number_of_nodes()} 个）单位",
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
                    f"{part_title(part)} #{cluster}",
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
            _t(lang, f"协作群 {c}", f"cluster {c}") + (_t(lang, "（最大）", " (largest)") if c == 1 else ""),
        )
        for c in numbers
    )
    total = len(tasks)
    title = _t(
        lang,
        "各地区各年份的协作群（每个节点为一个协作群，大小为其单位工作量之和）",
        "Collaboration clusters per jurisdiction and year (a node per cluster, sized by its units' load)",
    )
    if len(places) < total:
        title += _t(
            lang,
            f"；任务最多的 {len(places)} 个地区（共 {total} 个）",
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
    with chart_fonts():
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
                handles=key_handles(chart.key),
                title=chart.key_title,
                loc="upper left",
                bbox_to_anchor=(1.0, 1.0),
                fontsize=7,
                title_fontsize=8,
            )
        axes.set_title(chart.title, fontsize=10, pad=18 if grid else 6)
    return figure


def draw_network(chart: NetworkChart, path: Path) -> Path:
    return save(network_figure(chart), path)
