"""Every default dutygraph has, in one place: the CLI's options and the library's keyword defaults
both read them from here, so a default is changed by editing one line.

This module imports nothing from dutygraph (every room may import it) and nothing heavy (the CLI
imports it to build its options before any command runs).
"""

from __future__ import annotations

from dataclasses import dataclass

# -- the store ---------------------------------------------------------------------------------
#: The store directory when neither ``--store`` nor ``$DUTYGRAPH_STORE`` names one.
STORE = "dutygraph-store"
#: Seconds a writer waits for another writer's lock before giving up with a clear error.
WRITER_WAIT = 30.0
#: Seconds ``dutygraph sparql`` lets a query run before stopping it (0: no limit).
QUERY_TIMEOUT = 300.0

# -- the analysis ------------------------------------------------------------------------------
#: Load counted per led task and per assisted task: leading (coordinating the co-units and
#: reporting back, 牵头/汇总) is about twice the work of contributing.
LEAD_WEIGHT = 1.0
CO_WEIGHT = 0.5
#: Robust z-score at which a unit is over-burdened (Iglewicz & Hoaglin's outlier cut-off) ...
Z_THRESHOLD = 3.5
#: ... or this lower z together with at least LEADER_THRESHOLD supervising leaders.
Z_WITH_LEADERS = 2.5
LEADER_THRESHOLD = 3
#: Collaboration weights: tasks shared, or Newman's Σ 1/(n−1) per shared task.
WEIGHTING = "shared"
WEIGHTINGS = ("shared", "newman")
#: Community detection on the collaboration graph.
METHOD = "louvain"
METHODS = ("louvain", "leiden")
RESOLUTION = 1.0
#: Seed for clustering, sampled betweenness and page layouts: same input, same output.
SEED = 0
#: What one analysis covers: a jurisdiction's notices of one year, all its years, or everything.
SCOPE = "jurisdiction-year"
SCOPES = ("jurisdiction-year", "jurisdiction", "corpus")
#: The per-scope analysis tables (``dutygraph report KIND``, the report's CSVs).
REPORTS = ("workload", "overload", "centrality", "clusters", "leaders")
#: Long tables over all parts: task rows, unit pairs, one row per scope, flags across years.
TABLES = ("tasks", "pairs", "scopes", "flags")
#: Series over years or jurisdictions; each needs its own option (--unit, --jurisdiction, --function).
SERIES = ("trend", "changes", "compare")
#: Everything ``dutygraph report KIND`` answers.
REPORT_KINDS = REPORTS + TABLES + SERIES


@dataclass(frozen=True)
class Settings:
    """Every knob of the analysis; the defaults are the constants above."""

    lead_weight: float = LEAD_WEIGHT
    co_weight: float = CO_WEIGHT
    z_threshold: float = Z_THRESHOLD
    leader_threshold: int = LEADER_THRESHOLD
    weighting: str = WEIGHTING
    method: str = METHOD
    resolution: float = RESOLUTION
    seed: int = SEED
    scope: str = SCOPE


# -- outputs -----------------------------------------------------------------------------------
#: Formats every command that prints rows offers.
FORMAT = "table"
FORMATS = ("table", "json", "csv", "markdown", "xlsx")
#: The language of report.md.
LANGUAGE = "zh"
LANGUAGES = ("zh", "en")
#: The network page's views.
VIEW = "units"
VIEWS = ("units", "tasks", "leaders")

# -- Neo4j ---------------------------------------------------------------------------------------
#: Rows per UNWIND batch when syncing.
BATCH_SIZE = 1000
