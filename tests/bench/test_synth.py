"""bench/synth.py: determinism, shape, ground truth consistent with the text, and the loaders reading it."""

from __future__ import annotations

import collections
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYNTH = ROOT / "bench" / "synth.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dutygraph_bench_synth", SYNTH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


synth = _load()


@pytest.fixture(scope="module")
def corpus() -> list:
    # 13 jurisdictions (7 cities, 2 counties, 2 districts, 2 provinces) x 4 layouts, rotated
    return synth.generate_corpus(52, seed=11)


def test_same_seed_same_bytes() -> None:
    a = synth.generate_corpus(12, seed=5)
    b = synth.generate_corpus(12, seed=5)
    assert [x.text for x in a] == [x.text for x in b]
    assert [x.tasks for x in a] == [x.tasks for x in b]
    assert synth.generate_notice(9, city="云泽市", year=2020, layout=3, n_tasks=60) == synth.generate_notice(
        9, city="云泽市", year=2020, layout=3, n_tasks=60
    )
    c = synth.generate_corpus(12, seed=6)
    assert [x.text for x in a] != [x.text for x in c]


def test_prefix_does_not_depend_on_n() -> None:
    assert [x.text for x in synth.generate_corpus(4, seed=3)] == [
        x.text for x in synth.generate_corpus(9, seed=3)[:4]
    ]


def test_shape(corpus: list) -> None:
    assert {x.layout for x in corpus} == {1, 2, 3, 4}
    assert {x.level for x in corpus} == {"city", "county", "district", "province"}
    assert len({x.filename for x in corpus}) == len(corpus)
    for nt in corpus:
        assert 50 <= len(nt.tasks) <= 150, nt.filename
        assert [t.number for t in nt.tasks] == [str(i) for i in range(1, len(nt.tasks) + 1)]
        for t in nt.tasks:
            assert t.lead_units, (nt.filename, t.number)
            units = [*t.lead_units, *t.co_units]
            assert len(set(units)) == len(units), (nt.filename, t.number)
        assert nt.doc_number in nt.text and nt.issuer in nt.text and nt.title in nt.text
        assert "附件1" in nt.text


def test_truth_is_in_the_text(corpus: list) -> None:
    for nt in corpus:
        printed = set()
        for t in nt.tasks:
            for u in (*t.lead_units, *t.co_units):
                assert u in nt.text, (nt.filename, t.number, u)
                printed.add(u)
            for name in t.leaders:
                assert name in nt.text and name in nt.leaders
        assert printed == set(nt.canonical) == set(nt.kinds)
        for post in nt.leaders.values():
            assert post[-2:] in ("市长", "县长", "区长", "省长"), post


def test_task_lines_match_truth_per_layout(corpus: list) -> None:
    """Each task's assignment, re-read from the text in the layout's own convention, equals the truth."""
    for nt in corpus:
        body = nt.text.split("附件1", 1)[1]
        lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
        starts = [i for i, ln in enumerate(lines) if ln.split(".", 1)[0].isdigit()]
        assert len(starts) == len(nt.tasks), nt.filename
        for t, i in zip(nt.tasks, starts, strict=True):
            block = "\n".join(lines[i : i + 4])
            lead = "、".join(t.lead_units)
            if nt.layout == 1:
                assert lines[i + 1][5:].startswith(lead), (nt.filename, t.number)
            elif nt.layout == 2:
                assert lines[i + 1][5:] == lead
            elif nt.layout == 3:
                assert f"{lead}牵头" in block and "、".join(t.leaders) in block
            else:
                assert f"牵头单位:{lead}" in lines[i].replace("：", ":")


def test_vocabulary_stable_between_years_with_churn() -> None:
    def vocab(year: int) -> set[str]:
        return {u.name for u in synth._profile("青澜市", year).units}

    a, b = vocab(2020), vocab(2021)
    assert len(a & b) / len(a | b) > 0.8
    # the 2018/2019 institutional reform renames bureaus, new ones appear
    assert "市国土资源局" in vocab(2016) and "市国土资源局" not in vocab(2021)
    assert "市退役军人事务局" not in vocab(2016) and "市退役军人事务局" in vocab(2021)
    # leaders recur in adjacent years
    ra = {n for n, _ in synth._profile("青澜市", 2020).roster}
    rb = {n for n, _ in synth._profile("青澜市", 2021).roster}
    assert ra & rb
    # the same department name is a different unit in another city: vocabularies differ
    assert vocab(2021) != {u.name for u in synth._profile("云泽市", 2021).units}


def test_leads_are_skewed() -> None:
    notices = synth.generate_corpus(20, seed=2, cities=["松川市"], years=[2021])
    leads = collections.Counter(u for nt in notices for t in nt.tasks for u in t.lead_units)
    total = sum(leads.values())
    top3 = sum(c for _, c in leads.most_common(3))
    assert top3 / total > 0.2  # a few units lead many tasks
    assert len(leads) > 30  # and a long tail


def test_cli_writes_files_and_truth(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    proc = subprocess.run(
        [sys.executable, str(SYNTH), "--out", str(out), "-n", "6", "--seed", "7"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "6 notices" in proc.stdout
    assert len(list(out.glob("*.txt"))) == 6
    assert len((out / "truth.jsonl").read_text(encoding="utf-8").splitlines()) == 6


# --------------------------------------------------------------------------------------------------------
# The loaders against the ground truth
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", [1, 2, 3, 4])
def test_parser_recovers_ground_truth(layout: int) -> None:
    from dutygraph.loaders import parse_text

    # every jurisdiction level, several years; all with this layout
    sample = [
        synth.build_notice(
            ("parser", layout, i), city=city, year=2017 + (i % 8), layout=layout, filename=f"L{layout}-{i}"
        )
        for i, city in enumerate(synth.DEFAULT_CITIES)
    ]
    for nt in sample:
        doc = parse_text(nt.text, source=nt.filename)
        assert len(doc.tasks) == len(nt.tasks), nt.filename
        for got, want in zip(doc.tasks, nt.tasks, strict=True):
            where = (nt.filename, want.number)
            assert got.number == want.number, where
            assert tuple(got.lead_units) == want.lead_units, where
            assert tuple(got.co_units) == want.co_units, where
            assert tuple(ld.name for ld in got.leaders) == want.leaders, where
            assert tuple(ld.name for ld in got.assisting_leaders) == nt.assisting.get(want.number, ()), where
        assert doc.document.doc_number == nt.doc_number
        assert doc.document.issuer == nt.issuer
        assert doc.document.date == nt.date


def test_city_names_extend_the_built_in_ones_deterministically() -> None:
    names = synth.city_names(40)
    assert names[: len(synth.DEFAULT_CITIES)] == synth.DEFAULT_CITIES
    assert len(set(names)) == 40 and all(n.endswith("市") for n in names[len(synth.DEFAULT_CITIES) :])
    assert synth.city_names(40) == names and synth.city_names(20) == names[:20]
    notice = synth.build_notice(7, city=names[-1], year=2020, layout=1)
    assert names[-1] in notice.text
