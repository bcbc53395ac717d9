"""`dutygraph sync` against a real Bolt server: counts, idempotence, updates, prune, parameters,
and convergence after a sync killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j.time
import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase
from neo4j_support import HUZHOU, BoltServer, Graph, build_store
from synth_corpus import load_synth

from dutygraph.cli import main
from dutygraph.loaders.records import DocumentInfo, Leader, ParsedDocument, Task
from dutygraph.neo4j.connection import Connection
from dutygraph.neo4j.sync import SyncReport, sync_store
from dutygraph.ontology.mapping import map_document
from dutygraph.store.ingest import load_files
from dutygraph.store.store import Store

pytestmark = pytest.mark.integration

PREFIXES = """PREFIX dg: <https://w3id.org/dutygraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dct: <http://purl.org/dc/terms/>
"""


def store_counts(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Node and relationship counts the property graph must have, read from the RDF directly."""
    shared = "https://w3id.org/dutygraph/id/graph/shared"

    def count(body: str) -> int:
        rows = list(store.select(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {body} }}"))
        return int(rows[0]["n"])

    roles = {
        "LEAD_UNIT": "dg:LeadUnitRole",
        "CO_UNIT": "dg:CoUnitRole",
        "SUPERVISES": "dg:SupervisingLeaderRole",
        "ASSISTS": "dg:AssistingLeaderRole",
    }
    document_year = (
        "GRAPH ?g { ?d a dg:Document . OPTIONAL { ?d dg:jurisdiction ?j } OPTIONAL { ?d dct:issued ?i } } "
        "BIND(YEAR(?i) AS ?y)"
    )
    with Store.open(path) as store:
        referenced = (
            f"SELECT DISTINCT ?u WHERE {{ GRAPH ?g {{ ?a prov:agent ?x ; prov:hadRole ?role }} "
            f"FILTER(?g != <{shared}>) GRAPH <{shared}> {{ ?x a ?type . ?x org:subOrganizationOf? ?u }} }}"
        )
        nodes = {
            "Document": count("SELECT DISTINCT ?d WHERE { GRAPH ?g { ?d a dg:Document } }"),
            "Task": count("SELECT DISTINCT ?t WHERE { GRAPH ?g { ?t a dg:Task } }"),
            "Unit": count(referenced.replace("?type", "dg:Unit").replace("?role", "?r1")),
            "Leader": count(
                f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?a prov:agent ?x }} "
                f"GRAPH <{shared}> {{ ?x a dg:Leader }} }}"
            ),
            # the analysis: one year node per jurisdiction and year of the documents
            "AnalysisYear": count(f"SELECT DISTINCT ?j ?y WHERE {{ {document_year} }}"),
        }
        rels = {
            rel: count(f"GRAPH ?g {{ ?t prov:qualifiedAssociation ?a . ?a prov:hadRole {role} }}")
            for rel, role in roles.items()
        }
        rels["IN_DOCUMENT"] = count("GRAPH ?g { ?t a dg:Task ; dg:inDocument ?d }")
        # one MEASURED_IN per unit named as lead or co in a jurisdiction-year, sub-offices counted
        # for the unit at the top of their chain
        rels["MEASURED_IN"] = count(
            f"SELECT DISTINCT ?top ?j ?y WHERE {{ {document_year} GRAPH ?g {{ ?t dg:inDocument ?d ; "
            "prov:qualifiedAssociation ?a . ?a prov:agent ?x ; prov:hadRole ?role "
            "VALUES ?role { dg:LeadUnitRole dg:CoUnitRole } } "
            f"GRAPH <{shared}> {{ ?x org:subOrganizationOf* ?top "
            "FILTER NOT EXISTS { ?top org:subOrganizationOf ?up } } }"
        )
        rels["SUB_OFFICE_OF"] = count(
            f"SELECT DISTINCT ?u WHERE {{ GRAPH ?g {{ ?a prov:agent ?u }} GRAPH <{shared}> "
            "{ ?u org:subOrganizationOf ?p } }"
        )
    return {k: v for k, v in nodes.items() if v}, {k: v for k, v in rels.items() if v}


