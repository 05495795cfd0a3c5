"""Analysis pane (the "Graphiques" tab): frequencies, code x variable crosstabs with chi-square and
residuals, co-occurrence, trends, topics, agreement, trainee scores and the relationship map, each as a
table and a chart.

`workbench.charts.make_analysis` runs on a worker thread, which also renders the chart to an image at the
size the pane shows it and turns the table into text: the first chart imports matplotlib and an analysis
can take seconds on a large project, and none of that may hold the window. The GUI thread only hands the
text to a model and the image to a label. The chart is a rendered picture, not a live canvas: drawing a
large heatmap again on every resize or pan would cost the GUI thread hundreds of milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.views.frame_table import FrameModel, as_tsv, format_rows
from ui.widgets import shrinking_combo
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
# The engine's column names, as the table's headers say them.
COLUMNS = {
    "path": QT_TRANSLATE_NOOP("ChartPanel", "Code"),
    "code": QT_TRANSLATE_NOOP("ChartPanel", "Code"),
    "documents": QT_TRANSLATE_NOOP("ChartPanel", "Documents"),
    "codings": QT_TRANSLATE_NOOP("ChartPanel", "Codages"),
    "share": QT_TRANSLATE_NOOP("ChartPanel", "Part"),
    "row": QT_TRANSLATE_NOOP("ChartPanel", "Ligne"),
    "column": QT_TRANSLATE_NOOP("ChartPanel", "Colonne"),
    "count": QT_TRANSLATE_NOOP("ChartPanel", "Effectif"),
    "column_percent": QT_TRANSLATE_NOOP("ChartPanel", "% de la colonne"),
    "expected": QT_TRANSLATE_NOOP("ChartPanel", "Effectif attendu"),
    "residual": QT_TRANSLATE_NOOP("ChartPanel", "Résidu standardisé ajusté"),
    "path_a": QT_TRANSLATE_NOOP("ChartPanel", "Code A"),
    "path_b": QT_TRANSLATE_NOOP("ChartPanel", "Code B"),
    "n_a": QT_TRANSLATE_NOOP("ChartPanel", "Documents A"),
    "n_b": QT_TRANSLATE_NOOP("ChartPanel", "Documents B"),
    "both": QT_TRANSLATE_NOOP("ChartPanel", "Les deux"),
    "jaccard": QT_TRANSLATE_NOOP("ChartPanel", "Jaccard"),
    "period": QT_TRANSLATE_NOOP("ChartPanel", "Période"),
    "total_documents": QT_TRANSLATE_NOOP("ChartPanel", "Documents de la période"),
    "topic": QT_TRANSLATE_NOOP("ChartPanel", "Thème"),
    "label": QT_TRANSLATE_NOOP("ChartPanel", "Libellé"),
    "size": QT_TRANSLATE_NOOP("ChartPanel", "Unités"),
    "keywords": QT_TRANSLATE_NOOP("ChartPanel", "Mots-clés"),
    "n_units": QT_TRANSLATE_NOOP("ChartPanel", "Unités"),
    "percent_agreement": QT_TRANSLATE_NOOP("ChartPanel", "% d'accord"),
    "cohen_kappa": QT_TRANSLATE_NOOP("ChartPanel", "Kappa de Cohen"),
    "krippendorff_alpha": QT_TRANSLATE_NOOP("ChartPanel", "Alpha de Krippendorff"),
    "span_precision": QT_TRANSLATE_NOOP("ChartPanel", "Précision (passages)"),
    "span_recall": QT_TRANSLATE_NOOP("ChartPanel", "Rappel (passages)"),
    "span_f1": QT_TRANSLATE_NOOP("ChartPanel", "F1 (passages)"),
    "document_f1": QT_TRANSLATE_NOOP("ChartPanel", "F1 (documents)"),
    "valence": QT_TRANSLATE_NOOP("ChartPanel", "Valence"),
    "intimacy": QT_TRANSLATE_NOOP("ChartPanel", "Intimité"),
}
NEEDS_CODE = ("crosstab", "trends")


@dataclass
class Drawn:
    """What the worker hands back: the figure (kept for export), its picture, the table as text."""

    figure: Any
    png: bytes
    columns: list[str]
    rows: list[list[str]]
    note: str


def _render(project: Project, kind: str, code: str | None, variable: str | None, size: tuple[int, int],
            lang: str, **_job: Any) -> Drawn:
    """The analysis, its chart at `size` pixels and its table as text, on the job's own connection."""
    try:
        result = charts.make_analysis(project, kind, code=code, variable=variable, lang=lang)
    finally:
        project.close()
    result.figure.set_size_inches(size[0] / charts.DPI, size[1] / charts.DPI)
    return Drawn(result.figure, charts.png_bytes(result.figure), [str(c) for c in result.table.columns],
                 format_rows(result.table), result.note)


def _save(figure: Any, path: str, **_job: Any) -> str:
    return str(charts.save(figure, path))


