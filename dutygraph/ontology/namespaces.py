"""IRIs of our vocabulary, our instance data, and the W3C vocabularies we align with.

Terms are pyoxigraph ``NamedNode`` objects for the store's queries (the mapping writes plain
strings, see ``mapping.dg``); ``dutygraph.ttl`` is the human-readable definition of every ``DG``
term used.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

DG_NS = "https://w3id.org/dutygraph/ns#"
#: Instance data lives under one base so IRIs are deterministic on every machine.
ID_NS = "https://w3id.org/dutygraph/id/"
GRAPH_NS = ID_NS + "graph/"
SHARED_GRAPH = NamedNode(GRAPH_NS + "shared")

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
ORG_NS = "http://www.w3.org/ns/org#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCT_NS = "http://purl.org/dc/terms/"
TIME_NS = "http://www.w3.org/2006/time#"
FOAF_NS = "http://xmlns.com/foaf/0.1/"

PREFIXES = {
    "dg": DG_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "skos": SKOS_NS,
    "org": ORG_NS,
    "prov": PROV_NS,
    "dct": DCT_NS,
    "time": TIME_NS,
    "foaf": FOAF_NS,
}


def prefixed(iri: str) -> str:
    """``iri`` written with its prefix ("dg:leadUnit") when :data:`PREFIXES` has one, else as it is."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri[len(namespace) :].isidentifier():
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


RDF_TYPE = NamedNode(RDF_NS + "type")
RDFS_COMMENT = NamedNode(RDFS_NS + "comment")
SKOS_PREF = NamedNode(SKOS_NS + "prefLabel")
SKOS_ALT = NamedNode(SKOS_NS + "altLabel")
ORG_ORGANIZATION = NamedNode(ORG_NS + "Organization")
ORG_SUB_OF = NamedNode(ORG_NS + "subOrganizationOf")
ORG_POST = NamedNode(ORG_NS + "Post")
ORG_HOLDS = NamedNode(ORG_NS + "holds")
PROV_ACTIVITY = NamedNode(PROV_NS + "Activity")
PROV_ENTITY = NamedNode(PROV_NS + "Entity")
PROV_AGENT = NamedNode(PROV_NS + "Agent")
PROV_ASSOCIATION = NamedNode(PROV_NS + "Association")
PROV_QUALIFIED_ASSOCIATION = NamedNode(PROV_NS + "qualifiedAssociation")
PROV_AGENT_PROP = NamedNode(PROV_NS + "agent")
PROV_HAD_ROLE = NamedNode(PROV_NS + "hadRole")
DCT_TITLE = NamedNode(DCT_NS + "title")
DCT_ISSUED = NamedNode(DCT_NS + "issued")
DCT_SOURCE = NamedNode(DCT_NS + "source")
FOAF_PERSON = NamedNode(FOAF_NS + "Person")
FOAF_NAME = NamedNode(FOAF_NS + "name")
TIME_INSTANT = NamedNode(TIME_NS + "Instant")
TIME_IN_XSD_DATE = NamedNode(TIME_NS + "inXSDDate")
