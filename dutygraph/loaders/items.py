"""Intermediate records between reading lines and emitting :class:`Task` records.

Layouts emit :class:`Item` s in document order; :mod:`dutygraph.loaders.assemble` then decides which
items are sub-headings (numbered lines whose children carry the assignments), resolves lead/co units and
checks numbering. Keeping that second pass separate lets every layout stay a simple forward scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.records import Leader, ParseWarning
from dutygraph.loaders.text import join_pieces


@dataclass(eq=False, slots=True)
class Section:
    """A section heading ("一、钱三雄市长牵头重点工作") and the leaders it names for its tasks."""

    title: str | None = None
    line: int | None = None
    leaders: list[Leader] = field(default_factory=list)
    assisting: list[Leader] = field(default_factory=list)
    #: the units a heading that is only their names ("一、区发改局") gives the tasks under it that name none.
    units: list[str] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Item:
    """A numbered line, a table row or a bracket-closed sentence: a task candidate."""

    line: int
    attachment: str | None
    section: Section
    #: numbering style ("arabic", "cn-paren", …), "table" for table rows, "heading" for a plain
    #: sub-heading line, ``None`` for an unnumbered task.
    style: str | None
    number: str | None
    value: int | None
    text: list[str] = field(default_factory=list)
    assign: Assignment = field(default_factory=Assignment)
    #: an assignment line has been read for this item, so later plain lines are not its text.
    closed: bool = False
    #: line of the unit list, for warnings about single units.
    unit_line: int | None = None
    #: units were taken from the row above (a merged table cell).
    inherited: bool = False
    #: the whole line as printed, used as the sub-heading title when the item turns out to be one.
    printed: str | None = None

    @property
    def joined(self) -> str:
        return join_pieces(self.text).strip()


@dataclass
class ReadState:
    """What a layout scan produced."""

    items: list[Item] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    #: facts for ``ParsedDocument.meta`` (layouts seen, table columns).
    meta: dict[str, object] = field(default_factory=dict)
    layouts: list[str] = field(default_factory=list)

    def warn(self, line: int | None, code: str, message: str) -> None:
        self.warnings.append(ParseWarning(line, code, message))

    def saw(self, layout: str) -> None:
        if layout not in self.layouts:
            self.layouts.append(layout)
