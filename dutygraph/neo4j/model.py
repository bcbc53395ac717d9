"""The property-graph model of the Neo4j view: its labels, relationship types and properties, and
the rows the sync writes.

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

How the rows are read out of the RDF store: :mod:`dutygraph.neo4j.from_store`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dutygraph.ontology.identity import iri_segment
from dutygraph.ontology.namespaces import DG_NS, ID_NS

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


def source_marker(graph: str) -> str:
    return f"{MODEL_VERSION} {graph}"


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
]
