"""Tables whose cells ran together: "序号主要工作任务具体工作措施完成时限主要责任单位…1、建立…3月区经发局区环土局…".

A table copied out of a web page or a PDF into plain text can lose every cell separator. What is left is a
header of concatenated column names, then rows in which the task text, the deadline and the unit names
follow each other with nothing between them. Without separators, the unit cells are found by what unit
names look like: a run of names that each start like a body of a jurisdiction (区, 市, 县, 省, 各, 相关…) and end
like one (局, 委, 办, 中心, 人民政府…), the names glued or joined by 、 and ，. The text before a run is the
task (from its own number "12、" when it has one), a deadline printed right before the run is the deadline,
and a run that starts after a blank (an empty 牵头单位 cell) has no lead. Every table read this way is
warned (``table-cells-run-together``), since the cell boundaries are inferred.
"""

from __future__ import annotations

import re

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.columns import KNOWN_HEADERS, UNIT_ROLES, column_role, with_variants
from dutygraph.loaders.duties import AREA_WORD_FIRSTS, AUTONOMOUS, JURISDICTION_HEAD_RE, role_chain_at
from dutygraph.loaders.items import Item, ReadState, Section
from dutygraph.loaders.leaders import parse_leader, trailing_leader
from dutygraph.loaders.records import Leader
from dutygraph.loaders.text import Line, T
from dutygraph.loaders.units import PLACE_NAME

#: Column names a glued header is made of: every name :mod:`dutygraph.loaders.columns` maps (of two
#: characters or more) and the other columns such tables carry.
_HEADER_NAMES = tuple(
    sorted(
        with_variants(
            {n for n in KNOWN_HEADERS if len(n) >= 2}
            # "主要责任单位", "主要承办单位", "主要牵头部门": a unit column's name after 主要
            | {f"主要{n}" for n in KNOWN_HEADERS if column_role(n) in UNIT_ROLES and not n.startswith("主要")}
            | {
                "主要工作任务",
                "具体工作措施",
                "存在问题",
                "整改目标和措施",
                "整改措施",
                "任务来源",
                "工作要求",
            }
            | {"总投资", "年度计划", "年度目标", "目标要求", "工作标准", "完成标准", "备注"}
        )
    )
)


def _spaced(name: str) -> str:
    return r"\s*".join(re.escape(c) for c in name)


def by_first_character(spelled: list[tuple[str, str]]) -> str:
    """The alternation of ``spelled`` (each a first character and the pattern of the rest), grouped by
    first character: at a position only the words that start with the character there are tried, in
    their order, so it matches what the plain alternation matches and chooses as it does, without
    failing through every other word first (a header's names are tried at the start of most lines)."""
    groups: dict[str, list[str]] = {}
    for first, rest in spelled:
        groups.setdefault(first, []).append(rest)
    return (
        "(?:"
        + "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
        + ")"
    )


_LONGEST_FIRST = sorted(_HEADER_NAMES, key=len, reverse=True)
#: One of the names, longest first, as :func:`_spaced` spells it (what the shortcut below stands for).
HEADER_NAME_PLAIN = "(?:" + "|".join(_spaced(n) for n in _LONGEST_FIRST) + ")"
_HEADER_NAME_RE = by_first_character(
    [(n[0], r"\s*" + _spaced(n[1:]) if n[1:] else "") for n in _LONGEST_FIRST]
)
#: Three or more column names glued together: the header of a table whose cells ran together.
HEADER_RE = re.compile(rf"(?:{_HEADER_NAME_RE}\s*){{3,}}")
_ONE_NAME_RE = re.compile(_HEADER_NAME_RE)
#: First characters of the header names: a line starting with none of them holds no glued header.
_HEADER_STARTS = frozenset(name[0] for name in _HEADER_NAMES)

