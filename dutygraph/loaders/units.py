"""Split a printed list of responsible units into single units, and spot doubtful ones.

Unit lists mix separators (``、`` ``,`` ``;`` and their fullwidth forms, newlines inside table cells) and
carry brackets that themselves contain separators — "各区县政府(含南太湖新区、长合区管委会)" is *one*
unit — so splitting is a bracket-depth scan, not a ``str.split``. Brackets that hold a convention note
("(列第一位者为工作牵头单位或汇总单位,下同)") are removed from the unit and reported to the caller, which
applies the convention; a "(牵头)" mark makes that unit a lead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dutygraph.loaders.brackets import OPEN_RE, bracket_groups, split_top_level
from dutygraph.loaders.text import Line, T

_SEPARATORS = "、,;\n"
_TRAILING = "。.,;、:!?- "

#: A bracket note that states "the first listed unit leads" (列第一位者为牵头单位, 排名第一的为牵头部门…).
FIRST_LEADS_RE = re.compile(
    r"(?:(?:第一|第1)(?:位|个|家|名)?|首(?:位|个|家|名))[^,;。]{0,8}?(?:为|是)[^,;。]{0,6}?(?:牵头|汇总|主办)"
    # "均由排名第一的单位牵头", "由排在首位的部门牵头"
    r"|(?:第一|第1|首)(?:位|个|家|名)?的?(?:单位|部门)(?:为|是)?(?:牵头|主办)"
    # "牵头单位列首位", "牵头部门排在第一位"
    r"|牵头(?:单位|部门)(?:列|排|为)在?(?:首位|第一位|第一)"
)
#: Any bracket note about conventions ("下同" = "the same applies below").
_NOTE_RE = re.compile(r"下同|牵头单位|牵头部门|汇总单位|主办单位|第一位|首位")
#: A note on what a lead unit leads ("区社会事业局（牵头医疗医美板块）"): not part of its name.
_SCOPE_NOTE_RE = re.compile(r"^(?:牵头|负责|主抓)[\u4e00-\u9fff]{2,}")
#: What may follow a role mark in its bracket: a note on the unit's part ("区经发局（牵头，负责统筹协调）").
_MARK_NOTE = r"(?:[,;、][^()]{1,30})?$"
#: A bracket mark that makes the unit it follows a lead: "市建设局(牵头)".
_LEAD_MARK_RE = re.compile(
    r"^(牵头|牵头单位|牵头部门|主办|主办单位|总牵头|牵头负责|双牵头|共同牵头|主责|主责单位)" + _MARK_NOTE
)
#: A mark that makes the unit it follows a co-unit: "县金融服务中心（配合）".
_ASSIST_MARK_RE = re.compile(r"^(配合|配合单位|配合部门|协办|协办单位|参与|参与单位|协助)" + _MARK_NOTE)
#: Who to call at a unit, not its name: "区商务局（联系人：陈明）", "（联系电话：…）".
_CONTACT_RE = re.compile(r"^(?:联系人|联系电话|联系方式|电话|联络员|[\u4e00-\u9fff]{2,6}领导\s*:|责任人\s*:)")
#: A note that names which listed unit leads: "（县农业农村局牵头）", "（其中区财政局为牵头单位）".
_NAMED_LEAD_RE = re.compile(r"^(?:由|其中)?(?P<who>[^()、,;]{2,30}?)(?:为牵头单位|为牵头部门|牵头)$")
#: A note that repeats the list's own role: "各片区管理局（按职责分工负责）", "县财政局（责任单位）".
_DUTY_NOTE_RE = re.compile(r"^(落实|负责|按职责分工负责|按职责负责|分别负责|共同负责|责任单位|责任部门)$")

#: Ends of a top-level body name; a unit that holds one of these *inside* and then another body is suspect.
_BODY_END = "局|委|办|厅|部|政府"
_CONCAT_RE = re.compile(rf"^(?P<head>.{{3,}}?(?:{_BODY_END}))(?P<tail>.{{2,}}(?:局|委|办|厅))$")
_SUB_OFFICE_TAIL = re.compile(r"(分局|支队|大队|中队|分中心|派出所|管理所|办事处)$")


def states_first_leads(lines: list[Line]) -> bool:
    """The document says, on any line, that the first listed unit leads ("第一个为牵头单位"), even at its
    end ("注：主要责任单位第一个为牵头单位，其余为主要配合单位。")."""
    return any(
        ("第" in line.text.n or "首" in line.text.n) and FIRST_LEADS_RE.search(line.text.n) for line in lines
    )


@dataclass(slots=True)
class UnitList:
    """Units as printed, with what the brackets said."""

    units: list[str] = field(default_factory=list)
    #: indexes of units carrying an explicit lead mark "(牵头)".
    marked_leads: list[int] = field(default_factory=list)
    #: indexes of units marked as assisting: "县金融服务中心（配合）".
    marked_co: list[int] = field(default_factory=list)
    #: a convention note said "the first listed unit leads".
    first_leads: bool = False
    #: brackets were unbalanced, so the list was split ignoring brackets.
    unbalanced: bool = False
    #: a date printed in the list after its units ("区税务局 2023年底前完成", "A、B;2023年9月底前").
    deadline: str | None = None
    #: names printed with no separator and split at a body's first characters ("区发改局区财政局"), as printed.
    glued: list[str] = field(default_factory=list)


def split_units(t: T) -> UnitList:
    """Split a unit list as printed; see the module docstring for what brackets do."""
    result = _split_units(t)
    if _LIST_MARK_RE.search(t.n) is None:
        return result  # nothing for the steps below to read: most lists
    if _LEAD_SIGN_RE.search(t.n) is not None:
        _read_lead_signs(result)
    if _WEAKLY_SEPARATED_RE.search(t.n) is not None:
        _each_unit(result, lambda unit: _weakly_separated(unit, result))
    if "自治区" in t.n:
        result.units = _provinces_joined(result.units)
    if not result.marked_leads and _GLUED_AT_RE.search(t.n) is not None:
        _each_unit(result, lambda unit: _glued_apart(unit, result))
    if _PLACEHOLDER_RE.search(t.n) is not None:
        _each_unit(result, lambda unit: [] if is_placeholder(unit) else [unit])
    return result


def _each_unit(result: UnitList, pieces: Callable[[str], list[str]]) -> None:
    """Replace each unit of ``result`` by the pieces ``pieces`` makes of it (none, one or several); a
    unit's lead or co mark goes with its pieces, so the marks keep pointing at the names they follow."""
    units: list[str] = []
    leads: list[int] = []
    co: list[int] = []
    for i, unit in enumerate(result.units):
        for piece in pieces(unit):
            if i in result.marked_leads:
                leads.append(len(units))
            if i in result.marked_co:
                co.append(len(units))
            units.append(piece)
    result.units, result.marked_leads, result.marked_co = units, leads, co


