"""A table printed one row a line with its cells run together → one table row per line.

A web page's table rendered row by row can lose every cell separator: a header of column names glued
together ("序号工作任务负责单位时间进度"), then rows in which the number, the task, the units and the deadline
follow each other ("1制定专项行动实施细则国家发展改革委、财政部2023年6月底前完成"). With one unit column, the
row is cut from its ends: the number at the start, the deadline at the end (a date or a time phrase right
after a body's last character), and the units before it — a "、" list whose first name starts where a
body's name can start: a central body's head (国家, 国务院, 中央, 全国, 中国 …, a ministry's name), a place's
office of such a body (平潭海关) or a local body's (区…局, 市…委: :func:`dutygraph.loaders.duties.local_heads`). A row that cannot be cut so ends the
table; the rows layout (:mod:`dutygraph.loaders.layouts.rows`) reads the rows as any other table.
"""

from __future__ import annotations

import re

from dutygraph.loaders.columns import UNIT_ROLES
from dutygraph.loaders.duties import local_heads
from dutygraph.loaders.layouts.run_together import ends_like_header, header_match, header_roles
from dutygraph.loaders.leaders import trailing_leader
from dutygraph.loaders.structure import is_section_row
from dutygraph.loaders.text import Line, T
from dutygraph.loaders.units import PLACE_HEADS, PLACE_NAME

#: Where a central body's name starts: the words that open most of them, then ministries and
#: offices whose names open with no such word.
_CENTRAL_HEAD_RE = re.compile(
    "国家|国务院|中央|中共|全国|中国|最高人民|共青团|人民银行|海关总署|税务总局|审计署|"
    "(?:外交|国防|教育|科技|工业和信息化|公安|民政|司法|财政|人力资源社会保障|自然资源|生态环境|住房城乡建设|"
    "交通运输|水利|农业农村|商务|文化和旅游|应急管理|退役军人事务|退役军人)部|"
    "(?:市场监管|广电|体育)总局|(?:发展改革|卫生健康|国资|银保监|证监)[委会]"
    # and a place's offices of such bodies: "平潭海关", "国网平潭供电公司"
    rf"|(?={PLACE_NAME})(?:{'|'.join(PLACE_HEADS)})"
)
#: A body's last characters, before a deadline glued to it.
_BODY_LAST = frozenset("委部局办署院行会府心团司厅关")
#: Where a deadline starts: a year, or a time phrase.
_WHEN_RE = re.compile(r"(?:19|20)\d\d\s*年|长期|持续|常态化|每年|年底前|年内")
#: A row's number glued to its text: "1制定…", or with its mark "1.制定…", "1、制定…".
_ROW_START_RE = re.compile(r"(\d{1,3})[.、]?(?=[\u4e00-\u9fff])")
#: A task text is at least this long: shorter "text" is part of the first unit's name.
_MIN_TEXT = 2


def glued_header(lines: list[Line], i: int) -> list[str | None] | None:
    """The column roles when ``lines[i]`` is a whole run-together header with one unit column, over a line
    that opens with row 1 glued to its text (or over a section row above it); else ``None``."""
    n = lines[i].text.n
    if lines[i].cells is not None or not ends_like_header(n):
        return None
    if (m := header_match(n)) is None or m.end() != len(n.rstrip()):
        return None
    first = i + 2 if i + 2 < len(lines) and is_section_row(lines[i + 1].text.n) else i + 1
    if first >= len(lines) or not lines[first].text.n.startswith("1"):
        return None
    roles = header_roles(n)
    if (
        roles is None
        or roles[0] != "number"
        or roles[1] != "text"
        or not 1 <= sum(r in UNIT_ROLES for r in roles) <= 2
    ):
        return None
    cells = roles[3:] if roles[2] == "leader" else roles[2:]
    units = [r for r in cells if r != "deadline"]
    if cells not in ([*units], [*units, "deadline"]) or units not in ([cells[0]], ["lead", "co"]):
        return None
    return list(roles)


