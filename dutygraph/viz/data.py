"""What the page script reads: nodes, edges, parts, clusters, one task table, filters and options.

The page draws one *part* (a jurisdiction's notices of one year, as the analysis cuts them) at a
time; a graph of several parts opens on an overview with one node per part. Everything here is
plain JSON-ready data; :mod:`dutygraph.viz.page` inlines it as inert JSON.

Size matters at 1,000 notices: a task shared by eight units is stored once in ``tasks`` and the
units refer to it by index, as they refer to documents and parts; node keys (long IRIs) are not
sent at all.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyvis.options import Options

from dutygraph.errors import InputError
from dutygraph.fonts import FAMILY
from dutygraph.graph.colours import NO_CLUSTER, cluster_colour
from dutygraph.viz.layout import layout_positions
from dutygraph.viz.style import (
    EDGE_KINDS,
    FONT_STACK,
    KINDS,
    LEADER_COLOUR,
    PART_COLOUR,
    TASK_COLOUR,
)

#: Above this many nodes in one view curved edges are off and edges hide while dragging.
LARGE_GRAPH = 300
#: A part with more nodes than this is drawn by the WebGL view (sigma.js) instead of vis-network:
#: vis-network's 2D canvas needs seconds per focus or filter at 1,000 units (docs/performance.md),
#: while below this it draws what the WebGL view does not (shapes per kind, dashed borders).
WEBGL_ABOVE = 500
#: Characters of a task's text shown in a tooltip.
EXCERPT = 28
#: Canvas units between two years of one jurisdiction, and between rows, on the overview.
_YEAR_STEP = 130.0
_ROW_STEP = 110.0


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _number(value: Any, default: float = 0.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


@dataclass
class _Part:
    """One jurisdiction-year as the page names it, with the report's cluster numbers and hubs."""

    jurisdiction: str
    span: str
    hubs: dict[int, list[str]] | None  # None: the graph did not say; every cluster number counts

    @property
    def label(self) -> str:
        return f"{self.jurisdiction} {self.span}".strip()


@dataclass
class _Tables:
    """Strings many nodes share, each stored once: documents and tasks."""

    documents: dict[str, int] = field(default_factory=dict)
    tasks: dict[tuple[int, str, str], int] = field(default_factory=dict)

    def document(self, name: str) -> int:
        return self.documents.setdefault(name, len(self.documents))

    def task(self, document: str, number: str, text: str) -> int:
        key = (self.document(document) if document else -1, number, _excerpt(text))
        return self.tasks.setdefault(key, len(self.tasks))


def _parts(graph: nx.Graph) -> list[_Part]:
    """The parts the graph says it holds; else one, named by what all its nodes share."""
    given = graph.graph.get("parts")
    if isinstance(given, list) and given and all(isinstance(p, Mapping) for p in given):
        parts = []
        for p in given:
            clusters = p.get("clusters")
            hubs = (
                {int(k): _strings(v) for k, v in clusters.items() if _int(k) is not None}
                if isinstance(clusters, Mapping)
                else None
            )
            parts.append(_Part(_text(p.get("jurisdiction")), _text(p.get("span")), hubs))
        return parts
    places = {_text(d.get("jurisdiction")) for _, d in graph.nodes(data=True)}
    years = {_text(d.get("year")) for _, d in graph.nodes(data=True) if d.get("year") is not None}
    return [_Part(places.pop() if len(places) == 1 else "", years.pop() if len(years) == 1 else "", None)]


def _part_of(attrs: Mapping[str, Any], count: int) -> int:
    number = _int(attrs.get("part"))
    return number if number is not None and 0 <= number < count else 0


def _kind(attrs: Mapping[str, Any]) -> str:
    kind = _text(attrs.get("kind")) or "other"
    return kind if kind in KINDS and kind != "part" else "other"


def _is_unit(kind: str) -> bool:
    return kind not in {"leader", "task"}


