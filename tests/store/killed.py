"""A writer killed in the middle, for the all-or-nothing tests: a script that holds the commit
up once everything before it is written, and the kill that lands there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

# A load, replacement or removal whose commit is held up once everything before it is written.
KILLED_IN_COMMIT = """
import sys, time
from pathlib import Path
from dutygraph.store import store as store_module
from dutygraph.store.ingest import load_files
original = store_module.Store._update
def slow_update(self, operations):
    print("committing", flush=True)
    time.sleep(60)
    original(self, operations)
store_module.Store._update = slow_update
with store_module.Store.open(Path(sys.argv[1]), write=True) as store:
    if sys.argv[2] == "remove":
        store.remove(sys.argv[3])
    else:
        load_files(store, [Path(sys.argv[3])])
"""


def kill_when(script: str, says: str, *args: str) -> None:
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == says
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
