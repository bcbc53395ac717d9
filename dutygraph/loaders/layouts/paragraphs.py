"""Tasks closed by a bracketed assignment: "…实施A。(分管副省长负责,省科技厅牵头)…实施B。(…)".

Used for unnumbered paragraphs (layout 8) and for numbered lines that end in one bracket (layout 4):
each bracket that reads as an assignment closes the text before it into one task.
"""

from __future__ import annotations

from dataclasses import dataclass

from dutygraph.loaders.assign import Assignment, assignment_brackets
from dutygraph.loaders.text import T

_LEAD_PUNCT = " 。;,、.:"


@dataclass
class Segment:
    """Text (as printed) and the assignment that closed it; ``assignment`` is None for trailing text."""

    text: str
    assignment: Assignment | None


def split_segments(t: T) -> list[Segment]:
    """Cut a line at its assignment brackets; text after the last bracket comes back unassigned."""
    brackets = assignment_brackets(t)
    segments: list[Segment] = []
    previous = 0
    for start, end, assignment in brackets:
        piece = t.cut(previous, start).strip(_LEAD_PUNCT if segments else " ")
        segments.append(Segment(piece.o, assignment))
        previous = end
    tail = t.cut(previous).strip(" ")
    if brackets:
        if tail.strip(_LEAD_PUNCT):
            segments.append(Segment(tail.strip(_LEAD_PUNCT).o, None))
        elif tail and segments:
            # Keep the closing "。" with the last task, as printed.
            segments[-1].text = segments[-1].text + tail.o if segments[-1].text else segments[-1].text
    else:
        segments.append(Segment(t.o, None))
    return segments
