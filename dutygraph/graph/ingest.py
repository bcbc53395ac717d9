"""Loading documents into the store: parse → map → one all-or-nothing store transaction.

Every file is parsed and mapped *before* the store is touched, so a bad file among many fails
the whole command with its one-line error and leaves the store exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dutygraph.errors import DutygraphError
from dutygraph.graph.store import LoadResult, Store
from dutygraph.loaders import parse_file
from dutygraph.ontology.mapping import MappedDocument, map_document
from dutygraph.ontology.registry import UnitRegistry, default_registry

Progress = Callable[[str], None]


def registry_for(aliases: Path | None) -> UnitRegistry:
    """The shipped registry, extended by the user's alias file when one is given."""
    return default_registry().with_file(aliases) if aliases else default_registry()


def mapped_files(
    paths: Sequence[Path],
    *,
    jurisdiction: str | None = None,
    registry: UnitRegistry | None = None,
    progress: Progress | None = None,
) -> list[MappedDocument]:
    """Parse and map every file (no store involved); raises on the first unreadable one."""
    registry = registry or default_registry()
    mapped: list[MappedDocument] = []
    seen: dict[str, Path] = {}
    for path in paths:
        parsed = parse_file(path)
        doc = map_document(parsed, jurisdiction=jurisdiction, registry=registry)
        if doc.doc_id in seen:
            raise DutygraphError(f"{path} and {seen[doc.doc_id]} are the same document ({doc.doc_id})")
        seen[doc.doc_id] = path
        mapped.append(doc)
        if progress:
            progress(str(path))
    return mapped


def load_files(
    store: Store,
    paths: Sequence[Path],
    *,
    jurisdiction: str | None = None,
    aliases: Path | None = None,
    progress: Progress | None = None,
) -> list[LoadResult]:
    """Parse, map and store ``paths`` in one transaction; reloading a document replaces it."""
    documents = mapped_files(
        paths, jurisdiction=jurisdiction, registry=registry_for(aliases), progress=progress
    )
    return store.load(documents)
