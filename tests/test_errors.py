"""Errors by kind: real mistakes raise the class that names them, and the CLI maps each class to
its exit status in one table (2: the input, 3: the store, 4: a server, 70: dutygraph's own fault),
so a script can tell whose move it is from the status alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import exit_code, main
from dutygraph.errors import DutygraphError, InputError, InternalError, ServerError, StoreError
from dutygraph.neo4j import cypher
from dutygraph.neo4j.connection import Connection
from dutygraph.report.tables import emit_rows
from dutygraph.store.store import Store

HUZHOU = Path(__file__).resolve().parents[1] / "examples" / "huzhou-2019-key-tasks.txt"


def test_every_kind_is_a_dutygraph_error() -> None:
    for kind in (InputError, StoreError, ServerError, InternalError):
        assert issubclass(kind, DutygraphError)
        assert kind is not DutygraphError


def test_exit_codes_by_kind() -> None:
    assert exit_code(InputError("x")) == 2
    assert exit_code(StoreError("x")) == 3
    assert exit_code(ServerError("x")) == 4
    assert exit_code(DutygraphError("x")) == 2  # an error of no named kind: assumed the user's to fix
    assert exit_code(InternalError("x")) == 70


def test_a_foreign_directory_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a dutygraph store"):
        Store.open(tmp_path, write=True)
    result = CliRunner().invoke(main, ["docs", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 3
    assert result.output.startswith("Error: no dutygraph store at") and result.output.count("\n") == 1


def test_a_busy_store_is_a_store_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", write=True), pytest.raises(StoreError, match="busy"):
        Store.open(tmp_path / "s", write=True, wait=0)


def test_bad_options_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--format xlsx needs -o"):
        emit_rows([{"a": 1}], "xlsx")
    result = CliRunner().invoke(main, ["load", str(HUZHOU), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["report", "workload", "--doc", "typo", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and "no document typo" in result.output


def test_an_unreachable_server_is_a_server_error() -> None:
    nobody = Connection(uri="bolt://127.0.0.1:9", user="neo4j", password="not-a-secret-here")
    with pytest.raises(ServerError, match="cannot reach") as caught:
        cypher.run(nobody, "RETURN 1")
    assert "not-a-secret-here" not in str(caught.value)
