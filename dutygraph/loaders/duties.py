"""Assignments written as the sentence's own subject and verb, with no label and no bracket.

Three wordings, each common in one kind of document:

- **duty sentences**, unit first: "（4）财政部负责安排…", "国家发展改革委及国家粮食局、商务部按照各自职能分工，负责…",
  "由区规划局牵头，建立…" (成员单位职责 sections of emergency plans, 分工方案 written as prose);
- **会同 and 配合 sentences**: "国务院新闻办会同国家发展改革委制订…" (the subject leads, the others assist),
  "区环境与国土资源局配合规划局对…进行确认" (the unit after 配合 leads), "发展改革委会同水利部研究提出了办理意见"
  (reply letters);
- **run-in role chains**: "区环土局牵头，区农发局配合，相关乡镇落实" inside running text or a table flattened
  into it, where each list ends where the unit names stop.

A subject counts only when every name in it ends like a body (see
:func:`~dutygraph.loaders.units.named_like_unit`), so "各地要加快…" or "政府负责同志…" are not read as duties.
"""

from __future__ import annotations

import itertools
import re

from dutygraph.loaders.assignment import SUBJECT_TAIL_RE, Assignment
from dutygraph.loaders.text import T
from dutygraph.loaders.units import LOCAL_FIRST, conjoined_names, exhorts, named_like_unit

#: What a unit name ends with, for lists that no separator or bracket delimits.
_STRONG_END = (
    "局|委|办|厅|部|中心|公司|集团|企业|政府|管委会|单位|部门|镇|乡|室|站|队|处|科|署|总社|银行|机构"
)
#: Ends that also close common words ("社会", "有关", "行动"): a name cut there is grown to a strong end, never
#: across 等 ("银保监会等有关部门" is 银保监会 and a tail, not one name ending in 部门).
_WEAK_END = "会|关|行|社|团|联|所|院"
_UNIT_END = f"{_STRONG_END}|{_WEAK_END}"
RUN_UNIT = (
    rf"[\u4e00-\u9fff]{{1,14}}?(?:(?:{_WEAK_END})[\u4e00-\u7b48\u7b4a-\u9fff]{{0,3}}?(?:{_STRONG_END})|{_UNIT_END})"
    # "有关部门" is not "有关部" + "门", "各乡镇" not "各乡" + "镇"; and a name goes on where its ending grows into a
    # longer one, which never opens a name (委员会, 办公室, 集团公司, 集团有限公司, 政府办)
    rf"(?:\([\u4e00-\u9fff]{{1,10}}\))?(?![门位镇]|员会|公室|公司|有限|(?<=政府)办)"
)
#: At most this many names in one run-in list: bounds the work per start position, so a scan stays linear.
_MAX_LIST = 40
RUN_LIST = rf"{RUN_UNIT}(?:、{RUN_UNIT}){{0,{_MAX_LIST}}}"
_CO_VERB = "配合|参与|参加|协助|协办"  # 参加: a plan's working group "由X牵头，Y、Z参加"
#: The verb of the units that carry a chain out ("相关乡镇落实"). It closes the chain only before a boundary
#: or a table's next cell (a date); before other text it is the next measure's first word ("…，区直有关单位
#: 实施新一轮…"), and the list ends in front of it. The office that supervises the chain ("…，区效能办督办",
#: "区督查室跟踪督办") closes it the same way: like a guiding clause after the units answering, it assists.
_IMPL_VERB = "负责落实|落实|实施|(?:跟踪|负责)?督办"
#: What may follow co-units after "X牵头，" when no co verb closes them: a boundary, a tail, or the verb of a
#: shared duty ("X牵头，Y、Z按职责分工负责"). Without it a lazy name would stop at its first inner ending
#: ("市粮油集团" of 市粮油集团公司, "市政府" of 市政府办公室). Only a table's cell run into the next cell
#: ("…区经发局牵头，区交建局、电力公司创新应用…") ends otherwise: then the list is read as far as names go
#: (the ``cell`` group).
_CO_LIST_END = rf"[,;。\s)\d]|$|等|按|(?:共同|分别)?负责|(?:{_IMPL_VERB})(?=[,;。\s)\d]|$)"
#: The words that close such co-units, part of the chain: "等(有关)部门", "按职责分工", then their verb.
_CO_TAIL = rf"(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按照?(?:各自)?职[责能](?:分工)?)?(?:{_CO_VERB}|(?:共同|分别)?负责|(?:{_IMPL_VERB})(?=[,;。\s)\d]|$))?"
#: After 牵头 the co-units follow a comma, or stand right after it (or after a "、": "X牵头、Y配合") only when a co
#: verb closes them: in "由区交建局牵头建立联席会议制度" the words after 牵头 are the task, not units.
_ROLE_CHAIN_RE = re.compile(
    rf"(?P<lead>{RUN_LIST})牵头(?:负责)?"
    rf"(?:,(?:会同)?(?P<co>{RUN_LIST})(?:{_CO_VERB}|(?={_CO_LIST_END}){_CO_TAIL})"
    rf"|,(?:会同)?(?P<cell>{RUN_LIST})|、?(?P<glued>{RUN_LIST})(?:{_CO_VERB}))?"
    rf"(?:,(?P<impl>{RUN_LIST})(?:(?:{_IMPL_VERB})(?=[,;。\s)\d]|$)|(?={_IMPL_VERB}|[,;。\s)\d]|$)))?"
)
#: The first character of a jurisdiction-local body name ("区环土局", "市发改委").
JURISDICTION_HEAD_RE = re.compile(f"[{LOCAL_FIRST}]")
#: A 牵头 that can close a chain's lead list (not the label words 牵头单位, 牵头部门, 牵头领导).
_CHAIN_LEAD_RE = re.compile("牵头(?!单位|部门|领导|责任单位|处室|科室)")

