"""What one analysis covers: a jurisdiction's notices of one year, by default.

A planner compares a city's 发展改革委 with its peers *of the same city and year*: summing a
decade of notices makes every unit answer to twenty leaders, and mixing cities makes one city's
betweenness depend on how many others are loaded. So the measures are computed per
:class:`Scope` — one jurisdiction and year (``"jurisdiction-year"``, the default), all years of a
jurisdiction (``"jurisdiction"``), or everything together (``"corpus"``, an explicit choice).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dutygraph.errors import InputError
from dutygraph.graph.snapshot import Snapshot
from dutygraph.settings import SCOPE, SCOPES


@dataclass(frozen=True)
class Scope:
    """One analysed piece: a jurisdiction (None: all) and a year (None: undated, or all years)."""

    jurisdiction: str | None
    year: int | None
    years: tuple[int, ...] = ()  # the years of its documents (several for a multi-year scope)

    @property
    def key(self) -> tuple[str, int]:
        """Sort key: by jurisdiction, then year (undated first)."""
        return (self.jurisdiction or "", self.year if self.year is not None else -1)

    @property
    def span(self) -> str:
        """The years covered, as people write them: "2019", "2019–2021", or "—" when undated."""
        if self.year is not None:
            return str(self.year)
        if not self.years:
            return "—"
        first, last = min(self.years), max(self.years)
        return str(first) if first == last else f"{first}–{last}"

    def label(self) -> str:
        return f"{self.jurisdiction or '*'} {self.span}"


def scopes_of(snapshot: Snapshot, kind: str = SCOPE) -> list[tuple[Scope, list[str]]]:
    """The scopes ``snapshot`` falls into under ``kind``, each with its documents, in order."""
    if kind not in SCOPES:
        raise InputError(f"unknown scope {kind!r} (choose {', '.join(SCOPES)})")
    groups: dict[tuple[str | None, int | None], list[str]] = defaultdict(list)
    for doc, jurisdiction in snapshot.documents.items():
        year = snapshot.year_of(doc)
        key = {
            "jurisdiction-year": (jurisdiction, year),
            "jurisdiction": (jurisdiction, None),
            "corpus": (None, None),
        }[kind]
        groups[key].append(doc)
    scopes = []
    for (place, year), docs in groups.items():
        years = tuple(sorted({y for d in docs if (y := snapshot.year_of(d)) is not None}))
        scopes.append((Scope(place, year, years), sorted(docs)))
    return sorted(scopes, key=lambda pair: pair[0].key)
