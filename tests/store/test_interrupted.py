"""Writers killed in the middle: a replacement, a removal, a compaction's swap. Each leaves the
store as before (or, for the swap, as its commit left it); readers, every SPARQL form and
``--timeout`` answer as before; the next writer finishes cleanly, and what follows is as cheap and
exact as ever."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from click.testing import CliRunner
from killed import KILLED_IN_COMMIT, kill_when

from dutygraph.cli import main
from dutygraph.store.files import BACKEND
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"
LISHAN = EXAMPLES / "lishan_2023.txt"
DAZHU = EXAMPLES / "dazhu_2016.txt"

# A removal whose writer compacts when it closes (limits at 0), killed between taking the old
# backend away and putting the compacted copy in its place.
_KILLED_IN_SWAP = """
import sys, time
from pathlib import Path
from dutygraph.store import compaction
from dutygraph.store.store import Store
compaction.LIMIT = compaction.RECOUNT = 0.0
def slow_swap(path, compacted):
    (path / "oxigraph").rename(path / "oxigraph.old")
    print("swapping", flush=True)
    time.sleep(60)
compaction.swap = slow_swap
with Store.open(Path(sys.argv[1]), write=True) as store:
    store.remove(sys.argv[2])
"""

QUERIES = [
    [
        "SELECT ?g (COUNT(?t) AS ?tasks) WHERE { GRAPH ?g { ?t a dg:Task } } GROUP BY ?g ORDER BY ?g",
        "--format",
        "csv",
    ],
    ["ASK { ?t dg:leadUnit ?u ; dg:coUnit ?u }"],
    [
        "CONSTRUCT { ?u skos:prefLabel ?name } WHERE { ?u a dg:Unit ; skos:prefLabel ?name }",
        "--format",
        "ntriples",
    ],
    ["DESCRIBE <https://w3id.org/dutygraph/id/unit/湖州市/市审计局>", "--format", "ntriples"],
]


def exported(store_path: Path) -> list[str]:
    buffer = io.BytesIO()
    with Store.open(store_path) as store:
        store.export(buffer, "nquads")
    return sorted(buffer.getvalue().decode().splitlines())


def answers(store_path: Path) -> list[tuple[int, list[str]]]:
    """Every SPARQL form's answer (lines sorted), and the refusal of an update (exit 2, nothing
    printed on stdout). A warning of an interrupted load's leftovers goes to stderr."""
    runner = CliRunner()
    results = []
    for query in [*QUERIES, ["DELETE WHERE { ?s ?p ?o }"]]:
        result = runner.invoke(main, ["sparql", "--store", str(store_path), *query])
        results.append((result.exit_code, sorted(result.stdout.splitlines())))
    return results


def backend_files(store_path: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((store_path / BACKEND).iterdir())
        if path.is_file()
    }


def fresh(store_path: Path, *files: Path) -> list[str]:
    with Store.open(store_path, write=True) as store:
        load_files(store, list(files))
    return exported(store_path)


def test_a_replacement_or_removal_killed_in_its_commit_leaves_the_store_as_before(tmp_path: Path) -> None:
    shrinking = tmp_path / "dazhu.txt"
    shrinking.write_bytes(DAZHU.read_bytes())
    store = tmp_path / "s"
    with Store.open(store, write=True) as writer:
        load_files(writer, [HUZHOU, LISHAN, shrinking])
    before, answered = exported(store), answers(store)
    assert [code for code, _ in answered] == [0, 0, 0, 0, 2]
    assert answered[1][1] == ["false"] and answered[4][1] == []

    lines = DAZHU.read_text(encoding="utf-8").splitlines(keepends=True)
    shrinking.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")  # fewer tasks and units
    kill_when(KILLED_IN_COMMIT, "committing", str(store), "load", str(shrinking))
    assert exported(store) == before
    assert answers(store) == answered
    kill_when(KILLED_IN_COMMIT, "committing", str(store), "remove", "鞍立政发-2023-2")
    assert exported(store) == before
    assert answers(store) == answered
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    stopped = CliRunner().invoke(main, ["sparql", "--store", str(store), "--timeout", "1", runaway])
    assert stopped.exit_code == 2 and "stopped after 1 s" in stopped.output

    with Store.open(store, write=True) as writer:  # sweeps what the killed writers left
        [replaced] = load_files(writer, [shrinking])
        assert replaced.replaced
    assert exported(store) == fresh(tmp_path / "replaced", HUZHOU, LISHAN, shrinking)
    with Store.open(store, write=True) as writer:
        assert writer.remove("鞍立政发-2023-2")
    assert exported(store) == fresh(tmp_path / "removed", HUZHOU, shrinking)
    unchanged = backend_files(store)
    with Store.open(store, write=True) as writer:
        assert [r.unchanged for r in load_files(writer, [HUZHOU, shrinking])] == [True, True]
    assert backend_files(store) == unchanged  # a reload after all that still writes nothing


def test_a_writer_killed_while_swapping_in_its_compacted_copy_loses_nothing(tmp_path: Path) -> None:
    store = tmp_path / "s"
    with Store.open(store, write=True) as writer:
        load_files(writer, [HUZHOU, LISHAN])
    kill_when(_KILLED_IN_SWAP, "swapping", str(store), "鞍立政发-2023-2")
    assert not (store / BACKEND).exists()
    result = CliRunner().invoke(main, ["docs", "--store", str(store)])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        f"Error: store {store} is being compacted by its writer; try again in a moment"
    ]
    with Store.open(store, write=True):  # the old backend is put back, the copy removed
        pass
    assert (store / BACKEND / "CURRENT").is_file()
    assert not (store / "oxigraph.old").exists() and not (store / "oxigraph.compacting").exists()
    assert exported(store) == fresh(tmp_path / "fresh", HUZHOU)  # the removal had committed
    assert answers(store) == answers(tmp_path / "fresh")
