"""Rows → the formats people and machines read: a rich table, JSON, CSV, Markdown, XLSX.

One function serves every command that prints rows (reports, SPARQL, Cypher), so every
command offers the same formats with the same conventions: JSON is a list of objects with
``ensure_ascii=False`` and sorted, stable key order as given; CSV is UTF-8 with a BOM so Excel
opens Chinese correctly; Markdown escapes ``|``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dutygraph.errors import InputError
from dutygraph.settings import FORMATS


def number_text(value: float, *, exact: bool = False) -> str:
    """A float as people read it, never rounded into another number nor into exponent form:
    whole values without ".0" (10810, not 1.081e+04), others with up to six decimals (2376.5,
    0.343127) — or, ``exact``, every digit Python keeps (CSV: what the JSON says)."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer():
        return str(int(value))
    if exact:
        return repr(value)
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{value:.3g}"


def _cell(value: Any, *, exact: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(value, exact=exact)
    if isinstance(value, list | tuple):
        return "、".join(_cell(v, exact=exact) for v in value)
    return str(value)


def columns_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Column names in first-seen order across all rows."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def rows_to_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n"


def rows_to_csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    columns = columns_of(rows)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c), exact=True) for c in columns])
    return buffer.getvalue()


def rows_to_markdown(rows: Sequence[dict[str, Any]]) -> str:
    columns = columns_of(rows)
    if not columns:
        return "_(no rows)_\n"

    def esc(value: Any) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(esc(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_xlsx(rows: Sequence[dict[str, Any]], path: Path, sheet: str = "dutygraph") -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    columns = columns_of(rows)
    ws.append(columns)
    for row in rows:
        ws.append([row.get(c) if isinstance(row.get(c), int | float) else _cell(row.get(c)) for c in columns])
    book.save(path)


def rich_table(rows: Sequence[dict[str, Any]], title: str | None = None) -> Any:
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    columns = columns_of(rows)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    return table


def emit_rows(
    rows: Sequence[dict[str, Any]], fmt: str, output: Path | None = None, title: str | None = None
) -> None:
    """Print (or write to ``output``) ``rows`` in ``fmt``; ``xlsx`` needs ``output``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    if fmt == "xlsx":
        if output is None:
            raise InputError("--format xlsx needs -o FILE.xlsx")
        write_xlsx(rows, output, title or "dutygraph")
        return
    if fmt == "table":
        from rich.console import Console

        if output is None:
            Console().print(rich_table(rows, title))
            return
        console = Console(file=io.StringIO(), width=160, color_system=None)
        console.print(rich_table(rows, title))
        text = console.file.getvalue()  # type: ignore[attr-defined]
    else:
        text = {"json": rows_to_json, "csv": rows_to_csv, "markdown": rows_to_markdown}[fmt](rows)
    if output is None:
        import click

        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
