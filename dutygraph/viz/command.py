"""``dutygraph viz``: the network page for what the store holds, as one library call."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dutygraph.errors import DutygraphError

if TYPE_CHECKING:
    from dutygraph.graph.analysis import Settings

VIEWS = ("units", "tasks", "leaders")


def store_page(
    output: Path | str,
    *,
    store_path: Path | str | None = None,
    view: str = "units",
    docs: Sequence[str] | None = None,
    jurisdiction: str | None = None,
    settings: Settings | None = None,
    title: str | None = None,
) -> Path:
    """Analyse the store (narrowed to ``docs``/``jurisdiction``), write the ``view`` page to ``output``."""
    from dutygraph.jobs import analysis_of, write_network_page
    from dutygraph.store.store import Store

    if view not in VIEWS:
        raise DutygraphError(f"unknown view {view!r} (choose {', '.join(VIEWS)})")
    with Store.open(store_path) as store:
        known = set(store.document_ids())
        unknown = [d for d in docs or () if d not in known]
        if unknown:
            loaded = ", ".join(sorted(known)) or "none"
            raise DutygraphError(f"no document {', '.join(unknown)} in the store (loaded: {loaded})")
        analysis = analysis_of(
            store, docs=list(docs) if docs else None, jurisdiction=jurisdiction, settings=settings
        )
    if not analysis.snapshot.tasks:
        where = f" in jurisdiction {jurisdiction}" if jurisdiction else ""
        raise DutygraphError(f"nothing to draw: no task{where} in the chosen documents")
    return write_network_page(analysis, Path(output), view=view, title=title)
