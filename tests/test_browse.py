"""What the GUI's document viewer reads."""

from __future__ import annotations

from workbench.browse import document_view
from workbench.document_list import ordered_ids
from workbench.ingest.folder import import_file


def test_an_untitled_table_row_is_named_by_file_and_row(project, tmp_path):
    table = tmp_path / "enquête.csv"
    table.write_text("id;commentaire\n1;Très bon accueil 😀\n2;Facture fausse, je suis déçu\n", encoding="utf-8")
    import_file(project, table)
    second = int(ordered_ids(project)[1])
    assert document_view(project, second).title == "enquête.csv #2"