#: What a form prints in an empty unit field ("配合单位：无", "配合单位：—"): no unit.
_NO_UNIT = frozenset({"无", "暂无", "空", "无配合单位", "不涉及"})
_PLACEHOLDER_RE = re.compile("无|空|不涉及|[—－/／-]")


def is_placeholder(unit: str) -> bool:
    """``unit`` is what a form prints in an empty field ("无", "—", "/"), not a name."""
    return not unit.strip(" —－-/／") or unit in _NO_UNIT


#: Signs a list puts on its lead unit ("★县农业农村局、各乡镇人民政府"; the notice says "标★的为牵头单位"), and
#: the asterisk a list prints after it ("区交建局*、区财金局"; "带*号的为牵头单位") — only after: an asterisk
#: inside or before a name is part of what was printed.
_LEAD_SIGNS = "★☆▲"
_AFTER_SIGNS = "*＊"
_LEAD_SIGN_RE = re.compile(f"[{_LEAD_SIGNS}]|[{re.escape(_AFTER_SIGNS)}](?=\\s*(?:[、,;]|$))")


def _read_lead_signs(result: UnitList) -> None:
    for i, unit in enumerate(result.units):
        bare = unit.strip(_LEAD_SIGNS + " ").rstrip(_AFTER_SIGNS + " ")
        if bare != unit.strip():
            result.units[i] = bare
            if i not in result.marked_leads:
                result.marked_leads.append(i)


