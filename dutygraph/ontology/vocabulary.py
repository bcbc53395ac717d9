"""A human-readable page of the vocabulary, generated from ``dutygraph.ttl``.

``docs/vocabulary.md`` is this function's output; a test keeps the two in step, so the page
never drifts from the ontology it describes.
"""

from __future__ import annotations

from importlib import resources

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from dutygraph.ontology.namespaces import DG_NS, PREFIXES

_DIAGRAM = """```mermaid
flowchart LR
  Document["dg:Document<br/>prov:Entity"]
  Task["dg:Task<br/>prov:Activity"]
  Unit["dg:Unit<br/>org:Organization"]
  Leader["dg:Leader<br/>prov:Agent"]
  Post["org:Post"]
  Place["dg:Jurisdiction"]
  Assignment["dg:Assignment<br/>prov:Association"]
  Kind["dg:UnitKind<br/>skos:Concept"]
  Task -- dg:inDocument --> Document
  Task -- "dg:leadUnit / dg:coUnit" --> Unit
  Task -- "dg:supervisedBy / dg:assistedBy" --> Leader
  Task -- prov:qualifiedAssociation --> Assignment
  Assignment -- prov:agent --> Unit
  Assignment -- prov:agent --> Leader
  Assignment -. "prov:hadRole, dg:rank, dg:asPrinted" .-> Assignment
  Unit -- org:subOrganizationOf --> Unit
  Unit -- dg:kind --> Kind
  Unit -- dg:jurisdiction --> Place
  Leader -- org:holds --> Post
  Document -- dg:jurisdiction --> Place
```"""


def _curie(term: rdflib.term.Node) -> str:
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    if text.startswith("https://schema.org/"):
        return "schema:" + text.removeprefix("https://schema.org/")
    return f"<{text}>"


def _label(graph: rdflib.Graph, term: rdflib.term.Node, lang: str) -> str:
    for predicate in (RDFS.label, SKOS.prefLabel):
        for value in graph.objects(term, predicate):
            if isinstance(value, rdflib.Literal) and value.language == lang:
                return str(value)
    return ""


def _comment(graph: rdflib.Graph, term: rdflib.term.Node) -> str:
    values = [str(v) for v in graph.objects(term, RDFS.comment)] + [
        str(v) for v in graph.objects(term, SKOS.scopeNote)
    ]
    return " ".join(values).replace("|", "\\|")


def vocabulary_markdown() -> str:
    """The vocabulary page as Markdown (classes, kinds, roles, properties, one diagram)."""
    graph = rdflib.Graph()
    graph.parse(
        data=resources.files("dutygraph.ontology").joinpath("dutygraph.ttl").read_text("utf-8"),
        format="turtle",
    )
    ours = sorted((s for s in set(graph.subjects()) if str(s).startswith(DG_NS)), key=str)
    lines = [
        "# The dutygraph vocabulary",
        "",
        f"Namespace `{DG_NS}` (prefix `dg:`). Generated from `dutygraph/ontology/dutygraph.ttl` by "
        "`dutygraph vocabulary`; do not edit by hand.",
        "",
        _DIAGRAM,
        "",
    ]

    def table(title: str, terms: list[rdflib.term.Node], extra: str) -> None:
        lines.extend([f"## {title}", "", f"| term | 中文 | {extra} | notes |", "|---|---|---|---|"])
        for term in terms:
            if extra == "aligned with":
                detail = ", ".join(sorted(_curie(o) for o in graph.objects(term, RDFS.subClassOf)))
            elif extra == "notation":
                detail = ", ".join(f"`{v}`" for v in graph.objects(term, SKOS.notation))
            else:
                domain = ", ".join(_curie(o) for o in graph.objects(term, RDFS.domain))
                rng = ", ".join(_curie(o) for o in graph.objects(term, RDFS.range))
                detail = f"{domain} → {rng}" if domain or rng else ""
            lines.append(
                f"| `{_curie(term)}` | {_label(graph, term, 'zh')} | {detail} | {_comment(graph, term)} |"
            )
        lines.append("")

    table("Classes", [t for t in ours if (t, RDF.type, OWL.Class) in graph], "aligned with")
    table(
        "Unit kinds",
        [t for t in ours if (t, RDF.type, rdflib.URIRef(DG_NS + "UnitKind")) in graph],
        "notation",
    )
    table("Roles", [t for t in ours if (t, RDF.type, rdflib.URIRef(DG_NS + "Role")) in graph], "—")
    properties = [
        t
        for t in ours
        if (t, RDF.type, OWL.ObjectProperty) in graph or (t, RDF.type, OWL.DatatypeProperty) in graph
    ]
    table("Properties", properties, "domain → range")
    return "\n".join(lines).rstrip() + "\n"
