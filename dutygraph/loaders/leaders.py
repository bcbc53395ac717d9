"""Read leaders as printed: "钱三雄市长", "副市长张三", "分管副省长", "区政府副区长林海", "林海（副区长）",
"县委常委、常务副县长张三", "管委会分管领导", or a bare "林克庆".

A leader string is a personal name (2–4 Han characters, "·" allowed, a closing "同志" dropped), a post from
a closed list (市长, 常务副县长, 副省长, 秘书长…), or both: post then name (a space may sit between), name then
post, or name then its posts in brackets. A post may follow the body it is held in (区政府, 管委会, 县政府办,
党工委, 县委…) and a role word (分管, 协管…); a role word before 领导 ("分管领导", "管委会分管区领导") is a
leader by role, with no name. The post list is closed on purpose: an open "anything ending in 长" would read
units ("…园区长效办") as people.
"""

from __future__ import annotations

import re

from dutygraph.loaders.records import Leader


def _posts() -> list[str]:
    posts = {"主席", "副主席", "常务副主席", "秘书长", "副秘书长", "书记", "副书记", "主任", "副主任"}
    posts |= {"常务副主任", "局长", "副局长", "党组书记", "党组成员", "调研员", "巡视员", "副巡视员"}
    posts |= {"一级巡视员", "二级巡视员", "部长", "副部长", "政委", "区委常委", "县委常委", "市委常委"}
    posts |= {"常委", "委员", "总理", "副总理", "国务委员"}
    for place in "省市县区州旗盟镇乡":
        posts |= {f"{place}长", f"副{place}长", f"常务副{place}长", f"{place}长助理"}
        posts |= {f"{place}委书记", f"{place}委副书记"}
    return sorted(posts, key=len, reverse=True)


POSTS = _posts()
POST_PATTERN = "(?:" + "|".join(POSTS) + ")"
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_ROLES = ("分管", "主管", "联系", "协管", "牵头")
_ROLE = "(?:" + "|".join(_ROLES) + ")"
#: The body a post is held in, printed before it: "区政府副区长", "管委会副主任", "县政府办副主任", "党工委委员",
#: "区信访局局长".
_BODY = r"(?P<body>[\u4e00-\u9fff]{0,6}?(?:政府办公室|政府办|政府|国务院|管委会|党工委|工委|委|局))"
_POST_ONLY = re.compile(rf"^{_BODY}?{_ROLE}?(?P<post>{POST_PATTERN})$")
_POST_NAME = re.compile(rf"^{_BODY}?{_ROLE}?(?P<post>{POST_PATTERN})\s*(?P<name>{_NAME})$")
_NAME_POST = re.compile(rf"^(?P<name>{_NAME}?)(?P<post>{POST_PATTERN})$")
_NAME_ONLY = re.compile(rf"^(?P<name>{_NAME})$")
#: "林海（副区长）", "陈刚（党工委委员、管委会副主任）": a name, then its posts in brackets.
_NAME_BRACKETED = re.compile(rf"^(?P<name>{_NAME}?)[(（](?P<posts>[^()（）]+)[)）]$")
#: "分管领导", "管委会分管领导", "分管区领导": a leader named by role alone.
_BY_ROLE = re.compile(rf"^{_BODY}?{_ROLE}[省市县区]?领导$")
#: "（张高丽同志负责）": a name of two or three characters before 同志 is a person even with no label saying so
#: ("负责同志", "领导同志", "有关同志" are people unnamed; "林某某等同志" several).
_COMRADE_NAME = re.compile(r"^(?!负责|领导|有关|相关|其他|全体)[\u4e00-\u9fff·]{2,3}$")
_NOT_A_NAME = ("分管", "主管", "常务", "联系", "协管", "牵头", "各", "市", "县", "省", "区")
#: One item of a leader list: anything up to a separator, a bracket (with its separators) counting as one piece.
_ITEM_RE = re.compile(r"(?:[^、,，;；/和及\s()（）]|[(（][^()（）]*[)）])+")
_SEPARATORS = "、,，;；/和及"
#: Anything that should not sit inside a leader string (units, sentences).
_NOT_LEADER_CHARS = re.compile(r"[局委厅办政府部门单位。()]")


def _post(text: str) -> str | None:
    """The post ``text`` is, with the body it is held in ("区政府副区长"); ``None`` if it is no post."""
    m = _POST_ONLY.match(text)
    return None if m is None else (m.group("body") or "") + m.group("post")


def parse_leader(text: str, *, allow_bare_name: bool = False) -> Leader | None:
    """One leader from its printed form, or ``None`` when the text is not a leader.

    ``allow_bare_name`` accepts a name without a post; only safe under a label that says the value is
    a leader ("分管省领导:林克庆"), since bare 2–4 character strings are also unit abbreviations.
    """
    text = text.strip().strip("。.,;:")
    comrade = text.endswith("同志") and len(text) >= 4
    if comrade:
        text = text[:-2]
    if not text or len(text) > 24:
        return None
    post = _post(text)
    if post is not None:
        return Leader(None, post)
    m = _POST_NAME.match(text)
    if m:
        return Leader(m.group("name"), (m.group("body") or "") + m.group("post"))
    m = _NAME_POST.match(text)
    if m and not m.group("name").startswith(_NOT_A_NAME):
        return Leader(m.group("name"), m.group("post"))
    m = _NAME_BRACKETED.match(text)
    if m and not m.group("name").startswith(_NOT_A_NAME):
        posts = re.split(r"[、,，]", m.group("posts"))
        if all(_post(p.strip()) for p in posts):
            return Leader(m.group("name"), m.group("posts"))
    if _BY_ROLE.match(text):
        return Leader(None, text)
    if allow_bare_name or (comrade and _COMRADE_NAME.match(text) and not text.startswith(_NOT_A_NAME)):
        m = _NAME_ONLY.match(text)
        if m and not _NOT_LEADER_CHARS.search(text):
            return Leader(m.group("name"), None)
    return None


def _read_items(text: str, *, allow_bare_name: bool) -> list[tuple[str, Leader]] | None:
    """Each leader of a list with the item it was read from, or ``None`` unless *every* item reads as one.

    A post without a name and without a role word is the first title of the person after it: "县委常委、
    常务副县长张三" is one person, and so is "副区长 王芳" (a space between post and name). "分管副省长、协管
    副秘书长" stays two leaders by post.
    """
    text = text.strip().strip("。.,;:")
    matches = list(_ITEM_RE.finditer(text))
    if not matches:
        return None
    leaders: list[tuple[str, Leader]] = []
    i = 0
    while i < len(matches):
        item = matches[i].group()
        leader = parse_leader(item, allow_bare_name=allow_bare_name)
        if leader is None:
            return None
        titles_next = leader.name is None and leader.post is not None and not item.startswith(_ROLES)
        if titles_next and i + 1 < len(matches):
            gap = text[matches[i].end() : matches[i + 1].start()]
            spaced = not any(c in _SEPARATORS for c in gap)
            after = parse_leader(matches[i + 1].group(), allow_bare_name=allow_bare_name or spaced)
            if after is not None and after.name is not None and (after.post is not None or spaced):
                post = leader.post if after.post is None else f"{leader.post}、{after.post}"
                leader = Leader(after.name, post)
                i += 1
        leaders.append((item, leader))
        i += 1
    return leaders


def parse_leader_list(text: str, *, allow_bare_name: bool = False) -> list[Leader] | None:
    """All leaders of a list ("A副市长、B副市长"), or ``None`` unless *every* item reads as one."""
    items = _read_items(text, allow_bare_name=allow_bare_name)
    return None if items is None else [leader for _, leader in items]


