"""The page the window shows while no project is open: create one, open one, open the demo, or pick up a
recent project. The demo project is built once, as a background job, into the user's data folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import settings
from ui.progress_words import progress_line
from ui.workers import Job
from workbench.progress import CancelToken, ProgressCallback

PATH_ROLE = Qt.ItemDataRole.UserRole
DEMO_FILE = "demo.vwb"


def demo_path(data_folder: Path) -> Path:
    return data_folder / "demo" / DEMO_FILE


def build_demo(folder: Path, *, progress: ProgressCallback, cancel: CancelToken) -> Path:
    """Build the demo project into `folder` (which must not exist yet) and return its file.

    Whole or nothing: it is built in a sibling folder renamed into place at the very end, so a build that
    is cancelled or fails leaves no half-made demo for the next start to open."""
    from workbench.demo import run_demo

    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)

    def echo(_line: str) -> None:
        """The demo's narration is the command line's, in English: the page shows the steps instead, but each
        line is still a report, where a Cancel is seen."""
        progress(0, None, "")

    @contextmanager
    def step(label: str) -> Iterator[ProgressCallback]:
        progress(0, None, label)
        yield progress

    try:
        built = run_demo(building, echo=echo, progress=step)
        built.project.close()
        cancel.check()
        building.rename(folder)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return folder / DEMO_FILE


class WelcomePage(QWidget):
    """Asks the window to open a project (`openProject`), to create one (`newProject`) or to show the
    file chooser (`openDialog`); builds the demo itself, showing its progress here."""

    openProject = Signal(object)  # a Path
    newProject = Signal()
    openDialog = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_folder = settings.data_folder()
        self.job: Job | None = None
        title = QLabel(self.tr("Verbatim Workbench"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Codage de verbatims clients, sur votre poste, sans connexion."))
        subtitle.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Nouveau projet…"))
        self.open_button = QPushButton(self.tr("Ouvrir un projet…"))
        self.demo_button = QPushButton(self.tr("Ouvrir le projet de démonstration"))
        self.demo_button.setToolTip(self.tr("Un corpus d'appels, d'e-mails, d'entretiens et d'une enquête, "
                                            "construit la première fois dans votre dossier de données."))
        self.recent = QListWidget()  # no minimum width: the page shares the window's centre with the workspace
        self.remove_button = QPushButton(self.tr("Retirer de la liste"))
        self.remove_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Annuler"))
        for widget in (self.progress, self.cancel_button):
            widget.hide()

        actions = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            actions.addWidget(button)
        actions.addWidget(self.progress)
        actions.addWidget(self.progress_label)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        recent_column = QVBoxLayout()
        recent_column.addWidget(QLabel(self.tr("Projets récents")))
        recent_column.addWidget(self.recent, 1)
        recent_column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(actions)
        columns.addSpacing(24)
        columns.addLayout(recent_column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(18)
        layout.addLayout(columns, 1)

        self.new_button.clicked.connect(self.newProject)
        self.open_button.clicked.connect(self.openDialog)
        self.demo_button.clicked.connect(self.open_demo)
        self.cancel_button.clicked.connect(self.cancel_demo)
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.currentItemChanged.connect(lambda item, _previous: self.remove_button.setEnabled(item is not None))
        self.remove_button.clicked.connect(self.remove_current)
        self.fill_recent()

    # -- recent projects --------------------------------------------------------------------------------
    def fill_recent(self) -> None:
        """The recent projects, most recent first; one that is no longer where it was is shown greyed,
        to be removed from the list."""
        self.recent.clear()
        for path in settings.recent_projects():
            if path.exists():
                item = QListWidgetItem(self.tr("{name} — {folder}").format(name=path.stem, folder=path.parent))
            else:
                item = QListWidgetItem(self.tr("{name} — introuvable ({path})").format(name=path.stem, path=path))
                item.setForeground(QBrush(QColor("#888888")))
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(self.tr("Aucun projet récent."))
            self.recent.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        stored = item.data(PATH_ROLE)
        if stored is None:
            return
        path = Path(stored)
        if path.exists():
            self.openProject.emit(path)
        else:
            self.progress_label.setText(self.tr("{path} n'existe plus : il a été déplacé ou supprimé. "
                                                "Retirez-le de la liste.").format(path=path))

    def remove_current(self) -> None:
        item = self.recent.currentItem()
        if item is not None and item.data(PATH_ROLE) is not None:
            settings.forget_project(Path(item.data(PATH_ROLE)))
            self.fill_recent()

    # -- the demo ---------------------------------------------------------------------------------------
    def open_demo(self) -> Job | None:
        """Open the demo project, building it first (a background job of a minute or more) if needed."""
        path = demo_path(self.data_folder)
        if path.exists():
            self.openProject.emit(path)
            return None
        if self.job is not None:
            return self.job
        job = Job(build_demo, path.parent)
        job.signals.progress.connect(self._demo_progress)
        job.signals.finished.connect(self._demo_built)
        job.signals.failed.connect(self._demo_failed)
        job.signals.cancelled.connect(self._demo_cancelled)
        self.job = job
        self.demo_button.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()
        self.progress_label.setText(self.tr("Construction du projet de démonstration…"))
        job.start()
        return job

    def cancel_demo(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _demo_progress(self, _done: int, _total: int, message: str) -> None:
        if message:
            self.progress_label.setText(self.tr("Démonstration : {step}").format(step=progress_line(message)[:80]))

    def _demo_finished(self, message: str) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.demo_button.setEnabled(True)
        self.progress_label.setText(message)

    def _demo_built(self, path: Path) -> None:
        self._demo_finished("")
        settings.remember_project(path)
        self.fill_recent()
        if self.isVisible():  # not when the user opened another project meanwhile
            self.openProject.emit(path)

    def _demo_failed(self, message: str) -> None:
        self._demo_finished(self.tr("Le projet de démonstration n'a pas pu être construit : {reason}").format(reason=message))

    def _demo_cancelled(self) -> None:
        self._demo_finished(self.tr("Construction annulée : rien n'a été gardé."))
