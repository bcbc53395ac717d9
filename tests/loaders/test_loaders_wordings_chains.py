"""Run-in role chains ("…，X牵头，Y、Z配合。") whose unit names hold an ending inside them.

A name such as 市粮油集团公司, 市政府办公室 or 市公安局交警支队 ends like a body part-way through (集团, 政府,
局). Read lazily, the chain stopped there: the co-unit became 市粮油集团 and the rest of the list ("公司、市财政局
配合") stayed in the task's text. The co-units of a chain run to their verb, a tail (等部门, 按职责分工负责) or
the end of the clause. The notices are invented; every expected value is written by hand from them.
"""

from __future__ import annotations

import pytest

from dutygraph.loaders import parse_text

_NOTICE = "某市粮食安全工作任务分工方案\n一、工作任务\n1.{clause}\n2.加强粮食质量监测。（市市场监管局负责）\n"


@pytest.mark.parametrize(
    ("clause", "lead", "co", "text"),
    [
        (
            "做好储备粮轮换工作，市粮食局牵头，市粮油集团公司、市财政局配合。",
            ["市粮食局"],
            ["市粮油集团公司", "市财政局"],
            "做好储备粮轮换工作。",
        ),
        (
            "做好储备粮轮换工作，由市政府办公室牵头，市粮油集团公司配合。",
            ["市政府办公室"],
            ["市粮油集团公司"],
            "做好储备粮轮换工作，由市政府办公室牵头，市粮油集团公司配合。",
        ),
        (
            "做好储备粮轮换工作，由市粮油集团公司牵头，市政府办公室配合。",
            ["市粮油集团公司"],
            ["市政府办公室"],
            "做好储备粮轮换工作，由市粮油集团公司牵头，市政府办公室配合。",
        ),
        (
            "保障粮食运输通道畅通，由市国网电力有限公司牵头，市公安局交警支队配合。",
            ["市国网电力有限公司"],
            ["市公安局交警支队"],
            "保障粮食运输通道畅通，由市国网电力有限公司牵头，市公安局交警支队配合。",
        ),
        (
            "做好储备粮轮换工作，市粮食局牵头，市粮油集团公司、市财政局按职责分工负责。",
            ["市粮食局"],
            ["市粮油集团公司", "市财政局"],
            "做好储备粮轮换工作。",
        ),
        (
            "做好储备粮轮换工作，市粮食局牵头，市粮油集团公司、市财政局等部门参与。",
            ["市粮食局"],
            ["市粮油集团公司", "市财政局"],
            "做好储备粮轮换工作。",
        ),
        ("做好储备粮轮换工作，市粮食局牵头负责。", ["市粮食局"], [], "做好储备粮轮换工作。"),
    ],
    ids=["co-list", "you-lead-office", "you-lead-group", "inner-ju", "duty-tail", "deng-tail", "lead-only"],
)
def test_a_chains_co_units_run_to_their_verb(clause: str, lead: list[str], co: list[str], text: str) -> None:
    first, second = parse_text(_NOTICE.format(clause=clause)).tasks
    assert (first.lead_units, first.co_units, first.text) == (lead, co, text)
    assert (second.lead_units, second.co_units) == (["市市场监管局"], [])


@pytest.mark.parametrize(
    ("sentence", "lead", "co"),
    [
        (
            "区直其他有关部门配合区规划工作委员会对划定的保护地界线进行确认。",
            ["区规划工作委员会"],
            ["区直其他有关部门"],
        ),
        ("区直其他有关部门配合市政府办公室做好界线确认。", ["市政府办公室"], ["区直其他有关部门"]),
        ("区直其他有关部门配合市政府办做好界线确认。", ["市政府办"], ["区直其他有关部门"]),
        (
            "区直其他有关部门配合市粮油集团有限公司做好储备粮轮换。",
            ["市粮油集团有限公司"],
            ["区直其他有关部门"],
        ),
    ],
    ids=["weiyuanhui", "zhengfu-bangongshi", "zhengfu-ban", "jituan-youxian-gongsi"],
)
def test_a_unit_after_peihe_keeps_the_ending_its_name_grows_into(
    sentence: str, lead: list[str], co: list[str]
) -> None:
    """ "X配合Y做好…": Y runs to the end of its name (委 → 委员会, 政府 → 政府办公室, 集团 → 集团有限公司)."""
    notice = f"某区生态红线规划调整工作分工方案\n一、由区规划局牵头，建立联席会议制度。\n二、{sentence}\n"
    second = parse_text(notice).tasks[1]
    assert (second.lead_units, second.co_units) == (lead, co)


