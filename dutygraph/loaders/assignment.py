"""What one task's text says about who does it, gathered before lead and co-units are decided.

Every reader of assignments (labels, clauses, brackets, duty sentences, table cells) fills an
:class:`Assignment`; :mod:`dutygraph.loaders.assemble` decides lead and co-units once the whole task is read,
because "责任单位" means co-units when a "牵头单位" is also given — in either order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutygraph.loaders.records import Leader
from dutygraph.loaders.text import T
from dutygraph.loaders.units import split_units

#: Tails after a clause's units, never part of a unit name: "甲部、乙委等有关部门", "丙局等", "丁局各自".
SUBJECT_TAIL_RE = re.compile(
    r"(?:等(?:\d+|[一二三四五六七八九十]+)?(?:个|家)?(?:有关|相关|其他|其它)?(?:部门|单位|地方|机构|部委)?(?:和|及)?"
    r"(?:单位|部门)?"
    r"|(?:按照|根据|依照)?“[^”]{1,20}”的?原则"
    r"|(?:按照|根据|依照|依据|按|依)?(?:各自)?职(?:能|责)(?:分工)?|各自|分别|共同)$"
)


@dataclass(slots=True)
class Assignment:
    """Everything said about who does one task; empty lists mean "not said"."""

    leaders: list[Leader] = field(default_factory=list)
    assisting: list[Leader] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    co: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadline: str | None = None
    #: some assignment field was present, even if empty ("部门分工:" cut off).
    present: bool = False
    #: a convention note said the first listed unit leads.
    first_leads: bool = False
    #: labels printed with nothing after them.
    empty_labels: list[str] = field(default_factory=list)
    #: brackets in a unit list did not balance.
    unbalanced: bool = False
    #: units a standing rule adds to this and every later task ("以下均需相关乡镇配合,不再列出").
    standing: list[str] = field(default_factory=list)
    #: unit names printed with no separator that were split apart ("区发改局区财政局"), as printed.
    glued: list[str] = field(default_factory=list)

    def has_units(self) -> bool:
        return bool(self.lead or self.co or self.responsible or self.standing)

    def has_any(self) -> bool:
        return bool(self.has_units() or self.leaders or self.assisting or self.deadline)

    def merge(self, other: Assignment) -> None:
        self.leaders += other.leaders
        self.assisting += other.assisting
        self.lead += other.lead
        self.co += other.co
        self.responsible += other.responsible
        self.deadline = self.deadline or other.deadline
        self.present = self.present or other.present
        self.first_leads = self.first_leads or other.first_leads
        self.empty_labels += other.empty_labels
        self.unbalanced = self.unbalanced or other.unbalanced
        self.standing += other.standing
        self.glued += other.glued

    def merge_behind(self, other: Assignment) -> None:
        """Take in a later clause of the same task: its units join as co-units behind this one's lead
        ("3．…（甲局负责）…（乙局牵头，丙局参与）" → 甲局 leads, 乙局 and 丙局 assist), its leaders too."""
        self.co += other.lead + other.responsible + other.co
        self.leaders += other.leaders
        self.assisting += other.assisting
        self.standing += other.standing
        self.glued += other.glued
        self.first_leads = self.first_leads or other.first_leads

    def add_units(self, kind: str, value: T) -> None:
        """Add a unit list under ``kind`` (lead/co/resp), honouring "(牵头)" marks and notes."""
        units = split_units(value)
        self.deadline = self.deadline or units.deadline
        self.glued += units.glued
        if _TAIL_MARKS_RE.search(value.o) is not None:  # most lists hold no tail: no unit to look at
            units.units = [_without_tail(u) for u in units.units]
        self.first_leads = self.first_leads or units.first_leads
        self.unbalanced = self.unbalanced or units.unbalanced
        if not units.marked_leads and not units.marked_co:  # no "(牵头)" mark (the common case): one way
            target = self.lead if kind == "lead" else self.co if kind == "co" else self.responsible
            target.extend(units.units)
            return
        for i, unit in enumerate(units.units):
            if i in units.marked_leads or kind == "lead":
                self.lead.append(unit)
            elif i in units.marked_co or kind == "co" or units.marked_leads:
                # a list that marks its lead makes the others co-units, in the order printed
                self.co.append(unit)
            else:
                self.responsible.append(unit)


#: What every unit that :func:`_without_tail` cuts holds: a list without one of these has no unit to cut.
_TAIL_MARKS_RE = re.compile("等|各自|分别|共同")


def _without_tail(unit: str) -> str:
    """A listed unit without a tail such as "等部门" ("人民银行等部门" → "人民银行"); a name that is only a tail
    stays as printed."""
    if "等" not in unit and not unit.endswith(("各自", "分别", "共同")):
        return unit
    tail = SUBJECT_TAIL_RE.search(unit)
    return unit[: tail.start()] if tail is not None and tail.start() > 0 else unit
