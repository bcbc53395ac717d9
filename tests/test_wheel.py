"""The built wheel installs into a fresh virtual environment and ``dutygraph run`` works from it.

The source needed for a build (``pyproject.toml``, ``README.md``, ``dutygraph/``) is copied to a
temporary folder first, so the build never writes ``build/`` or ``*.egg-info`` into the checkout and the
wheel holds only what the package declares. The wheel is built with ``pip wheel --no-deps`` (an isolated
build environment, as for any user), installed with its dependencies from the package index into a new
``python -m venv``, and run from a temporary working directory with a clean environment, so nothing from
the checkout or this test environment can leak in. Takes a few minutes (dependency downloads are cached by
pip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dutygraph"
HUZHOU = ROOT / "examples" / "huzhou-2019-key-tasks.txt"
TIMEOUT = 1800


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, (
        f"{' '.join(map(str, args))} failed (exit {done.returncode})\n"
        f"--- stdout ---\n{done.stdout[-4000:]}\n--- stderr ---\n{done.stderr[-4000:]}"
    )
    return done


def _data_files() -> set[str]:
    """Every non-Python file of the package in the source tree, as a path inside the wheel."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }


def test_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

    # 1. Build the wheel from a copy of the sources.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(PACKAGE, source / "dutygraph", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", dist, source], tmp_path, env)
    wheels = list(dist.glob("dutygraph-*.whl"))
    assert len(wheels) == 1, wheels
    wheel = wheels[0]

    # 2. The package data is inside: ontology, unit aliases, query pack, GraSS style, page assets and font.
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    required = {
        "dutygraph/ontology/dutygraph.ttl",
        "dutygraph/ontology/shapes.ttl",
        "dutygraph/ontology/units/aliases.csv",
        "dutygraph/neo4j/style.grass",
        "dutygraph/viz/assets/page.html",
        "dutygraph/viz/assets/page.js",
        "dutygraph/viz/assets/vis-network.min.js",
        "dutygraph/fonts/NotoSansCJKsc-GB2312.woff2",
        "dutygraph/py.typed",
    }
    assert required <= names, f"missing from the wheel: {sorted(required - names)}"
    queries = {n for n in names if n.startswith("dutygraph/neo4j/queries/") and n.endswith(".cypher")}
    assert len(queries) >= 8
    missing = _data_files() - names
    assert not missing, f"package data in the source tree but not in the wheel: {sorted(missing)}"

    # 3. A fresh virtual environment with the wheel (dependencies from the package index).
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], tmp_path, env)
    python = venv / "bin" / "python"
    _run([python, "-m", "pip", "install", "--quiet", wheel], tmp_path, env)

    # 4. `dutygraph run` from that environment, in an empty working directory.
    work = tmp_path / "work"
    work.mkdir()
    env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
    env["VIRTUAL_ENV"] = str(venv)
    env.pop("DUTYGRAPH_STORE", None)
    located = _run([python, "-c", "import dutygraph; print(dutygraph.__file__)"], work, env).stdout.strip()
    assert Path(located).resolve().is_relative_to(venv.resolve()), f"imported {located}, not the wheel"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert declared in _run([venv / "bin" / "dutygraph", "--version"], work, env).stdout
    _run([venv / "bin" / "dutygraph", "run", HUZHOU, "--out", work / "out"], work, env)
    for name in ("report.md", "report.json", "network.html"):
        assert (work / "out" / name).is_file(), f"out/{name} missing"
    assert "市发展改革委" in (work / "out" / "report.md").read_text(encoding="utf-8")
