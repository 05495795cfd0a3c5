"""The memo pane: the analyst's notes on the project, documents, codes and codings, listed, searched and
edited in one place. Every change goes through `workbench.store.memos`, journalled, so Edit > Undo takes
it back; the list follows the change events the window relays (`reload`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.refusals import refusal_text
from ui.widgets import shrinking_combo
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store import memos

MEMO_ID_ROLE = Qt.ItemDataRole.UserRole
THIS_DOCUMENT = "this-document"


class MemoPanel(QWidget):
    """`openMatch(document_id, start, end)` asks the window to show what the chosen memo is about."""

    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.coder = ""
        self.document_id: int | None = None
        self.code_id: int | None = None
        self.coding_id: int | None = None
        self.editing_id: int | None = None  # the memo in the editor; None while writing a new one
        self._rows: dict[int, dict[str, Any]] = {}

        self.scope = shrinking_combo()
        for label, data in ((self.tr("Tous les mémos"), None), (self.tr("Ce document et ses codages"), THIS_DOCUMENT),
                            (self.tr("Le projet"), "project"), (self.tr("Documents"), "document"),
                            (self.tr("Codes"), "code"), (self.tr("Codages"), "coding")):
            self.scope.addItem(label, data)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Chercher dans les mémos…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.count = QLabel()

        self.target = shrinking_combo()
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Écrivez le mémo ici…"))
        self.new_button = QPushButton(self.tr("Nouveau"))
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.setEnabled(False)
        self.save_button.setEnabled(False)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.scope)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.list)
        top_layout.addWidget(self.count)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        about = QHBoxLayout()
        about.addWidget(QLabel(self.tr("À propos de :")))
        about.addWidget(self.target, 1)
        bottom_layout.addLayout(about)
        bottom_layout.addWidget(self.editor)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        bottom_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.scope.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.list.currentItemChanged.connect(self._memo_chosen)
        self.editor.textChanged.connect(
            lambda: self.save_button.setEnabled(self.project is not None and bool(self.editor.toPlainText().strip())))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_current)
        self._fill_targets()

    # -- what the window tells the pane ----------------------------------------------------------------
    def set_project(self, project: Project, coder: str) -> None:
        self.project = project
        self.coder = coder
        self.document_id = self.code_id = self.coding_id = None
        self.list.clear()
        self.start_new()
        self.reload()

    def set_document(self, document_id: int | None) -> None:
        if document_id == self.document_id:
            return
        self.document_id = document_id
        self.coding_id = None
        self._fill_targets()
        if self.scope.currentData() == THIS_DOCUMENT:
            self.reload()

    def set_code(self, code_id: int | None) -> None:
        self.code_id = code_id
        self._fill_targets()

    def set_coding(self, coding_id: int | None) -> None:
        self.coding_id = coding_id
        self._fill_targets()

    # -- the list ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the memos the filter and search ask for, keeping the chosen memo in place. Text being
        written is never thrown away: a changed memo stays in the editor even when the search hides it."""
        if self.project is None:
            return
        scope = self.scope.currentData()
        if scope == THIS_DOCUMENT and self.document_id is None:
            rows: list[dict[str, Any]] = []
        else:
            rows = memos.find_memos(
                self.project, self.search.text(),
                target_kind=None if scope == THIS_DOCUMENT else scope,
                document_id=self.document_id if scope == THIS_DOCUMENT else None,
            )
        current = self.editing_id
        self._rows = {row["id"]: row for row in rows}
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{self._about(row)} · {row['coder'] or '?'} · {row['updated_at']:%Y-%m-%d %H:%M}\n"
                                   f"{_one_line(row['text'], 160)}")
            item.setData(MEMO_ID_ROLE, row["id"])
            item.setToolTip(row["text"])
            self.list.addItem(item)
            if row["id"] == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.count.setText(self.tr("%n mémo(s)", "", len(rows)))
        if current is None or self.editor.document().isModified():
            return
        if current in self._rows:
            self.editor.setPlainText(self._rows[current]["text"])
            self.editor.document().setModified(False)
        else:
            self.start_new()

    def names_codes(self) -> bool:
        """Whether a listed memo is about a code or a coding, whose label names the code and passage: a
        change to the codes or codings need not re-read the list otherwise."""
        return any(row["target_kind"] in ("code", "coding") for row in self._rows.values())

    def _about(self, row: dict[str, Any]) -> str:
        kind = row["target_kind"]
        if kind == "project":
            return self.tr("Projet")
        if kind == "document":
            return self.tr("Document « {title} »").format(title=row["document_title"] or row["target_id"])
        if kind == "code":
            return self.tr("Code « {name} »").format(name=row["code_name"] or row["target_id"])
        return self.tr("Codage {code} : « {passage} »").format(
            code=row["code_name"] or "?", passage=_one_line(row["passage"] or "", 40))

    def current_memo_id(self) -> int | None:
        return self.editing_id

    def _memo_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        row = self._rows[int(item.data(MEMO_ID_ROLE))]
        self.editing_id = row["id"]
        self.delete_button.setEnabled(True)
        self.target.setEnabled(False)
        self.editor.setPlainText(row["text"])
        self.editor.document().setModified(False)
        self.target.clear()
        self.target.addItem(self._about(row), (row["target_kind"], row["target_id"]))
        if row["document_id"] is not None:
            self.openMatch.emit(int(row["document_id"]), int(row["start"] or 0), int(row["end"] or 0))

    # -- writing ----------------------------------------------------------------------------------------
    def _fill_targets(self) -> None:
        """What a new memo can be about, given what the window shows now; the most precise comes first."""
        if self.editing_id is not None:
            return
        self.target.clear()
        for label, target, known in ((self.tr("ce codage"), "coding", self.coding_id),
                                     (self.tr("ce document"), "document", self.document_id),
                                     (self.tr("ce code"), "code", self.code_id)):
            if known is not None:
                self.target.addItem(label, (target, known))
        self.target.addItem(self.tr("le projet"), ("project", None))

    def start_new(self) -> None:
        """Leave the chosen memo and offer an empty one about what the window shows."""
        self.editing_id = None
        self.list.setCurrentItem(None)
        self.delete_button.setEnabled(False)
        self.target.setEnabled(True)
        self.editor.clear()
        self.editor.document().setModified(False)
        self._fill_targets()

    def save(self) -> bool:
        """Write the editor's text: a new memo about the chosen target, or the chosen memo's new text."""
        if self.project is None:
            return False
        project, text, memo_id = self.project, self.editor.toPlainText(), self.current_memo_id()
        if memo_id is None:
            kind, target_id = self.target.currentData()
            added = self._change(lambda: memos.add_memo(project, kind, target_id, text, coder=self.coder))
            if added is None:
                return False
            self.select_memo(added)
            return True
        if self._change(lambda: memos.edit_memo(project, memo_id, text, coder=self.coder)) is None:
            return False
        self.editor.document().setModified(False)
        return True

    def select_memo(self, memo_id: int) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(MEMO_ID_ROLE) == memo_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def delete_current(self) -> bool:
        memo_id = self.current_memo_id()
        if self.project is None or memo_id is None:
            return False
        project = self.project
        if self._change(lambda: memos.delete_memo(project, memo_id, coder=self.coder)) is None:
            return False
        self.start_new()
        return True

    def _change(self, change: Any) -> object | None:
        """Run an engine change and re-read the list; None when the engine refused it (said in a dialog)."""
        try:
            result = change()
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Mémo non enregistré"), _plain(refusal_text(exc)))
            return None
        self.reload()
        return True if result is None else result


def _one_line(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line[: width - 1] + "…" if len(line) > width else line


def _plain(message: str) -> str:
    """Engine messages start in lower case; a dialog's sentence starts with a capital."""
    return message[:1].upper() + message[1:]
