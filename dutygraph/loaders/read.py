"""Bytes → lines: refuse what is not a readable document, detect the format and the encoding.

Encodings are detected, not assumed: a BOM decides; otherwise strict UTF-8 (or UTF-16 without a BOM
when the bytes hold NULs), then GB18030 (a superset of GBK/GB2312) or Big5, whichever gives more of the
words notices print (GB18030 decodes most Big5 bytes too, into other characters), then
charset-normalizer's best guess. Anything that still fails, or looks binary, is refused with one line.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dutygraph.errors import InputError
from dutygraph.loaders.columns import header_roles
from dutygraph.loaders.html import HTML_SNIFF_RE, html_to_lines
from dutygraph.loaders.structure import is_section_row
from dutygraph.loaders.text import Line, T, split_lines, well_formed

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".jsp", ".asp", ".aspx", ".php"}
#: Suffixes of WPS Office files, read through LibreOffice (see :mod:`dutygraph.loaders.legacy`).
_WPS_SUFFIXES = {".wps", ".et", ".dps"}


@dataclass
class Source:
    """What was read: lines (table rows carry cells) and facts about the read."""

    lines: list[Line]
    meta: dict[str, object] = field(default_factory=dict)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def _chinese_enough(text: str) -> bool:
    """Decoded text that reads as a notice: few control characters, some Han characters."""
    sample = text[:20000]
    if not sample.strip():
        return True
    if len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 200):
        return False
    return bool(_CJK_RE.search(sample)) or sample.isascii()


#: Words nearly every responsibility notice prints, in simplified and traditional characters: a
#: decoding that yields none of them produced other characters than the ones printed.
_NOTICE_WORDS = re.compile(
    "责任|單位|单位|責任|牵头|牽頭|部门|部門|工作|政府|通知|落实|落實|推进|推進|负责|負責|配合|完成|建设|建設|发展|發展|管理"
)


def _plausible(data: bytes, encodings: tuple[str, ...]) -> tuple[str, str] | None:
    """The decoding of ``data`` among ``encodings`` that reads most like a notice (most of its
    usual words, few control characters), or None when none reads like one."""
    best: tuple[int, str, str] | None = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _chinese_enough(text):
            continue
        score = len(_NOTICE_WORDS.findall(text, 0, 20000))
        if score and (best is None or score > best[0]):
            best = (score, text, encoding)
    return (best[1], best[2]) if best else None


def decode(data: bytes) -> tuple[str, str]:
    """Decode document bytes; return ``(text, encoding)`` or raise :class:`~dutygraph.errors.InputError`."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"the file starts with a {name} mark but is not valid {name}") from None
    if _looks_binary(data):
        utf16 = _plausible(data, ("utf-16-le", "utf-16-be"))  # NUL bytes: UTF-16 without a BOM?
        if utf16 is not None:
            return utf16
        raise InputError("this looks like a binary file, not a text notice")
    try:
        text = data.decode("utf-8")
        if _CONTROL_RE.search(text, 0, 20000) is None or len(_CONTROL_RE.findall(text[:20000])) <= max(
            2, min(len(text), 20000) // 200
        ):
            return text, "utf-8"
        raise InputError("this looks like a binary file, not a text notice")
    except UnicodeDecodeError:
        pass
    # GB18030 decodes most Big5 bytes too, into other characters: the notice's words decide.
    chinese = _plausible(data, ("gb18030", "big5hkscs"))
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is not None and best.encoding:
        try:
            guessed = _plausible(data, (best.encoding,))
        except LookupError:
            guessed = None
        if guessed is not None:
            return guessed
    raise InputError(
        "cannot decode the text: no encoding tried (UTF-8, UTF-16, GB18030, Big5 and the detector's "
        "guess) gives text that reads as a Chinese notice"
    )


