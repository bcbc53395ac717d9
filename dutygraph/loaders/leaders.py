"""Read leaders as printed: "钱三雄市长", "副市长张三", "分管副省长", or a bare "林克庆".

A leader string is a personal name (2–4 Han characters, "·" allowed), a post from a closed list
(市长, 常务副县长, 副省长, 秘书长…), or both in either order. The post list is closed on purpose: an open
"anything ending in 长" would read units ("…园区长效办") as people.
"""

from __future__ import annotations

import re

from dutygraph.loaders.records import Leader


def _posts() -> list[str]:
    posts = {"主席", "副主席", "常务副主席", "秘书长", "副秘书长", "书记", "副书记", "主任", "副主任"}
    posts |= {"常务副主任", "局长", "副局长", "党组书记", "党组成员", "调研员", "巡视员", "副巡视员"}
    posts |= {"一级巡视员", "二级巡视员", "部长", "副部长", "政委", "区委常委", "县委常委", "市委常委"}
    for place in "省市县区州旗盟镇乡":
        posts |= {f"{place}长", f"副{place}长", f"常务副{place}长", f"{place}长助理"}
        posts |= {f"{place}委书记", f"{place}委副书记"}
    return sorted(posts, key=len, reverse=True)


POSTS = _posts()
POST_PATTERN = "(?:" + "|".join(POSTS) + ")"
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_ROLE = "(?:分管|主管|联系|协管|牵头)"
_POST_ONLY = re.compile(rf"^{_ROLE}?(?P<post>{POST_PATTERN})$")
_POST_NAME = re.compile(rf"^{_ROLE}?(?P<post>{POST_PATTERN})(?P<name>{_NAME})(?:同志)?$")
_NAME_POST = re.compile(rf"^(?P<name>{_NAME}?)(?P<post>{POST_PATTERN})(?:同志)?$")
_NAME_ONLY = re.compile(rf"^(?P<name>{_NAME})(?:同志)?$")
_NOT_A_NAME = ("分管", "主管", "常务", "联系", "协管", "牵头", "各", "市", "县", "省", "区")
_LIST_SPLIT = re.compile(r"[、,;/和及\s]+")
#: Anything that should not sit inside a leader string (units, sentences).
_NOT_LEADER_CHARS = re.compile(r"[局委厅办政府部门单位。()]")


def parse_leader(text: str, *, allow_bare_name: bool = False) -> Leader | None:
    """One leader from its printed form, or ``None`` when the text is not a leader.

    ``allow_bare_name`` accepts a name without a post; only safe under a label that says the value is
    a leader ("分管省领导:林克庆"), since bare 2–4 character strings are also unit abbreviations.
    """
    text = text.strip().strip("。.,;:")
    if not text or len(text) > 14:
        return None
    m = _POST_ONLY.match(text)
    if m:
        return Leader(None, m.group("post"))
    m = _POST_NAME.match(text)
    if m:
        return Leader(m.group("name"), m.group("post"))
    m = _NAME_POST.match(text)
    if m and not m.group("name").startswith(_NOT_A_NAME):
        return Leader(m.group("name"), m.group("post"))
    if allow_bare_name:
        m = _NAME_ONLY.match(text)
        if m and not _NOT_LEADER_CHARS.search(text):
            return Leader(m.group("name"), None)
    return None


def parse_leader_list(text: str, *, allow_bare_name: bool = False) -> list[Leader] | None:
    """All leaders of a list ("A副市长、B副市长"), or ``None`` unless *every* item reads as one."""
    items = [i for i in _LIST_SPLIT.split(text.strip().strip("。.,;:")) if i]
    if not items:
        return None
    leaders: list[Leader] = []
    for item in items:
        leader = parse_leader(item, allow_bare_name=allow_bare_name)
        if leader is None:
            return None
        leaders.append(leader)
    return leaders


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
    items = [i for i in _LIST_SPLIT.split(text.strip().strip("。.,;:")) if i]
    if not items:
        return None
    main: list[Leader] = []
    assisting: list[Leader] = []
    for item in items:
        leader = parse_leader(item)
        if leader is None:
            return None
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
