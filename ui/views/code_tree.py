"""The code tree of the codebook panel, and what can be dragged onto it.

Drag and drop on the tree carries two kinds of data: a code dragged inside the tree (`CODE_MIME`: dropped
onto a code it becomes its sub-code, between two codes it moves there) and a span of text dragged from the
document viewer (`SPAN_MIME`, UTF-8 JSON {"document_id", "start", "end"} in code points), which is to be
coded with the code it is dropped on. The tree only says what was asked (`codeDropped`, `spanDropped`);
the panel has the engine do it and rebuilds the tree.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

CODE_ID_ROLE = Qt.ItemDataRole.UserRole
CODABLE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
SPAN_MIME = "application/x-verbatim-span"
CODE_MIME = "application/x-verbatim-code"


def swatch(colour: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour or "#999999"))
    return QIcon(pixmap)


def span_from_mime(mime: QMimeData) -> tuple[int, int, int] | None:
    """(document_id, start, end) from a drag of the document viewer, or None when the data is not one."""
    if not mime.hasFormat(SPAN_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(SPAN_MIME).data()).decode("utf-8"))
        span = (int(data["document_id"]), int(data["start"]), int(data["end"]))
    except (ValueError, KeyError, TypeError):
        return None
    return span if 0 <= span[1] < span[2] else None


def code_from_mime(mime: QMimeData) -> int | None:
    if not mime.hasFormat(CODE_MIME):
        return None
    try:
        return int(bytes(mime.data(CODE_MIME).data()).decode("ascii"))
    except ValueError:
        return None


class CodeTree(QTreeWidget):
    """The tree itself: drags carry a code id, drops are handed to the panel as requests (the engine
    moves the code and the tree is rebuilt), never applied by Qt to the items."""

    spanDropped = Signal(int, int, int, int)  # code id, document id, start, end
    codeDropped = Signal(int, object, object)  # code id, new parent id (None: top level), position (None: last)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2; a double-click codes

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SPAN_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(CODE_MIME, QByteArray(str(int(items[0].data(0, CODE_ID_ROLE))).encode("ascii")))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def item_of(self, code_id: int) -> QTreeWidgetItem | None:
        for item in self.all_items():
            if item.data(0, CODE_ID_ROLE) == code_id:
                return item
        return None

    def all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in reversed(range(self.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
        return found

    def drop_request(self, mime: QMimeData, pos: QPoint) -> tuple[Any, ...] | None:
        """What a drop at `pos` (viewport coordinates) would do: ("span", code_id, document_id, start, end)
        or ("code", code_id, new_parent_id, position), or None where it is not allowed."""
        item = self.itemAt(pos)
        span = span_from_mime(mime)
        if span is not None:
            if item is None or item.data(0, CODABLE_ROLE) is False:
                return None
            return ("span", int(item.data(0, CODE_ID_ROLE)), *span)
        dragged = code_from_mime(mime)
        if dragged is None:
            return None
        if item is None:  # below the last code: to the end of the top level
            return ("code", dragged, None, None)
        if self._inside(item, dragged):
            return None
        rect = self.visualItemRect(item)
        margin = max(2, rect.height() // 4)
        if rect.top() + margin <= pos.y() <= rect.bottom() - margin:
            return ("code", dragged, int(item.data(0, CODE_ID_ROLE)), None)
        parent = item.parent()
        siblings = ([parent.child(i) for i in range(parent.childCount())] if parent is not None
                    else [self.topLevelItem(i) for i in range(self.topLevelItemCount())])
        order = [int(s.data(0, CODE_ID_ROLE)) for s in siblings if s.data(0, CODE_ID_ROLE) != dragged]
        position = order.index(int(item.data(0, CODE_ID_ROLE))) + (0 if pos.y() < rect.top() + margin else 1)
        return ("code", dragged, None if parent is None else int(parent.data(0, CODE_ID_ROLE)), position)

    @staticmethod
    def _inside(item: QTreeWidgetItem, code_id: int) -> bool:
        """Whether `item` is the code `code_id` or lies below it (a code cannot go inside itself)."""
        current: QTreeWidgetItem | None = item
        while current is not None:
            if current.data(0, CODE_ID_ROLE) == code_id:
                return True
            current = current.parent()
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CODE_MIME) or event.mimeData().hasFormat(SPAN_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # auto-scroll and the drop indicator
        if self.drop_request(event.mimeData(), event.position().toPoint()) is None:
            event.ignore()
        else:
            event.setDropAction(Qt.DropAction.CopyAction if event.mimeData().hasFormat(SPAN_MIME)
                                else Qt.DropAction.MoveAction)
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        request = self.drop_request(event.mimeData(), event.position().toPoint())
        if request is None:
            event.ignore()
            return
        # Accepted as a copy even for a move: Qt must not remove the dragged item itself, the rebuild does.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.stopAutoScroll()
        signal = self.spanDropped if request[0] == "span" else self.codeDropped
        # Once the drop is over: the change rebuilds the tree, which must not happen inside its own event.
        QTimer.singleShot(0, lambda: signal.emit(*request[1:]))
