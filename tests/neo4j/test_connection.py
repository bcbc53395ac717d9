"""How `dutygraph` meets a Bolt server from the command line: the password (a hidden prompt on a
terminal only), URIs that are not Bolt, and TLS asked of a server without it — each ending in one
line on stderr, never a traceback, a driver log line or the password. Run as real processes, so
stderr is exactly what a user sees."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j_support import BoltServer

pytestmark = pytest.mark.integration


def environment(conn_uri: str, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "NEO4J_URI": conn_uri, **values}


def dutygraph(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it, with no terminal on stdin."""
    return subprocess.run(
        [sys.executable, "-m", "dutygraph", *args, "--store", str(tmp_path / "store")],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_http_uri_is_one_line_naming_the_bolt_schemes(tmp_path: Path) -> None:
    env = environment("http://127.0.0.1:7474", NEO4J_PASSWORD="a-secret-value")
    done = dutygraph(["cypher", "RETURN 1"], env, tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert "got http://" in done.stderr and "bolt://" in done.stderr and "neo4j+s://" in done.stderr
    assert "a-secret-value" not in done.stderr


def test_missing_password_without_a_terminal_is_one_line(bolt_server: BoltServer, tmp_path: Path) -> None:
    env = environment(bolt_server.conn.uri, NEO4J_USERNAME=bolt_server.conn.user)
    done = dutygraph(["cypher", "RETURN 1"], env, tmp_path)
    assert done.returncode == 2, done
    assert done.stderr == "Error: no Neo4j password: set NEO4J_PASSWORD (or run interactively to be asked)\n"


def test_neo4j_s_without_tls_is_one_line(bolt_server: BoltServer, tmp_path: Path) -> None:
    """The driver logs "Unable to retrieve routing information" on its way to the error."""
    port = bolt_server.conn.uri.rsplit(":", 1)[1]
    env = environment(f"neo4j+s://127.0.0.1:{port}", NEO4J_PASSWORD=bolt_server.conn.password)
    done = dutygraph(["cypher", "RETURN 1"], env, tmp_path)
    assert done.returncode == 4, done  # the server's side: it does not speak TLS
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: "), done.stderr
    assert bolt_server.conn.password not in done.stderr


def test_prompted_password_on_a_terminal_is_hidden(bolt_server: BoltServer, tmp_path: Path) -> None:
    conn = bolt_server.conn
    env = environment(conn.uri, NEO4J_USERNAME=conn.user)
    if conn.database:
        env["NEO4J_DATABASE"] = conn.database
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "dutygraph", "cypher", "RETURN 7 AS n", "--format", "csv",
         "--store", str(tmp_path / "store")],
        stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    seen = b""

    def read_until(marker: bytes, timeout: float = 120.0) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while marker not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the process closed the terminal
                    return
                if not chunk:
                    return
                seen += chunk

    try:
        read_until(f"Neo4j password for {conn.user}".encode())
        assert b"Neo4j password for" in seen, seen
        os.write(leader, conn.password.encode() + b"\n")
        read_until(b"\n7")
        assert process.wait(60) == 0, seen
        read_until(b"\0", timeout=1)  # whatever is left
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    text = seen.decode(errors="replace")
    assert conn.password not in text  # not echoed
    assert "may be echoed" not in text
    assert text.replace("\r", "").rstrip().endswith("n\n7")
