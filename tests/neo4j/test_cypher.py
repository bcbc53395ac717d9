"""`dutygraph cypher`: every named query on the synced Huzhou notice returns what the notice says
(expected values worked out from the printed text, not from our parser), plus the command line."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver
from neo4j_support import BoltServer, Graph

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.graph.analysis import analyse
from dutygraph.graph.snapshot import read_snapshot
from dutygraph.neo4j import cypher
from dutygraph.neo4j.connection import Connection, resolve
from dutygraph.neo4j.sync import sync_store
from dutygraph.store.store import Store

pytestmark = pytest.mark.integration

#: The units named under both 二、杨六顺 (tasks 11–29) and 六、项乐民 (tasks 58–71), read off the
#: printed 责任单位 lines (市委组织部(人才办) only appears under 项乐民; 市公安局 appears under
#: 杨六顺 in tasks 25, 27, 28).
SHARED_YANG_XIANG = {
    "市公安局", "市发展改革委", "市商务局", "市城市集团", "市市场监管局", "市建设局",
    "市科技局", "市税务局", "市经信局", "市自然资源和规划局", "市金融办", "湖州电力局",
}  # fmt: skip
YANG = "https://w3id.org/dutygraph/id/leader/湖州市/杨六顺"
XIANG = "https://w3id.org/dutygraph/id/leader/湖州市/项乐民"


@pytest.fixture(scope="module")
def synced(huzhou_master: Path, bolt: Connection, session_driver: object) -> Iterator[Path]:
    """The Huzhou sample synced once for the whole module (queries only read)."""
    graph = Graph(session_driver, bolt.database)  # type: ignore[arg-type]
    graph.clear()
    sync_store(huzhou_master, bolt, progress=False)
    yield huzhou_master


def named(conn: Connection, name: str, **params: str) -> list[dict[str, object]]:
    return cypher.run_named(conn, name, params).rows


def test_every_named_query_is_documented() -> None:
    pack = cypher.named_queries()
    assert {
        "top-loads", "unit-tasks", "units-shared-by-leaders", "tasks-without-lead", "collaboration-pairs",
        "cluster-members", "unit-across-years", "overloaded-units",
    } <= set(pack)  # fmt: skip
    for query in pack.values():
        assert query.description, query.name
        assert all(p.help for p in query.params), query.name
        declared = {p.name for p in query.params}
        body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("//"))
        assert set(re.findall(r"\$(\w+)", body)) == declared, query.name


def test_units_shared_by_yang_and_xiang(synced: Path, bolt: Connection) -> None:
    rows = named(bolt, "units-shared-by-leaders", first=YANG, second=XIANG)
    assert {r["unit"] for r in rows} == SHARED_YANG_XIANG
    by_unit = {r["unit"]: r for r in rows}
    # 市经信局: led tasks 12 (杨六顺); 58, 59, 60, 61, 62, 65 under 项乐民
    assert by_unit["市经信局"]["firstTasks"] == 1 and by_unit["市经信局"]["secondTasks"] == 6
    # the analysis module agrees
    with Store.open(synced) as store:
        from dutygraph.graph.analysis.leaders import units_shared_by

        assert set(units_shared_by(read_snapshot(store), "杨六顺", "项乐民")) == SHARED_YANG_XIANG


def test_units_shared_by_leaders_finds_both_by_the_id_index(
    synced: Path, bolt_server: BoltServer, session_driver: Driver
) -> None:
    """Neo4j plans the two leaders as seeks of the uniqueness index and walks their tasks once; the
    query that matched names scanned every Leader, and again for each unit of the first leader."""
    text = cypher.named_query("units-shared-by-leaders").text
    with session_driver.session(database=bolt_server.conn.database) as session:
        plan = session.run("EXPLAIN " + text, first=YANG, second=XIANG).consume().plan
    assert plan is not None
    if not bolt_server.is_neo4j:  # ArcadeDB: one opaque plan step (README: differences)
        assert plan["operatorType"].startswith("ArcadeDB")
        return
    operators = []
    pending = [plan]
    while pending:
        step = pending.pop()
        operators.append(step["operatorType"].split("@")[0])
        pending.extend(step.get("children", []))
    assert "NodeUniqueIndexSeek" in operators, operators
    assert "NodeByLabelScan" not in operators and "Apply" not in operators, operators


def test_top_loads(synced: Path, bolt: Connection) -> None:
    rows = named(bolt, "top-loads", limit="3")
    assert len(rows) == 3
    # 市建设局 is printed on 13 责任单位 lines, first on 6; 市发展改革委 on 12, first on 6
    assert (rows[0]["unit"], rows[0]["lead"], rows[0]["co"], rows[0]["tasks"]) == ("市建设局", 6, 7, 13)
    assert (rows[1]["unit"], rows[1]["lead"], rows[1]["co"], rows[1]["tasks"]) == ("市发展改革委", 6, 6, 12)
    assert rows[2]["unit"] == "市自然资源和规划局" and rows[2]["tasks"] == 9
    assert rows[0]["load"] is not None  # the analysis write-back is there


def test_unit_tasks_with_coworkers(synced: Path, bolt: Connection) -> None:
    rows = named(bolt, "unit-tasks", unit="市建设局")
    assert len(rows) == 13
    assert sum(r["role"] == "lead" for r in rows) == 6
    task_13 = next(r for r in rows if r["task"] == "A1-13")  # 13. 加快建筑业转型升级 — 市建设局 alone
    assert task_13["role"] == "lead" and task_13["coworkers"] == []
    task_22 = next(r for r in rows if r["task"] == "A1-22")  # 22. 责任单位:市建设局、市城市集团
    assert task_22["coworkers"] == ["市城市集团"]
    # found by alias as well
    assert len(named(bolt, "unit-tasks", unit="市发改委")) == 12


def test_tasks_without_lead(synced: Path, bolt: Connection) -> None:
    # every task of the Huzhou notice prints its units, the first of which leads
    assert named(bolt, "tasks-without-lead") == []


def test_collaboration_pairs(synced: Path, bolt: Connection) -> None:
    rows = named(bolt, "collaboration-pairs", limit="3")
    top = {(r["unit"], r["partner"]) if r["unit"] < r["partner"] else (r["partner"], r["unit"]) for r in rows}
    # 市发展改革委 and 市建设局 share four 责任单位 lines (tasks 11, 18, 70 and 民生实事 10)
    assert rows[0]["sharedTasks"] == 4
    assert ("市发展改革委", "市建设局") in top
    assert {r["jurisdiction"] for r in rows} == {"湖州市"}
    groups = named(bolt, "collaboration-pairs", limit="500", groups="true")
    assert len(groups) > len(named(bolt, "collaboration-pairs", limit="500"))


def test_cluster_members_and_overloaded_units_match_the_analysis(synced: Path, bolt: Connection) -> None:
    with Store.open(synced) as store:
        part = analyse(read_snapshot(store)).part("湖州市", 2019)
    names = {iri: info.name for iri, info in part.snapshot.units.items()}
    first = part.clustering.clusters[0]
    rows = named(bolt, "cluster-members", cluster="1")
    assert {r["unit"] for r in rows} == {names[m] for m in first.members}
    assert {(r["jurisdiction"], r["year"]) for r in rows} == {("湖州市", 2019)}
    assert named(bolt, "cluster-members", cluster="1", jurisdiction="湖州市") == rows
    assert named(bolt, "cluster-members", cluster="1", jurisdiction="嘉兴市") == []
    flagged = {names[b.load.iri] for b in part.burdens if b.flagged}
    rows = named(bolt, "overloaded-units")
    assert {r["unit"] for r in rows} == flagged
    assert rows[0]["unit"] == "市发展改革委"  # the heaviest load of the notice
    assert all(r["reason"] for r in rows)


def test_unit_across_years(synced: Path, bolt: Connection) -> None:
    rows = named(bolt, "unit-across-years", unit="市建设局")
    assert rows == [{"year": 2019, "jurisdiction": "湖州市", "documents": 1, "lead": 6, "co": 7}]


# -- the command line ----------------------------------------------------------------------------------
def cli_env(bolt: Connection, **extra: str) -> dict[str, str]:
    env = {"NEO4J_URI": bolt.uri, "NEO4J_USERNAME": bolt.user, "NEO4J_PASSWORD": bolt.password}
    if bolt.database:
        env["NEO4J_DATABASE"] = bolt.database
    env.update(extra)
    return env


def test_cli_named_query_formats(synced: Path, bolt: Connection) -> None:
    runner = CliRunner()
    args = [
        "cypher",
        "--named",
        "units-shared-by-leaders",
        "--param",
        f"first={YANG}",
        "--param",
        f"second={XIANG}",
    ]
    result = runner.invoke(main, [*args, "--format", "json"], env=cli_env(bolt))
    assert result.exit_code == 0, result.output
    assert {r["unit"] for r in json.loads(result.output)} == SHARED_YANG_XIANG
    result = runner.invoke(main, [*args, "--format", "csv"], env=cli_env(bolt))
    lines = result.output.strip().splitlines()
    assert lines[0] == "unit,firstTasks,secondTasks" and len(lines) == 13
    result = runner.invoke(main, [*args, "--format", "table"], env=cli_env(bolt))
    assert result.exit_code == 0 and "湖州电力局" in result.output and "12 rows" in result.output


def test_cli_ad_hoc_query_with_parameters(synced: Path, bolt: Connection) -> None:
    runner = CliRunner()
    tricky = "x' RETURN 1 //\"<b>"
    result = runner.invoke(
        main,
        ["cypher", "RETURN $n + 1 AS n, $s AS s, $l AS l", "--param", "n=41", "--param", f"s={tricky}",
         "--param", "l=[1, 2]", "--format", "json"],
        env=cli_env(bolt),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 42, "s": tricky, "l": [1, 2]}]


def test_cli_list_needs_no_server() -> None:
    result = CliRunner().invoke(main, ["cypher", "--list"], env={"NEO4J_URI": ""})
    assert result.exit_code == 0
    assert "units-shared-by-leaders" in result.output and "--param first=<string>" in result.output


def test_cli_user_errors_are_one_line(synced: Path, bolt: Connection) -> None:
    runner = CliRunner()
    for args in (
        ["cypher", "--named", "no-such-query"],
        ["cypher", "--named", "unit-tasks"],  # required parameter missing
        ["cypher", "--named", "top-loads", "--param", "limit=many"],
        ["cypher", "--named", "top-loads", "--param", "bogus=1"],
        ["cypher", "RETURN 1", "--param", "no-equals-sign"],
        ["cypher", "THIS IS NOT CYPHER"],
    ):
        result = runner.invoke(main, args, env=cli_env(bolt))
        assert result.exit_code == 2, (args, result.output)
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output


def test_wrong_password_is_never_echoed(bolt: Connection) -> None:
    secret = "Wr0ng-S3cret-p@ss"
    result = CliRunner().invoke(main, ["cypher", "RETURN 1"], env=cli_env(bolt, NEO4J_PASSWORD=secret))
    assert result.exit_code == 4  # the server refuses us
    assert "authentication failed" in result.output.lower()
    assert secret not in result.output
    conn = Connection(uri=bolt.uri, user=bolt.user, password=secret, database=bolt.database)
    with pytest.raises(DutygraphError) as caught:
        cypher.run(conn, "RETURN 1")
    assert secret not in str(caught.value) and secret not in repr(conn)


def test_unreachable_server_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["cypher", "RETURN 1", "--store", str(tmp_path)],
        env={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "whatever-secret"},
    )
    assert result.exit_code == 4 and result.output.startswith("Error: cannot reach")
    assert "whatever-secret" not in result.output
    result = CliRunner().invoke(main, ["cypher", "RETURN 1", "--store", str(tmp_path)], env={"NEO4J_URI": ""})
    assert result.exit_code == 2 and "dutygraph server start" in result.output


def test_settings_resolution_order(tmp_path: Path) -> None:
    env = {"NEO4J_URI": "neo4j+s://example.databases.neo4j.io", "NEO4J_USERNAME": "u", "NEO4J_PASSWORD": "p"}
    conn = resolve(env=env)
    assert (conn.uri, conn.user, conn.password, conn.database) == (env["NEO4J_URI"], "u", "p", None)
    conn = resolve("bolt://h:7687", "v", "db", env=env)
    assert (conn.uri, conn.user, conn.database) == ("bolt://h:7687", "v", "db")
    assert resolve("bolt://h", env={}, prompt=lambda _: "asked").password == "asked"
    with pytest.raises(DutygraphError):
        resolve("bolt://h", env={})
    with pytest.raises(DutygraphError, match="server start"):
        resolve(env={}, store=tmp_path)


def test_empty_result_keeps_its_column_names(synced: Path, bolt_server: BoltServer) -> None:
    query = "MATCH (t:Task) WHERE t.taskId = 'no such task' RETURN t.taskId AS task, t.text AS text"
    env = cli_env(bolt_server.conn)
    result = CliRunner().invoke(main, ["cypher", query, "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    if not bolt_server.is_neo4j:  # ArcadeDB names no columns without a row (README: differences)
        assert result.output == "\n"
        return
    assert result.output == "task,text\n"
    result = CliRunner().invoke(main, ["cypher", query, "--format", "table"], env=env)
    assert "task" in result.output and "text" in result.output and "0 rows" in result.output


def bolt_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The Bolt messages the driver sent (its debug log: ``C: BEGIN {...}``, ``C: RUN '...'``)."""
    return [r.getMessage().split("C: ", 1)[1] for r in caplog.records if "  C: " in r.getMessage()]


