"""CSV and XLSX import: encodings, delimiters, typed variables, text column, dedup, SQL normalisation."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.errors import IngestError
from workbench.ingest.base import clean_text
from workbench.ingest.folder import import_file, import_paths
from workbench.ingest.tables import guess_text_column, sniff_delimiter, sql_clean

INGEST = DATA / "ingest"


def values_of(project, document_id: int) -> dict[str, tuple[str, str]]:
    rows = project.rows(
        "SELECT v.name, v.type, dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
        "WHERE dv.document_id = ?",
        [document_id],
    )
    return {name: (type_, value) for name, type_, value in rows}


def test_cp1252_semicolon_csv_with_french_numbers_and_dates(project):
    result = import_file(project, INGEST / "enquete_cp1252.csv")
    assert (result.documents, result.duplicates, result.empty, result.kind) == (4, 1, 1, "survey")
    docs = project.dicts("SELECT * FROM documents ORDER BY position")
    assert [d["position"] for d in docs] == [1, 2, 3, 6]
    assert docs[0]["text"] == "Très satisfaite du conseiller, réponse rapide et efficace."
    assert docs[1]["text"] == "Délai trop long ; j'ai dû relancer trois fois, c'est inadmissible."
    assert docs[3]["text"] == 'Première ligne\nseconde ligne du même avis, avec un œuf et des guillemets "doubles".'
    assert docs[0]["occurred_at"] == datetime(2026, 3, 12)
    assert all(d["n_chars"] == len(d["text"]) and d["kind"] == "survey" for d in docs)
    second = values_of(project, docs[1]["id"])
    assert second == {
        "id": ("integer", "102"),
        "date": ("date", "2026-03-13"),
        "canal": ("text", "e-mail"),
        "region": ("text", "Bretagne"),
        "anciennete": ("integer", "3"),
        "nps": ("integer", "2"),
        "note": ("float", "3.25"),
    }
    source = project.dicts("SELECT * FROM sources")[0]
    assert source["name"] == "enquete_cp1252.csv"
    assert source["origin"] == str((INGEST / "enquete_cp1252.csv").resolve())
    assert source["kind"] == "csv"


def test_utf8_bom_comma_csv_emoji_nfc_and_leading_zeros(project):
    import_file(project, INGEST / "avis_bom.csv")
    docs = project.dicts("SELECT * FROM documents ORDER BY position")
    assert docs[0]["text"] == "Super appli 👍🏽, mais l'écran de paiement plante."
    assert docs[0]["n_chars"] == len(docs[0]["text"])
    assert docs[2]["text"] == "Café offert en agence, merci !"  # combining accent composed (NFC)
    assert docs[0]["occurred_at"] == datetime(2026, 3, 12, 9, 15)
    first = values_of(project, docs[0]["id"])
    assert first["code_postal"] == ("text", "01234")  # a postcode, not the number 1234
    assert first["horodatage"] == ("date", "2026-03-12 09:15:00")
    assert first["score"] == ("integer", "4")
    assert "verbatim" not in first  # the text column is not a variable


def test_reimport_same_file_is_skipped_and_same_texts_are_not_duplicated(project, tmp_path):
    import_file(project, INGEST / "enquete_cp1252.csv")
    again = import_file(project, INGEST / "enquete_cp1252.csv")
    assert again.status == "skipped" and "already imported" in again.message
    copy = tmp_path / "copie.csv"
    copy.write_bytes((INGEST / "enquete_cp1252.csv").read_bytes() + b"107;18/03/2026;chat;Corse;2;8;8;Nouveau\r\n")
    result = import_file(project, copy)
    assert (result.documents, result.duplicates) == (1, 5)
    assert project.scalar("SELECT count(*) FROM documents") == 5
    assert project.scalar("SELECT count(DISTINCT content_hash) FROM documents") == 5


def test_empty_repeated_and_known_rows_are_counted_once_and_left_out(project, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("id;commentaire\n1;Déjà vu\n2;autre chose ici\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text(
        "id;commentaire\n1;Déjà vu\n2;\n3;Texte A répété\n4;  \n5;Texte A répété\n6;Déjà vu\n7;Texte C\n"
        "8;Texte A répété\n",
        encoding="utf-8",
    )
    import_file(project, first, text_column="commentaire")
    result = import_file(project, second, text_column="commentaire")
    # Déjà vu (twice, already in the project) and the 2nd and 3rd "Texte A" are duplicates; rows 2 and 4 empty.
    assert (result.documents, result.duplicates, result.empty) == (2, 4, 2)
    rows = project.rows(
        "SELECT d.text, d.position, dv.value FROM documents d JOIN document_values dv ON dv.document_id = d.id "
        "JOIN sources s ON s.id = d.source_id WHERE s.name = 'b.csv' ORDER BY d.position"
    )
    assert rows == [("Texte A répété", 3, "3"), ("Texte C", 7, "7")]
    assert project.scalar("SELECT count(*) FROM document_values") == 4


def test_same_text_in_a_csv_and_a_txt_is_stored_once(project, tmp_path):
    text = "Très déçu du délai : rappelé trois fois, aucune réponse."
    table = tmp_path / "avis.csv"
    table.write_text(f"id;commentaire\n1;{text}\n", encoding="utf-8")
    single = tmp_path / "avis.txt"
    single.write_text(text + "\n", encoding="utf-8")
    assert import_file(project, table).documents == 1
    again = import_file(project, single)
    assert (again.documents, again.duplicates) == (0, 1)
    assert project.rows("SELECT text FROM documents") == [(text,)]


@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_a_text_sharing_its_hash_with_another_document_is_still_imported(project, tmp_path, suffix):
    """content_hash is a 64-bit hash: two texts may share one. The importers compare texts, so a collision
    never drops a verbatim. (A real collision is simulated: a stored document is given the hash of the
    text about to be imported.)"""
    text = "Résiliation demandée 😤 après trois relances."
    (tmp_path / "before.csv").write_text("id;commentaire\n1;Un tout autre verbatim\n", encoding="utf-8")
    import_file(project, tmp_path / "before.csv")
    project.execute("UPDATE documents SET content_hash = hash(?)", [text])
    newcomer = tmp_path / f"newcomer{suffix}"
    newcomer.write_text(f"id;commentaire\n1;{text}\n" if suffix == ".csv" else text + "\n", encoding="utf-8")
    result = import_file(project, newcomer)
    assert (result.documents, result.duplicates) == (1, 0)
    assert project.scalar("SELECT count(*) FROM documents WHERE text = ?", [text]) == 1


def test_text_column_option_and_errors(project, tmp_path):
    path = tmp_path / "two_texts.csv"
    path.write_text("motif\tcommentaire\nfacture\tLa facture est fausse depuis des mois.\n", encoding="utf-8")
    result = import_file(project, path, text_column="motif", kind="call")
    assert result.kind == "call"
    assert project.scalar("SELECT text FROM documents") == "facture"
    assert project.scalar("SELECT kind FROM documents") == "call"
    other = tmp_path / "other.csv"
    other.write_text("a;b\nx;y\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"no column 'verbatim'; columns are: a, b"):
        import_file(project, other, text_column="verbatim")
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("a;b\n1;2\n3;4\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no text column found"):
        import_file(project, numbers)
    header_only = tmp_path / "header_only.csv"
    header_only.write_text("id;commentaire\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no data rows below the header"):
        import_file(project, header_only)


def test_guess_text_column():
    names = ["message_id", "canal", "Réponse libre", "résumé"]
    types = ["text", "text", "text", "text"]
    assert guess_text_column(names, types, [12.0, 6.0, 80.0, 120.0]) == 2  # hinted name wins over longer
    assert guess_text_column(names, types, [12.0, 6.0, 0.0, 120.0]) == 3  # no hinted candidate: longest
    assert guess_text_column(["n"], ["integer"], [2.0]) is None


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_delimiter_sniffing(delimiter):
    sample = delimiter.join(["id", "texte", "note"]) + "\n" + delimiter.join(["1", '"a, b; c | d"', "2,5"]) + "\n"
    assert sniff_delimiter(Path("x.csv"), sample) == delimiter


def test_variable_types_widen_across_files(project, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("nps;quand;commentaire\n9;12/03/2026;Très bien\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("nps;quand;commentaire\n7,5;bientôt;Bof, ni bien ni mal, sans plus.\n", encoding="utf-8")
    import_file(project, first)
    assert dict(project.rows("SELECT name, type FROM variables")) == {"nps": "integer", "quand": "date"}
    assert project.scalar("SELECT text FROM documents") == "Très bien"
    import_file(project, second)
    assert dict(project.rows("SELECT name, type FROM variables")) == {"nps": "float", "quand": "text"}
    values = sorted(project.rows("SELECT v.name, value FROM document_values JOIN variables v ON v.id = variable_id"))
    assert values == [("nps", "7.5"), ("nps", "9"), ("quand", "2026-03-12"), ("quand", "bientôt")]
    assert project.scalar("SELECT count(*) FROM variables") == 2


def test_invalid_calendar_date_is_text(project, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("jour;commentaire\n31/02/2026;Un jour qui n'existe pas\n", encoding="utf-8")
    import_file(project, path)
    assert project.scalar("SELECT type FROM variables WHERE name = 'jour'") == "text"
    assert project.scalar("SELECT occurred_at FROM documents") is None


def test_xlsx_first_sheet_typed_cells(project, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append(["id", "date", "nps", "note", "commentaire"])
    sheet.append([1, datetime(2026, 3, 12, 0, 0), 9, 8.5, "Conseiller très aimable 😊"])
    sheet.append([2, date(2026, 3, 13), 3, 4.0, "Attente interminable\r\nau téléphone"])
    sheet.append([3, datetime(2026, 3, 14, 10, 30), None, 7.25, None])
    path = tmp_path / "enquete.xlsx"
    workbook.save(path)
    result = import_file(project, path)
    assert (result.documents, result.empty) == (2, 1)
    docs = project.dicts("SELECT * FROM documents ORDER BY position")
    assert [d["position"] for d in docs] == [1, 2]
    assert docs[1]["text"] == "Attente interminable\nau téléphone"
    assert docs[0]["occurred_at"] == datetime(2026, 3, 12)
    assert values_of(project, docs[0]["id"]) == {
        "id": ("integer", "1"), "date": ("date", "2026-03-12"), "nps": ("integer", "9"), "note": ("float", "8.5"),
    }
    assert values_of(project, docs[1]["id"])["note"] == ("float", "4")


def test_xlsx_values_beyond_header_name_the_row(project, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "commentaire"])
    sheet.append([1, "ok"])
    sheet.append([2, "trop", "de colonnes"])
    path = tmp_path / "ragged.xlsx"
    workbook.save(path)
    with pytest.raises(IngestError) as caught:
        import_file(project, path)
    assert caught.value.line == 3 and "beyond the 2 header columns" in caught.value.reason
    assert project.scalar("SELECT count(*) FROM sources") == 0


def test_pseudonymiser_applies_to_the_text_column(project):
    result = import_file(project, INGEST / "avis_bom.csv", pseudonymiser=lambda text: text.replace("appli", "[APP]"))
    assert result.documents == 3
    first = project.scalar("SELECT text FROM documents WHERE position = 1")
    assert first == "Super [APP] 👍🏽, mais l'écran de paiement plante."
    assert project.scalar("SELECT content_hash = hash(?) FROM documents WHERE position = 1", [first])


NASTY = (
    "\r\n\r\u2028\u2029\x85\ufeff\x00\x01\x1f\x7f\x9f\t \u00a0e\u0301\U0001F600\U0001F44D\U0001F3FDa"
    "’«»…\u202f\u0344\u2126\u09c7\u09be\u1100\u1161\u11a8\uac00\u0323\u0302"
)


@pytest.fixture(scope="module")
def duck():
    con = duckdb.connect()
    yield con
    con.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), max_size=40))
def test_sql_normalisation_equals_python(duck, text):
    assert duck.execute(f"SELECT {sql_clean('t')} FROM (SELECT ?::VARCHAR AS t)", [text]).fetchall()[0][0] == clean_text(text)


def test_csv_round_trip_of_nasty_text(project, tmp_path):
    texts = [
        "Ligne 1\r\nLigne 2\rLigne 3\u2028fin",
        "\ufeffBOM au début, e\u0301 combinant, émoji 👍🏽 et \x07 cloche",
        "  espaces autour \t\n",
        "Tab\tinterne et \u00a0insécable",
    ]
    path = tmp_path / "nasty.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["n", "commentaire"])
        for number, text in enumerate(texts, start=1):
            writer.writerow([number, text])
    import_file(project, path)
    stored = [row[0] for row in project.rows("SELECT text FROM documents ORDER BY position")]
    assert stored == [clean_text(text) for text in texts]
    assert stored[0] == "Ligne 1\nLigne 2\nLigne 3\nfin"


def test_folder_kind_override(project):
    report = import_paths(project, [INGEST / "avis_bom.csv"], kind="chat")
    assert report.by_kind() == {"chat": 3}


def test_padded_and_blank_cells_are_trimmed_before_typing(project, tmp_path):
    path = tmp_path / "padded.csv"
    path.write_text("nps;note;canal;commentaire\n 9 ; 8,5;  chat ;Bien\n10;7;   ;  Très bien  \n", encoding="utf-8")
    import_file(project, path)
    assert dict(project.rows("SELECT name, type FROM variables")) == {"nps": "integer", "note": "float", "canal": "text"}
    values = sorted(project.rows(
        "SELECT d.position, v.name, dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
        "JOIN documents d ON d.id = dv.document_id"))
    assert values == [(1, "canal", "chat"), (1, "note", "8.5"), (1, "nps", "9"), (2, "note", "7"), (2, "nps", "10")]
    assert [row[0] for row in project.rows("SELECT text FROM documents ORDER BY position")] == ["Bien", "Très bien"]


def test_mixed_date_formats_in_one_column(project, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("quand;commentaire\n2026-03-12;Premier avis\n13/03/2026 14:30;Second avis\n", encoding="utf-8")
    import_file(project, path)
    assert project.scalar("SELECT type FROM variables WHERE name = 'quand'") == "date"
    assert sorted(row[0] for row in project.rows("SELECT value FROM document_values")) == [
        "2026-03-12", "2026-03-13 14:30:00"]
    assert [row[0] for row in project.rows("SELECT occurred_at FROM documents ORDER BY position")] == [
        datetime(2026, 3, 12), datetime(2026, 3, 13, 14, 30)]


def test_cp1252_accents_after_a_long_ascii_start(project, tmp_path):
    """The first 256 KB look like UTF-8; DuckDB finds the cp1252 bytes later and the file is transcoded."""
    lines = ["id;commentaire"] + [f"{i};Avis numero {i} sans accent" for i in range(1, 12001)]
    lines.append("12001;Très déçu, échéance ratée à cause de vous")
    path = tmp_path / "late_accents.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert path.stat().st_size > 262144
    result = import_file(project, path)
    assert result.documents == 12001
    assert project.scalar("SELECT text FROM documents WHERE position = 12001") == "Très déçu, échéance ratée à cause de vous"
    assert project.scalar("SELECT count(*) FROM duckdb_tables() WHERE temporary") == 0


def test_nfc_shortcut_assumption_holds():
    """`sql_clean` skips NFC for texts holding no character of `nfc_quick_check`: every other character
    is left as it is by NFC, is a starter (combining class 0), and is never the second character of a
    canonical composition (Hangul jamo compose by rule and are in the set)."""
    import sys
    import unicodedata

    from workbench.text.nfc_quick_check import compute_ranges, nfc_sensitive_ranges

    ranges = nfc_sensitive_ranges()
    assert ranges == compute_ranges()
    sensitive = {code for first, last in ranges for code in range(first, last + 1)}
    for code in range(sys.maxunicode + 1):
        if code in sensitive or 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert unicodedata.normalize("NFC", char) == char and unicodedata.combining(char) == 0, hex(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):
            parts = [int(part, 16) for part in decomposition.split()]
            assert len(parts) != 2 or parts[1] in sensitive, hex(code)
    assert {0x1161, 0x1175, 0x11A8, 0x11C2} <= sensitive
    # French typography and emoji stay out of NFC's way.
    assert not {ord(char) for char in "’«»…€\u202f\u00a0éèàçœ😡👍🏽"} & sensitive


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
def test_texts_without_a_sensitive_character_are_nfc(text):
    from workbench.text.nfc_quick_check import nfc_sensitive_ranges

    sensitive = nfc_sensitive_ranges()
    if not any(first <= ord(char) <= last for char in text for first, last in sensitive):
        assert unicodedata.is_normalized("NFC", text)


def test_xlsx_rows_loaded_in_batches_keep_their_positions(project, tmp_path, monkeypatch):
    from openpyxl import Workbook

    from workbench.ingest import tables

    monkeypatch.setattr(tables, "_XLSX_BATCH", 2)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["n", "commentaire"])
    for number in range(1, 8):
        sheet.append([number, f"Avis numéro {number}, plutôt {'bon' if number % 2 else 'mauvais'}"])
    path = tmp_path / "batches.xlsx"
    workbook.save(path)
    assert import_file(project, path).documents == 7
    rows = project.rows("SELECT d.position, dv.value FROM documents d JOIN document_values dv ON dv.document_id = d.id "
                        "ORDER BY d.position")
    assert rows == [(number, str(number)) for number in range(1, 8)]


def test_excel_separator_line(project, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("sep=;\r\nid;commentaire\r\n1;Première réponse, bien\r\n2;Deuxième;trop\r\n".encode("cp1252"))
    with pytest.raises(IngestError) as caught:
        import_file(project, path)
    assert caught.value.line == 4 and "ragged row: 3 fields where the header has 2" in caught.value.reason
    path.write_bytes("sep=;\r\nid;commentaire\r\n1;Première réponse, bien\r\n2;Deuxième, mal\r\n".encode("cp1252"))
    assert import_file(project, path).documents == 2
    assert [row[0] for row in project.rows("SELECT text FROM documents ORDER BY position")] == [
        "Première réponse, bien", "Deuxième, mal"]
    assert project.scalar("SELECT name FROM variables") == "id"


def test_a_cell_holding_a_conversation_gets_speaker_turns(project, tmp_path):
    """A call excerpt or a chat exported one per row is a transcript too: its turns are stored, pointing
    into the cell's text left as it was (CRLF normalised, emoji and accents counted as one code point
    each), and the suggestions read the customer's turns only. A survey comment with one "Objet :"
    line, or headings of its own ("Points positifs :"), or none, gets no turn."""
    from workbench.suggest.units import load_units

    path = tmp_path / "verbatims.csv"
    call = ("Conseiller : Bonjour, Alvéa à votre écoute 😀\r\nClient : Ma facture est fausse 🙁, 58 € au lieu de 32."
            "\r\nJe suis cliente depuis 12 ans.\r\nConseiller : Je regarde.")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ref", "verbatim"])
        writer.writerows([[1, call], [2, "Objet : résiliation. Je veux partir."], [3, "Très bon service, merci"],
                          [4, "Points positifs : l'accueil\nPoints négatifs : le délai"]])
    import_paths(project, [path], text_column="verbatim")
    turns = project.rows("SELECT d.position, s.speaker, substring(d.text, s.start_pos + 1, s.end_pos - s.start_pos) "
                         "FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.kind = 'turn' "
                         "ORDER BY d.position, s.start_pos")
    assert turns == [(1, "Conseiller", "Bonjour, Alvéa à votre écoute 😀"),
                     (1, "Client", "Ma facture est fausse 🙁, 58 € au lieu de 32.\nJe suis cliente depuis 12 ans."),
                     (1, "Conseiller", "Je regarde.")]
    stored = project.scalar("SELECT text FROM documents WHERE position = 1")
    assert stored == call.replace("\r\n", "\n")
    texts = [unit.text for unit in load_units(project, "documents")]
    assert texts == ["Ma facture est fausse 🙁, 58 € au lieu de 32.\nJe suis cliente depuis 12 ans.",
                     "Objet : résiliation. Je veux partir.", "Très bon service, merci",
                     "Points positifs : l'accueil\nPoints négatifs : le délai"]
