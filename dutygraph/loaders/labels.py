"""Label words of assignment fields ("牵头单位:", "配合单位:", "责任领导:", "完成时限:") and the folds that let every
reader see a label as "WORD:" however it is printed ("责任单位 X", "【牵头单位】X", "牵头单位为X", "牵头单位X").

The clause grammar (:mod:`dutygraph.loaders.clauses`) reads what a field holds; this module says what a
field is. A new label word goes in one of the lists at the top, with the role it gives.
"""

from __future__ import annotations

import itertools
import re

from dutygraph.loaders.columns import column_role
from dutygraph.loaders.text import Line, T

LEADER_LABELS = (
    "分管省领导|分管市领导|分管县领导|分管区领导|分管领导|责任领导|牵头领导|牵头市领导|牵头县领导|"
    "牵头区领导|牵头省领导|联系领导|挂钩领导|挂钩市领导|挂钩县领导|挂钩区领导|挂点领导|包抓领导|包联领导|"
    "分管副省长|分管副市长|分管副县长|分管副区长|分管副主任|省级领导|市级领导|县级领导|区级领导|包保领导|领衔领导|"
    "领导|责任人"
)
ASSIST_LABELS = "协助领导|协管领导|配合领导|协助推进领导"
LEAD_LABELS = (
    "牵头单位|牵头部门|牵头责任单位|主责单位|主办单位|主办部门|牵头处室|牵头科室|牵头股室|总牵头单位|第一责任单位|"
    "牵头主体|牵头负责部门|牵头负责单位|牵头机构|牵头司局|主办司局|牵头|主办|主责"
)
CO_LABELS = (
    "配合单位|配合部门|协办单位|协助单位|协同单位|协作单位|支持单位|参与单位|参加单位|参与部门|协办部门|配合处室|"
    "配合科室|配合股室|配合主体|协同责任单位|次要责任单位|第二责任单位|实施单位|主要配合单位|参加部门|协同部门|支持部门|会同部门|配合机构|配合司局|"
    "参与司局|配合|协办|协同|参与|参加"
)
RESP_LABELS = (
    "主要责任单位|责任单位|责任部门|承办单位|落实单位|负责部门|负责单位|责任主体|主责部门|责任处室|责任科室|"
    "责任股室|承办部门|执行单位|实施主体|责任单位及责任人|责任单位及完成时限|责任单位及时限|主管部门|主管单位|"
    "实施部门|实施机关|承担单位|承担部门|责任机关|负责机关|组织实施部门|推进部门|责任司局"
)
SPLIT_LABELS = "部门分工|职责分工|责任分工|分工"
DEADLINE_LABELS = (
    "完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|推进时限|办结时限|时间进度|进度安排|完成节点|时间安排|"
    "整改时限|整改期限|整改时间|办理时限|办理期限|时限"
)
_ALL = "|".join(
    [LEADER_LABELS, ASSIST_LABELS, LEAD_LABELS, CO_LABELS, RESP_LABELS, SPLIT_LABELS, DEADLINE_LABELS]
)
#: A label and its colon, anywhere (inside a bracket several labels follow each other).
LABEL_RE = re.compile(rf"(?P<label>{_ALL})\s*:")
#: Another field after a clause boundary ("；适用范围：…", "，备注：…"): it ends the field before it.
OTHER_FIELD_RE = re.compile(r"(?<=[;,。\s])\s*(?P<label>[\u4e00-\u9fff]{2,6})\s*:")
#: A line that starts with a label.
#: (The lookahead on the labels' first characters fails most lines before the long alternation is tried.)
LABEL_LINE_RE = re.compile(
    "^(?=[" + "".join(sorted({label[0] for label in _ALL.split("|")})) + rf"])(?P<label>{_ALL})\s*:"
)
#: The labels of unit fields (牵头单位, 配合单位, 责任单位 …), without the one-word ones (牵头, 配合) that prose also
#: uses: two of the same kind in one line mark two tasks (see :mod:`dutygraph.loaders.segment`).
UNIT_FIELD_LABELS = tuple(
    label for label in "|".join([LEAD_LABELS, CO_LABELS, RESP_LABELS]).split("|") if len(label) >= 4
)
#: A field label printed with a space instead of its colon ("责任单位 区发改局"): only the long labels, and
#: only after a boundary, so prose ("牵头单位要…") is never read as a field.
_BARE_LABEL_RE = re.compile(
    "(?:^|(?<=[\\s。;,)]))(?:"
    + "|".join(
        sorted(
            (
                x
                for x in "|".join(
                    [LEADER_LABELS, LEAD_LABELS, CO_LABELS, RESP_LABELS, DEADLINE_LABELS]
                ).split("|")
                if len(x) >= 4
            ),
            key=len,
            reverse=True,
        )
    )
    + ")(?P<gap> |——|—|--)\\s*(?=[\u4e00-\u9fff\\d])"
)
#: "牵头部门（单位）：", "配合单位(部门)：": a label with its alternative word in brackets.
_LABEL_SUFFIX_RE = re.compile(
    r"(?:"
    + "|".join(sorted(UNIT_FIELD_LABELS, key=len, reverse=True))
    + r")(?P<suffix>\((?:单位|部门|处室|科室)\))(?=\s*:)"
)
_SUFFIX_MARK_RE = re.compile(r"\((?:单位|部门|处室|科室)\)")
_IS_MARK_RE = re.compile(r"(?:单位|部门|主体|处室|科室|股室)为")
#: "牵头单位为区行政审批服务局，配合单位为各街道办事处": 为 in place of the colon.
_LABEL_IS_RE = re.compile(
    r"(?:^|(?<=[\s。;,(]))(?:"
    + "|".join(sorted(UNIT_FIELD_LABELS, key=len, reverse=True))
    + r")(?P<gap>为)(?=[\u4e00-\u9fff])"
)
#: "【牵头单位】区商务局【配合单位】区财政局": the label in brackets of its own, the closing one for its colon.
_BRACKETED_LABEL_RE = re.compile(
    r"[\[【](?P<label>"
    + "|".join(sorted(UNIT_FIELD_LABELS + tuple(DEADLINE_LABELS.split("|")), key=len, reverse=True))
    + r")[\]】]"
)
#: Words every such label holds: lines without one are not searched.
_BARE_LABEL_WORDS_RE = re.compile("单位|部门|领导|时限|时间|期限|处室|科室|责任人|主体")
#: What stands where a bare label's colon is missing: a gap, a bracket, 为.
_BARE_LABEL_MARKS_RE = re.compile("[ —】\\]为(]")
LABEL_KINDS: dict[str, str] = {}
for _kind, _labels in (
    ("leader", LEADER_LABELS),
    ("assist", ASSIST_LABELS),
    ("lead", LEAD_LABELS),
    ("co", CO_LABELS),
    ("resp", RESP_LABELS),
    ("split", SPLIT_LABELS),
    ("deadline", DEADLINE_LABELS),
):
    for _label in _labels.split("|"):
        LABEL_KINDS[_label] = _kind


