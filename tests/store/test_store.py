"""The embedded store: idempotent loads, removal, validation, export round trips, safety."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from killed import KILLED_IN_COMMIT, kill_when
from rdflib.compare import isomorphic

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.store.catalog import CATALOG_GRAPH
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store
from dutygraph.store.validate import validate_store

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"
LISHAN = EXAMPLES / "lishan_2023.txt"


def loaded(path: Path, *files: Path) -> Store:
    store = Store.open(path, write=True)
    load_files(store, list(files))
    return store


def snapshot_quads(store: Store) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store.quads()}


def test_huzhou_loads_and_validates(tmp_path: Path) -> None:
    with loaded(tmp_path / "s", HUZHOU) as store:
        [doc] = store.documents()
        assert doc.id == "湖政办发-2019-9"
        assert doc.tasks == 81
        assert doc.jurisdiction == "湖州市"
        assert doc.issuer == "湖州市人民政府办公室"
        assert doc.date == "2019-02-27"
        errors = [v for v in validate_store(store) if v.severity == "Violation"]
        assert errors == []


def test_sub_offices_are_one_unit_with_sub_offices(tmp_path: Path) -> None:
    with loaded(tmp_path / "s", HUZHOU) as store:
        rows = list(
            store.select(
                """SELECT ?office WHERE { GRAPH ?g { ?o org:subOrganizationOf ?p ; skos:prefLabel ?office .
                   ?p skos:prefLabel "市发展改革委"@zh } } ORDER BY ?office"""
            )
        )
    assert [r["office"] for r in rows] == ["市发展改革委(服务业办)", "市发展改革委(铁办)"]


def test_reloading_is_idempotent(tmp_path: Path) -> None:
    with loaded(tmp_path / "s", HUZHOU) as store:
        first = snapshot_quads(store)
        [result] = load_files(store, [HUZHOU])
        assert result.unchanged and not result.replaced
        assert snapshot_quads(store) == first


def test_iris_are_the_same_in_two_stores(tmp_path: Path) -> None:
    with loaded(tmp_path / "a", HUZHOU) as a, loaded(tmp_path / "b", HUZHOU) as b:
        assert snapshot_quads(a) == snapshot_quads(b)


def test_remove_takes_only_what_the_document_alone_referenced(tmp_path: Path) -> None:
    with loaded(tmp_path / "only-lishan", LISHAN) as store:
        lishan_alone = snapshot_quads(store)
    with loaded(tmp_path / "s", HUZHOU, LISHAN) as store:
        assert store.remove("湖政办发-2019-9")
        assert snapshot_quads(store) == lishan_alone
        assert not store.remove("湖政办发-2019-9")
        [doc] = store.documents()
        assert store.remove(doc.id)
        assert len(store) == 0


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_export_round_trip_is_isomorphic(tmp_path: Path, fmt: str) -> None:
    with loaded(tmp_path / "s", HUZHOU) as store:
        buffer = io.BytesIO()
        store.export(buffer, fmt)
        expected = rdflib.Graph()
        for q in store.quads():
            expected.add(tuple(_rdflib_term(t) for t in (q.subject, q.predicate, q.object)))  # type: ignore[arg-type]
    reread = rdflib.Dataset()
    reread.parse(
        data=buffer.getvalue(),
        format={"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt],
    )
    merged = rdflib.Graph()
    for s, p, o, _ in reread.quads((None, None, None, None)):
        merged.add((s, p, o))
    assert len(merged) == len(expected)
    assert isomorphic(merged, expected)


def _rdflib_term(term: object) -> rdflib.term.Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value.endswith("#string"):  # RDF 1.1 simple literal; rdflib keeps it untyped
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise AssertionError(term)


def test_bad_file_among_good_ones_changes_nothing(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    with loaded(store_path, LISHAN) as store:
        before = snapshot_quads(store)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(HUZHOU), str(empty), "--store", str(store_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    with Store.open(store_path) as store:
        assert snapshot_quads(store) == before


def test_second_writer_fails_clearly(tmp_path: Path) -> None:
    with loaded(tmp_path / "s", LISHAN):
        with pytest.raises(DutygraphError, match="busy"):
            Store.open(tmp_path / "s", write=True, wait=0.2)
        # readers are never blocked by a writer
        with Store.open(tmp_path / "s") as reader:
            assert len(reader.documents()) == 1


def test_other_format_version_is_refused(tmp_path: Path) -> None:
    with loaded(tmp_path / "s", LISHAN):
        pass
    (tmp_path / "s" / "dutygraph-store.json").write_text(json.dumps({"format": 99}), encoding="utf-8")
    for write in (False, True):
        with pytest.raises(DutygraphError, match="format 99"):
            Store.open(tmp_path / "s", write=write)


def test_missing_store_and_foreign_directory(tmp_path: Path) -> None:
    with pytest.raises(DutygraphError, match="no dutygraph store"):
        Store.open(tmp_path / "nothing")
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "thesis.tex").write_text("x", encoding="utf-8")
    with pytest.raises(DutygraphError, match="not a dutygraph store"):
        Store.open(tmp_path / "foreign", write=True)


def test_killed_load_leaves_the_store_as_before(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    with loaded(store_path, LISHAN) as store:
        before = snapshot_quads(store)
    kill_when(KILLED_IN_COMMIT, "committing", str(store_path), "load", str(HUZHOU))
    with Store.open(store_path) as reader:  # a reader ignores the staging leftovers
        assert snapshot_quads(reader) == before
        assert [d.id for d in reader.documents()] == ["鞍立政发-2023-2"]
    with Store.open(store_path, write=True) as store:  # the next writer cleans them up
        assert snapshot_quads(store) == before
        raw = {g.value for g in store.oxigraph.named_graphs()}
        assert raw == {g.value for g in store.visible_graphs()} | {CATALOG_GRAPH.value}  # no leftovers
        load_files(store, [HUZHOU])
        assert len(store.documents()) == 2


def test_killed_cli_load_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    """Kill real `dutygraph load` processes at several moments: each leaves before or after."""
    store_path = tmp_path / "s"
    with loaded(store_path, LISHAN) as store:
        before = snapshot_quads(store)
    copies = []
    text = HUZHOU.read_text(encoding="utf-8")
    for i in range(40):
        copy = tmp_path / f"copy{i}.txt"
        copy.write_text(text.replace("湖政办发〔2019〕9号", f"湖政办发〔2019〕{100 + i}号"), encoding="utf-8")
        copies.append(str(copy))
    command = [sys.executable, "-m", "dutygraph", "load", "--store", str(store_path), *copies]
    outcomes = set()
    for delay in (0.3, 0.8, 1.5, 2.5, 4.0):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        with Store.open(store_path) as reader:
            count = len(reader.documents())
            assert count in (1, 41), f"half-written store: {count} documents after kill at {delay}s"
            outcomes.add(count)
            if count == 1:
                assert snapshot_quads(reader) == before
        if count == 41:
            with Store.open(store_path, write=True) as store:
                for doc in store.documents():
                    if doc.id != "鞍立政发-2023-2":
                        store.remove(doc.id)
    with Store.open(store_path, write=True) as store:
        assert snapshot_quads(store) == before


def test_digests_are_disposable_copies_of_the_graph(tmp_path: Path) -> None:
    """The analysis reads a per-version digest when present, the graph itself otherwise: same result."""
    import shutil

    from dutygraph.jobs import analysis_of

    store_path = tmp_path / "s"
    with loaded(store_path, HUZHOU) as store:
        load_files(store, [HUZHOU])  # a replaced version's digest is swept with its graph
        assert len(list((store_path / "digests").glob("*.json"))) == 1
        with_digest = json.dumps(analysis_of(store).to_json(), ensure_ascii=False)
    shutil.rmtree(store_path / "digests")
    with Store.open(store_path) as store:
        without = json.dumps(analysis_of(store).to_json(), ensure_ascii=False)
    assert with_digest == without


def test_batched_load_failing_late_commits_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches are written invisibly as they come; a failure in a later one leaves the store as it was."""
    from dutygraph.store import ingest

    store_path = tmp_path / "s"
    real_map = ingest.map_document
    calls = []

    def failing_on_the_third(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise DutygraphError("mapping failed")
        return real_map(*args, **kwargs)  # type: ignore[arg-type]

    with loaded(store_path, LISHAN) as store:
        before = snapshot_quads(store)
        monkeypatch.setattr(ingest, "map_document", failing_on_the_third)
        files = [HUZHOU, EXAMPLES / "dazhu_2016.txt", EXAMPLES / "guangdong_2021.txt"]
        with pytest.raises(DutygraphError, match="mapping failed"):
            load_files(store, files, batch=1)  # two batches written, the third fails
        assert snapshot_quads(store) == before
        monkeypatch.setattr(ingest, "map_document", real_map)
        results = load_files(store, files, batch=1)
        assert [r.doc_id for r in results] == ["湖政办发-2019-9", "竹府办-2016-20", "粤府-2021-22"]
        assert len(store.documents()) == 4
    with Store.open(store_path, write=True) as store:  # the failed load's leftovers are swept
        raw = {g.value for g in store.oxigraph.named_graphs()}
        assert raw == {g.value for g in store.visible_graphs()} | {CATALOG_GRAPH.value}


def test_bad_file_in_a_later_batch_commits_nothing(tmp_path: Path) -> None:
    """Files are parsed batch by batch while earlier batches are written: a bad file found after
    two batches went to the backend still leaves the store as it was, and nothing of them stays."""
    store_path = tmp_path / "s"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    twin = tmp_path / "copy-of-huzhou.txt"
    twin.write_bytes(HUZHOU.read_bytes())
    with loaded(store_path, LISHAN) as store:
        before = snapshot_quads(store)
        with pytest.raises(DutygraphError, match=r"empty\.txt"):
            load_files(store, [HUZHOU, EXAMPLES / "dazhu_2016.txt", empty], batch=1)
        assert snapshot_quads(store) == before
        # The same document under two names is found across batches too.
        with pytest.raises(DutygraphError, match="are the same document"):
            load_files(store, [HUZHOU, EXAMPLES / "dazhu_2016.txt", twin], batch=1)
        assert snapshot_quads(store) == before
    with Store.open(store_path, write=True) as store:  # the next writer sweeps the invisible leftovers
        raw = {g.value for g in store.oxigraph.named_graphs()}
        assert raw == {g.value for g in store.visible_graphs()} | {CATALOG_GRAPH.value}
        assert snapshot_quads(store) == before


def test_two_load_processes_at_once_both_land(tmp_path: Path) -> None:
    """Two `dutygraph load` processes on one store: the second waits for the first, nothing is lost."""
    store_path = tmp_path / "s"
    commands = [
        [sys.executable, "-m", "dutygraph", "load", "--store", str(store_path), str(path)]
        for path in (HUZHOU, EXAMPLES / "dazhu_2016.txt")
    ]
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands
    ]
    outcomes = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outcomes
    with Store.open(store_path) as store:
        assert [d.id for d in store.documents()] == ["湖政办发-2019-9", "竹府办-2016-20"]
        assert [v for v in validate_store(store) if v.severity == "Violation"] == []


