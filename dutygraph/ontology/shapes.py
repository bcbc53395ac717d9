"""The SHACL shapes (``shapes.ttl``) as SPARQL queries: one query per constraint, run on a graph.

Why not a SHACL engine: pyshacl walks every focus node in Python over an rdflib graph — about
0.3 s of CPU for a 100-task document, a quarter of an hour for 1,000 notices — while the same
checks as SPARQL on Oxigraph take milliseconds a document. The shapes use a small part of SHACL:
targets by class (with its subclasses) or by the subjects of a property; property shapes on one
predicate with ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
``sh:minInclusive`` and ``sh:in``; and SPARQL-based constraints. This module translates exactly
that part and refuses anything else by name (:class:`UnsupportedShape`), so a shape added to
``shapes.ttl`` that it cannot check fails loudly instead of being skipped.
``tests/ontology/test_shapes.py`` checks the translation against pyshacl on hand-broken graphs.

Each query runs with the checked graph as its default graph and the shared graph as its one
named graph: ``sh:class`` looks a value's type up in either (a document's tasks point at units
typed in the shared graph) and in the vocabulary (the unit kinds and roles are typed there; their
IRIs are written into the query).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import rdflib
from rdflib.collection import Collection
from rdflib.term import Identifier as Term

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_RDF_TYPE = rdflib.RDF.type
_SUBCLASS_OF = rdflib.RDFS.subClassOf
_XSD = rdflib.XSD

#: Datatypes whose lexical form SPARQL can check by casting: a value whose cast fails is
#: ill-formed ("abc"^^xsd:integer), as SHACL's sh:datatype requires.
_CASTABLE = {
    _XSD.string,
    _XSD.boolean,
    _XSD.integer,
    _XSD.decimal,
    _XSD.float,
    _XSD.double,
    _XSD.dateTime,
    _XSD.date,
}

#: What a node shape and a property shape may say; anything else in SHACL's namespace is refused.
_NODE_KEYS = {SH.targetClass, SH.targetSubjectsOf, SH.property, SH.sparql}
_PROPERTY_KEYS = {
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH["class"],
    SH.datatype,
    SH.minInclusive,
    SH["in"],
    SH.message,
    SH.severity,
}


class UnsupportedShape(ValueError):
    """A shape uses a part of SHACL this translation does not check."""


@dataclass(frozen=True)
class Check:
    """One constraint as a SPARQL ``SELECT`` whose solutions break it: ``?this`` the focus node,
    ``?value`` the offending value where the constraint is about values."""

    query: str
    severity: str  # "Violation" | "Warning" | "Info"
    path: str | None  # the property's IRI; None for a SPARQL-based constraint
    message: str


def _objects(graph: rdflib.Graph, subject: Term, predicate: Term) -> list[Term]:
    """``subject``'s values of ``predicate``, sorted (rdflib types them as nodes; terms they are)."""
    return sorted(o for o in graph.objects(subject, predicate) if isinstance(o, Term))


def _one(graph: rdflib.Graph, subject: Term, predicate: Term) -> Term | None:
    value = graph.value(subject, predicate)
    return value if isinstance(value, Term) else None


def packaged_graph(name: str) -> rdflib.Graph:
    """``dutygraph/ontology/<name>`` (Turtle) as an rdflib graph."""
    graph = rdflib.Graph()
    graph.parse(data=resources.files("dutygraph.ontology").joinpath(name).read_text("utf-8"), format="turtle")
    return graph


def packaged_checks() -> list[Check]:
    """The checks of the packaged ``shapes.ttl`` against the packaged vocabulary."""
    return shape_checks(packaged_graph("shapes.ttl"), packaged_graph("dutygraph.ttl"))


def shape_checks(shapes: rdflib.Graph, vocabulary: rdflib.Graph) -> list[Check]:
    """Every constraint of every node shape in ``shapes``, in a stable order."""
    checks: list[Check] = []
    for shape in sorted({s for s in shapes.subjects(_RDF_TYPE, SH.NodeShape) if isinstance(s, Term)}):
        _refuse_unknown(shapes, shape, _NODE_KEYS, "node shape")
        targets = _targets(shapes, shape, vocabulary)
        for property_shape in _objects(shapes, shape, SH.property):
            checks += _property_checks(shapes, property_shape, targets, vocabulary)
        for constraint in _objects(shapes, shape, SH.sparql):
            checks.append(_sparql_check(shapes, shape, constraint, targets))
    return checks


def _refuse_unknown(shapes: rdflib.Graph, node: Term, allowed: set[rdflib.URIRef], what: str) -> None:
    for predicate in set(shapes.predicates(node)):
        if str(predicate).startswith(str(SH)) and predicate not in allowed:
            raise UnsupportedShape(
                f"{what} {node} uses {shapes.qname(str(predicate))}, which validate cannot check"
            )


