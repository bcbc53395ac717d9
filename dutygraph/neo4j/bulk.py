"""Store → CSV files for ``neo4j-admin database import full``: the bulk path for national scale.

``dutygraph sync`` writes through Bolt transactions (tens of thousands of rows a second); the
offline importer builds a new database from CSV files at several hundred thousand rows a second,
but only into an empty, stopped database. The files hold exactly what the sync writes — the same
rows from :mod:`dutygraph.neo4j.model`, ``syncHash`` and ``syncSource`` included — so a database
built from them is one the next ``dutygraph sync`` finds in sync (it then adds the constraints).

One file per label and per relationship type, each with a typed header: ``id:ID(Unit)`` (the id
space is the label, and the id is also stored as the ``id`` property), ``:LABEL``, ``:START_ID(…)``,
``:END_ID(…)``, ``:TYPE``, and ``name:type`` for every other property (``long``, ``double``,
``boolean``, ``date``, ``string[]``). An empty field is a property not set. The directory's
``README.md`` carries the exact command.
"""

from __future__ import annotations

import csv
import datetime
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from dutygraph.errors import InputError
from dutygraph.neo4j import from_store, model
from dutygraph.neo4j.model import (
    ANALYSIS_YEAR,
    CONSTRAINTS,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    IN_DOCUMENT,
    LEADER,
    MEASURE_PROPERTIES,
    MEASURED_IN,
    SUB_OFFICE_OF,
    TASK,
    TASK_PROPERTIES,
    TASK_RELATIONSHIPS,
    UNIT,
    YEAR_PROPERTIES,
    AnalysisRows,
)

#: Between the values of an array field (``aliases``, ``posts``); passed to the importer.
ARRAY_DELIMITER = "|"
#: Properties with a fixed type (everything else of ours is a string, or typed by its values).
_TYPES = {"issued": "date", "dueDate": "date", "year": "long", "taskCount": "long", "sourceLine": "long"}
_LEADER_PROPERTIES = ("id", *model.LEADER_PROPERTIES, model.HASH_PROPERTY)
_UNIT_PROPERTIES = ("id", *model.UNIT_PROPERTIES)


@dataclass(frozen=True)
class ImportFile:
    """One CSV file: its name, whether it holds nodes or relationships, and how many rows."""

    name: str
    kind: str  # "nodes" or "relationships"
    rows: int


@dataclass
class ImportFiles:
    """What :func:`write_import_files` wrote into ``directory``."""

    directory: Path
    files: list[ImportFile] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command that builds ``database`` from the files (run in the directory)."""
        lines = [f"neo4j-admin database import full {database} --overwrite-destination"]
        lines += [f"  --{f.kind}={f.name}" for f in self.files]
        lines += [f"  --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true"]
        return " \\\n".join(lines)

    def render(self) -> str:
        """The summary ``dutygraph export --format neo4j-import`` prints."""
        listed = ", ".join(f"{f.name} ({f.rows})" for f in self.files)
        return f"wrote {self.rows} rows to {self.directory}: {listed}; the import command is in README.md"


def _field_type(values: Iterable[Any]) -> str:
    """The importer's type for a column holding ``values`` (None ignored)."""
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return "string"
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    if kinds <= {list, tuple}:
        return "string[]"
    if kinds <= {datetime.date}:
        return "date"
    return "string"


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        for item in value:
            if ARRAY_DELIMITER in str(item):
                raise InputError(
                    f"cannot export {item!r}: it contains the array delimiter {ARRAY_DELIMITER!r}"
                )
        return ARRAY_DELIMITER.join(str(item) for item in value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    if kind == "double":
        return repr(float(value))
    return str(value)


class _Table:
    """A CSV file being written: its header (``name:type`` columns) fixed before the first row."""

    def __init__(self, directory: Path, name: str, kind: str, columns: Sequence[tuple[str, str]]) -> None:
        self.name = name
        self.kind = kind
        self.columns = list(columns)
        self.rows = 0
        self._stream: IO[str] = (directory / name).open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._stream, lineterminator="\n")
        self._writer.writerow([header for header, _ in self.columns])

    def write(self, values: Sequence[Any]) -> None:
        self._writer.writerow([_cell(v, kind) for v, (_, kind) in zip(values, self.columns, strict=True)])
        self.rows += 1

    def close(self) -> ImportFile:
        self._stream.close()
        return ImportFile(self.name, self.kind, self.rows)


