"""Read documents (text, HTML, .docx, .xlsx/.csv, PDF) into :class:`ParsedDocument` records."""
