"""Deterministic generator of realistic synthetic responsibility-breakdown notices (责任分解 / 任务分工方案).

Used by the benchmarks (load, analysis, sync, viz), by ``notebooks/03-corpus.ipynb`` (cities compared, years
compared) and by tests that check a parser against known ground truth.

Usage::

    python bench/synth.py --out DIR -n 1000 --seed 7 [--cities 青澜市 云泽市] [--years 2019 2020 2021]

or, since ``bench/`` is not a package::

    import importlib.util, sys
    spec = importlib.util.spec_from_file_location("synth", "bench/synth.py")
    synth = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = synth  # before exec_module: dataclasses look their module up
    spec.loader.exec_module(synth)
    corpus = synth.generate_corpus(100, seed=7)

(``sys.path.insert(0, "bench"); import synth`` works too.)

What is modelled
----------------
* Jurisdictions (all invented; any likeness to a real place is a coincidence): cities, counties,
  districts and provinces, each with its own unit vocabulary — government departments (市发展改革委,
  县财政局, 省科技厅…), party departments (市委组织部…), subordinate governments (…区政府, …县政府,
  …镇政府), state-owned groups (市城市集团…), vertical agencies (…海关, 市税务局, 市人行, …电力局,
  …银保监分局), development-zone committees (…管委会) and group words (各区县政府, 市政府各有关部门…).
* A city's vocabulary is stable between years (seeded by the city's name) with realistic churn: the 2018/2019
  institutional reform renames bureaus (市国土资源局 → 市自然资源和规划局, 市环保局 → 市生态环境局, …)
  in a city-specific year, new bureaus appear (市退役军人事务局, 市医疗保障局, 市大数据局 → 市数据局), the
  banking regulator is renamed (银监 → 银保监 → 金融监管), and a city sometimes prints an abbreviation
  (市发改委) instead of its usual form; now and then a sub-office is named (市发展改革委(铁办)).
  ``SynthNotice.canonical`` maps every printed unit to one canonical name per unit.
* Leaders: a roster per jurisdiction and year (市长, 常务副市长, 副市长…; 县长/区长/省长 likewise) with
  terms of 3–5 years, so the same people recur across adjacent years.
* Skew: each unit has a Zipf-like weight (a few units lead many tasks), perturbed per city and slightly per
  year; tasks are grouped into themes, each owned by a leader, and co-units come mostly from the lead unit's
  theme, so collaboration clusters are real clusters.
* Layouts (``LAYOUTS``): 1 Huzhou style (leader sections, "责任单位:A、B、C", first listed leads), 2 Lishan
  style ("牵头单位:X" / "责任单位:…"), 3 Guangdong style ("分管市领导:NAME" / "部门分工:X牵头,Y、Z配合。"),
  4 one parenthetical per task ("…。(责任领导:A、B;牵头单位:X;责任单位:P、Q)").

Ground truth (``SynthNotice.tasks``) holds unit and leader names exactly as printed, in printed order.
Determinism: same arguments ⇒ byte-identical text (pure ``random.Random`` seeded from SHA-256 digests; no
``hash()``, no clock, no set iteration order).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import math
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "DEFAULT_CITIES",
    "DEFAULT_YEARS",
    "JURISDICTIONS",
    "LAYOUTS",
    "SynthNotice",
    "SynthTask",
    "build_notice",
    "generate_corpus",
    "generate_notice",
    "write_corpus",
]

LAYOUTS = {
    1: "huzhou: leader sections, 责任单位:A、B、C (first leads)",
    2: "lishan: 牵头单位:X then 责任单位:…",
    3: "guangdong: 分管市领导:NAME + 部门分工:X牵头,Y配合。",
    4: "parenthetical: …。(责任领导:A、B;牵头单位:X;责任单位:P、Q)",
}


# ---------------------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------------------


class SynthTask(NamedTuple):
    """Ground truth of one task, strings as printed. ``number`` is the printed number ("17")."""

    number: str
    leaders: tuple[str, ...]
    lead_units: tuple[str, ...]
    co_units: tuple[str, ...]


@dataclass
class SynthNotice:
    """One generated notice with its ground truth."""

    filename: str
    text: str
    city: str
    year: int
    layout: int
    tasks: list[SynthTask]
    #: "city" | "county" | "district" | "province"
    level: str = "city"
    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    date: str = ""  # ISO, YYYY-MM-DD
    #: leader name -> post, for every leader printed in the notice
    leaders: dict[str, str] = field(default_factory=dict)
    #: task number -> assisting leaders (layout 1's "(X副市长协助推进)")
    assisting: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: printed unit name -> canonical unit name (abbreviations, former names and sub-offices folded)
    canonical: dict[str, str] = field(default_factory=dict)
    #: printed unit name -> kind (government-department, party-department, local-government,
    #: state-owned-enterprise, vertical-agency, development-zone, group)
    kinds: dict[str, str] = field(default_factory=dict)

    def truth_json(self) -> dict[str, object]:
        """Everything except the text, JSON-ready."""
        d = asdict(self)
        d.pop("text")
        d["tasks"] = [t._asdict() for t in self.tasks]
        return d


# ---------------------------------------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------------------------------------


def _seed_of(*parts: object) -> int:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


def _rng(*parts: object) -> random.Random:
    return random.Random(_seed_of(*parts))


# ---------------------------------------------------------------------------------------------------------
# Jurisdictions (invented)
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Jurisdiction:
    slug: str
    name: str  # 青澜市
    level: str  # city | county | district | province
    abbr: str  # for document numbers: 青 -> 青政办发〔2021〕9号
    parent: str | None = None  # 云泽市 for a county/district

    @property
    def short(self) -> str:
        return self.name[:-1]

    @property
    def prefix(self) -> str:
        return {"city": "市", "county": "县", "district": "区", "province": "省"}[self.level]


JURISDICTIONS: dict[str, Jurisdiction] = {
    j.name: j
    for j in (
        Jurisdiction("qinglan", "青澜市", "city", "青"),
        Jurisdiction("yunze", "云泽市", "city", "云"),
        Jurisdiction("songchuan", "松川市", "city", "松"),
        Jurisdiction("jiangzhu", "江渚市", "city", "渚"),
        Jurisdiction("cenyang", "岑阳市", "city", "岑"),
        Jurisdiction("baixi", "白溪市", "city", "白"),
        Jurisdiction("yuling", "玉岭市", "city", "玉"),
        Jurisdiction("shiqiao", "石桥县", "county", "石", "云泽市"),
        Jurisdiction("lianshan", "莲山县", "county", "莲", "岑阳市"),
        Jurisdiction("nanhe", "南河区", "district", "松南", "松川市"),
        Jurisdiction("xiguan", "西关区", "district", "青西", "青澜市"),
        Jurisdiction("dongning", "东宁省", "province", "宁"),
        Jurisdiction("xiyue", "西岳省", "province", "岳"),
    )
}
DEFAULT_CITIES: tuple[str, ...] = tuple(JURISDICTIONS)
DEFAULT_YEARS: tuple[int, ...] = tuple(range(2016, 2025))


def city_names(n: int) -> tuple[str, ...]:
    """``n`` jurisdiction names: the built-in ones first, then invented cities (deterministic)."""
    names = list(DEFAULT_CITIES[:n])
    rng = _rng("more cities")
    while len(names) < n:
        name = _places(rng, 1, ("市",))[0]
        if name not in names:
            names.append(name)
    return tuple(names)


def _jurisdiction(name: str) -> Jurisdiction:
    if name in JURISDICTIONS:
        return JURISDICTIONS[name]
    level = {"市": "city", "县": "county", "区": "district", "省": "province"}.get(name[-1:])
    if level is None:
        name, level = name + "市", "city"
    return Jurisdiction("j%08x" % (_seed_of("slug", name) & 0xFFFFFFFF), name, level, name[0])


# ---------------------------------------------------------------------------------------------------------
# Unit vocabulary
# ---------------------------------------------------------------------------------------------------------
# key: (theme(s), base weight, kind, city name, alternates printed now and then, province name)
# City names use the prefix "市"; county/district names are derived by replacing it (with _COUNTY_FIX);
# province names are given explicitly ("" = the unit does not exist at that level).

G, P, V = "government-department", "party-department", "vertical-agency"

_UNITS: dict[str, tuple[str, float, str, str, tuple[str, ...], str]] = {
    "fgw": ("econ industry urban", 10.0, G, "市发展改革委", ("市发改委",), "省发展改革委"),
    "jsj": ("urban", 8.0, G, "市建设局", (), "省住房城乡建设厅"),
    "jxj": ("industry", 6.5, G, "市经信局", ("市经济和信息化局",), "省工业和信息化厅"),
    "scj": ("econ safety", 6.0, G, "市市场监管局", ("市市场监督管理局",), "省市场监管局"),
    "zrzy": ("urban rural", 5.5, G, "市自然资源和规划局", ("市自然资源局",), "省自然资源厅"),
    "czj": ("econ gov", 5.0, G, "市财政局", (), "省财政厅"),
    "swj": ("econ", 4.5, G, "市商务局", (), "省商务厅"),
    "jrb": ("econ", 4.0, G, "市金融办", (), "省地方金融监管局"),
    "kjj": ("industry", 4.0, G, "市科技局", (), "省科技厅"),
    "jtj": ("urban", 4.0, G, "市交通运输局", ("市交通局",), "省交通运输厅"),
    "nyj": ("rural", 4.0, G, "市农业农村局", (), "省农业农村厅"),
    "sthj": ("rural", 3.8, G, "市生态环境局", (), "省生态环境厅"),
    "jyj": ("social", 3.5, G, "市教育局", (), "省教育厅"),
    "wjw": ("social", 3.5, G, "市卫生健康委", ("市卫健委",), "省卫生健康委"),
    "gaj": ("safety", 3.5, G, "市公安局", (), "省公安厅"),
    "wlj": ("social", 3.0, G, "市文化广电旅游局", ("市文广旅局",), "省文化和旅游厅"),
    "slj": ("rural", 3.0, G, "市水利局", (), "省水利厅"),
    "rsj": ("social industry", 3.0, G, "市人力社保局", ("市人力资源和社会保障局",), "省人力资源社会保障厅"),
    "mzj": ("social", 2.8, G, "市民政局", (), "省民政厅"),
    "yjj": ("safety", 2.8, G, "市应急管理局", ("市应急局",), "省应急管理厅"),
    "zfb": ("gov", 2.8, G, "市政府办公室", (), "省政府办公厅"),
    "dsj": ("gov industry", 2.5, G, "市大数据局", (), "省政务服务数据管理局"),
    "zwb": ("gov econ", 2.2, G, "市政务办", (), "省政务服务中心"),
    "zhzf": ("urban", 2.2, G, "市综合执法局", ("市综合行政执法局",), ""),
    "sjj": ("gov", 1.8, G, "市审计局", (), "省审计厅"),
    "sfj": ("gov safety", 1.8, G, "市司法局", (), "省司法厅"),
    "ybj": ("social", 1.6, G, "市医疗保障局", ("市医保局",), "省医保局"),
    "gzw": ("econ", 1.6, G, "市国资委", (), "省国资委"),
    "tjj": ("econ", 1.3, G, "市统计局", (), "省统计局"),
    "tyj": ("social", 1.3, G, "市体育局", (), "省体育局"),
    "xfj": ("safety gov", 1.3, G, "市信访局", (), "省信访局"),
    "tyjr": ("social", 1.2, G, "市退役军人事务局", ("市退役军人局",), "省退役军人事务厅"),
    "zzb": ("gov industry", 1.5, P, "市委组织部", (), "省委组织部"),
    "xcb": ("social gov", 1.4, P, "市委宣传部", (), "省委宣传部"),
    "zfw": ("safety", 1.4, P, "市委政法委", (), "省委政法委"),
    "jw": ("gov", 1.2, P, "市纪委监委", (), "省纪委监委"),
    "bb": ("gov", 0.8, P, "市委编办", (), "省委编办"),
    "tzb": ("econ", 0.8, P, "市委统战部", (), "省委统战部"),
    "swu": ("econ", 2.0, V, "市税务局", (), "省税务局"),
    "rh": ("econ", 1.6, V, "市人行", (), ""),
    "hg": ("econ", 1.5, V, "{short}海关", (), "{short}海关"),
    "dl": ("industry urban", 1.5, V, "{short}电力局", (), "省电力公司"),
    "yj": ("econ", 1.4, V, "市银保监分局", (), "{short}银保监局"),
    "qx": ("rural safety", 0.7, V, "市气象局", (), "省气象局"),
    "xf": ("safety", 1.0, V, "市消防支队", ("市消防救援支队",), "省消防救援总队"),
}
_COUNTY_FIX = {"发展改革委": "发展改革局", "发改委": "发改局", "卫生健康委": "卫生健康局", "卫健委": "卫健局"}

# Renames and new units. key -> list of (first year, printed name or None = does not exist yet);
# the reform year R (2018 or 2019, per jurisdiction) is written as "R".
_HISTORY: dict[str, list[tuple[int | str, str | None]]] = {
    "zrzy": [(0, "市国土资源局"), ("R", None)],
    "sthj": [(0, "市环保局"), ("R", None)],
    "nyj": [(0, "市农业局"), ("R", None)],
    "wjw": [(0, "市卫计委"), ("R", None)],
    "yjj": [(0, "市安监局"), ("R", None)],
    "scj": [(0, "市工商局"), ("R", None)],
    "wlj": [(0, "市文广新局"), ("R", None)],
    "tyjr": [(0, "-"), ("R", None)],
    "ybj": [(0, "-"), ("R", None)],
    "yj": [(0, "市银监分局"), (2018, None), (2023, "市金融监管分局")],
    "xf": [(0, "市公安消防支队"), (2019, None)],
    "jrb": [(0, None), ("F", "市地方金融监管局"), (2024, "市委金融办")],
    "dsj": [(0, "-"), ("D", None), (2024, "市数据局")],
    "swu": [(0, "市国税局"), (2018, None)],
}
_CANONICAL_OVERRIDE = {"jrb": "市金融办", "dsj": "市大数据局"}

_GROUPS = {
    "city": ("各区县政府", "市政府各有关部门", "市政府有关部门", "市直各单位", "各有关单位"),
    "county": ("各乡镇人民政府", "县直各部门", "县级各部门", "各有关单位"),
    "district": ("各街道", "区直各部门", "各相关单位", "各街道办事处"),
    "province": ("各地级以上市政府", "省有关单位", "各地", "各部门"),
}
_SUBOFFICES = {"fgw": ("(铁办)", "(服务业办)", "(能源局)"), "zzb": ("(人才办)",), "zwb": ("(公管办)",)}

_PLACE1 = "东西南北青白金玉长安平和兴德清溪湖山河川岭桥林泉阳宁丰华永新太龙凤石梅柳桃"
_PLACE2 = "溪湖山河川岭桥林泉阳宁丰华口滨浦塘源坪江州城庄亭台关浜渡"


class _Unit(NamedTuple):
    key: str
    name: str  # usual printed form for this jurisdiction and year
    alts: tuple[str, ...]
    canonical: str
    kind: str
    themes: tuple[str, ...]
    weight: float


@dataclass
class _Profile:
    j: Jurisdiction
    year: int
    units: list[_Unit]
    by_theme: dict[str, list[_Unit]]
    groups: tuple[str, ...]
    locals_: list[_Unit]
    roster: list[tuple[str, str]]  # (name, post); [0] head, [1] executive deputy
    portfolio: dict[str, int]  # theme -> roster index
    by_key: dict[str, _Unit] = field(default_factory=dict)

    lead_cum: dict[str, list[float]] = field(default_factory=dict)
    co_cum: dict[str, list[float]] = field(default_factory=dict)
    local_cum: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_key = {u.key: u for u in self.units}
        self.lead_cum = {t: _cum(u.weight**1.6 for u in us) for t, us in self.by_theme.items()}
        self.lead_cum["*"] = _cum(u.weight**1.6 for u in self.units)
        # co-units: mostly from the task's theme, so collaboration clusters are real clusters
        self.co_cum = {
            t: _cum(u.weight * (4.0 if t in u.themes else 0.5) for u in self.units) for t in self.by_theme
        }
        self.local_cum = _cum(1.0 for _ in self.locals_)


def _level_name(j: Jurisdiction, name: str) -> str:
    """A city-style name ("市财政局") at the jurisdiction's level ("县财政局"); provinces are explicit."""
    name = name.replace("{short}", j.short)
    if j.level in ("county", "district") and name.startswith("市"):
        name = j.prefix + name[1:]
        for a, b in _COUNTY_FIX.items():
            name = name.replace(a, b)
    return name


