"""How the browser tests and ``bench/viz.py`` start Debian's Chromium: one place, so the bench
measures the browser the tests check."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
#: No sandbox (CI runs as root), no GPU, and nothing that would reach the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
