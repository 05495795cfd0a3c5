"""File > New project…: a name, a folder and the verbatims' language make a new, empty project file
(`Project.create`, as `workbench new` does). A refusal is said inside the dialog, which stays open to be
corrected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.project import Project

SUFFIX = ".vwb"


class NewProjectDialog(QDialog):
    """After `accept`, `project` is the new project, open for writing."""

    def __init__(self, folder: Path, language: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau projet"))
        self.project: Project | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("par exemple : enquete-satisfaction-2026"))
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("Parcourir…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.language = QComboBox()
        self.language.addItem(self.tr("français"), "fr")
        self.language.addItem(self.tr("anglais"), "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setToolTip(self.tr("Langue des verbatims : elle choisit le modèle d'analyse et les mots vides."))
        self.target = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Créer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Nom :"), self.name)
        form.addRow(self.tr("Dossier :"), folder_row)
        form.addRow(self.tr("Langue :"), self.language)
        form.addRow(self.target)
        form.addRow(self.error)
        form.addRow(buttons)
        self.name.textChanged.connect(self._show_target)
        self.folder.textChanged.connect(self._show_target)
        self._show_target()
        self.resize(520, self.sizeHint().height())

    def path(self) -> Path | None:
        """The file the dialog would create, or None while the name is not a usable file name."""
        name = self.name.text().strip()
        if name.lower().endswith(SUFFIX):
            name = name[: -len(SUFFIX)].strip()
        if not name or name.startswith(".") or any(mark in name for mark in '/\\:*?"<>|'):
            return None
        return Path(self.folder.text().strip()).expanduser() / f"{name}{SUFFIX}"

    def _show_target(self) -> None:
        path = self.path()
        self.create_button.setEnabled(path is not None)
        self.error.clear()
        if path is None and self.name.text().strip():
            self.target.setText(self.tr("Un nom de fichier ne peut contenir ni / \\ : * ? \" < > | ni commencer par un point."))
        else:
            self.target.setText(self.tr("Fichier : {path}").format(path=path) if path else "")

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Dossier du projet"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def accept(self) -> None:
        path = self.path()
        if path is None:
            return
        try:
            self.project = Project.create(path, language=self.language.currentData())
        except WorkbenchError as exc:
            self.error.setText(str(exc))
            return
        except OSError as exc:
            self.error.setText(self.tr("Impossible de créer {path} : {reason}").format(path=path, reason=exc.strerror or exc))
            return
        super().accept()
