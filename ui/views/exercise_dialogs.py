"""The trainer's exercise dialogs: what to hand out (Formation > Créer un exercice…) and, after Formation >
Collecter des copies…, what became of each file handed in.

The creation dialog only gathers choices; the window writes the exercise as a job (`exercise_jobs.create`),
so a large selection never freezes it. Its mistakes (no instructions, no code, no file name) are said in
the dialog itself, beside the field, not in a message box over it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ui.kinds import kind_label
from ui.refusals import refusal_text
from workbench.document_list import DocumentQuery
from workbench.errors import WorkbenchError
from workbench.project import DOCUMENT_KINDS, SUFFIX

CODE_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class ExerciseChoices:
    documents: DocumentQuery
    codes: list[int] | None  # None: the whole codebook
    instructions: str
    time_limit: int | None
    out: Path


class CreateExerciseDialog(QDialog):
    """Documents (the list's current filter, or every document of one kind), codes (a tree of checkboxes,
    each code handed out with everything below it), instructions, an optional time limit, the file."""

    def __init__(self, code_tree: Sequence[dict[str, Any]], filtered: DocumentQuery, filtered_count: int,
                 folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Créer un exercice"))
        self.choices: ExerciseChoices | None = None
        self._filtered = filtered
        self.use_filter = QRadioButton(self.tr("Les documents affichés dans la liste ({count})").format(count=filtered_count))
        self.use_kind = QRadioButton(self.tr("Tous les documents de type :"))
        self.kind = QComboBox()
        for kind in DOCUMENT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        group = QButtonGroup(self)
        group.addButton(self.use_filter)
        group.addButton(self.use_kind)
        self.use_filter.setChecked(True)
        self.kind.setEnabled(False)
        self.use_kind.toggled.connect(self.kind.setEnabled)

        self.codes = QTreeWidget()
        self.codes.setHeaderHidden(True)
        items: dict[int, QTreeWidgetItem] = {}
        for node in code_tree:
            parent_item = items.get(node["parent_id"]) if node.get("parent_id") is not None else None
            item = QTreeWidgetItem([node["name"]])
            item.setData(0, CODE_ID_ROLE, node["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            item.setCheckState(0, Qt.CheckState.Checked)
            if parent_item is None:
                self.codes.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            items[node["id"]] = item
        self.codes.expandAll()

        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText(self.tr("Ce que les stagiaires doivent faire, par exemple : repérez la "
                                                     "forme de relation de chaque appel."))
        self.time_limit = QSpinBox()
        self.time_limit.setRange(0, 24 * 60)
        self.time_limit.setSuffix(self.tr(" min"))
        self.time_limit.setSpecialValueText(self.tr("Sans limite"))
        self.out = QLineEdit(str(folder / self.tr("exercice.vwb")))
        browse = QPushButton(self.tr("Choisir…"))
        browse.clicked.connect(self._choose_file)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")

        documents = QWidget()
        document_layout = QVBoxLayout(documents)
        document_layout.setContentsMargins(0, 0, 0, 0)
        document_layout.addWidget(self.use_filter)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.use_kind)
        kind_row.addWidget(self.kind, 1)
        document_layout.addLayout(kind_row)
        file_row = QHBoxLayout()
        file_row.addWidget(self.out, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Documents"), documents)
        form.addRow(self.tr("Codes"), self.codes)
        form.addRow(self.tr("Consignes"), self.instructions)
        form.addRow(self.tr("Temps imparti"), self.time_limit)
        form.addRow(self.tr("Fichier de l'exercice"), file_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 620)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Fichier de l'exercice"), self.out.text(),
                                              self.tr("Projets Verbatim Workbench (*.vwb)"))
        if path:
            self.out.setText(path)

    def chosen_codes(self) -> list[int] | None:
        """The checked codes whose parent is not checked (each brings its sub-tree); None when all are."""
        roots: list[int] = []
        everything = True
        iterator = QTreeWidgetItemIterator(self.codes)
        while iterator.value() is not None:
            item = iterator.value()
            state = item.checkState(0)
            if state != Qt.CheckState.Checked:
                everything = False
            parent = item.parent()
            if state == Qt.CheckState.Checked and (parent is None or parent.checkState(0) != Qt.CheckState.Checked):
                roots.append(int(item.data(0, CODE_ID_ROLE)))
            iterator += 1
        return None if everything else roots

    def accept(self) -> None:
        codes = self.chosen_codes()
        instructions = self.instructions.toPlainText().strip()
        out = Path(self.out.text().strip()) if self.out.text().strip() else None
        if codes == []:
            self.error.setText(self.tr("Cochez au moins un code à donner aux stagiaires."))
        elif not instructions:
            self.error.setText(self.tr("Écrivez les consignes : les stagiaires les verront en ouvrant l'exercice."))
        elif out is None or out.suffix.lower() != SUFFIX:
            self.error.setText(self.tr("Donnez un nom de fichier qui se termine par .vwb."))
        elif out.exists():
            self.error.setText(self.tr("{name} existe déjà : choisissez un autre nom.").format(name=out.name))
        else:
            documents = self._filtered if self.use_filter.isChecked() else DocumentQuery(kinds=(self.kind.currentData(),))
            self.choices = ExerciseChoices(documents, codes, instructions, self.time_limit.value() or None, out)
            super().accept()


class CollectResultsDialog(QDialog):
    """One row per file handed in: collected (whose, how many codings) or refused, with the reason."""

    def __init__(self, paths: Sequence[Path], collected: Sequence[dict[str, Any]],
                 refusals: Mapping[str, WorkbenchError], parent: QWidget | None = None) -> None:
        from ui.views.score_table import ScoreTable

        super().__init__(parent)
        self.setWindowTitle(self.tr("Copies collectées"))
        self.table = ScoreTable([self.tr("Fichier"), self.tr("Résultat")], codes=(), compact=(0,), clip=None)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        by_file = {item["file"]: item for item in collected}
        rows = []
        for path in paths:
            item = by_file.get(str(path))
            if item is not None:
                text = self.tr("Collectée : {trainee}, {codings}").format(
                    trainee=item["trainee"], codings=self.tr("%n codages", "", item["codings"]))
                if item.get("memos"):
                    text += ", " + self.tr("%n mémos", "", item["memos"])
                if item.get("minutes_used") is not None:
                    text += self.tr(", en {used} min sur {limit}").format(
                        used=item["minutes_used"], limit=item["time_limit_minutes"])
                rows.append([path.name, text])
                continue
            refusal = refusals.get(str(path))
            # An engine sentence names the file by its full path; the table's first column already says which.
            reason = "" if refusal is None else refusal_text(refusal).replace(str(path), path.name)
            rows.append([path.name, self.tr("Refusée : {reason}").format(reason=reason)])
        self.table.fill(rows)
        refused = len(paths) - len(collected)
        self.summary = QLabel(self.tr("{collected}, {refused} (rien n'a été changé pour les copies refusées).").format(
            collected=self.tr("%n copies collectées", "", len(collected)),
            refused=self.tr("%n refusées", "", refused)))
        self.summary.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(720, 360)

    def results(self) -> list[tuple[str, str]]:
        return list(zip(self.table.column_texts(0), self.table.column_texts(1), strict=True))
