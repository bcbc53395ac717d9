"""Second pass: items → tasks. Decide sub-headings, resolve lead/co units, check numbers and units.

Done after the scan because each decision needs what comes *after* an item: a "（一）" line is a
sub-heading only if deeper-numbered items follow it, and "first listed leads" may be stated on any line.
"""

from __future__ import annotations

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.clauses import closing_clauses, trailing_unit_list
from dutygraph.loaders.duties import colon_subject_duty, first_duty_sentence
from dutygraph.loaders.items import Item, ReadState
from dutygraph.loaders.leaders import merge_leaders
from dutygraph.loaders.records import Leader, ParseWarning, Task
from dutygraph.loaders.text import T
from dutygraph.loaders.units import suspect_concatenation

_UNRANKED = 99


def _dedupe(values: list[str]) -> list[str]:
    """The values in order, each once (a dict keeps its keys in insertion order)."""
    return list(dict.fromkeys(values)) if len(values) > 1 else list(values)


def _ranks(items: list[Item]) -> dict[tuple[str | None, str], int]:
    """Rank numbering styles per attachment by first appearance: the first style seen is outermost."""
    ranks: dict[tuple[str | None, str], int] = {}
    for item in items:
        if item.style in (None, "heading"):
            continue
        key = (item.attachment, item.style)
        if key not in ranks:
            ranks[key] = sum(1 for k in ranks if k[0] == item.attachment)
    return ranks


def _rank(ranks: dict[tuple[str | None, str], int], item: Item) -> int:
    if item.style is None:
        return _UNRANKED
    if item.style == "heading":
        return -1
    return ranks.get((item.attachment, item.style), _UNRANKED)


def _is_heading(items: list[Item], index: int, ranks: dict[tuple[str | None, str], int]) -> bool:
    item = items[index]
    if item.style == "heading":
        return True
    if item.style in (None, "table") or item.assign.present or index + 1 >= len(items):
        return False
    nxt = items[index + 1]
    if nxt.attachment != item.attachment or nxt.section is not item.section:
        return False
    return _rank(ranks, nxt) > _rank(ranks, item)


#: A plan's clause title ("1.1　编制目的", "3.2 应急报告") is a few words with no punctuation.
_CLAUSE_TITLE_MAX = 16


def _is_clause_heading(item: Item) -> bool:
    """A clause "1.1　编制目的" over a paragraph that names nobody: a plan's clause heading and its prose.

    A plan numbers its clauses 1.1, 2.3.1 and prints a short title on the number's line; the paragraph
    below is the clause's text. When that text assigns work ("国家发展改革委会同有关部门负责建立…") the
    clause is a task; when it assigns nothing (purpose, scope, principles) it is a heading, not a task.
    """
    return (
        item.style == "decimal"
        and not item.assign.present
        and not item.assign.leaders
        and len(item.text) > 1
        and len(item.text[0]) <= _CLAUSE_TITLE_MAX
        and not any(c in item.text[0] for c in "。，,；;：:")
    )


def assemble(
    state: ReadState, *, first_leads: bool = False
) -> tuple[list[Task], list[ParseWarning], dict[str, object]]:
    """Turn scanned items into tasks plus the warnings the second pass finds.

    ``first_leads``: the document states, anywhere, that the first listed unit leads.
    """
    items = state.items
    warnings: list[ParseWarning] = []

    def warn(line: int | None, code: str, message: str) -> None:
        warnings.append(ParseWarning(line, code, message))

    ranks = _ranks(items)
    first_leads_stated = first_leads or any(item.assign.first_leads for item in items)
    lead_unnamed_line: int | None = None
    #: units a standing rule ("以下均需相关乡镇配合,不再列出") adds to every task from where it is stated.
    standing: list[str] = []
    duty_tasks = 0
    tasks: list[Task] = []
    counters: dict[str | None, int] = {}
    stack: list[tuple[int, str]] = []
    last_context: tuple[str | None, int] | None = None
    seen_numbers: dict[tuple[object, ...], int] = {}
    last_value: dict[tuple[object, ...], int] = {}
    warned_sections: set[int] = set()

    for index, item in enumerate(items):
        context = (item.attachment, id(item.section))
        if context != last_context:
            stack = []
            last_context = context
        rank = _rank(ranks, item)
        if _is_heading(items, index, ranks):
            while stack and stack[-1][0] >= rank:
                stack.pop()
            title = item.printed or item.joined
            stack.append((rank, title))
            continue
        while stack and stack[-1][0] >= rank and rank != _UNRANKED:
            stack.pop()

        a = item.assign
        if not a.present and item.style not in (None, "heading", "table"):
            # "（4）财政部负责安排…": a numbered task with no label or bracket names its unit in its own text
            joined = T.of(item.joined)
            duty = (
                first_duty_sentence(joined)
                or colon_subject_duty(joined)
                or closing_clauses(joined)
                or trailing_unit_list(joined)
            )
            if duty is not None:
                a.merge(duty)
                item.unit_line = item.unit_line or item.line
                duty_tasks += 1
        if item.section.units and not (a.lead or a.responsible) and item.style != "section":
            # "一、区发改局" over "1.推进甲工作。": the heading names whose tasks follow
            a.responsible = list(item.section.units)
            a.present = True
        if _is_clause_heading(item):
            stack.append((rank, item.text[0]))
            continue
        section = item.section
        leaders: list[Leader] = a.leaders or section.leaders
        assisting: list[Leader] = a.assisting or section.assisting
        leaders, notes = merge_leaders(leaders)
        assisting, notes2 = merge_leaders(assisting)
        if notes or notes2:
            where = id(section) if not a.leaders and not a.assisting else None
            if where is None or where not in warned_sections:
                if where is not None:
                    warned_sections.add(where)
                line = section.line if where is not None else item.line
                for note in notes + notes2:
                    warn(line, "leader-post-conflict", f"{note}; kept one person with the more specific post")

        lead = _dedupe(a.lead)
        co = list(a.co)
        responsible = _dedupe(a.responsible)
        if lead:
            co = co + responsible
        elif len(responsible) == 1 or (responsible and first_leads_stated):
            # One unit answering alone leads; in a longer list only a stated convention names the lead.
            lead = responsible[:1]
            co = responsible[1:] + co
        elif responsible and co:
            # "X、Y负责，Z参与": the units answering for the task are set apart from those assisting
            lead = responsible
        elif responsible:
            co = responsible + co
            if lead_unnamed_line is None:
                lead_unnamed_line = item.unit_line or item.line
        if a.standing:
            standing += [u for u in a.standing if u not in standing]
        if lead or co or responsible or a.standing:
            co += standing
        co = [u for u in _dedupe(co) if u not in lead]

        counters[item.attachment] = counters.get(item.attachment, 0) + 1
        ordinal = counters[item.attachment]
        task_id = f"A{item.attachment}-{ordinal}" if item.attachment else f"T{ordinal}"
        text = item.joined
        task = Task(
            id=task_id,
            attachment=item.attachment,
            section=section.title,
            number=item.number,
            text=text,
            leaders=leaders,
            assisting_leaders=assisting,
            lead_units=lead,
            co_units=co,
            deadline=a.deadline,
            line=item.line,
        )
        task.subsection = stack[-1][1] if stack else None
        tasks.append(task)

        label = f"task {item.number}" if item.number else f"task at line {item.line}"
        if not text:
            warn(item.line, "task-without-text", f"{label} has no text")
        if not lead and not co:
            if a.empty_labels:
                warn(item.line, "task-without-unit", f"{label}: {'/'.join(a.empty_labels)} is empty")
            else:
                warn(item.line, "task-without-unit", f"{label} names no responsible unit")
        elif a.empty_labels:
            warn(
                item.unit_line or item.line,
                "assignment-empty",
                f"{label}: {'/'.join(a.empty_labels)} is empty",
            )
        if a.unbalanced:
            warn(
                item.unit_line or item.line,
                "unit-unbalanced-brackets",
                f"{label}: brackets in the unit list do not pair up",
            )
        for printed in a.glued:
            warn(
                item.unit_line or item.line,
                "units-without-separator",
                f"{label}: {printed!r} holds several names with no separator; read as "
                f"{' + '.join(u for u in lead + co if u in printed)}",
            )
        for unit in lead + co:
            glued = suspect_concatenation(unit)
            if glued:
                warn(
                    item.unit_line or item.line,
                    "unit-suspect-concatenation",
                    f"{label}: {unit!r} looks like two units without a separator ({glued[0]} + {glued[1]})",
                )
        if _repeats(a):
            warn(item.unit_line or item.line, "unit-repeated", f"{label} lists a unit twice")

        if item.value is not None and item.style not in (None, "heading"):
            key = (item.attachment, id(section), task.subsection, item.style, item.value)
            if key in seen_numbers:
                warn(
                    item.line,
                    "duplicate-task-number",
                    f"task number {item.number} repeats the one at line {seen_numbers[key]}",
                )
            else:
                seen_numbers[key] = item.line
            run = (item.attachment, item.style, task.subsection)
            previous = last_value.get(run)
            if previous is not None and item.value not in (previous + 1, 1, previous):
                warn(item.line, "task-number-gap", f"task number {item.number} follows {previous}")
            last_value[run] = item.value

    if lead_unnamed_line is not None:
        warn(
            lead_unnamed_line,
            "lead-unit-unnamed",
            "the notice does not say which of several listed units leads; all were read as co-units",
        )
    meta: dict[str, object] = {"first_listed_leads": "stated" if first_leads_stated else "not stated"}
    if duty_tasks:
        meta["duty_sentences"] = duty_tasks
    return tasks, warnings, meta


def _repeats(a: Assignment) -> bool:
    """Whether a task lists one unit twice. A lead named after the list it belongs to ("（A、B按职责分工负责，
    A牵头）", "责任单位：A、B，A牵头") marks which unit leads; it does not list A again."""
    named = [*a.lead, *a.co, *a.responsible]
    if len(named) == len(set(named)):
        return False  # no name twice anywhere: the common case, decided at once
    lists = (a.lead, a.co, a.responsible)
    if any(len(units) > len(set(units)) for units in lists):
        return True
    return bool(set(a.co) & (set(a.lead) | set(a.responsible)))
