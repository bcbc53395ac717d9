"""Tables of a whole analysis, as DataFrame-ready rows (lists of flat dicts).

* :func:`task_rows` — the long table: one row per task × unit × role, for pivoting in Excel or
  pandas without SPARQL;
* :func:`pair_rows` — which units work together: shared tasks and Jaccard, per scope;
* :func:`scope_rows` — one row per analysed jurisdiction-year, with how concentrated its load is
  (Gini and HHI of the departments' loads);
* :func:`trend_rows` / :func:`change_rows` — one unit over the years, and what changed between
  a jurisdiction's years;
* :func:`compare_rows` — the same function (each city's 发展改革委) across jurisdictions;
* :func:`flag_series_rows` — the over-burden rule over a series: "flagged in N of M years".

Units renamed by the institutional reforms keep one line: the registry maps a former name
(市国土资源局) to its successor (市自然资源和规划局) when documents are loaded, so both are one
unit; a name asked for here is resolved the same way.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from dutygraph.errors import InputError
from dutygraph.ontology.identity import normalize_name
from dutygraph.ontology.registry import UnitRegistry, default_registry, strip_level

if TYPE_CHECKING:
    from dutygraph.graph.analysis import Analysis, Part


def rows(analysis: Analysis, table: str) -> list[dict[str, Any]]:
    """The tables that take no option, by name."""
    return {
        "tasks": task_rows,
        "pairs": pair_rows,
        "scopes": scope_rows,
        "flags": flag_series_rows,
    }[table](analysis)


def task_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per task × unit × role, in document order; a task naming no unit has one row
    with an empty unit, so counting rows per task never loses one. ``rank`` is the unit's place
    in the task's list (leads first); ``leader`` the supervising leaders' names."""
    snapshot = analysis.snapshot
    units, leaders = snapshot.units, snapshot.leaders
    out: list[dict[str, Any]] = []
    for task in snapshot.tasks:
        base = {
            "document": task.doc_id,
            "jurisdiction": snapshot.documents.get(task.doc_id, ""),
            "year": snapshot.year_of(task.doc_id),
            "number": task.number or task.task_id,
            "text": task.text,
        }
        tail = {
            "leader": "、".join(leaders[p].name for p in task.leaders if p in leaders),
            "due": task.deadline,
            "line": task.line,
        }
        members = [(u, "lead") for u in task.leads] + [(u, "co") for u in task.cos]
        if not members:
            out.append({**base, "unit": None, "kind": None, "role": None, "rank": None, **tail})
        for rank, (iri, role) in enumerate(members, 1):
            info = units[iri]
            out.append({**base, "unit": info.name, "kind": info.kind, "role": role, "rank": rank, **tail})
    return out


def pair_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """Pairs of departments sharing tasks, per scope: shared tasks and Jaccard = shared / tasks
    of either. Most shared first."""
    out: list[dict[str, Any]] = []
    for part in analysis.parts:
        network, units = part.network, part.snapshot.units
        tasks = {r.iri: r.tasks for r in part.loads}
        rows = []
        for a, b, shared in zip(
            network.source.tolist(), network.target.tolist(), network.shared.tolist(), strict=True
        ):
            first, second = sorted((units[network.units[a]], units[network.units[b]]), key=lambda u: u.name)
            either = tasks[first.iri] + tasks[second.iri] - shared
            rows.append(
                {
                    "jurisdiction": first.jurisdiction,
                    "year": part.year,
                    "unit": first.name,
                    "other_unit": second.name,
                    "shared_tasks": shared,
                    "jaccard": shared / either if either else 0.0,
                }
            )
        rows.sort(key=lambda r: (-r["shared_tasks"], -r["jaccard"], r["unit"], r["other_unit"]))
        out += rows
    return out


def gini(values: list[float]) -> float:
    """Gini coefficient: 0 when every unit carries the same load, towards 1 when one carries all.

    Σ_i Σ_j |x_i − x_j| / (2 n² mean), computed on the sorted values in O(n log n)."""
    xs = sorted(values)
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((2 * i - n + 1) * x for i, x in enumerate(xs))
    return weighted / (n * total)


def hhi(values: list[float]) -> float:
    """Herfindahl–Hirschman index of the load shares, Σ share²: 1/n when even, 1 when one unit."""
    total = sum(values)
    return sum((v / total) ** 2 for v in values) if total else 0.0


