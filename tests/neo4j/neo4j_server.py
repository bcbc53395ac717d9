"""The real Neo4j Community server of the tests: the launcher in ``tests/neo4j-server/``.

``.ci/setup`` builds it once (``mvn -q -B package``: the launcher class and every dependency jar
under ``target/``); from then on starting it needs only ``java`` — no Maven, no network. The
server gets a throw-away home folder, Bolt on 127.0.0.1 on a port it picks itself, authentication
on with a generated password (handed over in the environment, never on a command line), and stops
when its stdin closes — also when the test process dies without cleaning up.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parents[1] / "neo4j-server"
CLASSES = LAUNCHER / "target" / "classes"
LIBS = LAUNCHER / "target" / "lib"
MAIN_CLASS = "dutygraph.testserver.Neo4jTestServer"
USER = "neo4j"
#: Startup takes ~15 s on an idle machine; on two shared cores under load it has taken ~50 s.
START_TIMEOUT = 240.0


class Unavailable(RuntimeError):
    """The launcher is not built or no Java runs it (the message says which)."""


@dataclass
class Neo4jServer:
    """A running test server; ``stop`` ends it and deletes nothing (the home is the caller's)."""

    process: subprocess.Popen[bytes]
    home: Path
    port: int
    password: str = field(repr=False)
    user: str = USER

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def import_dir(self) -> Path:
        """Where ``LOAD CSV FROM 'file:///name.csv'`` reads ``name.csv``."""
        return self.home / "import"

    def stop(self, grace: float = 60.0) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()  # the launcher shuts Neo4j down cleanly
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def java() -> str:
    """``$JAVA_HOME/bin/java`` when set, else ``java`` on the PATH (Neo4j 5.26 needs 17 or 21)."""
    home = os.environ.get("JAVA_HOME")
    candidate = Path(home) / "bin" / "java" if home else None
    if candidate is not None and candidate.is_file():
        return str(candidate)
    found = shutil.which("java")
    if found is None:
        raise Unavailable("no java on the PATH (Neo4j's test server needs Java 17 or 21)")
    return found


def start(home: Path) -> Neo4jServer:
    """Start the server with its data in ``home`` (created) and wait until Bolt answers."""
    if not (CLASSES / "dutygraph").is_dir() or not LIBS.is_dir():
        raise Unavailable(f"the Neo4j test server is not built: run .ci/setup (mvn package in {LAUNCHER})")
    home.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(18)
    log = (home / "launcher.log").open("wb")
    process = subprocess.Popen(
        [java(), "-Xms256m", "-Xmx1g", "-cp", f"{CLASSES}{os.pathsep}{LIBS}/*", MAIN_CLASS, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        env={**os.environ, "NEO4J_TEST_PASSWORD": password},
    )
    log.close()
    port = _ready_port(process, home)
    return Neo4jServer(process=process, home=home, port=port, password=password)


def _ready_port(process: subprocess.Popen[bytes], home: Path) -> int:
    """The port of the launcher's ``READY <port>`` line; the server killed when it never comes."""
    stdout = process.stdout
    assert stdout is not None
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    line = lines[0].decode() if lines else ""
    if line.startswith("READY "):
        return int(line.split()[1])
    process.kill()
    process.wait()
    tail = (home / "launcher.log").read_text(errors="replace").strip().splitlines()[-15:]
    raise RuntimeError(
        f"the Neo4j test server did not start within {START_TIMEOUT:.0f} s "
        f"(exit {process.returncode}):\n" + "\n".join(tail)
    )


def wait_for_bolt(server: Neo4jServer, timeout: float = 60.0) -> None:
    """Return once the driver authenticates against ``server`` (the READY line comes after the
    password is set, so this normally succeeds at once)."""
    from neo4j import GraphDatabase

    deadline = time.monotonic() + timeout
    while True:
        try:
            with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as handle:
                handle.verify_connectivity()
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
