"""Per-document digests: the part of a document graph that analysis and the Neo4j sync read, kept
beside the graph as one JSON file per stored version, and the one reader of that format.

A digest maps subject IRI → predicate IRI → the objects' plain strings (IRIs and lexical forms),
keeping only :data:`DIGEST_PREDICATES`. The store writes one when it loads a version and, when a
file is missing or unreadable, rebuilds it from the graph — the graph stays the truth and the files
are disposable. Reading one small file instead of scanning the graph is what makes a snapshot of a
1,000-notice store take seconds rather than minutes.

The snapshot (:mod:`dutygraph.graph.snapshot`) and the sync (:mod:`dutygraph.neo4j.model`) read a
digest only through :func:`read_document`, so this module is the one place that knows which
predicate holds what. Each reader applies its own defaults to what is missing (``None`` here).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple, cast

import orjson

from dutygraph.ontology.namespaces import DCT_NS, DG_NS, ORG_NS, PROV_NS, RDF_NS, TIME_NS

#: The folder of the store that holds the digest files.
FOLDER = "digests"

Digest = dict[str, dict[str, list[str]]]

_TYPE = RDF_NS + "type"
_DOCUMENT, _TASK = DG_NS + "Document", DG_NS + "Task"
_DOC_ID, _JURISDICTION, _TASK_COUNT = DG_NS + "docId", DG_NS + "jurisdiction", DG_NS + "taskCount"
_TITLE, _ISSUED, _SOURCE = DCT_NS + "title", DCT_NS + "issued", DCT_NS + "source"
_DOC_NUMBER, _ISSUER = DG_NS + "docNumber", DG_NS + "issuerName"
_TASK_ID, _NUMBER, _TEXT = DG_NS + "taskId", DG_NS + "number", DG_NS + "text"
_ATTACHMENT, _SECTION, _LINE = DG_NS + "attachment", DG_NS + "section", DG_NS + "sourceLine"
_DEADLINE, _DUE_BY, _IN_DATE = DG_NS + "deadline", DG_NS + "dueBy", TIME_NS + "inXSDDate"
_IN_DOCUMENT = DG_NS + "inDocument"
_QUALIFIED, _AGENT, _ROLE = PROV_NS + "qualifiedAssociation", PROV_NS + "agent", PROV_NS + "hadRole"
_RANK, _AS_PRINTED = DG_NS + "rank", DG_NS + "asPrinted"
_HOLDS = ORG_NS + "holds"

#: The predicates a digest keeps: everything :func:`read_document` reads, nothing else.
DIGEST_PREDICATES = frozenset(
    (_TYPE, _DOC_ID, _JURISDICTION, _TASK_COUNT, _TITLE, _ISSUED, _SOURCE, _DOC_NUMBER, _ISSUER,
     _TASK_ID, _NUMBER, _TEXT, _ATTACHMENT, _SECTION, _LINE, _DEADLINE, _DUE_BY, _IN_DATE, _IN_DOCUMENT,
     _QUALIFIED, _AGENT, _ROLE, _RANK, _AS_PRINTED, _HOLDS)
)  # fmt: skip


def digest_of(triples: Iterable[tuple[str, str, str]], value: Callable[[str], str] = str) -> Digest:
    """Group ``triples`` by subject, keeping :data:`DIGEST_PREDICATES` only; ``value`` turns an
    object into the plain string kept (e.g. an N-Triples term into its IRI or lexical form)."""
    subjects: Digest = {}
    for subject, predicate, term in triples:
        if predicate in DIGEST_PREDICATES:
            subjects.setdefault(subject, {}).setdefault(predicate, []).append(value(term))
    return subjects


def file_name(version: str) -> str:
    """The digest file of the version graph named ``version`` (a hash: IRIs are not file names)."""
    return hashlib.sha256(version.encode()).hexdigest()[:32] + ".json"


def write(folder: Path, version: str, digest: Digest) -> None:
    """Write ``digest`` for ``version`` atomically: a reader sees the old file or the new, never half."""
    folder.mkdir(exist_ok=True)
    target = folder / file_name(version)
    partial = target.with_suffix(".tmp")
    partial.write_bytes(orjson.dumps(digest))  # compact UTF-8 JSON, ~4× faster than json.dumps
    partial.replace(target)


def read(folder: Path, version: str) -> Digest | None:
    """The stored digest of ``version``; None when the file is missing, unreadable or not shaped like
    a digest (a damaged or hand-edited file): the caller then rebuilds it from the graph."""
    try:
        stored = orjson.loads((folder / file_name(version)).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return cast(Digest, stored) if _shaped(stored) else None


def _shaped(value: Any) -> bool:
    """Whether ``value`` has a digest's shape: subject → predicate → list of strings."""
    return isinstance(value, dict) and all(
        isinstance(props, dict)
        and all(
            isinstance(values, list) and all(isinstance(v, str) for v in values) for values in props.values()
        )
        for props in value.values()
    )


