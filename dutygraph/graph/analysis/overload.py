"""Over-burden: which units carry far more than their peers, and why — in words.

The rule, per jurisdiction, over departments only (group mentions are reported apart):

1. **Robust z-score** of log load against the peers:
   ``z = (ln(1+load) − median) / (1.4826 × MAD)``. Task counts are heavily skewed (most units
   carry one or two tasks, a few carry ten), so the comparison is made on a log scale, where
   "twice the median" is equally far whatever the median. Median and MAD are not dragged up by
   the very units we are looking for, unlike mean and SD. When more than half the peers share
   one load (MAD = 0), the mean absolute deviation × 1.2533 stands in.
2. A unit is **flagged** when ``z ≥ z_threshold`` (default 3.5, Iglewicz & Hoaglin's cut-off for
   outliers), or when ``z ≥ 2.5`` and it also answers to at least ``leader_threshold`` (default
   3) supervising leaders — many masters is a burden of its own.
3. Each flagged unit gets its reasons: the z-score with the peer median, its lead share when it
   leads most of its tasks, and the number of leaders it answers to.

O(units log units).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from dutygraph.graph.analysis.workload import UnitLoad
from dutygraph.settings import LEADER_THRESHOLD, Z_THRESHOLD, Z_WITH_LEADERS


@dataclass
class Burden:
    load: UnitLoad
    z: float
    peer_median: float
    peers: int
    flagged: bool
    reasons: list[str] = field(default_factory=list)
    leader_median: float = 0.0
    many_leaders: bool = False

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def reason_in(self, lang: str) -> str:
        """The reasons in ``lang`` ("en" as :attr:`reason`, "zh" for the Chinese report)."""
        if lang != "zh" or not self.flagged:
            return self.reason
        row = self.load
        words = [
            f"工作量 {row.load:g}(牵头 {row.lead} 项、配合 {row.co} 项),"
            f"{row.jurisdiction} {self.peers} 个单位的中位数为 {self.peer_median:g}(稳健 z 值 {self.z:.1f})"
        ]
        if self.many_leaders:
            words.append(
                f"对接 {len(row.leaders)} 位分管领导({'、'.join(row.leaders)};同级中位数 {self.leader_median:g})"
            )
        if row.tasks and row.lead_share >= 0.5:
            words.append(f"{row.tasks} 项任务中牵头占 {row.lead_share:.0%}")
        return ";".join(words)


def _spread(values: list[float], centre: float) -> float:
    mad = statistics.median(abs(v - centre) for v in values) * 1.4826
    if mad > 0:
        return mad
    return statistics.fmean(abs(v - centre) for v in values) * 1.2533


def burdens(
    loads: list[UnitLoad],
    *,
    z_threshold: float = Z_THRESHOLD,
    leader_threshold: int = LEADER_THRESHOLD,
) -> list[Burden]:
    """A :class:`Burden` for every non-group unit, flagged first, then by z (stable order)."""
    peers: dict[str, list[UnitLoad]] = defaultdict(list)
    for row in loads:
        if not row.is_group:
            peers[row.jurisdiction].append(row)
    results: list[Burden] = []
    for jurisdiction, rows in peers.items():
        values = [math.log1p(r.load) for r in rows]
        centre = statistics.median(values)
        spread = _spread(values, centre)
        median = statistics.median(r.load for r in rows)
        leader_median = statistics.median(len(r.leaders) for r in rows)
        for row in rows:
            z = (math.log1p(row.load) - centre) / spread if spread > 0 else 0.0
            many_leaders = len(row.leaders) >= leader_threshold
            flagged = z >= z_threshold or (z >= Z_WITH_LEADERS and many_leaders)
            reasons: list[str] = []
            if flagged:
                reasons.append(
                    f"load {row.load:g} ({row.lead} led, {row.co} assisted) against a median of {median:g} "
                    f"among {len(rows)} units in {jurisdiction} (robust z {z:.1f})"
                )
                if many_leaders:
                    reasons.append(
                        f"answers to {len(row.leaders)} supervising leaders ({'、'.join(row.leaders)}; "
                        f"peers' median {leader_median:g})"
                    )
                if row.tasks and row.lead_share >= 0.5:
                    reasons.append(f"leads {row.lead_share:.0%} of its {row.tasks} tasks")
            results.append(
                Burden(row, round(z, 4), median, len(rows), flagged, reasons, leader_median, many_leaders)
            )
    return sorted(results, key=lambda b: (not b.flagged, -b.z, b.load.unit, b.load.iri))
