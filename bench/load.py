"""Benchmark: loading a synthetic corpus into the store vs rdflib's in-memory store.

    python bench/load.py [-n 1000] [--seed 7] [--batch 100]

Generates ``n`` notices with ``bench/synth.py``, then, each in a fresh process so peak memory is
its own:

* **dutygraph**: parse every notice, map it to RDF and load it into the on-disk Oxigraph store
  (``load_files``, ``--batch`` documents per write) — the whole `dutygraph load` path.
* **ceiling**: pyoxigraph's bulk loader writing the same quads, pre-built as N-Quads bytes (the
  store's own export), into a fresh on-disk store — no parsing of notices, no mapping, no digests:
  the fastest the backend writes on this machine, so the best ratio any load path could reach.
* **baseline**: rdflib's default in-memory ``Dataset`` parsing the same N-Quads, i.e. the work a
  "re-parse a file on every command" design repeats.

Prints triples/s and peak RSS for each and the ratios to the baseline (target: dutygraph ≥ 5×
faster). Then, on the store just loaded (``--no-after`` skips it): a reload of the unchanged files,
replacing one document (its file gains a byte), removing one, loading the full set again and
``validate`` (in a process of its own, with its peak RSS) — each as a fraction of the fresh load's
time — and the disk the store then takes against the fresh load's. ``--no-compare`` skips the
ceiling and the baseline. A last step loads just enough notices for ≥ 1,000,000 triples into a new store and
reports its peak RSS (target < 2 GB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent

_OURS = """
import json, resource, sys, time
from pathlib import Path
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store
paths = sorted(Path(sys.argv[1]).glob("*.txt"))
batch = int(sys.argv[3])
start = time.perf_counter()
triples = 0
with Store.open(Path(sys.argv[2]), write=True) as store:
    load_files(store, paths, batch=batch)
    elapsed = time.perf_counter() - start  # counting the quads below is not part of loading
    triples = len(store)
print(json.dumps({"seconds": elapsed, "triples": triples,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_AFTER = """
import json, sys, time
from pathlib import Path
from dutygraph.store.ingest import load_files
from dutygraph.store.files import disk_use
from dutygraph.store.store import Store
paths = sorted(Path(sys.argv[1]).glob("*.txt"))
store_path = Path(sys.argv[2])
fresh_disk = disk_use(store_path).total
def timed(work):
    start = time.perf_counter()
    work()
    return time.perf_counter() - start
def reload(files):
    with Store.open(store_path, write=True) as store:
        load_files(store, files)
figures = {"reload_unchanged": timed(lambda: reload(paths))}
changed = paths[len(paths) // 2]
changed.write_bytes(changed.read_bytes() + b"\\n")  # the same tasks, new bytes: replaced
figures["replace_one"] = timed(lambda: reload([changed]))
def remove_one():
    with Store.open(store_path, write=True) as store:
        store.remove(store.document_ids()[0])
figures["remove_one"] = timed(remove_one)
reload(paths)  # the removed document back: the same content as the fresh load
figures["disk_ratio"] = disk_use(store_path).total / fresh_disk
figures["disk_mb"] = disk_use(store_path).total / 1e6
figures["fresh_disk_mb"] = fresh_disk / 1e6
print(json.dumps(figures))
"""

_VALIDATE = """
import json, resource, sys, time
from pathlib import Path
from dutygraph.store.store import Store
from dutygraph.store.validate import validate_store
start = time.perf_counter()
with Store.open(Path(sys.argv[1])) as store:
    found = validate_store(store)
print(json.dumps({"seconds": time.perf_counter() - start, "results": len(found),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_CEILING = """
import json, resource, sys, time
from pathlib import Path
import pyoxigraph as ox
data = Path(sys.argv[1]).read_bytes()  # pre-built: reading the file is not part of the load
store = ox.Store(sys.argv[2])
start = time.perf_counter()
store.bulk_load(data, ox.RdfFormat.N_QUADS)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "triples": len(store),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_BASELINE = """
import json, resource, sys, time
import rdflib
start = time.perf_counter()
dataset = rdflib.Dataset()
dataset.parse(sys.argv[1], format="nquads")
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "triples": len(dataset),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--million", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--after", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--compare",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time the ceiling and the rdflib baseline (--no-compare: only dutygraph's figures)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import synth

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        synth.write_corpus(synth.generate_corpus(args.n, seed=args.seed), corpus)
        ours = _run(_OURS, str(corpus), f"{tmp}/store", str(args.batch))
        after = _run(_AFTER, str(corpus), f"{tmp}/store") if args.after else {}
        checked = _run(_VALIDATE, f"{tmp}/store") if args.after else {}
        runs = [("dutygraph load (parse + map + store):", ours, "ours")]
        if args.compare:
            # The baseline parses exactly what we stored.
            from dutygraph.store.store import Store

            with Store.open(Path(f"{tmp}/store")) as store:
                store.export(Path(f"{tmp}/corpus.nq"), "nquads")
            ceiling = _run(_CEILING, f"{tmp}/corpus.nq", f"{tmp}/ceiling-store")
            base = _run(_BASELINE, f"{tmp}/corpus.nq")
            runs += [
                ("ceiling: Oxigraph bulk load of N-Quads:", ceiling, "ceiling"),
                ("rdflib Dataset parsing N-Quads:", base, "base"),
            ]
        rate = {name: r["triples"] / r["seconds"] for _, r, name in runs}
        print(f"corpus: {args.n} notices, {ours['triples']:.0f} quads")
        for label, result, name in runs:
            print(
                f"{label:40} {result['seconds']:6.1f} s, {rate[name]:9,.0f} triples/s, peak {result['peak_mb']:5.0f} MB"
            )
        if args.compare:
            print(
                f"ratio: dutygraph is {rate['ours'] / rate['base']:.1f}x the baseline's rate (target >= 5x)"
            )
            print(
                f"ceiling: the backend alone is {rate['ceiling'] / rate['base']:.1f}x the baseline's rate; "
                f"dutygraph reaches {rate['ours'] / rate['ceiling']:.0%} of it"
            )
        for name, label in (
            ("reload_unchanged", "reload of the unchanged files"),
            ("replace_one", "replacing one document"),
            ("remove_one", "removing one document"),
        ):
            if name in after:
                seconds = after[name]
                print(
                    f"{label + ':':40} {seconds:6.1f} s, {seconds / ours['seconds']:6.1%} of the fresh load"
                )
        if after:
            print(
                f"{'validate (SHACL, streamed):':40} {checked['seconds']:6.1f} s, "
                f"{checked['seconds'] / ours['seconds']:6.1%} of the fresh load, peak {checked['peak_mb']:5.0f} MB"
            )
            print(
                f"disk after replace, remove and reload: {after['disk_mb']:.0f} MB, "
                f"{after['disk_ratio']:.2f}x the fresh load's {after['fresh_disk_mb']:.0f} MB (bound 1.2x)"
            )
        if args.million:
            # The memory target is for one million triples: load just enough notices for that
            # (the bigger load above peaks higher: the bulk loader buffers millions of quads at once).
            needed = int(args.n * 1_000_000 / ours["triples"]) + 1
            big = Path(tmp) / "million"
            synth.write_corpus(synth.generate_corpus(needed, seed=args.seed + 1), big)
            million = _run(_OURS, str(big), f"{tmp}/million-store", str(args.batch))
            print(
                f"{million['triples']:,.0f} triples ({needed} notices) loaded with peak RSS "
                f"{million['peak_mb']:.0f} MB (target < 2048 MB)"
            )


if __name__ == "__main__":
    main()
