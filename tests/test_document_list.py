"""The document list: combined filters, sorts that page stably, rows read by id."""

from __future__ import annotations

from datetime import datetime

import pytest
from builders import add_code, add_coder_row, add_document, add_source

from workbench.document_list import DocumentQuery, ordered_ids, rows_for, variable_values
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_file
from workbench.project import Project


def test_rows_without_a_title_are_named_by_file_and_row(project, tmp_path):
    table = tmp_path / "enquête.csv"
    table.write_text("id;commentaire\n1;Très bon accueil 😀\n2;Facture fausse, je suis déçu\n", encoding="utf-8")
    import_file(project, table)
    mail = tmp_path / "reclamation.eml"
    mail.write_text("From: a@example.fr\nTo: b@example.fr\nSubject: Facture de mars\n\nBonjour, ma facture est fausse.\n",
                    encoding="utf-8")
    import_file(project, mail)
    ids = ordered_ids(project)
    assert [row.title for row in rows_for(project, ids)] == ["enquête.csv #1", "enquête.csv #2", "Facture de mars"]
    assert len(ordered_ids(project, DocumentQuery(contains="FACTURE"))) == 2
    only = ordered_ids(project, DocumentQuery(kinds=("survey",), contains="décu"))
    assert [row.title for row in rows_for(project, only)] == ["enquête.csv #2"]


@pytest.fixture
def coded(project: Project) -> dict[str, int]:
    """Four documents: two regions, two coders, a group code with two children, one pending suggestion."""
    source = add_source(project, "t.csv", kind="csv")
    ids = {}
    for n, (title, kind, region, when) in enumerate([
        ("Bravo", "call", "Nord", datetime(2024, 3, 1)),
        ("avis 😀", "email", "Sud", None),
        ("Colère", "call", "Sud", datetime(2024, 1, 5)),
        ("Déçu", "survey", "Nord", datetime(2024, 2, 9)),
    ], start=1):
        ids[title] = add_document(project, f"Texte {n} " * n, title, kind, source_id=source, position=n,
                                  occurred_at=when, variables={"région": region})
    group = add_code(project, "Raisons", codable=False)
    ids["Facturation"] = add_code(project, "Facturation", group)
    ids["Retard"] = add_code(project, "Retard", group)
    ids["Raisons"] = group
    alice, bob = add_coder_row(project, "alice"), add_coder_row(project, "bob")
    ids["alice"], ids["bob"] = alice, bob
    for document, code, coder in [("Bravo", "Facturation", alice), ("Colère", "Retard", bob),
                                  ("Colère", "Facturation", bob)]:
        project.execute("INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                        "VALUES (uuid(), ?, ?, 0, 5, ?, 'manual')", [ids[document], ids[code], coder])
    project.execute("INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score) VALUES (?, 0, 5, ?, 0.9)",
                    [ids["Déçu"], ids["Retard"]])
    return ids


def _titles(project: Project, query: DocumentQuery) -> list[str]:
    return [row.title for row in rows_for(project, ordered_ids(project, query))]


def test_filters_combine(project: Project, coded: dict[str, int]) -> None:
    assert _titles(project, DocumentQuery(values=(("région", ("Sud",)),))) == ["avis 😀", "Colère"]
    assert _titles(project, DocumentQuery(has_codes=(coded["Raisons"],))) == ["Bravo", "Colère"]
    assert _titles(project, DocumentQuery(lacks_codes=(coded["Facturation"],))) == ["avis 😀", "Déçu"]
    assert _titles(project, DocumentQuery(coders=(coded["bob"],))) == ["Colère"]
    assert _titles(project, DocumentQuery(review="uncoded")) == ["avis 😀", "Déçu"]
    assert _titles(project, DocumentQuery(review="pending_suggestions")) == ["Déçu"]
    assert _titles(project, DocumentQuery(kinds=("call",), values=(("région", ("Sud", "Nord")),),
                                          lacks_codes=(coded["Retard"],))) == ["Bravo"]
    assert variable_values(project, "région") == [("Nord", 2), ("Sud", 2)]


def test_sorts_are_stable_and_put_undated_documents_last(project: Project, coded: dict[str, int]) -> None:
    assert _titles(project, DocumentQuery(sort="title")) == ["avis 😀", "Bravo", "Colère", "Déçu"]
    assert _titles(project, DocumentQuery(sort="occurred_at")) == ["Colère", "Déçu", "Bravo", "avis 😀"]
    assert _titles(project, DocumentQuery(sort="occurred_at", descending=True)) == ["Bravo", "Déçu", "Colère", "avis 😀"]
    assert _titles(project, DocumentQuery(sort="codings", descending=True)) == ["Colère", "Bravo", "Déçu", "avis 😀"]
    assert [row.codings for row in rows_for(project, ordered_ids(project, DocumentQuery(sort="codings")))] == [0, 0, 1, 2]


def test_rows_for_keeps_the_given_order_and_skips_removed_documents(project: Project, coded: dict[str, int]) -> None:
    rows = rows_for(project, [coded["Déçu"], 999, coded["Bravo"]])
    assert [row.title for row in rows] == ["Déçu", "Bravo"]


def test_bad_queries_are_refused_in_plain_words() -> None:
    with pytest.raises(WorkbenchError, match="unknown document kind 'fax'"):
        DocumentQuery(kinds=("fax",))
    with pytest.raises(WorkbenchError, match="cannot sort documents by 'colour'"):
        DocumentQuery(sort="colour")  # type: ignore[arg-type]
