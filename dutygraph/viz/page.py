"""Build the self-contained network page: one HTML file, every asset inlined, no network request.

The page is our own Jinja template (``assets/page.html``) around the vendored vis-network
standalone build (``assets/vis-network.min.js``, Apache-2.0/MIT), our script (``assets/page.js``) and
style sheet, and a woff2 subset of Noto Sans CJK SC as a data URI (:mod:`dutygraph.fonts`). pyvis supplies the
vis-network options model (:class:`pyvis.options.Options` — physics solver, stabilisation, smoothing,
interaction); its ``Network`` class and template are not used: the template links bootstrap from a
CDN, ``add_edge`` is quadratic (minutes for 5,000 units) and its tooltips are HTML strings.

Document strings never become markup: nodes and edges travel as JSON in a
``<script type="application/json">`` block with ``< > &`` and U+2028/U+2029 escaped, and the page
script builds every label, tooltip and list entry with ``textContent``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.options import Options

from dutygraph.errors import InputError, InternalError, whole_file
from dutygraph.fonts import FAMILY, page_font
from dutygraph.viz.layout import layout_positions

ASSETS = Path(__file__).parent / "assets"

#: Above this many nodes the layout is computed in Python and physics is off.
LARGE_GRAPH = 300
#: Characters of a task's text shown in a tooltip.
EXCERPT = 28

#: kind -> (vis-network shape, legend label).
KINDS: dict[str, tuple[str, str]] = {
    "government-department": ("dot", "政府部门"),
    "party-department": ("diamond", "党委部门"),
    "local-government": ("square", "地方政府"),
    "state-owned-enterprise": ("triangle", "国有企业"),
    "vertical-agency": ("triangleDown", "垂直管理单位"),
    "development-zone": ("hexagon", "开发区"),
    "group": ("dot", "集体提法（虚线框）"),
    "people-organization": ("star", "人民团体"),
    "other": ("dot", "其他单位"),
    "leader": ("ellipse", "分管领导"),
    "task": ("box", "任务"),
}
#: edge kind -> (colour, dash pattern or None, legend label).
EDGE_KINDS: dict[str, tuple[str, list[int] | None, str]] = {
    "lead-co": ("#c0572b", None, "牵头—配合"),
    "co-co": ("#8a97a6", [6, 4], "配合—配合"),
    "lead": ("#c0572b", None, "牵头"),
    "co": ("#8a97a6", [6, 4], "配合"),
    "supervises": ("#7b3fa0", [2, 3], "分管"),
    "assists": ("#2a9d8f", [8, 3, 2, 3], "协助"),
}
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#3b8bc2",
    "#8cd17d",
    "#d4a6c8",
)
NO_CLUSTER = "#b8c0c8"
LEADER_COLOUR = "#9b2d30"
TASK_COLOUR = "#dfe6ee"
FONT_STACK = f'"{FAMILY}", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'

_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(value: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: no tag, entity or line break."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(
        _JSON_ESCAPES
    )


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


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


def _cluster(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _node_record(index: int, key: Hashable, attrs: Mapping[str, Any], max_load: float) -> dict[str, Any]:
    kind = _text(attrs.get("kind")) or "other"
    if kind not in KINDS:
        kind = "other"
    load = max(_number(attrs.get("load"), 1.0), 0.0)
    record: dict[str, Any] = {
        "id": index,
        "key": _text(key),
        "label": _text(attrs.get("label")) or _text(key),
    }
    record["kind"] = kind
    if attrs.get("is_group") or kind == "group":
        record["group"] = True
    aliases = [a for a in _strings(attrs.get("aliases")) if a and a != record["label"]]
    if aliases:
        record["aliases"] = aliases
    cluster = _cluster(attrs.get("cluster"))
    if cluster is not None:
        record["cluster"] = cluster
    if kind not in {"leader", "task"}:
        record["load"] = round(load, 3)
        record["lead"] = int(_number(attrs.get("lead")))
        record["co"] = int(_number(attrs.get("co")))
        record["size"] = round(10.0 + 26.0 * math.sqrt(load / max_load), 1) if max_load > 0 else 12.0
    if attrs.get("flag_reason"):
        record["flag"] = _text(attrs["flag_reason"])
    tasks = [
        [_text(t.get("document")), _text(t.get("number")), _excerpt(_text(t.get("text")))]
        for t in (attrs.get("tasks") or [])
        if isinstance(t, Mapping)
    ]
    if tasks:
        record["tasks"] = tasks
    for name in ("documents", "leaders"):
        values = _strings(attrs.get(name))
        if values:
            record[name] = values
    if attrs.get("jurisdiction"):
        record["jurisdiction"] = _text(attrs["jurisdiction"])
    return record


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


def page_data(graph: nx.Graph, *, title: str, physics: bool | None = None, seed: int = 0) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data (nodes, edges, legend, options)."""
    if not isinstance(graph, nx.Graph):
        raise InputError(f"render_page needs a networkx graph, not {type(graph).__name__}")
    n = graph.number_of_nodes()
    large = n > LARGE_GRAPH
    physics_on = (not large) if physics is None else bool(physics)
    positions = layout_positions(graph, seed=seed)
    loads = [max(_number(a.get("load"), 1.0), 0.0) for _, a in graph.nodes(data=True)]
    max_load = max(loads, default=0.0)
    index = {key: i for i, key in enumerate(graph.nodes)}
    nodes = []
    for key, attrs in graph.nodes(data=True):
        record = _node_record(index[key], key, attrs, max_load)
        record["x"], record["y"] = positions[key]
        nodes.append(record)
    edges = []
    weights = []
    for a, b, attrs in graph.edges(data=True):
        kind = _text(attrs.get("kind")) or "co-co"
        if kind not in EDGE_KINDS:
            kind = "co-co"
        weight = max(_number(attrs.get("weight"), 1.0), 0.0)
        weights.append(weight)
        edges.append([index[a], index[b], kind, round(weight, 3)])
    clusters = sorted({r["cluster"] for r in nodes if "cluster" in r})
    members: dict[int, list[dict[str, Any]]] = {}
    for r in nodes:
        if "cluster" in r:
            members.setdefault(r["cluster"], []).append(r)
    legend_clusters = [
        {
            "id": c,
            "colour": PALETTE[c % len(PALETTE)],
            "size": len(members[c]),
            "top": max(members[c], key=lambda r: (r.get("load", 0.0), -r["id"]))["label"],
        }
        for c in clusters
    ]
    kinds_present = {r["kind"] for r in nodes} | ({"group"} if any(r.get("group") for r in nodes) else set())
    edge_kinds_present = {e[2] for e in edges}
    return {
        "meta": {
            "title": title,
            "directed": graph.is_directed(),
            "large": large,
            "physics": physics_on,
            "font": FAMILY,
            "maxWeight": max(weights, default=1.0) or 1.0,
            "palette": list(PALETTE),
            "colours": {"none": NO_CLUSTER, "leader": LEADER_COLOUR, "task": TASK_COLOUR},
            "kinds": {k: {"shape": s, "label": lbl} for k, (s, lbl) in KINDS.items()},
            "edgeKinds": {
                k: {"colour": c, "dashes": d, "label": lbl} for k, (c, d, lbl) in EDGE_KINDS.items()
            },
            "legend": {
                "clusters": legend_clusters,
                "kinds": [k for k in KINDS if k in kinds_present],
                "edges": [k for k in EDGE_KINDS if k in edge_kinds_present],
            },
            "filters": {
                "leaders": sorted(
                    {v for r in nodes for v in r.get("leaders", [])}
                    | {r["label"] for r in nodes if r["kind"] == "leader"}
                ),
                "clusters": clusters,
                "documents": sorted(
                    {v for r in nodes for v in r.get("documents", [])}
                    | {t[0] for r in nodes for t in r.get("tasks", []) if t[0]}
                ),
            },
            "options": _options(large, physics_on, seed),
        },
        "nodes": nodes,
        "edges": edges,
    }


