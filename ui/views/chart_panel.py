"""Charts panel: the engine draws a matplotlib Figure (`workbench.charts.make_chart`) on a worker thread,
rendered there to an image at the size the panel shows it; this panel offers the choices a chart needs and
shows the image. The first chart imports matplotlib and runs an analysis (seconds on a large project):
none of that may hold the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.workers import Job
from workbench import charts
from workbench.project import Project

# Marked for lupdate here, translated when the panel is built.
LABELS = {
    "frequencies": QT_TRANSLATE_NOOP("ChartPanel", "Fréquences des codes"),
    "crosstab": QT_TRANSLATE_NOOP("ChartPanel", "Code × variable"),
    "cooccurrence": QT_TRANSLATE_NOOP("ChartPanel", "Co-occurrences"),
    "trends": QT_TRANSLATE_NOOP("ChartPanel", "Tendances"),
    "topics": QT_TRANSLATE_NOOP("ChartPanel", "Thèmes"),
    "agreement": QT_TRANSLATE_NOOP("ChartPanel", "Accord inter-codeurs"),
    "trainee": QT_TRANSLATE_NOOP("ChartPanel", "Score du stagiaire"),
    "relationship-map": QT_TRANSLATE_NOOP("ChartPanel", "Carte des relations"),
}


def _render(project: Project, kind: str, code: str | None, variable: str | None, size: tuple[int, int],
            **_job: Any) -> tuple[Any, bytes]:
    """The figure and its PNG at `size` pixels, on the job's own connection."""
    try:
        figure = charts.make_chart(project, kind, code=code, variable=variable)
    finally:
        project.close()
    figure.set_size_inches(size[0] / charts.DPI, size[1] / charts.DPI)
    return figure, charts.png_bytes(figure)


def _save(figure: Any, path: str, **_job: Any) -> None:
    charts.save(figure, path)


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.kind = QComboBox()
        for kind in charts.CHART_KINDS:
            self.kind.addItem(self.tr(LABELS[kind]) if kind in LABELS else kind, kind)
        self.code = QComboBox()
        # Code paths run long; sized to their full length they would widen the whole window.
        self.code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.code.setMinimumContentsLength(20)
        self.variable = QComboBox()
        self.draw_button = QPushButton(self.tr("Tracer"))
        self.save_button = QPushButton(self.tr("Enregistrer…"))
        self.save_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The picture never asks for room: a wide heatmap must not push the document list aside.
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.figure: Any = None
        self.job: Job | None = None
        for combo in (self.kind, self.code, self.variable):  # they share the centre's width, whatever it is
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        controls = QHBoxLayout()
        controls.addWidget(self.kind, 2)
        controls.addWidget(self.code, 3)
        controls.addWidget(self.variable, 2)
        controls.addWidget(self.draw_button)
        controls.addWidget(self.save_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(controls)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.picture, 1)
        self.draw_button.clicked.connect(self.draw)
        self.save_button.clicked.connect(self._save)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def set_project(self, project: Project, codes: list[tuple[str, str]], variables: list[str]) -> None:
        """`codes` are (label, path) pairs; `variables` names of case variables."""
        self.project = project
        self.code.clear()
        for label, path in codes:
            self.code.addItem(label, path)
        self.variable.clear()
        self.variable.addItems(variables)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.code.setVisible(kind in ("crosstab", "trends"))
        self.variable.setVisible(kind == "crosstab")

    def draw(self) -> Job | None:
        """Start drawing the chart chosen; None when there is no project or a chart is being drawn."""
        if self.project is None or self.job is not None:
            return None
        kind = self.kind.currentData()
        width, height = max(self.picture.width(), 480), max(self.picture.height(), 320)
        job = Job(
            _render, self.project.worker(), kind,
            self.code.currentData() if kind in ("crosstab", "trends") else None,
            self.variable.currentText() if kind == "crosstab" else None,
            (width, height),
        )
        job.signals.finished.connect(self._drawn)
        job.signals.failed.connect(self._failed)
        self.job = job
        self.draw_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.message.setText(self.tr("Tracé en cours…"))
        job.start()
        return job

    def _finished(self) -> None:
        self.job = None
        self.draw_button.setEnabled(True)
        self.unsetCursor()

    def _drawn(self, result: tuple[Any, bytes]) -> None:
        self._finished()
        self.figure, png = result
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.picture.setPixmap(pixmap)
        self.message.clear()
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._finished()
        self.message.setText(f"⚠ {message}")

    def _save(self) -> None:
        if self.figure is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Enregistrer le graphique"), "", "PNG (*.png);;SVG (*.svg)")
        if path:
            self.save_job = Job(_save, self.figure, path)
            self.save_job.signals.failed.connect(self._failed)
            self.save_job.start()
