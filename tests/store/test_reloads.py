"""Reloads, replacements and removals cost what changed: unchanged files write nothing, and what
a replacement or removal leaves is exactly what a fresh load of the resulting files holds."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.ontology.identity import document_graph_iri
from dutygraph.store.files import BACKEND
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples"
HUZHOU = EXAMPLES / "huzhou-2019-key-tasks.txt"
LISHAN = EXAMPLES / "lishan_2023.txt"
DAZHU = EXAMPLES / "dazhu_2016.txt"


def backend_files(store_path: Path) -> dict[str, tuple[int, int, str]]:
    """Every file of the backend with its size, modification time and SHA-256."""
    return {
        path.name: (
            path.stat().st_size,
            path.stat().st_mtime_ns,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        for path in sorted((store_path / BACKEND).iterdir())
        if path.is_file()
    }


def exported(store_path: Path) -> list[str]:
    """The store's N-Quads export, one sorted line per quad."""
    buffer = io.BytesIO()
    with Store.open(store_path) as store:
        store.export(buffer, "nquads")
    return sorted(buffer.getvalue().decode().splitlines())


def fresh(store_path: Path, *files: Path) -> list[str]:
    with Store.open(store_path, write=True) as store:
        load_files(store, list(files))
    return exported(store_path)


def first_half(source: Path, target: Path) -> Path:
    """``source`` cut after half its lines: the same document with fewer tasks (and units)."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    return target


def test_reloading_unchanged_files_leaves_every_backend_file_as_it_was(tmp_path: Path) -> None:
    store = tmp_path / "s"
    runner = CliRunner()
    result = runner.invoke(main, ["load", "--store", str(store), str(HUZHOU), str(LISHAN)])
    assert result.exit_code == 0, result.output
    before = backend_files(store)
    result = runner.invoke(main, ["load", "--store", str(store), str(LISHAN), str(HUZHOU)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == ["unchanged 鞍立政发-2023-2", "unchanged 湖政办发-2019-9"]
    assert backend_files(store) == before


def test_a_changed_option_or_file_is_loaded_again(tmp_path: Path) -> None:
    copy = tmp_path / "huzhou.txt"
    copy.write_bytes(HUZHOU.read_bytes())
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [copy])
        [same] = load_files(store, [copy])
        assert same.unchanged
        [other_place] = load_files(store, [copy], jurisdiction="湖州市")
        assert other_place.replaced and not other_place.unchanged  # an imposed jurisdiction is an option
        copy.write_bytes(HUZHOU.read_bytes() + b"\n")
        [edited] = load_files(store, [copy])
        assert edited.replaced and not edited.unchanged


def test_a_changed_document_writes_only_its_own_graph(tmp_path: Path) -> None:
    half = first_half(LISHAN, tmp_path / "lishan.txt")
    half.write_bytes(LISHAN.read_bytes())
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [HUZHOU, half])
        graphs_before = {
            document_graph_iri(doc_id): store.document_graphs()[i]
            for i, doc_id in enumerate(sorted(store.document_ids()))
        }
        first_half(LISHAN, half)
        results = load_files(store, [HUZHOU, half])
        assert [(r.unchanged, r.replaced) for r in results] == [(True, False), (False, True)]
        graphs_after = store.document_graphs()
    assert graphs_before[document_graph_iri("湖政办发-2019-9")] in graphs_after  # the same version graph
    assert graphs_before[document_graph_iri("鞍立政发-2023-2")] not in graphs_after
    assert exported(tmp_path / "s") == fresh(tmp_path / "fresh", HUZHOU, half)


def test_replace_and_remove_leave_what_a_fresh_load_of_the_result_holds(tmp_path: Path) -> None:
    shrinking = tmp_path / "dazhu.txt"
    shrinking.write_bytes(DAZHU.read_bytes())
    store = tmp_path / "s"
    with Store.open(store, write=True) as writer:
        load_files(writer, [HUZHOU, LISHAN, shrinking])
    first_half(DAZHU, shrinking)  # fewer tasks: some of its units are now referenced by nobody
    with Store.open(store, write=True) as writer:
        load_files(writer, [shrinking])
    assert exported(store) == fresh(tmp_path / "replaced", HUZHOU, LISHAN, shrinking)
    with Store.open(store, write=True) as writer:
        assert writer.remove("鞍立政发-2023-2")
    assert exported(store) == fresh(tmp_path / "removed", HUZHOU, shrinking)
    result = CliRunner().invoke(main, ["remove", "--store", str(store), "湖政办发-2019-9"])
    assert result.exit_code == 0, result.output
    assert exported(store) == fresh(tmp_path / "one-left", shrinking)
