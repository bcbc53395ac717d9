"""Tables with real cells: a header row names the columns, each later row is a task.

Cells come from .docx/.xlsx/.csv/HTML tables or from text with ``|`` between cells. Columns are mapped
by header name (:mod:`dutygraph.loaders.columns`); unrecognised columns are reported, not guessed.
"""

from __future__ import annotations

import re

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.clauses import apply_field
from dutygraph.loaders.columns import UNIT_ROLES, clean_header, header_roles
from dutygraph.loaders.items import Item, ReadState, Section
from dutygraph.loaders.layouts.run_together import warn_run_together
from dutygraph.loaders.structure import CN_DIGITS, SECTION_RE, is_section_row
from dutygraph.loaders.text import Line, T

_ROW_SECTION_RE = re.compile(rf"^[{CN_DIGITS}]{{1,4}}$")


def _cell(cells: tuple[str, ...], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _section_row(lines: list[Line], i: int) -> bool:
    """``lines[i]``, a line with no cells, is a section row of the table ("一、完善体制机制" printed
    without the tabs of the rows around it): a row of cells follows it."""
    following = lines[i + 1].cells if i + 1 < len(lines) else None
    return is_section_row(lines[i].text.n) and following is not None and header_roles(following) is None


def read_header(line: Line, state: ReadState) -> dict[str, int] | None:
    """Map roles to column indexes for a header row; report the columns it could not place."""
    assert line.cells is not None
    roles = header_roles(line.cells)
    if roles is None:
        return None
    columns: dict[str, int] = {}
    recognised: dict[str, str] = {}
    for index, (cell, role) in enumerate(zip(line.cells, roles, strict=True)):
        name = clean_header(cell)
        if role is None:
            if name:
                state.warn(
                    line.no, "column-not-recognised", f"table column {name!r} was not recognised; ignored"
                )
            continue
        recognised[name] = role
        if role in columns:
            state.warn(line.no, "column-repeated", f"two columns read as {role}; the first one is used")
            continue
        columns[role] = index
    tables = state.meta.setdefault("tables", [])
    assert isinstance(tables, list)
    tables.append({"line": line.no, "columns": recognised})
    return columns


def read_rows(
    lines: list[Line], start: int, attachment: str | None, section: Section, state: ReadState
) -> tuple[int, Section]:
    """Read rows after the header at ``lines[start]``; return the index after the table."""
    columns = read_header(lines[start], state)
    assert columns is not None
    state.saw("table-rows")
    if "|" not in lines[start].text.n and "\t" not in lines[start].text.o:
        # "序号工作任务负责单位时间进度" over rows one a line: cells cut by dutygraph.loaders.glued_rows
        warn_run_together(lines[start], state)
    i = start + 1
    current_section = section
    above: Item | None = None  # the row read before, whose merged cells a row may share
    while i < len(lines):
        line = lines[i]
        cells = line.cells
        if cells is None:
            if not _section_row(lines, i):
                break
            current_section = Section(title=line.text.o.strip(), line=line.no)
            i += 1
            continue
        i += 1
        if header_roles(cells) is not None:
            columns = read_header(line, state) or columns
            continue
        filled = [c.strip() for c in cells if c.strip()]
        if not filled:
            continue
        number = _cell(cells, columns.get("number")).rstrip(".、")  # "1." and "1、" number row 1
        text = _cell(cells, columns.get("text"))
        first = filled[0]
        if (
            (len(filled) == 1 and not text)
            or _ROW_SECTION_RE.match(number)
            or (len(filled) == 1 and SECTION_RE.match(T.of(first).n))
        ):
            title = " ".join(filled) if _ROW_SECTION_RE.match(number) else first
            current_section = Section(title=title, line=line.no)
            continue
        category = _cell(cells, columns.get("section"))
        if category and category != current_section.title:
            current_section = Section(title=category, line=line.no)
        if not text:
            state.warn(line.no, "row-without-task", "a table row has no task text; skipped")
            continue
        item = Item(
            line=line.no,
            attachment=attachment,
            section=current_section,
            style="table",
            number=number or None,
            value=int(number) if number.isdigit() else None,
            text=[text],
        )
        assign = Assignment(present=True)
        for role in ("leader", "assist", *UNIT_ROLES):
            value = _cell(cells, columns.get(role))
            if value:
                apply_field(assign, role, T.of(value))
        deadline = _cell(cells, columns.get("deadline"))
        assign.deadline = " ".join(deadline.split()) or None
        item.assign = assign
        item.closed = True
        item.unit_line = line.no
        if above is not None and above.section is current_section:
            _carry_down(item, above, columns, cells, state)
        state.items.append(item)
        above = item
    return i, current_section


def _carry_down(
    item: Item, above: Item, columns: dict[str, int], cells: tuple[str, ...], state: ReadState
) -> None:
    """A row with no unit printed, or an empty 牵头单位 cell in a row whose 配合单位 are printed, is the lower part
    of cells merged with the row above (a spreadsheet saved as CSV keeps a merged cell's value in its first row
    only): a 分工表 names who does each task, and co-units assist a lead."""
    assign = item.assign
    if not assign.has_units() and above.assign.has_units():
        # no unit cell printed at all: every unit cell is merged with the row above
        assign.lead, assign.co = list(above.assign.lead), list(above.assign.co)
        assign.responsible = list(above.assign.responsible)
        taken = "unit cells are"
    elif "lead" in columns and not _cell(cells, columns["lead"]) and assign.co and above.assign.lead:
        assign.lead = list(above.assign.lead)
        taken = "牵头单位 cell is"
    else:
        return
    item.inherited = True
    state.warn(
        item.line,
        "row-cells-inherited",
        f"a row whose {taken} empty: read as sharing the merged cells of row {above.number or above.line}",
    )