def _targets(shapes: rdflib.Graph, shape: Term, vocabulary: rdflib.Graph) -> str:
    """A group pattern binding ``?this`` to each focus node of ``shape``."""
    patterns = [
        f"{{ ?this a ?targetType . VALUES ?targetType {{ {_terms(_subclasses(vocabulary, c))} }} }}"
        for c in _objects(shapes, shape, SH.targetClass)
    ]
    patterns += [f"{{ ?this {p.n3()} [] }}" for p in _objects(shapes, shape, SH.targetSubjectsOf)]
    if not patterns:
        raise UnsupportedShape(f"node shape {shape} has no sh:targetClass or sh:targetSubjectsOf")
    return " UNION ".join(patterns)


def _subclasses(vocabulary: rdflib.Graph, cls: Term) -> list[Term]:
    """``cls`` and every class below it in the vocabulary (SHACL's instances include theirs)."""
    found = {cls}
    frontier = [cls]
    while frontier:
        for below in vocabulary.subjects(_SUBCLASS_OF, frontier.pop()):
            if isinstance(below, Term) and below not in found:
                found.add(below)
                frontier.append(below)
    return sorted(found)


def _terms(nodes: Iterable[Term]) -> str:
    return " ".join(node.n3() for node in nodes)


def _property_checks(shapes: rdflib.Graph, node: Term, targets: str, vocabulary: rdflib.Graph) -> list[Check]:
    _refuse_unknown(shapes, node, _PROPERTY_KEYS, "property shape")
    path = _one(shapes, node, SH.path)
    if not isinstance(path, rdflib.URIRef):
        raise UnsupportedShape(f"property shape {node} has a path that is not one predicate")
    severity = str(_one(shapes, node, SH.severity) or SH.Violation).rsplit("#", 1)[-1]
    given = _one(shapes, node, SH.message)
    p = path.n3()
    focus = f"{{ SELECT DISTINCT ?this WHERE {{ {targets} }} }}"
    checks: list[tuple[str, str]] = []  # (query, default message)
    if (least := _one(shapes, node, SH.minCount)) is not None:
        checks.append(
            (
                f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value }} }}"
                f" GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {int(str(least))})",
                f"needs at least {int(str(least))} value(s)",
            )
        )
    if (most := _one(shapes, node, SH.maxCount)) is not None:
        checks.append(
            (
                f"SELECT ?this WHERE {{ {focus} ?this {p} ?value }}"
                f" GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(str(most))})",
                f"allows at most {int(str(most))} value(s)",
            )
        )
    values = f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value . FILTER("
    if (cls := _one(shapes, node, SH["class"])) is not None:
        classes = _subclasses(vocabulary, cls)
        known = sorted({i for c in classes for i in vocabulary.subjects(_RDF_TYPE, c) if isinstance(i, Term)})
        typed = f"VALUES ?type {{ {_terms(classes)} }} {{ ?value a ?type }} UNION {{ GRAPH ?context {{ ?value a ?type }} }}"
        outside = f" && ?value NOT IN ({', '.join(i.n3() for i in known)})" if known else ""
        checks.append(
            (
                f"{values}NOT EXISTS {{ {typed} }}{outside}) }}",
                f"a value that is not a {shapes.qname(str(cls))}",
            )
        )
    if (datatype := _one(shapes, node, SH.datatype)) is not None:
        well_formed = (
            f" && COALESCE(isLiteral({datatype.n3()}(STR(?value))), false)" if datatype in _CASTABLE else ""
        )
        checks.append(
            (
                f"{values}!(isLiteral(?value) && DATATYPE(?value) = {datatype.n3()}{well_formed})) }}",
                f"a value that is not a well-formed {shapes.qname(str(datatype))}",
            )
        )
    if (bound := _one(shapes, node, SH.minInclusive)) is not None:
        checks.append((f"{values}!COALESCE(?value >= {bound.n3()}, false)) }}", f"a value below {bound}"))
    if (members := _one(shapes, node, SH["in"])) is not None:
        allowed = [m for m in Collection(shapes, members) if isinstance(m, Term)]
        names = ", ".join(shapes.qname(str(m)) for m in allowed)
        checks.append(
            (f"{values}?value NOT IN ({', '.join(m.n3() for m in allowed)})) }}", f"a value outside {names}")
        )
    return [Check(query, severity, str(path), str(given or default)) for query, default in checks]


def _sparql_check(shapes: rdflib.Graph, shape: Term, node: Term, targets: str) -> Check:
    """A ``sh:sparql`` constraint's ``SELECT`` joined with its shape's targets (``$this`` bound by them)."""
    prefixes = "".join(
        f"PREFIX {_one(shapes, d, SH.prefix)}: <{_one(shapes, d, SH.namespace)}>\n"
        for declared in _objects(shapes, node, SH.prefixes)
        for d in _objects(shapes, declared, SH.declare)
    )
    severity = _one(shapes, node, SH.severity) or _one(shapes, shape, SH.severity) or SH.Violation
    return Check(
        f"{prefixes}SELECT DISTINCT * WHERE {{ {targets} {{ {_one(shapes, node, SH.select)} }} }}",
        str(severity).rsplit("#", 1)[-1],
        None,
        str(_one(shapes, node, SH.message) or ""),
    )