#: The subject of a duty sentence, then its verb. 会同/配合 take the units after them too. A name may carry a
#: note in brackets ("各乡镇（街道）负责…", "区社会事业局（医改办）牵头…").
#: "本预案由国务院办公厅负责解释", "该项工作具体由区文体局负责", "具体工作由国家卫生健康委负责", "上述工作由…",
#: "建立台账工作由区民政局负责":
#: the words before 由 are no part of the subject, nor is a point's mark ("二是由区督查室负责跟踪督办"); nor is the 请
#: of a reply letter's request ("请交通运输部会同财政部研究办理") or a 批复's "国务院同意由" ("国务院同意由自然资源部牵头，…").
_DUTY_RE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\s+)?(?:[一二三四五六七八九十]{1,3}是,?)?(?:会议(?:要求|同意|决定|明确|议定|强调)?,?)?(?:(?:本|该|此|具体|有关|相关|上述|以上|前述)[\u4e00-\u9fff]{1,6}?由|[\u4e00-\u9fff]{1,10}?工作(?:具体|均|统一)?由|(?:具体|均|统一)?由|请|(?:国务院)?(?:原则)?同意由)?(?P<subject>(?:[^,;。:()\[\]“”《》\s\d]|\([\u4e00-\u9fff]{1,10}\)){2,60}?)"
    r":?"  # "（1）外交部：负责…": member duties of a plan put a colon after the unit
    r"(?:在[^,;。]{1,30}?下,?)?"  # "其他有关部门在指挥部的统一领导下，做好…": the frame is no part of the subject
    r"(?:按照?(?:各自)?(?:的)?职(?:能|责)(?:分工)?,?|已|要|应|将|均|主要|具体|共同|分别|各自)?"
    r"(?P<verb>牵头负责|牵头|负责|为责任主体|为(?:第一)?责任单位|为牵头单位|会同|配合|参与|协助|统筹|督促|研究提出|研究办理|提出(?:了|如下|以下)?办理意见|经商|(?<=[局委办部署院行])商(?=[^,;。]{2,30}?研究)|做好(?:相关|有关)?(?:配合|协助)"
    r"|(?<![主重需只必])要(?=[\u4e00-\u9fff]))(?!同志|人|任)"  # 负责同志/负责人 are people
)
_DUTY_VERB_STARTS = "牵负会配参协研做提经统督要为"
#: A group word or people, told what to do in general ("各地区要…", "国务院各有关部门要…", "领导干部要带头…"): named to no
#: task by a bare 要.
_GROUP_SUBJECT_RE = re.compile("各|有关|相关|其他|其它|^地方|(?:干部|领导|党员|同志)$")
_DUTY_KIND = {
    "牵头负责": "lead",
    "牵头": "lead",
    "为牵头单位": "lead",
    "为第一责任单位": "lead",
    "统筹": "lead",
    "负责": "resp",
    "为责任主体": "resp",  # "区发改局为责任主体，区财政局配合"
    "为责任单位": "resp",
    "督促": "resp",
    "研究提出": "resp",
    "研究办理": "resp",  # "请国家铁路局研究办理": the body asked to handle the request
    "提出办理意见": "resp",
    "提出了办理意见": "resp",
    "提出如下办理意见": "resp",  # "经研究，水利部提出如下办理意见："
    "提出以下办理意见": "resp",
    # "国家发展改革委、财政部要抓紧制定配套政策": named bodies told to act are responsible for it
    "要": "resp",
    "参与": "co",
    "协助": "co",
    "做好配合": "co",
    "做好相关配合": "co",
    "做好有关配合": "co",
    "做好协助": "co",
    "做好相关协助": "co",
    "做好有关协助": "co",
}
#: Joins inside a duty sentence's subject: "国家发展改革委及国家粮食局、商务部".
_SUBJECT_SPLIT_RE = re.compile("、|以及|及")  # not 和 or 与: "住房和城乡建设部", "自然资源与生态环境局"
_AFTER_RE = re.compile(rf"(?P<units>{RUN_LIST})(?:等(?:有关|相关)?(?:部门|单位))?")


def _subject_units(t: T) -> list[str] | None:
    """The names of a subject as printed, or ``None`` unless they read as units: each short, and more than
    half of them (all of one or two) ending like a body, so one name no list knows ("区林业办、国有防护林场、
    …管理处") never drops the subject."""
    names: list[str] = []
    like = 0
    start = 0
    for m in [*_SUBJECT_SPLIT_RE.finditer(t.n), None]:
        end = m.start() if m is not None else len(t.n)
        piece = t.cut(start, end).strip()
        if not piece or len(piece.n) > 24 or exhorts(piece.n):
            return None
        parts = conjoined_names(piece.o) if "和" in piece.n or "与" in piece.n else [piece.o]
        like += sum(named_like_unit(T.of(part).n) for part in parts)
        names += parts
        if m is not None:
            start = m.end()
    return names if 2 * like > len(names) and (like == len(names) or len(names) > 2) else None


#: The rest of a last name cut short at an ending inside it ("西部" + "开发办研究提出…"): more name up to a strong
#: end, then a separator, a tail or the sentence's verb.
_REST_OF_NAME_RE = re.compile(
    rf"[\u4e00-\u9fff]{{1,6}}?(?:{_STRONG_END})(?=[、,;。]|等|研究|负责|提出|制定|牵头|配合|参与|协助|对|就|组织|开展|加强|做好|进行|共同|联合|$)"
)


def _units_after(t: T, start: int) -> list[str]:
    """The unit list after 会同/配合 ("会同西部开发办、财政部等部门研究…"). A lazy name pattern stops at the first
    ending of the last name, so that name is grown to the next strong end when one follows at once."""
    units: list[str] = []
    while True:
        m = _AFTER_RE.match(t.n, start)
        if m is None:
            return units
        end = m.end("units")
        rest = _REST_OF_NAME_RE.match(t.n, end) if m.end() == end else None  # no 等…部门 tail: it may go on
        if rest is not None:
            end = rest.end()
        units += [p for p in t.cut(m.start("units"), end).o.split("、") if p]
        if rest is None or not t.n.startswith("、", end):
            return units
        start = end + 1  # the grown name was not the last: "会同西部开发办、财政部…"


def duty_sentence(t: T, *, modal: bool = True) -> Assignment | None:
    """The assignment a task's own first sentence states ("财政部负责…"), or ``None``; ``modal=False`` leaves out
    a subject told what to do by a bare 要 ("财政部要加大投入"), the weakest sign of who acts."""
    head = t.n[:70]
    if not any(c in head for c in _DUTY_VERB_STARTS):
        return None  # no role verb near the start: the common case, decided without the pattern
    m = _DUTY_RE.match(t.n)
    if m is None:
        return None
    subject = _subject_units(_without_subject_tail(t.cut(*m.span("subject"))))
    if subject is None:
        return None
    verb = m.group("verb")
    if verb == "要" and (not modal or any(_GROUP_SUBJECT_RE.search(name) for name in subject)):
        return None  # "各地区要结合实际抓好落实" exhorts; "财政部要加大投入" names who acts
    result = Assignment(present=True)
    if verb in ("会同", "经商", "商"):  # "X经商Y提出了办理意见", "请X商Y研究办理": X acts after consulting Y
        result.lead.extend(subject)
        result.co.extend(_units_after(t, m.end()))
    elif verb in ("配合", "协助"):  # "X配合Y对…进行确认", "X协助Y做好…": Y leads
        leads = _units_after(t, m.end())
        result.lead.extend(leads)
        (result.co if leads or verb == "协助" else result.responsible).extend(subject)
    else:
        kind = _DUTY_KIND[verb]
        (result.lead if kind == "lead" else result.co if kind == "co" else result.responsible).extend(subject)
        end = t.n.find("。", m.end())
        # "…负责…，提出修改完善意见，会同区直相关部门共同做好…": 会同 anywhere in the duty's sentence; after a bare
        # 要 the sentence's next clause may have a subject of its own ("…，住房城乡建设部要会同…")
        told = verb == "要" or t.n[m.start("verb") - 1] == "要"  # "应急管理部要统筹协调…"
        reach = _CLAUSE_END_RE.search(t.n, m.end()) if told else None
        if reach is not None:
            others = _later_told_subjects(t.cut(reach.end(), end if end >= 0 else len(t.n)))
            (result.co if result.lead else result.responsible).extend(others)
        together = t.n.find("会同", m.end(), reach.start() if reach else end if end >= 0 else len(t.n))
        if together >= 0 and kind != "co":
            result.co.extend(_units_after(t, together + 2))
        elif kind != "co":
            helpers = _HELPERS_RE.search(t.n, m.end(), end if end >= 0 else len(t.n))
            if helpers is not None:  # "由区交建局负责，区公安局配合。"
                result.co.extend(p for p in t.cut(*helpers.span("units")).o.split("、") if p)
    return result


def _without_subject_tail(subject: T) -> T:
    """A duty's subject without its tail ("国家发展改革委、财政部等有关部门" → "国家发展改革委、财政部"): the named
    bodies are told to act, the tail is no group that makes the sentence an exhortation."""
    if "等" not in subject.n:
        return subject
    tail = SUBJECT_TAIL_RE.search(subject.n)
    return subject.cut(0, tail.start()) if tail is not None and tail.start() > 0 else subject


def _later_told_subjects(t: T) -> list[str]:
    """The bodies later clauses of a sentence tell what to do with a 要 of their own ("应急管理部要统筹协调…，
    国家粮食和储备局要做好物资调运"): each clause is one body's part of the task."""
    names: list[str] = []
    start = 0
    for m in itertools.islice([*_CLAUSE_END_RE.finditer(t.n), None], _MAX_CLAUSES):
        clause = t.cut(start, m.start() if m is not None else len(t.n))
        told = duty_sentence(clause) if "要" in clause.n[:26] else None
        if told is not None and not told.co:
            names += told.lead + told.responsible
        if m is None:
            break
        start = m.end()
    return names


#: A clause of the same sentence that names who assists: "…负责，区公安局配合" (it ends the clause), or who carries
#: out what the subject guides: "…负责指导，某市人民政府负责组织实施".
_HELPERS_RE = re.compile(
    rf",(?P<units>{RUN_LIST})(?:(?:{_CO_VERB})(?:落实|实施)?|为配合(?:单位|部门)|做好(?:协调|衔接|配合)[\u4e00-\u9fff]{{0,4}}"
    # "试点工作由某省人民政府负责指导，某市人民政府负责组织实施": those who carry out what the subject guides
    r"|(?:负责)?(?:组织|具体)实施|负责(?:具体)?落实)"
    r"(?=[,;。]|$)"
)


#: A clause that sets the scene before a sentence's subject ("根据指挥部的安排，", "对…占用的贷款，", "…启动后，",
#: "确需动用中央储备粮的，"): the duty's subject may follow it.
_FRAME_RE = re.compile(r"^(?:根据|按照|依据|依照|在|对|对于|经|如|如果|若|当|为了)|(?:后|时|前|的|下)$")
_CLAUSE_END_RE = re.compile("[,;]")
#: A clause whose actor 由 names after a few words of topic: "具体由区发改局负责", "所需经费由区财政金融局负责落实"
#: (not 由于 "because", 理由, 自由, 经由), or that a reply letter opens with 请: "关于某港口问题，请交通运输部会同…研究办理".
_BY_CLAUSE_RE = re.compile(
    r"(?P<ask>请)(?=[\u4e00-\u9fff]{2})|[\u4e00-\u9fff]{0,8}?(?<![自理经缘])(?P<by>由)(?![于此衷])"
)
#: A notice revising an earlier division of work: "将“推进…”调整为由区城乡建设局负责", "改为由…牵头", whatever
#: the words before it (a quoted task title the subject pattern cannot cross).
_REASSIGNED_RE = re.compile(r"(?:调整|改|变更|明确|确定)为(?P<by>由)")
#: A role named with 为 ("区住建局为牵头单位", "区发改局为责任主体"): no prose says it of a unit that is not assigned.
_NAMED_ROLE_RE = re.compile("为(?:第一)?(?:牵头|责任|主责)(?:单位|部门|主体)")
#: Clauses of one sentence tried as a duty's start: frames are few, and the bound keeps a long sentence linear.
_MAX_CLAUSES = 12


def framed_duty_sentence(t: T, *, modal: bool = True) -> Assignment | None:
    """The duty a sentence states at its start, after its frame clauses, or in a clause that opens with 由.

    Procedure text of emergency plans puts the actor mid-sentence: "根据…的安排，中国储备粮管理总公司负责…",
    "…确需动用的，由省级人民政府提出申请，由国家发展改革委及国家粮食局会同财政部提出动用方案". 由 names the actor
    wherever its clause stands; other clauses only after scene-setting ones, so a subject inside prose is not read.
    """
    found = duty_sentence(t, modal=modal)
    if found is not None:
        return found
    end = t.n.find("。")
    end = len(t.n) if end < 0 else end + 1
    reassigned = _REASSIGNED_RE.search(t.n, 0, end) if "为由" in t.n else None
    if reassigned is not None:  # "将“…”调整为由X负责，Y配合": a revised division of work names its new units
        return duty_sentence(t.cut(reassigned.start("by"), end), modal=modal)
    if "," not in t.n:
        return None
    # "…工作，区住建局为牵头单位，区城管局为配合单位": a clause that names its unit's role, wherever it stands
    named_role = "为" in t.n and _NAMED_ROLE_RE.search(t.n, 0, end) is not None
    framed = True
    start = 0
    for m in itertools.islice(_CLAUSE_END_RE.finditer(t.n, 0, end), _MAX_CLAUSES):
        framed = framed and _FRAME_RE.search(t.n[start : m.start()]) is not None
        start = m.end()
        by = None if framed else _BY_CLAUSE_RE.match(t.n, start)
        if framed or by is not None or named_role:
            found = duty_sentence(
                t.cut(start if by is None else by.start(by.lastgroup or "by"), end), modal=modal
            )
            if found is not None:
                return found
    return None


#: The verbs a member's duties open with in a 成员单位职责 section, beyond a duty sentence's own.
_MEMBER_VERBS = (
    "承担|组织|协调|指导|做好|提供|开展|加强|督促|监督|落实|保障|维护|制定|拟订|指挥|收集|发布|监测|管理|审核|"
    "及时|依法|根据|按程序|按照|主管|归口"
)
#: A member named at the start of its paragraph, before a colon ("外交部：协调做好涉外事务") or right before one
#: of the members' verbs ("外交部协调做好涉外事务").
_MEMBER_SUBJECT_RE = re.compile(
    rf"^(?:(?P<subject>(?:[^,;。:()\[\]“”《》\s\d]|\([\u4e00-\u9fff]{{1,10}}\)){{2,40}}):\s*(?=[\u4e00-\u9fff])|(?P<bare>{RUN_LIST})(?={_MEMBER_VERBS}))"
)


def member_subject_duty(t: T) -> Assignment | None:
    """The member a paragraph of a 成员单位职责 section names before its colon ("应急管理部：承担指挥部日常工作",
    "国家发展改革委、财政部：按程序安排资金"), whatever verb follows, or right before a verb members' duties open
    with ("外交部协调做好涉外事务"): in that section the paragraph's subject does the duties, and their verbs are
    too many for a duty sentence's list. A 会同 in the first sentence names the members' partners, as in a duty
    sentence."""
    m = _MEMBER_SUBJECT_RE.match(t.n)
    if m is None:
        return None
    subject = _subject_units(t.cut(*m.span("subject" if m.group("subject") else "bare")))
    if subject is None:
        return None
    result = Assignment(present=True)
    result.responsible.extend(subject)
    end = t.n.find("。", m.end())
    together = t.n.find("会同", m.end(), end if end >= 0 else len(t.n))
    if together >= 0:
        result.co.extend(_units_after(t, together + 2))
    return result


def colon_subject_duty(t: T) -> Assignment | None:
    """The units a task opens with before a colon ("区商务局、区口岸办：推进跨境电商发展"), whatever follows: the
    task is theirs, as a member's duties are in a 成员单位职责 section."""
    m = _MEMBER_SUBJECT_RE.match(t.n) if ":" in t.n[:42] else None
    return member_subject_duty(t) if m is not None and m.group("subject") else None


def member_duty(t: T) -> Assignment | None:
    """The duty a member's paragraph (or sentence) of a 成员单位职责 section opens with: a duty sentence
    ("公安部负责…") or the member and a colon ("外交部：协调…")."""
    return duty_sentence(t) or member_subject_duty(t)


#: Where one member's duties may end and the next member's begin: a sentence's end, or a "；" between the
#: duties of two members written in one sentence ("公安部负责治安维护；国家卫生健康委负责医疗救治；…").
_MEMBER_BREAK_RE = re.compile("[。;]")


#: A member's number inside a paragraph that runs numbered members together: "…。（2）公安部：…", "…；2.公安部…".
_INLINE_NUMBER_RE = re.compile(r"\s*(?:\(\d{1,2}\)|\d{1,2}[.、])")


