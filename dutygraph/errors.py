"""The one exception type users see as a clean one-line error (exit code 2 from the CLI)."""


class DutygraphError(Exception):
    """A problem with the user's input or environment, explained in one line.

    The CLI prints ``str(error)`` on stderr and exits with status 2 — never a traceback.
    Messages must never contain secrets (e.g. a Neo4j password).
    """
