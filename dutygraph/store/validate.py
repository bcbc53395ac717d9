"""SHACL validation of the whole store against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources

import rdflib
from pyshacl import validate as shacl_validate

from dutygraph.store.store import Store

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    severity: str  # "Violation" | "Warning" | "Info"
    focus: str
    path: str | None
    message: str


def ontology_graph() -> rdflib.Graph:
    """The dutygraph vocabulary (``dutygraph.ttl``) as an rdflib graph."""
    return _packaged_graph("dutygraph.ttl")


def _packaged_graph(name: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=resources.files("dutygraph.ontology").joinpath(name).read_text("utf-8"), format="turtle")
    return graph


def store_as_rdflib(store: Store) -> rdflib.Graph:
    """The union of every graph in the store, for tools that need rdflib (pyshacl)."""
    buffer = io.BytesIO()
    store.export(buffer, "nquads")
    dataset = rdflib.Dataset()
    dataset.parse(data=buffer.getvalue(), format="nquads")
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_store(store: Store) -> list[Violation]:
    """Every SHACL result, errors first; an empty list means the graph conforms."""
    data = store_as_rdflib(store)
    data += ontology_graph()  # kinds and roles are individuals declared in the vocabulary
    _, report, _ = shacl_validate(data, shacl_graph=_packaged_graph("shapes.ttl"), inference="none")
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = report.value(result, SH.resultPath)
        violations.append(
            Violation(
                severity=severity,
                focus=str(report.value(result, SH.focusNode)),
                path=str(path) if path is not None else None,
                message=str(report.value(result, SH.resultMessage) or ""),
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(violations, key=lambda v: (order.get(v.severity, 3), v.focus, v.message))
