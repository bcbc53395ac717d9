"""The real development corpus: 19 published documents and hand-written expectations for their tasks.

``real/*.txt`` are copies of real notices (State Council documents from gov.cn, pages of the 平潭 archive;
``real/SOURCES.md`` says where each comes from). ``real/expected/*.json`` were written by hand from the
documents, by readers who did not see the parser: for each task a verbatim snippet of its text that finds
it, its lead units and its co-units as printed. ``real/known_misses.json`` lists, per document, the tasks the
parser does not yet read right and why; every other task must be read exactly, and a known miss that
starts passing must be taken off the list (so the list never hides a change either way).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dutygraph.errors import DutygraphError
from dutygraph.loaders import Task, parse_file

REAL = Path(__file__).parent / "real"
EXPECTED = sorted((REAL / "expected").glob("*.json"))
KNOWN_MISSES: dict[str, dict[str, object]] = json.loads((REAL / "known_misses.json").read_text("utf-8"))


def _expected(path: Path) -> dict[str, object]:
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


def _body(document: str) -> str:
    """The document's text without the two lines that describe the file."""
    return (REAL / document).read_text("utf-8").split("\n", 2)[2]


def test_the_expectations_cover_at_least_150_tasks():
    assert sum(len(_expected(p)["tasks"]) for p in EXPECTED) >= 150  # type: ignore[arg-type]
    assert len(EXPECTED) == 19


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_every_expected_value_is_printed_in_the_document(path: Path):
    expected = _expected(path)
    text = _body(str(expected["document"]))
    for task in expected["tasks"]:  # type: ignore[attr-defined]
        assert text.count(task["find"]) == 1, task["find"]
        for unit in task["lead_units"] + task["co_units"]:
            assert unit in text, unit


_NUMBERED_SNIPPET_RE = re.compile(r"^(\d{1,3})[、.．](.+)$")


def _find(tasks: list[Task], snippet: str) -> Task | None:
    """The task a snippet finds: one whose text holds it, or whose number and text start as it does
    ("12、完成…" finds task 12 whose text starts "完成…")."""
    numbered = _NUMBERED_SNIPPET_RE.match(snippet)
    for task in tasks:
        if snippet in task.text or snippet in (task.number or "") + task.text:
            return task
        if numbered and task.number == numbered.group(1) and task.text.startswith(numbered.group(2)):
            return task
    return None


def _misses(path: Path) -> dict[str, str]:
    """The expected tasks the parser does not read right: snippet → what went wrong."""
    expected = _expected(path)
    try:
        tasks = parse_file(REAL / str(expected["document"])).tasks
    except DutygraphError:
        tasks = []  # refused: every expected task is a miss
    misses: dict[str, str] = {}
    for want in expected["tasks"]:  # type: ignore[attr-defined]
        got = _find(tasks, want["find"])
        if got is None:
            misses[want["find"]] = "not found"
        elif got.lead_units != want["lead_units"]:
            misses[want["find"]] = f"lead {got.lead_units} != {want['lead_units']}"
        elif set(got.lead_units + got.co_units) != set(want["lead_units"] + want["co_units"]):
            misses[want["find"]] = (
                f"units {got.lead_units + got.co_units} != {want['lead_units'] + want['co_units']}"
            )
    return misses


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_tasks_read_as_written_by_hand(path: Path):
    misses = _misses(path)
    known = KNOWN_MISSES.get(path.stem, {"finds": []})
    assert sorted(misses) == sorted(known["finds"]), misses  # type: ignore[arg-type]
