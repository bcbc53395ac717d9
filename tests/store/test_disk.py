"""Disk stays bounded: a store that went through many reloads, replacements and removals takes
no more than 1.2× the disk of a fresh load of the same files, and holds what that load holds."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.store import compaction
from dutygraph.store.files import disk_use, size_or_zero
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"


def exported(store_path: Path) -> list[str]:
    buffer = io.BytesIO()
    with Store.open(store_path) as store:
        store.export(buffer, "nquads")
    return sorted(buffer.getvalue().decode().splitlines())


def test_ten_reload_cycles_keep_the_store_within_1_2_times_a_fresh_load(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "synth.py"), "--out", str(corpus), "-n", "12", "--seed", "5"],
        check=True,
        capture_output=True,
    )
    files = sorted(corpus.glob("*.txt"))
    changing = files[3]
    whole = changing.read_bytes()
    lines = whole.decode().splitlines(keepends=True)
    half = "".join(lines[: len(lines) // 2]).encode()
    with Store.open(tmp_path / "fresh", write=True) as store:
        load_files(store, files)
    fresh = disk_use(tmp_path / "fresh").total
    cycled = tmp_path / "cycled"
    with Store.open(cycled, write=True) as store:
        load_files(store, files)
    with Store.open(cycled) as store:
        ids = store.document_ids()
    heard: list[str] = []
    for cycle in range(10):
        changing.write_bytes(half if cycle % 2 == 0 else whole)  # a replacement each cycle
        with Store.open(cycled, write=True) as store:
            load_files(store, files)
        with Store.open(cycled, write=True) as store:
            assert store.remove(ids[cycle])
            store.compact(progress=heard.append)
        with Store.open(cycled, write=True) as store:
            load_files(store, files)  # the removed document back
    changing.write_bytes(whole)
    with Store.open(cycled, write=True) as store:
        load_files(store, files)
    assert disk_use(cycled).total <= 1.2 * fresh, (disk_use(cycled), disk_use(tmp_path / "fresh"))
    assert exported(cycled) == exported(tmp_path / "fresh")
    assert "compacting: the tables outgrew 1.12× their bulk-loaded size; writing them afresh" in heard
    result = CliRunner().invoke(main, ["store", "status", "--store", str(cycled)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"store {cycled}: 12 document(s), ")
    assert "MB on disk" in result.output and "reclaimable" in result.output


def test_an_error_while_a_writer_compacts_comes_out_as_itself_and_the_next_writer_compacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s"
    with Store.open(path, write=True) as store:
        load_files(store, [EXAMPLES / "huzhou-2019-key-tasks.txt"])  # records the bulk-loaded size
    monkeypatch.setattr(compaction, "LIMIT", 0.0)  # every later write is due for compaction
    monkeypatch.setattr(compaction, "RECOUNT", 0.0)
    measured = compaction.table_bytes
    calls: list[Path] = []

    def fails_once(at: Path) -> int:
        calls.append(at)
        if len(calls) == 1:
            raise OSError("the tables could not be measured")
        return measured(at)

    monkeypatch.setattr(compaction, "table_bytes", fails_once)
    # the error's traceback holds the backend open: closing must not compact (and reopen) under it
    with (
        pytest.raises(OSError, match=r"^the tables could not be measured$") as failed,
        Store.open(path, write=True) as store,
    ):
        load_files(store, [EXAMPLES / "lishan_2023.txt"])
        store.compact()
    del failed, store  # as a process ending on the error does: its traceback let go of the backend
    heard: list[str] = []
    with Store.open(path, write=True) as store:
        assert store.document_count() == 2  # the load had committed before the error
        load_files(store, [EXAMPLES / "dazhu_2016.txt"])
        store.compact(progress=heard.append)
    assert heard == ["compacting: the tables outgrew 0× their bulk-loaded size; writing them afresh"]


def test_a_file_removed_between_listing_and_sizing_counts_zero(tmp_path: Path) -> None:
    # RocksDB removes tables and logs in the background: `store status` during a load lists a
    # folder, then reads each size, and a file gone meanwhile must count 0, not end in a traceback.
    table = tmp_path / "000123.sst"
    table.write_bytes(b"x" * 10)
    assert size_or_zero(table) == 10
    table.unlink()
    assert size_or_zero(table) == 0