#: What else stands between two units where 、 is missing: a space (ASCII or ideographic), a slash, a
#: conjunction, or nothing before a second group word ("各地区各部门").
_WEAK_SEPARATORS = " \u3000/／及与和"
_SPACE_SPLIT_RE = re.compile(r"\s+|[/／]")
_AND_SPLIT_RE = re.compile(r"以及|及(?!其)|与|和")
_STRONG_AND_RE = re.compile(r"以及|及(?!其)|与")
#: A piece that says when, not who: "2023年底前完成", "长期坚持", "“十四五”期间".
WHEN_RE = re.compile(
    r"^[“\"]?(?:(?:19|20)\d\d\s*年|\d{1,2}\s*月|年底|年内|长期|持续|常态|每年|每季|每月|上半年|下半年|[一二三四]季度|"
    r"十[一二三四五六]五[”\"]?期间)"
)
_WHEN_START_RE = re.compile(r"(?:^|[\s;,、])[“\"]?(?:(?:19|20)\d\d\s*年|长期|持续|十[一二三四五六]五)")
#: Last characters of a body's name ("…局", "…政府", "…中心"), where a glued name or date may follow.
_BODY_LAST = "局委办厅部府心团司院站所队"
#: First characters of a local body's name ("区…", "市…").
LOCAL_FIRST = "区市县省"
#: Words that open the names of bodies a local notice names beside its own bureaus, with no 区/市 head: the
#: place's offices of central and provincial bodies and companies ("平潭海关", "福州海关", "国网平潭供电公司").
PLACE_HEADS = ("平潭", "福建", "福州", "国网")
#: Such a body's whole name, never the place itself ("平潭综合实验区" in a title is no unit).
PLACE_NAME = (
    rf"(?:{'|'.join(PLACE_HEADS)})[\u4e00-\u9fff]{{0,10}}?"
    r"(?:海关|边检站|海事局|海警局|税务局|分局|支行|分行|公司|法院|检察院|支队|大队)"
)
#: A year printed right after a body's last character, with nothing between: "区交建局2017年底前完成".
_GLUED_WHEN_RE = re.compile(rf"(?<=[{_BODY_LAST}])(?:19|20)\d\d\s*年")
#: A list worth :func:`_weakly_separated`: a weaker separator, two 各 groups, or a date.
_WEAKLY_SEPARATED_RE = re.compile(
    f"[{_WEAK_SEPARATORS}]|各[^、,;]*各|{_WHEN_START_RE.pattern}|{_GLUED_WHEN_RE.pattern}"
)
#: What each step of :func:`split_units` after the separators needs in the list, in one search: a lead sign,
#: a weak separator or two 各 groups or a date's first character, 自 (自治区), a placeholder's character,
#: or a body's last character before a local body's first.
_LIST_MARK_RE = re.compile(
    f"[{_LEAD_SIGNS}{_AFTER_SIGNS}{_WEAK_SEPARATORS}年长持十自无空不—－/／-]|各[^、,;]*各|[{_BODY_LAST}][{LOCAL_FIRST}各]"
)
#: Two group words printed without a separator: "各地区各部门", "各地区各有关部门".
_TWO_GROUPS_RE = re.compile(r"^(各(?:地区|地|省|市|县|区|乡镇|街道|部门|单位))(各[\u4e00-\u9fff]{1,8})$")
#: A generic word after 和 that names the group before it again ("各有关部门和单位").
_SAME_GROUP_RE = re.compile(r"(?:有关|相关|其他|其它)?(?:单位|部门)$")


#: What a unit holds when :func:`_weakly_separated` may split it: a space, a slash, a conjunction, two 各.
_WEAK_MARK_RE = re.compile(r"[\s/／及与和]|各.*各")


