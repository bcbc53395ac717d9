"""The written outputs of an analysis: ``report.md`` a planner can forward, ``report.json``,
one CSV per table, and the charts the Markdown embeds.

Everything is deterministic: the same store and settings give byte-identical files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dutygraph.graph.analysis import Analysis, Part, tables
from dutygraph.ontology.registry import strip_level
from dutygraph.report.tables import markdown_text, rows_to_csv, rows_to_markdown
from dutygraph.report.wording import check_language, heading, humanised, plural
from dutygraph.report.wording import in_language as _t
from dutygraph.settings import LANGUAGE, REPORTS

TOP = 15
#: Jurisdictions whose trend table lists this many units (the heaviest of the latest year).
TREND_UNITS = 10
#: At most this many jurisdictions get a trend chart (those with most tasks).
TREND_CHARTS = 20


def _md_table(rows: list[dict[str, Any]], columns: list[str], lang: str) -> str:
    return rows_to_markdown(humanised(rows, columns, lang))


def _headline(analysis: Analysis, lang: str) -> list[str]:
    summary = analysis.summary()
    documents, places = summary["documents"], [markdown_text(p) for p in summary["jurisdictions"]]
    years = analysis.years
    span = "—" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    if lang == "zh":
        where = "、".join(places) if len(places) <= 3 else f"{len(places)} 个地区"
        return [
            f"文件 {documents} 份，{where}，{span} 年。",
            "",
            f"- 任务 **{summary['tasks']}** 项，单位 **{summary['units']}** 个（另有统称 {summary['group_mentions']} 个），"
            f"分管领导 **{summary['leaders']}** 名",
            f"- 按地区和年份分别分析，共 {summary['parts']} 组；过重单位 **{summary['flagged_units']}** 个次，"
            f"协作群 **{summary['clusters']}** 个（{summary['cluster_method']}）",
            f"- {summary['tasks_without_lead_unit']} 项任务未写明牵头单位",
        ]
    where = ", ".join(places) if len(places) <= 3 else plural(len(places), "jurisdiction")
    return [
        f"{plural(documents, 'document')}, {where}, {span}.",
        "",
        f"- **{summary['tasks']}** tasks, **{summary['units']}** units (plus {plural(summary['group_mentions'], 'group mention')}), "
        f"**{summary['leaders']}** leaders",
        f"- analysed per jurisdiction and year: {plural(summary['parts'], 'part')}; "
        f"**{summary['flagged_units']}** over-burdened unit-years, **{summary['clusters']}** collaboration clusters "
        f"({summary['cluster_method']})",
        f"- {plural(summary['tasks_without_lead_unit'], 'task')} name no lead unit",
    ]


def _rule(analysis: Analysis, lang: str) -> str:
    s = analysis.settings
    if lang == "zh":
        return (
            f"规则：工作量 = 牵头 × {s.lead_weight:g} + 配合 × {s.co_weight:g}；在同一地区同一年份的部门之间，"
            f"对 ln(1+工作量) 计算稳健 z 值，z ≥ {s.z_threshold:g}，或 z ≥ 2.5 且对接 {s.leader_threshold} 位以上分管领导，"
            "即为过重。统称（各区县政府等）不参与排名。"
        )
    return (
        f"Rule: robust z-score of log load (lead × {s.lead_weight:g} + co × {s.co_weight:g}) "
        f"against the departments of the same jurisdiction and year; flagged at z ≥ {s.z_threshold:g}, "
        f"or z ≥ 2.5 with {s.leader_threshold}+ supervising leaders. Group mentions are not ranked."
    )


def _part_sections(part: Part, lang: str, top: int, level: str, charts: dict[str, str]) -> list[str]:
    """Over-burden, workload, groups, clusters, central units and leaders of one part."""
    lines = [f"{level} {_t(lang, '过重单位', 'Over-burdened units')}", ""]
    flagged = [b for b in part.burdens if b.flagged]
    for b in flagged:
        unit, place = markdown_text(b.load.unit), markdown_text(b.load.jurisdiction)
        lines.append(
            f"- **{unit}**({place}):{markdown_text(b.reason_in(lang))}。"
            if lang == "zh"
            else f"- **{unit}** ({place}): {markdown_text(b.reason)}."
        )
    if not flagged:
        lines.append(
            _t(
                lang,
                "按现行规则，没有单位明显高于同级。",
                "No unit stands out from its peers under the current rule.",
            )
        )
    lines += ["", f"{level} {_t(lang, '工作量', 'Workload')}", ""]
    if "loads" in charts:
        lines += [f"![{_t(lang, '工作量前列', 'Top loads')}]({charts['loads']})", ""]
    departments = [r for r in part.workload_rows() if not r["group"]][:top]
    columns = [
        "unit",
        "jurisdiction",
        "kind",
        "lead",
        "co",
        "load",
        "task_share",
        "leaders",
        "coworkers",
        "cluster",
    ]
    lines.append(_md_table(departments, columns, lang))
    groups = part.group_rows()
    if groups:
        lines += [
            f"{level}# {_t(lang, '统称(不排名)', 'Group mentions (not ranked)')}",
            "",
            _md_table(groups, ["unit", "jurisdiction", "lead", "co", "tasks"], lang),
        ]
    lines += [f"{level} {_t(lang, '协作群', 'Collaboration clusters')}", ""]
    if "network" in charts:
        lines += [f"![{_t(lang, '协作网络', 'Collaboration network')}]({charts['network']})", ""]
    lines.append(
        _t(
            lang,
            f"模块度 {part.clustering.modularity:.3f}。",
            f"Modularity {part.clustering.modularity:.3f}.",
        )
    )
    names = part.snapshot.units
    for cluster in part.clustering.clusters:
        if len(cluster.members) < 2:
            continue
        members = markdown_text([names[m].name for m in cluster.members])
        hubs = markdown_text(cluster.hubs)
        chief = markdown_text(cluster.leader)
        if lang == "zh":
            leader = f"；主要由{chief}分管（占其任务的 {cluster.leader_share:.0%}）" if cluster.leader else ""
            lines.append(
                f"- **协作群 {cluster.id}**（{len(cluster.members)} 个单位）— 核心 {hubs}{leader}。成员：{members}"
            )
        else:
            leader = (
                f"; mostly under {chief} ({cluster.leader_share:.0%} of its task mentions)"
                if cluster.leader
                else ""
            )
            lines.append(
                f"- **Cluster {cluster.id}** ({plural(len(cluster.members), 'unit')}) — hubs {hubs}{leader}. Members: {members}"
            )
    alone = sum(1 for c in part.clustering.clusters if len(c.members) == 1)
    if alone:
        lines.append(
            _t(
                lang,
                f"- {alone} 个单位独立承担任务（与其他部门无共同任务）。",
                f"- {plural(alone, 'unit works', 'units work')} on their own (no shared task with another department).",
            )
        )
    lines += [
        "",
        f"{level} {_t(lang, '中心单位', 'Central units')}",
        "",
        _t(
            lang,
            f"中介中心性：{part.centrality.betweenness_method}。",
            f"Betweenness: {part.centrality.betweenness_method}.",
        ),
        "",
    ]
    columns = ["unit", "cluster", "degree", "weighted_degree", "betweenness", "pagerank", "participation"]
    lines.append(_md_table(part.centrality_rows()[:top], columns, lang))
    lines += [f"{level} {_t(lang, '分管领导', 'Leaders')}", ""]
    leader_rows = [
        {**row, "lead_units": row["lead_units"][:5], "shared_units": len(row["shared_units"])}
        for row in part.leader_rows()
    ]
    columns = ["leader", "posts", "tasks", "assisted_tasks", "units", "lead_units", "shared_units"]
    lines.append(_md_table(leader_rows, columns, lang))
    return lines


def _trend_pivot(analysis: Analysis, jurisdiction: str, lang: str) -> str:
    """Units × years of one jurisdiction: the load of the latest year's heaviest units."""
    parts = analysis.parts_of(jurisdiction)
    latest = parts[-1]
    chosen = [r for r in latest.loads if not r.is_group][:TREND_UNITS]
    rows = []
    for load in chosen:
        row: dict[str, Any] = {heading("unit", lang): load.unit}
        for part in parts:
            row[str(part.year)] = part.load_of(load.iri).load if load.iri in part.snapshot.units else None
        rows.append(row)
    return rows_to_markdown(rows)


