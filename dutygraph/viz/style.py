"""The page's visual vocabulary: shapes per unit kind, edge styles, the colours of what is not a
cluster. Cluster colours come from :mod:`dutygraph.graph.colours`, which the static charts use too.
"""

from __future__ import annotations

from dutygraph.fonts import FAMILY

#: kind -> (vis-network shape, legend label).
KINDS: dict[str, tuple[str, str]] = {
    "government-department": ("dot", "政府部门"),
    "party-department": ("diamond", "党委部门"),
    "local-government": ("square", "地方政府"),
    "state-owned-enterprise": ("triangle", "国有企业"),
    "vertical-agency": ("triangleDown", "垂直管理单位"),
    "development-zone": ("hexagon", "开发区"),
    "group": ("dot", "集体提法（虚线框）"),
    "people-organization": ("star", "人民团体"),
    "other": ("dot", "其他单位"),
    "leader": ("ellipse", "分管领导"),
    "task": ("box", "任务"),
    "part": ("dot", "一个辖区的一年"),
}
#: edge kind -> (colour, dash pattern or None, legend label).
EDGE_KINDS: dict[str, tuple[str, list[int] | None, str]] = {
    "lead-co": ("#c0572b", None, "牵头—配合"),
    "co-co": ("#8a97a6", [6, 4], "配合—配合"),
    "lead": ("#c0572b", None, "牵头"),
    "co": ("#8a97a6", [6, 4], "配合"),
    "supervises": ("#7b3fa0", [2, 3], "分管"),
    "assists": ("#2a9d8f", [8, 3, 2, 3], "协助"),
    "next-year": ("#8a97a6", None, "同一辖区相邻年份"),
}
LEADER_COLOUR = "#9b2d30"
TASK_COLOUR = "#dfe6ee"
PART_COLOUR = "#4e79a7"
FONT_STACK = f'"{FAMILY}", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
