"""What the GUI's document list and viewer read: titles, pages, filters."""

from __future__ import annotations

from workbench.browse import count_documents, document_page, document_view
from workbench.ingest.folder import import_file


def test_rows_without_a_title_are_named_by_file_and_row(project, tmp_path):
    table = tmp_path / "enquête.csv"
    table.write_text("id;commentaire\n1;Très bon accueil 😀\n2;Facture fausse, je suis déçu\n", encoding="utf-8")
    import_file(project, table)
    mail = tmp_path / "reclamation.eml"
    mail.write_text("From: a@example.fr\nTo: b@example.fr\nSubject: Facture de mars\n\nBonjour, ma facture est fausse.\n",
                    encoding="utf-8")
    import_file(project, mail)
    page = document_page(project, 0, 10)
    assert [row.title for row in page] == ["enquête.csv #1", "enquête.csv #2", "Facture de mars"]
    assert document_view(project, page[1].id).title == "enquête.csv #2"
    assert count_documents(project, contains="FACTURE") == 2
    assert [row.title for row in document_page(project, 0, 10, kind="survey", contains="décu")] == ["enquête.csv #2"]
