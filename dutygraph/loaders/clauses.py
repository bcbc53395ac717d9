"""The assignment clause grammar: labelled fields ("牵头单位:X;配合单位:Y"), role clauses ("X牵头，Y、Z配合",
"甲部、乙委等有关部门负责", "甲部会同乙部负责") and the brackets that hold them.

Each rule is named in :func:`parse_clauses` and tested on its own in ``tests/loaders/test_loaders_wordings.py``.
"""

from __future__ import annotations

import re

from dutygraph.loaders.assignment import SUBJECT_TAIL_RE, Assignment
from dutygraph.loaders.brackets import OPEN_RE, bracket_groups, open_depth, outside_brackets, split_top_level
from dutygraph.loaders.labels import LABEL_KINDS, LABEL_RE, OTHER_FIELD_RE
from dutygraph.loaders.leaders import parse_leader_list, read_leaders
from dutygraph.loaders.text import T
from dutygraph.loaders.units import (
    FIRST_LEADS_RE,
    LOCAL_FIRST,
    WHEN_RE,
    body_ending,
    exhorts,
    named_like_unit,
)

#: A field the grammar does not know ("时间：2023年底", "督导单位：区委督查室"), matched where it starts: no unit.
_FIELD_RE = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,6})\s*:")
#: A clause that only states a case ("涉及农村的", "属于跨区域的"): no unit.
_CONDITION_RE = re.compile(r"^(?:其中)?(?:凡|对)?(?:涉及|属于)[^,;。]{1,12}的$")

#: Role verbs that close a clause ("X牵头", "Y、Z配合", "A、B等按职责分工负责"), with the role each gives.
#: "resp" (responsible) is decided later: co-units when the task names a lead, else the lead when alone.
ROLE_VERBS: dict[str, str] = {
    "牵头负责": "lead",
    "牵头落实": "lead",
    "牵头抓总": "lead",
    "总牵头": "lead",
    "为牵头单位": "lead",
    "为牵头部门": "lead",
    # "（X为责任主体）", "X为第一责任单位": the unit named answers for the task
    "为第一责任单位": "lead",
    "为主责单位": "lead",
    "为主办单位": "lead",
    "为责任主体": "resp",
    "为责任单位": "resp",
    "为责任部门": "resp",
    "为协办单位": "co",
    "牵头": "lead",
    "按职责分工负责": "resp",
    "按职责分工落实": "resp",
    "按职能分工负责": "resp",
    "按职责负责": "resp",
    "分工负责": "resp",
    "共同负责": "resp",
    "分别负责": "resp",
    "负责落实": "resp",
    "具体负责": "resp",
    "负责": "resp",
    "抓落实": "resp",
    # a verb and its object ("民政部负责组织实施", "财政部加强指导"): the role is the verb's, the object names no unit
    "负责组织实施": "resp",
    "负责具体实施": "resp",
    "负责实施": "resp",
    "具体实施": "resp",
    "组织实施": "resp",
    "负责指导": "resp",
    "加强指导": "resp",
    "统筹指导": "resp",
    "牵头组织实施": "lead",
    # a 立法工作计划's drafting bodies ("某某条例（司法部起草）"), and a study a lead makes with its co-units
    # ("商务部会同有关部门研究制定")
    "起草": "resp",
    "组织起草": "resp",
    "牵头起草": "lead",
    "研究制定": "resp",
    "研究提出": "resp",
    "牵头研究": "lead",
    "落实": "resp",
    "指导": "resp",
    "负责配合落实": "co",
    "负责配合": "co",
    "负责协助落实": "co",
    "负责协助": "co",
    "配合落实": "co",
    "协助落实": "co",
    "为配合单位": "co",
    "配合": "co",
    "参与": "co",
    "参加": "co",
    "协办": "co",
    "协调": "co",  # "（甲委牵头，乙办协调）": the coordinating body assists the lead
    "负总责": "lead",
    "主责": "lead",
    "负责牵头": "lead",
    "统筹推进": "lead",
    "统筹协调": "lead",
    "牵头协调": "lead",
    "统筹": "lead",
    "督促指导": "co",
    # "（X牵头，Y配合，区效能办督办）": the office that supervises the task assists, as a guiding clause does
    "督办": "co",
    "跟踪督办": "co",
    "督促落实": "resp",
    "督促检查": "resp",
    "监督落实": "resp",
    "指导和监督": "resp",
    "监督指导": "resp",
    "各司其职": "resp",
    "具体落实": "resp",
    "根据实际情况落实": "resp",
    "按职责分工抓好落实": "resp",
    "按职责抓好落实": "resp",
    "为主": "lead",
    "抓总": "lead",
    "主办": "lead",
    "具体承办": "resp",
    "承办": "resp",
    "负责办理": "resp",
    "办理": "resp",
    "共同推进": "resp",
    "做好": "co",
    "协同推进": "co",
    "协同配合": "co",
    "协同": "co",
    "支持配合": "co",
    "配合实施": "co",
    "支持": "co",
    "主抓": "lead",
    "结合实际推进": "resp",
    "结合实际落实": "resp",
    "抓好落实": "resp",
    "组织落实": "resp",
    "推进落实": "resp",
    "协助推进": "assist",
    "协助": "assist",
}
#: Verbs of guiding or supervising a task that others carry out.
_GUIDE_VERBS = frozenset(
    {"指导", "加强指导", "统筹指导", "负责指导", "指导和监督", "监督指导", "督促落实", "督促检查", "监督落实"}
)
_VERB_RE = re.compile("(?P<verb>" + "|".join(sorted(ROLE_VERBS, key=len, reverse=True)) + ")$")
#: Last characters of the verbs above: text ending in none of them cannot match ``_VERB_RE``.
_VERB_LAST = frozenset(verb[-1] for verb in ROLE_VERBS)
_BRACKET_START_RE = re.compile(r"[(\[【〔]")


