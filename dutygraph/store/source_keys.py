"""What decides whether a file must be loaded again: its bytes, the options and the code that read it.

A *source key* is the SHA-256 of everything that goes into a document's RDF: the file's bytes, the
jurisdiction the user imposed (none: the loader reads it from the issuer), the alias file's bytes
and the version of the code that parses and maps (:func:`pipeline_version`). The store keeps each
document's key in its catalog, written in the same transaction that makes the document visible, so
a key the catalog holds always describes the version readers see — also after a crash. A load
whose key equals the stored one skips the file without parsing it or touching the backend.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

from dutygraph import __version__

#: The packages whose code and data make a document's RDF (a loader, a layout rule, an alias table).
_PIPELINE_PACKAGES = ("dutygraph.loaders", "dutygraph.ontology")


@cache
def pipeline_version() -> str:
    """A digest of dutygraph's version and of every file of the loaders and the ontology mapping.

    Hashing the files rather than trusting the version number makes an edited layout rule in a
    development checkout reload what it may read differently (~1 MB read once per process).
    """
    digest = hashlib.sha256(__version__.encode())
    for package in _PIPELINE_PACKAGES:
        root = Path(str(resources.files(package)))
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(content: bytes, *, jurisdiction: str | None, aliases: bytes | None) -> str:
    """The key of one file's content read with these options by this dutygraph."""
    digest = hashlib.sha256(pipeline_version().encode())
    for part in (
        jurisdiction.encode("utf-8", "surrogatepass") if jurisdiction is not None else None,
        aliases,
        content,
    ):
        # A length prefix keeps the parts apart (no two option sets hash alike); -1 marks "none".
        digest.update(str(-1 if part is None else len(part)).encode() + b":")
        digest.update(part or b"")
    return digest.hexdigest()
