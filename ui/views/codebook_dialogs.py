"""Small dialogs of the codebook panel: name a new code, choose the code to merge into.

They only collect the user's choice; the panel makes the change through the engine, so every check (a
name already taken, a merge into a sub-code) is the engine's and reads the same as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from ui.workers import Job
from workbench import codebook_library

CODE_ID_ROLE = Qt.ItemDataRole.UserRole
_QUOTED = 140  # characters of the borrowed definition quoted in the new code dialog
# The shipped schemes are read once per language and session, on a worker that outlives any dialog.
_library_jobs: dict[str, Job] = {}
_libraries_loaded: set[str] = set()


def _when_library_loaded(language: str, loaded: Callable[..., None]) -> None:
    """Call `loaded` once the shipped schemes of `language` are read: at once if they are, else when the
    worker reading them finishes (started here the first time)."""
    if language in _libraries_loaded:
        loaded()
        return
    job = _library_jobs.get(language)
    if job is None:
        job = _library_jobs[language] = Job(lambda progress, cancel: codebook_library.load_library(language))
        job.signals.finished.connect(lambda _result: _libraries_loaded.add(language))
        job.start()
    job.signals.finished.connect(loaded)


class NewCodeDialog(QDialog):
    """A name and, if the user has one ready, a definition (shown when the code is hovered). A name that
    names a code of a shipped scheme is said to borrow its definition, indicators and examples for the
    suggestions while the code has none of its own (`workbench.codebook_library`): the analyst sees what
    will describe the code before the suggestions use it. The shipped schemes are read on a worker."""

    def __init__(self, where: str, language: str = "fr", parent: QWidget | None = None,
                 siblings: Sequence[str] = (), parent_name: str | None = None) -> None:
        super().__init__(parent)
        self.language = language
        # the codes it will stand beside, and the code it goes under: a name is read within their scheme
        self.siblings = list(siblings)
        self.parent_name = parent_name
        self.library_ready = False
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
        self.borrowed = QLabel()
        self.borrowed.setWordWrap(True)
        self.borrowed.setTextFormat(Qt.TextFormat.PlainText)
        self.borrowed.setStyleSheet("color: #555;")
        self.borrowed.hide()
        self.setMinimumWidth(460)
        self.name.textChanged.connect(self.show_borrowed)
        self.definition.textChanged.connect(self.show_borrowed)
        _when_library_loaded(language, self._library_loaded)
        place = QLabel(where)
        place.setWordWrap(True)
        place.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Nom :"), self.name)
        form.addRow(self.tr("Définition :"), self.definition)
        layout = QVBoxLayout(self)
        layout.addWidget(place)
        layout.addLayout(form)
        layout.addWidget(self.borrowed)
        layout.addWidget(self.buttons)

    def _library_loaded(self, _result: object = None) -> None:
        self.library_ready = True
        self.show_borrowed()

    def show_borrowed(self) -> None:
        """Say which shipped code the typed name borrows from, while the definition is left empty."""
        name = self.name.text().strip()
        shipped = None
        if self.library_ready and name and not self.definition.toPlainText().strip():
            within = codebook_library.group_scheme([*self.siblings, name], self.language, self.parent_name)
            shipped = codebook_library.shipped_code(name, None, self.language, within)
        if shipped is None:
            if not self.borrowed.isHidden():
                self.borrowed.hide()
                self.adjustSize()
            return
        definition = shipped.description or ", ".join(shipped.indicators)
        if len(definition) > _QUOTED:
            definition = definition[:_QUOTED].rsplit(" ", 1)[0] + "…"
        self.borrowed.setText(self.tr(
            "Ce nom désigne le code « {code} » du schéma livré « {scheme} ». Tant que ce code n'a ni définition, "
            "ni indicateurs, ni exemples, les suggestions liront les siens : « {definition} »").format(
            code=shipped.name, scheme=shipped.scheme, definition=definition))
        if self.borrowed.isHidden():
            self.borrowed.show()
            self.adjustSize()  # the dialog grows to hold the sentence instead of squeezing the fields

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
