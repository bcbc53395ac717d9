"""The shapes as SPARQL find what a SHACL engine finds: each breakage below is written by hand,
its results are written by hand, and pyshacl (a SHACL engine of its own) must agree on the whole
broken store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from pyshacl import validate as shacl_validate

from dutygraph.cli import main
from dutygraph.ontology.namespaces import DG_NS, PROV_NS, RDF_TYPE, SHARED_GRAPH
from dutygraph.ontology.shapes import UnsupportedShape, packaged_graph, shape_checks
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store
from dutygraph.store.validate import validate_store

HUZHOU = Path(__file__).parents[2] / "examples" / "huzhou-2019-key-tasks.txt"
DOC = "https://w3id.org/dutygraph/id/doc/湖政办发-2019-9"
UNIT = "https://w3id.org/dutygraph/id/unit/湖州市/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _task(n: int) -> ox.NamedNode:
    return ox.NamedNode(f"{DOC}/task/A1-{n}")


def _dg(name: str) -> ox.NamedNode:
    return ox.NamedNode(DG_NS + name)


def _integer(text: str) -> ox.Literal:
    return ox.Literal(text, datatype=ox.NamedNode(XSD + "integer"))


def _replace(
    store: Store,
    subject: ox.NamedNode,
    predicate: ox.NamedNode,
    value: ox.Literal | ox.NamedNode | None,
    graph: ox.NamedNode,
) -> None:
    for quad in list(store.oxigraph.quads_for_pattern(subject, predicate, None, graph)):
        store.oxigraph.remove(quad)
    if value is not None:
        store.oxigraph.add(ox.Quad(subject, predicate, value, graph))


SOURCE_LINE, TEXT, TASK_ID, LEAD = DG_NS + "sourceLine", DG_NS + "text", DG_NS + "taskId", DG_NS + "leadUnit"
CO, KIND, ROLE = DG_NS + "coUnit", DG_NS + "kind", PROV_NS + "hadRole"

#: (severity, focus, path) of every result the breakages in ``broken_store`` cause, by hand.
EXPECTED = {
    ("Violation", f"{DOC}/task/A1-1", TEXT),  # text removed: minCount
    ("Violation", f"{DOC}/task/A1-2", TASK_ID),  # a second task id: maxCount
    ("Violation", f"{DOC}/task/A1-3", SOURCE_LINE),  # line 0: minInclusive
    ("Violation", f"{DOC}/task/A1-4", SOURCE_LINE),  # "abc"^^xsd:integer: datatype
    ("Violation", f"{DOC}/task/A1-5", SOURCE_LINE),  # "5" (a string): datatype
    ("Violation", f"{DOC}/task/A1-6", LEAD),  # lead unit never typed: class
    ("Violation", f"{DOC}/task/A1-7", CO),  # a co-unit that is a leader: class
    ("Violation", f"{DOC}/task/A1-8/co/2", ROLE),  # role outside the four: in
    ("Warning", f"{DOC}/task/A1-9", LEAD),  # every lead unit removed: minCount (a warning)
    ("Violation", f"{DOC}/task/A1-10", None),  # a co-unit ranked level with the lead: RankShape
    ("Violation", f"{DOC}/task/A1-11", None),  # a supervisor the task never names: SupervisorShape
    ("Violation", UNIT + "市审计局", KIND),  # kind removed: minCount
    ("Violation", UNIT + "市统计局", KIND),  # kind that is no unit kind: class
}


@pytest.fixture(scope="module")
def broken_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("broken") / "s"
    with Store.open(path, write=True) as store:
        load_files(store, [HUZHOU])
        [graph] = store.document_graphs()
        _replace(store, _task(1), ox.NamedNode(TEXT), None, graph)
        store.oxigraph.add(ox.Quad(_task(2), ox.NamedNode(TASK_ID), ox.Literal("A1-2b"), graph))
        _replace(store, _task(3), ox.NamedNode(SOURCE_LINE), _integer("0"), graph)
        _replace(store, _task(4), ox.NamedNode(SOURCE_LINE), _integer("abc"), graph)
        _replace(store, _task(5), ox.NamedNode(SOURCE_LINE), ox.Literal("5"), graph)
        _replace(store, _task(6), ox.NamedNode(LEAD), ox.NamedNode(UNIT + "无此单位"), graph)
        leader = ox.NamedNode("https://w3id.org/dutygraph/id/leader/湖州市/钱三雄")
        store.oxigraph.add(ox.Quad(_task(7), ox.NamedNode(CO), leader, graph))
        role = ox.NamedNode(f"{DOC}/task/A1-8/co/2")
        _replace(store, role, ox.NamedNode(ROLE), _dg("Other"), graph)
        _replace(store, _task(9), ox.NamedNode(LEAD), None, graph)
        _replace(store, ox.NamedNode(f"{DOC}/task/A1-10/co/2"), _dg("rank"), _integer("1"), graph)
        # 钱三雄 supervises section 一 (tasks 1–10); task 11 is 杨六顺's and never names him
        store.oxigraph.add(ox.Quad(_task(11), _dg("supervisedBy"), leader, graph))
        _replace(store, ox.NamedNode(UNIT + "市审计局"), _dg("kind"), None, SHARED_GRAPH)
        _replace(store, ox.NamedNode(UNIT + "市统计局"), _dg("kind"), _dg("NoSuchKind"), SHARED_GRAPH)
    return Store.open(path)


def test_each_breakage_is_found_and_nothing_else(broken_store: Store) -> None:
    found = {(v.severity, v.focus, v.path) for v in validate_store(broken_store)}
    assert found == EXPECTED


def test_results_name_document_and_task(broken_store: Store) -> None:
    by_focus = {(v.focus, v.path): v for v in validate_store(broken_store)}
    role = by_focus[(f"{DOC}/task/A1-8/co/2", ROLE)]
    assert (role.document, role.task) == ("湖政办发-2019-9", "A1-8")
    kind = by_focus[(UNIT + "市审计局", KIND)]
    assert (kind.document, kind.task) == (None, None)
    assert by_focus[(f"{DOC}/task/A1-1", TEXT)].message == "every task keeps its text"
    assert by_focus[(f"{DOC}/task/A1-6", LEAD)].value == f"<{UNIT}无此单位>"
    assert by_focus[(f"{DOC}/task/A1-4", SOURCE_LINE)].value == f'"abc"^^<{XSD}integer>'
    assert by_focus[(f"{DOC}/task/A1-1", TEXT)].value is None  # a missing value has none to show


def test_the_cli_names_document_task_and_value(broken_store: Store) -> None:
    result = CliRunner().invoke(main, ["validate", "--store", str(broken_store.path)])
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "无此单位" in x)
    assert line.startswith("Violation: 湖政办发-2019-9 task A1-6: ")
    assert line.endswith(f"/task/A1-6 dg:leadUnit — a value that is not a dg:Unit (value <{UNIT}无此单位>)")
    # the 12 errors above, and A1-4's and A1-5's source lines also fail sh:minInclusive (no number to compare)
    assert result.output.splitlines()[-1] == "14 error(s), 1 warning(s)"


def test_pyshacl_finds_the_same_results(broken_store: Store) -> None:
    assert _pyshacl_results(broken_store) == EXPECTED


def test_a_shape_outside_the_translated_part_is_refused_by_name() -> None:
    shapes = rdflib.Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dg: <https://w3id.org/dutygraph/ns#> .
        dg:S a sh:NodeShape ; sh:targetClass dg:Task ; sh:property [ sh:path dg:text ; sh:pattern "^x" ] .""",
        format="turtle",
    )
    with pytest.raises(UnsupportedShape, match="sh:pattern"):
        shape_checks(shapes, rdflib.Graph())


