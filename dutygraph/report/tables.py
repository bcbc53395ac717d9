"""Rows → the formats people and machines read: a rich table, JSON, CSV, Markdown, XLSX.

One function serves every command that prints rows (reports, SPARQL, Cypher), so every
command offers the same formats with the same conventions: JSON is a list of objects with
``ensure_ascii=False`` and sorted, stable key order as given; CSV is UTF-8 with a BOM so Excel
opens Chinese correctly; Markdown escapes every character that would make text markup.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from dutygraph.errors import InputError, whole_file
from dutygraph.settings import FORMATS

T = TypeVar("T")


#: C0 and C1 control characters but tab and line feed: a notice's ESC/OSC sequence would drive the
#: terminal that prints a table (clear it, retitle it, plant a link), and spreadsheets refuse them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters written as ``\\xNN``: shown, never obeyed."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
    return visible(str(value))


#: What makes a spreadsheet read an imported CSV cell as a formula (=, +, -, @, and a tab before
#: them; a CR is already an escape); the usual apostrophe in front makes it text again.
_FORMULA_START = ("=", "+", "-", "@", "\t")


def csv_cell(value: Any) -> str:
    """A CSV cell a spreadsheet opens as the text or number it is: numbers as written (every
    digit), text that would start a formula (a unit named ``=HYPERLINK(…)``) behind an apostrophe."""
    text = _cell(value, exact=True)
    if isinstance(value, int | float) or not text.startswith(_FORMULA_START):
        return text
    return "'" + text


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
    writer.writerow([csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


#: The ASCII punctuation that starts inline Markdown (emphasis, code, links, images, raw HTML,
#: entities, strikethrough, table cells) — escaped with a backslash, which CommonMark allows before
#: any ASCII punctuation. Line-start syntax (#, -, 1.) needs no escape: text never starts a line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&!~|])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def markdown_text(value: Any) -> str:
    """A value as literal Markdown text: a notice's unit named ``</script><script>…`` stays text
    wherever the report is rendered, and a name holding a line break cannot start a new block."""
    return _LINE_BREAKS.sub(" ", _MARKDOWN_SPECIAL.sub(r"\\\1", _cell(value)))


def rows_to_markdown(rows: Sequence[dict[str, Any]]) -> str:
    columns = columns_of(rows)
    if not columns:
        return "_(no rows)_\n"
    lines = ["| " + " | ".join(markdown_text(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(markdown_text(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_xlsx(rows: Sequence[dict[str, Any]], path: Path, sheet: str = "dutygraph") -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    columns = columns_of(rows)
    table: list[list[Any]] = [list(columns), *([row.get(c) for c in columns] for row in rows)]
    for r, values in enumerate(table, start=1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, int | float):
                cell.value = value
            else:
                cell.value = _cell(value)
                cell.data_type = "s"  # text stays text: "=HYPERLINK(…)" is a name, not a formula
    book.save(path)


def rich_table(rows: Sequence[dict[str, Any]], title: str | None = None) -> Any:
    """A terminal table whose cells are plain text: rich's markup and emoji codes in a notice
    ("[link=…]", ":warning:") are printed as written, control characters as escapes."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False)
    columns = columns_of(rows)
    for column in columns:
        table.add_column(Text(visible(column)), overflow="fold")
    for row in rows:
        table.add_row(*[Text(_cell(row.get(c))) for c in columns])
    return table


def for_terminal(value: T) -> T:
    """A copy of ``value`` (strings, lists, dicts, dataclasses of them) safe to show in rich: its
    strings with control characters escaped and rich markup ("[link=…]") escaped. For renderers
    that take strings as markup (the parse table)."""
    from rich.markup import escape

    if isinstance(value, str):
        return escape(visible(value))  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return type(value)(for_terminal(v) for v in value)
    if isinstance(value, dict):
        return {k: for_terminal(v) for k, v in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: for_terminal(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    return value


def emit_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    output: Path | None = None,
    title: str | None = None,
    *,
    lang: str | None = None,
) -> None:
    """Print (or write to ``output``) ``rows`` in ``fmt``; ``xlsx`` needs ``output``.

    With ``lang``, what people read — ``table`` and ``markdown`` — has headings in words (工作量,
    "Share of tasks"), kinds by name and shares as percentages; CSV, JSON and XLSX keep the
    stable keys and raw values programs and pivot tables rely on."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    if lang is not None and fmt in ("table", "markdown"):
        from dutygraph.report.wording import check_language, humanised

        rows = humanised(list(rows), columns_of(rows), check_language(lang))
    if fmt == "xlsx":
        if output is None:
            raise InputError("--format xlsx needs -o FILE.xlsx")
        with whole_file(output) as partial:
            write_xlsx(rows, partial, title or "dutygraph")
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
        with whole_file(output) as partial:
            partial.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
