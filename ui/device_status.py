"""The status bar's word on the compute device (CPU, or the GPU's name), which says how fast suggestions
and topics will run.

Finding out means importing torch, about 1.1 s on the build machine: done once per process in a worker
thread half a second after the window is up, never on the GUI thread at start-up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.workers import Job

START_DELAY_MS = 500
_known: dict[str, Any] = {}


def _detect(*, progress: object = None, cancel: object = None) -> dict[str, Any]:
    from workbench.suggest.device import device_report

    return device_report()


class DeviceLabel(QLabel):
    """Shows « Calcul : … » until the device is known, then CPU or the GPU's name and memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        if _known:
            self.show_report(_known)
            return
        self.setText(self.tr("Calcul : …"))
        QTimer.singleShot(START_DELAY_MS, self._detect)

    def _detect(self) -> None:
        """Once the window is up: the import would compete with the window's first paint."""
        if _known:
            self.show_report(_known)
            return
        self.job = Job(_detect)
        self.job.signals.finished.connect(self.show_report)
        self.job.signals.failed.connect(self._undetected)
        self.job.start()

    def _undetected(self, _message: str) -> None:
        """torch failed to load: the suggestion jobs will run on the CPU, so that is what to say."""
        self.job = None
        self.setText(self.tr("Calcul : CPU"))

    def show_report(self, report: dict[str, Any]) -> None:
        _known.update(report)
        self.job = None
        if report.get("cuda"):
            self.setText(self.tr("Calcul : GPU {name}").format(name=report.get("gpu", "")))
            self.setToolTip(self.tr("{memory} Gio, CUDA {cuda}").format(
                memory=report.get("gpu_memory_gib", "?"), cuda=report.get("cuda_version", "?")))
        else:
            self.setText(self.tr("Calcul : CPU"))
            self.setToolTip(self.tr("{cpu}, {count} cœurs ; aucun GPU CUDA utilisable").format(
                cpu=report.get("cpu", ""), count=report.get("cpu_count", "?")))