def _first_unit_start(cell: str, two_cells: bool = False) -> int | None:
    """Where the first unit of a cell that begins with task text starts, or ``None``: at the last central head
    before the first "、" (task text may name 国家 itself), else at the last local head. With a 牵头单位 and a
    配合单位 cell the first name ends at the first "、" or where a second name is glued to it, whichever comes
    first ("…意见国家医保局国家卫生健康委" starts at 国家医保局)."""
    first_end = cell.find("、")
    first_end = len(cell) if first_end < 0 else first_end
    if two_cells:
        first_end = min(first_end, _MIN_TEXT + _lead_cell_end(cell[_MIN_TEXT:first_end]))
    start = None
    last_end = -1
    for m in _CENTRAL_HEAD_RE.finditer(cell, _MIN_TEXT, first_end):
        if (
            m.start() != last_end
        ):  # "国家" + "发展改革委" is one name; "国家标准…" + "工业和信息化部" two pieces
            start = m.start()
        last_end = m.end()
    if start is not None:
        return start
    heads = local_heads(cell, _MIN_TEXT, max(_MIN_TEXT, first_end - 2))
    return heads[-1] if heads else None


#: Words that open a group's name: "区交通运输局各片区管理局" is two names.
_GROUP_HEAD_RE = re.compile("各|有关|相关")
#: Words that open a central body's name and are no name by themselves: "国务院" + "国资委" is one name.
_HEAD_WORDS = ("国家", "国务院", "中央", "中共", "全国", "中国")


def _lead_cell_end(units: str) -> int:
    """Where the 牵头单位 cell ends in the units of a row with a 牵头单位 and a 配合单位 column: at the first name
    glued to the one before ("国家医保局国家卫生健康委" → "国家医保局"; a cell's own names are joined by "、"), or
    at the end when no name is glued (the 配合单位 cell is empty)."""
    for m in _CENTRAL_HEAD_RE.finditer(units, 1):
        at = m.start()
        if units[at - 1] in _BODY_LAST and not units.endswith(_HEAD_WORDS, 0, at):
            return at
    heads = [at for at in local_heads(units, 1, len(units)) if units[at - 1] in _BODY_LAST]
    groups = [m.start() for m in _GROUP_HEAD_RE.finditer(units, 1) if units[m.start() - 1] in _BODY_LAST]
    return min(heads[:1] + groups[:1], default=len(units))


def _row_cells(text: T, expected: int, roles: list[str | None]) -> list[str] | None:
    n, o = text.n, text.o
    m = _ROW_START_RE.match(n)
    if m is None or int(m.group(1)) != expected:
        return None
    end = len(n)
    deadline = ""
    if roles[-1] == "deadline":
        when = next((w for w in _WHEN_RE.finditer(n, m.end()) if n[w.start() - 1] in _BODY_LAST), None)
        if when is None:
            return None
        end = when.start()
        deadline = o[end:].strip()
    cell = n[m.end() : end]
    start = _first_unit_start(cell, "co" in roles)
    if start is None:
        return None
    at = m.end() + start
    units = [o[at:end].strip()]
    if "co" in roles:
        split = at + _lead_cell_end(n[at:end])
        units = [o[at:split].strip(), o[split:end].strip()]
    before_units = [o[m.end() : at].strip()]
    if roles[2] == "leader":  # "1推进通关便利化林海副主任区商务局…": the leader cell is glued after the text
        leader = trailing_leader(n[m.end() : at].rstrip())
        if not leader:
            return None
        before_units = [o[m.end() : m.end() + leader].strip(), o[m.end() + leader : at].strip()]
    return [m.group(1), *before_units, *units, *([deadline] if deadline else [])]


def glued_rows(lines: list[Line], i: int, roles: list[str | None]) -> tuple[list[Line], int] | None:
    """(the header and rows as lines with cells, the index after the last row) for the header at
    ``lines[i]`` (see :func:`glued_header`); ``None`` when row 1 cannot be cut into cells."""
    names = {"lead": "牵头单位", "co": "配合单位", "leader": "责任领导"}
    header = ["序号", "工作任务", *(names.get(r or "", "责任单位") for r in roles[2:] if r != "deadline")]
    if roles[-1] == "deadline":
        header.append("完成时限")
    # the header keeps its text as printed, with no cell separator: the rows layout warns that cells were inferred
    out = [Line(lines[i].no, lines[i].text, tuple(header))]
    expected = 1
    j = i + 1
    while j < len(lines):
        if (cells := _row_cells(lines[j].text, expected, roles)) is not None:
            out.append(Line(lines[j].no, T.of(" | ".join(cells)), tuple(cells)))
            expected += 1
        elif (
            is_section_row(lines[j].text.n)
            and j + 1 < len(lines)
            and _row_cells(lines[j + 1].text, expected, roles) is not None
        ):
            out.append(
                Line(lines[j].no, lines[j].text, (lines[j].text.o,))
            )  # a section row above the next row
        else:
            break
        j += 1
    return (out, j) if expected > 1 else None
