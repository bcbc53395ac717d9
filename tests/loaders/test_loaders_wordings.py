"""How real notices word assignments: one test per class, on short notices written for the test.

The classes are the ones real documents use (see ``real/SOURCES.md``); the notices here are invented, and
every expected value is written by hand from the notice in the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.errors import DutygraphError
from dutygraph.loaders import Leader, parse_text


def units(text: str) -> list[tuple[list[str], list[str]]]:
    return [(t.lead_units, t.co_units) for t in parse_text(text).tasks]


# -- 1. the whole page on one line -----------------------------------------------------------------------


def test_a_page_on_one_line_is_cut_at_its_task_numbers():
    page = (
        "某区管委会办公室关于印发工作任务分工的通知 各有关单位：现将任务分工如下：1、做好甲工作。"
        "（牵头单位：规划科，配合单位：各所）2、推进乙工作。（牵头单位：财政科，配合单位：审计科）"
        "3、完成丙工作。（牵头单位：建设科） 某区管委会办公室 2023年5月6日印发"
    )
    doc = parse_text(page)
    assert [(t.number, t.text) for t in doc.tasks] == [
        ("1", "做好甲工作。"),
        ("2", "推进乙工作。"),
        ("3", "完成丙工作。"),
    ]
    assert units(page) == [(["规划科"], ["各所"]), (["财政科"], ["审计科"]), (["建设科"], [])]


def test_one_line_with_chinese_numbered_sections_and_run_on_numbers():
    page = (
        "一、加强制度建设 （一）完善规则。1.制定甲办法。（责任单位：区发改局）2.修订乙规定。"
        "（责任单位：区司法局、区财政局）（二）强化执行。3.开展丙检查。（责任单位：区市场监管局）"
    )
    doc = parse_text(page)
    assert [t.number for t in doc.tasks] == ["1", "2", "3"]
    assert [t.subsection for t in doc.tasks] == ["（一）完善规则。", "（一）完善规则。", "（二）强化执行。"]
    # several units and no lead named: no lead, all co-units
    assert units(page) == [(["区发改局"], []), ([], ["区司法局", "区财政局"]), (["区市场监管局"], [])]


def test_an_item_number_right_after_a_unit_name_starts_the_next_task():
    page = (
        "（一）推进交通。1.推进甲。具体措施略。责任单位：区交建局、区公安局2.鼓励乙。具体措施略。责任单位：区发改局"
        "（二）完善管理。3.完善丙。具体措施略。责任单位：区财政局"
    )
    assert units(page) == [([], ["区交建局", "区公安局"]), (["区发改局"], []), (["区财政局"], [])]


def test_an_enumeration_inside_one_task_stays_in_it():
    doc = parse_text(
        "1．做好三项工作：1.甲；2.乙；3.丙。\n责任单位：市发改委\n2．推进丁。\n责任单位：市财政局"
    )
    assert [t.number for t in doc.tasks] == ["1", "2"]
    assert doc.tasks[0].text == "做好三项工作：1.甲；2.乙；3.丙。"


# -- 2. assignment clauses and their tails -------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "lead", "co"),
    [
        ("（甲部、乙部等负责）", [], ["甲部", "乙部"]),
        ("（甲部、乙委等有关部门负责）", [], ["甲部", "乙委"]),
        ("（甲部会同有关部门负责）", ["甲部"], ["有关部门"]),
        ("（甲部会同乙部负责）", ["甲部"], ["乙部"]),
        ("（甲部、乙部会同丙部等有关部门负责）", ["甲部", "乙部"], ["丙部"]),
        ("（甲部、乙部等和各有关省级人民政府负责）", [], ["甲部", "乙部", "各有关省级人民政府"]),
        ("（甲部、乙局，各省级人民政府按职责分工负责）", [], ["甲部", "乙局", "各省级人民政府"]),
        ("（甲局牵头，乙局、丙局参与）", ["甲局"], ["乙局", "丙局"]),
        ("（甲局牵头，乙局配合）", ["甲局"], ["乙局"]),
        ("（甲局牵头，乙局落实）", ["甲局"], ["乙局"]),
        ("（甲局指导）", ["甲局"], []),
        ("（甲局指导，乙局参与）", ["甲局"], ["乙局"]),
        ("（甲局牵头负责）", ["甲局"], []),
        ("（甲局牵头，乙局、丙局，丁海关等按职责分工负责）", ["甲局"], ["乙局", "丙局", "丁海关"]),
        ("（负责部门：甲局、乙局；适用范围：所有试验区）", [], ["甲局", "乙局"]),
        ("（负责部门：甲局，适用范围：浙江试验区）", ["甲局"], []),
        ("（甲局等部门负责）", ["甲局"], []),
    ],
)
def test_assignment_clause_tails(clause, lead, co):
    assert units(f"1．推进某项工作。{clause}\n2．完成另一项。（戊局负责）") == [(lead, co), (["戊局"], [])]


def test_a_role_clause_after_a_unit_names_the_unit():
    doc = parse_text("1．推进依法行政。（甲局牵头，丙处负责法制审查工作）\n2．完成乙。（丁局负责）")
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["甲局"], ["丙处"])


def test_several_parentheticals_in_one_paragraph_close_a_task_each():
    doc = parse_text(
        "二、主要任务\n加强甲管理，完善制度。（甲部负责）推进乙建设，提高水平。（乙部牵头，丙部参与）\n"
    )
    assert [(t.text, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("加强甲管理，完善制度。", ["甲部"], []),
        ("推进乙建设，提高水平。", ["乙部"], ["丙部"]),
    ]


def test_a_standing_rule_adds_its_unit_to_every_later_task():
    text = (
        "1．推进甲。（责任单位：区经发局牵头，区财金局参与，相关乡镇配合。以下均需相关乡镇配合，不再列出）\n"
        "2．推进乙。（责任单位：区环土局）\n3．推进丙。（责任单位：区交建局牵头，区规划局参与）\n"
    )
    assert units(text) == [
        (["区经发局"], ["区财金局", "相关乡镇"]),
        (["区环土局"], ["相关乡镇"]),
        (["区交建局"], ["区规划局", "相关乡镇"]),
    ]


def test_guidance_then_implementation_leads_with_the_first_clause():
    text = "1．建立指标体系。（甲部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）\n2．推进乙。（乙部指导）"
    assert units(text) == [(["甲部"], ["试点城市政府"]), (["乙部"], ["试点城市政府"])]


def test_run_in_role_chains_in_running_text():
    text = "1．关闭养殖场，报管委会区环土局牵头，区农发局配合，相关乡镇落实\n2．推进乙。区经发局牵头，区财金局、国税局"
    assert units(text) == [(["区环土局"], ["区农发局", "相关乡镇"]), (["区经发局"], ["区财金局", "国税局"])]


# -- 3. conventions stated once ---------------------------------------------------------------------------


def test_a_convention_stated_at_the_end_gives_every_list_its_lead():
    text = (
        "1．推进甲。\n责任单位：区经发局、区环土局\n2．推进乙。\n责任单位：区规划局、区交建局、区财金局\n"
        "注：主要责任单位第一个为牵头单位，其余为主要配合单位。"
    )
    assert units(text) == [(["区经发局"], ["区环土局"]), (["区规划局"], ["区交建局", "区财金局"])]
    assert parse_text(text).meta["first_listed_leads"] == "stated"


@pytest.mark.parametrize(
    "note", ["（列第一位者为牵头单位，下同）", "（排在第一位的部门为牵头部门）", "（第一个为牵头单位）"]
)
def test_first_listed_conventions_carry_on(note):
    text = f"1．推进甲。\n责任单位：甲局、乙局{note}\n2．推进乙。\n责任单位：丙局、丁局"
    assert units(text) == [(["甲局"], ["乙局"]), (["丙局"], ["丁局"])]


@pytest.mark.parametrize(
    "note", ["排在第一位的部门为牵头部门", "第一个为牵头单位", "列在首位的单位为牵头单位"]
)
def test_a_convention_printed_after_the_last_units_without_a_stop(note):
    """A one-line page whose convention follows the last list after a space, with no "注：" and no "。": the
    note is the document's convention, and the last list keeps its units."""
    text = f"1．推进甲。责任单位：甲局、乙局 2．推进乙。责任单位：丙局、丁局、戊局 {note}"
    assert units(text) == [(["甲局"], ["乙局"]), (["丙局"], ["丁局", "戊局"])]


def test_without_a_convention_a_list_has_no_lead():
    doc = parse_text("1．推进甲。（责任单位：区经发局、人民银行平潭支行）\n2．推进乙。（责任单位：区财金局）")
    assert units(
        "1．推进甲。（责任单位：区经发局、人民银行平潭支行）\n2．推进乙。（责任单位：区财金局）"
    ) == [
        ([], ["区经发局", "人民银行平潭支行"]),
        (["区财金局"], []),
    ]
    assert [w.code for w in doc.warnings].count("lead-unit-unnamed") == 1


# -- 4. unknown unit names ---------------------------------------------------------------------------------


def test_unknown_names_are_still_units_and_never_drop_the_list():
    text = "1．推进甲。（团中央、全国妇联、某某研究会负责）\n2．推进乙。（甲部、新设立的乙署牵头，丙处参与）"
    assert units(text) == [([], ["团中央", "全国妇联", "某某研究会"]), (["甲部", "新设立的乙署"], ["丙处"])]


def test_ordinary_brackets_are_not_assignments():
    doc = parse_text("1．鼓励社会资本进入（鼓励社会资本参与），推进甲。\n责任单位：市发改委")
    assert doc.tasks[0].lead_units == ["市发改委"]
    assert "（鼓励社会资本参与）" in doc.tasks[0].text


# -- 6. leaders by role ------------------------------------------------------------------------------------


def test_leaders_named_by_post_only():
    doc = parse_text("1．推进甲。（分管副省长、协管副秘书长负责，省科技厅牵头）\n2．推进乙。（省财政厅负责）")
    task = doc.tasks[0]
    assert task.leaders == [Leader(None, "副省长")]
    assert task.assisting_leaders == [Leader(None, "副秘书长")]
    assert task.lead_units == ["省科技厅"]


# -- 7. not a notice ---------------------------------------------------------------------------------------


def test_an_article_with_numbered_paragraphs_but_no_assignment_is_refused():
    article = "如何写好文章\n1．先列提纲。\n2．再写初稿。\n3．最后修改。\n4．请朋友读一遍。"
    with pytest.raises(DutygraphError, match="none names a responsible unit or leader"):
        parse_text(article)


def test_a_readme_is_refused():
    with pytest.raises(DutygraphError, match="does not look like a responsibility notice"):
        parse_text(
            "# dutygraph\n\nA knowledge graph of responsibility relations.\n\n## Install\n\npip install ."
        )


def test_file_notes_above_the_text_are_not_read():
    doc = parse_text(
        "# source: somewhere/page.txt\n# layout: （责任单位：A、B）\n1．推进甲。（责任单位：区经发局）"
    )
    assert units("# source: x\n# layout: （责任单位：A、B）\n1．推进甲。（责任单位：区经发局）") == [
        (["区经发局"], [])
    ]
    assert len(doc.tasks) == 1


# -- unit-first duty sentences -----------------------------------------------------------------------------


def test_member_duties_written_unit_first():
    text = (
        "2.1.3　指挥部成员单位职责\n（1）甲委及乙局负责综合协调；做好市场调控。\n"
        "（2）丙部负责安排所需经费，专款专用。\n（3）丁办会同甲委制订新闻发布预案，负责组织发布。\n"
        "（4）戊局、己局按照各自职能分工，负责运输保障。\n"
    )
    doc = parse_text(text)
    assert [t.number for t in doc.tasks] == ["（1）", "（2）", "（3）", "（4）"]
    assert [t.subsection for t in doc.tasks] == ["2.1.3　指挥部成员单位职责"] * 4
    assert units(text) == [
        ([], ["甲委", "乙局"]),
        (["丙部"], []),
        (["丁办"], ["甲委"]),
        ([], ["戊局", "己局"]),
    ]


def test_plan_clauses_numbered_with_decimals():
    text = "3　预警监测\n3.1　甲委、乙局会同有关部门建立监测预警系统。\n3.2　丙部负责建立报告制度。\n"
    assert units(text) == [(["甲委", "乙局"], ["有关部门"]), (["丙部"], [])]


def test_roles_only_as_verbs_in_numbered_sentences():
    text = (
        "现将分工通知如下：\n一、由区规划局牵头，建立跨部门联席会议制度，协调解决规划调整工作遇到的问题。\n"
        "二、区环境与国土资源局配合区规划局对划定的重要生态功能区域界线进行确认。\n"
    )
    assert units(text) == [(["区规划局"], []), (["区规划局"], ["区环境与国土资源局"])]


