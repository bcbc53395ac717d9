"""Parse the Huzhou sample 1,000 times in one process; print documents/s and MB/s; then the real corpus;
then how parse time grows on crafted inputs.

Run: ``.venv/bin/python bench/parse.py [FILE] [--n N]``. Each round is a full ``parse_file`` (read,
decode, scan, assemble), as a batch over a corpus of notices would do. The growth section parses each
family of ``tests/loaders/crafted_inputs.py`` at 40,000 and 320,000 characters and prints the ratio of
the two CPU times: a linear parser gives about 8 (goal: under 12).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_file, parse_text

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "examples" / "huzhou-2019-key-tasks.txt"
REAL = HERE.parent / "tests" / "loaders" / "real"
sys.path.insert(0, str(HERE.parent / "tests" / "loaders"))
from crafted_inputs import FAMILIES, sized  # noqa: E402


def _cpu_parse(text: str) -> float:
    start = time.process_time()
    with contextlib.suppress(DutygraphError):  # a refused input still has to be read to be refused
        parse_text(text)
    return time.process_time() - start


def growth() -> None:
    print("crafted inputs, CPU time at 40k and 320k characters:")
    for family in FAMILIES:
        small, large = _cpu_parse(sized(family, 40_000)), _cpu_parse(sized(family, 320_000))
        print(f"  {family:20} {small:6.3f} s → {large:6.3f} s  ×{large / max(small, 1e-6):.1f}")


def real_corpus() -> None:
    files = sorted(REAL.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    cpu_start = time.process_time()
    for _ in range(10):
        for f in files:
            with contextlib.suppress(DutygraphError):
                parse_file(f)
    cpu = time.process_time() - cpu_start
    print(
        f"real corpus: {len(files)} documents, {size / 1024:.0f} KB, ×10: {10 * len(files) / cpu:.0f} documents/s per core"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    size = args.file.stat().st_size
    tasks = len(parse_file(args.file).tasks)  # warm-up: imports, regex caches
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(args.n):
        parse_file(args.file)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    docs = args.n / elapsed
    print(f"{args.file.name}: {tasks} tasks, {size / 1024:.1f} KB")
    print(f"{args.n} parses in {elapsed:.2f} s: {docs:.0f} documents/s, {docs * size / 1e6:.2f} MB/s")
    # On a shared machine wall time includes waiting for the core; CPU time is the parser's own cost.
    print(f"CPU time {cpu:.2f} s: {args.n / cpu:.0f} documents/s per core")
    real_corpus()
    growth()


if __name__ == "__main__":
    main()
