"""The review queue as a Qt table model that reads the engine's queue one page at a time.

A queue can hold hundreds of thousands of suggestions: the model holds the pages the user has scrolled
to, and asks `review.queue_page` for the next one, after the last row it holds, only when the view needs
it (`canFetchMore` / `fetchMore`). A page costs the same at any depth (about 40 ms for a 200,000-row
queue), so scrolling never freezes the window. The passage is shown in its context, the passage bold,
by `ContextDelegate`.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QIcon, QPainter, QPixmap, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.project import Project
from workbench.suggest import review

PAGE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index Qt passes for "no parent"


def score_text(score: float) -> str:
    """A score with two decimals and the language's decimal separator ("0,80" in French)."""
    separator = QCoreApplication.translate("ReviewModel", ",", "decimal separator")
    return f"{score:.2f}".replace(".", separator)


def one_line(text: str) -> str:
    return " ".join(text.split())


def context_html(row: dict[str, Any]) -> str:
    """A few words before, the passage in bold, a few words after, on one line: what the queue shows."""
    before, after = one_line(row["before"]), one_line(row["after"])
    passage = one_line(row["text"]) + ("…" if row["cut"] else "")
    lead = "…" if row["start_pos"] > len(row["before"]) else ""
    tail = "…" if row["end_pos"] + len(row["after"]) < row["n_chars"] else ""
    return (f"{lead}{html.escape(before)}{' ' if before and row['before'][-1:].isspace() else ''}"
            f"<b>{html.escape(passage)}</b>{' ' if after and row['after'][:1].isspace() else ''}"
            f"{html.escape(after)}{tail}")


class ReviewModel(QAbstractTableModel):
    """Pending suggestions, best first, for one filter; rows are the engine's `queue_page` dicts."""

    COLUMNS = 3  # score, code, passage in context

    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.queue_filter = review.QueueFilter()
        self._rows: list[dict[str, Any]] = []
        self._more = False
        self._icons: dict[str, QIcon] = {}

    # -- loading --------------------------------------------------------------------------------------
    def set_source(self, project: Project | None, queue_filter: review.QueueFilter) -> None:
        self.project = project
        self.queue_filter = queue_filter
        self.reload()

    def reload(self) -> None:
        """Read the queue again from the top, as many rows as were shown (at least a page), so a refresh
        after a decision or an undo keeps the user's place."""
        wanted = max(PAGE, len(self._rows))
        rows = [] if self.project is None else review.queue_page(self.project, self.queue_filter, limit=wanted)
        self.beginResetModel()
        self._rows = rows
        self._more = len(rows) == wanted
        self.endResetModel()

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or not self._more or self.project is None or not self._rows:
            return
        last = self._rows[-1]
        rows = review.queue_page(self.project, self.queue_filter, limit=PAGE, after=(last["score"], last["id"]))
        self._more = len(rows) == PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # -- reading --------------------------------------------------------------------------------------
    def row_data(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, suggestion_id: int) -> int | None:
        return next((index for index, row in enumerate(self._rows) if row["id"] == suggestion_id), None)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Score"), self.tr("Code"), self.tr("Passage"))[section]

    def _icon(self, colour: str | None) -> QIcon:
        colour = colour or "#999999"
        if colour not in self._icons:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(colour))
            self._icons[colour] = QIcon(pixmap)
        return self._icons[colour]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_data(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return score_text(row["score"])
            if column == 1:
                return row["code"]
            return one_line(row["text"])
        if role == HTML_ROLE and column == 2:
            return context_html(row)
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._icon(row["color"])
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return f"<p>{context_html(row)}</p>"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ContextDelegate(QStyledItemDelegate):
    """Paints the passage column as rich text (the passage bold inside its context), on one line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(HTML_ROLE)
        if text is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(text)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(context.palette.ColorRole.Text, option.palette.color(
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))
