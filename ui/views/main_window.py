"""The main window: documents on the left, the text in the middle, the codebook on the right.

Every action calls a `workbench` service and then re-reads what it changed; nothing here touches SQL.
Long jobs (import) run in a `ui.workers.Job` with a progress bar and a Cancel button in the status bar.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.change_relay import ChangeRelay
from ui.device_status import DeviceLabel
from ui.job_messages import job_message
from ui.kinds import kind_label
from ui.progress_words import progress_line
from ui.refusals import refusal_text
from ui.views.chart_panel import ChartPanel
from ui.views.code_panel import CodePanel
from ui.views.coding_menu import CodingController
from ui.views.document_browser import DocumentBrowser
from ui.views.document_view import DocumentPane
from ui.views.exercise_actions import ExerciseActions
from ui.views.export_dialogs import ExportMenu
from ui.views.help_dialogs import HelpMenu
from ui.views.memo_panel import MemoPanel
from ui.views.review_panel import ReviewPanel
from ui.views.search_panel import SearchPanel
from ui.views.settings_dialog import apply_font_size
from ui.views.suggestion_marks import SuggestionMarks
from ui.views.topic_panel import TopicPanel
from ui.views.trainee_mode import ExerciseBanner
from ui.views.trainer_panel import TrainerPanel
from ui.views.undo_labels import entry_label
from ui.views.welcome import WelcomePage
from ui.views.workspace_actions import WorkspaceActions
from ui.widgets import compact_tabs
from ui.workers import Job
from workbench import browse, codebook, coding, history, journal
from workbench.errors import WorkbenchError
from workbench.events import ChangeEvent
from workbench.project import Project
from workbench.reports import JobReport
from workbench.stats import status_counts
from workbench.store.coders import default_coder_name, resolve_coder

if TYPE_CHECKING:
    from ui.views.import_dialog import ImportDialog
    from workbench.ingest.folder import FileChoices

CODING_ID_ROLE = Qt.ItemDataRole.UserRole


def _report_text(report: JobReport, with_failures: bool) -> str:
    """The window's own sentence for the job's result, then, unless the caller lists them in its own words,
    one line per failure (worded by the engine)."""
    return "\n".join([job_message(report), *(report.failures if with_failures else [])])


class MainWindow(QMainWindow):
    def __init__(self, project: Project | None = None, coder: str | None = None) -> None:
        super().__init__()
        self.project: Project | None = None
        self.coder = coder or default_coder_name()
        self.job: Job | None = None
        self.import_dialog: ImportDialog | None = None
        self.setAcceptDrops(True)  # files dropped on the window open the import dialog with them
        # Changes committed anywhere (this window, a background job) arrive here as events; a burst of them
        # is refreshed once, at the next turn of the event loop, and only for the groups that changed.
        self.relay = ChangeRelay(self)
        self.relay.changed.connect(self._heard)
        self._changed_groups: set[str] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_changed)
        self._fit_to_screen(1280, 800)
        self._build_widgets()
        self._build_menus()
        apply_font_size(self)
        if project is not None:
            self.set_project(project)
        else:
            self.workspace.show_welcome()
            self._update_title()
            self._update_status()

    # -- layout -----------------------------------------------------------------------------------
    def _fit_to_screen(self, width: int, height: int) -> None:
        """The window's first size: `width` x `height`, or less on a smaller screen (a 1024x700 laptop),
        so that its status bar, where jobs show their progress, is never below the screen's edge."""
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(width, height)

    def _build_widgets(self) -> None:
        self.browser = DocumentBrowser()
        self.documents = self.browser.table
        self.kind_filter = self.browser.kind_filter
        dock = QDockWidget(self.tr("Documents"), self)
        dock.setObjectName("documents")
        dock.setWidget(self.browser)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.document_dock = dock

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.variables = QLabel()
        self.variables.setWordWrap(True)
        self.variables.setTextFormat(Qt.TextFormat.PlainText)
        self.document_pane = DocumentPane()
        self.viewer = self.document_pane.viewer
        self.coding_controller = CodingController(self.document_pane)
        self.suggestion_marks = SuggestionMarks(self.viewer)
        self.codings = QListWidget()
        self.remove_coding = QPushButton(self.tr("Retirer le codage"))
        self.remove_coding.setEnabled(False)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(self.tr("Codages de ce document")))
        bottom_layout.addWidget(self.codings)
        bottom_layout.addWidget(self.remove_coding)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.document_pane)
        splitter.addWidget(bottom)
        splitter.setSizes([600, 180])
        document_page = QWidget()
        centre_layout = QVBoxLayout(document_page)
        self.exercise_banner = ExerciseBanner()  # shown on an exercise file: its instructions and time
        centre_layout.addWidget(self.exercise_banner)
        centre_layout.addWidget(self.title)
        centre_layout.addWidget(self.variables)
        centre_layout.addWidget(splitter)
        self.chart_panel = ChartPanel()
        self.trainer_panel = TrainerPanel()
        self.centre_tabs = QTabWidget()
        self.centre_tabs.addTab(document_page, self.tr("Document"))
        self.centre_tabs.addTab(self.chart_panel, self.tr("Graphiques"))
        self.centre_tabs.addTab(self.trainer_panel, self.tr("Formation"))
        self.welcome = WelcomePage()
        # Scrolled: a stacked page's minimum width is the centre's even while hidden.
        self.welcome_area = QScrollArea()
        self.welcome_area.setWidget(self.welcome)
        self.welcome_area.setWidgetResizable(True)
        self.welcome_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome_area)
        self.pages.addWidget(self.centre_tabs)
        self.setCentralWidget(self.pages)

        self.code_panel = CodePanel()
        self.search_panel = SearchPanel()
        self.review_panel = ReviewPanel()
        self.topic_panel = TopicPanel()
        self.memo_panel = MemoPanel()
        self.side_tabs = compact_tabs()
        self.side_tabs.addTab(self.code_panel, self.tr("Codes"))
        self.side_tabs.addTab(self.search_panel, self.tr("Recherche"))
        self.side_tabs.addTab(self.review_panel, self.tr("Suggestions"))
        self.side_tabs.addTab(self.topic_panel, self.tr("Thèmes"))
        self.side_tabs.addTab(self.memo_panel, self.tr("Mémos"))
        code_dock = QDockWidget(self.tr("Codage"), self)
        code_dock.setObjectName("coding")
        code_dock.setWidget(self.side_tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, code_dock)
        self.code_dock = code_dock
        self._docks_fitted = False

        self.status = QLabel()
        self.progress = QProgressBar()
        # Wide enough for its progress line ("754/754 calcul des thèmes") on one line, even where the status
        # bar is crowded, which squeezed it to a few words over two clipped lines.
        self.progress.setMinimumWidth(260)
        self.progress.setMaximumWidth(420)
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().addWidget(self.status, 1)
        self.coder_button = QToolButton()
        self.coder_button.setAutoRaise(True)
        self.device_label = DeviceLabel()
        self.job_label = QLabel()
        self.job_label.hide()
        for widget in (self.coder_button, self.device_label, self.job_label):
            self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        self.browser.documentChosen.connect(self.open_document)
        self.code_panel.codeSpan.connect(self.code_selection)
        self.code_panel.codeDocument.connect(self.code_whole_document)
        self.code_panel.codeSpanAt.connect(self.code_span_at)
        self.code_panel.edited.connect(self.refresh_changed)
        self.code_panel.jobRequested.connect(self._start_panel_job)
        self.code_panel.current_coder = lambda: self.coder
        self.code_panel.openMatch.connect(self.open_match)
        self.code_panel.focusCode.connect(self.viewer.paint_codings)
        self.code_panel.focusCode.connect(self.memo_panel.set_code)
        self.codings.currentItemChanged.connect(self._coding_chosen)
        self.remove_coding.clicked.connect(self.remove_current_coding)
        self.cancel_button.clicked.connect(self._cancel_job)
        for panel in (self.search_panel, self.review_panel, self.trainer_panel, self.topic_panel, self.memo_panel):
            panel.openMatch.connect(self.open_match)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self.open_action = QAction(self.tr("&Ouvrir un projet…"), self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._open_dialog)
        self.import_action = QAction(self.tr("&Importer des fichiers…"), self, shortcut="Ctrl+I")
        self.import_action.triggered.connect(self._import_dialog)
        self.backup_action = QAction(self.tr("&Sauvegarder une copie…"), self)
        self.backup_action.triggered.connect(self._backup_dialog)
        quit_action = QAction(self.tr("&Quitter"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.workspace = WorkspaceActions(self)
        self.export_menu = ExportMenu(self)
        for action in (self.workspace.new_action, self.open_action, self.workspace.recent_menu.menuAction(),
                       self.workspace.coder_action, self.import_action, self.export_menu.menuAction(),
                       self.workspace.merge_action, self.backup_action, quit_action):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Édition"))
        self.undo_action = QAction(self.tr("&Annuler"), self, shortcut=QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self._undo_redo(history.undo))
        self.redo_action = QAction(self.tr("&Rétablir"), self)
        # Ctrl+Y and Ctrl+Shift+Z on every platform, whatever the platform's own Redo key is.
        redo_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y"),
                     QKeySequence("Ctrl+Shift+Z")]
        self.redo_action.setShortcuts(list(dict.fromkeys(redo_keys, None)))
        self.redo_action.triggered.connect(lambda: self._undo_redo(history.redo))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.remove_document_action = QAction(self.tr("&Supprimer le document…"), self)
        self.remove_document_action.triggered.connect(self.remove_current_document)
        edit_menu.addAction(self.remove_document_action)
        edit_menu.addSeparator()
        self.previous_document_action = QAction(self.tr("Document &précédent"), self, shortcut="Alt+Up")
        self.previous_document_action.triggered.connect(lambda: self.step_document(-1))
        self.next_document_action = QAction(self.tr("Document &suivant"), self, shortcut="Alt+Down")
        self.next_document_action.triggered.connect(lambda: self.step_document(1))
        self.next_uncoded_action = QAction(self.tr("Document suivant &non codé"), self, shortcut="Alt+N")
        self.next_uncoded_action.triggered.connect(self.open_next_uncoded)
        for action in (self.previous_document_action, self.next_document_action, self.next_uncoded_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.workspace.settings_action)
        run_menu = self.menuBar().addMenu(self.tr("&Traitement"))
        self.segment_action = QAction(self.tr("&Segmenter et indexer"), self)
        self.segment_action.triggered.connect(self.start_segmentation)
        self.suggest_action = QAction(self.tr("Suggérer des &codes"), self)
        self.suggest_action.triggered.connect(self.start_suggestions)
        self.topics_action = QAction(self.tr("Trouver des &thèmes"), self)
        self.topics_action.triggered.connect(self.start_topics)
        self.speakers_action = QAction(self.tr("&Locuteurs…"), self)
        self.speakers_action.triggered.connect(self.open_speakers)
        run_menu.addAction(self.segment_action)
        run_menu.addAction(self.suggest_action)
        run_menu.addAction(self.topics_action)
        run_menu.addSeparator()
        run_menu.addAction(self.speakers_action)
        self.exercises = ExerciseActions(self, self.exercise_banner)
        self.menuBar().addMenu(self.workspace.view_menu)
        self.menuBar().addMenu(self.exercises.menu)
        self.help_menu = HelpMenu(self)
        self.menuBar().addMenu(self.help_menu)

    # -- project ----------------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        if self.project is not None and self.project is not project:
            self.project.close()
        self.project = project
        self.relay.watch(project)
        self._changed_groups.clear()
        self.coding_controller.set_context(project, lambda: self.coder, self._run_change)
        self.suggestion_marks.set_context(project, lambda: self.coder, self._run_change)
        self.browser.set_project(project)
        self.model = self.browser.model
        self.code_panel.load(project)
        self.search_panel.set_project(project)
        self.review_panel.set_project(project, self.coder)
        codable = [(node["path"], node["id"]) for node in codebook.code_tree(project) if node["codable"]]
        self.topic_panel.set_project(project, self.coder, codable)
        self.trainer_panel.set_project(project)
        self.memo_panel.set_project(project, self.coder)
        self.workspace.project_opened(project)
        self.exercises.project_opened(project)
        codes = [(node["path"], node["path"]) for node in codebook.code_tree(project) if node["codable"]]
        self.chart_panel.set_project(project, codes, [name for name, _type in browse.variable_names(project)])
        self.viewer.show_document(None)
        self._update_title()
        self._update_status()
        if self.model.rowCount():
            self.documents.selectRow(0)

    # -- refreshing what changed --------------------------------------------------------------------
    def _heard(self, event: ChangeEvent) -> None:
        self._changed_groups.add(event.group)
        self._refresh_timer.start()

    def refresh_changed(self) -> None:
        """Refresh the views that show a group that changed since the last refresh, keeping the open
        document, the search results, the code tree's expansion and the user's place in each list."""
        self._refresh_timer.stop()
        groups, self._changed_groups = self._changed_groups, set()
        if self.project is None or not groups:
            return
        project = self.project
        document_id = self.current_document_id()
        row = self.model.row_of(document_id)
        if "documents" in groups:
            self.model.reload()
            self.trainer_panel.set_project(project)
        elif groups & {"codings", "codes"}:
            self.model.refresh_row_counts()
        if groups & {"documents", "codings", "codes", "memos"} and document_id is not None:
            if browse.document_exists(project, document_id):
                reloaded_row = self.model.row_of(document_id) if "documents" in groups else None
                if reloaded_row is not None:
                    self.documents.selectRow(reloaded_row)  # the list was reloaded: select it again, which opens it
                else:
                    self.open_document(document_id)
            elif self.model.rowCount():  # removed: open the document that took its place in the list
                self.documents.selectRow(min(row or 0, self.model.rowCount() - 1))
            else:
                self.viewer.show_document(None)
                self.title.clear()
                self.variables.clear()
                self.codings.clear()
        if groups & {"codes", "codings"}:
            self.code_panel.load(project)
        if "codes" in groups:
            codable = [(node["path"], node["id"]) for node in codebook.code_tree(project) if node["codable"]]
            self.topic_panel.set_codes(codable)
            self.chart_panel.set_project(project, [(path, path) for path, _ in codable],
                                         [name for name, _type in browse.variable_names(project)])
        if groups & {"suggestions", "codes", "documents"}:
            self.review_panel.reload()
            self.suggestion_marks.reload()
        if groups & {"topics", "documents"}:
            self.topic_panel.reload()
        if groups & {"documents", "codes", "coders"}:
            self.browser.refresh_choices()
        if "coders" in groups:
            self.trainer_panel.set_project(project)
        if groups & {"memos", "documents"} or (groups & {"codings", "codes"} and self.memo_panel.names_codes()):
            self.memo_panel.reload()
        self._update_status()

    def _update_title(self) -> None:
        name = self.project.path.stem if self.project else self.tr("aucun projet")
        self.setWindowTitle(self.tr("Verbatim Workbench — {name}").format(name=name))

    def _refresh_undo_labels(self) -> None:
        """Say what Undo and Redo would do, as editors do ("Annuler : coded … with Facturation")."""
        for action, plain, described, peek in (
            (self.undo_action, self.tr("&Annuler"), self.tr("&Annuler : {action}"), journal.next_undo),
            (self.redo_action, self.tr("&Rétablir"), self.tr("&Rétablir : {action}"), journal.next_redo),
        ):
            entry = peek(self.project) if self.project is not None else None
            action.setEnabled(entry is not None)
            description = entry_label(entry) if entry else ""
            action.setText(described.format(action=description) if entry else plain)

    def _update_status(self) -> None:
        self._refresh_undo_labels()
        self.workspace.show_coder()
        if self.project is None:
            self.status.setText(self.tr("Ouvrez ou créez un projet."))
            return
        summary = status_counts(self.project)
        # One translated piece per count, so each gets its own plural form.
        self.status.setText(" · ".join((
            self.tr("%n documents", "", summary["documents"]),
            self.tr("%n segments", "", summary["segments"]),
            self.tr("%n codes", "", summary["codes"]),
            self.tr("%n codages", "", summary["codings"]),
        )))

    def _open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ouvrir un projet"), "", self.tr("Projets Verbatim Workbench (*.vwb)")
        )
        if path:
            self.workspace.open_path(Path(path))

    # -- documents --------------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        assert self.project is not None
        view = browse.document_view(self.project, document_id)
        self.title.setText(f"{view.title}  [{kind_label(view.kind)}]  #{view.id}")
        shown = ", ".join(f"{name} = {value}" for name, value in view.variables.items())
        self.variables.setText(shown)
        self.viewer.show_document(view)
        self.browser.follow(document_id)
        self.memo_panel.set_document(document_id)
        self.codings.clear()
        for span in view.codings:
            excerpt = view.text[span.start : span.end].replace("\n", " ")
            if len(excerpt) > 80:
                excerpt = excerpt[:77] + "…"
            item = QListWidgetItem(
                self.tr("{code} · {coder} · « {excerpt} »").format(
                    code=span.code_name, coder=span.coder, excerpt=excerpt
                )
            )
            item.setData(CODING_ID_ROLE, span.id)
            self.codings.addItem(item)
        self.remove_coding.setEnabled(False)

    def open_match(self, document_id: int, start: int, end: int) -> None:
        """Show a document with a passage selected (from search, review or the trainer view)."""
        self.centre_tabs.setCurrentIndex(0)
        self.open_document(document_id)
        self.viewer.select_span(start, end)

    def step_document(self, step: int) -> None:
        """Open the document `step` rows away in the list (Alt+Down, Alt+Up), as the list is sorted and filtered."""
        if self.project is None or self.browser.model is None:
            return
        current = self.browser.model.row_of(self.current_document_id())
        row = 0 if current is None else current + step
        if 0 <= row < self.browser.model.rowCount():
            self.browser.select_row(row)

    def open_next_uncoded(self) -> None:
        """Open the next document nobody has coded yet (Alt+N), wrapping round to the first."""
        if self.project is None:
            return
        document_id = browse.next_uncoded_document(self.project, self.current_document_id())
        if document_id is None:
            self.statusBar().showMessage(self.tr("Tous les documents ont au moins un codage."), 10000)
        else:
            self.open_document(document_id)

    def current_document_id(self) -> int | None:
        view = self.viewer.view
        return None if view is None else view.id

    # -- coding -----------------------------------------------------------------------------------
    def _run_change(self, change: object) -> bool:
        """Run an engine change; show user errors in a dialog; refresh what it touched."""
        try:
            change()  # type: ignore[operator]
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Action impossible"), refusal_text(exc))
            return False
        self.refresh_changed()  # at once: the user is looking at what they just changed
        return True

    def code_selection(self, code_id: int) -> bool:
        document_id = self.current_document_id()
        span = self.viewer.selected_span()
        if document_id is None or self.project is None:
            return False
        if span is None:
            QMessageBox.information(
                self, self.tr("Rien de sélectionné"), self.tr("Sélectionnez un passage du texte à coder.")
            )
            return False
        project = self.project
        return self._run_change(
            lambda: coding.apply_code(project, document_id, code_id, span[0], span[1], coder=self.coder)
        )

    def code_span_at(self, code_id: int, document_id: int, start: int, end: int) -> bool:
        """Code a span dropped on a code (dragged from the document viewer), in whichever document it is."""
        if self.project is None:
            return False
        project = self.project
        return self._run_change(
            lambda: coding.apply_code(project, document_id, code_id, start, end, coder=self.coder))

    def _start_panel_job(self, label: str, function: object, args: tuple, cancelled: str) -> None:
        """A job a panel asks for (loading or exporting a codebook); one job at a time, as for the menus."""
        if self.job is None:
            self.start_job(label, function, *args, cancelled=cancelled)
        else:
            self.statusBar().showMessage(self.tr("Une tâche est déjà en cours : attendez sa fin."), 10000)

    def code_whole_document(self, code_id: int) -> bool:
        document_id = self.current_document_id()
        if document_id is None or self.project is None:
            return False
        project = self.project
        return self._run_change(lambda: coding.apply_code(project, document_id, code_id, coder=self.coder))

    def _coding_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.remove_coding.setEnabled(item is not None)
        self.memo_panel.set_coding(None if item is None else int(item.data(CODING_ID_ROLE)))
        view = self.viewer.view
        if item is None or view is None:
            return
        coding_id = item.data(CODING_ID_ROLE)
        for span in view.codings:
            if span.id == coding_id:
                self.viewer.select_span(span.start, span.end)

    def remove_current_coding(self) -> bool:
        item = self.codings.currentItem()
        if item is None or self.project is None:
            return False
        project, coding_id = self.project, int(item.data(CODING_ID_ROLE))
        return self._run_change(lambda: coding.remove_coding(project, coding_id, coder=self.coder))

    def remove_current_document(self) -> bool:
        """Remove the open document for good, after confirmation (a wrong import, an erasure request).
        Not during a background job: the removal rewrites the project file."""
        document_id = self.current_document_id()
        if self.project is None or document_id is None or self.job is not None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Supprimer le document"),
            self.tr("Supprimer définitivement le document n° {id}, avec ses codages, mémos et suggestions ? "
                    "Cette suppression ne peut pas être annulée.").format(id=document_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from workbench.removal import remove_documents

        try:
            remove_documents(self.project, [document_id])
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Erreur"), refusal_text(exc))
            return False
        self.refresh_changed()
        self.statusBar().showMessage(self.tr("Document n° {id} supprimé.").format(id=document_id), 10000)
        return True

    def _undo_redo(self, operation: object) -> None:
        if self.project is None:
            return
        project = self.project
        self._run_change(lambda: operation(project, resolve_coder(project, self.coder)))  # type: ignore[operator]

    # -- import job -------------------------------------------------------------------------------
    def _import_dialog(self) -> None:
        self.open_import_dialog()

    def open_import_dialog(self, paths: list[Path] | None = None) -> ImportDialog | None:
        """The import dialog (the one already open, if any), with `paths` added to its list."""
        if self.project is None:
            return None
        from ui.views.import_dialog import ImportDialog

        if self.import_dialog is None or not self.import_dialog.isVisible():
            self.import_dialog = ImportDialog(self, self)
        if paths:
            self.import_dialog.add_paths(paths)
        self.import_dialog.show()
        self.import_dialog.raise_()
        self.import_dialog.activateWindow()
        return self.import_dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from ui.views.import_dialog import dropped_paths

        if self.project is not None and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        from ui.views.import_dialog import dropped_paths

        paths = dropped_paths(event.mimeData())
        if self.project is not None and paths:
            event.acceptProposedAction()
            self.open_import_dialog(paths)
        else:
            super().dropEvent(event)

    def _backup_dialog(self) -> None:
        if self.project is None:
            return
        suggested = self.project.path.with_name(f"{self.project.path.stem}-copie.vwb")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Sauvegarder une copie du projet"), str(suggested),
            self.tr("Projets Verbatim Workbench (*.vwb)"),
        )
        if path:
            self.start_backup(Path(path))

    def start_backup(self, path: Path) -> Job:
        """A whole, consistent copy of the project, taken while it stays open (`workbench backup`)."""
        from workbench.backup import backup_project

        return self.start_job(self.tr("Sauvegarde"), backup_project, path,
                              cancelled=self.tr("Sauvegarde annulée : aucune copie n'a été écrite."))

    def start_import(self, paths: list[Path], choices: dict[Path, FileChoices] | None = None,
                     failures_listed: bool = False) -> Job:
        """Import in a worker thread, with progress and Cancel in the status bar. `choices` gives files
        their own kind and table options; `failures_listed` when the caller (the import dialog) lists
        the refused files itself, so no message box repeats them."""
        from ui.views.settings_dialog import import_function

        job = self.start_job(self.tr("Import"), import_function(choices), paths,
                             cancelled=self.tr("Import annulé : les fichiers qu'il avait déjà importés ont été retirés."),
                             warn_failures=not failures_listed)
        job.signals.finished.connect(self._index_imported)
        return job

    def _index_imported(self, report: object) -> None:
        """New documents are found by search only once segmented and indexed: do it at once, as a job."""
        if getattr(report, "documents", 0) and self.project is not None and self.job is None:
            self.start_segmentation()

    def start_segmentation(self) -> Job:
        from workbench.text.segment import segment_project

        return self.start_job(
            self.tr("Segmentation"), segment_project,
            cancelled=self.tr("Segmentation interrompue : les documents déjà traités le restent ; relancez-la pour continuer."))

    def start_suggestions(self) -> Job:
        from ui.views.settings_dialog import model_options
        from workbench.suggest.codes import suggest_codes

        return self.start_job(self.tr("Suggestions"), partial(suggest_codes, **model_options()),
                              cancelled=self.tr("Suggestions annulées : la file de revue est inchangée."))

    def start_topics(self) -> Job:
        from ui.views.cluster_choice import topics_function
        from ui.views.settings_dialog import model_options

        function, on_cluster = topics_function(model_options())
        return self.start_job(self.tr("Thèmes (cluster Ray)") if on_cluster else self.tr("Thèmes"), function,
                              cancelled=self.tr("Thèmes annulés : aucun thème n'a été enregistré."))

    def open_speakers(self) -> None:
        """Analysis > Speakers…: the transcripts' speakers and their roles, to correct (`SpeakersDialog`)."""
        from ui.views.speakers_dialog import SpeakersDialog

        if self.project is None:  # disabled during a job too: it may be reading the vectors a correction drops
            return
        dialog = SpeakersDialog(self.project, resolve_coder(self.project, self.coder), self)
        if dialog.exec() and dialog.changed:
            self.statusBar().showMessage(self.tr(
                "Rôles enregistrés : les appels concernés seront relus au prochain traitement."), 10000)

    def start_job(self, label: str, function: object, *args: object, cancelled: str, warn_failures: bool = True) -> Job:
        """Run `function(worker_project, *args, progress=, cancel=)` on its own connection, off the GUI
        thread. `cancelled` tells the user what a Cancel left, which depends on the job; the report's
        failures open a message box unless `warn_failures` is off (the caller shows them)."""
        assert self.project is not None
        job = Job(function, self.project.worker(), *args)  # type: ignore[arg-type]
        job.signals.progress.connect(self._job_progress)
        job.signals.finished.connect(
            lambda report: self._job_done(_report_text(report, warn_failures),
                                          error=warn_failures and bool(report.failures)))
        job.signals.failed.connect(lambda message: self._job_done(message, error=True))
        job.signals.cancelled.connect(lambda: self._job_done(cancelled))
        self.job = job
        self.job_label.setText(self.tr("Tâche : {label}").format(label=label))
        self.job_label.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        for action in (self.import_action, self.backup_action, self.segment_action, self.suggest_action, self.topics_action,
                       self.speakers_action, self.remove_document_action):
            action.setEnabled(False)
        # Started at the next turn of the event loop: a caller connects its own handlers to the job this
        # returns, and a quick job could otherwise finish (and be unheard) before they are connected.
        QTimer.singleShot(0, job.start)
        return job

    def _job_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        line = (f"{done}/{total} " if total > 0 else "") + progress_line(message)
        # Elided to the bar: Qt draws a line longer than the bar on two clipped lines ("calcul des scores :
        # Formes de relation client–marque"); the whole line stays readable as the bar's tooltip.
        room = max(40, self.progress.width() - 16)
        self.progress.setFormat(self.progress.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room))
        self.progress.setToolTip(line)

    def _cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _job_done(self, message: str, error: bool = False) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.job_label.hide()
        for action in (self.import_action, self.backup_action, self.segment_action, self.suggest_action, self.topics_action,
                       self.speakers_action, self.remove_document_action):
            action.setEnabled(True)
        self.job = None
        if error:
            QMessageBox.warning(self, self.tr("Erreur"), message)
        else:
            self.statusBar().showMessage(message, 10000)
        self.refresh_changed()

    def showEvent(self, event: QShowEvent) -> None:
        """Share the width between the list, the text and the coding pane once the window has its size
        (a 1024-pixel laptop screen as well as a large one); afterwards the user's own sizes are kept."""
        super().showEvent(event)
        if not self._docks_fitted:
            self._docks_fitted = True
            # After the first layout pass, which would otherwise give a pane its (wide) preferred width.
            QTimer.singleShot(0, self._fit_docks)

    def _fit_docks(self) -> None:
        width = self.width()
        list_width = min(max(int(width * 0.26), 260), 440)
        pane_width = min(max(int(width * 0.30), 300), 480)
        self.resizeDocks([self.document_dock, self.code_dock], [list_width, pane_width], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ending with a job still writing would leave the user unsure what was kept: ask, cancel it and
        wait (a cancelled job rolls back), then close the project so the `.vwb` alone holds all the work."""
        if self.job is not None:
            answer = QMessageBox.question(
                self, self.tr("Tâche en cours"),
                self.tr("Une tâche est en cours. L'annuler et quitter ? Le projet restera tel qu'avant la tâche."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.job.cancel()
            QThreadPool.globalInstance().waitForDone()
        if self.welcome.job is not None:  # a half-built demo is removed by its own job
            self.welcome.cancel_demo()
            QThreadPool.globalInstance().waitForDone()
        if self.project is not None:
            self.project.close()
            self.project = None
        event.accept()