def _department_loads(part: Part) -> list[float]:
    return [r.load for r in part.loads if not r.is_group]


def document_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """The documents analysed: id, jurisdiction, year, tasks."""
    snapshot = analysis.snapshot
    counts: dict[str, int] = defaultdict(int)
    for task in snapshot.tasks:
        counts[task.doc_id] += 1
    return [
        {"document": doc, "jurisdiction": place, "year": snapshot.year_of(doc), "tasks": counts[doc]}
        for doc, place in sorted(
            snapshot.documents.items(), key=lambda d: (d[1], snapshot.year_of(d[0]) or 0, d[0])
        )
    ]


def scope_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per analysed scope: its size, flags, clusters, and how concentrated its load is."""
    out = []
    for part in analysis.parts:
        loads = _department_loads(part)
        out.append(
            {
                "jurisdiction": part.scope.jurisdiction,
                "year": part.year,
                "documents": len(part.snapshot.documents),
                "tasks": len(part.snapshot.tasks),
                "units": len(loads),
                "leaders": len(part.snapshot.leaders),
                "flagged": sum(1 for b in part.burdens if b.flagged),
                "clusters": sum(1 for c in part.clustering.clusters if len(c.members) > 1),
                "modularity": part.clustering.modularity,
                "gini": gini(loads),
                "hhi": hhi(loads),
            }
        )
    return out


def resolve_unit(name: str, jurisdiction: str, registry: UnitRegistry | None = None) -> tuple[str, str]:
    """The IRI and canonical name ``name`` means in ``jurisdiction`` — a former name resolves
    to its successor, as at load time."""
    resolved = (registry or default_registry()).resolve(name, jurisdiction)
    return resolved.iri, resolved.name


def trend_rows(
    analysis: Analysis, unit: str, jurisdiction: str, registry: UnitRegistry | None = None
) -> list[dict[str, Any]]:
    """One unit of one jurisdiction, year by year: lead, co, load, share of the year's tasks,
    rank among the year's departments, flagged, and the change from the year before. A year the
    unit is absent from has a row with ``present`` false, so the line has no silent gaps."""
    parts = analysis.parts_of(jurisdiction)
    if not parts:
        raise InputError(
            f"no document of {jurisdiction} analysed (jurisdictions: {'、'.join(analysis.jurisdictions) or 'none'})"
        )
    iri, canonical = resolve_unit(unit, jurisdiction, registry)
    if not any(iri in p.snapshot.units for p in parts):
        raise InputError(f"{canonical} has no task in {jurisdiction}'s documents")
    asked = normalize_name(unit)
    out: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for part in parts:
        row: dict[str, Any] = {
            "jurisdiction": jurisdiction,
            "year": part.year,
            "unit": canonical,
            "asked_as": asked if asked != canonical else None,
            "present": iri in part.snapshot.units,
        }
        if row["present"]:
            load, burden = part.load_of(iri), part.burden_of(iri)
            row |= {
                "lead": load.lead,
                "co": load.co,
                "tasks": load.tasks,
                "load": load.load,
                "task_share": load.tasks / len(part.snapshot.tasks),
                "rank": part.ranks.get(iri),
                "of": len(part.ranks),
                "leaders": len(load.leaders),
                "flagged": bool(burden and burden.flagged),
                "z": burden.z if burden else None,
                "cluster": part.clustering.membership.get(iri),
            }
        else:
            row |= {"lead": 0, "co": 0, "tasks": 0, "load": 0.0, "task_share": 0.0, "rank": None}
            row |= {"of": len(part.ranks), "leaders": 0, "flagged": False, "z": None, "cluster": None}
        row["load_change"] = row["load"] - previous["load"] if previous else None
        row["tasks_change"] = row["tasks"] - previous["tasks"] if previous else None
        out.append(row)
        previous = row
    return out


def change_rows(analysis: Analysis, jurisdiction: str) -> list[dict[str, Any]]:
    """What changed between consecutive years of a jurisdiction: tasks, new and vanished units,
    leaders who came and went, and the units that gained or lost most tasks."""
    parts = analysis.parts_of(jurisdiction)
    out: list[dict[str, Any]] = []
    for before, after in pairwise(parts):
        old = {r.iri: r for r in before.loads if not r.is_group}
        new = {r.iri: r for r in after.loads if not r.is_group}
        names = {**{i: r.unit for i, r in old.items()}, **{i: r.unit for i, r in new.items()}}
        delta = {i: (new[i].tasks if i in new else 0) - (old[i].tasks if i in old else 0) for i in names}
        leaders_old = {p.leader for p in before.portfolios if p.tasks}
        leaders_new = {p.leader for p in after.portfolios if p.tasks}
        gained = sorted((i for i in delta if delta[i] > 0), key=lambda i: (-delta[i], names[i]))
        lost = sorted((i for i in delta if delta[i] < 0), key=lambda i: (delta[i], names[i]))
        out.append(
            {
                "jurisdiction": jurisdiction,
                "year": after.year,
                "since": before.year,
                "tasks": len(after.snapshot.tasks),
                "tasks_change": len(after.snapshot.tasks) - len(before.snapshot.tasks),
                "units": len(new),
                "new_units": sorted(names[i] for i in new.keys() - old.keys()),
                "vanished_units": sorted(names[i] for i in old.keys() - new.keys()),
                "new_leaders": sorted(leaders_new - leaders_old),
                "former_leaders": sorted(leaders_old - leaders_new),
                "most_gained": [f"{names[i]} +{delta[i]}" for i in gained[:5]],
                "most_lost": [f"{names[i]} {delta[i]}" for i in lost[:5]],
            }
        )
    return out


def compare_rows(
    analysis: Analysis, function: str, registry: UnitRegistry | None = None
) -> list[dict[str, Any]]:
    """The unit doing ``function`` ("发展改革委", or a former or short name such as 发改委) in
    every analysed jurisdiction-year, side by side: share of the year's tasks and of the
    departments' load, rank, flagged, and the Gini/HHI of that year's loads. A jurisdiction-year
    without such a unit has a row with ``present`` false."""
    registry = registry or default_registry()
    wanted = strip_level(registry.canonical_name(strip_level(normalize_name(function))))
    out: list[dict[str, Any]] = []
    for part in analysis.parts:
        loads = _department_loads(part)
        total = sum(loads)
        matches = [r for r in part.loads if not r.is_group and strip_level(r.unit) == wanted]
        common = {
            "jurisdiction": part.scope.jurisdiction,
            "year": part.year,
            "units": len(loads),
            "gini": gini(loads),
            "hhi": hhi(loads),
        }
        if not matches:
            out.append({**common, "unit": None, "kind": None, "present": False})
            continue
        for row in matches:
            burden = part.burden_of(row.iri)
            out.append(
                {
                    **common,
                    "unit": row.unit,
                    "kind": row.kind,
                    "present": True,
                    "lead": row.lead,
                    "co": row.co,
                    "load": row.load,
                    "task_share": row.tasks / len(part.snapshot.tasks),
                    "load_share": row.load / total if total else 0.0,
                    "rank": part.ranks.get(row.iri),
                    "flagged": bool(burden and burden.flagged),
                }
            )
    return out


def flag_series_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """Every unit flagged at least once, with the years it was flagged out of its
    jurisdiction's analysed years ("flagged in N of M years")."""
    flagged: dict[tuple[str, str], list[Any]] = defaultdict(list)
    names: dict[str, str] = {}
    years_of: dict[str, int] = defaultdict(int)
    for part in analysis.parts:
        jurisdiction = part.scope.jurisdiction or ""
        years_of[jurisdiction] += 1
        for burden in part.burdens:
            if burden.flagged:
                flagged[jurisdiction, burden.load.iri].append(part.year)
                names[burden.load.iri] = burden.load.unit
    rows = [
        {
            "jurisdiction": jurisdiction,
            "unit": names[iri],
            "flagged_years": len(years),
            "years": years_of[jurisdiction],
            "flagged_in": years,
        }
        for (jurisdiction, iri), years in flagged.items()
    ]
    return sorted(rows, key=lambda r: (r["jurisdiction"], -r["flagged_years"], r["unit"]))


__all__ = [
    "change_rows",
    "compare_rows",
    "document_rows",
    "flag_series_rows",
    "gini",
    "hhi",
    "pair_rows",
    "resolve_unit",
    "scope_rows",
    "task_rows",
    "trend_rows",
]
