"""Characters real converted files carry (U+FFFD, private use, noncharacters, tags, C1 controls)
load as text: a unit name becomes a valid IRI whatever it holds, or the load fails in one line."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_text
from dutygraph.ontology.identity import iri_segment
from dutygraph.ontology.mapping import map_document
from dutygraph.store.store import Store

NOTICE = """湖州市人民政府办公室关于印发2019年重点工作责任分解的通知
湖政办发〔2019〕9号
一、推进改革
1.深化放管服改革。
责任单位：{unit}、市财政局
2.加强统计。
责任单位：市统计局
湖州市人民政府办公室
2019年2月27日
"""

#: One of each kind the issue names, as a real file holds it (the HTML entity is decoded to U+FFFD).
HOSTILE = {
    "replacement": "市审\ufffd计局",
    "private-use": "市审\ue000计局",
    "noncharacter": "市审\ufdd0计局",
    "noncharacter-fffe": "市审\ufffe计局",
    "tag": "市审\U000e0041计局",
    "plane-16-private": "市审\U0010fffd计局",
    "c1-control": "市审\x9b计局",
}


def _names(store: Store) -> set[str]:
    return {
        row["name"]
        for row in store.select("SELECT ?name WHERE { GRAPH ?g { ?u a dg:Unit ; skos:prefLabel ?name } }")
    }


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_unit_name_loads_with_its_characters(tmp_path: Path, kind: str) -> None:
    unit = HOSTILE[kind]
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE.format(unit=unit), encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(notice), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    with Store.open(tmp_path / "s") as store:
        assert unit in _names(store)  # the name as printed, the odd character kept


def test_an_html_surrogate_entity_loads(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    body = NOTICE.format(unit="市审&#xD800;计局").replace("\n", "<br>\n")
    page.write_text(f"<html><body><p>{body}</p></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(page), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    with Store.open(tmp_path / "s") as store:
        assert "市审\ufffd计局" in _names(store)


@pytest.mark.parametrize("place", ["湖州\ufffd市", "湖州\ue000市", "湖州\U000e0001市", "湖州\udcff市"])
def test_a_hostile_jurisdiction_loads(tmp_path: Path, place: str) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE.format(unit="市审计局"), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["load", str(notice), "--store", str(tmp_path / "s"), "--jurisdiction", place]
    )
    assert result.exit_code == 0, result.output
    with Store.open(tmp_path / "s") as store:
        assert [d.jurisdiction for d in store.documents()] == [place.replace("\udcff", "\ufffd")]


def test_every_code_point_makes_a_valid_iri_segment() -> None:
    """The whole range, not a sample: each character alone as a segment parses strictly."""
    for start in range(0, 0x110000, 0x1000):
        text = "".join(chr(cp) for cp in range(start, start + 0x1000))
        segment = iri_segment(text)
        assert "/" not in segment and "#" not in segment
        ox.NamedNode(f"https://example.org/{segment}")  # raises on an invalid IRI code point


def test_segments_keep_the_characters_an_iri_allows() -> None:
    assert iri_segment("湖州市审计局") == "湖州市审计局"
    assert iri_segment("审\ufffd计") == "审%EF%BF%BD计"
    assert iri_segment("审\ue000计") == "审%EE%80%80计"
    assert iri_segment("审\udcff计") == "审%EF%BF%BD计"


_ANY = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.text(_ANY, min_size=1, max_size=12))
def test_any_unit_name_loads_or_fails_in_one_line(unit: str) -> None:
    """Random names over the whole Unicode range (surrogates included): the document's RDF parses
    strictly and loads into a real store, or the parse stops with a one-line error."""
    try:
        parsed = parse_text(NOTICE.format(unit=unit), source="random.txt")
    except DutygraphError as error:
        assert "\n" not in str(error)
        return
    mapped = map_document(parsed)
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s", write=True) as store:
        store.load([mapped])
        assert store.document_count() == 1
        assert os.path.isdir(Path(folder) / "s")
