"""Text notices: a forward scan over lines for sections, numbered tasks and their assignments.

Reads sections, numbered tasks, labelled lines, brackets and leader headings itself and hands over to
:mod:`.flat_table` / :mod:`.rows` / :mod:`.run_together` when a table header appears, and to
:mod:`.paragraphs` for tasks closed by brackets or role chains. A task's assignment may follow
it on "LABEL:value" lines, sit in a bracket at its end, or come from its section heading (leaders).
"""

from __future__ import annotations

import re

from dutygraph.loaders.assignment import Assignment
from dutygraph.loaders.brackets import bracket_groups, open_depth
from dutygraph.loaders.clauses import LEAD_IN_STANDING_RE, assignment_brackets, parse_bracket, parse_labelled
from dutygraph.loaders.columns import header_roles
from dutygraph.loaders.duties import (
    duty_sentence,
    first_duty_sentence,
    framed_duty_sentence,
    member_duties,
    member_duty,
    member_subject_duty,
    role_chains,
)
from dutygraph.loaders.items import Item, ReadState, Section
from dutygraph.loaders.labels import LABEL_LINE_RE, LABEL_RE
from dutygraph.loaders.layouts.flat_table import header_run, read_flat_table
from dutygraph.loaders.layouts.paragraphs import split_segments
from dutygraph.loaders.layouts.rows import read_rows
from dutygraph.loaders.layouts.run_together import header_roles as run_together_roles
from dutygraph.loaders.layouts.run_together import read_run_together
from dutygraph.loaders.leaders import leader_portfolio, parse_leader_list
from dutygraph.loaders.points import point_assignment, split_points
from dutygraph.loaders.segment import TABLE_PIECE
from dutygraph.loaders.structure import (
    ATTACHMENT_RE,
    COVER_LIST_RE,
    LINKS_RE,
    SECTION_RE,
    Numbered,
    attachment_number,
    is_furniture,
    is_site_credit,
    is_tail,
    match_chapter,
    match_enumeration,
    match_number,
    match_section,
)
from dutygraph.loaders.text import Line, T
from dutygraph.loaders.units import FIRST_LEADS_RE, heading_units
from dutygraph.loaders.wrap import Measure, is_date, logical_line

#: "钱三雄市长牵头重点工作", "由张三副县长主抓的工作": who, verb, what.
_LEADER_HEAD_RE = re.compile(
    r"^(?:由)?(?P<who>.{0,30}?)(?P<verb>牵头|主抓|负责|分管|领衔|联系|抓总)(?:的)?(?P<what>.*)$"
)
_WORK_RE = re.compile(r"^(?:重点|主要|的)?(?:工作|任务|事项|项目|实事)")
_HEADING_MAX = 30
#: A line that states the first-listed-leads convention on its own is at most this long.
_CONVENTION_MAX = 60
#: Numbering styles of tasks themselves, not of the headings above them.
_TASK_STYLES = frozenset({"arabic", "arabic-paren", "circled", "paren-char", "dot-char", "decimal", "cn-shi"})
_MARKDOWN_RULE_RE = re.compile(r"^[\s|:\-—=+]+$")
#: A member's paragraph in a plan's 成员单位职责 section: the unit, a colon, its duties ("外交部：负责…").
_MEMBER_DUTY_RE = re.compile(r"^[^,;。:()]{2,40}:")
#: A sentence that announces the members' duties below or after it: "成员单位职责如下：", "具体职责分工如下：".
_DUTIES_LEAD_IN_RE = re.compile(r"^[^。;:]{0,30}(?:职责|分工)[^。;:]{0,8}如下:\s*")


_INLINE_BOUNDARY = frozenset("。;,. )")


def split_inline_labels(t: T) -> tuple[T, Assignment | None]:
    """Cut "…任务。牵头单位:X;责任单位:Y" into the task text and the labelled fields after it.

    Only a label right after a sentence or clause boundary counts, so "…明确责任单位:…" inside a
    sentence is not cut; labels inside brackets are left to the bracket reader.
    """
    if ":" not in t.n:
        return t, None
    for m in LABEL_RE.finditer(t.n, 0, t.n.rfind(":") + 1):  # no label after the last colon
        start = m.start()
        if start == 0 or t.n[start - 1] not in _INLINE_BOUNDARY or open_depth(t.n[:start]):
            continue
        return t.cut(0, start).strip(), parse_labelled(t.cut(start), in_text=True)
    return t, None


def _heading_like(text: str) -> bool:
    """Short, no sentence end: a sub-heading rather than a task."""
    return 0 < len(text) <= _HEADING_MAX and not any(c in text for c in "。;；")


class NumberedReader:
    """The scan's state: where we are (attachment, section) and the item being read."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.state = ReadState()
        self.attachment: str | None = None
        self.attachments_seen = 0
        self.section = Section()
        self.current: Item | None = None
        self.cover_list = False
        self.tail = False
        self.last_heading: tuple[Line, Numbered | None, str] | None = None
        #: the line after "附件N" may be the attachment's title, not a sub-heading.
        self.expect_title = False
        #: under a title or heading that announces duties ("成员单位职责"): a paragraph that opens with a
        #: unit and its duty ("区教育局负责…") is a task of its own.
        self.member_duties = False
        #: units a standing rule stated outside any task ("（本方案各项任务均需地方各级人民政府负责落实，不再单独
        #: 列出）", "…各片区管理局负责辖区内各项任务的落实，以下不再列出") adds to the next task, and so to all later ones.
        self.carried: list[str] = []
        #: a date line has stood under tasks: the notice's signature, after which a page prints its links.
        self.signed = False
        #: the wrap measure of the document, if it is wrapped (see :mod:`dutygraph.loaders.wrap`).
        self.measure = Measure.of(lines)

    # -- helpers -------------------------------------------------------------------------------------
    def _items_in_section(self) -> bool:
        items = self.state.items
        return bool(items) and items[-1].section is self.section

    def _next_numbered(self, index: int) -> bool:
        for line in self.lines[index + 1 : index + 3]:
            if is_furniture(line.text.n):
                continue
            return match_number(line.text.n, line.text.o) is not None
        return False

    def _new_item(
        self, line: Line, style: str | None, number: str | None, value: int | None, text: str
    ) -> Item:
        item = Item(line.no, self.attachment, self.section, style, number, value, [text] if text else [])
        item.printed = line.text.o
        if self.carried:
            item.assign.standing += self.carried
            self.carried = []
        self.state.items.append(item)
        self.current = item
        self.last_heading = None
        return item

    def _close(self) -> None:
        self.current = None

    def _attachment_over_table(self, folded: str, printed: str, index: int) -> str | None:
        """The title of a "附件：TITLE" line whose next line heads a table, or ``None``."""
        colon = folded.find(":")
        title = printed[colon + 1 :].strip() if colon >= 0 else ""
        if not title or title[0].isdigit() or index + 1 >= len(self.lines):
            return None
        following = self.lines[index + 1]
        if following.cells is not None:
            return title if header_roles(following.cells) is not None else None
        return title if header_run(self.lines, index + 1) is not None else None

    # -- line kinds ----------------------------------------------------------------------------------
    def _attachment(self, line: Line, num: str | None, title: str | None) -> None:
        self._close()
        self.attachment = attachment_number(num, self.attachments_seen)
        self.attachments_seen += 1
        self.section = Section()
        self.tail = False
        self.cover_list = False
        self.state.saw("attachments")
        attachments = self.state.meta.setdefault("attachments", {})
        assert isinstance(attachments, dict)
        attachments[self.attachment] = title
        self.expect_title = title is None

    def _heading(self, line: Line, body: T, numbered: Numbered | None) -> None:
        """A section heading; reads the leaders it names ("钱三雄市长牵头重点工作(许继清副市长协助推进)")."""
        self._close()
        section = Section(title=line.text.o, line=line.no)
        self.member_duties = "职责" in body.n
        rest = body
        units = Assignment()
        # only assignment brackets: a quote or a title ("修改为：“…主管部门负责…”") quotes a regulation, it assigns
        # nothing; a bare list of units after a sentence ("一、加强甲。（甲部、乙部）") is one
        for start, end, parsed in reversed(assignment_brackets(body)):
            section.leaders[:0] = parsed.leaders
            section.assisting[:0] = parsed.assisting
            if parsed.has_units() or (start and body.n[start - 1] == "。" and end == len(body.n)):
                # "一、加强甲。（李克强同志负责）": a bracket closing the heading's sentence assigns the heading
                units.merge(parsed)
            rest = T(rest.o[:start] + rest.o[end:], rest.n[:start] + rest.n[end:])
        m = _LEADER_HEAD_RE.match(rest.n.strip())
        if m:
            who = m.group("who").strip()
            leaders = parse_leader_list(who)
            if leaders is not None:
                section.leaders[:0] = leaders
                self.state.saw("leader-sections")
            elif _WORK_RE.match(m.group("what")) and len(who) <= 20:
                self.state.warn(
                    line.no,
                    "leader-header-unreadable",
                    f"could not read the leaders in heading {line.text.o!r}",
                )
        if section.leaders or section.assisting:
            self.state.saw("leader-sections")
        section.units = heading_units(rest)
        self.section = section
        self.last_heading = (line, numbered, body.o)
        if units.has_any():
            # "一、…(牵头单位:X)": a top-level line that is itself a task.
            self._heading_to_item(units)

    def _heading_to_item(self, assignment: Assignment) -> Item | None:
        if self.last_heading is None:
            return None
        line, _, body = self.last_heading
        m = SECTION_RE.match(line.text.n)
        number = line.text.o[: m.end("num")] if m else None
        text = body
        folded = T.of(body)
        for start, end, _ in reversed(assignment_brackets(folded)):
            text = text[:start] + text[end:]
        item = self._new_item(line, "section", number, None, text.strip())
        item.assign.merge(assignment)
        item.closed = True
        return item

    def _numbered(self, line: Line, numbered: Numbered) -> None:
        self._close()
        whole = line.text.cut(numbered.body_start)
        body, inline = split_inline_labels(whole)
        # "（一）整治甲。一是…，责任单位：X；二是…，责任单位：Y": the labels come after the first point, each point's own
        points = split_points(body) if inline is None else split_points(whole) if "一是" in body.n else None
        if points is not None:
            # "1.强化统筹。一是…，由甲局负责；二是…，由乙局牵头、丙局配合": each point a task, the words before them
            # their heading
            head, found = points
            heading = (
                self._new_item(line, numbered.style, numbered.printed, numbered.value, head.o)
                if head.n
                else None
            )
            self._points(line, heading, found)
            return
        segments = split_segments(body, inline)
        first = segments[0]
        item = self._new_item(line, numbered.style, numbered.printed, numbered.value, first.text)
        if first.assignment is None and _heading_like(first.text):
            # "2.2　成员单位职责": the unnumbered paragraphs under it may be its members' duties, each a task
            self.member_duties = "职责" in first.text
        if first.assignment is not None:
            item.assign.merge(first.assignment)
            item.closed = True
            item.unit_line = line.no
            self.state.saw("bracket-assignments")
        elif self.member_duties and (member := member_duty(T.of(first.text))) is not None:
            # "（2）外交部：协调做好涉外事务": a numbered member's duties, named before the colon — and the members
            # numbered after it when the paragraph runs them together ("…。（3）公安部：负责…")
            pieces = member_duties(T.of(first.text), member)
            item.text = [pieces[0][0].o]
            item.assign.merge(member)
            item.unit_line = line.no
            for piece, assignment in pieces[1:]:
                mark = match_number(piece.n, piece.o)
                item = self._new_item(
                    line,
                    mark.style if mark else None,
                    mark.printed if mark else None,
                    mark.value if mark else None,
                    piece.cut(mark.body_start).o if mark else piece.o,
                )
                item.assign.merge(assignment)
                item.unit_line = line.no
            self.state.saw("duty-sentences")
        self._more_segments(line, item, segments[1:])
        if inline is not None:
            last = self.state.items[-1]
            last.assign.merge(inline)
            last.closed = True
            last.unit_line = line.no
            self.state.saw("inline-labels")

    def _points(
        self, line: Line, item: Item | None, points: list[tuple[str, int, T, Assignment | None]]
    ) -> None:
        """Enumerated points after ``item`` (their heading, if any): a task each that names units, the others more
        text of the task before them."""
        for mark, value, piece, assignment in points:
            if assignment is None:
                if item is not None:
                    item.text.append(piece.o)
                continue
            item = self._new_item(line, "cn-shi", mark, value, piece.o)
            item.assign.merge(assignment)
            item.closed = True
            item.unit_line = line.no
        self.state.saw("enumerated-points")

    def _more_segments(self, line: Line, item: Item, segments: list) -> None:  # type: ignore[type-arg]
        """Segments after a numbered line's first: under a task number ("3．…（甲局负责）…（乙局负责）") they
        are more sentences of the same task, whose units join it behind the first clause's lead; under a
        heading-like number ("（二）…") or none, each closes a task of its own."""
        one_task = item.style in _TASK_STYLES and item.assign.present
        for segment in segments:
            if segment.assignment is None:
                item.text.append(segment.text)
                continue
            if one_task:
                item.text.append(segment.text)
                item.assign.merge_behind(segment.assignment)
                continue
            item = self._new_item(line, None, None, None, segment.text)
            item.assign.merge(segment.assignment)
            item.closed = True
            item.unit_line = line.no

    def _labelled(self, line: Line, assignment: Assignment) -> None:
        if assignment.standing and not (assignment.lead or assignment.co or assignment.responsible):
            self.carried += assignment.standing  # a standing rule on a line of its own
            return
        only_leaders = (
            not assignment.has_units()
            and not assignment.deadline
            and (assignment.leaders or assignment.assisting)
        )
        if only_leaders and not self._items_in_section() and self.current is None:
            self.section.leaders += assignment.leaders
            self.section.assisting += assignment.assisting
            self.state.saw("section-leaders")
            return
        if self.current is None and self.last_heading is not None and not self._items_in_section():
            self._heading_to_item(assignment)
            self.state.saw("labelled-lines")
            return
        if self.current is None:
            self.state.warn(
                line.no, "assignment-without-task", f"assignment line with no task before it: {line.text.o!r}"
            )
            return
        self.current.assign.merge(assignment)
        self.current.closed = True
        if assignment.has_units() or self.current.unit_line is None:
            self.current.unit_line = line.no
        self.state.saw("labelled-lines")

    def _signature(self, index: int) -> bool:
        """Whether the line at ``index`` is the date under the issuer's name, or that name."""
        lines = self.lines
        return is_date(lines[index].text.n) or (index + 1 < len(lines) and is_date(lines[index + 1].text.n))

    def _plain(self, index: int, line: Line) -> None:
        text = line.text
        current = self.current
        if "不再" in text.n and (standing := LEAD_IN_STANDING_RE.search(text.n)) is not None:
            self.carried += [u.strip() for u in text.cut(*standing.span("who")).o.split("、") if u.strip()]
            if standing.start() == 0 and not text.n[standing.end() :].strip(" 。"):
                return  # "各项任务均需地方各级人民政府负责落实，以下不再列出。": the rule alone, no task
        if len(text.n) <= _CONVENTION_MAX and FIRST_LEADS_RE.search(text.n):
            # "各项任务均由排名第一的单位牵头，其他单位配合。": the document's convention, read for the whole
            # document by units.states_first_leads — a note, not a task and not task text.
            return
        lead_in = _DUTIES_LEAD_IN_RE.match(text.n)
        if lead_in is not None:
            # "成员单位职责如下： 区市场监管局组织…": the members' duties follow the lead-in, in its paragraph or after it
            self.member_duties = True
            text = text.cut(lead_in.end()).strip()
            if not text.n:
                return
        points = split_points(text)
        if points is not None:
            # "一是…，由甲局负责；二是…，由乙局负责。" as a paragraph of its own: the points are tasks under the task above
            head, found = points
            if head.n and current is not None and not current.closed:
                current.text.append(head.o)
            self._points(line, current if current is not None and not current.closed else None, found)
            return
        segments = split_segments(text)
        if segments[0].assignment is not None or len(segments) > 1:
            self.state.saw("bracket-paragraphs")
            start = 0
            if current is not None and not current.closed and not _heading_like(current.joined):
                current.text.append(segments[0].text)
                if segments[0].assignment is not None:
                    current.assign.merge(segments[0].assignment)
                    current.closed = True
                    current.unit_line = line.no
                start = 1
            self._close()
            for segment in segments[start:]:
                if segment.assignment is None:
                    if self.current is not None:
                        self.current.text.append(segment.text)
                    continue
                item = self._new_item(line, None, None, None, segment.text)
                item.assign.merge(segment.assignment)
                item.closed = True
                item.unit_line = line.no
            return
        if _heading_like(text.n) and "职责" in text.n and current is None:
            self.member_duties = True  # the document's title: "…领导小组成员单位职责"
        duty = framed_duty_sentence(text, modal=False) if not _heading_like(text.n) else None
        if duty is None and self.member_duties:
            duty = member_subject_duty(text)  # "外交部：协调做好涉外事务", "外交部协调做好…": the member
        if duty is not None and (
            (
                current is not None
                and (current.closed or _heading_like(current.joined))
                and _MEMBER_DUTY_RE.match(text.n)
            )
            or (
                self.member_duties
                and (current is None or current.closed or _heading_like(current.joined))
                and member_duty(text) is not None
            )
        ):
            # "2.3　成员单位职责" then "外交部：负责…", "公安部：负责…": each member's paragraph is a task of its own,
            # not more text of the heading or of the member before it (and each member's sentence, when a
            # flattened page runs them into one paragraph).
            for piece, assignment in member_duties(text, duty) if self.member_duties else [(text, duty)]:
                self._close()
                item = self._new_item(line, None, None, None, piece.o)
                item.assign.merge(assignment)
                item.closed = True
                item.unit_line = line.no
            self.state.saw("duty-sentences")
            return
        if duty is not None and (current is None or not current.assign.present):
            # "发展改革委会同水利部研究提出了办理意见：…" under "二、关于…问题。": the paragraph names who acts.
            if current is not None:
                current.assign.merge(duty)
                current.text.append(text.o)
                current.closed = True
                current.unit_line = line.no
                self.state.saw("duty-sentences")
                return
            if self.last_heading is not None and not self._items_in_section():
                heading_item = self._heading_to_item(duty)
                if heading_item is not None:
                    heading_item.unit_line = line.no
                    self.state.saw("duty-sentences")
                return
        if _heading_like(text.n) and self._next_numbered(index) and (current is None or current.closed):
            self._close()
            self._new_item(line, "heading", None, None, text.o)
            self._close()
            return
        if current is not None and not current.closed and self._signature(index):
            # "国务院" over "2019年3月1日" under a last task with no units: the body has ended.
            self._close()
            return
        if current is not None and not current.closed:
            body, inline = split_inline_labels(text)
            current.text.append(body.o)
            if inline is not None:
                current.assign.merge(inline)
                current.closed = True
                current.unit_line = line.no
        elif current is None and self.last_heading is not None and not self._items_in_section():
            # "八、支持…“O2O”" + "试点模式，…。牵头单位：X配合单位：Y": a top-level item whose text a page gap cut
            # in two; the second piece's fields assign the item.
            body, inline = split_inline_labels(text)
            if inline is not None and inline.has_units():
                heading_item = self._heading_to_item(inline)
                if heading_item is not None:
                    heading_item.text.append(body.o)
                    heading_item.unit_line = line.no
                    self.state.saw("inline-labels")
        else:
            body, inline = split_inline_labels(text)
            if inline is not None and inline.has_units() and body.n:
                # "开展城乡环境卫生整治。责任单位：区爱卫办、各街道办事处": an unnumbered task on a line of its own
                item = self._new_item(line, None, None, None, body.o)
                item.assign.merge(inline)
                item.closed = True
                item.unit_line = line.no
                self.state.saw("inline-labels")

    # -- the scan ------------------------------------------------------------------------------------
    def run(self) -> ReadState:
        lines = self.lines
        i = 0
        after_furniture = False
        while i < len(lines):
            line = lines[i]
            n = line.text.n
            if (
                is_furniture(n)
                or is_site_credit(n, after_furniture)
                or (n[0] in "|-:" and _MARKDOWN_RULE_RE.match(n))
            ):
                after_furniture = True
                if self.signed and LINKS_RE.match(n):
                    # "… 2023年6月12日 相关链接：1.…": the page's links after the notice, nothing until an attachment
                    # (the same words head some pages, above the notice)
                    self._close()
                    self.tail = True
                i += 1
                continue
            after_furniture = False
            if self.state.items and is_date(n):
                self.signed = True
            # The whole logical line: a PDF's visual lines rejoined (tables are left to their readers).
            last = i
            # (a header cell is at most 12 characters, so longer lines skip the call)
            header = header_run(lines, i) if line.cells is None and len(n) <= 12 else None
            if line.cells is None and header is None:
                line, last = logical_line(lines, i, self.measure)
                n = line.text.n
            is_cover_list = n[0] == "附" and COVER_LIST_RE.match(n) is not None
            attachment = (
                ATTACHMENT_RE.match(n) if n[0] == "附" and len(n) <= 80 and not is_cover_list else None
            )
            if self.tail and not attachment:
                i = last + 1
                continue
            if is_tail(n):
                self._close()
                self.tail = True
                i = last + 1
                continue
            if self.cover_list:
                numbered = match_number(n, line.text.o)
                follows = lines[last + 1].text.n if last + 1 < len(lines) else ""
                if numbered is not None and len(n) <= 80 and not LABEL_LINE_RE.match(follows):
                    i = last + 1
                    continue
                self.cover_list = False
            if is_cover_list and (title := self._attachment_over_table(n, line.text.o, last)) is not None:
                # "附件：任务分工表" right over the table's header: the attachment itself, not the cover's list of them
                self._attachment(line, None, title)
                i = last + 1
                continue
            if is_cover_list:
                self.cover_list = True
                i = last + 1
                continue
            if attachment:
                title = attachment.group("title")
                self._attachment(line, attachment.group("num"), line.text.o[-len(title) :] if title else None)
                i = last + 1
                continue
            if self.expect_title:
                self.expect_title = False
                if (
                    line.cells is None
                    and _heading_like(n)
                    and not SECTION_RE.match(n)
                    and match_number(n, line.text.o) is None
                    and header is None
                ):
                    attachments = self.state.meta["attachments"]
                    assert isinstance(attachments, dict)
                    attachments[self.attachment] = line.text.o
                    i = last + 1
                    continue
            if header is not None:
                self._close()
                i, self.section = read_flat_table(lines, i, self.attachment, self.section, self.state)
                continue
            if line.cells is None and len(n) >= TABLE_PIECE and run_together_roles(n) is not None:
                self._close()
                read_run_together(line, self.attachment, self.section, self.state)
                i = last + 1
                continue
            if line.cells is not None and header_roles(line.cells) is not None:
                self._close()
                i, self.section = read_rows(lines, i, self.attachment, self.section, self.state)
                continue
            i = self._line(last, line)
        return self.state

    def _line(self, i: int, line: Line) -> int:
        n = line.text.n
        m = match_section(n) or match_chapter(n)
        if m:
            body, inline = split_inline_labels(line.text.cut(m.start("body")))
            self._heading(line, body, None)
            if inline is not None and inline.has_units():
                # "一、支持…。牵头单位:X配合单位:Y": a top-level item that is itself a task.
                self._heading_to_item(inline)
                self.state.saw("inline-labels")
            elif (portfolio := leader_portfolio(body.n, body.o)) is not None:
                # "二、党工委委员、管委会副主任周青松：负责指导…": a leader's portfolio, itself the task.
                leader, start = portfolio
                item = self._heading_to_item(Assignment(leaders=[leader], present=True))
                if item is not None:
                    item.text = [body.cut(start).strip().o]
                self.state.saw("leader-portfolios")
            elif self.current is None:
                sentence = not _heading_like(body.n)
                duty = duty_sentence(body) if len(body.n) > _HEADING_MAX else None
                if duty is None and "牵头" in body.n:
                    # "一、整改甲问题。区环土局牵头，区农发局配合": a run-in chain after the item's first sentence
                    # (a short heading only when the chain names co-units too: "二、区发改局牵头事项" stays one)
                    chains = role_chains(body)
                    if len(chains) == 1 and (sentence or chains[0][2].co):
                        duty = chains[0][2]
                if duty is None and sentence:
                    # "二、关于乙项目资金问题。会议同意由区财金局统筹安排资金。": a later sentence names who acts
                    duty = first_duty_sentence(body)
                if duty is not None:
                    # "一、由区规划局牵头，建立…": a numbered duty sentence, not a heading.
                    self._heading_to_item(duty)
                    self.state.saw("duty-sentences")
            return i + 1
        numbered = match_number(n, line.text.o)
        if numbered is None:
            point = match_enumeration(n, line.text.o)
            if point is not None and (
                (":" in n and LABEL_RE.search(n)) or point_assignment(line.text) is not None
            ):
                numbered = point  # only a point that names its own units is a task
        if numbered is not None:
            self._numbered(line, numbered)
            return i + 1
        if LABEL_LINE_RE.match(n):
            self._labelled(line, parse_labelled(line.text, in_text=True))
            return i + 1
        spans = bracket_groups(line.text)
        if len(spans) == 1 and spans[0] == (0, len(n)):
            inner = parse_bracket(line.text.cut(1, len(n) - 1))
            if inner is not None and inner.has_any():
                self._labelled(line, inner)
                return i + 1
        self._plain(i, line)
        return i + 1


def read_numbered(lines: list[Line]) -> ReadState:
    """Scan a text notice (or text with tables) into items."""
    return NumberedReader(lines).run()
