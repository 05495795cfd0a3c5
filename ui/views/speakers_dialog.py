"""Analysis > Speakers…: who speaks in the project's transcripts, and a correction where a label was misread.

Suggestions and topics read a call as its customer's words, so a speaker taken for the adviser (or the
reverse) changes what they read. The roles are detected from the labels ("Mme Durand" is a customer,
"Conseillère Julie" an adviser); this dialog shows each label with its turns and lets the analyst set its
role. The engine (`workbench.suggest.roles`) records the correction and drops the cached vectors of the
calls it changes, so the next run reads them anew.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.refusals import refusal_text
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest.roles import set_speaker_roles
from workbench.suggest.units import speaker_roles

ROLE_ORDER = ("client", "agent", "other")


def speaker_role_label(role: str) -> str:
    """A speaker's role in the window's language (the engine's identifiers are English words)."""
    labels = {
        "client": QCoreApplication.translate("SpeakersDialog", "client"),
        "agent": QCoreApplication.translate("SpeakersDialog", "conseiller, enquêteur"),
        "other": QCoreApplication.translate("SpeakersDialog", "autre"),
    }
    return labels.get(role, role)


class SpeakersDialog(QDialog):
    """The speaker labels of the project's transcripts, most frequent first: turns, detected role, and the
    role in use as a list to change. OK records what changed, as one undoable action of `coder_id`;
    `changed` then holds it (label -> role, or 'auto' for a label given back its detected role)."""

    def __init__(self, project: Project, coder_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Locuteurs"))
        self.project = project
        self.coder_id = coder_id
        self.changed: dict[str, str] = {}
        self.rows = speaker_roles(project)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Locuteur"), self.tr("Répliques"), self.tr("Rôle détecté"), self.tr("Rôle retenu")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.roles: list[QComboBox] = []
        for row, speaker in enumerate(self.rows):
            self.table.setItem(row, 0, QTableWidgetItem(str(speaker["speaker"])))
            turns = QTableWidgetItem(str(speaker["turns"]))
            turns.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, turns)
            self.table.setItem(row, 2, QTableWidgetItem(speaker_role_label(str(speaker["detected"]))))
            choice = QComboBox()
            for role in ROLE_ORDER:
                choice.addItem(speaker_role_label(role), role)
            choice.setCurrentIndex(choice.findData(speaker["role"]))
            self.table.setCellWidget(row, 3, choice)
            self.roles.append(choice)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.rows:
            self.note.setText(self.tr(
                "Les suggestions et les thèmes lisent un appel par les mots du client. Si un locuteur a été mal "
                "reconnu, corrigez son rôle : les appels concernés seront relus au prochain traitement."))
        else:
            self.note.setText(self.tr("Aucune transcription à locuteurs dans ce projet : rien à corriger."))
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def accept(self) -> None:
        changes = {}
        for speaker, choice in zip(self.rows, self.roles):
            role = choice.currentData()
            if role != speaker["role"]:
                changes[str(speaker["speaker"])] = "auto" if role == speaker["detected"] else role
        if changes:
            try:
                set_speaker_roles(self.project, changes, self.coder_id)
            except WorkbenchError as exc:
                QMessageBox.warning(self, self.tr("Rôles non enregistrés"), refusal_text(exc))
                return
        self.changed = changes
        super().accept()
