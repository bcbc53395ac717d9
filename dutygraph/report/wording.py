"""The words of the report in its readers' languages: column headings and unit kinds.

Planners forward ``report.md`` to a mayor's office, so it is written in Chinese by default
(``--lang en`` for English) with headings people read — 工作量, not ``weighted_degree`` —
and kinds by their names (政府部门, not ``government-department``). The JSON and CSV keep
the stable keys programs rely on.
"""

from __future__ import annotations

from typing import Any

from dutygraph.errors import InputError
from dutygraph.settings import LANGUAGES

#: Column key → (Chinese, English) heading.
COLUMNS: dict[str, tuple[str, str]] = {
    "unit": ("单位", "Unit"),
    "other_unit": ("协作单位", "Partner"),
    "jurisdiction": ("地区", "Jurisdiction"),
    "year": ("年份", "Year"),
    "since": ("上年", "Previous year"),
    "kind": ("类别", "Kind"),
    "lead": ("牵头", "Led"),
    "co": ("配合", "Assisted"),
    "tasks": ("任务", "Tasks"),
    "load": ("工作量", "Load"),
    "rank": ("排名", "Rank"),
    "of": ("单位数", "Of"),
    "units": ("单位数", "Units"),
    "task_share": ("任务占比", "Share of tasks"),
    "load_share": ("工作量占比", "Share of load"),
    "leaders": ("分管领导数", "Leaders"),
    "coworkers": ("协作单位数（含统称）", "Co-workers (with group mentions)"),
    "cluster": ("协作群", "Cluster"),
    "degree": ("协作单位数", "Partners"),
    "weighted_degree": ("共同任务数（合计）", "Shared tasks, all partners"),
    "betweenness": ("中介中心性", "Betweenness"),
    "pagerank": ("PageRank", "PageRank"),
    "participation": ("跨群参与度", "Participation"),
    "leader": ("领导", "Leader"),
    "posts": ("职务", "Posts"),
    "assisted_tasks": ("协助任务", "Assisted tasks"),
    "lead_units": ("主要牵头单位", "Main lead units"),
    "shared_units": ("共管单位数", "Shared units"),
    "documents": ("文件数", "Documents"),
    "document": ("文件", "Document"),
    "flagged": ("过重单位", "Over-burdened"),
    "flagged_years": ("过重年数", "Years flagged"),
    "years": ("年数", "Years"),
    "flagged_in": ("过重年份", "Flagged in"),
    "clusters": ("协作群数", "Clusters"),
    "modularity": ("模块度", "Modularity"),
    "gini": ("基尼系数", "Gini"),
    "hhi": ("HHI", "HHI"),
    "shared_tasks": ("共同任务", "Shared tasks"),
    "jaccard": ("Jaccard", "Jaccard"),
    "load_change": ("工作量变化", "Load change"),
    "tasks_change": ("任务变化", "Task change"),
    "new_units": ("新出现单位", "New units"),
    "vanished_units": ("不再出现单位", "Vanished units"),
    "new_leaders": ("新任领导", "New leaders"),
    "former_leaders": ("离任领导", "Former leaders"),
    "most_gained": ("任务增加最多", "Gained most"),
    "most_lost": ("任务减少最多", "Lost most"),
    "present": ("出现", "Present"),
    "group": ("统称", "Group mention"),
    "leader_names": ("分管领导", "Leader names"),
    "z": ("稳健 z 值", "Robust z"),
    "reason": ("原因", "Reason"),
    "betweenness_method": ("中介中心性算法", "Betweenness method"),
    "size": ("群规模", "Cluster size"),
    "rank_in_cluster": ("群内排名", "Rank in cluster"),
    "cluster_hubs": ("核心单位", "Hub units"),
    "cluster_leader": ("主要分管领导", "Main leader"),
    "number": ("任务编号", "Task number"),
    "text": ("任务内容", "Task"),
    "role": ("角色", "Role"),
    "due": ("完成时限", "Due"),
    "line": ("原文行号", "Source line"),
    "asked_as": ("查询名称", "Asked as"),
}

#: Role notation → (Chinese, English) word.
ROLE_NAMES: dict[str, tuple[str, str]] = {"lead": ("牵头", "lead"), "co": ("配合", "co")}

#: Unit kind notation → (Chinese, English) name.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "government-department": ("政府部门", "government department"),
    "party-department": ("党委部门", "party department"),
    "local-government": ("下级政府", "local government"),
    "state-owned-enterprise": ("国有企业", "state-owned enterprise"),
    "vertical-agency": ("垂直管理机构", "vertical agency"),
    "development-zone": ("开发区", "development zone"),
    "people-organization": ("人民团体", "people's organisation"),
    "group": ("统称", "group mention"),
    "other": ("其他", "other"),
}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r} (choose {', '.join(LANGUAGES)})")
    return lang


def in_language(lang: str, zh: str, en: str) -> str:
    """``zh`` for a Chinese reader, ``en`` for any other."""
    return zh if lang == "zh" else en


def heading(key: str, lang: str) -> str:
    return in_language(lang, *COLUMNS.get(key, (key, key)))


def kind_name(kind: str | None, lang: str) -> str | None:
    if kind is None:
        return None
    return in_language(lang, *KIND_NAMES.get(kind, (kind, kind)))


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 task", "2 tasks" (English only: Chinese has no plural)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def humanised(rows: list[dict[str, Any]], columns: list[str], lang: str) -> list[dict[str, Any]]:
    """``rows`` cut to ``columns``, under readable headings, kinds and booleans in words."""
    yes, no = ("是", "") if lang == "zh" else ("yes", "")
    out = []
    for row in rows:
        cells: dict[str, Any] = {}
        for column in columns:
            value = row.get(column)
            if column == "kind":
                value = kind_name(value, lang)
            elif column == "role" and value in ROLE_NAMES:
                value = ROLE_NAMES[value][0 if lang == "zh" else 1]
            elif isinstance(value, bool):
                value = yes if value else no
            elif column in ("task_share", "load_share") and isinstance(value, float):
                value = f"{value:.1%}"
            cells[heading(column, lang)] = value
        out.append(cells)
    return out
