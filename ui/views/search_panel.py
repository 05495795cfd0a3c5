"""Search panel: the engine's query language (lemmas, "phrases", prefix*, AND/OR/NOT) with filters,
results as keyword-in-context rows; activating a row opens the document on the match.

The search runs as a `ui.workers.Job` on its own connection, never on the GUI thread: on a large project
a query can take a second, and the window must keep answering. While it runs the panel shows a busy
bar; a newer search supersedes an older one, whose late answer is dropped. Messages (errors, documents
not indexed yet) go to a label that wraps inside the panel: a long message must never widen the dock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.workers import Job
from workbench import search
from workbench.progress import CancelToken, ProgressCallback
from workbench.project import Project

PAGE = 200


def _search(project: Project, query: str, where: list[str], *, progress: ProgressCallback,
            cancel: CancelToken) -> search.SearchResult:
    """One page of hits with the totals, on the worker's own connection, closed when done."""
    try:
        return search.search(project, query, where=where, limit=PAGE, count=True)
    finally:
        project.close()


class SearchPanel(QWidget):
    openMatch = Signal(int, int, int)
    searched = Signal(bool)  # a search ended: True when its hits are shown, False on an error

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.job: Job | None = None
        self._running: set[Job] = set()  # superseded searches too, kept alive until their thread ends
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('facture AND "trop cher" … ; rembours* NOT satisfait'))
        self.where = QLineEdit()
        self.where.setPlaceholderText(self.tr("filtres : nps<=6, canal=chat"))
        self.run_button = QPushButton(self.tr("Chercher"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored: the label takes the width the dock gives it and wraps, whatever the length of the text.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
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
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)
        self.run_button.clicked.connect(self.run)
        self.query.returnPressed.connect(self.run)
        self.where.returnPressed.connect(self.run)
        self.results.cellActivated.connect(self._activated)
        self.results.cellDoubleClicked.connect(self._activated)
        self._hits: list[search.Hit] = []

    def set_project(self, project: Project) -> None:
        self._drop_job()
        self.project = project
        self._hits = []
        self.results.setRowCount(0)
        self.summary.clear()

    def run(self) -> bool:
        """Start the search in the background; False when there is nothing to search."""
        if self.project is None or not self.query.text().strip():
            return False
        self._drop_job()
        conditions = [part.strip() for part in self.where.text().split(",") if part.strip()]
        job = Job(_search, self.project.worker(), self.query.text(), conditions)
        job.signals.finished.connect(lambda result: self._show(job, result))
        job.signals.failed.connect(lambda message: self._fail(job, message))
        job.signals.cancelled.connect(lambda: self._end(job, False))
        for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            signal.connect(lambda *_: self._running.discard(job))
        self._running.add(job)
        self.job = job
        self.busy.show()
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.summary.setText(self.tr("Recherche en cours…"))
        job.start()
        return True

    def _drop_job(self) -> None:
        """Forget a running search: its answer is for a query or project the user has left."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self.busy.hide()
        self.unsetCursor()

    def _end(self, job: Job, shown: bool) -> bool:
        """Whether `job` is still the current search; if so, leave the busy state."""
        if job is not self.job:
            return False
        self.job = None
        self.busy.hide()
        self.unsetCursor()
        self.searched.emit(shown)
        return True

    def _fail(self, job: Job, message: str) -> None:
        if job is not self.job:
            return
        self._hits = []
        self.results.setRowCount(0)
        self.summary.setText(self.tr("⚠ Recherche impossible : {message}").format(message=message.strip()))
        self._end(job, False)

    def _show(self, job: Job, result: search.SearchResult) -> None:
        if job is not self.job:
            return
        self._hits = result.hits
        hits, documents = result.total_hits or 0, result.total_documents or 0
        summary = self.tr("%n occurrences dans {documents}", "", hits).format(
            documents=self.tr("%n documents", "", documents)
        )
        if hits > PAGE:
            summary += self.tr(" (les {page} premières)").format(page=PAGE)
        if result.unindexed:
            summary += "\n" + self.tr(
                "%n documents ne sont pas encore indexés et n'ont pas été cherchés : "
                "Traitement > Segmenter et indexer.", "", result.unindexed)
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
        self._end(job, True)

    def _activated(self, row: int, _column: int) -> None:
        hit = self._hits[row]
        self.openMatch.emit(hit.document_id, hit.start_pos, hit.end_pos)
