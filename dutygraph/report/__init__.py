"""The written outputs: rows in every format (``tables``), the report folder (``files``) and its
charts (``charts``)."""
