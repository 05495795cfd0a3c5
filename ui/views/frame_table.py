"""A read-only table model over rows already turned into text on a worker thread.

The analysis pane shows tables of a few rows to a few thousand (a crosstab of a large codebook): building
one QTableWidgetItem per cell on the GUI thread would hold the window, formatting numbers there too. The
worker formats (`format_rows`); the model only hands out strings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex


def format_cell(value: Any) -> str:
    """Plain text of one value: integers as such, other numbers with three decimals, nothing for a gap."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.3f}"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "tolist") and not isinstance(value, int | str):  # numpy arrays and scalars
        return format_cell(value.tolist())
    return str(value)


def format_rows(frame: Any) -> list[list[str]]:
    """Every cell of a DataFrame as text, row by row (on the worker)."""
    return [[format_cell(value) for value in row] for row in frame.itertuples(index=False, name=None)]


def as_tsv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated text a spreadsheet pastes as a table; tabs and line breaks inside a cell become spaces."""
    def clean(cell: str) -> str:
        return cell.replace("\t", " ").replace("\r", " ").replace("\n", " ")

    return "\n".join("\t".join(clean(cell) for cell in line) for line in [list(headers), *rows]) + "\n"


class FrameModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []

    def set_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            text = self.rows[index.row()][index.column()]
            numeric = text.lstrip("-").replace(".", "", 1).isdigit()
            return (Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None
