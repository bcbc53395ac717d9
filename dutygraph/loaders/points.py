"""Enumerated points of one paragraph that each name who does them: "…。一是建立甲制度，由区发改局负责；二是
完善乙机制，由区督查室牵头、区效能办配合；三是…".

A point that names its own units is a task of its own, whether it names them by a label, a bracket, a run-in
chain or a duty clause (由X负责); the paragraph's words before the first point head those tasks. Points that
name no unit stay in the task before them.
"""

from __future__ import annotations

import re

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.brackets import open_depth
from dutygraph.loaders.clauses import parse_labelled
from dutygraph.loaders.duties import first_duty_sentence
from dutygraph.loaders.labels import LABEL_RE
from dutygraph.loaders.layouts.paragraphs import split_segments
from dutygraph.loaders.structure import cn_number
from dutygraph.loaders.text import T

#: A point's mark where a clause may start: "一是", "二是" after a sentence or clause end (or the start).
_POINT_RE = re.compile(r"(?:^|(?<=[。;,:]))(?P<num>[一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff])")


#: What stands right before a point's own label: the end of its clause.
_LABEL_BOUNDARY = frozenset("。;,")


def _labelled(t: T) -> Assignment | None:
    """The units a point's own label names after one of its clauses ("一是清理乱堆乱放，责任单位：各乡镇；"), or
    ``None``: points parted by "；" in one paragraph each carry their label, and each label's list ends at
    the next point."""
    if ":" not in t.n:
        return None
    for m in LABEL_RE.finditer(t.n):
        start = m.start()
        if start and t.n[start - 1] in _LABEL_BOUNDARY and not open_depth(t.n[:start]):
            found = parse_labelled(t.cut(start), in_text=True)
            return found if found.has_units() else None
    return None


def point_assignment(t: T) -> Assignment | None:
    """Who one point names: its bracket, run-in chain or label, else a duty clause ("由X负责")."""
    for segment in split_segments(t):
        if segment.assignment is not None and segment.assignment.has_units():
            return segment.assignment
    return _labelled(t) or first_duty_sentence(t)


def split_points(t: T) -> tuple[T, list[tuple[str, int, T, Assignment | None]]] | None:
    """``t`` cut at its points "一是…二是…", numbered 1, 2, 3… in a row: the text before the first point and
    each point (mark, value, text, who it names) — or ``None`` when fewer than two points name units."""
    if "二是" not in t.n:  # the common case: no enumeration, decided without the pattern
        return None
    marks: list[tuple[int, str, int]] = []
    for m in _POINT_RE.finditer(t.n):
        value = cn_number(m.group("num"))
        if value == len(marks) + 1:
            marks.append((m.start(), t.o[m.start() : m.end("num")], value))
    if len(marks) < 2:
        return None
    bounds = [start for start, _, _ in marks] + [len(t.n)]
    points = [
        (mark, value, piece, point_assignment(piece))
        for (start, mark, value), end in zip(marks, bounds[1:], strict=True)
        if (piece := t.cut(start, end).strip()).n
    ]
    if sum(assignment is not None for *_, assignment in points) < 2:
        return None
    return t.cut(0, marks[0][0]).strip(), points
