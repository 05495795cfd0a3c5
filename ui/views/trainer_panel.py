"""Trainer view: a trainee's coding scored against a reference coder, code by code, with the passages
the trainee missed or coded wrongly — what a trainer needs to give feedback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store import coders
from workbench.training import trainee_scores


def _percent(value: float | None) -> str:
    if value is None:
        return "—"
    return QCoreApplication.translate("TrainerPanel", "{percent} %").format(percent=f"{100 * value:.0f}")


class TrainerPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.reference = QComboBox()
        self.trainee = QComboBox()
        for combo in (self.reference, self.trainee):  # compact, so the window's three panes fit its width
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.score_button = QPushButton(self.tr("Évaluer"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # one long line of scores, longer in English: wrap, not widen
        self.per_code = QTableWidget(0, 4)
        self.per_code.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Précision"), self.tr("Rappel"), self.tr("F1")])
        self.misses = QTableWidget(0, 3)
        self.false_alarms = QTableWidget(0, 3)
        for table in (self.misses, self.false_alarms):
            table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Document"), self.tr("Passage")])
        for table in (self.per_code, self.misses, self.false_alarms):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
        # The scores stay in view however long the code paths are: those take the room left, elided.
        header = self.per_code.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        self.per_code.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        tabs = QTabWidget()
        tabs.addTab(self.per_code, self.tr("Par code"))
        tabs.addTab(self.misses, self.tr("Oublis"))
        tabs.addTab(self.false_alarms, self.tr("Fausses alertes"))
        # Two rows: side by side, the choices and their labels were wider than the centre at 1024 px.
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Référence")), 0, 0)
        top.addWidget(self.reference, 0, 1)
        top.addWidget(QLabel(self.tr("Stagiaire")), 1, 0)
        top.addWidget(self.trainee, 1, 1)
        top.addWidget(self.score_button, 1, 2)
        top.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(tabs)
        self.score_button.clicked.connect(self.score)
        self.misses.cellDoubleClicked.connect(lambda row, _c: self._open(self._misses, row))
        self.false_alarms.cellDoubleClicked.connect(lambda row, _c: self._open(self._alarms, row))
        self._misses: list[dict] = []
        self._alarms: list[dict] = []

    def set_project(self, project: Project) -> None:
        self.project = project
        listed = coders.list_coders(project)
        for combo, preferred in ((self.reference, "reference"), (self.trainee, "trainee")):
            combo.clear()
            for coder in listed:
                combo.addItem(f"{coder['name']} ({coder['role']})", coder["name"])
            for index, coder in enumerate(listed):
                if coder["role"] == preferred:
                    combo.setCurrentIndex(index)
                    break

    def score(self) -> bool:
        if self.project is None or self.reference.count() == 0:
            return False
        try:
            report = trainee_scores.score_trainee(self.project, self.reference.currentData(), self.trainee.currentData())
        except WorkbenchError as exc:
            self.summary.setText(f"⚠ {exc}")
            return False
        self.summary.setText(
            self.tr("Passages : F1 {span_f1} (précision {precision}, rappel {recall}) · documents : F1 {document_f1}"
                    " · {misses}, {false_alarms}").format(
                span_f1=_percent(report.span.f1), precision=_percent(report.span.precision),
                recall=_percent(report.span.recall), document_f1=_percent(report.document.f1),
                misses=self.tr("%n oublis", "", len(report.misses)),
                false_alarms=self.tr("%n fausses alertes", "", len(report.false_alarms)),
            )
        )
        self.per_code.setRowCount(len(report.per_code))
        for row, item in enumerate(report.per_code):
            values = (item.code, _percent(item.span.precision), _percent(item.span.recall), _percent(item.span.f1))
            for column, value in enumerate(values):
                self.per_code.setItem(row, column, QTableWidgetItem(value))
        self._misses, self._alarms = report.misses, report.false_alarms
        for table, rows in ((self.misses, report.misses), (self.false_alarms, report.false_alarms)):
            table.setRowCount(len(rows))
            for row, entry in enumerate(rows):
                values = (str(entry.get("code", "")), str(entry.get("title") or entry.get("document_id")),
                          str(entry.get("text", "")).replace("\n", " "))
                for column, value in enumerate(values):
                    table.setItem(row, column, QTableWidgetItem(value))
        return True

    def _open(self, rows: list[dict], row: int) -> None:
        entry = rows[row]
        if {"document_id", "start", "end"} <= entry.keys():
            self.openMatch.emit(entry["document_id"], entry["start"], entry["end"])
