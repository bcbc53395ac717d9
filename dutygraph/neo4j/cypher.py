"""Cypher for analysts: run a query (ad hoc or from the shipped pack) and print the rows.

Named queries are ``queries/*.cypher`` files whose leading ``//`` comment documents them::

    // The units with the most tasks, lead and co counted apart.
    // param limit: integer = 20 — how many units to list

Every line of the header that is not a ``param`` line is description. A param without ``= default``
is required. Values from ``--param name=value`` are converted to the declared type (ad hoc queries:
JSON-looking values as JSON, anything else as a string). Values only ever travel as parameters.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import neo4j
import neo4j.graph
import neo4j.time

from dutygraph.errors import InputError
from dutygraph.neo4j.connection import Connection, driver
from dutygraph.report.tables import csv_cell, visible

FORMATS = ("table", "json", "csv")
_PARAM_LINE = re.compile(
    r"^param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>string|integer|float|boolean|list)"
    r"(?:\s*=\s*(?P<default>.+?))?\s*(?:—|--)\s*(?P<help>.*)$"
)


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str
    default: Any
    required: bool
    help: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str
    params: tuple[QueryParam, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> str:
        return self.description.split(". ")[0].rstrip(".")


@dataclass
class QueryResult:
    keys: list[str]
    rows: list[dict[str, Any]]


# -- parameter values ------------------------------------------------------------------------------
def convert(value: str, kind: str) -> Any:
    """``value`` (as typed on the command line) as ``kind``; :class:`InputError` when impossible."""
    try:
        if kind == "integer":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "boolean":
            lowered = value.strip().lower()
            if lowered in {"true", "yes", "1"}:
                return True
            if lowered in {"false", "no", "0"}:
                return False
            raise ValueError(value)
        if kind == "list":
            parsed = (
                json.loads(value) if value.lstrip().startswith("[") else [v for v in value.split(",") if v]
            )
            if not isinstance(parsed, list):
                raise ValueError(value)
            return parsed
    except ValueError:
        raise InputError(f"{value!r} is not a valid {kind}") from None
    return value


def guess(value: str) -> Any:
    """An ad hoc ``--param`` value: JSON numbers/booleans/null/lists/objects/quoted strings, else text."""
    stripped = value.strip()
    if stripped and (stripped[0] in '[{"-' or stripped[0].isdigit() or stripped in {"true", "false", "null"}):
        try:
            return json.loads(stripped)
        except ValueError:
            pass
    return value


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["name=value", …]`` → ``{name: value}`` (values still text)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise InputError(f"--param takes name=value, got {pair!r}")
        params[name] = value
    return params


# -- the shipped pack ------------------------------------------------------------------------------
def _parse_named(name: str, text: str) -> NamedQuery:
    description: list[str] = []
    params: list[QueryParam] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if description or params:
                break
            continue
        if not stripped.startswith("//"):
            break
        body = stripped[2:].strip()
        match = _PARAM_LINE.match(body)
        if match:
            default_text = match.group("default")
            kind = match.group("type")
            params.append(
                QueryParam(
                    name=match.group("name"),
                    type=kind,
                    default=None if default_text is None else convert(default_text.strip(), kind),
                    required=default_text is None,
                    help=match.group("help").strip(),
                )
            )
        elif body:
            description.append(body)
    return NamedQuery(name=name, description=" ".join(description), text=text, params=tuple(params))


def named_queries() -> dict[str, NamedQuery]:
    """The shipped query pack by name (file stem), sorted."""
    folder = resources.files("dutygraph.neo4j") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name.removesuffix(".cypher")
            found[name] = _parse_named(name, entry.read_text(encoding="utf-8"))
    return found


def named_query(name: str) -> NamedQuery:
    pack = named_queries()
    if name not in pack:
        raise InputError(f"no named query {name!r}; see dutygraph cypher --list ({', '.join(pack)})")
    return pack[name]


def bind(query: NamedQuery, given: Mapping[str, str]) -> dict[str, Any]:
    """The parameters of a named query: given values converted, defaults filled, unknowns refused."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise InputError(f"{query.name} has no parameter {', '.join(unknown)} (it takes: {known})")
    values: dict[str, Any] = {}
    for param in query.params:
        if param.name in given:
            values[param.name] = convert(given[param.name], param.type)
        elif param.required:
            raise InputError(f"{query.name} needs --param {param.name}=… ({param.help})")
        else:
            values[param.name] = param.default
    return values


