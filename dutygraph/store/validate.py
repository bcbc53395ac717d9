"""SHACL validation of the store against ``ontology/shapes.ttl``, one graph at a time.

pyshacl checks the core constraints (counts, datatypes, classes, values). The SPARQL-based
constraints of the shapes run on Oxigraph instead, each one query per graph: pyshacl hands
rdflib the query's text for every focus node, and rdflib parses it again each time (66 ms a
parse, 8 s of a 100-task document's 9 s).
"""

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


@dataclass(frozen=True)
class _SparqlConstraint:
    """A shape's ``sh:sparql`` constraint as one query over a graph: its targets joined with
    its ``SELECT``, each solution a focus node that breaks it."""

    query: str
    severity: str
    message: str


def _sparql_constraints(shapes: rdflib.Graph) -> list[_SparqlConstraint]:
    """Take the SPARQL-based constraints out of ``shapes`` (pyshacl checks what is left)."""
    constraints = []
    for shape, node in sorted(shapes.subject_objects(SH.sparql)):
        shapes.remove((shape, SH.sparql, node))
        targets = [f"{{ ?this a <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
        targets += [f"{{ ?this <{p}> [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for declared in shapes.objects(node, SH.prefixes)
            for d in shapes.objects(declared, SH.declare)
        )
        severity = shapes.value(node, SH.severity) or shapes.value(shape, SH.severity) or SH.Violation
        constraints.append(
            _SparqlConstraint(
                f"{prefixes}SELECT DISTINCT * WHERE {{ {' UNION '.join(targets)} {{ {shapes.value(node, SH.select)} }} }}",
                str(severity).rsplit("#", 1)[-1],
                str(shapes.value(node, SH.message) or ""),
            )
        )
    return constraints


def _sparql_results(
    store: Store, graph: ox.NamedNode, constraints: list[_SparqlConstraint], document: rdflib.Graph | None
) -> list[Violation]:
    """Each constraint's solutions on ``graph``; the task each is about looked up in ``document``."""
    violations = []
    for constraint in constraints:
        for solution in store.oxigraph.query(constraint.query, default_graph=graph):  # type: ignore[union-attr]
            focus = solution["this"].value
            task = _task_of(document, rdflib.URIRef(focus)) if document is not None else None
            violations.append(Violation(constraint.severity, focus, None, constraint.message, task=task))
    return violations


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term: Any) -> Any:
    """An Oxigraph term as rdflib's (a plain string without a datatype, as rdflib reads one)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return rdflib.Literal(term.value, datatype=None if datatype == _XSD_STRING else rdflib.URIRef(datatype))


def _rdflib_graph(triples: Iterable[ox.Triple], ontology: rdflib.Graph) -> rdflib.Graph:
    """``triples`` and the vocabulary in one rdflib graph, built term by term (serialising them
    and parsing the text again took twice as long)."""
    graph = rdflib.Graph()
    graph += ontology
    add = graph.add
    for triple in triples:
        add((_rdflib_term(triple.subject), _rdflib_term(triple.predicate), _rdflib_term(triple.object)))
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
    constraints = _sparql_constraints(shapes)
    say("validating the shared graph")
    shared = store.oxigraph.quads_for_pattern(None, None, None, SHARED_GRAPH)
    types: dict[str, list[ox.Triple]] = {}
    shared_triples = []
    for quad in shared:
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        shared_triples.append(triple)
        if quad.predicate == RDF_TYPE:
            types.setdefault(quad.subject.value, []).append(triple)  # type: ignore[union-attr]
    violations = _results(_rdflib_graph(shared_triples, ontology), shapes, None)
    violations += _sparql_results(store, SHARED_GRAPH, constraints, None)
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
        data = _rdflib_graph([*triples, *context], ontology)
        doc_id = next((str(o) for o in data.objects(None, DG.docId)), stable_graph_name(graph.value))
        say(f"validating {doc_id} ({number}/{len(graphs)})")
        found = _results(data, shapes, data) + _sparql_results(store, graph, constraints, data)
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
