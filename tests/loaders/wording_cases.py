"""What the wording tests share: notices as ``pytest.param(text, expected, id=…)`` with expected
``(lead_units, co_units)`` per task, marked when the loaders do not read them yet."""

from __future__ import annotations

import pytest


def marked(params: list[object], not_read_yet: dict[str, str]) -> list[object]:
    """``params`` with a strict expected failure on each case ``not_read_yet`` names (with what goes
    wrong): a case that starts passing must leave the list."""
    out: list[object] = []
    for param in params:
        marks = list(param.marks)  # type: ignore[attr-defined]
        reason = not_read_yet.get(param.id)  # type: ignore[attr-defined]
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        out.append(pytest.param(*param.values, id=param.id, marks=marks))  # type: ignore[attr-defined]
    return out


def unprinted(params: list[object]) -> list[tuple[str, str]]:
    """(case id, unit) for each expected unit that its notice does not print verbatim."""
    return [
        (param.id, unit)  # type: ignore[attr-defined]
        for param in params
        for lead, co in param.values[1]  # type: ignore[attr-defined]
        for unit in lead + co
        if unit not in param.values[0]  # type: ignore[attr-defined]
    ]