def closing_verb(text: str) -> re.Match[str] | None:
    """``_VERB_RE.search(text)``: the verb that ends a clause, if one does.

    A search anchored at the end still tries every start position, so the last character (before a
    final newline, which ``$`` also allows) is checked first; most text ends in no verb.
    """
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    if last not in _VERB_LAST:
        return None
    return _VERB_RE.search(text)


#: "国家发展改革委牵头、财政部配合", "工业和信息化部牵头 科技部配合": a lead clause closed by 、 or a space.
_LEAD_THEN_RE = re.compile(r"牵头(?:负责)?(?:[、 ]\s*)(?=[\u4e00-\u9fff])")


def split_clauses(t: T) -> list[T]:
    """Split at top-level ``,`` ``;`` ``。`` (brackets protect their separators), and after a lead
    clause that a 、 or a space closes."""
    parts, _ = split_top_level(t, ",;。")
    out: list[T] = []
    for part in parts:
        part = part.strip()
        start = 0
        if "牵头" in part.n:
            for m in _LEAD_THEN_RE.finditer(part.n):
                if not open_depth(part.n[: m.start()]):
                    out.append(part.cut(start, m.start() + len(m.group().rstrip("、 "))))
                    start = m.end()
        piece = part.cut(start).strip()
        if piece:
            out.append(piece)
    return [p for p in out if p]


_UNIT_KINDS = frozenset({"lead", "co", "resp"})


def parse_labelled(t: T, *, in_text: bool = False) -> Assignment:
    """Parse text holding one or more "LABEL:value" fields ("责任领导:A;牵头单位:X;责任单位:P").

    ``in_text``: the fields stand in running text, not inside a bracket, so a unit list ends at its
    sentence end ("责任单位：甲局。某某办公室 2016年…印发"); inside a bracket a "。" may be followed by more of
    the assignment ("…相关乡镇配合。以下均需相关乡镇配合，不再列出").
    """
    result = Assignment(present=True)
    # every label ends in a colon: none can match after the last one (most of the text, a field's value)
    matches = list(LABEL_RE.finditer(t.n, 0, t.n.rfind(":") + 1))
    nested: list[re.Match[str]] = []
    if len(matches) > 1 and OPEN_RE.search(t.n, matches[0].end()) is not None:
        # "牵头单位：县住建局（分管领导：张三）；配合单位：…": a label inside a bracket of a field's value is a
        # note on that value, not a field of its own
        depth = open_depth(t.n[: matches[0].start()])
        nested = [m for m in matches if open_depth(t.n[: m.start()]) > depth]
        matches = [m for m in matches if m not in nested]
    other_fields = (
        [m.start("label") for m in OTHER_FIELD_RE.finditer(t.n) if m.group("label") not in LABEL_KINDS]
        if t.n.count(":") > len(matches)  # every field has a colon: no spare colon, no other field
        else []
    )
    if other_fields and matches and OPEN_RE.search(t.n, matches[0].end()) is not None:
        # "牵头单位：区经发局（联系人：张三，电话：…）": a field inside a bracket of a value is a note on it
        depth = open_depth(t.n[: matches[0].start()])
        other_fields = [s for s in other_fields if open_depth(t.n[:s]) <= depth]
    starts = {x.start() for x in matches} if other_fields else set()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(t.n)
        if other_fields:
            end = min([end, *(s for s in other_fields if m.end() < s < end and s not in starts)])
        label = m.group("label")
        if in_text and LABEL_KINDS[label] in _UNIT_KINDS:
            stop = t.n.find("。", m.end(), end)
            if stop >= 0 and not open_depth(t.n[m.end() : stop]):
                end = stop  # a unit list ends at its sentence: "责任单位：甲局。某某办公室 2016年…印发"
        value = t.cut(m.end(), end).strip(" ;,。.、")
        if not value:
            result.empty_labels.append(label)
            continue
        if "责任人" in label and LABEL_KINDS[label] in _UNIT_KINDS:
            value = _without_people(
                value
            )  # "责任单位及责任人：区公安分局（陈明）": the person is not the unit
        apply_field(result, LABEL_KINDS[label], value)
    for start in other_fields:
        if result.deadline is None:
            result.deadline = _deadline_in_field(t, start)
    for m in nested:
        kind = LABEL_KINDS[m.group("label")]
        if kind in ("leader", "assist"):
            close = _CLOSE_RE.search(t.n, m.end())
            value = t.cut(m.end(), close.start() if close else len(t.n)).strip(" ;,。.、")
            if value:
                apply_field(result, kind, value)
    return result


_CLOSE_RE = re.compile(r"[)\]】〕]")
#: A bracket after a unit that holds a person's name (two to four characters, no body's ending).
_PERSON_BRACKET_RE = re.compile(r"\((?P<who>[\u4e00-\u9fff]{2,4})\)")


def _without_people(value: T) -> T:
    """The value of a "单位及责任人" field without the people named in brackets after their units."""
    n, o = value.n, value.o
    for m in reversed(list(_PERSON_BRACKET_RE.finditer(value.n))):
        if not named_like_unit(m.group("who")):
            n, o = n[: m.start()] + n[m.end() :], o[: m.start()] + o[m.end() :]
    return T(o, n)


_TIME_WORDS = ("时间", "时限", "期限", "日期")


def _says_when(label: str) -> bool:
    """A field the grammar does not know whose name says it holds a date ("时间", "办理期限")."""
    return any(w in label for w in _TIME_WORDS)


def _deadline_in_field(t: T, start: int) -> str | None:
    """The date a field the grammar does not know holds: all of "时间：2024年底前", or the clause of
    "适用范围：所有自贸试验区，2024年6月底前完成" that says when."""
    m = _FIELD_RE.match(t.n, start)
    if m is None:
        return None
    end = t.n.find(";", m.end())
    value = t.cut(m.end(), end if end >= 0 else len(t.n)).strip(" ;,。.")
    if _says_when(m.group("label")):
        return value.o or None
    return next((c.o for c in split_clauses(value) if _WHEN_CLAUSE_RE.match(c.n)), None)


#: Where a piece of a field starts: after a space or a separator.
_PIECE_START_RE = re.compile(r"[\s、,;。]")


def _before_convention(value: T) -> T:
    """A unit field without the convention note printed after its units ("区公安局 排在第一位的部门为牵头部门" at
    a page's end): the note is read for the whole document (:func:`~dutygraph.loaders.units.states_first_leads`)
    and names no unit, and left in the field it would drop the list."""
    if "第" not in value.n and "首" not in value.n:
        return value
    m = FIRST_LEADS_RE.search(value.n)
    if m is None or open_depth(value.n[: m.start()]):
        return value  # a note in brackets after a unit ("甲局、乙局（列第一位者为牵头单位）") is read with its unit
    starts = [p.end() for p in _PIECE_START_RE.finditer(value.n, 0, m.start())]
    return value.cut(0, starts[-1]).strip(" 、,;。") if starts else value


def apply_field(result: Assignment, kind: str, value: T) -> None:
    if kind in ("lead", "co", "resp", "split"):
        value = _before_convention(value)
    if kind == "deadline":
        result.deadline = value.o
    elif kind in ("leader", "assist"):
        leaders = parse_leader_list(value.n, allow_bare_name=True)
        if leaders is None:
            # Fall back to the clause reader: "王五副市长负责,赵六副市长协助".
            result.merge(parse_clauses(value) or Assignment())
            return
        # Names are ASCII-free, so folded and printed forms agree; read names from the print (a second
        # reading only when the fold changed something).
        if value.o != value.n:
            leaders = parse_leader_list(value.o, allow_bare_name=True) or leaders
        (result.leaders if kind == "leader" else result.assisting).extend(leaders)
    elif kind == "split" or _reads_as_clauses(value.n):
        clauses = parse_clauses(value, kind)
        if clauses is not None:
            result.merge(clauses)
        elif kind == "split":
            result.add_units("resp", value)
        else:
            result.add_units(kind, value)
    else:
        result.add_units(kind, value)


