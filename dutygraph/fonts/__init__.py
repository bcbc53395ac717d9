"""The Chinese font inlined into every page: a subset of Noto Sans CJK SC as a woff2 data URI.

Where the glyphs come from (decided for planners, whose intranet machines may have no CJK font and
no internet, and for CI, which must be able to check the page is not tofu):

1. ``NotoSansCJKsc-GB2312.woff2`` (beside this module) ships in the package: Noto Sans CJK SC (SIL OFL 1.1,
   ``LICENSE-NotoSansCJK-OFL.txt``) cut down to GB 2312 — its 6,763 hanzi, punctuation and
   symbols — plus ASCII and the typography GB 2312 lacks (:data:`TYPOGRAPHY`: its dash decodes as
   U+2015, not the "—" every page prints), 1.1 MB. Every page is subset from it (tens of milliseconds), so pages do not
   depend on what the machine that writes them has installed, and come out byte-identical anywhere.
2. If a page uses a CJK character outside GB 2312 (rare in government notices: a few place or
   person names), the full Noto Sans CJK SC from the system (``fonts-noto-cjk``, or the file named by
   ``$DUTYGRAPH_CJK_FONT``) is subset instead — about 12 s, once per process and character set.
3. If that system font is absent too, the page is still written from the bundled font: the missing
   characters fall back to the viewer's own fonts and :func:`page_font` reports them so callers can warn.

An explicitly requested font file that does not exist is an :class:`InputError`.

``python -m dutygraph.fonts`` rebuilds the bundled file from the system font.
"""

from __future__ import annotations

import base64
import functools
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from dutygraph.errors import InputError, InternalError

BUNDLED_FONT = Path(__file__).parent / "NotoSansCJKsc-GB2312.woff2"
SYSTEM_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
)
FONT_ENV = "DUTYGRAPH_CJK_FONT"
#: The CSS family name pages use for the inlined subset.
FAMILY = "Dutygraph Noto Sans SC"
_SC_FAMILY = "Noto Sans CJK SC"


@dataclass(frozen=True)
class PageFont:
    """A woff2 subset ready for ``@font-face``; ``missing`` lists page characters it has no glyph for."""

    woff2: bytes
    source: str
    missing: str

    @property
    def data_uri(self) -> str:
        return "data:font/woff2;base64," + base64.b64encode(self.woff2).decode("ascii")


def _options() -> subset.Options:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records
    options.notdef_outline = True
    options.hinting = False
    options.recalc_timestamp = False
    return options


def _open(path: Path) -> TTFont:
    """Open a font file; in a collection pick the Simplified Chinese face."""
    if path.suffix.lower() in {".ttc", ".otc"}:
        for number in range(16):
            try:
                font = TTFont(path, fontNumber=number, lazy=True, recalcTimestamp=False)
            except (IndexError, OSError):
                break
            if font["name"].getDebugName(1) == _SC_FAMILY:
                return font
        raise InputError(f"{path} holds no '{_SC_FAMILY}' face")
    return TTFont(path, lazy=False, recalcTimestamp=False)


def _subset(path: Path, text: str) -> bytes:
    font = _open(path)
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=sorted({ord(c) for c in text}))
    subsetter.subset(font)
    font.flavor = "woff2"
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=False)
    return buffer.getvalue()


@functools.lru_cache(maxsize=4)
def _cmap(path: Path) -> frozenset[int]:
    return frozenset(_open(path).getBestCmap())


def system_font() -> Path | None:
    """``$DUTYGRAPH_CJK_FONT`` if set (it must exist), else the first Debian/Fedora Noto CJK path found."""
    named = os.environ.get(FONT_ENV)
    if named:
        path = Path(named)
        if not path.is_file():
            raise InputError(f"${FONT_ENV} names {path}, which is not a font file")
        return path
    return next((p for p in SYSTEM_FONTS if p.is_file()), None)


def _needs_glyph(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


@functools.lru_cache(maxsize=32)
def page_font(text: str) -> PageFont:
    """The smallest font that draws every character of ``text`` (plus ASCII) — see the module doc."""
    chars = "".join(sorted({c for c in text if _needs_glyph(c)} | {chr(c) for c in range(0x20, 0x7F)}))
    if not BUNDLED_FONT.is_file():  # a broken install: say what to do rather than write tofu
        raise InternalError(f"the bundled font {BUNDLED_FONT} is missing; reinstall dutygraph")
    bundled = _cmap(BUNDLED_FONT)
    outside = "".join(c for c in chars if ord(c) not in bundled)
    source = BUNDLED_FONT
    if outside and (system := system_font()) is not None and any(ord(c) in _cmap(system) for c in outside):
        source = system
    covered = _cmap(source)
    missing = "".join(c for c in chars if ord(c) not in covered)
    return PageFont(_subset(source, chars), source.name, missing)


#: Characters outside GB 2312 that pages print: dashes of titles and year spans, the middle dot of
#: "市发展改革委 · 湖州市 2019", the breadcrumb arrow, the warning sign, curly quotes.
TYPOGRAPHY = "—–·›‹«»“”‘’⚠"


def gb2312_characters() -> str:
    """Every character of GB 2312 (hanzi levels 1 and 2, punctuation, symbols), ASCII and
    :data:`TYPOGRAPHY`: what the bundled font holds."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | set(TYPOGRAPHY)
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


def build_bundled_font(source: Path | None = None, target: Path = BUNDLED_FONT) -> Path:
    """Rebuild the bundled GB 2312 subset from the system's Noto Sans CJK SC."""
    source = source or system_font()
    if source is None:
        raise InputError("Noto Sans CJK SC not found: install the Debian package fonts-noto-cjk")
    target.write_bytes(_subset(source, gb2312_characters()))
    return target
