"""Analysis of the Huzhou notice, checked against facts read off the document by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dutygraph.graph.analysis import Analysis, Settings
from dutygraph.graph.analysis.leaders import units_shared_by
from dutygraph.graph.projections import collaboration_graph, leader_unit_graph, task_unit_graph
from dutygraph.jobs import analysis_of
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

HUZHOU = Path(__file__).parents[2] / "examples" / "huzhou-2019-key-tasks.txt"


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    with Store.open(tmp_path_factory.mktemp("store"), write=True) as store:
        load_files(store, [HUZHOU])
        return analysis_of(store)


def by_unit(rows: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {row["unit"]: row for row in rows}


def test_ndrc_and_construction_counts(analysis: Analysis) -> None:
    rows = by_unit(analysis.workload_rows())
    # 市发展改革委 leads 11, 15, 16, 20, 26, 23 (铁办), 37 (服务业办) and 附件2 #10; assists 8, 12, 18, 41, 62, 70.
    assert (rows["市发展改革委"]["lead"], rows["市发展改革委"]["co"]) == (8, 6)
    # 市建设局 leads 13, 14, 22, 24 and 附件2 #1, #3; assists 9, 11, 18, 46, 66, 70 and 附件2 #10.
    assert (rows["市建设局"]["lead"], rows["市建设局"]["co"]) == (6, 7)
    departments = [r for r in analysis.workload_rows() if not r["group"]]
    assert [r["unit"] for r in departments[:2]] == ["市发展改革委", "市建设局"]


def test_four_supervising_leaders_without_the_assistant(analysis: Analysis) -> None:
    rows = by_unit(analysis.workload_rows())
    for unit in ("市发展改革委", "市建设局", "市市场监管局"):
        assert rows[unit]["leaders"] == 4, unit
        assert "许继清" not in rows[unit]["leader_names"]  # type: ignore[operator]


def test_finance_cluster(analysis: Analysis) -> None:
    clusters = {row["unit"]: row["cluster"] for row in analysis.cluster_rows()}
    assert clusters["市金融办"] == clusters["市人行"] == clusters["市银保监局"]


def test_groups_are_reported_apart_and_never_ranked(analysis: Analysis) -> None:
    ranked = {row["unit"] for row in analysis.overload_rows()}
    groups = {row["unit"] for row in analysis.group_rows()}
    assert {"各区县政府", "市政府各有关部门"} <= groups
    assert not ranked & groups
    assert not {row["unit"] for row in analysis.centrality_rows()} & groups


def test_over_burdened_units_have_reasons_in_words(analysis: Analysis) -> None:
    flagged = [row for row in analysis.overload_rows() if row["flagged"]]
    names = [row["unit"] for row in flagged]
    assert names[:2] == ["市发展改革委", "市建设局"]
    assert "市教育局" not in names  # three led tasks, one assistance: ordinary
    for row in flagged:
        assert "median" in str(row["reason"])
    ndrc = flagged[0]
    assert "4 supervising leaders" in str(ndrc["reason"])


def test_units_shared_by_two_leaders(analysis: Analysis) -> None:
    # 杨六顺's tasks are 11–29, 项乐民's 58–71; worked out by hand from the two unit lists.
    assert units_shared_by(analysis.snapshot, "杨六顺", "项乐民") == sorted(
        ["市发展改革委", "市市场监管局", "市建设局", "市金融办", "市税务局", "市商务局", "市城市集团",
         "湖州电力局", "市经信局", "市科技局", "市自然资源和规划局", "市公安局"]
    )  # fmt: skip


def test_leader_portfolios(analysis: Analysis) -> None:
    rows = {row["leader"]: row for row in analysis.leader_rows()}
    assert rows["杨六顺"]["tasks"] == 19  # tasks 11–29
    assert rows["钱三雄"]["tasks"] == 10
    assert rows["许继清"]["tasks"] == 0 and rows["许继清"]["assisted_tasks"] == 24  # 37–46 and 58–71
    assert rows["钱三雄"]["lead_units"][0] == "市政府办公室"  # type: ignore[index]


def test_projections(analysis: Analysis) -> None:
    snapshot = analysis.snapshot
    bipartite = task_unit_graph(snapshot)
    task_11 = next(t for t in snapshot.tasks if t.task_id.endswith("-11") and t.attachment == "1")
    roles = {bipartite.nodes[u]["label"]: d["role"] for u, d in bipartite[task_11.iri].items()}
    assert roles["市发展改革委"] == "lead" and roles["湖州电力局"] == "co" and len(roles) == 9
    collab = collaboration_graph(snapshot)
    names = {n: d["label"] for n, d in collab.nodes(data=True)}
    ids = {v: k for k, v in names.items()}
    edge = collab.edges[ids["市金融办"], ids["市人行"]]
    assert edge["weight"] == 3  # tasks 58, 66, 67
    # Newman weight: 58 has 5 units (1/4), 66 has 4 (1/3), 67 has 5 (1/4)
    assert edge["newman"] == pytest.approx(1 / 4 + 1 / 3 + 1 / 4)
    assert edge["lead_co"] == 2 and edge["co_co"] == 1  # 金融办 leads 66 and 67; 58 is led by 经信局
    assert "各区县政府" not in ids
    leaders = leader_unit_graph(snapshot)
    leader_ids = {d["label"]: n for n, d in leaders.nodes(data=True)}
    assert leaders.edges[leader_ids["项乐民"], leader_ids["市经信局"]]["weight"] == 6  # tasks 58–62 and 65


def test_settings_change_the_load(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [HUZHOU])
        heavy_co = analysis_of(store, settings=Settings(lead_weight=1.0, co_weight=1.0))
    rows = by_unit(heavy_co.workload_rows())
    assert rows["市建设局"]["load"] == 13.0
    assert rows["市发展改革委"]["load"] == 14.0


def test_same_input_same_seed_same_json(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        with Store.open(tmp_path / name, write=True) as store:
            load_files(store, [HUZHOU])
            outputs.append(json.dumps(analysis_of(store).to_json(), ensure_ascii=False))
    assert outputs[0] == outputs[1]


def test_run_twice_gives_byte_identical_files(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutygraph.cli import main

    outputs = []
    for name in ("a", "b"):
        out = tmp_path / f"out-{name}"
        result = CliRunner().invoke(
            main,
            ["run", str(HUZHOU), "--out", str(out), "--store", str(tmp_path / f"store-{name}"), "--no-page"],
        )
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0].keys() == outputs[1].keys()
    assert {"report.md", "report.json", "workload.csv", "clusters.csv"} <= set(outputs[0])
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name


def test_unknown_document_or_jurisdiction_is_a_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutygraph.cli import main

    store = str(tmp_path / "s")
    assert CliRunner().invoke(main, ["load", str(HUZHOU), "--store", store]).exit_code == 0
    for option, value, words in (
        ("--jurisdiction", "嘉兴市", "jurisdictions: 湖州市"),
        ("--doc", "nope", "no document nope"),
    ):
        result = CliRunner().invoke(main, ["report", "workload", option, value, "--store", store])
        assert result.exit_code == 2
        assert words in result.output
        assert "Traceback" not in result.output


def test_newman_weighting(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", write=True) as store:
        load_files(store, [HUZHOU])
        newman = analysis_of(store, settings=Settings(weighting="newman"))
    graph = newman.collaboration
    ids = {d["label"]: n for n, d in graph.nodes(data=True)}
    edge = graph.edges[ids["市金融办"], ids["市人行"]]
    assert edge["weight"] == pytest.approx(1 / 4 + 1 / 3 + 1 / 4)  # tasks 58, 66, 67
    assert edge["shared"] == 3
    assert "newman weights" in newman.summary()["cluster_method"]
    clusters = {row["unit"]: row["cluster"] for row in newman.cluster_rows()}
    assert clusters["市金融办"] == clusters["市人行"] == clusters["市银保监局"]
