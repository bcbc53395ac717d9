"""Bad input: one clear DutygraphError line from the library, exit 2 and no traceback from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_bytes, parse_file, parse_text

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "loaders" / "parse.schema.json").read_text(encoding="utf-8"))
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "blank": b"   \n\n\t  \n",
        "binary": bytes(range(256)) * 20,
        "not-a-notice": "今天天气很好，我们去公园散步。\n晚上看了一场电影。\n".encode(),
        "undecodable": b"\xff\xfe\xfd\x81\x30" * 40 + b"\x80\x80",
        "zip": b"PK\x03\x04" + b"\x00" * 40,
        "legacy-doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    }
    paths = {}
    for name, data in files.items():
        path = tmp / f"{name}.txt"
        path.write_bytes(data)
        paths[name] = path
    return paths


@pytest.mark.parametrize(
    "name", ["empty", "blank", "binary", "not-a-notice", "undecodable", "zip", "legacy-doc"]
)
def test_bad_files_raise_one_line(tmp_path, name):
    path = _bad_files(tmp_path)[name]
    with pytest.raises(DutygraphError) as caught:
        parse_file(path)
    message = str(caught.value)
    assert message and "\n" not in message


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(DutygraphError, match="no such file"):
        parse_file(tmp_path / "nope.txt")
    with pytest.raises(DutygraphError, match="directory"):
        parse_file(tmp_path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(HUZHOU.read_bytes() * 3)
    with pytest.raises(DutygraphError, match="limit"):
        parse_file(path, max_bytes=50_000)
    assert parse_file(HUZHOU, max_bytes=50_000).tasks


def test_fifty_megabytes_default_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: no 50 MB written to disk
    with pytest.raises(DutygraphError, match="50 MB limit"):
        parse_file(path)


def test_damaged_docx_and_xlsx(tmp_path):
    for suffix in (".docx", ".xlsx"):
        path = tmp_path / f"broken{suffix}"
        path.write_bytes(b"PK\x03\x04 not really a zip")
        with pytest.raises(DutygraphError):
            parse_file(path)


def test_partial_notice_keeps_readable_tasks():
    text = HUZHOU.read_text(encoding="utf-8")
    lines = text.splitlines()
    # Cut the notice in the middle of 附件1 and damage one unit line.
    cut = "\n".join(lines[:60]).replace("责任单位:市建设局、市综合执法局、市文化广电旅游局", "责任单位:")
    doc = parse_text(cut)
    # Line 60 is task 22, whose unit line was cut off.
    assert [t.number for t in doc.tasks] == [str(i) for i in range(1, 23)]
    assert doc.tasks[-1].lead_units == []
    broken = next(t for t in doc.tasks if t.number == "14")
    assert broken.lead_units == [] and any(
        w.code == "task-without-unit" and w.line == broken.line for w in doc.warnings
    )


def test_text_and_bytes_apis_refuse_empty():
    with pytest.raises(DutygraphError):
        parse_text("")
    with pytest.raises(DutygraphError):
        parse_bytes(b"")


# -- the CLI ---------------------------------------------------------------------------------------


def test_cli_json_matches_schema():
    result = CliRunner().invoke(main, ["parse", str(HUZHOU), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert len(data["tasks"]) == 81
    assert "湖政办发〔2019〕9号" in result.output  # ensure_ascii=False
    assert result.output.startswith('{\n  "source"')  # indent 2


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data" / "loaders").glob("layout*.txt")))
def test_every_sample_validates(path):
    jsonschema.validate(parse_file(path).to_json(), SCHEMA)


def test_cli_table():
    result = CliRunner().invoke(main, ["parse", str(ROOT / "examples" / "lishan_2023.txt")])
    assert result.exit_code == 0
    assert "区发改局" in result.output and "task-without-unit" in result.output


@pytest.mark.parametrize("name", ["empty", "binary", "not-a-notice", "undecodable"])
def test_cli_bad_input_exit_2(tmp_path, name):
    path = _bad_files(tmp_path)[name]
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_cli_missing_and_directory(tmp_path):
    for target in (tmp_path / "missing.txt", tmp_path):
        result = CliRunner().invoke(main, ["parse", str(target)])
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and "Traceback" not in result.output
