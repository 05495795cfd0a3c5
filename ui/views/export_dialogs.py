"""File > Export ▸ Excel, CSV/Parquet, REFI-QDA and IRaMuTeQ: the choices `workbench export` offers, in a
dialog.

Each dialog checks what it can before anything runs (the output is not the project, the filters make
sense) and says what is wrong in one line under the form; the export itself runs as the window's job
(`MainWindow.start_job`: progress and Cancel, one job at a time, the window waits for it before closing).
The engine writes atomically (`workbench.output`): a failed or cancelled export leaves any earlier file as
it was. At the end the dialog says where the file is and what it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.views.export_filters import VALUE_ROLE, FilterBox, checkable_list, tick, ticked
from ui.workers import Job
from workbench import browse, codebook
from workbench.analysis import KIND_VARIABLE, NPS_GROUP_VARIABLE
from workbench.errors import Cancelled, WorkbenchError
from workbench.export.excel import SHEETS
from workbench.export.tables import CONTEXT, TABLE_NAMES
from workbench.filters import Filters
from workbench.output import check_output
from workbench.project import Project
from workbench.store.coders import list_coders

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


# Marked for lupdate here, translated when shown (`_tr`) so the installed language wins.
SHEET_LABELS = {
    "Segments": QT_TRANSLATE_NOOP("ExportDialog", "Segments codés"),
    "Matrix": QT_TRANSLATE_NOOP("ExportDialog", "Matrice documents × codes"),
    "Codebook": QT_TRANSLATE_NOOP("ExportDialog", "Livre de codes"),
    "Frequencies": QT_TRANSLATE_NOOP("ExportDialog", "Fréquences"),
    "Crosstabs": QT_TRANSLATE_NOOP("ExportDialog", "Tableaux croisés"),
    "Agreement": QT_TRANSLATE_NOOP("ExportDialog", "Accord entre codeurs"),
    "Topics": QT_TRANSLATE_NOOP("ExportDialog", "Thèmes"),
    "Suggestions": QT_TRANSLATE_NOOP("ExportDialog", "Suggestions"),
    "Charts": QT_TRANSLATE_NOOP("ExportDialog", "Graphiques"),
}
TABLE_LABELS = {
    "segments": QT_TRANSLATE_NOOP("ExportDialog", "segments codés (une ligne par codage)"),
    "matrix": QT_TRANSLATE_NOOP("ExportDialog", "matrice documents × codes"),
    "documents": QT_TRANSLATE_NOOP("ExportDialog", "documents et leurs variables"),
}
DELIMITERS = ((",", QT_TRANSLATE_NOOP("ExportDialog", "virgule (,)")),
              (";", QT_TRANSLATE_NOOP("ExportDialog", "point-virgule (;) et virgules décimales : Excel en français")),
              ("\t", QT_TRANSLATE_NOOP("ExportDialog", "tabulation")))


class ExportCounts(QObject):
    """The counted words of an export's summary. They go through `self.tr(…, "", n)` because pyside6-lupdate
    records singular and plural forms only in that shape: with `QCoreApplication.translate` and a count the
    French singular was lost ("1 codages")."""

    def rows(self, n: int) -> str:
        return self.tr("%n lignes", "", n)

    def tables(self, n: int) -> str:
        return self.tr("%n tableaux", "", n)

    def charts(self, n: int) -> str:
        return self.tr("%n graphiques", "", n)

    def documents(self, n: int) -> str:
        return self.tr("%n documents", "", n)

    def codes(self, n: int) -> str:
        return self.tr("%n codes", "", n)

    def codings(self, n: int) -> str:
        return self.tr("%n codages", "", n)

    def memos(self, n: int) -> str:
        return self.tr("%n mémos", "", n)

    def sheet_size(self, sheet: str, n: int) -> str:
        """What `export_xlsx` counts on a sheet: tables or charts on those sheets, rows on the others."""
        return {"Crosstabs": self.tables, "Charts": self.charts}.get(sheet, self.rows)(n)


@dataclass
class ExportReport:
    """What an export job tells the window and its dialog: where the file is and what it holds, in words."""

    what: str  # "excel", "table", "qdpx", "iramuteq"
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    refused: str | None = None  # the engine's one-line reason when nothing was written

    @property
    def failures(self) -> list[str]:
        return [self.refused] if self.refused else []

    def summary(self) -> str:
        if self.refused:
            return QCoreApplication.translate("ExportDialog", "rien n'a été écrit.")
        words = ExportCounts()
        if self.what == "excel":
            sheets = ", ".join(QCoreApplication.translate("ExportDialog", "{sheet} ({rows})").format(
                sheet=_tr(SHEET_LABELS.get(name, name)), rows=words.sheet_size(name, count))
                for name, count in self.counts.items())
            return QCoreApplication.translate("ExportDialog", "classeur Excel écrit dans {path}, feuilles : {sheets}.").format(
                path=self.path, sheets=sheets)
        if self.what == "table":
            (name, rows), = self.counts.items()
            return QCoreApplication.translate("ExportDialog", "table « {table} » écrite dans {path} : {rows}.").format(
                table=_tr(TABLE_LABELS[name]), path=self.path, rows=words.rows(rows))
        n_documents, n_codes, n_codings, n_memos = (self.counts.get(name, 0)
                                                    for name in ("documents", "codes", "codings", "memos"))
        documents = words.documents(n_documents)
        if self.what == "qdpx":
            return QCoreApplication.translate(
                "ExportDialog", "projet REFI-QDA écrit dans {path} : {documents}, {codes}, {codings}, {memos}.").format(
                path=self.path, documents=documents,
                codes=words.codes(n_codes), codings=words.codings(n_codings), memos=words.memos(n_memos))
        return QCoreApplication.translate(
            "ExportDialog", "corpus IRaMuTeQ écrit dans {path} : {documents}, chacun précédé de sa ligne **** de "
                            "variables.").format(path=self.path, documents=documents)


def _run(what: str, path: Path, write: Callable[[], dict[str, int]], progress: Any) -> ExportReport:
    """Run one exporter; the engine's refusals become the report's one line (the file is untouched)."""
    progress(0, None, path.name)  # a Cancel pressed before the start stops here
    try:
        counts = write()
    except Cancelled:
        raise
    except WorkbenchError as exc:
        return ExportReport(what, path, refused=str(exc))
    return ExportReport(what, path, counts)


def excel_job(project: Project, path: Path, filters: Filters, sheets: list[str], context: int,
              coders: list[str] | None, crosstabs: list[tuple[int, str]] | None, *, progress: Any,
              cancel: Any) -> ExportReport:
    from workbench.export.excel import export_xlsx

    def sheet_done(done: int, total: int | None, message: str) -> None:
        """Per sheet, where a Cancel may stop the export; not the last call, made once the file is in place
        (a Cancel then would report an export that did happen as cancelled)."""
        if total is None or done < total:
            progress(done, total, message)

    return _run("excel", path, lambda: export_xlsx(project, path, sheets=sheets, filters=filters, context=context,
                                                   coders=coders, crosstabs=crosstabs, progress=sheet_done), progress)


def table_job(project: Project, path: Path, filters: Filters, table: str, delimiter: str, context: int, *,
              progress: Any, cancel: Any) -> ExportReport:
    from workbench.export.tables import export_table

    return _run("table", path, lambda: {table: export_table(project, path, table=table, filters=filters,
                                                            delimiter=delimiter, context=context)}, progress)


def qdpx_job(project: Project, path: Path, codes: list[int], coders: list[str], *, progress: Any,
             cancel: Any) -> ExportReport:
    from workbench.export.refi import export_qdpx

    def write() -> dict[str, int]:
        summary = export_qdpx(project, path, codes=codes or None, coders=coders or None)
        return {key: value for key, value in summary.items() if isinstance(value, int)}

    return _run("qdpx", path, write, progress)


def iramuteq_job(project: Project, path: Path, filters: Filters, variables: list[str], code_stars: dict[str, int],
                 *, progress: Any, cancel: Any) -> ExportReport:
    from workbench.export.iramuteq import export_iramuteq

    return _run("iramuteq", path, lambda: {"documents": export_iramuteq(
        project, path, variables=variables, code_stars=code_stars, filters=filters)}, progress)


class ExportDialog(QDialog):
    """The frame every export shares: options, filters, the output file, Export, and the outcome."""

    suffixes: tuple[str, ...] = ()
    file_filter = ""
    label = ""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        assert window.project is not None
        self.window_ = window
        self.project = window.project
        self.job: Job | None = None
        self.report: ExportReport | None = None
        self.setMinimumWidth(620)
        self.options = QFormLayout()
        self.filter_box = FilterBox(self.project)
        self.path = QLineEdit(str(self.project.path.with_suffix(self.suffixes[0])))
        browse_button = QPushButton(self.tr("Choisir…"))
        browse_button.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Fichier :")))
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse_button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.hide()
        self.export_button = QPushButton(self.tr("Exporter"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton(self.tr("Annuler l'export"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        close_button = QPushButton(self.tr("Fermer"))
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.options)
        layout.addWidget(self.filter_box)
        layout.addLayout(path_row)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addLayout(buttons)

    # -- what each format adds ------------------------------------------------------------------------
    def job_arguments(self, path: Path) -> tuple[Callable[..., ExportReport], tuple[Any, ...]]:
        """The job function and its arguments after the project; may raise the engine's one-line error."""
        raise NotImplementedError

    # -- the output file --------------------------------------------------------------------------------
    def choose_path(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Exporter vers…"), self.path.text(), self.file_filter)
        if chosen:
            self.path.setText(chosen)

    def output_path(self) -> Path:
        """The path typed, with the format's ending added when the user left it out. The engine's refusals
        (the project itself, another database) come before a wrong ending: they say more."""
        text = self.path.text().strip()
        if not text:
            raise WorkbenchError(self.tr("donnez un nom de fichier."))
        path = Path(text).expanduser()
        if not path.suffix:
            path = path.with_name(path.name + self.suffixes[0])
        check_output(path, self.project)
        if path.suffix.lower() not in self.suffixes:
            raise WorkbenchError(self.tr("le fichier doit se terminer par {endings}.").format(
                endings=self.tr(" ou ").join(self.suffixes)))
        return path

    def show_error(self, message: str) -> None:
        self.error.setText(" ".join(message.split()))  # one line, however the engine wrapped it
        self.error.setVisible(bool(message))

    # -- running ------------------------------------------------------------------------------------------
    def export(self) -> Job | None:
        """Check the output and the options here, at once; then write the file as the window's job."""
        self.show_error("")
        self.result.clear()
        if self.window_.job is not None:
            self.show_error(self.tr("Une tâche est déjà en cours : attendez sa fin."))
            return None
        try:
            path = self.output_path()
            function, arguments = self.job_arguments(path)
        except WorkbenchError as exc:
            self.show_error(self.tr("Export impossible : {reason}").format(reason=exc))
            return None
        self.path.setText(str(path))
        job = self.window_.start_job(self.label, function, path, *arguments, warn_failures=False,
                                     cancelled=self.tr("Export annulé : aucun fichier n'a été écrit ni remplacé."))
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._ended)
        job.signals.cancelled.connect(lambda: self._ended(self.tr("Export annulé : aucun fichier n'a été écrit ni remplacé.")))
        self.job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int, _message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self, report: ExportReport) -> None:
        self.report = report
        if report.refused:
            self._ended(self.tr("Export impossible : {reason}").format(reason=report.refused))
            return
        self._ended("")
        self.result.setText(self.tr("Terminé : {summary}").format(summary=report.summary()))

    def _ended(self, message: str) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)
        self.show_error(message)


class ExcelExportDialog(ExportDialog):
    suffixes = (".xlsx",)
    file_filter = "Excel (*.xlsx)"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.label = self.tr("Export Excel")
        self.setWindowTitle(self.tr("Exporter vers Excel"))
        self.sheets = checkable_list([(_tr(SHEET_LABELS[name]), name) for name in SHEETS])
        tick(self.sheets, list(SHEETS))
        self.context = QSpinBox()
        self.context.setRange(0, 2000)
        self.context.setValue(CONTEXT)
        self.context.setSuffix(self.tr(" caractères"))
        self.agreement: list[QComboBox] = []
        pair = QHBoxLayout()
        for _ in range(2):
            combo = QComboBox()
            combo.addItem(self.tr("(le plus actif)"), None)
            for row in list_coders(self.project):
                combo.addItem(row["name"], row["name"])
            self.agreement.append(combo)
            pair.addWidget(combo)
        self.crosstab_code = QComboBox()
        for node in codebook.code_tree(self.project):
            self.crosstab_code.addItem("    " * node["depth"] + node["name"], node["id"])
        self.crosstab_variable = QComboBox()
        self.crosstab_variable.addItem(self.tr("type de document"), KIND_VARIABLE)
        self.crosstab_variable.addItem(self.tr("groupe NPS"), NPS_GROUP_VARIABLE)
        for name, _type in browse.variable_names(self.project):
            self.crosstab_variable.addItem(name, name)
        add_crosstab = QPushButton(self.tr("Ajouter"))
        add_crosstab.clicked.connect(self.add_crosstab)
        remove_crosstab = QPushButton(self.tr("Retirer"))
        remove_crosstab.clicked.connect(lambda: self.crosstabs.takeItem(self.crosstabs.currentRow()))
        self.crosstabs = QListWidget()
        self.crosstabs.setMaximumHeight(70)
        self.crosstabs.setToolTip(self.tr("Vide : un tableau par code de premier niveau et par variable utile"))
        crosstab_row = QHBoxLayout()
        for widget in (self.crosstab_code, QLabel("×"), self.crosstab_variable, add_crosstab, remove_crosstab):
            crosstab_row.addWidget(widget)
        self.options.addRow(self.tr("Feuilles :"), self.sheets)
        self.options.addRow(self.tr("Contexte autour de chaque segment :"), self.context)
        self.options.addRow(self.tr("Accord entre :"), pair)
        self.options.addRow(self.tr("Tableaux croisés :"), crosstab_row)
        self.options.addRow("", self.crosstabs)

    def add_crosstab(self) -> None:
        """One (code × variable) table for the Crosstabs sheet; none listed means the engine's choice."""
        item = QListWidgetItem(f"{self.crosstab_code.currentText().strip()} × {self.crosstab_variable.currentText()}")
        item.setData(VALUE_ROLE, (self.crosstab_code.currentData(), self.crosstab_variable.currentData()))
        self.crosstabs.addItem(item)

    def job_arguments(self, path: Path) -> tuple[Callable[..., ExportReport], tuple[Any, ...]]:
        sheets = [str(name) for name in ticked(self.sheets)]
        if not sheets:
            raise WorkbenchError(self.tr("cochez au moins une feuille."))
        chosen = [combo.currentData() for combo in self.agreement]
        coders = None
        if any(chosen):
            if not all(chosen) or chosen[0] == chosen[1]:
                raise WorkbenchError(self.tr("choisissez deux codeurs différents pour l'accord, ou aucun."))
            coders = [str(name) for name in chosen]
        crosstabs = [tuple(self.crosstabs.item(row).data(VALUE_ROLE)) for row in range(self.crosstabs.count())]
        return excel_job, (self.filter_box.filters(self.project), sheets, self.context.value(), coders,
                           crosstabs or None)


