"""Charts panel: the engine draws a matplotlib Figure (`workbench.charts.make_chart`); this panel only
embeds it in a Qt canvas and offers the choices a chart needs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import charts
from workbench.errors import WorkbenchError
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
        self.message = QLabel()
        self.canvas: FigureCanvasQTAgg | None = None
        controls = QHBoxLayout()
        for widget in (self.kind, self.code, self.variable, self.draw_button, self.save_button):
            controls.addWidget(widget)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(controls)
        self.layout_.addWidget(self.message)
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

    def draw(self) -> bool:
        if self.project is None:
            return False
        kind = self.kind.currentData()
        try:
            figure = charts.make_chart(
                self.project, kind,
                code=self.code.currentData() if kind in ("crosstab", "trends") else None,
                variable=self.variable.currentText() if kind == "crosstab" else None,
            )
        except WorkbenchError as exc:
            self.message.setText(f"⚠ {exc}")
            return False
        self.message.clear()
        if self.canvas is not None:
            self.layout_.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = FigureCanvasQTAgg(figure)
        self.layout_.addWidget(self.canvas, 1)
        self.canvas.draw()
        return True

    def _save(self) -> None:
        if self.canvas is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Enregistrer le graphique"), "", "PNG (*.png);;SVG (*.svg)")
        if path:
            charts.save(self.canvas.figure, path)
