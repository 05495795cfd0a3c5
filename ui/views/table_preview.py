"""The table part of the import dialog: the first rows of a .csv or .xlsx file, what was detected, and the
user's choices of text column, title column and variable types.

The preview itself is read by the engine (`workbench.ingest.preview.preview_table`) in a worker; this
panel only shows it and keeps the choices, which become the file's `FileChoices`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.kinds import column_type_labels
from workbench.ingest.preview import TablePreview
from workbench.ingest.tables import COLUMN_CHOICES

_Index = QModelIndex | QPersistentModelIndex
# Shown in a cell of the preview at most: a long verbatim is cut, the whole text stays in the tooltip.
_CELL_CHARS = 120


class PreviewModel(QAbstractTableModel):
    """The preview's rows, read-only; headers are the column names as they will be stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.rows: list[list[str]] = []

    def set_preview(self, preview: TablePreview | None) -> None:
        self.beginResetModel()
        self.names = list(preview.names) if preview else []
        self.rows = [list(row) for row in preview.rows] if preview else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            flat = value.replace("\n", " ")
            return flat if len(flat) <= _CELL_CHARS else flat[:_CELL_CHARS] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and len(value) > _CELL_CHARS:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.names[section] if section < len(self.names) else None
        return str(section + 1)


@dataclass
class TableChoice:
    """What the user chose for one table; `types` holds only the columns whose type was changed from the
    guess (or ignored): the others are typed by the import on the whole file."""

    text_column: str | None = None
    title_column: str | None = None
    types: dict[str, str] = field(default_factory=dict)


class TableChoicesPanel(QWidget):
    """Preview, detection and choices of the table selected in the dialog's list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: TablePreview | None = None
        self.choice = TableChoice()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(140)
        self.text_column = QComboBox()
        self.title_column = QComboBox()
        self.types = QTableWidget(0, 2)
        self.types.setHorizontalHeaderLabels([self.tr("Colonne"), self.tr("Type")])
        self.types.verticalHeader().hide()
        self.types.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.types.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.types.setToolTip(self.tr("Types devinés sur les premières lignes ; l'import vérifie chaque valeur "
                                      "du type choisi et refuse le fichier en nommant la ligne qui n'en est pas."))
        form = QFormLayout()
        form.addRow(self.tr("Colonne du texte :"), self.text_column)
        form.addRow(self.tr("Colonne du titre :"), self.title_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 3)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Variables :")))
        layout.addWidget(self.types, 2)
        self.text_column.activated.connect(self._roles_changed)
        self.title_column.activated.connect(self._roles_changed)
        self.show_message("")

    def show_message(self, text: str) -> None:
        """No preview to show (none selected, being read, or refused): say why."""
        self.preview = None
        self.model.set_preview(None)
        self.status.setText(text)
        for widget in (self.view, self.text_column, self.title_column, self.types):
            widget.setEnabled(False)
        self.text_column.clear()
        self.title_column.clear()
        self.types.setRowCount(0)

    def show_preview(self, preview: TablePreview, choice: TableChoice) -> None:
        """Show a file's preview with the choices already made for it (a new choice takes the guesses)."""
        self.preview, self.choice = preview, choice
        if choice.text_column is None and preview.text_index is not None:
            choice.text_column = preview.names[preview.text_index]
        self.model.set_preview(preview)
        if preview.encoding is None:
            detected = self.tr("Classeur Excel : première feuille, {n} premières lignes.")
        else:
            detected = self.tr("Encodage : {encoding} · séparateur : {delimiter} · {n} premières lignes.")
        self.status.setText(detected.format(encoding=preview.encoding, delimiter=self._delimiter_name(preview.delimiter),
                                            n=len(preview.rows)))
        self.text_column.clear()
        self.text_column.addItems(preview.names)
        if choice.text_column in preview.names:
            self.text_column.setCurrentIndex(preview.names.index(choice.text_column))
        else:
            self.text_column.setCurrentIndex(-1)
        self.title_column.clear()
        self.title_column.addItem(self.tr("(aucune)"), None)
        for name in preview.names:
            self.title_column.addItem(name, name)
        self.title_column.setCurrentIndex(self.title_column.findData(choice.title_column) if choice.title_column else 0)
        for widget in (self.view, self.text_column, self.title_column, self.types):
            widget.setEnabled(True)
        self._fill_types()

    def type_combo(self, name: str) -> QComboBox:
        """The type chooser of a column (for tests and keyboard users alike, by the column's name)."""
        assert self.preview is not None
        return self.types.cellWidget(self.preview.names.index(name), 1)  # type: ignore[return-value]

    def _delimiter_name(self, delimiter: str | None) -> str:
        names = {";": self.tr("point-virgule (;)"), ",": self.tr("virgule (,)"), "\t": self.tr("tabulation"),
                 "|": self.tr("barre verticale (|)")}
        return names.get(delimiter or "", delimiter or "")

    def _fill_types(self) -> None:
        """One type chooser per column; the text and title columns are not variables, so theirs is off."""
        assert self.preview is not None
        labels = column_type_labels()
        self.types.setRowCount(len(self.preview.names))
        widest = self.types.horizontalHeader().sectionSizeHint(1)
        for row, (name, guessed) in enumerate(zip(self.preview.names, self.preview.types, strict=True)):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.types.setItem(row, 0, item)
            combo = QComboBox()
            if name == self.choice.text_column:
                combo.addItem(self.tr("texte des documents"), None)
                combo.setEnabled(False)
            elif name == self.choice.title_column:
                combo.addItem(self.tr("titre des documents"), None)
                combo.setEnabled(False)
            else:
                for choice in COLUMN_CHOICES:
                    label = labels[choice] + (self.tr(" (deviné)") if choice == guessed else "")
                    combo.addItem(label, choice)
                combo.setCurrentIndex(combo.findData(self.choice.types.get(name, guessed)))
                combo.currentIndexChanged.connect(lambda _index, column=name, box=combo: self._type_chosen(column, box))
            self.types.setCellWidget(row, 1, combo)
            widest = max(widest, combo.sizeHint().width())
        # A column sized to its contents ignores cell widgets: the choosers would be cut to their first letter.
        self.types.setColumnWidth(1, widest)

    def _type_chosen(self, name: str, combo: QComboBox) -> None:
        assert self.preview is not None
        chosen = combo.currentData()
        guessed = self.preview.types[self.preview.names.index(name)]
        if chosen == guessed:
            self.choice.types.pop(name, None)
        else:
            self.choice.types[name] = chosen
        self.changed.emit()

    def _roles_changed(self) -> None:
        """A column that becomes the text or the title is no longer a variable: its type choice goes."""
        self.choice.text_column = self.text_column.currentText() or None
        self.choice.title_column = self.title_column.currentData()
        if self.choice.title_column == self.choice.text_column:  # one column cannot be both
            self.title_column.setCurrentIndex(0)
            self.choice.title_column = None
        for name in (self.choice.text_column, self.choice.title_column):
            self.choice.types.pop(name or "", None)
        self._fill_types()
        self.changed.emit()