def member_duties(t: T, duty: Assignment) -> list[tuple[T, Assignment]]:
    """A member-duty paragraph ``t`` (its first sentence's assignment ``duty``) cut into one duty per member:
    "区农发局负责…。区交建局负责…。" run together in one paragraph of a flattened page is two members' duties,
    and so is "公安部负责…；国家卫生健康委负责…" or "…。（2）公安部：…". A sentence or "；" clause whose subject
    (after its number, if it has one) is another unit opens the next; any other goes on the duty before it
    ("甲委负责综合协调；做好市场调控。" stays one)."""
    pieces: list[tuple[T, Assignment]] = []
    start = 0
    subject = duty.lead + duty.co + duty.responsible
    for m in _MEMBER_BREAK_RE.finditer(t.n, 0, len(t.n) - 1):
        number = _INLINE_NUMBER_RE.match(t.n, m.end())
        found = member_duty(t.cut(number.end() if number is not None else m.end()))
        named = found.lead + found.co + found.responsible if found is not None else subject
        if found is not None and named != subject:
            pieces.append((t.cut(start, m.end()), duty))
            start, duty, subject = m.end(), found, named
    pieces.append((t.cut(start), duty))
    return pieces


def first_duty_sentence(t: T) -> Assignment | None:
    """The assignment of the first sentence of ``t`` that is a duty sentence ("1.关于X问题。国土资源部会同…");
    a sentence with a role verb wins over an earlier one with a bare 要 ("…指挥部要根据…。…由X会同Y提出方案").
    A sentence inside quotation marks is quoted text — an article of a regulation being amended
    ("修改为：“县级以上地方人民政府卫生健康主管部门负责…。”"), a slogan — and assigns nothing."""
    return _first_duty(t, modal=False) or (_first_duty(t, modal=True) if "要" in t.n else None)


def _first_duty(t: T, *, modal: bool) -> Assignment | None:
    start = 0
    quoted = 0  # quotes opened and not closed before ``start``
    while start < len(t.n):
        end = t.n.find("。", start)
        stop = end if end >= 0 else len(t.n)
        if quoted <= 0:
            found = framed_duty_sentence(t.cut(start, stop), modal=modal)
            if found is not None:
                return found
        if end < 0:
            return None
        quoted += t.n.count("“", start, end + 1) - t.n.count("”", start, end + 1)
        start = end + 1
    return None


#: How a body's or a group's name starts, and the characters a body's name ends with: a head inside a name
#: that starts like one, with no such ending before it, is no second name ("各片区管理局").
_NAME_START_RE = re.compile("[区市县省各]|相关|有关")
_BODY_END_RE = re.compile("[局委办厅部会府心队站处科室]")
#: Characters that make 区 after them part of a word, not a district's head: 片区, 园区, 社区, 景区, 城区, 新区,
#: 开发区, 实验区, 保护区, 自治区, 港区, 湾区, 矿区, 小区, 街区, 辖区, 林区, 郊区, and the district itself (全区, 我区,
#: 本区) ("金井片区管理局" is one name; "推进老旧小区改造区住建局" holds 区住建局). Not 校, 厂, 山, 库: a body's name
#: may end in them ("区委党校区委宣传部" is two names). Not 治 alone either: "整治区环土局" holds 区环土局, and only
#: 自治区 is an area word (:data:`AUTONOMOUS`).
AREA_WORD_FIRSTS = frozenset("片园社景城新发验护港湾矿小街辖林郊全我本养")
#: The two characters before the 区 of 自治区.
AUTONOMOUS = "自治"
#: 由 before a run-in list's first unit ("由区市场监管局牵头"), not the 由 inside a name ("自由贸易试验区").
_BY_RE = re.compile("(?<!自)由")


