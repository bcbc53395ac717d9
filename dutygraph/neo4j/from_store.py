"""The property-graph rows (:mod:`dutygraph.neo4j.model`) read out of the RDF store.

Documents are read from the store's per-version JSON digests (:meth:`Store.digest`), or by index
scans of the RDF when a digest predates what the sync needs; shared nodes by index scans of the
shared graph. The store is the source of truth and this module never writes to it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from pyoxigraph import NamedNode

from dutygraph.neo4j.model import (
    DATE_PROPERTIES,
    HASH_PROPERTY,
    LEADER,
    ROLE_TYPES,
    SOURCE_PROPERTY,
    UNIT,
    Assignment,
    DocumentRows,
    SharedRow,
    TaskRow,
    as_date,
    digest,
    source_marker,
)
from dutygraph.ontology.namespaces import (
    DCT_NS,
    DG_NS,
    FOAF_NS,
    ORG_NS,
    PROV_NS,
    RDF_NS,
    SHARED_GRAPH,
    SKOS_NS,
    TIME_NS,
)
from dutygraph.store import digests
from dutygraph.store.catalog import term_value

# Index scans, not SPARQL joins: each read is ``quads_for_pattern`` on one graph and one predicate
# (Oxigraph's GPOS index), joined in Python. On a store of 1,000 documents the per-document SPARQL
# queries took ~150 ms each (the bound graph variable did not narrow the scan); these scans stay
# proportional to the document.
_DOCUMENT_PROPS = {
    DG_NS + "docId": "docId",
    DCT_NS + "title": "title",
    DG_NS + "docNumber": "docNumber",
    DG_NS + "issuerName": "issuer",
    DCT_NS + "issued": "issued",
    DCT_NS + "source": "source",
    DG_NS + "taskCount": "taskCount",
}
_TASK_PROPS = {
    DG_NS + "taskId": "taskId",
    DG_NS + "number": "number",
    DG_NS + "attachment": "attachment",
    DG_NS + "section": "section",
    DG_NS + "text": "text",
    DG_NS + "deadline": "deadline",
    DG_NS + "sourceLine": "sourceLine",
}


def _scan(store: Any, graph: NamedNode, predicate: str) -> Iterator[tuple[str, Any]]:
    """(subject IRI, object) of every ``predicate`` quad in ``graph``."""
    for quad in store.oxigraph.quads_for_pattern(None, NamedNode(predicate), None, graph):
        yield quad.subject.value, quad.object


def pref_labels(store: Any) -> dict[str, str]:
    """skos:prefLabel of every shared node (units, leaders, places, posts): read once and handed
    to the document readers, which name each document's jurisdiction by it."""
    return {s: o.value for s, o in _scan(store, SHARED_GRAPH, SKOS_NS + "prefLabel")}


def _year(issued: str | None) -> int | None:
    return int(issued[:4]) if issued and issued[:4].isdigit() else None


