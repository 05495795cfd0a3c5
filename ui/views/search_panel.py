"""Search panel: the engine's query language (lemmas, "phrases", prefix*, AND/OR/NOT) with filters,
results as keyword-in-context rows; activating a row opens the document on the match."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench import search
from workbench.errors import WorkbenchError
from workbench.project import Project

PAGE = 200


class SearchPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('facture AND "trop cher" … ; rembours* NOT satisfait'))
        self.where = QLineEdit()
        self.where.setPlaceholderText(self.tr("filtres : nps<=6, canal=chat"))
        self.run_button = QPushButton(self.tr("Chercher"))
        self.summary = QLabel()
        self.results = QTableWidget(0, 4)
        self.results.setHorizontalHeaderLabels([self.tr("Doc."), self.tr("Avant"), self.tr("Occurrence"), self.tr("Après")])
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.results.verticalHeader().setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.query, 3)
        row.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.where)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)
        self.run_button.clicked.connect(self.run)
        self.query.returnPressed.connect(self.run)
        self.where.returnPressed.connect(self.run)
        self.results.cellActivated.connect(self._activated)
        self.results.cellDoubleClicked.connect(self._activated)
        self._hits: list[search.Hit] = []

    def set_project(self, project: Project) -> None:
        self.project = project
        self.results.setRowCount(0)
        self.summary.clear()

    def run(self) -> bool:
        if self.project is None or not self.query.text().strip():
            return False
        conditions = [part.strip() for part in self.where.text().split(",") if part.strip()]
        try:
            result = search.search(self.project, self.query.text(), where=conditions, limit=PAGE, count=True)
        except WorkbenchError as exc:
            self.summary.setText(f"⚠ {exc}")
            self.results.setRowCount(0)
            return False
        self._hits = result.hits
        hits, documents = result.total_hits or 0, result.total_documents or 0
        summary = self.tr("%n occurrences dans {documents}", "", hits).format(
            documents=self.tr("%n documents", "", documents)
        )
        if hits > PAGE:
            summary += self.tr(" (les {page} premières)").format(page=PAGE)
        self.summary.setText(summary)
        self.results.setRowCount(len(result.hits))
        for index, hit in enumerate(result.hits):
            cells = [str(hit.document_id), hit.left, hit.match, hit.right]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text.replace("\n", " "))
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.results.setItem(index, column, item)
        self.results.resizeColumnsToContents()
        return True

    def _activated(self, row: int, _column: int) -> None:
        hit = self._hits[row]
        self.openMatch.emit(hit.document_id, hit.start_pos, hit.end_pos)
