"""Assignment wordings that State Council documents and 平潭 notices use often, beyond the development corpus.

The notices are invented in the style of the two sources (gov.cn opinions whose measures close with a
parenthetical; 平潭 政务公开 pages flattened onto one line); every expected value is written by hand from the
notice in the test. ``test_loaders_wordings.py`` holds one test per class of the issue; this file holds the
variants of each class the development corpus shows only once or not at all.
"""

from __future__ import annotations

import pytest

from dutygraph.loaders import parse_text

#: The opening of a State Council opinion, above its numbered measures.
_OPINION = (
    "国务院关于推进某项工作的意见\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "为推进某项工作，现提出以下意见。\n一、总体要求\n到2020年，基本建立某某体系。\n二、重点任务\n"
)


def units(text: str) -> list[tuple[list[str], list[str]]]:
    return [(t.lead_units, t.co_units) for t in parse_text(text).tasks]


def measure(clause: str) -> str:
    """A two-measure opinion whose first measure closes with ``clause``."""
    return f"{_OPINION}（一）完善甲制度。建立健全甲制度体系。{clause}\n（二）推进乙建设。加快乙建设。（住房城乡建设部负责）\n"


# -- State Council parentheticals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "lead", "co"),
    [
        (
            "（发展改革委牵头，财政部、人力资源社会保障部等按职责分工负责）",
            ["发展改革委"],
            ["财政部", "人力资源社会保障部"],
        ),
        ("（教育部、财政部按职责分工负责，各省级人民政府落实）", [], ["教育部", "财政部", "各省级人民政府"]),
        ("（生态环境部牵头，自然资源部参与，各地区配合）", ["生态环境部"], ["自然资源部", "各地区"]),
        ("（交通运输部会同公安部负责）", ["交通运输部"], ["公安部"]),
        (
            "（国家卫生计生委、人力资源社会保障部牵头，国务院医改办协调）",
            ["国家卫生计生委", "人力资源社会保障部"],
            ["国务院医改办"],
        ),
        (
            "（国家卫生健康委会同国家医保局、国家药监局负责）",
            ["国家卫生健康委"],
            ["国家医保局", "国家药监局"],
        ),
        ("（财政部会同税务总局等部门负责）", ["财政部"], ["税务总局"]),
        ("（人民银行、银保监会会同有关部门按职责分工负责）", ["人民银行", "银保监会"], ["有关部门"]),
        (
            "（国家发展改革委、财政部等部门和各省级人民政府按职责分工负责）",
            [],
            ["国家发展改革委", "财政部", "各省级人民政府"],
        ),
        ("（各省级人民政府负责）", ["各省级人民政府"], []),
        ("（各省、自治区、直辖市人民政府负责）", ["各省、自治区、直辖市人民政府"], []),
        ("（各地区、各有关部门负责）", [], ["各地区", "各有关部门"]),
        (
            "（中央宣传部、中央网信办、国家广播电视总局负责）",
            [],
            ["中央宣传部", "中央网信办", "国家广播电视总局"],
        ),
        ("（全国总工会、团中央、全国妇联按职责分工负责）", [], ["全国总工会", "团中央", "全国妇联"]),
        (
            "（市场监管总局、国家发展改革委牵头，各有关部门按职责分工负责）",
            ["市场监管总局", "国家发展改革委"],
            ["各有关部门"],
        ),
        ("（国务院办公厅牵头，各地区、各部门负责）", ["国务院办公厅"], ["各地区", "各部门"]),
        ("（商务部、海关总署按照职责分工负责；持续推进）", [], ["商务部", "海关总署"]),
        # the units answering are set apart from those taking part: they lead
        (
            "（国家卫生健康委、国家医保局负责，国家中医药局参与）",
            ["国家卫生健康委", "国家医保局"],
            ["国家中医药局"],
        ),
        ("（工业和信息化部、科技部按职责分工负责，各地区配合）", ["工业和信息化部", "科技部"], ["各地区"]),
        # 牵头 right before 会同 is the lead's verb; words of topic before 由 are no part of a name
        ("（发展改革委牵头会同财政部负责）", ["发展改革委"], ["财政部"]),
        ("（发展改革委牵头会同有关部门负责）", ["发展改革委"], ["有关部门"]),
        ("（商务部牵头，财政部会同税务总局配合）", ["商务部"], ["财政部", "税务总局"]),
        ("（发展改革委牵头，具体由国家能源局负责）", ["发展改革委"], ["国家能源局"]),
        ("（发展改革委牵头，日常工作由国家能源局负责）", ["发展改革委"], ["国家能源局"]),
        (
            "（商务部牵头，各自由贸易试验区所在地省级人民政府负责）",
            ["商务部"],
            ["各自由贸易试验区所在地省级人民政府"],
        ),
    ],
)
def test_state_council_parentheticals(clause, lead, co):
    assert units(measure(clause)) == [(lead, co), (["住房城乡建设部"], [])]


