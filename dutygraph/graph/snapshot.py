"""A read of the store for analysis: tasks, units and leaders as plain records.

Each document's digest (the triples analysis needs, kept beside its graph by the store) and one
index scan of the shared graph read everything analysis needs; projections, measures, the page and
the Neo4j write-back all work from this snapshot instead of querying again. Sub-offices are *rolled
up* here to the accountable unit ("市发展改革委(铁办)" counts for 市发展改革委), since the
question analysts ask is which department carries the load; the printed sub-office stays on the
unit record (``sub_offices``).

Complexity: O(assignments) time and memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import TypeVar

import numpy as np

from dutygraph.gcpause import gc_paused
from dutygraph.graph.incidence import Incidence
from dutygraph.ontology.namespaces import DG_NS, ORG_NS, RDF_NS, SKOS_NS
from dutygraph.ontology.registry import KINDS, kind_local_name
from dutygraph.store.digests import Assignment, read_document
from dutygraph.store.store import Store

V = TypeVar("V")


@dataclass(slots=True)
class UnitInfo:
    iri: str
    name: str
    kind: str
    jurisdiction: str
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    sub_offices: list[str] = field(default_factory=list)  # names of sub-offices rolled up into it
    printed: set[str] = field(default_factory=set)  # every spelling documents used

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    @property
    def names(self) -> list[str]:
        """Every name the unit is known by: canonical first, then aliases and printed forms."""
        others = sorted((set(self.aliases) | self.printed | set(self.sub_offices)) - {self.name})
        return [self.name, *others]


@dataclass(slots=True)
class LeaderInfo:
    iri: str
    name: str
    jurisdiction: str
    posts: set[str] = field(default_factory=set)


@dataclass(slots=True)
class TaskInfo:
    iri: str
    doc_id: str
    task_id: str
    number: str | None
    text: str
    attachment: str | None
    section: str | None
    line: int
    deadline: str | None = None
    # Who works on the task, as IRIs in rank order. Tuples, not lists: the items sit inside the
    # one object, so the measures' pass over 100,000 tasks touches half as much memory (0.23 s →
    # 0.12 s numbering a 1,000-notice corpus).
    leads: tuple[str, ...] = ()  # accountable units
    cos: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()
    assistants: tuple[str, ...] = ()

    @property
    def units(self) -> tuple[str, ...]:
        return self.leads + self.cos


@dataclass
class Snapshot:
    tasks: list[TaskInfo]
    units: dict[str, UnitInfo]
    leaders: dict[str, LeaderInfo]
    documents: dict[str, str]  # doc id → jurisdiction
    years: dict[str, int | None] = field(default_factory=dict)  # doc id → year issued (None: undated)

    @cached_property
    def incidence(self) -> Incidence:
        """The assignments as integer arrays (built on first use; the measures share it)."""
        return Incidence.of(self)

    def year_of(self, doc_id: str) -> int | None:
        return self.years.get(doc_id)

    def partitioned(self, groups: Sequence[Collection[str]]) -> Snapshot:
        """This snapshot with its units and leaders numbered per group of documents (see
        :meth:`Incidence.per_part`): what :func:`dutygraph.graph.analysis.analyse` computes every
        part's measures on at once, each part as if alone. Tasks of documents in no group form
        one more part, after the others. Shares the records."""
        group_of = {doc: g for g, docs in enumerate(groups) for doc in docs}
        rest = len(groups)
        task_part = np.fromiter(
            (group_of.get(doc, rest) for doc in map(attrgetter("doc_id"), self.tasks)),
            dtype=np.int64,
            count=len(self.tasks),
        )
        view = Snapshot(self.tasks, self.units, self.leaders, self.documents, self.years)
        view.__dict__["incidence"] = self.incidence.per_part(task_part)  # fills the cached property
        return view

    def part(self, docs: Collection[str]) -> Snapshot:
        """The snapshot of ``docs`` alone (see :meth:`parts`)."""
        return self.parts([docs])[0]

    def parts(
        self, groups: Sequence[Collection[str]], *, partitioned: Snapshot | None = None
    ) -> list[Snapshot]:
        """One snapshot per group of documents: its tasks, and the units and leaders they name.

        What each jurisdiction-year is analysed on, so its measures depend on nothing else in the
        store: a part holds the same records, in the same order, whatever else is loaded.
        ``partitioned`` is this snapshot's :meth:`partitioned` view of the same groups, when
        there is one already: its numbering holds each part's tasks, units and leaders, sorted.
        O(assignments)."""
        incidence = (partitioned or self.partitioned(groups)).incidence
        assert incidence.task_part is not None and incidence.unit_part is not None
        assert incidence.leader_part is not None
        every = np.arange(len(groups) + 1)
        by_part = np.argsort(incidence.task_part, kind="stable")
        tasks = [self.tasks[i] for i in by_part.tolist()]
        task_bounds = np.searchsorted(incidence.task_part[by_part], every).tolist()
        unit_bounds = np.searchsorted(incidence.unit_part, every).tolist()
        leader_bounds = np.searchsorted(incidence.leader_part, every).tolist()
        group_of = {doc: g for g, docs in enumerate(groups) for doc in docs}
        documents, years = (
            _by_group(self.documents, group_of, groups),
            _by_group(self.years, group_of, groups),
        )
        units, leaders = incidence.units, incidence.leaders
        return [
            Snapshot(
                tasks=tasks[task_bounds[g] : task_bounds[g + 1]],
                units={iri: self.units[iri] for iri in units[unit_bounds[g] : unit_bounds[g + 1]]},
                leaders={iri: self.leaders[iri] for iri in leaders[leader_bounds[g] : leader_bounds[g + 1]]},
                documents=documents[g],
                years=years[g],
            )
            for g in range(len(groups))
        ]


def _by_group(values: dict[str, V], group_of: dict[str, int], groups: Sequence[object]) -> list[dict[str, V]]:
    """``values`` (keyed by document) split by the documents' groups, in their order: one pass
    (filtering every document once per group cost a second for 1,000 one-notice groups)."""
    split: list[dict[str, V]] = [{} for _ in groups]
    for doc, value in values.items():
        g = group_of.get(doc)
        if g is not None:
            split[g][doc] = value
    return split


_RDF_TYPE = RDF_NS + "type"
_JURISDICTION = DG_NS + "jurisdiction"
# Roles compared as whole IRIs (one namespace, so they sort as their local names do).
_LEAD_ROLE = DG_NS + "LeadUnitRole"
_CO_ROLE = DG_NS + "CoUnitRole"
_UNIT_ROLES = (_LEAD_ROLE, _CO_ROLE)
_SUPERVISING_ROLE = DG_NS + "SupervisingLeaderRole"
_ASSISTING_ROLE = DG_NS + "AssistingLeaderRole"
_UNIT = DG_NS + "Unit"
_LEADER = DG_NS + "Leader"
_JURISDICTION_CLASS = DG_NS + "Jurisdiction"
_POST = ORG_NS + "Post"
_KIND = DG_NS + "kind"
_PREF_LABEL = SKOS_NS + "prefLabel"
_ALT_LABEL = SKOS_NS + "altLabel"
_SUB_OF = ORG_NS + "subOrganizationOf"


def _is_a(props: dict[str, list[str]], cls: str) -> bool:
    return cls in props.get(_RDF_TYPE, ())


#: A kind concept's local name → the kind's notation ("GovernmentDepartment" → "government-department").
_KIND_NOTATION = {kind_local_name(kind): kind for kind in KINDS}


@dataclass
class _Shared:
    """The shared graph's nodes as records: one index scan instead of four SPARQL queries."""

    units: dict[str, UnitInfo]
    leaders: dict[str, LeaderInfo]
    places: dict[str, str]  # jurisdiction IRI → name
    posts: dict[str, str]  # post IRI → title

    @classmethod
    def read(cls, store: Store) -> _Shared:
        nodes = store.shared_nodes()

        def labels_of(cls_iri: str) -> dict[str, str]:
            return {
                iri: props[_PREF_LABEL][0]
                for iri, props in nodes.items()
                if _is_a(props, cls_iri) and _PREF_LABEL in props
            }

        places, posts = labels_of(_JURISDICTION_CLASS), labels_of(_POST)

        def described(iri: str, props: dict[str, list[str]]) -> tuple[str, str] | None:
            """Name and jurisdiction, when the node has both (what a unit or leader needs)."""
            name, place = _first(props.get(_PREF_LABEL)), _first(props.get(_JURISDICTION))
            if name is None or place not in places:
                return None
            return name, places[place]

        units: dict[str, UnitInfo] = {}
        leaders: dict[str, LeaderInfo] = {}
        for iri, props in nodes.items():
            if _is_a(props, _UNIT) and _KIND in props and (found := described(iri, props)):
                kind = _KIND_NOTATION.get(props[_KIND][0].rsplit("#", 1)[-1], "other")
                aliases = sorted(props.get(_ALT_LABEL, []))
                units[iri] = UnitInfo(iri, found[0], kind, found[1], aliases, _first(props.get(_SUB_OF)))
            elif _is_a(props, _LEADER) and (found := described(iri, props)):
                leaders[iri] = LeaderInfo(iri, *found)
        return cls(units, leaders, places, posts)


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _year(issued: str | None) -> int | None:
    """The year of an ISO date ("2019-03-01" → 2019); None when the document has no date."""
    return int(issued[:4]) if issued and issued[:4].isdigit() else None


