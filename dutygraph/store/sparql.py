"""SPARQL for analysts: every query form, updates refused, and a timeout that really stops.

A query runs in a forked child process that opens the store read-only and sends back its answer.
A timeout then kills the child: Oxigraph evaluates a query in native code that a thread cannot
interrupt, and an abandoned thread would keep a core busy and hold the process open at exit; a
killed reader leaves nothing behind (it never writes). The fork costs a few milliseconds.

What a query sees: ``GRAPH ?g`` ranges over the documents' current versions and the shared
graph. A pattern outside ``GRAPH`` reads Oxigraph's union of every graph in the store: those,
plus the catalog's pointers (``dg:storedIn``, ``dg:sourceKey``: no class, no label, so counts of
tasks, units or leaders are the documents' counts) and, only after a crash and until the next
load or removal sweeps them, a failed load's leftover graphs — then the command warns. Naming
exactly the visible graphs as the default graph is what would hide both, but Oxigraph then
evaluates every pattern once per graph: on 1,000 notices a join of tasks to unit labels took
114 s instead of 0.4 s. Graph names in answers are the stable ones exports use
(``…/graph/doc/<id>``), and a query may name a document's graph by that stable name.
"""

from __future__ import annotations

import multiprocessing
import re
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from dutygraph.errors import DutygraphError, InputError, StoreError
from dutygraph.ontology.namespaces import PREFIXES
from dutygraph.store.catalog import QUOTED, stable_graph_name, term_value
from dutygraph.store.store import Store

#: The forms that read; anything else a SPARQL text can start with is an update.
_READ_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s*)<[^>]*>\s*)*", re.IGNORECASE)
_KEYWORD = re.compile(r"[A-Za-z]+")
#: How CONSTRUCT and DESCRIBE answers can be printed.
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; an update is refused with its own message."""
    text = QUOTED.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " ", query)
    rest = text[_PROLOGUE.match(text).end() :]  # type: ignore[union-attr]  # the pattern matches empty
    word = _KEYWORD.match(rest)
    keyword = word.group(0).upper() if word else ""
    if keyword in _UPDATE_FORMS:
        raise InputError(
            f"SPARQL {keyword} is an update and is refused: the store changes only through "
            "dutygraph load and dutygraph remove"
        )
    if keyword not in _READ_FORMS:
        raise InputError("SPARQL syntax error: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE")
    return keyword


@dataclass(frozen=True)
class Answer:
    """A query's answer: rows (SELECT), a truth value (ASK) or serialised triples."""

    form: str
    rows: list[dict[str, Any]] | None = None
    boolean: bool | None = None
    triples: bytes | None = None
    leftovers: int = 0  # graphs a crashed load left, which patterns outside GRAPH also read


def answer_in(store: Store, query: str, graph_format: str = "turtle") -> Answer:
    """Evaluate ``query`` against ``store`` in this process."""
    form = query_form(query)
    result = store.query(query)
    leftovers = store.leftover_graphs()
    if form == "SELECT":
        names = [v.value for v in result.variables]
        rows = [{name: _plain(solution[name]) for name in names} for solution in result]
        return Answer(form, rows=rows, leftovers=leftovers)
    if form == "ASK":
        return Answer(form, boolean=bool(result), leftovers=leftovers)
    triples = ox.serialize(result, format=GRAPH_FORMATS[graph_format], prefixes=PREFIXES)
    return Answer(form, triples=triples, leftovers=leftovers)


def _plain(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return stable_graph_name(term.value)
    return term_value(term)


class QueryTimeout(InputError):
    """The query ran past its time limit and was stopped."""


def answer(store_path: Path, query: str, *, timeout: float, graph_format: str = "turtle") -> Answer:
    """Evaluate ``query`` in a child process, stopping it after ``timeout`` seconds (0: never)."""
    query_form(query)  # an update or a non-query is refused before anything starts
    if graph_format not in GRAPH_FORMATS:
        raise InputError(f"unknown graph format {graph_format!r} (choose {', '.join(GRAPH_FORMATS)})")
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_answer_to, args=(sender, store_path, query, graph_format), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout if timeout > 0 else None):
            raise QueryTimeout(
                f"the query was stopped after {timeout:g} s (--timeout); narrow it (GRAPH, LIMIT, "
                "fewer joins) or allow it longer"
            )
        try:
            kind, payload = receiver.recv()
        except EOFError:
            raise StoreError("the query's process ended without an answer") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "input":
        raise InputError(payload)
    if kind == "store":
        raise StoreError(payload)
    result: Answer = payload
    return result


def _answer_to(sender: Connection, store_path: Path, query: str, graph_format: str) -> None:
    """The child's work: open the store read-only, answer, send the answer or the error's line."""
    try:
        with Store.open(store_path) as store:
            message: tuple[str, Any] = ("answer", answer_in(store, query, graph_format))
    except InputError as error:
        message = ("input", str(error))
    except (DutygraphError, OSError, RuntimeError) as error:
        message = ("store", str(error).splitlines()[0] if str(error) else type(error).__name__)
    sender.send(message)
    sender.close()
