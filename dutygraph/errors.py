"""The errors users see as one clean line, by whose move it is to fix them.

Every error dutygraph raises on purpose is a :class:`DutygraphError`; the subclass says what went
wrong, so a program can tell a typo from a busy store or an unreachable server, and the CLI maps
each class to its exit status once (``cli.EXIT_CODES``). Messages never contain secrets (a Neo4j
password) and always say what to do next.
"""


class DutygraphError(Exception):
    """A problem explained in one line; the CLI prints ``str(error)`` and exits, no traceback."""


class InputError(DutygraphError):
    """The user's input cannot be used: a file, an option, a document id, a query or an alias table."""


class StoreError(DutygraphError):
    """The store cannot be used as asked: missing, busy, of another format, or opened read-only."""


class ServerError(DutygraphError):
    """A Bolt server (Neo4j, Aura, the local one) cannot be reached, refuses us or fails a write."""


class InternalError(DutygraphError):
    """Something dutygraph itself got wrong (a broken installation or an invariant): please report it."""