@pytest.mark.parametrize(
    ("clause", "lead", "co", "deadline"),
    [
        ("（市场监管总局负责，2019年底前完成）", ["市场监管总局"], [], "2019年底前完成"),
        ("（商务部牵头，海关总署参与，2020年6月底前完成）", ["商务部"], ["海关总署"], "2020年6月底前完成"),
        ("（工业和信息化部负责，持续推进）", ["工业和信息化部"], [], "持续推进"),
        ("（税务总局负责；2019年12月底前完成）", ["税务总局"], [], "2019年12月底前完成"),
        ("（教育部、财政部等按职责分工负责，2020年底前完成）", [], ["教育部", "财政部"], "2020年底前完成"),
        ("（各省级人民政府负责，长期坚持）", ["各省级人民政府"], [], "长期坚持"),
    ],
)
def test_a_deadline_inside_the_parenthetical_is_no_unit(clause, lead, co, deadline):
    task = parse_text(measure(clause)).tasks[0]
    assert (task.lead_units, task.co_units, task.deadline) == (lead, co, deadline)


def test_a_standing_rule_of_a_state_council_opinion():
    text = (
        f"{_OPINION}（一）推进甲。（发展改革委牵头，财政部参与，各地区负责落实。以下均需各地区落实，不再列出）\n"
        "（二）推进乙。（商务部负责）\n（三）推进丙。（科技部、教育部按职责分工负责）\n"
    )
    assert units(text) == [
        (["发展改革委"], ["财政部", "各地区"]),
        (["商务部"], ["各地区"]),
        ([], ["科技部", "教育部", "各地区"]),
    ]


@pytest.mark.parametrize(
    "rule",
    [
        "各项任务均需地方各级人民政府负责落实，以下不再列出。",
        "本意见各项任务均需地方各级人民政府负责落实，不再单独列出。",
    ],
)
def test_a_standing_rule_on_a_line_of_its_own_is_no_task(rule):
    """A standing rule under a heading names the units every later task gets; it is neither a task nor a
    unit named "各项任务均需地方各级人民政府"."""
    text = _OPINION.replace("二、重点任务\n", f"二、重点任务\n{rule}\n") + (
        "（一）完善甲制度。（生态环境部负责）\n（二）推进乙建设。（住房城乡建设部负责）\n"
    )
    assert units(text) == [(["生态环境部"], ["地方各级人民政府"]), (["住房城乡建设部"], ["地方各级人民政府"])]


def test_a_standing_rule_closing_a_parenthetical_with_yixia_bu_zai_lie_chu():
    text = (
        f"{_OPINION}（一）完善甲制度。（生态环境部负责；地方各级人民政府负责落实，以下不再列出）\n"
        "（二）推进乙建设。（住房城乡建设部负责）\n"
    )
    assert units(text) == [(["生态环境部"], ["地方各级人民政府"]), (["住房城乡建设部"], ["地方各级人民政府"])]


def test_guarantee_measures_without_assignment_stand_beside_assigned_ones():
    text = (
        f"{_OPINION}（一）深化甲改革。进一步放宽甲准入。（市场监管总局负责）\n三、保障措施\n"
        "（一）加强组织领导。各地区、各部门要高度重视。\n国务院\n2019年1月1日\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("（一）", ["市场监管总局"], []),
        ("（一）", [], []),
    ]
    assert [w.code for w in doc.warnings] == ["task-without-unit"]


# -- labels: orders, colons, fields on one line ----------------------------------------------------------


def test_labels_in_every_order_with_their_deadlines():
    text = (
        "某区工作任务分工\n1.推进甲工作。责任单位：区发改局；完成时限：2019年底\n"
        "2.推进乙工作。牵头单位：区财政局；配合单位：区审计局、区税务局；完成时限：2019年6月\n"
        "3.推进丙工作。完成时限：2019年9月；牵头单位：区交通局；配合单位：区公安局\n"
        "4.推进丁工作。责任单位：区城管局 牵头单位：区住建局\n"
    )
    doc = parse_text(text)
    assert [(t.lead_units, t.co_units, t.deadline) for t in doc.tasks] == [
        (["区发改局"], [], "2019年底"),
        (["区财政局"], ["区审计局", "区税务局"], "2019年6月"),
        (["区交通局"], ["区公安局"], "2019年9月"),
        (["区住建局"], ["区城管局"], None),
    ]