def _pyshacl_results(store: Store) -> set[tuple[str, str, str | None]]:
    """pyshacl on each graph as ``validate`` scopes it: the shared graph alone, then each document
    graph with the types of the shared nodes it points at; the vocabulary with both."""
    shapes, vocabulary = packaged_graph("shapes.ttl"), packaged_graph("dutygraph.ttl")
    shared = list(store.oxigraph.quads_for_pattern(None, None, None, SHARED_GRAPH))
    typed = {q.subject for q in shared if q.predicate == RDF_TYPE}
    results = _pyshacl(shared, vocabulary, shapes)
    for graph in store.document_graphs():
        own = list(store.oxigraph.quads_for_pattern(None, None, None, graph))
        referenced = {q.object for q in own}
        context = [q for q in shared if q.predicate == RDF_TYPE and q.subject in referenced]
        subjects = {q.subject.value for q in own if q.subject not in typed}
        results |= {r for r in _pyshacl(own + context, vocabulary, shapes) if r[1] in subjects}
    return results


def _pyshacl(
    quads: list[ox.Quad], vocabulary: rdflib.Graph, shapes: rdflib.Graph
) -> set[tuple[str, str, str | None]]:
    data = rdflib.Graph()
    data += vocabulary
    data.parse(data="".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads), format="nt")
    _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    return {
        (
            str(report.value(r, sh.resultSeverity)).rsplit("#", 1)[-1],
            str(report.value(r, sh.focusNode)),
            str(p) if (p := report.value(r, sh.resultPath)) is not None else None,
        )
        for r in report.subjects(rdflib.RDF.type, sh.ValidationResult)
    }
