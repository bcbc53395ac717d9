"""Every shell command the README and the pages of ``docs/`` show is run, so the documentation cannot rot.

Conventions (the README follows them):

* A fenced block tagged exactly ```` ```bash ```` is executed; ```` ```console ````, ```` ```text ````,
  ```` ```python ```` and untagged blocks are only shown. Put commands that cannot run here (a real Neo4j or
  Aura, an interactive prompt, a browser) in a ```` ```console ```` block.
* Each bash block runs as one ``bash -euo pipefail`` script, so later lines of a block see what earlier
  ones did (variables, ``cd``, files). Blocks run in README order in one working copy with one store, so a
  block may use the output of an earlier block (``report/``, a synced server…). A block that starts the
  local Bolt server should stop it; any server left running is stopped when the test ends.
* The first bash block starts with the two "fresh machine" commands, exactly :data:`FRESH_MACHINE`. They
  are checked, not run as written (installing into the venv and running the test suite from inside the
  test suite would recurse); the ``dutygraph run`` part of the first one is run, with ``.venv`` being this
  environment. Everything else in that block runs like any other.
* Executed blocks may not create virtual environments, ``pip install``, run ``.ci/setup`` or pytest.
* Each page of ``docs/`` runs the same way in a working copy and store of its own, so a page's blocks may
  build on each other but not on the README's or another page's.
* The README stays a front door: at most :data:`README_LIMIT` bytes; detail belongs in ``docs/``.

The working copy is a temporary copy of the repository's files (tracked and untracked-not-ignored, without
``.venv``/``.git``), with ``.venv`` a link to this environment, this environment's ``bin`` first on
``PATH``, ``DUTYGRAPH_STORE`` in a temporary folder and no ``NEO4J_*`` variables (the local server is used).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
README_LIMIT = 12_500  # bytes
BIN = Path(sys.executable).parent

INSTALL = "python3 -m venv .venv && .venv/bin/pip install -e ."
RUN = ".venv/bin/dutygraph run examples/huzhou-2019-key-tasks.txt --out report"
TEST = ".ci/setup && .venv/bin/python -m pytest"
FRESH_MACHINE = (f"{INSTALL} && {RUN}", TEST)
FORBIDDEN = (
    (re.compile(r"\bpip3?\s+install\b|-m\s+pip\b"), "pip install"),
    (re.compile(r"-m\s+venv\b|\bvirtualenv\b"), "creating a virtual environment"),
    (re.compile(r"\.ci/setup"), ".ci/setup"),
    (re.compile(r"\bpytest\b"), "pytest"),
)
BLOCK_TIMEOUT = 900  # seconds per block
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
    ".hypothesis", "build", "dist", "artifacts", "dutygraph-store",
)  # fmt: skip
TOP_LEVEL_IGNORE = {"report"}  # the README's own output folder; dutygraph/report/ is source


@dataclass(frozen=True)
class Block:
    lang: str
    line: int  # 1-based line of the opening fence
    lines: tuple[str, ...]


_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*?)\s*$")


def fenced_blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text (CommonMark fences, ``` or ~~~, info string's first word)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _OPEN.match(lines[i])
        if not opening:
            i += 1
            continue
        fence = opening["fence"]
        lang = opening["info"].split()[0] if opening["info"].split() else ""
        close = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            body.append(lines[j])
            j += 1
        blocks.append(Block(lang, i + 1, tuple(body)))
        i = j + 1
    return blocks


def bash_blocks(text: str) -> list[Block]:
    return [b for b in fenced_blocks(text) if b.lang == "bash"]


def scripts(text: str) -> list[tuple[Block, str]]:
    """What the test runs: one script per bash block (the first block without its install/test lines)."""
    blocks = bash_blocks(text)
    out = []
    for index, block in enumerate(blocks):
        lines = list(block.lines)
        if index == 0:
            lines = [RUN, *lines[len(FRESH_MACHINE) :]]
        out.append((block, "\n".join(lines) + "\n"))
    return out


# -- the parser itself ---------------------------------------------------------------------------
def test_parser_runs_only_bash_blocks() -> None:
    text = "\n".join(
        [
            "```bash",
            "echo one",
            "```",
            "```console",
            "$ echo not-run",
            "```",
            "```text",
            "plain",
            "```",
            "````bash title",
            "echo two",
            "```",
            "echo still-two",
            "````",
            "```",
            "untagged",
            "```",
            "~~~bash",
            "echo three",
            "~~~",
            "```sh",
            "echo not-run-either",
            "```",
        ]
    )
    assert [b.lines for b in bash_blocks(text)] == [
        ("echo one",),
        ("echo two", "```", "echo still-two"),
        ("echo three",),
    ]
    assert [b.lang for b in fenced_blocks(text)] == ["bash", "console", "text", "bash", "", "bash", "sh"]


# -- the README ----------------------------------------------------------------------------------
def test_readme_starts_with_the_fresh_machine_commands() -> None:
    blocks = bash_blocks(README.read_text(encoding="utf-8"))
    assert blocks, "the README shows no ```bash block"
    first = blocks[0].lines
    assert tuple(line.strip() for line in first[: len(FRESH_MACHINE)]) == FRESH_MACHINE, (
        f"the first bash block (README line {blocks[0].line}) must start with exactly:\n"
        + "\n".join(FRESH_MACHINE)
    )
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST.split(" && ")[-1] in ci_run, "CI must run the README's test command"


def test_readme_commands_are_safe_to_run() -> None:
    for block, script in scripts(README.read_text(encoding="utf-8")):
        for pattern, what in FORBIDDEN:
            assert not pattern.search(script), (
                f"README line {block.line}: {what} in a ```bash block — only the first two lines may; "
                "show it in a ```console block instead"
            )


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_docs_commands_are_safe_to_run(page: Path) -> None:
    for block in bash_blocks(page.read_text(encoding="utf-8")):
        for pattern, what in FORBIDDEN:
            assert not pattern.search("\n".join(block.lines)), (
                f"{page.name} line {block.line}: {what} in a ```bash block — show it in a ```console block"
            )


def test_readme_is_a_front_door() -> None:
    size = len(README.read_bytes())
    assert size <= README_LIMIT, (
        f"README.md is {size:,} bytes (at most {README_LIMIT:,}): move detail to docs/"
    )


_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_relative_links_point_to_files(page: Path) -> None:
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which does not exist"


def _source_files() -> Iterator[Path]:
    """The repository's files: tracked and untracked-but-not-ignored (git), else a filtered walk."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, capture_output=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        listed = b""
    if listed:
        for name in listed.decode("utf-8").split("\0"):
            if name and (ROOT / name).is_file():
                yield Path(name)
        return
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if (
            path.is_file()
            and relative.parts[0] not in TOP_LEVEL_IGNORE
            and not COPY_IGNORE(str(path.parent), relative.parts)
        ):
            yield relative


