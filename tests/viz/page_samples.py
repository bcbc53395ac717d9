"""Hand-made and synthetic graphs in the shape :func:`dutygraph.viz.render_page` consumes.

They exist for the page tests and ``bench/viz.py``, independently of the RDF pipeline:

* :func:`sample_graph` — a small Huzhou-flavoured unit network with every attribute filled in;
* :func:`hostile_graph` — the same shape with markup and ``</script>`` in every document string;
* :func:`synthetic_graph` — ``n`` units in clusters, for the 5,000-unit benchmark.
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(2)</script>"

_DOC_A = "湖政办发〔2019〕9号"
_DOC_B = "湖政发〔2019〕3号"


def _task(document: str, number: str, text: str) -> dict[str, str]:
    return {"document": document, "number": number, "text": text}


def sample_graph() -> nx.Graph:
    """A small, fully attributed unit network (13 units, two leaders' reach, two documents)."""
    graph = nx.Graph()
    units: list[tuple[str, dict[str, Any]]] = [
        (
            "市发展改革委",
            {
                "kind": "government-department",
                "aliases": ["市发改委", "湖州市发展和改革委员会"],
                "cluster": 0,
                "load": 9.0,
                "lead": 6,
                "co": 5,
                "flag_reason": "牵头任务数居全市第一（6项），高于均值2倍",
                "leaders": ["王纲"],
            },
        ),
        (
            "市财政局",
            {
                "kind": "government-department",
                "aliases": ["财政局"],
                "cluster": 0,
                "load": 6.0,
                "lead": 2,
                "co": 7,
                "leaders": ["王纲", "李平"],
            },
        ),
        (
            "市经信局",
            {
                "kind": "government-department",
                "aliases": ["市经济和信息化局"],
                "cluster": 0,
                "load": 5.0,
                "lead": 3,
                "co": 3,
                "leaders": ["王纲"],
            },
        ),
        (
            "市委宣传部",
            {
                "kind": "party-department",
                "aliases": ["宣传部"],
                "cluster": 1,
                "load": 2.5,
                "lead": 1,
                "co": 2,
                "leaders": ["李平"],
            },
        ),
        (
            "市教育局",
            {
                "kind": "government-department",
                "aliases": [],
                "cluster": 1,
                "load": 3.0,
                "lead": 2,
                "co": 1,
                "leaders": ["李平"],
            },
        ),
        (
            "市卫生健康委",
            {
                "kind": "government-department",
                "aliases": ["市卫健委"],
                "cluster": 1,
                "load": 4.0,
                "lead": 2,
                "co": 2,
                "leaders": ["李平"],
            },
        ),
        (
            "各区县政府",
            {
                "kind": "group",
                "is_group": True,
                "aliases": ["各区县人民政府", "各区县"],
                "cluster": 2,
                "load": 7.0,
                "lead": 0,
                "co": 9,
                "leaders": ["王纲", "李平"],
            },
        ),
        (
            "吴兴区政府",
            {
                "kind": "local-government",
                "aliases": ["吴兴区人民政府"],
                "cluster": 2,
                "load": 2.0,
                "lead": 1,
                "co": 1,
                "leaders": ["王纲"],
            },
        ),
        (
            "湖州经济技术开发区",
            {
                "kind": "development-zone",
                "aliases": ["湖州经开区"],
                "cluster": 2,
                "load": 1.5,
                "lead": 1,
                "co": 0,
                "leaders": ["王纲"],
            },
        ),
        (
            "湖州交投集团",
            {
                "kind": "state-owned-enterprise",
                "aliases": [],
                "cluster": 0,
                "load": 1.0,
                "lead": 0,
                "co": 1,
                "leaders": ["王纲"],
            },
        ),
        (
            "湖州海关",
            {
                "kind": "vertical-agency",
                "aliases": [],
                "cluster": 0,
                "load": 1.0,
                "lead": 0,
                "co": 1,
                "leaders": ["王纲"],
            },
        ),
        (
            "市级有关单位",
            {
                "kind": "other",
                "is_group": True,
                "aliases": [],
                "cluster": None,
                "load": 1.0,
                "lead": 0,
                "co": 2,
                "leaders": ["李平"],
            },
        ),
        (
            "市统计局",
            {
                "kind": "government-department",
                "aliases": [],
                "cluster": None,
                "load": 0.5,
                "lead": 0,
                "co": 1,
                "leaders": [],
            },
        ),
    ]
    for name, attrs in units:
        lead, co = attrs["lead"], attrs["co"]
        tasks = [
            _task(_DOC_A if i % 2 == 0 else _DOC_B, str(i + 1), f"{name}推进重点工作第{i + 1}项，落实目标")
            for i in range(min(lead + co, 4))
        ]
        graph.add_node(
            name,
            label=name,
            jurisdiction="湖州市",
            tasks=tasks,
            documents=sorted({t["document"] for t in tasks}),
            **attrs,
        )
    pairs = [
        ("市发展改革委", "市财政局", "lead-co", 5),
        ("市发展改革委", "市经信局", "lead-co", 3),
        ("市经信局", "市财政局", "co-co", 2),
        ("市发展改革委", "各区县政府", "lead-co", 4),
        ("市委宣传部", "市教育局", "lead-co", 1),
        ("市卫生健康委", "市教育局", "co-co", 1),
        ("市卫生健康委", "各区县政府", "lead-co", 2),
        ("吴兴区政府", "各区县政府", "co-co", 1),
        ("湖州经济技术开发区", "吴兴区政府", "lead-co", 1),
        ("市发展改革委", "湖州交投集团", "lead-co", 1),
        ("市经信局", "湖州海关", "lead-co", 1),
        ("市财政局", "市级有关单位", "co-co", 2),
        ("市委宣传部", "市级有关单位", "lead-co", 1),
        ("市财政局", "市卫生健康委", "co-co", 1),
    ]
    for a, b, kind, weight in pairs:
        graph.add_edge(a, b, kind=kind, weight=float(weight))
    return graph


def hostile_graph() -> nx.Graph:
    """Markup and script terminators in labels, aliases, reasons, task text and document ids."""
    graph = nx.Graph()
    evil_doc = f"文号{XSS_SCRIPT}"
    graph.add_node(
        "evil",
        label=f"市{XSS_IMG}局",
        kind="government-department",
        aliases=[XSS_SCRIPT, "别名&amp;<b>粗</b>", "行\u2028分隔\u2029符"],
        cluster=0,
        load=3.0,
        lead=1,
        co=1,
        flag_reason=f"原因{XSS_IMG}",
        tasks=[_task(evil_doc, f"1{XSS_IMG}", f"任务{XSS_SCRIPT}{XSS_IMG}<!-- 注释")],
        documents=[evil_doc],
        leaders=[f"领导{XSS_IMG}"],
        jurisdiction=f"湖州{XSS_SCRIPT}",
    )
    graph.add_node(
        "plain",
        label="市财政局",
        kind="group",
        is_group=True,
        cluster=1,
        load=1.0,
        leaders=[f"领导{XSS_IMG}"],
        documents=[evil_doc],
    )
    graph.add_edge("evil", "plain", kind="lead-co", weight=2.0)
    return graph


def leader_task_graph() -> nx.DiGraph:
    """A leader → task → unit view: every node kind and every edge kind of the task/leader views."""
    graph = nx.DiGraph()
    graph.add_node("L1", label="王纲", kind="leader", leaders=["王纲"], documents=[_DOC_A])
    graph.add_node("L2", label="李平", kind="leader", leaders=["李平"], documents=[_DOC_A])
    for number, text, leader in (("1", "深化“最多跑一次”改革", "L1"), ("2", "推进城乡教育均衡发展", "L2")):
        graph.add_node(
            f"T{number}",
            label=f"任务{number}",
            kind="task",
            documents=[_DOC_A],
            leaders=[graph.nodes[leader]["label"]],
            tasks=[_task(_DOC_A, number, text)],
        )
        graph.add_edge(leader, f"T{number}", kind="supervises", weight=1.0)
    graph.add_node(
        "U1",
        label="市发展改革委",
        kind="government-department",
        aliases=["市发改委"],
        cluster=0,
        load=2.0,
        lead=1,
        co=0,
        leaders=["王纲"],
        documents=[_DOC_A],
    )
    graph.add_node(
        "U2",
        label="市教育局",
        kind="government-department",
        cluster=1,
        load=1.0,
        lead=1,
        leaders=["李平"],
        documents=[_DOC_A],
    )
    graph.add_node(
        "U3",
        label="各区县政府",
        kind="group",
        is_group=True,
        cluster=1,
        load=2.0,
        co=2,
        leaders=["王纲", "李平"],
        documents=[_DOC_A],
    )
    graph.add_edge("T1", "U1", kind="lead", weight=1.0)
    graph.add_edge("T1", "U3", kind="co", weight=1.0)
    graph.add_edge("T2", "U2", kind="lead", weight=1.0)
    graph.add_edge("T2", "U3", kind="co", weight=1.0)
    graph.add_edge("L2", "U2", kind="assists", weight=1.0)
    return graph


_KINDS = (
    "government-department",
    "government-department",
    "government-department",
    "party-department",
    "local-government",
    "state-owned-enterprise",
    "vertical-agency",
    "development-zone",
    "other",
)
_STEMS = (
    "发展改革财政经信教育卫生健康交通水利农业农村自然资源生态环境"
    "住房城乡建设商务文化旅游体育市场监管应急管理统计审计司法公安民政人力社保"
)
_SUFFIXES = ("局", "委", "办", "中心", "集团", "分局", "管委会")


def synthetic_graph(
    n_units: int = 5000,
    *,
    seed: int = 0,
    n_clusters: int | None = None,
    n_documents: int = 20,
    n_leaders: int = 12,
) -> nx.Graph:
    """A clustered unit network of ``n_units`` units, shaped like a province's worth of notices.

    Each synthetic task has one lead and one to four co units, mostly from the lead's cluster; the
    unit–unit edges count shared tasks. Deterministic for a given ``seed``.
    """
    rng = random.Random(seed)
    clusters = n_clusters or max(1, n_units // 120)
    graph = nx.Graph()
    members: list[list[int]] = [[] for _ in range(clusters)]
    documents = [f"synthetic-{d:03d}" for d in range(n_documents)]
    leaders = [f"领导{chr(0x4E00 + 37 * k)}" for k in range(n_leaders)]
    for i in range(n_units):
        cluster = i % clusters
        members[cluster].append(i)
        start = rng.randrange(0, len(_STEMS) - 4)
        stem = _STEMS[start : start + rng.randint(2, 4)]
        name = f"第{i}号{stem}{rng.choice(_SUFFIXES)}"
        kind = rng.choice(_KINDS)
        graph.add_node(
            i,
            label=name,
            kind=kind,
            is_group=rng.random() < 0.03,
            aliases=[f"U{i}"],
            cluster=cluster,
            load=0.0,
            lead=0,
            co=0,
            flag_reason=None,
            tasks=[],
            documents=[],
            leaders=[],
            jurisdiction="合成市",
        )
    n_tasks = int(n_units * 1.4)
    for t in range(n_tasks):
        cluster = rng.randrange(clusters)
        pool = members[cluster]
        lead = rng.choice(pool)
        cos = {
            rng.choice(pool) if rng.random() < 0.85 else rng.randrange(n_units)
            for _ in range(rng.randint(1, 4))
        }
        cos.discard(lead)
        doc = documents[t % n_documents]
        leader = leaders[cluster % n_leaders]
        task = {"document": doc, "number": str(t + 1), "text": f"推进{_STEMS[t % 40 : t % 40 + 6]}工作"}
        for unit, role in [(lead, "lead"), *((c, "co") for c in sorted(cos))]:
            attrs = graph.nodes[unit]
            attrs[role] += 1
            attrs["load"] += 1.0 if role == "lead" else 0.5
            if len(attrs["tasks"]) < 5:
                attrs["tasks"].append(task)
            if doc not in attrs["documents"]:
                attrs["documents"].append(doc)
            if leader not in attrs["leaders"]:
                attrs["leaders"].append(leader)
        for c in sorted(cos):
            if graph.has_edge(lead, c):
                graph.edges[lead, c]["weight"] += 1.0
            else:
                graph.add_edge(lead, c, kind="lead-co", weight=1.0)
        ordered = sorted(cos)
        for a_index, a in enumerate(ordered):
            for b in ordered[a_index + 1 :]:
                if graph.has_edge(a, b):
                    graph.edges[a, b]["weight"] += 1.0
                else:
                    graph.add_edge(a, b, kind="co-co", weight=1.0)
    for _, attrs in graph.nodes(data=True):
        if attrs["lead"] >= 8:
            attrs["flag_reason"] = f"牵头{attrs['lead']}项，超过阈值8项"
    return graph
