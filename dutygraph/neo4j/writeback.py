"""Analysis results as Neo4j rows — a graph-data-science style write-back.

:func:`analysis_rows` runs :func:`dutygraph.graph.analysis.analyse` on the whole store (default
settings, seed 0, so the numbers are the report's and are deterministic). Each
jurisdiction-year is analysed on its own, so loading another city's or another year's notice never
changes a unit's figures, and the sync writes them per year:

* one ``(:AnalysisYear)`` node per jurisdiction-year (its documents, tasks and ranked departments);
* one ``(:Unit)-[:MEASURED_IN]->(:AnalysisYear)`` relationship per unit named in that year, holding
  the unit's figures there (:data:`~dutygraph.neo4j.model.MEASURE_PROPERTIES`);
* on the ``(:Unit)`` node itself, the figures of its latest analysed year with ``analysisYear``
  saying which, for queries that need no year.

Sub-offices are rolled up to their accountable unit by the analysis, so only accountable units
carry figures. Every row carries a ``syncHash`` of its values, so an unchanged year writes nothing.
"""

from __future__ import annotations

from typing import Any

from dutygraph.graph.analysis import Part, analyse
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.neo4j.model import HASH_PROPERTY, AnalysisRows, MeasureRow, YearRow, analysis_year_id, digest
from dutygraph.settings import Settings


def analysis_rows(store: Any, settings: Settings | None = None) -> AnalysisRows:
    """Every jurisdiction-year's figures, as rows for the sync and the bulk export."""
    snapshot = read_snapshot(store)
    rows = AnalysisRows()
    if not snapshot.tasks:
        return rows
    # Parts run by jurisdiction then year: a unit's own properties end as its latest year's.
    for part in analyse(snapshot, settings).parts:
        year = _year_row(part)
        rows.years.append(year)
        for iri, props in _part_properties(part).items():
            rows.measures.append(MeasureRow(iri, year.id, _hashed(props)))
            rows.units[iri] = {"analysisYear": part.scope.year, **props}
    return rows


def unit_properties(store: Any, settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """Per unit IRI, the figures of its latest analysed year (the ``(:Unit)`` properties)."""
    return analysis_rows(store, settings).units


def _hashed(props: dict[str, Any]) -> dict[str, Any]:
    return {**props, HASH_PROPERTY: digest(props)}


def _year_row(part: Part) -> YearRow:
    scope = part.scope
    props = {
        "jurisdiction": scope.jurisdiction,
        "year": scope.year,
        "documents": len(part.snapshot.documents),
        "tasks": len(part.snapshot.tasks),
        "departments": len(part.ranks),
    }
    props = {k: v for k, v in props.items() if v is not None}
    ident = analysis_year_id(scope.jurisdiction, scope.year)
    return YearRow(ident, {**_hashed(props), "id": ident})


def _part_properties(part: Part) -> dict[str, dict[str, Any]]:
    """Per unit IRI with tasks in ``part``, its figures there (null values left out)."""
    props: dict[str, dict[str, Any]] = {}
    ranks, tasks = part.ranks, len(part.snapshot.tasks)
    for load in part.loads:
        if not load.tasks:
            continue
        props[load.iri] = {
            "load": round(float(load.load), 6),
            "rank": ranks.get(load.iri),
            "leadTasks": load.lead,
            "coTasks": load.co,
            "tasks": load.tasks,
            "taskShare": round(load.tasks / tasks, 6) if tasks else 0.0,
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
    return {iri: {k: v for k, v in row.items() if v is not None} for iri, row in props.items()}


__all__ = ["analysis_rows", "unit_properties"]
