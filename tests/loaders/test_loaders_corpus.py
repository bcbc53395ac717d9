"""The four corpus notices, checked against values read by hand from the documents.

Expected unit lists below are the documents' own "责任单位" lines copied as printed; the reading
rules applied by hand are: the first listed unit leads (the notice says so in task 1, "下同"), the
rest are co-units, and the convention note is not a unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.loaders import Leader, parse_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# (attachment, number, 责任单位 as printed) for every Huzhou task, in document order.
HUZHOU_UNITS = [
    ("1", "1", "市政府办公室、市政府各有关部门、各区县政府"),
    ("1", "2", "市跑改办、市委编办、市信访局、市大数据局、市政府办公室"),
    ("1", "3", "市委组织部、市纪委监委"),
    ("1", "4", "市政府办公室、市审计局、市政府各有关部门"),
    ("1", "5", "市政府办公室"),
    ("1", "6", "市政府办公室、市司法局"),
    ("1", "7", "市政府各有关部门"),
    ("1", "8", "市财政局、市审计局、市发展改革委"),
    ("1", "9", "市政务办(公管办)、市建设局、市纪委监委、市政府有关部门"),
    ("1", "10", "市财政局、各区县政府"),
    (
        "1",
        "11",
        "市发展改革委、市市场监管局、市建设局、市金融办、市税务局、市商务局、湖州海关、市城市集团、湖州电力局",
    ),
    ("1", "12", "市区域合作办、市发展改革委、市经信局、市科技局"),
    ("1", "13", "市建设局"),
    ("1", "14", "市建设局、市综合执法局、市文化广电旅游局"),
    ("1", "15", "市发展改革委、各区县政府"),
    ("1", "16", "市发展改革委、市财政局"),
    ("1", "17", "市大数据局"),
    ("1", "18", "市政务办、市发展改革委、市建设局、市公安局大数据局"),
    ("1", "19", "市自然资源和规划局"),
    ("1", "20", "市发展改革委、市自然资源和规划局"),
    ("1", "21", "太湖度假区管委会、市政府有关部门、长兴县政府、吴兴区政府、南浔区政府"),
    ("1", "22", "市建设局、市城市集团"),
    ("1", "23", "市发展改革委(铁办)、吴兴区政府、南浔区政府、安吉县政府"),
    ("1", "24", "市建设局"),
    ("1", "25", "市委政法委、市纪委监委、市公安局"),
    ("1", "26", "市发展改革委"),
    ("1", "27", "市委政法委、市公安局、市信访局、市民政局"),
    ("1", "28", "市应急管理局、市公安局、市水利局、市气象局、市自然资源和规划局、市消防支队"),
    ("1", "29", "市城市集团、市水利局"),
    ("1", "30", "市委宣传部、市文化广电旅游局"),
    ("1", "31", "市文化广电旅游局"),
    ("1", "32", "市教育局"),
    ("1", "33", "市教育局、德清县政府"),
    ("1", "34", "市卫生健康委、市医疗保障局、市城市集团"),
    ("1", "35", "市体育局"),
    ("1", "36", "市文化广电旅游局"),
    ("1", "37", "市发展改革委(服务业办)、市商务局、市交通运输局、市文化广电旅游局、市卫生健康委"),
    ("1", "38", "市委统战部、市工商联"),
    ("1", "39", "市国资委"),
    ("1", "40", "市商务局、湖州海关、湖州开发区管委会"),
    (
        "1",
        "41",
        "市商务局、市发展改革委、市经信局、市科技局、市区域合作办、市政府驻上海联络处、各区县政府、湖州开发区管委会、太湖度假区管委会",
    ),
    ("1", "42", "市商务局、市税务局"),
    ("1", "43", "市市场监管局、市教育局"),
    ("1", "44", "市市场监管局、市金融办"),
    ("1", "45", "市市场监管局、市农业农村局"),
    ("1", "46", "市综合执法局、市建设局"),
    ("1", "47", "市生态环境局、市市场监管局、安吉县政府、湖州电力局"),
    ("1", "48", "市生态环境局、市农业农村局、市治水办"),
    ("1", "49", "市水利局"),
    ("1", "50", "市农业农村局"),
    ("1", "51", "市农业农村局、市自然资源和规划局"),
    ("1", "52", "市农业农村局、市自然资源和规划局、各区县政府"),
    ("1", "53", "市供销社"),
    ("1", "54", "市民政局"),
    ("1", "55", "市退役军人事务局"),
    ("1", "56", "市司法局、市综合执法局"),
    ("1", "57", "市科协"),
    ("1", "58", "市经信局、市金融办、市人行、市银保监局、市税务局"),
    ("1", "59", "市经信局、市科技局、市金融办"),
    ("1", "60", "市经信局"),
    ("1", "61", "市经信局"),
    ("1", "62", "市经信局、市商务局、市发展改革委、市科技局、市自然资源和规划局、市统计局"),
    ("1", "63", "市科技局"),
    ("1", "64", "市人力社保局、市委组织部(人才办)"),
    ("1", "65", "市经信局、市税务局、市金融办、市自然资源和规划局、湖州电力局、市城市集团"),
    ("1", "66", "市金融办、市人行、市银保监局、市建设局"),
    ("1", "67", "市金融办、市银保监局、市人行、市公安局、市市场监管局"),
    ("1", "68", "市人力社保局"),
    ("1", "69", "市交通运输局"),
    ("1", "70", "市交通运输局、市交通集团、市发展改革委、市自然资源和规划局、市建设局"),
    ("1", "71", "湖州电力局"),
    ("2", "1", "市建设局、市水利局"),
    ("2", "2", "市水利局"),
    ("2", "3", "市建设局、市消防支队"),
    ("2", "4", "市交通运输局"),
    ("2", "5", "市市场监管局"),
    ("2", "6", "市市场监管局"),
    ("2", "7", "市教育局"),
    ("2", "8", "市民政局"),
    ("2", "9", "市委宣传部、市文化广电旅游局、市体育局"),
    ("2", "10", "市发展改革委、市自然资源和规划局、市城市集团、市建设局、市消防支队"),
]

HUZHOU_LEADERS = {
    range(1, 11): ([Leader("钱三雄", "市长")], []),
    range(11, 30): ([Leader("杨六顺", "常务副市长")], []),
    range(30, 37): ([Leader("闵云", "副市长")], []),
    range(37, 47): ([Leader("施根宝", "副市长")], [Leader("许继清", "副市长")]),
    range(47, 58): ([Leader("蒋伟峰", "副市长")], []),
    range(58, 72): ([Leader("项乐民", "副市长")], [Leader("许继清", "副市长")]),
}


@pytest.fixture(scope="module")
def huzhou():
    return parse_file(EXAMPLES / "huzhou-2019-key-tasks.txt")


def test_huzhou_counts(huzhou):
    assert len(huzhou.tasks) == 81
    assert sum(t.attachment == "1" for t in huzhou.tasks) == 71
    assert sum(t.attachment == "2" for t in huzhou.tasks) == 10
    assert [t.number for t in huzhou.tasks if t.attachment == "1"] == [str(i) for i in range(1, 72)]
    assert [t.number for t in huzhou.tasks if t.attachment == "2"] == [str(i) for i in range(1, 11)]
    assert len({t.id for t in huzhou.tasks}) == 81


def test_huzhou_metadata(huzhou):
    doc = huzhou.document
    assert doc.doc_number == "湖政办发〔2019〕9号"
    assert doc.issuer == "湖州市人民政府办公室"
    assert doc.date == "2019-02-27"
    assert doc.title == "湖州市人民政府办公室关于印发2019年政府工作报告重点工作和十方面民生实事责任分解的通知"


@pytest.mark.parametrize(("attachment", "number", "printed"), HUZHOU_UNITS)
def test_huzhou_units(huzhou, attachment, number, printed):
    task = next(t for t in huzhou.tasks if t.attachment == attachment and t.number == number)
    units = printed.split("、")
    assert task.lead_units == units[:1]
    assert task.co_units == units[1:]


def test_huzhou_leaders(huzhou):
    for task in huzhou.tasks:
        if task.attachment == "2":
            assert task.leaders == [] and task.assisting_leaders == []
            continue
        n = int(task.number)
        leaders, assisting = next(v for r, v in HUZHOU_LEADERS.items() if n in r)
        assert task.leaders == leaders, task.number
        assert task.assisting_leaders == assisting, task.number


def test_huzhou_first_task(huzhou):
    task = huzhou.tasks[0]
    assert task.id == "A1-1"
    assert task.line == 17
    assert task.section == "一、钱三雄市长牵头重点工作"
    assert task.text.startswith("深入推进“两学一做”学习教育常态化制度化")
    assert task.text.endswith("加强新型智库建设。")
    assert task.lead_units == ["市政府办公室"]
    assert task.co_units == ["市政府各有关部门", "各区县政府"]


def test_huzhou_details(huzhou):
    by_number = {t.number: t for t in huzhou.tasks if t.attachment == "1"}
    assert by_number["23"].lead_units == ["市发展改革委(铁办)"]
    assert by_number["58"].section == "六、项乐民副市长牵头重点工作(许继清市长协助推进)(许继清副市长协助)"
    assert by_number["71"].text == "建设“生态+电力”示范城市。"
    assert huzhou.tasks[71].text.startswith("持续改善水环境。")
    assert all(t.section is None for t in huzhou.tasks if t.attachment == "2")
    # The cover notice's "附件:1.… 2.…" list is not read as tasks.
    assert all(t.line > 13 for t in huzhou.tasks)


def test_huzhou_warnings(huzhou):
    codes = {(w.code, w.line) for w in huzhou.warnings}
    assert ("unit-suspect-concatenation", 53) in codes
    glued = [w for w in huzhou.warnings if w.code == "unit-suspect-concatenation"]
    assert len(glued) == 1 and "市公安局大数据局" in glued[0].message
    assert not any(w.code in ("task-without-unit", "duplicate-task-number") for w in huzhou.warnings)


def test_dazhu():
    doc = parse_file(EXAMPLES / "dazhu_2016.txt")
    assert doc.document.doc_number == "竹府办〔2016〕20号"
    assert doc.document.issuer == "大竹县人民政府办公室"
    assert doc.document.date == "2016-02-26"
    rows = [(t.number, t.text, t.lead_units + t.co_units, t.deadline) for t in doc.tasks]
    assert rows == [
        (
            "1",
            "启动建设东柳河城区段综合治理工程和东湖湿地公园。",
            ["县水务局", "县住建局", "县护城河指挥部"],
            "12月底前",
        ),
        ("2", "新建2座人行天桥。", ["县住建局"], "9月投入使用"),
        ("3", "启动县图书馆新馆建设。", ["县文体广新局", "县代建中心"], "12月底前"),
        ("4", "建成县残疾人综合服务中心。", ["县残联"], "5月底前动工"),
        ("5", "开工建设县老年养护楼。", ["县民政局"], "5月底前动工"),
        (None, "开工建设老年大学。", ["县民政局"], "12月底前"),
        ("6", "迁建县政务服务中心。", ["县政务服务中心", "县代建中心"], "12月底前"),
        ("7", "加快推进土地滩水库建设。", ["县水务局"], "12月底前"),
        ("8", "启动大竹县第十二小学建设,新建中心幼儿园2所。", ["县教科局", "县代建中心"], "12月底前"),
        ("9", "完成棚户区改造2836户。", ["县住建局"], "12月底前"),
        ("10", "城区再新建1个农贸市场。", ["县商务局"], "12月底前"),
    ]
    assert doc.tasks[0].lead_units == []  # several units and no lead named: all co-units
    assert doc.tasks[5].line == 88
    codes = {w.code for w in doc.warnings}
    # The sub-row's units come from the merged cell of row 5: a reading, so it is reported.
    assert "row-cells-inherited" in codes


def test_guangdong():
    doc = parse_file(EXAMPLES / "guangdong_2021.txt")
    assert doc.document.doc_number == "粤府〔2021〕22号"
    assert doc.document.issuer == "广东省人民政府"
    assert doc.document.date == "2021-03-21"
    got = [(t.number, [(x.name, x.post) for x in t.leaders], t.lead_units, t.co_units) for t in doc.tasks]
    assert got == [
        ("1", [("林克庆", None)], ["省发展改革委"], ["各地", "各部门"]),
        ("2", [("林克庆", None)], ["省财政厅"], ["各地", "各部门"]),
        ("3", [("林克庆", None)], ["省发展改革委"], ["各地", "各部门"]),
        ("4", [("张新", None)], ["省商务厅"], ["各地", "各部门"]),
        ("5", [("张新", None)], [], []),
    ]
    assert doc.tasks[4].text == "进出口实现正增长。"
    assert doc.tasks[0].section == "一、2021年经济社会发展主要预期目标"
    assert any(w.code == "task-without-unit" and w.line == doc.tasks[4].line for w in doc.warnings)


def test_lishan():
    doc = parse_file(EXAMPLES / "lishan_2023.txt")
    assert doc.document.doc_number == "鞍立政发〔2023〕2号"
    assert doc.document.date == "2023-03-28"
    # The signature line under the notice prints the short name.
    assert doc.document.issuer == "立山区人民政府"
    got = [(t.number, t.lead_units, t.co_units) for t in doc.tasks]
    assert got == [
        ("1", ["区发改局"], ["立山经济开发区", "全区经济运行各专班"]),
        ("2", ["区工信局"], ["立山经济开发区"]),
        ("3", ["区发改局"], ["立山经济开发区", "各街道", "区直各部门"]),
        ("4", ["区商务局"], ["各街道", "区市场局"]),
        ("5", ["区财政局"], ["立山经济开发区", "各街道", "税务局"]),
        ("6", ["区发改局"], ["各街道", "各相关单位"]),
        ("7", [], []),
    ]
    assert doc.tasks[6].text == "其他主要经济指标不低于全市平均水平。"
    assert [w.code for w in doc.warnings if w.line == doc.tasks[6].line] == ["task-without-unit"]