def _clusters(
    graph: nx.Graph, parts: list[_Part], part_of: list[int]
) -> tuple[list[dict[str, Any]], dict[tuple[int, int], int]]:
    """The clusters of every part, numbered as the report numbers them, with their hubs and colours.

    Returns the cluster table and a map (part, number) -> index in it. A part that names its
    clusters (from an analysis) keeps only those: a cluster of one unit is the report's "unit on its
    own", not a cluster. Otherwise every number present counts and the hubs are the heaviest members.
    """
    members: dict[tuple[int, int], list[tuple[float, int, str]]] = {}
    for i, (key, attrs) in enumerate(graph.nodes(data=True)):
        number = _int(attrs.get("cluster"))
        if number is None or not _is_unit(_kind(attrs)):
            continue
        p = part_of[i]
        named = parts[p].hubs
        if named is not None and number not in named:
            continue
        label = _text(attrs.get("label")) or _text(key)
        members.setdefault((p, number), []).append((-max(_number(attrs.get("load"), 1.0), 0.0), i, label))
    keys = sorted(members)
    table: list[dict[str, Any]] = []
    index: dict[tuple[int, int], int] = {}
    for p, number in keys:
        named = parts[p].hubs
        hubs: list[str] = (
            named[number] if named is not None else [m[2] for m in sorted(members[(p, number)])[:3]]
        )
        index[(p, number)] = len(table)
        table.append(
            {
                "part": p,
                "id": number,
                "hubs": hubs,
                "size": len(members[(p, number)]),
                "colour": cluster_colour(number),  # as the report's charts colour it
            }
        )
    return table, index


def _node_record(
    index: int, key: Hashable, attrs: Mapping[str, Any], part: int, max_load: float, tables: _Tables
) -> dict[str, Any]:
    kind = _kind(attrs)
    load = max(_number(attrs.get("load"), 1.0), 0.0)
    label = _text(attrs.get("label")) or _text(key)
    record: dict[str, Any] = {"id": index, "label": label, "kind": kind, "part": part}
    if attrs.get("is_group") or _text(attrs.get("kind")) == "group":
        record["group"] = True
    aliases = [a for a in _strings(attrs.get("aliases")) if a and a != label]
    if aliases:
        record["aliases"] = aliases
    if _is_unit(kind):
        record["load"] = round(load, 3)
        record["lead"] = int(_number(attrs.get("lead")))
        record["co"] = int(_number(attrs.get("co")))
    if attrs.get("flag_reason"):
        record["flag"] = _text(attrs["flag_reason"])
    tasks = [
        tables.task(_text(t.get("document")), _text(t.get("number")), _text(t.get("text")))
        for t in (attrs.get("tasks") or [])
        if isinstance(t, Mapping)
    ]
    if tasks:
        record["tasks"] = tasks
    documents = sorted({tables.document(d) for d in _strings(attrs.get("documents"))})
    if documents:
        record["documents"] = documents
    leaders = _strings(attrs.get("leaders"))
    if leaders:
        record["leaders"] = leaders
    record["size"] = node_radius(load, max_load) if _is_unit(kind) else 14.0
    return record


def node_radius(load: float, max_load: float) -> float:
    """A unit's drawn radius: area grows with load, the heaviest unit of its part 36 units wide."""
    return round(10.0 + 26.0 * math.sqrt(load / max_load), 1) if max_load > 0 else 12.0


def _positions(
    graph: nx.Graph, part_of: list[int], radii: list[float], seed: int
) -> list[tuple[float, float]]:
    """Each part laid out on its own (it is drawn on its own), overlaps pushed apart."""
    keys = list(graph.nodes)
    by_part: dict[int, list[int]] = {}
    for i, p in enumerate(part_of):
        by_part.setdefault(p, []).append(i)
    result: list[tuple[float, float]] = [(0.0, 0.0)] * len(keys)
    for members in by_part.values():
        sub = graph.subgraph([keys[i] for i in members])
        placed = layout_positions(sub, seed=seed, radii={keys[i]: radii[i] for i in members})
        for i in members:
            result[i] = placed[keys[i]]
    return result


