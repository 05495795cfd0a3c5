"""The window's Formation menu: create an exercise, collect the copies handed in, export the feedback, and,
on an exercise file, hand in (`trainee_mode`). Each action that reads or writes files runs as the window's
job; what it produced is then shown in the Formation tab (`feedback_view`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from ui.views import exercise_jobs
from ui.views.exercise_dialogs import CollectResultsDialog, CreateExerciseDialog, ExerciseChoices
from ui.views.trainee_mode import ExerciseBanner, TraineeMode
from workbench import codebook
from workbench.project import Project
from workbench.training.exercise import exercise_of

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow
    from ui.workers import Job


class ExerciseActions(QObject):
    def __init__(self, window: MainWindow, banner: ExerciseBanner) -> None:
        super().__init__(window)
        self.window = window
        self.feedback = window.trainer_panel.exercises
        self.trainee = TraineeMode(window, banner)
        self.results_dialog: CollectResultsDialog | None = None
        self.menu = QMenu(self.tr("F&ormation"), window)
        self.create_action = QAction(self.tr("&Créer un exercice…"), window)
        self.create_action.triggered.connect(self.create_dialog)
        self.collect_action = QAction(self.tr("C&ollecter des copies…"), window)
        self.collect_action.triggered.connect(self.collect_dialog)
        self.excel_action = QAction(self.tr("Exporter les retours en &Excel…"), window)
        self.excel_action.triggered.connect(self.excel_dialog)
        self.html_action = QAction(self.tr("Exporter les retours en &HTML…"), window)
        self.html_action.triggered.connect(self.html_dialog)
        self.trainer_actions = (self.create_action, self.collect_action, self.excel_action, self.html_action)
        for action in (*self.trainer_actions, self.trainee.hand_in_action):
            self.menu.addAction(action)
        self.feedback.create_button.clicked.connect(self.create_dialog)
        self.feedback.collect_button.clicked.connect(self.collect_dialog)
        self.feedback.excel_button.clicked.connect(self.excel_dialog)
        self.feedback.html_button.clicked.connect(self.html_dialog)

    def project_opened(self, project: Project) -> None:
        """Trainee mode on an exercise file (or a hand-in), trainer actions on any other project."""
        info = exercise_of(project)
        for action in self.trainer_actions:
            action.setVisible(info is None)
        self.trainee.project_opened(project, info)

    def _folder(self) -> Path:
        return self.window.project.path.parent if self.window.project is not None else Path.home()

    def _busy(self) -> bool:
        if self.window.job is not None:
            self.window.statusBar().showMessage(self.tr("Une tâche est déjà en cours : attendez sa fin."), 10000)
            return True
        return self.window.project is None

    # -- creating -----------------------------------------------------------------------------------------
    def create_dialog(self) -> CreateExerciseDialog | None:
        """The dialog, shown modeless: the window writes the exercise once it is accepted."""
        window = self.window
        if window.project is None:
            return None
        model = window.browser.model
        dialog = CreateExerciseDialog(codebook.code_tree(window.project), window.browser.query(),
                                      model.rowCount() if model is not None else 0, self._folder(), window)
        dialog.accepted.connect(lambda: dialog.choices is not None and self.create(dialog.choices))
        dialog.show()
        return dialog

    def create(self, choices: ExerciseChoices) -> Job | None:
        if self._busy():
            return None
        return self.window.start_job(
            self.tr("Exercice"), exercise_jobs.create, choices.out, choices.documents, choices.codes,
            choices.instructions, choices.time_limit,
            cancelled=self.tr("Création annulée : aucun exercice n'a été écrit."))

    # -- collecting ---------------------------------------------------------------------------------------
    def collect_dialog(self) -> Job | None:
        if self.window.project is None:
            return None
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Copies des stagiaires"), str(self._folder()),
                                                self.tr("Projets Verbatim Workbench (*.vwb)"))
        return self.collect([Path(path) for path in paths]) if paths else None

    def collect(self, paths: list[Path]) -> Job | None:
        """One job for all the files; then the list of what became of each, and the results recomputed."""
        if self._busy() or not paths:
            return None
        job = self.window.start_job(self.tr("Collecte"), exercise_jobs.collect_files, paths,
                                    cancelled=self.tr("Collecte annulée."), warn_failures=False)
        job.signals.finished.connect(lambda report: self._collected(paths, report))
        return job

    def _collected(self, paths: list[Path], report: object) -> None:
        self.results_dialog = CollectResultsDialog(paths, report.collected, report.refusals, self.window)  # type: ignore[attr-defined]
        self.results_dialog.show()
        if report.collected:  # type: ignore[attr-defined]
            self.window.centre_tabs.setCurrentWidget(self.window.trainer_panel)
            self.window.trainer_panel.pages.setCurrentWidget(self.feedback)
            self.feedback.set_project(self.window.project)  # the trainees are new coders
            self.feedback.refresh()

    # -- exporting ----------------------------------------------------------------------------------------
    def excel_dialog(self) -> Job | None:
        if self.window.project is None:
            return None
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Retours aux stagiaires (Excel)"),
                                              str(self._folder() / self.tr("retours.xlsx")),
                                              self.tr("Classeurs Excel (*.xlsx)"))
        return self.export_excel(Path(path)) if path else None

    def html_dialog(self) -> Job | None:
        if self.window.project is None:
            return None
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Dossier des retours (HTML)"), str(self._folder()))
        return self.export_html(Path(folder)) if folder else None

    def export_excel(self, path: Path) -> Job | None:
        if self._busy():
            return None
        return self.window.start_job(self.tr("Export Excel"), exercise_jobs.export_excel,
                                     self.feedback.reference.currentData(), path,
                                     cancelled=self.tr("Export annulé : aucun fichier n'a été écrit."))

    def export_html(self, folder: Path) -> Job | None:
        if self._busy():
            return None
        return self.window.start_job(self.tr("Export HTML"), exercise_jobs.export_html,
                                     self.feedback.reference.currentData(), folder,
                                     cancelled=self.tr("Export annulé."))
