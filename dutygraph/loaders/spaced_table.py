"""A table kept as text with a space between its cells → one table row per line.

A page of the 平潭 archive keeps a table as its cells' text in a row, one space between cells:
"序号 工作任务 责任单位 完成时限 1 建立甲机制 区发改局 2019年6月 2 …". Such a table is as good as one with
real cells once it is cut at its row numbers: the header names its columns, and each row's cells follow
its number. :func:`spaced_table` finds the header (序号 then at least two more column names, one of
them a task column and one a unit, leader or deadline column) and cuts the rows; the rows layout
(:mod:`dutygraph.loaders.layouts.rows`) reads them like any other table.

A row with more pieces than the table has columns has spaces inside its task text: the extra pieces
are joined into the task cell (unit and deadline cells rarely hold a space) — unless one of them opens
a section ("二、基础设施"), which is then a row of its own, as a merged section row of the table was. The last row takes only
as many pieces as the table has columns; what follows it (the signature, page furniture) is text.

The same table printed one row per line (a web page's table rendered row by row) is read by
:func:`spaced_rows`: a header line, then lines that each open with the next row number.
"""

from __future__ import annotations

import re

from dutygraph.loaders.clauses import closing_verb
from dutygraph.loaders.columns import UNIT_ROLES, column_role, header_roles
from dutygraph.loaders.layouts.flat_table import is_deadline
from dutygraph.loaders.leaders import parse_leader_list
from dutygraph.loaders.structure import SECTION_RE, is_section_row
from dutygraph.loaders.text import Line, T
from dutygraph.loaders.units import is_placeholder, named_like_unit

#: The pieces between spaces; a row number with its mark is a piece of its own even when the row's text
#: follows it at once ("1、新建城区公园": the number's cell, then the task's).
_PIECE_RE = re.compile(r"(?<!\S)\d{1,3}[、.．](?=[^\s\d])|\S+")
#: A row number on its own between spaces, bare or with its mark ("1", "1、", "1.").
_ROW_NUMBER_RE = re.compile(r"(\d{1,3})[、.．]?")
_HEADER_START = "序号"
#: "序号", or "序 号" in a header printed a character at a time.
_HEADER_START_RE = re.compile(r"序\s*号")
#: At most this many pieces (a section heading) stand between the header and row 1.
_BEFORE_FIRST_ROW = 3


#: A header cell is short: a longer piece is the first row's text, whatever it ends with.
_HEADER_MAX = 8


def _header_name(piece: str) -> bool:
    """A column name ("工作任务", "整改任务", "主要责任单位")."""
    return len(piece) <= _HEADER_MAX and column_role(piece) is not None


def _row_line(no: int, cells: list[str]) -> Line:
    return Line(no, T.of(" | ".join(cells)), tuple(cells))


def _letter_spaced_names(pieces: list[re.Match[str]], k: int) -> tuple[tuple[str, ...], int]:
    """The column names of a header printed a character at a time from ``pieces[k]`` ("序 号 工 作 任 务 责 任
    单 位"), with the index of the piece after the last name spelled whole."""
    end = k
    while end < len(pieces) and len(pieces[end].group()) == 1:
        end += 1
    spelled = "".join(p.group() for p in pieces[k:end])
    names: list[str] = []
    at = 0
    while at < len(spelled):
        size = next(
            (
                w
                for w in range(min(_HEADER_MAX, len(spelled) - at), 1, -1)
                if column_role(spelled[at : at + w], exact=True)
            ),
            0,
        )
        if not size:
            break
        names.append(spelled[at : at + size])
        at += size
    # one piece a character: what follows the last whole name ("1", row 1's number) is the first row's
    return tuple(names), k + at


def _header_at(pieces: list[re.Match[str]], k: int) -> tuple[tuple[str, ...], int]:
    """The header's column names when one starts at ``pieces[k]``, with the index of the piece after it."""
    if pieces[k].group() == _HEADER_START:
        width = 1
        while k + width < len(pieces) and _header_name(pieces[k + width].group()):
            width += 1
        return tuple(p.group() for p in pieces[k : k + width]), k + width
    if (
        pieces[k].group() == _HEADER_START[0]
        and k + 1 < len(pieces)
        and pieces[k + 1].group() == _HEADER_START[1]
    ):
        return _letter_spaced_names(pieces, k)
    return (), k


def spaced_table(line: Line) -> tuple[T, list[Line], T] | None:
    """(text before the table, the table's header and rows as lines with cells, text after it), or
    ``None`` when the line holds no space-separated table."""
    found = _HEADER_START_RE.search(line.text.n)
    if found is None:
        return None
    # pieces are cut at the printed spaces: the fold may already read "责任单位 完成时限" as a label's colon
    pieces = list(_PIECE_RE.finditer(line.text.o, found.start()))
    for k, piece in enumerate(pieces):
        header, after = _header_at(pieces, k)
        roles = header_roles(header) if len(header) >= 3 else None
        if roles is None or roles[0] != "number" or "text" not in roles:
            continue
        rows = _rows(pieces, after, roles)
        if rows is None:
            continue
        cells, end = rows
        lines = [_row_line(line.no, list(header)), *(_row_line(line.no, c) for c in cells)]
        return line.text.cut(0, piece.start()), lines, line.text.cut(end)
    return None


