"""What a reader of the store sees: the graphs the catalog points at, SPARQL over them, document
summaries, digests, the shared graph and exports. :class:`~dutygraph.store.store.Store` adds opening,
the writer lock and all-or-nothing writes on top of it.

Readers only ever query graphs the catalog points at. Outside the store (export,
:meth:`StoreReader.quads`) a document's graph has its stable name ``…/graph/doc/<id>``; the version
suffix is an internal detail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from dutygraph.errors import InputError, whole_file
from dutygraph.ontology.namespaces import DCT_NS, DG_NS, PREFIXES, SHARED_GRAPH, SKOS_PREF
from dutygraph.store import digests
from dutygraph.store.catalog import (
    CATALOG_GRAPH,
    DOC_GRAPHS,
    QUOTED,
    SERVICE,
    SOURCE_KEY,
    STAGING,
    STORED_IN,
    stable_graph_name,
    term_value,
)
from dutygraph.store.digests import Digest

EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class DocumentSummary:
    """One loaded document as ``dutygraph docs`` lists it."""

    id: str
    title: str | None
    issuer: str | None
    date: str | None
    jurisdiction: str
    tasks: int
    warnings: int
    source: str


class StoreReader:
    """The reading half of a :class:`~dutygraph.store.store.Store`: everything here only reads
    ``oxigraph`` (and the digest files under ``path``)."""

    def __init__(self, path: Path, oxigraph: ox.Store) -> None:
        self.path = path
        self.oxigraph = oxigraph

    def source_keys(self) -> dict[str, str]:
        """Document IRI → the :mod:`.source_keys` key of the file its current version was read
        from (documents stored through ``Store.load`` without a key have none)."""
        return {
            q.subject.value: q.object.value
            for q in self.oxigraph.quads_for_pattern(None, SOURCE_KEY, None, CATALOG_GRAPH)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
        }

    def _catalog(self) -> dict[str, ox.NamedNode]:
        """Document IRI → the version graph that currently holds it."""
        return {
            q.subject.value: q.object
            for q in self.oxigraph.quads_for_pattern(None, STORED_IN, None, CATALOG_GRAPH)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
        }

    def _unreferenced(self) -> list[ox.NamedNode]:
        """Staging and superseded version graphs: invisible garbage of loads and crashes."""
        current = {g.value for g in self._catalog().values()}
        return [
            graph
            for graph in self.oxigraph.named_graphs()
            if isinstance(graph, ox.NamedNode)
            and (
                graph.value.startswith(STAGING)
                or (graph.value.startswith(DOC_GRAPHS) and graph.value not in current)
            )
        ]

    def leftover_graphs(self) -> int:
        """How many graphs a crashed or failed load left (the next writer sweeps them)."""
        return len(self._unreferenced())

    def digest(self, graph: ox.NamedNode) -> Digest:
        """The analysis-relevant part of one document graph (:mod:`.digests`): subject → predicate
        → values. Read from the file written when the version was loaded (a derived, disposable
        copy: the graph stays the truth) — else, when it is missing, unreadable or misshapen, by one
        scan of the graph, ~5 µs a quad on RocksDB.
        """
        stored = digests.read(self.path / digests.FOLDER, graph.value)
        if stored is not None:
            return stored
        quads = self.oxigraph.quads_for_pattern(None, None, None, graph)
        return digests.digest_of((q.subject.value, q.predicate.value, q.object.value) for q in quads)  # type: ignore[union-attr]

    def shared_nodes(self) -> Digest:
        """The shared graph (units, leaders, posts, places), subject → predicate → values: one
        index scan, ~10× faster than the SPARQL joins that read it before."""
        subjects: Digest = {}
        for quad in self.oxigraph.quads_for_pattern(None, None, None, SHARED_GRAPH):
            props = subjects.setdefault(quad.subject.value, {})  # type: ignore[union-attr]
            props.setdefault(quad.predicate.value, []).append(quad.object.value)  # type: ignore[union-attr]
        return subjects

    def query(self, sparql: str, **bindings: ox.NamedNode | ox.Literal) -> Any:
        """Run SPARQL with our prefixes; ``bindings`` substitute variables (never string-spliced).

        ``GRAPH`` ranges over the visible graphs; patterns outside ``GRAPH`` read Oxigraph's union
        of every graph in the store (see :mod:`.sparql` for why, and what that adds). A document
        graph named by its stable name (``…/graph/doc/<id>``, as exports write it) is read as its
        current version: the IRI token is exchanged for the version's, nothing else of the text is
        touched.
        """
        if SERVICE.search(QUOTED.sub(" ", sparql)):
            raise InputError("SPARQL SERVICE is refused: a query reads this store, never another server")
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(name): value for name, value in bindings.items()
        }
        visible = self.visible_graphs()
        versions = {stable_graph_name(g.value): g.value for g in visible}

        def current(token: re.Match[str]) -> str:
            text = token.group(0)
            version = versions.get(text[1:-1]) if text.startswith("<") else None
            return f"<{version}>" if version else text

        try:
            return self.oxigraph.query(
                QUOTED.sub(current, sparql),
                prefixes=PREFIXES,
                substitutions=substitutions or None,
                use_default_graph_as_union=True,
                named_graphs=visible,
            )
        except SyntaxError as error:
            raise InputError(f"SPARQL syntax error: {str(error).splitlines()[0]}") from None

    def select(self, sparql: str, **bindings: ox.NamedNode | ox.Literal) -> Iterator[dict[str, Any]]:
        """SELECT rows as dicts of Python values (str/int/…; missing optionals are None)."""
        solutions = self.query(sparql, **bindings)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            yield {name: term_value(solution[name]) for name in names}

    def document_ids(self) -> list[str]:
        return [
            row["id"] for row in self.select("SELECT ?id WHERE { GRAPH ?g { ?d dg:docId ?id } } ORDER BY ?id")
        ]

    def documents(self) -> list[DocumentSummary]:
        """Every loaded document, by id. O(documents): one subject lookup each, no joins."""
        summaries = []
        for doc_iri, graph in self._catalog().items():
            props: dict[str, list[Any]] = {}
            for quad in self.oxigraph.quads_for_pattern(ox.NamedNode(doc_iri), None, None, graph):
                props.setdefault(quad.predicate.value, []).append(quad.object)

            def first(predicate: str, props: dict[str, list[Any]] = props) -> Any:
                values = props.get(predicate)
                return term_value(values[0]) if values else None

            place = props.get(DG_NS + "jurisdiction", [None])[0]
            labels = self.oxigraph.quads_for_pattern(place, SKOS_PREF, None, SHARED_GRAPH) if place else []
            summaries.append(
                DocumentSummary(
                    id=first(DG_NS + "docId"),
                    title=first(DCT_NS + "title"),
                    issuer=first(DG_NS + "issuerName"),
                    date=first(DCT_NS + "issued"),
                    jurisdiction=next((str(term_value(q.object)) for q in labels), ""),
                    tasks=int(first(DG_NS + "taskCount") or 0),
                    warnings=len(props.get(DG_NS + "warning", [])),
                    source=first(DCT_NS + "source") or "",
                )
            )
        return sorted(summaries, key=lambda d: d.id)

    def document_count(self) -> int:
        return len(self._catalog())

    def __len__(self) -> int:
        """Quads in the visible graphs."""
        return sum(1 for _ in self.quads())

    def visible_graphs(self) -> list[ox.NamedNode | ox.BlankNode]:
        """The graphs readers see: current document versions and the shared graph."""
        return [*sorted(self._catalog().values(), key=lambda g: g.value), SHARED_GRAPH]

    def document_graphs(self) -> list[ox.NamedNode]:
        """The named graph holding each document's current version, in document order."""
        return [graph for _, graph in sorted(self._catalog().items())]

    def export(self, output: IO[bytes] | Path, fmt: str = "trig") -> None:
        """Serialise everything readers see; triple formats (turtle) merge the named graphs."""
        rdf_format = EXPORT_FORMATS.get(fmt)
        if rdf_format is None:
            raise InputError(f"unknown export format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
        quads: Iterable[ox.Quad] | Iterable[ox.Triple] = self.quads()
        if not rdf_format.supports_datasets:
            quads = (ox.Triple(q.subject, q.predicate, q.object) for q in self.quads())
        if not isinstance(output, Path):
            ox.serialize(quads, output, rdf_format, prefixes=PREFIXES)
            return
        with whole_file(output) as partial:
            ox.serialize(quads, str(partial), rdf_format, prefixes=PREFIXES)

    def quads(self) -> Iterator[ox.Quad]:
        """Every visible quad, each document graph under its stable name (no version suffix)."""
        for graph in self.visible_graphs():
            stable = ox.NamedNode(stable_graph_name(graph.value))
            for quad in self.oxigraph.quads_for_pattern(None, None, None, graph):
                yield ox.Quad(quad.subject, quad.predicate, quad.object, stable)


__all__ = ["EXPORT_FORMATS", "DocumentSummary", "StoreReader"]
