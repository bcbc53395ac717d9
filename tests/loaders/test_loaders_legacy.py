"""Legacy Office files: .doc through antiword, .xls through xlrd, WPS files through LibreOffice.

The fixtures were made from ``legacy_notice.source.txt`` and ``legacy_tasks.source.csv`` (beside them) by
LibreOffice; the expected values below are read by hand from those sources.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dutygraph.errors import DutygraphError, InputError
from dutygraph.loaders import Leader, parse_bytes, parse_file
from dutygraph.loaders.read import read_bytes

DATA = Path(__file__).resolve().parents[1] / "data" / "loaders"

NOTICE = [
    ("1", "推进县城污水处理厂建设。", [Leader("张三", "县长")], [], ["县住建局", "县环保局"]),
    ("2", "完成农村公路改造100公里。", [Leader("张三", "县长")], ["县交通局"], []),
]
TASKS = [
    ("1", "推进智慧停车建设。", [], ["县公安局"], ["县住建局"]),
    ("2", "新建公共厕所15座。", [], ["县城管局"], []),
]


def rows(doc):
    return [(t.number, t.text, t.leaders, t.lead_units, t.co_units) for t in doc.tasks]


@pytest.mark.parametrize(("name", "fmt"), [("legacy_notice.doc", "doc"), ("legacy_notice.wps", "docx")])
def test_doc_and_wps_notices(name, fmt):
    doc = parse_file(DATA / name)
    assert rows(doc) == NOTICE
    assert doc.meta["format"] == fmt


@pytest.mark.parametrize(("name", "fmt"), [("legacy_tasks.xls", "xls"), ("legacy_tasks.et", "xlsx")])
def test_xls_and_et_tables(name, fmt):
    doc = parse_file(DATA / name)
    assert rows(doc) == TASKS
    assert [t.deadline for t in doc.tasks] == ["6月底前", "12月底前"]
    assert doc.meta["format"] == fmt


def test_legacy_files_are_recognised_by_content_without_a_suffix():
    assert rows(parse_bytes((DATA / "legacy_notice.doc").read_bytes())) == NOTICE
    assert rows(parse_bytes((DATA / "legacy_tasks.xls").read_bytes())) == TASKS


def test_a_missing_converter_is_named_in_one_line(monkeypatch):
    monkeypatch.setenv("PATH", os.devnull)  # no antiword, no LibreOffice
    with pytest.raises(DutygraphError, match=r"needs antiword \(apt install antiword\) or LibreOffice"):
        parse_file(DATA / "legacy_notice.doc")
    with pytest.raises(DutygraphError, match="needs LibreOffice: apt install libreoffice"):
        parse_file(DATA / "legacy_notice.wps")


def test_a_damaged_legacy_file_is_refused_in_one_line():
    data = (DATA / "legacy_tasks.xls").read_bytes()[:600]
    with pytest.raises(DutygraphError) as caught:
        parse_bytes(data, suffix=".xls")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", ["legacy_notice.wps", "legacy_tasks.et"])
def test_what_libreoffice_converts_gets_the_archive_checks(name):
    """A converted file is read as a file of its new format is, zip-bomb limits included: with a
    limit a few hundred bytes, the converted archive's XML is over it."""
    with pytest.raises(InputError, match=r"unpacks to \d+ MB of XML, over the 0 MB limit"):
        read_bytes((DATA / name).read_bytes(), Path(name).suffix, max_bytes=1000)
