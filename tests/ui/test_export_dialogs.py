"""File > Export ▸ driven through its dialogs: each writes a file that reopens with the data asked for
(openpyxl, pandas, DuckDB, our own REFI-QDA import into a fresh project, IRaMuTeQ's **** lines), filters
reach the engine, a refused output gets its one line and nothing is written, Cancel leaves no file."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from panel_fixtures import fill, open_window
from PySide6.QtCore import Qt
from test_import_dialog import finish

from ui.views.export_dialogs import (
    ExcelExportDialog,
    ExportDialog,
    IramuteqExportDialog,
    QdpxExportDialog,
    TableExportDialog,
)
from ui.views.export_filters import VALUE_ROLE, tick
from workbench import coding
from workbench.export import excel
from workbench.project import Project

# (document, code name, start, end): two Facturation passages by claire, a Compliment by marc.
CODINGS = ((1, "Facturation", 3, 10, "claire"), (3, "Facturation", 4, 12, "claire"), (2, "Compliment", 0, 5, "marc"))


@pytest.fixture
def window(qtbot, project: Project):
    fill(project)
    ids = {name: code_id for code_id, name in project.rows("SELECT id, name FROM codes")}
    for document_id, name, start, end, coder in CODINGS:
        coding.apply_code(project, document_id, ids[name], start, end, coder=coder)
    return open_window(qtbot, project)


def run_export(qtbot, window, dialog_class: type[ExportDialog], path: Path, prepare=None) -> ExportDialog:
    dialog = window.export_menu.open_dialog(dialog_class)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    if prepare is not None:
        prepare(dialog)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and window.job is None, timeout=60000)
    assert not dialog.error.isVisible(), dialog.error.text()
    return dialog


def test_menu_lists_the_four_formats(window) -> None:
    texts = [action.text() for action in window.export_menu.actions()]
    assert texts == ["Excel…", "CSV / Parquet…", "REFI-QDA (.qdpx)…", "IRaMuTeQ…"]
    assert window.export_menu.menuAction() in window.menuBar().actions()[0].menu().actions()


def test_excel_writes_the_chosen_sheets_filtered_by_code(qtbot, window, tmp_path: Path) -> None:
    def prepare(dialog: ExcelExportDialog) -> None:
        tick(dialog.sheets, ["Segments", "Codebook", "Frequencies"])
        facturation = next(row for row in range(dialog.filter_box.codes.count())
                           if dialog.filter_box.codes.item(row).text().strip() == "Facturation")
        tick(dialog.filter_box.codes, [dialog.filter_box.codes.item(facturation).data(VALUE_ROLE)])

    out = tmp_path / "analyse.xlsx"
    dialog = run_export(qtbot, window, ExcelExportDialog, out, prepare)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["Segments", "Codebook", "Frequencies"]
    rows = list(book["Segments"].iter_rows(values_only=True))
    header = rows[0]
    codes = {row[header.index("code")] for row in rows[1:]}
    assert len(rows) - 1 == 2 and codes == {"Motifs/Facturation"}
    shown = dialog.result.text()
    assert str(out) in shown and "Segments codés (2 lignes)" in shown
    assert "\n" not in dialog.error.text()


def test_excel_coder_filter_reaches_the_rows(qtbot, window, tmp_path: Path) -> None:
    def prepare(dialog: ExcelExportDialog) -> None:
        tick(dialog.sheets, ["Segments"])
        tick(dialog.filter_box.coders, ["marc"])

    out = tmp_path / "marc.xlsx"
    run_export(qtbot, window, ExcelExportDialog, out, prepare)
    rows = list(load_workbook(out, read_only=True)["Segments"].iter_rows(values_only=True))
    coder_column = rows[0].index("coder")
    assert [row[coder_column] for row in rows[1:]] == ["marc"]


def test_csv_with_semicolons_and_parquet_reopen(qtbot, window, tmp_path: Path) -> None:
    def semicolons(dialog: TableExportDialog) -> None:
        dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))

    csv_path = tmp_path / "segments.csv"
    dialog = run_export(qtbot, window, TableExportDialog, csv_path, semicolons)
    frame = pd.read_csv(csv_path, sep=";")
    assert len(frame) == len(CODINGS) and sorted(frame["coder"]) == ["claire", "claire", "marc"]
    assert "3 lignes" in dialog.result.text() and str(csv_path) in dialog.result.text()

    def matrix(dialog: TableExportDialog) -> None:
        dialog.table.setCurrentIndex(dialog.table.findData("matrix"))
        dialog.file_format.setCurrentIndex(dialog.file_format.findData(".parquet"))

    parquet_path = tmp_path / "matrice.parquet"
    run_export(qtbot, window, TableExportDialog, parquet_path, matrix)
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{parquet_path}')").fetchall() == [(3,)]


def test_date_filter_with_an_empty_range_is_one_line_and_writes_nothing(qtbot, window, tmp_path: Path) -> None:
    dialog = window.export_menu.open_dialog(TableExportDialog)
    qtbot.addWidget(dialog)
    out = tmp_path / "vide.csv"
    dialog.path.setText(str(out))
    box = dialog.filter_box
    box.use_from.setChecked(True)
    box.use_to.setChecked(True)
    box.date_to.setDate(box.date_from.date().addDays(-3))
    assert dialog.export() is None
    assert dialog.error.isVisible() and "date range is empty" in dialog.error.text()
    assert not out.exists() and window.job is None


def test_qdpx_reopens_in_a_fresh_project_through_the_import_dialog(qtbot, window, tmp_path: Path) -> None:
    out = tmp_path / "echange.qdpx"
    dialog = run_export(qtbot, window, QdpxExportDialog, out)
    assert not dialog.filter_box.use_from.isEnabled() and not dialog.filter_box.kinds.isEnabled()
    assert "3 documents" in dialog.result.text() and "3 codages" in dialog.result.text()
    fresh = Project.create(tmp_path / "fresh.vwb", language="fr")
    other = open_window(qtbot, fresh)
    importer = other.open_import_dialog([out])
    finish(qtbot, importer)
    qtbot.waitUntil(lambda: other.job is None, timeout=60000)
    assert fresh.scalar("SELECT count(*) FROM documents") == 3
    assert sorted(fresh.rows("SELECT c.name, count(*) FROM codings g JOIN codes c ON c.id = g.code_id "
                             "GROUP BY c.name")) == [("Compliment", 1), ("Facturation", 2)]
    texts = {text for (text,) in fresh.rows("SELECT text FROM documents")}
    assert "Merci au conseiller, très aimable, problème réglé 😀." in texts


def test_iramuteq_corpus_has_a_star_line_per_document(qtbot, window, tmp_path: Path) -> None:
    def stars(dialog: IramuteqExportDialog) -> None:
        tick(dialog.variables, [])
        assert not dialog.add_star() and dialog.error.text() == "Donnez un préfixe pour les étoiles du code choisi."
        dialog.star_code.setCurrentIndex(dialog.star_code.findText("Motifs"))
        dialog.star_prefix.setText("motif")
        assert dialog.add_star() and dialog.stars.item(0).text() == "motif = Motifs"
        dialog.star_code.setCurrentIndex(dialog.star_code.findText("Facturation", Qt.MatchFlag.MatchContains))
        dialog.star_prefix.setText("fact")
        assert dialog.add_star() and dialog.stars.count() == 2

    out = tmp_path / "corpus.txt"
    dialog = run_export(qtbot, window, IramuteqExportDialog, out, stars)
    lines = out.read_text(encoding="utf-8").splitlines()
    headers = [line for line in lines if line.startswith("****")]
    assert headers == ["**** *kind_survey *motif_facturation *fact_facturation",
                       "**** *kind_survey *motif_compliment *fact_none",
                       "**** *kind_survey *motif_facturation *fact_facturation"]
    assert "3 documents" in dialog.result.text()


def test_the_project_itself_is_refused_in_one_line(qtbot, window, tmp_path: Path) -> None:
    project_file = window.project.path
    before = project_file.read_bytes()
    for dialog_class in (ExcelExportDialog, TableExportDialog, QdpxExportDialog, IramuteqExportDialog):
        dialog = window.export_menu.open_dialog(dialog_class)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(project_file))
        assert dialog.export() is None
        assert dialog.error.isVisible() and "\n" not in dialog.error.text()
        assert dialog.error.text().startswith("Export impossible : ") and "project itself" in dialog.error.text()
        assert window.job is None
    assert project_file.read_bytes() == before


def test_a_wrong_ending_is_refused_and_a_missing_one_added(qtbot, window, tmp_path: Path) -> None:
    dialog = window.export_menu.open_dialog(ExcelExportDialog)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "notes.docx"))
    assert dialog.export() is None
    assert dialog.error.text() == "Export impossible : le fichier doit se terminer par .xlsx."
    tick(dialog.sheets, ["Codebook"])
    dialog.path.setText(str(tmp_path / "sans-extension"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and window.job is None, timeout=60000)
    assert (tmp_path / "sans-extension.xlsx").exists() and not dialog.error.isVisible()


def test_cancel_leaves_no_file_and_says_so(qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started, gate = threading.Event(), threading.Event()
    original = excel.segments_table

    def held(*args, **kwargs):  # the first sheet waits until the user has pressed Cancel
        started.set()
        gate.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(excel, "segments_table", held)
    out = tmp_path / "annule.xlsx"
    dialog = window.export_menu.open_dialog(ExcelExportDialog)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out))
    tick(dialog.sheets, ["Segments", "Matrix"])
    dialog.export_button.click()
    assert dialog.cancel_button.isVisible() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(started.is_set, timeout=30000)  # cancelled half-way, not before the start
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None and window.job is None, timeout=60000)
    assert dialog.error.text() == "Export annulé : aucun fichier n'a été écrit ni remplacé."
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
    assert dialog.export_button.isEnabled()


def test_a_cancel_once_the_file_is_in_place_reports_the_export(qtbot, window, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel pressed after the rename: the file exists, so the dialog must not say nothing was written."""
    written, gate = threading.Event(), threading.Event()
    original = excel.output_file

    @contextmanager
    def held(*args, **kwargs):
        with original(*args, **kwargs) as partial:
            yield partial
        written.set()
        gate.wait(30)

    monkeypatch.setattr(excel, "output_file", held)
    out = tmp_path / "tard.xlsx"
    dialog = window.export_menu.open_dialog(ExcelExportDialog)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out))
    tick(dialog.sheets, ["Codebook"])
    dialog.export_button.click()
    qtbot.waitUntil(written.is_set, timeout=30000)
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None and window.job is None, timeout=60000)
    assert out.exists() and dialog.result.text().startswith("Terminé : classeur Excel écrit dans")
    assert not dialog.error.isVisible()


