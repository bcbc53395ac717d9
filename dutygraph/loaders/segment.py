"""Pages that lost their line breaks, cut back into paragraphs and numbered items.

Site archives and text copied out of PDF viewers hold a whole notice on one line:
"…工作要求如下：1、做好甲工作。（牵头单位：规划科）2、推进乙工作。（…）…". Every later step reads a
document line by line, so this step restores the lines first, in two cuts:

1. **Paragraph gaps.** In a flattened page the paragraphs are separated by one space. A space between two
   pieces of Chinese text is such a gap and is cut; a space inside Latin text or numbers ("16:50"), and the
   spaces of letter-spaced headers ("工 作 任 务", "链 长"), are not.
2. **Numbering.** A task number inside a line ("…配合单位：各所）2、推进…") starts a new line when it
   continues a run of its own style (2 after 1, （三） after （二）), or starts a run at 1 right after a
   sentence end. Lines that hold the assignments of several tasks (or are page-long) are cut this way;
   a paragraph of such a page that holds one task's assignment only where a number continues the run after
   that assignment, or opens one after "…如下：", so an enumeration inside one task ("主要有：1.…；2.…")
   stays in its task.

Both cuts are linear in the line: one regex pass for the candidates, one pass to accept them.
"""

from __future__ import annotations

import itertools
import re

from dutygraph.loaders.glued_rows import glued_header, glued_rows
from dutygraph.loaders.labels import UNIT_FIELD_LABELS
from dutygraph.loaders.layouts.run_together import HEADER_RE as RUN_TOGETHER_HEADER_RE
from dutygraph.loaders.layouts.run_together import header_roles as run_together_roles
from dutygraph.loaders.leaders import POST_PATTERN
from dutygraph.loaders.spaced_table import may_head_rows, spaced_rows, spaced_table
from dutygraph.loaders.structure import CHAR_NUMBERS, CIRCLED, CN_DIGITS, DOT_CHARS, PAREN_CHARS, cn_number
from dutygraph.loaders.text import Line
from dutygraph.loaders.units import named_like_unit

#: A line this long is a page (or a table) that lost its breaks, whatever it holds.
PAGE_LINE = 600
#: A table whose cells ran together, header and rows, is at least this long.
TABLE_LINE = 200
#: Once the page is cut, a line that opens with a run-together header holds at least a header and a row.
TABLE_PIECE = 60
#: Markers of an assignment: two of them in one line mean the line holds two tasks.
_ASSIGNMENT_MARK_RE = re.compile(
    "(?:" + "|".join(sorted(UNIT_FIELD_LABELS, key=len, reverse=True)) + r")\s*:"
    r"|牵头\s*[,;)]|(?:按职责分工|等)?负责\s*\)|(?:配合|参与|指导|落实)\s*\)"
)
_GAP_RE = re.compile(r"\s+")
_SENTENCE_END = frozenset("。;:!?)]】”」")
#: A piece this short before a gap is a line of its own (a title, a date, a signature, a heading).
_SHORT_PARAGRAPH = 40
_CHAR_MARKS = "".join(CHAR_NUMBERS)
_STARTS_ITEM_RE = re.compile(
    rf"\(?\s*(?:[{CN_DIGITS}]{{1,4}}|\d{{1,3}})\s*[、.)]|[{_CHAR_MARKS}]|[\u4e00-\u9fff]{{2,8}}\s*:"
)
#: Number marks anywhere in a folded line; which alternative matched names the style.
_MARK_RE = re.compile(
    rf"(?P<cnp>\(\s*(?P<cnp_v>[{CN_DIGITS}]{{1,4}})\s*\))"
    rf"|(?P<cns>(?P<cns_v>[{CN_DIGITS}]{{1,4}})\s*、)"
    r"|(?P<arp>\(\s*(?P<arp_v>\d{1,3})\s*\))"
    r"|(?P<ar>(?P<ar_v>\d{1,3})\s*[.、](?!\d))"
    rf"|(?P<cir>[{CIRCLED}])|(?P<pch>[{PAREN_CHARS}])|(?P<dch>[{DOT_CHARS}])"
    r"|(?P<shi>(?P<shi_v>[一二三四五六七八九十]{1,3})是)"
)
#: What may stand right before a number that opens a run ("。1、", "）（一）", start of line).
_STRONG_BEFORE = frozenset(" 。;:!?)]】”」")
#: What may not follow a number mark: a digit or separator means a list of numbers ("1、2、3项").
_NOT_BODY = frozenset("0123456789、,.;:)%")