def test_labels_with_ascii_colons_inside_and_outside_brackets():
    text = (
        "某区工作任务分工\n1.推进甲工作。牵头单位:区发改局;配合单位:区财政局、区统计局\n"
        "2.推进乙工作。(牵头单位:区财政局,配合单位:区审计局)\n3.推进丙。（完成时限：2019年底；责任单位：区交通局）\n"
    )
    assert units(text) == [
        (["区发改局"], ["区财政局", "区统计局"]),
        (["区财政局"], ["区审计局"]),
        (["区交通局"], []),
    ]


def test_a_label_with_a_space_for_its_colon():
    text = (
        "某区方案\n1.推进甲。责任单位 区发改局、区财政局\n2.推进乙。牵头单位　区交通局　配合单位　区公安局\n"
    )
    doc = parse_text(text)
    assert units(text) == [([], ["区发改局", "区财政局"]), (["区交通局"], ["区公安局"])]
    assert doc.tasks[1].text == "推进乙。"


def test_a_label_word_in_prose_is_no_field():
    doc = parse_text("某区方案\n1.推进甲。各牵头单位 要加强协调。（责任单位：区发改局）\n")
    assert units("某区方案\n1.推进甲。各牵头单位 要加强协调。（责任单位：区发改局）\n") == [
        (["区发改局"], [])
    ]
    assert doc.tasks[0].text == "推进甲。各牵头单位 要加强协调。"


def test_leader_lead_co_and_deadline_fields_run_together_on_one_line():
    page = (
        "某区方案 1.推进甲。责任领导：张三 牵头单位：区发改局 配合单位：区财政局 完成时限：2019年底 "
        "2.推进乙。责任领导：李四 牵头单位：区交通局 配合单位：区公安局 完成时限：2019年6月"
    )
    doc = parse_text(page)
    assert [(t.number, t.lead_units, t.co_units, t.deadline) for t in doc.tasks] == [
        ("1", ["区发改局"], ["区财政局"], "2019年底"),
        ("2", ["区交通局"], ["区公安局"], "2019年6月"),
    ]
    assert [[leader.name for leader in t.leaders] for t in doc.tasks] == [["张三"], ["李四"]]


def test_fields_glued_without_separators_and_the_next_number_at_once():
    page = (
        "某区任务分工 1、推进甲工作。牵头单位：区发改局配合单位：区财政局、区统计局完成时限：2019年底"
        "2、推进乙工作。牵头单位：区财政局配合单位：区审计局完成时限：2019年6月3、推进丙工作。牵头单位：区交通局完成时限：持续推进"
    )
    doc = parse_text(page)
    assert [(t.number, t.lead_units, t.co_units, t.deadline) for t in doc.tasks] == [
        ("1", ["区发改局"], ["区财政局", "区统计局"], "2019年底"),
        ("2", ["区财政局"], ["区审计局"], "2019年6月"),
        ("3", ["区交通局"], [], "持续推进"),
    ]


# -- conventions stated late or on their own --------------------------------------------------------------


def test_a_convention_stated_after_the_lists():
    text = (
        "某区工作分工\n1.推进甲。（责任单位：区发改局、区财政局）\n2.推进乙。（责任单位：区交通局、区公安局、区城管局）\n"
        "3.推进丙。（责任单位：区教育局）\n说明：各项任务中列第一位者为牵头单位，其他为配合单位。\n"
    )
    assert units(text) == [
        (["区发改局"], ["区财政局"]),
        (["区交通局"], ["区公安局", "区城管局"]),
        (["区教育局"], []),
    ]


def test_a_bracket_of_bare_unit_names_after_a_sentence_under_a_convention():
    text = (
        "某区任务分工\n（列第一位的为牵头单位，下同）\n1.推进甲。（区发改局、区财政局）\n"
        "2.推进乙。（区交通局、区公安局、区城管局）\n3.鼓励企业参与（含民营企业）。（区工信局）\n"
    )
    doc = parse_text(text)
    assert units(text) == [
        (["区发改局"], ["区财政局"]),
        (["区交通局"], ["区公安局", "区城管局"]),
        (["区工信局"], []),
    ]
    assert doc.tasks[2].text == "鼓励企业参与（含民营企业）。"