def _reads_as_clauses(folded: str) -> bool:
    """A unit field worth the clause reader: outside its brackets it ends in a verb or says 牵头."""
    bare = outside_brackets(folded)
    return closing_verb(bare) is not None or "牵头" in bare


#: Words before a clause's subject that are not part of it ("由X牵头", "均由X负责", "具体由X负责", "日常工作由X负责":
#: a few words of topic before 由; not the 由 of 自由贸易试验区, 由于, 理由).
#: ("商国家发展改革委等部门办理": 商, to consult, before the consulted units; not the 商 of 商务部, 商业银行.)
#: ("其中涉及资金的由区财政局负责": a condition before the subject, which names the case, not a unit.)
_SUBJECT_HEAD_RE = re.compile(
    r"^(?:其中)?(?:(?:凡|对)?(?:涉及|属于)[^,;。]{1,12}?的,?)?(?:其中|[\u4e00-\u9fff]{0,6}?(?<![自理经缘])由(?![于此衷])|请|要|商(?![务业会贸品标户场]))?"
)
#: "甲部、乙部等和各有关省级人民政府": a list, its 等, then a second group.
#: ("…等有关部门和单位" is one tail: "单位" names no second group.)
_GROUP_JOIN_RE = re.compile(
    r"等(?:有关|相关)?(?:部门|单位)?(?:和|及|以及|与)(?!(?:有关|相关|其他)?(?:单位|部门)$)|以及"
)
#: A clause that says when, not who ("2019年底前完成", "持续推进", "长期坚持"): the task's deadline.
_WHEN_CLAUSE_RE = re.compile(
    r"^(?:\d{4}年|\d{1,2}月|[一二三四五六七八九十]{1,3}月|年底|年内|每年|每季度?|每月|每半年|长期|持续|逐步|分步|分阶段|"
    r"按年度|按季度|定期|常态化|即日起|(?:此后|今后|以后|之后)(?:每|定期|逐年|持续|长期)|逐年|(?:19|20)\d\d)"
)
#: A lead's own verb right before its 会同: "发展改革委牵头会同财政部".
_LEAD_VERB_END_RE = re.compile("(?:牵头(?:负责)?|负总责|为主)$")
#: "X会同Y、Z": X leads, Y and Z assist ("发展改革委、农业部会同财政部": two leads).
_TOGETHER_RE = re.compile(r"会同|联合|协同|(?<=[委部局办署行院])商(?![务业会贸品标户场])")
#: "以下均需相关乡镇配合，不再列出": a unit that assists every task from here on.
#: "本方案各项任务均需地方各级人民政府负责落实，不再单独列出" says the same above the tasks.
_STANDING_RE = re.compile(
    r"(?:以下|本方案|本通知|本意见|本计划)(?:各项|所有)?(?:任务|工作)?(?:均|都)?(?:需|须|由)?(?P<who>.+?)(?:负责)?"
    r"(?:配合落实|配合|协助落实|协助|落实|参与|负责)"
)
#: The close of a standing rule, "不再列出" or "不再一一列出": it names no unit.
_NOT_LISTED_RE = re.compile(r"不再(?:一一|逐一|重复|单独|另行)?列(?:出|明|举)")
#: A standing rule in a lead-in sentence, the units first: "各片区管理局负责辖区内各项任务的落实，以下不再列出",
#: "本意见各项任务均需地方各级人民政府负责落实，不再单独列出" (the words before the units are no part of them).
LEAD_IN_STANDING_RE = re.compile(
    r"(?:^|[,;。:])(?:(?:本(?:方案|意见|通知|计划|措施))?(?:各项|所有|以下)(?:任务|工作|措施)?(?:均|都)?(?:需|须|由)?)?"
    r"(?P<who>[^,;。:]{2,30}?)(?:负责|配合|协助|参与)[^,;。]{0,30}?落实,?(?:以下)?(?:均|都)?不再(?:一一|单独)?列出"
)
#: Group words, which a "下同" carries on to later tasks: "各地区", "地方各级人民政府", "相关乡镇".
_GROUP_WORD_RE = re.compile(r"^(?:各|地方|相关|有关)")
#: A role verb inside a clause, with what follows it ("丙处负责法制审查工作"): the unit is 丙处.
_ROLE_INSIDE_RE = re.compile(r"^(?P<who>[^,;。]{2,40}?)(?P<verb>牵头|负责|配合|参与|协助|做好)(?P<what>.+)$")


#: Conjunctions that join two subjects ("财政部及税务总局", "有关部门和地方"). 及 joins names only; 和 and 与
#: also sit inside names ("工业和信息化部", "文化和旅游部"), so they split only where the text before them
#: is a whole body name on its own.
_AND_RE = re.compile(r"以及(?!其)|及(?!其)|和|与")
#: "单位" after "各有关部门和": the same group spoken of twice, not a second one.
_BARE_GROUP_RE = re.compile(r"(?:有关|相关|其他|其它)?(?:单位|部门)$")
#: Group words for localities, which end like no body: "有关部门和地方", "各部门与各地".
_LOCALITY_WORDS = frozenset({"地方", "各地", "各地方"})


def _conjoined(part: T) -> list[T]:
    """A subject split at the conjunctions that join two units (see :data:`_AND_RE`)."""
    if not any(c in part.n for c in "及和与"):
        return [part]
    pieces: list[T] = []
    start = 0
    for m in _AND_RE.finditer(part.n):
        left = part.n[start : m.start()]
        right = part.n[m.end() :]
        whole = m.group() != "与" and m.group() != "和"
        if not right or len(left) < 2 or not named_like_unit(left) or _BARE_GROUP_RE.match(right):
            continue
        if not whole and not (named_like_unit(right) or _leading_locality(right)):
            continue
        pieces.append(part.cut(start, m.start()))
        start = m.end()
    pieces.append(part.cut(start))
    return pieces


def _leading_locality(text: str) -> bool:
    """The text is a locality group word, or starts with one before the next conjunction."""
    return _AND_RE.split(text, maxsplit=1)[0] in _LOCALITY_WORDS


def _subject_parts(subject: T) -> list[T]:
    """The unit lists of a clause's subject: heads and tails removed, "等和…" groups split."""
    subject = subject.strip(" ,;。、")
    m = _SUBJECT_HEAD_RE.match(subject.n)
    if m:
        subject = subject.cut(m.end())
    parts: list[T] = []
    start = 0
    for m in _GROUP_JOIN_RE.finditer(subject.n):
        parts.append(subject.cut(start, m.start()))
        start = m.end()
    parts.append(subject.cut(start))
    cleaned: list[T] = []
    for part in parts:
        part = part.strip(" ,;。、")
        while part:
            tail = SUBJECT_TAIL_RE.search(part.n)
            if tail is None or tail.start() == 0:
                break
            part = part.cut(0, tail.start()).strip(" ,;。、")
        if part and not (tail is not None and tail.start() == 0 and len(part.n) <= 4):
            cleaned.extend(_conjoined(part))
    return cleaned


def _joined(parts: list[T]) -> T:
    return T("、".join(p.o for p in parts), "、".join(p.n for p in parts))


def _named_among(subject: T, listed: list[T]) -> bool:
    """Every unit ``subject`` names is one of the units of ``listed`` (the clauses before it)."""
    names = {u for t in listed for part in _subject_parts(t) for u in _unit_names(part)}
    own = [u for p in _subject_parts(subject) for u in _unit_names(p)]
    return bool(own) and all(u in names for u in own)


def _unit_names(part: T) -> list[str]:
    return [u.strip() for u in re.split(r"[、,;]", part.n) if u.strip()]


def _add_subject(result: Assignment, kind: str, subjects: list[T]) -> bool:
    """Add what a clause's subject names under ``kind``; False when it names nothing."""
    parts = [p for s in subjects for p in _subject_parts(s)]
    if not parts:
        return False
    joined = _joined(parts)
    leaders = read_leaders(joined.o)
    if leaders is not None:
        main, assisting = leaders
        (result.assisting if kind == "assist" else result.leaders).extend(main)
        result.assisting.extend(assisting)
        return True
    together = _TOGETHER_RE.search(joined.n)
    if together is not None:
        leads = joined.cut(0, together.start()).strip(" ,、")
        lead_verb = _LEAD_VERB_END_RE.search(leads.n)
        if lead_verb is not None:  # "发展改革委牵头会同财政部负责": 牵头 is the lead's verb, not its name
            leads = leads.cut(0, lead_verb.start())
        helpers = joined.cut(together.end()).strip(" ,、")
        if leads:
            # "（商务部牵头，财政部会同税务总局配合）": under a co verb both sides of 会同 assist
            result.add_units("co" if kind == "co" and lead_verb is None else "lead", leads)
            if helpers:
                result.add_units("co", helpers)
            return True
        if helpers and together.start() == 0:
            # "（X牵头，会同有关部门负责）": the clause before names the lead
            result.add_units("co", helpers)
            return True
    result.add_units("co" if kind == "assist" else kind, joined)
    return True


def parse_clauses(t: T, field: str | None = None) -> Assignment | None:
    """Read "X牵头,Y、Z配合" / "分管副省长负责,省科技厅牵头" style text; ``None`` if nothing read.

    ``field`` is the role of the label the text stands under ("责任单位:X,Y配合" → ``"resp"``).

    The grammar, rule by rule (each rule has its own test):

    - a clause ends in a role verb (:data:`ROLE_VERBS`); its subject is the units (or leaders) before it;
    - clauses without a verb ("区经发局、区农业农村局") are unit groups of the next clause with one;
    - the subject loses heads (由) and tails (等, 等有关部门, 各自…), and "等和…" adds a second group;
    - "X会同Y" makes X the lead and Y co-units;
    - a clause that says when ("2019年底前完成", "持续推进") is the deadline, never a unit;
    - "以下均需X配合,不再列出" is a standing rule: X assists this and every later task;
    - "X负责…" with text after the verb is a role clause: X is the unit;
    - under a label, units before a clause marked 配合 are the label's ("责任单位:X,Y配合": X is responsible);
    - labels ("牵头单位:") and convention notes ("列第一位者为牵头单位") inside the text are read as such.
    """
    result = Assignment()
    pending: list[T] = []
    last_subjects: list[T] = []
    when_seen = False
    recognised = False
    clause_units: list[tuple[str, int]] = []
    guiding_first = False  # the first clause that named units guides ("国家发展改革委、自然资源部指导")
    for clause in split_clauses(t):
        if _states_first_leads(clause.n):
            result.first_leads = True
            recognised = True
            continue
        if ":" in clause.n and LABEL_RE.search(clause.n):  # every label ends in a colon
            result.merge(parse_labelled(clause))
            recognised = True
            continue
        if _CONDITION_RE.match(clause.n):
            continue  # "涉及农村的": the case the next clause's units answer for
        if ":" in clause.n and (field_clause := _FIELD_RE.match(clause.n)) is not None:
            if _says_when(field_clause.group("label")):
                result.deadline = result.deadline or clause.cut(field_clause.end()).strip().o
            continue
        standing = (
            _STANDING_RE.search(clause.n)
            if "以下" in clause.n or (clause.n.startswith("本") and "不再" in t.n)
            else None
        )
        if standing is not None:
            who = clause.cut(*standing.span("who"))
            result.standing.extend(p.o for p in _subject_parts(who))
            recognised = True
            continue
        carried_on = "下同" in clause.n or (clause.n.startswith("以下") and _NOT_LISTED_RE.search(clause.n))
        if carried_on and last_subjects:
            # "（A牵头，B参与，各地区负责落实，下同）", "（A负责；地方各级人民政府负责落实，以下不再列出）": the groups of
            # the clause before go on to later tasks
            groups = [p.o for p in _subject_parts(last_subjects[-1])]
            if groups and all(_GROUP_WORD_RE.match(g) for g in groups):
                result.standing.extend(groups)
            continue
        if "下同" in clause.n or ("不再" in clause.n and _NOT_LISTED_RE.search(clause.n)):
            continue
        if _WHEN_CLAUSE_RE.match(clause.n):
            # "2023年底前取得阶段性进展，2025年底前全面完成": stages of one deadline, kept together
            result.deadline = f"{result.deadline}，{clause.o}" if when_seen else clause.o
            when_seen = True
            continue
        m = closing_verb(clause.n)
        if not m:
            inside = _ROLE_INSIDE_RE.match(clause.n)
            if inside is not None and all(
                named_like_unit(p.n) for p in _subject_parts(clause.cut(0, inside.end("who")))
            ):
                kind = ROLE_VERBS[inside.group("verb")]
                if _add_subject(result, kind, [*pending, clause.cut(0, inside.end("who"))]):
                    recognised = True
                pending = []
                continue
            pending.append(clause)
            continue
        subject = clause.cut(0, m.start())
        if subject.n.endswith("负责") and ROLE_VERBS[m.group("verb")] in ("resp", "lead"):
            subject = subject.cut(0, len(subject.n) - 2)  # "国务院办公厅负责监督落实", "…负责统筹推进"
        elif subject.n.endswith("加强"):  # "财政部加强督促检查": 加强 is the verb's, not the name's
            subject = subject.cut(0, len(subject.n) - 2)
        if subject.n.endswith(("和", "及", "并")) and (joined := closing_verb(subject.n[:-1])) is not None:
            subject = subject.cut(0, joined.start())  # "财政部等部门加强指导和支持": two verbs, one role
        if exhorts(subject.n):
            pending = []  # "各责任单位要密切配合": what units should do in general, not who does this task
            continue
        kind = ROLE_VERBS[m.group("verb")]
        if kind == "resp" and clause_units and m.group("verb") in _GUIDE_VERBS:
            # "（各省级人民政府负责，国家发展改革委会同有关部门加强指导）": after the units answering for the task,
            # those who guide or supervise it assist, both sides of a 会同 alike
            kind = "co"
        if pending and kind == "lead" and _named_among(subject, pending):
            # "责任单位：A、B，A牵头", "…，其中B为牵头单位": the list first, then which of it leads
            if _add_subject(result, "resp", pending):
                recognised = True
            pending = []
        if kind == "co" and field in ("lead", "resp") and pending:
            if _add_subject(result, field, pending):
                recognised = True
            pending = []
        subjects = [*pending, subject]
        last_subjects = subjects
        pending = []
        before = len(result.responsible)
        if _add_subject(result, kind, subjects):
            recognised = True
            clause_units.append((kind, len(result.responsible) - before))
            guiding_first = guiding_first if len(clause_units) > 1 else m.group("verb") in _GUIDE_VERBS
    if pending and recognised:
        _add_subject(result, "co" if result.lead else "resp", pending)
    # "（生态环境部指导，试点城市政府负责落实）": several clauses and no lead named — the first clause's
    # one unit leads the others; so do all of a first clause that guides ("（财政部、农业农村部指导，地方各级人民政府
    # 负责落实）": the ministries lead, the governments carrying it out assist).
    if not result.lead and len(clause_units) > 1 and clause_units[0][0] == "resp":
        first = clause_units[0][1]
        if first == 1 or (guiding_first and 0 < first < len(result.responsible)):
            result.lead.extend(result.responsible[:first])
            del result.responsible[:first]
    if not recognised:
        return None
    result.present = True
    return result


