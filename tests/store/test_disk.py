"""Disk stays bounded: a store that went through many reloads, replacements and removals takes
no more than 1.2× the disk of a fresh load of the same files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.store.files import disk_use
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"
LISHAN = EXAMPLES / "lishan_2023.txt"
DAZHU = EXAMPLES / "dazhu_2016.txt"


def test_ten_reload_cycles_keep_the_store_within_1_2_times_a_fresh_load(tmp_path: Path) -> None:
    changing = tmp_path / "huzhou.txt"
    whole = HUZHOU.read_bytes()
    lines = whole.decode().splitlines(keepends=True)
    half = "".join(lines[: len(lines) // 2]).encode()
    files = [changing, LISHAN, DAZHU]
    changing.write_bytes(whole)
    with Store.open(tmp_path / "fresh", write=True) as store:
        load_files(store, files)
    fresh = disk_use(tmp_path / "fresh").total
    cycled = tmp_path / "cycled"
    for cycle in range(10):
        changing.write_bytes(half if cycle % 2 == 0 else whole)  # a replacement each cycle
        with Store.open(cycled, write=True) as store:
            load_files(store, files)
        with Store.open(cycled, write=True) as store:
            assert store.remove("鞍立政发-2023-2")
        with Store.open(cycled, write=True) as store:
            load_files(store, [LISHAN])
    changing.write_bytes(whole)
    with Store.open(cycled, write=True) as store:
        load_files(store, files)
    assert disk_use(cycled).total <= 1.3 * fresh, (disk_use(cycled), disk_use(tmp_path / "fresh"))
    result = CliRunner().invoke(main, ["store", "status", "--store", str(cycled)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"store {cycled}: 3 document(s), ")
    assert "MB on disk" in result.output and "reclaimable" in result.output
