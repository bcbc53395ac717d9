"""Tables flattened to one cell per line: "序号 / 民生实事 / 责任单位 / 完成时限", then rows.

When a web page flattens a table, empty cells vanish and a cell holding several units becomes several
lines, so cells cannot be counted. A row starts at a line holding only its number; its lines are then
matched to the header's columns in order by what they look like (task text, unit names, a deadline).
Lines left after the deadline start an unnumbered sub-row (a merged number cell), which takes the
row's units when it prints none (a merged unit cell) — with a warning, since that is a reading.
"""

from __future__ import annotations

import re

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.clauses import apply_field
from dutygraph.loaders.columns import UNIT_ROLES, column_role
from dutygraph.loaders.items import Item, ReadState, Section
from dutygraph.loaders.leaders import parse_leader_list
from dutygraph.loaders.structure import (
    ATTACHMENT_RE,
    ROW_NUMBER_RE,
    SECTION_RE,
    is_furniture,
    is_section_row,
    is_tail,
)
from dutygraph.loaders.text import Line
from dutygraph.loaders.units import looks_like_unit

DEADLINE_RE = re.compile(
    r"(\d{1,2}\s*月|年底|年内|年前|季度|底前|月底|月前|日前|前完成|长期|持续|常态|全年|\d{4}\s*年|上半年|下半年|"
    r"每月|每季|每年|[一二三四五六七八九十]+月)"
)


def is_deadline(text: str) -> bool:
    return len(text) <= 30 and not text.endswith("。") and bool(DEADLINE_RE.search(text))


def header_run(lines: list[Line], start: int) -> tuple[list[str], int] | None:
    """Roles of a run of header lines starting at ``start`` and the index after it, if there is one."""
    roles: list[str] = []
    i = start
    while i < len(lines) and lines[i].cells is None and len(roles) < 12 and len(lines[i].text.n) <= 12:
        role = column_role(lines[i].text.n, exact=True)
        if role is None:
            break
        roles.append(role)
        i += 1
    if len(roles) >= 3 and roles[0] == "number" and "text" in roles:
        return roles, i
    return None


def _ends_table(line: Line) -> bool:
    n = line.text.n
    return bool(is_furniture(n) or is_tail(n) or ATTACHMENT_RE.match(n) or SECTION_RE.match(n))


def _fill(cells: list[Line], roles: list[str], has_leader: bool) -> list[tuple[dict[str, list[Line]], int]]:
    """Match a row's lines to columns; one entry per (sub-)row with its first line number."""
    subrows: list[tuple[dict[str, list[Line]], int]] = []
    idx = 0
    first_pass = True
    while idx < len(cells):
        before = idx
        got: dict[str, list[Line]] = {}
        columns = roles if first_pass else roles[roles.index("text") :]
        unit_columns = [r for r in columns if r in UNIT_ROLES]
        for role in columns:
            if idx >= len(cells):
                break
            text = cells[idx].text.n
            if role == "text":
                got["text"] = [cells[idx]]
                idx += 1
                while idx < len(cells):
                    nxt = cells[idx].text.n
                    if looks_like_unit(nxt) or is_deadline(nxt) or (has_leader and parse_leader_list(nxt)):
                        break
                    got["text"].append(cells[idx])
                    idx += 1
            elif role in UNIT_ROLES:
                taken: list[Line] = []
                only_one = len(unit_columns) > 1 and role != unit_columns[-1]
                while idx < len(cells):
                    nxt = cells[idx].text.n
                    if is_deadline(nxt) or not looks_like_unit(nxt):
                        break
                    if has_leader and parse_leader_list(nxt, allow_bare_name=False):
                        break
                    taken.append(cells[idx])
                    idx += 1
                    if only_one:
                        break
                if taken:
                    got[role] = taken
            elif role in ("leader", "assist"):
                taken = []
                while idx < len(cells) and parse_leader_list(cells[idx].text.n, allow_bare_name=True):
                    taken.append(cells[idx])
                    idx += 1
                if taken:
                    got[role] = taken
            elif role == "deadline" and is_deadline(text):
                got["deadline"] = [cells[idx]]
                idx += 1
        if idx == before:
            # Nothing matched: keep the line as text of the current row rather than loop forever.
            if subrows:
                subrows[-1][0].setdefault("text", []).append(cells[idx])
            else:
                got["text"] = [cells[idx]]
                subrows.append((got, cells[idx].no))
            idx += 1
            continue
        subrows.append((got, cells[before].no))
        first_pass = False
    return subrows


