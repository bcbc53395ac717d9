"""The page builder without a browser: escaping, self-containment, determinism, layout, font."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fontTools.ttLib import TTFont
from page_samples import (
    XSS_IMG,
    hostile_graph,
    leader_task_graph,
    sample_graph,
    synthetic_graph,
)

from dutygraph import fonts as font_module
from dutygraph.errors import DutygraphError
from dutygraph.viz import LARGE_GRAPH, page_data, page_font, render_page, script_json, write_page
from dutygraph.viz.layout import layout_positions


def test_script_json_is_inert_in_a_script_element() -> None:
    text = script_json({"a": "</script><img src=x onerror=alert(1)>&amp;\u2028\u2029<!--"})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"a": "</script><img src=x onerror=alert(1)>&amp;\u2028\u2029<!--"}


def test_hostile_strings_never_appear_as_markup(parse_page: Any) -> None:
    html = render_page(hostile_graph(), title=f"标题{XSS_IMG}</script>")
    assert "<img" not in html.lower()
    assert html.lower().count("</script") == 3  # the data block, vis-network and our script: nothing else
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the title, escaped by the template
    data = parse_page(html)
    evil = data["nodes"][0]
    assert evil["label"] == f"市{XSS_IMG}局"
    assert "</script><script>alert(2)</script>" in evil["aliases"]
    assert data["tasks"][evil["tasks"][0]][2].startswith("任务</script>")
    assert "行\u2028分隔\u2029符" in evil["aliases"]


def test_page_is_self_contained() -> None:
    html = render_page(sample_graph(), title="湖州")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html
    assert re.search(r"url\((?!\"?data:)", html) is None  # every CSS url() is a data URI
    assert "Content-Security-Policy" in html


def test_same_graph_and_seed_give_identical_bytes() -> None:
    assert render_page(sample_graph(), title="t", seed=3) == render_page(sample_graph(), title="t", seed=3)
    big = synthetic_graph(600, seed=1)
    assert render_page(big, title="t") == render_page(big, title="t")
    assert render_page(big, title="t", seed=0) != render_page(big, title="t", seed=1)


def test_positions_come_from_python_and_physics_only_when_asked() -> None:
    small = page_data(sample_graph(), title="t")
    assert small["meta"]["physics"] is False and small["meta"]["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in small["nodes"])
    large = page_data(synthetic_graph(LARGE_GRAPH + 50), title="t")
    assert large["meta"]["physics"] is False
    assert large["meta"]["options"]["physics"]["enabled"] is False
    assert large["meta"]["options"]["edges"]["smooth"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in large["nodes"])
    forced = page_data(sample_graph(), title="t", physics=True)
    assert forced["meta"]["options"]["physics"]["enabled"] is True


def test_layout_is_deterministic_and_spreads_nodes() -> None:
    graph = synthetic_graph(1000, seed=2)
    first = layout_positions(graph, seed=5)
    assert first == layout_positions(graph, seed=5)
    assert set(first) == set(graph.nodes)
    assert len(set(first.values())) == graph.number_of_nodes()  # no two nodes on the same spot


def test_node_attributes_reach_the_page() -> None:
    data = page_data(sample_graph(), title="t")
    by_label = {n["label"]: n for n in data["nodes"]}
    ndrc = by_label["市发展改革委"]
    assert ndrc["aliases"] == ["市发改委", "湖州市发展和改革委员会"]
    assert ndrc["flag"].startswith("牵头任务数")
    assert ndrc["lead"] == 6 and ndrc["co"] == 5
    first = data["tasks"][ndrc["tasks"][0]]
    assert [data["documents"][first[0]], first[1]] == ["湖政办发〔2019〕9号", "1"]
    assert by_label["各区县政府"]["group"] is True
    assert "group" not in by_label["市财政局"]
    assert ndrc["size"] > by_label["市统计局"]["size"]  # sized by load
    assert data["meta"]["filters"]["leaders"] == [["李平", 0], ["王纲", 0]]
    documents = [data["documents"][d] for d, _ in data["meta"]["filters"]["documents"]]
    assert sorted(documents) == sorted(["湖政发〔2019〕3号", "湖政办发〔2019〕9号"])
    assert [c["id"] for c in data["meta"]["clusters"]] == [0, 1, 2]
    assert data["meta"]["clusters"][0]["hubs"][0] == "市发展改革委"  # the heaviest member
    assert set(data["meta"]["legend"]["edges"]) == {"lead-co", "co-co"}
    assert len(data["edges"]) == sample_graph().number_of_edges()


def test_directed_views_with_leaders_and_tasks() -> None:
    data = page_data(leader_task_graph(), title="t")
    assert data["meta"]["directed"] is True
    assert {n["kind"] for n in data["nodes"]} >= {"leader", "task", "group"}
    assert {e[2] for e in data["edges"]} == {"supervises", "assists", "lead", "co"}
    assert data["meta"]["kinds"]["leader"]["shape"] != data["meta"]["kinds"]["task"]["shape"]
    assert data["meta"]["edgeKinds"]["lead"]["dashes"] != data["meta"]["edgeKinds"]["co"]["dashes"]


def test_missing_optional_attributes_and_odd_values_are_tolerated() -> None:
    graph = nx.Graph()
    graph.add_node(1, label="甲", kind="something-new", load=float("nan"), cluster="x")
    graph.add_node(2, kind="group")
    graph.add_edge(1, 2)
    data = page_data(graph, title="t")
    assert data["nodes"][0]["kind"] == "other" and "cluster" not in data["nodes"][0]
    assert data["nodes"][1]["label"] == "2" and data["nodes"][1]["group"] is True
    assert data["edges"] == [[0, 1, "co-co", 1.0]]
    assert render_page(nx.Graph(), title="空")  # an empty graph still renders


def test_not_a_graph_is_a_clear_error() -> None:
    with pytest.raises(DutygraphError):
        render_page([1, 2], title="t")  # type: ignore[arg-type]


def test_write_page(tmp_path: Path) -> None:
    path = write_page(sample_graph(), tmp_path / "deep" / "network.html", title="湖州")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(DutygraphError):
        write_page(sample_graph(), path / "not-a-dir.html", title="t")


def _font_of(html: str) -> TTFont:
    uri = re.search(r'url\("data:font/woff2;base64,([A-Za-z0-9+/=]+)"\)', html)
    assert uri
    return TTFont(io.BytesIO(base64.b64decode(uri.group(1))))


def test_the_font_holds_exactly_the_page_characters() -> None:
    html = render_page(sample_graph(), title="湖州市分工")
    cmap = _font_of(html).getBestCmap()
    for char in "湖州市发展改革委各区县政府搜索单位图例牵头配合":
        assert ord(char) in cmap, char
    assert ord("龘") not in cmap
    assert len(cmap) < 600  # a subset, not the 7,500-character bundle
    assert len(html) < 1_500_000


def test_font_uses_the_system_font_for_characters_outside_gb2312() -> None:
    rare = "堃"  # in Noto Sans CJK SC, not in GB 2312
    font = page_font.__wrapped__("湖州" + rare)
    if font_module.system_font() is None:
        assert rare in font.missing
    else:
        assert font.missing == "" and font.source.endswith(".ttc")


def test_a_named_font_that_does_not_exist_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(font_module.FONT_ENV, "/nonexistent/font.ttc")
    with pytest.raises(DutygraphError, match="DUTYGRAPH_CJK_FONT"):
        page_font.__wrapped__("湖州𠀀")


def test_a_missing_bundled_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(font_module, "BUNDLED_FONT", tmp_path / "gone.woff2")
    with pytest.raises(DutygraphError, match="reinstall"):
        page_font.__wrapped__("湖州")


def test_every_unit_kind_has_a_shape_and_a_label() -> None:
    from dutygraph.ontology.registry import KINDS as UNIT_KINDS
    from dutygraph.viz.page import KINDS

    assert set(UNIT_KINDS) <= set(KINDS)


def test_cluster_colours_stay_distinct_past_the_palette() -> None:
    from dutygraph.graph.colours import PALETTE, cluster_colour

    colours = [cluster_colour(c) for c in range(1, 41)]
    assert colours[:12] == list(PALETTE)
    rgb = [tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours]
    closest = min(
        sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5
        for i, a in enumerate(rgb)
        for b in rgb[i + 1 :]
    )
    assert closest > 20  # no two of 40 clusters share a colour or nearly so


def test_parts_of_an_analysis_become_an_overview() -> None:
    graph = sample_graph()
    for i, node in enumerate(graph.nodes):
        graph.nodes[node]["part"] = i % 2
    graph.graph["parts"] = [
        {"jurisdiction": "湖州市", "span": "2019", "clusters": {0: ["市发展改革委"]}},
        {"jurisdiction": "湖州市", "span": "2020", "clusters": {}},
    ]
    data = page_data(graph, title="t")
    assert [p["label"] for p in data["meta"]["parts"]] == ["湖州市 2019", "湖州市 2020"]
    overview = data["meta"]["overview"]
    assert [n["part"] for n in overview["nodes"]] == [0, 1] and overview["edges"] == [[0, 1]]
    # only the clusters the part names count; the rest are units on their own
    assert [(c["part"], c["id"], c["hubs"]) for c in data["meta"]["clusters"]] == [(0, 0, ["市发展改革委"])]
    assert all(n["part"] == 0 for n in data["nodes"] if "cluster" in n)
    assert page_data(sample_graph(), title="t")["meta"]["overview"] is None


def test_a_large_page_carries_its_data_compressed(parse_page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dutygraph.viz import page as page_module

    plain = render_page(sample_graph(), title="t")
    assert 'id="dg-data"' in plain and 'id="dg-data-gz"' not in plain
    monkeypatch.setattr(page_module, "COMPRESS_ABOVE", 1000)  # the sample's data counts as large
    packed = render_page(sample_graph(), title="t")
    assert 'id="dg-data-gz"' in packed and 'id="dg-data"' not in packed
    assert parse_page(packed) == parse_page(plain)
    assert packed == render_page(sample_graph(), title="t")  # gzip without a timestamp


def test_tasks_shared_by_units_are_stored_once() -> None:
    data = page_data(synthetic_graph(400, seed=3), title="t")
    referenced = [t for n in data["nodes"] for t in n.get("tasks", [])]
    assert len(data["tasks"]) == len(set(referenced)) < len(referenced)
