"""The records a loader produces: the contract between ``loaders`` and ``ontology``.

Strings stay exactly as printed in the document (trimmed, convention notes removed).
Meaning — canonical unit names, kinds, IRIs — is assigned once, in ``dutygraph.ontology``.
``ParsedDocument.to_json()`` has the shape ``tests/data/loaders/parse.schema.json`` describes (a
test validates it), the JSON ``dutygraph parse`` prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Leader:
    """A supervising or assisting leader as printed: "钱三雄" + "市长"."""

    name: str | None
    post: str | None


@dataclass
class Task:
    """One numbered (or unnumbered) task and its assignment."""

    id: str
    attachment: str | None
    section: str | None
    number: str | None
    text: str
    leaders: list[Leader] = field(default_factory=list)
    assisting_leaders: list[Leader] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)
    co_units: list[str] = field(default_factory=list)
    deadline: str | None = None
    line: int = 0
    #: the innermost sub-heading the task sits under ("（一）加快科技创新"), as printed; added field.
    subsection: str | None = None


@dataclass(frozen=True)
class ParseWarning:
    """Something doubtful, with the line it came from and a stable code."""

    line: int | None
    code: str
    message: str


@dataclass
class DocumentInfo:
    """Document metadata as printed; ``date`` is ISO (YYYY-MM-DD) when found."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None


@dataclass
class ParsedDocument:
    """Everything a loader read from one document."""

    source: str
    document: DocumentInfo
    tasks: list[Task] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    #: Free-form facts about the read (encoding, recognised table columns, layout names).
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``parse.schema.json`` (plus ``meta``)."""
        return {
            "source": self.source,
            "document": asdict(self.document),
            "tasks": [asdict(t) for t in self.tasks],
            "warnings": [asdict(w) for w in self.warnings],
            "meta": self.meta,
        }