def _weakly_separated(unit: str, result: UnitList) -> list[str]:
    """A unit split where a weaker separator than 、 stands between two whole names (a piece is only
    split when every part reads as a unit name on its own); a date printed after the units goes to
    ``result.deadline``."""
    if WHEN_RE.match(unit):
        result.deadline = result.deadline or unit
        return []
    glued_when = _GLUED_WHEN_RE.search(unit)
    if glued_when is not None:  # "区交建局2017年底前完成": the date and what follows it are the deadline
        result.deadline = result.deadline or unit[glued_when.start() :]
        unit = unit[: glued_when.start()]
    if _WEAK_MARK_RE.search(unit) is None:
        return [unit] if unit else []  # most units of such a list: nothing below applies
    pieces = [p for p in _SPACE_SPLIT_RE.split(unit) if p]
    when = next((k for k, p in enumerate(pieces) if k and WHEN_RE.match(p)), None)
    if when is not None:
        # "区市场监督管理局 2023年底前完成": the date and what follows it are the deadline
        result.deadline = result.deadline or " ".join(pieces[when:])
        pieces = pieces[:when]
        unit = " ".join(pieces)
    if len(pieces) > 1 and all(named_like_unit(p) for p in pieces):
        return [part for piece in pieces for part in conjoined_names(piece)]
    two = _TWO_GROUPS_RE.match(unit)
    return list(two.groups()) if two is not None else conjoined_names(unit)


def conjoined_names(unit: str) -> list[str]:
    """ "区国资中心及区财政局" → both names; "工业和信息化部" and "各有关部门和单位" stay whole. 及 and 与 are
    tried first: "区卫生和计划生育局及区食品药品监督管理局" splits at 及 only."""
    if not any(c in unit for c in "及与和"):
        return [unit] if unit else []
    for pattern in (_STRONG_AND_RE, _AND_SPLIT_RE):
        parts = [p for p in pattern.split(unit) if p]
        if (
            len(parts) > 1
            and all(named_like_unit(p) for p in parts)
            and not _SAME_GROUP_RE.fullmatch(parts[-1])
        ):
            return parts
    return [unit] if unit else []


#: Where one name ends like a body and the next starts like a body of a jurisdiction, with nothing between:
#: "区发改局|区财政局", "区城管局|各乡镇人民政府", "市委|市政府". ("市公安局大数据局" has no such point.)
#: (A 各 phrase after a body is its own departments, "市政府各有关部门", unless it names localities.)
_GLUED_AT_RE = re.compile(
    rf"(?<=[{_BODY_LAST}])(?=(?:[{LOCAL_FIRST}]|各(?:乡镇|街道|镇|区|县|市|设区市|片区))[\u4e00-\u9fff])"
)
#: The shortest name a glued list is split into ("市委").
_GLUED_NAME_MIN = 2


def _glued_apart(unit: str, result: UnitList) -> list[str]:
    """Names printed with no separator, split at :data:`_GLUED_AT_RE` where every part reads as a name on
    its own; the printed string that was split goes to ``result.glued`` (the parse warns about each)."""
    cuts = [m.start() for m in _GLUED_AT_RE.finditer(unit)]
    parts = [unit[a:b] for a, b in zip([0, *cuts], [*cuts, len(unit)], strict=True)]
    if len(parts) > 1 and all(len(p) >= _GLUED_NAME_MIN and named_like_unit(p) for p in parts):
        result.glued.append(unit)
        return parts
    return [unit]


def _provinces_joined(units: list[str]) -> list[str]:
    """ "各省、自治区、直辖市人民政府" is one group, though its 、 separate: a piece that starts 自治区 or 直辖市
    continues a piece that ends 省 or 自治区."""
    out: list[str] = []
    for unit in units:
        if out and unit.startswith(("自治区", "直辖市")) and out[-1].endswith(("省", "自治区")):
            out[-1] += "、" + unit
        else:
            out.append(unit)
    return out


