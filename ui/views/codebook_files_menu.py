"""The codebook panel's *Livre de codes* menu: load a shipped scheme, a YAML scheme or a REFI-QDA `.qdc`,
export the codebook as `.qdc` or one scheme as YAML.

Loading a scheme takes a few hundred milliseconds and an export grows with the codebook, so each runs as a
job of the window (`jobRequested`, which `MainWindow.start_job` runs with progress and Cancel); the list
of shipped schemes is read once, off the GUI thread, the first time the menu opens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from ui.workers import Job
from workbench.codebook_files import export_codebook, load_codebook
from workbench.project import Project


class CodebookFilesMenu(QMenu):
    """`coder_id()` says who loads (for the journal), `current_scheme()` which scheme (top-level code id
    and name) a YAML export writes, None when no code is chosen."""

    jobRequested = Signal(str, object, object, str)  # label, function, arguments (tuple), what a cancel leaves

    def __init__(self, coder_id: Callable[[], int | None], current_scheme: Callable[[], tuple[int, str] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.coder_id = coder_id
        self.current_scheme = current_scheme
        self._listing: Job | None = None
        self.schemes = self.addMenu(self.tr("Charger un schéma fourni"))
        self.schemes.aboutToShow.connect(self.list_schemes)
        self.load_file_action = QAction(self.tr("Charger un fichier (YAML ou .qdc)…"), self)
        self.load_file_action.triggered.connect(self.load_file_dialog)
        self.export_qdc_action = QAction(self.tr("Exporter le livre de codes (.qdc)…"), self)
        self.export_qdc_action.triggered.connect(lambda: self.export_dialog("qdc"))
        self.export_yaml_action = QAction(self.tr("Exporter ce schéma (YAML)…"), self)
        self.export_yaml_action.triggered.connect(lambda: self.export_dialog("yaml"))
        self.addAction(self.load_file_action)
        self.addSeparator()
        self.addAction(self.export_qdc_action)
        self.addAction(self.export_yaml_action)
        self.set_project(None, has_current=False)

    def set_project(self, project: Project | None, *, has_current: bool, fixed: bool = False) -> None:
        """`fixed`: the project's codebook cannot change (an exercise), so nothing can be loaded into it."""
        self.project = project
        for each in (self.schemes.menuAction(), self.load_file_action, self.export_qdc_action):
            each.setEnabled(project is not None)
        self.export_yaml_action.setEnabled(project is not None and has_current)
        for each in (self.schemes.menuAction(), self.load_file_action):
            each.setVisible(not fixed)

    def list_schemes(self) -> None:
        """Fill the shipped-scheme menu; the schemes are read once, off the GUI thread (a quarter of a
        second of YAML parsing)."""
        if self._listing is not None:  # listed or being listed (the job is kept: its thread may still be ending)
            return
        from workbench.codebook_yaml import list_schemes

        self.schemes.addAction(self.tr("Lecture des schémas…")).setEnabled(False)
        self._listing = Job(lambda progress, cancel: list_schemes())
        self._listing.signals.finished.connect(self._schemes_listed)
        self._listing.signals.failed.connect(lambda message: self._schemes_listed([], message))
        self._listing.start()

    def _schemes_listed(self, schemes: list[dict[str, Any]], error: str | None = None) -> None:
        self.schemes.clear()
        if error:
            self.schemes.addAction(error.splitlines()[-1]).setEnabled(False)
        language = self.project.language if self.project is not None else "fr"
        for scheme in schemes:
            name = scheme["name"].get(language) or next(iter(scheme["name"].values()), scheme["key"])
            entry = self.schemes.addAction(self.tr("{name} ({count} codes)").format(name=name, count=scheme["codes"]))
            entry.setObjectName(f"scheme-{scheme['key']}")
            description = scheme["description"].get(language) if scheme["description"] else None
            if description:
                entry.setToolTip(description)
            entry.triggered.connect(partial(self.load_codebook, scheme["key"]))

    def load_codebook(self, source: str | Path) -> None:
        """Load a shipped scheme (by key) or a codebook file, as a job of the window."""
        if self.project is None:
            return
        self.jobRequested.emit(
            self.tr("Chargement du livre de codes"), partial(load_codebook, coder_id=self.coder_id()), (str(source),),
            self.tr("Chargement annulé : le livre de codes est inchangé."))

    def load_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Charger un livre de codes"), "",
            self.tr("Livres de codes (*.yaml *.yml *.qdc);;Schémas YAML (*.yaml *.yml);;REFI-QDA (*.qdc)"))
        if path:
            self.load_codebook(Path(path))

    def export_dialog(self, kind: str) -> None:
        """Export the whole codebook as .qdc, or the scheme holding the current code as YAML."""
        if self.project is None:
            return
        root_id = None
        if kind == "yaml":
            scheme = self.current_scheme()
            if scheme is None:
                return
            root_id, name = scheme
            suggested = f"{name}.yaml"
            filters = self.tr("Schéma YAML (*.yaml)")
        else:
            suggested = f"{self.project.path.stem}-codes.qdc"
            filters = self.tr("REFI-QDA (*.qdc)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exporter le livre de codes"),
                                              str(self.project.path.with_name(suggested)), filters)
        if not path:
            return
        if Path(path).suffix.lower() not in (".qdc", ".yaml", ".yml"):
            path += ".yaml" if kind == "yaml" else ".qdc"
        self.jobRequested.emit(self.tr("Export du livre de codes"), partial(export_codebook, root_id=root_id),
                               (Path(path),), self.tr("Export annulé : aucun fichier n'a été écrit."))
