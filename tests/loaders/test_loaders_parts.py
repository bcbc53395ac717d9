"""The small readers: unit lists, leaders, metadata, numbering."""

from __future__ import annotations

import pytest

from dutygraph.loaders.leaders import merge_leaders, parse_leader, parse_leader_list
from dutygraph.loaders.metadata import read_metadata
from dutygraph.loaders.records import Leader
from dutygraph.loaders.structure import cn_number, match_number
from dutygraph.loaders.text import T, fold, split_lines
from dutygraph.loaders.units import split_units, suspect_concatenation


@pytest.mark.parametrize(
    ("printed", "units"),
    [
        ("市建设局、市水利局", ["市建设局", "市水利局"]),
        ("A局，B局,C局；D局;E局。", ["A局", "B局", "C局", "D局", "E局"]),
        (
            "各区县政府(含南太湖新区、长合区管委会)、市财政局",
            ["各区县政府(含南太湖新区、长合区管委会)", "市财政局"],
        ),
        ("市委（〈市政府〉办公室、督查室）、市财政局", ["市委（〈市政府〉办公室、督查室）", "市财政局"]),
        ("各地、各部门", ["各地", "各部门"]),
        ("市发展改革委(铁办)、吴兴区政府", ["市发展改革委(铁办)", "吴兴区政府"]),
        ("市政府办公室、各区县政府(列第一位者为工作牵头单位或汇总单位,下同)", ["市政府办公室", "各区县政府"]),
        ("市建设局\n市水利局", ["市建设局", "市水利局"]),
        ("", []),
    ],
)
def test_split_units(printed, units):
    assert split_units(T.of(printed)).units == units


def test_split_units_notes_and_marks():
    result = split_units(T.of("市政府办公室、各区县政府(列第一位者为工作牵头单位或汇总单位,下同)"))
    assert result.first_leads
    marked = split_units(T.of("市水利局、市建设局（牵头）"))
    assert marked.units == ["市水利局", "市建设局"] and marked.marked_leads == [1]
    unbalanced = split_units(T.of("市建设局(含、市水利局"))
    assert unbalanced.unbalanced and unbalanced.units == ["市建设局(含", "市水利局"]


def test_marks_stay_on_their_units_when_a_list_is_split_further():
    """A space splitting an earlier unit, or a placeholder dropped before it, must not move a mark."""
    spaced = split_units(T.of("区财政局 区审计局、区商务局（牵头）、区税务局（配合）"))
    assert spaced.units == ["区财政局", "区审计局", "区商务局", "区税务局"]
    assert (spaced.marked_leads, spaced.marked_co) == ([2], [3])
    placeholder = split_units(T.of("无、区商务局（牵头）"))
    assert placeholder.units == ["区商务局"] and placeholder.marked_leads == [0]


@pytest.mark.parametrize(
    ("unit", "glued"),
    [
        ("市公安局大数据局", ("市公安局", "大数据局")),
        ("市财政局市税务局", ("市财政局", "市税务局")),
        ("市委组织部", None),
        ("市纪委监委", None),
        ("市政府办公室", None),
        ("市自然资源和规划局", None),
        ("市公安局交警支队", None),
        ("市生态环境局吴兴分局", None),
        ("国家税务总局湖州市税务局", None),
        ("湖州开发区管委会", None),
        ("市发展改革委(铁办)", None),
    ],
)
def test_suspect_concatenation(unit, glued):
    assert suspect_concatenation(unit) == glued


@pytest.mark.parametrize(
    ("printed", "leader"),
    [
        ("钱三雄市长", Leader("钱三雄", "市长")),
        ("杨六顺常务副市长", Leader("杨六顺", "常务副市长")),
        ("副市长张三", Leader("张三", "副市长")),
        ("分管副省长", Leader(None, "副省长")),
        ("常务副县长", Leader(None, "常务副县长")),
        ("闵云副市长", Leader("闵云", "副市长")),
        ("区政府副区长林海", Leader("林海", "区政府副区长")),
        ("管委会分管副主任", Leader(None, "管委会副主任")),
        ("副区长 王芳", Leader("王芳", "副区长")),
        ("林海（副区长）", Leader("林海", "副区长")),
        ("陈刚（党工委委员、管委会副主任）", Leader("陈刚", "党工委委员、管委会副主任")),
        ("管委会分管领导", Leader(None, "管委会分管领导")),
        ("分管区领导", Leader(None, "分管区领导")),
        ("副市长张三同志", Leader("张三", "副市长")),
        ("管委会", None),
        ("区发改委", None),
        ("区社会事业局（医改办）", None),
        ("市政府办公室", None),
        ("省科技厅", None),
        ("林克庆", None),
    ],
)
def test_parse_leader(printed, leader):
    assert parse_leader(printed) == leader


def test_bare_names_only_when_allowed():
    assert parse_leader("林克庆", allow_bare_name=True) == Leader("林克庆", None)
    assert parse_leader_list("张三、李四副市长", allow_bare_name=True) == [
        Leader("张三", None),
        Leader("李四", "副市长"),
    ]
    assert parse_leader_list("张三、市财政局") is None
    assert parse_leader("林海同志", allow_bare_name=True) == Leader("林海", None)


def test_a_post_before_a_person_is_that_persons_title():
    assert parse_leader_list("县委常委、常务副县长张三") == [Leader("张三", "县委常委、常务副县长")]
    assert parse_leader_list("副区长 王芳") == [Leader("王芳", "副区长")]
    assert parse_leader_list("分管副省长、协管副秘书长") == [Leader(None, "副省长"), Leader(None, "副秘书长")]
    assert parse_leader_list("副市长、副秘书长") == [Leader(None, "副市长"), Leader(None, "副秘书长")]


def test_merge_leaders_keeps_one_person():
    merged, notes = merge_leaders([Leader("许继清", "市长"), Leader("许继清", "副市长")])
    assert merged == [Leader("许继清", "副市长")] and len(notes) == 1
    merged, notes = merge_leaders([Leader("许继清", "副市长"), Leader("许继清", "副市长")])
    assert merged == [Leader("许继清", "副市长")] and notes == []


def test_metadata_chinese_numeral_date_and_fallbacks():
    lines = split_lines(
        "某某市人民政府办公厅关于印发重点任务分工方案的通知\n某政办函〔2022〕 15号\n"
        "某某市人民政府办公厅\n二〇二二年三月十五日\n"
    )
    info = read_metadata(lines)
    assert info.doc_number == "某政办函〔2022〕15号"
    assert info.issuer == "某某市人民政府办公厅"
    assert info.date == "2022-03-15"
    assert info.title == "某某市人民政府办公厅关于印发重点任务分工方案的通知"


def test_metadata_issuer_from_title_when_unsigned():
    info = read_metadata(split_lines("某县人民政府关于做好民生实事的通知\n2024年13月40日\n"))
    assert info.issuer == "某县人民政府" and info.date is None


def test_numbering():
    assert cn_number("十二") == 12 and cn_number("二十") == 20 and cn_number("一百零五") == 105
    assert match_number("(三)抓好落实", "（三）抓好落实").printed == "（三）"
    assert match_number("12.推进", "12．推进").printed == "12"
    assert match_number("1.5万亩以上", "1.5万亩以上") is None
    assert match_number("2019年", "2019年") is None
    task = match_number("2.2019年底前完成改造。", "2．2019年底前完成改造。")
    assert task is not None and task.value == 2 and task.body_start == 2
    assert match_number("2.20万亩", "2.20万亩") is None and match_number("3.2019", "3.2019") is None


def test_fold_keeps_length():
    printed = "责任单位：市建设局（牵头），市水利局；１２３ＡＢ"
    assert len(fold(printed)) == len(printed)
    assert fold(printed) == "责任单位:市建设局(牵头),市水利局;123AB"


def test_furniture_prefilter_covers_every_pattern():
    from dutygraph.loaders.structure import FURNITURE_RE, FURNITURE_STARTS

    for alternative in FURNITURE_RE.pattern[4:].split("|"):
        first = alternative[1] if alternative.startswith("\\") else alternative[0]
        assert first in FURNITURE_STARTS, alternative


def test_a_circled_number_alone_is_a_task_number_not_a_crash():
    # "①".isdigit() is true but int("①") fails; found by test_any_text.
    from dutygraph.errors import InputError
    from dutygraph.loaders import parse_text

    with pytest.raises(InputError, match="none names a responsible unit"):  # read, then refused: no unit
        parse_text("①")
    assert parse_text("② 推进A。\n责任单位:市建设局").tasks[0].lead_units == ["市建设局"]


def test_a_task_that_opens_with_a_year_is_read():
    from dutygraph.loaders import parse_text

    doc = parse_text(
        "某市人民政府办公室关于印发重点工作责任分解的通知\n一、张三市长牵头重点工作\n"
        "1．推进老旧小区改造。\n责任单位：市建设局、市财政局\n"
        "2．2019年底前完成农村公路提档升级。\n责任单位：市交通运输局\n"
        "3．做好防汛准备，力争1.5万亩农田排涝达标。\n责任单位：市水利局\n"
    )
    assert [(t.number, t.lead_units) for t in doc.tasks] == [
        ("1", []),
        ("2", ["市交通运输局"]),
        ("3", ["市水利局"]),
    ]
    assert doc.tasks[1].text == "2019年底前完成农村公路提档升级。"
    assert "task-number-gap" not in {w.code for w in doc.warnings}
