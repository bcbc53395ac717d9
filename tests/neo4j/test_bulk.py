"""`dutygraph export --format neo4j-import`: the files, imported by Neo4j's own
`neo4j-admin database import full` with the command the export's README gives, make exactly the
graph `dutygraph sync` writes (same nodes, relationships and properties), and the next sync finds
that database in sync.

The admin tool comes from the same Maven Central jars as the test server (``neo4j_server.admin``);
the imported database is then opened by a second test server."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j_server
import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase
from neo4j_support import Graph

from dutygraph.cli import main
from dutygraph.neo4j.connection import Connection
from dutygraph.neo4j.sync import sync_store

pytestmark = pytest.mark.integration

NODE_FILES = ["document.csv", "task.csv", "unit.csv", "leader.csv", "analysisyear.csv"]


def readme_command(readme: str) -> list[str]:
    """The import command of the export's README (its one bash block), as arguments."""
    block = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert block is not None
    return shlex.split(block.group(1).replace("\\\n", " "))


def graph_dump(graph: Graph) -> tuple[list[Any], list[Any]]:
    """Every node (labels, properties) and relationship (type, end ids, properties), sorted."""
    nodes = sorted(
        (sorted(r["labels"]), sorted(r["props"].items()))  # type: ignore[union-attr]
        for r in graph.rows("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    )
    rels = sorted(
        (r["type"], r["a"], r["b"], sorted(r["props"].items()))  # type: ignore[union-attr]
        for r in graph.rows(
            "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props"
        )
    )
    return nodes, rels  # type: ignore[return-value]


@contextmanager
def opened(server: neo4j_server.Neo4jServer) -> Iterator[Graph]:
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as handle:
        yield Graph(handle, None)


def test_neo4j_admin_import_gives_the_synced_graph(
    huzhou_store: Path, neo4j_running: neo4j_server.Neo4jServer, tmp_path: Path
) -> None:
    out = tmp_path / "import"
    result = CliRunner().invoke(
        main, ["export", "--format", "neo4j-import", str(out), "--store", str(huzhou_store)]
    )
    assert result.exit_code == 0, result.output
    # the Huzhou notice: 1 document, 81 tasks (each in the document, each with one lead unit)
    assert "document.csv (1)" in result.output and "task.csv (81)" in result.output
    assert "in_document.csv (81)" in result.output and "lead_unit.csv (81)" in result.output
    command = readme_command((out / "README.md").read_text(encoding="utf-8"))
    assert command[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    files = sorted(p.name for p in out.glob("*.csv"))
    assert (
        sorted(a.split("=", 1)[1] for a in command if a.startswith(("--nodes=", "--relationships="))) == files
    )
    assert all(f"--nodes={f}" in command for f in NODE_FILES)

    home = tmp_path / "imported-home"
    done = neo4j_server.admin(home, command[1:], cwd=out)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "IMPORT DONE" in done.stdout
    imported_server = neo4j_server.start(home)
    try:
        neo4j_server.wait_for_bolt(imported_server)
        with opened(imported_server) as graph:
            imported = graph_dump(graph)
        conn = Connection(
            uri=imported_server.uri, user=imported_server.user, password=imported_server.password
        )
        report = sync_store(huzhou_store, conn, progress=False)  # the constraints, nothing else
        assert report.changes.as_dict() == {} and report.changes.properties_set == 0
        assert report.changes.constraints_added == 5  # one per label
    finally:
        imported_server.stop()

    with opened(neo4j_running) as graph:
        graph.clear()
        conn = Connection(uri=neo4j_running.uri, user=neo4j_running.user, password=neo4j_running.password)
        sync_store(huzhou_store, conn, progress=False)
        synced = graph_dump(graph)
        graph.clear()
    # 1 document, 81 tasks, 69 units, 7 leaders, 1 analysis year (湖州市 2019)
    assert len(imported[0]) == 1 + 81 + 69 + 7 + 1
    assert imported == synced


def test_export_refuses_a_folder_with_files(huzhou_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "taken"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = CliRunner().invoke(
        main, ["export", "--format", "neo4j-import", str(out), "--store", str(huzhou_store)]
    )
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert "is not an empty folder" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "taken"]  # no temporary folder left


def test_export_directory_goes_with_neo4j_import(huzhou_store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(tmp_path / "x"), "--store", str(huzhou_store)])
    assert result.exit_code == 2 and "DIRECTORY goes with --format neo4j-import" in result.output