def _walk_strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _walk_strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk_strings(v)


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _inline(text: str, closing: str) -> str:
    """Asset text for inlining inside ``<script>``/``<style>``; refuse one that would close its element."""
    if closing in text.lower() or "<!--" in text:
        raise InternalError(f"asset cannot be inlined: contains {closing!r} or '<!--'")
    return text


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(ASSETS)), autoescape=True, keep_trailing_newline=True
)


def render_page(graph: nx.Graph, *, title: str, physics: bool | None = None, seed: int = 0) -> str:
    """The network page for ``graph`` as one self-contained HTML document.

    ``physics=None`` turns vis-network physics on for graphs up to :data:`LARGE_GRAPH` nodes and off
    above (positions are always computed in Python, so a large page is still at first paint). The
    same graph, title and ``seed`` give byte-identical HTML.
    """
    data = page_data(graph, title=title, physics=physics, seed=seed)
    template = _ENV.get_template("page.html")
    page_script = _asset("page.js")
    ui_text = (ASSETS / "page.html").read_text(encoding="utf-8") + page_script
    font = page_font(ui_text + "".join(_walk_strings(data)))
    return template.render(
        title=title,
        vis_css=Markup(_inline(_asset("vis-network.min.css"), "</style")),
        page_css=Markup(_inline(_asset("page.css"), "</style")),
        vis_js=Markup(_inline(_asset("vis-network.min.js"), "</script")),
        page_js=Markup(_inline(page_script, "</script")),
        data_json=Markup(script_json(data)),
        font_family=FAMILY,
        font_uri=font.data_uri,
    )


def write_page(
    graph: nx.Graph, path: str | Path, *, title: str, physics: bool | None = None, seed: int = 0
) -> Path:
    """Write :func:`render_page` to ``path`` (UTF-8, parents created) and return the path."""
    path = Path(path)
    html = render_page(graph, title=title, physics=physics, seed=seed)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot write the page to {path}: {error.strerror or error}") from None
    with whole_file(path) as partial:  # a full disk leaves no half page
        partial.write_text(html, encoding="utf-8")
    return path
