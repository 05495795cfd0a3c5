"""Review queue: the machine's pending code suggestions, best first. Accept turns one into a coding
(undoable), reject keeps it as a negative example for the next training round."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.project import Project
from workbench.suggest import review

ID_ROLE = Qt.ItemDataRole.UserRole
PAGE = 200


class ReviewPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.coder = "analyste"
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setPrefix(self.tr("score ≥ "))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Score"), self.tr("Code"), self.tr("Passage")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("Accepter"))
        self.reject_button = QPushButton(self.tr("Rejeter"))
        top = QHBoxLayout()
        top.addWidget(self.min_score)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        self.min_score.valueChanged.connect(self.reload)
        self.table.currentCellChanged.connect(self._current_changed)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.accept_button.clicked.connect(lambda: self._decide(review.accept))
        self.reject_button.clicked.connect(lambda: self._decide(review.reject))
        self._rows: list[dict] = []

    def set_project(self, project: Project, coder: str) -> None:
        self.project = project
        self.coder = coder
        self.reload()

    def reload(self) -> None:
        if self.project is None:
            return
        self._rows = review.review_queue(self.project, min_score=self.min_score.value() or None, limit=PAGE)
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            text = (row["text"] or "").replace("\n", " ")
            for column, value in enumerate((f"{row['score']:.2f}", row["code"], text[:160])):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, row["id"])
                self.table.setItem(index, column, item)
        self.table.resizeColumnToContents(0)
        self.explanation.clear()

    def _current_changed(self, row: int, *_: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        explanation = self._rows[row].get("explanation") or {}
        words = ", ".join(explanation.get("words", [])[:8])
        examples = [example.get("text", "") for example in explanation.get("nearest_examples", [])[:2]]
        if explanation.get("method") == "few-shot":
            method = self.tr("quelques exemples codés")
        else:
            method = self.tr("définition du code")
        lines = [self.tr("Suggéré d'après : {method}").format(method=method)]
        models = [explanation["model"], *explanation.get("companions", [])] if explanation.get("model") else []
        lines += [self.tr("Modèles : {models}").format(models=" + ".join(models))] if models else []
        lines += [self.tr("Mots qui ont pesé : {words}").format(words=words)] if words else []
        lines += [self.tr("Exemple proche : « {text} »").format(text=text[:120]) for text in examples if text]
        self.explanation.setText("\n".join(lines))
        self._open(row)

    def _open(self, row: int) -> None:
        data = self._rows[row]
        self.openMatch.emit(data["document_id"], data["start_pos"], data["end_pos"])

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self._rows[row]["id"] for row in rows]

    def _decide(self, decision: object) -> None:
        ids = self.selected_ids()
        if self.project is None or not ids:
            return
        decision(self.project, ids, coder=self.coder)  # type: ignore[operator]
        self.reload()
