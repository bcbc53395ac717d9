"""The graphs the network page draws, built from an :class:`Analysis`.

Three views, each a NetworkX graph with the attributes the page expects (label, kind, cluster,
load, aliases, tasks, leaders, documents, flag_reason; edge weight and kind):

* ``units`` — the collaboration graph (groups included, drawn apart), edges ``lead-co``/``co-co``;
* ``tasks`` — tasks and the units on them, edges ``lead``/``co``;
* ``leaders`` — leaders and the units their tasks reach, edges ``supervises``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from dutygraph.errors import InputError
from dutygraph.graph.analysis import Analysis, Part, node_suffix
from dutygraph.graph.projections import collaboration
from dutygraph.graph.snapshot import TaskInfo
from dutygraph.settings import VIEW, VIEWS

_TEXT_PREVIEW = 40


def _task_ref(task: TaskInfo) -> dict[str, Any]:
    text = task.text if len(task.text) <= _TEXT_PREVIEW else task.text[:_TEXT_PREVIEW] + "…"
    return {"document": task.doc_id, "number": task.number or task.task_id, "text": text, "line": task.line}


def _unit_nodes(part: Part, suffix: str, graph: nx.Graph) -> None:
    snapshot = part.snapshot
    tasks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    documents: dict[str, set[str]] = defaultdict(set)
    for task in snapshot.tasks:
        for unit in task.units:
            tasks[unit].append(_task_ref(task))
            documents[unit].add(task.doc_id)
    for iri, info in snapshot.units.items():
        load = part.load_of(iri)
        burden = part.burden_of(iri)
        graph.add_node(
            iri + suffix,
            label=info.name,
            kind=info.kind,
            is_group=info.is_group,
            aliases=info.names[1:],
            cluster=part.clustering.membership.get(iri),
            load=load.load,
            lead=load.lead,
            co=load.co,
            flag_reason=burden.reason if burden and burden.flagged else None,
            tasks=tasks[iri],
            documents=sorted(documents[iri]),
            leaders=load.leaders,
            jurisdiction=info.jurisdiction,
            year=part.year,
        )


def unit_view(analysis: Analysis) -> nx.Graph:
    """Each part's units and their shared tasks; group mentions join only their own part's units
    (a group is one jurisdiction's and one year's), so nothing bridges two cities."""
    graph = nx.Graph()
    for part in analysis.parts:
        suffix = node_suffix(analysis, part)
        _unit_nodes(part, suffix, graph)
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
    return graph


def task_view(analysis: Analysis) -> nx.DiGraph:
    graph = nx.DiGraph()
    for part in analysis.parts:
        suffix = node_suffix(analysis, part)
        _unit_nodes(part, suffix, graph)
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
            )
            for unit in task.units:
                graph.add_edge(task.iri, unit + suffix, weight=1, kind="lead" if unit in task.leads else "co")
    return graph


def leader_view(analysis: Analysis) -> nx.DiGraph:
    graph = nx.DiGraph()
    for part in analysis.parts:
        suffix = node_suffix(analysis, part)
        _unit_nodes(part, suffix, graph)
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
    return graph


def view_graph(analysis: Analysis, view: str = VIEW) -> nx.Graph:
    if view == "units":
        return unit_view(analysis)
    if view == "tasks":
        return task_view(analysis)
    if view == "leaders":
        return leader_view(analysis)
    raise InputError(f"unknown view {view!r} (choose {', '.join(VIEWS)})")
