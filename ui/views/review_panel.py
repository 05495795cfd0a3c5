"""Review queue: the machine's pending code suggestions, best first, reviewed by keyboard.

A accepts (the passage becomes a coding of the window's coder), R rejects (kept as a negative example for
the next training round), L relabels (the span is right, the code is not: a small picker gives the right
one), S skips, the arrows move. The current row's passage is always open and selected in the coding view,
also when the already selected row is clicked again, so nothing is decided without its text on screen.
Bulk accept takes every suggestion at or above a threshold, after a preview count, as one undoable
action run off the GUI thread. Every decision goes through `workbench.suggest.review`, journalled, so
Ctrl+Z takes it back; the window reloads the queue on every change of suggestions, undo and redo included.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.kinds import kind_label
from ui.refusals import refusal_text
from ui.views.favourites import code_choices
from ui.views.quick_code import QuickCodeBox, swatch
from ui.views.review_model import ContextDelegate, ReviewModel, context_html, one_line, score_text
from ui.widgets import shrinking_combo
from ui.workers import Job
from workbench import browse, document_list
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest import review

DECISION_KEYS = ((Qt.Key.Key_A, "accept"), (Qt.Key.Key_R, "reject"), (Qt.Key.Key_L, "relabel"),
                 (Qt.Key.Key_S, "skip"))


class ReviewTable(QTableView):
    """The queue's table: A, R, L and S are decisions on the current row, the rest is a table's.
    `row_before_press` tells a click on the row already current (which must open its passage again)
    from a click that makes another row current (which opens it by becoming current)."""

    decisionKey = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row_before_press = -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if modifiers == Qt.KeyboardModifier.NoModifier:
            decision = next((name for key, name in DECISION_KEYS if event.key() == key), None)
            if decision is not None:
                self.decisionKey.emit(decision)
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.row_before_press = self.currentIndex().row()
        super().mousePressEvent(event)

    def rowCount(self) -> int:
        """Rows loaded so far (the model reads further pages as the view scrolls)."""
        return self.model().rowCount() if self.model() is not None else 0


class ReviewPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.coder = "analyste"
        self.job: Job | None = None
        self.confirm: QMessageBox | None = None
        self.picker: QuickCodeBox | None = None
        self._quiet = False  # a refresh restores the current row without opening its passage again

        self.code_filter = shrinking_combo()
        self.kind_filter = shrinking_combo()
        self.variable_filter = shrinking_combo()
        self.value_filter = shrinking_combo()
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setPrefix(self.tr("score ≥ "))
        filters = QGridLayout()
        filters.addWidget(self.code_filter, 0, 0)
        filters.addWidget(self.kind_filter, 0, 1)
        filters.addWidget(self.min_score, 0, 2)
        filters.addWidget(self.variable_filter, 1, 0)
        filters.addWidget(self.value_filter, 1, 1, 1, 2)

        self.count = QLabel()
        self.model = ReviewModel()
        self.table = ReviewTable()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(2, ContextDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 130)
        self.passage = QLabel()
        self.passage.setWordWrap(True)
        self.passage.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.accept_button = QPushButton(self.tr("Accepter"))
        self.reject_button = QPushButton(self.tr("Rejeter"))
        self.relabel_button = QPushButton(self.tr("Autre code…"))
        self.skip_button = QPushButton(self.tr("Passer"))
        for button, key in ((self.accept_button, "A"), (self.reject_button, "R"), (self.relabel_button, "L"),
                            (self.skip_button, "S")):
            button.setToolTip(self.tr("Touche {key} dans la liste").format(key=key))
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.relabel_button, self.skip_button):
            buttons.addWidget(button)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.8)
        self.threshold.setPrefix(self.tr("seuil "))
        self.bulk_button = QPushButton(self.tr("Tout accepter au-dessus du seuil…"))
        bulk = QHBoxLayout()
        bulk.addWidget(self.threshold)
        bulk.addWidget(self.bulk_button, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.passage)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addLayout(bulk)
        layout.addWidget(self.message)

        for combo in (self.code_filter, self.kind_filter, self.value_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.variable_filter.currentIndexChanged.connect(self._variable_chosen)
        self.min_score.valueChanged.connect(self._filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)
        self.table.decisionKey.connect(self.decide)
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.relabel_button.clicked.connect(lambda: self.decide("relabel"))
        self.skip_button.clicked.connect(lambda: self.decide("skip"))
        self.bulk_button.clicked.connect(self.ask_bulk_accept)
        self._show_current()

    # -- project and filters --------------------------------------------------------------------------
    def set_project(self, project: Project, coder: str) -> None:
        self.project = project
        self.coder = coder
        self.reload()

    def _fill_filters(self) -> None:
        """The choices of the filters, from the project; what was chosen stays chosen when still there."""
        assert self.project is not None
        project = self.project
        for combo in (self.code_filter, self.kind_filter, self.variable_filter):
            combo.blockSignals(True)
        chosen = (self.code_filter.currentData(), self.kind_filter.currentData(), self.variable_filter.currentData())
        self.code_filter.clear()
        self.code_filter.addItem(self.tr("Tous les codes"), None)
        for choice in code_choices(project):
            if choice.codable:
                self.code_filter.addItem(swatch(choice.color), choice.path, choice.id)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("Tous les types"), None)
        for kind, _count in browse.document_kinds(project):
            self.kind_filter.addItem(kind_label(kind), kind)
        self.variable_filter.clear()
        self.variable_filter.addItem(self.tr("Toutes les variables"), None)
        for name, _type in browse.variable_names(project):
            self.variable_filter.addItem(name, name)
        for combo, value in zip((self.code_filter, self.kind_filter, self.variable_filter), chosen):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self._fill_values()

    def _fill_values(self) -> None:
        variable = self.variable_filter.currentData()
        chosen = self.value_filter.currentData()
        self.value_filter.blockSignals(True)
        self.value_filter.clear()
        self.value_filter.addItem(self.tr("Toutes les valeurs"), None)
        if variable is not None and self.project is not None:
            for value, count in document_list.variable_values(self.project, variable):
                self.value_filter.addItem(self.tr("{value} ({count} documents)").format(value=value, count=count),
                                          value)
        self.value_filter.setCurrentIndex(max(self.value_filter.findData(chosen), 0))
        self.value_filter.setEnabled(variable is not None)
        self.value_filter.blockSignals(False)

    def _variable_chosen(self) -> None:
        self._fill_values()
        self._filters_changed()

    def queue_filter(self) -> review.QueueFilter:
        """The filter the widgets say: code, kind, one variable's value, lowest score."""
        variable, value = self.variable_filter.currentData(), self.value_filter.currentData()
        return review.QueueFilter(
            code=self.code_filter.currentData(), kind=self.kind_filter.currentData(),
            variables={variable: value} if variable is not None and value is not None else {},
            min_score=self.min_score.value() or None)

    def _filters_changed(self) -> None:
        if self.project is not None:
            self.model.set_source(self.project, self.queue_filter())
            self._after_reload(0, quiet=False)

    # -- loading --------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the queue again (after any change of suggestions, codes or documents, undo and redo
        included), keeping the current suggestion current, or its row when it is gone."""
        if self.project is None:
            return
        current = self.current_row()
        row = self.table.currentIndex().row()
        self._fill_filters()  # a code, kind or variable may have come or gone
        queue_filter = self.queue_filter()
        if self.model.project is not self.project or queue_filter != self.model.queue_filter:
            self.model.set_source(self.project, queue_filter)
        else:
            self.model.reload()
        kept = self.model.row_of(current["id"]) if current else None
        self._after_reload(kept if kept is not None else max(row, 0), quiet=True)

    def _after_reload(self, row: int, *, quiet: bool) -> None:
        if self.project is None:
            return
        total = review.queue_count(self.project, self.model.queue_filter)
        self.count.setText(self.tr("Une suggestion en attente") if total == 1 else
                           self.tr("%n suggestions en attente", "", total))
        self.bulk_button.setEnabled(total > 0 and self.job is None)
        self._select(min(row, self.model.rowCount() - 1), quiet=quiet)

    def _select(self, row: int, *, quiet: bool) -> None:
        self._quiet = quiet
        try:
            if row < 0:
                self.table.setCurrentIndex(QModelIndex())
            else:
                self.table.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._quiet = False
        self._show_current()

    def current_row(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        row = self.current_row()
        return [row["id"]] if row else []

    # -- the current suggestion -------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()
        if not self._quiet and current.isValid():
            self.open_row(current.row())

    def _clicked(self, index: QModelIndex) -> None:
        if index.row() == self.table.row_before_press:  # already current: nothing else opened it
            self.open_row(index.row())

    def _show_current(self) -> None:
        row = self.current_row()
        for button in (self.accept_button, self.reject_button, self.relabel_button, self.skip_button):
            button.setEnabled(row is not None)
        if row is None:
            self.passage.clear()
            self.explanation.clear()
            return
        title = html.escape(row["title"] or self.tr("document n° {id}").format(id=row["document_id"]))
        self.passage.setText(self.tr("<b>{code}</b> ({score}) · {title}<br>{context}").format(
            code=html.escape(row["code"]), score=score_text(row["score"]), title=title,
            context=context_html(row)))
        self.explanation.setText("\n".join(self.explanation_lines(row["explanation"] or {})))

    def explanation_lines(self, explanation: dict[str, Any]) -> list[str]:
        """Why the machine proposed the code, in plain words, from the suggestion's explanation JSON."""
        method = explanation.get("method")
        if method == "few-shot":
            lines = [self.tr("Suggéré d'après des passages déjà codés avec ce code ({n}).").format(
                n=explanation.get("coded_examples", "?"))]
            if explanation.get("self_trained"):
                lines += [self.tr("Le modèle a aussi appris des passages non codés dont il était le plus sûr.")]
        elif method == "topic":
            lines = [self.tr(
                "Suggéré parce que le passage appartient au thème « {label} », associé à ce code.").format(
                label=explanation.get("label") or explanation.get("topic", "?"))]
            keywords = ", ".join(explanation.get("keywords", [])[:8])
            lines += [self.tr("Mots du thème : {words}").format(words=keywords)] if keywords else []
        elif explanation.get("description_from"):
            shipped = explanation["description_from"]
            lines = [self.tr("Suggéré d'après la définition de « {code} » du schéma livré « {scheme} » : "
                             "ce code n'a pas encore de définition.").format(
                code=shipped.get("code", "?"), scheme=shipped.get("scheme", "?"))]
        else:
            lines = [self.tr("Suggéré d'après la définition du code et ses indicateurs.")]
        models = [explanation["model"], *explanation.get("companions", [])] if explanation.get("model") else []
        lines += [self.tr("Modèles : {models}").format(models=" + ".join(models))] if models else []
        sentence = one_line(explanation.get("sentence") or "")
        lines += [self.tr("Phrase la plus proche du code : « {text} »").format(text=sentence[:120])] if sentence else []
        words = ", ".join(explanation.get("words", [])[:8])
        lines += [self.tr("Mots qui ont pesé : {words}").format(words=words)] if words else []
        examples = [one_line(example.get("text", "")) for example in explanation.get("nearest_examples", [])[:2]]
        lines += [self.tr("Exemple proche : « {text} »").format(text=text[:120]) for text in examples if text]
        return lines

    def open_row(self, row: int) -> None:
        """Open the passage in the coding view, selected: a click on the row already current does it too."""
        data = self.model.row_data(row)
        if data is not None:
            self.openMatch.emit(data["document_id"], data["start_pos"], data["end_pos"])

    # -- decisions --------------------------------------------------------------------------------------
    def decide(self, decision: str) -> bool:
        """One decision on the current suggestion (accept, reject, relabel, skip); the next one becomes
        current and its passage opens."""
        row = self.current_row()
        if self.project is None or row is None:
            return False
        if decision == "skip":
            self._move(1)
            return True
        if decision == "relabel":
            self.open_picker(row)
            return True
        project, coder = self.project, self.coder
        if decision == "accept":
            return self._run(lambda: review.accept(project, [row["id"]], coder=coder))
        return self._run(lambda: review.reject(project, [row["id"]], coder=coder))

    def _move(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self._select(row, quiet=False)

    def _run(self, change: Any) -> bool:
        """Run one decision through the engine; a refusal is said in plain words under the queue."""
        index = self.table.currentIndex().row()
        try:
            change()
        except WorkbenchError as exc:
            self.message.setText(refusal_text(exc))
            return False
        self.message.clear()
        self.model.reload()
        self._after_reload(max(index, 0), quiet=False)
        return True

    def open_picker(self, row: dict[str, Any]) -> QuickCodeBox | None:
        """The small code picker of a relabel: every codable code but the one proposed."""
        if self.project is None:
            return None
        choices = [choice for choice in code_choices(self.project) if choice.id != row["code_id"]]
        box = QuickCodeBox(choices, [], self.tr("Recoder « {text} » avec :").format(
            text=one_line(row["text"])[:40]), self)
        project, coder, suggestion_id = self.project, self.coder, row["id"]
        box.chosen.connect(lambda code_id: self._run(
            lambda: review.relabel(project, suggestion_id, code_id, coder=coder)))
        rect = self.table.visualRect(self.table.currentIndex())
        box.show_at(self.table.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 2)))
        self.picker = box
        return box

    # -- bulk accept ------------------------------------------------------------------------------------
    def ask_bulk_accept(self) -> QMessageBox | None:
        """Say how many suggestions the bulk accept takes (with the filters shown), and ask."""
        if self.project is None or self.job is not None:
            return None
        threshold = self.threshold.value()
        queue_filter = self.queue_filter()
        count = review.queue_count(self.project, queue_filter, min_score=threshold)
        if count == 0:
            self.message.setText(self.tr("Aucune suggestion en attente ne passe le seuil {threshold}.").format(
                threshold=score_text(threshold)))
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Accepter en bloc"),
                          (self.tr("Accepter une suggestion ≥ {threshold} ?") if count == 1 else
                           self.tr("Accepter %n suggestions ≥ {threshold} ?", "", count)).format(
                              threshold=score_text(max(threshold, queue_filter.min_score or 0.0))),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setInformativeText(self.tr("Chacune devient un codage de {coder}. Une seule annulation les reprend "
                                       "toutes.").format(coder=self.coder))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda answer: self._bulk_answered(answer, threshold, queue_filter))
        self.confirm = box
        box.open()
        return box

    def _bulk_answered(self, answer: int, threshold: float, queue_filter: review.QueueFilter) -> None:
        self.confirm = None
        if answer == QMessageBox.StandardButton.Yes and self.project is not None:
            self.start_bulk_accept(threshold, queue_filter)

    def start_bulk_accept(self, threshold: float, queue_filter: review.QueueFilter) -> Job:
        """The bulk accept as a background job on its own connection: one action, all or nothing."""
        assert self.project is not None
        job = Job(review.accept_filtered, self.project.worker(), threshold, queue_filter, coder=self.coder)
        job.signals.finished.connect(self._bulk_done)
        job.signals.failed.connect(lambda message: self._bulk_done(None, message))
        job.signals.cancelled.connect(lambda: self._bulk_done(None, ""))
        self.job = job
        self.bulk_button.setEnabled(False)
        self.message.setText(self.tr("Acceptation en cours…"))
        job.start()
        return job

    def _bulk_done(self, result: dict[str, Any] | None, error: str = "") -> None:
        self.job = None
        if result is not None:
            count = int(result["count"])
            self.message.setText(self.tr("Une suggestion acceptée. Ctrl+Z pour la reprendre.") if count == 1 else
                                 self.tr("%n suggestions acceptées. Ctrl+Z pour toutes les reprendre.", "", count))
        else:
            self.message.setText(error)
        self.model.reload()
        self._after_reload(0, quiet=True)