#: A notice's signature, issuer then full date ("平潭综合实验区管委会办公室 2019年4月8日"): on a flattened page
#: it stands after a gap and is a paragraph of its own, so it never runs on as the last task's last unit. A
#: bureau signs with its place's name first ("平潭综合实验区财政金融局", "福州市财政局"), which no unit cell of a
#: table ("区财政局 2020年6月30日") opens with.
_SIGNATURE_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,30}(?:办公室|办公厅|管委会|人民政府|委员会|党工委)"
    r"|[\u4e00-\u9fff]{2,8}(?:综合实验区|省|市|县)[\u4e00-\u9fff]{1,16}[局委厅办])"
    r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?=\s|$)"
)


#: A leader's post before a gap and a name after it ("管委会副主任 王芳；", "局长 陈明 牵头单位："): one field.
_POST_END_RE = re.compile(f"{POST_PATTERN}$")
_NAME_AFTER_RE = re.compile(r"[\u4e00-\u9fff·]{2,4}(?=[\s;,。)]|$)")
#: Posts are at most this long: the text before a gap searched for one.
_POST_MAX = 8


#: A piece that can only be a name: Han characters (and a bracket), nothing that ends or numbers a sentence.
_BARE_NAME_RE = re.compile(r"[\u4e00-\u9fff()]{2,20}")
_UNIT_FIELD_RE = re.compile("(?:" + "|".join(sorted(UNIT_FIELD_LABELS, key=len, reverse=True)) + r")\s*:$")


#: A number mark alone between two gaps ("3.1 市场监测", "第三条 …", "（二） 强化…"): it heads the text after it.
_BARE_NUMBER_RE = re.compile(
    rf"\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}[.、]?|\(\s*(?:\d{{1,3}}|[{CN_DIGITS}]{{1,4}})\s*\)|[{CN_DIGITS}]{{1,4}}、"
    rf"|第[{CN_DIGITS}]{{1,4}}[条章节]|[{_CHAR_MARKS}]"
)


#: What never opens a paragraph: a colon, a separator or a closing bracket belongs to the text before the gap.
_NO_PARAGRAPH_AFTER = frozenset(":;,、)")
#: A bracket closes this soon after a gap inside it, or the gap is not taken to be inside it.
_BRACKET_REACH = 60


def _inside_brackets(folded: str, start: int, gap: int, after: int) -> bool:
    """The gap at ``gap`` stands inside a bracket opened since ``start`` that closes soon after the gap
    ("（工业和信息化部牵头 科技部配合）"): a paragraph never begins inside a bracket. An unclosed bracket
    (a typo) reaches no further than :data:`_BRACKET_REACH` characters."""
    opened = folded.rfind("(", start, gap)
    if opened < 0 or folded.find(")", opened, gap) >= 0:
        return False
    closes = folded.find(")", after, after + _BRACKET_REACH)
    return closes >= 0 and folded.find("(", after, closes) < 0


def _in_unit_field(folded: str, start: int, end: int) -> bool:
    """The text up to ``end`` is a unit field's value that no sentence end has closed ("配合单位：区财金局")."""
    colon = folded.rfind(":", start, end)
    return (
        colon >= 0
        and _UNIT_FIELD_RE.search(folded, max(start, colon - 8), colon + 1) is not None
        and not any(c in folded[colon:end] for c in "。;")
        and named_like_unit(folded[colon + 1 : end].rsplit(" ", 1)[-1])
    )


