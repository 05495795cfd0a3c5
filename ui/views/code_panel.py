"""The codebook panel: the code tree with colours and counts, and the buttons that code the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from workbench import codebook
from workbench.project import Project

CODE_ID_ROLE = Qt.ItemDataRole.UserRole


def _swatch(colour: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour or "#999999"))
    return QIcon(pixmap)


class CodePanel(QWidget):
    """Tree of codes; `codeSpan` asks to code the selection, `codeDocument` the whole document."""

    codeSpan = Signal(int)
    codeDocument = Signal(int)
    focusCode = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Codages")])
        self.tree.setColumnWidth(0, 260)
        self.code_selection = QPushButton(self.tr("Coder la sélection"))
        self.code_whole = QPushButton(self.tr("Coder le document"))
        self.code_selection.setEnabled(False)
        self.code_whole.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.code_selection)
        buttons.addWidget(self.code_whole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.code_selection.clicked.connect(lambda: self._emit(self.codeSpan))
        self.code_whole.clicked.connect(lambda: self._emit(self.codeDocument))
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._emit(self.codeSpan))

    def load(self, project: Project) -> None:
        """Rebuild the tree from the project's codebook, keeping the current code selected and the groups
        the user opened or closed as they were (the first load opens the top level)."""
        current = self.current_code_id()
        first_load = self.tree.topLevelItemCount() == 0
        expanded = {int(item.data(0, CODE_ID_ROLE)) for item in self._all_items() if item.isExpanded()}
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for node in codebook.code_tree(project, counts=True):
            parent = items.get(node["parent_id"]) if node["parent_id"] is not None else None
            item = QTreeWidgetItem([node["name"], str(node["n_codings"] or "")])
            item.setIcon(0, _swatch(node.get("color")))
            item.setData(0, CODE_ID_ROLE, node["id"])
            if not node.get("codable", True):
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
                item.setData(0, Qt.ItemDataRole.UserRole + 1, False)
            description = node.get("description")
            if description:
                item.setToolTip(0, description)
            items[node["id"]] = item
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            if node["id"] == current:
                self.tree.setCurrentItem(item)
        if first_load:
            self.tree.expandToDepth(0)
        else:
            for item in self._all_items():
                item.setExpanded(int(item.data(0, CODE_ID_ROLE)) in expanded)

    def current_code_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, CODE_ID_ROLE))

    def select_code(self, code_id: int) -> None:
        for item in self._all_items():
            if item.data(0, CODE_ID_ROLE) == code_id:
                self.tree.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        codable = current is not None and current.data(0, Qt.ItemDataRole.UserRole + 1) is not False
        self.code_selection.setEnabled(codable)
        self.code_whole.setEnabled(codable)
        self.focusCode.emit(None if current is None else int(current.data(0, CODE_ID_ROLE)))

    def _emit(self, signal: Signal) -> None:
        code_id = self.current_code_id()
        if code_id is not None and self.code_selection.isEnabled():
            signal.emit(code_id)
