"""The status bar's word on the compute device (CPU, or the GPU's name), which says how fast suggestions
and topics will run.

Finding out asks the driver (`nvidia-smi`, tens of milliseconds) and reads how torch was built without
importing it (an import costs a second and hundreds of MB): done once per process in a worker thread half
a second after the window is shown, never on the GUI thread at start-up. The detection job is
kept here, not by a label, so a window closed meanwhile (or rebuilt in another language) never deletes a
job that is still running."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.workers import Job

START_DELAY_MS = 500
_known: dict[str, Any] = {}
_detection: list[Job] = []  # at most one, for the life of the process
_announcer: list[_Announcer] = []


class _Announcer(QObject):
    """Tells every label alive when the report comes, those built after the job started included."""

    known = Signal(object)


def announcer() -> _Announcer:
    if not _announcer:
        _announcer.append(_Announcer())
    return _announcer[0]


def _report(*, progress: object = None, cancel: object = None) -> dict[str, Any]:
    from workbench.suggest.device import quick_report

    return quick_report()


def _keep(report: dict[str, Any]) -> None:
    _known.update(report)
    announcer().known.emit(report)


def detection() -> Job:
    """The process's one device detection, started at the first call."""
    if not _detection:
        job = Job(_report)
        job.signals.finished.connect(_keep)
        job.signals.failed.connect(lambda _message: _keep({"cuda": False}))
        _detection.append(job)
        job.start()
    return _detection[0]


class DeviceLabel(QLabel):
    """Shows « Calcul : … » until the device is known, then CPU or the GPU's name and memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if _known:
            self.show_report(_known)
            return
        self.setText(self.tr("Calcul : …"))
        announcer().known.connect(self.show_report)

    def showEvent(self, event: QShowEvent) -> None:
        """The detection starts once the window is on screen, so it never delays the first paint."""
        super().showEvent(event)
        if not _known and not _detection:
            QTimer.singleShot(START_DELAY_MS, detection)

    def show_report(self, report: dict[str, Any]) -> None:
        if report.get("cuda"):
            self.setText(self.tr("Calcul : GPU {name}").format(name=report.get("gpu", "")))
            self.setToolTip(self.tr("{memory} Gio, CUDA {cuda}").format(
                memory=report.get("gpu_memory_gib", "?"), cuda=report.get("cuda_version", "?")))
        else:
            self.setText(self.tr("Calcul : CPU"))
            self.setToolTip(self.tr("{cpu}, {count} cœurs ; aucun GPU CUDA utilisable").format(
                cpu=report.get("cpu", ""), count=report.get("cpu_count", "?")))
