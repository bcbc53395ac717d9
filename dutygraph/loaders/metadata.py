"""Document metadata as printed: title, document number, issuer and issue date.

The issue date is the signature date under the issuer's name (落款), not a web page's "发布日期", which
is when the page went up; the printing line ("…2019年2月27日印发") is the fallback, then a page header's
发布时间 (a notice's year is what its analysis is grouped by, and the page goes up days after the signature).
The issuer is the signature's, else the one a title names ("X关于…"), else a page header's 发布机构.
"""

from __future__ import annotations

import datetime as dt
import re

from dutygraph.loaders.records import DocumentInfo
from dutygraph.loaders.structure import cn_number
from dutygraph.loaders.text import Line, glue

_DOC_NO = r"[\u4e00-\u9fff]{1,12}\s*[〔\[(【﹝]\s*\d{4}\s*[〕\])】﹞]\s*第?\s*\d{1,4}\s*号"
DOC_NUMBER_LINE_RE = re.compile(rf"^(?P<no>{_DOC_NO})$")
DOC_NUMBER_RE = re.compile(rf"(?P<no>{_DOC_NO})")
_CN_DATE = "[一二三四五六七八九十〇零○О0-9]"
DATE_RE = re.compile(
    rf"(?P<y>\d{{4}}|{_CN_DATE}{{4}})\s*年\s*(?P<m>\d{{1,2}}|{_CN_DATE}{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|{_CN_DATE}{{1,3}})\s*日"
)
DATE_LINE_RE = re.compile(rf"^{DATE_RE.pattern}$")
_TITLE_RE = re.compile(r"关于.{2,}(?:通知|意见|方案|决定|批复|函|通报|安排|分工)》?$")
_ISSUER_END_RE = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|党委|局|厅|委|办|^国务院)(?:文件)?$"
)
_ISSUER_PREFIX_RE = re.compile(
    r"^(?P<issuer>.{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会))关于"
)
_CJK_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff《》〈〉“”、])\s+(?=[\u4e00-\u9fff《》〈〉“”、\d])")
_HEAD_LINES = 80
#: A page header's title field ("标题: …", as a site archive stores a page above its text): the title as given,
#: whatever its shape (many titles hold no 关于…通知).
_TITLE_FIELD_RE = re.compile(r"^(?:标题|题目|文件名称)\s*:\s*(?=\S)")
_ISSUER_FIELD_RE = re.compile(r"^(?:发布机构|发文机关|发文单位)\s*:\s*(?=\S)")
_DATE_FIELD_RE = re.compile(
    r"^(?:发布时间|发布日期|发文日期|成文日期)\s*:\s*(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
)
#: The header block stands at the top: only its first lines are looked at for the field.
_TITLE_FIELD_LINES = 12


def _date_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 4:
        digits = "".join(
            str(cn_number(c)) if cn_number(c) is not None else "" for c in text.replace("○", "〇")
        )
        return int(digits) if len(digits) == 4 else None
    return cn_number(text.replace("○", "〇"))


def iso_date(m: re.Match[str]) -> str | None:
    """ISO date from a ``DATE_RE`` match, or ``None`` when it is not a real calendar date."""
    y, mo, d = (_date_value(m.group(k)) for k in ("y", "m", "d"))
    if y is None or mo is None or d is None:
        return None
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _clean_title(text: str) -> str:
    doc_no = DOC_NUMBER_RE.match(text)
    if doc_no:
        text = text[doc_no.end() :].strip()
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1]
    return _CJK_GAP_RE.sub("", text).strip()


def _title_at(head: list[Line], k: int) -> str | None:
    """The title starting at line ``k``; a title wrapped over two or three lines (PDF) is rejoined."""
    o, n = head[k].text.o, head[k].text.n
    if _TITLE_RE.search(n) and len(n) <= 120:
        return o
    if "关于" not in n:
        return None
    for line in head[k + 1 : k + 3]:
        gap = glue(o, line.text.o)
        o, n = o + gap + line.text.o, n + gap + line.text.n
        if len(n) > 120:
            return None
        if _TITLE_RE.search(n):
            return o
    return None


def _field(head: list[Line], label: re.Pattern[str]) -> tuple[re.Match[str], str] | None:
    """The first header line whose field ``label`` matches, with its value as printed."""
    for line in head:
        m = label.match(line.text.n)
        if m is not None:
            return m, line.text.o[m.end() :].strip()
    return None


def _title_field(head: list[Line]) -> str | None:
    """The title a page header's field gives ("标题: 关于印发…的通知"), cleaned; ``None`` without one."""
    found = _field(head, _TITLE_FIELD_RE)
    return (_clean_title(found[1]) or None) if found else None


def date_in(folded: str) -> re.Match[str] | None:
    """``DATE_RE.search(folded)`` after a check for 日, which every date ends in: the search runs over
    every line of a document, and most lines hold no 日."""
    return DATE_RE.search(folded) if "日" in folded else None


def read_metadata(lines: list[Line]) -> DocumentInfo:
    """Title, number, issuer and date from the head of the document (and its printing line)."""
    info = DocumentInfo()
    head = lines[:_HEAD_LINES]
    for line in head:
        m = DOC_NUMBER_LINE_RE.match(line.text.n)
        if m:
            info.doc_number = line.text.o
            break
    if info.doc_number is None:
        for line in head:
            m = DOC_NUMBER_RE.search(line.text.n)
            if m:
                info.doc_number = line.text.o[m.start() : m.end()]
                break
    if info.doc_number:
        info.doc_number = re.sub(r"\s+", "", info.doc_number)
    info.title = _title_field(head[:_TITLE_FIELD_LINES])
    for k in range(len(head)) if info.title is None else ():
        title = _title_at(head, k)
        if title is not None:
            info.title = _clean_title(title)
            break
    for i, line in enumerate(lines):
        m = date_in(line.text.n)
        if not m:
            continue
        before = line.text.n[: m.start()].strip()
        after = line.text.n[m.end() :].strip()
        if after not in ("", "印发"):
            continue
        if before and _ISSUER_END_RE.search(before) and len(before) <= 30:
            issuer = line.text.o[: m.start()].strip()
        elif (
            not before
            and i > 0
            and _ISSUER_END_RE.search(lines[i - 1].text.n)
            and len(lines[i - 1].text.n) <= 30
        ):
            issuer = lines[i - 1].text.o
        elif not before and after == "":
            issuer = None
        else:
            continue
        if after == "印发" and info.date is not None:
            continue
        info.date = iso_date(m)
        if issuer and info.issuer is None:
            info.issuer = issuer
        if after == "":
            break
    if info.issuer is None and info.title:
        m = _ISSUER_PREFIX_RE.match(info.title)
        if m:
            info.issuer = m.group("issuer")
    header = head[:_TITLE_FIELD_LINES]
    if info.issuer is None and (given := _field(header, _ISSUER_FIELD_RE)) is not None:
        info.issuer = given[1] or None
    if info.date is None and (published := _field(header, _DATE_FIELD_RE)) is not None:
        info.date = iso_date(published[0])
    return info