#: (The 区 of an area word is no head: "平潭综合实验区跨境电商发展区商务局" holds one name, 区商务局.)
_HEAD = rf"(?:省|市|(?<![{''.join(sorted(AREA_WORD_FIRSTS))}])(?<!{AUTONOMOUS})区|县|各|相关|有关)"
_END = (
    r"(?:人民政府|政府(?:[\u4e00-\u9fff]{0,3}?办(?:公室|公厅)?)?|管委会|管理处|指挥部|中心|公司|集团|部门|单位|"
    r"支行|银行|海关|法院|检察院|实验区|设区市|图书馆|博物馆|文化馆|少年宫|党校|文联|社科联|医院|乡镇(?!人民政府|政府)|"
    r"局|委|办|厅|部|站|队)"
)
_BRACKET = r"(?:\([\u4e00-\u9fff]{1,10}\))?"
_NAME_GOES_ON = "党校|宣传部|组织部|统战部|政法委|办公室|办公厅|网信办|编办"
#: A name that starts and ends like a body ("区环土局", "相关乡镇人民政府", "省编办(省审改办)") or a place's office.
#: (Not cut where the name goes on: "区委" + "党校", "区委" + "宣传部", "各乡" + "镇".)
_NAME = (
    rf"(?:{_HEAD}[\u4e00-\u9fff]{{0,14}}?{_END}|{PLACE_NAME}){_BRACKET}(?![门位]|会(?!同)|{_NAME_GOES_ON})"
)
#: A name after another in the same cell, which need not start like one ("三十六脚湖水库管理处", "金井片区管理局").
_NEXT = (
    rf"(?:{_NAME}|[\u4e00-\u9fff]{{2,12}}?(?:管理处|管理局|管委会|中心|公司|集团|指挥部|海关|支行|实验区|新区|开发区)"
    rf"{_BRACKET}(?!支行|分行))"
)
#: After a separator a name need not start like a body: "省人社厅、卫计委".
_BARE = (
    rf"(?<=[、,同])[\u4e00-\u9fff]{{1,10}}?(?:局|委|办|厅|部|中心|集团|公司|支行|海关){_BRACKET}"
    r"(?![门位]|会(?!同)|支行|分行)"  # "人行平潭中心支行" is not "人行平潭中心" + "支行"
)
_TAIL = r"(?:等(?:有关|相关)?(?:部门|单位))?"
_ITEM = rf"(?:[、,]|会同)?(?:{_NEXT}|{_BARE})"
#: At most this many names in one cell: bounds the work per start position, so a scan stays linear.
_MAX_CELL = 40
_CELL_RE = re.compile(rf"{_NAME}{_TAIL}(?:{_ITEM}{_TAIL}){{0,{_MAX_CELL}}}")
#: Each name of a cell with what joins it to the one before: "" (glued), "、", "," or "会同".
_SPLIT_RE = re.compile(
    rf"(?P<tail>等(?:有关|相关)?(?:部门|单位))|(?P<join>[、,]|会同)?(?P<name>{_NEXT}|{_BARE})"
)
#: Where a table ends: its closing note, the signature's printing line, the copy-to list, the page's credit
#: line ("来源：平潭综合实验区管委会办公室").
_TABLE_END_RE = re.compile(
    r"(?:^|[\s。])(?:注|来源)\s*:|\d{4}年\d{1,2}月\d{1,2}日\s*印发|抄送\s*:|\s\S{2,30}\s\d{4}年\d{1,2}月\d{1,2}日"
)
_GROUP_RE = re.compile(r"^.{0,2}(?:各|有关|相关)")
#: A deadline cell: "3月", "12月底前", "2018年12月", "2019年底前", "全年", "长期".
_DEADLINE_CELL = r"(?:(?:19|20)\d\d年)?\d{1,2}月(?:底|中旬|上旬|下旬)?前?|(?:19|20)\d\d年(?:底|内)?前?|全年|年底|长期|常年|持续推进"
#: A deadline cell printed right before the units.
_DEADLINE_TAIL_RE = re.compile(f"(?:{_DEADLINE_CELL})$")
#: A deadline cell that opens the text after a row's units: the deadline column comes after the unit columns,
#: so it is that row's deadline, not the next row's text ("…区财政金融局2018年12月2改造农村公路…").
_LEADING_DEADLINE_RE = re.compile(rf"\s*(?:{_DEADLINE_CELL})")
#: A row's number printed right before its text with nothing between: "2改造农村公路20公里".
_BARE_NUMBER_RE = re.compile(r"\s*(\d{1,3})(?=[\u4e00-\u9fff])")
#: The task's own number inside the text before it: "12、完成…".
_MARK_RE = re.compile(r"(?<!\d)(\d{1,3})[、.](?!\d)")
#: At most this many rows without a unit cell of their own stand between two rows read.
_ROWS_SKIPPED = 3
#: Rows of a table that say "X牵头" this often name their roles themselves.
_CHAIN_ROWS = 2
#: A cell that is all units is at least this long; shorter "units" are words inside a sentence.
_MIN_TEXT = 6
#: Characters that put a name inside a sentence when they stand right before or after it
#: ("责任到各乡镇人民政府和区直部门"), or a quoted title right after it ("省政府“立项挂牌办理”任务分解表"): such a
#: name is not a cell.
_IN_SENTENCE_BEFORE = frozenset("到对由向给和与及把将被在")
_IN_SENTENCE_AFTER = frozenset("和与的等在对要将并负牵配开组“《")