def _rows(
    pieces: list[re.Match[str]], first: int, roles: list[str | None]
) -> tuple[list[list[str]], int] | None:
    """The rows after a header: each opens with the next row number; ``None`` when row 1 does not follow.
    A row is as long as the header, or shorter when it ends in its deadline (an empty cell before it)."""
    width = len(roles)
    starts: list[int] = []
    expected = 1
    for k in range(first, len(pieces)):
        number = _ROW_NUMBER_RE.fullmatch(pieces[k].group())
        if (
            number is not None
            and int(number.group(1)) == expected
            and (
                not starts
                or k - starts[-1] >= width
                or (
                    k - starts[-1] >= _SHORTEST_ROW
                    and roles[-1] == "deadline"
                    and is_deadline(pieces[k - 1].group())
                )
            )
        ):
            starts.append(k)
            expected += 1
        elif not starts and (k - first >= _BEFORE_FIRST_ROW or not SECTION_RE.match(pieces[first].group())):
            return None  # row 1 must follow the header, after at most a section heading ("一、基础设施")
    if not starts or (len(starts) == 1 and _glued_to_text(pieces, starts[0])):
        return None  # one "row" whose number is glued to its text: the rows lost their spaces, not a spaced table
    rows: list[list[str]] = []
    if starts[0] > first:
        rows.append([" ".join(p.group() for p in pieces[first : starts[0]])])
    end = pieces[first - 1].end()
    for r, start in enumerate(starts):
        stop = starts[r + 1] if r + 1 < len(starts) else _last_row_end(pieces, start, roles)
        values = [_number_cell(pieces[start].group()), *(p.group() for p in pieces[start + 1 : stop])]
        heading = next((k for k in range(width, len(values)) if SECTION_RE.match(values[k])), None)
        if heading is not None:  # "… 2019年6月 二、基础设施 3 …": a section row between two rows
            rows.append(_cells(values[:heading], roles))
            rows.append([" ".join(values[heading:])])
            end = pieces[stop - 1].end()
            continue
        rows.append(_cells(values, roles))
        end = pieces[stop - 1].end()
    return rows, end


#: A row with an empty cell still holds its number, its task and its deadline.
_SHORTEST_ROW = 3


def _glued_to_text(pieces: list[re.Match[str]], k: int) -> bool:
    """The row number ``pieces[k]`` is printed with the row's text right after it ("1.建立…")."""
    return k + 1 < len(pieces) and pieces[k].end() == pieces[k + 1].start()


def _number_cell(value: str) -> str:
    """A row number's cell without its mark: "1、" → "1"."""
    number = _ROW_NUMBER_RE.fullmatch(value)
    return number.group(1) if number is not None else value


def _last_row_end(pieces: list[re.Match[str]], start: int, roles: list[str | None]) -> int:
    """Where the table's last row ends: after as many pieces as there are columns, or at its deadline when
    a cell before it was empty ("4 新增… 区城乡建设局 12月底前 来源：…": what follows the date is the page's)."""
    stop = min(len(pieces), start + len(roles))
    if roles[-1] != "deadline":
        return stop
    dated = next((k for k in range(start + _SHORTEST_ROW - 1, stop) if is_deadline(pieces[k].group())), None)
    return stop if dated is None else dated + 1


def _cells(values: list[str], roles: list[str | None]) -> list[str]:
    """A row's pieces as cells under ``roles``: a row one or more cells short that ends in a date keeps
    the date in the deadline column ("2 出台… 国家医保局 2023年6月底前": the 配合单位 cell was empty). When a
    unit column would get a piece that is no unit's name, the row held a space in its task text and an
    empty cell at once, and the cells are matched by what they look like (see :func:`_aligned`)."""
    width = len(roles)
    text_column = roles.index("text")
    # "2 开展… 区农业农村局 / 2020年12月": a "/", "—" or "无" after the task is an empty cell as printed
    values = [v if k <= text_column or not is_placeholder(v) else "" for k, v in enumerate(values)]
    if len(values) < width and roles[-1] == "deadline" and is_deadline(values[-1]):
        values = values[:-1] + [""] * (width - len(values)) + values[-1:]
    cells = _filled(values, width, text_column)
    if any(
        role in UNIT_ROLES and cell and not _unit_cell(cell) for role, cell in zip(roles, cells, strict=True)
    ):
        return _aligned([v for v in values if v], roles) or cells
    return cells


def _unit_cell(value: str) -> bool:
    """``value`` reads as a unit cell: names ending like bodies, or a role clause ("区农发局牵头，区应急办配合")."""
    return named_like_unit(value) or closing_verb(T.of(value).n) is not None


