"""Document list model: pages through `workbench.browse` so a million-document project opens instantly."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbench import browse
from workbench.project import Project

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index Qt passes for "no parent"


class DocumentTableModel(QAbstractTableModel):
    """Rows are fetched `page_size` at a time as the view scrolls (Qt's canFetchMore/fetchMore)."""

    # Marked for lupdate here, translated when Qt asks for a header (so the language installed then wins).
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentTableModel", "Id"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Type"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Titre"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Caractères"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Codages"),
    )

    def __init__(self, project: Project, page_size: int = 200) -> None:
        super().__init__()
        self.project = project
        self.page_size = page_size
        self.kind: str | None = None
        self.contains: str | None = None
        self._rows: list[browse.DocumentRow] = []
        self._total = 0
        self.reload()

    def set_filter(self, kind: str | None = None, contains: str | None = None) -> None:
        self.kind = kind or None
        self.contains = contains or None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = browse.count_documents(self.project, self.kind, self.contains)
        self._rows = browse.document_page(self.project, 0, self.page_size, self.kind, self.contains)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = ROOT) -> None:
        page = browse.document_page(self.project, len(self._rows), self.page_size, self.kind, self.contains)
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.id, row.kind, row.title, row.n_chars, row.codings)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def document_id(self, row: int) -> int:
        return self._rows[row].id

    def refresh_row_counts(self) -> None:
        """Re-read the loaded rows (after a coding changed the counts), keeping the scroll position."""
        if not self._rows:
            return
        self._rows = browse.document_page(self.project, 0, len(self._rows), self.kind, self.contains)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))