class TableExportDialog(ExportDialog):
    suffixes = (".csv", ".parquet")
    file_filter = "CSV (*.csv);;Parquet (*.parquet)"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.label = self.tr("Export de table")
        self.setWindowTitle(self.tr("Exporter une table (CSV ou Parquet)"))
        self.table = QComboBox()
        for name in TABLE_NAMES:
            self.table.addItem(_tr(TABLE_LABELS[name]), name)
        self.file_format = QComboBox()
        self.file_format.addItem("CSV", ".csv")
        self.file_format.addItem("Parquet", ".parquet")
        self.file_format.currentIndexChanged.connect(self._format_chosen)
        self.delimiter = QComboBox()
        for value, label in DELIMITERS:
            self.delimiter.addItem(_tr(label), value)
        self.context = QSpinBox()
        self.context.setRange(0, 2000)
        self.context.setValue(CONTEXT)
        self.context.setSuffix(self.tr(" caractères"))
        self.options.addRow(self.tr("Table :"), self.table)
        self.options.addRow(self.tr("Format :"), self.file_format)
        self.options.addRow(self.tr("Séparateur (CSV) :"), self.delimiter)
        self.options.addRow(self.tr("Contexte autour de chaque segment :"), self.context)

    def _format_chosen(self) -> None:
        suffix = str(self.file_format.currentData())
        self.delimiter.setEnabled(suffix == ".csv")
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(suffix)))

    def output_path(self) -> Path:
        """A path without an ending takes the chosen format's; one with `.csv` or `.parquet` chooses it."""
        text = self.path.text().strip()
        if text and not Path(text).suffix:
            self.path.setText(text + str(self.file_format.currentData()))
        path = super().output_path()
        self.file_format.setCurrentIndex(self.file_format.findData(path.suffix.lower()))
        return path

    def job_arguments(self, path: Path) -> tuple[Callable[..., ExportReport], tuple[Any, ...]]:
        return table_job, (self.filter_box.filters(self.project), str(self.table.currentData()),
                           str(self.delimiter.currentData()), self.context.value())


class QdpxExportDialog(ExportDialog):
    suffixes = (".qdpx",)
    file_filter = "REFI-QDA (*.qdpx)"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.label = self.tr("Export REFI-QDA")
        self.setWindowTitle(self.tr("Exporter au format REFI-QDA (.qdpx)"))
        note = QLabel(self.tr("Le fichier contient les documents entiers, le livre de codes, les codages et les mémos ; "
                              "il s'ouvre dans les autres logiciels d'analyse qualitative (ATLAS.ti, MAXQDA, NVivo…). "
                              "Seuls les codes et les codeurs filtrent les codages."))
        note.setWordWrap(True)
        self.options.addRow(note)
        self.filter_box.whole_documents_only()

    def job_arguments(self, path: Path) -> tuple[Callable[..., ExportReport], tuple[Any, ...]]:
        return qdpx_job, (self.filter_box.chosen_codes(), self.filter_box.chosen_coders())


class IramuteqExportDialog(ExportDialog):
    suffixes = (".txt",)
    file_filter = "IRaMuTeQ (*.txt)"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.label = self.tr("Export IRaMuTeQ")
        self.setWindowTitle(self.tr("Exporter un corpus IRaMuTeQ"))
        names = [name for name, _type in browse.variable_names(self.project)]
        self.variables = checkable_list([(name, name) for name in names])
        tick(self.variables, list(names))
        self.star_code = QComboBox()
        for node in codebook.code_tree(self.project):
            self.star_code.addItem("    " * node["depth"] + node["name"], node["id"])
        self.star_prefix = QLineEdit()
        self.star_prefix.setPlaceholderText(self.tr("préfixe, par exemple forme"))
        add_star = QPushButton(self.tr("Ajouter"))
        add_star.clicked.connect(self.add_star)
        remove_star = QPushButton(self.tr("Retirer"))
        remove_star.clicked.connect(lambda: self.stars.takeItem(self.stars.currentRow()))
        self.stars = QListWidget()
        self.stars.setMaximumHeight(70)
        star_row = QHBoxLayout()
        for widget in (self.star_prefix, QLabel("="), self.star_code, add_star, remove_star):
            star_row.addWidget(widget)
        self.options.addRow(self.tr("Variables étoilées :"), self.variables)
        self.options.addRow(self.tr("Étoiler avec les sous-codes de :"), star_row)
        self.options.addRow("", self.stars)

    def add_star(self) -> bool:
        """Each document starred *prefix_<sub-code> for the sub-codes of the chosen code it has (as
        `--code-star PREFIX=CODE`); a prefix names one code only."""
        self.show_error("")
        prefix = self.star_prefix.text().strip()
        if not prefix:
            self.show_error(self.tr("Donnez un préfixe pour les étoiles du code choisi."))
            return False
        for row in range(self.stars.count()):
            if self.stars.item(row).data(VALUE_ROLE)[0] == prefix:
                self.stars.takeItem(row)
                break
        item = QListWidgetItem(f"{prefix} = {self.star_code.currentText().strip()}")
        item.setData(VALUE_ROLE, (prefix, int(self.star_code.currentData())))
        self.stars.addItem(item)
        self.star_prefix.clear()
        return True

    def job_arguments(self, path: Path) -> tuple[Callable[..., ExportReport], tuple[Any, ...]]:
        code_stars = dict(self.stars.item(row).data(VALUE_ROLE) for row in range(self.stars.count()))
        return iramuteq_job, (self.filter_box.filters(self.project), [str(name) for name in ticked(self.variables)],
                              code_stars)


DIALOGS: tuple[tuple[str, type[ExportDialog]], ...] = (
    (QT_TRANSLATE_NOOP("ExportMenu", "Excel…"), ExcelExportDialog),
    (QT_TRANSLATE_NOOP("ExportMenu", "CSV / Parquet…"), TableExportDialog),
    (QT_TRANSLATE_NOOP("ExportMenu", "REFI-QDA (.qdpx)…"), QdpxExportDialog),
    (QT_TRANSLATE_NOOP("ExportMenu", "IRaMuTeQ…"), IramuteqExportDialog),
)


class ExportMenu(QMenu):
    """File > Export ▸: one entry per format; each opens its dialog on the window's project."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("E&xporter"), parent or window)
        self.window_ = window
        self.dialog: ExportDialog | None = None
        self.format_actions: dict[type[ExportDialog], Any] = {}
        for text, dialog_class in DIALOGS:
            action = self.addAction(self.tr(text))
            action.triggered.connect(lambda _checked=False, kind=dialog_class: self.open_dialog(kind))
            self.format_actions[dialog_class] = action
        self.aboutToShow.connect(self._enable)

    def _enable(self) -> None:
        for action in self.format_actions.values():
            action.setEnabled(self.window_.project is not None)

    def open_dialog(self, dialog_class: type[ExportDialog]) -> ExportDialog | None:
        if self.window_.project is None:
            return None
        self.dialog = dialog_class(self.window_)
        self.dialog.show()
        return self.dialog
