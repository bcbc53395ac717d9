"""The interactive network page planners open in a browser.

``render_page(graph, *, title, physics=None, seed=0) -> str`` and ``write_page(graph, path, ...)``
turn a NetworkX unit/task/leader view into one self-contained HTML file: vis-network, the page
script and a subset Chinese font are inlined, and the page makes no network request.
"""

from dutygraph.fonts import FAMILY as FONT_FAMILY
from dutygraph.fonts import PageFont, page_font
from dutygraph.viz.layout import layout_positions
from dutygraph.viz.page import LARGE_GRAPH, page_data, render_page, script_json, write_page

__all__ = [
    "FONT_FAMILY",
    "LARGE_GRAPH",
    "PageFont",
    "layout_positions",
    "page_data",
    "page_font",
    "render_page",
    "script_json",
    "write_page",
]