def test_reads_run_in_read_transactions_and_writes_in_write_transactions(
    synced: Path, bolt_server: BoltServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Managed transactions (retried on transient errors; a read one is routed to a reader on a
    cluster): Neo4j plans the query first, and only a query that writes gets a write transaction."""
    read = "MATCH (u:Unit) WHERE u.name = $name RETURN count(u) AS n"
    write = "MERGE (p:Probe {id: 'managed'}) DELETE p RETURN 1 AS done"
    with caplog.at_level(logging.DEBUG, logger="neo4j.io"):
        assert cypher.run(bolt_server.conn, read, {"name": "市建设局"}).rows == [{"n": 1}]
        reading = bolt_messages(caplog)
        caplog.clear()
        assert cypher.run(bolt_server.conn, write).rows == [{"done": 1}]
        writing = bolt_messages(caplog)
    runs_read = next(i for i, m in enumerate(reading) if m.startswith(f"RUN {read!r}"))
    runs_write = next(i for i, m in enumerate(writing) if m.startswith(f"RUN {write!r}"))
    assert writing[runs_write - 1].startswith("BEGIN") and "'mode': 'r'" not in writing[runs_write - 1]
    assert reading[runs_read - 1].startswith("BEGIN")
    # ArcadeDB's EXPLAIN calls every query a write (README: differences), so it writes there too.
    assert ("'mode': 'r'" in reading[runs_read - 1]) == bolt_server.is_neo4j


def test_call_in_transactions_runs_in_an_implicit_transaction(
    synced: Path, bolt_server: BoltServer, session_driver: Driver
) -> None:
    """Neo4j runs ``CALL { … } IN TRANSACTIONS`` only outside an explicit transaction."""
    graph = Graph(session_driver, bolt_server.conn.database)
    query = (
        "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Probe {id: 'batch', i: i}) } IN TRANSACTIONS RETURN i"
    )
    try:
        rows = cypher.run(bolt_server.conn, query).rows
        assert [r["i"] for r in rows] == [1, 2, 3]
        assert graph.value("MATCH (p:Probe {id: 'batch'}) RETURN count(p) AS n") == 3
    finally:
        graph.rows("MATCH (p:Probe) DELETE p")


def test_unknown_database_says_to_use_the_home_database(synced: Path, bolt: Connection) -> None:
    result = CliRunner().invoke(
        main, ["cypher", "RETURN 1", "--database", "nosuchdb"], env=cli_env(bolt, NEO4J_DATABASE="")
    )
    assert result.exit_code == 4 and result.output.count("\n") == 1, result.output
    assert "there is no database 'nosuchdb'" in result.output
    assert "leave --database and NEO4J_DATABASE unset" in result.output
    assert "/" + "databases/" not in result.output  # ArcadeDB's message names its data folder


def test_home_database_is_the_default(synced: Path, bolt_server: BoltServer, session_driver: Driver) -> None:
    """Without --database, Neo4j's home database (``neo4j`` on Community Edition) is used."""
    if not bolt_server.is_neo4j:  # ArcadeDB has no home database: the local server names its own
        assert bolt_server.conn.database == "dutygraph"
        return
    assert bolt_server.conn.database is None
    env = cli_env(bolt_server.conn)
    assert "NEO4J_DATABASE" not in env
    result = CliRunner().invoke(
        main, ["cypher", "MATCH (t:Task) RETURN count(t) AS n", "--format", "csv"], env=env
    )
    assert result.exit_code == 0 and result.output.split() == ["n", "81"], result.output
    with session_driver.session(database="neo4j") as session:  # where the sync wrote them
        assert session.run("MATCH (t:Task) RETURN count(t) AS n").single()["n"] == 81  # type: ignore[index]
