"""Records → RDF: one :class:`ParsedDocument` becomes the quads of its own named graph plus the
descriptions of the shared nodes (units, leaders, posts, places) it mentions.

Every node gets a deterministic IRI (see :mod:`identity`), including the qualified assignments,
so loading the same document twice on any machine yields the same graph, and the Neo4j sync can
key every node by IRI. The shared descriptions depend only on identity and the registry — never on
the document — so they can be upserted freely; what a document *says* about a shared node (that a
leader holds a post, how a unit was printed) stays in the document's graph.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from dutygraph.loaders.records import Leader, ParsedDocument
from dutygraph.ontology import identity
from dutygraph.ontology import namespaces as ns
from dutygraph.ontology.namespaces import dg
from dutygraph.ontology.registry import ResolvedUnit, UnitRegistry, default_registry, kind_local_name

UNKNOWN_JURISDICTION = "未知"

#: (subject, predicate, object); the store places it in a named graph.
Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]

LEAD_ROLE = dg("LeadUnitRole")
CO_ROLE = dg("CoUnitRole")
SUPERVISING_ROLE = dg("SupervisingLeaderRole")
ASSISTING_ROLE = dg("AssistingLeaderRole")


@dataclass
class MappedDocument:
    """The RDF of one document, ready for the store."""

    doc_id: str
    jurisdiction: str
    graph: NamedNode
    triples: list[Triple] = field(default_factory=list)  # for the document's own graph
    shared: list[Triple] = field(default_factory=list)  # for the shared graph, deduplicated
    task_count: int = 0


def _lit(value: str) -> Literal:
    return Literal(value)


def _zh(value: str) -> Literal:
    return Literal(value, language="zh")


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=ns.XSD_INTEGER)


_MONTH_END = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末|份|前|内)")
_MONTH_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_YEAR_END = re.compile(r"(?:(\d{4})年)?(?:年底|年内|年末|全年)")


def deadline_date(deadline: str | None, year: int | None) -> str | None:
    """An ISO date for a printed deadline ("12月底前" in 2019 → "2019-12-31"), or None.

    Only the unambiguous forms are resolved; anything else ("持续推进") stays text only.
    """
    if not deadline:
        return None
    text = identity.normalize_name(deadline)
    for pattern in (_MONTH_DAY, _MONTH_END, _YEAR_END):
        match = pattern.search(text)
        if not match:
            continue
        y = int(match.group(1)) if match.group(1) else year
        if y is None:
            return None
        if pattern is _YEAR_END:
            return f"{y:04d}-12-31"
        month = int(match.group(2))
        if not 1 <= month <= 12:
            return None
        day = int(match.group(3)) if pattern is _MONTH_DAY else calendar.monthrange(y, month)[1]
        if not 1 <= day <= calendar.monthrange(y, month)[1]:
            return None
        return f"{y:04d}-{month:02d}-{day:02d}"
    return None


class _SharedNodes:
    """Collects shared-node descriptions once each (a document mentions a unit many times)."""

    def __init__(self) -> None:
        self.triples: list[Triple] = []
        self.seen: set[str] = set()

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.triples.append((s, p, o))

    def place(self, jurisdiction: str) -> NamedNode:
        node = NamedNode(identity.place_iri(jurisdiction))
        if node.value not in self.seen:
            self.seen.add(node.value)
            self.add(node, ns.RDF_TYPE, dg("Jurisdiction"))
            self.add(node, ns.SKOS_PREF, _zh(jurisdiction))
        return node

    def unit(self, unit: ResolvedUnit) -> NamedNode:
        node = NamedNode(unit.iri)
        if unit.iri in self.seen:
            return node
        self.seen.add(unit.iri)
        self.add(node, ns.RDF_TYPE, dg("Unit"))
        self.add(node, ns.RDF_TYPE, ns.ORG_ORGANIZATION)
        self.add(node, ns.SKOS_PREF, _zh(unit.name))
        for alias in unit.aliases:
            self.add(node, ns.SKOS_ALT, _zh(alias))
        self.add(node, dg("kind"), dg(kind_local_name(unit.kind)))
        self.add(node, dg("jurisdiction"), self.place(unit.jurisdiction))
        if unit.parent is not None:
            self.add(node, ns.ORG_SUB_OF, self.unit(unit.parent))
        return node

    def leader(self, leader: Leader, jurisdiction: str) -> NamedNode:
        node = NamedNode(identity.leader_iri(jurisdiction, leader.name, leader.post))
        if node.value not in self.seen:
            self.seen.add(node.value)
            self.add(node, ns.RDF_TYPE, dg("Leader"))
            self.add(node, ns.RDF_TYPE, ns.PROV_AGENT)
            self.add(node, ns.SKOS_PREF, _zh(leader.name or leader.post or "?"))
            if leader.name:
                self.add(node, ns.RDF_TYPE, ns.FOAF_PERSON)
                self.add(node, ns.FOAF_NAME, _zh(leader.name))
            self.add(node, dg("jurisdiction"), self.place(jurisdiction))
        return node

    def post(self, post: str, jurisdiction: str) -> NamedNode:
        node = NamedNode(identity.post_iri(jurisdiction, post))
        if node.value not in self.seen:
            self.seen.add(node.value)
            self.add(node, ns.RDF_TYPE, ns.ORG_POST)
            self.add(node, ns.SKOS_PREF, _zh(post))
            self.add(node, dg("jurisdiction"), self.place(jurisdiction))
        return node


def document_jurisdiction(parsed: ParsedDocument, override: str | None = None) -> str:
    """The jurisdiction the document's units belong to: given, else from the issuer."""
    if override:
        return identity.normalize_name(override)
    return identity.jurisdiction_from_issuer(parsed.document.issuer) or UNKNOWN_JURISDICTION


