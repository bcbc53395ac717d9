"""Shared fixtures. In CI (``CI=true``) a skipped test is a failure: nothing may silently not run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when CI skipped anything or collected no tests at all."""
    if not IN_CI:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter:
            reporter.write_line(f"CI: {skipped} test(s) skipped — a skip is a failure in CI", red=True)
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def huzhou_path() -> Path:
    return EXAMPLES / "huzhou-2019-key-tasks.txt"


@pytest.fixture(scope="session")
def huzhou_loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the Huzhou notice, loaded once through the CLI. Shared: copy it before
    changing anything in it."""
    from click.testing import CliRunner

    from dutygraph.cli import main

    store = tmp_path_factory.mktemp("huzhou-loaded") / "store"
    result = CliRunner().invoke(
        main, ["load", str(EXAMPLES / "huzhou-2019-key-tasks.txt"), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    return store
