"""Helpers shared by the Neo4j tests (fixtures are in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from dutygraph.neo4j.connection import Connection
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"


@dataclass(frozen=True)
class BoltServer:
    """A running server of the session: which one, how to connect, and (Neo4j) its import folder."""

    kind: str  # "arcadedb", "neo4j" or "env" (NEO4J_URI)
    conn: Connection
    import_dir: Path | None = None

    @property
    def is_neo4j(self) -> bool:
        return self.kind == "neo4j"


class Graph:
    """Small helpers over the driver for assertions."""

    def __init__(self, handle: Driver, database: str | None) -> None:
        self.handle = handle
        self.database = database

    def rows(self, query: str, **params: object) -> list[dict[str, object]]:
        with self.handle.session(database=self.database) as session:
            return session.run(query, params).data()  # type: ignore[arg-type]

    def value(self, query: str, **params: object) -> object:
        rows = self.rows(query, **params)
        return next(iter(rows[0].values())) if rows else None

    def clear(self) -> None:
        with self.handle.session(database=self.database) as session:
            session.run("MATCH (n) DETACH DELETE n").consume()

    def label_counts(self) -> dict[str, int]:
        return {
            str(r["label"]): int(r["n"])  # type: ignore[call-overload]
            for r in self.rows("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
        }

    def type_counts(self) -> dict[str, int]:
        return {
            str(r["type"]): int(r["n"])  # type: ignore[call-overload]
            for r in self.rows("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
        }


def build_store(path: Path, files: list[Path]) -> Path:
    with Store.open(path, write=True) as store:
        load_files(store, files)
    return path
