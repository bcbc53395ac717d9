"""Connecting to Neo4j (or any Bolt server) the way Neo4j users expect.

Settings come from, in order: explicit arguments (``--uri``, ``--user``, ``--database``), the
environment (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), and — when
no URI is given anywhere — the local server of the store (``dutygraph server start``), whose
credentials are read from its state file. A password comes from the environment or from a hidden
prompt the caller supplies; it is never printed, logged or put into an error message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from dutygraph.errors import InputError, ServerError
from dutygraph.neo4j import server

DEFAULT_USER = "neo4j"
#: The URI schemes of Bolt (the driver's ``http://``/``https://`` Query API needs aiohttp and is
#: not what ``sync`` and ``cypher`` use).
SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect. ``repr`` leaves the password out."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None
    local: bool = False  # the store's own local server

    def describe(self) -> str:
        where = f"{self.uri} (database {self.database})" if self.database else self.uri
        return f"{where} as {self.user}" + (" — local server" if self.local else "")


def resolve(
    uri: str | None = None,
    user: str | None = None,
    database: str | None = None,
    *,
    password: str | None = None,
    store: Path | str | None = None,
    prompt: Callable[[str], str] | None = None,
    env: dict[str, str] | None = None,
) -> Connection:
    """Connection settings from arguments, then the environment, then the store's local server."""
    environ = os.environ if env is None else env
    uri = uri or environ.get("NEO4J_URI") or None
    if uri is not None:
        uri, uri_user, uri_password = split_credentials(uri)
        password = password if password is not None else uri_password
        user = user or uri_user
    database = database or environ.get("NEO4J_DATABASE") or None
    if uri is None:
        local = server.status(store) if store is not None else None
        if local is None:
            raise InputError(
                "no Neo4j to connect to: pass --uri or set NEO4J_URI (Aura: neo4j+s://…), "
                "or start the local server: dutygraph server start"
            )
        return Connection(
            uri=local.uri,
            user=user or local.user,
            password=password if password is not None and user else local.password,
            database=database or local.database,
            local=True,
        )
    check_scheme(uri)
    user = user or environ.get("NEO4J_USERNAME") or environ.get("NEO4J_USER") or DEFAULT_USER
    if password is None:
        password = environ.get("NEO4J_PASSWORD") or None  # set but empty counts as unset
    if password is None:
        if prompt is None:
            raise InputError("no Neo4j password: set NEO4J_PASSWORD (or run interactively to be asked)")
        password = prompt(f"Neo4j password for {user}")
    return Connection(uri=uri, user=user, password=password, database=database)


#: Query parameters that carry a password in URIs people write (``?password=…``).
_PASSWORD_PARAMS = frozenset({"password", "pass", "passwd", "pwd", "secret", "token"})
_USERINFO = re.compile(r"^(?P<scheme>[^:/?#]+://)(?P<userinfo>[^@/?#]*)@")


def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """``uri`` without the user and password written into it (``bolt://user:PW@host``,
    ``?password=PW``), and those two: the driver refuses such URIs, and every message that
    names the address must not carry the password."""
    user = password = None
    found = _USERINFO.match(uri)
    if found:
        name, _, secret = found["userinfo"].partition(":")
        user, password = unquote(name) or None, unquote(secret) if secret else None
        uri = found["scheme"] + uri[found.end() :]
    if "?" in uri:
        base, _, query = uri.partition("?")
        query, _, fragment = query.partition("#")
        kept = []
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            if unquote(key).lower() in _PASSWORD_PARAMS:
                password = password or unquote(value)
            elif pair:
                kept.append(pair)
        uri = base + ("?" + "&".join(kept) if kept else "") + ("#" + fragment if fragment else "")
    return uri, user, password


def check_scheme(uri: str) -> None:
    """Refuse a URI whose scheme is not Bolt's, naming the ones that work (and not the URI, which
    may carry a password after ``user:``)."""
    scheme, sep, _ = uri.partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        shown = f"{scheme}://" if sep else "no scheme"
        raise InputError(
            f"the Neo4j URI must be a Bolt URI, got {shown}: use "
            + ", ".join(f"{s}://" for s in SCHEMES)
            + " (Aura: neo4j+s://, a local server: bolt://localhost:7687)"
        )


def _scrub(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
#: Neo4j status codes of a statement wrong as written (syntax, types, parameters): an input error.
_STATEMENT_ERRORS = "Neo.ClientError.Statement."


def describe_error(error: BaseException, conn: Connection) -> str:
    """A one-line explanation of a driver error, guaranteed free of the password."""
    if isinstance(error, neo4j_errors.AuthError):
        text = f"authentication failed for user {conn.user!r} at {conn.uri} (check the user and password)"
    elif isinstance(error, neo4j_errors.ServiceUnavailable):
        text = f"cannot reach a Bolt server at {conn.uri}: is it running, and is the address right?"
    elif isinstance(error, neo4j_errors.ConfigurationError | ValueError):
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        text = f"bad Neo4j connection settings for {conn.uri!r}: {first}"
    elif isinstance(error, neo4j_errors.Neo4jError) and error.code == _DATABASE_NOT_FOUND:
        text = (
            f"there is no database {conn.database!r} at {conn.uri}: leave --database and NEO4J_DATABASE "
            "unset to use the server's home database (Community Edition and Aura have only that one; "
            f"on Enterprise Edition an administrator can run CREATE DATABASE {conn.database} first)"
        )
    elif isinstance(error, neo4j_errors.Neo4jError):
        message = error.message or str(error)
        code = error.code or type(error).__name__
        text = f"Neo4j refused the request ({code}): {message.splitlines()[0] if message else ''}"
    elif isinstance(error, neo4j_errors.DriverError):
        text = f"Neo4j driver error talking to {conn.uri}: {str(error).splitlines()[0] if str(error) else ''}"
    else:
        text = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    return _scrub(text, conn.password)


@contextmanager
def driver(conn: Connection) -> Iterator[neo4j.Driver]:
    """An open, verified driver; every driver failure (also later, inside the block) becomes a
    one-line :class:`ServerError` without the password."""
    try:
        handle = GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password))
    except (neo4j_errors.ConfigurationError, ValueError) as error:  # the address as written
        raise InputError(describe_error(error, conn)) from None
    except (neo4j_errors.DriverError, neo4j_errors.Neo4jError) as error:
        raise ServerError(describe_error(error, conn)) from None
    try:
        try:
            handle.verify_connectivity()
            with handle.session(database=conn.database) as session:
                session.run("RETURN 1").consume()
        except (neo4j_errors.DriverError, neo4j_errors.Neo4jError, ValueError, OSError) as error:
            raise ServerError(describe_error(error, conn)) from None
        try:
            yield handle
        except neo4j_errors.Neo4jError as error:
            # A statement the server could not run as written is the query's fault, not the server's.
            kind = InputError if (error.code or "").startswith(_STATEMENT_ERRORS) else ServerError
            raise kind(describe_error(error, conn)) from None
        except neo4j_errors.DriverError as error:
            raise ServerError(describe_error(error, conn)) from None
    finally:
        handle.close()


__all__ = [
    "SCHEMES",
    "Connection",
    "check_scheme",
    "describe_error",
    "driver",
    "resolve",
    "split_credentials",
]
