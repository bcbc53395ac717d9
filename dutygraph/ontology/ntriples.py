"""RDF terms as N-Triples text: what the mapping states and what the store bulk-loads.

The mapping states every triple as ``(subject IRI, predicate IRI, object)`` with the object
already written in N-Triples syntax — ``<iri>``, ``"text"``, ``"text"@zh`` or
``"5"^^<…#integer>``. Building millions of term objects in Python was most of a load's cost
beyond the backend's own writing; joining these strings into N-Quads and letting Oxigraph parse
them in Rust costs a fraction of it, and yields exactly the same terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dutygraph.ontology.namespaces import XSD_NS

#: (subject IRI, predicate IRI, object as an N-Triples term).
Triple = tuple[str, str, str]

_INTEGER = f"^^<{XSD_NS}integer>"
_DATE = f"^^<{XSD_NS}date>"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_ESCAPED = re.compile(r'\\[\\"nr]')
_UNESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\r": "\r"}


def iri(value: str) -> str:
    """An IRI as an object term (our IRIs are built from escaped segments, see ``identity``)."""
    return f"<{value}>"


def _quoted(value: str) -> str:
    # The four characters N-Triples forbids raw in a string; the rest is written as UTF-8.
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"'


def string(value: str) -> str:
    """A plain (``xsd:string``) literal."""
    return _quoted(value)


def zh(value: str) -> str:
    """A Chinese-language literal (``@zh``)."""
    return _quoted(value) + "@zh"


def integer(value: int) -> str:
    return f'"{value}"{_INTEGER}'


def date(value: str) -> str:
    """An ``xsd:date`` literal from an ISO date."""
    return _quoted(value) + _DATE


def value_of(term: str) -> str:
    """What an object term stands for as a plain string: the IRI, or the literal's lexical form."""
    if term[0] == "<":
        return term[1:-1]
    text = term[1 : term.rindex('"')]  # a language tag or datatype IRI never holds a quote
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], text) if "\\" in text else text


def nquads(triples: Iterable[Triple], graph: str) -> str:
    """``triples`` as N-Quads in the named graph ``graph``."""
    suffix = f" <{graph}> .\n"
    return "".join(f"<{s}> <{p}> {o}{suffix}" for s, p, o in triples)
