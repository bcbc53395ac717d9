"""Network page benchmark: time to first drawn frame, our page vs pyvis defaults, 5,000 units.

    .venv/bin/python bench/viz.py [--units 5000] [--timeout 600]

Writes a synthetic 5,000-unit network twice — with ``dutygraph.viz.write_page`` and with
pyvis's own ``Network`` defaults (physics on, its template, vis-network inlined) — opens each in
headless Chromium (Debian's, all network requests blocked) and measures from navigation start to
the end of the first animation frame in which vis-network drew on its canvas. Prints both times,
their ratio (target ≥ 10×) and our file size (target < 10 MB). Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from dutygraph.viz import write_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "viz"))
from page_samples import synthetic_graph

print = functools.partial(print, flush=True)  # progress shows while waiting

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Runs before any page script: records when vis-network first draws on a canvas (a node, an edge
# or a label: zoomed out to 5,000 nodes it skips labels) and when that animation frame ends.
FIRST_FRAME_PROBE = """
(() => {
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ["arc", "lineTo", "fillText", "rect"]) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (window.__firstDraw === undefined && this.canvas.width > 0 && this.canvas.closest("div")) {
        window.__firstDraw = performance.now();
        requestAnimationFrame(() => { window.__firstFrame = performance.now(); });
      }
      return original.apply(this, args);
    };
  }
})();
"""


def pyvis_default_page(graph: nx.Graph, path: Path) -> Path:
    """The page pyvis makes with its defaults (physics on), vis-network inlined.

    Nodes and edges are added as pyvis' ``add_node``/``add_edge`` would, but without its
    duplicate check (a linear scan per edge: minutes for 5,000 units) — the page is the same.
    """
    net = Network(height="900px", width="100%", cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        net.add_node(node, label=attrs["label"], title=attrs["label"], size=10 + attrs["load"])
    net.edges = [{"from": a, "to": b, "width": d["weight"]} for a, b, d in graph.edges(data=True)]
    net.write_html(str(path))
    return path


def first_frame(browser: Any, path: Path, timeout_s: float) -> float | None:
    """Milliseconds from navigation to the first drawn frame; None past ``timeout_s``."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(FIRST_FRAME_PROBE)
    url = path.resolve().as_uri()
    context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit")
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            value = page.evaluate("window.__firstFrame")
            if value is not None:
                return float(value)
            time.sleep(0.05)
        return None
    finally:
        context.close()


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for the pyvis page")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    graph = synthetic_graph(args.units, seed=args.seed)
    print(f"graph: {graph.number_of_nodes()} units, {graph.number_of_edges()} edges")
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "ours.html"
        started = time.perf_counter()
        write_page(graph, ours, title="synthetic", seed=args.seed)
        size_mb = ours.stat().st_size / 1e6
        print(f"our page written in {time.perf_counter() - started:.1f} s, {size_mb:.2f} MB")
        theirs = pyvis_default_page(graph, Path(tmp) / "pyvis.html")
        print(f"pyvis page {theirs.stat().st_size / 1e6:.2f} MB")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            ours_ms = first_frame(browser, ours, 120.0)
            print(f"ours:  first drawn frame {ours_ms:.0f} ms" if ours_ms else "ours: no frame within 120 s")
            theirs_ms = first_frame(browser, theirs, args.timeout)
            if theirs_ms is None:
                print(f"pyvis: no frame within {args.timeout:.0f} s")
            else:
                print(f"pyvis: first drawn frame {theirs_ms:.0f} ms")
            browser.close()
    if ours_ms is None:
        return 1
    if theirs_ms is None:
        print(f"ratio: > {args.timeout * 1000 / ours_ms:.0f}x (pyvis did not draw within the timeout)")
    else:
        print(f"ratio: {theirs_ms / ours_ms:.1f}x (target >= 10x)")
    print(f"our file size: {size_mb:.2f} MB (target < 10 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
