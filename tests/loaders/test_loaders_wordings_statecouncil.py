"""State Council and General Office wordings of the assignment parenthetical, notice by notice.

Every notice below is invented in the style of gov.cn documents (意见, 方案, 预案, 措施, 通知) rendered one
paragraph per line, and every expected value was written by hand from the notice beside it: each task's lead
units and co-units as printed. ``test_loaders_wordings_common.py`` tries single clauses inside one fixed opinion;
this file tries whole short notices, so that the headings, numbering and conventions around the clauses vary too.
"""

from __future__ import annotations

import pytest

from dutygraph.loaders import parse_text

_ADDRESS = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"


def opinion(title: str, body: str) -> str:
    """An opinion with its number and address above ``body``."""
    return (
        f"{title}\n国发〔2023〕7号\n{_ADDRESS}为做好有关工作，现提出以下意见。\n{body}国务院\n2023年5月6日\n"
    )


NOTICES = [
    pytest.param(
        opinion(
            "国务院办公厅关于促进某类消费的实施意见",
            "一、完善消费设施\n（一）改造提升商业街区。支持建设一批示范街区。（国家发展改革委、财政部按职责分工负责）\n"
            "（二）完善农村流通网络。（商务部、供销合作总社、国家邮政局按职责分工负责）\n"
            "二、优化消费环境\n（三）加强消费者权益保护。（市场监管总局负责）\n",
        ),
        [
            ([], ["国家发展改革委", "财政部"]),
            ([], ["商务部", "供销合作总社", "国家邮政局"]),
            (["市场监管总局"], []),
        ],
        id="shared-duty-without-lead",
    ),
    pytest.param(
        opinion(
            "国务院关于加快某某产业发展的意见",
            "一、重点任务\n（一）强化科技支撑。（科技部牵头，工业和信息化部、中国科学院等按职责分工负责）\n"
            "（二）壮大市场主体。（国务院国资委牵头，国家发展改革委、财政部、中国人民银行等按职责分工负责）\n"
            "（三）加强人才培养。（教育部、人力资源社会保障部负责）\n",
        ),
        [
            (["科技部"], ["工业和信息化部", "中国科学院"]),
            (["国务院国资委"], ["国家发展改革委", "财政部", "中国人民银行"]),
            ([], ["教育部", "人力资源社会保障部"]),
        ],
        id="lead-then-others-by-duty",
    ),
    pytest.param(
        opinion(
            "国务院关于完善某类金融服务的指导意见",
            "一、主要措施\n（一）加大信贷投放。（中国人民银行、国家金融监督管理总局会同有关部门负责）\n"
            "（二）便利跨境结算。（国家外汇局会同商务部负责）\n",
        ),
        [
            (["中国人民银行", "国家金融监督管理总局"], ["有关部门"]),
            (["国家外汇局"], ["商务部"]),
        ],
        id="two-leads-huitong-group",
    ),
    pytest.param(
        opinion(
            "国务院办公厅关于加强基层某某服务的意见",
            "一、工作任务\n（一）建设服务站点。每个街道至少建成一个站点。（各省级人民政府负责，民政部指导）\n"
            "（二）完善补贴政策。（民政部、财政部指导）\n（三）培育服务队伍。（民政部指导）\n",
        ),
        [
            (["各省级人民政府"], ["民政部"]),
            ([], ["民政部", "财政部"]),
            (["民政部"], []),
        ],
        id="provinces-responsible-ministry-guides",
    ),
    pytest.param(
        opinion(
            "国务院关于弘扬某某精神的意见",
            "一、主要任务\n（一）加强宣传引导。"
            "（中央宣传部、中央网信办、国家广播电视总局等按职责分工负责，地方各级人民政府负责落实）\n"
            "（二）营造良好氛围。（全国总工会、团中央、全国妇联按职责分工负责）\n",
        ),
        [
            ([], ["中央宣传部", "中央网信办", "国家广播电视总局", "地方各级人民政府"]),
            ([], ["全国总工会", "团中央", "全国妇联"]),
        ],
        id="propaganda-bodies-and-local-governments",
    ),
    pytest.param(
        opinion(
            "国务院关于推进某某基础设施建设的意见",
            "一、重点任务\n（一）谋划重大项目。（国家发展改革委牵头，有关部门和地方按职责分工负责）\n"
            "（二）保障建设用地。（自然资源部牵头，各有关部门和地方各级人民政府按职责分工负责）\n",
        ),
        [
            (["国家发展改革委"], ["有关部门", "地方"]),
            (["自然资源部"], ["各有关部门", "地方各级人民政府"]),
        ],
        id="lead-with-departments-and-localities",
    ),
    pytest.param(
        opinion(
            "国务院关于强化某某保护的意见",
            "一、加强保护\n（一）严格司法保护。（国家知识产权局负责，最高人民法院、最高人民检察院参与）\n"
            "（二）加强行政执法。（市场监管总局负责，公安部参与）\n",
        ),
        [
            (["国家知识产权局"], ["最高人民法院", "最高人民检察院"]),
            (["市场监管总局"], ["公安部"]),
        ],
        id="responsible-then-participating",
    ),
    pytest.param(
        opinion(
            "国务院关于深化某项制度改革的意见",
            "一、改革任务\n（一）完善甲制度。修订甲办法。（司法部负责）建立乙机制。（国家发展改革委牵头，财政部参与）\n"
            "（二）推进丙工作。（审计署负责）\n",
        ),
        # as in guobanfa128: under a heading-like number each parenthetical closes a task of its own
        [
            (["司法部"], []),
            (["国家发展改革委"], ["财政部"]),
            (["审计署"], []),
        ],
        id="several-parentheticals-in-one-measure",
    ),
    pytest.param(
        opinion(
            "国务院关于提升某某运输服务水平的意见",
            "一、主要任务\n（一）优化客运服务。(交通运输部负责)\n"
            "（二）加强安全管理。(公安部牵头，交通运输部、应急管理部参与)\n"
            "（三）推进多式联运。（国家铁路局、中国民航局按职责分工负责)\n",
        ),
        [
            (["交通运输部"], []),
            (["公安部"], ["交通运输部", "应急管理部"]),
            ([], ["国家铁路局", "中国民航局"]),
        ],
        id="ascii-brackets",
    ),
    pytest.param(
        opinion(
            "国务院办公厅关于推进某某医疗服务的意见",
            "一、重点任务\n（一）完善服务网络。"
            "（国家卫生健康委牵头，国家医保局参与，各省级人民政府负责落实。以下均需各省级人民政府落实，不再列出）\n"
            "（二）发展中医药服务。（国家中医药局负责）\n（三）加强疾病预防。（国家疾控局、国家卫生健康委按职责分工负责）\n",
        ),
        [
            (["国家卫生健康委"], ["国家医保局", "各省级人民政府"]),
            (["国家中医药局"], ["各省级人民政府"]),
            ([], ["国家疾控局", "国家卫生健康委", "各省级人民政府"]),
        ],
        id="standing-rule-for-provinces",
    ),
    pytest.param(
        "国务院关于加快某某制造业发展的意见\n国发〔2023〕8号\n" + _ADDRESS + "现提出以下意见。"
        "各项任务中列第一位者为牵头单位，其他单位按职责分工负责。\n一、重点任务\n"
        "（一）突破关键技术。（工业和信息化部、国家发展改革委、科技部按职责分工负责）\n"
        "（二）扩大对外合作。（商务部、海关总署负责）\n（三）推进数据应用。（国家数据局负责）\n国务院\n2023年6月1日\n",
        [
            (["工业和信息化部"], ["国家发展改革委", "科技部"]),
            (["商务部"], ["海关总署"]),
            (["国家数据局"], []),
        ],
        id="first-listed-convention-in-the-lead-in",
    ),
    pytest.param(
        opinion(
            "国务院关于推进某某数字化的意见",
            "二、重点任务\n（一）提升数据能力。\n1.建设数据平台。（国家数据局负责）\n"
            "2.完善数据标准。（市场监管总局、国家数据局按职责分工负责）\n（二）强化保障。\n"
            "3.加大资金支持。（财政部负责，2025年底前完成）\n",
        ),
        [
            (["国家数据局"], []),
            ([], ["市场监管总局", "国家数据局"]),
            (["财政部"], []),
        ],
        id="numbered-tasks-under-subsections",
    ),
    pytest.param(
        opinion(
            "国务院办公厅关于加强某某安全工作的意见",
            "一、主要任务\n（一）提升防范能力。\n（1）开展风险普查。（应急管理部负责）\n"
            "（2）完善监测预警。（应急管理部牵头，国家消防救援局、中国气象局参与）\n"
            "（3）加强矿山监管。（国家矿山安全监察局负责）\n",
        ),
        [
            (["应急管理部"], []),
            (["应急管理部"], ["国家消防救援局", "中国气象局"]),
            (["国家矿山安全监察局"], []),
        ],
        id="bracketed-arabic-numbers",
    ),
    pytest.param(
        opinion(
            "国务院关于规范某某市场秩序的意见",
            "一、主要任务\n（一）加强监管执法。①开展专项整治（市场监管总局牵头，公安部配合）；"
            "②建立失信名单制度（国家发展改革委、中国人民银行负责）。\n"
            "（二）畅通投诉渠道。（市场监管总局负责）\n",
        ),
        [
            (["市场监管总局"], ["公安部"]),
            ([], ["国家发展改革委", "中国人民银行"]),
            (["市场监管总局"], []),
        ],
        id="circled-numbers-in-a-measure",
    ),
    pytest.param(
        opinion(
            "国务院关于加强某某人才队伍建设的意见",
            "一、主要任务\n（一）加强干部培训。（中央组织部负责）\n"
            "（二）发挥群团作用。（团中央、全国总工会、全国妇联、中国残联负责）\n"
            "（三）加强司法保障。（最高人民法院、最高人民检察院按职责分工负责）\n",
        ),
        [
            (["中央组织部"], []),
            ([], ["团中央", "全国总工会", "全国妇联", "中国残联"]),
            ([], ["最高人民法院", "最高人民检察院"]),
        ],
        id="party-and-mass-bodies",
    ),
    pytest.param(
        opinion(
            "国务院关于推进某某交通强国建设的意见",
            "一、主要任务\n（一）完善路网布局。（中国国家铁路集团有限公司负责）\n"
            "（二）加强国防交通。（中央军委国防动员部牵头，交通运输部参与）\n"
            "（三）发展低空经济。（中国民用航空局、国家空中交通管理委员会办公室按职责分工负责）\n",
        ),
        [
            (["中国国家铁路集团有限公司"], []),
            (["中央军委国防动员部"], ["交通运输部"]),
            ([], ["中国民用航空局", "国家空中交通管理委员会办公室"]),
        ],
        id="names-outside-the-registry",
    ),
    pytest.param(
        opinion(
            "国务院关于完善某类税费政策的意见",
            "一、政策措施\n（一）落实减税政策。（财政部及税务总局负责）\n"
            "（二）稳定就业岗位。（人力资源社会保障部和教育部按职责分工负责）\n"
            "（三）支持绿色能源。（国家发展改革委及国家能源局会同生态环境部负责）\n",
        ),
        [
            ([], ["财政部", "税务总局"]),
            ([], ["人力资源社会保障部", "教育部"]),
            (["国家发展改革委", "国家能源局"], ["生态环境部"]),
        ],
        id="subjects-joined-by-ji-and-he",
    ),
    pytest.param(
        opinion(
            "国务院办公厅关于加强某某文化遗产保护的意见",
            "一、主要任务\n（一）打击文物犯罪。（公安部联合国家文物局负责）\n"
            "（二）推进活化利用。（文化和旅游部会同国家文物局等部门负责）\n",
        ),
        [
            (["公安部"], ["国家文物局"]),
            (["文化和旅游部"], ["国家文物局"]),
        ],
        id="lianhe-and-huitong",
    ),
    pytest.param(
        opinion(
            "国务院关于实施某某行动的意见",
            "一、主要任务\n（一）完成规划编制。（国家发展改革委负责，2025年底前完成）\n"
            "（二）加强生态修复。（生态环境部牵头，持续推进）\n"
            "（三）改造老旧小区。（自然资源部、住房城乡建设部按职责分工负责，2026年6月底前完成）\n",
        ),
        [
            (["国家发展改革委"], []),
            (["生态环境部"], []),
            ([], ["自然资源部", "住房城乡建设部"]),
        ],
        id="deadlines-inside-parentheticals",
    ),
    pytest.param(
        opinion(
            "国务院办公厅关于促进某某健康发展的意见",
            "一、主要任务\n（一）完善健康服务。（国家卫生健康委等部门负责）\n"
            "（二）推动全民健身。（教育部、体育总局等单位按职责负责）\n"
            "（三）保障水利设施。（农业农村部、水利部分别负责）\n"
            "（四）扩大进口。（商务部牵头，海关总署等单位配合）\n",
        ),
        [
            (["国家卫生健康委"], []),
            ([], ["教育部", "体育总局"]),
            ([], ["农业农村部", "水利部"]),
            (["商务部"], ["海关总署"]),
        ],
        id="tails-of-the-unit-lists",
    ),
    pytest.param(
        "国务院办公厅关于印发某某行动方案的通知\n国办发〔2022〕9号\n"
        + _ADDRESS
        + "《某某行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n国务院办公厅\n2022年3月1日\n"
        "某某行动方案\n一、总体要求\n到2025年，某某水平明显提升。\n二、重点任务\n"
        "（一）培育优质企业。（工业和信息化部牵头，国家发展改革委、科技部参与）\n"
        "（二）拓展国际市场。（商务部负责）\n",
        [
            (["工业和信息化部"], ["国家发展改革委", "科技部"]),
            (["商务部"], []),
        ],
        id="plan-printed-under-its-notice",
    ),
    pytest.param(
        "国务院关于支持某地区高质量发展的若干措施\n国发〔2021〕3号\n"
        + _ADDRESS
        + "一、支持产业升级。对符合条件的项目给予支持。（国家发展改革委、工业和信息化部按职责分工负责）\n"
        "二、加大财税支持。（财政部、税务总局负责）\n三、完善用地保障。（自然资源部负责）\n国务院\n2021年2月1日\n",
        [
            ([], ["国家发展改革委", "工业和信息化部"]),
            ([], ["财政部", "税务总局"]),
            (["自然资源部"], []),
        ],
        id="measures-numbered-at-the-top-level",
    ),
    pytest.param(
        opinion(
            "国务院关于推进某某城乡融合的意见",
            "一、主要任务\n（一）完善户籍制度。（公安部牵头，国家发展改革委、财政部参与；各省级人民政府负责落实）\n"
            "（二）推进公共服务均等化。（各省级人民政府负责）\n（三）加强农村建设。（地方各级人民政府负责）\n",
        ),
        [
            (["公安部"], ["国家发展改革委", "财政部", "各省级人民政府"]),
            (["各省级人民政府"], []),
            (["地方各级人民政府"], []),
        ],
        id="local-governments-after-a-semicolon",
    ),
    pytest.param(
        opinion(
            "国务院关于加强某某交通安全的意见",
            "一、主要任务\n（一）整治道路隐患。（交通运输部、公安部会同有关部门负责，持续推进）\n"
            "（二）加强驾驶人管理。（公安部负责）\n",
        ),
        [
            (["交通运输部", "公安部"], ["有关部门"]),
            (["公安部"], []),
        ],
        id="huitong-with-a-standing-deadline",
    ),
    pytest.param(
        opinion(
            "国务院关于加强某某知识产权运用的意见",
            "一、主要任务\n（一）加强海外维权。"
            "（国家知识产权局牵头，最高人民法院、公安部、海关总署等部门按职责分工负责）\n"
            "（二）促进成果转化。（科技部、教育部、国家知识产权局按职责分工负责，列第一位者为牵头单位）\n"
            "（三）完善评估体系。（财政部、国家知识产权局按职责分工负责）\n",
        ),
        [
            (["国家知识产权局"], ["最高人民法院", "公安部", "海关总署"]),
            (["科技部"], ["教育部", "国家知识产权局"]),
            (["财政部"], ["国家知识产权局"]),
        ],
        id="first-listed-convention-in-a-parenthetical",
    ),
    pytest.param(
        opinion(
            "国务院办公厅关于推进某某养老服务的意见",
            "一、主要任务\n（一）建设养老机构。"
            "（民政部牵头，国家发展改革委参与。以下各项均需地方各级人民政府负责落实，不再一一列出）\n"
            "（二）培养护理人员。（人力资源社会保障部负责）\n",
        ),
        [
            (["民政部"], ["国家发展改革委", "地方各级人民政府"]),
            (["人力资源社会保障部"], ["地方各级人民政府"]),
        ],
        id="standing-rule-worded-otherwise",
    ),
    pytest.param(
        "国务院办公厅关于做好某某工作的通知\n国办发明电〔2023〕2号\n"
        + _ADDRESS
        + "经国务院同意，现就有关事项通知如下：\n一、压实工作责任。各地区要抓好落实。（各省级人民政府负责）\n"
        "二、加强物资保障。（国家粮食和物资储备局、商务部按职责分工负责）\n"
        "三、强化督促检查。（国务院办公厅牵头，各有关部门配合）\n国务院办公厅\n2023年1月5日\n",
        [
            (["各省级人民政府"], []),
            ([], ["国家粮食和物资储备局", "商务部"]),
            (["国务院办公厅"], ["各有关部门"]),
        ],
        id="urgent-notice-numbered-at-the-top-level",
    ),
    pytest.param(
        opinion(
            "国务院关于推进某某文旅融合的意见",
            "一、主要任务\n（一）发展数字文旅。（工业和信息化部和文化和旅游部按职责分工负责）\n"
            "（二）保障文旅物资。（住房和城乡建设部牵头，国家粮食和物资储备局参与）\n",
        ),
        [
            ([], ["工业和信息化部", "文化和旅游部"]),
            (["住房和城乡建设部"], ["国家粮食和物资储备局"]),
        ],
        id="he-inside-names-and-between-them",
    ),
    pytest.param(
        opinion(
            "国务院关于加强某某社区服务的意见",
            "一、主要任务\n（一）完善社区设施。（民政部负责组织实施）\n"
            "（二）落实运营补贴。（各省级人民政府负责，国家发展改革委、财政部加强指导）\n"
            "（三）培育社区组织。（国家发展改革委牵头组织实施，有关部门参与）\n"
            "（四）规范服务标准。（市场监管总局负责指导，各省级人民政府负责具体实施）\n",
        ),
        [
            (["民政部"], []),
            (["各省级人民政府"], ["国家发展改革委", "财政部"]),
            (["国家发展改革委"], ["有关部门"]),
            (["市场监管总局"], ["各省级人民政府"]),
        ],
        id="role-verbs-with-their-objects",
    ),
    pytest.param(
        opinion(
            "国务院关于规范某某管理的意见",
            "一、主要任务\n（一）完善管理制度。建立管理清单。【国家发展改革委负责】\n"
            "（二）加强监督检查。落实国发〔2018〕38号文件要求。〔审计署牵头，财政部参与〕\n",
        ),
        [
            (["国家发展改革委"], []),
            (["审计署"], ["财政部"]),
        ],
        id="square-and-tortoise-shell-brackets",
    ),
    pytest.param(
        opinion(
            "国务院关于健全某某标准体系的意见",
            "一、主要任务\n（一）健全标准体系。（国家标准委牵头，工业和信息化部、住房和城乡建设部等部门按职责分工负责）\n"
            "（二）加大资金投入。（财政部负责，持续推进）\n",
        ),
        [
            (["国家标准委"], ["工业和信息化部", "住房和城乡建设部"]),
            (["财政部"], []),
        ],
        id="lead-then-departments-and-an-open-deadline",
    ),
]


