"""The ``dutygraph`` command line: a thin shell over library functions.

Every command is one call into the library (``dutygraph.jobs``, ``store``, ``graph``, ``viz``, ``neo4j``),
so a notebook can do exactly what the CLI does. The commands live in modules named for what they
work on — ``store`` (load, docs, remove, export, validate, ``store …``), ``sparql``, ``report``
(report, run), ``page`` (viz), ``neo4j`` (server, sync, cypher), ``standalone`` (parse,
vocabulary) — with their shared options in ``options``; ``shell`` adds them to the group and maps
errors (:mod:`dutygraph.errors`) to one line on stderr and an exit status, there and nowhere else.
"""

from dutygraph.cli.shell import EXIT_CODES, exit_code, main

__all__ = ["EXIT_CODES", "exit_code", "main"]
