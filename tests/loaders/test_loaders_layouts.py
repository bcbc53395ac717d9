"""One small notice per layout family of issue 2 (tests/data/loaders/layout*.txt), expectations by hand."""

from __future__ import annotations

from pathlib import Path

from dutygraph.loaders import Leader, parse_file

DATA = Path(__file__).resolve().parents[1] / "data" / "loaders"


def parse(name: str):
    return parse_file(DATA / name)


def codes(doc) -> list[tuple[str, int | None]]:
    return [(w.code, w.line) for w in doc.warnings]


def test_layout1_leader_sections():
    doc = parse("layout1_leader_sections.txt")
    assert doc.document.doc_number == "青政办发〔2024〕3号"
    assert doc.document.date == "2024-03-05"
    t = doc.tasks
    assert len(t) == 5
    assert t[0].leaders == [Leader("王大明", "县长")]
    assert (t[0].lead_units, t[0].co_units) == (["县发展改革局"], ["县经信局", "各乡镇人民政府"])
    assert t[2].leaders == [Leader("李小红", "常务副县长")]
    assert t[2].assisting_leaders == [Leader("赵刚", "副县长")]
    # Mixed separators: "、" then "；".
    assert (t[2].lead_units, t[2].co_units) == (["县住建局"], ["县水务局", "县城投公司"])
    assert t[3].leaders == [Leader("陈强", "副县长"), Leader("周敏", "副县长")]
    assert (t[3].lead_units, t[3].co_units) == (["县民政局"], ["县财政局"])
    # "四、牵头重点工作" names nobody: the task stays, the heading is reported.
    assert t[4].leaders == [] and t[4].lead_units == ["县商务局"]
    assert ("leader-header-unreadable", 18) in codes(doc)


def test_layout2_labelled_lines():
    doc = parse("layout2_labelled_lines.txt")
    t = doc.tasks
    assert [x.number for x in t] == ["1", "2", "3"]
    assert t[0].lead_units == ["区发改局"]
    assert t[0].co_units == ["白水经济开发区", "各街道", "区直各部门"]
    assert t[0].deadline == "2024年12月底"
    assert t[1].lead_units == ["区财政局", "区税务局"] and t[1].co_units == ["各街道"]
    assert t[2].lead_units == ["区人社局"] and t[2].co_units == []
    assert not doc.warnings


def test_layout3_sentences():
    doc = parse("layout3_sentences.txt")
    t = doc.tasks
    assert t[0].leaders == [Leader("周明", None)]
    assert (t[0].lead_units, t[0].co_units) == (["省发展改革委"], ["各地", "各部门"])
    assert t[1].leaders == [Leader("吴亮", None)]
    assert (t[1].lead_units, t[1].co_units) == (["省人力资源社会保障厅", "省教育厅"], ["省财政厅"])
    assert (t[2].lead_units, t[2].co_units) == (["省发展改革委"], [])


def test_layout4_one_bracket():
    doc = parse("layout4_one_bracket.txt")
    t = doc.tasks
    assert len(t) == 2
    assert t[0].text == "培育先进制造业集群，新增规上工业企业100家。"
    assert t[0].leaders == [Leader("林一", "副市长"), Leader("郑二", "副市长")]
    assert t[0].lead_units == ["市工信局", "市发改委"]
    assert t[0].co_units == ["市科技局", "市商务局", "各区县政府"]
    assert t[1].leaders == [Leader("林一", None)]
    assert (t[1].lead_units, t[1].co_units) == (["市大数据局"], ["市财政局"])


def test_layout5_nested_numbering_and_subheadings():
    doc = parse("layout5_nested.txt")
    t = doc.tasks
    assert [x.number for x in t] == ["1", "2", "（1）", "（2）", "4", "5", "6", "6"]
    assert [x.subsection for x in t] == [
        "（一）扩大有效投资",
        "（一）扩大有效投资",
        "3．办好系列消费活动：",
        "3．办好系列消费活动：",
        "城市更新",
        "生态环境",
        "生态环境",
        "生态环境",
    ]
    assert t[3].lead_units == [] and t[3].co_units == [
        "市商务局",
        "市财政局",
    ]  # several units and no lead named: all co-units
    assert t[4].section == "二、提升城市品质"
    assert ("duplicate-task-number", 26) in codes(doc)
    # "3．" carries no unit of its own: it heads (1) and (2) rather than being a task without units.
    assert not any(c == "task-without-unit" for c, _ in codes(doc))


