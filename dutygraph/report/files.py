"""The written outputs of an analysis: ``report.md`` a planner can forward, ``report.json``,
one CSV per table, and the charts the Markdown embeds.

Everything is deterministic: the same store and settings give byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dutygraph.graph.analysis import Analysis
from dutygraph.report.tables import rows_to_csv, rows_to_markdown
from dutygraph.settings import REPORTS

TOP = 15


def _md_table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    return rows_to_markdown([{c: row.get(c) for c in columns} for row in rows])


def markdown_report(
    analysis: Analysis, *, charts: dict[str, str] | None = None, page: str | None = None, top: int = TOP
) -> str:
    """The report as Markdown; ``charts`` maps chart name → relative file to embed."""
    summary = analysis.summary()
    charts = charts or {}
    lines = [
        "# Responsibility network report",
        "",
        f"Documents: {', '.join(summary['documents']) or '—'} · jurisdictions: {', '.join(summary['jurisdictions']) or '—'}",
        "",
        f"- **{summary['tasks']}** tasks, **{summary['units']}** units (plus {summary['group_mentions']} group mentions), "
        f"**{summary['leaders']}** leaders",
        f"- **{summary['flagged_units']}** over-burdened units, **{summary['clusters']}** collaboration clusters "
        f"(modularity {summary['modularity']:.3f}, {summary['cluster_method']})",
        f"- {summary['tasks_without_lead_unit']} tasks name no lead unit",
    ]
    if page:
        lines += ["", f"Open the interactive network: [{page}]({page})"]
    lines += ["", "## Over-burdened units", ""]
    flagged = [b for b in analysis.burdens if b.flagged]
    if flagged:
        for b in flagged:
            lines.append(f"- **{b.load.unit}** ({b.load.jurisdiction}): {b.reason}.")
    else:
        lines.append("No unit stands out from its peers under the current rule.")
    lines += [
        "",
        f"Rule: robust z-score of log load (lead × {analysis.settings.lead_weight:g} + co × {analysis.settings.co_weight:g}) "
        f"against the departments of the same jurisdiction; flagged at z ≥ {analysis.settings.z_threshold:g}, "
        f"or z ≥ 2.5 with {analysis.settings.leader_threshold}+ supervising leaders. Group mentions are not ranked.",
        "",
        "## Workload",
        "",
    ]
    if "loads" in charts:
        lines += [f"![Top loads]({charts['loads']})", ""]
    departments = [r for r in analysis.workload_rows() if not r["group"]][:top]
    lines.append(
        _md_table(departments, ["unit", "kind", "lead", "co", "load", "leaders", "coworkers", "cluster"])
    )
    groups = analysis.group_rows()
    if groups:
        lines += ["### Group mentions (not ranked)", "", _md_table(groups, ["unit", "lead", "co", "tasks"])]
    lines += ["## Collaboration clusters", ""]
    if "network" in charts:
        lines += [f"![Collaboration network]({charts['network']})", ""]
    names = analysis.snapshot.units
    for cluster in analysis.clustering.clusters:
        if len(cluster.members) < 2:
            continue
        leader = (
            f"; mostly under {cluster.leader} ({cluster.leader_share:.0%} of its task mentions)"
            if cluster.leader
            else ""
        )
        members = "、".join(names[m].name for m in cluster.members)
        lines.append(
            f"- **Cluster {cluster.id}** ({len(cluster.members)} units) — hubs {'、'.join(cluster.hubs)}{leader}. Members: {members}"
        )
    alone = sum(1 for c in analysis.clustering.clusters if len(c.members) == 1)
    if alone:
        lines.append(f"- {alone} units work on their own (no shared task with another department).")
    lines += ["", "## Central units", "", f"Betweenness: {summary['betweenness_method']}.", ""]
    lines.append(
        _md_table(
            analysis.centrality_rows()[:top],
            ["unit", "cluster", "degree", "weighted_degree", "betweenness", "pagerank", "participation"],
        )
    )
    lines += ["## Leaders", ""]
    leader_rows = [
        {**row, "lead_units": row["lead_units"][:5], "shared_units": len(row["shared_units"])}
        for row in analysis.leader_rows()
    ]
    lines.append(
        _md_table(
            leader_rows, ["leader", "posts", "tasks", "assisted_tasks", "units", "lead_units", "shared_units"]
        )
    )
    return "\n".join(lines).rstrip() + "\n"


def write_report(
    analysis: Analysis, out: Path, *, charts: bool = True, page: str | None = None
) -> list[Path]:
    """Write report.md, report.json, the CSV tables and (optionally) charts into ``out``."""
    from dutygraph.report import charts as chart_module

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    embedded: dict[str, str] = {}
    if charts and analysis.loads:
        if chart_module.cjk_font() is None:
            charts = False
        else:
            written.append(chart_module.load_bar_chart(analysis, out / "top-loads.png"))
            embedded["loads"] = "top-loads.png"
            if analysis.collaboration.number_of_nodes():
                written.append(chart_module.network_image(analysis, out / "network.png"))
                embedded["network"] = "network.png"
    report = markdown_report(analysis, charts=embedded, page=page)
    if not charts and analysis.loads:
        report += "\n_Charts skipped: no CJK font installed (install `fonts-noto-cjk`)._\n"
    (out / "report.md").write_text(report, encoding="utf-8")
    (out / "report.json").write_text(
        json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    written += [out / "report.md", out / "report.json"]
    for name in (*REPORTS, "groups"):
        rows = analysis.group_rows() if name == "groups" else analysis.rows(name)
        path = out / f"{name}.csv"
        path.write_text(rows_to_csv(rows), encoding="utf-8-sig")
        written.append(path)
    return written
