"""The window's actions about the workspace rather than the data: create, open and merge projects (welcome
page, File > New project…, File > Open recent, File > Merge projects…), who is coding (File > Coder…, the
status bar's coder button), the language of the window (View > Language) and the preferences (Edit >
Settings…)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from ui import settings
from ui.kinds import role_label
from ui.refusals import refusal_text
from ui.views.coder_dialog import CoderDialog
from ui.views.new_project_dialog import NewProjectDialog
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store.coders import coder_role

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow

LANGUAGE_NAMES = (("fr", "Français"), ("en", "English"))  # each in its own language, as menus do


class WorkspaceActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.new_action = QAction(self.tr("&Nouveau projet…"), window, shortcut=QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_project)
        self.recent_menu = QMenu(self.tr("Projets &récents"), window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.merge_action = QAction(self.tr("&Fusionner des projets…"), window)
        self.merge_action.triggered.connect(self.open_merge_dialog)
        self.merge_dialog: QDialog | None = None
        self.coder_action = QAction(self.tr("&Codeur…"), window)
        self.coder_action.triggered.connect(self.choose_coder)
        self.settings_action = QAction(self.tr("&Paramètres…"), window, shortcut=QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_dialog: QDialog | None = None
        self.view_menu = QMenu(self.tr("&Affichage"), window)
        language_menu = self.view_menu.addMenu(self.tr("&Langue"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(window)
        for code, name in LANGUAGE_NAMES:
            language_action = QAction(name, window, checkable=True)
            language_action.setChecked(code == _current_language())
            language_action.triggered.connect(partial(self.switch_language, code))
            group.addAction(language_action)
            language_menu.addAction(language_action)
            self.language_actions[code] = language_action
        window.welcome.openProject.connect(self.open_path)
        window.welcome.newProject.connect(self.new_project)
        window.welcome.openDialog.connect(window.open_action.trigger)
        window.coder_button.clicked.connect(self.choose_coder)

    # -- projects ---------------------------------------------------------------------------------------
    def show_welcome(self) -> None:
        """No project: the welcome page instead of the workspace, whose panes would be empty."""
        self.window.welcome.fill_recent()
        self.window.pages.setCurrentWidget(self.window.welcome_area)
        for dock in (self.window.document_dock, self.window.code_dock):
            dock.hide()

    def project_opened(self, project: Project) -> None:
        settings.remember_project(project.path)
        self.window.pages.setCurrentWidget(self.window.centre_tabs)
        for dock in (self.window.document_dock, self.window.code_dock):
            dock.show()

    def new_project(self) -> Project | None:
        """File > New project…: the dialog creates the file; the window opens it."""
        folder = self.window.project.path.parent if self.window.project else Path.home()
        dialog = NewProjectDialog(folder, _current_language(), self.window)
        if not dialog.exec() or dialog.project is None:
            return None
        self.window.set_project(dialog.project)
        return dialog.project

    def open_path(self, path: Path) -> bool:
        """Open a project in the window; the one already open stays as it is (a second connection to the
        same file in this process would be refused, with a message that blames the file)."""
        current = self.window.project
        if current is not None and Path(path).resolve() == current.path.resolve():
            self.window.statusBar().showMessage(self.tr("Ce projet est déjà ouvert."), 10000)
            return True
        try:
            project = Project.open(path)
        except WorkbenchError as exc:
            QMessageBox.warning(self.window, self.tr("Impossible d'ouvrir le projet"), refusal_text(exc))
            return False
        self.window.set_project(project)
        return True

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_projects():
            action = self.recent_menu.addAction(str(path) if path.exists() else self.tr("{path} (introuvable)").format(path=path))
            action.setEnabled(path.exists())
            action.triggered.connect(partial(self.open_path, path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("Aucun projet récent")).setEnabled(False)

    def open_merge_dialog(self) -> QDialog | None:
        """File > Merge projects…: colleagues' copies of the open project brought back into it."""
        from ui.views.merge_dialog import MergeDialog

        if self.window.project is None:
            return None
        if self.merge_dialog is None or not self.merge_dialog.isVisible():
            self.merge_dialog = MergeDialog(self.window)
        self.merge_dialog.show()
        self.merge_dialog.raise_()
        return self.merge_dialog

    # -- the coder --------------------------------------------------------------------------------------
    def choose_coder(self) -> str | None:
        dialog = CoderDialog(self.window.project, self.window.coder, self.window)
        if not dialog.exec() or dialog.chosen is None:
            return None
        self.set_coder(dialog.chosen)
        return dialog.chosen

    def set_coder(self, name: str) -> None:
        """Everything done from now on (codings, reviews, topics mapped to codes, memos, undo) is done as
        `name`; the next start begins with them too."""
        window = self.window
        window.coder = name
        for panel in (window.review_panel, window.topic_panel, window.memo_panel):
            panel.coder = name
        settings.save_coder(name)
        window._update_status()

    def show_coder(self) -> None:
        """The status bar's coder button: who codes and in which role (« nouveau » before their first act)."""
        window = self.window
        role = coder_role(window.project, window.coder) if window.project is not None else None
        shown = window.coder if window.project is None else f"{window.coder} ({role_label(role)})"
        window.coder_button.setText(self.tr("Codeur : {coder}").format(coder=shown))
        window.coder_button.setToolTip(self.tr("Changer de codeur ou de rôle"))

    # -- preferences ------------------------------------------------------------------------------------
    def open_settings(self) -> QDialog:
        """Edit > Settings…: language, model, device, pseudonymisation on import, font size."""
        from ui.views.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.window)
        self.settings_dialog.open()
        return self.settings_dialog

    # -- the language -----------------------------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        """Rebuild the window in the new language (see `ui.app.switch_language`)."""
        from ui.app import switch_language

        switch_language(self.window, language)


def _current_language() -> str:
    from ui.app import current_language

    return current_language()