def _places(rng: random.Random, k: int, suffixes: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < k:
        p = rng.choice(_PLACE1) + rng.choice(_PLACE2)
        if p not in seen:
            seen.add(p)
            out.append(p + rng.choice(suffixes))
    return out


_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严戴莫孔汤"
)
_GIVEN = (
    "建国华明志强伟军平勇杰涛斌超海波辉刚林峰文亮宏春红丽敏静燕霞云新德荣晓永立东生成清卫光正利兴学良"
    "振宇鹏飞俊雄顺锋继根宝乐民伟洪琳彬晨岚益祥瑞嘉欣源浩然松柏胜远达"
)


def _person(rng: random.Random) -> str:
    n = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
    if rng.random() < 0.7:
        n += rng.choice(_GIVEN)
    return n


@lru_cache(maxsize=4096)
def _profile(city: str, year: int) -> _Profile:
    j = _jurisdiction(city)
    crng = _rng("city", j.name)  # stable between years
    reform = crng.choice((2018, 2019, 2019)) + (1 if j.level in ("county", "district") else 0)
    finance = reform + crng.choice((0, 1, 1, 2))
    data_year = crng.choice((2017, 2018, 2019, 2020))
    marks = {"R": reform, "F": finance, "D": data_year}
    # house style: usual printed form per unit, and a per-city weight multiplier (log-normal)
    house: dict[str, int] = {}
    mult: dict[str, float] = {}
    for key, (_, _, _, _, alts, _) in _UNITS.items():
        house[key] = 1 if alts and crng.random() < 0.2 else 0
        mult[key] = math.exp(crng.gauss(0.0, 0.35))
    if crng.random() < 0.4:
        house["jsj"] = -1  # 市住建局 instead of 市建设局
    if crng.random() < 0.3:
        house["zwb"] = -1  # 市行政审批局 instead of 市政务办
    yrng = _rng("year", j.name, year)
    units: list[_Unit] = []
    for key, (themes, w, kind, cname, alts, pname) in _UNITS.items():
        if j.level == "province" and not pname:
            continue
        if j.level in ("county", "district") and key in ("hg", "yj"):
            continue
        name: str | None = cname
        for start, printed in _HISTORY.get(key, ()):
            y0 = marks[start] if isinstance(start, str) else start
            if year >= y0:
                name = cname if printed is None else printed
        if name == "-":
            continue  # does not exist yet
        canonical = _CANONICAL_OVERRIDE.get(key, cname)
        forms = (cname, *alts)
        if name != cname:
            alternates: tuple[str, ...] = ()  # a former/later name: printed as such
        elif key == "jsj" and house[key] == -1:
            name, alternates = "市住建局", ("市住房和城乡建设局",)
        elif key == "zwb" and house[key] == -1:
            name, alternates = "市行政审批局", ()
        else:
            name = forms[house[key]]
            alternates = tuple(f for f in forms if f != name)
        if key == "dl":
            if j.level in ("county", "district"):
                name = "市供电公司"
            elif crng.random() < 0.5:
                name = "国网{short}供电公司"
        if key == "rh" and j.level == "city" and mult[key] > 1.3:
            name = "人行{short}市中心支行"
        if j.level == "province":
            # provinces: current names only, except for bureaus that do not exist yet
            lname, lalts, lcanon = _level_name(j, pname), (), _level_name(j, pname)
        else:
            lname = _level_name(j, name)
            lalts = tuple(_level_name(j, a) for a in alternates)
            lcanon = _level_name(j, canonical)
        weight = w * mult[key] * math.exp(yrng.gauss(0.0, 0.1))
        units.append(_Unit(key, lname, lalts, lcanon, kind, tuple(themes.split()), weight))
    pre = j.prefix
    # state-owned groups and development zones
    ent_pool = ("城市集团", "交通集团", "城投集团", "文旅集团", "水务集团", "产业投资集团", "国资运营公司")
    ents = crng.sample(ent_pool, 2 if j.level != "city" else 3)
    for i, e in enumerate(ents):
        nm = ("省" if j.level == "province" else pre) + e
        units.append(_Unit(f"ent{i}", nm, (), nm, "state-owned-enterprise", ("urban", "econ"), 2.5 / (i + 1)))
    zone_kinds = ("高新区管委会", "经济技术开发区管委会", "度假区管委会", "新区管委会", "综合保税区管委会")
    nz = {"city": 3, "province": 1}.get(j.level, 1)
    zones = _places(crng, nz, ("",))
    for i, z in enumerate(zones):
        if j.level in ("county", "district"):
            nm = j.short + ("经济开发区" if j.level == "district" else "经济开发区管委会")
        else:
            nm = z + zone_kinds[i % len(zone_kinds)]
        units.append(_Unit(f"zone{i}", nm, (), nm, "development-zone", ("industry", "econ"), 1.8 / (i + 1)))
    # subordinate governments
    loc_shape = {
        "city": (3, 6, ("区", "县", "县"), "政府"),
        "county": (4, 8, ("镇", "镇", "乡"), "人民政府"),
        "district": (4, 8, ("街道",), "办事处"),
    }
    locals_: list[_Unit] = []
    if j.level in loc_shape:
        lo, hi, suffixes, gov = loc_shape[j.level]
        for i, p in enumerate(_places(crng, crng.randint(lo, hi), suffixes)):
            locals_.append(_Unit(f"loc{i}", p + gov, (), p + gov, "local-government", (), 1.0))
    groups = _GROUPS[j.level]
    if j.level == "city":
        # the nested-bracket group of the wild: 各区县政府(含A新区、B区管委会)
        zs = [u.name.removesuffix("管委会") for u in units if u.kind == "development-zone"][:2]
        groups = (*groups, f"各区县政府(含{'、'.join(zs)}管委会)")
    by_theme: dict[str, list[_Unit]] = {}
    for u in units:
        for t in u.themes:
            by_theme.setdefault(t, []).append(u)
    # leader roster: slots with terms of 3-5 years; the same person recurs across adjacent years
    head = {"city": "市长", "county": "县长", "district": "区长", "province": "省长"}[j.level]
    deputy = "副" + head
    n_deputies = 4 + (_seed_of("deputies", j.name, year) % 3)
    roster: list[tuple[str, str]] = []
    used: set[str] = set()
    for slot in range(2 + n_deputies):
        term = 3 + (_seed_of("term", j.name, slot) % 3)
        offset = _seed_of("offset", j.name, slot) % term
        prng = _rng("person", j.name, slot, (year + offset) // term)
        name = _person(prng)
        while name in used:
            name = _person(prng)
        used.add(name)
        post = head if slot == 0 else ("常务" + deputy if slot == 1 else deputy)
        roster.append((name, post))
    themes_order = ["industry", "rural", "social", "safety", "urban"]
    portfolio = {"gov": 0, "econ": 1}
    for i, t in enumerate(themes_order):
        portfolio[t] = 2 + (i % n_deputies)
    if n_deputies < 5:
        portfolio["urban"] = 1
    return _Profile(j, year, units, by_theme, groups, locals_, roster, portfolio)


# ---------------------------------------------------------------------------------------------------------
# Task texts
# ---------------------------------------------------------------------------------------------------------

_TEXTS: dict[str, tuple[str, ...]] = {
    "econ": (
        "fgw|地区生产总值增长{p}%左右。",
        "czj|一般公共预算收入增长{p}%左右。",
        "fgw|固定资产投资增长{p}%以上,其中民间投资增长{p}%。",
        "swj|社会消费品零售总额增长{p}%左右。",
        "fgw,zwb,scj|深化“放管服”改革,持续优化营商环境,推进企业开办、纳税、跨境贸易等便利化。",
        "fgw|实施重大项目攻坚行动,全年计划实施重点项目{c}个,完成投资{d}亿元以上。",
        "fgw,czj|积极引导民间投资,规范推进政府和社会资本合作项目。",
        "czj|严控政府性债务规模,妥善化解隐性债务存量,确保完成年度化债任务。",
        "gzw|深化国有企业改革,推动国有企业整合重组,提升资本运营效率。",
        "swj,hg|稳住外贸基本盘,力争进出口总额增长{p}%,实际使用外资{b}亿美元。",
        "jrb,rh|推进普惠金融改革,新增贷款{d}亿元以上,力争新增上市企业{a}家。",
        "swu,czj|全面落实减税降费政策,全年为市场主体减负{b}亿元以上。",
        "swj|培育消费新业态,举办促消费活动{b}场以上,打造夜间经济集聚区{a}个。",
        "tjj|加强经济运行监测分析,完善统计数据质量管控。",
        "fgw|深度融入区域一体化发展,开展更加紧密的区域合作,共建产业合作园区。",
    ),
    "industry": (
        "jxj|规模以上工业增加值增长{p}%左右。",
        "jxj|实施制造业高质量发展行动,新增规上工业企业{c}家,培育“专精特新”企业{b}家。",
        "jxj,dsj|加快数字经济发展,数字经济核心产业增加值增长{p}%以上。",
        "kjj|全社会研发投入占地区生产总值比重达到{q}%,新增高新技术企业{c}家。",
        "fgw,jxj|推进开发区整合提升,高质量建设万亩千亿产业平台。",
        "jxj|深化“亩均论英雄”改革,整治提升低效企业{c}家,腾出用地{d}亩。",
        "zzb,rsj|实施人才引育工程,新引进大学生{d}名以上,新建人才公寓{d}套。",
        "kjj|加快建设科创走廊,新建省级以上研发机构{b}家。",
        "jxj,dsj|推进5G基站和数据中心建设,新建5G基站{d}个。",
        "jxj|实施技术改造投资三年行动,工业投资增长{p}%以上。",
        "fgw,dl|保障能源电力供应,新增光伏装机{c}兆瓦。",
    ),
    "urban": (
        "jsj|持续推进城市有机更新,改造老旧小区{b}个,实施老住宅加装电梯{c}台。",
        "jtj|加快综合交通枢纽建设,开工建设快速路{b}公里。",
        "jsj|新竣工各类保障性住房{d}套,新增公租房保障家庭{c}户。",
        "zhzf,jsj|推进生活垃圾分类和减量化,城市生活垃圾回收利用率达到{q}%。",
        "jsj|建设改造城镇污水配套管网{c}公里,完成污水处理厂提标改造。",
        "zrzy|深化国土空间规划编制,统筹划定“三区三线”。",
        "zrzy|盘活存量建设用地{d}亩,消化批而未供土地{d}亩。",
        "jtj|新建和改造提升农村公路{c}公里,推进城乡公交一体化。",
        "jsj,zhzf|城区新增停车位{d}个,其中公共停车位{c}个。",
        "jsj|加快建筑业转型升级,推广装配式建筑和绿色建筑。",
        "zhzf|开展城市精细化管理,提升背街小巷环境面貌。",
    ),
    "rural": (
        "nyj|全面实施乡村振兴战略,建设美丽乡村示范村{b}个。",
        "nyj|粮食播种面积稳定在{d}亩以上,建成高标准农田{d}亩。",
        "sthj|打好污染防治攻坚战,城市空气质量优良天数比例达到{q}%。",
        "slj,sthj|全面落实河长制湖长制,地表水省控断面水质达标率保持{q}%。",
        "slj|实施水利工程建设,完成海塘、堤防加固{b}公里。",
        "slj|推进农村饮用水达标提标,新增受益人口{c}万人。",
        "zrzy|深化全域土地综合整治,完成废弃矿山生态修复{b}处。",
        "nyj|发展壮大村级集体经济,全面消除集体经济薄弱村。",
        "fgw,sthj|推进碳达峰碳中和,单位地区生产总值能耗下降{p}%。",
        "qx|加强气象防灾减灾,完善农业气象服务体系。",
    ),
    "social": (
        "jyj|新建、改扩建中小学和幼儿园{b}所,新增学位{d}个。",
        "rsj|城镇新增就业{d}人以上,城镇登记失业率控制在{p}%以内。",
        "wjw|推进健康城市建设,新建社区卫生服务站{b}个,深化医共体改革。",
        "mzj|建成乡镇(街道)居家养老服务中心{b}个,新增养老床位{c}张。",
        "xcb,wlj|新建农村文化礼堂{c}个、城市书房{b}家,举办文化惠民活动{c}场。",
        "tyj|建成全民健身广场和体育公园{b}个,承办全国性体育赛事{a}项。",
        "mzj|完善社会救助体系,提高城乡低保标准。",
        "ybj|深化医保支付方式改革,推进医保基金监管全覆盖。",
        "tyjr|做好退役军人服务保障,争创全国双拥模范城。",
        "wlj|推进文旅融合发展,接待游客{d}万人次,旅游总收入增长{p}%。",
        "rsj,fgw|居民人均可支配收入增长与经济增长基本同步。",
    ),
    "safety": (
        "zfw,gaj|深入开展扫黑除恶常态化斗争,依法严厉打击电信网络诈骗等违法犯罪活动。",
        "yjj|强化安全生产监管,生产安全事故起数和死亡人数实现双下降。",
        "zfw,xfj|完善社会矛盾源头预防和调处化解综合机制,推进信访工作法治化。",
        "scj|加强食品药品安全监管,新建放心农贸市场{b}家。",
        "yjj,slj|提升防汛抗旱和地质灾害防治能力,完善应急救援体系。",
        "xf|完成{b}个老旧小区消防设施改造,新建微型消防站{b}个。",
        "zfw|深化基层治理四平台建设,推进市域社会治理现代化。",
        "zfw,gaj|打造平安建设示范区,群众安全感满意度达到{q}%。",
    ),
    "gov": (
        "zfb,dsj|加快政府数字化转型,推进“最多跑一次”改革向机关内部延伸。",
        "sfj|健全依法决策机制,推进重大行政决策合法性审查全覆盖。",
        "sjj|加强政府内部层级监督和审计监督,提高财政资金使用绩效。",
        "jw|严格落实中央八项规定精神,驰而不息纠正“四风”。",
        "zfb|深化政务公开,持续开展“开门听建议”活动。",
        "zzb|健全激励机制和容错纠错机制,为基层减负松绑。",
        "zwb,dsj|推进政务服务事项全部网上办理,{q}%以上事项实现“掌上办”。",
        "bb|全面完成机构改革任务,推进机构职能优化协同高效。",
    ),
}
_HEADINGS = {
    "econ": ("经济社会发展主要预期目标", "稳增长促发展", "深化改革扩大开放", "持续优化营商环境"),
    "industry": ("加快建设现代产业体系", "强化科技创新驱动"),
    "urban": ("推进新型城镇化和城市更新", "完善综合交通网络"),
    "rural": ("全面推进乡村振兴", "加强生态文明建设"),
    "social": ("持续保障和改善民生", "办好人民满意的教育"),
    "safety": ("统筹发展和安全", "提高社会治理水平"),
    "gov": ("加强政府自身建设",),
}
_THEMES = ("econ", "industry", "urban", "rural", "social", "safety", "gov")
_THEME_SHARE = (0.24, 0.16, 0.17, 0.12, 0.16, 0.08, 0.07)
_N_CO_CUM = tuple(itertools.accumulate((0.16, 0.22, 0.22, 0.15, 0.1, 0.07, 0.05, 0.03)))
_CN_NUM = "一二三四五六七八九十"
_PLACEHOLDER = re.compile(r"\{([abcdpq])\}")


def _cn(n: int) -> str:
    if n <= 10:
        return _CN_NUM[n - 1]
    if n < 20:
        return "十" + _CN_NUM[n - 11]
    return _CN_NUM[n // 10 - 1] + "十" + (_CN_NUM[n % 10 - 1] if n % 10 else "")


def _fill(tmpl: str, rng: random.Random) -> str:
    def num(m: re.Match[str]) -> str:
        k = m.group(1)
        if k == "a":
            return str(rng.randint(2, 12))
        if k == "b":
            return str(rng.randint(10, 99))
        if k == "c":
            return str(rng.randint(100, 999))
        if k == "d":
            return str(rng.randint(1000, 9999))
        if k == "p":
            return str(rng.randint(3, 12)) if rng.random() < 0.5 else f"{rng.randint(30, 120) / 10:.1f}"
        return f"{rng.randint(800, 990) / 10:.1f}" if rng.random() < 0.5 else str(rng.randint(80, 99))

    return _PLACEHOLDER.sub(num, tmpl) if "{" in tmpl else tmpl


def _parse_templates() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """ "fgw,czj|text" -> (("fgw", "czj"), "text"): the units that usually lead such a task."""
    out: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
    for theme, pool in _TEXTS.items():
        items = []
        for t in pool:
            keys, _, text = t.rpartition("|")
            items.append((tuple(k for k in keys.split(",") if k), text))
        out[theme] = tuple(items)
    return out


_TEMPLATES = _parse_templates()


def _task_text(theme: str, rng: random.Random, deck: dict[str, list[int]]) -> tuple[tuple[str, ...], str]:
    """Task text of 1–3 sentences and the unit keys that usually lead its first sentence.

    First sentences are dealt from a per-notice shuffled deck per theme, so a notice repeats a sentence
    only once its theme's pool is used up."""
    pool = _TEMPLATES[theme]
    cards = deck.setdefault(theme, [])
    if not cards:
        cards.extend(range(len(pool)))
        rng.shuffle(cards)
    first = cards.pop()
    k = rng.choices((1, 2, 3), (0.55, 0.33, 0.12))[0]
    picked = [pool[first], *(pool[i] for i in rng.sample(range(len(pool)), k) if i != first)][:k]
    return picked[0][0], "".join(_fill(t, rng) for _, t in picked)


# ---------------------------------------------------------------------------------------------------------
# Assignment
# ---------------------------------------------------------------------------------------------------------


class _Assigned(NamedTuple):
    theme: str
    text: str
    leads: tuple[str, ...]
    cos: tuple[str, ...]


def _draw(
    rng: random.Random, items: Sequence[_Unit], cum: Sequence[float], k: int, taken: set[str]
) -> list[_Unit]:
    """Up to ``k`` distinct items by weight (cumulative weights ``cum``), skipping keys in ``taken``."""
    out: list[_Unit] = []
    if not items:
        return out
    total = cum[-1]
    tries = 0
    while len(out) < k and tries < 8 * k + 8:
        tries += 1
        u = items[bisect.bisect_left(cum, rng.random() * total)]
        if u.key not in taken:
            taken.add(u.key)
            out.append(u)
    return out


def _cum(weights: Iterable[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _printed(u: _Unit, rng: random.Random, canonical: dict[str, str], kinds: dict[str, str]) -> str:
    name = u.name
    if u.alts and rng.random() < 0.06:
        name = rng.choice(u.alts)
    elif u.key in _SUBOFFICES and rng.random() < 0.05:
        name = u.name + rng.choice(_SUBOFFICES[u.key])
    canonical[name] = u.canonical
    kinds[name] = u.kind
    return name


def _assign(
    prof: _Profile,
    theme: str,
    rng: random.Random,
    canonical: dict[str, str],
    kinds: dict[str, str],
    *,
    multi_lead: float,
    deck: dict[str, list[int]],
    allow_groups: bool = True,
) -> _Assigned:
    preferred, text = _task_text(theme, rng, deck)
    n_leads = 2 if rng.random() < multi_lead else 1
    taken: set[str] = set()
    leads: list[_Unit] = []
    pref = [prof.by_key[k] for k in preferred if k in prof.by_key]
    if pref and rng.random() < 0.75:
        leads = _draw(rng, pref, _cum(u.weight for u in pref), 1, taken)
    # Zipf-like: unit weights are already skewed; leads sharpen them (weight ** 1.6)
    if rng.random() < 0.08:  # a cross-theme lead now and then
        leads += _draw(rng, prof.units, prof.lead_cum["*"], n_leads - len(leads), taken)
    else:
        leads += _draw(rng, prof.by_theme[theme], prof.lead_cum[theme], n_leads - len(leads), taken)
    n_co = rng.choices((0, 1, 2, 3, 4, 5, 6, 8), cum_weights=_N_CO_CUM)[0]
    cos = _draw(rng, prof.units, prof.co_cum[theme], n_co, taken)
    if prof.locals_ and rng.random() < 0.1:
        cos += _draw(rng, prof.locals_, prof.local_cum, rng.randint(1, 3), taken)
    if allow_groups and rng.random() < 0.015:  # now and then a group leads (市政府各有关部门 in Huzhou)
        g = rng.choice(prof.groups[:3])
        canonical[g] = g
        kinds[g] = "group"
        lead_names: tuple[str, ...] = (g,)
    else:
        lead_names = tuple(_printed(u, rng, canonical, kinds) for u in leads)
    co_names = [_printed(u, rng, canonical, kinds) for u in cos]
    if allow_groups and rng.random() < 0.14:
        g = rng.choice([x for x in prof.groups if x not in lead_names])
        canonical[g] = g
        kinds[g] = "group"
        co_names.append(g)
    return _Assigned(theme, text, lead_names, tuple(co_names))


def _plan_themes(rng: random.Random, n: int) -> list[str]:
    counts = [max(1, round(n * s * math.exp(rng.gauss(0, 0.15)))) for s in _THEME_SHARE]
    while sum(counts) > n:
        counts[counts.index(max(counts))] -= 1
    while sum(counts) < n:
        counts[rng.randrange(len(counts))] += 1
    return [t for t, c in zip(_THEMES, counts, strict=True) for _ in range(c)]


# ---------------------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------------------


class _Style(NamedTuple):
    colon: str
    paren: tuple[str, str]
    semi: str
    comma: str


def _style(rng: random.Random, layout: int) -> _Style:
    full = rng.random() < (0.25 if layout in (1, 2) else 0.5)
    return _Style(
        "：" if full else ":",
        ("（", "）") if (full or rng.random() < 0.2) else ("(", ")"),
        "；" if full else ";",
        "，" if full else ",",
    )


def _colon(st: _Style, rng: random.Random, mixed: bool) -> str:
    if mixed and rng.random() < 0.08:
        return ":" if st.colon == "：" else "："
    return st.colon


def _join_units(names: Sequence[str], st: _Style, rng: random.Random, mixed_sep: bool) -> str:
    if not mixed_sep:
        return "、".join(names)
    out = names[0] if names else ""
    for n in names[1:]:
        out += (st.comma if rng.random() < 0.3 else "、") + n
    return out


def _header(prof: _Profile, rng: random.Random, layout: int) -> tuple[str, dict[str, str]]:
    j, year = prof.j, prof.year
    office = rng.random() < (0.75 if j.level in ("city", "county") else 0.3)
    if j.level == "district" and j.parent:
        issuer = f"{j.parent}{j.name}人民政府"
    else:
        issuer = j.name + ("人民政府办公室" if office else "人民政府")
    if j.level == "province":
        docno = f"{j.abbr}府{'办' if office else ''}〔{year}〕{rng.randint(3, 40)}号"
    elif j.level == "county":
        docno = f"{j.abbr}府办〔{year}〕{rng.randint(3, 40)}号"
    else:
        docno = f"{j.abbr}政{'办' if office else ''}发〔{year}〕{rng.randint(1, 30)}号"
    report = "省《政府工作报告》" if j.level == "province" else "政府工作报告"
    kind = rng.choice(("重点工作责任分解", "重点任务分工方案", "重点工作任务分解和责任分工方案"))
    plan = f"{year}年{report}{kind}"
    title = f"{issuer}关于印发{plan}的通知"
    month, day = rng.randint(2, 3), rng.randint(1, 28)
    date_cn = f"{year}年{month}月{day}日"
    addressee = {
        "city": "各区县人民政府,市政府各部门,市直各单位:",
        "county": "各乡镇人民政府、街道办事处,县级各部门:",
        "district": f"{j.short}经济开发区,各街道办事处,各区直部门,各有关单位:",
        "province": "各地级以上市人民政府,省政府各部门、各直属机构:",
    }[j.level]
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += ["首页 > 政务公开 > 政府文件", ""]
    lines += [
        f"{docno}《{title}》",
        f"发布时间:{year}-{month:02d}-{min(day + 3, 28):02d} 09:{rng.randint(10, 59)}:{rng.randint(10, 59)}",
        "【打印】 【关闭】",
        "",
        f"《{title}》",
        docno,
        "",
        addressee,
        f"  《{plan}》已经{ {'city': '市', 'county': '县', 'district': '区', 'province': '省'}[j.level] }"
        "政府同意,现印发给你们,请认真贯彻执行。",
        "  各级各部门要抓紧排出任务表、时间表、责任表,加强协作配合,确保全面完成年度目标任务。",
        "",
        f"附件:{plan}",
        "",
        issuer,
        date_cn,
        "",
        "附件1" if layout != 3 or rng.random() < 0.5 else "附件1:",
        "",
        plan,
        "",
    ]
    if layout != 1:
        lines += [
            "  为全面落实政府工作报告部署,做好今年政府工作,现将重点工作任务分解如下,并逐项明确责任分工。",
            "",
        ]
    meta = {"title": title, "doc_number": docno, "issuer": issuer, "date": f"{year}-{month:02d}-{day:02d}"}
    return "\n".join(lines), meta


def _leader_of(prof: _Profile, theme: str) -> int:
    return prof.portfolio.get(theme, 1)


def build_notice(
    rng_or_seed: int | str | random.Random,
    *,
    city: str = "青澜市",
    year: int = 2021,
    layout: int = 1,
    n_tasks: int | None = None,
    filename: str | None = None,
) -> SynthNotice:
    """One notice with its ground truth. ``layout`` in 1..4 (see ``LAYOUTS``); ``n_tasks`` 50–150 if None."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {sorted(LAYOUTS)}")
    rng = (
        rng_or_seed
        if isinstance(rng_or_seed, random.Random)
        else random.Random(_seed_of("notice", rng_or_seed))
    )
    prof = _profile(city, year)
    n = n_tasks if n_tasks is not None else rng.randint(50, 150)
    if n < 1:
        raise ValueError("n_tasks must be positive")
    st = _style(rng, layout)
    header, meta = _header(prof, rng, layout)
    canonical: dict[str, str] = {}
    kinds: dict[str, str] = {}
    multi = {1: 0.0, 2: 0.08, 3: 0.1, 4: 0.12}[layout]
    themes = _plan_themes(rng, n)
    deck: dict[str, list[int]] = {}
    tasks = [_assign(prof, t, rng, canonical, kinds, multi_lead=multi, deck=deck) for t in themes]
    out: list[str] = [header]
    truth: list[SynthTask] = []
    leaders_used: dict[str, str] = {}
    assisting: dict[str, tuple[str, ...]] = {}
    roster = prof.roster
    level_word = {"city": "市", "county": "县", "district": "区", "province": "省"}[prof.j.level]

    if layout == 1:
        # group tasks by the leader owning their theme, in roster order
        by_leader: dict[int, list[_Assigned]] = {}
        for t in tasks:
            by_leader.setdefault(_leader_of(prof, t.theme), []).append(t)
        num = 0
        for sec, li in enumerate(sorted(by_leader), start=1):
            name, post = roster[li]
            leaders_used[name] = post
            head = f"{_cn(sec)}、{name}{post}牵头重点工作"
            helper: tuple[str, ...] = ()
            if li >= 2 and rng.random() < 0.25:
                others = [r for k, r in enumerate(roster) if k >= 2 and k != li]
                hn, hp = rng.choice(others)
                leaders_used[hn] = hp
                helper = (hn,)
                head += f"{st.paren[0]}{hn}{hp}协助推进{st.paren[1]}"
            out.append(head)
            for t in by_leader[li]:
                num += 1
                units = (*t.leads, *t.cos)
                line = "责任单位" + _colon(st, rng, True) + "、".join(units)
                if num == 1:
                    line += "(列第一位者为工作牵头单位或汇总单位,下同)"
                elif rng.random() < 0.03:
                    line += "。"
                out.append(f"{num}.{t.text}")
                out.append(line)
                truth.append(SynthTask(str(num), (name,), t.leads, t.cos))
                if helper:
                    assisting[str(num)] = helper
    else:
        num = 0
        sec = 0
        last_theme = None
        blank = layout in (2, 3)
        indent = "  " if layout == 3 else ""
        for t in tasks:
            if t.theme != last_theme:
                sec += 1
                last_theme = t.theme
                out.append(f"{indent}{_cn(sec)}、{rng.choice(_HEADINGS[t.theme])}")
                if blank:
                    out.append("")
            num += 1
            li = _leader_of(prof, t.theme)
            names: tuple[str, ...] = (roster[li][0],)
            if layout == 4 and rng.random() < 0.3:
                other = rng.choice([k for k in range(len(roster)) if k != li])
                names = (roster[min(li, other)][0], roster[max(li, other)][0])
            elif layout == 3 and rng.random() < 0.1:
                other = rng.choice([k for k in range(2, len(roster)) if k != li])
                names = (roster[li][0], roster[other][0])
            if layout == 2:
                out.append(f"{num}.{t.text}")
                out.append("")
                out.append("牵头单位" + _colon(st, rng, True) + "、".join(t.leads))
                out.append("")
                if t.cos:
                    out.append("责任单位" + _colon(st, rng, True) + _join_units(t.cos, st, rng, True))
                    out.append("")
                truth.append(SynthTask(str(num), (), t.leads, t.cos))
                continue
            for nm in names:
                leaders_used[nm] = next(p for r, p in roster if r == nm)
            if layout == 3:
                out += [f"{indent}{num}.{t.text}", ""]
                out += [f"{indent}分管{level_word}领导{st.colon}{'、'.join(names)}", ""]
                dept = "、".join(t.leads) + "牵头"
                dept += (st.comma + "、".join(t.cos) + "配合。") if t.cos else "。"
                out += [f"{indent}部门分工{st.colon}{dept}", ""]
            else:
                o, c = st.paren
                inner = f"责任领导{st.colon}{'、'.join(names)}{st.semi}牵头单位{st.colon}{'、'.join(t.leads)}"
                if t.cos:
                    inner += f"{st.semi}责任单位{st.colon}{_join_units(t.cos, st, rng, True)}"
                out.append(f"{num}.{t.text}{o}{inner}{c}")
            truth.append(SynthTask(str(num), names, t.leads, t.cos))

    out += ["", f"抄送:{level_word}委各部门,{level_word}人大常委会办公室,{level_word}政协办公室。"]
    out += [
        f"{meta['issuer']} {meta['date'][:4]}年{int(meta['date'][5:7])}月{int(meta['date'][8:])}日印发",
        "",
    ]
    j = prof.j
    fname = filename or f"{j.slug}-{year}-L{layout}.txt"
    return SynthNotice(
        filename=fname,
        text="\n".join(out),
        city=j.name,
        year=year,
        layout=layout,
        tasks=truth,
        level=j.level,
        title=meta["title"],
        doc_number=meta["doc_number"],
        issuer=meta["issuer"],
        date=meta["date"],
        leaders=leaders_used,
        assisting=assisting,
        canonical=dict(sorted(canonical.items())),
        kinds=dict(sorted(kinds.items())),
    )


def generate_notice(
    rng_or_seed: int | str | random.Random,
    *,
    city: str = "青澜市",
    year: int = 2021,
    layout: int = 1,
    n_tasks: int | None = None,
) -> str:
    """The text of one notice (see :func:`build_notice` for the ground truth)."""
    return build_notice(rng_or_seed, city=city, year=year, layout=layout, n_tasks=n_tasks).text


def generate_corpus(
    n: int,
    *,
    seed: int,
    cities: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    n_tasks: int | None = None,
) -> list[SynthNotice]:
    """``n`` notices. Notice ``i`` is city ``cities[i % C]``, year ``years[(i // C) % Y]`` and layout
    ``(seed + i) % 4 + 1``, so a corpus of ``C×Y`` notices covers every city-year once; each notice has its
    own RNG, so the first ``k`` notices do not depend on ``n``. ``n_tasks`` fixes every notice's length
    (50–150 each if None): a browser test wants 1,000 notices' spread of cities, not their bulk."""
    cs = tuple(cities) if cities is not None else DEFAULT_CITIES
    ys = tuple(years) if years is not None else DEFAULT_YEARS
    if not cs or not ys:
        raise ValueError("cities and years must not be empty")
    out: list[SynthNotice] = []
    numbers: set[str] = set()
    for i in range(n):
        city, year = cs[i % len(cs)], ys[(i // len(cs)) % len(ys)]
        layout = (seed + i) % 4 + 1
        slug = _jurisdiction(city).slug
        notice = build_notice(
            random.Random(_seed_of("corpus", seed, i)),
            city=city,
            year=year,
            layout=layout,
            n_tasks=n_tasks,
            filename=f"{slug}-{year}-{i:05d}-L{layout}.txt",
        )
        out.append(_unique_number(notice, numbers))
    return out


def _unique_number(notice: SynthNotice, taken: set[str]) -> SynthNotice:
    """A corpus holds many notices per city-year (real life has one): renumber repeats (〔2021〕9号 →
    〔2021〕109号) so every notice is its own document. Depends only on earlier notices."""
    number = notice.doc_number
    match = re.search(r"〕(\d+)号", number)
    bump = 0
    while number in taken and match:
        bump += 100
        number = f"{notice.doc_number[: match.start()]}〕{int(match.group(1)) + bump}号{notice.doc_number[match.end() :]}"
    taken.add(number)
    if number == notice.doc_number:
        return notice
    return replace(notice, doc_number=number, text=notice.text.replace(notice.doc_number, number))


def write_corpus(notices: Sequence[SynthNotice], out: Path) -> Path:
    """Write each notice as UTF-8 text plus ``truth.jsonl`` (one ground-truth object per line)."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for nt in notices:
            (out / nt.filename).write_text(nt.text, encoding="utf-8")
            fh.write(json.dumps(nt.truth_json(), ensure_ascii=False, sort_keys=True) + "\n")
    return out


def main(argv: Sequence[str] | None = None, _print: Callable[[str], object] = print) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    ap.add_argument("-n", type=int, default=100, help="number of notices (default 100)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cities", nargs="+", help=f"jurisdictions (default: all {len(DEFAULT_CITIES)})")
    ap.add_argument("--years", nargs="+", type=int, help="years (default 2016..2024)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    notices = generate_corpus(args.n, seed=args.seed, cities=args.cities, years=args.years)
    t1 = time.perf_counter()
    write_corpus(notices, args.out)
    n_tasks = sum(len(x.tasks) for x in notices)
    _print(
        f"{len(notices)} notices, {n_tasks} tasks generated in {t1 - t0:.2f}s "
        f"(written in {time.perf_counter() - t1:.2f}s) -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
