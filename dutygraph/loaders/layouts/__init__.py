"""One module per layout family; each scans lines forward and emits :class:`~dutygraph.loaders.items.Item` s.

- :mod:`.numbered` — text notices: sections, numbered tasks, assignment lines and brackets
  (layouts 1–6 and 9 of issue 2), dispatching to the others when it meets their cues;
- :mod:`.paragraphs` — unnumbered tasks closed by bracketed assignments (layout 8);
- :mod:`.flat_table` — tables flattened to one cell per line (layout 7);
- :mod:`.rows` — tables with real cells: .docx/.xlsx/.csv/HTML tables and ``|``-separated text (layout 7).
"""