def test_a_reply_letter_names_who_handled_each_item():
    text = (
        "一、关于甲项目问题。你省请求，国家尽快审核甲项目。\n"
        "发展改革委会同水利部等有关部门研究提出了办理意见：该项目已列入规划。\n"
        "二、关于乙问题。你省请求，加大支持。\n"
        "1.关于丙问题。国土资源部会同民政部、财政部研究提出了办理意见：将统筹考虑。\n"
    )
    assert units(text) == [(["发展改革委"], ["水利部"]), (["国土资源部"], ["民政部", "财政部"])]


def test_prose_that_only_mentions_a_body_is_no_duty():
    doc = parse_text("1．各地要加快推进甲工作。\n2．政府负责同志要亲自抓。\n3．推进乙。（市财政局负责）")
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [([], []), ([], []), (["市财政局"], [])]


# -- leaders' portfolios and enumerated points -------------------------------------------------------------


def test_a_leaders_portfolio_is_a_task_with_its_leader():
    text = (
        "现将分工情况通知如下：\n一、党工委副书记、管委会主任张三：为安全生产第一责任人，对安全生产工作负总责。\n"
        "二、管委会副主任李四（挂职）：负责指导、协调、督促宣传、教育等部门、领域的安全生产工作。\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.leaders, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一", [Leader("张三", "党工委副书记、管委会主任")], [], []),
        ("二", [Leader("李四", "管委会副主任")], [], []),
    ]
    assert doc.tasks[1].text.startswith("负责指导、协调、督促宣传")


def test_enumerated_points_with_their_own_units_are_tasks():
    text = (
        "（一）建设成就。一是交通设施巨大变化。宣传要点：甲。责任单位：区交建局。"
        "二是生态环境日益改善。宣传要点：乙。责任单位：区农发局、环土局。"
    )
    doc = parse_text(text)
    assert [(t.number, t.text[:10], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一", "一是交通设施巨大变化", ["区交建局"], []),
        ("二", "二是生态环境日益改善", [], ["区农发局", "环土局"]),
    ]


def test_enumerated_points_inside_one_task_stay_in_it():
    doc = parse_text("1．做好三件事。\n一是加强甲；\n二是推进乙。\n责任单位：市发改委")
    assert [(t.number, t.lead_units) for t in doc.tasks] == [("1", ["市发改委"])]
    assert "二是推进乙" in doc.tasks[0].text


# -- 5. table cells run together ---------------------------------------------------------------------------


RUN_TOGETHER = (
    "2016年工作要点及分工表 序号主要工作任务具体工作措施完成时限主要责任单位任务来源"
    "1推进生态文明建设1、建立生态文明建设领导机制，成立领导小组3月区经发局区环土局1、全区工作要点 "
    "2、制定生态环境保护实施方案，并报领导小组办公室6月区环土局 3、实施生态保护红线专项规划，出台管控配套措施"
    "12月区规划局区经发局区环土局4、组织各乡镇开展生态文明建设创建工作12月区环土局相关乡镇人民政府"
    "5、保障水库水质安全：每周巡查水库12月区环土局区农发局三十六脚湖水库管理处"
    + " 注：主要责任单位第一个为牵头单位，其余为主要配合单位。"
    + " 某区管委会办公室 2016年3月30日印发" * 20
)


def test_table_cells_run_together_are_split_by_unit_names():
    doc = parse_text(RUN_TOGETHER)
    got = [(t.number, t.text, t.deadline, t.lead_units, t.co_units) for t in doc.tasks]
    assert got == [
        ("1", "建立生态文明建设领导机制，成立领导小组", "3月", ["区经发局"], ["区环土局"]),
        ("2", "制定生态环境保护实施方案，并报领导小组办公室", "6月", ["区环土局"], []),
        ("3", "实施生态保护红线专项规划，出台管控配套措施", "12月", ["区规划局"], ["区经发局", "区环土局"]),
        ("4", "组织各乡镇开展生态文明建设创建工作", "12月", ["区环土局"], ["相关乡镇人民政府"]),
        ("5", "保障水库水质安全：每周巡查水库", "12月", ["区环土局"], ["区农发局", "三十六脚湖水库管理处"]),
    ]
    assert "table-cells-run-together" in [w.code for w in doc.warnings]


def test_run_together_lead_and_responsible_cells():
    page = (
        "任务分解表 工 作 任 务牵头单位责　任　单　位工　作　要　求1.全面公开权力清单和责任清单"
        "省编办（省审改办）省直各部门，各设区市、平潭综合实验区通过政府门户网站集中展示。"
        "2.依法公开随机抽查事项清单 省直各部门，各设区市、平潭综合实验区年底前完成。"
        "3.加大稳增长等方面政策公开力度省发改委省经信委省直各部门，各设区市、平潭综合实验区做好解读。"
        "4.推进面向转移落户人员的服务公开省公安厅会同省人社厅、卫计委等相关部门，各设区市、平潭综合实验区及时公开。"
        + "做好政策解读。" * 40
        + " 福建省人民政府办公厅 2016年5月27日印发"
    )
    assert units(page) == [
        (["省编办（省审改办）"], ["省直各部门", "各设区市", "平潭综合实验区"]),
        ([], ["省直各部门", "各设区市", "平潭综合实验区"]),
        (["省发改委", "省经信委"], ["省直各部门", "各设区市", "平潭综合实验区"]),
        (["省公安厅"], ["省人社厅", "卫计委", "各设区市", "平潭综合实验区"]),
    ]


def test_several_parentheticals_under_one_task_number_are_one_task():
    doc = parse_text("1．加快甲建设。（甲局负责）完善乙机制。（乙局牵头，丙局参与）\n2．推进丁。（丁局负责）")
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["甲局"], ["乙局", "丙局"]),
        ("2", ["丁局"], []),
    ]
    assert doc.tasks[0].text == "加快甲建设。完善乙机制。"


