"""State Council 部门分工 documents and work plans, one paragraph a line as gov.cn renders them (2004–2019).

The notices are invented in the wordings of the 重点工作部门分工 opinions on a 政府工作报告 (numbered tasks under
"一、" and "（一）" headings, each closed by "（发展改革委牵头，财政部、人民银行等按职责分工负责）"), of the 立法工作计划
("某某条例（司法部起草）"), of work notices that name the State Council leader in charge ("（张高丽同志负责，…）"),
and of the bodies of their years (国家工商总局, 银监会, 国务院法制办). Each expected value was written by hand
from the notice beside it.
"""

from __future__ import annotations

import pytest
from test_loaders_wordings_invented import gov_cn, units
from wording_cases import unprinted

from dutygraph.loaders import parse_text
from dutygraph.loaders.records import Leader


def state_council(title: str, number: str, body: str) -> str:
    """A 国务院 document of 2016, one paragraph a line, with ``body`` below its address."""
    return (
        f"{title}\n{number}\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n{body}"
        "国务院\n2016年3月20日\n（此件公开发布）\n"
    )


NOTICES = [
    pytest.param(
        state_council(
            "国务院关于落实《政府工作报告》重点工作部门分工的意见",
            "国发〔2016〕20号",
            "为确保完成全年目标任务，现就《政府工作报告》确定的重点工作提出部门分工意见如下：\n"
            "一、2016年发展主要预期目标\n"
            "国内生产总值增长6.5%—7%，居民消费价格涨幅3%左右。（发展改革委牵头，国务院各有关部门按职责分工负责）\n"
            "二、重点工作\n（一）保持经济运行在合理区间。\n"
            "1.积极的财政政策要加大力度。今年赤字率提高到3%。（财政部牵头，发展改革委、人民银行等按职责分工负责）\n"
            "2.稳健的货币政策要灵活适度。（人民银行负责，发展改革委、财政部、银监会参与）\n"
            "3.深化投融资体制改革。（发展改革委会同财政部、人民银行负责）\n（二）加强供给侧结构性改革。\n"
            "4.推动钢铁、煤炭行业化解过剩产能。（发展改革委、工业和信息化部牵头，财政部、人力资源社会保障部、"
            "国土资源部等部门和地方各级人民政府负责）\n"
            "5.降低实体经济企业成本。（发展改革委、财政部牵头，工业和信息化部等按职责分工负责，年底前完成）\n",
        ),
        [
            (["发展改革委"], ["国务院各有关部门"]),
            (["财政部"], ["发展改革委", "人民银行"]),
            (["人民银行"], ["发展改革委", "财政部", "银监会"]),
            (["发展改革委"], ["财政部", "人民银行"]),
            (
                ["发展改革委", "工业和信息化部"],
                ["财政部", "人力资源社会保障部", "国土资源部", "地方各级人民政府"],
            ),
            (["发展改革委", "财政部"], ["工业和信息化部"]),
        ],
        id="work-report-fengong-targets-then-numbered-tasks",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于加强某类基层服务的意见",
            "国办发〔2017〕5号",
            "一、主要任务\n（一）完善服务机制。（民政部负责，各省级人民政府落实）\n（二）推进服务试点。（教育部指导，各地区负责）\n"
            "（三）加强舆论宣传。（中央宣传部、中央网信办、国家广电总局负责）\n"
            "（四）做好后勤保障。（国务院国资委、国家发展改革委，中央军委后勤保障部等负责）\n",
        ),
        [
            (["民政部"], ["各省级人民政府"]),
            (["教育部"], ["各地区"]),
            ([], ["中央宣传部", "中央网信办", "国家广电总局"]),
            ([], ["国务院国资委", "国家发展改革委", "中央军委后勤保障部"]),
        ],
        id="provinces-implement-party-and-military-bodies",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于印发国务院2015年立法工作计划的通知",
            "国办发〔2015〕28号",
            "一、全面深化改革急需的项目\n（一）提请全国人大常委会审议的法律草案\n1.某某法修订草案（财政部起草）\n"
            "2.某某法草案（商务部、司法部起草）\n（二）制定、修订的行政法规\n3.某某条例（国务院法制办组织起草）\n"
            "4.某某条例修订（国家发展改革委、国家能源局起草）\n5.某某办法（国土资源部牵头起草，住房城乡建设部参与）\n",
        ),
        [
            (["财政部"], []),
            ([], ["商务部", "司法部"]),
            (["国务院法制办"], []),
            ([], ["国家发展改革委", "国家能源局"]),
            (["国土资源部"], ["住房城乡建设部"]),
        ],
        id="legislative-plan-drafting-bodies",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于完善某类市场规则的意见",
            "国办发〔2014〕24号",
            "一、重点任务\n（一）制定市场准入规则。（商务部会同有关部门研究制定）\n"
            "（二）完善税收政策。（财政部会同税务总局等部门研究提出）\n（三）清理地方保护规定。（发展改革委牵头研究）\n"
            "（四）开展专项督查。（地方各级人民政府负责，国家发展改革委、财政部加强督促检查）\n",
        ),
        [
            (["商务部"], ["有关部门"]),
            (["财政部"], ["税务总局"]),
            (["发展改革委"], []),
            (["地方各级人民政府"], ["国家发展改革委", "财政部"]),
        ],
        id="huitong-then-a-study-verb-and-jiaqiang-before-a-verb",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于做好某项年度工作的通知",
            "国办发〔2014〕22号",
            "一、重点工作\n（一）推进甲项改革。（发展改革委牵头，财政部、商务部参加）\n"
            "（二）整治乙类问题。（公安部牵头，各有关部门按职责分工配合）\n"
            "（三）保护丙类资源。（国家林业局负责，国家发展改革委、财政部等部门配合）\n"
            "（四）规范丁类市场。（国家工商总局、国家质检总局负责）\n（五）防范金融风险。（银监会、证监会、保监会按职责分工负责）\n"
            "（六）做好政策解读。（国务院法制办、国务院研究室参与，国务院办公厅牵头）\n",
        ),
        [
            (["发展改革委"], ["财政部", "商务部"]),
            (["公安部"], ["各有关部门"]),
            (["国家林业局"], ["国家发展改革委", "财政部"]),
            ([], ["国家工商总局", "国家质检总局"]),
            ([], ["银监会", "证监会", "保监会"]),
            (["国务院办公厅"], ["国务院法制办", "国务院研究室"]),
        ],
        id="canjia-and-the-bodies-of-2005-to-2017",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于印发某项改革实施方案的通知",
            "国办发〔2019〕29号",
            "现将《某项改革实施方案》印发给你们，请认真贯彻执行。\n附件：重点任务分工及进度安排表\n",
        ).replace("（此件公开发布）\n", "（此件公开发布）\n附件\n重点任务分工及进度安排表\n")
        + "序号\t重点任务\t责任单位\t时间进度\n1\t制定甲办法\t国家发展改革委牵头，财政部参与\t2019年底前\n"
        "2\t开展乙试点\t商务部、海关总署按职责分工负责\t2020年6月\n",
        [(["国家发展改革委"], ["财政部"]), ([], ["商务部", "海关总署"])],
        id="attachment-table-whose-unit-cell-is-a-chain",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTICES)
def test_a_fengong_notice_is_read_task_by_task(text, expected):
    assert units(text) == expected


def test_the_expected_units_are_printed_in_their_notices():
    assert unprinted(NOTICES) == []


def test_the_state_council_leader_in_charge_is_the_tasks_leader():
    """A name before 同志 ("（张高丽同志负责，…）") is the leader in charge, never a co-unit — also when the
    bracket names only the leader and closes a top-level paragraph (which was read as a heading)."""
    doc = parse_text(
        state_council(
            "国务院关于做好某项重点工作的通知",
            "国发〔2016〕21号",
            "一、加强组织领导。（李克强同志负责）\n二、推进甲项改革。（张高丽同志负责，发展改革委牵头，财政部参与）\n"
            "三、抓好乙项落实。（汪洋同志负责，农业部牵头）\n",
        )
    )
    assert [(t.number, t.leaders, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一", [Leader("李克强", None)], [], []),
        ("二", [Leader("张高丽", None)], ["发展改革委"], ["财政部"]),
        ("三", [Leader("汪洋", None)], ["农业部"], []),
    ]
