"""Long jobs off the GUI thread, with progress, cancel and error signals.

A `Job` wraps an engine function that accepts `progress=` and `cancel=` keyword arguments (the engine's
convention for every long job). It runs in the global QThreadPool; the window connects its signals to a
progress bar and a Cancel button. Engine errors (`WorkbenchError`) arrive as a message for a dialog;
anything else arrives with its traceback, because it is a bug.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ui.refusals import refusal_text
from workbench.errors import Cancelled, WorkbenchError, os_error_message
from workbench.progress import CancelToken


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total (-1 when unknown), message
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """Runs `function(*args, progress=..., cancel=..., **kwargs)` in a worker thread."""

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.token = CancelToken()
        self.signals = JobSignals()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.token.cancel()

    def _report(self, done: int, total: int | None, message: str = "") -> None:
        self.signals.progress.emit(int(done), -1 if total is None else int(total), message)
        self.token.check()

    def run(self) -> None:
        if self.token.cancelled:  # cancelled before it started (a window closed meanwhile): nothing to do
            self.signals.cancelled.emit()
            return
        try:
            result = self.function(*self.args, progress=self._report, cancel=self.token, **self.kwargs)
        except Cancelled:
            self.signals.cancelled.emit()
        except WorkbenchError as exc:
            self.signals.failed.emit(refusal_text(exc))
        except OSError as exc:  # a full disk, a folder that cannot be written: the user's to fix
            self.signals.failed.emit(os_error_message(exc))
        except Exception:  # noqa: BLE001 — a bug: show its traceback rather than hide it
            self.signals.failed.emit(traceback.format_exc())
        else:
            self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