def _node_columns(label: str, names: Sequence[str], types: Mapping[str, str]) -> list[tuple[str, str]]:
    columns = [(f"id:ID({label})", "string")]
    for name in names:
        if name != "id":
            kind = types.get(name, "string")
            columns.append((name if kind == "string" else f"{name}:{kind}", kind))
    return [*columns, (":LABEL", "string")]


#: The properties of a task relationship, typed.
_ASSIGNMENT_COLUMNS = (("rank:long", "long"), ("asPrinted", "string"))


def _relationship_columns(
    start: str, end: str, props: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    columns = [(f":START_ID({start})", "string"), (f":END_ID({end})", "string"), *props]
    return [*columns, (":TYPE", "string")]


def _file_name(name: str) -> str:
    return name.lower() + ".csv"


def write_import_files(store: Any, directory: Path | str, *, analysis: bool = True) -> ImportFiles:
    """Write the import files of ``store`` into ``directory`` (new, or an empty folder).

    The files are written into a temporary folder beside it and moved into place at the end, so
    a failure leaves no half-written directory behind."""
    from dutygraph.neo4j.sync import analysis_results

    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputError(f"{target} exists and is not an empty folder: give a new one")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        units, leaders = from_store.shared_agents(store)
        results = analysis_results(store)[0] if analysis else AnalysisRows()
        shared = from_store.read_shared(store, units, leaders, results.units)
        files = _write(store, work, shared, results)
        result = ImportFiles(directory=target, files=files)
        (work / "README.md").write_text(_readme(result), encoding="utf-8")
        if target.exists():
            target.rmdir()
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return result


def _write(
    store: Any, directory: Path, shared: Sequence[model.SharedRow], results: AnalysisRows
) -> list[ImportFile]:
    unit_rows = [r for r in shared if r.label == UNIT]
    leader_rows = [r for r in shared if r.label == LEADER]
    extra = sorted({k for r in unit_rows for k in r.props} - {*_UNIT_PROPERTIES, model.HASH_PROPERTY})
    unit_names = (*_UNIT_PROPERTIES, *extra, model.HASH_PROPERTY)
    unit_types = {name: _field_type(r.props.get(name) for r in unit_rows) for name in unit_names}
    leader_types = {"posts": "string[]"}
    tables = {
        DOCUMENT: _Table(directory, _file_name(DOCUMENT), "nodes", _node_columns(DOCUMENT, DOCUMENT_PROPERTIES, _TYPES)),
        TASK: _Table(directory, _file_name(TASK), "nodes", _node_columns(TASK, TASK_PROPERTIES, _TYPES)),
        UNIT: _Table(directory, _file_name(UNIT), "nodes", _node_columns(UNIT, unit_names, unit_types)),
        LEADER: _Table(directory, _file_name(LEADER), "nodes", _node_columns(LEADER, _LEADER_PROPERTIES, leader_types)),
        IN_DOCUMENT: _Table(directory, _file_name(IN_DOCUMENT), "relationships", _relationship_columns(TASK, DOCUMENT)),
        SUB_OFFICE_OF: _Table(directory, _file_name(SUB_OFFICE_OF), "relationships", _relationship_columns(UNIT, UNIT)),
    }  # fmt: skip
    for rel_type, (direction, other) in TASK_RELATIONSHIPS.items():
        start, end = (TASK, other) if direction == "out" else (other, TASK)
        tables[rel_type] = _Table(
            directory,
            _file_name(rel_type),
            "relationships",
            _relationship_columns(start, end, _ASSIGNMENT_COLUMNS),
        )
    tables.update(_analysis_tables(directory, results))
    try:
        for row in unit_rows:
            tables[UNIT].write([row.id, *(row.props.get(n) for n in unit_names[1:]), UNIT])
            if row.parent:
                tables[SUB_OFFICE_OF].write([row.id, row.parent, SUB_OFFICE_OF])
        for row in leader_rows:
            tables[LEADER].write([row.id, *(row.props.get(n) for n in _LEADER_PROPERTIES[1:]), LEADER])
        for year in results.years:
            tables[ANALYSIS_YEAR].write(
                [year.id, *(year.props.get(n) for n in YEAR_PROPERTIES[1:]), ANALYSIS_YEAR]
            )
        for m in results.measures:
            tables[MEASURED_IN].write(
                [m.unit, m.year, *(m.props.get(n) for n in _MEASURE_NAMES), MEASURED_IN]
            )
        for doc in from_store.read_documents(store):
            tables[DOCUMENT].write([doc.id, *(doc.props.get(n) for n in DOCUMENT_PROPERTIES[1:]), DOCUMENT])
            for task in doc.tasks:
                tables[TASK].write([task.id, *(task.props.get(n) for n in TASK_PROPERTIES[1:]), TASK])
                tables[IN_DOCUMENT].write([task.id, doc.id, IN_DOCUMENT])
                for a in task.assignments:
                    direction = TASK_RELATIONSHIPS[a.type][0]
                    start, end = (task.id, a.other) if direction == "out" else (a.other, task.id)
                    tables[a.type].write([start, end, a.rank, a.as_printed, a.type])
    finally:
        written = [table.close() for table in tables.values()]
    return written


_MEASURE_NAMES = (*MEASURE_PROPERTIES, model.HASH_PROPERTY)


def _analysis_tables(directory: Path, results: AnalysisRows) -> dict[str, _Table]:
    """The AnalysisYear nodes' and the MEASURED_IN relationships' files (header only when the
    analysis is not exported)."""
    types = {name: _field_type(m.props.get(name) for m in results.measures) for name in _MEASURE_NAMES}
    columns = [
        (name if types[name] == "string" else f"{name}:{types[name]}", types[name]) for name in _MEASURE_NAMES
    ]
    year_types = dict.fromkeys(("year", "documents", "tasks", "departments"), "long")
    return {
        ANALYSIS_YEAR: _Table(
            directory,
            _file_name(ANALYSIS_YEAR),
            "nodes",
            _node_columns(ANALYSIS_YEAR, YEAR_PROPERTIES, year_types),
        ),
        MEASURED_IN: _Table(
            directory,
            _file_name(MEASURED_IN),
            "relationships",
            _relationship_columns(UNIT, ANALYSIS_YEAR, columns),
        ),
    }


def _readme(files: ImportFiles) -> str:
    listed = "\n".join(f"| `{f.name}` | {f.kind} | {f.rows} |" for f in files.files)
    constraints = "\n".join(f"{statement};" for statement in CONSTRAINTS)
    return f"""# Neo4j bulk import files (dutygraph export --format neo4j-import)

The same nodes, relationships and properties `dutygraph sync` writes, as CSV files for Neo4j's
offline importer. It builds a new database (replacing an existing one of that name) while the
database is stopped; on Community Edition that is the `neo4j` database with the server stopped.

| file | holds | rows |
|------|-------|-----:|
{listed}

Copy this folder to the Neo4j server (its `import/` folder is a good place), then, in it:

```bash
{files.command()}
```

Start the database and create the uniqueness constraints (`dutygraph sync` does this too, and
finds everything else in sync):

```cypher
{constraints}
```
"""


__all__ = ["ARRAY_DELIMITER", "ImportFile", "ImportFiles", "write_import_files"]
