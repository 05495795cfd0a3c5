"""Edit > Settings…: the window's preferences, kept in `ui.settings` (QSettings) and applied at once.

- the language goes through View > Language (`WorkspaceActions.switch_language`), which rebuilds the window;
- the embedder and the device are what the suggestion and topic jobs receive (`job_options`);
- with the `cluster` extra, the topic job can run on a Ray cluster (`ui.views.cluster_choice`);
- pseudonymisation on import gives the import job a pseudonymiser, as `workbench import --pseudonymise` does;
- the font size is the coding view's, changed on screen as soon as it is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ui import settings
from ui.views.cluster_choice import ClusterChoice, cluster_available
from ui.views.workspace_actions import LANGUAGE_NAMES
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow
    from workbench.ingest.folder import FileChoices
    from workbench.project import Project
    from workbench.reports import JobReport

FOLDER = "folder"  # the embedder combo's entry that asks for a model folder
EMBEDDER_LABELS = {
    "auto": QT_TRANSLATE_NOOP("SettingsDialog", "Automatique (le meilleur modèle installé)"),
    "lexical": QT_TRANSLATE_NOOP("SettingsDialog", "Lexical (rapide, sans modèle)"),
    "e5-small": QT_TRANSLATE_NOOP("SettingsDialog", "multilingual-e5-small (français et anglais)"),
    "minilm": QT_TRANSLATE_NOOP("SettingsDialog", "MiniLM (anglais)"),
}
DEVICE_CHOICES = (
    ("auto", QT_TRANSLATE_NOOP("SettingsDialog", "Automatique (le GPU s'il y en a un)")),
    ("cpu", QT_TRANSLATE_NOOP("SettingsDialog", "Processeur (CPU)")),
    ("cuda", QT_TRANSLATE_NOOP("SettingsDialog", "Carte graphique (CUDA)")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def embedder_choices() -> list[tuple[str, str]]:
    """(spec, label) of the engine's named embedders (`embed.EMBEDDERS`, the bundled MiniLM package for
    `st:`); imported when the dialog opens, not with the window (the module brings numpy)."""
    from workbench.suggest.embed import EMBEDDERS, MINILM_PACKAGE

    named = [spec for spec in EMBEDDERS if not spec.startswith("st:")] + [f"st:{MINILM_PACKAGE}"]
    return [(spec, _tr(EMBEDDER_LABELS.get(spec, EMBEDDER_LABELS["minilm"]))) for spec in named]


# -- what the jobs receive ----------------------------------------------------------------------------------
def model_options() -> dict[str, str]:
    """The embedder and device the suggestion and topic jobs run with, as the user last chose them."""
    return {"embedder": settings.saved_embedder(), "device": settings.saved_device()}


def import_job(project: Project, paths: Sequence[Path], *, choices: dict[Path, FileChoices] | None,
               pseudonymise: bool, progress: Any, cancel: Any) -> JobReport:
    """`import_paths` with the pseudonymiser the command line builds for `--pseudonymise`, made on the job's
    own connection (it writes its placeholders through it)."""
    from workbench.ingest.folder import import_paths

    pseudonymiser = None
    if pseudonymise:
        from workbench.text.pseudonymise import make_pseudonymiser

        pseudonymiser = make_pseudonymiser(project)
    return import_paths(project, paths, choices=choices, pseudonymiser=pseudonymiser, progress=progress,
                        cancel=cancel)


def import_function(choices: dict[Path, FileChoices] | None) -> Any:
    return partial(import_job, choices=choices, pseudonymise=settings.pseudonymise_on_import())


def apply_font_size(window: MainWindow, size: int | None = None) -> None:
    """The coding view's text at `size` points (the saved size by default)."""
    font = window.viewer.font()
    font.setPointSize(size or settings.saved_font_size())
    window.viewer.setFont(font)


def check_model_folder(folder: Path) -> str:
    """The embedder spec for a sentence-transformers model folder, after the engine's own check of it."""
    from workbench.suggest.embed import _resolve_st_source

    resolved, _name = _resolve_st_source(str(folder))
    return f"st:{resolved}"


# -- the dialog -----------------------------------------------------------------------------------------------
class SettingsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Préférences"))
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        from ui.app import current_language

        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.embedder = QComboBox()
        for spec, label in embedder_choices():
            self.embedder.addItem(label, spec)
        self.embedder.addItem(self.tr("Un dossier de modèle…"), FOLDER)
        self._show_embedder(settings.saved_embedder())
        self.embedder.activated.connect(self._embedder_chosen)
        self.device = QComboBox()
        for device, label in DEVICE_CHOICES:
            self.device.addItem(_tr(label), device)
        self.device.setCurrentIndex(max(0, self.device.findData(settings.saved_device())))
        self.cluster = ClusterChoice() if cluster_available() else None
        self.pseudonymise = QCheckBox(self.tr("Remplacer noms, e-mails, téléphones et numéros par des pseudonymes "
                                              "à l'import"))
        self.pseudonymise.setChecked(settings.pseudonymise_on_import())
        self.font_size = QSpinBox()
        self.font_size.setRange(settings.FONT_SIZES.start, settings.FONT_SIZES.stop - 1)
        self.font_size.setSuffix(self.tr(" points"))
        self.font_size.setValue(settings.saved_font_size())
        self.font_size.valueChanged.connect(lambda size: apply_font_size(window, size))  # seen while choosing
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Langue :"), self.language)
        form.addRow(self.tr("Modèle pour les suggestions et les thèmes :"), self.embedder)
        form.addRow(self.tr("Calcul sur :"), self.device)
        if self.cluster is not None:
            form.addRow(self.tr("Thèmes calculés :"), self.cluster)
        form.addRow(self.tr("Pseudonymisation :"), self.pseudonymise)
        form.addRow(self.tr("Taille du texte à coder :"), self.font_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _show_embedder(self, spec: str) -> None:
        index = self.embedder.findData(spec)
        if index < 0:  # a model folder chosen before: shown as its own entry
            self.embedder.insertItem(self.embedder.count() - 1, spec.removeprefix("st:"), spec)
            index = self.embedder.findData(spec)
        self.embedder.setCurrentIndex(index)

    def _embedder_chosen(self) -> None:
        if self.embedder.currentData() != FOLDER:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Dossier du modèle"), str(Path.home()))
        if folder:
            self.choose_model_folder(Path(folder))
        else:
            self._show_embedder(settings.saved_embedder())

    def choose_model_folder(self, folder: Path) -> bool:
        """Take a sentence-transformers folder if the engine accepts it; else say why in one line."""
        try:
            spec = check_model_folder(folder)
        except WorkbenchError as exc:
            self.error.setText(self.tr("Dossier refusé : {reason}").format(reason=" ".join(str(exc).split())))
            self.error.show()
            self._show_embedder(settings.saved_embedder())
            return False
        self.error.hide()
        self._show_embedder(spec)
        return True

    def accept(self) -> None:
        settings.save_embedder(str(self.embedder.currentData()))
        settings.save_device(str(self.device.currentData()))
        if self.cluster is not None:
            self.cluster.save()
        settings.save_pseudonymise_on_import(self.pseudonymise.isChecked())
        settings.save_font_size(self.font_size.value())
        super().accept()
        language = str(self.language.currentData())
        from ui.app import current_language

        if language != current_language():  # last: the window is rebuilt in the new language
            self.window_.workspace.switch_language(language)

    def reject(self) -> None:
        apply_font_size(self.window_)  # back to the saved size
        super().reject()