def _jurisdiction_sections(
    analysis: Analysis, jurisdiction: str, lang: str, top: int, charts: dict[str, str]
) -> list[str]:
    parts = analysis.parts_of(jurisdiction)
    single = _t(lang, f"（{parts[0].scope.span} 年）", f" ({parts[0].scope.span})") if len(parts) == 1 else ""
    lines = [f"## {markdown_text(jurisdiction)}{single}", ""]
    if len(parts) > 1:
        scopes = [r for r in tables.scope_rows(analysis) if r["jurisdiction"] == jurisdiction]
        columns = ["year", "documents", "tasks", "units", "leaders", "flagged", "clusters", "gini", "hhi"]
        lines += [f"### {_t(lang, '逐年概况', 'Year by year')}", "", _md_table(scopes, columns, lang)]
        lines += [
            f"### {_t(lang, '工作量逐年变化', 'Load over the years')}",
            "",
            _t(
                lang,
                f"最近一年工作量最重的 {TREND_UNITS} 个单位，各年工作量（空白：当年未出现）。",
                f"The latest year's {TREND_UNITS} heaviest units, their load each year (blank: absent that year).",
            ),
            "",
            _trend_pivot(analysis, jurisdiction, lang),
        ]
        if f"trend:{jurisdiction}" in charts:
            lines += [
                f"![{_t(lang, '工作量逐年变化', 'Load over the years')}]({charts[f'trend:{jurisdiction}']})",
                "",
            ]
        changes = tables.change_rows(analysis, jurisdiction)
        columns = [
            "year",
            "since",
            "tasks_change",
            "new_units",
            "vanished_units",
            "new_leaders",
            "former_leaders",
            "most_gained",
            "most_lost",
        ]
        lines += [
            f"### {_t(lang, '与上年相比', 'Change from the year before')}",
            "",
            _md_table(changes, columns, lang),
        ]
        series = [r for r in tables.flag_series_rows(analysis) if r["jurisdiction"] == jurisdiction]
        lines += [f"### {_t(lang, '过重年数', 'Years over-burdened')}", ""]
        for row in series:
            years = "、".join(str(y) for y in row["flagged_in"])
            lines.append(
                _t(
                    lang,
                    f"- **{markdown_text(row['unit'])}**：{row['years']} 年中 {row['flagged_years']} 年过重（{years}）",
                    f"- **{markdown_text(row['unit'])}**: flagged in {row['flagged_years']} of {plural(row['years'], 'year')} ({years})",
                )
            )
        if not series:
            lines.append(_t(lang, "各年均无过重单位。", "No unit flagged in any year."))
        lines.append("")
    latest = parts[-1]
    title = _t(lang, f"{latest.scope.span} 年", f"{latest.scope.span}") if len(parts) > 1 else ""
    if title:
        lines += [f"### {title}", ""]
    detail = {"network": charts[f"network:{jurisdiction}"]} if f"network:{jurisdiction}" in charts else {}
    return lines + _part_sections(latest, lang, top, "####" if title else "###", detail)


