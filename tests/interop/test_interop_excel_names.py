"""The Excel export's `document` column names every document: a survey row by its file and row."""

from __future__ import annotations

from builders import add_document, add_source
from openpyxl import load_workbook

from workbench import codebook
from workbench.coding import apply_code
from workbench.export.excel import export_xlsx


def _column(path, sheet: str) -> list:
    rows = list(load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))
    index = rows[0].index("document")
    return [row[index] for row in rows[1:]]


def test_survey_rows_are_named_by_file_and_row_in_every_sheet(project, tmp_path):
    survey = add_source(project, "enquete.xlsx", kind="xlsx")
    rows = [add_document(project, f"Réponse numéro {n} 😀.", None, "survey", source_id=survey, position=n)
            for n in (4, 5)]
    titled = add_document(project, "Un appel.", "Appel 1", "call")
    code = codebook.create_code(project, "Prix")
    for document in (*rows, titled):
        apply_code(project, document, code, 0, 3, coder="alice")
    export_xlsx(project, tmp_path / "out.xlsx", sheets=["Segments", "Matrix"])
    assert sorted(_column(tmp_path / "out.xlsx", "Segments")) == ["Appel 1", "enquete.xlsx, row 4",
                                                                  "enquete.xlsx, row 5"]
    assert sorted(_column(tmp_path / "out.xlsx", "Matrix")) == ["Appel 1", "enquete.xlsx, row 4",
                                                                "enquete.xlsx, row 5"]
