"""Charts panel: the engine draws a matplotlib Figure (`workbench.charts.make_chart`); this panel only
embeds it in a Qt canvas and offers the choices a chart needs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
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

LABELS = {
    "frequencies": "Fréquences des codes",
    "crosstab": "Code × variable",
    "cooccurrence": "Co-occurrences",
    "trends": "Tendances",
    "topics": "Thèmes",
    "agreement": "Accord inter-codeurs",
    "trainee": "Score du stagiaire",
    "relationship-map": "Carte des relations",
}


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.kind = QComboBox()
        for kind in charts.CHART_KINDS:
            self.kind.addItem(LABELS.get(kind, kind), kind)
        self.code = QComboBox()
        self.variable = QComboBox()
        self.draw_button = QPushButton("Tracer")
        self.save_button = QPushButton("Enregistrer…")
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
        path, _ = QFileDialog.getSaveFileName(self, "Enregistrer le graphique", "", "PNG (*.png);;SVG (*.svg)")
        if path:
            charts.save(self.canvas.figure, path)
