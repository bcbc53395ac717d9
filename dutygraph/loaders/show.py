"""How ``dutygraph parse`` shows a :class:`ParsedDocument`: schema-shaped JSON or a rich table."""

from __future__ import annotations

import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from dutygraph.loaders.records import Leader, ParsedDocument


def to_json_text(doc: ParsedDocument) -> str:
    """The ``parse.schema.json`` shape (plus ``meta``), UTF-8 characters kept, indented by 2."""
    return json.dumps(doc.to_json(), ensure_ascii=False, indent=2)


def _leaders(leaders: list[Leader]) -> str:
    return "、".join(f"{leader.name or ''}{leader.post or ''}" for leader in leaders)


def render_table(doc: ParsedDocument) -> Group:
    """A header with the metadata, one row per task, then the warnings."""
    info = doc.document
    head = Text()
    head.append(info.title or "(no title)", style="bold")
    head.append(f"\n{info.doc_number or '-'}  {info.issuer or '-'}  {info.date or '-'}  ")
    head.append(f"{len(doc.tasks)} tasks, {len(doc.warnings)} warnings", style="dim")
    table = Table(show_lines=False, expand=True)
    for name, style in (("id", "cyan"), ("line", "dim"), ("task", ""), ("leaders", "green")):
        table.add_column(name, style=style or None, overflow="fold")
    table.add_column("lead", style="bold", overflow="fold")
    table.add_column("co-units", overflow="fold")
    table.add_column("deadline", overflow="fold")
    for task in doc.tasks:
        leaders = _leaders(task.leaders)
        if task.assisting_leaders:
            leaders += f"(协助:{_leaders(task.assisting_leaders)})"
        text = task.text if len(task.text) <= 60 else task.text[:58] + "…"
        table.add_row(
            task.id,
            str(task.line),
            f"{task.number + ' ' if task.number else ''}{text}",
            leaders,
            "、".join(task.lead_units),
            "、".join(task.co_units),
            task.deadline or "",
        )
    parts: list[Text | Table] = [head, table]
    for warning in doc.warnings:
        where = f"line {warning.line}" if warning.line is not None else "document"
        parts.append(Text(f"⚠ {where}: [{warning.code}] {warning.message}", style="yellow"))
    return Group(*parts)


def print_table(doc: ParsedDocument, console: Console | None = None) -> None:
    (console or Console()).print(render_table(doc))
