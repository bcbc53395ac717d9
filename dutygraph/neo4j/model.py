"""The property-graph model of the Neo4j view, and how it is read out of the RDF store.

::

    (:Leader)-[:SUPERVISES {rank, asPrinted}]->(:Task)
    (:Leader)-[:ASSISTS {rank, asPrinted}]->(:Task)
    (:Task)-[:IN_DOCUMENT]->(:Document)
    (:Task)-[:LEAD_UNIT {rank, asPrinted}]->(:Unit)
    (:Task)-[:CO_UNIT {rank, asPrinted}]->(:Unit)
    (:Unit)-[:SUB_OFFICE_OF]->(:Unit)

Every node carries ``id`` — the IRI of the RDF node it mirrors — under a uniqueness constraint,
plus readable properties, plus ``syncHash``: a digest of everything the sync writes for that node
(for a task, its assignments too), so an unchanged node is skipped and a second sync writes nothing.

Documents are read from the store's per-version JSON digests (:meth:`Store.digest`), or by index
scans of the RDF when a digest predates what the sync needs; shared nodes by index scans of the
shared graph. The store is the source of truth and this module never writes to it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pyoxigraph import NamedNode

from dutygraph.ontology.identity import iri_segment
from dutygraph.ontology.namespaces import (
    DCT_NS,
    DG_NS,
    FOAF_NS,
    ID_NS,
    ORG_NS,
    PROV_NS,
    RDF_NS,
    SHARED_GRAPH,
    SKOS_NS,
    TIME_NS,
)
from dutygraph.store import digests
from dutygraph.store.catalog import term_value

DOCUMENT, TASK, UNIT, LEADER = "Document", "Task", "Unit", "Leader"
ANALYSIS_YEAR = "AnalysisYear"
LABELS = (DOCUMENT, TASK, UNIT, LEADER, ANALYSIS_YEAR)
IN_DOCUMENT, LEAD_UNIT, CO_UNIT = "IN_DOCUMENT", "LEAD_UNIT", "CO_UNIT"
SUPERVISES, ASSISTS, SUB_OFFICE_OF = "SUPERVISES", "ASSISTS", "SUB_OFFICE_OF"
MEASURED_IN = "MEASURED_IN"
#: Relationships a task owns (rewritten with it): type → (direction from the task, other label).
TASK_RELATIONSHIPS = {
    LEAD_UNIT: ("out", UNIT),
    CO_UNIT: ("out", UNIT),
    SUPERVISES: ("in", LEADER),
    ASSISTS: ("in", LEADER),
}
RELATIONSHIP_TYPES = (IN_DOCUMENT, LEAD_UNIT, CO_UNIT, SUPERVISES, ASSISTS, SUB_OFFICE_OF, MEASURED_IN)
ROLE_TYPES = {
    DG_NS + "LeadUnitRole": LEAD_UNIT,
    DG_NS + "CoUnitRole": CO_UNIT,
    DG_NS + "SupervisingLeaderRole": SUPERVISES,
    DG_NS + "AssistingLeaderRole": ASSISTS,
}
HASH_PROPERTY = "syncHash"
#: The properties the sync owns on shared nodes (besides ``id``, the hash and, on units, the
#: analysis write-back): a sync sets these and removes them when gone, leaving any other
#: property an analyst put on the node alone.
UNIT_PROPERTIES = ("name", "aliases", "kind", "jurisdiction")
LEADER_PROPERTIES = ("name", "person", "posts", "jurisdiction")
#: A unit's figures in one jurisdiction-year, on its ``MEASURED_IN`` relationship to that
#: ``AnalysisYear`` (:mod:`dutygraph.neo4j.writeback` says what each is).
MEASURE_PROPERTIES = (
    "load", "rank", "leadTasks", "coTasks", "tasks", "taskShare", "flagged", "burdenZ", "flagReason",
    "cluster", "degree", "weightedDegree", "betweenness", "pagerank", "participation",
)  # fmt: skip
#: The analysis properties of a Unit node: its latest analysed year's figures, and which year.
UNIT_ANALYSIS_PROPERTIES = ("analysisYear", *MEASURE_PROPERTIES)
#: Every property an AnalysisYear node can have.
YEAR_PROPERTIES = ("id", "jurisdiction", "year", "documents", "tasks", "departments", HASH_PROPERTY)
#: On Document nodes: "<MODEL_VERSION> <store version graph>" — the store names each loaded version
#: of a document by a graph of its own, so an equal marker means "unchanged since the last sync".
SOURCE_PROPERTY = "syncSource"
#: Bump when the property-graph model changes, so every document is rewritten once.
MODEL_VERSION = "dutygraph-pg-2"  # 2: issued and dueDate as Cypher dates
#: Every property a Document node can have (created with an inline map, like tasks).
DOCUMENT_PROPERTIES = (
    "id", "docId", "title", "docNumber", "issuer", "issued", "year", "source", "taskCount", "jurisdiction",
    HASH_PROPERTY, SOURCE_PROPERTY,
)  # fmt: skip
#: Every property a Task node can have (new tasks are created with an inline map of these: on the
#: ArcadeDB server that is several times faster than ``SET t = map``; a null entry is not stored).
TASK_PROPERTIES = (
    "id", "taskId", "docId", "number", "attachment", "section", "text", "deadline", "dueDate", "sourceLine",
    HASH_PROPERTY,
)  # fmt: skip

#: Neo4j 5 syntax; one constraint per label (it brings its own index — create no other).
CONSTRAINTS = tuple(
    f"CREATE CONSTRAINT dutygraph_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in LABELS
)


def digest(value: Any) -> str:
    """A stable short digest of JSON-able ``value`` (key order does not matter); a date counts
    apart from the same text, so a node synced when dates were strings is rewritten once."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_tagged)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _tagged(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    raise TypeError(f"cannot digest {type(value).__name__}")


