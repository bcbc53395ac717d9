"""A local Bolt server for users without Neo4j: ArcadeDB from the ``arcadedb-embedded`` wheel.

The wheel (the ``server`` extra) ships ArcadeDB's server jars, its Bolt plugin and its own Java
runtime, so :func:`start` needs nothing else installed. The server runs as a separate process
(not inside Python's JVM bridge) so it outlives the command that started it and can be stopped by
another one. Everything it owns lives in ``<store>/neo4j-server/``:

* ``state.json`` (mode 600) — pid, ports, user, generated password, database name;
* ``server.log`` — the server's own output (it never contains the password);
* ``databases/``, ``config/`` … — ArcadeDB's files.

Both listeners (HTTP and Bolt) are bound to 127.0.0.1 on ports chosen free at start. The password
reaches Java through a mode-600 ``@argfile`` that is deleted once the server is up, never through
the command line (which every local user can read in ``ps``).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from dutygraph.errors import InputError, InternalError, ServerError

SERVER_DIR = "neo4j-server"
STATE_FILE = "state.json"
LOG_FILE = "server.log"
ARGS_FILE = "java.args"
DEFAULT_DATABASE = "dutygraph"
DEFAULT_USER = "root"
HOST = "127.0.0.1"
MAIN_CLASS = "com.arcadedb.server.ArcadeDBServer"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"


@dataclass(frozen=True)
class ServerInfo:
    """How to reach a running local server (``password`` is a secret: never print it)."""

    home: str
    pid: int
    bolt_port: int
    http_port: int
    user: str
    password: str
    database: str
    started_at: float

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://{HOST}:{self.http_port}"

    def describe(self) -> str:
        """One line for ``dutygraph server status`` — without the password."""
        return (
            f"running (pid {self.pid}) — Bolt {self.uri}, HTTP {self.http_url}, "
            f"user {self.user}, database {self.database}; password in {Path(self.home) / STATE_FILE}"
        )


def server_home(store: Path | str) -> Path:
    return Path(store) / SERVER_DIR


# -- locating the runtime ------------------------------------------------------------------------
def runtime() -> tuple[Path, Path]:
    """The bundled ``java`` executable and the jar folder of ``arcadedb-embedded``."""
    try:
        import arcadedb_embedded
    except ImportError:
        raise InputError(
            "the local server needs the optional extra: pip install 'dutygraph[server]' (arcadedb-embedded)"
        ) from None
    package = Path(arcadedb_embedded.__file__).resolve().parent
    java = package / "jre" / "bin" / "java"
    jars = package / "jars"
    if not java.is_file() or not jars.is_dir():
        raise InternalError(f"arcadedb-embedded at {package} has no bundled Java or jars; reinstall it")
    return java, jars


def _ensure_store(path: Path) -> None:
    """Make ``path`` a (possibly empty) dutygraph store, so our folder inside it does not make
    ``dutygraph load`` refuse it as "not a dutygraph store"."""
    from dutygraph.store.files import MARKER, require_space
    from dutygraph.store.store import Store

    if not (path / MARKER).is_file():
        Store.open(path, write=True).close()
    else:
        Store.open(path).close()  # a damaged store is refused here, before a server starts on it
        require_space(path)  # and a full disk before the server's folder is made in it


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to a file only the owner can read (created 600, never wider)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def _java_args(home: Path, jars: Path, bolt_port: int, http_port: int, password: str, heap: str) -> list[str]:
    return [
        f"-Xmx{heap}",
        "--add-modules=jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/java.nio.channels.spi=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "-Dfile.encoding=UTF8",
        "-Djava.awt.headless=true",
        "-Dpolyglot.engine.WarnInterpreterOnly=false",
        f"-Darcadedb.server.rootPath={home}",
        f"-Darcadedb.server.rootPassword={password}",
        "-Darcadedb.server.mode=development",
        f"-Darcadedb.server.httpIncomingHost={HOST}",
        f"-Darcadedb.server.httpIncomingPort={http_port}",
        f"-Darcadedb.server.plugins={BOLT_PLUGIN}",
        f"-Darcadedb.bolt.host={HOST}",
        f"-Darcadedb.bolt.port={bolt_port}",
        f"-Darcadedb.server.defaultDatabases={DEFAULT_DATABASE}[{DEFAULT_USER}]",
        "-cp",
        f"{jars}/*",
        MAIN_CLASS,
    ]


def _quote_arg(arg: str) -> str:
    """One ``@argfile`` line: quoted, with backslashes and quotes escaped (java's own rules)."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- state -----------------------------------------------------------------------------------------
def _read_state(home: Path) -> ServerInfo | None:
    try:
        data = json.loads((home / STATE_FILE).read_text(encoding="utf-8"))
        return ServerInfo(**data)
    except (OSError, ValueError, TypeError):
        return None


def _is_our_process(pid: int, home: Path) -> bool:
    """True when ``pid`` is alive and is the ArcadeDB server of ``home`` (not a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (macOS): trust the pid
    # Settings come from the argfile, so the command line is ``java @<home>/java.args``.
    return f"@{home / ARGS_FILE}".encode() in cmdline


def _ready(http_url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"{http_url}/api/v1/ready", timeout=timeout) as response:
            return 200 <= int(response.status) < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


def status(store: Path | str) -> ServerInfo | None:
    """The running local server of ``store``, or None when none is running."""
    home = server_home(store).resolve()
    info = _read_state(home)
    if info is None or not _is_our_process(info.pid, home):
        return None
    return info if _ready(info.http_url) else None


def _log_tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:] if line.strip())


def start(
    store: Path | str,
    *,
    bolt_port: int | None = None,
    http_port: int | None = None,
    timeout: float = 90.0,
    heap: str | None = None,
) -> ServerInfo:
    """Start the local server of ``store`` (or return the one already running) and wait until ready."""
    home = server_home(store).resolve()
    running = status(store)
    if running is not None:
        return running
    java, jars = runtime()
    _ensure_store(Path(store))
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(home, 0o700)
    previous = _read_state(home)
    if previous is not None and _is_our_process(previous.pid, home):
        # Alive but not answering: a server still starting, or hung. Give it the same wait.
        return _wait_ready(previous, home, None, timeout)
    # ArcadeDB creates the root user (with this password) only on its first start; later starts keep
    # the stored hash, so the password is generated once and kept.
    password = previous.password if previous and (home / "config").is_dir() else secrets.token_urlsafe(18)
    bolt = bolt_port or _free_port()
    http = http_port or _free_port()
    while http == bolt:
        http = _free_port()
    heap = heap or os.environ.get("DUTYGRAPH_SERVER_HEAP", "1g")
    args_file = home / ARGS_FILE
    _write_private(
        args_file, "\n".join(_quote_arg(a) for a in _java_args(home, jars, bolt, http, password, heap))
    )
    log = (home / LOG_FILE).open("ab")
    try:
        process = subprocess.Popen(
            [str(java), f"@{args_file}"],
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # survives the CLI command and a Ctrl-C in its terminal
        )
    finally:
        log.close()
    info = ServerInfo(
        home=str(home),
        pid=process.pid,
        bolt_port=bolt,
        http_port=http,
        user=DEFAULT_USER,
        password=password,
        database=DEFAULT_DATABASE,
        started_at=time.time(),
    )
    _write_private(home / STATE_FILE, json.dumps(asdict(info), indent=2) + "\n")
    try:
        return _wait_ready(info, home, process, timeout)
    finally:
        with contextlib.suppress(FileNotFoundError):
            args_file.unlink()


def _wait_ready(
    info: ServerInfo, home: Path, process: subprocess.Popen[bytes] | None, timeout: float
) -> ServerInfo:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerError(
                f"the local server exited with status {process.returncode} while starting: "
                f"{_log_tail(home / LOG_FILE)}"
            )
        if _ready(info.http_url):
            return info
        time.sleep(0.2)
    _terminate(info.pid, home)
    raise ServerError(f"the local server did not become ready in {timeout:g} s; see {home / LOG_FILE}")


def _terminate(pid: int, home: Path, grace: float = 30.0) -> None:
    if not _is_our_process(pid, home):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)  # ArcadeDB closes its databases cleanly on SIGTERM
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    while _alive(pid):
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    # Reap it if it is our child (a test fixture starts it from this process).
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie that is not our child still answers kill(0)
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return True


def stop(store: Path | str) -> bool:
    """Stop the local server of ``store``; False when none was running."""
    home = server_home(store).resolve()
    info = _read_state(home)
    if info is None or not _is_our_process(info.pid, home):
        return False
    _terminate(info.pid, home)
    return True


__all__ = ["ServerInfo", "runtime", "server_home", "start", "status", "stop"]
