"""The local Bolt server (`dutygraph server start|stop|status`): loopback only, secrets kept private,
restartable with its data and password, and used by `sync`/`cypher` when no URI is given."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase
from neo4j_support import HUZHOU

from dutygraph.cli import main
from dutygraph.neo4j import server
from dutygraph.store.store import Store

pytestmark = pytest.mark.integration


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.add(address)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def test_lifecycle_loopback_and_private_state(tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    assert server.status(store) is None
    result = runner.invoke(main, ["server", "status", "--store", str(store)])
    assert result.exit_code == 1 and "not running" in result.output

    result = runner.invoke(main, ["server", "start", "--store", str(store)])
    assert result.exit_code == 0, result.output
    try:
        info = server.status(store)
        assert info is not None
        assert info.password not in result.output  # status lines never show the password
        home = server.server_home(store)
        assert stat.S_IMODE((home / server.STATE_FILE).stat().st_mode) == 0o600
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        assert not (home / server.ARGS_FILE).exists()  # the argfile with the password is gone
        assert info.password not in (home / server.LOG_FILE).read_text(encoding="utf-8", errors="replace")
        # the store folder is still a store `load` accepts
        with Store.open(store, write=True):
            pass
        # both listeners on 127.0.0.1 only
        for port in (info.bolt_port, info.http_port):
            addresses = listening_addresses(port)
            assert addresses and addresses <= LOOPBACK, (port, addresses)
        # answers the official driver, as a Neo4j 5 compatible server
        with GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as handle:
            handle.verify_connectivity()
            assert "Neo4j/5" in handle.get_server_info().agent
            with handle.session(database=info.database) as session:
                session.run("CREATE (:Probe {id: 'kept'})").consume()
        # starting again returns the running server
        assert server.start(store).pid == info.pid
        result = runner.invoke(main, ["server", "status", "--store", str(store)])
        assert result.exit_code == 0 and f"pid {info.pid}" in result.output

        # restart: same password, data kept
        assert runner.invoke(main, ["server", "stop", "--store", str(store)]).output.strip() == "stopped"
        assert server.status(store) is None
        again = server.start(store)
        assert again.password == info.password and again.pid != info.pid
        with (
            GraphDatabase.driver(again.uri, auth=(again.user, again.password)) as handle,
            handle.session(database=again.database) as session,
        ):
            assert session.run("MATCH (p:Probe) RETURN p.id AS id").single()["id"] == "kept"  # type: ignore[index]
    finally:
        server.stop(store)
    assert server.status(store) is None
    assert runner.invoke(main, ["server", "stop", "--store", str(store)]).output.strip() == "not running"


def test_sync_and_cypher_fall_back_to_the_local_server(tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    env = {"NEO4J_URI": "", "NEO4J_USERNAME": "", "NEO4J_PASSWORD": "", "NEO4J_DATABASE": ""}
    assert runner.invoke(main, ["load", str(HUZHOU), "--store", str(store)]).exit_code == 0
    assert server.start(store)
    try:
        result = runner.invoke(main, ["sync", "--store", str(store)], env=env)
        assert result.exit_code == 0, result.output
        assert "Task" in result.output and "81" in result.output
        result = runner.invoke(main, ["sync", "--store", str(store)], env=env)
        assert "nothing changed" in result.output
        result = runner.invoke(
            main,
            ["cypher", "MATCH (t:Task) RETURN count(t) AS n", "--store", str(store), "--format", "csv"],
            env=env,
        )
        assert result.exit_code == 0 and result.output.split() == ["n", "81"]
    finally:
        server.stop(store)
