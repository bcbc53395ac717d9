"""Network page benchmark: our page against pyvis's default page on the same graphs, same run.

    .venv/bin/python bench/viz.py [--units 1000 5000 10000] [--timeout 180]

For each size, writes a synthetic unit network (``tests/viz/page_samples.synthetic_graph``) twice —
with ``dutygraph.viz.write_page`` and with pyvis's own ``Network`` defaults (physics on, its
template, vis-network inlined) — opens each in headless Chromium (Debian's, every network request
blocked) and prints: file size; time from navigation to the end of the first animation frame in
which the page drew (vis-network on a 2D canvas; sigma.js with WebGL for a part above
``dutygraph.viz.data.WEBGL_ABOVE`` units, SwiftShader in headless Chromium); and the time of each
interaction on a settled page until the browser has drawn it and frames come at the display's rate
again — focus on a unit (select, fade the rest, zoom to it) and zoom, on both pages; search and a
cluster filter on ours (pyvis's page has neither); and, as the floor those stand on, the same
timing for a change of one line's colour on our page (with SwiftShader the browser needs about a
frame of its own to present any change, and more when the machine is loaded). Each interaction
runs ``--repeat`` times, the page's Reset before each run (a focus goes to another unit each
time); the median is printed with the range. Each page is opened once, and each step gets ``--timeout`` seconds (the first frame, settling; an interaction and the
frames after it three times that): a page that has not drawn by then is reported as "nothing drawn"
and closed, so its script cannot hold the browser for the next page. Not a test: timings vary by machine; the ratios are what compare.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pyvis.network import Network

from dutygraph.viz import write_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "viz"))
from chromium import CHROMIUM, CHROMIUM_ARGS
from page_samples import synthetic_graph

print = functools.partial(print, flush=True)  # progress shows while waiting

# Runs before any page script: records when the page first draws on a canvas — vis-network on a
# 2D canvas (a node, an edge or a label: zoomed out to 5,000 nodes it skips labels), sigma.js by
# a WebGL draw call — and reports on the console when that animation frame ends.
FIRST_FRAME_PROBE = """
(() => {
  const mark = (canvas) => {
    if (window.__firstDraw === undefined && canvas.width > 0 && canvas.closest("div")) {
      window.__firstDraw = performance.now();
      requestAnimationFrame(() => { console.log("dutygraph-bench " + performance.now()); });
    }
  };
  const wrap = (proto, names) => {
    for (const name of names) {
      const original = proto[name];
      proto[name] = function (...args) { mark(this.canvas); return original.apply(this, args); };
    }
  };
  wrap(CanvasRenderingContext2D.prototype, ["arc", "lineTo", "fillText", "rect"]);
  wrap(WebGLRenderingContext.prototype, ["drawArrays", "drawElements"]);
  wrap(WebGL2RenderingContext.prototype, ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced"]);
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


#: How the page reports a figure: a console line that starts with this.
_REPORT = "dutygraph-bench "


def _reported(page: Any, start: Callable[[], object], timeout_s: float) -> float | None:
    """The figure the page reports on its console once ``start()`` has run; None past ``timeout_s``.

    Console lines reach the bench without a call into the page, so a page whose script keeps its
    thread busy (pyvis's physics) costs the timeout, not the run."""
    try:
        with page.expect_console_message(
            lambda m: m.text.startswith(_REPORT), timeout=timeout_s * 1000
        ) as line:
            start()
        return float(line.value.text[len(_REPORT) :])
    except PlaywrightTimeout:
        return None


def _wait(page: Any, condition: str, deadline: float) -> bool:
    """Whether ``condition`` holds before ``deadline`` (a ``time.monotonic()`` value).

    Playwright's timeout holds even while the page's script keeps its thread busy (pyvis's physics
    on 10,000 nodes), so a page that never gets there costs the budget, not the run."""
    while (left := deadline - time.monotonic()) > 0:
        try:
            page.wait_for_function(condition, polling=50, timeout=left * 1000)
            return True
        except PlaywrightTimeout:
            return False
        except PlaywrightError:  # the document was replaced while waiting: wait in the new one
            continue
    return False


#: Each interaction on a settled page, timed until the browser has drawn it: the end of the last
#: slow animation frame before frames come at the display's rate again, three in a row (with
#: software WebGL a frame is drawn after the script has returned, and the browser may present it
#: a few frames later, so the frames after an action, not its script, say when it is seen).
#: The result is reported on the console, which the bench reads without the page's thread.
_TIMED = """(action, budget) => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  const quick = 40;
  // the time of the last slow frame (or `from`) once `settled` quick frames came in a row
  const calm = async (from, settled) => {
    let last = from;
    let drawn = from;
    for (let run = 0; run < settled && last - from < budget;) {
      const t = await frame();
      if (t - last < quick) { run++; } else { run = 0; drawn = t; }
      last = t;
    }
    return drawn;
  };
  (async () => {
    await calm(performance.now(), 3);
    const started = performance.now();
    action();
    console.log("dutygraph-bench " + (Math.max(await frame(), await calm(performance.now(), 3)) - started));
  })();
}"""
#: Each interaction, run ``--repeat`` times with a Reset before each (``{i}`` is the run's number:
#: a focus goes to another unit each time, so no run times a picture the browser drew before).
OURS = {
    "focus": "() => window.dutygraph.focus(window.dutygraph.shownIds()[7 + 13 * {i}])",
    "zoom": "() => window.dutygraph.zoom(1.5)",
    "search": "() => window.dutygraph.search('发展')",
    "filter": "() => window.dutygraph.setFilter('cluster', '1')",
    # not an interaction: the floor any change pays in this browser (the status line's colour)
    "any change": "() => { const s = document.getElementById('dg-status').style; s.color = s.color ? '' : 'red'; }",
}
OURS_RESET = "() => document.getElementById('dg-reset').click()"
PYVIS = {
    "focus": "() => { network.selectNodes([7 + 13 * {i}]); network.focus(7 + 13 * {i}, {scale: 1.2}); }",
    "zoom": "() => network.moveTo({scale: network.getScale() * 1.5})",
}
PYVIS_RESET = "() => network.fit({animation: false})"


def measure(
    browser: Any,
    path: Path,
    page_actions: tuple[dict[str, str], str],
    ready: str,
    timeout_s: float,
    repeat: int,
) -> tuple[float | None, dict[str, list[float]]]:
    """Milliseconds from navigation to the first drawn frame, then each interaction's times once
    ``ready`` holds, ``repeat`` runs each, the page's reset before every run; each step gets
    ``timeout_s``. A page that has not drawn (or settled, or finished an interaction) in time gives
    None (or no further times), and its context is closed at once, so its script cannot hold the
    browser for the next page."""
    actions, reset = page_actions
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(FIRST_FRAME_PROBE)
    url = path.resolve().as_uri()
    context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page = context.new_page()
    times: dict[str, list[float]] = {}
    try:
        first = _reported(page, lambda: page.goto(url, wait_until="commit"), timeout_s)
        if first is None or not _wait(page, ready, time.monotonic() + timeout_s):
            return first, times
        runs = [(name, code.replace("{i}", str(i))) for name, code in actions.items() for i in range(repeat)]
        for n, (name, code) in enumerate(runs):
            # started from a polled condition (bounded by its timeout), once: never a plain evaluate,
            # which would wait as long as the page's thread is busy; the timing waits for the frames
            # after the reset to settle before it starts
            begin = f"() => {{ if (window.__begun !== {n}) {{ window.__begun = {n}; ({reset})(); ({_TIMED})({code}, {timeout_s * 1000}); }} return true; }}"
            figure = _reported(
                page, functools.partial(_wait, page, begin, time.monotonic() + timeout_s), 3 * timeout_s
            )
            if figure is None:
                break
            times.setdefault(name, []).append(figure)
        return first, times
    finally:
        context.close()


def _spread(values: list[float] | None) -> str:
    """The median of a run's times, and their range when there are several."""
    if not values:
        return "—"
    low, high = min(values), max(values)
    middle = f"{statistics.median(values):,.0f} ms"
    return middle if len(values) == 1 else f"{middle} ({low:,.0f}–{high:,.0f})"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} ms"


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--units", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for a page")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each interaction")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for units in args.units:
            graph = synthetic_graph(units, seed=args.seed)
            print(f"== {graph.number_of_nodes()} units, {graph.number_of_edges()} edges")
            print(f"load average {os.getloadavg()[0]:.1f}")
            ours = Path(tmp) / f"ours-{units}.html"
            started = time.perf_counter()
            write_page(graph, ours, title="synthetic", seed=args.seed)
            written = time.perf_counter() - started
            theirs = pyvis_default_page(graph, Path(tmp) / f"pyvis-{units}.html")
            ready = "() => window.dutygraph && window.dutygraph.ready"
            ours_ms, ours_times = measure(browser, ours, (OURS, OURS_RESET), ready, args.timeout, args.repeat)
            pyvis_ready = "() => typeof network !== 'undefined' && network.body.nodeIndices.length > 0"
            theirs_ms, theirs_times = measure(
                browser, theirs, (PYVIS, PYVIS_RESET), pyvis_ready, args.timeout, args.repeat
            )
            print(
                f"file size     ours {ours.stat().st_size / 1e6:6.2f} MB (written in {written:.1f} s)   pyvis {theirs.stat().st_size / 1e6:6.2f} MB"
            )
            ratio = f"   ratio {theirs_ms / ours_ms:.1f}x" if ours_ms and theirs_ms else ""
            if ours_ms and theirs_ms is None:
                ratio = (
                    f"   nothing drawn within {args.timeout:.0f} s (> {args.timeout * 1000 / ours_ms:.0f}x)"
                )
            print(f"first frame   ours {_ms(ours_ms):>10}   pyvis {_ms(theirs_ms):>10}{ratio}")
            for name in OURS:
                mine, other = ours_times.get(name), theirs_times.get(name)
                ratio = ""
                if mine and other:
                    ratio = f"   ratio {statistics.median(other) / statistics.median(mine):.1f}x"
                print(f"{name:<13} ours {_spread(mine):>22}   pyvis {_spread(other):>22}{ratio}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