def document_id_of(parsed: ParsedDocument) -> str:
    """The document's id: from its doc number, else from its file name (see identity.document_id)."""
    stem = parsed.source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return identity.document_id(parsed.document.doc_number, stem)


def map_document(
    parsed: ParsedDocument,
    *,
    jurisdiction: str | None = None,
    registry: UnitRegistry | None = None,
    doc_id: str | None = None,
) -> MappedDocument:
    """The RDF of ``parsed``: its own graph's quads and the shared nodes it mentions."""
    registry = registry or default_registry()
    place_name = document_jurisdiction(parsed, jurisdiction)
    info = parsed.document
    doc_id = doc_id or document_id_of(parsed)
    graph = NamedNode(identity.document_graph_iri(doc_id))
    shared = _SharedNodes()
    out = MappedDocument(doc_id=doc_id, jurisdiction=place_name, graph=graph)
    triples: dict[Triple, None] = {}  # ordered set: a leader's post is stated once per document

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        triples[(s, p, o)] = None

    doc = NamedNode(identity.document_iri(doc_id))
    add(doc, ns.RDF_TYPE, dg("Document"))
    add(doc, ns.RDF_TYPE, ns.PROV_ENTITY)
    add(doc, dg("docId"), _lit(doc_id))
    add(doc, dg("jurisdiction"), shared.place(place_name))
    add(doc, ns.DCT_SOURCE, _lit(parsed.source))
    if info.title:
        add(doc, ns.DCT_TITLE, _zh(info.title))
    if info.doc_number:
        add(doc, dg("docNumber"), _lit(info.doc_number))
    if info.issuer:
        add(doc, dg("issuerName"), _zh(info.issuer))
    year: int | None = None
    if info.date:
        add(doc, ns.DCT_ISSUED, Literal(info.date, datatype=ns.XSD_DATE))
        year = int(info.date[:4])
    add(doc, dg("taskCount"), _int(len(parsed.tasks)))
    for index, warning in enumerate(parsed.warnings, 1):
        node = NamedNode(f"{doc.value}/warning/{index}")
        add(doc, dg("warning"), node)
        add(node, ns.RDF_TYPE, dg("ParseWarning"))
        add(node, dg("code"), _lit(warning.code))
        add(node, ns.RDFS_COMMENT, _lit(warning.message))
        if warning.line is not None:
            add(node, dg("sourceLine"), _int(warning.line))

    def assign(
        node: NamedNode, kind: str, role: NamedNode, shortcut: str, agent: NamedNode, rank: int, printed: str
    ) -> None:
        """One qualified assignment of ``node`` plus its shortcut property."""
        assoc = NamedNode(f"{node.value}/{kind}/{rank}")
        add(node, dg(shortcut), agent)
        add(node, ns.PROV_QUALIFIED_ASSOCIATION, assoc)
        add(assoc, ns.RDF_TYPE, ns.PROV_ASSOCIATION)
        add(assoc, ns.RDF_TYPE, dg("Assignment"))
        add(assoc, ns.PROV_AGENT_PROP, agent)
        add(assoc, ns.PROV_HAD_ROLE, role)
        add(assoc, dg("rank"), _int(rank))
        add(assoc, dg("asPrinted"), _zh(printed))

    for task in parsed.tasks:
        node = NamedNode(f"{doc.value}/task/{identity.iri_segment(task.id)}")
        add(node, ns.RDF_TYPE, dg("Task"))
        add(node, ns.RDF_TYPE, ns.PROV_ACTIVITY)
        add(node, dg("inDocument"), doc)
        add(node, dg("taskId"), _lit(task.id))
        add(node, dg("text"), _lit(task.text))
        add(node, dg("sourceLine"), _int(task.line))
        if task.attachment is not None:
            add(node, dg("attachment"), _lit(task.attachment))
        if task.section is not None:
            add(node, dg("section"), _lit(task.section))
        if task.number is not None:
            add(node, dg("number"), _lit(task.number))
        if task.deadline:
            add(node, dg("deadline"), _lit(task.deadline))
            due = deadline_date(task.deadline, year)
            if due:
                instant = NamedNode(f"{node.value}/due")
                add(node, dg("dueBy"), instant)
                add(instant, ns.RDF_TYPE, ns.TIME_INSTANT)
                add(instant, ns.TIME_IN_XSD_DATE, Literal(due, datatype=ns.XSD_DATE))

        units = [(LEAD_ROLE, "leadUnit", "lead", u) for u in task.lead_units] + [
            (CO_ROLE, "coUnit", "co", u) for u in task.co_units
        ]
        for rank, (role, shortcut, kind, printed) in enumerate(units, 1):
            agent = shared.unit(registry.resolve(printed, place_name))
            assign(node, kind, role, shortcut, agent, rank, printed)
        leaders = _distinct_leaders(
            [(SUPERVISING_ROLE, "supervisedBy", "leader", leader) for leader in task.leaders]
            + [(ASSISTING_ROLE, "assistedBy", "assistant", leader) for leader in task.assisting_leaders]
        )
        for rank, (role, shortcut, kind, leader) in enumerate(leaders, 1):
            agent = shared.leader(leader, place_name)
            assign(node, kind, role, shortcut, agent, rank, (leader.name or "") + (leader.post or ""))
            if leader.post and leader.name:
                add(agent, ns.ORG_HOLDS, shared.post(leader.post, place_name))
    out.task_count = len(parsed.tasks)
    out.triples = list(triples)
    out.shared = shared.triples
    return out


def _distinct_leaders(
    leaders: Iterable[tuple[NamedNode, str, str, Leader]],
) -> list[tuple[NamedNode, str, str, Leader]]:
    """Drop repeated mentions of one leader in one role (a header may name an assistant twice)."""
    seen: set[tuple[str, str | None, str | None]] = set()
    kept = []
    for entry in leaders:
        key = (entry[1], entry[3].name, entry[3].post if not entry[3].name else None)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept
