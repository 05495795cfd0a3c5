"""The Excel workbook: sheets, rows, types, layout, filters, and no formula from hostile input."""

from __future__ import annotations

from datetime import datetime

import coded_project
import openpyxl
import pytest

from workbench.errors import ExportError
from workbench.export.excel import SHEETS, export_xlsx
from workbench.filters import make_filters
from workbench.project import Project


@pytest.fixture
def coded(project):
    return coded_project.build(project)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """One full export shared by the read-only tests (charts make an export take a few seconds)."""
    folder = tmp_path_factory.mktemp("excel")
    with Project.create(folder / "p.vwb") as created:
        counts = export_xlsx(coded_project.build(created), folder / "out.xlsx", coders=["alice", "bob"])
    return counts, openpyxl.load_workbook(folder / "out.xlsx")


def _records(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_workbook_has_every_sheet_with_expected_rows(workbook):
    counts, book = workbook
    assert book.sheetnames == list(SHEETS)
    assert counts["Segments"] == len(coded_project.CODINGS) == book["Segments"].max_row - 1
    assert counts["Matrix"] == len(coded_project.DOCUMENTS)
    assert counts["Codebook"] == counts["Frequencies"] == len(coded_project.CODES)
    assert counts["Topics"] == 3 and counts["Suggestions"] == 3
    assert counts["Charts"] == len(book["Charts"]._images) >= 6


def test_segments_sheet_columns_types_and_code_points(workbook):
    _, book = workbook
    segments = _records(book["Segments"])
    first = segments[0]
    assert first["coding_id"] == 1 and first["document"] == "Appel résiliation"
    assert (first["code"], first["level_1"], first["level_2"], first["level_3"]) == ("Motif/Résiliation", "Motif",
                                                                                   "Résiliation", None)
    assert first["text"] == "résilier" and first["before"] == "Je veux "
    assert first["after"].startswith(" 😀 mon contrat.")
    after_emoji = next(row for row in segments if row["coding_id"] == 2)
    text = coded_project.DOCUMENTS[1][3]
    assert after_emoji["text"] == text[32:79]  # offsets are code points, the emoji counts as one
    assert isinstance(first["occurred_at"], datetime) and first["occurred_at"] == datetime(2026, 1, 5, 9, 30)
    assert isinstance(first["date"], datetime)  # a date variable is an Excel date
    assert first["nps"] == 3 and isinstance(first["nps"], int)
    assert first["anciennete_ans"] == pytest.approx(2.5)
    assert first["coder"] == "alice" and first["origin"] == "manual"
    sheet = book["Segments"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:V{len(segments) + 1}"
    assert sheet["A1"].font.bold and sheet.column_dimensions["T"].width == 60  # the coded text column is wide


def test_matrix_sheet_rolls_subcodes_into_parents(workbook):
    _, book = workbook
    matrix = {row["document_id"]: row for row in _records(book["Matrix"])}
    assert matrix[2]["Motif/Facturation/Erreur de facture"] == 1
    assert matrix[2]["Motif/Facturation"] == 1 and matrix[2]["Motif"] == 1
    assert matrix[2]["Motif/Résiliation"] == 0
    assert all(value == 0 for key, value in matrix[6].items() if "/" in str(key) or key in ("Motif",))
    assert book["Matrix"].freeze_panes == "C2"


def test_frequencies_codebook_agreement_topics_suggestions(workbook):
    _, book = workbook
    freq = {row["path"]: row for row in _records(book["Frequencies"])}
    assert freq["Motif/Résiliation"]["codings"] == 4
    assert freq["Motif/Résiliation"]["share"] == pytest.approx(2 / 6)
    assert any(cell.number_format == "0.0%" for row in book["Frequencies"].iter_rows(min_row=2) for cell in row)
    codebook = {row["path"]: row for row in _records(book["Codebook"])}
    assert codebook["Formes de relation/Hostilité"]["key"] == "enmity"
    assert '"valence": -1' in codebook["Formes de relation/Hostilité"]["attributes"]
    agreement = _records(book["Agreement"])
    assert {row["code"] for row in agreement} >= {"Motif/Résiliation", "(all codes)"}
    topics = _records(book["Topics"])
    assert [row["label"] for row in topics] == ["factures", "départ", "topic -1"]
    assert topics[0]["model"] == "lexical"
    suggestions = _records(book["Suggestions"])
    assert [row["status"] for row in suggestions] == ["pending", "accepted", "rejected"]
    assert suggestions[1]["code"] == "Motif/Facturation" and suggestions[1]["score"] == pytest.approx(0.91)


def test_crosstabs_sheet_holds_counts_totals_and_residuals(workbook):
    _, book = workbook
    rows = list(book["Crosstabs"].iter_rows(values_only=True))
    titles = [row[0] for row in rows if row[0] and " × " in str(row[0])]
    assert "Motif × nps_group" in titles and "Formes de relation × canal" in titles
    start = next(i for i, row in enumerate(rows) if row[0] == "Motif × canal")
    block = rows[start:start + 12]
    header = next(row for row in block if row[0] == "documents")
    assert list(header[1:6]) == ["chat", "email", "téléphone", "web", "Total"]
    resiliation = next(row for row in block if row[0] == "Résiliation")
    assert list(resiliation[1:6]) == [0, 0, 2, 0, 2]


def test_no_formula_cell_from_hostile_input(workbook):
    _, book = workbook
    seen = set()
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value in coded_project.HOSTILE:
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    seen.add(cell.value)
    assert seen == set(coded_project.HOSTILE)  # every one kept exactly as typed, tab and CR included
    segments = _records(book["Segments"])
    hyperlink = next(row for row in segments if row["coding_id"] == 5)
    assert hyperlink["text"].startswith('=HYPERLINK("http:/')


def test_sheet_choice_and_filters(coded, tmp_path):
    path = tmp_path / "few.xlsx"
    filters = make_filters(coded, coders=["bob"], kinds=["call"])
    counts = export_xlsx(coded, path, sheets=["segments", "MATRIX"], filters=filters)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Segments", "Matrix"]
    assert [row["coding_id"] for row in _records(book["Segments"])] == [8]
    assert counts == {"Segments": 1, "Matrix": 3}
    with pytest.raises(ExportError, match="unknown sheet 'Pivot'"):
        export_xlsx(coded, tmp_path / "bad.xlsx", sheets=["Pivot"])
    with pytest.raises(ExportError, match=r"writes \.xlsx"):
        export_xlsx(coded, tmp_path / "bad.xls")


def test_empty_project_exports_headers_only(project, tmp_path):
    counts = export_xlsx(project, tmp_path / "empty.xlsx")
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert counts["Segments"] == 0 and counts["Charts"] == 0
    assert book["Segments"]["A1"].value == "coding_id"
    assert "two coders" in book["Agreement"]["A2"].value


def test_control_characters_are_dropped_not_fatal(coded, tmp_path):
    """XML cannot hold most control characters; a title carrying one must not break the export."""
    coded.execute("UPDATE documents SET title = 'Appel\x01 du\x0b client' WHERE id = 1")
    coded.execute("UPDATE codes SET name = 'Résil\x02iation' WHERE id = 2")
    export_xlsx(coded, tmp_path / "ctl.xlsx", sheets=["Segments", "Matrix", "Codebook"])
    book = openpyxl.load_workbook(tmp_path / "ctl.xlsx")
    first = _records(book["Segments"])[0]
    assert first["document"] == "Appel du client" and first["level_2"] == "Résiliation"
    assert "Motif/Résiliation" in [cell.value for cell in book["Matrix"][1]]


def test_demo_step_writes_workbook_charts_and_corpus(coded, tmp_path):
    from contextlib import nullcontext

    from workbench.demo import DemoContext
    from workbench.demo.export import demo_step
    from workbench.progress import no_progress

    lines: list[str] = []
    ctx = DemoContext(coded, tmp_path, tmp_path, lines.append, lambda label: nullcontext(no_progress))
    demo_step(ctx)
    assert openpyxl.load_workbook(tmp_path / "demo.xlsx").sheetnames == list(SHEETS)
    assert (tmp_path / "charts" / "relationship-map.png").stat().st_size > 1000
    assert (tmp_path / "charts" / "crosstab.png").exists()  # relationship forms x NPS group
    assert "*forme_friendship" in (tmp_path / "demo-iramuteq.txt").read_text(encoding="utf-8")
    assert str(tmp_path / "demo.xlsx") in ctx.results["export"]["files"]
    assert any("demo.xlsx" in line for line in lines)
