"""``bench/synth.py``, the synthetic corpus generator, for the tests that build corpora with it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SYNTH = Path(__file__).resolve().parents[1] / "bench" / "synth.py"


def load_synth() -> ModuleType:
    """``bench/synth.py`` imported from its file (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("synth", SYNTH)
    assert spec and spec.loader
    synth = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = synth
    spec.loader.exec_module(synth)
    return synth
