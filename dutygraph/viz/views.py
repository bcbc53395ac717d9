"""The graphs the network page draws, built from an :class:`Analysis`.

Three views, each a NetworkX graph with the attributes the page expects (label, kind, cluster,
load, aliases, tasks, leaders, documents, flag_reason, jurisdiction, year, part; edge weight and kind).
``graph.graph["parts"]`` lists the analysed parts (jurisdiction, years, clusters with the report's
numbering and hub names), so the page names clusters as the report does and opens on an overview of
the parts when there are several:

* ``units`` — the collaboration graph (groups included, drawn apart), edges ``lead-co``/``co-co``;
* ``tasks`` — tasks and the units on them, edges ``lead``/``co``;
* ``leaders`` — leaders and the units their tasks reach, edges ``supervises``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

import networkx as nx

from dutygraph.errors import InputError
from dutygraph.graph.analysis import Analysis, Part, node_suffix
from dutygraph.graph.projections import collaboration
from dutygraph.graph.snapshot import TaskInfo
from dutygraph.settings import VIEW, VIEWS

_TEXT_PREVIEW = 40
G = TypeVar("G", bound=nx.Graph)


def _task_ref(task: TaskInfo) -> dict[str, Any]:
    text = task.text if len(task.text) <= _TEXT_PREVIEW else task.text[:_TEXT_PREVIEW] + "…"
    return {"document": task.doc_id, "number": task.number or task.task_id, "text": text, "line": task.line}


def _part_record(part: Part) -> dict[str, Any]:
    """What the page shows of a part: where and when, and its clusters as the report numbers them
    (clusters of one unit are the report's "units on their own" and get no number on the page)."""
    return {
        "jurisdiction": part.scope.jurisdiction or "",
        "span": part.scope.span,
        "clusters": {c.id: c.hubs for c in part.clustering.clusters if len(c.members) > 1},
    }


def _with_parts(graph: G, analysis: Analysis) -> G:
    graph.graph["parts"] = [_part_record(part) for part in analysis.parts]
    return graph


def _unit_nodes(part: Part, suffix: str, graph: nx.Graph, number: int) -> None:
    snapshot = part.snapshot
    tasks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    documents: dict[str, set[str]] = defaultdict(set)
    assistants: dict[str, set[str]] = defaultdict(set)
    for task in snapshot.tasks:
        helpers = {snapshot.leaders[leader].name for leader in task.assistants if leader in snapshot.leaders}
        for unit in task.units:
            tasks[unit].append(_task_ref(task))
            documents[unit].add(task.doc_id)
            assistants[unit] |= helpers
    for iri, info in snapshot.units.items():
        load = part.load_of(iri)
        burden = part.burden_of(iri)
        clustered = part.clustering.membership.get(iri)
        # The assisting leaders too: a planner picking 许继清 expects the units he helps on.
        leaders = load.leaders + sorted(assistants[iri] - set(load.leaders))
        graph.add_node(
            iri + suffix,
            label=info.name,
            kind=info.kind,
            is_group=info.is_group,
            aliases=info.names[1:],
            cluster=clustered,
            load=load.load,
            lead=load.lead,
            co=load.co,
            flag_reason=burden.reason_in("zh") if burden and burden.flagged else None,
            tasks=tasks[iri],
            documents=sorted(documents[iri]),
            leaders=leaders,
            jurisdiction=info.jurisdiction,
            year=part.year,
            part=number,
        )


def unit_view(analysis: Analysis) -> nx.Graph:
    """Each part's units and their shared tasks; group mentions join only their own part's units
    (a group is one jurisdiction's and one year's), so nothing bridges two cities."""
    graph = nx.Graph()
    for number, part in enumerate(analysis.parts):
        suffix = node_suffix(analysis, part)
        _unit_nodes(part, suffix, graph, number)
        network = collaboration(part.snapshot, include_groups=True)
        units = [iri + suffix for iri in network.units]
        # A pair that ever leads/assists each other reads as "lead-co".
        graph.add_edges_from(
            (units[a], units[b], {"weight": shared, "kind": "lead-co" if lead_co else "co-co"})
            for a, b, shared, lead_co in zip(
                network.source.tolist(),
                network.target.tolist(),
                network.shared.tolist(),
                network.lead_co.tolist(),
                strict=True,
            )
        )
    return _with_parts(graph, analysis)


def task_view(analysis: Analysis) -> nx.DiGraph:
    graph = nx.DiGraph()
    for number, part in enumerate(analysis.parts):
        suffix = node_suffix(analysis, part)
        _unit_nodes(part, suffix, graph, number)
        snapshot = part.snapshot
        for task in snapshot.tasks:
            graph.add_node(
                task.iri,
                label=f"{task.doc_id} {task.number or task.task_id}",
                kind="task",
                tasks=[_task_ref(task)],
                documents=[task.doc_id],
                leaders=sorted(snapshot.leaders[leader].name for leader in task.leaders),
                load=1.0,
                part=number,
            )
            for unit in task.units:
                graph.add_edge(task.iri, unit + suffix, weight=1, kind="lead" if unit in task.leads else "co")
    return _with_parts(graph, analysis)


def leader_view(analysis: Analysis) -> nx.DiGraph:
    graph = nx.DiGraph()
    for number, part in enumerate(analysis.parts):
        suffix = node_suffix(analysis, part)
        _unit_nodes(part, suffix, graph, number)
        snapshot = part.snapshot
        for portfolio in part.portfolios:
            info = snapshot.leaders[portfolio.iri]
            graph.add_node(
                portfolio.iri + suffix,
                label=info.name,
                kind="leader",
                aliases=sorted(info.posts),
                leaders=[info.name],
                documents=sorted({t.doc_id for t in snapshot.tasks if portfolio.iri in t.leaders}),
                load=float(portfolio.tasks),
                jurisdiction=info.jurisdiction,
                year=part.year,
                part=number,
            )
        for task in snapshot.tasks:
            for leader in task.leaders:
                for unit in task.units:
                    edge = (leader + suffix, unit + suffix)
                    if graph.has_edge(*edge):
                        graph.edges[edge]["weight"] += 1
                    else:
                        graph.add_edge(*edge, weight=1, kind="supervises")
    isolated = [n for n, d in graph.nodes(data=True) if d.get("kind") != "leader" and graph.degree(n) == 0]
    graph.remove_nodes_from(isolated)
    return _with_parts(graph, analysis)


def page_title(analysis: Analysis) -> str:
    """A title that fits one line whatever the corpus: the document when there is one, else counts
    ("500 份文件 · 13 个辖区 · 2019–2021") — never the list of every document id."""
    documents = list(analysis.snapshot.documents)
    if len(documents) == 1:
        return f"责任分工网络 — {documents[0]}"
    years = analysis.years
    span = "" if not years else (str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    pieces = [f"{len(documents)} 份文件", f"{len(analysis.jurisdictions)} 个辖区"] + ([span] if span else [])
    return "责任分工网络 — " + " · ".join(pieces)


def view_graph(analysis: Analysis, view: str = VIEW) -> nx.Graph:
    if view == "units":
        return unit_view(analysis)
    if view == "tasks":
        return task_view(analysis)
    if view == "leaders":
        return leader_view(analysis)
    raise InputError(f"unknown view {view!r} (choose {', '.join(VIEWS)})")
