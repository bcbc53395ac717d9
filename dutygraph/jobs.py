"""The main job: load documents, analyse them, write the report and the network page.

``run_job`` is what ``dutygraph run`` calls and what a notebook can call too. The analysis
covers exactly the documents given (other documents already in the store are left alone).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dutygraph.errors import DutygraphError
from dutygraph.graph.analysis import Analysis, Settings, analyse
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.report.files import write_report
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

Step = Callable[[str], None]


@dataclass
class JobResult:
    analysis: Analysis
    documents: list[str]
    written: list[Path] = field(default_factory=list)


def analysis_of(
    store: Store,
    *,
    docs: Sequence[str] | None = None,
    jurisdiction: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse what the store holds, narrowed to ``docs`` or ``jurisdiction`` when given."""
    snapshot = read_snapshot(store, docs=docs, jurisdiction=jurisdiction)
    if (docs or jurisdiction) and not snapshot.documents:
        known = store.documents()
        if docs:
            missing = sorted(set(docs) - {d.id for d in known})
            raise DutygraphError(
                f"no document {', '.join(missing) or '(matching)'} in the store (see: dutygraph docs)"
            )
        places = sorted({d.jurisdiction for d in known})
        raise DutygraphError(
            f"no document of {jurisdiction} in the store (jurisdictions: {'、'.join(places) or 'none'})"
        )
    return analyse(snapshot, settings)


def report_rows(
    store: Store,
    kind: str,
    *,
    docs: Sequence[str] | None = None,
    jurisdiction: str | None = None,
    unit: str | None = None,
    function: str | None = None,
    settings: Settings | None = None,
) -> list[dict[str, Any]]:
    """The rows of one ``dutygraph report`` table (see :mod:`dutygraph.graph.analysis.tables`)."""
    from dutygraph.graph.analysis import tables

    if kind == "trend" and not (unit and jurisdiction):
        raise DutygraphError(
            "report trend needs --unit and --jurisdiction (e.g. --unit 市发展改革委 --jurisdiction 湖州市)"
        )
    if kind == "changes" and not jurisdiction:
        raise DutygraphError("report changes needs --jurisdiction")
    if kind == "compare" and not function:
        raise DutygraphError("report compare needs --function (e.g. --function 发展改革委)")
    # Narrowing to the jurisdiction changes no figure (each jurisdiction-year is analysed alone).
    analysis = analysis_of(store, docs=docs, jurisdiction=jurisdiction, settings=settings)
    if kind == "trend":
        return tables.trend_rows(analysis, unit or "", jurisdiction or "")
    if kind == "changes":
        return tables.change_rows(analysis, jurisdiction or "")
    if kind == "compare":
        return tables.compare_rows(analysis, function or "")
    return analysis.rows(kind)


def run_job(
    paths: Sequence[Path],
    out: Path,
    *,
    store_path: Path | None = None,
    jurisdiction: str | None = None,
    aliases: Path | None = None,
    settings: Settings | None = None,
    page: bool = True,
    step: Step | None = None,
    lang: str = "zh",
) -> JobResult:
    """Load ``paths``, analyse them and write every output into ``out``."""

    def say(message: str) -> None:
        if step:
            step(message)

    with Store.open(store_path, write=True) as store:
        say("parsing and loading")
        results = load_files(store, paths, jurisdiction=jurisdiction, aliases=aliases, progress=say)
        documents = [r.doc_id for r in results]
        say("analysing")
        analysis = analysis_of(store, docs=documents, settings=settings)
    say("writing the report")
    page_name = "network.html" if page else None
    written = write_report(analysis, out, page=page_name, lang=lang)
    if page:
        say("drawing the network page")
        written.append(write_network_page(analysis, out / "network.html"))
    return JobResult(analysis, documents, written)


def write_network_page(
    analysis: Analysis, path: Path, *, view: str = "units", title: str | None = None
) -> Path:
    """The interactive page for ``analysis`` (see :mod:`dutygraph.viz`)."""
    from dutygraph.viz import write_page
    from dutygraph.viz.views import view_graph

    documents = ", ".join(analysis.snapshot.documents) or "dutygraph"
    return write_page(
        view_graph(analysis, view),
        path,
        title=title or f"Responsibility network — {documents}",
        seed=analysis.settings.seed,
    )