def test_layout6_section_leaders():
    doc = parse("layout6_section_leaders.txt")
    t = doc.tasks
    assert t[0].leaders == [Leader("张三", None), Leader("李四", None), Leader("王五", None)]
    assert t[1].leaders == t[0].leaders
    assert t[2].leaders == [Leader("赵六", "副市长")]
    assert t[2].section == "二、改善民生福祉"


def test_layout7_flattened_table():
    doc = parse("layout7_flat_table.txt")
    got = [(x.number, x.text, x.lead_units, x.co_units, x.deadline) for x in doc.tasks]
    assert got == [
        ("1", "新建农贸市场2个。", ["县商务局"], ["县市场监管局", "县住建局"], "10月底前"),
        ("2", "改造农村公路80公里。", ["县交通局"], [], "12月底前"),
        ("3", "新建养老服务中心。", ["县民政局"], ["县财政局"], "6月底前开工"),
    ]
    assert doc.tasks[0].attachment == "1"
    # Which of the three unit lines are leads cannot be known once the table is flattened.
    assert [w.code for w in doc.warnings] == ["table-cells-ambiguous"]
    assert doc.meta["tables"][0]["columns"]["配合单位"] == "co"


def test_layout7_pipe_table():
    doc = parse("layout7_pipe_table.txt")
    got = [(x.number, x.text, x.leaders, x.lead_units, x.co_units, x.deadline, x.line) for x in doc.tasks]
    assert got == [
        (
            "1",
            "建成城市大脑平台。",
            [Leader("王强", "副市长")],
            ["市大数据局"],
            ["市财政局", "市公安局"],
            "2024年底",
            7,
        ),
        ("2", "新增学位3000个。", [Leader("刘芳", "副市长")], ["市教育局"], ["各区政府"], "9月底前", 8),
    ]
    assert ("column-not-recognised", 5) in codes(doc)


def test_layout8_bracket_closed_paragraphs():
    doc = parse("layout8_paragraphs.txt")
    t = doc.tasks
    assert [x.text for x in t] == [
        "加快建设科技强省，实施重大科技专项。",
        "推进高水平研究型大学建设。",
        "促进消费持续恢复。",
    ]
    assert all(x.number is None for x in t)
    assert t[0].leaders == [Leader(None, "副省长")]
    assert (t[0].lead_units, t[0].co_units) == (["省科技厅"], ["省发展改革委", "省财政厅"])
    # "列第一位的为牵头部门，下同" carries on to the next task.
    assert t[1].leaders == [Leader("王伟", "副省长")]
    assert (t[1].lead_units, t[1].co_units) == (["省教育厅"], ["省财政厅"])
    assert (t[2].lead_units, t[2].co_units, t[2].section) == (["省商务厅"], ["各地"], "二、扩大国内需求")
    assert doc.meta["first_listed_leads"] == "stated"


def test_layout9_attachments():
    doc = parse("layout9_attachments.txt")
    got = [(x.id, x.attachment, x.number, x.lead_units, x.co_units) for x in doc.tasks]
    assert got == [
        ("A1-1", "1", "1", [], ["市工信局", "市发改委"]),
        ("A1-2", "1", "2", ["市农业农村局"], []),
        ("A2-1", "2", "1", ["市人社局"], []),
        # Brackets holding separators stay inside one unit.
        ("A2-2", "2", "2", [], ["市文广旅局", "各区县政府（含北山新区、高新区管委会）"]),
    ]
    assert doc.meta["attachments"] == {"1": "2024年重点工作责任分解", "2": "2024年民生实事责任分解"}
    assert doc.document.issuer == "北山市人民政府办公室"
    # Renumbering in 附件2 is not a duplicate.
    assert not any(w.code == "duplicate-task-number" for w in doc.warnings)