_FUNCTION_CHAR_RE = re.compile("[和的与及在对]")
#: Where a name after a function word may start: a body's head, or a group word ("…及散养户相关乡镇人民政府").
_CELL_HEAD_RE = re.compile(f"{JURISDICTION_HEAD_RE.pattern}|各|相关|有关")


def _name_start(folded: str, start: int, end: int) -> int:
    """Where a cell really starts when its first "name" took in the sentence before it: in
    "划定全区禁养区和可养区区农发局", the name is "区农发局" (after the last function word, the last head or
    group word: "清理保护区内养殖场及散养户相关乡镇人民政府" → "相关乡镇人民政府")."""
    first_end = min((i for i in (folded.find(c, start, end) for c in "、,") if i >= 0), default=end)
    words = [m.end() for m in _FUNCTION_CHAR_RE.finditer(folded, start, first_end)]
    if not words:
        return start
    heads = [m.start() for m in _CELL_HEAD_RE.finditer(folded, words[-1], first_end - 2)]
    return heads[-1] if heads else start


#: The verb that closes a cell's co-units when the cell has no 牵头: "区农发局，区规划局配合".
_CO_VERB_RE = re.compile("配合|参与|协助")


def _helped_chain(t: T, start: int, end: int) -> tuple[int, Assignment] | None:
    """A unit cell "X，Y配合" (X answers, Y assists, no 牵头 printed), with where it ends; else ``None``."""
    comma = t.n.find(",", start, end)
    helped = _CO_VERB_RE.match(t.n, end) if comma > start else None
    if helped is None:
        return None
    assignment = Assignment(present=True)
    assignment.add_units("lead", t.cut(start, comma))
    assignment.add_units("co", t.cut(comma + 1, end))
    return helped.end(), assignment


_TITLE_OPENS = frozenset("“《")
#: A lead's mark after its name in a unit cell: "区环土局（牵头）".
_LEAD_MARK_RE = re.compile(r"[(（]牵头(?:单位)?[)）]$")


def _before_title(folded: str, start: int, end: int) -> int:
    """Where a cell ends whose last name opens a quoted title ("区海洋渔业局区管委会“马上就办”工作方案": the
    next column's source document): before that name, when the cell holds another."""
    names = [m.start() for m in _SPLIT_RE.finditer(folded, start, end) if m.group("name")]
    return names[-1] if len(names) > 1 else end


def _deadline_follows_units(roles: list[str]) -> bool:
    """The header puts the deadline column after the unit columns (牵头单位, 配合单位, then 完成时限)."""
    units = [k for k, role in enumerate(roles) if role in ("lead", "co", "resp")]
    return "deadline" in roles and bool(units) and roles.index("deadline") > units[-1]


def _row_opening(chunk: str, last_number: int, deadline_after: bool) -> tuple[int, str | None, int]:
    """Where the previous row's deadline cell ends at the start of ``chunk`` (0 when there is none), the
    row's number when it is printed glued to its text with nothing between ("2018年12月2改造…" → "2"), and where
    that number ends. Only the next number counts, so "3个" or "20公里" inside a text is no row's number."""
    lead_in = _LEADING_DEADLINE_RE.match(chunk) if deadline_after else None
    after = lead_in.end() if lead_in is not None else 0
    bare = _BARE_NUMBER_RE.match(chunk, after)
    if bare is not None and int(bare.group(1)) == last_number + 1:
        return after, bare.group(1), bare.end()
    return after, None, after


def _units_follow_deadline(roles: list[str]) -> bool:
    """The header puts the deadline column right before the first unit column (完成时限 then 主要责任单位)."""
    first_unit = next((k for k, role in enumerate(roles) if role in ("lead", "co", "resp")), None)
    return first_unit is not None and first_unit > 0 and roles[first_unit - 1] == "deadline"


def _leader_before_units(roles: list[str]) -> bool:
    """The header puts a leader column right before the first unit column (责任领导 then 牵头单位)."""
    first_unit = next((k for k, role in enumerate(roles) if role in ("lead", "co", "resp")), None)
    return first_unit is not None and first_unit > 0 and roles[first_unit - 1] == "leader"


