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

Everything is read with SPARQL through :class:`dutygraph.graph.store.Store`; the store is the
source of truth and this module never writes to it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import NamedNode

from dutygraph.ontology.namespaces import DG_NS, SHARED_GRAPH

DOCUMENT, TASK, UNIT, LEADER = "Document", "Task", "Unit", "Leader"
LABELS = (DOCUMENT, TASK, UNIT, LEADER)
IN_DOCUMENT, LEAD_UNIT, CO_UNIT = "IN_DOCUMENT", "LEAD_UNIT", "CO_UNIT"
SUPERVISES, ASSISTS, SUB_OFFICE_OF = "SUPERVISES", "ASSISTS", "SUB_OFFICE_OF"
#: Relationships a task owns (rewritten with it): type → (direction from the task, other label).
TASK_RELATIONSHIPS = {
    LEAD_UNIT: ("out", UNIT),
    CO_UNIT: ("out", UNIT),
    SUPERVISES: ("in", LEADER),
    ASSISTS: ("in", LEADER),
}
RELATIONSHIP_TYPES = (IN_DOCUMENT, LEAD_UNIT, CO_UNIT, SUPERVISES, ASSISTS, SUB_OFFICE_OF)
ROLE_TYPES = {
    DG_NS + "LeadUnitRole": LEAD_UNIT,
    DG_NS + "CoUnitRole": CO_UNIT,
    DG_NS + "SupervisingLeaderRole": SUPERVISES,
    DG_NS + "AssistingLeaderRole": ASSISTS,
}
HASH_PROPERTY = "syncHash"
#: Every property a Document node can have (created with an inline map, like tasks).
DOCUMENT_PROPERTIES = (
    "id", "docId", "title", "docNumber", "issuer", "issued", "year", "source", "taskCount", "jurisdiction",
    HASH_PROPERTY,
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

_PREFIX = "PREFIX dg: <https://w3id.org/dutygraph/ns#>\n"


def digest(value: Any) -> str:
    """A stable short digest of JSON-able ``value`` (key order does not matter)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def kind_notation(kind_iri: str | None) -> str | None:
    """``dg:GovernmentDepartment`` → ``"government-department"`` (the SKOS notation)."""
    if not kind_iri:
        return None
    local = kind_iri.rsplit("#", 1)[-1]
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


@dataclass
class Assignment:
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
        self.props = {k: v for k, v in self.props.items() if v is not None}
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

    def relationship_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        counts[IN_DOCUMENT] = len(self.tasks)
        for task in self.tasks:
            for a in task.assignments:
                counts[a.type] += 1
        return dict(counts)


@dataclass
class SharedRow:
    """A unit or leader node: ``props`` complete (id and hash included), ``parent`` for sub-offices."""

    id: str
    label: str
    props: dict[str, Any]
    parent: str | None = None

    @property
    def hash(self) -> str:
        return str(self.props[HASH_PROPERTY])


# -- reading the store ---------------------------------------------------------------------------
_DOCUMENT_QUERY = (
    _PREFIX
    + """PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?g ?doc ?docId ?title ?docNumber ?issuer ?issued ?source ?taskCount ?jurisdiction WHERE {
  GRAPH ?g { ?doc a dg:Document ; dg:docId ?docId .
    OPTIONAL { ?doc dct:title ?title } OPTIONAL { ?doc dg:docNumber ?docNumber }
    OPTIONAL { ?doc dg:issuerName ?issuer } OPTIONAL { ?doc dct:issued ?issued }
    OPTIONAL { ?doc dct:source ?source } OPTIONAL { ?doc dg:taskCount ?taskCount }
    OPTIONAL { ?doc dg:jurisdiction ?place } }
  OPTIONAL { GRAPH <%(shared)s> { ?place skos:prefLabel ?jurisdiction } }
}"""
)

_TASK_QUERY = (
    _PREFIX
    + """PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?g ?task ?taskId ?number ?attachment ?section ?text ?deadline ?due ?sourceLine WHERE {
  GRAPH ?g { ?task a dg:Task .
    OPTIONAL { ?task dg:taskId ?taskId } OPTIONAL { ?task dg:number ?number }
    OPTIONAL { ?task dg:attachment ?attachment } OPTIONAL { ?task dg:section ?section }
    OPTIONAL { ?task dg:text ?text } OPTIONAL { ?task dg:deadline ?deadline }
    OPTIONAL { ?task dg:sourceLine ?sourceLine }
    OPTIONAL { ?task dg:dueBy ?instant . ?instant time:inXSDDate ?due } }
}"""
)

_ASSIGNMENT_QUERY = (
    _PREFIX
    + """PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?task ?agent ?role ?rank ?printed WHERE {
  GRAPH ?g { ?task a dg:Task ; prov:qualifiedAssociation ?a .
    ?a prov:agent ?agent ; prov:hadRole ?role .
    OPTIONAL { ?a dg:rank ?rank } OPTIONAL { ?a dg:asPrinted ?printed } }
}"""
)

_LEADER_POSTS_QUERY = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?leader ?post WHERE {
  GRAPH ?g { ?leader org:holds ?p }
  FILTER(?g != <%(shared)s>)
  GRAPH <%(shared)s> { ?p skos:prefLabel ?post }
}"""

_UNIT_QUERY = (
    _PREFIX
    + """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?unit ?name ?kind ?jurisdiction ?parent WHERE {
  GRAPH <%(shared)s> { ?unit a dg:Unit .
    OPTIONAL { ?unit skos:prefLabel ?name } OPTIONAL { ?unit dg:kind ?kind }
    OPTIONAL { ?unit dg:jurisdiction ?place . ?place skos:prefLabel ?jurisdiction }
    OPTIONAL { ?unit org:subOrganizationOf ?parent } }
}"""
)

_ALIAS_QUERY = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?alias WHERE { GRAPH <%(shared)s> { ?node skos:altLabel ?alias } }"""

_LEADER_QUERY = (
    _PREFIX
    + """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?leader ?label ?person ?jurisdiction WHERE {
  GRAPH <%(shared)s> { ?leader a dg:Leader .
    OPTIONAL { ?leader skos:prefLabel ?label } OPTIONAL { ?leader foaf:name ?person }
    OPTIONAL { ?leader dg:jurisdiction ?place . ?place skos:prefLabel ?jurisdiction } }
}"""
)


def _shared(query: str) -> str:
    """Our query text with the shared graph's IRI (a constant of ours, never user data) filled in."""
    return query.replace("%(shared)s", SHARED_GRAPH.value)


def _year(issued: str | None) -> int | None:
    return int(issued[:4]) if issued and issued[:4].isdigit() else None


def read_document(store: Any, graph: str) -> DocumentRows | None:
    """The rows of the document in named graph ``graph`` (None when the graph holds none)."""
    g = NamedNode(graph)
    docs = list(store.select(_shared(_DOCUMENT_QUERY), g=g))
    if not docs:
        return None
    d = docs[0]
    props = {
        "id": d["doc"],
        "docId": d["docId"],
        "title": d["title"],
        "docNumber": d["docNumber"],
        "issuer": d["issuer"],
        "issued": d["issued"],
        "year": _year(d["issued"]),
        "source": d["source"],
        "taskCount": d["taskCount"],
        "jurisdiction": d["jurisdiction"],
    }
    tasks: dict[str, TaskRow] = {}
    for t in store.select(_shared(_TASK_QUERY), g=g):
        tasks[t["task"]] = TaskRow(
            id=t["task"],
            props={
                "taskId": t["taskId"],
                "docId": d["docId"],
                "number": t["number"],
                "attachment": t["attachment"],
                "section": t["section"],
                "text": t["text"],
                "deadline": t["deadline"],
                "dueDate": t["due"],
                "sourceLine": t["sourceLine"],
            },
        )
    for a in store.select(_shared(_ASSIGNMENT_QUERY), g=g):
        kind = ROLE_TYPES.get(a["role"])
        task = tasks.get(a["task"])
        if kind is None or task is None:
            continue
        task.assignments.append(Assignment(kind, a["agent"], int(a["rank"] or 0), a["printed"]))
    rows = sorted(tasks.values(), key=lambda t: t.id)
    for task in rows:
        task.finish()
    props = {k: v for k, v in props.items() if v is not None}
    doc_hash = digest(props)
    props[HASH_PROPERTY] = doc_hash
    return DocumentRows(id=d["doc"], doc_id=d["docId"], graph=graph, props=props, tasks=rows, hash=doc_hash)


def read_documents(store: Any) -> Iterable[DocumentRows]:
    """Every document of the store, one at a time (the store may be far larger than memory allows)."""
    for graph in store.document_graphs():
        rows = read_document(store, graph.value)
        if rows is not None:
            yield rows


def document_graphs(store: Any) -> list[str]:
    return [g.value for g in store.document_graphs()]


def read_shared(
    store: Any,
    units: set[str],
    leaders: set[str],
    analysis: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[SharedRow]:
    """Unit and leader rows for the ids the documents reference (with their parent units),
    analysis results merged into the unit rows."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in store.select(_shared(_ALIAS_QUERY)):
        aliases[row["node"]].append(row["alias"])
    unit_info = {r["unit"]: r for r in store.select(_shared(_UNIT_QUERY))}
    wanted = set(units)
    frontier = list(units)
    while frontier:  # parents of referenced sub-offices are referenced too
        parent = (unit_info.get(frontier.pop()) or {}).get("parent")
        if parent and parent not in wanted:
            wanted.add(parent)
            frontier.append(parent)
    rows: list[SharedRow] = []
    for unit in sorted(wanted):
        info = unit_info.get(unit, {})
        props: dict[str, Any] = {
            "name": info.get("name"),
            "aliases": sorted(set(aliases.get(unit, []))) or None,
            "kind": kind_notation(info.get("kind")),
            "jurisdiction": info.get("jurisdiction"),
        }
        props.update((analysis or {}).get(unit, {}))
        props = {k: v for k, v in props.items() if v is not None}
        parent = info.get("parent")
        props[HASH_PROPERTY] = digest([props, parent])
        props["id"] = unit
        rows.append(SharedRow(unit, UNIT, props, parent))
    posts: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_shared(_LEADER_POSTS_QUERY)):
        posts[row["leader"]].add(row["post"])
    leader_info = {r["leader"]: r for r in store.select(_shared(_LEADER_QUERY))}
    for leader in sorted(leaders):
        info = leader_info.get(leader, {})
        props = {
            "name": info.get("label"),
            "person": info.get("person"),
            "posts": sorted(posts.get(leader, ())) or None,
            "jurisdiction": info.get("jurisdiction"),
        }
        props = {k: v for k, v in props.items() if v is not None}
        props[HASH_PROPERTY] = digest(props)
        props["id"] = leader
        rows.append(SharedRow(leader, LEADER, props))
    return rows


__all__ = [
    "CONSTRAINTS",
    "HASH_PROPERTY",
    "LABELS",
    "RELATIONSHIP_TYPES",
    "DocumentRows",
    "SharedRow",
    "TaskRow",
    "read_document",
    "read_documents",
    "read_shared",
]