def test_excel_crosstab_and_agreement_choices_reach_their_sheets(qtbot, window, tmp_path: Path) -> None:
    """Choices the engine would not make itself: nps (an integer variable) and the two least busy coders."""
    project = window.project
    compliment = project.scalar("SELECT id FROM codes WHERE name = 'Compliment'")
    coding.apply_code(project, 2, compliment, 0, 5, coder="zoe")
    window.project = None  # reopened below with zoe among the coders
    window = open_window(qtbot, project)

    def prepare(dialog: ExcelExportDialog) -> None:
        tick(dialog.sheets, ["Crosstabs", "Agreement"])
        dialog.crosstab_code.setCurrentIndex(dialog.crosstab_code.findText("Motifs"))
        dialog.crosstab_variable.setCurrentIndex(dialog.crosstab_variable.findData("nps"))
        dialog.add_crosstab()
        assert dialog.crosstabs.item(0).text() == "Motifs × nps"
        dialog.agreement[0].setCurrentIndex(dialog.agreement[0].findData("marc"))
        dialog.agreement[1].setCurrentIndex(dialog.agreement[1].findData("zoe"))

    out = tmp_path / "croises.xlsx"
    dialog = run_export(qtbot, window, ExcelExportDialog, out, prepare)
    assert "Tableaux croisés (1 tableau" in dialog.result.text()
    book = load_workbook(out, read_only=True)
    agreement = " ".join(str(cell) for row in book["Agreement"].iter_rows(values_only=True) for cell in row if cell)
    assert "marc" in agreement and "zoe" in agreement and "claire" not in agreement
    crosstab = " ".join(str(cell) for row in book["Crosstabs"].iter_rows(values_only=True) for cell in row if cell)
    assert crosstab.startswith("Motifs × nps N = 3") and "Motifs × nps_group" not in crosstab


def test_one_agreement_coder_alone_is_refused(qtbot, window, tmp_path: Path) -> None:
    dialog = window.export_menu.open_dialog(ExcelExportDialog)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "accord.xlsx"))
    dialog.agreement[0].setCurrentIndex(dialog.agreement[0].findData("claire"))
    assert dialog.export() is None
    assert dialog.error.text() == "Export impossible : choisissez deux codeurs différents pour l'accord, ou aucun."
