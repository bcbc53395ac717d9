"""The unit registry: printed unit strings → canonical units with a kind.

Three steps, in this order, each documented in the README:

1. *Normalise* (full/half width, spacing) — :func:`identity.normalize_name`.
2. *Sub-office*: a short trailing parenthetical naming an office ("市发展改革委(铁办)") attaches
   to its parent unit; a qualifier ("各区县政府(含南太湖新区…)") or a second name stays part of
   the name.
3. *Aliases*: the curated table ``units/aliases.csv`` (extended by the user's ``--aliases`` CSV or
   Turtle file) maps abbreviations and former names to one canonical name. Entries without a
   level prefix apply at every level (发改委 → 发展改革委 serves 市发改委 and 县发改委).

Kinds come from the first matching rule in :data:`KIND_RULES`, unless an alias row overrides it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dutygraph.errors import InputError
from dutygraph.ontology.identity import normalize_name, unit_iri

KINDS = (
    "government-department",
    "party-department",
    "local-government",
    "state-owned-enterprise",
    "vertical-agency",
    "development-zone",
    "people-organization",
    "group",
    "other",
)

#: (kind, pattern) — the first pattern that matches the canonical name decides the kind.
#: Order matters: collective mentions before everything, vertical agencies before enterprises
#: (湖州电力局 and 国网…供电公司 answer to their own hierarchy, not to the city).
KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("group", re.compile(r"^各|^全(市|区|县|省)|[有相]关(部门|单位)$|各(部门|单位|专班)$|直各")),
    (
        "vertical-agency",
        re.compile(
            r"海关|税务|人行|人民银行|银保监|银监|证监|电力|供电|气象|消防|烟草|邮政|调查队|海事|铁路"
        ),
    ),
    ("party-department", re.compile(r"^(省|市|县|区)委|纪委|组织部|宣传部|统战部|政法委|编办|党校")),
    ("local-government", re.compile(r"(省|市|县|区|镇|乡|旗)(人民)?政府$|街道(办事处)?$|乡镇$")),
    ("development-zone", re.compile(r"管委会$|开发区$|度假区$|高新区$|新区$|园区$")),
    ("state-owned-enterprise", re.compile(r"集团(有限公司)?$|公司$")),
    ("people-organization", re.compile(r"工商联$|科协$|残联$|供销社$|总工会$|妇联$|团委$|红十字会$")),
    ("government-department", re.compile(r"(局|委|办|厅|署|中心|室|处|委员会|指挥部|部|院|所|站|队)$")),
)

_LEVEL_PREFIX = re.compile(r"^(省|市|县|区|州|旗|盟)")
# "(铁办)", "(服务业办)", "(人才办)": short office names ending like an office.
_SUB_OFFICE = re.compile(r"^(?P<parent>.+?)\((?P<office>[^()]{1,8}(办|处|室|科|中心|队))\)$")


@dataclass(frozen=True)
class ResolvedUnit:
    """A printed unit string resolved within a jurisdiction."""

    iri: str
    name: str  # canonical name of the unit itself ("市发展改革委" or, for a sub-office, "市发展改革委(铁办)")
    jurisdiction: str
    kind: str
    parent: ResolvedUnit | None = None
    aliases: tuple[str, ...] = ()

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    @property
    def accountable(self) -> ResolvedUnit:
        """The top-level unit answerable for this one (itself unless a sub-office)."""
        return self.parent.accountable if self.parent else self


@dataclass(eq=False)  # identity hash: resolve() is cached per registry
class UnitRegistry:
    """Alias and kind tables; build with :func:`default_registry` or :meth:`with_file`."""

    aliases: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def add_rows(self, rows: Iterable[tuple[str, str, str]], origin: str) -> None:
        for alias, canonical, kind in rows:
            alias, canonical, kind = normalize_name(alias), normalize_name(canonical), kind.strip()
            if not alias or not canonical:
                continue
            if kind and kind not in KINDS:
                raise InputError(f"{origin}: unknown unit kind {kind!r} (expected one of {', '.join(KINDS)})")
            if alias != canonical:
                self.aliases[alias] = canonical
            if kind:
                self.kinds[canonical] = kind
        self.resolve.cache_clear()

    def with_file(self, path: Path) -> UnitRegistry:
        """A copy of this registry extended by a user's CSV or Turtle alias file."""
        extended = UnitRegistry(dict(self.aliases), dict(self.kinds))
        extended.add_rows(_read_alias_file(path), str(path))
        return extended

    def canonical_name(self, name: str) -> str:
        """The canonical spelling of an already-normalised unit name (no sub-office)."""
        if name in self.aliases:
            return self.aliases[name]
        prefix = _LEVEL_PREFIX.match(name)
        if prefix:
            rest = name[prefix.end() :]
            if rest in self.aliases:
                return prefix.group() + self.aliases[rest]
        return name

    def kind_of(self, canonical: str) -> str:
        if canonical in self.kinds:
            return self.kinds[canonical]
        prefix = _LEVEL_PREFIX.match(canonical)
        if prefix and canonical[prefix.end() :] in self.kinds:
            return self.kinds[canonical[prefix.end() :]]
        for kind, pattern in KIND_RULES:
            if pattern.search(canonical):
                return kind
        return "other"

    @lru_cache(maxsize=65536)  # noqa: B019 — registries are few and long-lived; printed names repeat a lot
    def resolve(self, printed: str, jurisdiction: str) -> ResolvedUnit:
        """The unit a printed string means in ``jurisdiction``."""
        name = normalize_name(printed)
        match = _SUB_OFFICE.match(name)
        if match:
            parent = self.resolve(match.group("parent"), jurisdiction)
            office = match.group("office")
            return ResolvedUnit(
                iri=unit_iri(jurisdiction, parent.name, office),
                name=f"{parent.name}({office})",
                jurisdiction=jurisdiction,
                kind=parent.kind,
                parent=parent,
            )
        canonical = self.canonical_name(name)
        return ResolvedUnit(
            iri=unit_iri(jurisdiction, canonical),
            name=canonical,
            jurisdiction=jurisdiction,
            kind=self.kind_of(canonical),
            aliases=self.aliases_of(canonical),
        )

    def aliases_of(self, canonical: str) -> tuple[str, ...]:
        """Alternative names of a canonical name, level prefix carried over (sorted, stable)."""
        prefix_match = _LEVEL_PREFIX.match(canonical)
        prefix = prefix_match.group() if prefix_match else ""
        bare = canonical[len(prefix) :]
        found = {alias for alias, target in self.aliases.items() if target == canonical}
        if prefix:
            found |= {prefix + alias for alias, target in self.aliases.items() if target == bare}
        found.discard(canonical)
        return tuple(sorted(found))