# -- numbering styles and page furniture on one line -------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "numbers"),
    [
        (
            "某区方案 一、工作任务 1.推进甲。（责任单位：区发改局）2.推进乙。（责任单位：区财政局）"
            "3.推进丙。（责任单位：区交通局） 二、工作要求 各单位要高度重视。",
            ["1", "2", "3"],
        ),
        (
            "某区方案 一、工作任务 （一）推进甲。（责任单位：区发改局）（二）推进乙。（责任单位：区财政局）"
            "（三）推进丙。（责任单位：区交通局） 二、工作要求 各单位要高度重视。",
            ["（一）", "（二）", "（三）"],
        ),
        (
            "某区方案 现将任务明确如下： 一、推进甲。责任单位：区发改局。二、推进乙。责任单位：区财政局。"
            "三、推进丙。责任单位：区交通局。 某区管委会办公室 2019年5月6日",
            ["一", "二", "三"],
        ),
        (
            "某区方案 现将任务明确如下：1、推进甲。责任单位：区发改局 2、推进乙。责任单位：区财政局 "
            "3、推进丙。责任单位：区交通局 某区管委会办公室 2019年5月6日",
            ["1", "2", "3"],
        ),
    ],
)
def test_numbering_styles_on_one_line(page, numbers):
    doc = parse_text(page)
    assert [t.number for t in doc.tasks] == numbers
    assert [t.text for t in doc.tasks] == ["推进甲。", "推进乙。", "推进丙。"]
    assert units(page) == [(["区发改局"], []), (["区财政局"], []), (["区交通局"], [])]


def test_nested_numbering_down_to_circled_numbers():
    text = (
        "某区工作分工\n一、主要任务\n（一）推进甲 1.完善甲。（1）制定甲办法。（责任单位：区发改局）"
        "（2）修订甲规定。（责任单位：区司法局）\n2.推进乙。①制定乙办法（责任单位：区财政局）；②修订乙规定（责任单位：区审计局）。\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.lead_units) for t in doc.tasks] == [
        ("（1）", ["区发改局"]),
        ("（2）", ["区司法局"]),
        ("①", ["区财政局"]),
        ("②", ["区审计局"]),
    ]


def test_a_pingtan_page_with_its_furniture():
    page = (
        "当前位置：首页 > 政务公开 > 区管委会办公室文件 平潭综合实验区管委会办公室关于印发某方案的通知 "
        "各片区管理局，区直各单位： 现将方案印发给你们，请认真贯彻执行。 平潭综合实验区管委会办公室 2019年3月1日 "
        "某方案 一、工作任务 1．推进甲工作。加快推进甲。责任单位：区经发局、区财金局 2．推进乙工作。责任单位：区交建局 "
        "3．推进丙工作。牵头单位：区环土局；配合单位：各片区管理局 二、保障措施 加强组织领导。 "
        "来源：区管委会办公室 附件下载： 分享到： 微信 微博 QQ空间"
    )
    doc = parse_text(page)
    assert [(t.number, t.text) for t in doc.tasks] == [
        ("1", "推进甲工作。加快推进甲。"),
        ("2", "推进乙工作。"),
        ("3", "推进丙工作。"),
    ]
    assert units(page) == [
        ([], ["区经发局", "区财金局"]),
        (["区交建局"], []),
        (["区环土局"], ["各片区管理局"]),
    ]


def test_headings_that_read_like_tasks_and_tasks_without_assignment():
    text = (
        "某区工作分工\n一、加强组织领导\n1.成立工作领导小组。（责任单位：区政府办）\n二、推进重点工作\n"
        "2.推进甲。（责任单位：区发改局）\n3.加强乙建设。\n4.推进丙。（区交通局负责）\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.lead_units) for t in doc.tasks] == [
        ("1", ["区政府办"]),
        ("2", ["区发改局"]),
        ("3", []),
        ("4", ["区交通局"]),
    ]


# -- leads named in the prose -----------------------------------------------------------------------------


def test_a_lead_named_by_a_you_clause_inside_the_task():
    text = (
        "某区工作分工\n（一）加强组织领导。由区交建局牵头建立联席会议制度，定期研究解决问题。"
        "责任单位：区交建局、区公安局\n（二）推进乙。责任单位：区公安局\n"
    )
    doc = parse_text(text)
    assert units(text) == [(["区交建局"], ["区公安局"]), (["区公安局"], [])]
    assert doc.tasks[0].text == "加强组织领导。由区交建局牵头建立联席会议制度，定期研究解决问题。"


