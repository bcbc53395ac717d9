"""The sync's two readers — the RDF index scans and the per-version JSON digest — give the same rows
(no server needed)."""

from __future__ import annotations

import json
from pathlib import Path

from neo4j_support import EXAMPLES, build_store
from pyoxigraph import NamedNode

from dutygraph.neo4j import from_store, model
from dutygraph.store.digests import FOLDER as DIGESTS
from dutygraph.store.store import Store


def rows_by_both(path: Path) -> list[tuple[model.DocumentRows | None, model.DocumentRows | None]]:
    with Store.open(path) as store:
        labels = from_store.pref_labels(store)
        return [
            (
                from_store.read_document(store, graph, labels),
                from_store.read_document_digest(store, graph, labels),
            )
            for graph in from_store.document_graphs(store)
        ]


def test_digest_reader_equals_the_rdf_reader(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", sorted(EXAMPLES.glob("*.txt")))
    pairs = rows_by_both(store)
    assert len(pairs) == 4
    for from_rdf, from_digest in pairs:
        assert from_rdf is not None and from_rdf.tasks
        assert from_digest == from_rdf
    # the example documents exercise every kind of property and relationship
    props = {key for rdf, _ in pairs if rdf for t in rdf.tasks for key in t.props}
    assert {"number", "section", "deadline", "dueDate", "sourceLine"} <= props
    kinds = {a.type for rdf, _ in pairs if rdf for t in rdf.tasks for a in t.assignments}
    assert kinds == set(model.TASK_RELATIONSHIPS)
    assert {"title", "issued", "year", "taskCount", "jurisdiction"} <= {
        key for rdf, _ in pairs if rdf for key in rdf.props
    }


def test_digest_without_document_properties_falls_back_to_the_rdf(tmp_path: Path) -> None:
    """A digest written by an older dutygraph (before it kept dct:title, dg:inDocument, …) is not
    trusted: the document is read from the RDF instead."""
    store = build_store(tmp_path / "store", [EXAMPLES / "huzhou-2019-key-tasks.txt"])
    files = list((store / DIGESTS).glob("*.json"))
    assert len(files) == 1
    old = {model.DG_NS + name for name in ("docNumber", "issuerName", "taskCount", "inDocument", "dueBy")} | {
        "http://purl.org/dc/terms/" + name for name in ("title", "issued", "source")
    }
    digest = json.loads(files[0].read_text(encoding="utf-8"))
    stripped = {s: {p: v for p, v in props.items() if p not in old} for s, props in digest.items()}
    files[0].write_text(json.dumps(stripped, ensure_ascii=False), encoding="utf-8")
    [(from_rdf, from_digest)] = rows_by_both(store)
    assert from_rdf is not None and len(from_rdf.tasks) == 81
    assert from_digest == from_rdf
    with Store.open(store) as opened:
        assert opened.digest(NamedNode(from_rdf.graph)) == stripped  # really read the stripped file