# -- running ---------------------------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A driver value as JSON-ready data (nodes → their properties plus ``_labels``, …)."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time | neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


#: ``CALL { … } IN TRANSACTIONS`` commits batches itself: Neo4j runs it only in an implicit
#: (auto-commit) transaction.
_IN_TRANSACTIONS = re.compile(r"\bIN\s+(?:\d+\s+|\$\w+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.I)
_PLAN_PREFIX = re.compile(r"^\s*(?:EXPLAIN|PROFILE)\b", re.I)


def _result(result: neo4j.Result) -> QueryResult:
    """All of ``result``, with its column names (also when it has no rows)."""
    keys = list(result.keys())
    return QueryResult(keys=keys, rows=[{key: plain(record[key]) for key in keys} for record in result])


def _collect(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> QueryResult:
    """The whole result inside the transaction (a managed transaction may run this again)."""
    return _result(tx.run(query, params))


def reads_only(session: neo4j.Session, query: str, params: Mapping[str, Any]) -> bool:
    """Whether the server plans ``query`` as read-only (``EXPLAIN``: planned, not run). A server
    that does not say (ArcadeDB reports no query type) gets a write transaction, which is safe."""
    if _PLAN_PREFIX.match(query):
        return False
    summary = session.run(neo4j.Query("EXPLAIN " + query), dict(params)).consume()
    return summary.query_type == "r"


def run(conn: Connection, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run one Cypher statement in a managed transaction: a read transaction for a query the server
    plans as read-only (retried on transient errors, routed to a reader on a cluster), else a write
    transaction; ``CALL { … } IN TRANSACTIONS`` in the auto-commit transaction it requires."""
    values = dict(params or {})
    with driver(conn) as handle, handle.session(database=conn.database) as session:
        if _IN_TRANSACTIONS.search(query):
            return _result(session.run(neo4j.Query(query), values))
        work = session.execute_read if reads_only(session, query, values) else session.execute_write
        return work(_collect, query, values)


def run_named(conn: Connection, name: str, given: Mapping[str, str]) -> QueryResult:
    query = named_query(name)
    return run(conn, query.text, bind(query, given))


def execute(conn: Connection, query: str | None, named: str | None, pairs: Iterable[str]) -> QueryResult:
    """``dutygraph cypher``: an ad hoc ``query`` or the ``named`` one, with ``name=value`` pairs."""
    given = parse_params(pairs)
    if named:
        return run_named(conn, named, given)
    if not query:
        raise InputError("give either a QUERY or --named NAME (see --list)")
    return run(conn, query, {name: guess(value) for name, value in given.items()})


# -- printing --------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return visible(value)  # a node's text is shown, never obeyed by the terminal
    if isinstance(value, float):
        return f"{value:.4g}"
    return json.dumps(value, ensure_ascii=False)


def render(result: QueryResult, fmt: str = "table") -> str:
    """The rows as a table (text), JSON (a list of objects) or CSV."""
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.keys)
        for row in result.rows:
            writer.writerow(
                csv_cell(row[k]) if isinstance(row[k], str) else _cell(row[k]) for k in result.keys
            )
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise InputError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    return _table(result.keys, [[_cell(row[k]) for k in result.keys] for row in result.rows])


def _table(keys: Sequence[str], cells: Sequence[Sequence[str]]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, caption=f"{len(cells)} row{'s' if len(cells) != 1 else ''}")
    for key in keys:
        table.add_column(key, overflow="fold")
    for row in cells:
        table.add_row(*row)
    console = Console(width=160, record=True, file=io.StringIO(), color_system=None, markup=False)
    console.print(table)
    return console.export_text().rstrip("\n")


def list_text() -> str:
    """``dutygraph cypher --list``: each named query, what it does and its parameters."""
    lines = []
    for query in named_queries().values():
        lines.append(f"{query.name}\n    {query.description}")
        for p in query.params:
            default = "required" if p.required else f"default {json.dumps(p.default, ensure_ascii=False)}"
            lines.append(f"    --param {p.name}=<{p.type}>  {p.help} ({default})")
    return "\n".join(lines)


__all__ = [
    "FORMATS",
    "NamedQuery",
    "QueryResult",
    "bind",
    "execute",
    "guess",
    "list_text",
    "named_queries",
    "parse_params",
    "render",
    "run",
    "run_named",
]
