"""Trainee mode: the window on an exercise file (`workbench.training.exercise`).

A trainee sees the instructions and the time left in a banner above the text, codes as usual under their
own name (asked once: the exercise file then knows them as its trainee), and hands in with « Rendre ma
copie… ». What would give the answers away or do the work for them is out of sight: the Suggestions and
Thèmes tabs, the menu actions that compute suggestions and topics, and the Formation tab's scores.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.refusals import refusal_text
from ui.views import exercise_jobs
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store.coders import list_coders, take_identity
from workbench.training.clock import Clock, start
from workbench.training.exercise import ExerciseInfo
from workbench.training.handin import is_handin

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow
    from ui.workers import Job


class ExerciseBanner(QFrame):
    """The instructions, the time limit and the time left, and the hand-in button, above the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ExerciseBanner { background: #fff4d6; }")
        self.heading = QLabel()
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.time = QLabel()
        self.hand_in_button = QPushButton(self.tr("Rendre ma copie…"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.time)
        top.addWidget(self.hand_in_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.instructions)
        self._limit: int | None = None
        self._clock: Clock | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(15_000)
        self._ticker.timeout.connect(self.show_time)

    def show_exercise(self, info: ExerciseInfo, trainee: str, handed_in: bool = False,
                      running: Clock | None = None) -> None:
        """`running`: the trainee's time as the exercise file keeps it (`workbench.training.clock`), None
        while it has not started."""
        if handed_in:  # a copy already signed: changing it would break its signature
            self.heading.setText(self.tr("<b>Copie rendue</b> par {trainee} : à collecter dans le projet de "
                                         "référence, sans la modifier").format(trainee=trainee))
        else:
            self.heading.setText(self.tr("<b>Exercice</b> — stagiaire : {trainee}").format(trainee=trainee))
        self.instructions.setText(info.instructions)
        self._limit = info.time_limit_minutes
        self._clock = running
        if self._limit and running is not None and not handed_in:
            self._ticker.start()
        else:
            self._ticker.stop()
        self.show_time()

    def stop(self) -> None:
        self._ticker.stop()

    def minutes_left(self) -> int | None:
        """Whole minutes left of the trainee's time, rounded up so that 0 means the time is up (None: no limit
        or not started)."""
        if not self._limit or self._clock is None:
            return None
        return self._clock.minutes_left()

    def show_time(self) -> None:
        left = self.minutes_left()
        if not self._limit:
            self.time.setText(self.tr("Sans limite de temps"))
        elif left is None:
            self.time.setText(self.tr("Temps imparti : {limit} min").format(limit=self._limit))
        elif left == 0:
            self._ticker.stop()
            self.time.setText(self.tr("Temps écoulé ({limit} min) : rendez votre copie").format(limit=self._limit))
        else:
            self.time.setText(self.tr("Temps imparti : {limit} min · reste {left} min").format(limit=self._limit, left=left))


class TraineeMode(QObject):
    """Puts the window in trainee mode when it opens an exercise file, and back when it opens a project."""

    def __init__(self, window: MainWindow, banner: ExerciseBanner) -> None:
        super().__init__(window)
        self.window = window
        self.banner = banner
        self.info: ExerciseInfo | None = None
        self.hand_in_action = QAction(self.tr("&Rendre ma copie…"), window)
        self.hand_in_action.triggered.connect(self.hand_in_dialog)
        banner.hand_in_button.clicked.connect(self.hand_in_dialog)
        banner.hide()

    @property
    def active(self) -> bool:
        return self.info is not None

    def project_opened(self, project: Project, info: ExerciseInfo | None) -> None:
        self.info = info
        window = self.window
        trainee = info is not None
        for tabs, page in ((window.side_tabs, window.review_panel), (window.side_tabs, window.topic_panel),
                           (window.centre_tabs, window.trainer_panel)):
            tabs.setTabVisible(tabs.indexOf(page), not trainee)
        for action in (window.suggest_action, window.topics_action, window.speakers_action):
            action.setVisible(not trainee)
        self.hand_in_action.setVisible(trainee)
        if info is None:
            self.banner.stop()
            self.banner.hide()
            return
        handed_in = is_handin(project)
        self.hand_in_action.setEnabled(not handed_in)
        self.banner.hand_in_button.setEnabled(not handed_in)
        name = self._known_trainee(project) if handed_in else self._trainee_name(project)
        running = None if handed_in or name is None else start(project, name)
        self.banner.show_exercise(info, name or window.coder, handed_in, running)
        self.banner.show()

    @staticmethod
    def _known_trainee(project: Project) -> str | None:
        known = [coder["name"] for coder in list_coders(project) if coder["role"] == "trainee"]
        return known[0] if known else None

    def _trainee_name(self, project: Project) -> str | None:
        """The exercise's trainee: the one it already knows, else the name the person types (asked once)."""
        name = self._known_trainee(project)
        if name is None:
            typed, ok = QInputDialog.getText(
                self.window, self.tr("Exercice"),
                self.tr("Votre nom (il signera votre copie) :"), text=self.window.coder)
            if not ok or not typed.strip():
                return None
            try:
                take_identity(project, typed.strip(), "trainee")
            except WorkbenchError as exc:
                self.window.statusBar().showMessage(refusal_text(exc), 10000)
                return None
            name = typed.strip()
        self.window.workspace.set_coder(name)
        return name

    def hand_in_dialog(self) -> Job | None:
        window = self.window
        if self.info is None or window.project is None:
            return None
        suggested = window.project.path.with_name(f"{window.project.path.stem}-{window.coder}.vwb")
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Rendre ma copie"), str(suggested),
                                              self.tr("Projets Verbatim Workbench (*.vwb)"))
        return self.hand_in(Path(path)) if path else None

    def hand_in(self, out: Path) -> Job | None:
        """Write the signed copy as a job; the status bar then says where, for the trainee to send it."""
        window = self.window
        if self.info is None or window.project is None or window.job is not None:
            return None
        job = window.start_job(self.tr("Copie"), exercise_jobs.hand_in, window.coder, out,
                               cancelled=self.tr("Copie annulée : aucun fichier n'a été écrit."))
        job.signals.finished.connect(lambda _report: window.statusBar().showMessage(
            self.tr("Copie rendue : {path}. Envoyez ce fichier à votre formateur.").format(path=out), 0))
        return job