def units(text: str) -> list[tuple[list[str], list[str]]]:
    return [(t.lead_units, t.co_units) for t in parse_text(text).tasks]


@pytest.mark.parametrize(("text", "expected"), NOTICES)
def test_a_state_council_notice_is_read_task_by_task(text, expected):
    assert units(text) == expected


def test_every_expected_unit_is_printed_in_its_notice():
    for param in NOTICES:
        text, expected = param.values
        for lead, co in expected:
            for unit in lead + co:
                assert unit in text, (param.id, unit)


_PLAN = (
    "国家某某突发事件应急预案\n1　总则\n1.1　编制目的\n为有效应对某某突发事件，制定本预案。\n"
    "2　组织体系\n2.1　成员单位职责\n（1）国家发展改革委负责协调应急物资储备和调运。\n"
    "（2）公安部负责维护事发地区社会治安秩序。\n"
    "（3）交通运输部会同国家铁路局、中国民航局负责应急运输保障。\n"
    "（4）国家卫生健康委及国家疾控局负责医疗救治和卫生防疫。\n3　预警\n加强监测预警。\n"
)


def test_member_duties_of_a_contingency_plan():
    assigned = [
        (t.number, t.lead_units, t.co_units) for t in parse_text(_PLAN).tasks if t.lead_units or t.co_units
    ]
    assert assigned == [
        ("（1）", ["国家发展改革委"], []),
        ("（2）", ["公安部"], []),
        ("（3）", ["交通运输部"], ["国家铁路局", "中国民航局"]),
        ("（4）", [], ["国家卫生健康委", "国家疾控局"]),
    ]


def test_the_headings_of_a_contingency_plan_are_no_task_text():
    tasks = parse_text(_PLAN).tasks
    assert [t.number for t in tasks] == ["（1）", "（2）", "（3）", "（4）"]
    assert tasks[-1].text == "国家卫生健康委及国家疾控局负责医疗救治和卫生防疫。"


def test_actors_named_inside_the_procedure_text_of_a_plan():
    plan = (
        "国家某某物资应急预案\n2　组织体系\n2.1　成员单位职责\n（1）应急管理部负责综合协调。\n"
        "（2）其他成员单位在指挥部的统一领导下，做好相关配合工作。\n4　应急处置\n"
        "4.2.1　根据指挥部的安排，国家粮食和物资储备局负责调运储备物资，确保及时到位。\n"
        "4.2.2　地方储备不能满足需要的，确需动用中央储备的，由有关省级人民政府提出申请，"
        "由国家发展改革委会同财政部提出动用方案，报国务院批准后实施。\n"
        "4.2.3　对应急期间发生的费用，由财政部会同有关部门及时清算。\n7　附则\n7.1　本预案由应急管理部负责解释。\n"
    )
    assigned = [
        (t.number, t.lead_units, t.co_units) for t in parse_text(plan).tasks if t.lead_units or t.co_units
    ]
    assert assigned == [
        ("（1）", ["应急管理部"], []),
        ("（2）", [], ["其他成员单位"]),
        ("4.2.1", ["国家粮食和物资储备局"], []),
        ("4.2.2", ["国家发展改革委"], ["财政部"]),
        ("4.2.3", ["财政部"], ["有关部门"]),
        ("7.1", ["应急管理部"], []),
    ]


def test_member_duties_with_a_colon_after_the_unit():
    plan = (
        "国家某某灾害应急预案\n2.3　成员单位职责\n（1）国家发展改革委：负责协调应急物资的储备和调运。\n"
        "（2）财政部、应急管理部：按职责分工负责资金保障。\n（3）民政部：负责受灾群众基本生活救助，会同有关部门做好捐赠工作。\n"
    )
    assert units(plan) == [
        (["国家发展改革委"], []),
        ([], ["财政部", "应急管理部"]),
        (["民政部"], ["有关部门"]),
    ]


def test_member_duties_with_an_ascii_colon_and_a_space():
    plan = (
        "国家某某灾害应急预案\n二、成员单位及职责\n应急管理部: 承担指挥部日常工作。\n"
        "公安部: 负责治安维护。\n交通运输部、国家铁路局: 做好应急运输保障。\n三、预警\n加强监测。\n"
    )
    assert units(plan) == [(["应急管理部"], []), (["公安部"], []), ([], ["交通运输部", "国家铁路局"])]


def test_numbered_members_run_together_in_one_paragraph():
    plan = (
        "国家某类应急预案\n2　组织指挥体系\n2.2　成员单位职责\n（1）应急管理部：承担指挥部日常工作。（2）公安部：负责治安维护；"
        "做好交通管制。（3）交通运输部、国家铁路局：做好应急运输保障。\n3　预警\n加强监测。\n"
    )
    assert [(t.number, t.text, t.lead_units, t.co_units) for t in parse_text(plan).tasks] == [
        ("（1）", "应急管理部：承担指挥部日常工作。", ["应急管理部"], []),
        ("（2）", "公安部：负责治安维护；做好交通管制。", ["公安部"], []),
        ("（3）", "交通运输部、国家铁路局：做好应急运输保障。", [], ["交通运输部", "国家铁路局"]),
    ]


