"""File > Fusionner des projets…: colleagues' copies of the open project brought back into it.

The dialog only gathers the files and shows what came of them; the merge itself is `workbench.merge`, run
as the window's job (progress and Cancel in the status bar, the project as it was after a Cancel). Its
report stays on screen, conflicts included, because each skipped item is something a person must resolve
before merging the copy again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ui.job_messages import job_message
from ui.refusals import refusal_text
from ui.workers import Job
from workbench.errors import Cancelled, WorkbenchError

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow
    from workbench.merge import MergeReport
    from workbench.progress import CancelToken, ProgressCallback
    from workbench.project import Project


class MergeDialog(QDialog):
    ended = Signal(object)  # the MergeReport, or a message when the merge was cancelled or failed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.ended.connect(self._ended)
        self.window_ = window
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Fusionner des projets"))
        intro = QLabel(self.tr(
            "Choisissez les copies de ce projet codées par vos collègues. Leurs codages, mémos, codeurs et "
            "décisions de revue rejoignent le projet ouvert ; un conflit (code renommé autrement, texte "
            "différent, rôle différent) est signalé et ce qu'il touche est laissé de côté. Chaque copie "
            "fusionnée s'annule par Édition > Annuler."))
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.add_button = QPushButton(self.tr("&Ajouter des projets…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("&Retirer"))
        self.remove_button.clicked.connect(self.remove_selected)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setPlaceholderText(self.tr("Le compte rendu de la fusion s'affichera ici."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = self.buttons.addButton(self.tr("&Fusionner"), QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.files):
            layout.addWidget(widget)
        layout.addLayout(file_buttons)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self._update_buttons()

    def add_paths(self, paths: list[Path]) -> None:
        present = {self.files.item(row).text() for row in range(self.files.count())}
        for path in paths:
            if str(path) not in present:
                present.add(str(path))
                self.files.addItem(str(path))
        self._update_buttons()

    def paths(self) -> list[Path]:
        return [Path(self.files.item(row).text()) for row in range(self.files.count())]

    def choose_files(self) -> None:
        project = self.window_.project
        folder = str(project.path.parent) if project is not None else ""
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Projets à fusionner"), folder,
                                                 self.tr("Projets Verbatim Workbench (*.vwb)"))
        self.add_paths([Path(path) for path in chosen])

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(self.files.count() > 0 and self.job is None)

    def start(self) -> Job | None:
        """Run the merge as the window's job; one job at a time, as for the menus."""
        if self.window_.project is None or not self.files.count():
            return None
        if self.window_.job is not None:
            self.report.setPlainText(self.tr("Une tâche est déjà en cours : attendez sa fin."))
            return None
        self.report.setPlainText(self.tr("Fusion en cours…"))
        cancelled = self.tr("Fusion annulée : le projet est resté tel qu'avant.")
        failed = self.tr("La fusion a échoué ; le projet est resté tel qu'avant.")
        self.job = self.window_.start_job(self.tr("Fusion"), partial(self._merge, cancelled, failed), self.paths(),
                                          warn_failures=False, cancelled=cancelled)
        self._update_buttons()
        return self.job

    def _merge(self, cancelled: str, failed: str, project: Project, paths: list[Path], *,
               progress: ProgressCallback, cancel: CancelToken) -> MergeReport:
        """The job's function, on the worker: its end reaches the dialog through `ended`, connected when the
        dialog was built, since a merge can end before `start_job` returns and before any connection made
        to the job there could catch it."""
        from workbench.merge import merge_projects

        try:
            report = merge_projects(project, paths, progress=progress, cancel=cancel)
        except Cancelled:
            self.ended.emit(cancelled)
            raise
        except WorkbenchError as exc:
            self.ended.emit(f"{failed}\n{refusal_text(exc)}")
            raise
        except BaseException:
            self.ended.emit(failed)
            raise
        self.ended.emit(report)
        return report

    def _ended(self, outcome: object) -> None:
        if isinstance(outcome, str):
            self._ended_without_report(outcome)
        else:
            self.show_report(outcome)  # type: ignore[arg-type]

    def show_report(self, report: MergeReport) -> None:
        """The window's sentences for the merge and for what each copy brought; the conflicts, refusals and
        agreement figures as the engine words them (`MergeReport.lines`)."""
        self.job = None
        lines = [job_message(report), ""]
        for source in report.sources:
            engine_lines = source.lines()
            lines += engine_lines if source.refused is not None else [job_message(source), *engine_lines[1:]]
        self.report.setPlainText("\n".join(lines + report.agreement))
        self._update_buttons()

    def _ended_without_report(self, message: str) -> None:
        self.job = None
        self.report.setPlainText(message)
        self._update_buttons()
