"""The colours of collaboration clusters, one palette for the report's charts and the network page.

Both rooms draw clusters and both import ``graph`` (neither imports the other), so the palette
lives here: cluster 3 of a jurisdiction-year is the same colour in ``network.png`` and in
``network.html``. Cluster numbers start at 1 (largest first); the twelve colours repeat beyond.
"""

from __future__ import annotations

#: Cluster ``c`` is ``PALETTE[c % 12]``.
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


def cluster_colour(cluster: int | None) -> str:
    """The colour of cluster number ``cluster`` (None: no cluster)."""
    return NO_CLUSTER if cluster is None else PALETTE[cluster % len(PALETTE)]
