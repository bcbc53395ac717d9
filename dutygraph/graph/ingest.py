"""Loading documents into the store: parse → map → one all-or-nothing commit.

Every file is parsed before the store is touched, so a bad file among many fails the whole
command with its one-line error and leaves the store exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from dutygraph.errors import DutygraphError
from dutygraph.graph.store import LoadResult, Store
from dutygraph.loaders import parse_file
from dutygraph.ontology.mapping import MappedDocument, document_id_of, map_document
from dutygraph.ontology.registry import UnitRegistry, default_registry

Progress = Callable[[str], None]


def registry_for(aliases: Path | None) -> UnitRegistry:
    """The shipped registry, extended by the user's alias file when one is given."""
    return default_registry().with_file(aliases) if aliases else default_registry()


BATCH = 100


def load_files(
    store: Store,
    paths: Sequence[Path],
    *,
    jurisdiction: str | None = None,
    aliases: Path | None = None,
    progress: Progress | None = None,
    batch: int = BATCH,
) -> list[LoadResult]:
    """Parse, map and store ``paths`` in one commit; reloading a document replaces it.

    Every file is parsed first, so a bad one fails the command before anything is written; the
    RDF is then made and written ``batch`` documents at a time, keeping memory bounded.
    """
    registry = registry_for(aliases)
    parsed = []
    seen: dict[str, Path] = {}
    for path in paths:
        document = parse_file(path)
        doc_id = document_id_of(document)
        if doc_id in seen:
            raise DutygraphError(f"{path} and {seen[doc_id]} are the same document ({doc_id})")
        seen[doc_id] = path
        parsed.append(document)
        if progress:
            progress(f"read {path}")

    def batches() -> Iterator[list[MappedDocument]]:
        for start in range(0, len(parsed), batch):
            yield [
                map_document(p, jurisdiction=jurisdiction, registry=registry)
                for p in parsed[start : start + batch]
            ]

    return store.load_batches(batches())
