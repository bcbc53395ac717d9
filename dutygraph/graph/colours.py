"""The colours of collaboration clusters, one palette for the report's charts and the network page.

Both rooms draw clusters and both import ``graph`` (neither imports the other), so the palette
lives here: cluster 3 of a jurisdiction-year is the same colour in ``network.png`` and in
``network.html``. Cluster numbers start at 1 (largest first): cluster ``c`` takes the palette's
colour ``c - 1``, and past the twelfth hues a golden angle apart, each round of twelve at another
lightness, so cluster 13 is not cluster 1 again.
"""

from __future__ import annotations

import colorsys
import math
from functools import lru_cache

#: The first twelve clusters' colours (Tableau 10 and two more, distinguishable in print).
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
#: A unit in no cluster (a group mention, or a unit without collaboration data).
NO_CLUSTER = "#b8c0c8"


_GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0
#: (lightness, saturation) rounds for colours past the palette: each round a full turn of hues.
_ROUNDS = ((0.42, 0.62), (0.63, 0.55), (0.30, 0.50), (0.52, 0.80))


@lru_cache(maxsize=8)
def cluster_colours(count: int) -> tuple[str, ...]:
    """The colours of clusters 1..``count``: the palette, then golden-angle hues (no repeats)."""
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
    return tuple(colours)


def cluster_colour(cluster: int | None) -> str:
    """The colour of cluster number ``cluster`` (1 = largest; None or below 1: no cluster)."""
    if cluster is None or cluster < 1:
        return NO_CLUSTER
    return cluster_colours(max(cluster, 64))[cluster - 1]