def _overview(parts: list[_Part], records: list[dict[str, Any]]) -> dict[str, Any]:
    """One node per part, sized by its units' summed load: jurisdictions in a grid of blocks, a
    jurisdiction's years side by side and linked, so a planner reads the corpus before any unit."""
    load = [0.0] * len(parts)
    units = [0] * len(parts)
    for r in records:
        if _is_unit(r["kind"]) and not r.get("group"):
            load[r["part"]] += r.get("load", 0.0)
            units[r["part"]] += 1
    places: dict[str, list[int]] = {}
    for p, part in enumerate(parts):
        places.setdefault(part.jurisdiction, []).append(p)
    widest = max(len(v) for v in places.values())
    block = widest * _YEAR_STEP + 90.0
    columns = max(1, round(math.sqrt(len(places) * _ROW_STEP / block)))
    heaviest = max(load) or 1.0
    nodes = []
    edges = []
    for b, members in enumerate(places.values()):
        row, column = divmod(b, columns)
        for k, p in enumerate(members):
            nodes.append(
                {
                    "part": p,
                    "x": round(column * block + k * _YEAR_STEP, 1),
                    "y": round(row * _ROW_STEP, 1),
                    "size": round(8.0 + 24.0 * math.sqrt(load[p] / heaviest), 1),
                    "load": round(load[p], 1),
                    "units": units[p],
                }
            )
            if k:
                edges.append([members[k - 1], p])
    return {"nodes": nodes, "edges": edges}


def _options(large: bool, physics: bool, seed: int) -> dict[str, Any]:
    """vis-network options, built on pyvis's options model."""
    model = Options()
    model.physics.use_barnes_hut(
        {
            "gravity": -4000,
            "central_gravity": 0.25,
            "spring_length": 110,
            "spring_strength": 0.03,
            "damping": 0.35,
            "overlap": 0.3,
        }
    )
    model.physics.enabled = physics
    model.physics.toggle_stabilization(physics)
    model.physics.stabilization.iterations = 150
    model.physics.stabilization.updateInterval = 25
    model.edges.toggle_smoothness("continuous")
    model.edges.smooth.enabled = not large
    model.edges.inherit_colors(False)
    model.interaction.hideEdgesOnDrag = large
    options: dict[str, Any] = json.loads(model.to_json())
    options["physics"]["solver"] = "barnesHut"
    options["physics"]["minVelocity"] = 1.0
    options["interaction"].update(hover=True, tooltipDelay=100, multiselect=False, hideEdgesOnZoom=large)
    options["layout"] = {"randomSeed": seed, "improvedLayout": False}
    options["nodes"] = {
        "font": {
            "face": FONT_STACK,
            "size": 14,
            "color": "#1f2933",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
        },
        "borderWidth": 1.5,
    }
    options["edges"]["selectionWidth"] = 2
    return options


def _filters(records: list[dict[str, Any]], clusters: list[dict[str, Any]]) -> dict[str, Any]:
    """Filter choices per part: leaders as [name, part], documents as [document index, part]."""
    leaders = sorted(
        {(name, r["part"]) for r in records for name in r.get("leaders", [])}
        | {(r["label"], r["part"]) for r in records if r["kind"] == "leader"},
        key=lambda pair: (pair[1], pair[0]),
    )
    documents = sorted(
        {(d, r["part"]) for r in records for d in r.get("documents", [])}, key=lambda p: (p[1], p[0])
    )
    return {
        "leaders": [list(pair) for pair in leaders],
        "clusters": list(range(len(clusters))),
        "documents": [list(pair) for pair in documents],
    }


