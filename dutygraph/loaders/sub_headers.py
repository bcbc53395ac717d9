"""Two-row table headers printed a row a line: one column over two ("责任单位" over "牵头单位 参与单位").

A table often heads its unit columns with one cell spanning two: "序号 重点任务 责任单位 完成时限" over
"牵头单位 参与单位". Printed a row a line (a web page's rows rendered as lines, a table copied as text), the
second header row stands alone, and a reader of the first sees one unit column where every row has two:
each row's co-units become its deadline, or the table is not read at all. This step joins the two header
rows into the one header the rows are read under, before any table layout reads them: the spanning name
gives way to the names below it, printed the way the rows are (cells, tabs, spaces, or run together).
"""

from __future__ import annotations

import re

from dutygraph.loaders.columns import KNOWN_HEADERS, clean_header, column_role, header_roles
from dutygraph.loaders.text import Line, T

#: A sub-header row is short: two or three column names.
_SUB_HEADER_MAX = 24
#: Every lead and co-unit column name holds one of these: a row with none is no sub-header (most short lines).
_UNIT_COLUMN_WORDS = ("单位", "部门", "处室", "科室")
#: The longest column name a run-together row is cut into.
_NAME_MAX = 12
_SUB_ROLES = frozenset({"lead", "co"})
#: Under a 责任单位 cell the sub-columns may name only the role: "牵头" and "配合" are 牵头单位 and 配合单位.
_BARE_ROLES = {
    "牵头": "牵头单位",
    "主办": "主办单位",
    "配合": "配合单位",
    "参与": "参与单位",
    "协办": "协办单位",
}
_SUB_HEADER_WORD_RE = re.compile("|".join((*_UNIT_COLUMN_WORDS, *_BARE_ROLES)))
#: What a run-together sub-header row is cut into: every known column name (cleaned) and the bare roles.
_COLUMN_NAMES = KNOWN_HEADERS | frozenset(_BARE_ROLES)


def joined_sub_headers(lines: list[Line]) -> list[Line]:
    """``lines`` with each header row that a unit sub-header row follows joined with it into one row."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        below = lines[i + 1] if i + 1 < len(lines) else None
        joined = _joined(line, below) if below is not None and _may_be_sub_header(below.text.n) else None
        if joined is None:
            out.append(line)
            i += 1
        else:
            out.append(joined)
            i += 2
    return out


def _may_be_sub_header(folded: str) -> bool:
    """A short line with a unit column word and no colon (a label line, "责任单位:X", is no header)."""
    return (
        len(folded) <= _SUB_HEADER_MAX
        and ":" not in folded
        and _SUB_HEADER_WORD_RE.search(folded) is not None
    )


def _joined(header: Line, below: Line) -> Line | None:
    """The header row ``header`` with its one 责任单位-like column replaced by the unit columns named by
    ``below``; ``None`` unless ``below`` names only lead and co-unit columns and ``header`` is a task
    table's header with exactly one unit column, of no particular role."""
    sub = _names(below)
    if sub is None:
        return None
    columns = [_BARE_ROLES.get(name, name) for name in sub[0]]
    if len(columns) < 2 or any(column_role(name) not in _SUB_ROLES for name in columns):
        return None
    found = _names(header)
    if found is None:
        return None
    names, separator = found
    roles = header_roles(tuple(names))
    if roles is None or roles.count("resp") != 1 or set(roles) & _SUB_ROLES:
        return None
    at = roles.index("resp")
    merged = [*names[:at], *columns, *names[at + 1 :]]
    text = T.of(separator.join(merged))
    return Line(header.no, text, tuple(merged) if header.cells is not None else None)


def _names(line: Line) -> tuple[list[str], str] | None:
    """The column names a row holds and what stands between them in print ("\\t" for cells): its cells,
    its pieces between spaces, or — run together — the known names it is made of end to end."""
    if line.cells is not None:
        return [c.strip() for c in line.cells if c.strip()], "\t"
    text = line.text.o.strip()
    if "\t" in text or " " in text or "\u3000" in text:
        return text.split(), " "
    names = _run_together_names(line.text.n.strip())
    return (names, "") if names else None


def _run_together_names(text: str) -> list[str] | None:
    """``text`` cut into known column names end to end, the longest name first at each point
    ("牵头单位参与单位" → 牵头单位, 参与单位); ``None`` when some part of it is no column name."""
    text = clean_header(text)
    names: list[str] = []
    at = 0
    while at < len(text):
        for size in range(min(_NAME_MAX, len(text) - at), 1, -1):
            if text[at : at + size] in _COLUMN_NAMES:
                break
        else:
            return None
        names.append(text[at : at + size])
        at += size
    return names