def test_a_chain_whose_co_units_follow_lead_without_a_comma_needs_its_verb():
    text = "某区工作分工\n1.推进甲。区经发局牵头区财金局配合\n2.建立制度。由区规划局牵头建立会商制度。\n"
    assert units(text) == [(["区经发局"], ["区财金局"]), (["区规划局"], [])]


def test_the_last_name_after_huitong_is_read_whole():
    text = (
        "一、关于甲问题。你省请求，国家支持甲。\n1.关于甲项目问题。发展改革委会同西部开发办研究提出了办理意见：同意支持。\n"
        "2.关于乙项目问题。发展改革委会同西部开发办、财政部、林业局等部门研究提出了办理意见：予以支持。\n"
    )
    assert units(text) == [
        (["发展改革委"], ["西部开发办"]),
        (["发展改革委"], ["西部开发办", "财政部", "林业局"]),
    ]


def test_a_chain_ends_before_the_next_measure_that_opens_with_its_verb():
    text = (
        "某区任务分解表\n一、产业转型\n推进甲产业发展。区经发局牵头，区财金局、市场监管局，区直有关单位"
        "实施新一轮技术改造行动。区经发局牵头，区财金局关闭养殖场。区环土局牵头，区农发局配合，相关乡镇落实\n"
    )
    doc = parse_text(text)
    assert [(t.text, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("推进甲产业发展。", ["区经发局"], ["区财金局", "市场监管局", "区直有关单位"]),
        ("实施新一轮技术改造行动。", ["区经发局"], ["区财金局"]),
        ("关闭养殖场。", ["区环土局"], ["区农发局", "相关乡镇"]),
    ]


def test_a_top_level_item_cut_by_a_page_gap_keeps_its_fields():
    page = (
        "某方案 一、支持甲。加强甲。牵头单位：平潭海关配合单位：区旅发委完成时限：2020年4月二、支持乙发展。"
        "规范和创新跨境电商“O2O” 试点模式，推动乙开展。牵头单位：区经发局配合单位：平潭海关完成时限：2019年底"
        "三、支持丙。牵头单位：平潭海关配合单位：区经发局完成时限：2019年底"
    )
    doc = parse_text(page)
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一", ["平潭海关"], ["区旅发委"]),
        ("二", ["区经发局"], ["平潭海关"]),
        ("三", ["平潭海关"], ["区经发局"]),
    ]
    assert doc.tasks[1].text == "支持乙发展。规范和创新跨境电商“O2O”试点模式，推动乙开展。"


def test_a_chinese_numeral_inside_a_point_opens_no_run():
    page = (
        "某方案 1.机构专题：一是合并机构。宣传要点：机构合并等。责任单位：区编办。时间要求：8月1日。"
        "二是打造简单政府。宣传要点：区县机构合一、片区机构设置变迁等。责任单位：区党群工作部。时间要求：8月2日。"
    )
    doc = parse_text(page)
    assert [(t.number, t.lead_units) for t in doc.tasks] == [("一", ["区编办"]), ("二", ["区党群工作部"])]


def test_the_signature_block_is_no_part_of_a_last_task_without_units():
    text = (
        "国务院关于促进某某产业发展的意见\n国发〔2019〕12号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、优化发展环境\n"
        "（一）完善市场准入。放宽准入限制。（发展改革委、商务部负责）\n"
        "（二）加强组织领导。各地区要抓好落实。\n国务院\n2019年3月1日\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.text, t.co_units) for t in doc.tasks] == [
        ("（一）", "完善市场准入。放宽准入限制。", ["发展改革委", "商务部"]),
        ("（二）", "加强组织领导。各地区要抓好落实。", []),
    ]


def test_stray_spaces_after_enumeration_commas_split_nothing():
    """ "区农发局、 区林业局": a space after 、 is a stray keystroke, on a one-line page as in a line of its own."""
    page = (
        "当前位置：首页 > 政务公开 微信 微博 QQ空间 各片区管理局，区直各单位： 一、整改甲问题。区环土局牵头，"
        "区农发局、 区林业局配合，相关乡镇落实 二、整改乙问题。区交建局牵头，区住建局、 区城管局配合"
        " 平潭综合实验区管委会办公室 2016年4月8日 来源：中国平潭 附件下载：\n"
    )
    assert units(page) == [
        (["区环土局"], ["区农发局", "区林业局", "相关乡镇"]),
        (["区交建局"], ["区住建局", "区城管局"]),
    ]
    notice = "某区任务分工\n1.推进甲工作。由区发改局牵头，会同区财政局、 区交建局制定方案。\n"
    assert units(notice) == [(["区发改局"], ["区财政局", "区交建局"])]


