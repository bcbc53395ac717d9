"""How the browser tests and ``bench/viz.py`` start Debian's Chromium: one place, so the bench
measures the browser the tests check."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
#: No sandbox (CI runs as root), no GPU but software WebGL, and nothing that would reach the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    # WebGL (the large-part view) through SwiftShader, software rendering on the CPU.
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