def read_document(store: Any, graph: str, labels: Mapping[str, str] | None = None) -> DocumentRows | None:
    """The rows of the document in named graph ``graph`` (None when the graph holds none)."""
    g = NamedNode(graph)
    labels = labels if labels is not None else pref_labels(store)
    # A document is what has a dg:docId, a task what has a dg:inDocument (the mapping writes both
    # for every one): cheaper than scanning rdf:type, which every assignment and instant has too.
    docs = sorted(s for s, _ in _scan(store, g, DG_NS + "docId"))
    if not docs:
        return None
    doc_iri = docs[0]
    props: dict[str, Any] = {"id": doc_iri}
    for predicate, key in _DOCUMENT_PROPS.items():
        for subject, obj in _scan(store, g, predicate):
            if subject == doc_iri:
                props[key] = term_value(obj)
    for subject, place in _scan(store, g, DG_NS + "jurisdiction"):
        if subject == doc_iri:
            props["jurisdiction"] = labels.get(place.value)
    props["year"] = _year(props.get("issued"))
    doc_id = str(props.get("docId") or doc_iri)
    tasks = {
        t: TaskRow(id=t, props={"docId": doc_id})
        for t, d in _scan(store, g, DG_NS + "inDocument")
        if d.value == doc_iri
    }
    for predicate, key in _TASK_PROPS.items():
        for subject, obj in _scan(store, g, predicate):
            task = tasks.get(subject)
            if task is not None:
                task.props[key] = term_value(obj)
    instants = {s: o.value for s, o in _scan(store, g, TIME_NS + "inXSDDate")}
    for subject, instant in _scan(store, g, DG_NS + "dueBy"):
        if subject in tasks and instant.value in instants:
            tasks[subject].props["dueDate"] = instants[instant.value]
    owner = {a.value: t for t, a in _scan(store, g, PROV_NS + "qualifiedAssociation") if t in tasks}
    agents = {a: o.value for a, o in _scan(store, g, PROV_NS + "agent") if a in owner}
    roles = {a: o.value for a, o in _scan(store, g, PROV_NS + "hadRole") if a in owner}
    ranks = {a: int(o.value) for a, o in _scan(store, g, DG_NS + "rank") if a in owner}
    printed = {a: o.value for a, o in _scan(store, g, DG_NS + "asPrinted") if a in owner}
    for assoc, task_iri in owner.items():
        kind = ROLE_TYPES.get(roles.get(assoc, ""))
        if kind is None or assoc not in agents:
            continue
        tasks[task_iri].assignments.append(
            Assignment(kind, agents[assoc], ranks.get(assoc, 0), printed.get(assoc))
        )
    return _document_rows(doc_iri, doc_id, graph, props, tasks)


#: Task properties in the order of :class:`~dutygraph.store.digests.TaskRecord`'s fields after ``iri``.
_TASK_KEYS = ("taskId", "number", "text", "attachment", "section", "sourceLine", "deadline", "dueDate")


def read_document_digest(
    store: Any, graph: str, labels: Mapping[str, str] | None = None
) -> DocumentRows | None:
    """:func:`read_document` from the version's JSON digest (:mod:`dutygraph.store.digests`)
    instead of the RDF.

    The same rows, several times faster: one small file instead of ~20 index scans. A digest
    written before it kept the document's own properties (no ``dg:taskCount`` on the document) is
    not enough, so that document is read from the RDF.
    """
    doc = digests.read_document(store.digest(NamedNode(graph)))
    if doc is None:
        return None
    if doc.task_count is None:  # an older digest, without the document's properties
        return read_document(store, graph, labels)
    labels = labels if labels is not None else pref_labels(store)
    props: dict[str, Any] = {
        "id": doc.iri,
        "docId": doc.doc_id,
        "title": doc.title,
        "docNumber": doc.doc_number,
        "issuer": doc.issuer,
        "issued": doc.issued,
        "source": doc.source,
        "taskCount": doc.task_count,
    }
    if doc.jurisdiction is not None:
        props["jurisdiction"] = labels.get(doc.jurisdiction)
    props["year"] = _year(doc.issued)
    doc_id = str(doc.doc_id or doc.iri)
    tasks: dict[str, TaskRow] = {}
    for task in doc.tasks:
        values = {key: value for key, value in zip(_TASK_KEYS, task[1:9], strict=True) if value is not None}
        values["docId"] = doc_id
        assignments = [
            Assignment(kind, a.agent, a.rank, a.printed)
            for a in task.assignments
            if a.agent and (kind := ROLE_TYPES.get(a.role)) is not None
        ]
        tasks[task.iri] = TaskRow(id=task.iri, props=values, assignments=assignments)
    return _document_rows(doc.iri, doc_id, graph, props, tasks)


def _document_rows(
    doc_iri: str, doc_id: str, graph: str, props: dict[str, Any], tasks: Mapping[str, TaskRow]
) -> DocumentRows:
    """What both readers (RDF and digest) hand on: tasks in IRI order, finished, and the hashes."""
    rows = sorted(tasks.values(), key=lambda t: t.id)
    for task in rows:
        task.finish()
    props = {k: as_date(v) if k in DATE_PROPERTIES else v for k, v in props.items() if v is not None}
    props[SOURCE_PROPERTY] = source_marker(graph)
    doc_hash = digest(props)
    props[HASH_PROPERTY] = doc_hash
    return DocumentRows(id=doc_iri, doc_id=doc_id, graph=graph, props=props, tasks=rows, hash=doc_hash)


