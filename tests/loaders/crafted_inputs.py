"""Crafted inputs that make a careless parser super-linear, shared by ``bench/parse.py`` and the tests.

Each family maps a size ``n`` to a text that grows linearly in ``n``: unit lists full of open brackets or
convention notes, run-in lists before a 牵头, glued table cells, a page of numbered tasks on one line,
duty sentences with long subjects.
"""

from __future__ import annotations

from collections.abc import Callable

FAMILIES: dict[str, Callable[[int], str]] = {
    "unit-open-brackets": lambda n: "1．推进甲。\n责任单位：" + "市发改委(" * n,
    "open-brackets": lambda n: "1．推进甲。\n责任单位：" + "(" * n,
    "convention-notes": lambda n: "1．推进甲。\n责任单位：市发改委" + "(列第一位者为牵头单位,下同)" * n,
    "run-in-list": lambda n: "1．推进甲。" + "区经发局、" * n + "区财金局牵头，区交建局配合",
    "glued-table": lambda n: "序号工作任务完成时限主要责任单位任务来源1、推进甲工作3月" + "区经发局" * n,
    "numbers-one-line": lambda n: "".join(f"{i}、推进工作。（责任单位：区经发局）" for i in range(1, n)),
    "duty-subjects": lambda n: "（1）" + "区经发局及" * n + "区财金局负责推进。",
}


def sized(family: str, chars: int) -> str:
    """The family's text grown to at least ``chars`` characters."""
    make = FAMILIES[family]
    n = max(1, chars // max(1, len(make(100)) // 100))
    return make(n)
