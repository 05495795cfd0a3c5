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


def _varied_workbook(path: Path, rows: int) -> None:
    from datetime import date, datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["quand", "jour", "note", "oui", "vide", "avis"])
    for index in range(rows):
        sheet.append([datetime(2026, 3, 1 + index % 28, 9, 30), date(2026, 4, 1 + index % 28), 7.5 + index, index % 2 == 0,
                      None, f"Avis numéro {index} 😀, assez long pour être du texte"])
    workbook.create_sheet("autre").append(["pas", "lue"])
    workbook.save(path)


def _with_shared_strings(path: Path, target: Path, damaged_at: int | None = None) -> None:
    """A copy of an openpyxl workbook (which writes its texts inline) with the texts in a shared string
    table, as Excel writes them; `damaged_at`: that string and the rest of the table are bad XML."""
    import re
    import zipfile

    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(2))
        return b'<c r="' + match.group(1) + b'" t="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>', shared, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            out.writestr(item, data)
        items = [b"<si><t>" + text + (b"</x>" if index == damaged_at else b"") + b"</t></si>"
                 for index, text in enumerate(strings)]
        out.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     + b"".join(items) + b"</sst>")


@pytest.mark.parametrize("shared", [False, True])
def test_workbook_cells_read_as_the_import_reads_them(tmp_path: Path, shared: bool) -> None:
    from openpyxl import load_workbook

    from workbench.ingest.tables import _cell_text

    path = tmp_path / "varie.xlsx"
    _varied_workbook(path, 30)
    if shared:
        _with_shared_strings(path, tmp_path / "partage.xlsx")
        path = tmp_path / "partage.xlsx"
    workbook = load_workbook(path, read_only=True, data_only=True)
    expected = [[_cell_text(value) or "" for value in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    preview = preview_table(path, rows=30)
    assert [preview.names, *preview.rows] == expected
    assert preview.rows[0][:4] == ["2026-03-01 09:30:00", "2026-04-01", "7.5", "true"]
    assert preview.rows[29][5] == "Avis numéro 29 😀, assez long pour être du texte"


def test_a_workbook_string_table_is_read_only_as_far_as_the_first_rows_need(tmp_path: Path, project) -> None:
    """The string table is damaged from its 4,000th text on: the import, which reads it whole, refuses
    the file; the preview, which needs only its first texts, never gets there."""
    path = tmp_path / "grand.xlsx"
    _varied_workbook(path, 5000)
    damaged = tmp_path / "abime.xlsx"
    _with_shared_strings(path, damaged, damaged_at=4000)
    preview = preview_table(damaged)
    assert len(preview.rows) == 20 and preview.rows[19][5] == "Avis numéro 19 😀, assez long pour être du texte"
    with pytest.raises(IngestError, match="not a readable Excel workbook"):
        import_file(project, damaged)