#: A field label glued to its value with nothing between ("牵头单位区发改局配合单位区财金局完成时限2019年底"):
#: a unit label before the start of a body's name, or a deadline label before a date. The first such label
#: of a line must follow a boundary; once one is read, the fields after it need none (they run together).
_GLUED_VALUE_STARTS = ("区", "市", "省", "县", "各", "相关", "有关", "平潭", "福建")
_GLUED_LABEL_RE = re.compile(
    "(?P<label>"
    + "|".join(sorted(UNIT_FIELD_LABELS, key=len, reverse=True))
    + ")(?=(?:"
    + "|".join(_GLUED_VALUE_STARTS)
    + ")[\u4e00-\u9fff])"
    + "|(?P<when>完成时限|完成时间|时间节点)(?=\\d{4}年|长期|持续)"
)
#: What every match of ``_GLUED_LABEL_RE`` holds: a unit label's last two characters and the first of
#: the value after it, or the end of a deadline label and a date's first character. A line without one
#: is not searched with the long pattern.
_GLUED_HINT_RE = re.compile(
    "(?:"
    + "|".join(sorted({label[-2:] for label in UNIT_FIELD_LABELS}))
    + ")["
    + "".join(start[0] for start in _GLUED_VALUE_STARTS)
    + "]|(?:时限|时间|节点)[\\d长持]"
)