def _fits(role: str | None, value: str) -> bool:
    """``value`` looks like what a cell under ``role`` holds."""
    if role == "deadline":
        return is_deadline(value)
    if role in UNIT_ROLES:
        return _unit_cell(value) and not is_deadline(value)
    if role in ("leader", "assist"):
        return parse_leader_list(value, allow_bare_name=True) is not None and not named_like_unit(value)
    return True


def _aligned(values: list[str], roles: list[str | None]) -> list[str] | None:
    """A row's pieces matched to the columns after the task column from the right, each column taking the
    last piece left when it looks like that column's ("4 新增公共停车位 500个 区城乡建设局 2018年12月": the date,
    then one unit, then the task "新增公共停车位 500个"); the pieces left over are the task's text. Unit cells
    keep their order with the empty ones last (an empty 配合单位 cell is commoner than an empty 牵头单位
    one). ``None`` when no column after the task matched."""
    text_column = roles.index("text")
    rest = values[text_column:]
    taken: list[str] = []
    left = len(rest)
    for role in reversed(roles[text_column + 1 :]):
        fits = left > 1 and _fits(role, rest[left - 1])  # the task keeps at least one piece
        taken.append(rest[left - 1] if fits else "")
        left -= fits
    if not any(taken):
        return None
    after = list(reversed(taken))
    unit_at = [k for k, role in enumerate(roles[text_column + 1 :]) if role in UNIT_ROLES]
    units = [after[k] for k in unit_at if after[k]]
    for k, at in enumerate(unit_at):
        after[at] = units[k] if k < len(units) else ""
    return [*values[:text_column], " ".join(rest[:left]), *after]


def _filled(values: list[str], width: int, text_column: int) -> list[str]:
    """A row's pieces as ``width`` cells: extra pieces were spaces inside the task text."""
    extra = len(values) - width
    if extra > 0:
        values = [
            *values[:text_column],
            " ".join(values[text_column : text_column + extra + 1]),
            *values[text_column + extra + 1 :],
        ]
    return values + [""] * (width - len(values))


def _header(pieces: list[str]) -> tuple[list[str], list[str | None]] | None:
    """The header's cells and column roles when ``pieces`` are a whole header line (序号, a task column, two
    or more others). A header without 序号 ("重点任务 牵头单位 配合单位 完成时限") over numbered rows gets one,
    when it names a unit column."""
    if len(pieces) < 3 or not all(_header_name(p) for p in pieces[1:]):
        return None
    numbered = pieces[0] == _HEADER_START
    if not numbered:
        if not _header_name(pieces[0]):
            return None
        pieces = [_HEADER_START, *pieces]
    roles = header_roles(tuple(pieces))
    if roles is None or "text" not in roles or not (numbered or any(r in UNIT_ROLES for r in roles)):
        return None
    return pieces, roles


#: A header line without 序号 is short and has a space between its column names.
_UNNUMBERED_HEADER_MAX = 40


def may_head_rows(lines: list[Line], i: int) -> bool:
    """Whether ``lines[i]`` may be the header of a table printed one row a line (a cheap test before
    :func:`spaced_rows`): it opens with 序号, or it is a short line with spaces over a line that opens with 1."""
    n = lines[i].text.n
    if lines[i].cells is not None:
        return False
    if n.startswith(_HEADER_START):
        return True
    return (
        len(n) <= _UNNUMBERED_HEADER_MAX
        and " " in n
        and i + 1 < len(lines)
        and lines[i + 1].text.n.startswith("1 ")
    )


def _opens_row(lines: list[Line], j: int, expected: int) -> bool:
    """``lines[j]`` opens row ``expected`` of a space-separated table ("2 推进…")."""
    if j >= len(lines) or lines[j].cells is not None:
        return False
    values = _PIECE_RE.findall(lines[j].text.o)
    number = _ROW_NUMBER_RE.fullmatch(values[0]) if len(values) >= 2 else None
    return number is not None and int(number.group(1)) == expected


def spaced_rows(lines: list[Line], i: int) -> tuple[list[Line], int] | None:
    """(the header and rows as lines with cells, the index after the last row) when ``lines[i]`` is a
    space-separated header line and row 1 follows on the next line; else ``None``."""
    found = _header(lines[i].text.o.split())
    if found is None:
        return None
    header, roles = found
    out = [_row_line(lines[i].no, header)]
    expected = 1
    j = i + 1
    while j < len(lines):
        line = lines[j]
        values = _PIECE_RE.findall(line.text.o)  # "1、制定…": the number is a piece of its own
        number = _ROW_NUMBER_RE.fullmatch(values[0]) if line.cells is None else None
        if number is not None and int(number.group(1)) == expected and len(values) >= 2:
            cells = _cells([number.group(1), *values[1:]], roles)
            out.append(Line(line.no, T.of(" | ".join(cells)), tuple(cells)))
            expected += 1
        elif (
            line.cells is None
            and is_section_row(line.text.n)
            and len(values) <= 2
            and _opens_row(lines, j + 1, expected)
        ):
            out.append(Line(line.no, line.text, (line.text.o,)))  # a section row above the next row
        else:
            break
        j += 1
    return (out, j) if expected > 1 else None
