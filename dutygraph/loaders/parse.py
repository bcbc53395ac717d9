"""Lines → :class:`ParsedDocument`: metadata, the layout scan, then the assembling pass."""

from __future__ import annotations

from dutygraph.errors import DutygraphError
from dutygraph.loaders.assemble import assemble
from dutygraph.loaders.layouts.numbered import read_numbered
from dutygraph.loaders.metadata import read_metadata
from dutygraph.loaders.read import Source
from dutygraph.loaders.records import ParsedDocument


def parse_source(source: Source, name: str) -> ParsedDocument:
    """Parse lines already read; raise :class:`DutygraphError` when no task can be found."""
    lines = source.lines
    if not lines:
        raise DutygraphError(f"{name}: the document holds no text")
    info = read_metadata(lines)
    state = read_numbered(lines)
    tasks, warnings, meta = assemble(state)
    if not tasks:
        raise DutygraphError(
            f"{name}: no tasks found — this does not look like a responsibility notice (责任分解/任务分工)"
        )
    all_warnings = sorted(state.warnings + warnings, key=lambda w: (w.line is None, w.line or 0))
    return ParsedDocument(
        source=name,
        document=info,
        tasks=tasks,
        warnings=all_warnings,
        meta={**source.meta, "layouts": state.layouts, **state.meta, **meta, "lines": lines[-1].no},
    )
