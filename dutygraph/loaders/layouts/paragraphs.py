"""Tasks closed by a bracketed assignment: "…实施A。(分管副省长负责,省科技厅牵头)…实施B。(…)".

Used for unnumbered paragraphs (layout 8) and for numbered lines that end in one bracket (layout 4):
each bracket that reads as an assignment closes the text before it into one task. A line with no such
bracket is cut the same way at its run-in role chains ("…区环土局牵头，区农发局配合…").
"""

from __future__ import annotations

from dataclasses import dataclass

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.clauses import assignment_brackets
from dutygraph.loaders.duties import role_chains
from dutygraph.loaders.text import T

_LEAD_PUNCT = " 。;,、.:"


@dataclass(slots=True)
class Segment:
    """Text (as printed) and the assignment that closed it; ``assignment`` is None for trailing text."""

    text: str
    assignment: Assignment | None


#: What a clause cut out of a sentence leaves at the end of the words before it.
_DANGLING = ",;、"


def split_segments(t: T, labelled: Assignment | None = None) -> list[Segment]:
    """Cut a line at its assignment brackets; text after the last bracket comes back unassigned.

    ``labelled``: the fields the task's own label names ("责任单位：A、B"). A run-in role chain whose lead
    that list does not hold is a step the prose describes ("…由设区公安交警部门牵头，交建等部门配合…"),
    not the task's assignment: the label names who is responsible."""
    brackets = assignment_brackets(t)
    if not brackets:
        brackets = role_chains(t)
        if labelled is not None and labelled.has_units():
            listed = set(labelled.lead + labelled.co + labelled.responsible)
            brackets = [b for b in brackets if set(b[2].lead) <= listed]
    segments: list[Segment] = []
    previous = 0
    for start, end, assignment in brackets:
        piece = t.cut(previous, start)
        if segments:
            # Punctuation right after a bracket ("…(X负责)。") closes the previous task, as printed.
            lead = len(piece.n) - len(piece.n.lstrip(_LEAD_PUNCT))
            segments[-1].text += piece.o[:lead].strip()
            piece = piece.cut(lead)
        if end > start:  # a chain cut out of a sentence ("…工作，X牵头，Y配合。") leaves no comma dangling
            piece = piece.cut(0, len(piece.n.rstrip().rstrip(_DANGLING)))
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