def _glued_leader(text: T) -> tuple[int, Leader] | None:
    """The leader cell glued after a row's task text ("推进通关便利化林海副主任"), with where it starts."""
    at = trailing_leader(text.n)
    leader = parse_leader(text.o[at:], allow_bare_name=True) if at else None
    return (at, leader) if at and leader is not None else None


def header_match(folded: str) -> re.Match[str] | None:
    """A run-together header at the start of a line (three or more column names glued together)."""
    return HEADER_RE.match(folded) if folded[:1] in _HEADER_STARTS else None


#: Last characters of the header names: a whole line of them ends in one.
_HEADER_ENDS = frozenset(name[-1] for name in _HEADER_NAMES)


def ends_like_header(folded: str) -> bool:
    """Whether ``folded`` can be a run-together header and nothing more: it ends in a name's last
    character (a line of task text or a label's value seldom does, and then the header is not tried)."""
    return folded.rstrip()[-1:] in _HEADER_ENDS


def header_roles(folded: str) -> list[str] | None:
    """Roles of a run-together header at the start of a line, or ``None`` when there is none."""
    m = header_match(folded)
    if m is None:
        return None
    names = [re.sub(r"\s+", "", x.group()) for x in _ONE_NAME_RE.finditer(m.group())]
    roles = [column_role(n) or "other" for n in names]
    if not any(r in ("lead", "co", "resp") for r in roles):
        return None
    return roles


def _names(cell: T) -> list[tuple[str, str]]:
    """The names of a unit cell as printed, each with what joins it to the one before."""
    return [
        (m.group("join") or "", cell.o[m.start("name") : m.end("name")])
        for m in _SPLIT_RE.finditer(cell.n)
        if m.group("tail") is None
    ]


def _glued(cell: T) -> bool:
    """A cell holds two names printed with nothing between them."""
    return any(k and not join for k, (join, _) in enumerate(_names(cell)))


def _lead_cell_end(names: list[tuple[str, str]]) -> int:
    """How many names a glued 牵头单位 cell holds before the 责任单位 cell starts: it ends at a group word
    ("省直各部门"), at a "，", or at a name that opens a "、" list after a glued one ("省环保厅省卫计委、住建厅");
    with none of these, at the first name glued to the one before ("区商务局、平潭海关区财政金融局": a cell's own
    names are joined by "、"). A glued pair before a group word is one cell ("省发改委省经信委省直各部门")."""
    for k, (join, name) in enumerate(names):
        if k == 0:
            continue
        if join == "会同" or _GROUP_RE.match(name) or join == ",":
            return k
        following = names[k + 1][0] if k + 1 < len(names) else ""
        if join == "" and following == "、":
            return k
    return next((k for k, (join, _) in enumerate(names) if k and join == ""), len(names))


def warn_run_together(line: Line, state: ReadState) -> None:
    """Say that the table headed at ``line`` had its cells told apart by what unit names look like."""
    state.warn(
        line.no,
        "table-cells-run-together",
        "a table whose cells lost their separators: cells were told apart by what unit names look like",
    )


