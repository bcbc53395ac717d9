"""The vocabulary page is generated from the ontology and kept in step with it."""

from __future__ import annotations

from pathlib import Path

import rdflib

from dutygraph.ontology.vocabulary import vocabulary_markdown

ROOT = Path(__file__).parents[2]


def test_vocabulary_page_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert committed == vocabulary_markdown(), "run: dutygraph vocabulary > docs/vocabulary.md"


def test_every_term_the_mapping_uses_is_defined() -> None:
    ontology = rdflib.Graph().parse(ROOT / "dutygraph/ontology/dutygraph.ttl")
    defined = {str(s) for s in ontology.subjects()}
    source = (ROOT / "dutygraph/ontology/mapping.py").read_text(encoding="utf-8")
    import re

    used = set(re.findall(r'dg\("(\w+)"\)', source))
    missing = sorted(t for t in used if f"https://w3id.org/dutygraph/ns#{t}" not in defined)
    assert missing == []
