"""`dutygraph store check | backup | rebuild` and the damage only they (or the fallback) see."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.store.files import SOURCES, SUMS

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"
DAZHU = EXAMPLES / "dazhu_2016.txt"


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _loaded(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    assert _cli("load", str(HUZHOU), str(DAZHU), "--store", str(store))[0] == 0
    return store


def test_check_finds_one_flipped_byte_that_reading_commands_may_not_touch(tmp_path: Path) -> None:
    store = _loaded(tmp_path)
    assert _cli("store", "check", "--store", str(store))[0] == 0
    sums = json.loads((store / SUMS).read_text(encoding="utf-8"))
    name = sorted(sums)[-1]
    table = store / "oxigraph" / name
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0x01
    table.write_bytes(bytes(data))
    code, _, stderr = _cli("store", "check", "--store", str(store))
    assert code == 3 and stderr.count("\n") == 1
    assert "store damaged" in stderr and name in stderr


def test_a_digest_of_the_wrong_shape_is_read_from_the_graph_instead(tmp_path: Path) -> None:
    store = _loaded(tmp_path)
    code, expected, _ = _cli("report", "workload", "--store", str(store), "--format", "json")
    assert code == 0
    for digest, junk in zip(
        sorted((store / "digests").glob("*.json")), ["[1, 2]", '{"s": {"p": [1]}}'], strict=True
    ):
        digest.write_text(junk, encoding="utf-8")
    for command in (["report", "workload", "--format", "json"], ["viz", "-o", str(tmp_path / "n.html")]):
        code, _, stderr = _cli(*command, "--store", str(store))
        assert code == 0, stderr
    assert _cli("report", "workload", "--store", str(store), "--format", "json")[1] == expected


def test_sources_are_recorded_and_forgotten_with_their_documents(tmp_path: Path) -> None:
    store = _loaded(tmp_path)
    sources = json.loads((store / SOURCES).read_text(encoding="utf-8"))
    assert sources == {
        "湖政办发-2019-9": {"path": str(HUZHOU.absolute()), "jurisdiction": "湖州市", "aliases": None},
        "竹府办-2016-20": {"path": str(DAZHU.absolute()), "jurisdiction": "大竹县", "aliases": None},
    }
    assert _cli("remove", "竹府办-2016-20", "--store", str(store))[0] == 0
    assert list(json.loads((store / SOURCES).read_text(encoding="utf-8"))) == ["湖政办发-2019-9"]


def test_a_backup_is_a_store_and_refuses_an_existing_folder(tmp_path: Path) -> None:
    store = _loaded(tmp_path)
    target = tmp_path / "backup"
    code, output, _ = _cli("store", "backup", str(target), "--store", str(store))
    assert code == 0 and "2 document(s)" in output
    shutil.rmtree(store)  # the original is gone: the backup alone answers
    assert _cli("store", "check", "--store", str(target))[0] == 0
    code, csv, _ = _cli("docs", "--store", str(target), "--format", "csv")
    assert [line.split(",")[0] for line in csv.splitlines()[1:]] == ["湖政办发-2019-9", "竹府办-2016-20"]
    code, _, stderr = _cli("store", "backup", str(target), "--store", str(target))
    assert code == 2 and "exists" in stderr


def test_rebuild_says_which_source_is_gone_and_changes_nothing(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    shutil.copy(DAZHU, notice)
    store = tmp_path / "store"
    assert _cli("load", str(notice), "--store", str(store))[0] == 0
    notice.unlink()
    code, _, stderr = _cli("store", "rebuild", "--store", str(store))
    assert code == 2 and str(notice) in stderr and stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_a_store_without_a_record_of_its_sources_is_rebuilt_from_the_graph(tmp_path: Path) -> None:
    """Stores loaded before sources.json was kept: the documents' own dct:source answers."""
    store = _loaded(tmp_path)
    (store / SOURCES).unlink()
    code, output, stderr = _cli("store", "rebuild", "--store", str(store))
    assert code == 0 and "2 document(s)" in output, stderr
    code, csv, _ = _cli("docs", "--store", str(store), "--format", "csv")
    assert [line.split(",")[0] for line in csv.splitlines()[1:]] == ["湖政办发-2019-9", "竹府办-2016-20"]