def test_reply_letter_handlers_worded_otherwise():
    letter = (
        "国务院办公厅关于某省所提问题和建议办理情况的函\n某省人民政府：\n一、关于甲项目问题。你省请求支持甲项目。\n"
        "交通运输部会同国家发展改革委研究提出了办理意见：原则同意。\n二、关于乙问题。你省请求支持乙。\n"
        "国家发展改革委经商财政部提出了办理意见：积极支持。\n三、关于丙问题。你省请求支持丙。\n"
        "商务部提出了办理意见：予以支持。\n四、关于丁问题。你省请求支持丁。\n经商财政部，水利部提出了办理意见：积极支持。\n"
    )
    assert units(letter) == [
        (["交通运输部"], ["国家发展改革委"]),
        (["国家发展改革委"], ["财政部"]),
        (["商务部"], []),
        (["水利部"], []),
    ]


def test_reply_letter_handlers_who_give_their_opinion_below():
    letter = (
        "国务院办公厅关于某省所提问题和建议办理情况的函\n某省人民政府：\n一、关于甲问题。你省请求支持甲。\n"
        "经研究，水利部提出如下办理意见：原则同意。\n二、关于乙问题。你省请求支持乙。\n"
        "国家发展改革委会同财政部提出以下办理意见：积极支持。\n"
    )
    assert units(letter) == [(["水利部"], []), (["国家发展改革委"], ["财政部"])]


