"""Trainer view (the Formation tab): the results of exercises handed out to trainees (`FeedbackView`), and
any two coders of the project compared, code by code, with the passages one missed or coded wrongly."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.views.feedback_view import FeedbackView
from ui.views.score_table import ScoreTable
from ui.views.score_table import percent as _percent
from ui.workers import Job
from workbench.project import Project
from workbench.store import coders
from workbench.training import trainee_scores


def _score(project: Project, reference: str, trainee: str, **_job: Any) -> trainee_scores.TraineeReport:
    return trainee_scores.score_trainee(project, reference, trainee)


class TrainerPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.job: Job | None = None
        self.reference = QComboBox()
        self.trainee = QComboBox()
        for combo in (self.reference, self.trainee):  # compact, so the window's three panes fit its width
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.score_button = QPushButton(self.tr("Évaluer"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # one long line of scores, longer in English: wrap, not widen
        # The scores stay in view however long the code paths are: those take the room left, elided in the middle.
        self.per_code = ScoreTable([self.tr("Code"), self.tr("Précision"), self.tr("Rappel"), self.tr("F1")],
                                   numeric=(1, 2, 3))
        self.misses = ScoreTable([self.tr("Code"), self.tr("Document"), self.tr("Passage")], compact=(1,))
        self.false_alarms = ScoreTable([self.tr("Code"), self.tr("Document"), self.tr("Passage")], compact=(1,))
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
        pair_page = QWidget()
        pair_layout = QVBoxLayout(pair_page)
        pair_layout.addLayout(top)
        pair_layout.addWidget(self.summary)
        pair_layout.addWidget(tabs)
        self.exercises = FeedbackView()
        self.exercises.openMatch.connect(self.openMatch)
        self.pages = QTabWidget()
        self.pages.addTab(self.exercises, self.tr("Exercices"))
        self.pages.addTab(pair_page, self.tr("Deux codeurs"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.score_button.clicked.connect(self.score)
        self.misses.cellDoubleClicked.connect(lambda row, _c: self._open(self.misses, self._misses, row))
        self.false_alarms.cellDoubleClicked.connect(lambda row, _c: self._open(self.false_alarms, self._alarms, row))
        self._misses: list[dict] = []
        self._alarms: list[dict] = []

    def set_project(self, project: Project) -> None:
        self.project = project
        self.exercises.set_project(project)
        listed = coders.list_coders(project)
        for combo, preferred in ((self.reference, "reference"), (self.trainee, "trainee")):
            combo.clear()
            for coder in listed:
                combo.addItem(f"{coder['name']} ({coder['role']})", coder["name"])
            for index, coder in enumerate(listed):
                if coder["role"] == preferred:
                    combo.setCurrentIndex(index)
                    break

    def score(self) -> Job | None:
        """Score the trainee on a worker thread (thousands of codings take longer than a frame); None when
        there is nobody to score or a scoring runs."""
        if self.project is None or self.reference.count() == 0 or self.job is not None:
            return None
        job = Job(_score, self.project.worker(), self.reference.currentData(), self.trainee.currentData())
        job.signals.finished.connect(self._scored)
        job.signals.failed.connect(self._failed)
        self.job = job
        self.score_button.setEnabled(False)
        job.start()
        return job

    def _failed(self, message: str) -> None:
        self.job = None
        self.score_button.setEnabled(True)
        self.summary.setText(f"⚠ {message}")

    def _scored(self, report: trainee_scores.TraineeReport) -> None:
        self.job = None
        self.score_button.setEnabled(True)
        self.summary.setText(
            self.tr("Passages : F1 {span_f1} (précision {precision}, rappel {recall}) · documents : F1 {document_f1}"
                    " · {misses}, {false_alarms}").format(
                span_f1=_percent(report.span.f1), precision=_percent(report.span.precision),
                recall=_percent(report.span.recall), document_f1=_percent(report.document.f1),
                misses=self.tr("%n oublis", "", len(report.misses)),
                false_alarms=self.tr("%n fausses alertes", "", len(report.false_alarms)),
            )
        )
        self.per_code.fill([[item.code, (_percent(item.span.precision), item.span.precision),
                             (_percent(item.span.recall), item.span.recall), (_percent(item.span.f1), item.span.f1)]
                            for item in report.per_code])
        self._misses, self._alarms = report.misses, report.false_alarms
        for table, rows in ((self.misses, report.misses), (self.false_alarms, report.false_alarms)):
            table.fill([[entry["code"], entry["title"], entry["text"]] for entry in rows], entries=list(range(len(rows))))

    def _open(self, table: ScoreTable, rows: list[dict], row: int) -> None:
        index = table.entry(row)
        if index is not None:
            entry = rows[index]
            self.openMatch.emit(entry["document_id"], entry["start"], entry["end"])
