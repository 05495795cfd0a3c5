"""Progress reporting and cancellation shared by every long job (import, segmentation, embedding, topics).

Engine functions take an optional `progress` callback and an optional `CancelToken`; the CLI turns the
callback into a terminal progress bar, the GUI into a QProgressBar with a Cancel button.
"""

from __future__ import annotations

import threading
from typing import Protocol

from workbench.errors import Cancelled


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int | None, message: str = "") -> None: ...


def no_progress(done: int, total: int | None, message: str = "") -> None:
    """Default callback: report nothing."""


class CancelToken:
    """Thread-safe flag a worker checks between batches; `check()` raises `Cancelled` once set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
