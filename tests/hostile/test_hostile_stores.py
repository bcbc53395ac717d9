"""Every command against a read-only store, a store on a full disk and a damaged store: one line
on stderr and exit 2 wherever the command cannot do its job, the store byte-identical afterwards.

Commands that never open the store (parse, vocabulary, cypher, server stop/status) are left out.
The read-only and full-disk stores live on a small tmpfs mounted for the test (root can write to
any folder whatever its mode, so only a read-only mount makes a store read-only for root).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import multiprocessing
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dutygraph.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"
DAZHU = EXAMPLES / "dazhu_2016.txt"

#: (name, arguments, writes to the store). ``OUT`` is replaced by a path beside the store.
COMMANDS: list[tuple[str, list[str], bool]] = [
    ("load", ["load", str(DAZHU), "--wait", "1"], True),
    ("remove", ["remove", "湖政办发-2019-9", "--wait", "1"], True),
    ("run", ["run", str(DAZHU), "--out", "OUT/report", "--no-page"], True),
    ("docs", ["docs"], False),
    ("docs -o", ["docs", "--format", "csv", "-o", "OUT/docs.csv"], False),
    ("export", ["export", "--format", "nquads"], False),
    ("export -o", ["export", "-o", "OUT/graph.trig"], False),
    ("validate", ["validate"], False),
    ("sparql", ["sparql", "SELECT ?d WHERE { GRAPH ?g { ?d dg:docId ?id } }"], False),
    ("report", ["report", "workload", "--top", "3"], False),
    ("report -o", ["report", "workload", "--format", "xlsx", "-o", "OUT/w.xlsx"], False),
    ("viz", ["viz", "-o", "OUT/network.html"], False),
    ("sync", ["sync", "--dry-run"], False),
    ("server start", ["server", "start"], True),
    ("store check", ["store", "check", "--wait", "1"], False),
    ("store backup", ["store", "backup", "OUT/backup"], False),
]
IDS = [name for name, _, _ in COMMANDS]


def _files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` → SHA-256 of its bytes (folders too, as empty entries)."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            found[os.path.relpath(Path(root, name), folder) + "/"] = ""
        for name in files:
            path = Path(root, name)
            found[os.path.relpath(path, folder)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _invoke(store: Path, out: Path, args: list[str]) -> tuple[int, str, str]:
    args = [a.replace("OUT", str(out)) for a in args]
    env = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "unused", "COLUMNS": "200"}
    result = CliRunner().invoke(main, [*args, "--store", str(store)], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {type(result.exception).__name__}: {result.exception}")
    return result.exit_code, result.stdout, result.stderr


def _one_line_failure(code: int, stderr: str, status: int) -> None:
    """One line, no traceback, and the exit status of the error's kind (2 input, 3 store, 4 server)."""
    assert code == status, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr


@pytest.fixture
def pristine(huzhou_loaded: Path) -> Path:
    """The Huzhou store; every test copies it before touching it."""
    return huzhou_loaded


