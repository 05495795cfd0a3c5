"""Who is at the keyboard: choose a coder of the project or a new name, with their role. Every coding,
review decision and memo made afterwards is recorded under that name (`MainWindow.coder`)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QWidget

from ui.kinds import role_label
from ui.refusals import refusal_text
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store import coders

# "model" is the suggestion machinery's own coder: nobody works under it.
HUMAN_ROLES = tuple(role for role in coders.ROLES if role != "model")


class CoderDialog(QDialog):
    """Pick or type a name and a role; `accept` records them in the project (a new coder, or a changed
    role, both journalled) and leaves the chosen name in `chosen`."""

    def __init__(self, project: Project | None, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Codeur"))
        self.project = project
        self.chosen: str | None = None
        self._roles: dict[str, str] = {}
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if project is not None:
            for row in coders.list_coders(project):
                if row["role"] != "model":
                    self._roles[row["name"]] = row["role"]
                    self.name.addItem(row["name"])
        self.name.setCurrentText(current)
        self.role = QComboBox()
        for role in HUMAN_ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setEnabled(project is not None)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow(self.tr("Nom :"), self.name)
        form.addRow(self.tr("Rôle :"), self.role)
        form.addRow(self.note)
        form.addRow(buttons)
        self.name.currentTextChanged.connect(self._name_changed)
        self._name_changed(current)

    def _name_changed(self, name: str) -> None:
        """Show the role a known coder has; a new name starts as an analyst."""
        known = self._roles.get(name.strip())
        self.role.setCurrentIndex(max(self.role.findData(known or "analyst"), 0))
        self.ok_button.setEnabled(bool(name.strip()))
        if self.project is None:
            self.note.setText(self.tr("Le rôle se choisit une fois un projet ouvert."))
        elif known is None:
            self.note.setText(self.tr("Nouveau codeur : il sera ajouté au projet."))
        else:
            self.note.setText("")

    def accept(self) -> None:
        name = self.name.currentText().strip()
        if not name:
            return
        if self.project is not None:
            try:
                coders.take_identity(self.project, name, self.role.currentData())
            except WorkbenchError as exc:
                QMessageBox.warning(self, self.tr("Codeur non enregistré"), refusal_text(exc))
                return
        self.chosen = name
        super().accept()