def test_xiezhu_reads_as_peihe_does() -> None:
    """协助 is 配合's twin: in a standing rule, before the unit it assists, and in "做好相关协助工作"."""
    notice = (
        "某区粮食应急工作任务分工\n一、工作任务\n"
        "1.做好储备粮轮换工作（区粮食局负责，各乡镇协助。以下均需各乡镇协助，不再列出）。\n"
        "2.加强粮食质量监测（区市场监管局负责）。\n"
        "3.区直有关部门协助区粮食局做好应急保障。\n"
        "4.区公安局做好相关协助工作。\n"
        "5.做好粮食应急预案的修订（区应急局负责，区粮食局负责协助落实）。\n"
    )
    assert [(t.lead_units, t.co_units) for t in parse_text(notice).tasks] == [
        (["区粮食局"], ["各乡镇"]),
        (["区市场监管局"], ["各乡镇"]),
        (["区粮食局"], ["区直有关部门", "各乡镇"]),
        ([], ["区公安局", "各乡镇"]),
        (["区应急局"], ["区粮食局", "各乡镇"]),
    ]


@pytest.mark.parametrize("column", ["主要承办单位", "主要落实单位", "主要责任部门"])
def test_a_run_together_header_may_name_its_unit_column_after_zhuyao(column: str) -> None:
    """ "主要" before any unit column's name (主要承办单位 as well as 主要责任单位) heads a run-together table."""
    page = (
        f"2016年工作要点及分工表 序号主要工作任务具体工作措施完成时限{column}任务来源"
        "1推进生态文明建设1、建立生态文明建设领导机制，成立领导小组3月区经发局区环土局1、全区工作要点 "
        "2、制定生态环境保护实施方案，并报领导小组办公室6月区环土局"
        f" 注：{column}第一个为牵头单位，其余为主要配合单位。" + " 某区管委会办公室 2016年3月30日印发" * 20
    )
    got = [(t.number, t.deadline, t.lead_units, t.co_units) for t in parse_text(page).tasks]
    assert got == [("1", "3月", ["区经发局"], ["区环土局"]), ("2", "6月", ["区环土局"], [])]


def test_the_next_task_on_the_line_of_the_units_before_it_is_a_task_of_its_own() -> None:
    """A page whose line breaks were kept only in places: "责任单位：A，B 2.推进…" holds the units of one task and
    the start of the next (and "… （二）…" the next heading); no unit name holds a space before a number."""
    notice = (
        "某区知识产权保护工作实施方案\n二、重点任务\n（一）确立严保护政策导向\n1.加大侵权假冒行为惩戒力度。\n"
        "加大行政处罚力度。\n"
        "责任单位：区市场监管局，区法院，平潭海关 2.加大知识产权刑事司法保护力度。\n"
        "依法严厉打击侵犯知识产权犯罪。\n"
        "责任单位：区公安局，区法院、检察院 （二）构建大保护工作格局 3.加大社会监督力度。\n"
        "责任单位：区市场监管局\n"
    )
    tasks = parse_text(notice).tasks
    assert [(t.number, t.lead_units, t.co_units) for t in tasks] == [
        ("1", [], ["区市场监管局", "区法院", "平潭海关"]),
        ("2", [], ["区公安局", "区法院", "检察院"]),
        ("3", ["区市场监管局"], []),
    ]
    assert tasks[2].subsection == "（二）构建大保护工作格局"