def _split_units(t: T) -> UnitList:
    result = UnitList()
    if OPEN_RE.search(t.n) is None:
        result.units = _plain_units(t)  # no brackets: the common case
        return result
    parts, balanced = split_top_level(t, _SEPARATORS)
    if not balanced:
        parts, _ = split_top_level(t, _SEPARATORS, respect_brackets=False)
        result.unbalanced = True
    named_leads: list[str] = []
    k = 0
    while k < len(parts):
        piece = parts[k].strip(_TRAILING)
        k += 1
        lead_mark = co_mark = False
        if OPEN_RE.search(piece.n) is None:
            if piece:
                result.units.append(piece.o)
            continue
        # Drop convention notes and lead marks held in brackets; the kept pieces are joined once, so
        # a list of many notes costs one pass.
        kept_o: list[str] = []
        kept_n: list[str] = []
        previous = 0
        for start, end in bracket_groups(piece):
            inner = piece.n[start + 1 : end - 1].strip()
            named = _NAMED_LEAD_RE.match(inner)
            if _LEAD_MARK_RE.match(inner):
                lead_mark = True
                if piece.n[end:].strip(_TRAILING):
                    # "区商务局（牵头）区市场监督管理局": the mark closes its unit, the next name follows at once
                    parts.insert(k, piece.cut(end))
                    kept_o.append(piece.o[previous:start])
                    kept_n.append(piece.n[previous:start])
                    previous = len(piece.n)
                    break
            elif FIRST_LEADS_RE.search(inner):
                result.first_leads = True
            elif _ASSIST_MARK_RE.match(inner):
                co_mark = True
            elif WHEN_RE.match(inner):
                result.deadline = (
                    result.deadline or piece.o[start + 1 : end - 1].strip()
                )  # "区财政局（2023年底前）"
            elif named is not None and start > 0:
                named_leads.append(named.group("who"))  # "A、B、C（A牵头）": the note names the lead
            elif (
                not _NOTE_RE.search(inner)
                and not _SCOPE_NOTE_RE.match(inner)
                and not _DUTY_NOTE_RE.match(inner)
                and not _CONTACT_RE.match(inner)
            ):
                continue
            kept_o.append(piece.o[previous:start])
            kept_n.append(piece.n[previous:start])
            previous = end
        if previous:
            if previous < len(piece.n):
                kept_o.append(piece.o[previous:])
                kept_n.append(piece.n[previous:])
            piece = T("".join(kept_o), "".join(kept_n))
        piece = piece.strip(_TRAILING)
        if not piece:
            continue
        if lead_mark:
            result.marked_leads.append(len(result.units))
        elif co_mark:
            result.marked_co.append(len(result.units))
        result.units.append(piece.o)
    for who in named_leads:
        if who in result.units and result.units.index(who) not in result.marked_leads:
            result.marked_leads.append(result.units.index(who))
    return result


def _plain_units(t: T) -> list[str]:
    """Units of a list without brackets, as printed: split the folded text at its separators, slice
    the print at the same offsets (separators are one character) and trim each piece on the fold.

    What the bracket-aware path of :func:`split_units` makes of such a list, without a :class:`T` per piece.
    """
    o, n = t
    # the separators are single characters: the first in place of each other, then one str.split (a
    # third of a regex split's time)
    joined = n
    for separator in _SEPARATORS[1:]:
        joined = joined.replace(separator, _SEPARATORS[0])
    pieces = joined.split(_SEPARATORS[0])
    if o == n:  # nothing folded (most lists): each piece as printed, trimmed
        return [kept for piece in pieces if (kept := piece.strip(_TRAILING))]
    units: list[str] = []
    start = 0
    for piece in pieces:
        kept = piece.strip(_TRAILING)
        if kept and len(kept) == len(piece):  # nothing trimmed (most pieces)
            units.append(o[start : start + len(piece)])
        elif kept:
            left = start + len(piece) - len(piece.lstrip(_TRAILING))
            units.append(o[left : left + len(kept)])
        start += len(piece) + 1
    return units


#: Two glued unit names are at most this long (the check's patterns are quadratic in the worst case, so
#: longer strings are not tried at all).
_CONCAT_MAX = 40
_BRACKETED_RE = re.compile(r"[(（〈《\[【〔][^)）〉》\]】〕]*[)）〉》\]】〕]")


@functools.lru_cache(maxsize=8192)
def suspect_concatenation(unit: str) -> tuple[str, str] | None:
    """Return ``(head, tail)`` when a unit looks like two bodies printed without a separator.

    "市公安局大数据局" reads as 市公安局 + 大数据局. Bracketed text is ignored, heads shorter than four
    characters are allowed ("市委组织部", "市纪委监委" are real names) and tails naming a sub-office
    ("吴兴分局", "交警支队") are a body's own part, not a second body.
    """
    if len(unit) < 7 or len(unit) > _CONCAT_MAX:
        return None  # two glued names are short; a longer "unit" is a damaged list, warned elsewhere
    bare = _BRACKETED_RE.sub("", unit) if OPEN_RE.search(unit) else unit
    if len(bare) < 7:
        return None
    m = _CONCAT_RE.match(bare)
    if not m:
        return None
    head, tail = m.group("head"), m.group("tail")
    if len(head) < 4 or len(tail) < 3 or head.endswith("总局") or _SUB_OFFICE_TAIL.search(tail):
        return None
    if tail.startswith(("会", "室", "组")):
        return None
    return head, tail


