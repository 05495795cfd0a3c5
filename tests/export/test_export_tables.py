"""CSV and Parquet tables, and the export/report/chart commands that write them."""

from __future__ import annotations

import csv
import json
import math
from datetime import datetime

import coded_project
import openpyxl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from workbench.cli import cli
from workbench.errors import ExportError
from workbench.export import tables
from workbench.export.tables import Table, export_table, write_parquet
from workbench.filters import make_filters


@pytest.fixture
def coded(project):
    return coded_project.build(project)


def _read_csv(path, delimiter=","):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_segments_csv_is_utf8_with_bom_and_neutralises_formulas(coded, tmp_path):
    path = tmp_path / "segments.csv"
    assert export_table(coded, path) == len(coded_project.CODINGS)
    rows = _read_csv(path)
    first = rows[0]
    assert first["text"] == "résilier" and first["code"] == "Motif/Résiliation" and first["level_2"] == "Résiliation"
    assert first["occurred_at"] == "2026-01-05 09:30:00" and first["anciennete_ans"] == "2.5"
    assert first["region"] == "'+1+1"
    hyperlink = next(row for row in rows if row["coding_id"] == "5")
    assert hyperlink["text"].startswith("'=HYPERLINK(")
    survey = next(row for row in rows if row["document_id"] == "5")
    assert survey["document"] == "'=cmd|' /C calc'!A0"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_semicolon_csv_uses_decimal_commas_for_french_excel(coded, tmp_path):
    path = tmp_path / "documents.csv"
    export_table(coded, path, table="documents", delimiter=";")
    rows = _read_csv(path, ";")
    assert [row["document_id"] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[0]["anciennete_ans"] == "2,5" and rows[0]["codings"] == "2"
    assert rows[3]["region"] == "'\t=1+1" and rows[5]["region"] == "'\r=2+2"
    assert rows[5]["occurred_at"] == "" and rows[5]["nps"] == ""
    with pytest.raises(ExportError, match="invalid CSV delimiter"):
        export_table(coded, tmp_path / "x.csv", delimiter=";;")


def test_csv_opened_by_openpyxl_has_no_formula(coded, tmp_path):
    """What a spreadsheet does with the CSV: every cell a leading apostrophe protects stays text."""
    path = tmp_path / "matrix.csv"
    export_table(coded, path, table="matrix")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in _read_csv(path):
        sheet.append(list(row.values()))
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_parquet_tables_are_typed(coded, tmp_path):
    segments = tmp_path / "segments.parquet"
    assert export_table(coded, segments) == len(coded_project.CODINGS)
    table = pq.read_table(segments)
    assert str(table.schema.field("occurred_at").type) == "timestamp[us]"
    assert str(table.schema.field("nps").type) == "int64"
    assert str(table.schema.field("date").type) == "date32[day]"
    rows = table.to_pylist()
    assert rows[0]["text"] == "résilier" and rows[0]["occurred_at"] == datetime(2026, 1, 5, 9, 30)
    assert rows[0]["region"] == "+1+1"  # a data format: values exactly as stored
    matrix = pq.read_table(tmp_path / "m.parquet") if export_table(coded, tmp_path / "m.parquet", table="matrix") \
        else None
    flags = matrix.to_pydict()
    assert flags["Motif/Facturation"] == [0, 1, 0, 0, 1, 0]
    assert str(matrix.schema.field("Motif").type) == "int8"


def test_tables_follow_filters_and_refuse_unknown_formats(coded, tmp_path):
    filters = make_filters(coded, codes=["Formes de relation"], date_from="2026-01-01", date_to="2026-01-31")
    path = tmp_path / "f.csv"
    assert export_table(coded, path, filters=filters) == 2  # codings 2 and 5
    assert {row["code"] for row in _read_csv(path)} == {"Formes de relation/Amitié", "Formes de relation/Hostilité"}
    export_table(coded, tmp_path / "m.csv", table="matrix", filters=filters)
    header = list(_read_csv(tmp_path / "m.csv")[0])
    assert "Motif" not in header and "Formes de relation/Amitié" in header
    with pytest.raises(ExportError, match=r"\.csv or \.parquet"):
        export_table(coded, tmp_path / "x.json")
    with pytest.raises(ExportError, match="unknown table"):
        export_table(coded, tmp_path / "x.csv", table="codes")
    with pytest.raises(ExportError, match="does not exist"):
        export_table(coded, tmp_path / "nowhere" / "x.csv")


@pytest.mark.parametrize("batch", [tables.BATCH, 1])  # one batch read straight, or several through a table
def test_parquet_keeps_nan_apart_from_missing_and_reports_a_failed_write_in_one_line(tmp_path, monkeypatch, batch):
    """DuckDB reads NaN as NULL when it scans Python floats; the file must still tell them apart."""
    monkeypatch.setattr(tables, "BATCH", batch)
    table = Table("t", ["x", "n"], ["float", "int"], iter([(1.5, 1), (None, None), (math.nan, 2**40)] * 5))
    assert write_parquet(table, tmp_path / "f.parquet") == 15
    read = pq.read_table(tmp_path / "f.parquet").to_pydict()
    assert read["x"][::3] == [1.5] * 5 and read["x"][1::3] == [None] * 5 and all(map(math.isnan, read["x"][2::3]))
    assert read["n"] == [1, None, 2**40] * 5 and pq.read_metadata(tmp_path / "f.parquet").num_row_groups == (
        1 if batch == tables.BATCH else 2)
    with pytest.raises(OSError) as failed:
        write_parquet(Table("t", ["x"], ["int"], iter([(1,)])), tmp_path / "nowhere" / "f.parquet")
    assert "nowhere" in str(failed.value) and "\n" not in str(failed.value)


def test_empty_parquet_still_has_the_schema(project, tmp_path):
    assert export_table(project, tmp_path / "e.parquet") == 0
    assert "coded_at" in pq.read_table(tmp_path / "e.parquet").column_names


# -- command line -------------------------------------------------------------------------------------------
@pytest.fixture
def project_file(coded):
    path = coded.path
    coded.close()
    return str(path)


def _run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_export_dispatches_by_suffix(project_file, tmp_path):
    result = _run("export", project_file, str(tmp_path / "o.xlsx"), "--sheets", "Segments,Frequencies", "-q")
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(tmp_path / "o.xlsx").sheetnames == ["Segments", "Frequencies"]
    result = _run("export", project_file, str(tmp_path / "o.csv"), "--table", "matrix", "--delimiter", ";",
                  "--kinds", "call", "--json")
    assert json.loads(result.output)["rows"] == {"matrix": 3}
    result = _run("export", project_file, str(tmp_path / "o.parquet"), "--coders", "bob")
    assert result.exit_code == 0 and "segments" in result.output and pq.read_table(tmp_path / "o.parquet").num_rows == 2
    result = _run("export", project_file, str(tmp_path / "o.txt"), "--code-star", "forme=Formes de relation")
    assert result.exit_code == 0
    assert "*forme_enmity" in (tmp_path / "o.txt").read_text(encoding="utf-8")


def test_cli_export_errors_are_one_line(project_file, tmp_path):
    from workbench.cli import main

    for args, message in [
        ([str(tmp_path / "o.pdf")], "choose an output ending in"),
        ([str(tmp_path / "o.xlsx"), "--codes", "Nope"], "no code 'Nope'"),
        ([str(tmp_path / "o.xlsx"), "--from", "hier"], "invalid date"),
        ([str(tmp_path / "o.txt"), "--code-star", "forme"], "PREFIX=CODE"),
    ]:
        with pytest.raises(SystemExit) as exit_info:
            main(["export", project_file, *args])
        assert exit_info.value.code == 1, args


def test_cli_report_frequencies_and_crosstab(project_file):
    result = _run("report", project_file, "--frequencies")
    assert result.exit_code == 0 and "Motif/Résiliation" in result.output and "33.3 %" in result.output
    result = _run("report", project_file, "--crosstab", "Motif", "canal")
    assert "Counts (documents)" in result.output and "Adjusted standardised residuals" in result.output
    assert "chi2 = 4.000, df = 2, p = 0.1353" in result.output
    result = _run("report", project_file, "--crosstab", "relationship_forms:relationship_forms", "nps_group", "--json")
    data = json.loads(result.output)["crosstab"]
    assert data["counts"]["Amitié"]["détracteur (0-6)"] == 2 and data["chi2"] == pytest.approx(4.0)
    result = _run("report", project_file, "--cooccurrence", "overlap")
    assert "Motif/Facturation/Erreur de facture" in result.output
    result = _run("report", project_file, "--topics", "kind")
    assert "topics (run 1) x kind" in result.output and "Counts (units)" in result.output
    assert "factures" in result.output


def test_cli_report_and_chart_errors(project_file, tmp_path, capsys):
    from workbench.cli import main

    for args in (["report", project_file], ["report", project_file, "--crosstab", "Motif", "ville"],
                 ["chart", project_file, "crosstab", str(tmp_path / "c.png")],
                 ["chart", project_file, "frequencies", str(tmp_path / "c.gif")]):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1, err


def test_cli_chart_writes_png_and_svg(project_file, tmp_path):
    result = _run("chart", project_file, "crosstab", str(tmp_path / "c.png"), "--code", "Motif", "--variable", "canal")
    assert result.exit_code == 0 and (tmp_path / "c.png").stat().st_size > 1000
    result = _run("chart", project_file, "agreement", str(tmp_path / "a.svg"), "--compare", "alice", "--compare", "bob")
    assert result.exit_code == 0 and "<svg" in (tmp_path / "a.svg").read_text(encoding="utf-8")
    result = _run("chart", project_file, "trends", str(tmp_path / "t.png"), "--period", "quarter")
    assert result.exit_code == 0


def test_cli_export_qdpx_goes_to_the_refi_writer(project_file, tmp_path):
    import zipfile

    result = _run("export", project_file, str(tmp_path / "p.qdpx"), "--coders", "alice")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        names = archive.namelist()
    assert "project.qde" in names and any(name.startswith("sources/") for name in names)
    from workbench.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["export", project_file, str(tmp_path / "q.qdpx"), "--kinds", "call"])
    assert exit_info.value.code == 1 and not (tmp_path / "q.qdpx").exists()
