"""The quick-code box (Ctrl+K): type part of a code's name, or its favourite key, then Enter.

Matching ignores case and accents ("factu" finds "Facturation", "resil" finds "Résiliation"), and looks
at the whole path, so a group's name finds its codes; a lone digit 1-9 puts that favourite first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.views.favourites import CodeChoice

CODE_ID_ROLE = Qt.ItemDataRole.UserRole


def fold(text: str) -> str:
    """Lower case without accents, for matching what the user types."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matches(query: str, choices: Sequence[CodeChoice], favourites: Sequence[CodeChoice]) -> list[CodeChoice]:
    """The codable codes the query names: favourite n for a digit, then names containing the query,
    names that start with it first."""
    query = query.strip()
    found: list[CodeChoice] = []
    if query.isdigit() and 1 <= int(query) <= len(favourites):
        found.append(favourites[int(query) - 1])
    folded = fold(query)
    named = [choice for choice in choices if choice.codable and folded in fold(choice.path)]
    named.sort(key=lambda choice: (not fold(choice.name).startswith(folded), folded not in fold(choice.name)))
    found.extend(choice for choice in named if choice not in found)
    return found


def swatch(colour: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour or "#999999"))
    return QIcon(pixmap)


class QuickCodeBox(QFrame):
    """A small popup: `chosen(code id)` on Enter or a click, nothing on Escape."""

    chosen = Signal(int)

    def __init__(self, choices: Sequence[CodeChoice], favourites: Sequence[CodeChoice], title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._choices = list(choices)
        self._favourites = list(favourites)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Nom du code ou touche 1-9…"))
        self.query.setClearButtonEnabled(True)
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        self.resize(340, 300)
        self.query.textChanged.connect(self._filter)
        self.query.returnPressed.connect(self._accept)
        self.list.itemActivated.connect(lambda _item: self._accept())
        self._filter("")

    def _filter(self, text: str) -> None:
        self.list.clear()
        keys = {choice.id: index for index, choice in enumerate(self._favourites, start=1)}
        for choice in matches(text, self._choices, self._favourites):
            key = keys.get(choice.id)
            item = QListWidgetItem(swatch(choice.color), f"{choice.path}" + (f"   [{key}]" if key else ""))
            item.setData(CODE_ID_ROLE, choice.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.close()
        self.chosen.emit(int(item.data(CODE_ID_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.list.setCurrentRow(max(0, min(self.list.currentRow() + step, self.list.count() - 1)))
            return
        super().keyPressEvent(event)

    def show_at(self, where: QPoint) -> None:
        self.move(where)
        self.show()
        self.query.setFocus()
