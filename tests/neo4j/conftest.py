"""A real Bolt server for the Neo4j tests.

By default a local ArcadeDB server (``dutygraph.neo4j.server``) is started once per session
in a temporary folder and stopped afterwards. With ``NEO4J_URI`` set (plus ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), the same tests run against that server instead — point
it at a throwaway database: every test starts by emptying it.

Nothing here skips: without a server the fixture fails, and CI counts a skip as a failure anyway.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j_support import HUZHOU, Graph, build_store

from dutygraph.neo4j import server
from dutygraph.neo4j.connection import Connection, resolve


@pytest.fixture(scope="session")
def bolt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    """Connection settings for the session's Bolt server."""
    if os.environ.get("NEO4J_URI"):
        yield resolve()
        return
    store = tmp_path_factory.mktemp("bolt-server-store")
    info = server.start(store)
    try:
        yield Connection(
            uri=info.uri, user=info.user, password=info.password, database=info.database, local=True
        )
    finally:
        server.stop(store)


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
