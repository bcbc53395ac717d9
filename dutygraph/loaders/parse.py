"""Lines → :class:`ParsedDocument`: metadata, the layout scan, then the assembling pass."""

from __future__ import annotations

import re

from dutygraph.errors import InputError
from dutygraph.gcpause import gc_paused
from dutygraph.loaders.assemble import assemble
from dutygraph.loaders.labels import with_bare_label_colons
from dutygraph.loaders.layouts.numbered import read_numbered
from dutygraph.loaders.metadata import read_metadata
from dutygraph.loaders.read import Source
from dutygraph.loaders.records import ParsedDocument
from dutygraph.loaders.segment import restore_lines
from dutygraph.loaders.sub_headers import joined_sub_headers
from dutygraph.loaders.text import Line
from dutygraph.loaders.units import states_first_leads

#: "# source: …" / "# layout: …": a note about the file, written above its text by whoever kept it.
_FILE_NOTE_RE = re.compile(r"^#\s*[a-z]+\s*:")
#: Such notes stand above the text, in its first lines.
_FILE_NOTE_LINES = 5


#: Tasks found and not one names a unit or a leader: a work summary, an article, a penalty decision — not a
#: notice. Loading it would put bogus tasks in the store; a notice whose assignments are worded in ways the
#: loaders do not read yet is refused the same way, which says so instead of loading nothing true.


#: Runs, not single characters: counting the length of each run allocates one string per run instead
#: of one per character (a notice's first 6,000 characters are mostly Han).
_HAN_RE = re.compile("[\u4e00-\u9fff]+")
_LATIN_RE = re.compile("[A-Za-z]+")
#: A notice is Chinese text: at least this share of its letters are Han characters. A README, a code file
#: or an English article quoting a few Chinese examples falls below it.
_MIN_HAN_SHARE = 0.3
#: Fewer Latin letters than this cannot outweigh a notice's Han text (and "①" alone is left to the scan).
_FEW_LETTERS = 200
#: The check reads the start of the text: a notice's language shows in its first pages.
_SAMPLE_CHARS = 6000


#: Every ASCII byte but the Latin letters, deleted to count the letters.
_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def latin_letters(text: str) -> int:
    """How many letters ``_LATIN_RE`` finds in ``text``, counted over its ASCII bytes by two C passes
    (the pattern walks every character of a Han text and makes a string of each run it finds)."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_LETTERS))


def _reads_as_chinese(lines: list[Line]) -> bool:
    sample = "".join([line.text.n for line in lines[:200]])[:_SAMPLE_CHARS]
    latin = latin_letters(sample)
    if latin < _FEW_LETTERS:
        return True  # the common case, decided without counting the Han characters
    han = sum(map(len, _HAN_RE.findall(sample)))
    return han >= _MIN_HAN_SHARE * (han + latin)


@gc_paused()  # the scan builds no reference cycles; the collector's sweeps cost a tenth of a parse
def parse_source(source: Source, name: str) -> ParsedDocument:
    """Parse lines already read; raise :class:`~dutygraph.errors.InputError` when no task can be found."""
    lines = source.lines
    if not lines:
        raise InputError(f"{name}: the document holds no text")
    head = [line for line in lines[:_FILE_NOTE_LINES] if not _FILE_NOTE_RE.match(line.text.n)]
    lines = restore_lines(joined_sub_headers(with_bare_label_colons(head + lines[_FILE_NOTE_LINES:])))
    if not lines:
        raise InputError(f"{name}: the document holds no text")
    if not _reads_as_chinese(lines):
        raise InputError(
            f"{name}: the text is mostly not Chinese — this does not look like a responsibility notice "
            "(责任分解/任务分工)"
        )
    info = read_metadata(lines)
    state = read_numbered(lines)
    tasks, warnings, meta = assemble(state, first_leads=states_first_leads(lines))
    if not tasks:
        raise InputError(
            f"{name}: no tasks found — this does not look like a responsibility notice (责任分解/任务分工)"
        )
    if not any(t.lead_units or t.co_units or t.leaders or t.assisting_leaders for t in tasks):
        raise InputError(
            f"{name}: {len(tasks)} numbered paragraphs but none names a responsible unit or leader — "
            "this does not look like a responsibility notice (责任分解/任务分工)"
        )
    all_warnings = sorted(state.warnings + warnings, key=lambda w: (w.line is None, w.line or 0))
    return ParsedDocument(
        source=name,
        document=info,
        tasks=tasks,
        warnings=all_warnings,
        meta={**source.meta, "layouts": state.layouts, **state.meta, **meta, "lines": lines[-1].no},
    )