def csv_lines(text: str) -> list[Line]:
    """Rows of a CSV (``,`` ``;`` tab or ``|`` delimited); line numbers are where each row starts."""
    sample = text[:5000]
    delimiter = max(",\t;|", key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines: list[Line] = []
    start = 1
    try:
        for row in reader:
            if any(c.strip() for c in row):
                cells = tuple(c.strip() for c in row)
                lines.append(Line(start, T.of(" | ".join(c.replace("\n", "、") for c in cells)), cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError(f"cannot read this CSV ({error})") from None
    return lines


_PIPE_RULE_RE = re.compile(r"^[\s|:\-—=+]+$")


def mark_text_rows(lines: list[Line]) -> None:
    """Give the rows of tables kept as text their cells: ``|``-separated lines (markdown-style outer
    pipes allowed), and tab-separated lines under a tab-separated header."""
    _mark_tab_rows(lines)
    for line in lines:
        n = line.text.n
        if line.cells is not None or "|" not in n:
            continue
        if _PIPE_RULE_RE.match(n):
            line.cells = ()  # a markdown rule row: part of the table, holds nothing
            continue
        o = line.text.o
        parts = [p.strip() for p in _split_pipes(o, n)]
        if n.startswith("|"):
            parts = parts[1:]
        if n.endswith("|"):
            parts = parts[:-1]
        if len(parts) >= 2:
            line.cells = tuple(parts)


def _tab_cells(o: str) -> list[str]:
    return [p.strip() for p in o.split("\t")]


def _mark_tab_rows(lines: list[Line]) -> None:
    """A table copied out of Word or a spreadsheet keeps a tab between cells, one row per line: from a
    header line whose cells name columns ("序号	工作任务	牵头单位	参与单位"), every following line
    that holds a tab is a row. A tab alone proves nothing ("一、	总体要求" is a heading indented by
    one), so rows need the header above them. A section row between the rows ("一、完善体制机制", often
    printed without the tabs) keeps the table open."""
    in_table = False
    for line in lines:
        o = line.text.o
        if line.cells is not None or "\t" not in o:
            in_table = in_table and line.cells is None and is_section_row(line.text.n)
            continue
        cells = _tab_cells(o)
        if not in_table:
            in_table = header_roles(tuple(c for c in cells if c)) is not None
        if in_table:
            line.cells = tuple(cells)


def _split_pipes(o: str, n: str) -> list[str]:
    out: list[str] = []
    start = 0
    for i, ch in enumerate(n):
        if ch == "|":
            out.append(o[start:i])
            start = i + 1
    out.append(o[start:])
    return out


def text_lines(text: str, *, html: bool | None = None, decoded: bool = False) -> Source:
    """Lines of text; HTML is recognised by its tags unless ``html`` says otherwise. ``decoded``: the
    text was decoded from bytes here (strictly), so it holds no lone surrogates to replace."""
    if not decoded:
        text = well_formed(text)  # only text handed over by a caller can hold surrogates
    if html is None:
        html = "<" in text[:4000] and bool(HTML_SNIFF_RE.search(text[:4000]))
    lines = html_to_lines(text) if html else split_lines(text)
    mark_text_rows(lines)
    return Source(lines, {"format": "html" if html else "text"})


#: Formats read through a library's document object model (python-docx, openpyxl, pypdf). Those
#: models link parents and children both ways, so what a read leaves behind is only freed by the
#: cyclic garbage collector — a caller that pauses it must sweep after reading these
#: (``meta["format"]`` of a parse says which format it was).
OBJECT_MODEL_FORMATS = frozenset({"docx", "xlsx", "pdf"})


#: At most this many parts in a .docx/.xlsx (a long notice with images has a few hundred).
MAX_PARTS = 5000
#: What a .docx/.xlsx may unpack to, against the size limit on the file itself: its parts all
#: together (images included) four times that limit, its XML parts (what python-docx and openpyxl
#: parse into objects, ~17× their size in memory) half of it.
UNPACKED_FACTOR = 4.0
XML_FACTOR = 0.5


def _zip_kind(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """ "docx", "xlsx" or "zip" for a readable archive (None when it is damaged), after checking
    what it unpacks to: a zip bomb is refused from its directory before any part is inflated."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    names = {part.filename for part in parts}
    kind = "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else "zip"
    if kind == "zip":
        return kind
    if len(parts) > MAX_PARTS:
        raise InputError(f"this .{kind} holds {len(parts)} parts, over the limit of {MAX_PARTS}")
    # zipfile never inflates a part past the size its directory declares, so the sums bound the read.
    unpacked = sum(part.file_size for part in parts)
    xml = sum(part.file_size for part in parts if part.filename.endswith((".xml", ".rels")))
    for what, size, limit in (
        ("XML", xml, int(max_bytes * XML_FACTOR)),
        ("content", unpacked, int(max_bytes * UNPACKED_FACTOR)),
    ):
        if size > limit:
            raise InputError(
                f"this .{kind} unpacks to {size / 1048576:.0f} MB of {what}, over the "
                f"{limit / 1048576:.0f} MB limit (a damaged file or a zip bomb)"
            )
    return kind


def _office_archive(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """A .docx or .xlsx (as given, or as LibreOffice converted a legacy file), checked by
    :func:`_zip_kind` before any part is parsed."""
    from dutygraph.loaders.office import docx_lines, xlsx_lines

    kind = _zip_kind(data, max_bytes)
    if kind == "docx":
        return Source(docx_lines(data), {"format": "docx"})
    if kind == "xlsx":
        return Source(xlsx_lines(data), {"format": "xlsx"})
    raise InputError("this is a zip archive that is neither .docx nor .xlsx")


def _legacy_office(data: bytes, suffix: str) -> Source:
    """An OLE2 file: .xls when its directory names a workbook, else .doc (the names are UTF-16LE)."""
    from dutygraph.loaders.legacy import doc_lines, xls_lines

    word = "WordDocument".encode("utf-16-le") in data
    workbook = "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data
    if suffix == ".xls" or (suffix != ".doc" and workbook and not word):
        return Source(xls_lines(data), {"format": "xls"})
    if not word:
        raise InputError("this Office file is neither a .doc document nor an .xls workbook")
    source = Source(doc_lines(data, lambda docx: _office_archive(docx).lines), {"format": "doc"})
    mark_text_rows(source.lines)
    return source


def read_bytes(data: bytes, suffix: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Lines of a document given its bytes; ``suffix`` (".docx", ".csv"…) is a hint, content decides.
    ``max_bytes`` also bounds what a .docx/.xlsx unpacks to (see :data:`UNPACKED_FACTOR`)."""
    suffix = suffix.lower()
    if suffix in _WPS_SUFFIXES:
        from dutygraph.loaders.legacy import soffice_convert

        if suffix == ".dps":
            raise InputError("WPS presentations (.dps) hold no notice to read")
        # .et spreadsheets become .xlsx, .wps documents .docx, read (and checked) as those are
        source = _office_archive(
            soffice_convert(data, suffix, "xlsx" if suffix == ".et" else "docx"), max_bytes
        )
        source.meta["converted_from"] = suffix[1:]
        return source
    if not data.strip():
        raise InputError("the file is empty")
    if data.startswith(b"PK\x03\x04"):
        return _office_archive(data, max_bytes)
    if data.startswith(b"%PDF"):
        from dutygraph.loaders.office import pdf_lines

        source = Source(pdf_lines(data), {"format": "pdf"})
        mark_text_rows(source.lines)
        return source
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _legacy_office(data, suffix)
    text, encoding = decode(data)
    if not text.strip():
        raise InputError("the file holds no text")
    if suffix == ".csv" or suffix == ".tsv":
        source = Source(csv_lines(text), {"format": "csv"})
    else:
        source = text_lines(text, html=True if suffix in _HTML_SUFFIXES else None, decoded=True)
    source.meta["encoding"] = encoding
    return source


def files_under(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """``paths`` with each folder replaced by the files under it, at any depth, in name order —
    a city's notices kept in one folder per year load with one argument. Hidden files and folders
    (".DS_Store", ".git") are left out; every other file is a candidate, since a document's
    content, not its name, says what it is (``--keep-going`` skips the ones that are not notices)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not inside:
            raise InputError(f"{path} is a folder with no files in it")
        found += inside
    return found


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Lines of the document at ``path``, refusing missing paths, directories and oversized files."""
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise InputError(f"no such file: {p}") from None
    except OSError as error:
        raise InputError(f"cannot read {p}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):  # what ``p.is_dir()`` asks, without a second stat
        raise InputError(f"{p} is a directory, not a document")
    if info.st_size > max_bytes:
        raise InputError(
            f"{p} is {info.st_size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit"
        )
    try:
        with p.open("rb") as handle:
            # read the size the file has, plus one byte to see it grew: a read of ``max_bytes`` at once
            # allocates that much first (50 MB for every notice); a file that grew is read on to the limit
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as error:
        raise InputError(f"cannot read {p}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(f"{p} is over the {max_bytes / 1048576:.0f} MB limit")
    if not data:
        raise InputError(f"{p} is empty")
    return read_bytes(data, p.suffix, max_bytes)
