"""Whole short notices in wordings and layouts offices use that the other wording files do not cover.

Every notice is invented for this file: enumerated points that each name their own units ("一是…，由X负责；
二是…"), run-in chains joined by "、", tables whose cells ran together, and the other variants below. Each
expected value (lead units, co-units per task) was written by hand from the notice, as a planner filling in
a 分工 table would.
"""

from __future__ import annotations

import pytest
from test_loaders_wordings_invented import gov_cn, pingtan_page
from wording_cases import marked, unprinted

from dutygraph.loaders import parse_file, parse_rows, parse_text

Units = list[tuple[list[str], list[str]]]


def units(text: str) -> Units:
    return [(t.lead_units, t.co_units) for t in parse_text(text).tasks]


NOTICES = [
    # -- enumerated points, each naming its own units: a task each ----------------------------------------
    pytest.param(
        "某区2023年重点工作任务分工\n一、加强组织领导\n1.强化统筹协调。一是建立联席会议制度，由区发改局负责；"
        "二是完善督查机制，由区督查室牵头、区效能办配合；三是健全考核办法，由区委组织部负责。\n"
        "2.加强宣传引导。责任单位：区委宣传部\n",
        [
            (["区发改局"], []),
            (["区督查室"], ["区效能办"]),
            (["区委组织部"], []),
            (["区委宣传部"], []),
        ],
        id="district-points-in-one-paragraph-each-by-you",
    ),
    pytest.param(
        "某县2023年重点工作任务分工\n（一）加强组织保障。一是强化资金保障，由县财政局负责。二是强化人才保障，由县人社局牵头，"
        "县委组织部配合。三是强化用地保障，由县自然资源局负责。\n（二）加强宣传引导。责任单位：县委宣传部\n",
        [
            (["县财政局"], []),
            (["县人社局"], ["县委组织部"]),
            (["县自然资源局"], []),
            (["县委宣传部"], []),
        ],
        id="county-points-closed-by-full-stops",
    ),
    pytest.param(
        "某区2023年重点工作任务分工\n一、加强组织领导\n1.强化统筹协调。\n一是建立联席会议制度，由区发改局负责；\n"
        "二是完善督查机制，由区督查室牵头、区效能办配合；\n三是健全考核办法，由区委组织部负责。\n"
        "2.加强宣传引导。责任单位：区委宣传部\n",
        [
            (["区发改局"], []),
            (["区督查室"], ["区效能办"]),
            (["区委组织部"], []),
            (["区委宣传部"], []),
        ],
        id="district-points-on-lines-of-their-own",
    ),
    pytest.param(
        "某区2023年工作要点分工\n一、加强组织领导\n为确保各项工作落到实处，一是由区发改局牵头建立联席会议制度；"
        "二是由区督查室负责跟踪督办；三是由区委组织部负责考核。\n二、强化宣传。责任单位：区委宣传部\n",
        [
            (["区发改局"], []),
            (["区督查室"], []),
            (["区委组织部"], []),
            (["区委宣传部"], []),
        ],
        id="district-points-opening-with-you-under-a-heading",
    ),
    pytest.param(
        "某区2023年工作要点分工\n1.强化统筹协调。一是建立联席会议制度；二是完善督查机制；三是健全考核办法。"
        "责任单位：区发改局、区督查室\n2.加强宣传引导。责任单位：区委宣传部\n",
        [([], ["区发改局", "区督查室"]), (["区委宣传部"], [])],
        id="district-points-without-units-stay-in-their-task",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于加强某项工作的通知",
            "国办发〔2023〕9号",
            "一、强化保障\n一是加大资金投入（财政部负责）；二是强化人才支撑（人力资源社会保障部、教育部按职责分工负责）。\n"
            "二、加强督促落实\n国务院办公厅负责督促检查。\n",
        ),
        [(["财政部"], []), ([], ["人力资源社会保障部", "教育部"]), (["国务院办公厅"], [])],
        id="gov-cn-points-each-closed-by-a-bracket",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年口岸工作要点的通知",
            "各片区管理局，区直各单位： 现将《2023年口岸工作要点》印发给你们，请认真贯彻落实。 平潭综合实验区管委会办公室 "
            "2023年6月12日 2023年口岸工作要点 一、提升通关效率 一是推进“提前申报”，由平潭海关负责；二是优化查验流程，"
            "由平潭海关牵头，区口岸办配合；三是推广“两步申报”，由区商务局负责。 二、完善口岸设施 "
            "1.推进对台客滚码头改造。牵头单位：区交通运输局；配合单位：区口岸办",
        ),
        [
            (["平潭海关"], []),
            (["平潭海关"], ["区口岸办"]),
            (["区商务局"], []),
            (["区交通运输局"], ["区口岸办"]),
        ],
        id="pingtan-points-on-a-flattened-page",
    ),
    # -- tables whose cells ran together, a first unit with no 区/市 head ---------------------------------
    pytest.param(
        "某区2019年口岸工作任务分解表\n序号工作任务牵头单位配合单位完成时限\n1推进通关便利化平潭海关区商务局2019年12月\n"
        "2加强口岸建设区口岸办区交通局2019年10月\n3建设冷链设施国网平潭供电公司区发改局2019年11月\n",
        [(["平潭海关"], ["区商务局"]), (["区口岸办"], ["区交通局"]), (["国网平潭供电公司"], ["区发改局"])],
        id="district-glued-rows-lead-cell-a-place-office",
    ),
    pytest.param(
        "某区2019年口岸工作任务分解表\n序号工作任务责任单位完成时限\n1推进通关便利化平潭海关、区商务局2019年12月\n"
        "2加强口岸建设区口岸办、区交通局2019年10月\n",
        [([], ["平潭海关", "区商务局"]), ([], ["区口岸办", "区交通局"])],
        id="district-glued-rows-one-unit-column-opening-with-a-place-office",
    ),
    pytest.param(
        pingtan_page(
            "关于印发口岸工作任务分解表的通知",
            "各有关单位： 现将任务分解表印发给你们。 平潭综合实验区管委会办公室 2019年4月8日 口岸工作任务分解表 "
            "序号工作任务牵头单位配合单位完成时限1推进通关便利化平潭海关区商务局、区口岸办2019年12月2加强口岸建设区口岸办"
            "区交通运输局2019年10月3支持平潭综合实验区跨境电商发展区商务局平潭海关2019年11月",
        ),
        [
            (["平潭海关"], ["区商务局", "区口岸办"]),
            (["区口岸办"], ["区交通运输局"]),
            (["区商务局"], ["平潭海关"]),
        ],
        id="pingtan-run-together-page-table-lead-cell-a-place-office",
    ),
    pytest.param(
        pingtan_page(
            "关于印发整改任务分解表的通知",
            "各有关单位： 现将整改任务分解表印发给你们，请抓好落实。 平潭综合实验区管委会办公室 2023年4月8日 整改任务分解表 "
            "序号存在问题整改措施责任单位完成时限1部分项目审批慢压缩审批时限区行政审批局、区住建局2023年6月2口岸通关效率不高"
            "推广提前申报平潭海关、区口岸办2023年9月3企业融资难建立融资对接机制区财政金融局、人行平潭中心支行2023年12月",
        ),
        [
            ([], ["区行政审批局", "区住建局"]),
            ([], ["平潭海关", "区口岸办"]),
            ([], ["区财政金融局", "人行平潭中心支行"]),
        ],
        id="pingtan-run-together-table-a-branch-bank-after-a-dunhao",
    ),
    pytest.param(
        pingtan_page(
            "关于印发任务分解表的通知",
            "各有关单位： 现将任务分解表印发给你们。 平潭综合实验区管委会办公室 2023年4月8日 任务分解表 "
            "序号工作任务牵头单位责任单位完成时限1推进重点项目建设区发改局区财政金融局、区统计局2023年6月"
            "2推进老旧小区改造区住建局区交通运输局2023年9月3全区开展跨境电商培训区商务局平潭海关、平潭边检站2023年12月",
        ),
        [
            (["区发改局"], ["区财政金融局", "区统计局"]),
            (["区住建局"], ["区交通运输局"]),
            (["区商务局"], ["平潭海关", "平潭边检站"]),
        ],
        id="pingtan-run-together-table-xiaoqu-and-quanqu-in-the-task-text",
    ),
    # -- role words and notes ----------------------------------------------------------------------------
    pytest.param(
        "某县2023年重点工作任务分工方案\n1.推进甲工作。县发改局为责任主体，县财政局配合。\n"
        "2.推进乙工作。（县教育局为责任主体）\n3.推进丙工作。（县商务局为第一责任单位，县市场监管局为协办单位）\n",
        [(["县发改局"], ["县财政局"]), (["县教育局"], []), (["县商务局"], ["县市场监管局"])],
        id="county-wei-zeren-zhuti",
    ),
    pytest.param(
        "某县2023年重点工作任务分工方案\n1.推进甲工作。责任单位：县发改局、县财政局（2023年底前）\n"
        "2.推进乙工作。（县教育局牵头，县人社局（2023年6月底前）配合）\n",
        [([], ["县发改局", "县财政局"]), (["县教育局"], ["县人社局"])],
        id="county-a-deadline-in-brackets-after-a-name",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于推进某项改革的意见",
            "国办发〔2023〕12号",
            "一、重点任务\n（一）加强丁。（各省级人民政府负责，国家发展改革委会同有关部门加强指导）\n"
            "（二）落实戊。（各地区负责，市场监管总局会同商务部督促落实）\n"
            "（三）推进己。（国家发展改革委会同财政部负责）\n",
        ),
        [
            (["各省级人民政府"], ["国家发展改革委", "有关部门"]),
            (["各地区"], ["市场监管总局", "商务部"]),
            (["国家发展改革委"], ["财政部"]),
        ],
        id="gov-cn-huitong-under-a-guiding-verb-after-the-units-answering",
    ),
    pytest.param(
        "某县2023年重点工作任务分工方案\n1.推进甲工作，由县发改局及县财政局负责。\n"
        "2.推进乙工作，由县教育局和县人社局共同负责。\n3.推进丙工作。县商务局与县市场监管局分别负责。\n"
        "4.推进丁工作。由县卫生和计划生育局负责。\n",
        [
            ([], ["县发改局", "县财政局"]),
            ([], ["县教育局", "县人社局"]),
            ([], ["县商务局", "县市场监管局"]),
            (["县卫生和计划生育局"], []),
        ],
        id="county-duty-subjects-joined-by-he-and-yu",
    ),
    pytest.param(
        "某县2023年重点工作任务分工方案\n1.推进甲工作，由县发改局以及县财政局负责。\n"
        "2.推进乙工作。县教育局以及县人社局按职责分工负责。\n",
        [([], ["县发改局", "县财政局"]), ([], ["县教育局", "县人社局"])],
        id="county-duty-subjects-joined-by-yiji",
    ),
    pytest.param(
        "某区2023年重点工作任务分工\n1.推进城乡环境整治。由区住建局负责，各片区管理局配合落实。\n"
        "2.推进环境整治工作，区住建局为牵头单位，区城管局为配合单位。\n"
        "3.强化安全生产（主责：区应急局；协同：区公安局）\n",
        [(["区住建局"], ["各片区管理局"]), (["区住建局"], ["区城管局"]), (["区应急局"], ["区公安局"])],
        id="district-wei-qiantou-danwei-in-prose-and-zhuze-xietong-labels",
    ),
    # -- units named before the tasks: a heading per unit, a unit before a colon ---------------------------
    pytest.param(
        "某区2023年重点工作任务分工\n一、区发改局（牵头单位）\n1.推进重点项目建设。\n2.做好项目谋划。\n二、区住建局\n"
        "3.推进老旧小区改造。配合单位：区城管局\n4.推进保障性住房建设。（区自然资源局负责）\n三、建设法治政府\n"
        "5.推进依法行政。责任单位：区司法局\n",
        [
            (["区发改局"], []),
            (["区发改局"], []),
            (["区住建局"], ["区城管局"]),
            (["区自然资源局"], []),
            (["区司法局"], []),
        ],
        id="district-tasks-listed-under-their-units-headings",
    ),
    pytest.param(
        "某区2023年重点工作任务分工\n1.区发改局：牵头推进重点项目建设，做好项目谋划。\n2.区住建局：负责老旧小区改造。\n"
        "3.区商务局、区口岸办：推进跨境电商发展。\n",
        [(["区发改局"], []), (["区住建局"], []), ([], ["区商务局", "区口岸办"])],
        id="district-units-before-a-colon-open-each-task",
    ),
    # -- run-in chains -----------------------------------------------------------------------------------
    pytest.param(
        "某区2023年重点工作任务分工\n1.完善督查机制，由区督查室牵头、区效能办配合。\n2.加强宣传引导，由区委宣传部负责，区文明办参与。\n",
        [(["区督查室"], ["区效能办"]), (["区委宣传部"], ["区文明办"])],
        id="district-chain-with-a-dunhao-after-qiantou",
    ),
]


#: Notices the loaders misread today, each with what goes wrong (strict: a case that starts passing leaves).
NOT_READ_YET: dict[str, str] = {}


@pytest.mark.parametrize(("text", "expected"), marked(NOTICES, NOT_READ_YET))
def test_an_office_notice_is_read_task_by_task(text, expected):
    assert units(text) == expected


def test_the_expected_units_are_printed_in_their_notices():
    assert unprinted(NOTICES) == []


#: Tables whose leader column ran into the task text before the units: (text, lead, co, leaders) per task.
GLUED_LEADERS = [
    pytest.param(
        "某区2019年口岸工作任务分解表\n序号工作任务责任领导牵头单位完成时限\n1推进通关便利化林海副主任区商务局2019年12月\n"
        "2加强口岸建设副主任陈刚区口岸办2019年10月\n",
        [
            ("推进通关便利化", ["区商务局"], [], [("林海", "副主任")]),
            ("加强口岸建设", ["区口岸办"], [], [("陈刚", "副主任")]),
        ],
        id="glued-rows-leader-with-post",
    ),
    pytest.param(
        pingtan_page(
            "关于印发口岸工作任务分解表的通知",
            "各有关单位： 现将任务分解表印发给你们。 平潭综合实验区管委会办公室 2019年4月8日 口岸工作任务分解表 "
            "序号工作任务责任领导牵头单位配合单位完成时限1推进通关便利化林海区商务局平潭海关2019年12月2加强口岸建设"
            "管委会副主任陈刚区口岸办区交通运输局2019年10月3优化营商环境王小明区行政服务中心区商务局2019年11月",
        ),
        [
            ("推进通关便利化", ["区商务局"], ["平潭海关"], [("林海", None)]),
            ("加强口岸建设", ["区口岸办"], ["区交通运输局"], [("陈刚", "管委会副主任")]),
            ("优化营商环境", ["区行政服务中心"], ["区商务局"], [("王小明", None)]),
        ],
        id="pingtan-page-table-leader-names-alone-or-with-posts",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_LEADERS)
def test_a_leader_cell_run_into_the_task_text_is_the_tasks_leader(text, expected):
    assert [
        (t.text, t.lead_units, t.co_units, [(leader.name, leader.post) for leader in t.leaders])
        for t in parse_text(text).tasks
    ] == expected


_CSV_MERGED = (
    "序号,工作任务,牵头单位,配合单位,完成时限\n1,推进甲工作,县发改局,县财政局,2023年底\n"
    "2,推进乙工作,,县教育局,2023年底\n3,推进丙工作,县商务局,,2023年6月\n4,推进丁工作,,,2023年6月\n"
    "5,推进戊工作,县水利局,县林业局,2023年6月\n"
)


def test_a_csv_export_keeps_a_merged_cell_in_its_first_row_only(tmp_path):
    """Rows 2 and 4 sit under cells merged with the row above: row 2's co-unit assists 县发改局, row 4 prints
    no unit at all."""
    path = tmp_path / "分工表.csv"
    path.write_text(_CSV_MERGED, encoding="utf-8")
    doc = parse_file(path)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县发改局"], ["县财政局"]),
        (["县发改局"], ["县教育局"]),
        (["县商务局"], []),
        (["县商务局"], []),
        (["县水利局"], ["县林业局"]),
    ]
    assert [w.line for w in doc.warnings if w.code == "row-cells-inherited"] == [3, 5]