def test_unnumbered_member_duties_are_a_task_each():
    plan = (
        "国家某某事故应急预案\n2　组织指挥体系\n2.2　成员单位职责\n国家发展改革委：负责协调应急物资的储备和调运。\n"
        "公安部：负责维护事发地区社会治安秩序。\n交通运输部：会同国家铁路局负责组织运输保障。\n3　监测预警\n加强监测。\n"
    )
    assigned = [
        (t.text, t.lead_units, t.co_units) for t in parse_text(plan).tasks if t.lead_units or t.co_units
    ]
    assert assigned == [
        ("国家发展改革委：负责协调应急物资的储备和调运。", ["国家发展改革委"], []),
        ("公安部：负责维护事发地区社会治安秩序。", ["公安部"], []),
        ("交通运输部：会同国家铁路局负责组织运输保障。", ["交通运输部"], ["国家铁路局"]),
    ]


def test_a_table_kept_with_tabs_between_its_cells():
    """A General Office plan whose attachment is a table copied out of Word: one row per line, a tab
    between cells, under a header that names the columns."""
    plan = (
        "国务院办公厅关于印发某项改革重点工作任务的通知\n国办发〔2023〕9号\n"
        "一、深化改革\n1.推进某项改革试点。（国家卫生健康委负责）\n"
        "附件\n重点工作任务分工表\n序号\t工作任务\t牵头单位\t参与单位\t完成时限\n"
        "1\t制定绩效评价指导意见\t国家卫生健康委\t财政部、人力资源社会保障部\t2023年9月底前\n"
        "2\t出台签约服务指导意见\t国家医保局\t\t2023年6月底前\n"
        "3\t开展监测评估\t国家疾控局\t国家卫生健康委\t持续推进\n"
    )
    tasks = parse_text(plan).tasks
    assert [(t.text, t.lead_units, t.co_units, t.deadline) for t in tasks[1:]] == [
        ("制定绩效评价指导意见", ["国家卫生健康委"], ["财政部", "人力资源社会保障部"], "2023年9月底前"),
        ("出台签约服务指导意见", ["国家医保局"], [], "2023年6月底前"),
        ("开展监测评估", ["国家疾控局"], ["国家卫生健康委"], "持续推进"),
    ]


