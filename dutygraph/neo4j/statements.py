"""The Cypher statements of the sync, and how they are sent.

Every value travels as a parameter (``$rows``, ``$ids``, ``$id``, ``$props``); the only text put
into a statement is our own label, relationship type and property names from
:mod:`dutygraph.neo4j.model`. Nothing a user wrote is ever part of a query string, so a notice
quoting ``'}) MATCH (n) DETACH DELETE n`` is stored as the text it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import neo4j

from dutygraph.neo4j.model import (
    ANALYSIS_YEAR,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    HASH_PROPERTY,
    IN_DOCUMENT,
    MEASURE_PROPERTIES,
    MEASURED_IN,
    SOURCE_PROPERTY,
    SUB_OFFICE_OF,
    TASK,
    TASK_PROPERTIES,
    TASK_RELATIONSHIPS,
    UNIT,
    YEAR_PROPERTIES,
    MeasureRow,
)

T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``: one ``UNWIND $rows`` statement each."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> neo4j.SummaryCounters:
    """Send a writing statement; its counters (the sync's change accounting comes from these)."""
    return tx.run(query, params).consume().counters


def read(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> list[dict[str, Any]]:
    """Send a reading statement; its records as dictionaries."""
    return [record.data() for record in tx.run(query, params)]


# -- task relationships ------------------------------------------------------------------------------
def _task_arrow(rel_type: str, other: str) -> str:
    """The arrow from a task ``t`` to the node ``o`` at the other end of ``rel_type`` (bound to ``x``)."""
    direction = TASK_RELATIONSHIPS[rel_type][0]
    return f"-[x:{rel_type}]->(o:{other}" if direction == "out" else f"<-[x:{rel_type}]-(o:{other}"


def rel_match(rel_type: str) -> str:
    """The MATCH pattern of one task relationship of a row ``r`` (x = the relationship)."""
    other = TASK_RELATIONSHIPS[rel_type][1]
    return f"(t:{TASK} {{id: r.task}}){_task_arrow(rel_type, other)} {{id: r.other}})"


def existing_rels_query(rel_type: str) -> str:
    """The ``rel_type`` relationships of the tasks ``$ids``, one record per relationship."""
    other = TASK_RELATIONSHIPS[rel_type][1]
    return (
        f"UNWIND $ids AS i MATCH (t:{TASK} {{id: i}}){_task_arrow(rel_type, other)}) "
        "RETURN t.id AS task, o.id AS other, x.rank AS rank, x.asPrinted AS asPrinted"
    )


def create_relationships_query(rel_type: str) -> str:
    """``CREATE`` of task relationships of one type from rows grouped by the unit or leader
    (:func:`by_other`): one index lookup of that node per group instead of one per relationship —
    a document names a few dozen units for hundreds of assignments (~25 % more relationships per
    second on the ArcadeDB server than a ``MATCH`` of both ends per row)."""
    direction, other = TASK_RELATIONSHIPS[rel_type]
    props = "{rank: a.rank, asPrinted: a.asPrinted}"
    pattern = f"(t)-[:{rel_type} {props}]->(o)" if direction == "out" else f"(o)-[:{rel_type} {props}]->(t)"
    return (
        f"UNWIND $rows AS r MATCH (o:{other} {{id: r.other}}) "
        f"UNWIND r.rels AS a MATCH (t:{TASK} {{id: a.task}}) CREATE {pattern}"
    )


def grouped(pairs: Iterable[tuple[str, dict[str, Any]]], key: str) -> list[dict[str, Any]]:
    """``(key value, relationship row)`` pairs as one row per key value with its ``rels``: the
    shape of the ``UNWIND $rows AS r … UNWIND r.rels AS a`` statements, which look up the node at
    the grouped end once per group."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for value, row in pairs:
        groups.setdefault(value, []).append(row)
    return [{key: value, "rels": rels} for value, rels in groups.items()]


def by_other(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Relationship rows (``task``, ``other``, ``rank``, ``asPrinted``) grouped by ``other``."""
    return grouped(
        ((r["other"], {"task": r["task"], "rank": r["rank"], "asPrinted": r["asPrinted"]}) for r in rows),
        "other",
    )


def delete_relationships_query(rel_type: str) -> str:
    return f"UNWIND $rows AS r MATCH {rel_match(rel_type)} WHERE x.rank = r.rank DELETE x"


def update_relationships_query(rel_type: str) -> str:
    return (
        f"UNWIND $rows AS r MATCH {rel_match(rel_type)} WHERE x.rank = r.rank SET x.asPrinted = r.asPrinted"
    )


def delete_task_relationships_query(rel_type: str, direction: str, other: str) -> str:
    """Delete the ``rel_type`` relationships of the tasks ``$ids`` (counted apart from the tasks)."""
    arrow = f"-[x:{rel_type}]->(:{other})" if direction == "out" else f"<-[x:{rel_type}]-(:{other})"
    return f"UNWIND $ids AS i MATCH (t:{TASK} {{id: i}}){arrow} DELETE x"


# -- documents and tasks ---------------------------------------------------------------------------
#: What Neo4j holds of document ``$id``: one record per task (or one with a null task).
DOCUMENT_STATE = (
    f"OPTIONAL MATCH (d:{DOCUMENT} {{id: $id}}) OPTIONAL MATCH (d)<-[:{IN_DOCUMENT}]-(t:{TASK}) "
    f"RETURN d IS NOT NULL AS found, d.{HASH_PROPERTY} AS doc, t.id AS id, t.{HASH_PROPERTY} AS hash"
)
#: A new Document node from ``$props`` (an inline map: several times faster than ``SET d = map``
#: on the ArcadeDB server; a null entry is not stored).
CREATE_DOCUMENT = (
    f"CREATE (d:{DOCUMENT} {{{', '.join(f'{key}: $props.{key}' for key in DOCUMENT_PROPERTIES)}}})"
)
REPLACE_DOCUMENT = f"MATCH (d:{DOCUMENT} {{id: $id}}) SET d = $props"
#: New tasks ``$rows`` of document ``$doc``, each with its IN_DOCUMENT relationship.
CREATE_TASKS = (
    f"MATCH (d:{DOCUMENT} {{id: $doc}}) UNWIND $rows AS r "
    f"CREATE (t:{TASK} {{{', '.join(f'{key}: r.{key}' for key in TASK_PROPERTIES)}}})-[:{IN_DOCUMENT}]->(d)"
)
REPLACE_TASKS = f"UNWIND $rows AS r MATCH (t:{TASK} {{id: r.id}}) SET t = r.props"
DELETE_TASKS = f"UNWIND $ids AS i MATCH (t:{TASK} {{id: i}}) DETACH DELETE t"
DOCUMENT_TASKS = f"MATCH (t:{TASK})-[:{IN_DOCUMENT}]->(:{DOCUMENT} {{id: $id}}) RETURN t.id AS id"
DELETE_DOCUMENT = f"MATCH (d:{DOCUMENT} {{id: $id}}) DETACH DELETE d"
#: Document id → the store version it was synced from, for every Document node.
SYNCED_FROM = f"MATCH (d:{DOCUMENT}) RETURN d.id AS id, d.{SOURCE_PROPERTY} AS source"
#: Tasks in no document (left behind when someone deletes a Document node by hand).
ORPHAN_TASKS = f"MATCH (t:{TASK}) WHERE NOT EXISTS {{ MATCH (t)-[:{IN_DOCUMENT}]->(:{DOCUMENT}) }} "


# -- shared nodes ----------------------------------------------------------------------------------
def shared_state_query(label: str) -> str:
    """Hash and parent unit of the ``label`` nodes ``$ids`` that exist."""
    return (
        f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) "
        f"OPTIONAL MATCH (n)-[:{SUB_OFFICE_OF}]->(p:{UNIT}) "
        f"RETURN n.id AS id, n.{HASH_PROPERTY} AS hash, p.id AS parent"
    )


def node_values_query(label: str) -> str:
    """Every property of the ``label`` nodes ``$ids`` (read for nodes about to be updated, so that
    only the values that differ are set)."""
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id AS id, properties(n) AS props"


def update_nodes_query(label: str) -> str:
    """``+=`` of the changed values ``r.props`` (a null removes the property) on existing nodes."""
    return f"UNWIND $rows AS r MATCH (n:{label} {{id: r.id}}) SET n += r.props"


def upsert_query(label: str) -> str:
    """``+=``: what the sync owns is set (or removed, given as null); a property added by hand
    survives."""
    return f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n += r.props"


def all_ids_query(label: str) -> str:
    return f"MATCH (n:{label}) RETURN n.id AS id"


def delete_nodes_query(label: str) -> str:
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n"


DELETE_PARENTS = f"UNWIND $rows AS r MATCH (c:{UNIT} {{id: r.child}})-[x:{SUB_OFFICE_OF}]->(p:{UNIT} {{id: r.parent}}) DELETE x"
CREATE_PARENTS = (
    f"UNWIND $rows AS r MATCH (c:{UNIT} {{id: r.child}}) MATCH (p:{UNIT} {{id: r.parent}}) "
    f"MERGE (c)-[:{SUB_OFFICE_OF}]->(p)"
)
#: Every SUB_OFFICE_OF of the units ``$ids``, either way (before they are pruned).
DETACH_PARENTS = f"UNWIND $ids AS i MATCH (:{UNIT} {{id: i}})-[x:{SUB_OFFICE_OF}]-(:{UNIT}) DELETE x"


# -- analysis years --------------------------------------------------------------------------------
_MEASURE = f"(u:{UNIT} {{id: r.unit}})-[m:{MEASURED_IN}]->(y:{ANALYSIS_YEAR} {{id: r.year}})"
ANALYSIS_YEAR_STATE = f"MATCH (y:{ANALYSIS_YEAR}) RETURN y.id AS id, y.{HASH_PROPERTY} AS hash"
MEASURE_STATE = (
    f"MATCH (u:{UNIT})-[m:{MEASURED_IN}]->(y:{ANALYSIS_YEAR}) "
    f"RETURN u.id AS unit, y.id AS year, m.{HASH_PROPERTY} AS hash"
)
MEASURE_VALUES = (
    f"UNWIND $rows AS r MATCH {_MEASURE} RETURN u.id AS unit, y.id AS year, properties(m) AS props"
)
CREATE_ANALYSIS_YEARS = f"UNWIND $rows AS r CREATE (:{ANALYSIS_YEAR} {{{', '.join(f'{key}: r.{key}' for key in YEAR_PROPERTIES)}}})"
#: New MEASURED_IN relationships from rows grouped by year (:func:`by_year`): one lookup of the
#: year per group, then of each unit; the properties as an inline map (nulls are not stored).
CREATE_MEASURES = (
    f"UNWIND $rows AS r MATCH (y:{ANALYSIS_YEAR} {{id: r.year}}) UNWIND r.rels AS a "
    f"MATCH (u:{UNIT} {{id: a.unit}}) CREATE (u)-[:{MEASURED_IN} "
    f"{{{', '.join(f'{key}: a.{key}' for key in (*MEASURE_PROPERTIES, HASH_PROPERTY))}}}]->(y)"
)
UPDATE_MEASURES = f"UNWIND $rows AS r MATCH {_MEASURE} SET m += r.props"
DELETE_MEASURES = f"UNWIND $rows AS r MATCH {_MEASURE} DELETE m"


def by_year(measures: Iterable[MeasureRow]) -> list[dict[str, Any]]:
    """MEASURED_IN rows grouped by their year, each relationship as its properties plus ``unit``."""
    return grouped(((m.year, {**m.props, "unit": m.unit}) for m in measures), "year")
