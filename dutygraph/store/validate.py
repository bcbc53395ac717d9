"""SHACL validation of the store against ``ontology/shapes.ttl``, one graph at a time.

The shapes run as SPARQL on Oxigraph (``ontology/shapes.py`` translates them): the shared graph
(units, leaders, posts, places) once, then each document graph on its own, so memory holds one
query's solutions however big the store is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from dutygraph.ontology.namespaces import DG_NS, PROV_NS, SHARED_GRAPH
from dutygraph.ontology.shapes import Check, packaged_checks
from dutygraph.store.catalog import stable_graph_name
from dutygraph.store.store import Store

_DOC_ID = ox.NamedNode(DG_NS + "docId")
_TASK_ID = ox.NamedNode(DG_NS + "taskId")
_QUALIFIED_ASSOCIATION = ox.NamedNode(PROV_NS + "qualifiedAssociation")


@dataclass(frozen=True)
class Violation:
    severity: str  # "Violation" | "Warning" | "Info"
    focus: str
    path: str | None
    message: str
    document: str | None = None  # the document id; None for the shared graph
    task: str | None = None  # the task id the focus node is or belongs to
    value: str | None = None  # the offending value, for a constraint on values (class, datatype, in…)


def validate_store(store: Store, progress: Callable[[str], None] | None = None) -> list[Violation]:
    """Every SHACL result, errors first; an empty list means the graph conforms.

    A document pass targets the nodes typed in the document graph itself, so the shared nodes it
    points at (its units and leaders) are checked once, in the shared pass. Each result names
    its document and task.
    """
    say = progress or (lambda message: None)
    checks = packaged_checks()
    say("validating the shared graph")
    violations = [
        _violation(check, focus, value) for check, focus, value in _graph_results(store, SHARED_GRAPH, checks)
    ]
    graphs = store.document_graphs()
    for number, graph in enumerate(graphs, start=1):
        doc_id = _document_id(store, graph)
        say(f"validating {doc_id} ({number}/{len(graphs)})")
        violations += [
            _violation(check, focus, value, doc_id, _task_of(store, graph, focus))
            for check, focus, value in _graph_results(store, graph, checks)
        ]
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(violations, key=lambda v: (order.get(v.severity, 3), v.document or "", v.focus, v.message))


_Node = ox.NamedNode | ox.BlankNode


def _graph_results(
    store: Store, graph: ox.NamedNode, checks: list[Check]
) -> list[tuple[Check, _Node, str | None]]:
    """Each check with each focus node that breaks it on ``graph`` and the value that does, if
    the check is about values; the shared graph is the one graph a query's ``GRAPH`` sees."""
    found = []
    for check in checks:
        for solution in store.oxigraph.query(check.query, default_graph=graph, named_graphs=[SHARED_GRAPH]):  # type: ignore[union-attr]
            focus, value = solution["this"], solution["value"]
            if isinstance(focus, ox.NamedNode | ox.BlankNode):
                shown = str(value) if value is not None else None  # the value as N-Triples writes it
                found.append((check, focus, shown))
    return found


def _violation(
    check: Check, focus: _Node, value: str | None, document: str | None = None, task: str | None = None
) -> Violation:
    return Violation(check.severity, str(focus.value), check.path, check.message, document, task, value)


def _document_id(store: Store, graph: ox.NamedNode) -> str:
    for quad in store.oxigraph.quads_for_pattern(None, _DOC_ID, None, graph):
        return _text(quad.object)
    return stable_graph_name(graph.value)


def _task_of(store: Store, graph: ox.NamedNode, focus: _Node) -> str | None:
    """The task id of ``focus`` (a task) or of the task holding it (an assignment)."""
    for quad in store.oxigraph.quads_for_pattern(focus, _TASK_ID, None, graph):
        return _text(quad.object)
    for holder in store.oxigraph.quads_for_pattern(None, _QUALIFIED_ASSOCIATION, focus, graph):
        for quad in store.oxigraph.quads_for_pattern(holder.subject, _TASK_ID, None, graph):
            return _text(quad.object)
    return None


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return term.value if isinstance(term, ox.Literal) else str(term)
