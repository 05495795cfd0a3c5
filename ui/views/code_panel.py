"""The codebook panel: the code tree (colours, counts, definitions), its editing, and the retrieval pane.

Every edit calls a `workbench.codebook` function, which journals it, so Edit > Undo takes it back; the
panel then emits `edited` and the window refreshes what changed. The tree is rebuilt from the engine after
each change, keeping what the user was looking at: the current code, the open groups and the scroll
position. A span of text dropped on a code (`ui.views.code_tree`) becomes `codeSpanAt`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.refusals import refusal_text
from ui.views.code_tree import CODABLE_ROLE, CODE_ID_ROLE, NAME_ROLE, CodeTree, swatch
from ui.views.codebook_dialogs import MergeDialog, NewCodeDialog
from ui.views.codebook_files_menu import CodebookFilesMenu
from ui.views.retrieval_panel import RetrievalPanel
from workbench import codebook
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store.coders import resolve_coder


class CodePanel(QWidget):
    """Tree of codes; `codeSpan` asks to code the selection, `codeDocument` the whole document,
    `codeSpanAt` a span dropped on a code; `openMatch` opens a passage from the retrieval pane."""

    codeSpan = Signal(int)
    codeDocument = Signal(int)
    codeSpanAt = Signal(int, int, int, int)  # code id, document id, start, end
    focusCode = Signal(object)
    openMatch = Signal(int, int, int)
    edited = Signal()  # the codebook changed through this panel: refresh what shows it
    jobRequested = Signal(str, object, object, str)  # label, function, arguments (tuple), what a cancel leaves

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.current_coder: Callable[[], str | None] = lambda: None
        self._loading = False
        self._fixed = False  # an exercise's codebook is the trainer's: no code is created, renamed, merged, deleted
        self._loads = 0  # how many times the tree was rebuilt: an edit rebuilds it unless the window did
        self.tree = CodeTree()
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Codages")])
        self.tree.setColumnWidth(0, 240)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.code_selection = QPushButton(self.tr("Coder la sélection"))
        self.code_whole = QPushButton(self.tr("Coder le document"))
        self.code_selection.setEnabled(False)
        self.code_whole.setEnabled(False)
        self._build_actions()
        self.new_button = QToolButton()
        self.new_button.setDefaultAction(self.add_sibling_action)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.codebook_button = QToolButton()
        self.codebook_button.setText(self.tr("Livre de codes"))
        self.codebook_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.codebook_button.setMenu(self.files_menu)
        tools = QHBoxLayout()
        tools.addWidget(self.new_button)
        tools.addStretch(1)
        tools.addWidget(self.codebook_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.code_selection)
        buttons.addWidget(self.code_whole)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(tools)
        top_layout.addWidget(self.tree)
        top_layout.addLayout(buttons)
        self.retrieval = RetrievalPanel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.retrieval)
        splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemChanged.connect(self._item_edited)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.spanDropped.connect(self.codeSpanAt)
        self.tree.codeDropped.connect(self.move_code)
        self.retrieval.openMatch.connect(self.openMatch)
        self.code_selection.clicked.connect(lambda: self._emit(self.codeSpan))
        self.code_whole.clicked.connect(lambda: self._emit(self.codeDocument))
        # After the double-click is handled: coding rebuilds the tree, whose items the click still uses.
        self.tree.itemDoubleClicked.connect(lambda item, _col: QTimer.singleShot(0, lambda: self._emit(self.codeSpan)))

    def _build_actions(self) -> None:
        def make(text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
            made = QAction(text, self)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.tree.addAction(made)
            return made

        self.add_child_action = make(self.tr("Nouveau sous-code…"), lambda: self.add_code(child=True))
        self.add_sibling_action = make(self.tr("Nouveau code…"), lambda: self.add_code(child=False),
                                       QKeySequence(Qt.Key.Key_Insert))
        self.rename_action = make(self.tr("Renommer"), self.rename_current)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))  # shown in the menu; the tree's F2 edits
        self.recolour_action = make(self.tr("Changer la couleur…"), self.recolour_current)
        self.merge_action = make(self.tr("Fusionner dans…"), self.merge_current)
        self.delete_action = make(self.tr("Supprimer…"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.files_menu = CodebookFilesMenu(self._coder_id, self._current_scheme, self)
        self.files_menu.jobRequested.connect(self.jobRequested)
        self._update_actions()

    # -- reading ----------------------------------------------------------------------------------
    def load(self, project: Project) -> None:
        """Rebuild the tree from the project's codebook, keeping the current code, the groups the user
        opened or closed and the scroll position as they were (the first load opens the top level)."""
        first_load = self.project is not project or self.tree.topLevelItemCount() == 0
        current = None if self.project is not project else self.current_code_id()
        self.project = project
        self._fixed = codebook.is_fixed(project)
        self.new_button.setVisible(not self._fixed)
        self._loads += 1
        expanded = {int(item.data(0, CODE_ID_ROLE)) for item in self.tree.all_items() if item.isExpanded()}
        scroll = self.tree.verticalScrollBar().value()
        nodes = codebook.code_tree(project)
        counts = codebook.coding_counts(project)
        for node in nodes:
            node["n_codings"] = counts.get(node["id"], 0)
        totals, parents = self._subtree_totals(nodes)
        self._loading = True
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            items: dict[int, QTreeWidgetItem] = {}
            for node in nodes:
                item = self._item(node, totals[node["id"]], has_children=node["id"] in parents)
                items[node["id"]] = item
                parent = items.get(node["parent_id"]) if node["parent_id"] is not None else None
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
            if first_load:
                self.tree.expandToDepth(0)
            else:
                for code_id, item in items.items():
                    item.setExpanded(code_id in expanded)
            if current in items:
                self.tree.setCurrentItem(items[current])
        finally:
            self.tree.blockSignals(False)
            self._loading = False
        self.tree.executeDelayedItemsLayout()  # lays the rows out now, so the scroll range is right
        self.tree.verticalScrollBar().setValue(scroll)
        now = self.current_code_id()
        if now != current:  # the current code went (deleted, merged, undone): say so
            self._current_changed(self.tree.currentItem(), None)
        else:
            self._update_actions()
            self._show_passages()

    @staticmethod
    def _subtree_totals(nodes: list[dict[str, Any]]) -> tuple[dict[int, int], set[int]]:
        """Each code's codings plus those of its whole sub-tree, and the ids of the codes with sub-codes."""
        totals = {node["id"]: node["n_codings"] or 0 for node in nodes}
        parents: set[int] = set()
        for node in reversed(nodes):  # depth first: children come after their parent, so add backwards
            if node["parent_id"] is not None:
                totals[node["parent_id"]] += totals[node["id"]]
                parents.add(node["parent_id"])
        return totals, parents

    def _item(self, node: dict[str, Any], total: int, *, has_children: bool) -> QTreeWidgetItem:
        own = node["n_codings"] or 0
        shown = total if has_children else own
        item = QTreeWidgetItem([node["name"], str(shown) if shown else ""])
        if not self._fixed:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setIcon(0, swatch(node.get("color")))
        item.setData(0, CODE_ID_ROLE, node["id"])
        item.setData(0, NAME_ROLE, node["name"])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not node.get("codable", True):
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setData(0, CODABLE_ROLE, False)
        if has_children:
            font = item.font(1)
            font.setBold(True)
            item.setFont(1, font)
            item.setToolTip(1, self.tr("{total} codages avec les sous-codes, dont {own} sur ce code").format(
                total=total, own=own))
        description = node.get("description")
        if description:
            item.setToolTip(0, description)
        return item

    def current_code_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, CODE_ID_ROLE))

    def select_code(self, code_id: int) -> None:
        item = self.tree.item_of(code_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _all_items(self) -> list[QTreeWidgetItem]:
        return self.tree.all_items()

    def _current_codable(self) -> bool:
        item = self.tree.currentItem()
        return item is not None and item.data(0, CODABLE_ROLE) is not False

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._update_actions()
        self._show_passages()
        self.focusCode.emit(None if current is None else int(current.data(0, CODE_ID_ROLE)))

    def _update_actions(self) -> None:
        chosen = self.tree.currentItem() is not None
        codable = self._current_codable()
        self.code_selection.setEnabled(codable)
        self.code_whole.setEnabled(codable)
        editable = self.project is not None and not self._fixed  # an exercise's codebook is the trainer's
        self.recolour_action.setEnabled(chosen and self.project is not None)
        self.add_sibling_action.setEnabled(editable)
        for each in (self.add_child_action, self.rename_action, self.merge_action, self.delete_action):
            each.setEnabled(chosen and editable)
        for each in (self.add_sibling_action, self.add_child_action, self.rename_action, self.merge_action,
                     self.delete_action):
            each.setVisible(not self._fixed)
        self.files_menu.set_project(self.project, has_current=chosen, fixed=self._fixed)

    def _show_passages(self) -> None:
        self.retrieval.show_code(self.project, self.current_code_id(), codable=self._current_codable())

    def _emit(self, signal: Signal) -> None:
        code_id = self.current_code_id()
        if code_id is not None and self.code_selection.isEnabled():
            signal.emit(code_id)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            self.tree.setCurrentItem(item)
        menu = QMenu(self)
        if item is not None and self._current_codable():
            menu.addAction(self.tr("Coder la sélection"), lambda: self._emit(self.codeSpan))
            menu.addAction(self.tr("Coder le document"), lambda: self._emit(self.codeDocument))
            menu.addSeparator()
        menu.addAction(self.add_sibling_action)
        if item is not None:
            menu.addAction(self.add_child_action)
            menu.addAction(self.rename_action)
            menu.addAction(self.recolour_action)
            menu.addAction(self.merge_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # -- editing ----------------------------------------------------------------------------------
    def _coder_id(self) -> int | None:
        name = self.current_coder()
        return None if name is None or self.project is None else resolve_coder(self.project, name)

    def _change(self, change: Callable[[int | None], object]) -> bool:
        """Run one engine edit as the current coder; a refusal is shown in the engine's words."""
        if self.project is None:
            return False
        try:
            change(self._coder_id())
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Modification impossible"), refusal_text(exc))
            self.load(self.project)  # puts back a name the user typed in the tree
            return False
        loads = self._loads
        self.edited.emit()
        if self._loads == loads and self.project is not None:
            self.load(self.project)
        return True

    def add_code(self, *, child: bool) -> int | None:
        """Ask for a name (and a definition) and create the code under the current one (`child`) or
        beside it, at the end of its siblings. Returns the new code's id."""
        if self.project is None:
            return None
        current = self.tree.currentItem()
        if child and current is None:
            return None
        if child:
            parent_id: int | None = self.current_code_id()
        else:
            parent_item = current.parent() if current is not None else None
            parent_id = None if parent_item is None else int(parent_item.data(0, CODE_ID_ROLE))
        where = (self.tr("Sous « {path} »").format(path=codebook.code_path(self.project, parent_id))
                 if parent_id is not None else self.tr("Au premier niveau du livre de codes"))
        siblings, parent_name = codebook.names_around(self.project, parent_id)
        dialog = NewCodeDialog(where, self.project.language, self, siblings=siblings, parent_name=parent_name)
        if dialog.exec() != NewCodeDialog.DialogCode.Accepted:
            return None
        name, definition = dialog.values()
        created: list[int] = []
        project = self.project
        if not self._change(lambda coder_id: created.append(
                codebook.create_code(project, name, parent_id, description=definition, coder_id=coder_id))):
            return None
        if parent_id is not None:
            self.tree.item_of(parent_id).setExpanded(True)  # type: ignore[union-attr]
        self.select_code(created[0])
        return created[0]

    def rename_current(self) -> None:
        """Open the inline editor on the current code's name (what F2 does)."""
        item = self.tree.currentItem()
        if item is not None:
            self.tree.editItem(item, 0)

    def _item_edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0 or self.project is None:
            return
        new_name = item.text(0)
        if new_name == item.data(0, NAME_ROLE):
            return
        code_id, project = int(item.data(0, CODE_ID_ROLE)), self.project
        # After the editor has closed: rebuilding the tree from inside its commit would delete the item it
        # is still writing to.
        QTimer.singleShot(0, lambda: self._change(
            lambda coder_id: codebook.rename_code(project, code_id, new_name, coder_id=coder_id)))

    def recolour_current(self) -> None:
        item = self.tree.currentItem()
        if item is None or self.project is None:
            return
        code_id, project = int(item.data(0, CODE_ID_ROLE)), self.project
        initial = QColor(codebook.get_code(project, code_id)["color"] or "#999999")
        colour = QColorDialog.getColor(initial, self, self.tr("Couleur de « {name} »").format(name=item.text(0)))
        if colour.isValid() and colour != initial:
            self._change(lambda coder_id: codebook.update_code(
                project, code_id, color=colour.name().upper(), coder_id=coder_id))

    def move_code(self, code_id: int, parent_id: int | None, position: int | None) -> bool:
        """Carry out a drop in the tree: under another code, or at a place among siblings."""
        if self.project is None:
            return False
        project = self.project
        current_parent = codebook.get_code(project, code_id)["parent_id"]
        if parent_id == current_parent and position is not None:
            return self._change(lambda coder_id: codebook.reorder_code(project, code_id, position, coder_id=coder_id))
        moved = self._change(lambda coder_id: codebook.move_code(project, code_id, parent_id, position,
                                                                  coder_id=coder_id))
        if moved and parent_id is not None:
            self.tree.item_of(parent_id).setExpanded(True)  # type: ignore[union-attr]
        return moved

    def merge_current(self) -> bool:
        item = self.tree.currentItem()
        if item is None or self.project is None:
            return False
        source, project = int(item.data(0, CODE_ID_ROLE)), self.project
        below = {source, *codebook.descendants(project, source)}
        candidates = [node for node in codebook.code_tree(project) if node["id"] not in below]
        counts = codebook.removal_counts(project, source)
        dialog = MergeDialog(codebook.code_path(project, source), counts["codings"], candidates, self)
        if dialog.exec() != MergeDialog.DialogCode.Accepted or dialog.target_id() is None:
            return False
        target = dialog.target_id()
        merged = self._change(lambda coder_id: codebook.merge_codes(project, source, target, coder_id=coder_id))
        if merged:
            self.select_code(target)  # type: ignore[arg-type]
        return merged

    def delete_current(self) -> bool:
        """Delete the current code and its sub-codes, after saying what goes with it."""
        item = self.tree.currentItem()
        if item is None or self.project is None:
            return False
        code_id, project = int(item.data(0, CODE_ID_ROLE)), self.project
        counts = codebook.removal_counts(project, code_id)
        parts = [self.tr("{count} codage(s)").format(count=counts["codings"])]
        if counts["subcodes"]:
            parts.append(self.tr("{count} sous-code(s)").format(count=counts["subcodes"]))
        if counts["memos"]:
            parts.append(self.tr("{count} mémo(s)").format(count=counts["memos"]))
        answer = QMessageBox.question(
            self, self.tr("Supprimer le code"),
            self.tr("Supprimer « {path} » ? Partiront avec lui : {what}.\n"
                    "Vous pourrez revenir en arrière avec Édition > Annuler.").format(
                path=codebook.code_path(project, code_id), what=", ".join(parts)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._change(lambda coder_id: codebook.delete_code(
            project, code_id, recursive=bool(counts["subcodes"]), coder_id=coder_id))

    def _current_scheme(self) -> tuple[int, str] | None:
        """The top-level code above the current one, and its name: the scheme a YAML export writes."""
        item = self.tree.currentItem()
        if item is None:
            return None
        while item.parent() is not None:
            item = item.parent()
        return int(item.data(0, CODE_ID_ROLE)), item.text(0)

