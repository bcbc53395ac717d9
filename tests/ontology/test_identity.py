"""Jurisdictions, document ids, IRI escaping and deadline dates."""

from __future__ import annotations

import pytest

from dutygraph.ontology.identity import document_id, iri_segment, jurisdiction_from_issuer
from dutygraph.ontology.mapping import deadline_date


@pytest.mark.parametrize(
    ("issuer", "place"),
    [
        ("湖州市人民政府办公室", "湖州市"),
        ("大竹县人民政府办公室", "大竹县"),
        ("广东省人民政府", "广东省"),
        ("鞍山市立山区人民政府", "鞍山市立山区"),
        ("湖州市政府办公室", "湖州市"),
        ("平潭综合实验区管委会办公室", "平潭综合实验区"),
        ("平潭综合实验区管委会", "平潭综合实验区"),
        ("平潭综合实验区党工委办公室平潭综合实验区管委会办公室", "平潭综合实验区"),
        ("中共大竹县委办公室", "大竹县"),
        ("国务院办公厅", "国务院"),
        ("国务院", "国务院"),
        ("办公室", None),
        ("某某公司", None),
        (None, None),
    ],
)
def test_jurisdiction_from_issuer(issuer: str | None, place: str | None) -> None:
    assert jurisdiction_from_issuer(issuer) == place


def test_document_id_from_number_or_file_stem() -> None:
    assert document_id("湖政办发〔2019〕9号", "x") == "湖政办发-2019-9"
    assert document_id("粤府〔2021〕22号", "x") == "粤府-2021-22"
    assert document_id(None, "dazhu 2016") == "dazhu-2016"


def test_iri_segment_escapes_what_would_break_an_iri() -> None:
    assert iri_segment("市发展改革委") == "市发展改革委"
    escaped = iri_segment('a/b c<d>"e#f?g%')
    assert not any(ch in escaped for ch in '/ <>"#?')
    assert escaped == "a%2Fb%20c%3Cd%3E%22e%23f%3Fg%25"


@pytest.mark.parametrize(
    ("deadline", "year", "iso"),
    [
        ("12月底前", 2019, "2019-12-31"),
        ("2月底前", 2020, "2020-02-29"),
        ("9月投入使用", 2016, None),
        ("5月底前动工", 2016, "2016-05-31"),
        ("2022年6月30日前", 2021, "2022-06-30"),
        ("年底前", 2021, "2021-12-31"),
        ("持续推进", 2021, None),
        ("12月底前", None, None),
        ("13月底前", 2021, None),
    ],
)
def test_deadline_dates(deadline: str, year: int | None, iso: str | None) -> None:
    assert deadline_date(deadline, year) == iso