def paragraph_cuts(folded: str) -> list[int]:
    """Offsets where a flattened page's paragraph gaps are, each the start of the piece after the gap."""
    cuts: list[int] = []
    gaps = list(_GAP_RE.finditer(folded))
    for k, gap in enumerate(gaps):
        start, end = gap.span()
        if start == 0 or end == len(folded):
            continue
        before, after = folded[start - 1], folded[end]
        if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
            continue  # inside Latin text or a date and time ("2015-09-02 16:50")
        left_start = gaps[k - 1].end() if k else 0
        right_end = gaps[k + 1].start() if k + 1 < len(gaps) else len(folded)
        if start - left_start < 2 or right_end - end < 2:
            continue  # a letter-spaced word: "工 作 任 务", "链 长"
        previous_cut = cuts[-1] if cuts else 0
        if _BARE_NUMBER_RE.fullmatch(folded, left_start, start):
            continue  # the number of the heading or task after the gap
        if after in _NO_PARAGRAPH_AFTER or _inside_brackets(folded, previous_cut, start, end):
            continue  # "牵头部门 ：…" (a label's bracketed note folded to spaces), "（甲部牵头 乙部配合）"
        if before == ":" and not _STARTS_ITEM_RE.match(folded, end):
            continue  # "牵头单位： 区经发局", "宣传要点： 对外…": a space after a field's colon, its value follows
        if _NAME_AFTER_RE.match(folded, end) and _POST_END_RE.search(
            folded, max(0, start - _POST_MAX), start
        ):
            continue  # "牵头领导：区信访局局长 陈明；": a post, then its holder's name
        if (
            not _SIGNATURE_RE.match(folded, end)
            and _BARE_NAME_RE.fullmatch(folded, end, right_end) is not None
            and named_like_unit(folded[end:right_end])
            and _in_unit_field(folded, previous_cut, start)
        ):
            continue  # "配合单位：区财金局 区统计局": a space between two units of one field
        if (
            before in _SENTENCE_END
            or start - previous_cut <= _SHORT_PARAGRAPH
            or _STARTS_ITEM_RE.match(folded, end)
            or _SIGNATURE_RE.match(folded, end)
        ):
            cuts.append(end)
        # otherwise a break inside a sentence ("…跨境电商专用 试点模式…"): the paragraph goes on
    return cuts


#: How deep each numbering style stands (一、 above （一） above 1. above （1） above ①, "一是" lowest): a run
#: opens right after a heading only one level or more below it ("一、总则（一）…", not "三是…合一、").
_DEPTH = {"cns": 0, "cnp": 1, "ar": 2, "dch": 2, "arp": 3, "pch": 3, "cir": 4, "shi": 5}


def _mark_value(m: re.Match[str]) -> tuple[str, int | None]:
    style = m.lastgroup or ""
    if style in ("cir", "pch", "dch"):
        return style, CHAR_NUMBERS[m.group(style)]
    if style.endswith("_v"):
        style = style[:-2]
    raw = m.group(f"{style}_v")
    value = int(raw) if raw.isdecimal() else cn_number(raw)
    return style, value


def _opens_after_rubric(folded: str, start: int) -> bool:
    """The first number of a paragraph's run stands at its start or right after "…如下：": the items
    after it are a list of tasks, not one task's enumeration."""
    return start == 0 or folded.endswith("如下:", 0, start)


def number_cuts(folded: str, last: dict[str, int], *, one_task: bool = False) -> list[int]:
    """Offsets of task numbers that start a new item inside a line (see the module docstring).

    ``last`` holds the last value accepted per numbering style; it is updated, so runs continue across
    the paragraphs and lines of a document. ``one_task``: a paragraph of a flattened page that holds one
    task's assignment, where an enumeration inside the task ("做好三项工作：1.甲；2.乙") must stay; there a
    number is a new item only at the paragraph's start, right after "…如下：", or where it continues the
    run after an assignment ("一、支持甲。牵头单位：X完成时限：2020年4月二、支持乙…").
    """
    cuts: list[int] = []
    last_style = ""
    for m in _MARK_RE.finditer(folded):
        style, value = _mark_value(m)
        if value is None:
            continue
        start, end = m.span()
        if style == "cns" and start and folded[start - 1] in CN_DIGITS:
            continue  # the tail of a longer numeral ("十一、" is read at its start)
        if end < len(folded) and folded[end] in _NOT_BODY:
            continue
        if style in ("ar", "arp") and start and folded[start - 1].isdigit():
            continue
        before = folded[start - 1] if start else " "
        previous = last.get(style)
        continues = previous is not None and value == previous + 1
        # a run opens at 1 after a sentence end, or right after another style's heading ("一、总则（一）…")
        after_heading = (
            cuts
            and start - cuts[-1] <= _SHORT_PARAGRAPH
            and _DEPTH.get(style, 0) > _DEPTH.get(last_style, len(_DEPTH))
        )
        opens = value == 1 and (before in _STRONG_BEFORE or not start or bool(after_heading))
        if not (continues or opens):
            continue
        if (
            one_task
            and start
            and not (
                (opens and folded.endswith("如下:", 0, start))
                or (continues and _ASSIGNMENT_MARK_RE.search(folded, cuts[-1] if cuts else 0, start))
                # "1.加强组织领导。…2.强化督查考核。…": a paragraph that opens with its first number is a run of
                # items, not one task's enumeration ("做好三项工作:1.甲;2.乙" opens with text)
                # and so is a run opened right after "…如下：" ("调整如下：一、…配合。二、…")
                or (continues and before == "。" and cuts and _opens_after_rubric(folded, cuts[0]))
            )
        ):
            continue
        if style in ("ar", "arp", "cir") and before.isascii() and before.isalnum():
            continue  # "A1." / "G20、": part of a code, not a number
        last[style] = value
        last_style = style
        cuts.append(start)
    return cuts


