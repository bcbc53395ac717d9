"""dutygraph: turn government responsibility-breakdown notices into a knowledge graph.

The flow is one way: ``loaders`` (document → records) → ``ontology`` (records → RDF)
→ ``graph`` (store, projections, analysis, visualization, Neo4j sync).

The names most programs need are importable from here (loaded on first use, so
``import dutygraph`` stays cheap for the CLI)::

    import dutygraph as dg

    with dg.Store.open("dutygraph-store", write=True) as store:
        dg.load_files(store, ["examples/huzhou-2019-key-tasks.txt"])
        analysis = dg.analysis_of(store)
    analysis.rows("workload")
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("dutygraph")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

_API = {
    "parse_file": "dutygraph.loaders",
    "parse_text": "dutygraph.loaders",
    "Store": "dutygraph.store.store",
    "load_files": "dutygraph.store.ingest",
    "read_snapshot": "dutygraph.graph.snapshot",
    "analyse": "dutygraph.graph.analysis",
    "Analysis": "dutygraph.graph.analysis",
    "Settings": "dutygraph.settings",
    "analysis_of": "dutygraph.jobs",
    "run_job": "dutygraph.jobs",
    "write_network_page": "dutygraph.jobs",
    "view_graph": "dutygraph.viz.views",
    "DutygraphError": "dutygraph.errors",
    "InputError": "dutygraph.errors",
    "StoreError": "dutygraph.errors",
    "ServerError": "dutygraph.errors",
    "InternalError": "dutygraph.errors",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'dutygraph' has no attribute {name!r}")
