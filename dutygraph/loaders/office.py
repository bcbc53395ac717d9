"""Office and PDF files → lines: .docx paragraphs and tables, .xlsx sheets, PDF text.

Every format becomes the same list of :class:`Line` s the text layouts read; table rows carry their
cells. Line numbers are paragraph/row positions in body order (.docx), sheet rows (.xlsx, counted on
across sheets) or lines of the extracted text (PDF).
"""

from __future__ import annotations

import datetime as dt
import io
import re

from dutygraph.errors import InputError
from dutygraph.loaders.text import Line, T, split_lines


def _row_line(no: int, cells: list[str]) -> Line | None:
    if not any(c.strip() for c in cells):
        return None
    return Line(no, T.of(" | ".join(c.replace("\n", "、") for c in cells)), tuple(cells))


def docx_lines(data: bytes) -> list[Line]:
    """Paragraphs and table rows of a .docx in body order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged files
        raise InputError(f"cannot read this .docx file ({type(error).__name__})") from None
    lines: list[Line] = []
    no = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            no += 1
            text = Paragraph(child, document).text
            for line in split_lines(text):
                lines.append(Line(no, line.text))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                no += 1
                row_line = _row_line(no, [cell.text.strip() for cell in row.cells])
                if row_line:
                    lines.append(row_line)
    return lines


def _cell_str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_SHEET_PART_RE = re.compile(r"xl/worksheets/[^/]+\.xml")
_MERGE_RE = re.compile(rb'(<mergeCell\b[^>]*?\bref=")([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})(")')
_ROW_NO_RE = re.compile(rb'<row\b[^>]*?\br="(\d{1,7})"')
_CELL_COLUMN_RE = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})\d')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _column_letters(number: int) -> bytes:
    letters = b""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = bytes([65 + rest]) + letters
    return letters


def _merges_within_data(sheet: bytes) -> bytes:
    """The sheet's XML with every merged range cut to the rows and columns that hold cells.

    openpyxl creates an object for every cell a merge covers, so one range over a whole sheet
    (``A1:XFD1048576``, 17 billion cells: a slip of the mouse, or a hostile file) takes it hours;
    beyond the last cell written nothing is printed anyway."""
    last_row = max((int(n) for n in _ROW_NO_RE.findall(sheet)), default=1)
    last_column = max((_column_number(c) for c in set(_CELL_COLUMN_RE.findall(sheet))), default=1)

    def clipped(match: re.Match[bytes]) -> bytes:
        head, first_column, first_row, end_column, end_row, tail = match.groups()
        column = min(_column_number(end_column), max(last_column, _column_number(first_column)))
        row = min(int(end_row), max(last_row, int(first_row)))
        return b"%s%s%s:%s%d%s" % (head, first_column, first_row, _column_letters(column), row, tail)

    return _MERGE_RE.sub(clipped, sheet)


def _with_merges_within_data(data: bytes) -> bytes:
    """The workbook with :func:`_merges_within_data` applied to its sheets; the bytes as given
    (nothing else inflated or copied) when no merge reaches past a sheet's cells, as in most."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        sheets = {i.filename: archive.read(i) for i in infos if _SHEET_PART_RE.fullmatch(i.filename)}
        clipped = {
            name: cut
            for name, part in sheets.items()
            if b"<mergeCell" in part and (cut := _merges_within_data(part)) != part
        }
        if not clipped:
            return data
        parts = [(i.filename, clipped.get(i.filename) or archive.read(i)) for i in infos]
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts:
            archive.writestr(name, part)
    return rewritten.getvalue()


def xlsx_lines(data: bytes) -> list[Line]:
    """Rows of every sheet; merged cells are filled from their top-left value, as printed on screen."""
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(_with_merges_within_data(data)), data_only=True)
    except Exception as error:
        raise InputError(f"cannot read this .xlsx file ({type(error).__name__})") from None
    lines: list[Line] = []
    offset = 0
    for sheet in workbook.worksheets:
        merged: dict[tuple[int, int], object] = {}
        for cell_range in sheet.merged_cells.ranges:
            value = sheet.cell(cell_range.min_row, cell_range.min_col).value
            for r in range(cell_range.min_row, cell_range.max_row + 1):
                for c in range(cell_range.min_col, cell_range.max_col + 1):
                    merged[(r, c)] = value
        rows = 0
        for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows = r
            cells = [_cell_str(merged.get((r, c), v)) for c, v in enumerate(row, start=1)]
            row_line = _row_line(offset + r, cells)
            if row_line:
                lines.append(row_line)
        offset += rows
    return lines


#: Characters set full-width in Chinese print: CJK ideographs and punctuation, fullwidth forms, quotes.
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018-\u201f\u2026\u00b7"
_ASCII_PUNCT = re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: A space pypdf put between two glyphs of Chinese print (it reads wide gaps as word breaks):
#: between two wide characters, or between ASCII punctuation and a wide character.
_PDF_SPACE_RE = re.compile(
    rf"(?<=[{_WIDE}])[ \u3000]+(?=[{_WIDE}{_ASCII_PUNCT}])|(?<=[{_ASCII_PUNCT}])[ \u3000]+(?=[{_WIDE}])"
)
#: A page number printed as the first or last line of a page: "- 3 -", "— 3 —", "第3页 共10页", "3/10".
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4})$"
)


def _page_text(text: str, page: int) -> str:
    """A page's text without its page number line and without the spaces pypdf adds in CJK print."""
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    filled = [k for k, row in enumerate(rows) if row.strip()]
    if filled:
        first, last = rows[filled[0]].strip(), rows[filled[-1]].strip()
        if _PAGE_NUMBER_RE.match(last) or last == str(page):  # a bare number only at the foot
            rows[filled[-1]] = ""
        elif _PAGE_NUMBER_RE.match(first):
            rows[filled[0]] = ""
    return "\n".join(_PDF_SPACE_RE.sub("", row) for row in rows)


def pdf_lines(data: bytes) -> list[Line]:
    """Text of a PDF with a text layer (scanned PDFs have none and are refused).

    pypdf gives the page's *visual* lines; the layout scan rejoins wrapped paragraphs (see
    :mod:`dutygraph.loaders.wrap`). Here each page loses its page number line and the spaces pypdf
    inserts between CJK glyphs when they are spaced wider than the font's advance ("”, 让权力").
    """
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:
        raise InputError(f"cannot read this PDF ({type(error).__name__})") from None
    if not any(page.strip() for page in pages):
        raise InputError("this PDF has no text layer (a scan?); run OCR first")
    return split_lines("\n".join(_page_text(text, no) for no, text in enumerate(pages, start=1)))