# --------------------------------------------------------------------------------- a small disk
def _mount(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    command = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"this machine does not let the test mount a tmpfs ({done.stderr.strip()})")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs, unmounted afterwards."""
    folder = tmp_path / "disk"
    _mount(folder, "16m")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    """Leave the disk with no free block."""
    with (folder / "filler").open("wb", buffering=0) as handle:
        for block in (1 << 20, 4096, 1):
            with contextlib.suppress(OSError):
                while handle.write(b"\0" * block):
                    pass


@pytest.mark.parametrize(("name", "args", "writes"), COMMANDS, ids=IDS)
def test_a_read_only_store(disk: Path, pristine: Path, name: str, args: list[str], writes: bool) -> None:
    """Readers work as ever; writers say in one line that the store cannot be written."""
    store = disk / "store"
    shutil.copytree(pristine, store, symlinks=True)
    before = _files(store)
    out = disk.parent / "out"  # outputs go to a writable folder
    out.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    code, _, stderr = _invoke(store, out, args)
    if writes:
        _one_line_failure(code, stderr, 3)
        assert "read-only" in stderr.lower()
    elif name == "sync":  # reads the store, then finds no server at the address given
        _one_line_failure(code, stderr, 4)
    else:
        assert code == 0, stderr
    assert _files(store) == before


@pytest.mark.parametrize(("name", "args", "writes"), COMMANDS, ids=IDS)
def test_a_store_on_a_full_disk(disk: Path, pristine: Path, name: str, args: list[str], writes: bool) -> None:
    """Writers refuse to start; files asked for on the full disk fail whole (no partial file)."""
    store = disk / "store"
    shutil.copytree(pristine, store, symlinks=True)
    out = disk / "out"
    out.mkdir()
    _fill(disk)
    before = _files(store)
    code, _, stderr = _invoke(store, out, args)
    writes_a_file = any("OUT" in a for a in args)
    if writes or writes_a_file or name == "sync":
        # the store's writers and the backup: 3; a file asked for with -o: 2; no server: 4
        status = 4 if name == "sync" else 3 if writes or name == "store backup" else 2
        _one_line_failure(code, stderr, status)
    else:
        assert code == 0, stderr
    assert _files(store) == before
    assert [p for p in out.rglob("*") if p.is_file()] == []  # nothing half-written


# --------------------------------------------------------------------------------- damage
def _sst_files(store: Path) -> list[Path]:
    return sorted((store / "oxigraph").glob("*.sst"))


def _flip_bytes(store: Path) -> None:
    for table in _sst_files(store):
        data = bytearray(table.read_bytes())
        middle = len(data) // 3
        data[middle : middle + 8] = bytes(b ^ 0xFF for b in data[middle : middle + 8])
        table.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "table file deleted": lambda s: _sst_files(s)[0].unlink(),
    "table file truncated": lambda s: os.truncate(_sst_files(s)[0], 100),
    "bytes flipped in every table file": _flip_bytes,
    "CURRENT deleted": lambda s: (s / "oxigraph" / "CURRENT").unlink(),
    "backend folder deleted": lambda s: shutil.rmtree(s / "oxigraph"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize(("name", "args", "writes"), COMMANDS, ids=IDS)
def test_a_damaged_store(
    tmp_path: Path, pristine: Path, damage: str, name: str, args: list[str], writes: bool
) -> None:
    store = tmp_path / "store"
    shutil.copytree(pristine, store, symlinks=True)
    DAMAGE[damage](store)
    before = _files(store)
    out = tmp_path / "out"
    out.mkdir()
    code, _, stderr = _invoke(store, out, args)
    _one_line_failure(code, stderr, 3)
    assert "store damaged" in stderr and "dutygraph store rebuild" in stderr
    assert _files(store) == before


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_store_is_rebuilt_from_its_sources_and_kept(
    tmp_path: Path, pristine: Path, damage: str
) -> None:
    store = tmp_path / "store"
    shutil.copytree(pristine, store, symlinks=True)
    DAMAGE[damage](store)
    before = _files(store)
    result = CliRunner().invoke(main, ["store", "rebuild", "--store", str(store)])
    assert result.exit_code == 0, result.output
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("store.before-rebuild-")]
    assert len(kept) == 1 and _files(kept[0]) == before  # the damaged store, untouched, beside
    check = CliRunner().invoke(main, ["store", "check", "--store", str(store)])
    assert check.exit_code == 0 and "intact — 1 document(s)" in check.output
    docs = CliRunner().invoke(main, ["docs", "--store", str(store), "--format", "csv"])
    assert docs.output.splitlines()[1].startswith("湖政办发-2019-9,")


# --------------------------------------------------------------------------------- first writers
def _open_at_once(path: str, barrier: Any, results: Any) -> None:
    from dutygraph.errors import DutygraphError
    from dutygraph.store.store import Store

    barrier.wait()
    try:
        with Store.open(Path(path), write=True, wait=30):
            results.put("ok")
    except DutygraphError as error:
        results.put(str(error))


def test_writers_starting_together_on_a_new_folder_all_get_the_store(tmp_path: Path) -> None:
    """The lock is taken before the folder is judged: a writer never sees another's half-made
    store as a foreign folder."""
    context = multiprocessing.get_context("spawn")
    outcomes = []
    for round_ in range(4):
        path = str(tmp_path / f"new{round_}" / "store")
        barrier, results = context.Barrier(3), context.Queue()
        workers = [context.Process(target=_open_at_once, args=(path, barrier, results)) for _ in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
        outcomes += [results.get(timeout=5) for _ in workers]
    assert outcomes == ["ok"] * 12


def test_a_writer_waits_for_the_first_writer_of_a_new_folder(tmp_path: Path) -> None:
    """The moment the race hit: the first writer has made the folder and holds the lock, its
    marker not yet written. The second waits for the lock instead of calling the folder foreign."""
    folder = tmp_path / "store"
    folder.mkdir()
    with (folder / "write.lock").open("a+") as first:
        fcntl.flock(first, fcntl.LOCK_EX)
        started = time.monotonic()
        second = threading.Thread(target=lambda: outcome.append(_open_writer(folder)))
        outcome: list[str] = []
        second.start()
        time.sleep(1.0)
        assert outcome == []  # still waiting
    second.join(30)
    assert outcome == ["ok"] and time.monotonic() - started >= 1.0


def _open_writer(folder: Path) -> str:
    from dutygraph.errors import DutygraphError
    from dutygraph.store.store import Store

    try:
        with Store.open(folder, write=True, wait=20):
            return "ok"
    except DutygraphError as error:
        return str(error)


def test_a_foreign_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.tex").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(HUZHOU), "--store", str(folder)])
    _one_line_failure(result.exit_code, result.stderr, 3)
    assert sorted(p.name for p in folder.iterdir()) == ["chapter1.tex"]  # no lock file left in it


def test_a_load_that_fills_the_disk_commits_nothing_and_the_store_recovers(
    disk: Path, tmp_path: Path
) -> None:
    """The disk fills half-way through a load: one line, the store as before; with the disk still
    full the next writer refuses to start; once space is freed it sweeps the leftovers and loads."""
    store = disk / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(HUZHOU), "--store", str(store)]).exit_code == 0
    printed = HUZHOU.read_text(encoding="utf-8")
    copies = []
    for k in range(150):
        copy = tmp_path / f"copy{k}.txt"
        copy.write_text(
            printed.replace("湖政办发〔2019〕9号", f"湖政办发〔2019〕{100 + k}号"), encoding="utf-8"
        )
        copies.append(str(copy))
    free = shutil.disk_usage(disk).free
    with (disk / "filler").open("wb") as handle:
        handle.write(b"\0" * (free - 5 * 1024 * 1024))  # 5 MB left: room to start, not to finish
    code, _, stderr = _invoke(store, tmp_path, ["load", *copies])
    _one_line_failure(code, stderr, 3)
    assert "No space left" in stderr
    code, stdout, _ = _invoke(store, tmp_path, ["docs", "--format", "csv"])
    assert code == 0 and [line.split(",")[0] for line in stdout.splitlines()[1:]] == ["湖政办发-2019-9"]
    code, _, stderr = _invoke(store, tmp_path, ["load", str(DAZHU)])
    _one_line_failure(code, stderr, 3)
    (disk / "filler").unlink()
    code, stdout, stderr = _invoke(store, tmp_path, ["load", str(DAZHU)])
    assert code == 0, stderr
    code, stdout, stderr = _invoke(store, tmp_path, ["store", "check"])
    assert code == 0 and "intact — 2 document(s)" in stdout, stderr
