"""A read-only, sortable table for scores and passages, shared by the trainer's views.

Numbers sort as numbers (a missing score, shown "—", sorts below 0 %), each row remembers the entry it
shows, so a double-click after sorting still opens the right passage, and a code path is never cut from
the right: it wraps after each "/" (the code's own name, at the end of its path, on a line of its own),
and what still does not fit is elided in the middle. Passages are cut after a few lines' worth of text;
each cell's whole text is in its tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

ENTRY_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
SHOWN_CHARACTERS = 160  # of a passage in a cell; the detail pane and the tooltip have all of it
MIN_TEXT_WIDTH = 96  # pixels: "Motifs/" and "Remboursement" each on a line
_BREAK_AFTER_SLASH = "/\u200b"  # a zero-width space: where a code path may wrap


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    return QCoreApplication.translate("TrainerPanel", "{percent} %").format(percent=f"{100 * value:.0f}")


class _Item(QTableWidgetItem):
    """Sorts by its sort key when it has one (numbers), else by its text, case- and accent-blind enough."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return self.text().casefold() < other.text().casefold()


Cell = str | tuple[str, float | None]  # text, or (text, number to sort by; None sorts lowest)


class ScoreTable(QTableWidget):
    def __init__(self, columns: Sequence[str], numeric: Sequence[int] = (), codes: Sequence[int] = (0,),
                 compact: Sequence[int] = (), clip: int | None = SHOWN_CHARACTERS,
                 parent: QWidget | None = None) -> None:
        """`numeric` columns sort as numbers, `codes` hold code paths (wrapped at their "/"), `compact`
        columns take the width of their content (a document title); the others share the rest, their
        text cut after `clip` characters (None: never)."""
        super().__init__(0, len(columns), parent)
        self.code_columns = set(codes)
        self.clip = clip
        self.setHorizontalHeaderLabels(list(columns))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # Numbers take the width of their widest header word or value, set by `_fit_numbers`: sized to
        # their contents, Qt also reserves the sort arrow's room, and on a 1024-pixel screen the scores
        # were pushed out of sight behind a horizontal scroll bar.
        # Text columns share what is left, never less than `MIN_TEXT_WIDTH` each: a code path squeezed to a
        # few pixels says nothing, so past that the table scrolls sideways instead.
        self.numeric = set(numeric)
        self.compact = set(compact)
        self.shared = [column for column in range(len(columns)) if column not in self.numeric and column not in compact]
        self._fitting_compact(True)
        self._batch = False  # within `fill`: one pass over the rows' heights at the end, not one per column
        self._fit_numbers()
        header.sectionResized.connect(self._section_resized)
        # No column sorted until the user clicks one: the rows keep the engine's order (codebook order,
        # hardest code first…); afterwards each refill keeps the user's sort.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def fill(self, rows: Sequence[Sequence[Cell]], entries: Sequence[int] | None = None) -> None:
        """Replace the rows; `entries[i]` is what row i stands for (an index into the caller's list)."""
        self.setSortingEnabled(False)  # inserting into a sorted table moves rows under the loop
        # A column sized to its contents re-measures every row at each insert: 2,500 cells took 0.8 s.
        self._fitting_compact(False)
        self._batch = True
        self.clearContents()
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                text, key = (cell, None) if isinstance(cell, str) else cell
                shown = " ".join(text.split())
                if column in self.code_columns:
                    shown = shown.replace("/", _BREAK_AFTER_SLASH)
                elif self.clip is not None and len(shown) > self.clip:
                    shown = shown[:self.clip] + "…"
                item = _Item(shown)
                item.setData(FULL_TEXT_ROLE, text)
                item.setToolTip(text)
                if not isinstance(cell, str):
                    item.setData(SORT_ROLE, -1.0 if key is None else float(key))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0 and entries is not None:
                    item.setData(ENTRY_ROLE, entries[row])
                self.setItem(row, column, item)
        self.setSortingEnabled(True)
        self._fitting_compact(True)
        self._fit_numbers()
        self._batch = False
        self.resizeRowsToContents()

    def _fitting_compact(self, fitted: bool) -> None:
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            fits = fitted and column in self.compact
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents if fits else QHeaderView.ResizeMode.Interactive)

    def _section_resized(self, *_: object) -> None:
        if not self._batch:
            self.resizeRowsToContents()

    def _fit_numbers(self) -> None:
        metrics = self.horizontalHeader().fontMetrics()
        for column in self.numeric:
            label = self.horizontalHeaderItem(column)
            lines = (label.text() if label is not None else "").split("\n")
            widest = max(metrics.horizontalAdvance(line) for line in lines)
            self.setColumnWidth(column, max(widest + 16, self.sizeHintForColumn(column)))
        self._share_width()

    def _share_width(self) -> None:
        if not self.shared:
            return
        header = self.horizontalHeader()
        taken = sum(header.sectionSize(column) for column in range(self.columnCount()) if column not in self.shared)
        width = max(MIN_TEXT_WIDTH, (self.viewport().width() - taken) // len(self.shared))
        if all(header.sectionSize(column) == width for column in self.shared):
            return
        batch, self._batch = self._batch, True
        for column in self.shared:
            self.setColumnWidth(column, width)
        self._batch = batch
        if not batch:
            self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def entry(self, row: int) -> int | None:
        """The entry the row (as sorted now) stands for."""
        item = self.item(row, 0)
        return None if item is None else item.data(ENTRY_ROLE)

    def column_texts(self, column: int) -> list[str]:
        """Each cell's whole text, as given to `fill`, in the rows' current order."""
        return [self.item(row, column).data(FULL_TEXT_ROLE) for row in range(self.rowCount())]
