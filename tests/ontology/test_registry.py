"""Unit identity: canonical names, sub-offices, aliases, kinds, jurisdiction scoping."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.errors import DutygraphError
from dutygraph.ontology.registry import KINDS, default_registry


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("市发改委", "市发展改革委"),
        ("市发展和改革委员会", "市发展改革委"),
        ("市人力社保局", "市人力资源和社会保障局"),
        ("县人社局", "县人力资源和社会保障局"),
        ("市市场监督管理局", "市市场监管局"),
        ("市 建设局", "市建设局"),  # spacing
        ("市经信委", "市经信局"),  # former name
        ("市建设局", "市建设局"),  # unknown names stay as printed
    ],
)
def test_canonical_names(printed: str, canonical: str) -> None:
    assert default_registry().resolve(printed, "湖州市").name == canonical


def test_fullwidth_and_halfwidth_resolve_to_one_unit() -> None:
    registry = default_registry()
    assert (
        registry.resolve("市发展改革委（铁办）", "湖州市").iri
        == registry.resolve("市发展改革委(铁办)", "湖州市").iri
    )


def test_sub_office_attaches_to_its_parent() -> None:
    registry = default_registry()
    rail = registry.resolve("市发展改革委(铁办)", "湖州市")
    services = registry.resolve("市发改委(服务业办)", "湖州市")
    parent = registry.resolve("市发展改革委", "湖州市")
    assert rail.parent is not None and services.parent is not None
    assert rail.parent.iri == services.parent.iri == parent.iri
    assert rail.accountable.iri == parent.iri
    assert rail.name == "市发展改革委(铁办)"
    assert rail.iri != parent.iri
    talent = registry.resolve("市委组织部(人才办)", "湖州市")
    assert talent.parent is not None and talent.parent.name == "市委组织部"


def test_qualifier_parenthetical_is_not_a_sub_office() -> None:
    unit = default_registry().resolve("各区县政府(含南太湖新区、长合区管委会)", "湖州市")
    assert unit.parent is None
    assert unit.kind == "group"


def test_same_name_in_two_jurisdictions_is_two_units() -> None:
    registry = default_registry()
    assert registry.resolve("市建设局", "湖州市").iri != registry.resolve("市建设局", "嘉兴市").iri


def test_iris_are_deterministic_and_readable() -> None:
    unit = default_registry().resolve("市发改委", "湖州市")
    assert unit.iri == "https://w3id.org/dutygraph/id/unit/湖州市/市发展改革委"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("市发展改革委", "government-department"),
        ("市政府办公室", "government-department"),
        ("市委组织部", "party-department"),
        ("市纪委监委", "party-department"),
        ("长兴县政府", "local-government"),
        ("吴兴区政府", "local-government"),
        ("市城市集团", "state-owned-enterprise"),
        ("湖州海关", "vertical-agency"),
        ("市税务局", "vertical-agency"),
        ("市人行", "vertical-agency"),
        ("湖州电力局", "vertical-agency"),
        ("太湖度假区管委会", "development-zone"),
        ("湖州开发区管委会", "development-zone"),
        ("市工商联", "people-organization"),
        ("各区县政府", "group"),
        ("市政府各有关部门", "group"),
        ("市政府有关部门", "group"),
        ("各地", "group"),
    ],
)
def test_kind_rules(name: str, kind: str) -> None:
    assert default_registry().resolve(name, "湖州市").kind == kind


def test_user_csv_extends_aliases_and_overrides_kinds(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "alias,canonical,kind\n市公安局大数据局,市公安局大数据局,government-department\n市城投,市城市集团,\n"
        "市城市集团,市城市集团,vertical-agency\n",
        encoding="utf-8",
    )
    registry = default_registry().with_file(aliases)
    assert registry.resolve("市城投", "湖州市").name == "市城市集团"
    assert registry.resolve("市城市集团", "湖州市").kind == "vertical-agency"
    assert "市城投" in registry.resolve("市城市集团", "湖州市").aliases
    # the shipped registry is untouched
    assert default_registry().resolve("市城投", "湖州市").name == "市城投"


def test_user_turtle_aliases(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.ttl"
    aliases.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix dg: <https://w3id.org/dutygraph/ns#> .\n"
        '[] skos:prefLabel "市大数据局" ; skos:altLabel "市数据局" ; dg:kind dg:VerticalAgency .\n',
        encoding="utf-8",
    )
    registry = default_registry().with_file(aliases)
    unit = registry.resolve("市数据局", "湖州市")
    assert unit.name == "市大数据局"
    assert unit.kind == "vertical-agency"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("wrong,header\na,b\n", "header row"),
        ("alias,canonical,kind\n甲,乙,not-a-kind\n", "unknown unit kind"),
    ],
)
def test_bad_alias_files_fail_clearly(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DutygraphError, match=message):
        default_registry().with_file(path)


def test_missing_alias_file() -> None:
    with pytest.raises(DutygraphError, match="not found"):
        default_registry().with_file(Path("/nonexistent/aliases.csv"))


def test_every_kind_is_in_the_vocabulary() -> None:
    text = (Path(__file__).parents[2] / "dutygraph/ontology/dutygraph.ttl").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f'skos:notation "{kind}"' in text
