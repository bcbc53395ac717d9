"""The sync's progress bar: documents done out of documents to write, on stderr."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ProgressBar:
    """A rich progress bar over documents (on stderr; silent when disabled or not a terminal)."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[str], None]:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("syncing {task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("documents", total=self.total)

        def advance(name: str) -> None:
            if self._bar is not None:
                self._bar.update(self._task, advance=1, description=name or "documents")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


__all__ = ["ProgressBar"]
