"""Brackets, in one place: which characters pair up, the top-level groups of a line, what lies outside them.

Notices bracket many things: assignments "（甲局牵头）", convention notes "（列第一位者为牵头单位，下同）", unit
names "区社会事业局（医改办）", titles 《…》 and quotes “…” whose commas are no separators. Every reader asks
the questions below of the *folded* text (see :mod:`dutygraph.loaders.text`), where "（" is "(", so one
set of pairs serves both widths. Each scan looks only at the bracket characters (and separators), found
by one regex, so it is linear in the line whatever the line holds.
"""

from __future__ import annotations

import functools
import re

from dutygraph.loaders.text import T

OPENERS = "([〈《【〔「“‘{"
CLOSERS = ")]〉》】〕」”’}"
PAIR = dict(zip(OPENERS, CLOSERS, strict=True))
#: The brackets a notice holds assignments and notes in; a line left open in one of them goes on to the
#: next (see :mod:`dutygraph.loaders.wrap`). Quotes and 《》 are left out: a stray one is a typo more often.
HOLDING_OPENERS = "([【〔"
HOLDING_CLOSERS = ")]】〕"

OPEN_RE = re.compile("[" + re.escape(OPENERS) + "]")
_BRACKET_RE = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")
_HOLDING_OPEN_RE = re.compile("[" + re.escape(HOLDING_OPENERS) + "]")
_HOLDING_RE = re.compile("[" + re.escape(HOLDING_OPENERS + HOLDING_CLOSERS) + "]")


def bracket_groups(t: T) -> list[tuple[int, int]]:
    """Top-level bracket spans ``(start, end)`` (end exclusive, brackets included); pairs must match."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for m in _BRACKET_RE.finditer(t.n):
        i, ch = m.start(), m.group()
        if ch in PAIR:
            if not stack:
                start = i
            stack.append(PAIR[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                spans.append((start, i + 1))
    return spans


def split_top_level(t: T, separators: str, *, respect_brackets: bool = True) -> tuple[list[T], bool]:
    """``t`` cut at the separators outside brackets, and whether its brackets balanced.

    ``respect_brackets=False`` cuts at every separator (the fallback for a list whose brackets do not pair).
    """
    marks = _marks(separators, respect_brackets)
    parts: list[T] = []
    stack: list[str] = []
    start = 0
    for m in marks.finditer(t.n):
        ch = m.group()
        if respect_brackets:
            if ch in PAIR:
                stack.append(PAIR[ch])
                continue
            if stack and ch == stack[-1]:
                stack.pop()
                continue
            if ch in CLOSERS:
                continue
        if not stack and ch in separators:
            i = m.start()
            parts.append(t.cut(start, i))
            start = i + 1
    parts.append(t.cut(start))
    return parts, not stack


@functools.lru_cache(maxsize=16)
def _marks(separators: str, respect_brackets: bool) -> re.Pattern[str]:
    """The characters :func:`split_top_level` stops at, compiled once per separator set (callers pass
    a handful of constant sets; building the pattern per call cost a fifth of the split)."""
    return re.compile("[" + re.escape((OPENERS + CLOSERS if respect_brackets else "") + separators) + "]")


def outside_brackets(text: str) -> str:
    """The text with its bracketed parts removed (notes inside brackets are not clauses)."""
    if OPEN_RE.search(text) is None:
        return text
    kept: list[str] = []
    depth = 0
    previous = 0
    for m in _BRACKET_RE.finditer(text):
        ch, i = m.group(), m.start()
        if ch in PAIR:
            if depth == 0:
                kept.append(text[previous:i])
            depth += 1
        elif depth:  # a stray closing bracket outside any group stays, as text
            depth -= 1
            if depth == 0:
                previous = i + 1
    if depth == 0:
        kept.append(text[previous:])
    return "".join(kept)


def open_depth(folded: str) -> int:
    """How many holding brackets (round, square, 【】, 〔〕) are still open at the end of ``folded``."""
    if _HOLDING_OPEN_RE.search(folded) is None:  # most lines have no bracket at all
        return 0
    depth = 0
    for ch in _HOLDING_RE.findall(folded):
        if ch in HOLDING_OPENERS:
            depth += 1
        elif depth:
            depth -= 1
    return depth