def test_a_tab_after_a_heading_number_makes_no_table():
    """ "一、<tab>总体要求" is a heading indented by a tab, not a row of two cells."""
    notice = (
        "某某工作方案\n一、\t总体要求\n（一）\t完善机制。（民政部负责）\n（二）\t加强保障。（财政部负责）\n"
    )
    assert units(notice) == [(["民政部"], []), (["财政部"], [])]


def test_a_table_printed_row_by_row_with_spaces_between_cells():
    """A web page's table rendered one row per line, a space between cells; an empty 配合单位 cell
    leaves the deadline in its own column, and a section row stands between two rows."""
    table = (
        "某某工作任务分工表\n序号 工作任务 牵头单位 配合单位 完成时限\n"
        "1 制定绩效评价指导意见 国家卫生健康委 财政部、人力资源社会保障部 2023年9月底前\n"
        "2 出台签约服务指导意见 国家医保局 2023年6月底前\n二、保障措施\n"
        "3 开展监测评估 国家疾控局 国家卫生健康委 持续推进\n"
    )
    tasks = parse_text(table).tasks
    assert [(t.number, t.text, t.lead_units, t.co_units, t.deadline) for t in tasks] == [
        ("1", "制定绩效评价指导意见", ["国家卫生健康委"], ["财政部", "人力资源社会保障部"], "2023年9月底前"),
        ("2", "出台签约服务指导意见", ["国家医保局"], [], "2023年6月底前"),
        ("3", "开展监测评估", ["国家疾控局"], ["国家卫生健康委"], "持续推进"),
    ]
    assert tasks[2].section == "二、保障措施"


def test_a_table_one_cell_a_line_with_section_rows():
    """A gov.cn table whose cells each hold a paragraph, so each cell is a line: a section row ("一、完善制度")
    between the header and the rows, or between two rows, heads the rows below it."""
    table = (
        "某项改革重点任务分工\n序号\n重点任务\n牵头单位\n参与单位\n完成时限\n一、完善制度\n1\n制定绩效评价指导意见\n"
        "国家卫生健康委\n财政部\n2020年9月底前\n二、加强保障\n2\n出台签约服务指导意见\n国家医保局\n国家卫生健康委\n"
        "2020年6月底前\n"
    )
    tasks = parse_text(table).tasks
    assert [(t.number, t.text, t.lead_units, t.co_units, t.section) for t in tasks] == [
        ("1", "制定绩效评价指导意见", ["国家卫生健康委"], ["财政部"], "一、完善制度"),
        ("2", "出台签约服务指导意见", ["国家医保局"], ["国家卫生健康委"], "二、加强保障"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        ("序号", "主要任务", "牵头单位", "参加单位", "完成时间"),
        ("序号", "任务", "负责单位", "协同单位", "时限要求"),
        ("序号", "工作任务", "第一责任单位", "支持单位", "完成节点"),
        ("序号", "工作任务", "牵头科室", "配合科室", "推进时限"),
    ],
)
def test_a_table_one_cell_a_line_under_other_column_names(header):
    table = (
        "某项改革重点任务分工\n"
        + "\n".join(header)
        + (
            "\n1\n制定绩效评价指导意见\n国家卫生健康委\n财政部、人力资源社会保障部\n2020年9月底前\n"
            "2\n出台签约服务指导意见\n国家医保局\n国家卫生健康委\n2020年6月底前\n"
        )
    )
    assert units(table) == [
        (["国家卫生健康委"], ["财政部", "人力资源社会保障部"]),
        (["国家医保局"], ["国家卫生健康委"]),
    ]


