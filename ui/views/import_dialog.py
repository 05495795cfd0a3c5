"""File > Import: choose files and folders, say what each holds, look at a table before importing it,
then follow the import and read what became of every file.

Three pages: the files (added by buttons or dropped on the list, each with its format and document kind,
and for a table its preview and column choices), the running import (progress and Cancel), and the
results, which stay until the dialog is closed. The import itself is the window's job
(`MainWindow.start_import`): it holds the project's writer, shows in the status bar, and is followed
by segmentation and indexing, so that search finds the new documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.kinds import kind_label
from ui.progress_words import progress_line
from ui.views.import_results import ImportResultsPage
from ui.views.table_preview import TableChoice, TableChoicesPanel
from ui.workers import Job
from workbench.ingest.folder import (
    ANSWER_KEY_FILE,
    CORPUS_NOTES_FILE,
    FORMATS,
    HIDDEN_FILE,
    REFI_SUFFIXES,
    FileChoices,
    ImportReport,
    collect,
)
from workbench.ingest.preview import TABLE_SUFFIXES, TablePreview, preview_table
from workbench.progress import CancelToken, ProgressCallback
from workbench.project import DOCUMENT_KINDS

PATH_ROLE = Qt.ItemDataRole.UserRole


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries (a web link is not a file to import)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class Importer(Protocol):
    """What the dialog needs of the window: whether a job runs, and starting the import as a job."""

    job: Job | None

    def start_import(self, paths: list[Path], choices: dict[Path, FileChoices] | None = None,
                     failures_listed: bool = False) -> Job: ...


def _read_preview(path: Path, *, progress: ProgressCallback, cancel: CancelToken) -> TablePreview:
    """The preview as a worker job (charset detection and a workbook's shared strings take time)."""
    return preview_table(path)


class FileList(QTableWidget):
    """The files to import; files and folders dropped on it are added (`ImportDialog.add_paths`)."""

    def __init__(self, dialog: ImportDialog) -> None:
        super().__init__(0, 3)
        self.dialog = dialog
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dialog.add_paths(paths)


class ImportDialog(QDialog):
    def __init__(self, importer: Importer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.importer = importer
        self.job: Job | None = None
        self.previews: dict[Path, TablePreview] = {}
        self.preview_errors: dict[Path, str] = {}
        self.table_choices: dict[Path, TableChoice] = {}
        self._preview_jobs: dict[Path, Job] = {}
        self.setWindowTitle(self.tr("Importer des fichiers"))
        self.resize(960, 680)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._files_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._results_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # -- pages ------------------------------------------------------------------------------------
    def _files_page(self) -> QWidget:
        self.add_files_button = QPushButton(self.tr("Ajouter des fichiers…"))
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button = QPushButton(self.tr("Ajouter un dossier…"))
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_button = QPushButton(self.tr("Retirer de la liste"))
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.files = FileList(self)
        self.files.setHorizontalHeaderLabels([self.tr("Fichier"), self.tr("Format"), self.tr("Type de document")])
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.files.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.files.verticalHeader().hide()
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.currentCellChanged.connect(lambda row, *_: self._show_table(row))
        self.hint = QLabel(self.tr("Ajoutez des fichiers ou des dossiers, ou déposez-les sur cette liste. "
                                   "Formats : .csv .xlsx .eml .mbox .msg .txt .docx .vtt .srt .qdpx"))
        self.hint.setWordWrap(True)
        self.left_out: dict[Path, str] = {}  # found in the folders added, not documents (`folder.not_a_document`)
        self.left_out_note = QLabel()
        self.left_out_note.setWordWrap(True)
        self.left_out_note.hide()
        self.table_panel = TableChoicesPanel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.files)
        splitter.addWidget(self.table_panel)
        splitter.setStretchFactor(1, 2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Importer"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.left_out_note)
        layout.addLayout(bottom)
        self.table_panel.show_message(self.tr("Sélectionnez un tableau (.csv, .xlsx) pour voir ses premières lignes."))
        return page

    def _progress_page(self) -> QWidget:
        self.progress_label = QLabel(self.tr("Import en cours…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Annuler l'import"))
        self.cancel_button.clicked.connect(self.cancel)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def _results_page(self) -> QWidget:
        self.results = ImportResultsPage()
        self.again_button = QPushButton(self.tr("Importer d'autres fichiers"))
        self.again_button.clicked.connect(self._again)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.again_button)
        bottom.addWidget(close)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        return page

    # -- the list of files ------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [self.files.item(row, 0).data(PATH_ROLE) for row in range(self.files.rowCount())]

    def kind_combo(self, path: Path) -> QComboBox:
        return self.files.cellWidget(self.paths().index(path), 2)  # type: ignore[return-value]

    def add_paths(self, paths: list[Path]) -> None:
        """Add files, and the supported files under folders; a file already listed is not added twice,
        and an unsupported one is listed so that the results say why it was not imported."""
        listed = set(self.paths())
        first = None
        found = collect(paths)
        self.left_out.update({path: why for path, why in found.left_out if path not in listed})
        for path in found.files:  # named on its own after all: it is imported
            self.left_out.pop(path, None)
        self._show_left_out()
        for path in found.files:
            if path in listed:
                continue
            listed.add(path)
            row = self.files.rowCount()
            self.files.insertRow(row)
            name = QTableWidgetItem(path.name)
            name.setData(PATH_ROLE, path)
            name.setToolTip(str(path))
            self.files.setItem(row, 0, name)
            self.files.setItem(row, 1, QTableWidgetItem(self._format_label(path)))
            self.files.setCellWidget(row, 2, self._kind_chooser(path))
            first = row if first is None else first
        self.import_button.setEnabled(self.files.rowCount() > 0)
        if first is not None:
            self.files.setCurrentCell(first, 0)

    def _show_left_out(self) -> None:
        """Say which files of the folders added are not taken, and why, so that none goes missing unseen:
        one named with "Ajouter des fichiers…" is imported all the same."""
        reasons = {HIDDEN_FILE: self.tr("fichier caché, privé ou verrou"),
                   CORPUS_NOTES_FILE: self.tr("notes sur le corpus"),
                   ANSWER_KEY_FILE: self.tr("semble être un corrigé")}
        shown = [f"{path.name} ({reasons.get(why, why)})" for path, why in sorted(self.left_out.items())]
        self.left_out_note.setText(self.tr(
            "%n fichiers des dossiers laissés de côté, qui ne sont pas des documents : {files}. Pour en importer "
            "un quand même, ajoutez-le avec « Ajouter des fichiers… ».", "", len(shown)).format(files=", ".join(shown)))
        self.left_out_note.setVisible(bool(shown))

    def _format_label(self, path: Path) -> str:
        suffix = path.suffix.lower()
        if suffix in REFI_SUFFIXES:
            return self.tr("Projet REFI-QDA")
        fmt = FORMATS.get(suffix)
        if fmt is None:
            return self.tr("Format non pris en charge")
        family = {"table": self.tr("Tableau"), "email": self.tr("E-mails"), "transcript": self.tr("Transcription")}
        return f"{family[fmt.family]} ({suffix})"

    def _kind_chooser(self, path: Path) -> QComboBox:
        """The document kind of a file, defaulting to its format's; REFI-QDA projects and unsupported
        files have none to choose."""
        combo = QComboBox()
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            combo.addItem("—", None)
            combo.setEnabled(False)
            return combo
        for kind in DOCUMENT_KINDS:
            combo.addItem(kind_label(kind), kind)
        combo.setCurrentIndex(combo.findData(fmt.kind))
        return combo

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Ajouter des fichiers"), "",
            self.tr("Verbatims (*.csv *.xlsx *.eml *.mbox *.msg *.txt *.docx *.vtt *.srt *.qdpx *.qde);;Tous (*)"),
        )
        if paths:
            self.add_paths([Path(path) for path in paths])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Ajouter un dossier"))
        if folder:
            self.add_paths([Path(folder)])

    def _remove_selected(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.removeRow(row)
        self.import_button.setEnabled(self.files.rowCount() > 0)
        if self.files.rowCount() == 0:
            self._show_table(-1)

    # -- table previews ---------------------------------------------------------------------------
    def _show_table(self, row: int) -> None:
        """Show the selected table's preview, reading it in a worker the first time."""
        path = self.files.item(row, 0).data(PATH_ROLE) if row >= 0 and self.files.item(row, 0) else None
        if path is None or path.suffix.lower() not in TABLE_SUFFIXES:
            self.table_panel.show_message(self.tr("Pas d'aperçu : seuls les tableaux (.csv, .xlsx) en ont un."))
            return
        if path in self.previews:
            self.table_panel.show_preview(self.previews[path], self.table_choices.setdefault(path, TableChoice()))
            return
        if path in self.preview_errors:
            self.table_panel.show_message(self.tr("Aperçu impossible, ce fichier sera refusé : {reason}").format(
                reason=self.preview_errors[path]))
            return
        self.table_panel.show_message(self.tr("Lecture des premières lignes de {name}…").format(name=path.name))
        if path not in self._preview_jobs:
            job = Job(_read_preview, path)
            job.signals.finished.connect(lambda preview, read=path: self._preview_done(read, preview, None))
            job.signals.failed.connect(lambda message, read=path: self._preview_done(read, None, message))
            self._preview_jobs[path] = job
            job.start()

    def _preview_done(self, path: Path, preview: TablePreview | None, error: str | None) -> None:
        self._preview_jobs.pop(path, None)
        if preview is not None:
            self.previews[path] = preview
        else:
            self.preview_errors[path] = error or ""
        if self._current_path() == path:
            self._show_table(self.files.currentRow())

    def _current_path(self) -> Path | None:
        item = self.files.item(self.files.currentRow(), 0)
        return item.data(PATH_ROLE) if item is not None else None

    # -- the import -------------------------------------------------------------------------------
    def choices(self) -> dict[Path, FileChoices]:
        """Each file's kind, and for a previewed table the columns chosen by the user."""
        chosen = {}
        for row, path in enumerate(self.paths()):
            kind = self.files.cellWidget(row, 2).currentData()  # type: ignore[union-attr]
            table = self.table_choices.get(path, TableChoice())
            chosen[path] = FileChoices(kind=kind, text_column=table.text_column, title_column=table.title_column,
                                       column_types=dict(table.types) or None)
        return chosen

    def start(self) -> Job | None:
        """Start the import as the window's job, unless another job holds the project."""
        paths = self.paths()
        if not paths:
            return None
        if self.importer.job is not None:
            self.message.setText(self.tr("Une autre tâche est en cours : importez quand elle sera finie."))
            return None
        self.message.setText("")
        job = self.importer.start_import(paths, self.choices(), failures_listed=True)
        self.job = job
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(lambda message: self._stopped(
            self.tr("L'import s'est arrêté : {message}").format(message=message)))
        job.signals.cancelled.connect(lambda: self._stopped(
            self.tr("Import annulé : les fichiers qu'il avait déjà importés ont été retirés, le projet est tel qu'avant.")))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(1)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Annulation…"))
            self.job.cancel()

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if message and message != "done":
            self.progress_label.setText(self.tr("Import en cours : {file}").format(file=progress_line(message)))

    def _finished(self, report: ImportReport) -> None:
        self.job = None
        self.results.show_report(report)
        self.pages.setCurrentIndex(2)

    def _stopped(self, message: str) -> None:
        self.job = None
        self.results.show_message(message)
        self.pages.setCurrentIndex(2)

    def _again(self) -> None:
        """Back to an empty list, for another batch of files."""
        self.files.setRowCount(0)
        self.table_choices.clear()
        self.left_out.clear()
        self._show_left_out()
        self.import_button.setEnabled(False)
        self._show_table(-1)
        self.pages.setCurrentIndex(0)
