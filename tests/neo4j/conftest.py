"""Real Bolt servers for the Neo4j tests: every test that asks for ``bolt`` (or ``graph``) runs
once against each.

* ``arcadedb`` — the users' local default (``dutygraph server``, ArcadeDB's Bolt plugin);
* ``neo4j`` — Neo4j Community 5.26 LTS from Maven Central, started by the launcher in
  ``tests/neo4j-server/`` (built by ``.ci/setup``; see ``neo4j_server.py``).

Each server is started once per session, in a temporary folder, and stopped after the last test
that uses it (pytest orders the tests by server). With ``NEO4J_URI`` set (plus
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) the tests run once, against that
server instead — point it at a throwaway database: every test starts by emptying it.

A server that cannot be started fails in CI (``CI=true``); elsewhere a Neo4j launcher that is not
built yet skips its half with the reason (the ArcadeDB server is an installed extra, so it fails).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import neo4j_server
import pytest
from neo4j import Driver, GraphDatabase
from neo4j_support import HUZHOU, BoltServer, Graph, build_store

from dutygraph.neo4j import server
from dutygraph.neo4j.connection import Connection, resolve

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}  # as in tests/conftest.py
SERVERS = ["env"] if os.environ.get("NEO4J_URI") else ["arcadedb", "neo4j"]


@pytest.fixture(scope="session", params=SERVERS)
def bolt_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BoltServer]:
    """One Bolt server per parameter, started once and stopped when pytest moves to the next."""
    kind = request.param
    if kind == "env":
        yield BoltServer(kind, resolve())
        return
    if kind == "neo4j":
        try:
            running = neo4j_server.start(tmp_path_factory.mktemp("neo4j-home"))
        except neo4j_server.Unavailable as error:
            if IN_CI:
                pytest.fail(f"Neo4j test server: {error}")
            pytest.skip(str(error))
        try:
            neo4j_server.wait_for_bolt(running)
            conn = Connection(uri=running.uri, user=running.user, password=running.password)
            yield BoltServer(kind, conn, running.import_dir)
        finally:
            running.stop()
        return
    store = tmp_path_factory.mktemp("bolt-server-store")
    info = server.start(store)
    try:
        conn = Connection(
            uri=info.uri, user=info.user, password=info.password, database=info.database, local=True
        )
        yield BoltServer(kind, conn)
    finally:
        server.stop(store)


@pytest.fixture(scope="session")
def bolt(bolt_server: BoltServer) -> Connection:
    """Connection settings for the session's Bolt server (of this test's parameter)."""
    return bolt_server.conn


@pytest.fixture(scope="session")
def session_driver(bolt: Connection) -> Iterator[Driver]:
    handle = GraphDatabase.driver(bolt.uri, auth=(bolt.user, bolt.password))
    try:
        yield handle
    finally:
        handle.close()


@pytest.fixture
def graph(session_driver: Driver, bolt: Connection) -> Graph:
    """The Bolt server's database, emptied for this test."""
    g = Graph(session_driver, bolt.database)
    g.clear()
    return g


@pytest.fixture(scope="session")
def huzhou_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("huzhou") / "store", [HUZHOU])


@pytest.fixture
def huzhou_store(huzhou_master: Path, tmp_path: Path) -> Path:
    """A private copy of a store holding the Huzhou sample (tests may change it)."""
    target = tmp_path / "store"
    shutil.copytree(huzhou_master, target, ignore=shutil.ignore_patterns("write.lock"))
    return target
