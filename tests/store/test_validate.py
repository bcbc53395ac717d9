"""SHACL validation catches what a broken graph would look like, and the CLI reports it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.ontology.namespaces import DG_NS, SKOS_PREF
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store
from dutygraph.store.validate import validate_store

HUZHOU = Path(__file__).parents[2] / "examples" / "huzhou-2019-key-tasks.txt"
TASK_1 = "https://w3id.org/dutygraph/id/doc/湖政办发-2019-9/task/A1-1"
TASK_11 = TASK_1.replace("A1-1", "A1-11")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _graph_of_task(store: Store) -> ox.NamedNode:
    [graph] = store.document_graphs()
    return graph


def test_clean_graph_has_no_errors_and_cli_exits_0(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [HUZHOU])
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_broken_graph_is_reported(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [HUZHOU])
        graph = _graph_of_task(store)
        task = ox.NamedNode(TASK_1)
        # 钱三雄 supervises section 一 (tasks 1–10); task 11 is 杨六顺's and never names him
        qian = ox.NamedNode("https://w3id.org/dutygraph/id/leader/湖州市/钱三雄")
        task_11 = ox.NamedNode(TASK_1.replace("A1-1", "A1-11"))
        store.oxigraph.add(ox.Quad(task_11, ox.NamedNode(DG_NS + "supervisedBy"), qian, graph))
        # a task in two documents
        store.oxigraph.add(
            ox.Quad(
                task, ox.NamedNode(DG_NS + "inDocument"), ox.NamedNode("https://example.org/other"), graph
            )
        )
        # task 2's second co-unit ranked level with its lead unit
        co_2 = ox.NamedNode(TASK_1.replace("A1-1", "A1-2") + "/co/2")
        rank = ox.NamedNode(DG_NS + "rank")
        store.oxigraph.remove(ox.Quad(co_2, rank, ox.Literal("2", datatype=XSD_INTEGER), graph))
        store.oxigraph.add(ox.Quad(co_2, rank, ox.Literal("1", datatype=XSD_INTEGER), graph))
        # a unit that lost its label
        unit = ox.NamedNode("https://w3id.org/dutygraph/id/unit/湖州市/市审计局")
        for quad in list(store.oxigraph.quads_for_pattern(unit, SKOS_PREF, None)):
            store.oxigraph.remove(quad)
        results = validate_store(store)
    errors = [r for r in results if r.severity == "Violation"]
    messages = " | ".join(f"{r.focus} {r.message}" for r in errors)
    assert any(r.focus == TASK_11 and "does not name" in r.message for r in errors), messages
    assert any(r.focus == TASK_1 and "exactly one document" in r.message for r in errors)
    [rank_error] = [r for r in errors if "share a rank" in r.message]
    assert (rank_error.focus, rank_error.document, rank_error.task) == (
        TASK_1.replace("A1-1", "A1-2"),
        "湖政办发-2019-9",
        "A1-2",
    )
    assert any(r.focus == unit.value for r in errors)
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "error(s)" in result.output


def test_task_without_lead_unit_is_a_warning_not_an_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [Path(__file__).parents[2] / "examples" / "lishan_2023.txt"])
        results = validate_store(store)
    assert [r.severity for r in results] == ["Warning"]
    assert "lead unit" in results[0].message
