"""The CJK font the charts draw with, so Chinese labels are not tofu boxes.

The first available of the fonts listed in :data:`CJK_FONT_FILES`, else any installed font whose
family name says it covers CJK, else the Noto Sans CJK SC subset the package ships for the network
page (matplotlib reads TrueType, not woff2, so it is converted once into the user's cache
directory). DejaVu Sans (matplotlib's own) stands behind it for the glyphs a subset lacks (—, ×).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from matplotlib import font_manager, rc_context

CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
_CJK_FAMILY_WORDS = ("CJK", "WenQuanYi", "Source Han", "Noto Sans SC", "Heiti", "SimHei", "Microsoft YaHei")
#: matplotlib's own font: every Latin and punctuation glyph a CJK subset may lack.
FALLBACK_FONT = "DejaVu Sans"


@cache
def cjk_font() -> str | None:
    """The family name of an installed CJK font, registered with matplotlib; None when absent."""
    for path in CJK_FONT_FILES:
        if Path(path).is_file():
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    for entry in font_manager.fontManager.ttflist:
        if any(word in entry.name for word in _CJK_FAMILY_WORDS):
            return str(entry.name)
    bundled = _bundled_font_as_ttf()
    if bundled is None:
        return None
    font_manager.fontManager.addfont(str(bundled))
    return str(font_manager.FontProperties(fname=str(bundled)).get_name())


def _bundled_font_as_ttf() -> Path | None:
    """The packaged woff2 font as an OpenType file matplotlib can read (cached per user)."""
    from fontTools.ttLib import TTFont

    from dutygraph.fonts import BUNDLED_FONT

    if not BUNDLED_FONT.is_file():
        return None
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dutygraph"
    target = cache / (BUNDLED_FONT.stem + f"-{BUNDLED_FONT.stat().st_size}.otf")
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(BUNDLED_FONT))
        font.flavor = None
        partial = target.with_suffix(".tmp")
        font.save(str(partial))
        partial.replace(target)  # atomic: a concurrent run never reads half a font
    return target


@contextmanager
def chart_fonts() -> Iterator[None]:
    """Every text of a figure built or saved inside in the CJK font, DejaVu Sans for what it lacks
    (and no random ids in an SVG)."""
    font = cjk_font()
    families = [font, FALLBACK_FONT] if font else [FALLBACK_FONT]
    with rc_context({"font.family": families, "svg.hashsalt": "dutygraph"}):
        yield
