"""The jobs: the one place that strings the rooms together (store → graph → report, viz).

``run_job`` (``dutygraph run``) loads documents, analyses them and writes the report and the
network page; ``analysis_of`` (``dutygraph report``) and ``write_store_page`` (``dutygraph viz``)
work on what the store already holds. A notebook can call each of them as the CLI does. The
analysis of a run covers exactly the documents given (others already in the store are left alone).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dutygraph.errors import InputError
from dutygraph.graph.analysis import Analysis, analyse
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.report.files import write_report
from dutygraph.settings import LANGUAGE, VIEW, Settings
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

Step = Callable[[str], None]


@dataclass
class JobResult:
    analysis: Analysis
    documents: list[str]
    written: list[Path] = field(default_factory=list)
    refused: list[InputError] = field(default_factory=list)  # files ``keep_going`` left out


def analysis_of(
    store: Store,
    *,
    docs: Sequence[str] | None = None,
    jurisdiction: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse what the store holds, narrowed to ``docs`` or ``jurisdiction`` when given.

    Every id in ``docs`` must be loaded: a mistyped id is an error, not a silently smaller analysis.
    """
    if docs:
        missing = sorted(set(docs) - set(store.document_ids()))
        if missing:
            raise InputError(f"no document {', '.join(missing)} in the store (see: dutygraph docs)")
    snapshot = read_snapshot(store, docs=docs, jurisdiction=jurisdiction)
    if jurisdiction and not snapshot.documents:
        places = sorted({d.jurisdiction for d in store.documents()})
        raise InputError(
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
        raise InputError(
            "report trend needs --unit and --jurisdiction (e.g. --unit 市发展改革委 --jurisdiction 湖州市)"
        )
    if kind == "changes" and not jurisdiction:
        raise InputError("report changes needs --jurisdiction")
    if kind == "compare" and not function:
        raise InputError("report compare needs --function (e.g. --function 发展改革委)")
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
    lang: str = LANGUAGE,
    keep_going: bool = False,
) -> JobResult:
    """Load ``paths``, analyse them and write every output into ``out``.

    ``keep_going``: leave out the files the parser refuses (listed in the result's ``refused``)
    and go on with the rest; when it refuses them all, the first refusal is the error."""

    def say(message: str) -> None:
        if step:
            step(message)

    with Store.open(store_path, write=True) as store:
        say("parsing and loading")
        refused: list[InputError] = []
        results = load_files(
            store,
            paths,
            jurisdiction=jurisdiction,
            aliases=aliases,
            progress=say,
            refused=refused if keep_going else None,
        )
        if refused and not results:
            raise refused[0]
        store.compact(progress=say)
        documents = [r.doc_id for r in results]
        say("analysing")
        analysis = analysis_of(store, docs=documents, settings=settings)
    say("writing the report")
    page_name = "network.html" if page else None
    written = write_report(analysis, out, page=page_name, lang=lang)
    if page:
        say("drawing the network page")
        written.append(write_network_page(analysis, out / "network.html"))
    return JobResult(analysis, documents, written, refused)


def write_store_page(
    output: Path | str,
    *,
    store_path: Path | str | None = None,
    view: str = VIEW,
    docs: Sequence[str] | None = None,
    jurisdiction: str | None = None,
    settings: Settings | None = None,
    title: str | None = None,
) -> Path:
    """The ``view`` page of what the store holds (narrowed to ``docs``/``jurisdiction``), written to
    ``output``; an empty selection is an error rather than a blank page."""
    with Store.open(store_path) as store:
        analysis = analysis_of(
            store, docs=list(docs) if docs else None, jurisdiction=jurisdiction, settings=settings
        )
    if not analysis.snapshot.tasks:
        where = f" in jurisdiction {jurisdiction}" if jurisdiction else ""
        raise InputError(f"nothing to draw: no task{where} in the chosen documents")
    return write_network_page(analysis, Path(output), view=view, title=title)


def write_network_page(analysis: Analysis, path: Path, *, view: str = VIEW, title: str | None = None) -> Path:
    """The interactive page for ``analysis`` (see :mod:`dutygraph.viz`)."""
    from dutygraph.viz import write_page
    from dutygraph.viz.views import page_title, view_graph

    return write_page(
        view_graph(analysis, view),
        path,
        title=title or page_title(analysis),
        seed=analysis.settings.seed,
    )
