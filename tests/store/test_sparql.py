"""`dutygraph sparql`: every query form, refused updates, the union default graph and its warning, graph names that
match the exports, a timeout that stops, and the documented examples on a synthetic corpus."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.ontology.identity import document_graph_iri
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

ROOT = Path(__file__).parents[2]
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"
LISHAN = ROOT / "examples" / "lishan_2023.txt"
SHARED = "https://w3id.org/dutygraph/id/graph/shared"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DG_TASK = "https://w3id.org/dutygraph/ns#Task"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sparql") / "s"
    with Store.open(path, write=True) as writer:
        load_files(writer, [HUZHOU, LISHAN])
    return path


def sparql(store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["sparql", "--store", str(store), *args])
    return result.exit_code, result.output


def test_a_query_without_graph_sees_every_document_and_the_shared_graph(store: Path) -> None:
    code, out = sparql(
        store,
        "SELECT (COUNT(?t) AS ?n) WHERE { ?t a dg:Task ; dg:inDocument ?d . ?d dg:docId '湖政办发-2019-9' }",
        "--format",
        "csv",
    )
    assert (code, out.split()) == (0, ["n", "81"])  # the Huzhou notice's 81 tasks
    code, out = sparql(
        store, 'SELECT ?u WHERE { ?u skos:prefLabel "市审计局"@zh ; a dg:Unit }', "--format", "csv"
    )
    assert (code, out.split()) == (0, ["u", "https://w3id.org/dutygraph/id/unit/湖州市/市审计局"])


def test_the_default_graph_is_the_union_and_a_crashed_loads_leftovers_are_warned_of(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with Store.open(path, write=True) as writer:
        load_files(writer, [LISHAN])
        # A version the catalog does not point at, as an interrupted load leaves it.
        stale = ox.NamedNode("https://w3id.org/dutygraph/id/graph/doc/ghost/v-stale")
        ghost = ox.NamedNode("https://w3id.org/dutygraph/id/task/ghost")
        writer.oxigraph.add(ox.Quad(ghost, ox.NamedNode(RDF_TYPE), ox.NamedNode(DG_TASK), stale))
    with Store.open(path) as reader:  # the stale graph really is on disk
        assert any(True for _ in reader.oxigraph.quads_for_pattern(None, None, None, stale))
    ghost_query = "ASK { <https://w3id.org/dutygraph/id/task/ghost> ?p ?o }"
    result = CliRunner().invoke(main, ["sparql", "--store", str(path), ghost_query])
    assert (result.exit_code, result.stdout) == (0, "true\n")  # the union reads it, and says so
    assert result.stderr.startswith("Warning: 1 graph(s) left by an interrupted load")
    # GRAPH ?g never sees the catalog or a leftover; the union sees the catalog's pointers
    assert sparql(path, "ASK { GRAPH ?g { ?d dg:storedIn ?v } }")[1].endswith("\nfalse\n")
    assert sparql(path, "ASK { GRAPH ?g { <https://w3id.org/dutygraph/id/task/ghost> ?p ?o } }")[1].endswith(
        "\nfalse\n"
    )
    with Store.open(path, write=True):  # the next writer sweeps the leftovers
        pass
    result = CliRunner().invoke(main, ["sparql", "--store", str(path), ghost_query])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "false\n", "")
    assert sparql(path, "ASK { ?d dg:storedIn ?g }") == (0, "true\n")
    assert sparql(path, "ASK { ?t a dg:Task }") == (0, "true\n")


def test_ask_prints_true_or_false_and_exits_0(store: Path) -> None:
    assert sparql(store, "ASK { ?t dg:leadUnit ?u }") == (0, "true\n")
    assert sparql(store, 'ASK { ?u skos:prefLabel "没有这个单位"@zh }') == (0, "false\n")


def test_construct_and_describe_print_triples(store: Path) -> None:
    query = 'CONSTRUCT { ?u skos:altLabel ?name } WHERE { ?u skos:prefLabel ?name ; a dg:Unit . FILTER(?name = "市审计局"@zh) }'
    code, out = sparql(store, query, "--format", "ntriples")
    assert code == 0
    assert out.strip() == (
        "<https://w3id.org/dutygraph/id/unit/湖州市/市审计局> <http://www.w3.org/2004/02/skos/core#altLabel> "
        '"市审计局"@zh .'
    )
    code, out = sparql(store, "DESCRIBE <https://w3id.org/dutygraph/id/unit/湖州市/市审计局>")
    assert code == 0
    triples = {(t.predicate.value, str(t.object)) for t in ox.parse(out.encode(), ox.RdfFormat.TURTLE)}
    assert ("http://www.w3.org/2004/02/skos/core#prefLabel", '"市审计局"@zh') in triples
    code, out = sparql(store, "CONSTRUCT WHERE { ?u a dg:Unit } LIMIT 1", "--format", "csv")
    assert code == 2 and "does not print a CONSTRUCT answer" in out


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }",
        "# a comment first\nDROP ALL",
    ],
)
def test_an_update_is_refused_in_one_line_and_changes_nothing(store: Path, update: str) -> None:
    code, out = sparql(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv")
    code, refused = sparql(store, update)
    assert code == 2
    assert len(refused.strip().splitlines()) == 1 and "is an update and is refused" in refused
    assert sparql(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv") == (
        0,
        out,
    )


def test_graph_names_in_answers_are_the_names_exports_use_and_queries_accept(store: Path) -> None:
    code, out = sparql(
        store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", "--format", "csv"
    )
    assert code == 0
    answered = set(out.split()[1:])
    exported = CliRunner().invoke(main, ["export", "--store", str(store), "--format", "nquads"])
    in_export = {str(q.graph_name.value) for q in ox.parse(exported.stdout_bytes, ox.RdfFormat.N_QUADS)}  # type: ignore[union-attr]
    assert (
        answered
        == in_export
        == {
            SHARED,
            document_graph_iri("湖政办发-2019-9"),
            document_graph_iri("鞍立政发-2023-2"),
        }
    )
    query = f"SELECT (COUNT(?t) AS ?n) WHERE {{ GRAPH <{document_graph_iri('湖政办发-2019-9')}> {{ ?t a dg:Task }} }}"
    assert sparql(store, query, "--format", "csv")[1].split() == ["n", "81"]


def test_a_runaway_query_is_stopped_at_its_timeout(store: Path) -> None:
    start = time.monotonic()
    code, out = sparql(
        store, "--timeout", "1", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    )
    assert time.monotonic() - start < 30
    assert code == 2 and "stopped after 1 s" in out


def _documented_queries() -> list[list[str]]:
    """Every `dutygraph sparql` line of the README and docs/ bash blocks, as arguments."""
    commands = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in re.findall(r"```bash\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL):
            for line in block.splitlines():
                if line.startswith("dutygraph sparql "):
                    commands.append(shlex.split(line)[2:])
    return commands


def test_the_documented_queries_finish_in_seconds_on_a_synthetic_corpus(tmp_path: Path) -> None:
    queries = _documented_queries()
    assert len(queries) >= 4
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "synth.py"), "--out", str(corpus), "-n", "40", "--seed", "5"],
        check=True,
        capture_output=True,
    )
    store = tmp_path / "store"
    with Store.open(store, write=True) as writer:
        load_files(writer, sorted(corpus.glob("*.txt")))
    for arguments in queries:
        code, out = sparql(store, "--timeout", "60", *arguments)
        assert code == 0, (arguments, out)
        assert out.strip(), arguments
