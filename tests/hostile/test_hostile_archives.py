"""Zip bombs: a .docx/.xlsx is refused from its directory (part count, unpacked size) before
python-docx or openpyxl inflate anything, so a small file cannot take minutes and gigabytes."""

from __future__ import annotations

import io
import resource
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_file
from dutygraph.loaders.read import MAX_PARTS

MB = 1024 * 1024


def _docx(*lines: str) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["序号", "工作任务", "责任单位"])
    book.active.append(["1", "深化改革", "市发改委"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_parts(archive: bytes, parts: dict[str, bytes]) -> bytes:
    """``archive`` with ``parts`` added (or replacing parts of the same name), deflated."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item, source.read(item))
        for name, data in parts.items():
            target.writestr(name, data, compresslevel=9)
    return out.getvalue()


NOTICE = ["湖州市人民政府办公室关于印发重点工作责任分解的通知", "1.深化放管服改革。", "责任单位：市审计局"]


def _refused(tmp_path: Path, name: str, data: bytes, match: str) -> float:
    path = tmp_path / name
    path.write_bytes(data)
    assert path.stat().st_size < 2 * MB  # small on disk: the harm is in what it unpacks to
    started = time.process_time()
    with pytest.raises(DutygraphError, match=match) as caught:
        parse_file(path)
    assert "\n" not in str(caught.value)
    return time.process_time() - started


def test_a_docx_whose_xml_unpacks_past_the_limit_is_refused_unread(tmp_path: Path) -> None:
    body = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    bomb = body + b" " * (30 * MB) + b"</w:t></w:r></w:p></w:body></w:document>"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds = _refused(
        tmp_path,
        "bomb.docx",
        _with_parts(_docx(*NOTICE), {"word/document.xml": bomb}),
        r"unpacks to 3\d MB of XML, over the 25 MB limit",
    )
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert seconds < 5 and grown_kb < 200 * 1024  # nothing inflated: no 30 MB string, no DOM


def test_a_docx_whose_media_unpacks_past_the_limit_is_refused(tmp_path: Path) -> None:
    media = {f"word/media/image{k}.png": b"\0" * (60 * MB) for k in range(4)}
    _refused(
        tmp_path,
        "media.docx",
        _with_parts(_docx(*NOTICE), media),
        r"unpacks to 24\d MB of content, over the 200 MB limit",
    )


def test_an_xlsx_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    parts = {f"xl/media/p{k}.bin": b"" for k in range(MAX_PARTS)}
    _refused(tmp_path, "parts.xlsx", _with_parts(_xlsx(), parts), f"parts, over the limit of {MAX_PARTS}")


def test_an_xlsx_sheet_bomb_is_refused(tmp_path: Path) -> None:
    sheet = b"<sheetData>" + b"<row/>" * (6 * MB) + b"</sheetData>"
    _refused(tmp_path, "sheet.xlsx", _with_parts(_xlsx(), {"xl/worksheets/sheet2.xml": sheet}), "of XML")


def test_the_limits_follow_max_bytes_and_ordinary_files_pass(tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    path.write_bytes(_docx(*NOTICE))
    assert parse_file(path).tasks[0].lead_units == ["市审计局"]
    with pytest.raises(DutygraphError, match="unpacks to"):
        parse_file(path, max_bytes=path.stat().st_size)  # the file fits, what it unpacks to does not
