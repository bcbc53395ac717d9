"""The analysis of a snapshot: workload, over-burden, clusters, centrality, leader portfolios.

:func:`analyse` runs every measure once and :class:`Analysis` hands out the report rows, so the
CLI's ``report`` and ``run``, the notebooks, the network page and the Neo4j write-back all see
the same numbers. One algorithm family per module:

* :mod:`.workload` — lead/co counts and the role-weighted load;
* :mod:`.overload` — the robust over-burden rule and its reasons;
* :mod:`.clusters` — Louvain/Leiden collaboration clusters;
* :mod:`.centrality` — degree, betweenness, PageRank, participation;
* :mod:`.leaders` — leader portfolios and shared units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from dutygraph.gcpause import gc_paused
from dutygraph.graph.analysis.centrality import CentralityResult, unit_centrality
from dutygraph.graph.analysis.clusters import Clustering, cluster_units
from dutygraph.graph.analysis.leaders import Portfolio, leader_portfolios
from dutygraph.graph.analysis.overload import Burden, burdens
from dutygraph.graph.analysis.workload import UnitLoad, unit_loads
from dutygraph.graph.projections import Collaboration, collaboration
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import REPORTS, Settings

__all__ = ["REPORTS", "Analysis", "Settings", "analyse"]  # Settings and REPORTS live in dutygraph.settings


@dataclass
class Analysis:
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

    def workload_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "unit": r.unit,
                "jurisdiction": r.jurisdiction,
                "kind": r.kind,
                "group": r.is_group,
                "lead": r.lead,
                "co": r.co,
                "load": r.load,
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
            {"unit": r.unit, "jurisdiction": r.jurisdiction, "lead": r.lead, "co": r.co, "tasks": r.tasks}
            for r in sorted(self.loads, key=lambda r: (r.jurisdiction, r.unit))
            if r.is_group
        ]

    def centrality_rows(self) -> list[dict[str, Any]]:
        units = self.snapshot.units
        rows = [
            {
                "unit": units[c.iri].name,
                "jurisdiction": units[c.iri].jurisdiction,
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
                "tasks": p.tasks,
                "assisted_tasks": p.assisted_tasks,
                "units": len(p.units),
                "lead_units": p.lead_units,
                "shared_units": p.shared_units,
            }
            for p in self.portfolios
        ]

    def summary(self) -> dict[str, Any]:
        s = self.snapshot
        return {
            "documents": list(s.documents),
            "jurisdictions": sorted(set(s.documents.values())),
            "tasks": len(s.tasks),
            "units": sum(1 for u in s.units.values() if not u.is_group),
            "group_mentions": sum(1 for u in s.units.values() if u.is_group),
            "leaders": len(s.leaders),
            "tasks_without_lead_unit": sum(1 for t in s.tasks if not t.leads),
            "flagged_units": sum(1 for b in self.burdens if b.flagged),
            "clusters": sum(1 for c in self.clustering.clusters if len(c.members) > 1),
            "modularity": self.clustering.modularity,
            "cluster_method": f"{self.clustering.method} (seed={self.clustering.seed}, resolution={self.clustering.resolution:g}, {self.settings.weighting} weights)",
            "betweenness_method": self.centrality.betweenness_method,
            "settings": {
                "lead_weight": self.settings.lead_weight,
                "co_weight": self.settings.co_weight,
                "z_threshold": self.settings.z_threshold,
                "leader_threshold": self.settings.leader_threshold,
            },
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "workload": self.workload_rows(),
            "overload": self.overload_rows(),
            "groups": self.group_rows(),
            "centrality": self.centrality_rows(),
            "clusters": self.cluster_rows(),
            "leaders": self.leader_rows(),
        }


def analyse(snapshot: Snapshot, settings: Settings | None = None) -> Analysis:
    """Run every measure on ``snapshot``."""
    with gc_paused():
        return _analyse(snapshot, settings or Settings())


def _analyse(snapshot: Snapshot, settings: Settings) -> Analysis:
    network = collaboration(snapshot, weighting=settings.weighting)
    loads = unit_loads(snapshot, lead_weight=settings.lead_weight, co_weight=settings.co_weight)
    clustering = cluster_units(
        network, snapshot, method=settings.method, seed=settings.seed, resolution=settings.resolution
    )
    return Analysis(
        snapshot=snapshot,
        settings=settings,
        network=network,
        loads=loads,
        burdens=burdens(loads, z_threshold=settings.z_threshold, leader_threshold=settings.leader_threshold),
        clustering=clustering,
        centrality=unit_centrality(network, clustering.membership, seed=settings.seed),
        portfolios=leader_portfolios(snapshot),
    )