def test_an_empty_lead_cell_under_a_section_row_takes_nothing_from_above():
    rows = [
        ("序号", "工作任务", "牵头单位", "配合单位"),
        ("一、", "完善制度", "", ""),
        ("1", "推进甲工作", "县发改局", "县财政局"),
        ("二、", "强化保障", "", ""),
        ("2", "推进乙工作", "", "县教育局"),
    ]
    assert [(t.lead_units, t.co_units) for t in parse_rows(rows).tasks] == [
        (["县发改局"], ["县财政局"]),
        ([], ["县教育局"]),
    ]


def test_an_attachment_named_on_the_line_over_its_table_holds_the_rows():
    """ "附件：任务分工表" right over the table's header is the attachment itself: its rows are its tasks, and the
    body's last task is no heading of theirs."""
    doc = parse_text(
        "某县2023年重点工作任务分工方案\n一、工作任务\n1.推进甲工作。\n2.推进乙工作。\n3.推进丙工作。\n附件：任务分工表\n"
        "序号\t工作任务\t牵头单位\t配合单位\n1\t推进甲工作\t县发改局\t县财政局\n2\t推进乙工作\t县教育局\t县人社局\n"
    )
    assert [(t.id, t.text, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("T1", "推进甲工作。", [], []),
        ("T2", "推进乙工作。", [], []),
        ("T3", "推进丙工作。", [], []),
        ("A1-1", "推进甲工作", ["县发改局"], ["县财政局"]),
        ("A1-2", "推进乙工作", ["县教育局"], ["县人社局"]),
    ]
    assert doc.meta["attachments"] == {"1": "任务分工表"}


def test_a_leader_label_naming_the_level_of_government():
    doc = parse_text(
        "某县2023年重点工作任务分工方案\n1.推进甲工作。\n县级领导：张三\n牵头单位：县发改局\n2.推进乙工作。\n"
        "包保领导：王五\n牵头单位：县教育局\n配合单位：县人社局\n"
    )
    assert [(t.text, [leader.name for leader in t.leaders], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("推进甲工作。", ["张三"], ["县发改局"], []),
        ("推进乙工作。", ["王五"], ["县教育局"], ["县人社局"]),
    ]


def test_a_responsibility_column_names_its_role_in_brackets():
    rows = [
        ("序号", "工作内容", "责任单位（牵头单位）", "责任单位（配合单位）"),
        ("1", "推进项目建设", "区发改局", "区财政局"),
        ("2", "推进小区改造", "区住建局", "区城管局、区自然资源局"),
    ]
    assert [(t.lead_units, t.co_units) for t in parse_rows(rows).tasks] == [
        (["区发改局"], ["区财政局"]),
        (["区住建局"], ["区城管局", "区自然资源局"]),
    ]
