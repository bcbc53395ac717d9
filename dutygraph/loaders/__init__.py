"""Read documents (text, HTML, .docx, .xlsx/.csv, PDF) into :class:`ParsedDocument` records.

Two calls are the whole public surface other packages use::

    parse_file("notice.txt")          # any supported format, encoding detected
    parse_text(text, source="<text>") # already-decoded text or HTML

Both return a :class:`ParsedDocument` or raise :class:`~dutygraph.errors.InputError` with one line
saying what is wrong with the input. ``parse_bytes`` and ``parse_rows`` serve callers holding bytes or
table rows (a spreadsheet already in memory).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from dutygraph.loaders.parse import parse_source
from dutygraph.loaders.read import DEFAULT_MAX_BYTES, Source, files_under, read_bytes, read_path, text_lines
from dutygraph.loaders.records import DocumentInfo, Leader, ParsedDocument, ParseWarning, Task
from dutygraph.loaders.text import Line, T

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DocumentInfo",
    "Leader",
    "ParseWarning",
    "ParsedDocument",
    "Task",
    "files_under",
    "parse_bytes",
    "parse_file",
    "parse_rows",
    "parse_text",
]


def parse_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedDocument:
    """Parse the document at ``path`` (.txt/.html/.docx/.xlsx/.csv/.pdf; format sniffed from content)."""
    source = read_path(path, max_bytes=max_bytes)
    return parse_source(source, os.fspath(path))


def parse_text(text: str, source: str = "<text>") -> ParsedDocument:
    """Parse decoded text (plain text or an HTML page)."""
    if not text.strip():
        from dutygraph.errors import InputError

        raise InputError(f"{source}: the text is empty")
    return parse_source(text_lines(text), source)


def parse_bytes(data: bytes, source: str = "<bytes>", *, suffix: str = "") -> ParsedDocument:
    """Parse raw document bytes; ``suffix`` (".csv", ".html"…) is a hint only."""
    return parse_source(read_bytes(data, suffix), source)


def parse_rows(rows: Iterable[Sequence[object]], source: str = "<rows>") -> ParsedDocument:
    """Parse table rows (header row first, as from a spreadsheet); line numbers are row numbers."""
    lines: list[Line] = []
    for no, row in enumerate(rows, start=1):
        cells = tuple("" if c is None else str(c).strip() for c in row)
        if any(cells):
            lines.append(Line(no, T.of(" | ".join(cells)), cells))
    return parse_source(Source(lines, {"format": "rows"}), source)
