"""Records → RDF: one :class:`ParsedDocument` becomes the triples of its own named graph plus the
descriptions of the shared nodes (units, leaders, posts, places) it mentions.

Every node gets a deterministic IRI (see :mod:`identity`), including the qualified assignments,
so loading the same document twice on any machine yields the same graph, and the Neo4j sync can
key every node by IRI. The shared descriptions depend only on identity and the registry — never on
the document — so they can be upserted freely; what a document *says* about a shared node (that a
leader holds a post, how a unit was printed) stays in the document's graph.

Triples are plain strings (IRIs, objects in N-Triples syntax, see :mod:`ntriples`): the store
hands them to Oxigraph's bulk loader as N-Quads text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from dutygraph.loaders.records import Leader, ParsedDocument
from dutygraph.loaders.text import well_formed
from dutygraph.ontology import identity
from dutygraph.ontology import namespaces as ns
from dutygraph.ontology.ntriples import Triple, integer, iri, string, zh
from dutygraph.ontology.ntriples import date as date_literal
from dutygraph.ontology.registry import ResolvedUnit, UnitRegistry, default_registry, kind_local_name

UNKNOWN_JURISDICTION = "未知"


@cache
def dg(local: str) -> str:
    """The IRI of a term of our vocabulary (cached: mapping asks for the same few millions of times)."""
    return ns.DG_NS + local


@cache
def dg_object(local: str) -> str:
    """A term of our vocabulary as an object (``<…>``)."""
    return iri(dg(local))


# The W3C terms we state, as IRIs (predicates) and, for classes, as objects.
RDF_TYPE = ns.RDF_TYPE.value
RDFS_COMMENT = ns.RDFS_COMMENT.value
SKOS_PREF = ns.SKOS_PREF.value
SKOS_ALT = ns.SKOS_ALT.value
ORG_SUB_OF = ns.ORG_SUB_OF.value
ORG_HOLDS = ns.ORG_HOLDS.value
PROV_QUALIFIED_ASSOCIATION = ns.PROV_QUALIFIED_ASSOCIATION.value
PROV_AGENT_PROP = ns.PROV_AGENT_PROP.value
PROV_HAD_ROLE = ns.PROV_HAD_ROLE.value
DCT_TITLE = ns.DCT_TITLE.value
DCT_ISSUED = ns.DCT_ISSUED.value
DCT_SOURCE = ns.DCT_SOURCE.value
FOAF_NAME = ns.FOAF_NAME.value
TIME_IN_XSD_DATE = ns.TIME_IN_XSD_DATE.value
ORGANIZATION = iri(ns.ORG_ORGANIZATION.value)
POST = iri(ns.ORG_POST.value)
ACTIVITY = iri(ns.PROV_ACTIVITY.value)
ENTITY = iri(ns.PROV_ENTITY.value)
AGENT = iri(ns.PROV_AGENT.value)
ASSOCIATION = iri(ns.PROV_ASSOCIATION.value)
PERSON = iri(ns.FOAF_PERSON.value)
INSTANT = iri(ns.TIME_INSTANT.value)

LEAD_ROLE = dg_object("LeadUnitRole")
CO_ROLE = dg_object("CoUnitRole")
SUPERVISING_ROLE = dg_object("SupervisingLeaderRole")
ASSISTING_ROLE = dg_object("AssistingLeaderRole")


@dataclass
class MappedDocument:
    """The RDF of one document, ready for the store."""

    doc_id: str
    jurisdiction: str
    graph: str  # the IRI of the document's named graph
    triples: list[Triple] = field(default_factory=list)  # for the document's own graph
    shared: list[Triple] = field(default_factory=list)  # for the shared graph, deduplicated
    task_count: int = 0


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

    def add(self, s: str, p: str, o: str) -> None:
        self.triples.append((s, p, o))

    def place(self, jurisdiction: str) -> str:
        node = identity.place_iri(jurisdiction)
        if node not in self.seen:
            self.seen.add(node)
            self.add(node, RDF_TYPE, dg_object("Jurisdiction"))
            self.add(node, SKOS_PREF, zh(jurisdiction))
        return node

    def unit(self, unit: ResolvedUnit) -> str:
        node = unit.iri
        if node in self.seen:
            return node
        self.seen.add(node)
        self.add(node, RDF_TYPE, dg_object("Unit"))
        self.add(node, RDF_TYPE, ORGANIZATION)
        self.add(node, SKOS_PREF, zh(unit.name))
        for alias in unit.aliases:
            self.add(node, SKOS_ALT, zh(alias))
        self.add(node, dg("kind"), dg_object(kind_local_name(unit.kind)))
        self.add(node, dg("jurisdiction"), iri(self.place(unit.jurisdiction)))
        if unit.parent is not None:
            self.add(node, ORG_SUB_OF, iri(self.unit(unit.parent)))
        return node

    def leader(self, leader: Leader, jurisdiction: str) -> str:
        node = identity.leader_iri(jurisdiction, leader.name, leader.post)
        if node not in self.seen:
            self.seen.add(node)
            self.add(node, RDF_TYPE, dg_object("Leader"))
            self.add(node, RDF_TYPE, AGENT)
            self.add(node, SKOS_PREF, zh(leader.name or leader.post or "?"))
            if leader.name:
                self.add(node, RDF_TYPE, PERSON)
                self.add(node, FOAF_NAME, zh(leader.name))
            self.add(node, dg("jurisdiction"), iri(self.place(jurisdiction)))
        return node

    def post(self, post: str, jurisdiction: str) -> str:
        node = identity.post_iri(jurisdiction, post)
        if node not in self.seen:
            self.seen.add(node)
            self.add(node, RDF_TYPE, POST)
            self.add(node, SKOS_PREF, zh(post))
            self.add(node, dg("jurisdiction"), iri(self.place(jurisdiction)))
        return node


def document_jurisdiction(parsed: ParsedDocument, override: str | None = None) -> str:
    """The jurisdiction the document's units belong to: given, else from the issuer."""
    if override:
        return identity.normalize_name(well_formed(override))
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
    graph = identity.document_graph_iri(doc_id)
    shared = _SharedNodes()
    out = MappedDocument(doc_id=doc_id, jurisdiction=place_name, graph=graph)
    triples: dict[Triple, None] = {}  # ordered set: a leader's post is stated once per document

    def add(s: str, p: str, o: str) -> None:
        triples[(s, p, o)] = None

    doc = identity.document_iri(doc_id)
    add(doc, RDF_TYPE, dg_object("Document"))
    add(doc, RDF_TYPE, ENTITY)
    add(doc, dg("docId"), string(doc_id))
    add(doc, dg("jurisdiction"), iri(shared.place(place_name)))
    add(doc, DCT_SOURCE, string(well_formed(parsed.source)))
    if info.title:
        add(doc, DCT_TITLE, zh(info.title))
    if info.doc_number:
        add(doc, dg("docNumber"), string(info.doc_number))
    if info.issuer:
        add(doc, dg("issuerName"), zh(info.issuer))
    year: int | None = None
    if info.date:
        add(doc, DCT_ISSUED, date_literal(info.date))
        year = int(info.date[:4])
    add(doc, dg("taskCount"), integer(len(parsed.tasks)))
    for index, warning in enumerate(parsed.warnings, 1):
        node = f"{doc}/warning/{index}"
        add(doc, dg("warning"), iri(node))
        add(node, RDF_TYPE, dg_object("ParseWarning"))
        add(node, dg("code"), string(warning.code))
        add(node, RDFS_COMMENT, string(warning.message))
        if warning.line is not None:
            add(node, dg("sourceLine"), integer(warning.line))

    def assign(node: str, kind: str, role: str, shortcut: str, agent: str, rank: int, printed: str) -> None:
        """One qualified assignment of ``node`` (to the object term ``agent``) plus its shortcut."""
        assoc = f"{node}/{kind}/{rank}"
        add(node, dg(shortcut), agent)
        add(node, PROV_QUALIFIED_ASSOCIATION, iri(assoc))
        add(assoc, RDF_TYPE, ASSOCIATION)
        add(assoc, RDF_TYPE, dg_object("Assignment"))
        add(assoc, PROV_AGENT_PROP, agent)
        add(assoc, PROV_HAD_ROLE, role)
        add(assoc, dg("rank"), integer(rank))
        add(assoc, dg("asPrinted"), zh(printed))

    doc_object = iri(doc)
    for task in parsed.tasks:
        node = f"{doc}/task/{identity.iri_segment(task.id)}"
        add(node, RDF_TYPE, dg_object("Task"))
        add(node, RDF_TYPE, ACTIVITY)
        add(node, dg("inDocument"), doc_object)
        add(node, dg("taskId"), string(task.id))
        add(node, dg("text"), string(task.text))
        add(node, dg("sourceLine"), integer(task.line))
        if task.attachment is not None:
            add(node, dg("attachment"), string(task.attachment))
        if task.section is not None:
            add(node, dg("section"), string(task.section))
        if task.number is not None:
            add(node, dg("number"), string(task.number))
        if task.deadline:
            add(node, dg("deadline"), string(task.deadline))
            due = deadline_date(task.deadline, year)
            if due:
                instant = f"{node}/due"
                add(node, dg("dueBy"), iri(instant))
                add(instant, RDF_TYPE, INSTANT)
                add(instant, TIME_IN_XSD_DATE, date_literal(due))

        units = [(LEAD_ROLE, "leadUnit", "lead", u) for u in task.lead_units] + [
            (CO_ROLE, "coUnit", "co", u) for u in task.co_units
        ]
        for rank, (role, shortcut, kind, printed) in enumerate(units, 1):
            agent = shared.unit(registry.resolve(printed, place_name))
            assign(node, kind, role, shortcut, iri(agent), rank, printed)
        leaders = _distinct_leaders(
            [(SUPERVISING_ROLE, "supervisedBy", "leader", leader) for leader in task.leaders]
            + [(ASSISTING_ROLE, "assistedBy", "assistant", leader) for leader in task.assisting_leaders]
        )
        for rank, (role, shortcut, kind, leader) in enumerate(leaders, 1):
            agent = shared.leader(leader, place_name)
            assign(node, kind, role, shortcut, iri(agent), rank, (leader.name or "") + (leader.post or ""))
            if leader.post and leader.name:
                add(agent, ORG_HOLDS, iri(shared.post(leader.post, place_name)))
    out.task_count = len(parsed.tasks)
    out.triples = list(triples)
    out.shared = shared.triples
    return out


def _distinct_leaders(
    leaders: Iterable[tuple[str, str, str, Leader]],
) -> list[tuple[str, str, str, Leader]]:
    """Drop repeated mentions of one leader in one role (a header may name an assistant twice)."""
    seen: set[tuple[str, str | None, str | None]] = set()
    kept = []
    for entry in leaders:
        key = (entry[1], entry[3].name, entry[3].post if not entry[3].name else None)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept
