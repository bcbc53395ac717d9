"""The analysis of a snapshot: workload, over-burden, clusters, centrality, leader portfolios.

:func:`analyse` runs every measure once and :class:`Analysis` hands out the report rows, so the
CLI's ``report`` and ``run``, the notebooks, the network page and the Neo4j write-back all see
the same numbers. One algorithm family per module:

* :mod:`.workload` — lead/co counts and the role-weighted load;
* :mod:`.overload` — the robust over-burden rule and its reasons;
* :mod:`.clusters` — Louvain/Leiden collaboration clusters;
* :mod:`.centrality` — degree, betweenness, PageRank, participation;
* :mod:`.leaders` — leader portfolios and shared units;
* :mod:`.scope` — what one analysis covers (a jurisdiction's notices of one year, by default);
* :mod:`.tables` — the long task table, pairs, trends over years, comparison between places.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import networkx as nx
import numpy as np

from dutygraph.errors import InputError
from dutygraph.gcpause import gc_paused
from dutygraph.graph.analysis.centrality import CentralityResult, parts_centrality
from dutygraph.graph.analysis.clusters import Clustering, cluster_parts
from dutygraph.graph.analysis.leaders import Portfolio, leader_portfolios
from dutygraph.graph.analysis.overload import Burden, part_burdens
from dutygraph.graph.analysis.scope import Scope, scopes_of
from dutygraph.graph.analysis.workload import UnitLoad, unit_loads
from dutygraph.graph.incidence import cut_by_part
from dutygraph.graph.projections import Collaboration, collaboration
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import REPORTS, TABLES, Settings


@dataclass
class Part:
    """Every measure of one :class:`Scope` (by default one jurisdiction's notices of one year).

    Computed from the scope's own snapshot only, so loading other documents never changes it.
    """

    scope: Scope
    snapshot: Snapshot
    settings: Settings
    network: Collaboration
    loads: list[UnitLoad]
    burdens: list[Burden]
    clustering: Clustering
    centrality: CentralityResult
    portfolios: list[Portfolio]
    _loads_by_iri: dict[str, UnitLoad] = field(default_factory=dict, repr=False)
    _burdens_by_iri: dict[str, Burden] = field(default_factory=dict, repr=False)

    @cached_property
    def collaboration(self) -> nx.Graph:
        """The collaboration graph as NetworkX, for notebooks and drawing (built on first use)."""
        return self.network.to_networkx(self.snapshot)

    def load_of(self, iri: str) -> UnitLoad:
        if not self._loads_by_iri:
            self._loads_by_iri = {row.iri: row for row in self.loads}
        return self._loads_by_iri[iri]

    def burden_of(self, iri: str) -> Burden | None:
        """The over-burden verdict of a department; None for group mentions (never ranked)."""
        if not self._burdens_by_iri:
            self._burdens_by_iri = {b.load.iri: b for b in self.burdens}
        return self._burdens_by_iri.get(iri)

    # -- report rows (stable keys; JSON/CSV/markdown/xlsx all come from these) ---------------
    def rows(self, report: str) -> list[dict[str, Any]]:
        return {
            "workload": self.workload_rows,
            "overload": self.overload_rows,
            "centrality": self.centrality_rows,
            "clusters": self.cluster_rows,
            "leaders": self.leader_rows,
        }[report]()

    @property
    def year(self) -> int | str | None:
        """The year column of every row: the year, or the span ("2019–2021") of a multi-year scope."""
        if self.scope.year is not None or not self.scope.years:
            return self.scope.year
        return self.scope.span

    @cached_property
    def ranks(self) -> dict[str, int]:
        """Each department's rank by load within the scope (1 = heaviest; groups are not ranked)."""
        departments = [r for r in self.loads if not r.is_group]
        return {r.iri: i for i, r in enumerate(departments, 1)}

    def workload_rows(self) -> list[dict[str, Any]]:
        """One row per unit. ``task_share`` is the share of the scope's tasks the unit works on,
        so years of different length compare."""
        rank, tasks = self.ranks, len(self.snapshot.tasks)
        return [
            {
                "unit": r.unit,
                "jurisdiction": r.jurisdiction,
                "year": self.year,
                "kind": r.kind,
                "group": r.is_group,
                "lead": r.lead,
                "co": r.co,
                "load": r.load,
                "rank": rank.get(r.iri),
                "task_share": r.tasks / tasks if tasks else 0.0,
                "leaders": len(r.leaders),
                "leader_names": r.leaders,
                "coworkers": r.coworkers,
                "cluster": self.clustering.membership.get(r.iri),
            }
            for r in self.loads
        ]

    def overload_rows(self) -> list[dict[str, Any]]:
        rows = [
            {
                "unit": b.load.unit,
                "jurisdiction": b.load.jurisdiction,
                "year": self.year,
                "kind": b.load.kind,
                "lead": b.load.lead,
                "co": b.load.co,
                "load": b.load.load,
                "leaders": len(b.load.leaders),
                "z": b.z,
                "flagged": b.flagged,
                "reason": b.reason,
            }
            for b in self.burdens
        ]
        return rows

    def group_rows(self) -> list[dict[str, Any]]:
        """Group mentions (各区县政府…), reported apart and never ranked against departments."""
        return [
            {
                "unit": r.unit,
                "jurisdiction": r.jurisdiction,
                "year": self.year,
                "lead": r.lead,
                "co": r.co,
                "tasks": r.tasks,
            }
            for r in sorted(self.loads, key=lambda r: (r.jurisdiction, r.unit))
            if r.is_group
        ]

    def centrality_rows(self) -> list[dict[str, Any]]:
        units = self.snapshot.units
        rows = [
            {
                "unit": units[c.iri].name,
                "jurisdiction": units[c.iri].jurisdiction,
                "year": self.year,
                "kind": units[c.iri].kind,
                "cluster": self.clustering.membership.get(c.iri),
                "degree": c.degree,
                "weighted_degree": c.weighted_degree,
                "betweenness": c.betweenness,
                "pagerank": c.pagerank,
                "participation": c.participation,
                "betweenness_method": self.centrality.betweenness_method,
            }
            for c in self.centrality.rows.values()
        ]
        return sorted(rows, key=lambda r: (-r["betweenness"], -r["pagerank"], r["unit"]))

    def cluster_rows(self) -> list[dict[str, Any]]:
        units = self.snapshot.units
        rows = []
        for cluster in self.clustering.clusters:
            for rank, iri in enumerate(cluster.members, 1):
                rows.append(
                    {
                        "unit": units[iri].name,
                        "jurisdiction": units[iri].jurisdiction,
                        "year": self.year,
                        "kind": units[iri].kind,
                        "cluster": cluster.id,
                        "size": len(cluster.members),
                        "rank_in_cluster": rank,
                        "cluster_hubs": cluster.hubs,
                        "cluster_leader": cluster.leader,
                    }
                )
        return rows

    def leader_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "leader": p.leader,
                "posts": p.posts,
                "jurisdiction": p.jurisdiction,
                "year": self.year,
                "tasks": p.tasks,
                "assisted_tasks": p.assisted_tasks,
                "units": len(p.units),
                "lead_units": p.lead_units,
                "shared_units": p.shared_units,
            }
            for p in self.portfolios
        ]


@dataclass
class Analysis:
    """The measures of every scope the snapshot falls into, one :class:`Part` each.

    By default a scope is one jurisdiction's notices of one year (``Settings.scope``), so a unit's
    figures never depend on what else the store holds. Tables of the whole corpus are the parts'
    rows one after another, each with its jurisdiction and year; :mod:`.tables` adds the long task
    table, the pairs, the trends over years and the comparison between jurisdictions.
    """

    snapshot: Snapshot
    settings: Settings
    parts: list[Part]

    def part(self, jurisdiction: str | None, year: int | None = None) -> Part:
        """The part of ``jurisdiction`` and ``year`` (raises a clear error when there is none)."""
        for part in self.parts:
            if part.scope.jurisdiction == jurisdiction and part.scope.year == year:
                return part
        known = "、".join(p.scope.label() for p in self.parts) or "none"
        raise InputError(f"no analysed part {jurisdiction} {year or ''} (parts: {known})")

    def parts_of(self, jurisdiction: str) -> list[Part]:
        """The parts of one jurisdiction, by year."""
        return [p for p in self.parts if p.scope.jurisdiction == jurisdiction]

    @property
    def jurisdictions(self) -> list[str]:
        return sorted(set(self.snapshot.documents.values()))

    @property
    def years(self) -> list[int]:
        return sorted({y for y in self.snapshot.years.values() if y is not None})

    @cached_property
    def collaboration(self) -> nx.Graph:
        """The collaboration graph as NetworkX: nodes are unit IRIs, each part's graph apart.

        A unit seen in several years is one node per year there, keyed ``IRI@year``."""
        if len(self.parts) == 1:
            return self.parts[0].collaboration
        keyed = [
            nx.relabel_nodes(p.collaboration, {n: n + node_suffix(self, p) for n in p.collaboration})
            for p in self.parts
        ]
        return nx.union_all(keyed) if keyed else nx.Graph()

    # -- report rows: the parts' rows one after another --------------------------------------
    def rows(self, report: str) -> list[dict[str, Any]]:
        if report in TABLES:
            from dutygraph.graph.analysis import tables

            return tables.rows(self, report)
        if report not in REPORTS:
            raise InputError(f"unknown report {report!r} (choose {', '.join(REPORTS + TABLES)})")
        return [row for part in self.parts for row in part.rows(report)]

    def workload_rows(self) -> list[dict[str, Any]]:
        return self.rows("workload")

    def overload_rows(self) -> list[dict[str, Any]]:
        return self.rows("overload")

    def centrality_rows(self) -> list[dict[str, Any]]:
        return self.rows("centrality")

    def cluster_rows(self) -> list[dict[str, Any]]:
        return self.rows("clusters")

    def leader_rows(self) -> list[dict[str, Any]]:
        return self.rows("leaders")

    def group_rows(self) -> list[dict[str, Any]]:
        return [row for part in self.parts for row in part.group_rows()]

    def summary(self) -> dict[str, Any]:
        s = self.snapshot
        clusterings = [p.clustering for p in self.parts]
        return {
            "documents": len(s.documents),
            "jurisdictions": self.jurisdictions,
            "years": self.years,
            "scope": self.settings.scope,
            "parts": len(self.parts),
            "tasks": len(s.tasks),
            "units": sum(1 for u in s.units.values() if not u.is_group),
            "group_mentions": sum(1 for u in s.units.values() if u.is_group),
            "leaders": len(s.leaders),
            "tasks_without_lead_unit": sum(1 for t in s.tasks if not t.leads),
            "flagged_units": sum(1 for p in self.parts for b in p.burdens if b.flagged),
            "clusters": sum(1 for c in clusterings for k in c.clusters if len(k.members) > 1),
            "modularity": clusterings[0].modularity if len(clusterings) == 1 else None,
            "cluster_method": f"{self.settings.method} (seed={self.settings.seed}, resolution={self.settings.resolution:g}, {self.settings.weighting} weights)",
            "betweenness_method": "; ".join(sorted({p.centrality.betweenness_method for p in self.parts}))
            or "exact",
            "settings": {
                "lead_weight": self.settings.lead_weight,
                "co_weight": self.settings.co_weight,
                "z_threshold": self.settings.z_threshold,
                "leader_threshold": self.settings.leader_threshold,
            },
        }

    def to_json(self) -> dict[str, Any]:
        from dutygraph.graph.analysis import tables

        return {
            "summary": self.summary(),
            "documents": tables.document_rows(self),
            "scopes": tables.scope_rows(self),
            "workload": self.workload_rows(),
            "overload": self.overload_rows(),
            "groups": self.group_rows(),
            "centrality": self.centrality_rows(),
            "clusters": self.cluster_rows(),
            "leaders": self.leader_rows(),
            "pairs": tables.pair_rows(self),
            "flag_series": tables.flag_series_rows(self),
        }


def node_suffix(analysis: Analysis, part: Part) -> str:
    """What follows a unit's or leader's IRI in graphs drawing all parts together: nothing when
    each jurisdiction has one part, else ``@year`` (one node per unit and year)."""
    several = len({p.scope.jurisdiction for p in analysis.parts}) < len(analysis.parts)
    return f"@{part.scope.span}" if several else ""


R = TypeVar("R", UnitLoad, Portfolio)


def by_part(rows: list[R], parts: int) -> list[list[R]]:
    """Rows ordered part by part (as :func:`unit_loads` and :func:`leader_portfolios` give
    them), cut into one list per part."""
    return cut_by_part(rows, np.fromiter((row.part for row in rows), dtype=np.int64, count=len(rows)), parts)


def analyse(snapshot: Snapshot, settings: Settings | None = None) -> Analysis:
    """Run every measure on each scope of ``snapshot`` (see :mod:`.scope`).

    Counting (workload, the collaboration graph, leader portfolios) runs once over all parts,
    with units and leaders numbered per part (:meth:`Snapshot.partitioned`), so a thousand
    city-years cost one pass; clusters, centrality and the over-burden rule then run on each
    part's own slice. Either way a part's figures are what it alone would give."""
    settings = settings or Settings()
    with gc_paused():
        scopes = scopes_of(snapshot, settings.scope)
        groups = [docs for _, docs in scopes]
        combined = snapshot.partitioned(groups)
        pieces = snapshot.parts(groups, partitioned=combined) if len(groups) != 1 else [snapshot]
        network = collaboration(combined, weighting=settings.weighting)
        loads = by_part(
            unit_loads(combined, lead_weight=settings.lead_weight, co_weight=settings.co_weight), len(groups)
        )
        portfolios = by_part(leader_portfolios(combined), len(groups))
        networks = network.pieces(len(groups))
        clusterings = cluster_parts(
            networks, combined, method=settings.method, seed=settings.seed, resolution=settings.resolution
        )
        flagged = part_burdens(
            loads, z_threshold=settings.z_threshold, leader_threshold=settings.leader_threshold
        )
        centralities = parts_centrality(networks, [c.membership for c in clusterings], seed=settings.seed)
        parts = [
            Part(
                scope=scope,
                snapshot=piece,
                settings=settings,
                network=graph,
                loads=loads[p],
                burdens=burden,
                clustering=clustering,
                centrality=centrality,
                portfolios=portfolios[p],
            )
            for p, ((scope, _), piece, graph, clustering, centrality, burden) in enumerate(
                zip(scopes, pieces, networks, clusterings, centralities, flagged, strict=True)
            )
        ]
    return Analysis(snapshot, settings, parts)
