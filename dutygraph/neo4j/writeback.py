"""Analysis results as unit properties — a graph-data-science style write-back.

:func:`unit_properties` runs :func:`dutygraph.graph.analysis.analyse` on the whole store (default
settings, seed 0, so the numbers are the report's and are deterministic) and returns, per unit IRI,
the properties the sync writes onto ``(:Unit)`` nodes. A unit's figures are those of its
jurisdiction's latest analysed year (``analysisYear``): each jurisdiction-year is analysed on its
own, so loading another city's or another year's notice never rewrites them.

``analysisYear``, ``load`` (role-weighted), ``leadTasks``, ``coTasks``, ``tasks``, ``flagged`` (over-burdened),
``burdenZ``, ``flagReason``, ``cluster``, ``degree``, ``weightedDegree``, ``betweenness``,
``pagerank``, ``participation``.

Sub-offices are rolled up to their accountable unit by the analysis, so only accountable units
carry these properties. Because the values are part of a unit's ``syncHash``, a changed load
shows up as an updated Unit in the sync report, and an unchanged store writes nothing.
"""

from __future__ import annotations

from typing import Any

from dutygraph.graph.analysis import Part, analyse
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.settings import Settings

PROPERTIES = (
    "analysisYear",
    "load",
    "leadTasks",
    "coTasks",
    "tasks",
    "flagged",
    "burdenZ",
    "flagReason",
    "cluster",
    "degree",
    "weightedDegree",
    "betweenness",
    "pagerank",
    "participation",
)


def unit_properties(store: Any, settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """Per unit IRI, the analysis properties to write (see the module docstring)."""
    snapshot = read_snapshot(store)
    if not snapshot.tasks:
        return {}
    props: dict[str, dict[str, Any]] = {}
    # Parts run by jurisdiction then year: a unit ends with its latest year's figures.
    for part in analyse(snapshot, settings).parts:
        props.update(_part_properties(part))
    return props


def _part_properties(part: Part) -> dict[str, dict[str, Any]]:
    props: dict[str, dict[str, Any]] = {}
    for load in part.loads:
        if not load.tasks:
            continue
        props[load.iri] = {
            "analysisYear": part.scope.year,
            "load": round(float(load.load), 6),
            "leadTasks": load.lead,
            "coTasks": load.co,
            "tasks": load.tasks,
            "flagged": False,
        }
    for burden in part.burdens:
        row = props.get(burden.load.iri)
        if row is None:
            continue
        row["flagged"] = bool(burden.flagged)
        row["burdenZ"] = round(float(burden.z), 4)
        if burden.flagged:
            row["flagReason"] = burden.reason
    for iri, cluster in part.clustering.membership.items():
        if iri in props:
            props[iri]["cluster"] = int(cluster)
    for iri, c in part.centrality.rows.items():
        if iri in props:
            props[iri].update(
                degree=int(c.degree),
                weightedDegree=round(float(c.weighted_degree), 6),
                betweenness=round(float(c.betweenness), 6),
                pagerank=round(float(c.pagerank), 6),
                participation=round(float(c.participation), 4),
            )
    return props


__all__ = ["PROPERTIES", "unit_properties"]
