"""Triples as N-Triples text: Oxigraph reads back exactly the terms the mapping meant."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from dutygraph.ontology.namespaces import XSD_NS
from dutygraph.ontology.ntriples import date, integer, iri, nquads, string, value_of, zh

TRICKY = [
    "plain",
    "湖州市发展改革委",
    'say "yes"',
    "back\\slash \\n not a newline",
    "two\nlines\r\n",
    '\\"',
    "tab\tand emoji 🚄",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_literals_read_back_exactly(text: str) -> None:
    subject, predicate, graph = "https://example.org/s", "https://example.org/p", "https://example.org/g"
    terms = {
        string(text): ox.Literal(text),
        zh(text): ox.Literal(text, language="zh"),
        iri(f"https://example.org/{len(text)}"): ox.NamedNode(f"https://example.org/{len(text)}"),
    }
    for term, expected in terms.items():
        (quad,) = ox.parse(nquads([(subject, predicate, term)], graph).encode(), ox.RdfFormat.N_QUADS)
        assert quad == ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), expected, ox.NamedNode(graph))
        assert value_of(term) == expected.value


def test_typed_literals() -> None:
    triples = [
        ("https://example.org/s", "https://example.org/p", o) for o in (integer(12), date("2019-12-31"))
    ]
    quads = list(ox.parse(nquads(triples, "https://example.org/g").encode(), ox.RdfFormat.N_QUADS))
    assert [q.object for q in quads] == [
        ox.Literal("12", datatype=ox.NamedNode(XSD_NS + "integer")),
        ox.Literal("2019-12-31", datatype=ox.NamedNode(XSD_NS + "date")),
    ]
    assert [value_of(o) for _, _, o in triples] == ["12", "2019-12-31"]
