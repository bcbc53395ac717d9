"""The page's visual vocabulary: shapes per unit kind, edge styles, cluster colours.

Kept apart from the page builder so the static charts (:mod:`dutygraph.report.charts`) colour
clusters the same way without importing the builder.
"""

from __future__ import annotations

import colorsys
import math

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
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#3b8bc2",
    "#8cd17d",
    "#d4a6c8",
)
NO_CLUSTER = "#b8c0c8"
LEADER_COLOUR = "#9b2d30"
TASK_COLOUR = "#dfe6ee"
PART_COLOUR = "#4e79a7"
FONT_STACK = f'"{FAMILY}", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
_GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0
#: (lightness, saturation) rounds for colours past the palette: each round a full turn of hues.
_ROUNDS = ((0.42, 0.62), (0.63, 0.55), (0.30, 0.50), (0.52, 0.80))


def cluster_colours(count: int) -> list[str]:
    """``count`` colours for clusters 0..count-1 of one view: the 12 palette colours, then hues a
    golden angle apart, each round at another lightness, so colour 13 is not colour 1 again."""
    colours = list(PALETTE[: max(count, 0)])
    hue = 0.11
    step = 0
    while len(colours) < count:
        lightness, saturation = _ROUNDS[(step // 12) % len(_ROUNDS)]
        red, green, blue = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
        colour = f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
        if colour not in colours:
            colours.append(colour)
        hue += _GOLDEN
        step += 1
    return colours