def _states_first_leads(folded: str) -> bool:
    """A note such as "列第一位者为牵头单位" outside brackets; it needs a 第 or 首, which most clauses lack."""
    if "第" not in folded and "首" not in folded:
        return False
    return FIRST_LEADS_RE.search(outside_brackets(folded)) is not None


def parse_bracket(t: T) -> Assignment | None:
    """An assignment held in one bracket's content, or ``None`` when the bracket says something else."""
    if ":" in t.n and LABEL_RE.search(t.n):  # every label ends in a colon
        return parse_labelled(t)
    result = parse_clauses(t)
    if result is None:
        return None
    # Task text has brackets too ("(鼓励社会资本参与)"): without labels, every unit must read as a body.
    units = result.lead + result.co + result.responsible
    if units and 2 * sum(named_like_unit(u) for u in units) < len(units):
        return None  # mostly not unit names: "(鼓励社会资本参与)" is task text
    return result


#: What ends the sentence a bare unit bracket closes ("…工作。（区发改局、区财政局）").
_SENTENCE_CLOSE = frozenset("。;")
#: A unit field's label the label lists do not hold: a few words and a body word before the colon.
_UNIT_LABEL_SHAPE_RE = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:单位|部门|机关|机构|司局|处室|科室)\s*:")
#: Shortest name a bare bracket may hold: "（市）" or "（区）" after a sentence is no unit list.
_BARE_NAME_MIN = 3


def bare_unit_bracket(t: T) -> Assignment | None:
    """A bracket after a sentence end that holds only unit names, no label and no verb
    ("…工作。（区发改局、区财政局）"): the sentence's responsible units, led as the document's convention says.
    A label no list holds but shaped like one ("（督办部门：甲部、乙部）") says no more than that."""
    label = _UNIT_LABEL_SHAPE_RE.match(t.n) if ":" in t.n else None
    if label is not None:
        t = t.cut(label.end()).strip()
    parts = [p.strip() for p in re.split("[、,;]", t.n)]
    while len(parts) > 1 and WHEN_RE.match(parts[-1]):
        parts.pop()  # "（区教育局、区委编办；长期坚持）": the deadline after the units
    if not all(len(p) >= _BARE_NAME_MIN and named_like_unit(p) for p in parts):
        return None
    result = Assignment(present=True)
    result.add_units("resp", t)
    return result


