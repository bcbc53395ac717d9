"""The skeleton of a notice: attachments, section headings, task numbers and page furniture.

Patterns run on folded lines (see :mod:`dutygraph.loaders.text`), so "（一）" and "(一)" are one case.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十百零〇两"

#: "一、…" — a section heading (or, rarely, a task that carries its own assignment).
SECTION_RE = re.compile(rf"^(?P<num>[{CN_DIGITS}]{{1,4}})\s*[、.]\s*(?P<body>.*)$")
#: "（一）…" — the first numbering style of :data:`NUMBER_RES`; also a table's section row.
CN_PAREN_RE = re.compile(rf"^(?P<mark>\(\s*(?P<num>[{CN_DIGITS}]{{1,4}})\s*\))\s*(?P<body>.*)$")
#: A table's section row is at most this long: "二、加强保障", not a paragraph of the notice after the table.
SECTION_ROW_MAX = 30


def is_section_row(folded: str) -> bool:
    """``folded`` can be a table's section row ("一、完善体制机制", "（一）完善制度"): a short heading that stands
    between the header and the rows, or between two rows, and heads the rows below it. Each table
    layout checks that a row of its own follows."""
    return len(folded) <= SECTION_ROW_MAX and (
        SECTION_RE.match(folded) is not None or CN_PAREN_RE.match(folded) is not None
    )


#: "第一部分 …", "第二章 …".
CHAPTER_RE = re.compile(rf"^第[{CN_DIGITS}\d]{{1,4}}(?:部分|章|节|篇|条)\s*(?P<body>.*)$")
_CN_DIGIT_SET = frozenset(CN_DIGITS)


def match_section(folded: str) -> re.Match[str] | None:
    """``SECTION_RE.match``, after a first-character check: the scan asks this of every line, and
    most lines start with no Chinese numeral (a set lookup costs a fraction of a failed match)."""
    return SECTION_RE.match(folded) if folded[:1] in _CN_DIGIT_SET else None


#: "3　预警", "7 附则": a plan's chapter — one or two digits, a space (ideographic in print), a short
#: title with no punctuation and nothing after it. A task number always carries "、" or "." ("3.预警…"),
#: and a table row holds more cells than one.
PLAN_CHAPTER_RE = re.compile(r"^\d{1,2}\s+(?P<body>[^\s\d.,;:!?()、。，；：！？（）]{2,16})$")


def match_chapter(folded: str) -> re.Match[str] | None:
    """``CHAPTER_RE.match`` (a chapter line starts with 第, checked first), or a plan's chapter."""
    if folded.startswith("第"):
        return CHAPTER_RE.match(folded)
    return PLAN_CHAPTER_RE.match(folded) if folded[:1].isdigit() else None


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_CHARS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_CHARS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
#: Each one-character number's value, 1–20.
CHAR_NUMBERS = {c: i + 1 for chars in (CIRCLED, PAREN_CHARS, DOT_CHARS) for i, c in enumerate(chars)}

#: Task numbers, from outermost to innermost by convention; the parser ranks them by appearance.
NUMBER_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn-paren", CN_PAREN_RE),
    # A digit right after "2." makes a decimal ("1.5万亩"), not a task — unless it opens a year:
    # "2．2019年底前完成…" is task 2.
    (
        "arabic",
        re.compile(r"^(?P<mark>(?P<num>\d{1,3})\s*[.、](?:(?=(?:19|20)\d\d年)|(?!\d)))\s*(?P<body>.*)$"),
    ),
    (
        "arabic-paren",
        re.compile(r"^(?P<mark>\(\s*(?P<num>\d{1,3})\s*\)|(?P<num2>\d{1,3})\))\s*(?P<body>.*)$"),
    ),
    # "第一，完善…": an ordinal and a comma (a chapter "第一章" has no comma)
    ("cn-ordinal", re.compile(rf"^(?P<mark>第(?P<num>[{CN_DIGITS}]{{1,3}}))[,、]\s*(?P<body>\S.*)$")),
    ("circled", re.compile(rf"^(?P<mark>(?P<num>[{CIRCLED}]))\s*(?P<body>.*)$")),
    # "⑴", "⒈": one character that prints a parenthesised or dotted number (word processors' lists)
    ("paren-char", re.compile(rf"^(?P<mark>(?P<num>[{PAREN_CHARS}]))\s*(?P<body>.*)$")),
    ("dot-char", re.compile(rf"^(?P<mark>(?P<num>[{DOT_CHARS}]))\s*(?P<body>.*)$")),
    # "3.1　建立…", "6.2.1 财政部…": clause numbers of plans; a space follows, so "1.5万亩" is no number.
    ("decimal", re.compile(r"^(?P<mark>(?P<num>\d{1,2}(?:\.\d{1,2}){1,3}))\s+(?P<body>\S.*)$")),
)