def _language() -> str:
    from ui.app import current_language

    return current_language()


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.kind = QComboBox()
        for kind in charts.CHART_KINDS:
            self.kind.addItem(self.tr(LABELS[kind]) if kind in LABELS else kind, kind)
        self.code = shrinking_combo(20)  # code paths run long
        self.variable = QComboBox()
        self.draw_button = QPushButton(self.tr("Tracer"))
        self.save_button = QPushButton(self.tr("Enregistrer…"))
        self.save_button.setToolTip(self.tr("Enregistrer le graphique en PNG ou SVG"))
        self.copy_table_button = QPushButton(self.tr("Copier le tableau"))
        self.copy_table_button.setToolTip(self.tr("Copie le tableau, séparé par des tabulations, pour un tableur"))
        self.copy_chart_button = QPushButton(self.tr("Copier l'image"))
        for button in (self.save_button, self.copy_table_button, self.copy_chart_button):
            button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The picture never asks for room: a wide heatmap must not push the document list aside.
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.model = FrameModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.drawn: Drawn | None = None
        self.job: Job | None = None
        self.save_job: Job | None = None
        for combo in (self.kind, self.variable):  # they share the centre's width, whatever it is
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        controls = QHBoxLayout()
        controls.addWidget(self.kind, 2)
        controls.addWidget(self.code, 3)
        controls.addWidget(self.variable, 2)
        controls.addWidget(self.draw_button)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        for button in (self.copy_table_button, self.copy_chart_button, self.save_button):
            actions.addWidget(button)
        # One above the other: the centre is often narrow, and a chart squeezed beside a table is unreadable.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.picture)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.table.setMinimumHeight(90)
        self.picture.setMinimumHeight(160)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(controls)
        self.layout_.addLayout(actions)
        self.layout_.addWidget(self.splitter, 1)
        self.draw_button.clicked.connect(self.draw)
        self.save_button.clicked.connect(self._save)
        self.copy_table_button.clicked.connect(self.copy_table)
        self.copy_chart_button.clicked.connect(self.copy_chart)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    @property
    def figure(self) -> Any:
        return self.drawn.figure if self.drawn is not None else None

    def set_project(self, project: Project, codes: list[tuple[str, str]], variables: list[str]) -> None:
        """`codes` are (label, path) pairs; `variables` names of case variables."""
        self.project = project
        chosen_code, chosen_variable = self.code.currentData(), self.variable.currentText()
        self.code.clear()
        self.code.addItem(self.tr("Tous les codes de premier niveau"), None)  # trends only: a crosstab needs one
        for label, path in codes:
            self.code.addItem(label, path)
        self.code.setCurrentIndex(max(self.code.findData(chosen_code), 0))
        self._kind_changed()
        self.variable.clear()
        self.variable.addItems(variables)
        self.variable.setCurrentIndex(max(self.variable.findText(chosen_variable), 0))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.code.setVisible(kind in NEEDS_CODE)
        self.variable.setVisible(kind == "crosstab")
        if kind == "crosstab" and self.code.currentData() is None and self.code.count() > 1:
            self.code.setCurrentIndex(1)

    def draw(self) -> Job | None:
        """Start the analysis chosen; None when there is no project or one is running."""
        if self.project is None or self.job is not None:
            return None
        kind = self.kind.currentData()
        if kind == "crosstab" and (self.code.currentData() is None or not self.variable.currentText()):
            self.message.setText(self.tr("Choisissez un code et une variable pour le tableau croisé."))
            return None
        width, height = max(self.picture.width(), 480), max(self.picture.height(), 320)
        job = Job(
            _render, self.project.worker(), kind,
            self.code.currentData() if kind in NEEDS_CODE else None,
            self.variable.currentText() if kind == "crosstab" else None,
            (width, height), _language(),
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

    def _drawn(self, drawn: Drawn) -> None:
        self._finished()
        self.drawn = drawn
        pixmap = QPixmap()
        pixmap.loadFromData(drawn.png, "PNG")
        self.picture.setPixmap(pixmap)
        self.model.set_rows(self.headers(drawn.columns), drawn.rows)
        if len(drawn.rows) <= 500:  # measuring every cell of a longer table would hold the window
            self.table.resizeColumnsToContents()
        self.message.setText(drawn.note)
        for button in (self.save_button, self.copy_table_button, self.copy_chart_button):
            button.setEnabled(True)

    def headers(self, columns: list[str]) -> list[str]:
        return [self.tr(COLUMNS[column]) if column in COLUMNS else column for column in columns]

    def _failed(self, message: str) -> None:
        self._finished()
        self.message.setText(f"⚠ {message}")

    def copy_table(self) -> None:
        """The table as tab-separated text, headers first, as a spreadsheet pastes it."""
        if self.drawn is not None:
            QGuiApplication.clipboard().setText(as_tsv(self.model.headers, self.model.rows))
            self.message.setText(self.tr("Tableau copié."))

    def copy_chart(self) -> None:
        if self.drawn is not None and self.picture.pixmap() is not None:
            QGuiApplication.clipboard().setPixmap(self.picture.pixmap())
            self.message.setText(self.tr("Image copiée."))

    def _save(self) -> None:
        if self.figure is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Enregistrer le graphique"), "", "PNG (*.png);;SVG (*.svg)")
        if path:
            self.export(path)

    def export(self, path: str) -> Job | None:
        """Write the chart shown to `path` (.png or .svg) on a worker; the message says where it went."""
        if self.figure is None:
            return None
        job = Job(_save, self.figure, path)
        job.signals.finished.connect(lambda written: self.message.setText(
            self.tr("Graphique enregistré : {path}").format(path=written)))
        job.signals.failed.connect(self._failed)
        self.save_job = job
        job.start()
        return job
