"""Document list model: holds the ordered ids of the documents a query keeps, reads the rows it shows.

A project can hold a million verbatims. The model keeps only their ids in the list's order (8 MB per
million) and reads rows a page at a time, by id, when the view paints them; a few recent pages are kept.
The row count is known at once, so the scroll bar is true to the list and dragging it to the end costs one
page. Any filter or sort other than the plain id order is read on a worker thread (sorting a million
titles takes about half a second) and the list switches when it is ready: `loaded` says so.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.kinds import kind_label
from ui.workers import Job
from workbench import document_list
from workbench.document_list import ALL_DOCUMENTS, SORT_KEYS, DocumentQuery, DocumentRow
from workbench.project import Project

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index Qt passes for "no parent"
KEPT_PAGES = 32


def _ordered_ids(project: Project, query: DocumentQuery, **_job: Any) -> np.ndarray:
    """`document_list.ordered_ids` as a job (its own connection, closed when done)."""
    try:
        return document_list.ordered_ids(project, query)
    finally:
        project.close()


def _cells(row: DocumentRow) -> tuple[Any, ...]:
    when = row.occurred_at.strftime("%Y-%m-%d") if row.occurred_at else ""
    return (row.id, kind_label(row.kind), row.title, row.n_chars, row.codings, when)


class DocumentTableModel(QAbstractTableModel):
    """Rows of `workbench.document_list`, in the order and with the filters of `query`."""

    loaded = Signal()

    # Marked for lupdate here, translated when Qt asks for a header (so the language installed then wins).
    # In the order of document_list.SORT_KEYS: a click on a header sorts by the key of its column.
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentTableModel", "Id"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Type"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Titre"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Caractères"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Codages"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Date"),
    )

    def __init__(self, project: Project, page_size: int = 200) -> None:
        super().__init__()
        self.project = project
        self.page_size = page_size
        self.query = ALL_DOCUMENTS
        self._ids = document_list.ordered_ids(project, self.query)
        self._pages: OrderedDict[int, list[tuple[Any, ...] | None]] = OrderedDict()
        self._job: Job | None = None
        self._generation = 0

    # -- what is listed -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._ids)

    @property
    def loading(self) -> bool:
        return self._job is not None

    def set_query(self, query: DocumentQuery) -> None:
        """Show the documents `query` keeps; the current list stays until the new one is ready."""
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Read the list again (documents were added or removed, or the query changed)."""
        self._generation += 1
        if not self.query.is_filtered and self.query.sort == "id":
            self._job = None
            self._switch(document_list.ordered_ids(self.project, self.query))  # 43 ms for a million
            return
        generation = self._generation
        job = Job(_ordered_ids, self.project.worker(), self.query)
        job.signals.finished.connect(lambda ids: self._arrived(generation, ids))
        job.signals.failed.connect(lambda _message: self._arrived(generation, None))
        self._job = job
        job.start()

    def _arrived(self, generation: int, ids: np.ndarray | None) -> None:
        if generation != self._generation:
            return  # a newer query was asked for meanwhile
        self._job = None
        self._switch(self._ids if ids is None else ids)

    def _switch(self, ids: np.ndarray) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self.loaded.emit()

    def refresh_row_counts(self) -> None:
        """Codings changed: re-read the rows when they are next painted, keeping the list and its place."""
        self._pages.clear()
        if len(self._ids):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.HEADERS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        query = self.query.sorted_by(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if query != self.query:  # Qt sorts once when sorting is switched on: the list is already in order
            self.set_query(query)

    # -- rows ---------------------------------------------------------------------------------------
    def document_id(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, document_id: int | None) -> int | None:
        """The row of a document in the list, or None when the filters leave it out."""
        if document_id is None:
            return None
        found = np.flatnonzero(self._ids == document_id)
        return int(found[0]) if len(found) else None

    def _row(self, row: int) -> tuple[Any, ...] | None:
        """The cells of a row as shown; a view asks for each cell several times per paint, so a page's
        cells are formatted once, when it is read."""
        page = row // self.page_size
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * self.page_size : (page + 1) * self.page_size]
            by_id = {found.id: _cells(found) for found in document_list.rows_for(self.project, ids)}
            rows = [by_id.get(int(i)) for i in ids]  # None: removed since the list was read
            self._pages[page] = rows
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * self.page_size]

    # -- Qt's model interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.document_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row[2] if index.column() == 2 else None
        return row[index.column()]
