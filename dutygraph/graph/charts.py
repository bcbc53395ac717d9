"""Static charts for the report: a bar chart of the top loads and a cluster-coloured network.

matplotlib draws with a CJK font so Chinese labels are not tofu boxes: the first available of
the fonts listed in :data:`CJK_FONT_FILES`, else any installed font whose family name says it
covers CJK. Without one, :func:`cjk_font` returns None and the report skips its charts with a
note saying which package to install, rather than drawing boxes. Output is deterministic
(seeded layout, no timestamps in the files).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never needs a display

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib import font_manager
from matplotlib.figure import Figure

from dutygraph.graph.analysis import Analysis

CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
_CJK_FAMILY_WORDS = ("CJK", "WenQuanYi", "Source Han", "Noto Sans SC", "Heiti", "SimHei", "Microsoft YaHei")
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c",
)  # fmt: skip


def cjk_font() -> str | None:
    """The family name of an installed CJK font, registered with matplotlib; None when absent."""
    for path in CJK_FONT_FILES:
        if Path(path).is_file():
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    for entry in font_manager.fontManager.ttflist:
        if any(word in entry.name for word in _CJK_FAMILY_WORDS):
            return str(entry.name)
    return None


def cluster_colour(cluster: int | None) -> str:
    return "#cccccc" if not cluster else PALETTE[(cluster - 1) % len(PALETTE)]


def _save(figure: Figure, path: Path) -> None:
    figure.savefig(path, dpi=120, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)


def load_bar_chart(analysis: Analysis, path: Path, *, top: int = 15) -> Path:
    """Horizontal bars of the heaviest departments: lead and co stacked, flagged ones marked."""
    font = cjk_font()
    rows = [r for r in analysis.loads if not r.is_group][:top][::-1]
    flagged = {b.load.iri for b in analysis.burdens if b.flagged}
    figure, axes = plt.subplots(figsize=(8, 0.38 * len(rows) + 1.2))
    labels = [("* " if r.iri in flagged else "") + r.unit for r in rows]
    lead = [analysis.settings.lead_weight * r.lead for r in rows]
    co = [analysis.settings.co_weight * r.co for r in rows]
    axes.barh(labels, lead, color="#4e79a7", label=f"lead × {analysis.settings.lead_weight:g}")
    axes.barh(labels, co, left=lead, color="#a0cbe8", label=f"co × {analysis.settings.co_weight:g}")
    axes.set_xlabel("load")
    axes.legend(loc="lower right")
    if font:
        for label in axes.get_yticklabels():
            label.set_fontfamily(font)
    axes.set_title(f"Top {len(rows)} loads")
    _save(figure, path)
    return path


def network_image(analysis: Analysis, path: Path, *, labels: int = 25) -> Path:
    """The collaboration graph, nodes coloured by cluster and sized by load, seeded layout."""
    font = cjk_font()
    graph = analysis.collaboration
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted((a, b, d) for a, b, d in graph.edges(data=True)))
    positions = nx.spring_layout(
        ordered, weight="weight", seed=analysis.settings.seed, k=1.2 / max(1, len(ordered)) ** 0.5
    )
    figure, axes = plt.subplots(figsize=(11, 9))
    axes.axis("off")
    widths = [0.4 + 0.6 * d["weight"] for _, _, d in ordered.edges(data=True)]
    nx.draw_networkx_edges(ordered, positions, ax=axes, width=widths, edge_color="#bbbbbb", alpha=0.7)
    membership = analysis.clustering.membership
    sizes = [40 + 60 * analysis.load_of(n).load for n in ordered.nodes]
    colours = [cluster_colour(membership.get(n)) for n in ordered.nodes]
    nx.draw_networkx_nodes(
        ordered, positions, ax=axes, node_size=sizes, node_color=colours, linewidths=0.5, edgecolors="#333333"
    )
    heaviest = sorted(
        ordered.nodes, key=lambda n: (-analysis.load_of(n).load, analysis.snapshot.units[n].name)
    )[:labels]
    names = {n: analysis.snapshot.units[n].name for n in heaviest}
    nx.draw_networkx_labels(
        ordered, positions, labels=names, ax=axes, font_size=8, font_family=font or "sans-serif"
    )
    axes.set_title("Collaboration clusters (colour) and loads (size)")
    _save(figure, path)
    return path
