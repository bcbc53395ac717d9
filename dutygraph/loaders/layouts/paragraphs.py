"""Tasks closed by a bracketed assignment: "…实施A。(分管副省长负责,省科技厅牵头)…实施B。(…)".

Used for unnumbered paragraphs (layout 8) and for numbered lines that end in one bracket (layout 4):
each bracket that reads as an assignment closes the text before it into one task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dutygraph.loaders.assign import Assignment, assignment_brackets
from dutygraph.loaders.text import T

_LEAD_PUNCT = " 。;,、.:"


@dataclass
class Segment:
    """Text (as printed) and the assignment that closed it; ``assignment`` is None for trailing text."""

    text: str
    assignment: Assignment | None


#: What a unit name ends with, for lists that no separator or bracket delimits.
_STRONG_END = "局|委|办|厅|部|中心|公司|集团|政府|管委会|单位|部门|镇|乡|室|站|队|处|科|署"
#: Ends that also close common words ("社会", "有关", "行动"): a name cut there is grown to a strong end.
_WEAK_END = "会|关|行|社|团|联|所|院"
_UNIT_END = f"{_STRONG_END}|{_WEAK_END}"
_RUN_UNIT = (
    rf"[\u4e00-\u9fff]{{1,14}}?(?:(?:{_WEAK_END})[\u4e00-\u9fff]{{0,3}}?(?:{_STRONG_END})|{_UNIT_END})"
    rf"(?:\([\u4e00-\u9fff]{{1,10}}\))?"
)
_RUN_LIST = rf"{_RUN_UNIT}(?:、{_RUN_UNIT})*"
#: "区环土局牵头，区农发局配合，相关乡镇落实" printed inside running text or a table flattened into it:
#: the chain starts at a unit and each list ends where the names stop.
_ROLE_CHAIN_RE = re.compile(
    rf"(?P<lead>{_RUN_LIST})牵头(?:负责)?(?:,?(?P<co>{_RUN_LIST})(?:配合|参与|协助|协办)?)?"
    rf"(?:,(?P<impl>{_RUN_LIST})(?:落实|实施|负责落实))?"
)
_JURISDICTION_HEAD_RE = re.compile("[区市县省]")


def _first_unit_start(folded: str, start: int, end: int) -> int:
    """Where the first unit of a run-in list really starts: "报管委会区环土局" → "区环土局"."""
    first_end = folded.find("、", start, end)
    first_end = end if first_end < 0 else first_end
    heads = [m.start() for m in _JURISDICTION_HEAD_RE.finditer(folded, start + 1, first_end - 2)]
    return heads[-1] if heads else start


def role_chains(t: T) -> list[tuple[int, int, Assignment]]:
    """Run-in "X牵头，Y配合" chains of a line with no bracketed assignment, with their spans."""
    if "牵头" not in t.n:
        return []
    found: list[tuple[int, int, Assignment]] = []
    for m in _ROLE_CHAIN_RE.finditer(t.n):
        start = _first_unit_start(t.n, m.start("lead"), m.end("lead"))
        assignment = Assignment(present=True)
        assignment.add_units("lead", t.cut(start, m.end("lead")))
        for group in ("co", "impl"):
            if m.group(group):
                assignment.add_units("co", t.cut(*m.span(group)))
        found.append((start, m.end(), assignment))
    return found


def split_segments(t: T) -> list[Segment]:
    """Cut a line at its assignment brackets; text after the last bracket comes back unassigned."""
    brackets = assignment_brackets(t) or role_chains(t)
    segments: list[Segment] = []
    previous = 0
    for start, end, assignment in brackets:
        piece = t.cut(previous, start)
        if segments:
            # Punctuation right after a bracket ("…(X负责)。") closes the previous task, as printed.
            lead = len(piece.n) - len(piece.n.lstrip(_LEAD_PUNCT))
            segments[-1].text += piece.o[:lead].strip()
            piece = piece.cut(lead)
        segments.append(Segment(piece.strip().o, assignment))
        previous = end
    tail = t.cut(previous)
    if not brackets:
        return [Segment(t.o, None)]
    lead = len(tail.n) - len(tail.n.lstrip(_LEAD_PUNCT))
    segments[-1].text += tail.o[:lead].strip()
    rest = tail.cut(lead).strip()
    if rest:
        segments.append(Segment(rest.o, None))
    return segments
