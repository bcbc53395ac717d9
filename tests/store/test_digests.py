"""The digest reader on a digest written by hand: what each field is read from, and the defaults
for what a digest lacks."""

from __future__ import annotations

from pathlib import Path

from dutygraph.store import digests
from dutygraph.store.digests import Assignment

DG = "https://w3id.org/dutygraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV = "http://www.w3.org/ns/prov#"
DOC, TASK, A1, A2, DUE = "urn:doc", "urn:task", "urn:a1", "urn:a2", "urn:due"

DIGEST = {
    DOC: {
        RDF_TYPE: [DG + "Document"],
        DG + "docId": ["湖政办发-2019-9"],
        DG + "jurisdiction": ["urn:place"],
        DG + "taskCount": ["1"],
        "http://purl.org/dc/terms/title": ["重点工作责任分解"],
    },
    TASK: {
        RDF_TYPE: [DG + "Task"],
        DG + "taskId": ["t1"],
        DG + "text": ["推进数字化改革"],
        DG + "sourceLine": ["12"],
        DG + "dueBy": [DUE],
        PROV + "qualifiedAssociation": [A1, A2],
    },
    A1: {PROV + "agent": ["urn:unit"], PROV + "hadRole": [DG + "LeadUnitRole"], DG + "rank": ["1"]},
    A2: {PROV + "agent": ["urn:leader"], DG + "asPrinted": ["张三同志"]},
    DUE: {"http://www.w3.org/2006/time#inXSDDate": ["2019-12-31"]},
    "urn:leader": {"http://www.w3.org/ns/org#holds": ["urn:post"]},
}


def test_read_document_from_a_hand_written_digest() -> None:
    doc = digests.read_document(DIGEST)
    assert doc is not None
    assert (doc.iri, doc.doc_id, doc.jurisdiction, doc.task_count) == (DOC, "湖政办发-2019-9", "urn:place", 1)
    assert doc.title == "重点工作责任分解" and doc.issuer is None
    [task] = doc.tasks
    assert (task.iri, task.task_id, task.text, task.line, task.number) == (
        TASK,
        "t1",
        "推进数字化改革",
        12,
        None,
    )
    assert task.due_date == "2019-12-31"
    assert task.assignments == [
        Assignment(1, DG + "LeadUnitRole", "urn:unit", None),
        Assignment(0, "", "urn:leader", "张三同志"),  # no role, no rank: the readers' defaults
    ]
    assert doc.posts == {"urn:leader": ["urn:post"]}


def test_a_digest_without_a_document_reads_as_none() -> None:
    assert digests.read_document({TASK: DIGEST[TASK]}) is None


def test_an_old_digest_has_no_task_count() -> None:
    old = {**DIGEST, DOC: {k: v for k, v in DIGEST[DOC].items() if k != DG + "taskCount"}}
    doc = digests.read_document(old)
    assert doc is not None and doc.task_count is None


def test_digest_of_keeps_only_the_digest_predicates_and_files_round_trip(tmp_path: Path) -> None:
    kept = digests.digest_of(
        [(TASK, DG + "taskId", "t1"), (TASK, DG + "notKept", "x"), (TASK, DG + "text", "文")]
    )
    assert kept == {TASK: {DG + "taskId": ["t1"], DG + "text": ["文"]}}
    digests.write(tmp_path, "urn:graph/v/1", kept)
    assert digests.read(tmp_path, "urn:graph/v/1") == kept
    assert digests.read(tmp_path, "urn:graph/v/2") is None
    (tmp_path / digests.file_name("urn:graph/v/1")).write_text("{not json", encoding="utf-8")
    assert digests.read(tmp_path, "urn:graph/v/1") is None