_UNIT_LABEL_RE = re.compile("(?:" + "|".join(sorted(UNIT_FIELD_LABELS, key=len, reverse=True)) + r")\s*:")


def label_cuts(folded: str) -> list[int]:
    """Where unnumbered tasks run on in one paragraph ("整治甲。牵头单位：X；配合单位：Y。规范乙。牵头单位：…"):
    after the sentence end that closes each task's labels."""
    cuts: list[int] = []
    start = 0
    for end in (m.end() for m in re.finditer("。", folded)):
        if end < len(folded) and _UNIT_LABEL_RE.search(folded, start, end) is not None:
            cuts.append(end)
            start = end
    return cuts


def holds_several_tasks(folded: str) -> bool:
    """The same assignment marker twice (two "责任单位:", two "…负责)"): the line is several tasks run together.
    Different markers once each ("(牵头单位:X;责任单位:Y)") are the fields of one task."""
    if folded.count(":") + folded.count(")") < 2:  # every marker ends in one of them; most lines hold < 2
        return False
    seen: set[str] = set()
    for m in _ASSIGNMENT_MARK_RE.finditer(folded):
        kind = m.group().rstrip(" :,;)")
        if kind in seen:
            return True
        seen.add(kind)
    return False


def _pieces(line: Line, cuts: list[int]) -> list[Line]:
    out: list[Line] = []
    bounds = [0, *sorted(set(cuts)), len(line.text.n)]
    for a, b in itertools.pairwise(bounds):
        piece = line.text.cut(a, b).strip()
        if piece:
            out.append(Line(line.no, piece))
    return out


def _glued_header(folded: str) -> re.Match[str] | None:
    """A run-together table's header in a line. Such a table follows its title ("…任务分解表", "…分工表"),
    so the costly header pattern is only tried after a "表"."""
    title = folded.find("表")
    return RUN_TOGETHER_HEADER_RE.search(folded, title) if title >= 0 else None


#: Furniture that a web page prints around its text ("当前位置：首页…", "微信 微博 QQ空间", "附件下载"): a line
#: that holds it inside is a whole page on one line, however short the page is.
_INLINE_FURNITURE_RE = re.compile(r"当前位置\s*:|微信\s*微博|附件下载\s*:")


def is_flattened_page(folded: str) -> bool:
    """A line that lost its paragraph breaks: too long for one paragraph, or page furniture inside it
    (a short page of the 平潭 archive is no less flattened than a long one)."""
    return len(folded) >= PAGE_LINE or (
        # the pattern's first words, looked for as plain strings: most lines hold none of them
        ("当前位置" in folded or "微信" in folded or "附件下载" in folded)
        and _INLINE_FURNITURE_RE.search(folded, 1) is not None
    )


#: A line holding this share of a document's text is the document itself on one line, however short.
_PAGE_SHARE = 0.8


def _holds_the_page(folded: str, total: int) -> bool:
    """A line of at least a table's length that holds most of the document: a short notice flattened
    onto one line ("…方案 一、工作任务 （一）…。（二）…"), with no assignment label to show it."""
    return len(folded) >= TABLE_LINE and len(folded) >= _PAGE_SHARE * total


