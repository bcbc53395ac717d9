"""The catalog and the names of graphs: which version graph holds each document, and the SPARQL
updates a commit switches pointers and collects orphans with.

A document's triples live in a *version* graph (``…/graph/doc/<id>/v/<token>``); the catalog graph
points each document at its current version. Everything that writes or reads those names, or
writes our own IRIs into an update, is here, so the rule that keeps user text out of query strings
(:func:`_iri`) sits next to every place that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from dutygraph.errors import InputError
from dutygraph.ontology.namespaces import DG_NS, GRAPH_NS, SHARED_GRAPH

STAGING = GRAPH_NS + "staging/"
DOC_GRAPHS = GRAPH_NS + "doc/"
VERSION_MARK = "/v/"
CATALOG_GRAPH = ox.NamedNode(GRAPH_NS + "catalog")
STORED_IN = ox.NamedNode(DG_NS + "storedIn")

SOURCE_KEY = ox.NamedNode(DG_NS + "sourceKey")

#: The kinds of shared node that exist only while something references them.
_COLLECTED_KINDS = "dg:Unit dg:Leader org:Post dg:Jurisdiction"


def collect_orphans(candidates: Iterable[str], dropped: Iterable[str]) -> str:
    """An update removing those ``candidates`` (shared nodes) that nothing references any more.

    A node is an orphan when no other shared node and no document graph references it, counting
    neither the graphs in ``dropped`` (versions this commit replaces or removes, dropped after it)
    nor the catalog. Only the candidates are looked at — the shared nodes the dropped versions
    referenced, and what those reference in turn — so the cost follows the documents changed,
    not the store: each test is a lookup of the candidate's references on the object index,
    stopping at the first live one. Repeated three times it reaches the deepest chain (sub-office →
    parent unit → place; leader → post → place).
    """
    values = " ".join(f"<{_iri(c)}>" for c in sorted(candidates))
    excluded = ", ".join(f"<{_iri(g)}>" for g in [SHARED_GRAPH.value, CATALOG_GRAPH.value, *dropped])
    return f"""
DELETE {{ GRAPH <{SHARED_GRAPH.value}> {{ ?s ?p ?o }} }}
WHERE {{
  VALUES ?s {{ {values} }}
  VALUES ?type {{ {_COLLECTED_KINDS} }}
  GRAPH <{SHARED_GRAPH.value}> {{ ?s a ?type . ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH <{SHARED_GRAPH.value}> {{ ?x ?q ?s }} FILTER(?x != ?s) }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?y ?r ?s }} FILTER(?g NOT IN ({excluded})) }}
}}"""


#: What in a query is not a keyword: strings, IRIs and comments (blanked before looking for one).
QUOTED = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
SERVICE = re.compile(r"(?<![?$:\w])SERVICE\b", re.IGNORECASE)
_IRI_FORBIDDEN = frozenset('<>"{}|^`\\ \n\r\t')


def _iri(value: str) -> str:
    """``value`` checked safe to write between ``<…>`` in an update (our IRIs always are)."""
    if any(ch in _IRI_FORBIDDEN for ch in value):
        raise InputError(f"refusing an unsafe IRI: {value!r}")
    return value


_HEX = re.compile(r"[0-9a-f]{64}")


def catalog_deletion(documents: Iterable[str]) -> str:
    """An update deleting every catalog statement about ``documents`` (pointer and key)."""
    values = " ".join(f"<{_iri(d)}>" for d in documents)
    graph = CATALOG_GRAPH.value
    return f"DELETE {{ GRAPH <{graph}> {{ ?d ?p ?o }} }} WHERE {{ VALUES ?d {{ {values} }} GRAPH <{graph}> {{ ?d ?p ?o }} }}"


def catalog_insertion(entries: Iterable[tuple[str, str, str | None]]) -> str:
    """An update pointing each document at its version and recording its source key, if any."""
    lines = []
    for document, version, key in entries:
        lines.append(f"<{_iri(document)}> dg:storedIn <{_iri(version)}> .")
        if key is not None:
            if not _HEX.fullmatch(key):
                raise InputError(f"refusing a malformed source key: {key!r}")
            lines.append(f'<{_iri(document)}> dg:sourceKey "{key}" .')
    return f"INSERT DATA {{ GRAPH <{CATALOG_GRAPH.value}> {{ {' '.join(lines)} }} }}"


def stable_graph_name(iri: str) -> str:
    """A document version graph's stable name (``…/graph/doc/<id>``); other IRIs as they are."""
    if iri.startswith(DOC_GRAPHS):
        return iri.split(VERSION_MARK, 1)[0]
    return iri


def term_value(term: Any) -> Any:
    """A SPARQL term as a plain Python value: IRIs and strings as str, integers as int."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value.endswith("#integer"):
            return int(term.value)
        return term.value
    return term.value
