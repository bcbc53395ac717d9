"""A password written into a Bolt URI is used, never echoed: not in errors, not in descriptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.neo4j.connection import resolve, split_credentials

SECRET = "Hunter2-secret"
#: URIs carrying the password, and the exit status each gets: 4 where no server answers the
#: address, 2 where the address itself is wrong.
URIS = [
    (f"bolt://alice:{SECRET}@127.0.0.1:9", 4),
    (f"neo4j://127.0.0.1:9?password={SECRET}", 4),
    (f"neo4j://127.0.0.1:9?policy=eu&pwd={SECRET}#x", 4),
    (f"xyz://alice:{SECRET}@127.0.0.1:9", 2),  # a bad scheme: the driver's message names the URI
    (f"neo4j://alice:{SECRET}@[::1", 2),  # a broken address
]


@pytest.mark.parametrize(("uri", "status"), URIS)
def test_cypher_and_sync_never_print_the_password(huzhou_loaded: Path, uri: str, status: int) -> None:
    """``sync`` reads a loaded store first, so that it gets as far as the server."""
    env = {"NEO4J_URI": None, "NEO4J_PASSWORD": None, "NEO4J_USERNAME": None}
    for command in (
        ["cypher", "--uri", uri, "RETURN 1"],
        ["sync", "--uri", uri, "--store", str(huzhou_loaded)],
    ):
        result = CliRunner().invoke(main, command, env=env)
        assert result.exit_code == status, result.output
        assert SECRET not in result.output and SECRET not in result.stderr
        assert result.stderr.count("\n") == 1


def test_credentials_are_taken_out_of_the_uri() -> None:
    assert split_credentials(f"bolt://alice:{SECRET}@db:7687") == ("bolt://db:7687", "alice", SECRET)
    assert split_credentials(f"neo4j://db?policy=eu&password={SECRET}") == (
        "neo4j://db?policy=eu",
        None,
        SECRET,
    )
    assert split_credentials("neo4j+s://x.databases.neo4j.io") == (
        "neo4j+s://x.databases.neo4j.io",
        None,
        None,
    )
    conn = resolve(f"bolt://alice:{SECRET}@db:7687", env={})
    assert (conn.uri, conn.user, conn.password) == ("bolt://db:7687", "alice", SECRET)
    assert SECRET not in conn.describe() and SECRET not in repr(conn)