#: "附件1", "附件 2", "附件一", "附件" alone, optionally with a title: an attachment starts.
ATTACHMENT_RE = re.compile(
    rf"^附\s*件\s*(?P<num>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})?(?:\s*[:]?\s*$|\s+(?P<title>\S.*)$)"
)
#: "附件:1.…" (or "附件1.…"): the cover notice's list of attachments, not tasks.
COVER_LIST_RE = re.compile(r"^附\s*件\s*(?::\s*(?:\d{1,2}\s*[.、])?|\d{1,2}\s*[.、](?!\d))")
#: Pure number on its own line: a table row number in a flattened table.
ROW_NUMBER_RE = re.compile(r"^\d{1,3}$")

#: A web page's link lists ("相关链接：1.…2.…", "上一篇：…"): furniture, and after the notice's signature
#: nothing more of the notice.
_LINK_WORDS = "上一篇|下一篇|相关链接|相关文件"
LINKS_RE = re.compile(f"^(?:{_LINK_WORDS})")

#: Page furniture and document tail lines: never tasks, never task text.
FURNITURE_RE = re.compile(
    r"^(?:浏览量|浏览次数|阅读量|访问量|点击数|点击率|来源\s*:|信息来源|发布日期|发布时间|发文日期|时间\s*:|"
    r"扫描二维码|扫一扫|分享到|分享:|【\s*打印|打印本页|\[\s*打印|关闭窗口|【\s*关闭|网站地图|版权所有|"
    rf"ICP|京ICP|网站标识码|{_LINK_WORDS}|【\s*字体|字体\s*:|简体版|"
    r"繁體|首页\s*>|当前位置|您的位置|索引号|主题分类|成文日期|信息无障碍|政策解读|\(此件公开发布\)|\(此件主动公开\)|"
    r"\(此件不公开\)|\(此件依申请公开\)|\(联系人|联系电话|"
    # a site archive's page header ("标题: …", "原文链接: …", "==== 正文 ====") and a file's "# source: …" lines
    r"标题\s*:|文号\s*:|发布机构\s*:|栏目\s*:|原文链接\s*:|本地目录\s*:|页面链接|=+\s*正文|#\s*[a-z]+\s*:|"
    r"附件下载|微信\s*微博)"
)
#: First characters of furniture lines: a set lookup spares the regex on ordinary lines.
FURNITURE_STARTS = frozenset(
    "浏阅访点来信发时扫分【打[关网版主承I京上下相字简繁首当您索成政(联标文栏原本页=#附微"
)


def is_furniture(folded: str) -> bool:
    return folded[:1] in FURNITURE_STARTS and FURNITURE_RE.match(folded) is not None


#: "主办单位：…市人民政府办公室" closes a web page, and "主办单位：县行政审批服务局" under a task is its lead:
#: the label is furniture only among furniture (see :func:`is_site_credit`).
_SITE_CREDIT_RE = re.compile(r"^(?:主办单位|承办单位|主办|承办)\s*:")
_SITE_WORDS_RE = re.compile(r"ICP|备案|版权|网站|技术支持|承办单位\s*:.*主办|主办单位\s*:.*承办")


def is_site_credit(folded: str, after_furniture: bool) -> bool:
    """A page's "主办单位：…/承办单位：…" credit line: right after other page furniture, or holding site words."""
    return (
        folded[:1] in "主承"
        and _SITE_CREDIT_RE.match(folded) is not None
        and (after_furniture or _SITE_WORDS_RE.search(folded) is not None)
    )