class Assignment(NamedTuple):
    """One unit's or leader's part in a task, in the order the notice printed them (``rank``)."""

    rank: int  # 0 when the digest has none
    role: str  # role IRI (dg:LeadUnitRole …); "" when the digest has none
    agent: str  # unit or leader IRI; "" when the digest has none
    printed: str | None  # the spelling the notice used, when it differs from the canonical name


class TaskRecord(NamedTuple):
    iri: str
    task_id: str | None
    number: str | None
    text: str | None
    attachment: str | None
    section: str | None
    line: int | None
    deadline: str | None  # the deadline as printed
    due_date: str | None  # the deadline as an xsd:date, when one could be read
    assignments: list[Assignment]


class DocumentRecord(NamedTuple):
    iri: str
    doc_id: str | None
    jurisdiction: str | None  # the jurisdiction's IRI
    title: str | None
    doc_number: str | None
    issuer: str | None
    issued: str | None
    source: str | None
    task_count: int | None  # None in digests written before they kept the document's properties
    tasks: list[TaskRecord]
    posts: dict[str, list[str]]  # leader IRI → IRIs of the posts the document says they hold


_NONE: list[str] = []


def read_document(subjects: Digest) -> DocumentRecord | None:
    """The document a digest describes, as typed records; None when it holds no document.

    Single-valued properties take their first value. The loop runs once per task and assignment
    (~700 times a notice, 100,000+ times for a large store), so it sticks to plain look-ups.
    """
    doc_iri = min((s for s, p in subjects.items() if _DOCUMENT in p.get(_TYPE, _NONE)), default=None)
    if doc_iri is None:
        return None
    doc = subjects[doc_iri]
    tasks: list[TaskRecord] = []
    posts: dict[str, list[str]] = {}
    get = subjects.get
    for iri, p in subjects.items():
        held = p.get(_HOLDS)
        if held:
            posts[iri] = held
        if _TASK not in p.get(_TYPE, _NONE):
            continue
        assignments = []
        for assoc in p.get(_QUALIFIED, _NONE):
            a = get(assoc) or {}
            rank, role, agent, printed = a.get(_RANK), a.get(_ROLE), a.get(_AGENT), a.get(_AS_PRINTED)
            assignments.append(
                Assignment(
                    int(rank[0]) if rank else 0,
                    role[0] if role else "",
                    agent[0] if agent else "",
                    printed[0] if printed else None,
                )
            )
        due = None
        instant = p.get(_DUE_BY)
        if instant:
            found = (get(instant[0]) or {}).get(_IN_DATE)
            due = found[0] if found else None
        task_id, number, text = p.get(_TASK_ID), p.get(_NUMBER), p.get(_TEXT)
        attachment, section, line, deadline = (
            p.get(_ATTACHMENT),
            p.get(_SECTION),
            p.get(_LINE),
            p.get(_DEADLINE),
        )
        tasks.append(
            TaskRecord(
                iri,
                task_id[0] if task_id else None,
                number[0] if number else None,
                text[0] if text else None,
                attachment[0] if attachment else None,
                section[0] if section else None,
                int(line[0]) if line and line[0] else None,
                deadline[0] if deadline else None,
                due,
                assignments,
            )
        )
    count = _first(doc, _TASK_COUNT)
    return DocumentRecord(
        iri=doc_iri,
        doc_id=_first(doc, _DOC_ID),
        jurisdiction=_first(doc, _JURISDICTION),
        title=_first(doc, _TITLE),
        doc_number=_first(doc, _DOC_NUMBER),
        issuer=_first(doc, _ISSUER),
        issued=_first(doc, _ISSUED),
        source=_first(doc, _SOURCE),
        task_count=int(count) if count is not None else None,
        tasks=tasks,
        posts=posts,
    )


def _first(props: dict[str, list[str]], predicate: str) -> str | None:
    values = props.get(predicate)
    return values[0] if values else None
