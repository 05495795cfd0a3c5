"""Pending suggestions in the coding view: a dashed outline in the code's colour around each proposed
passage, so the analyst sees them while coding, and a right-click on one to accept or reject it there.

The viewer paints the outlines (`paint_marks`, called from its `paintEvent`) and says when a right-click
falls on one; `SuggestionMarks` reads the open document's pending suggestions from the engine and runs
the decisions through `workbench.suggest.review` with the window's `run_change`, so each is journalled,
attributed to the window's current coder, refreshes the views and is undone by Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QMenu

from ui.views.quick_code import swatch
from ui.views.review_model import score_text
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest import review

if TYPE_CHECKING:
    from ui.views.document_view import DocumentViewer

Change = Callable[[], object]


@dataclass(frozen=True)
class SuggestionMark:
    """A pending suggestion as the viewer outlines it: code points [start, end) of its document."""

    id: int
    start: int
    end: int
    code: str
    color: str | None
    score: float


def paint_marks(painter: QPainter, marks: Sequence[SuggestionMark], pieces: Callable[[int, int], list[QRectF]],
                visible: tuple[int, int]) -> None:
    """Dashed outlines, one rectangle per line a mark covers, for the marks in the `visible` code points."""
    first, last = visible
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for mark in marks:
        if mark.end < first or mark.start > last:
            continue
        pen = QPen(QColor(mark.color or "#999999"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for piece in pieces(mark.start, mark.end):
            painter.drawRect(piece.adjusted(-1, 0, 1, 0))


class SuggestionMarks(QObject):
    """Keeps the viewer's outlines in step with the project and decides on them in place."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.project: Project | None = None
        self._coder: Callable[[], str] = lambda: ""
        self._run: Callable[[Change], bool] = self._run_here
        self.menu: QMenu | None = None
        viewer.documentShown.connect(self.reload)
        viewer.suggestionMenuRequested.connect(self.open_menu)

    def set_context(self, project: Project, coder: Callable[[], str], run_change: Callable[[Change], bool]) -> None:
        self.project = project
        self._coder = coder
        self._run = run_change
        self.reload()

    def _run_here(self, change: Change) -> bool:
        try:
            change()
        except WorkbenchError:
            return False
        self.reload()
        return True

    def reload(self) -> None:
        """Outline the open document's pending suggestions (one small query: a document's own rows)."""
        view = self.viewer.view
        if self.project is None or view is None:
            self.viewer.set_suggestions(None, [])
            return
        rows = review.pending_in_document(self.project, view.id)
        self.viewer.set_suggestions(view.id, [
            SuggestionMark(row["id"], row["start_pos"], row["end_pos"], row["code"], row["color"], row["score"])
            for row in rows])

    def menu_for(self, suggestion_ids: Sequence[int], offset: int, where: QPoint) -> QMenu:
        """Accept or reject each suggestion under the click; the coding menu stays one item away."""
        menu = QMenu(self.viewer)
        marks = {mark.id: mark for mark in self.viewer.suggestions()}
        for suggestion_id in suggestion_ids:
            mark = marks[suggestion_id]
            menu.addSection(self.tr("Suggestion : {code} ({score})").format(code=mark.code,
                                                                           score=score_text(mark.score)))
            accept = menu.addAction(swatch(mark.color), self.tr("Accepter « {code} »").format(code=mark.code))
            accept.triggered.connect(lambda _checked=False, i=suggestion_id: self.accept(i))
            reject = menu.addAction(self.tr("Rejeter « {code} »").format(code=mark.code))
            reject.triggered.connect(lambda _checked=False, i=suggestion_id: self.reject(i))
        menu.addSeparator()
        menu.addAction(self.tr("Menu de codage…"),
                       lambda: self.viewer.contextMenuRequested.emit(offset, where))
        return menu

    def open_menu(self, suggestion_ids: list[int], offset: int, where: QPoint) -> QMenu:
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        self.menu = self.menu_for(suggestion_ids, offset, where)
        self.menu.popup(where)
        return self.menu

    def accept(self, suggestion_id: int) -> bool:
        if self.project is None:
            return False
        project, coder = self.project, self._coder()
        return self._run(lambda: review.accept(project, [suggestion_id], coder=coder))

    def reject(self, suggestion_id: int) -> bool:
        if self.project is None:
            return False
        project, coder = self.project, self._coder()
        return self._run(lambda: review.reject(project, [suggestion_id], coder=coder))