_ROWS = [
    ("制定绩效评价指导意见", "国家卫生健康委", "财政部、人力资源社会保障部", "2020年9月底前"),
    ("出台签约服务指导意见", "国家医保局", "", "持续推进"),
    ("开展监测评估", "国家疾控局", "国家卫生健康委", "2021年6月"),
]


def _table_a_row_a_line(join: str, number: str) -> str:
    """The three rows above under a header, one a line, cells joined by ``join``, numbered "1" + ``number``,
    with a section row before the third."""
    lines = [join.join(("序号", "重点任务", "牵头单位", "参与单位", "完成时限"))]
    for k, row in enumerate(_ROWS, 1):
        if k == 3:
            lines.append("二、加强保障")
        lines.append(join.join(c for c in (f"{k}{number}", *row) if c or join == "\t"))
    return "某项改革重点任务分工\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("join", "number"),
    [(" ", "、"), (" ", "."), ("", "、"), ("", "."), ("", ""), ("\t", ""), ("\t", "、")],
    ids=["spaced-dun", "spaced-dot", "glued-dun", "glued-dot", "glued-bare", "tabs-bare", "tabs-dun"],
)
def test_a_table_a_row_a_line_numbered_with_marks_and_a_section_row(join, number):
    tasks = parse_text(_table_a_row_a_line(join, number)).tasks
    assert [(t.number, t.lead_units, t.co_units, t.section) for t in tasks] == [
        ("1", ["国家卫生健康委"], ["财政部", "人力资源社会保障部"], None),
        ("2", ["国家医保局"], [], None),
        ("3", ["国家疾控局"], ["国家卫生健康委"], "二、加强保障"),
    ]


@pytest.mark.parametrize("between", [" ", "\t", ""], ids=["spaces", "tabs", "run-together"])
@pytest.mark.parametrize(
    ("sections", "mark"),
    [(("一、完善制度", "二、加强保障"), ""), (("（一）完善制度", "（二）加强保障"), ".")],
)
def test_a_table_one_row_a_line_with_section_rows(between, sections, mark):
    """The same table with each row on one line, its cells apart by spaces, by tabs or by nothing, its
    rows numbered "1" or "1.": the section rows ("一、完善制度", "（一）完善制度", printed without the cell
    separators) head the rows below them and never end the table (such notices were refused)."""
    rows = [
        ["序号", "重点任务", "牵头单位", "参与单位", "完成时限"],
        [sections[0]],
        [f"1{mark}", "制定绩效评价指导意见", "国家卫生健康委", "财政部", "2020年9月底前"],
        [sections[1]],
        [f"2{mark}", "出台签约服务指导意见", "国家医保局", "国家卫生健康委", "2020年6月底前"],
    ]
    table = "某项改革重点任务分工\n" + "".join(between.join(row) + "\n" for row in rows)
    tasks = parse_text(table).tasks
    assert [(t.number, t.text, t.lead_units, t.co_units, t.deadline, t.section) for t in tasks] == [
        ("1", "制定绩效评价指导意见", ["国家卫生健康委"], ["财政部"], "2020年9月底前", sections[0]),
        ("2", "出台签约服务指导意见", ["国家医保局"], ["国家卫生健康委"], "2020年6月底前", sections[1]),
    ]


@pytest.mark.parametrize("between", [" ", "\t", ""], ids=["spaces", "tabs", "run-together"])
@pytest.mark.parametrize("below", [["牵头单位", "参与单位"], ["牵头", "配合"]], ids=["names", "roles"])
def test_a_table_whose_unit_columns_stand_under_one_header_cell(between, below):
    """The header cell 责任单位 spanning 牵头单位 and 参与单位 (or just 牵头 and 配合), printed as a second
    header row: each row's two unit cells are its lead and co-units (the second row was read as a task,
    or the table not at all)."""
    rows = [
        ["序号", "重点任务", "责任单位", "完成时限"],
        below,
        ["1", "制定绩效评价指导意见", "国家卫生健康委", "财政部", "2020年9月底前"],
        ["2", "出台签约服务指导意见", "国家医保局", "国家卫生健康委", "2020年6月底前"],
    ]
    table = "某项改革重点任务分工\n" + "".join(between.join(row) + "\n" for row in rows)
    tasks = parse_text(table).tasks
    assert [(t.number, t.lead_units, t.co_units, t.deadline) for t in tasks] == [
        ("1", ["国家卫生健康委"], ["财政部"], "2020年9月底前"),
        ("2", ["国家医保局"], ["国家卫生健康委"], "2020年6月底前"),
    ]