def page_data(graph: nx.Graph, *, title: str, physics: bool | None = None, seed: int = 0) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data (nodes, edges, parts, legend, options).

    Positions always come from Python (seeded, overlaps removed); vis-network physics runs only
    when ``physics=True`` is asked for, so the same input always shows the same picture."""
    if not isinstance(graph, nx.Graph):
        raise InputError(f"render_page needs a networkx graph, not {type(graph).__name__}")
    parts = _parts(graph)
    part_of = [_part_of(attrs, len(parts)) for _, attrs in graph.nodes(data=True)]
    max_load = [0.0] * len(parts)
    for (_, attrs), p in zip(graph.nodes(data=True), part_of, strict=True):
        if _is_unit(_kind(attrs)):
            max_load[p] = max(max_load[p], max(_number(attrs.get("load"), 1.0), 0.0))
    clusters, cluster_index = _clusters(graph, parts, part_of)
    tables = _Tables()
    records = []
    for i, (key, attrs) in enumerate(graph.nodes(data=True)):
        record = _node_record(i, key, attrs, part_of[i], max_load[part_of[i]], tables)
        number = _int(attrs.get("cluster"))
        if number is not None and (part_of[i], number) in cluster_index and _is_unit(record["kind"]):
            record["cluster"] = cluster_index[(part_of[i], number)]
        place = _text(attrs.get("jurisdiction"))
        if place and place != parts[part_of[i]].jurisdiction:
            record["jurisdiction"] = place
        records.append(record)
    positions = _positions(graph, part_of, [r["size"] for r in records], seed)
    for record, (x, y) in zip(records, positions, strict=True):
        record["x"], record["y"] = x, y
    index = {key: i for i, key in enumerate(graph.nodes)}
    edges: list[tuple[int, int, str, float]] = []
    for a, b, attrs in graph.edges(data=True):
        kind = _text(attrs.get("kind")) or "co-co"
        if kind not in EDGE_KINDS or kind == "next-year":
            kind = "co-co"
        edges.append((index[a], index[b], kind, round(max(_number(attrs.get("weight"), 1.0), 0.0), 3)))
    sizes = Counter(part_of)
    largest_view = max(sizes.values(), default=0)
    large = largest_view > LARGE_GRAPH
    physics_on = bool(physics)
    kinds_present = {r["kind"] for r in records} | (
        {"group"} if any(r.get("group") for r in records) else set()
    )
    return {
        "meta": {
            "title": title,
            "directed": graph.is_directed(),
            "large": large,
            "physics": physics_on,
            "font": FAMILY,
            "maxWeight": max((e[3] for e in edges), default=1.0) or 1.0,
            "colours": {
                "none": NO_CLUSTER,
                "leader": LEADER_COLOUR,
                "task": TASK_COLOUR,
                "part": PART_COLOUR,
            },
            "kinds": {k: {"shape": s, "label": lbl} for k, (s, lbl) in KINDS.items()},
            "edgeKinds": {
                k: {"colour": c, "dashes": d, "label": lbl} for k, (c, d, lbl) in EDGE_KINDS.items()
            },
            "parts": [
                {
                    "jurisdiction": p.jurisdiction,
                    "span": p.span,
                    "label": p.label,
                    "webgl": sizes[i] > WEBGL_ABOVE,
                }
                for i, p in enumerate(parts)
            ],
            "webglAbove": WEBGL_ABOVE,
            "clusters": clusters,
            "legend": {
                "kinds": [k for k in KINDS if k in kinds_present],
                "edges": [k for k in EDGE_KINDS if k in {e[2] for e in edges}],
            },
            "filters": _filters(records, clusters),
            "overview": _overview(parts, records) if len(parts) > 1 else None,
            "options": _options(large, physics_on, seed),
        },
        "documents": list(tables.documents),
        "tasks": [list(key) for key in tables.tasks],
        "nodes": records,
        "edges": [list(e) for e in edges],
    }