def _section_row(lines: list[Line], i: int) -> bool:
    """``lines[i]`` is a section row between the table's rows ("二、加强保障" over the line "2" that opens a
    row): a heading of the table, not its end."""
    return (
        is_section_row(lines[i].text.n)
        and i + 1 < len(lines)
        and ROW_NUMBER_RE.match(lines[i + 1].text.n) is not None
    )


def read_flat_table(
    lines: list[Line], start: int, attachment: str | None, section: Section, state: ReadState
) -> tuple[int, Section]:
    """Read a flattened table whose header run starts at ``start``; return the index after it and the
    section its last row stands in (a section row between rows opens a new one)."""
    found = header_run(lines, start)
    assert found is not None
    roles, i = found
    state.saw("flat-table")
    tables = state.meta.setdefault("tables", [])
    assert isinstance(tables, list)
    tables.append(
        {"line": lines[start].no, "columns": {lines[start + k].text.o: r for k, r in enumerate(roles)}}
    )
    has_leader = "leader" in roles
    body_roles = roles[1:]
    split_columns = "lead" in roles and "co" in roles
    warned_split = False
    while i < len(lines):
        if _section_row(lines, i):
            section = Section(title=lines[i].text.o, line=lines[i].no)
            i += 1
            continue
        if not ROW_NUMBER_RE.match(lines[i].text.n):
            break
        number_line = lines[i]
        i += 1
        cells: list[Line] = []
        while i < len(lines) and not ROW_NUMBER_RE.match(lines[i].text.n) and not _ends_table(lines[i]):
            cells.append(lines[i])
            i += 1
        parent: Item | None = None
        for k, (got, first_no) in enumerate(_fill(cells, body_roles, has_leader)):
            item = Item(
                line=number_line.no if k == 0 else first_no,
                attachment=attachment,
                section=section,
                style="table",
                number=number_line.text.o if k == 0 else None,
                value=int(number_line.text.n) if k == 0 else None,
                text=[c.text.o for c in got.get("text", [])],
            )
            assign = Assignment(present=True)
            if split_columns and len(got.get("co", [])) > 1 and not warned_split:
                warned_split = True
                state.warn(
                    first_no,
                    "table-cells-ambiguous",
                    "a flattened row lists several units for 牵头单位 and 配合单位; "
                    "the first was read as lead, the rest as co-units (whole table)",
                )
            for role, role_lines in got.items():
                if role in UNIT_ROLES or role in ("leader", "assist"):
                    for cell in role_lines:
                        apply_field(assign, role, cell.text)
                    item.unit_line = role_lines[0].no
            if "deadline" in got:
                assign.deadline = got["deadline"][0].text.o
            if parent is not None and not assign.has_units() and parent.assign.has_units():
                assign.lead = list(parent.assign.lead)
                assign.co = list(parent.assign.co)
                assign.responsible = list(parent.assign.responsible)
                assign.leaders = assign.leaders or list(parent.assign.leaders)
                item.inherited = True
                state.warn(
                    item.line,
                    "row-cells-inherited",
                    "an unnumbered sub-row prints no units; read as sharing the merged cells of row "
                    f"{parent.number}",
                )
            item.assign = assign
            item.closed = True
            if parent is None:
                parent = item
            state.items.append(item)
    return i, section