def merge_leaders(leaders: list[Leader]) -> tuple[list[Leader], list[str]]:
    """Drop repeats of one person; return the merged list and notes about conflicting posts.

    When one name is printed with two posts and one post ends with the other ("副市长" / "市长"), the
    longer, more specific post wins: a dropped "副" is a far more common slip than an added one.
    """
    if len(leaders) < 2:
        return list(leaders), []
    merged: list[Leader] = []
    notes: list[str] = []
    for leader in leaders:
        same = next(
            (i for i, known in enumerate(merged) if leader.name is not None and known.name == leader.name),
            None,
        )
        if same is None:
            if leader not in merged:
                merged.append(leader)
            continue
        known = merged[same]
        if known.post == leader.post or leader.post is None:
            continue
        if known.post is None or leader.post.endswith(known.post):
            merged[same] = leader
        if known.post is not None and known.post != leader.post:
            notes.append(f"{leader.name} is printed as both {known.post} and {leader.post}")
    return merged, notes


def read_leaders(text: str) -> tuple[list[Leader], list[Leader]] | None:
    """Supervising and assisting leaders of a clause's subject ("分管副省长、协管副秘书长"), or ``None``
    unless every item reads as a leader. A 协管/协助 item assists; a post without a name is kept as a post."""
    items = _read_items(text, allow_bare_name=False)
    if items is None:
        return None
    main: list[Leader] = []
    assisting: list[Leader] = []
    for item, leader in items:
        (assisting if item.startswith(("协管", "协助")) else main).append(leader)
    return main, assisting


#: "党工委委员、管委会副主任周青松：负责指导…" — a leader's titles, name and portfolio (领导分工 notices).
_PORTFOLIO_RE = re.compile(
    r"^(?P<post>[^:,;。()]{0,30}?(?:书记|主任|委员|常委|市长|县长|区长|省长|州长|镇长|乡长|部长|局长|秘书长|主席|"
    r"巡视员|调研员|助理|组长|指挥长))(?P<name>[\u4e00-\u9fff]{2,3})(?:\([^()]{1,8}\))?\s*:"
)


def leader_portfolio(folded: str, printed: str) -> tuple[Leader, int] | None:
    """The leader a "TITLES NAME：duties" paragraph is about, and where the duties start; ``None`` if it is
    not one. Titles are kept whole as the post ("党工委副书记、管委会主任"), the way the notice prints them."""
    m = _PORTFOLIO_RE.match(folded) if ":" in folded[:40] else None
    if m is None or m.group("name").startswith(_NOT_A_NAME):
        return None
    post = printed[m.start("post") : m.end("post")]
    return Leader(printed[m.start("name") : m.end("name")], post), m.end()


#: Common surnames: where a personal name glued after other text starts ("…便利化林海" is 林海).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧翁游詹施"
)
#: A post right before a glued name, and the body it is held in when that is printed too ("管委会副主任林海").
_POST_BEFORE_RE = re.compile(rf"(?:管委会|党工委|[区县市]政府)?{_ROLE}?{POST_PATTERN}\s*$")
_POST_AT_END_RE = re.compile(rf"{POST_PATTERN}$")


def _glued_name_start(text: str, end: int) -> int | None:
    """Where a two- or three-character personal name that ends at ``end`` starts, by its surname."""
    if end >= 3 and text[end - 3] in _SURNAMES:
        return end - 3
    if end >= 2 and text[end - 2] in _SURNAMES:
        return end - 2
    return None


def trailing_leader(text: str) -> int | None:
    """Where a leader cell glued after a table row's task text starts ("推进通关便利化林海副主任", "…副主任林海",
    "…建设陈刚"), or ``None``: a post after the name, a post before it, or a name alone, found by its
    surname. Only for a row whose header puts a leader column there: elsewhere a text's last characters are
    no name."""
    if (post := _POST_AT_END_RE.search(text)) is not None:
        return _glued_name_start(text, post.start())
    for size in (
        2,
        3,
    ):  # a post right before the name: "副主任林海" (任 is also a surname: "任林海" is no name)
        before = _POST_BEFORE_RE.search(text, 0, len(text) - size) if len(text) > size else None
        if before is not None:
            return before.start()
    return _glued_name_start(text, len(text))
