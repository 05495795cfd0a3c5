"""Brings the engine's change events (`workbench.events`) to the GUI thread.

A background job commits on a worker thread and the engine calls its listeners there; a Qt signal
emitted from that thread to an object living in the GUI thread is queued, so the window refreshes in its
own thread, after the commit, and only for the table groups that changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from workbench.events import ChangeEvent
from workbench.project import Project


class ChangeRelay(QObject):
    changed = Signal(object)  # a workbench.events.ChangeEvent

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._disconnect: Callable[[], None] | None = None

    def watch(self, project: Project) -> None:
        """Relay the events of `project` (and of its workers) from now on, and no longer those of the last."""
        self.stop()
        self._disconnect = project.events.connect(self._relay)

    def stop(self) -> None:
        if self._disconnect is not None:
            self._disconnect()
            self._disconnect = None

    def _relay(self, event: ChangeEvent) -> None:
        self.changed.emit(event)