#: The document's tail: copy-to list and printing line. Nothing after it is read until a new attachment.
TAIL_RE = re.compile(r"^(?:抄送|抄报|.{2,30}\d{4}年\d{1,2}月\d{1,2}日\s*印发$)")


def is_tail(folded: str) -> bool:
    return (folded.startswith("抄") or folded.endswith("印发")) and TAIL_RE.match(folded) is not None


_CN_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 ("十二" → 12, "二〇一九" digit-by-digit → 2019)."""
    if not text:
        return None
    if all(c in _CN_VALUES for c in text) and len(text) > 1:
        value = 0
        for c in text:
            value = value * 10 + _CN_VALUES[c]
        return value
    total = 0
    current = 0
    for c in text:
        if c in _CN_VALUES:
            current = _CN_VALUES[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


_NUMBER_STARTS = frozenset("0123456789(第" + "".join(CHAR_NUMBERS))


@dataclass(frozen=True)
class Numbered:
    """A task-number mark found at the start of a line."""

    style: str
    #: the mark as printed, without the trailing "." ("12", "（三）", "①").
    printed: str
    value: int | None
    #: where the body text starts in the line.
    body_start: int


#: First characters of every line that a task number, a section or chapter heading (a plan's chapter
#: besides: it opens with a digit), page furniture, the tail (besides a line ending 印发) or an attachment
#: marker can open: a line opening with none of them is none of these, whatever follows.
SKELETON_STARTS = _NUMBER_STARTS | _CN_DIGIT_SET | FURNITURE_STARTS | frozenset("第抄附")


def match_number(folded: str, printed: str) -> Numbered | None:
    """The task number at the start of a line, if any."""
    if not folded or folded[0] not in _NUMBER_STARTS:
        return None
    return _match_number(folded, printed)


@functools.lru_cache(maxsize=1024)
def _match_number(folded: str, printed: str) -> Numbered | None:
    """:func:`match_number` past its first-character check, remembered: the wrap check reads each
    line's number as the line after another, and the scan reads it again as a line of its own (a
    line's strings keep their hash, so a repeat costs one lookup)."""
    for style, pattern in NUMBER_RES:
        m = pattern.match(folded)
        if not m:
            continue
        num = m.group("num") or (m.groupdict().get("num2") or "")
        if style == "arabic":
            start, end = m.span("num")
            mark = printed[start:end]
        elif style == "arabic-paren" and m.group("num2"):
            start, end = m.span("mark")
            mark = printed[start:end]
        else:
            start, end = m.span("mark")
            mark = printed[start:end]
        value = (
            int(num.rsplit(".", 1)[-1])
            if style == "decimal"
            else int(num)
            if num.isdecimal()
            else (cn_number(num) if style in ("cn-paren", "cn-ordinal") else CHAR_NUMBERS[num])
        )
        return Numbered(style, mark, value, m.start("body"))
    return None


#: "二是通关制度创新。…责任单位：X": an enumerated point of a paragraph, a task when it names its own units.
ENUMERATION_RE = re.compile(r"^(?P<mark>(?P<num>[一二三四五六七八九十]{1,3})是)(?P<body>[^,;。:]{2}.*)$")


def match_enumeration(folded: str, printed: str) -> Numbered | None:
    """The "一是/二是" mark at the start of a line, if any (the caller decides whether it makes a task)."""
    m = ENUMERATION_RE.match(folded) if folded[:1] in _CN_DIGIT_SET else None
    if m is None:
        return None
    # the text keeps "一是…": the mark is part of the sentence ("一是交通设施巨大变化")
    return Numbered("cn-shi", printed[: m.end("num")], cn_number(m.group("num")), 0)


def attachment_number(num: str | None, seen: int) -> str:
    """Attachment label: printed number, Chinese numerals as digits, ``seen + 1`` when unnumbered."""
    if not num:
        return str(seen + 1)
    if num.isdigit():
        return str(int(num))
    value = cn_number(num)
    return str(value) if value is not None else num