def test_a_load_the_backend_rejects_commits_nothing(tmp_path: Path) -> None:
    """Bad RDF stops the streamed bulk load with the backend's error; nothing becomes visible."""
    from dutygraph.ontology.mapping import MappedDocument

    good = "https://w3id.org/dutygraph/id/doc/x"
    bad = MappedDocument(
        doc_id="x",
        jurisdiction="湖州市",
        graph="https://w3id.org/dutygraph/id/graph/doc/x",
        triples=[(good, good, f"<{good}>")] * 10 + [("not an IRI", good, f"<{good}>")],
    )
    with loaded(tmp_path / "s", LISHAN) as store:
        before = snapshot_quads(store)
        # later batches bigger than a pipe's buffer: the writer finds the load gone
        big = [(good, good, f'"{i:01000d}"') for i in range(2000)]
        later = [[replace(bad, doc_id=f"x{i}", triples=big)] for i in range(3)]
        with pytest.raises(SyntaxError):
            store.load_batches([[bad], *later])
        assert snapshot_quads(store) == before


def test_a_load_of_docx_files_sweeps_what_their_object_model_leaves(tmp_path: Path) -> None:
    """The collector is paused during a load; python-docx's objects hold cycles (~5 MB a file),
    so the load sweeps after each batch that read one instead of keeping them all to the end."""
    import gc

    import docx

    paths = []
    for name in ("lishan_2023.txt", "dazhu_2016.txt", "guangdong_2021.txt", "huzhou-2019-key-tasks.txt"):
        document = docx.Document()
        for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
            document.add_paragraph(line)
        path = tmp_path / name.replace(".txt", ".docx")
        document.save(str(path))
        paths.append(path)
    gc.collect()

    def docx_objects() -> int:
        return sum(str(type(o).__module__).startswith("docx.") for o in gc.get_objects())

    base = docx_objects()
    pending: list[int] = []  # python-docx objects alive (or awaiting collection) as each file is read
    with Store.open(tmp_path / "s", write=True) as store:
        results = load_files(
            store, paths, batch=1, progress=lambda m: m.startswith("read ") and pending.append(docx_objects())
        )
    assert len(results) == 4 and gc.isenabled()
    assert pending[0] > base  # reading a .docx leaves objects only the cycle collector frees
    assert pending == [pending[0]] * 4  # one file's worth at a time, not 2, 3, 4: each batch was swept


