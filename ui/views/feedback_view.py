"""The trainer's results of collected exercises (Formation tab > Exercices): per trainee, F1 per code at
passage and document level, the misses and false alarms beside the reference's passage with the code's
definition and indicators, and the codes most confused; for the group, the codes from hardest to
easiest, the agreement among trainees and each trainee's progress across exercises.

The scores are computed on a worker thread (`exercise_jobs.feedback`) on the project's own worker
connection: a group of twenty trainees takes longer than a frame of the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.views import exercise_jobs
from ui.views.score_table import ScoreTable, percent
from ui.widgets import compact_tabs
from ui.workers import Job
from workbench.project import Project
from workbench.store import coders
from workbench.training.feedback import Difficulty, ExerciseFeedback, GroupFeedback
from workbench.training.trainee_scores import TraineeReport


def _alpha(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def _wrapped() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # passages side by side, tops level
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FeedbackView(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.feedback: GroupFeedback | None = None
        self.job: Job | None = None
        self.create_button = QPushButton(self.tr("Créer un exercice…"))
        self.collect_button = QPushButton(self.tr("Collecter des copies…"))
        self.refresh_button = QPushButton(self.tr("Actualiser les résultats"))
        self.excel_button = QPushButton(self.tr("Exporter en Excel…"))
        self.html_button = QPushButton(self.tr("Exporter en HTML…"))
        self.reference = QComboBox()
        self.exercise = QComboBox()
        self.trainee = QComboBox()
        for combo in (self.reference, self.exercise, self.trainee):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.message = _wrapped()
        self.summary = _wrapped()
        self.confusion_sentences = _wrapped()

        self.per_code = ScoreTable([self.tr("Code"), self.tr("F1 passages"), self.tr("Précision"), self.tr("Rappel"),
                                    self.tr("F1 documents")], numeric=(1, 2, 3, 4))
        # Short headers on two lines: a header does not wrap, and the centre is narrow on a 1024-pixel screen.
        self.misses = ScoreTable([self.tr("Code"), self.tr("Document"), self.tr("Référence"),
                                  self.tr("Code du\nstagiaire")], codes=(0, 3), compact=(1,))
        self.false_alarms = ScoreTable([self.tr("Code"), self.tr("Document"), self.tr("Stagiaire"),
                                        self.tr("Référence"), self.tr("Code de la\nréférence")],
                                       codes=(0, 4), compact=(1,))
        self.confusions = ScoreTable([self.tr("Codé par\nle stagiaire"), self.tr("Là où la\nréférence dit"),
                                      self.tr("Fois")], numeric=(2,), codes=(0, 1))
        self.difficulty = ScoreTable([self.tr("Code"), self.tr("F1\npassages\nmoyen"), self.tr("F1\ndocuments\nmoyen"),
                                      self.tr("Stagiaires")], numeric=(1, 2, 3))
        self.progress = ScoreTable([self.tr("Stagiaire")], codes=())
        self.alpha = _wrapped()
        # What a row of misses or false alarms says in full: both passages side by side, the code's definition.
        self.reference_passage = _wrapped()
        self.trainee_passage = _wrapped()
        self.definition = _wrapped()

        self.tabs = compact_tabs()
        self.tabs.addTab(self.per_code, self.tr("Par code"))
        self.tabs.addTab(self.misses, self.tr("Oublis"))
        self.tabs.addTab(self.false_alarms, self.tr("Fausses alertes"))
        confusion_page = QWidget()
        confusion_layout = QVBoxLayout(confusion_page)
        confusion_layout.addWidget(self.confusion_sentences)
        confusion_layout.addWidget(self.confusions)
        self.tabs.addTab(confusion_page, self.tr("Confusions"))
        # The group's two tables on tabs of their own within its page: stacked, each kept the height of one
        # row on a 1024x700 screen, and a sixth tab beside the others would not fit the narrow centre.
        self.group_tabs = compact_tabs()
        for table, tab, about in ((self.difficulty, self.tr("Codes, du plus difficile"),
                                   self.tr("F1 moyen des stagiaires par code, du plus difficile au plus facile")),
                                  (self.progress, self.tr("Progrès par exercice"),
                                   self.tr("F1 passages de chaque stagiaire, exercice par exercice"))):
            self.group_tabs.addTab(table, tab)
            self.group_tabs.setTabToolTip(self.group_tabs.count() - 1, about)
        group_page = QWidget()
        group_layout = QVBoxLayout(group_page)
        group_layout.setContentsMargins(0, 4, 0, 0)
        group_layout.addWidget(self.alpha)
        group_layout.addWidget(self.group_tabs, 1)
        self.tabs.addTab(group_page, self.tr("Groupe"))

        detail = QWidget()
        sides = QGridLayout(detail)
        sides.setContentsMargins(0, 0, 0, 0)
        sides.addWidget(QLabel(self.tr("<b>Référence</b>")), 0, 0)
        sides.addWidget(QLabel(self.tr("<b>Stagiaire</b>")), 0, 1)
        sides.addWidget(self.reference_passage, 1, 0)
        sides.addWidget(self.trainee_passage, 1, 1)
        sides.addWidget(self.definition, 2, 0, 1, 2)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)
        detail_area = QScrollArea()  # a long passage scrolls rather than being cut
        detail_area.setWidget(detail)
        detail_area.setWidgetResizable(True)
        detail_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # The tables first: the detail pane scrolls, and the trainer drags the handle to read a long passage.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(detail_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([420, 100])

        # Short rows of two: the centre is narrow on a 1024-pixel screen.
        buttons = QGridLayout()
        for index, button in enumerate((self.create_button, self.collect_button, self.refresh_button,
                                        self.excel_button, self.html_button)):
            buttons.addWidget(button, index // 2, index % 2)
        choices = QGridLayout()
        choices.addWidget(QLabel(self.tr("Référence")), 0, 0)
        choices.addWidget(self.reference, 0, 1)
        choices.addWidget(QLabel(self.tr("Exercice")), 1, 0)
        choices.addWidget(self.exercise, 1, 1)
        choices.addWidget(QLabel(self.tr("Stagiaire")), 2, 0)
        choices.addWidget(self.trainee, 2, 1)
        choices.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(choices)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.exercise.currentIndexChanged.connect(self._exercise_chosen)
        self.trainee.currentIndexChanged.connect(self._show_trainee)
        self.misses.cellDoubleClicked.connect(lambda row, _c: self._open(self.misses, self._misses, row))
        self.false_alarms.cellDoubleClicked.connect(lambda row, _c: self._open(self.false_alarms, self._alarms, row))
        self.difficulty.currentCellChanged.connect(self._define)
        self.tabs.currentChanged.connect(self._clear_detail)
        self.misses.currentCellChanged.connect(lambda row, *_: self._explain(self.misses, self._misses, row, True))
        self.false_alarms.currentCellChanged.connect(
            lambda row, *_: self._explain(self.false_alarms, self._alarms, row, False))
        self._misses: list[dict[str, Any]] = []
        self._alarms: list[dict[str, Any]] = []
        self._difficulty: list[Difficulty] = []
        self._set_results_enabled(False)

    # -- project and computing ------------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        """A project opened (or its coders changed): list the possible references; results stay until the
        next Actualiser, unless the project itself changed."""
        if project is not self.project:
            self.feedback = None
            self._clear()
            self.message.setText(self.tr("Créez un exercice, collectez les copies des stagiaires, puis cliquez sur "
                                         "« Actualiser les résultats »."))
        self.project = project
        chosen = self.reference.currentData()
        self.reference.clear()
        listed = sorted(coders.list_coders(project), key=lambda coder: (coder["role"] != "reference", coder["name"]))
        for coder in listed:
            if coder["role"] not in ("trainee", "model"):
                self.reference.addItem(coder["name"], coder["name"])
        if chosen is not None and self.reference.findData(chosen) >= 0:
            self.reference.setCurrentIndex(self.reference.findData(chosen))

    def refresh(self) -> Job | None:
        """Compute the scores of every collected hand-in on a worker thread; None when one is running."""
        if self.project is None or self.job is not None:
            return None
        job = Job(exercise_jobs.feedback, self.project.worker(), self.reference.currentData())
        job.signals.finished.connect(self._computed)
        job.signals.failed.connect(self._failed)
        self.job = job
        self.refresh_button.setEnabled(False)
        self.message.setText(self.tr("Calcul des résultats…"))
        job.start()
        return job

    def _computed(self, feedback: GroupFeedback) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)
        self.show_feedback(feedback)

    def _failed(self, message: str) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)
        self.feedback = None
        self._clear()
        self.message.setText(message)

    def _set_results_enabled(self, enabled: bool) -> None:
        for widget in (self.excel_button, self.html_button, self.exercise, self.trainee):
            widget.setEnabled(enabled)

    def _clear(self) -> None:
        self._set_results_enabled(False)
        for combo in (self.exercise, self.trainee):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        for table in (self.per_code, self.misses, self.false_alarms, self.confusions, self.difficulty, self.progress):
            table.setRowCount(0)
        for label in (self.summary, self.confusion_sentences, self.alpha, self.reference_passage,
                      self.trainee_passage, self.definition):
            label.clear()
        self._misses, self._alarms = [], []

    # -- showing -----------------------------------------------------------------------------------------
    def show_feedback(self, feedback: GroupFeedback) -> None:
        self.feedback = feedback
        self._clear()
        self.message.setText(self.tr("Référence : {reference} · {exercises}, {trainees}").format(
            reference=feedback.reference,
            exercises=self.tr("%n exercices", "", len(feedback.exercises)),
            trainees=self.tr("%n stagiaires", "", len(feedback.trainees))))
        self.exercise.blockSignals(True)
        for index, item in enumerate(feedback.exercises):
            self.exercise.addItem(self._label(item), index)
        self.exercise.setCurrentIndex(len(feedback.exercises) - 1)  # the latest: what the trainer just collected
        self.exercise.blockSignals(False)
        self._set_results_enabled(True)
        self._show_progress(feedback)
        self._exercise_chosen()

    def _label(self, item: ExerciseFeedback) -> str:
        return self.tr("Exercice {number} ({date})").format(number=item.number, date=item.exercise.created_at[:10])

    def current_exercise(self) -> ExerciseFeedback | None:
        index = self.exercise.currentData()
        return None if self.feedback is None or index is None else self.feedback.exercises[index]

    def _exercise_chosen(self) -> None:
        item = self.current_exercise()
        if item is None:
            return
        self.trainee.blockSignals(True)
        self.trainee.clear()
        for name in item.trainees:
            self.trainee.addItem(name, name)
        self.trainee.blockSignals(False)
        self._show_group(item)
        self._show_trainee()

    def _show_group(self, item: ExerciseFeedback) -> None:
        lines = [self.tr("Accord entre stagiaires (alpha de Krippendorff) : documents {documents} · caractères "
                         "{characters}").format(documents=_alpha(item.alpha_document),
                                                characters=_alpha(item.alpha_character))]
        if len(item.trainees) < 2:
            lines.append(self.tr("Il faut au moins deux copies pour mesurer l'accord entre stagiaires."))
        self.alpha.setText("\n".join(lines))
        self._difficulty = item.difficulty
        self.difficulty.fill([[row.code, (percent(row.span_f1), row.span_f1), (percent(row.document_f1), row.document_f1),
                               (str(row.trainees), row.trainees)] for row in item.difficulty],
                             entries=list(range(len(item.difficulty))))

    def _show_progress(self, feedback: GroupFeedback) -> None:
        labels = [self._label(item).replace(" (", "\n(") for item in feedback.exercises]  # two-line headers
        self.progress.setColumnCount(1 + len(labels))
        self.progress.setHorizontalHeaderLabels([self.tr("Stagiaire"), *labels])
        header = self.progress.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, 1 + len(labels)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        progress = feedback.progress()
        rows: list[list[Any]] = []
        for trainee in feedback.trainees:
            by_exercise = {label: span for label, _document, span in progress.get(trainee, [])}
            row: list[Any] = [trainee]
            for item in feedback.exercises:
                if item.label in by_exercise:
                    row.append((percent(by_exercise[item.label]), by_exercise[item.label]))
                else:
                    row.append(("", None))
            rows.append(row)
        self.progress.fill(rows)

    def current_report(self) -> TraineeReport | None:
        item = self.current_exercise()
        name = self.trainee.currentData()
        return None if item is None or name is None else item.trainees.get(name)

    def _show_trainee(self) -> None:
        report = self.current_report()
        if report is None:
            return
        self.summary.setText(
            self.tr("{trainee} — passages : F1 {span_f1} (précision {precision}, rappel {recall}) · documents : "
                    "F1 {document_f1} · {misses}, {false_alarms}").format(
                trainee=report.trainee, span_f1=percent(report.span.f1), precision=percent(report.span.precision),
                recall=percent(report.span.recall), document_f1=percent(report.document.f1),
                misses=self.tr("%n oublis", "", len(report.misses)),
                false_alarms=self.tr("%n fausses alertes", "", len(report.false_alarms))))
        self.per_code.fill([[c.code, (percent(c.span.f1), c.span.f1), (percent(c.span.precision), c.span.precision),
                             (percent(c.span.recall), c.span.recall), (percent(c.document.f1), c.document.f1)]
                            for c in report.per_code])
        nothing = self.tr("rien")
        self._misses, self._alarms = report.misses, report.false_alarms
        self.misses.fill([[m["code"], m["title"], m["reference_passage"], ", ".join(m["other_coder_used"]) or nothing]
                          for m in report.misses], entries=list(range(len(report.misses))))
        self.false_alarms.fill([[f["code"], f["title"], f["text"], f["reference_passage"] or nothing,
                                 ", ".join(f["other_coder_used"]) or nothing] for f in report.false_alarms],
                               entries=list(range(len(report.false_alarms))))
        self.confusions.fill([[c["trainee_code"], c["reference_code"], (str(c["count"]), c["count"])]
                              for c in report.confusions])
        self.confusion_sentences.setText("\n".join(self.confusion_sentence(c) for c in report.confusions)
                                         or self.tr("Aucune confusion entre codes."))
        self._clear_detail()

    def confusion_sentence(self, confusion: dict[str, Any]) -> str:
        """« codé Adversaires là où la référence dit Ex-amis (2 fois) », with the codes' own names."""
        return self.tr("codé {trainee_code} là où la référence dit {reference_code} ({count})").format(
            trainee_code=confusion["trainee_code"].rsplit("/", 1)[-1],
            reference_code=confusion["reference_code"].rsplit("/", 1)[-1],
            count=self.tr("%n fois", "", confusion["count"]))

    def _explain(self, table: ScoreTable, entries: list[dict[str, Any]], row: int, missed: bool) -> None:
        index = table.entry(row) if row >= 0 else None
        if index is None:
            return
        entry = entries[index]
        nothing = self.tr("(rien)")
        if missed:
            self.reference_passage.setText(f"{entry['code']} : « {entry['reference_passage']} »")
            trainee = ", ".join(entry["other_coder_used"]) or nothing
        else:
            trainee = f"{entry['code']} : « {entry['text']} »"
            self.reference_passage.setText(
                f"{', '.join(entry['other_coder_used']) or nothing} : « {entry['reference_passage']} »"
                if entry["reference_passage"] else nothing)
        notes = entry.get("trainee_notes") or []
        if notes:  # the trainee's reasons, under their side of the comparison
            trainee += "\n" + self.tr("Mémo du stagiaire : {notes}").format(notes=" · ".join(f"« {note} »" for note in notes))
        self.trainee_passage.setText(trainee)
        lines = [self.tr("Définition de {code} : {definition}").format(
            code=entry["code"], definition=entry.get("definition") or self.tr("(aucune)"))]
        if entry.get("indicators"):
            lines.append(self.tr("Indicateurs : {indicators}").format(indicators=" ; ".join(entry["indicators"])))
        self.definition.setText("\n".join(lines))

    def _clear_detail(self) -> None:
        for label in (self.reference_passage, self.trainee_passage, self.definition):
            label.clear()

    def _define(self, row: int, *_: int) -> None:
        """A code of the group's table chosen: its definition underneath (the table has no room for it)."""
        index = self.difficulty.entry(row) if row >= 0 else None
        self._clear_detail()
        if index is not None:
            code = self._difficulty[index]
            self.definition.setText(self.tr("Définition de {code} : {definition}").format(
                code=code.code, definition=code.definition or self.tr("(aucune)")))

    def _open(self, table: ScoreTable, entries: list[dict[str, Any]], row: int) -> None:
        index = table.entry(row)
        if index is not None:
            entry = entries[index]
            self.openMatch.emit(entry["document_id"], entry["start"], entry["end"])
