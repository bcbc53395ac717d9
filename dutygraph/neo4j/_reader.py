"""The sync's store reader, run as ``python -m dutygraph.neo4j._reader STORE`` by the sync.

Reads the document graphs named on stdin (a JSON list) from the store and writes, for each, a
pickled ``("doc", DocumentRows | None)`` to stdout, then ``("end", None)`` — or ``("error", text)``.
A separate process rather than a thread: reading is CPU work holding the GIL, so only a process
overlaps it with the writing (which mostly waits on the server). A plain ``python -m`` child, not
``multiprocessing``, so the caller's main module is never re-imported.
"""

from __future__ import annotations

import json
import pickle
import sys

from dutygraph.neo4j import from_store
from dutygraph.store.store import Store


def main() -> int:
    out = sys.stdout.buffer
    try:
        graphs = json.loads(sys.stdin.read())
        with Store.open(sys.argv[1]) as store:
            labels = from_store.pref_labels(store)
            for graph in graphs:
                pickle.dump(
                    ("doc", from_store.read_document_digest(store, graph, labels)),
                    out,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
        pickle.dump(("end", None), out)
    except BrokenPipeError:
        return 0  # the sync stopped reading (it failed or was interrupted)
    except Exception as error:
        pickle.dump(("error", f"{type(error).__name__}: {error}"), out)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