#: A space, then the number of a task or a heading that opens with words: "… 2.推进…", "… （二）强化…", "… 三、保障…".
_ITEM_AFTER_SPACE_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff)])\s+(?=(?:\d{{1,2}}[.、]|\([{CN_DIGITS}]{{1,3}}\)|[{CN_DIGITS}]{{1,3}}、)[\u4e00-\u9fff])"
)


def _next_item_after_units(folded: str) -> int | None:
    """Where the next task or heading starts on a line whose unit label's list it follows after a space
    ("责任单位：区市场监管局，平潭海关 2.加大…"): a page whose line breaks were kept only in places. No unit
    name holds a space before a number and its mark."""
    if ":" not in folded or " " not in folded:
        return None  # most lines: no label, or no space
    label = _UNIT_LABEL_RE.search(folded)
    if label is None:
        return None
    m = _ITEM_AFTER_SPACE_RE.search(folded, label.end())
    return m.end() if m is not None else None


def restore_lines(lines: list[Line], *, total: int | None = None) -> list[Line]:
    """Lines with flattened pages cut into paragraphs and numbered items; other lines unchanged.

    ``total``: the characters of the whole document, when ``lines`` are pieces of one of its lines
    (a piece of a page is not the document however long it is)."""
    out: list[Line] = []
    runs: dict[str, int] = {}
    if total is None:
        total = sum(len(line.text.n) for line in lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        n = line.text.n
        if may_head_rows(lines, i - 1) and (by_line := spaced_rows(lines, i - 1)) is not None:
            table_rows, i = by_line  # a space-separated table printed one row per line
            out.extend(table_rows)
            continue
        if (roles := glued_header(lines, i - 1)) is not None and (glued := glued_rows(lines, i - 1, roles)):
            table_rows, i = glued  # a table printed one row per line with its cells run together
            out.extend(table_rows)
            continue
        table = _glued_header(n) if len(n) >= TABLE_LINE and line.cells is None else None
        if table is not None and run_together_roles(n[table.start() :]) is None:
            table = None
        if table is None and (
            line.cells is not None
            or (not is_flattened_page(n) and not _holds_the_page(n, total) and not holds_several_tasks(n))
        ):
            next_item = _next_item_after_units(n) if line.cells is None else None
            if next_item is None:
                out.append(line)
            else:  # "责任单位：甲局，乙局 2.推进乙工作。": the next task begins after the units
                out.append(Line(line.no, line.text.cut(0, next_item).strip()))
                # and each item after it on the line ("（二）构建… 3.加大…"): a heading's own line ended there too
                starts = [next_item, *(m.end() for m in _ITEM_AFTER_SPACE_RE.finditer(n, next_item + 1))]
                for a, b in itertools.pairwise([*starts, len(n)]):
                    out.extend(restore_lines([Line(line.no, line.text.cut(a, b).strip())], total=total))
            continue
        spaced = spaced_table(line) if line.cells is None and " " in n else None
        if spaced is not None:  # a table with a space between its cells: its rows become table rows
            before, spaced_rows_read, after = spaced
            out.extend(restore_lines([Line(line.no, before)], total=total) if before.n.strip() else [])
            out.extend(spaced_rows_read)
            out.extend(restore_lines([Line(line.no, after)], total=total) if after.n.strip() else [])
            continue
        if table is not None:
            # a table whose cells ran together: its rows are read from the one line (layouts/run_together.py)
            out.extend(
                restore_lines([Line(line.no, line.text.cut(0, table.start()))], total=total)
                if table.start()
                else []
            )
            out.append(Line(line.no, line.text.cut(table.start())))
            continue
        paragraphs = _pieces(line, paragraph_cuts(n))
        for paragraph in paragraphs:
            pn = paragraph.text.n
            if len(pn) >= PAGE_LINE or holds_several_tasks(pn):
                cuts = number_cuts(pn, runs)
                if not any(cuts) and holds_several_tasks(pn):
                    cuts = label_cuts(pn)  # unnumbered tasks, each closed by its own labels
                out.extend(_pieces(paragraph, cuts))
            else:
                out.extend(_pieces(paragraph, number_cuts(pn, runs, one_task=True)))
    return out
