"""Loading a corpus as users keep one: a folder (its files at any depth) stands for its files, and
``--keep-going`` stores the notices among them, names each refused file on stderr and exits 2;
without it one refused file stores nothing new."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.store.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU, DAZHU, LISHAN = (
    EXAMPLES / n for n in ("huzhou-2019-key-tasks.txt", "dazhu_2016.txt", "lishan_2023.txt")
)


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "说明.txt"
    path.write_text("关于本文件夹\n这里存放的是历年来收集的各类文件，供大家查阅参考。\n", encoding="utf-8")
    return path


def _stored(store: Path) -> set[str]:
    with Store.open(store) as opened:
        return {d.id for d in opened.documents()}


def test_load_keeps_going_past_a_refused_file_and_says_so(tmp_path: Path) -> None:
    article = _article(tmp_path)
    store = tmp_path / "s"
    result = CliRunner().invoke(
        main, ["load", "--store", str(store), "--keep-going", str(HUZHOU), str(article), str(DAZHU)]
    )
    assert result.exit_code == 2
    assert _stored(store) == {"湖政办发-2019-9", "竹府办-2016-20"}
    assert result.stderr.splitlines() == [
        f"refused {article}: no tasks found — this does not look like a responsibility notice (责任分解/任务分工)",
        "1 file(s) refused",
    ]
    assert "store " in result.stdout and ": 2 document(s)" in result.stdout


def test_without_keep_going_a_refused_file_stores_nothing_new(tmp_path: Path) -> None:
    store = tmp_path / "s"
    assert CliRunner().invoke(main, ["load", "--store", str(store), str(LISHAN)]).exit_code == 0
    result = CliRunner().invoke(main, ["load", "--store", str(store), str(HUZHOU), str(_article(tmp_path))])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "no tasks found" in result.stderr
    assert _stored(store) == {"鞍立政发-2023-2"}


def test_run_keeps_going_and_reports_on_the_rest(tmp_path: Path) -> None:
    article = _article(tmp_path)
    out = tmp_path / "out"
    args = ["run", "--store", str(tmp_path / "s"), "--out", str(out), "--no-page", "--keep-going"]
    result = CliRunner().invoke(main, [*args, str(article), str(HUZHOU)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"refused {article}: ")
    assert "文件 1 份，湖州市，2019 年。" in (out / "report.md").read_text(encoding="utf-8")


def test_run_with_every_file_refused_is_the_refusal(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", "--store", str(tmp_path / "s"), "--out", str(out), "--no-page", "--keep-going"]
    result = CliRunner().invoke(main, [*args, str(_article(tmp_path))])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "no tasks found" in result.stderr
    assert not (out / "report.md").exists()


def test_a_folder_stands_for_the_files_under_it(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    (folder / "2019").mkdir(parents=True)
    (folder / "2023").mkdir()
    (folder / "2019" / HUZHOU.name).write_bytes(HUZHOU.read_bytes())
    (folder / "2023" / LISHAN.name).write_bytes(LISHAN.read_bytes())
    (folder / ".DS_Store").write_bytes(b"\x00\x01binary")
    readme = folder / "说明.txt"
    readme.write_text(_article(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "s"
    result = CliRunner().invoke(main, ["load", "--store", str(store), "--keep-going", str(folder)])
    assert result.exit_code == 2
    assert _stored(store) == {"湖政办发-2019-9", "鞍立政发-2023-2"}
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == [
        f"refused {readme}",
        "1 file(s) refused",
    ]


def test_an_empty_folder_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["load", "--store", str(tmp_path / "s"), str(tmp_path / "empty")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {tmp_path / 'empty'} is a folder with no files in it\n",
    )
