"""SHACL validation of the store against ``ontology/shapes.ttl`` (pyshacl), one graph at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate

from dutygraph.ontology.namespaces import DG_NS, PROV_NS, RDF_TYPE, SHARED_GRAPH
from dutygraph.store.catalog import stable_graph_name
from dutygraph.store.store import Store

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
DG = rdflib.Namespace(DG_NS)
PROV = rdflib.Namespace(PROV_NS)


@dataclass(frozen=True)
class Violation:
    severity: str  # "Violation" | "Warning" | "Info"
    focus: str
    path: str | None
    message: str
    document: str | None = None  # the document id; None for the shared graph
    task: str | None = None  # the task id the focus node is or belongs to


def ontology_graph() -> rdflib.Graph:
    """The dutygraph vocabulary (``dutygraph.ttl``) as an rdflib graph."""
    return _packaged_graph("dutygraph.ttl")


def _packaged_graph(name: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=resources.files("dutygraph.ontology").joinpath(name).read_text("utf-8"), format="turtle")
    return graph


def _rdflib_graph(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


def validate_store(store: Store, progress: Callable[[str], None] | None = None) -> list[Violation]:
    """Every SHACL result, errors first; an empty list means the graph conforms.

    Streams: the shared graph (units, leaders, posts, places) is checked once, then each
    document graph on its own with the types of the shared nodes it references (what its
    ``sh:class`` constraints look up), so memory holds one document at a time however big the
    store is. A document pass keeps only results about the document's own nodes (the shared
    ones — a leader the document also says holds a post — were checked in the shared pass)
    and names the document and the task.
    """
    say = progress or (lambda message: None)
    shapes, ontology = _packaged_graph("shapes.ttl"), ontology_graph()
    say("validating the shared graph")
    shared = store.oxigraph.quads_for_pattern(None, None, None, SHARED_GRAPH)
    types: dict[str, list[ox.Triple]] = {}
    shared_triples = []
    for quad in shared:
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        shared_triples.append(triple)
        if quad.predicate == RDF_TYPE:
            types.setdefault(quad.subject.value, []).append(triple)  # type: ignore[union-attr]
    violations = _results(_rdflib_graph(shared_triples) + ontology, shapes, None)
    del shared_triples
    graphs = store.document_graphs()
    for number, graph in enumerate(graphs, start=1):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.oxigraph.quads_for_pattern(None, None, None, graph)
        ]
        own = {t.subject.value for t in triples}  # type: ignore[union-attr]
        referenced = {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)}
        context = [typed for node in referenced for typed in types.get(node, ())]
        data = _rdflib_graph([*triples, *context])
        doc_id = next((str(o) for o in data.objects(None, DG.docId)), stable_graph_name(graph.value))
        say(f"validating {doc_id} ({number}/{len(graphs)})")
        found = _results(data + ontology, shapes, data)
        violations += [replace(v, document=doc_id) for v in found if v.focus in own and v.focus not in types]
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(violations, key=lambda v: (order.get(v.severity, 3), v.document or "", v.focus, v.message))


def _results(data: rdflib.Graph, shapes: rdflib.Graph, document: rdflib.Graph | None) -> list[Violation]:
    """pyshacl's results on ``data``; the task each is about looked up in ``document``."""
    _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none")
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = report.value(result, SH.resultPath)
        focus = report.value(result, SH.focusNode)
        violations.append(
            Violation(
                severity=severity,
                focus=str(focus),
                path=str(path) if path is not None else None,
                message=str(report.value(result, SH.resultMessage) or ""),
                task=_task_of(document, focus) if document is not None else None,
            )
        )
    return violations


def _task_of(document: rdflib.Graph, focus: Any) -> str | None:
    """The task id of ``focus`` (a task) or of the task holding it (an assignment)."""
    task = document.value(focus, DG.taskId)
    if task is None:
        holder = document.value(None, PROV.qualifiedAssociation, focus)
        task = document.value(holder, DG.taskId) if holder is not None else None
    return str(task) if task is not None else None
