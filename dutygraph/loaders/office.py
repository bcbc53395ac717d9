"""Office and PDF files → lines: .docx paragraphs and tables, .xlsx sheets, PDF text.

Every format becomes the same list of :class:`Line` s the text layouts read; table rows carry their
cells. Line numbers are paragraph/row positions in body order (.docx), sheet rows (.xlsx, counted on
across sheets) or lines of the extracted text (PDF).
"""

from __future__ import annotations

import datetime as dt
import io

from dutygraph.errors import DutygraphError
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
        raise DutygraphError(f"cannot read this .docx file ({type(error).__name__})") from None
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


def xlsx_lines(data: bytes) -> list[Line]:
    """Rows of every sheet; merged cells are filled from their top-left value, as printed on screen."""
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:
        raise DutygraphError(f"cannot read this .xlsx file ({type(error).__name__})") from None
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


def pdf_lines(data: bytes) -> list[Line]:
    """Text of a PDF with a text layer (scanned PDFs have none and are refused)."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as error:
        raise DutygraphError(f"cannot read this PDF ({type(error).__name__})") from None
    if not text.strip():
        raise DutygraphError("this PDF has no text layer (a scan?); run OCR first")
    return split_lines(text)