def _working_copy(target: Path) -> Path:
    for relative in _source_files():
        if relative.parts[0] in {".venv", ".git"}:
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target / relative)
    if sys.prefix != sys.base_prefix:  # ".venv/bin/…" in the README means this environment
        (target / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return target


def _stop_local_servers(folder: Path) -> None:
    from dutygraph.neo4j import server

    for state in folder.rglob(f"{server.SERVER_DIR}/{server.STATE_FILE}"):
        server.stop(state.parent.parent)


def _run_blocks(name: str, ran: list[tuple[Block, str]], tmp_path: Path) -> Path:
    """Run ``ran`` in order in a fresh working copy with a fresh store; the working copy."""
    work = _working_copy(tmp_path / "work")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_") and k not in {"PYTHONPATH"}}
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    env["VIRTUAL_ENV"] = sys.prefix
    env["DUTYGRAPH_STORE"] = str(tmp_path / "store")
    env["TMPDIR"] = str(tmp_path)
    try:
        for index, (block, script) in enumerate(ran):
            path = tmp_path / f"block-{index:02d}-line-{block.line}.sh"
            path.write_text(script, encoding="utf-8")
            done = subprocess.run(
                ["bash", "-euo", "pipefail", str(path)],
                cwd=work, env=env, capture_output=True, text=True, timeout=BLOCK_TIMEOUT,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
            assert done.returncode == 0, (
                f"{name} block at line {block.line} failed (exit {done.returncode}):\n{script}\n"
                f"--- stdout ---\n{done.stdout[-4000:]}\n--- stderr ---\n{done.stderr[-4000:]}"
            )
            if name == "README" and index == 0:  # the fresh-machine run reached a report and a page
                for file in ("report.md", "report.json", "network.html"):
                    assert (work / "report" / file).is_file(), f"report/{file} missing after {RUN}"
    finally:
        _stop_local_servers(tmp_path)
    return work


def test_every_readme_bash_block_runs(tmp_path: Path) -> None:
    ran = scripts(README.read_text(encoding="utf-8"))
    assert ran
    _run_blocks("README", ran, tmp_path)


@pytest.mark.parametrize(
    "page", [p for p in DOCS if bash_blocks(p.read_text(encoding="utf-8"))], ids=lambda p: p.name
)
def test_every_docs_bash_block_runs(page: Path, tmp_path: Path) -> None:
    blocks = bash_blocks(page.read_text(encoding="utf-8"))
    _run_blocks(page.name, [(b, "\n".join(b.lines) + "\n") for b in blocks], tmp_path)
