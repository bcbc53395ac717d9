"""Crafted inputs of about 1 MB parse in bounded time: every step of the parser is linear in its input.

Speed itself is measured in ``bench/parse.py`` (growth ratios); this test only guards against a return of
quadratic behaviour, with a limit generous enough for a loaded machine (a quadratic step takes hours here).
"""

from __future__ import annotations

import signal

import pytest
from crafted_inputs import FAMILIES, sized

from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_text

LIMIT_SECONDS = 120


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_crafted_megabyte_parses_in_bounded_time(family):
    text = sized(family, 1_000_000 // 3)  # ~1 MB of UTF-8: three bytes a character

    def too_slow(signum, frame):
        raise TimeoutError(f"{family}: parsing 1 MB took over {LIMIT_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(LIMIT_SECONDS)
    try:
        parse_text(text)
    except DutygraphError:
        pass  # refusing the input is an answer too; hanging is not
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
