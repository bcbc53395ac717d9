"""What every chart kind shares: its colour key, the title of a jurisdiction-year, and writing a
figure to a file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure  # not pyplot: no global state, no backend switch for the caller
from matplotlib.patches import Patch

from dutygraph.errors import whole_file
from dutygraph.graph.analysis import Part
from dutygraph.report.charts.font import chart_fonts


@dataclass(frozen=True)
class KeyEntry:
    """One line of a colour key: a swatch and what it stands for."""

    colour: str
    label: str
    edge: str = "#333333"


def part_title(part: Part) -> str:
    """How a chart names a jurisdiction-year: ``湖州市 2019``."""
    return f"{part.scope.jurisdiction or '*'} {part.scope.span}"


def save(figure: Figure, path: Path) -> Path:
    """Write ``figure`` to ``path`` (PNG, or SVG by the suffix) whole or not at all."""
    kind = "svg" if path.suffix.lower() == ".svg" else "png"
    with chart_fonts(), whole_file(path) as partial:
        figure.savefig(partial, format=kind, dpi=120, bbox_inches="tight", metadata=_metadata(kind))
    return path


def _metadata(kind: str) -> dict[str, Any]:
    """No software version or date in the file: the same input gives the same bytes."""
    return {"Creator": None, "Date": None} if kind == "svg" else {"Software": None}


def key_handles(key: Sequence[KeyEntry]) -> list[Patch]:
    return [Patch(facecolor=k.colour, edgecolor=k.edge, label=k.label) for k in key]
