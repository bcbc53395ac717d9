"""Property tests: any text, any bytes, any mutation of a real notice → records or DutygraphError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutygraph.errors import DutygraphError
from dutygraph.loaders import ParsedDocument, parse_bytes, parse_text
from dutygraph.loaders.text import T
from dutygraph.loaders.units import split_units

ROOT = Path(__file__).resolve().parents[2]
NOTICE_LINES = (ROOT / "examples" / "huzhou-2019-key-tasks.txt").read_text(encoding="utf-8").splitlines()[:60]
ALPHABET = (
    "一二三、，,；;：:（(）)〈〉。.1234567890附件责任单位牵头配合领导市长副县局委办各区政府下同第一位|\n\t "
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(call) -> None:
    try:
        result = call()
    except DutygraphError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(result, ParsedDocument)
    assert result.tasks
    for task in result.tasks:
        assert isinstance(task.text, str) and task.line >= 1
        assert all(u.strip() for u in task.lead_units + task.co_units)
    result.to_json()


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_random_notice_like_text(text):
    _check(lambda: parse_text(text))


@SETTINGS
@given(st.text(max_size=300))
def test_any_text(text):
    _check(lambda: parse_text(text))


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(["", ".txt", ".html", ".csv", ".docx", ".xlsx", ".pdf"]))
def test_any_bytes(data, suffix):
    _check(lambda: parse_bytes(data, suffix=suffix))


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(NOTICE_LINES) - 1),
            st.sampled_from(["drop", "dup", "cut", "swap", "garble"]),
            st.text(alphabet=ALPHABET, max_size=8),
        ),
        max_size=12,
    )
)
def test_mutated_notice(mutations):
    lines = list(NOTICE_LINES)
    for index, action, noise in mutations:
        index %= max(len(lines), 1)
        if not lines:
            break
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: len(lines[index]) // 2]
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        else:
            lines[index] = noise + lines[index] + noise
    _check(lambda: parse_text("\n".join(lines)))


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_unit_split_keeps_printed_text(text):
    units = split_units(T.of(text))
    for unit in units.units:
        assert unit and all(ch in text for ch in unit)