def local_heads(folded: str, start: int, end: int) -> list[int]:
    """Where a local body's name can start within ``folded[start:end]``: at 区, 市, 县 or 省, but not at a head
    right after another ("区市场监管局" starts at 区, not 市) nor at the 区 of an area word (片区, 园区…)."""
    return [
        m.start()
        for m in JURISDICTION_HEAD_RE.finditer(folded, start, end)
        if m.start() == 0
        or not (
            JURISDICTION_HEAD_RE.match(folded, m.start() - 1)
            or (
                m.group() == "区"
                and (
                    folded[m.start() - 1] in AREA_WORD_FIRSTS
                    or folded.startswith(AUTONOMOUS, m.start() - len(AUTONOMOUS))
                )
            )
        )
    ]


def _first_unit_start(folded: str, start: int, end: int) -> int:
    """Where the first unit of a run-in list really starts: "报管委会区环土局" → "区环土局", "整治，由区市场监管局"
    → "由区市场监管局" (a head right after another is inside the name: "区市场监管局" is not "市场监管局")."""
    first_end = folded.find("、", start, end)
    first_end = end if first_end < 0 else first_end
    by = [m.start() for m in _BY_RE.finditer(folded, start, first_end - 2)]
    if by:
        return by[-1]
    heads = local_heads(folded, start + 1, first_end - 2)
    if heads and _NAME_START_RE.match(folded, start) and not _BODY_END_RE.search(folded, start, heads[-1]):
        return start  # "各片区管理局": a name that starts like one holds the head, no body ends before it
    return heads[-1] if heads else start


#: The rest of a chain's last name when the list stopped two characters in, at an ending inside the name
#: ("区办" + "法规处深化…", "区委" + "宣传部推进…"): a head and one ending are no body's whole name.
_SHORT_NAME_REST_RE = re.compile(rf"[\u4e00-\u9fff]{{1,4}}?(?:{_STRONG_END})")
_SHORT_NAME = 2


def role_chain_at(t: T, start: int) -> tuple[int, Assignment] | None:
    """The run-in role chain that starts at ``start`` ("区环土局牵头，区农发局配合"), with where it ends."""
    m = _ROLE_CHAIN_RE.match(t.n, start)
    if m is None:
        return None
    end = m.end()
    spans = {group: m.span(group) for group in ("co", "cell", "glued", "impl") if m.group(group)}
    last = next((g for g in ("impl", "glued", "cell", "co") if g in spans and spans[g][1] == end), None)
    if last is not None and end - max(t.n.rfind("、", *spans[last]) + 1, spans[last][0]) <= _SHORT_NAME:
        rest = _SHORT_NAME_REST_RE.match(t.n, end)
        if rest is not None:
            spans[last] = (spans[last][0], rest.end())
            end = rest.end()
    assignment = Assignment(present=True)
    assignment.add_units("lead", t.cut(start, m.end("lead")))
    for group in ("co", "cell", "glued", "impl"):
        if group in spans:
            assignment.add_units("co", t.cut(*spans[group]))
    return end, assignment


def role_chains(t: T) -> list[tuple[int, int, Assignment]]:
    """Run-in "X牵头，Y配合" chains of a line with no bracketed assignment, with their spans."""
    if _CHAIN_LEAD_RE.search(t.n) is None:
        return []  # no 牵头, or only in labels ("牵头单位:"): no chain
    found: list[tuple[int, int, Assignment]] = []
    for m in _ROLE_CHAIN_RE.finditer(t.n):
        start = _first_unit_start(t.n, m.start("lead"), m.end("lead"))
        if t.n[start] == "由":
            start += 1  # "由交建局牵头": 由 is not part of the name
        # "由X牵头" is always the sentence's own prose, wherever it stands; a table cell never says 由
        opens_sentence = start == 0 or t.n[:start].rstrip().endswith("由")
        chain = role_chain_at(t, start)
        if chain is None:
            continue
        assignment = chain[1]
        # "由X牵头，Y配合，建立…" opens the task's own sentence: the sentence keeps it (an empty span);
        # elsewhere the chain is a cell of its own and is cut out of the text
        found.append((0, 0, assignment) if opens_sentence else (start, m.end(), assignment))
    return found