def document_of(store: Any, graph: str) -> str | None:
    """The IRI of the document in ``graph`` (one index lookup)."""
    return min((s for s, _ in _scan(store, NamedNode(graph), DG_NS + "docId")), default=None)


def document_graphs(store: Any) -> list[str]:
    """The graphs of the documents readers see (current versions only)."""
    return [g.value for g in store.document_graphs()]


def read_documents(store: Any) -> Iterator[DocumentRows]:
    """Every current document's rows, one at a time, from the digests (the bulk export's reader;
    the sync reads the same rows in a child process)."""
    labels = pref_labels(store)
    for graph in document_graphs(store):
        rows = read_document_digest(store, graph, labels)
        if rows is not None:
            yield rows


def kind_notation(kind_iri: str | None) -> str | None:
    """``dg:GovernmentDepartment`` → ``"government-department"`` (the SKOS notation)."""
    if not kind_iri:
        return None
    local = kind_iri.rsplit("#", 1)[-1]
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


def shared_agents(store: Any) -> tuple[set[str], set[str]]:
    """(unit ids, leader ids) of the shared graph. The store keeps there only nodes some document
    (or a referenced sub-office) still references: it collects orphans on every replace/remove."""
    units: set[str] = set()
    leaders: set[str] = set()
    for subject, kind in _scan(store, SHARED_GRAPH, RDF_NS + "type"):
        if kind.value == DG_NS + "Unit":
            units.add(subject)
        elif kind.value == DG_NS + "Leader":
            leaders.add(subject)
    return units, leaders


def read_shared(
    store: Any,
    units: set[str],
    leaders: set[str],
    analysis: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[SharedRow]:
    """Unit and leader rows for ``units`` and ``leaders`` (plus parents of sub-offices), with the
    analysis results merged into the unit rows."""
    labels = pref_labels(store)
    aliases: dict[str, set[str]] = defaultdict(set)
    for subject, alias in _scan(store, SHARED_GRAPH, SKOS_NS + "altLabel"):
        aliases[subject].add(alias.value)
    kinds = {s: o.value for s, o in _scan(store, SHARED_GRAPH, DG_NS + "kind")}
    places = {s: labels.get(o.value) for s, o in _scan(store, SHARED_GRAPH, DG_NS + "jurisdiction")}
    parents = {s: o.value for s, o in _scan(store, SHARED_GRAPH, ORG_NS + "subOrganizationOf")}
    persons = {s: o.value for s, o in _scan(store, SHARED_GRAPH, FOAF_NS + "name")}
    wanted = set(units)
    frontier = list(units)
    while frontier:  # parents of referenced sub-offices are referenced too
        parent = parents.get(frontier.pop())
        if parent and parent not in wanted:
            wanted.add(parent)
            frontier.append(parent)
    rows: list[SharedRow] = []
    for unit in sorted(wanted):
        props: dict[str, Any] = {
            "name": labels.get(unit),
            "aliases": sorted(aliases.get(unit, ())) or None,
            "kind": kind_notation(kinds.get(unit)),
            "jurisdiction": places.get(unit),
        }
        props.update((analysis or {}).get(unit, {}))
        props = {k: v for k, v in props.items() if v is not None}
        parent = parents.get(unit)
        props[HASH_PROPERTY] = digest([props, parent])
        props["id"] = unit
        rows.append(SharedRow(unit, UNIT, props, parent))
    # What a document says about a leader (the posts they hold) is in the document graphs.
    posts: dict[str, set[str]] = defaultdict(set)
    for graph in store.document_graphs():
        for subject, post in _scan(store, graph, ORG_NS + "holds"):
            if post.value in labels:
                posts[subject].add(labels[post.value])
    for leader in sorted(leaders):
        props = {
            "name": labels.get(leader),
            "person": persons.get(leader),
            "posts": sorted(posts.get(leader, ())) or None,
            "jurisdiction": places.get(leader),
        }
        props = {k: v for k, v in props.items() if v is not None}
        props[HASH_PROPERTY] = digest(props)
        props["id"] = leader
        rows.append(SharedRow(leader, LEADER, props))
    return rows


__all__ = [
    "document_graphs",
    "document_of",
    "pref_labels",
    "read_document",
    "read_document_digest",
    "read_documents",
    "read_shared",
    "shared_agents",
]
