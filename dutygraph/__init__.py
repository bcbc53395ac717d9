"""dutygraph: turn government responsibility-breakdown notices into a knowledge graph.

The flow is one way: ``loaders`` (document → records) → ``ontology`` (records → RDF)
→ ``graph`` (store, projections, analysis, visualization, Neo4j sync).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dutygraph")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