def with_glued_label_colons(t: T) -> T:
    """``t`` with a colon after each label glued to its value (in both halves, so the label reads as a
    field and the value keeps its printed characters); ``t`` itself when it holds none."""
    n = t.n
    if _GLUED_HINT_RE.search(n) is None:
        return t
    cuts: list[int] = []
    for m in _GLUED_LABEL_RE.finditer(n):
        start = m.start()
        if cuts or start == 0 or n[start - 1] in " 。;,)":
            cuts.append(m.end())
    if not cuts:
        return t
    bounds = [0, *cuts, len(n)]
    return T(
        "：".join(t.o[a:b] for a, b in itertools.pairwise(bounds)),
        ":".join(n[a:b] for a, b in itertools.pairwise(bounds)),
    )


_PIECE_BEFORE_RE = re.compile(r"(\S+)\s+$")
_PIECE_AFTER_RE = re.compile(r"\s*(\S+)")


def _in_header_row(folded: str, start: int, end: int) -> bool:
    """The label at ``start`` stands among column names ("序号 工作任务 完成时限 责任单位 1.…"): a table's
    header row, where a space separates cells, not a label from its value."""
    before = _PIECE_BEFORE_RE.search(folded, max(0, start - 12), start)
    after = _PIECE_AFTER_RE.match(folded, end)
    return (before is not None and column_role(before.group(1), exact=True) is not None) or (
        after is not None and column_role(after.group(1), exact=True) is not None
    )


def with_bare_label_colons(lines: list[Line]) -> list[Line]:
    """Lines whose fold reads "责任单位 区发改局" as "责任单位:区发改局" (one character for one: the printed
    text keeps its space), so every reader of labels sees the field; a label glued to its value gets its
    colon too (:func:`with_glued_label_colons`)."""
    out: list[Line] = []
    for line in lines:
        if "单位" in line.text.n:
            glued = with_glued_label_colons(line.text)
            if glued is not line.text:
                line = Line(line.no, glued, line.cells)
        n = line.text.n
        if _BARE_LABEL_MARKS_RE.search(n) is None or _BARE_LABEL_WORDS_RE.search(n) is None:
            out.append(line)
            continue
        changed = n
        # each form is looked for only where its mark is printed: most lines hold none of them
        for m in _BARE_LABEL_RE.finditer(n) if " " in n or "—" in n else ():
            start, end = m.span("gap")
            if _in_header_row(n, m.start(), end):
                continue
            changed = changed[:start] + ":" + " " * (end - start - 1) + changed[end:]
        for m in _LABEL_SUFFIX_RE.finditer(n) if _SUFFIX_MARK_RE.search(n) else ():
            start, end = m.span("suffix")
            changed = changed[:start] + " " * (end - start) + changed[end:]
        for m in _LABEL_IS_RE.finditer(n) if _IS_MARK_RE.search(n) else ():
            changed = changed[: m.start("gap")] + ":" + changed[m.end("gap") :]
        for m in _BRACKETED_LABEL_RE.finditer(n) if "】" in n or "]" in n else ():
            start, end = m.span()
            changed = changed[:start] + " " + changed[start + 1 : end - 1] + ":" + changed[end:]
        out.append(Line(line.no, T(line.text.o, changed), line.cells) if changed != n else line)
    return out
