"""Small dialogs of the codebook panel: name a new code, choose the code to merge into.

They only collect the user's choice; the panel makes the change through the engine, so every check (a
name already taken, a merge into a sub-code) is the engine's and reads the same as on the command line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

CODE_ID_ROLE = Qt.ItemDataRole.UserRole


class NewCodeDialog(QDialog):
    """A name and, if the user has one ready, a definition (shown when the code is hovered)."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau code"))
        self.name = QLineEdit()
        self.definition = QPlainTextEdit()
        self.definition.setPlaceholderText(self.tr("Ce que le code couvre (facultatif)"))
        self.definition.setFixedHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.name.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        place = QLabel(where)
        place.setWordWrap(True)
        place.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Nom :"), self.name)
        form.addRow(self.tr("Définition :"), self.definition)
        layout = QVBoxLayout(self)
        layout.addWidget(place)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> tuple[str, str | None]:
        """The name and the definition (None when left empty)."""
        return self.name.text(), self.definition.toPlainText().strip() or None


class MergeDialog(QDialog):
    """Pick the code that takes over the source's codings, memos and sub-codes; a box filters the list
    of a large codebook by any part of a code's path."""

    def __init__(self, source_path: str, n_codings: int, candidates: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fusionner un code"))
        explanation = QLabel(self.tr(
            "Les {count} codages de « {source} » et de ses sous-codes passeront au code choisi, puis « {source} » "
            "sera supprimé. Édition > Annuler défait la fusion.").format(count=n_codings, source=source_path))
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filtrer les codes…"))
        self.targets = QListWidget()
        for candidate in candidates:
            item = QListWidgetItem(candidate["path"])
            item.setData(CODE_ID_ROLE, candidate["id"])
            self.targets.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Fusionner"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.targets.currentItemChanged.connect(
            lambda item, _previous: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                item is not None and not item.isHidden()))
        self.targets.itemDoubleClicked.connect(lambda _item: self.accept())
        self.filter.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.filter)
        layout.addWidget(self.targets)
        layout.addWidget(self.buttons)
        self.resize(420, 420)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def target_id(self) -> int | None:
        item = self.targets.currentItem()
        return None if item is None or item.isHidden() else int(item.data(CODE_ID_ROLE))
