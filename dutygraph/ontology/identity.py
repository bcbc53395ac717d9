"""Identity: how a printed string becomes a stable, readable IRI.

A unit is identified by its jurisdiction plus its canonical name, so "市建设局" in 湖州市 and
"市建设局" elsewhere are different units. IRIs keep Chinese characters readable (IRIs, RFC 3987,
allow them) and percent-encode only what would break an IRI, so the same document yields the
same IRIs on every machine.
"""

from __future__ import annotations

import re
import unicodedata

from dutygraph.ontology.namespaces import GRAPH_NS, ID_NS

_SPACES = re.compile(r"\s+")
# Characters an IRI path segment must not carry raw: ASCII that breaks an IRI ("/" would add a
# segment), and every code point RFC 3987 leaves out of ``ucschar`` (controls U+007F-009F,
# private use, noncharacters, U+FFF0-FFFF with U+FFFD, tags): real converted files carry them
# (U+FFFD after a bad conversion, private-use glyphs of CJK fonts) and the store refuses such IRIs.
# Lone surrogates (undecodable bytes of a file name or an argument) are written as U+FFFD.
_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE-\\U{plane:04X}FFFF" for plane in range(1, 0xD))
_IRI_UNSAFE = re.compile(
    r'[\x00-\x20<>"{}|\\^`/?#%\[\]\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\uffff'
    + _NONCHARACTERS
    + r"\U000dfffe-\U000e0fff\U000efffe-\U0010ffff]"
)
_REPLACEMENT = "%EF%BF%BD"  # U+FFFD, for a lone surrogate that has no UTF-8 of its own


def normalize_name(text: str) -> str:
    """Unify full-/half-width forms and drop all whitespace.

    NFKC folds "（市发改委）" to "(市发改委)" and fullwidth digits to ASCII; Chinese unit names
    never contain meaningful spaces, so spacing variants collapse to one name.
    """
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def iri_segment(text: str) -> str:
    """``text`` as one readable IRI path segment (unsafe ASCII percent-encoded)."""
    return _IRI_UNSAFE.sub(_percent_encoded, text)


def _percent_encoded(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        return _REPLACEMENT
    return "".join(f"%{b:02X}" for b in char.encode())


def unit_iri(jurisdiction: str, name: str, sub_office: str | None = None) -> str:
    base = f"{ID_NS}unit/{iri_segment(jurisdiction)}/{iri_segment(name)}"
    return f"{base}/{iri_segment(sub_office)}" if sub_office else base


def leader_iri(jurisdiction: str, name: str | None, post: str | None) -> str:
    """Leaders are keyed by name within a jurisdiction; a nameless mention by its post."""
    key = name if name else f"post-{post or 'unknown'}"
    return f"{ID_NS}leader/{iri_segment(jurisdiction)}/{iri_segment(key)}"


def post_iri(jurisdiction: str, post: str) -> str:
    return f"{ID_NS}post/{iri_segment(jurisdiction)}/{iri_segment(post)}"


def place_iri(jurisdiction: str) -> str:
    return f"{ID_NS}place/{iri_segment(jurisdiction)}"


def document_iri(doc_id: str) -> str:
    return f"{ID_NS}doc/{iri_segment(doc_id)}"


def document_graph_iri(doc_id: str) -> str:
    return f"{GRAPH_NS}doc/{iri_segment(doc_id)}"


_DOC_NUMBER_BRACKETS = re.compile(r"[〔〕\[\]()（）【】]+")
_SLUG_UNSAFE = re.compile(r"[^\w\u3400-\u9fff-]+")


def document_id(doc_number: str | None, fallback: str) -> str:
    """A short id users can type: the doc number ("湖政办发〔2019〕9号" → "湖政办发-2019-9"),
    else ``fallback`` (the file's stem) slugified. Deterministic, so reloading replaces.
    """
    if doc_number:
        raw = _DOC_NUMBER_BRACKETS.sub("-", normalize_name(doc_number)).removesuffix("号")
    else:
        raw = unicodedata.normalize("NFKC", fallback)
    slug = _SLUG_UNSAFE.sub("-", raw).strip("-")
    return slug or "document"


# "湖州市人民政府办公室" → "湖州市"; "鞍山市立山区人民政府" → "鞍山市立山区"; "平潭综合实验区管委会办公室" and
# "平潭综合实验区管委会" → "平潭综合实验区" (a development zone's government is its 管委会): the place is what
# stands before the first office word, so two offices issuing jointly ("…党工委办公室…管委会办公室") name the first's.
_OFFICE_WORD = re.compile(
    r"人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|管理委员会办公室|管委会办公室|管理委员会|管委会"
    r"|党工委办公室|党工委|办公厅|办公室"
)
# "中共大竹县委办公室" → "大竹县": a party committee's office names its place too.
_PARTY_COMMITTEE = re.compile(r"^中共(?P<place>.+[省市县区旗])委$")


def jurisdiction_from_issuer(issuer: str | None) -> str | None:
    """The place an issuer governs, or None when the issuer is not a government office."""
    if not issuer:
        return None
    name = normalize_name(issuer)
    if name == "国务院":
        return name  # the State Council signs its own documents; its General Office's place is 国务院 too
    office = _OFFICE_WORD.search(name)
    if office is None or office.start() == 0:
        return None
    place = name[: office.start()]
    party = _PARTY_COMMITTEE.match(place)
    return party.group("place") if party else place
