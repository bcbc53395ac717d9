"""One module per layout family; each scans lines forward and emits :class:`~dutygraph.loaders.items.Item` s.

- :mod:`.numbered` — text notices: sections, numbered tasks, assignment lines and brackets, leader
  sections and portfolios, dispatching to the others when it meets their cues;
- :mod:`.paragraphs` — tasks closed by bracketed assignments or run-in role chains;
- :mod:`.flat_table` — tables flattened to one cell per line;
- :mod:`.run_together` — tables whose cells lost their separators, read by unit-name shapes;
- :mod:`.rows` — tables with real cells: .docx/.xlsx/.xls/.csv/HTML tables and ``|``-separated text.
"""
