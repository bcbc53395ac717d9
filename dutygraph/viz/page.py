"""Build the self-contained network page: one HTML file, every asset inlined, no network request.

The page is our own Jinja template (``assets/page.html``) around the vendored vis-network
standalone build (``assets/vis-network.min.js``, Apache-2.0/MIT), our script (``assets/page.js``) and
style sheet, and a woff2 subset of Noto Sans CJK SC as a data URI (:mod:`dutygraph.fonts`). pyvis supplies the
vis-network options model (:class:`pyvis.options.Options` — physics solver, stabilisation, smoothing,
interaction); its ``Network`` class and template are not used: the template links bootstrap from a
CDN, ``add_edge`` is quadratic (minutes for 5,000 units) and its tooltips are HTML strings.

Document strings never become markup: nodes and edges travel as JSON in a
``<script type="application/json">`` block with ``< > &`` and U+2028/U+2029 escaped, and the page
script builds every label, tooltip and list entry with ``textContent``.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from dutygraph.errors import InputError, InternalError, whole_file
from dutygraph.fonts import FAMILY, page_font
from dutygraph.graph.colours import NO_CLUSTER, PALETTE
from dutygraph.viz.data import LARGE_GRAPH, page_data
from dutygraph.viz.style import KINDS

__all__ = [
    "KINDS",
    "LARGE_GRAPH",
    "NO_CLUSTER",
    "PALETTE",
    "page_data",
    "render_page",
    "script_json",
    "write_page",
]

ASSETS = Path(__file__).parent / "assets"
#: Data larger than this travels gzip-compressed (base64): 20 MB of JSON for 1,000 notices becomes
#: 4 MB, and inflating it in the browser (DecompressionStream) takes a fraction of a second.
COMPRESS_ABOVE = 1_000_000

_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(value: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: no tag, entity or line break."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(
        _JSON_ESCAPES
    )


def _walk_strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _walk_strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk_strings(v)


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _inline(text: str, closing: str) -> str:
    """Asset text for inlining inside ``<script>``/``<style>``; refuse one that would close its element."""
    if closing in text.lower() or "<!--" in text:
        raise InternalError(f"asset cannot be inlined: contains {closing!r} or '<!--'")
    return text


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(ASSETS)), autoescape=True, keep_trailing_newline=True
)


def render_page(graph: nx.Graph, *, title: str, physics: bool | None = None, seed: int = 0) -> str:
    """The network page for ``graph`` as one self-contained HTML document.

    Positions are computed in Python and drawn as they are; ``physics=True`` lets vis-network move
    them afterwards (off by default: Reset could not return to a layout physics keeps changing). The
    same graph, title and ``seed`` give byte-identical HTML.
    """
    data = page_data(graph, title=title, physics=physics, seed=seed)
    data_json = script_json(data)
    packed = len(data_json) > COMPRESS_ABOVE
    if packed:  # mtime=0: the same data gives the same bytes
        data_json = base64.b64encode(gzip.compress(data_json.encode("utf-8"), 6, mtime=0)).decode("ascii")
    webgl = any(p["webgl"] for p in data["meta"]["parts"])  # sigma.js only where a part needs it
    template = _ENV.get_template("page.html")
    page_script = _asset("page.js")
    ui_text = (ASSETS / "page.html").read_text(encoding="utf-8") + page_script
    font = page_font(ui_text + "".join(_walk_strings(data)))
    return template.render(
        title=title,
        vis_css=Markup(_inline(_asset("vis-network.min.css"), "</style")),
        page_css=Markup(_inline(_asset("page.css"), "</style")),
        vis_js=Markup(_inline(_asset("vis-network.min.js"), "</script")),
        webgl=webgl,
        webgl_js=Markup(_inline(_asset("sigma.min.js") + "\n" + _asset("webgl.js"), "</script"))
        if webgl
        else "",
        page_js=Markup(_inline(page_script, "</script")),
        data_json=Markup(data_json),
        packed=packed,
        font_family=FAMILY,
        font_uri=font.data_uri,
    )


def write_page(
    graph: nx.Graph, path: str | Path, *, title: str, physics: bool | None = None, seed: int = 0
) -> Path:
    """Write :func:`render_page` to ``path`` (UTF-8, parents created) and return the path."""
    path = Path(path)
    html = render_page(graph, title=title, physics=physics, seed=seed)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot write the page to {path}: {error.strerror or error}") from None
    with whole_file(path) as partial:  # a full disk leaves no half page
        partial.write_text(html, encoding="utf-8")
    return path
