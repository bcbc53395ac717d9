"""Loading documents into the store: parse → map → one all-or-nothing commit.

Files are parsed, mapped and written a batch at a time, so the backend writes one batch while
Python reads the next, and memory holds one batch rather than the whole command's documents.
Nothing is visible until the store's single commit at the end: a bad file anywhere among many
fails the command with its one-line error and leaves the store as it was (what was written of
the earlier batches stays invisible and is swept at the next write).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from dutygraph.errors import InputError
from dutygraph.gcpause import gc_paused
from dutygraph.loaders import parse_file
from dutygraph.loaders.read import DEFAULT_MAX_BYTES, OBJECT_MODEL_FORMATS
from dutygraph.ontology.identity import document_iri
from dutygraph.ontology.mapping import MappedDocument, document_id_of, map_document
from dutygraph.ontology.registry import UnitRegistry, default_registry
from dutygraph.store.files import SourceRecord, recorded_sources
from dutygraph.store.source_keys import source_key
from dutygraph.store.store import LoadResult, Store

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
    refused: list[InputError] | None = None,
) -> list[LoadResult]:
    """Parse, map and store ``paths`` in one commit; reloading a changed document replaces it, an
    unchanged one is skipped. Where each document came from is recorded in the store
    (:meth:`Store.record_sources`) for a rebuild.

    A file is unchanged when the store recorded it at this path and the catalog holds its
    :mod:`.source_keys` key (bytes, options, code): it is neither parsed nor written, so
    reloading a corpus costs reading and hashing its files.

    ``batch`` documents are parsed and mapped at a time while the store writes the previous
    batch. The cyclic garbage collector is paused meanwhile: parse records and triples hold no
    cycles, and with it on, its passes over each batch's millions of tuples cost more than the
    mapping. Reading .docx, .xlsx or PDF does leave cycles (their libraries' object models, ~5 MB
    a .docx), so a batch that read one is swept before the next (a sweep is ~0.15 s a batch, so
    plain-text batches skip it).

    ``refused``: where a list is given, a file the parser refuses (not a notice, unreadable, a
    format with no converter) is left out and its error appended, so one README in a folder of
    sixty notices does not keep the other fifty-nine out; without it the first refusal stops
    the load and nothing is stored. Two files that are one document stop it either way.
    """
    say = progress or (lambda message: None)
    registry = registry_for(aliases)
    alias_bytes = aliases.read_bytes() if aliases else None
    seen: dict[str, Path] = {}
    recorded = recorded_sources(store.path)
    sources: dict[str, SourceRecord] = {}
    keys: dict[str, str] = {}
    alias_file = str(aliases.absolute()) if aliases else None
    stored_at = {record.path: doc_id for doc_id, record in recorded.items()}
    stored_keys = store.source_keys()
    unchanged: list[LoadResult] = []

    def claim(doc_id: str, path: Path) -> None:
        if doc_id in seen:
            raise InputError(f"{path} and {seen[doc_id]} are the same document ({doc_id})")
        seen[doc_id] = path

    def batches() -> Iterator[list[MappedDocument]]:
        for start in range(0, len(paths), batch):
            mapped = []
            cycles_left = False
            for path in paths[start : start + batch]:
                content = _content_of(path)
                key = source_key(content or b"", jurisdiction=jurisdiction, aliases=alias_bytes)
                known = stored_at.get(os.fsdecode(path.absolute()))
                if content is not None and known is not None and stored_keys.get(document_iri(known)) == key:
                    claim(known, path)
                    unchanged.append(LoadResult(known, 0, replaced=False, unchanged=True))
                    say(f"read {path}")
                    continue
                try:
                    document = parse_file(path)
                except InputError as error:
                    if refused is None:
                        raise
                    refused.append(error)
                    say(f"read {path}")
                    continue
                say(f"read {path}")  # parsed: the step a bar of files counts
                doc_id = document_id_of(document)
                claim(doc_id, path)
                cycles_left = cycles_left or document.meta.get("format") in OBJECT_MODEL_FORMATS
                mapped.append(
                    map_document(document, jurisdiction=jurisdiction, registry=registry, doc_id=doc_id)
                )
                sources[doc_id] = SourceRecord(
                    os.fsdecode(path.absolute()), mapped[-1].jurisdiction, alias_file
                )
                keys[doc_id] = key
            yield mapped
            if cycles_left:
                gc.collect(0)  # the collector is paused: everything since the last sweep is young

    with gc_paused():
        results = store.load_batches(batches(), keys=keys, progress=progress)
    if sources:
        store.record_sources(sources)  # after the commit: what `dutygraph store rebuild` loads again
    position = {path: index for index, path in reversed(list(enumerate(paths)))}
    return sorted([*results, *unchanged], key=lambda r: position[seen[r.doc_id]])


def _content_of(path: Path) -> bytes | None:
    """The file's bytes, or None when it cannot be read (the parser then says why, in its words)."""
    try:
        if not path.is_file() or path.stat().st_size > DEFAULT_MAX_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None