def read_snapshot(
    store: Store, *, docs: Collection[str] | None = None, jurisdiction: str | None = None
) -> Snapshot:
    """Everything analysis needs, optionally narrowed to some documents or one jurisdiction.

    O(quads of the selected documents + shared nodes).
    """
    with gc_paused():
        return _read(store, docs, jurisdiction)


def _read(store: Store, docs: Collection[str] | None, jurisdiction: str | None) -> Snapshot:
    shared = _Shared.read(store)
    units, leaders, places, posts = shared.units, shared.leaders, shared.places, shared.posts

    def accountable(iri: str) -> str:
        """The unit answerable for ``iri`` — the IRI string object the unit record holds, so the
        tasks share one string per unit (less memory; dictionary lookups by identity later)."""
        seen = set()
        while units[iri].parent and iri not in seen:
            seen.add(iri)
            iri = units[iri].parent or iri
        return units[iri].iri

    tasks: dict[str, TaskInfo] = {}
    documents: dict[str, str] = {}
    years: dict[str, int | None] = {}
    assignments: dict[str, list[Assignment]] = defaultdict(list)
    for graph in store.document_graphs():
        doc = read_document(store.digest(graph))
        if doc is None:
            continue
        doc_id = doc.doc_id or ""
        juris = places.get(doc.jurisdiction or "", "")
        if (docs is not None and doc_id not in docs) or (jurisdiction is not None and juris != jurisdiction):
            continue
        documents[doc_id] = juris
        years[doc_id] = _year(doc.issued)
        for record in doc.tasks:
            tasks[record.iri] = TaskInfo(
                iri=record.iri,
                doc_id=doc_id,
                task_id=record.task_id or "",
                number=record.number,
                text=record.text or "",
                attachment=record.attachment,
                section=record.section,
                line=record.line or 0,
                deadline=record.deadline,
            )
            assignments[record.iri].extend(record.assignments)
        for iri, held in doc.posts.items():
            if iri in leaders:
                leaders[iri].posts.update(posts.get(post, post) for post in held)
    used: set[str] = set()
    for task_iri, entries in assignments.items():
        leads: list[str] = []
        cos: list[str] = []
        supervising: list[str] = []
        assisting: list[str] = []
        for _, role, agent, printed in sorted(entries):
            if role in _UNIT_ROLES:
                top = accountable(agent)
                if agent != top and units[agent].name not in units[top].sub_offices:
                    units[top].sub_offices.append(units[agent].name)
                if printed:
                    units[top].printed.add(printed)
                used.add(top)
                # A unit counts once per task: as lead if any of its spellings leads.
                if role == _LEAD_ROLE and top not in leads:
                    leads.append(top)
                    if top in cos:
                        cos.remove(top)
                elif role == _CO_ROLE and top not in leads and top not in cos:
                    cos.append(top)
            elif role == _SUPERVISING_ROLE and agent not in supervising:
                supervising.append(leaders[agent].iri if agent in leaders else agent)
            elif role == _ASSISTING_ROLE and agent not in assisting:
                assisting.append(leaders[agent].iri if agent in leaders else agent)
        task = tasks[task_iri]
        task.leads, task.cos = tuple(leads), tuple(cos)
        task.leaders, task.assistants = tuple(supervising), tuple(assisting)
    ordered = sorted(tasks.values(), key=lambda t: (t.doc_id, t.line, t.task_id))
    kept_leaders = {iri for t in ordered for iri in t.leaders + t.assistants}
    return Snapshot(
        tasks=ordered,
        units={iri: units[iri] for iri in sorted(used)},
        leaders={iri: leaders[iri] for iri in sorted(kept_leaders) if iri in leaders},
        documents=dict(sorted(documents.items())),
        years=dict(sorted(years.items())),
    )
