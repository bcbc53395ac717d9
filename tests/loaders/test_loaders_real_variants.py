"""The real development corpus re-typed in ways offices differ: every hand-written expectation still holds.

Two offices print the same assignment with ASCII or fullwidth punctuation, "1." or "1、", 责任单位, 责任部门 or
承办单位, 配合 or 协助, a stray space after 、, Windows line ends. Each variant below changes only such things, in the document and in
its expectations alike; the tasks read right must stay the same ones (the known misses of
``test_loaders_real.py`` stay misses, and nothing else becomes one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_loaders_real import EXPECTED, KNOWN_MISSES, _body, _expected, _find

from dutygraph.errors import DutygraphError
from dutygraph.loaders import Task, parse_text

_ASCII = str.maketrans("：，；（）", ":,;()")
_WIDE = str.maketrans(":,;()", "：，；（）")

#: name → (how the document is re-typed, whether its expectations are re-typed the same way).
VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "ascii-punctuation": (lambda s: s.translate(_ASCII), True),
    "fullwidth-punctuation": (lambda s: s.translate(_WIDE), True),
    "crlf-line-ends": (lambda s: s.replace("\n", "\r\n"), True),
    # the stray space is dropped on reading, so the expectations keep the text without it
    "space-after-enumeration-comma": (lambda s: s.replace("、", "、 "), False),
    "labels-with-bumen": (
        lambda s: (
            s.replace("责任单位", "责任部门").replace("牵头单位", "牵头部门").replace("配合单位", "配合部门")
        ),
        True,
    ),
    "labels-zhuban-xieban": (
        lambda s: s.replace("配合单位", "协办单位").replace("牵头单位", "主办单位"),
        True,
    ),
    "labels-chengban-canyu": (
        lambda s: s.replace("责任单位", "承办单位").replace("配合单位", "参与单位"),
        True,
    ),
    # 协助 for 配合 and 配合 for 参与, at once: the co verbs are one family
    "co-verbs-xiezhu": (
        lambda s: re.sub("参与|配合", lambda m: "配合" if m.group() == "参与" else "协助", s),
        True,
    ),
    "numbers-with-dun": (lambda s: re.sub(r"(?<![\d.])(\d{1,2})\.(?=[\u4e00-\u9fff])", r"\1、", s), True),
    "numbers-with-dot": (lambda s: re.sub(r"(?<!\d)(\d{1,2})、(?=[\u4e00-\u9fff])", r"\1.", s), True),
    "ascii-parenthesised-numerals": (
        lambda s: re.sub(r"（([一二三四五六七八九十]{1,3})）", r"(\1)", s),
        True,
    ),
}


def _read_wrong(tasks: list[Task], expected: dict[str, object], retype: Callable[[str], str]) -> list[str]:
    wrong: list[str] = []
    for want in expected["tasks"]:  # type: ignore[attr-defined]
        got = _find(tasks, retype(want["find"]))
        lead = [retype(u) for u in want["lead_units"]]
        units = set(lead + [retype(u) for u in want["co_units"]])
        if got is None or got.lead_units != lead or set(got.lead_units + got.co_units) != units:
            wrong.append(want["find"])
    return wrong


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_a_retyped_document_reads_the_same(path: Path, variant: str):
    retype, retype_expected = VARIANTS[variant]
    expected = _expected(path)
    text = retype(_body(str(expected["document"])))
    try:
        tasks = parse_text(text).tasks
    except DutygraphError:
        tasks = []
    wrong = _read_wrong(tasks, expected, retype if retype_expected else (lambda s: s))
    known = KNOWN_MISSES.get(path.stem, {"finds": []})["finds"]
    assert sorted(wrong) == sorted(known)  # type: ignore[type-var]
