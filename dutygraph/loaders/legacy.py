"""Legacy Office files — .doc, .xls, .wps, .et — read through a maintained reader or a real converter.

Government attachments from 2005–2020 are mostly .doc and .xls. ``.xls`` workbooks are read with
xlrd, which is maintained for exactly this format; ``.doc`` documents go through antiword (Debian's
``antiword``), whose text output keeps paragraphs and renders table rows with ``|`` between cells; WPS
files (.wps, .et) and a .doc without antiword go through LibreOffice headless, converted to .docx/.xlsx and
read as those. A converter runs with a time limit and its output is bounded, so a crafted file cannot hang
or flood a load. When no converter is installed the error says which package to install.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from dutygraph.errors import InputError
from dutygraph.loaders.text import Line, T, split_lines

#: The magic number of OLE2 compound files (.doc, .xls and the WPS formats).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Seconds a converter may take for one file.
CONVERT_TIMEOUT = 120
#: A converter's text output beyond this many bytes is refused (a page of text is a few KB).
MAX_CONVERTED_BYTES = 64 * 1024 * 1024
_INSTALL = {
    "antiword": "apt install antiword",
    "soffice": "apt install libreoffice-writer-nogui libreoffice-calc-nogui",
}


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def xls_lines(data: bytes) -> list[Line]:
    """Rows of every sheet of an .xls workbook (row numbers count across sheets)."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except (xlrd.XLRDError, struct.error, IndexError, ValueError, AssertionError) as error:
        # a damaged workbook fails inside xlrd's record parser with any of these
        raise InputError(f"cannot read this .xls workbook ({error or type(error).__name__})") from None
    lines: list[Line] = []
    no = 0
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        for r in range(sheet.nrows):
            no += 1
            cells = tuple(_cell_text(v) for v in sheet.row_values(r))
            if any(cells):
                lines.append(Line(no, T.of(" | ".join(cells)), cells))
        book.unload_sheet(index)
    return lines


def _run(command: list[str], what: str) -> bytes:
    try:
        done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(f"{what} took over {CONVERT_TIMEOUT} s; the file may be damaged") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"{what} failed: {reason[-1] if reason else 'exit ' + str(done.returncode)}")
    if len(done.stdout) > MAX_CONVERTED_BYTES:
        raise InputError(f"{what} produced over {MAX_CONVERTED_BYTES // 1048576} MB of text")
    return done.stdout


def soffice_convert(data: bytes, suffix: str, target: str) -> bytes:
    """The file converted by LibreOffice headless to ``target`` ("docx"/"xlsx"), as bytes: the
    caller reads them as it reads a file of that format, archive checks included."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(f"reading {suffix} files needs LibreOffice: {_INSTALL['soffice']}")
    with tempfile.TemporaryDirectory(prefix="dutygraph-convert-") as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        profile = Path(tmp) / "profile"
        _run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                tmp,
                str(source),
            ],
            "LibreOffice",
        )
        out = Path(tmp) / f"input.{target}"
        if not out.exists():
            raise InputError(f"LibreOffice could not convert this {suffix} file")
        if out.stat().st_size > MAX_CONVERTED_BYTES:
            raise InputError(f"LibreOffice produced over {MAX_CONVERTED_BYTES // 1048576} MB")
        return out.read_bytes()


def doc_lines(data: bytes, read_docx: Callable[[bytes], list[Line]]) -> list[Line]:
    """Lines of a .doc document, through antiword (or LibreOffice when antiword is not installed
    or fails; ``read_docx`` then reads the converted .docx as any .docx is read)."""
    antiword = shutil.which("antiword")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if antiword is None and office is None:
        raise InputError(
            f"reading .doc files needs antiword ({_INSTALL['antiword']}) or LibreOffice ({_INSTALL['soffice']})"
        )
    if antiword is not None:
        with tempfile.NamedTemporaryFile(prefix="dutygraph-", suffix=".doc") as handle:
            handle.write(data)
            handle.flush()
            try:
                # -m UTF-8.txt: UTF-8 output; -w 0: one paragraph per line, as the document holds it
                raw = _run([antiword, "-m", "UTF-8.txt", "-w", "0", handle.name], "antiword")
            except InputError:
                if office is None:
                    raise
            else:
                return split_lines(raw.decode("utf-8", "replace"))
    return read_docx(soffice_convert(data, ".doc", "docx"))
