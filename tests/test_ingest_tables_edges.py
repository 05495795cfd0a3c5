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