def run_sync(store: Path, bolt: Connection, **options: object) -> SyncReport:
    return sync_store(store, bolt, progress=False, **options)  # type: ignore[arg-type]


def test_huzhou_counts_equal_the_store(huzhou_store: Path, bolt: Connection, graph: Graph) -> None:
    report = run_sync(huzhou_store, bolt)
    nodes, rels = store_counts(huzhou_store)
    assert nodes["Task"] == 81 and nodes["Document"] == 1
    assert graph.label_counts() == nodes
    assert graph.type_counts() == rels
    # the report's counters (from the driver) agree with what is there
    for label, n in nodes.items():
        assert report.changes.get(label, "created") == n, label
    for rel, n in rels.items():
        assert report.changes.get(rel, "created") == n, rel
    # every node is keyed by its IRI, and the uniqueness constraints exist
    assert graph.value("MATCH (n) WHERE n.id IS NULL RETURN count(n)") == 0
    assert (
        graph.value(
            "MATCH (n:Task) WHERE NOT n.id STARTS WITH 'https://w3id.org/dutygraph/id/' RETURN count(n)"
        )
        == 0
    )
    constraints = graph.rows("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {(tuple(c["labelsOrTypes"]), tuple(c["properties"])) for c in constraints}  # type: ignore[arg-type]
    for label in ("Document", "Task", "Unit", "Leader"):
        assert ((label,), ("id",)) in unique


def test_second_sync_changes_nothing(huzhou_store: Path, bolt: Connection, graph: Graph) -> None:
    first = run_sync(huzhou_store, bolt)
    assert first.changes.total > 0
    second = run_sync(huzhou_store, bolt)
    assert second.changes.total == 0, second.changes.as_dict()
    assert second.documents == 1 and second.documents_changed == 0
    assert "nothing changed" in second.render()


def test_dry_run_prints_the_plan_and_writes_nothing(
    huzhou_store: Path, bolt: Connection, graph: Graph
) -> None:
    plan = run_sync(huzhou_store, bolt, dry_run=True)
    assert graph.label_counts() == {}
    assert plan.changes.get("Task", "created") == 81
    done = run_sync(huzhou_store, bolt)
    assert plan.changes.as_dict() == done.changes.as_dict()
    assert "would change" in plan.render()


def test_changed_document_is_rewritten_exactly(
    huzhou_store: Path, bolt: Connection, graph: Graph, tmp_path: Path
) -> None:
    run_sync(huzhou_store, bolt)
    # the same notice with attachment 2 cut off and one task's units changed
    text = HUZHOU.read_text(encoding="utf-8")
    text = text[: text.index("附件2\n十方面")]
    text = text.replace("责任单位:市建设局、市城市集团\n", "责任单位:市建设局\n", 1)
    edited = tmp_path / "huzhou-2019-key-tasks.txt"
    edited.write_text(text, encoding="utf-8")
    with Store.open(huzhou_store, write=True) as store:
        load_files(store, [edited])
    report = run_sync(huzhou_store, bolt)
    assert report.changes.get("Task", "deleted") == 10
    assert report.changes.get("Task", "created") == 0
    assert report.changes.get("CO_UNIT", "deleted") >= 1
    nodes, rels = store_counts(huzhou_store)
    assert graph.label_counts() == nodes
    assert graph.type_counts() == rels
    assert run_sync(huzhou_store, bolt).changes.total == 0


def test_remove_and_prune_empties_the_graph(huzhou_store: Path, bolt: Connection, graph: Graph) -> None:
    run_sync(huzhou_store, bolt)
    with Store.open(huzhou_store, write=True) as store:
        (doc_id,) = store.document_ids()
        assert store.remove(doc_id)
    kept = run_sync(huzhou_store, bolt)  # without --prune: reported, not deleted
    assert kept.stale_documents and graph.label_counts()["Task"] == 81
    plan = run_sync(huzhou_store, bolt, prune=True, dry_run=True)
    assert plan.changes.get("Task", "deleted") == 81
    assert graph.label_counts()["Task"] == 81
    pruned = run_sync(huzhou_store, bolt, prune=True)
    assert pruned.documents_pruned == 1
    assert pruned.changes.get("Task", "deleted") == 81
    assert graph.label_counts() == {}
    assert graph.type_counts() == {}


TRICKY = [
    "<script>alert('x')</script> & \"quoted\" 'single' `back`",
    "'}) MATCH (n) DETACH DELETE n //",
    '"; DROP CONSTRAINT x; $param {rows} \\n \\ end',
    "全角“引号”与『括号』、emoji 🚧 and \u200b zero-width",
]


def tricky_store(path: Path) -> Path:
    parsed = ParsedDocument(
        source="tricky.txt",
        document=DocumentInfo(
            title="<b>标题</b> \"'",
            doc_number="测试〔2024〕1号",
            issuer="湖州市人民政府办公室",
            date="2024-01-02",
        ),
        tasks=[
            Task(
                id=f"A1-{i}",
                attachment="1",
                section="一、<i>section</i> 'x'",
                number=str(i),
                text=text,
                leaders=[Leader(name="杨六顺", post="常务副市长")],
                lead_units=["市建设局"] if i != 2 else [],
                co_units=["市发展改革委"],
                deadline="12月底前",
                line=10 + i,
            )
            for i, text in enumerate(TRICKY, 1)
        ],
    )
    doc = map_document(parsed)
    with Store.open(path, write=True) as store:
        store.load([doc])
    return path


def test_quotes_and_markup_round_trip_unchanged(tmp_path: Path, bolt: Connection, graph: Graph) -> None:
    store = tricky_store(tmp_path / "store")
    run_sync(store, bolt)
    texts = {r["id"]: r["text"] for r in graph.rows("MATCH (t:Task) RETURN t.taskId AS id, t.text AS text")}
    assert texts == {f"A1-{i}": text for i, text in enumerate(TRICKY, 1)}
    assert graph.value("MATCH (d:Document) RETURN d.title") == "<b>标题</b> \"'"
    assert graph.value("MATCH (t:Task {taskId: 'A1-1'}) RETURN t.section") == "一、<i>section</i> 'x'"
    assert graph.value("MATCH (t:Task {taskId: 'A1-1'}) RETURN t.dueDate") == neo4j.time.Date(2024, 12, 31)
    assert run_sync(store, bolt).changes.total == 0


# -- killed half-way ---------------------------------------------------------------------------------
def _copies(folder: Path, n: int, *, cut: bool) -> list[Path]:
    """``n`` distinct documents (their own doc numbers) from the Huzhou notice; ``cut`` drops
    attachment 2 — version B of every document."""
    text = HUZHOU.read_text(encoding="utf-8")
    if cut:
        text = text[: text.index("附件2\n十方面")]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, n + 1):
        path = folder / f"copy-{i}.txt"
        path.write_text(text.replace("湖政办发〔2019〕9号", f"湖政办发〔2019〕{100 + i}号"), encoding="utf-8")
        paths.append(path)
    return paths