def read_run_together(line: Line, attachment: str | None, section: Section, state: ReadState) -> None:
    """Read the rows of a run-together table that starts this line into items."""
    roles = header_roles(line.text.n)
    assert roles is not None
    header = HEADER_RE.match(line.text.n)
    assert header is not None
    state.saw("run-together-table")
    warn_run_together(line, state)
    split_lead = "lead" in roles and ("resp" in roles or "co" in roles)
    t = line.text
    n = t.n
    position = header.end()
    last_number = 0
    table_end = _TABLE_END_RE.search(n, position)
    stop = table_end.start() if table_end else len(n)
    chain_rows = n.count("牵头", position, stop) >= _CHAIN_ROWS
    units_after_deadline = _units_follow_deadline(roles)
    deadline_after_units = _deadline_follows_units(roles)
    leader_glued = _leader_before_units(roles)
    previous: Item | None = None
    cell = _CELL_RE.search(n, position, stop)
    while cell is not None:
        start, end = cell.span()
        start = _name_start(n, start, end)
        if n[end : end + 1] in _TITLE_OPENS:
            end = _before_title(n, start, end)
        chain = role_chain_at(t, start) if n.startswith("牵头", end) else _helped_chain(t, start, end)
        if chain is not None:
            end = chain[0]  # "区环土局牵头，区农发局配合，相关乡镇落实": the row names the roles itself
        next_cell = _CELL_RE.search(n, end, stop)
        if chain is None and (
            (start and n[start - 1] in _IN_SENTENCE_BEFORE)
            # (prose never glues two names: "省人社厅省直各部门，…平潭综合实验区要围绕…" is a cell, then 工作要求)
            or (end < len(n) and n[end] in _IN_SENTENCE_AFTER and not _glued(t.cut(start, end)))
            # where rows name their roles ("X牵头，Y配合"), a bare name is a cell only before the next row's date
            or (chain_rows and end < stop and not n[end].isdigit())
        ):
            cell = _CELL_RE.search(n, start + 1, stop)
            continue
        chunk = t.cut(position, start)
        if (
            units_after_deadline
            and chain is None
            and next_cell is not None
            and _DEADLINE_TAIL_RE.search(chunk.n.rstrip()) is None
            and _DEADLINE_TAIL_RE.search(n, end, next_cell.start()) is not None
            and _MARK_RE.search(n, end, next_cell.start()) is None
        ):
            # "…并报省生态文明建设领导小组办公室6月区环土局": the units stand after the row's deadline, so a name
            # before it is the task's text
            cell = next_cell
            continue
        if len(chunk.n.strip()) < _MIN_TEXT:
            cell = next_cell
            continue  # a name inside a sentence, or a second unit cell: read with the run before it
        deadline = _DEADLINE_TAIL_RE.search(chunk.n.rstrip())
        text_end = deadline.start() if deadline is not None else len(chunk.n)
        # the next number, or one a few further on when rows without units (merged cells) went by unread
        marks = [
            m
            for m in _MARK_RE.finditer(chunk.n, 0, text_end)
            if last_number < int(m.group(1)) <= last_number + _ROWS_SKIPPED
        ]
        lead_in, bare, bare_end = _row_opening(chunk.n, last_number, deadline_after_units)
        if lead_in and previous is not None and previous.assign.deadline is None:
            previous.assign.deadline = chunk.cut(0, lead_in).strip().o
        text_start = marks[-1].start() if marks else lead_in
        number = marks[-1].group(1) if marks else bare
        number_end = marks[-1].end() if marks else bare_end
        if number is not None and chain is None and len(chunk.n[number_end:text_end].strip()) < _MIN_TEXT:
            # "1.全面公开省级政府工作部门权力清单…": a name a few characters after the row's number is its text
            cell = next_cell if next_cell is not None and next_cell.start() > start else None
            cell = cell or _CELL_RE.search(n, start + 1, stop)
            continue
        if number is not None:
            last_number = int(number)
            text_start = number_end
        text = chunk.cut(text_start, text_end).strip(" ,;。")
        names = _names(t.cut(start, end))
        units = [name for _, name in names]
        marked = [k for k, unit in enumerate(units) if _LEAD_MARK_RE.search(unit)]
        item = Item(line.no, attachment, section, "table" if number else None, number, last_number or None)
        item.text = [text.o]
        item.assign = chain[1] if chain is not None else Assignment(present=True)
        if leader_glued and (leader := _glued_leader(text)) is not None:
            item.text = [text.cut(0, leader[0]).strip().o]
            item.assign.leaders.append(leader[1])
        if deadline is not None:
            item.assign.deadline = chunk.cut(deadline.start(), deadline.end()).o
        empty_lead = split_lead and chunk.n.endswith(" ")
        together = next((k for k, (join, _) in enumerate(names) if join == "会同"), None)
        if chain is not None:
            pass
        elif marked:  # "区环土局（牵头）、区交建局": the cell marks its lead
            item.assign.lead.extend(_LEAD_MARK_RE.sub("", units[k]) for k in marked)
            item.assign.co.extend(unit for k, unit in enumerate(units) if k not in marked)
        elif together is not None:  # "省公安厅会同省人社厅、卫计委等相关部门"
            item.assign.lead.extend(units[:together])
            item.assign.co.extend(units[together:])
        elif split_lead and not empty_lead and units:
            k = _lead_cell_end(names)
            item.assign.lead.extend(units[:k])
            item.assign.co.extend(units[k:])
        elif split_lead:
            item.assign.co.extend(units)
        else:
            item.assign.responsible.extend(units)
        item.closed = True
        item.unit_line = line.no
        state.items.append(item)
        previous = item
        position = end
        cell = _CELL_RE.search(n, end, stop)
    last_deadline = _LEADING_DEADLINE_RE.match(n, position, stop) if deadline_after_units else None
    if last_deadline is not None and previous is not None and previous.assign.deadline is None:
        previous.assign.deadline = t.cut(position, last_deadline.end()).strip().o  # the last row's