#: Lines that look like a unit name (table cells, one unit per line).
_UNIT_END_RE = re.compile(
    r"(局|委|办|厅|部|院|中心|政府|集团|公司|队|所|站|室|会|处|社|行|馆|园|校|区|街道|乡镇|指挥部|专班|"
    r"单位|部门|联|协|科|组|关|署|庭|台|团|中央|镇|乡|村|委员会|办公室|管委会|分公司|银行|医院|学校|联席会议|机构|"
    r"中学|小学|大学|企业)$"
)


#: A modal before the verb ("要密切配合", "应积极参与"): a sentence of exhortation, not an assignment.
_EXHORTATION_RE = re.compile(r"(?:要|应当|应|须|必须|需要)[\u4e00-\u9fff]{0,4}$")


def body_ending(name: str) -> bool:
    """``name`` ends in a body's ending (局, 委, 中心, 公司, 乡镇, 街道 …), a bracketed note after it left out."""
    name = name.strip().rstrip("。.")
    if name.endswith((")", "）")):
        name = _TRAILING_NOTE_RE.sub("", name)
    return _UNIT_END_RE.search(name) is not None


def exhorts(subject: str) -> bool:
    """ "各责任单位要密切" before 配合: units told what to do in general, not named to a task. (A modal inside
    a name, "区应急管理局", leaves the subject ending like a unit.)"""
    m = _EXHORTATION_RE.search(subject)
    return m is not None and named_like_unit(subject[: m.start()]) and _UNIT_END_RE.search(subject) is None


#: A note in brackets after a name: "中央宣传部（国务院新闻办）", "区社会事业局(医改办)".
_TRAILING_NOTE_RE = re.compile(r"[(（][^()（）]{1,20}[)）]$")


#: Words that end like a body but name none: a role ("牵头单位要切实履行好主体责任"), or a clause that
#: opens with a negation or a preposition ("不按照本预案规定和…指挥部要求…", "根据…部署").
_NOT_A_NAME_RE = re.compile(
    r"^(?:不|未|按照|依照|根据|凡)|^(?:牵头|配合|责任|成员|主办|协办|参与)(?:单位|部门)$"
)


def named_like_unit(text: str) -> bool:
    """Stricter than :func:`looks_like_unit`: the name must end like a body or be a group word (各…); a
    bracketed note after it ("中央宣传部（国务院新闻办）") is no part of how it ends."""
    text = text.strip().rstrip("。.")
    if text.endswith((")", "）")):
        text = _TRAILING_NOTE_RE.sub("", text)
    if not text or len(text) > 30 or _NOT_A_NAME_RE.search(text):
        return False
    return text.startswith("各") or bool(_UNIT_END_RE.search(text))


def looks_like_unit(text: str) -> bool:
    """A short cell/line that reads as a unit name (used where no separator says so)."""
    text = text.strip()
    if text.endswith(("。", ".")):
        return False
    if not text or len(text) > 24 or any(c in text for c in "。;；!?！？"):
        return False
    return text.startswith("各") or bool(_UNIT_END_RE.search(text)) or len(text) <= 8


#: A local body's or a group's whole name, as a heading prints it: a head, then a body's ending.
_HEADING_UNIT_RE = re.compile(rf"(?:[{LOCAL_FIRST}]|各)[\u4e00-\u9fff()（）、]{{1,20}}")
#: A heading is this short at most when it holds only unit names.
_HEADING_UNITS_MAX = 40


def heading_units(t: T) -> list[str]:
    """The units of a section heading that is only their names ("一、区发改局", "二、区住建局、区城管局",
    "三、区财政局（牵头单位）"), else none: the tasks under it are theirs. A heading such as "建设法治政府" ends like
    a body but does not start like one."""
    if len(t.n) > _HEADING_UNITS_MAX or _HEADING_UNIT_RE.fullmatch(t.n.strip()) is None:
        return []
    units = split_units(t.strip())
    names = units.units
    if not names or not all(_HEADING_UNIT_RE.fullmatch(n) and named_like_unit(n) for n in names):
        return []
    return names