def _comparison(analysis: Analysis, lang: str) -> list[str]:
    """Jurisdictions side by side: their latest year's concentration, and the functions most of
    them have (each city's 发展改革委…) compared."""
    latest = {p.scope.jurisdiction: p for p in analysis.parts}
    scopes = [r for r in tables.scope_rows(analysis) if latest[r["jurisdiction"]].year == r["year"]]
    columns = ["jurisdiction", "year", "tasks", "units", "flagged", "clusters", "gini", "hhi"]
    lines = [
        f"## {_t(lang, '地区比较', 'Jurisdictions compared')}",
        "",
        _t(
            lang,
            "各地区最近一年；基尼系数和 HHI 衡量工作量的集中程度。",
            "Each jurisdiction's latest year; Gini and HHI measure how concentrated the load is.",
        ),
        "",
        _md_table(scopes, columns, lang),
    ]
    counts: dict[str, int] = {}
    for part in latest.values():
        for function in {strip_level(r.unit) for r in part.loads if not r.is_group}:
            counts[function] = counts.get(function, 0) + 1
    common = sorted((f for f, n in counts.items() if n > 1), key=lambda f: (-counts[f], f))[:3]
    for function in common:
        rows = [
            r
            for r in tables.compare_rows(analysis, function)
            if r["present"] and latest[r["jurisdiction"]].year == r["year"]
        ]
        rows.sort(key=lambda r: (-r["load_share"], r["jurisdiction"]))
        columns = [
            "jurisdiction",
            "year",
            "unit",
            "kind",
            "lead",
            "co",
            "load",
            "task_share",
            "load_share",
            "rank",
            "units",
            "flagged",
        ]
        lines += [f"### {markdown_text(function)}", "", _md_table(rows, columns, lang)]
    return lines


