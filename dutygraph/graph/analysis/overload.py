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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dutygraph.graph.analysis.workload import UnitLoad
from dutygraph.graph.incidence import FloatArray, IntArray, cut_by_part, dense_rank
from dutygraph.settings import LEADER_THRESHOLD, Z_THRESHOLD, Z_WITH_LEADERS


@dataclass(slots=True)
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
            f"工作量 {row.load:g}（牵头 {row.lead} 项、配合 {row.co} 项），"
            f"{row.jurisdiction} {self.peers} 个单位的中位数为 {self.peer_median:g}（稳健 z 值 {self.z:.1f}）"
        ]
        if self.many_leaders:
            words.append(
                f"对接 {len(row.leaders)} 位分管领导（{'、'.join(row.leaders)}；同级中位数 {self.leader_median:g}）"
            )
        if row.tasks and row.lead_share >= 0.5:
            words.append(f"{row.tasks} 项任务中牵头占 {row.lead_share:.0%}")
        return "；".join(words)


def burdens(
    loads: list[UnitLoad],
    *,
    z_threshold: float = Z_THRESHOLD,
    leader_threshold: int = LEADER_THRESHOLD,
) -> list[Burden]:
    """A :class:`Burden` for every non-group unit, flagged first, then by z (stable order)."""
    return part_burdens([loads], z_threshold=z_threshold, leader_threshold=leader_threshold)[0]


def part_burdens(
    parts: Sequence[list[UnitLoad]],
    *,
    z_threshold: float = Z_THRESHOLD,
    leader_threshold: int = LEADER_THRESHOLD,
) -> list[list[Burden]]:
    """The burdens of each part's units apart, as :func:`burdens` gives them one by one.

    Peers are a part's departments of one jurisdiction; the medians and z-scores of every peer
    group come from a few sorts over all of them (what ``statistics.median`` takes, in the same
    arithmetic), the words only for the flagged."""
    rows: list[UnitLoad] = []
    part_of: list[int] = []
    group_of: list[int] = []
    groups: dict[tuple[int, str], int] = {}
    for p, loads in enumerate(parts):
        for row in loads:
            if not row.is_group:
                rows.append(row)
                part_of.append(p)
                group_of.append(groups.setdefault((p, row.jurisdiction), len(groups)))
    group = np.asarray(group_of, dtype=np.int64)
    count = np.bincount(group, minlength=len(groups))
    values = np.asarray([math.log1p(r.load) for r in rows], dtype=np.float64)
    centre = _medians(values, group, count)
    deviation = np.abs(values - centre[group])
    spread = _medians(deviation, group, count) * 1.4826
    if not spread.all():  # more than half the peers share one load: the mean absolute deviation
        by_group = np.argsort(group, kind="stable")
        starts = np.cumsum(count) - count
        for g in np.flatnonzero(spread == 0).tolist():
            chosen = deviation[by_group[starts[g] : starts[g] + count[g]]].tolist()
            spread[g] = math.fsum(chosen) / len(chosen) * 1.2533
    scale = spread[group]
    z = np.divide(values - centre[group], scale, out=np.zeros(len(rows)), where=scale > 0)
    leaders = np.asarray([len(r.leaders) for r in rows], dtype=np.int64)
    many = leaders >= leader_threshold
    flagged = (z >= z_threshold) | ((z >= Z_WITH_LEADERS) & many)
    median = _python_medians([r.load for r in rows], group, count)
    leader_median = _python_medians(leaders.tolist(), group, count)
    jurisdictions = [jurisdiction for _, jurisdiction in groups]
    rounded = [round(value, 4) for value in z.tolist()]  # the z every output prints and sorts by
    peers = count.tolist()
    part = np.asarray(part_of, dtype=np.int64)
    order = np.lexsort(
        (
            dense_rank([r.iri for r in rows]),
            dense_rank([r.unit for r in rows]),
            -np.asarray(rounded, dtype=np.float64),
            ~flagged,
            part,
        )
    )
    reasons = {
        i: _reasons(
            rows[i], rounded[i], median[g], peers[g], jurisdictions[g], bool(many[i]), leader_median[g]
        )
        for i, g in zip(np.flatnonzero(flagged).tolist(), group[flagged].tolist(), strict=True)
    }
    found = [
        Burden(rows[i], rounded[i], median[g], peers[g], f, reasons.get(i, []), leader_median[g], m)
        for i, g, f, m in zip(
            order.tolist(), group[order].tolist(), flagged[order].tolist(), many[order].tolist(), strict=True
        )
    ]
    return cut_by_part(found, part[order], len(parts))


def _reasons(
    row: UnitLoad,
    z: float,
    median: float,
    peers: int,
    jurisdiction: str,
    many_leaders: bool,
    leader_median: float,
) -> list[str]:
    """Why a flagged unit is flagged, in words."""
    reasons = [
        f"load {row.load:g} ({row.lead} led, {row.co} assisted) against a median of {median:g} "
        f"among {peers} units in {jurisdiction} (robust z {z:.1f})"
    ]
    if many_leaders:
        reasons.append(
            f"answers to {len(row.leaders)} supervising leaders ({'、'.join(row.leaders)}; "
            f"peers' median {leader_median:g})"
        )
    if row.tasks and row.lead_share >= 0.5:
        reasons.append(f"leads {row.lead_share:.0%} of its {row.tasks} tasks")
    return reasons


def _middles(keys: FloatArray | list[float], group: IntArray, count: IntArray) -> tuple[IntArray, IntArray]:
    """Per group, the positions (into ``keys``) of its lower and upper middle value."""
    order = np.lexsort((np.asarray(keys), group))
    upper = np.cumsum(count) - count + count // 2
    lower = upper - 1 + count % 2
    return order[lower], order[upper]


def _medians(values: FloatArray, group: IntArray, count: IntArray) -> FloatArray:
    """The median of each group's values, as ``statistics.median`` computes it."""
    lower, upper = _middles(values, group, count)
    return np.where(count % 2 == 1, values[upper], (values[lower] + values[upper]) / 2)


def _python_medians(values: list[Any], group: IntArray, count: IntArray) -> list[Any]:
    """The median of each group's values, with ``statistics.median``'s types (the middle value
    itself for an odd count, the mean of the two middle ones for an even count)."""
    lower, upper = _middles(values, group, count)
    return [
        values[hi] if odd else (values[lo] + values[hi]) / 2
        for lo, hi, odd in zip(lower.tolist(), upper.tolist(), (count % 2 == 1).tolist(), strict=True)
    ]