def test_a_space_after_a_labels_colon_on_a_one_line_page():
    """ "牵头单位： 区经发局": the gap after a field's colon is no paragraph gap; one before a task number is."""
    page = (
        "当前位置：首页 > 政务公开 微信 微博 QQ空间 各片区管理局，区直各单位： 一、支持平潭口岸建设。支持港区开放。"
        "牵头单位： 区经发局、区口岸办配合单位： 平潭海关实施单位： 区交通集团完成时限： 2019年8月完成。"
        "二、支持二桥监管项目建设。加强指导。牵头单位： 区口岸办配合单位： 平潭海关完成时限： 2019年11月。"
        " 平潭综合实验区管委会办公室 2019年4月8日 来源：中国平潭 附件下载：\n"
    )
    assert units(page) == [
        (["区经发局", "区口岸办"], ["平潭海关", "区交通集团"]),
        (["区口岸办"], ["平潭海关"]),
    ]


def test_names_printed_without_a_separator_are_split_with_a_warning():
    """ "区发改局区财政局": where one name ends like a body and the next starts like a local body's, the
    list is split and the parse says so on the line; "市政府各有关部门" and "市公安局大数据局" stay whole."""
    notice = (
        "某区任务分工\n1.推进甲工作。责任单位：区发改局区财政局区交建局\n"
        "2.推进乙工作。牵头单位：区住建局；配合单位：区城管局各乡镇人民政府\n"
        "3.推进丙工作。责任单位：市政府各有关部门、市公安局大数据局\n"
    )
    doc = parse_text(notice)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        ([], ["区发改局", "区财政局", "区交建局"]),
        (["区住建局"], ["区城管局", "各乡镇人民政府"]),
        ([], ["市政府各有关部门", "市公安局大数据局"]),
    ]
    split = [(w.line, w.message) for w in doc.warnings if w.code == "units-without-separator"]
    assert [line for line, _ in split] == [2, 3]
    assert "区发改局区财政局区交建局" in split[0][1]


# -- words that end like a body but name none ----------------------------------------------------------

_PLAN = """某区粮食应急预案
1　总则
为有效应对粮食突发事件，制定本预案。
2　组织体系和职责
2.1　成员单位职责
（1）区发展改革局：负责粮食市场价格监测，依法查处价格违法行为。
（2）区财政局：负责安排粮食应急所需资金。
3　奖励和处罚
3.1　有下列行为之一的，依照有关规定处理。
（1）不按照本预案规定和区应急指挥部要求采取应急措施的；
（2）拒不执行粮食应急指令的。
"""


def test_a_clause_opening_with_a_negation_is_no_unit() -> None:
    assert units(_PLAN) == [(["区发展改革局"], []), (["区财政局"], []), ([], []), ([], [])]


def test_a_short_page_on_one_line_is_read_and_a_role_word_is_no_unit() -> None:
    """A 平潭 page shorter than a long page, flattened onto one line, with no assignment label in it: its
    measures are found by their numbering; "牵头单位要…" and "各牵头单位要…" tell roles what to do, and
    name no unit."""
    page = (
        "某区重点产业链链长制工作方案 发布时间：2020-05-06 为推动产业链发展，制定本方案。一、工作任务 （一）强化统筹。"
        "区发展改革局要会同区财政金融局制定年度推进计划。（二）优化服务。区经发局要建立企业服务专员制度。二、工作要求 "
        "（一）强化责任。链长统筹推进本产业链重大事项。牵头单位要切实履行好主体责任，配合单位应积极主动落实工作任务。"
        "（二）强化实效。各牵头单位要以推动项目落地为目标，细化工作措施。"
    )
    tasks = parse_text(page).tasks
    assert [(t.number, t.lead_units, t.co_units) for t in tasks] == [
        ("（一）", ["区发展改革局"], ["区财政金融局"]),
        ("（二）", ["区经发局"], []),
        ("（一）", [], []),
        ("（二）", [], []),
    ]