def assignment_brackets(t: T) -> list[tuple[int, int, Assignment]]:
    """Top-level brackets of a line that hold assignments, with their spans."""
    if _BRACKET_START_RE.search(t.n) is None:
        return []
    found: list[tuple[int, int, Assignment]] = []
    for start, end in bracket_groups(t):
        if (
            t.n[start] not in "([【〔"
        ):  # 〔〕 hold document numbers too ("国发〔2018〕38号"): those read as no assignment
            continue
        inner = t.cut(start + 1, end - 1)
        assignment = parse_bracket(inner)
        if assignment is None and start and t.n[start - 1] in _SENTENCE_CLOSE:
            assignment = bare_unit_bracket(inner)
        if assignment is not None and assignment.has_any():
            found.append((start, end, assignment))
    return found


#: Where a task's sentences end: the closing clauses of each are tried on their own.
_SENTENCE_END_RE = re.compile("[。;]")


def _ends_like_body(name: str) -> bool:
    """A name that ends like a body, not a group word alone: "各项措施" starts like a group but names none."""
    return named_like_unit(name) and body_ending(name)


#: The verbs a sentence's closing clauses may end in: those of assigning alone, not verbs of everyday prose
#: that take a place or an office ("可到区行政服务中心办理", "向区商务局咨询").
_CLOSING_VERB_RE = re.compile("(?:负责|牵头|配合|参与|协助|落实|负总责|主责)$")


def _assigns(clause: T) -> bool:
    """A clause that is only units and the role verb closing it ("区发改局负责", "区工信局、区交通局具体落实")."""
    verb = closing_verb(clause.n)
    found = parse_clauses(clause) if verb is not None and _CLOSING_VERB_RE.search(verb.group()) else None
    if found is None or found.leaders or found.assisting:
        return False
    names = found.lead + found.co + found.responsible
    return bool(names) and all(_ends_like_body(name) for name in names)


def _closing_start(clauses: list[T]) -> int | None:
    """Index of the first of the clauses that close a sentence with its assignment, or ``None``: a clause of
    units and a verb last (a deadline clause may follow it), before it more such clauses or a bare list of
    names (a group of the next clause: "区发改局，各片区管理局按职责分工负责")."""
    k = len(clauses)
    while k and _WHEN_CLAUSE_RE.match(clauses[k - 1].n):
        k -= 1
    start = None
    while k:
        clause = clauses[k - 1]
        names = [p for p in re.split("[、]", clause.n) if p]
        if _assigns(clause):
            start = k - 1
        elif not (start is not None and names and all(_ends_like_body(p) for p in names)):
            break
        k -= 1
    return start


def closing_clauses(t: T) -> Assignment | None:
    """The assignment that closes a task's sentence with no bracket and no label: "建立周报制度，区发改局负责。",
    "…，区商务局牵头，区发改局配合；", "开展专项整治。区应急局负总责，区工信局具体落实。". Only the clauses at a
    sentence's end are read, and only when each names nothing but units before its role verb, so prose
    ("各单位要密切配合", "确保各项措施落实") names none; the first sentence so closed gives the task's units."""
    start = 0
    for m in [*_SENTENCE_END_RE.finditer(t.n), None]:
        end = len(t.n) if m is None else m.start()
        sentence = t.cut(start, end).strip()
        start = end + 1
        if not sentence.n:
            continue
        clauses = [c.strip() for c in split_top_level(sentence, ",")[0]]
        first = _closing_start(clauses)
        if first is not None and (first > 0 or len(clauses) > 1 or m is not None):
            tail = clauses[first:]
            return parse_clauses(T("，".join(c.o for c in tail), ",".join(c.n for c in tail)))
    return None


#: The shortest name a bare list after a task's sentence may hold ("区纪委"; not "全区" or "各地").
_LISTED_NAME_MIN = 3


def trailing_unit_list(t: T) -> Assignment | None:
    """The units a task's text prints after its last sentence end with nothing else: "新建社区健身路径20条。
    区文体旅游局（牵头）、各乡镇（街道）" — a table's unit cell run into the task's text on a flattened page.
    Every name must end like a body; one name alone must open like a local body or a group (区, 市, 县, 省, 各),
    so an issuer's name under the last task ("平潭综合实验区管委会办公室") is no unit of it."""
    stop = t.n.rstrip().rstrip("。").rfind("。")
    if stop < 0:
        return None
    tail = t.cut(stop + 1).strip()
    found = Assignment(present=True)
    found.add_units("resp", tail)
    names = found.lead + found.co + found.responsible
    if not names or not all(len(name) >= _LISTED_NAME_MIN and _ends_like_body(name) for name in names):
        return None
    if len(names) == 1 and not (names[0][0] in LOCAL_FIRST or names[0].startswith("各")):
        return None
    return found