def _read_alias_file(path: Path) -> list[tuple[str, str, str]]:
    if not path.is_file():
        raise InputError(f"alias file not found: {path}")
    if path.suffix.lower() in {".ttl", ".turtle"}:
        return _read_alias_turtle(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: alias file is not UTF-8 ({error.reason})") from None
    reader = csv.DictReader(lines)
    if not reader.fieldnames or not {"alias", "canonical"} <= set(reader.fieldnames):
        raise InputError(f"{path}: alias CSV needs a header row with columns alias,canonical[,kind]")
    return [(row["alias"] or "", row["canonical"] or "", row.get("kind") or "") for row in reader]


def _read_alias_turtle(path: Path) -> list[tuple[str, str, str]]:
    """Turtle aliases: ``[] skos:prefLabel "市发展改革委"; skos:altLabel "市发改委"; dg:kind dg:…``."""
    import rdflib
    from rdflib.namespace import SKOS

    from dutygraph.ontology.namespaces import DG_NS

    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises many parser types; all mean "bad file"
        raise InputError(f"{path}: not valid Turtle ({type(error).__name__})") from None
    kind_by_iri = {DG_NS + kind_local_name(kind): kind for kind in KINDS}
    rows: list[tuple[str, str, str]] = []
    for subject, pref in graph.subject_objects(SKOS.prefLabel):
        kind_term = graph.value(subject, rdflib.URIRef(DG_NS + "kind"))
        kind = kind_by_iri.get(str(kind_term), "") if kind_term else ""
        rows.append((str(pref), str(pref), kind))
        rows.extend((str(alt), str(pref), "") for alt in graph.objects(subject, SKOS.altLabel))
    return rows


def strip_level(name: str) -> str:
    """A unit name without its level prefix ("市发展改革委" → "发展改革委"): the function it names,
    comparable between jurisdictions of the same level or not."""
    prefix = _LEVEL_PREFIX.match(name)
    return name[prefix.end() :] if prefix else name


def kind_local_name(kind: str) -> str:
    """ "government-department" → "GovernmentDepartment" (the concept's local name in dutygraph.ttl)."""
    return "".join(part.capitalize() for part in kind.split("-"))


@lru_cache(maxsize=1)
def default_registry() -> UnitRegistry:
    """The curated registry shipped with dutygraph (``ontology/units/aliases.csv``)."""
    registry = UnitRegistry()
    source = resources.files("dutygraph.ontology").joinpath("units/aliases.csv")
    with resources.as_file(source) as path:
        registry.add_rows(_read_alias_file(path), "aliases.csv")
    return registry