#: Properties synced as Cypher ``date`` values (``t.dueDate < date('2026-01-01')`` compares
#: dates; a string would compare with nothing).
DATE_PROPERTIES = frozenset({"issued", "dueDate"})


def as_date(value: Any) -> Any:
    """An ``xsd:date`` lexical form (``2016-12-31``) as a :class:`datetime.date`; anything that is
    not one (a date with a time zone, a malformed value) is kept as it is."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def kind_notation(kind_iri: str | None) -> str | None:
    """``dg:GovernmentDepartment`` → ``"government-department"`` (the SKOS notation)."""
    if not kind_iri:
        return None
    local = kind_iri.rsplit("#", 1)[-1]
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


class Assignment(NamedTuple):
    """A relationship of a task: to a unit (lead/co) or from a leader (supervises/assists)."""

    type: str
    other: str  # the unit's or leader's id
    rank: int
    as_printed: str | None

    def row(self, task: str) -> dict[str, Any]:
        return {"task": task, "other": self.other, "rank": self.rank, "asPrinted": self.as_printed}


@dataclass
class TaskRow:
    id: str
    props: dict[str, Any]
    assignments: list[Assignment] = field(default_factory=list)
    hash: str = ""

    def finish(self) -> None:
        self.assignments.sort(key=lambda a: (a.type, a.rank, a.other))
        self.props = {
            k: as_date(v) if k in DATE_PROPERTIES else v for k, v in self.props.items() if v is not None
        }
        self.hash = digest([self.props, [(a.type, a.other, a.rank, a.as_printed) for a in self.assignments]])
        self.props["id"] = self.id
        self.props[HASH_PROPERTY] = self.hash


@dataclass
class DocumentRows:
    """What one document contributes: its node, its tasks (with assignments) and whom they name."""

    id: str
    doc_id: str
    graph: str
    props: dict[str, Any]
    tasks: list[TaskRow]
    hash: str = ""

    @property
    def units(self) -> set[str]:
        return {a.other for t in self.tasks for a in t.assignments if a.type in (LEAD_UNIT, CO_UNIT)}

    @property
    def leaders(self) -> set[str]:
        return {a.other for t in self.tasks for a in t.assignments if a.type in (SUPERVISES, ASSISTS)}

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as plain tuples (the reader process hands documents over this way): unpickling
        ~600 objects per document as tuples is ~10× faster than as dataclass instances."""
        tasks = [(t.id, t.props, t.hash, [tuple(a) for a in t.assignments]) for t in self.tasks]
        return _document_from_wire, (self.id, self.doc_id, self.graph, self.props, self.hash, tasks)


def _document_from_wire(
    id: str,
    doc_id: str,
    graph: str,
    props: dict[str, Any],
    hash: str,
    tasks: list[tuple[str, dict[str, Any], str, list[tuple[str, str, int, str | None]]]],
) -> DocumentRows:
    rows = [TaskRow(t, p, [Assignment(*a) for a in rels], h) for t, p, h, rels in tasks]
    return DocumentRows(id=id, doc_id=doc_id, graph=graph, props=props, tasks=rows, hash=hash)


class _Hashed:
    """A row whose ``props`` carry its ``syncHash``: how the sync recognises an unchanged one."""

    props: dict[str, Any]

    @property
    def hash(self) -> str:
        return str(self.props[HASH_PROPERTY])


@dataclass
class YearRow(_Hashed):
    """An AnalysisYear node (one jurisdiction-year of the analysis): ``props`` complete."""

    id: str
    props: dict[str, Any]


@dataclass
class MeasureRow(_Hashed):
    """A unit's figures in one jurisdiction-year: the MEASURED_IN from ``unit`` to ``year`` (an
    AnalysisYear id); ``props`` complete, the hash included."""

    unit: str
    year: str
    props: dict[str, Any]


@dataclass
class AnalysisRows:
    """What the analysis write-back (:mod:`dutygraph.neo4j.writeback`) gives the property graph:
    each unit's latest analysed year's figures (Unit properties), the years, and the figures of
    each unit in each year. Empty when the analysis is not written."""

    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    years: list[YearRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)


def analysis_year_id(jurisdiction: str | None, year: int | None) -> str:
    """The id of a jurisdiction-year's AnalysisYear node (``…/id/analysis/湖州市/2019``); the
    analysis has no RDF node, so the id is minted the way the store mints its IRIs."""
    place = iri_segment(jurisdiction) if jurisdiction else "-"
    return f"{ID_NS}analysis/{place}/{year if year is not None else 'undated'}"


@dataclass
class SharedRow(_Hashed):
    """A unit or leader node: ``props`` complete (id and hash included), ``parent`` for sub-offices."""

    id: str
    label: str
    props: dict[str, Any]
    parent: str | None = None


# -- reading the store ---------------------------------------------------------------------------
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


def source_marker(graph: str) -> str:
    return f"{MODEL_VERSION} {graph}"


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
    "CONSTRAINTS",
    "DATE_PROPERTIES",
    "HASH_PROPERTY",
    "LABELS",
    "MEASURE_PROPERTIES",
    "RELATIONSHIP_TYPES",
    "AnalysisRows",
    "DocumentRows",
    "MeasureRow",
    "SharedRow",
    "TaskRow",
    "YearRow",
    "analysis_year_id",
    "pref_labels",
    "read_document",
    "read_document_digest",
    "read_documents",
    "read_shared",
    "shared_agents",
]
