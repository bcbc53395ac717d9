"""Parse the Huzhou sample 1,000 times in one process; print documents/s and MB/s.

Run: ``.venv/bin/python bench/parse.py [FILE] [--n N]``. Each round is a full ``parse_file`` (read,
decode, scan, assemble), as a batch over a corpus of notices would do.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dutygraph.loaders import parse_file

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "examples" / "huzhou-2019-key-tasks.txt"


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


if __name__ == "__main__":
    main()
