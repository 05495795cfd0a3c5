"""Table previews for the import dialog: detection as the import does it, first rows only, bounded reading,
and hostile files refused with the import's own one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA
from openpyxl import Workbook

from workbench.errors import IngestError
from workbench.ingest.folder import import_file
from workbench.ingest.preview import preview_table

INGEST = DATA / "ingest"


def test_cp1252_semicolon_survey_is_detected_with_its_columns_and_types() -> None:
    preview = preview_table(INGEST / "enquete_cp1252.csv", rows=3)
    assert (preview.encoding, preview.delimiter) == ("cp1252", ";")
    assert preview.names == ["id", "date", "canal", "region", "anciennete", "nps", "note", "commentaire"]
    assert len(preview.rows) == 3
    assert preview.rows[0][2] == "téléphone" and preview.rows[1][7].startswith("Délai trop long ;")
    assert preview.names[preview.text_index] == "commentaire"
    assert dict(zip(preview.names, preview.types, strict=True)) == {
        "id": "integer", "date": "date", "canal": "text", "region": "text", "anciennete": "integer",
        "nps": "integer", "note": "float", "commentaire": "text",
    }


def test_utf8_bom_and_excel_separator_line(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("\ufeffsep=,\r\nréf,avis\r\n7,\"Très bien 😀, merci\"\r\n".encode())
    preview = preview_table(path)
    assert (preview.encoding, preview.delimiter, preview.names) == ("utf-8-sig", ",", ["réf", "avis"])
    assert preview.rows == [["7", "Très bien 😀, merci"]]


def test_only_the_first_bytes_are_read(tmp_path: Path, project) -> None:
    """A ragged row far down the file is the import's business: the preview never reads that far."""
    path = tmp_path / "gros.csv"
    line = "1;Un avis assez long pour remplir le fichier bien au-delà de l'échantillon lu.\n"
    with path.open("w", encoding="utf-8") as out:
        out.write("id;avis\n")
        out.write(line * 20000)
        out.write("2;trois;champs\n")
    preview = preview_table(path, rows=20)
    assert len(preview.rows) == 20 and preview.names == ["id", "avis"]
    with pytest.raises(IngestError, match="ragged row"):
        import_file(project, path)


def _same_refusal(path: Path, project) -> str:
    with pytest.raises(IngestError) as imported:
        import_file(project, path)
    with pytest.raises(IngestError) as previewed:
        preview_table(path)
    assert str(previewed.value) == str(imported.value)
    assert "\n" not in str(previewed.value)
    return str(previewed.value)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("vide.csv", b"", "empty file"),
    ("binaire.csv", b"id;avis\n1;\x00\x00\x01\x02", "binary file"),
    ("pas_un_classeur.xlsx", b"id;avis\n1;oui\n", "not an Excel workbook"),
    ("illisible.csv", "id;avis\n1;déjà vu\n".encode() + "2;très mal\n".encode("cp1252"), "undecodable bytes"),
    ("boiteux.csv", b"id;avis\n1;bien\n2;mal;encore\n", "ragged row: 3 fields where the header has 2"),
])
def test_hostile_files_are_refused_as_the_import_refuses_them(tmp_path: Path, project, name: str, data: bytes,
                                                              expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    message = _same_refusal(path, project)
    assert message.startswith(str(path)) and expected in message


def test_ragged_row_names_its_line(tmp_path: Path, project) -> None:
    path = tmp_path / "boiteux.csv"
    path.write_bytes(b"id;avis\n1;bien\n2;mal;encore\n")
    assert ", line 3:" in _same_refusal(path, project)


def test_first_rows_of_a_workbook(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append(["numéro", "date", "verbatim", "satisfait"])
    for index in range(30):
        sheet.append([index + 1, f"2026-03-{index % 28 + 1:02d}", f"Réponse libre numéro {index} assez longue", "oui"])
    path = tmp_path / "enquete.xlsx"
    workbook.save(path)
    preview = preview_table(path, rows=5)
    assert (preview.encoding, preview.delimiter) == (None, None)
    assert preview.names == ["numéro", "date", "verbatim", "satisfait"]
    assert preview.rows[0] == ["1", "2026-03-01", "Réponse libre numéro 0 assez longue", "oui"]
    assert len(preview.rows) == 5 and preview.text_index == 2
    assert preview.types == ["integer", "date", "text", "text"]


def test_other_formats_have_no_preview(tmp_path: Path) -> None:
    path = tmp_path / "appel.txt"
    path.write_text("Client : bonjour\n", encoding="utf-8")
    with pytest.raises(IngestError, match="not a table"):
        preview_table(path)
