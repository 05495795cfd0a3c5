"""Table import edge cases around the sampled column profile, typing and deduplication."""

from __future__ import annotations

from workbench.ingest.folder import import_file


def test_a_comment_column_empty_in_the_first_ten_thousand_rows_is_still_the_text(project, tmp_path):
    # A question added to a survey later: its column is empty in the sample the profile reads.
    path = tmp_path / "enquete.csv"
    lines = ["id;region;commentaire"] + [
        f"{i};{('Bretagne', 'Normandie', 'Occitanie')[i % 3]};"
        + (f"Le conseiller a été très aimable lors de mon appel numéro {i}" if i > 10000 else "")
        for i in range(1, 10101)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(project, path)
    assert (result.documents, result.empty, result.duplicates) == (100, 10000, 0)
    assert project.scalar("SELECT text FROM documents ORDER BY position LIMIT 1").endswith("numéro 10001")
    assert project.rows("SELECT name, type FROM variables ORDER BY name") == [("id", "integer"), ("region", "text")]


def test_hint_text_column_reads_the_first_rows_like_the_guess():
    from workbench.ingest.tables import hint_text_column

    names = ["id", "date", "note", "canal", "commentaire"]
    rows = [
        ["1", "12/03/2026", "8,5", "chat", "Très bien reçu, merci."],
        ["2", "13/03/2026 14:30", "1 234,5", "téléphone", "Attente interminable au standard."],
    ]
    assert hint_text_column(names, rows) == 4
    # Numbers, dates and blank cells only: no text column to hint.
    assert hint_text_column(["id", "nps"], [["1", "9"], ["2", " "]]) is None
    # A comment empty in the first rows: the hint is another text column, which the whole-file guess
    # then corrects (see the test above).
    assert hint_text_column(["id", "region", "commentaire"], [["1", "Bretagne", ""]]) == 1


def test_a_text_column_named_by_the_user_that_differs_from_the_hint(project, tmp_path):
    path = tmp_path / "deux_textes.csv"
    path.write_text(
        "motif;commentaire\nfacture\x07;La facture est fausse depuis des mois.\n"
        "  résiliation ;Je veux résilier.\n",
        encoding="utf-8",
    )
    result = import_file(project, path, text_column="motif")
    assert result.documents == 2
    assert [row[0] for row in project.rows("SELECT text FROM documents ORDER BY position")] == ["facture", "résiliation"]
    assert project.rows("SELECT v.name, dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
                        "ORDER BY dv.document_id") == [
        ("commentaire", "La facture est fausse depuis des mois."), ("commentaire", "Je veux résilier.")]


def test_columns_of_mostly_distinct_values_are_typed_row_by_row(project, tmp_path):
    """Over 10,000 rows, ids, timestamps and codes are mostly distinct: they are typed row by row. A
    padded integer still makes an integer column, whose values are stored trimmed."""
    path = tmp_path / "crm.csv"
    lines = ["id;horodatage;ref;commentaire"] + [
        f"{' 7' if i == 7 else i};{1 + i % 28:02d}/03/2026 {i % 24:02d}:{i % 60:02d};R-{i};Avis numéro {i} sur le service."
        for i in range(1, 10501)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_file(project, path).documents == 10500
    assert project.rows("SELECT name, type FROM variables ORDER BY name") == [
        ("horodatage", "date"), ("id", "integer"), ("ref", "text")]
    assert project.rows(
        "SELECT dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
        "JOIN documents d ON d.id = dv.document_id WHERE v.name = 'id' AND d.position IN (7, 8) ORDER BY d.position"
    ) == [("7",), ("8",)]