def test_a_chain_that_opens_the_sentence_stays_in_the_text():
    doc = parse_text(
        "1．由区发改局牵头，区财政局、区统计局配合，建立项目储备库。\n2．推进乙。（区统计局负责）"
    )
    assert doc.tasks[0].text == "由区发改局牵头，区财政局、区统计局配合，建立项目储备库。"
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["区发改局"], ["区财政局", "区统计局"])


def test_a_scope_note_after_a_lead_is_not_part_of_its_name():
    doc = parse_text(
        "1．推进大健康产业。\n牵头单位：区社会事业局（牵头医疗医美板块）、区市场监管局（牵头医药器械板块）"
    )
    assert doc.tasks[0].lead_units == ["区社会事业局", "区市场监管局"]


def test_run_together_rows_that_name_their_roles():
    page = (
        "附件 整改任务分解表 存在问题整改目标和措施责任单位"
        "溪流污染严重组织开展入海排污情况调查，提出整改意见报管委会区环土局牵头，区农发局配合"
        "2016年6月底前全部关闭拆除第一批养殖场区农发局牵头，区环土局配合，相关乡镇落实"
        "2016年6月底前划定全区禁养区和可养区区农发局2016年12月底前提出养殖业分步退出方案区农发局牵头，区规划局配合"
        "医疗废物收集贮存场所场地简陋，容易造成疾病传播2016年底前建成医疗废物收集贮存场所区卫计局牵头，区环土局配合"
        + " 某区管委会办公室 2016年5月10日印发"
    )
    assert units(page) == [
        (["区环土局"], ["区农发局"]),
        (["区农发局"], ["区环土局", "相关乡镇"]),
        (["区农发局"], []),
        (["区农发局"], ["区规划局"]),
        (["区卫计局"], ["区环土局"]),
    ]


def test_an_english_document_quoting_chinese_examples_is_refused():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    with pytest.raises(DutygraphError, match="mostly not Chinese"):
        parse_text(readme)


def test_a_unit_list_in_running_text_ends_at_its_sentence():
    doc = parse_text("1、推进甲。责任单位：区交建局、区公安局。平潭综合实验区管委会办公室2016年6月20日印发")
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == ([], ["区交建局", "区公安局"])


def test_a_big5_notice_reads_like_a_gb_one_and_keeps_its_strings():
    from dutygraph.loaders import parse_bytes

    text = (
        "1．推進甲工作。\n責任單位：區發展改革局、區財政局\n2．完善乙機制。（區農業局牽頭，區環保局配合）\n"
    )
    doc = parse_bytes(text.encode("big5"), suffix=".txt")
    assert [(t.text, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("推進甲工作。", [], ["區發展改革局", "區財政局"]),
        ("完善乙機制。", ["區農業局"], ["區環保局"]),
    ]
