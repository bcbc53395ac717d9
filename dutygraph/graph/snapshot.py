"""A read of the store for analysis: tasks, units and leaders as plain records.

Three SPARQL queries read everything analysis needs; projections, measures, the page and the
Neo4j write-back all work from this snapshot instead of querying again. Sub-offices are *rolled
up* here to the accountable unit ("市发展改革委(铁办)" counts for 市发展改革委), since the
question analysts ask is which department carries the load; the printed sub-office stays on the
unit record (``sub_offices``).

Complexity: O(assignments) time and memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from dutygraph.graph.store import Store
from dutygraph.ontology.namespaces import SHARED_GRAPH


@dataclass
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


@dataclass
class LeaderInfo:
    iri: str
    name: str
    jurisdiction: str
    posts: set[str] = field(default_factory=set)


@dataclass
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
    leads: list[str] = field(default_factory=list)  # accountable unit IRIs, rank order
    cos: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    assistants: list[str] = field(default_factory=list)

    @property
    def units(self) -> list[str]:
        return self.leads + self.cos


@dataclass
class Snapshot:
    tasks: list[TaskInfo]
    units: dict[str, UnitInfo]
    leaders: dict[str, LeaderInfo]
    documents: dict[str, str]  # doc id → jurisdiction


_TASKS = """
SELECT ?task ?docId ?taskId ?number ?text ?attachment ?section ?line ?deadline ?juris WHERE {
  GRAPH ?g {
    ?task a dg:Task ; dg:inDocument ?doc ; dg:taskId ?taskId ; dg:text ?text ; dg:sourceLine ?line .
    ?doc dg:docId ?docId ; dg:jurisdiction ?place .
    OPTIONAL { ?task dg:number ?number } OPTIONAL { ?task dg:attachment ?attachment }
    OPTIONAL { ?task dg:section ?section } OPTIONAL { ?task dg:deadline ?deadline }
  }
  GRAPH <%(shared)s> { ?place skos:prefLabel ?juris }
}""" % {"shared": SHARED_GRAPH.value}

_ASSIGNMENTS = """
SELECT ?task ?role ?rank ?agent ?printed WHERE {
  GRAPH ?g { ?task prov:qualifiedAssociation ?a . ?a prov:agent ?agent ; prov:hadRole ?role ; dg:rank ?rank .
             OPTIONAL { ?a dg:asPrinted ?printed } }
}"""

_UNITS = """
SELECT ?unit ?name ?kind ?juris ?parent (GROUP_CONCAT(?alt; separator="|") AS ?alts) WHERE {
  GRAPH <%(shared)s> {
    ?unit a dg:Unit ; skos:prefLabel ?name ; dg:kind ?kind ; dg:jurisdiction ?place .
    ?place skos:prefLabel ?juris .
    OPTIONAL { ?unit org:subOrganizationOf ?parent } OPTIONAL { ?unit skos:altLabel ?alt }
  }
} GROUP BY ?unit ?name ?kind ?juris ?parent""" % {"shared": SHARED_GRAPH.value}

_LEADERS = """
SELECT ?leader ?name ?juris ?post WHERE {
  GRAPH <%(shared)s> { ?leader a dg:Leader ; skos:prefLabel ?name ; dg:jurisdiction ?place .
                       ?place skos:prefLabel ?juris }
  OPTIONAL { GRAPH ?g { ?leader org:holds ?p } GRAPH <%(shared)s> { ?p skos:prefLabel ?post } }
}""" % {"shared": SHARED_GRAPH.value}

_KIND_NOTATION = {
    "GovernmentDepartment": "government-department",
    "PartyDepartment": "party-department",
    "LocalGovernment": "local-government",
    "StateOwnedEnterprise": "state-owned-enterprise",
    "VerticalAgency": "vertical-agency",
    "DevelopmentZone": "development-zone",
    "PeopleOrganization": "people-organization",
    "Group": "group",
    "Other": "other",
}


def _units(store: Store) -> dict[str, UnitInfo]:
    units: dict[str, UnitInfo] = {}
    for row in store.select(_UNITS):
        kind = _KIND_NOTATION.get(row["kind"].rsplit("#", 1)[-1], "other")
        aliases = sorted(a for a in (row["alts"] or "").split("|") if a)
        units[row["unit"]] = UnitInfo(row["unit"], row["name"], kind, row["juris"], aliases, row["parent"])
    return units


def read_snapshot(
    store: Store, *, docs: Collection[str] | None = None, jurisdiction: str | None = None
) -> Snapshot:
    """Everything analysis needs, optionally narrowed to some documents or one jurisdiction."""
    units = _units(store)

    def accountable(iri: str) -> str:
        seen = set()
        while units[iri].parent and iri not in seen:
            seen.add(iri)
            iri = units[iri].parent or iri
        return iri

    tasks: dict[str, TaskInfo] = {}
    documents: dict[str, str] = {}
    for row in store.select(_TASKS):
        if docs is not None and row["docId"] not in docs:
            continue
        if jurisdiction is not None and row["juris"] != jurisdiction:
            continue
        documents[row["docId"]] = row["juris"]
        tasks[row["task"]] = TaskInfo(
            iri=row["task"],
            doc_id=row["docId"],
            task_id=row["taskId"],
            number=row["number"],
            text=row["text"],
            attachment=row["attachment"],
            section=row["section"],
            line=int(row["line"]),
            deadline=row["deadline"],
        )
    leaders: dict[str, LeaderInfo] = {}
    for row in store.select(_LEADERS):
        info = leaders.setdefault(row["leader"], LeaderInfo(row["leader"], row["name"], row["juris"]))
        if row["post"]:
            info.posts.add(row["post"])

    assignments: dict[str, list[tuple[int, str, str, str | None]]] = defaultdict(list)
    for row in store.select(_ASSIGNMENTS):
        if row["task"] in tasks:
            role = row["role"].rsplit("#", 1)[-1]
            assignments[row["task"]].append((int(row["rank"]), role, row["agent"], row["printed"]))
    used: set[str] = set()
    for task_iri, entries in assignments.items():
        task = tasks[task_iri]
        for _, role, agent, printed in sorted(entries):
            if role in ("LeadUnitRole", "CoUnitRole"):
                top = accountable(agent)
                if agent != top and units[agent].name not in units[top].sub_offices:
                    units[top].sub_offices.append(units[agent].name)
                if printed:
                    units[top].printed.add(printed)
                used.add(top)
                # A unit counts once per task: as lead if any of its spellings leads.
                if role == "LeadUnitRole" and top not in task.leads:
                    task.leads.append(top)
                    if top in task.cos:
                        task.cos.remove(top)
                elif role == "CoUnitRole" and top not in task.leads and top not in task.cos:
                    task.cos.append(top)
            elif role == "SupervisingLeaderRole" and agent not in task.leaders:
                task.leaders.append(agent)
            elif role == "AssistingLeaderRole" and agent not in task.assistants:
                task.assistants.append(agent)
    ordered = sorted(tasks.values(), key=lambda t: (t.doc_id, t.line, t.task_id))
    kept_leaders = {iri for t in ordered for iri in t.leaders + t.assistants}
    return Snapshot(
        tasks=ordered,
        units={iri: units[iri] for iri in sorted(used)},
        leaders={iri: leaders[iri] for iri in sorted(kept_leaders) if iri in leaders},
        documents=dict(sorted(documents.items())),
    )