def test_reloading_with_another_alias_file_redescribes_the_shared_units(tmp_path: Path) -> None:
    """A reload writes only what changed in the shared graph; the result is what a fresh store
    loaded the same way holds, whichever way the alias file changed."""
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "alias,canonical,kind\n市城投,市城市集团,\n市城市集团,市城市集团,vertical-agency\n", encoding="utf-8"
    )
    files = [HUZHOU, LISHAN]

    def fresh(name: str, alias_file: Path | None) -> set[tuple[str, str, str, str]]:
        with Store.open(tmp_path / name, write=True) as store:
            load_files(store, files, aliases=alias_file)
            return snapshot_quads(store)

    plain, with_aliases = fresh("plain", None), fresh("aliased", aliases)
    unit = "<https://w3id.org/dutygraph/id/unit/湖州市/市城市集团>"
    assert {(p, o) for s, p, o, _ in with_aliases - plain if s == unit} == {
        ("<http://www.w3.org/2004/02/skos/core#altLabel>", '"市城投"@zh'),
        ("<https://w3id.org/dutygraph/ns#kind>", "<https://w3id.org/dutygraph/ns#VerticalAgency>"),
    }
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, files)
        load_files(store, files, aliases=aliases)
        assert snapshot_quads(store) == with_aliases
        load_files(store, files)
        assert snapshot_quads(store) == plain
        load_files(store, files)  # unchanged: nothing to write in the shared graph
        assert snapshot_quads(store) == plain