def markdown_report(
    analysis: Analysis,
    *,
    charts: dict[str, str] | None = None,
    page: str | None = None,
    top: int = TOP,
    lang: str = LANGUAGE,
) -> str:
    """The report as Markdown, in Chinese (``lang="zh"``) or English; ``charts`` maps chart
    name → relative file to embed. One part: its sections. Several jurisdictions or years: a
    section per jurisdiction (year-by-year table, load over the years, changes, years flagged,
    the latest year in full), the jurisdictions compared, and the documents listed at the end."""
    lang = check_language(lang)
    charts = charts or {}
    lines = [
        f"# {_t(lang, '责任分工网络分析报告', 'Responsibility network report')}",
        "",
        *_headline(analysis, lang),
    ]
    if page:
        lines += [
            "",
            _t(lang, f"交互式网络图：[{page}]({page})", f"Open the interactive network: [{page}]({page})"),
        ]
    lines += ["", _rule(analysis, lang), ""]
    if len(analysis.parts) == 1:
        lines += _part_sections(analysis.parts[0], lang, top, "##", charts)
    else:
        for name, zh, en in (
            ("loads", "工作量前列", "Top loads"),
            ("loads-by-part", "各地区各年份工作量前列", "Top loads per jurisdiction-year"),
            ("network", "各地区各年份的协作群", "Clusters per jurisdiction-year"),
        ):
            if name in charts:
                lines += [f"![{_t(lang, zh, en)}]({charts[name]})", ""]
        for jurisdiction in analysis.jurisdictions:
            lines += _jurisdiction_sections(analysis, jurisdiction, lang, top, charts)
        if len(analysis.jurisdictions) > 1:
            lines += _comparison(analysis, lang)
    lines += [
        f"## {_t(lang, '文件', 'Documents')}",
        "",
        _md_table(tables.document_rows(analysis), ["document", "jurisdiction", "year", "tasks"], lang),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _trend_jurisdictions(analysis: Analysis) -> list[str]:
    """The jurisdictions that get a line chart of their years: those with several, the
    :data:`TREND_CHARTS` with most tasks (a 100-city store would otherwise draw 100 charts)."""
    years = Counter(part.scope.jurisdiction or "" for part in analysis.parts)
    return _busiest(analysis, lambda j: years[j] > 1)


def _busiest(analysis: Analysis, keep: Callable[[str], bool]) -> list[str]:
    """The :data:`TREND_CHARTS` jurisdictions ``keep`` accepts with most tasks, by name."""
    tasks: Counter[str] = Counter()
    for part in analysis.parts:
        if keep(part.scope.jurisdiction or ""):
            tasks[part.scope.jurisdiction or ""] += len(part.snapshot.tasks)
    chosen = sorted(tasks, key=lambda j: (-tasks[j], j))[:TREND_CHARTS]
    return sorted(chosen)


def _draw_charts(analysis: Analysis, out: Path, lang: str) -> dict[str, str]:
    """Draw the report's charts into ``out``: chart name → file name. Overview, then detail: one
    part gets its loads and network; several get the loads in one chart and per jurisdiction-year,
    the clusters of every jurisdiction-year in a grid, and each jurisdiction's latest year's
    network and its units over the years."""
    from dutygraph.report import charts

    drawn = {"loads": charts.draw_bars(charts.top_loads(analysis, lang=lang), out / "top-loads.png").name}
    if len(analysis.parts) == 1:
        part = analysis.parts[0]
        if part.collaboration.number_of_nodes():
            drawn["network"] = charts.draw_network(
                charts.network_detail(part, lang=lang), out / "network.png"
            ).name
        return drawn
    drawn["loads-by-part"] = charts.draw_bars(
        charts.loads_by_part(analysis, lang=lang), out / "loads-by-part.png"
    ).name
    if any(part.network.edge_count for part in analysis.parts):
        drawn["network"] = charts.draw_network(
            charts.network_overview(analysis, lang=lang), out / "network.png"
        ).name
    for number, jurisdiction in enumerate(_busiest(analysis, lambda _: True), 1):
        latest = analysis.parts_of(jurisdiction)[-1]
        if latest.collaboration.number_of_nodes():
            chart = charts.network_detail(latest, lang=lang)
            drawn[f"network:{jurisdiction}"] = charts.draw_network(
                chart, out / f"network-{number:02d}.png"
            ).name
    for number, jurisdiction in enumerate(_trend_jurisdictions(analysis), 1):
        trend = charts.jurisdiction_trend(analysis, jurisdiction, lang=lang)
        drawn[f"trend:{jurisdiction}"] = charts.draw_lines(trend, out / f"trend-{number:02d}.png").name
    return drawn


def write_report(
    analysis: Analysis, out: Path, *, charts: bool = True, page: str | None = None, lang: str = LANGUAGE
) -> list[Path]:
    """Write report.md, report.json, the CSV tables (the long task table and the pairs among
    them) and (optionally) charts into ``out``."""
    from dutygraph.report.charts import cjk_font

    lang = check_language(lang)
    out.mkdir(parents=True, exist_ok=True)
    embedded: dict[str, str] = {}
    has_loads = any(part.loads for part in analysis.parts)
    if charts and has_loads:
        if cjk_font() is None:
            charts = False
        else:
            embedded = _draw_charts(analysis, out, lang)
    written = [out / name for name in embedded.values()]
    report = markdown_report(analysis, charts=embedded, page=page, lang=lang)
    if not charts and has_loads:
        report += _t(
            lang,
            "\n_未绘制图表：未安装中文字体（请安装 `fonts-noto-cjk`）。_\n",
            "\n_Charts skipped: no CJK font installed (install `fonts-noto-cjk`)._\n",
        )
    (out / "report.md").write_text(report, encoding="utf-8")
    (out / "report.json").write_text(
        json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    written += [out / "report.md", out / "report.json"]
    for name in (*REPORTS, "groups", "tasks", "pairs", "scopes"):
        rows = analysis.group_rows() if name == "groups" else analysis.rows(name)
        path = out / f"{name}.csv"
        path.write_text(rows_to_csv(rows), encoding="utf-8-sig")
        written.append(path)
    return written
