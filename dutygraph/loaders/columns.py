"""Table header names → column roles. Header wording varies from notice to notice; map, don't assume."""

from __future__ import annotations

import re

_ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "序", "项目序号", "排序", "号"),
    "text": (
        "工作任务",
        "重点工作",
        "民生实事",
        "任务",
        "主要任务",
        "工作内容",
        "具体任务",
        "重点任务",
        "目标任务",
        "任务内容",
        "工作举措",
        "具体措施",
        "事项",
        "工作事项",
        "工作目标",
        "主要内容",
        "任务分解",
        "具体工作",
        "重点事项",
        "实事项目",
        "项目名称",
        "建设内容",
        "主要工作",
        "目标任务及措施",
        "整改措施",
        "整改任务",
        "整改目标和措施",
        "整改内容",
        "工作措施",
        # State Council 分工表: "序号 政策措施 负责单位 出台时间"
        "政策措施",
        "主要措施",
        "改革任务",
        "改革举措",
        "内容",
    ),
    "leader": (
        "牵头领导",
        "责任领导",
        "分管领导",
        "分管市领导",
        "分管县领导",
        "分管区领导",
        "分管省领导",
        "联系领导",
        "责任人",
        "市领导",
        "县领导",
        "牵头市领导",
        "牵头县领导",
        "牵头区领导",
        "领导",
    ),
    "assist": ("协助领导", "协管领导", "配合领导"),
    "lead": (
        "牵头单位",
        "牵头部门",
        "主办单位",
        "牵头责任单位",
        "主责单位",
        "牵头处室",
        "牵头科室",
        "牵头负责单位",
        "总牵头单位",
        "第一责任单位",
    ),
    "co": (
        "配合单位",
        "协办单位",
        "协助单位",
        "参与单位",
        "配合部门",
        "协同单位",
        "协办部门",
        "参与部门",
        "协作单位",
        "参加单位",
        "配合参与单位",
        "配合处室",
        "配合科室",
        "支持单位",
        "次要责任单位",
        "第二责任单位",
        "主要配合单位",
    ),
    "resp": (
        "责任单位",
        "责任部门",
        "承办单位",
        "落实单位",
        "实施单位",
        "责任主体",
        "负责单位",
        "负责部门",
        "承办部门",
        "执行单位",
        "责任处室",
        "责任科室",
        "承担单位",
    ),
    "deadline": (
        "完成时限",
        "完成时间",
        "时间节点",
        "时限",
        "时间安排",
        "办结时限",
        "完成期限",
        "时间要求",
        "进度安排",
        "时间进度",
        "进度要求",
        "完成时限要求",
        "计划完成时间",
        "截止时间",
        "整改时限",
        "整改期限",
        "时限要求",
        "完成节点",
        "推进时限",
        "时间计划",
        "出台时间",
        "出台时限",
    ),
    "section": ("类别", "分类", "领域", "板块", "类型"),
    "note": ("备注", "说明", "存在问题", "问题"),
}


def with_variants(names: set[str] | frozenset[str]) -> set[str]:
    """Column names and their twins with 单位 and 部门 swapped ("主要责任单位" / "主要责任部门"): offices print
    either word in the same place."""
    out = set(names)
    for name in names:
        if "单位" in name:
            out.add(name.replace("单位", "部门"))
        if "部门" in name:
            out.add(name.replace("部门", "单位"))
    return out


_EXACT = {name: role for role, names in _ROLE_NAMES.items() for name in names}
_EXACT.update(
    {
        twin: role
        for name, role in list(_EXACT.items())
        for twin in with_variants({name})
        if twin not in _EXACT
    }
)
#: Every header name mapped to a role.
KNOWN_HEADERS = frozenset(_EXACT)
_BY_LENGTH = sorted(_EXACT, key=len, reverse=True)
_CLEAN_RE = re.compile(r"\s+|\*|\(.*?\)|（.*?）")
#: Roles that hold units.
UNIT_ROLES = ("lead", "co", "resp")


def clean_header(text: str) -> str:
    return _CLEAN_RE.sub("", text)


_BRACKETED_RE = re.compile(r"[(（]([^()（）]{2,8})[)）]")


def _bracketed_role(header: str) -> str | None:
    """The lead or co role a 责任单位 header names in brackets ("责任单位（牵头单位）" → ``"lead"``)."""
    m = _BRACKETED_RE.search(header)
    role = _EXACT.get(m.group(1).strip()) if m is not None else None
    return role if role in ("lead", "co") else None


def column_role(header: str, *, exact: bool = False) -> str | None:
    """The role of a header cell ("牵头单位" → ``"lead"``), or ``None`` when not recognised."""
    name = clean_header(header)
    if not name:
        return None
    role = _EXACT.get(name)
    if role == "resp" and ("(" in header or "（" in header):
        role = _bracketed_role(header) or role  # "责任单位（牵头单位）", "责任单位（配合单位）"
    if role or exact or len(name) > 12:
        return role
    for known in _BY_LENGTH:
        if len(known) >= 2 and (name.endswith(known) or name.startswith(known)):
            return _EXACT[known]
    return None


def header_roles(cells: tuple[str, ...]) -> list[str | None] | None:
    """Roles of a header row, or ``None`` when the row is not a task table's header."""
    roles = [column_role(c) for c in cells]
    known = [r for r in roles if r]
    if len(known) >= 2 and "text" in known and (set(known) & {"lead", "co", "resp", "leader", "deadline"}):
        return roles
    return None
