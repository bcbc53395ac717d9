"""The notebooks run top to bottom on a fresh kernel, and are committed without outputs.

Each notebook is executed with nbclient on the ``python3`` kernel, which must be this interpreter (the
project's venv): ipykernel's kernel spec says ``python``, and jupyter_client starts that as
``sys.executable``. The kernel's working directory is ``notebooks/`` (as in Jupyter) and its ``TMPDIR`` a
pytest folder, so the stores and local Bolt servers the notebooks create are found and stopped afterwards
even when a cell fails half-way.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat import NotebookNode

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
EXPECTED = {"01-quickstart.ipynb", "02-cypher.ipynb", "03-corpus.ipynb"}
CELL_TIMEOUT = 600  # seconds; the slowest cell (starting the Bolt server, loading a corpus) takes ~10 s

Runner = Callable[[str], NotebookNode]


def _stop_local_servers(folder: Path) -> None:
    """Stop every local Bolt server whose store lives under ``folder``."""
    from dutygraph.neo4j import server

    for state in folder.rglob(f"{server.SERVER_DIR}/{server.STATE_FILE}"):
        server.stop(state.parent.parent)


def _execute(nb: NotebookNode, tmp: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"MPLBACKEND"}}
    env["TMPDIR"] = str(tmp)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    try:
        client.execute(env=env)
    finally:
        _stop_local_servers(tmp)


@pytest.fixture(scope="module")
def run_notebook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    """Execute a notebook once per test module (later tests look at the outputs) and return it."""
    done: dict[str, NotebookNode] = {}

    def run(name: str) -> NotebookNode:
        if name not in done:
            nb = nbformat.read(NOTEBOOKS / name, as_version=4)
            tmp = tmp_path_factory.mktemp(Path(name).stem)
            _execute(nb, tmp)
            done[name] = nb
        return done[name]

    yield run


def _outputs(nb: NotebookNode) -> Iterator[NotebookNode]:
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def test_the_notebooks_are_there() -> None:
    assert set(NOTEBOOK_NAMES) >= EXPECTED


def test_kernel_is_this_interpreter(tmp_path: Path) -> None:
    """The ``python3`` kernel runs in this environment (same prefix), so it sees the installed package."""
    nb = nbformat.v4.new_notebook()
    probe = "import sys, dutygraph\nprint(sys.prefix)\nprint(dutygraph.__file__)"
    nb.cells = [nbformat.v4.new_code_cell(probe)]
    _execute(nb, tmp_path)
    text = "".join(o.get("text", "") for o in _outputs(nb)).splitlines()
    assert Path(text[0]).resolve() == Path(sys.prefix).resolve(), "the python3 kernel is another interpreter"
    assert Path(text[1]).resolve().is_relative_to(ROOT / "dutygraph")


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs_top_to_bottom(name: str, run_notebook: Runner) -> None:
    nb = run_notebook(name)  # nbclient raises CellExecutionError on the first failing cell
    errors = [o for o in _outputs(nb) if o.output_type == "error"]
    assert not errors, errors
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code_cells), "a code cell did not run"
    assert any(o.output_type in {"display_data", "execute_result"} for o in _outputs(nb))


def test_quickstart_shows_tables_chart_and_offline_network(run_notebook: Runner) -> None:
    nb = run_notebook("01-quickstart.ipynb")
    outputs = list(_outputs(nb))
    tables = [o for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]
    assert len(tables) >= 5, "workload, groups, over-burden, clusters… as DataFrames"
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 2, "the report chart and our own"
    shown = [o.get("data", {}).get("text/html", "") for o in outputs]
    frames = [text for text in shown if "<iframe srcdoc=" in text]
    assert len(frames) == 1
    srcdoc = re.search(r'srcdoc="([^"]*)"', frames[0])
    assert srcdoc is not None
    page = html.unescape(srcdoc.group(1))
    # The page may fetch nothing: CSP forbids it, and nothing in it points outside.
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert "湖州市" in page or "市发展改革委" in page


def test_cypher_notebook_ran_every_named_query(run_notebook: Runner) -> None:
    from dutygraph.neo4j.cypher import named_queries

    nb = run_notebook("02-cypher.ipynb")
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for name in named_queries():
        assert f'named("{name}"' in source, f"named query {name} is not shown"
    printed = "".join(o.get("text", "") for o in _outputs(nb))
    assert "stopped" in printed or os.environ.get("NEO4J_URI")


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    """Outputs are not committed: no outputs, no execution counts, valid nbformat."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name} cell {index} has outputs (strip them before committing)"
            assert cell.execution_count is None, f"{name} cell {index} has an execution count"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
