"""Static charts for the report: loads as bars (``bars``), collaboration as a network
(``network``), years as lines (``lines``).

Each chart is first built as data — a :class:`BarChart`, :class:`NetworkChart` or
:class:`LineChart` holding every title, label, size, colour and key entry a reader will see — by a
function named for the chart, and only then drawn (:func:`draw_bars`, :func:`draw_network`,
:func:`draw_lines`). What a chart says can so be checked without reading pixels, and the drawing
code places what it is given and decides nothing.

Charts follow overview-then-detail: one notice gets its network in full; a store of several
jurisdictions or years gets an overview (each jurisdiction-year's clusters collapsed to one node,
in a jurisdiction × year grid) and a detail chart per jurisdiction's latest year, and the loads as
small multiples, one panel per jurisdiction-year.

matplotlib draws with a CJK font (``font``) so Chinese labels are not tofu boxes. Output is
deterministic (seeded layout, no timestamps in the files).
"""

from dutygraph.report.charts.bars import (
    LOAD_PANELS,
    PANEL_BARS,
    Bar,
    BarChart,
    BarPanel,
    bar_figure,
    chosen_parts,
    draw_bars,
    loads_by_part,
    top_loads,
)
from dutygraph.report.charts.common import KeyEntry
from dutygraph.report.charts.font import CJK_FONT_FILES, FALLBACK_FONT, cjk_font
from dutygraph.report.charts.lines import (
    TREND_LINES,
    Line,
    LineChart,
    draw_lines,
    jurisdiction_trend,
    line_figure,
    unit_trend,
    write_trend_chart,
)
from dutygraph.report.charts.network import (
    DETAIL_UNITS,
    LEGEND_CLUSTERS,
    NODE_AREA_BUDGET,
    OVERVIEW_ROWS,
    Edge,
    NetworkChart,
    Node,
    draw_network,
    network_detail,
    network_figure,
    network_overview,
    node_areas,
)

__all__ = [
    "CJK_FONT_FILES",
    "DETAIL_UNITS",
    "FALLBACK_FONT",
    "LEGEND_CLUSTERS",
    "LOAD_PANELS",
    "NODE_AREA_BUDGET",
    "OVERVIEW_ROWS",
    "PANEL_BARS",
    "TREND_LINES",
    "Bar",
    "BarChart",
    "BarPanel",
    "Edge",
    "KeyEntry",
    "Line",
    "LineChart",
    "NetworkChart",
    "Node",
    "bar_figure",
    "chosen_parts",
    "cjk_font",
    "draw_bars",
    "draw_lines",
    "draw_network",
    "jurisdiction_trend",
    "line_figure",
    "loads_by_part",
    "network_detail",
    "network_figure",
    "network_overview",
    "node_areas",
    "top_loads",
    "unit_trend",
    "write_trend_chart",
]