def _task_sets(graph: Graph) -> dict[str, frozenset[str]]:
    rows = graph.rows(
        "MATCH (t:Task)-[:IN_DOCUMENT]->(d:Document) RETURN d.docId AS doc, collect(t.taskId) AS ids"
    )
    return {str(r["doc"]): frozenset(r["ids"]) for r in rows}  # type: ignore[arg-type]


def test_killed_sync_leaves_documents_whole_and_rerun_converges(
    tmp_path: Path, bolt: Connection, graph: Graph
) -> None:
    n = 6
    store = build_store(tmp_path / "store", _copies(tmp_path / "a", n, cut=False))
    run_sync(store, bolt)
    version_a = _task_sets(graph)
    assert len(version_a) == n
    with Store.open(store, write=True) as s:
        load_files(s, _copies(tmp_path / "b", n, cut=True))  # version B: 10 tasks fewer each
    nodes_b, rels_b = store_counts(store)

    env = {
        **os.environ,
        "NEO4J_URI": bolt.uri,
        "NEO4J_USERNAME": bolt.user,
        "NEO4J_PASSWORD": bolt.password,
        "NEO4J_DATABASE": bolt.database or "",
    }
    command = [
        sys.executable,
        "-c",
        "from dutygraph.cli import main; main()",
        "sync",
        "--store",
        str(store),
        "--batch-size",
        "1",
        "--no-analysis",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watcher = GraphDatabase.driver(bolt.uri, auth=(bolt.user, bolt.password))
    killed_mid_way = False
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            with watcher.session(database=bolt.database) as session:
                sizes = session.run(
                    "MATCH (t:Task)-[:IN_DOCUMENT]->(d:Document) RETURN d.docId AS d, count(t) AS n"
                ).data()
            if any(r["n"] == 71 for r in sizes):  # at least one document switched to version B
                process.send_signal(signal.SIGKILL)
                killed_mid_way = True
                break
            time.sleep(0.02)
        process.wait(timeout=30)
    finally:
        watcher.close()
        if process.poll() is None:
            process.kill()
    assert killed_mid_way, f"the sync finished before it could be killed: {process.stderr.read()!r}"

    after_kill = _task_sets(graph)
    version_b = {doc: ids for doc, ids in after_kill.items() if len(ids) == 71}
    assert set(after_kill) == set(version_a)
    for doc, ids in after_kill.items():
        assert ids == version_a[doc] or (len(ids) == 71 and ids < version_a[doc]), f"{doc} half-synced"
    assert 1 <= len(version_b) < n, "the kill should land between the first and the last document"

    report = run_sync(store, bolt)
    assert report.documents_changed == n - len(version_b)
    assert graph.label_counts() == nodes_b
    assert graph.type_counts() == rels_b
    assert run_sync(store, bolt).changes.total == 0


def test_tasks_orphaned_by_hand_are_repaired(huzhou_store: Path, bolt: Connection, graph: Graph) -> None:
    run_sync(huzhou_store, bolt)
    graph.rows("MATCH (d:Document) DETACH DELETE d")  # an analyst deletes the document node only
    assert graph.value("MATCH (t:Task) RETURN count(t)") == 81
    report = run_sync(huzhou_store, bolt)
    assert report.changes.get("Task", "deleted") == 81 and report.changes.get("Task", "created") == 81
    nodes, rels = store_counts(huzhou_store)
    assert graph.label_counts() == nodes
    assert graph.type_counts() == rels


def test_document_created_by_another_writer_meanwhile_is_diffed(
    huzhou_store: Path, bolt: Connection, graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document with no node when the sync started is written without reading Neo4j first; if
    it appeared in between (another writer), the uniqueness constraints fail that transaction and
    the document is synced again with the full diff."""
    from dutygraph.neo4j import sync as sync_module

    run_sync(huzhou_store, bolt)
    nodes, rels = store_counts(huzhou_store)
    monkeypatch.setattr(sync_module, "_synced_from", lambda session: {})  # "not there at the start"
    report = run_sync(huzhou_store, bolt)
    assert report.changes.total == 0, report.changes.as_dict()
    assert report.documents == 1 and report.documents_changed == 0
    assert graph.label_counts() == nodes
    assert graph.type_counts() == rels


def test_interactive_sync_prints_a_change_table(huzhou_store: Path, bolt: Connection, graph: Graph) -> None:
    lines: list[str] = []
    sync_store(huzhou_store, bolt, echo=lines.append, progress=False, dry_run=True)
    assert lines[0].startswith("dry run") and "Task" in lines[1] and "81" in lines[1]


DAZHU = HUZHOU.parent / "dazhu_2016.txt"


def test_dates_are_cypher_dates(tmp_path: Path, bolt: Connection, graph: Graph) -> None:
    """大竹县 2016 (signed 2016年2月26日, above the table): deadlines "5月底前动工" twice, "12月底前" eight times,
    "9月投入使用" once (no day to compare with: no dueDate). Synced as strings, every comparison
    with date(...) matched nothing."""
    store = build_store(tmp_path / "store", [DAZHU])
    run_sync(store, bolt)
    assert graph.value("MATCH (t:Task) WHERE t.dueDate < date('2016-06-01') RETURN count(t)") == 2
    assert graph.value("MATCH (t:Task) WHERE t.dueDate = date('2016-12-31') RETURN count(t)") == 8
    assert graph.value("MATCH (t:Task) WHERE t.dueDate IS NULL RETURN count(t)") == 1
    assert graph.value("MATCH (d:Document) WHERE d.issued = date('2016-02-26') RETURN count(d)") == 1
    issued = graph.value("MATCH (d:Document) RETURN d.issued")
    assert isinstance(issued, neo4j.time.Date) and issued.iso_format() == "2016-02-26"
    assert run_sync(store, bolt).changes.total == 0  # dates compare equal on the next sync


def test_index_in_the_way_of_a_constraint_is_one_line(
    huzhou_store: Path, bolt_server: BoltServer, graph: Graph
) -> None:
    """Neo4j will not create a uniqueness constraint while a plain index on the same property
    exists; the sync says which index and how to drop it, and writes no data."""
    graph.rows("DROP CONSTRAINT dutygraph_unit_id IF EXISTS")
    graph.rows("CREATE INDEX analyst_unit_id IF NOT EXISTS FOR (n:Unit) ON (n.id)")
    env = {
        "NEO4J_URI": bolt_server.conn.uri,
        "NEO4J_USERNAME": bolt_server.conn.user,
        "NEO4J_PASSWORD": bolt_server.conn.password,
        "NEO4J_DATABASE": bolt_server.conn.database or "",
    }
    try:
        result = CliRunner().invoke(main, ["sync", "--store", str(huzhou_store)], env=env)
        if bolt_server.is_neo4j:
            assert result.exit_code == 4, result.output
            assert result.output == (
                "Error: an index on :Unit(id) is in the way of dutygraph's uniqueness constraint "
                "(which brings its own index): DROP INDEX `analyst_unit_id`, then sync again "
                "(no data was written)\n"
            )
            assert graph.value("MATCH (n) RETURN count(n)") == 0
        else:  # ArcadeDB creates the constraint beside the index (README: differences)
            assert result.exit_code == 0, result.output
            assert graph.value("MATCH (t:Task) RETURN count(t)") == 81
    finally:
        graph.rows("DROP INDEX analyst_unit_id IF EXISTS")
        graph.clear()


def test_a_property_added_by_hand_survives_and_owned_ones_follow_the_store(
    tmp_path: Path, bolt: Connection, graph: Graph
) -> None:
    from dutygraph.neo4j.writeback import unit_properties

    synth = load_synth()
    corpus = synth.write_corpus(
        synth.generate_corpus(2, seed=3, cities=("青澜市",), years=(2020,)), tmp_path / "c"
    )
    first, second = sorted(corpus.glob("*.txt"))
    store = tmp_path / "store"
    with Store.open(store, write=True) as opened:
        load_files(opened, [first])
    run_sync(store, bolt)
    unit = "https://w3id.org/dutygraph/id/unit/青澜市/市发展改革委"
    before = graph.value("MATCH (u:Unit {id: $id}) RETURN u.load", id=unit)
    graph.rows("MATCH (u:Unit {id: $id}) SET u.note = 'checked by hand', u.flagReason = 'stale'", id=unit)
    with Store.open(store, write=True) as opened:
        load_files(opened, [second])  # the same city and year: the unit's load changes
    run_sync(store, bolt)
    with Store.open(store) as opened:
        expected = unit_properties(opened)[unit]
    row = graph.rows(
        "MATCH (u:Unit {id: $id}) RETURN u.note AS note, u.load AS load, u.flagReason AS reason", id=unit
    )[0]
    assert row["note"] == "checked by hand"
    assert row["load"] == expected["load"] != before
    assert row["reason"] == expected.get("flagReason")  # the sync's own property follows the store
