"""Removing documents and imported files: every trace goes, nothing else changes, the rest stays undoable."""

from __future__ import annotations

import json

import pytest
from builders import add_document
from cli_helpers import fails, ok, run
from coded_project import build

from workbench.audit import audit_trail
from workbench.codebook import create_code, merge_codes
from workbench.coding import apply_code
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_file
from workbench.journal import undo
from workbench.removal import list_sources, remove_documents, remove_sources
from workbench.search import search
from workbench.store.memos import add_memo
from workbench.text.segment import segment_project


def _document_columns(project) -> dict[str, str]:
    """Every table with a column naming a document, read from the schema, so that a table added later is
    checked too (its rows must go with their document)."""
    tables = project.rows("SELECT table_name FROM duckdb_columns() WHERE column_name = 'document_id' "
                          "AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal) ORDER BY 1")
    return {"documents": "id", **{table: "document_id" for (table,) in tables}}


def test_the_schema_lists_the_tables_these_tests_know(project):
    assert set(_document_columns(project)) >= {"documents", "codings", "segments", "suggestions", "document_values",
                                               "document_parts", "tokens", "text_status"}


def _rows_about(project, document_id: int) -> dict[str, int]:
    found = {table: project.scalar(f"SELECT count(*) FROM {table} WHERE {column} = ?", [document_id])
             for table, column in _document_columns(project).items()}
    found["embeddings"] = project.scalar(
        "SELECT count(*) FROM embeddings WHERE (unit_kind = 'document' AND unit_id = ?) "
        "OR (unit_kind = 'segment' AND unit_id IN (3, 4))", [document_id])
    found["unit_topics"] = project.scalar(
        "SELECT count(*) FROM unit_topics WHERE (unit_kind = 'document' AND unit_id = ?) "
        "OR (unit_kind = 'segment' AND unit_id IN (3, 4))", [document_id])
    found["memos"] = project.scalar(
        "SELECT count(*) FROM memos WHERE (target_kind = 'document' AND target_id = ?) "
        "OR (target_kind = 'coding' AND target_id IN (6, 7, 8, 11))", [document_id])
    return found


def _rows_not_about(project, document_id: int) -> dict[str, list]:
    kept = {table: sorted(map(repr, project.rows(f"SELECT * FROM {table} WHERE {column} <> ?", [document_id])))
            for table, column in _document_columns(project).items()}
    kept["memos"] = sorted(map(repr, project.rows("SELECT * FROM memos WHERE target_id NOT IN (3, 6, 7, 8, 11)")))
    kept["embeddings"] = project.rows("SELECT * FROM embeddings WHERE unit_kind = 'document' AND unit_id <> 3 ORDER BY ALL")
    return kept


@pytest.fixture
def coded(project):
    """The shared coded project (document 3 has codings 6, 7, 8, 11 and segments 3, 4), with memos,
    cached vectors and an e-mail part on top."""
    build(project)
    project.execute("INSERT INTO memos (target_kind, target_id, text) VALUES "
                    "('document', 3, 'Client parti chez un concurrent'), ('coding', 7, 'hostile ?'), "
                    "('document', 1, 'à rappeler'), ('coding', 1, 'clair')")
    project.execute("INSERT INTO embeddings VALUES ('document', 3, 'm', [1, 0]), ('segment', 4, 'm', [0, 1]), "
                    "('document', 1, 'm', [0.5, 0.5])")
    project.execute("INSERT INTO document_parts VALUES (3, 'signature', 'Jean Départ')")
    project.execute("UPDATE topics SET representatives = [3, 1] WHERE topic = 1")
    return project


def test_removing_a_document_removes_every_trace_and_nothing_else(coded):
    assert any(_rows_about(coded, 3).values())
    others = _rows_not_about(coded, 3)
    report = remove_documents(coded, [3])
    assert not any(_rows_about(coded, 3).values())
    assert _rows_not_about(coded, 3) == others
    assert (report.documents, report.codings, report.memos) == (1, 4, 2)
    # Topic 1 had documents 1 and 3: its size and representatives follow.
    assert coded.rows("SELECT size, representatives FROM topics WHERE topic = 1") == [(1, [1])]
    assert coded.scalar("SELECT count(*) FROM sources") == 1  # the file keeps its other documents


def test_topic_keywords_only_removed_texts_had_go(project):
    """A topic keeps the keywords its remaining texts still hold (each word of a bigram, as a whole word);
    an automatic label follows them, a label the user wrote stays."""
    erased = add_document(project, "Monsieur Quintavalle conteste sa facture d'électricité.")
    kept = add_document(project, "Facture trop élevée, service, client injoignable : quintavallée ?")
    project.execute("INSERT INTO runs (id, kind, model) VALUES (7, 'topics', 'lexical')")
    project.execute(
        "INSERT INTO topics (run_id, topic, label, keywords, size) VALUES "
        "(7, 0, 'quintavalle, facture, service client', ['quintavalle', 'facture', 'service client', 'électricité', 'élevée'], 2), "
        "(7, 1, 'Mon nom', ['quintavalle', 'facture'], 2)"
    )
    project.execute("INSERT INTO unit_topics VALUES (7, 'document', ?, 0, 0.9), (7, 'document', ?, 0, 0.8), "
                    "(7, 'document', ?, 1, 0.9), (7, 'document', ?, 1, 0.7)", [erased, kept, erased, kept])
    remove_documents(project, [erased])
    assert project.rows("SELECT topic, label, keywords, size FROM topics WHERE run_id = 7 ORDER BY topic") == [
        (0, "facture, service client, élevée", ["facture", "service client", "élevée"], 1),
        (1, "Mon nom", ["facture"], 1),
    ]


def test_a_label_and_the_suggestions_copied_from_a_topic_lose_what_only_removed_texts_had(project):
    """A label may hold a name only the removed texts had (an older run's automatic label, or keywords the
    analyst copied into it): that part goes and the analyst's own wording stays. The suggestions filed
    from the topic copied its label and keywords, and so did the journal: both follow the pruned topic."""
    from workbench.suggest.embed import embed_units
    from workbench.suggest.topics import map_topic_to_code

    erased = add_document(project, "Monsieur Quintavalle conteste sa facture d'électricité.")
    kept = add_document(project, "Facture trop élevée, service client injoignable.")
    model = embed_units(project, "lexical", units="documents").model_id
    project.execute("INSERT INTO runs (id, kind, model) VALUES (7, 'topics', ?)", [model])
    project.execute("INSERT INTO topics (run_id, topic, label, keywords, size) VALUES "
                    "(7, 0, 'Litiges de facturation · quintavalle', ['quintavalle', 'facture'], 2)")
    project.execute("INSERT INTO unit_topics VALUES (7, 'document', ?, 0, 0.9), (7, 'document', ?, 0, 0.8)",
                    [erased, kept])
    assert map_topic_to_code(project, create_code(project, "Facturation"), 0, 7, coder="alice") == 2
    remove_documents(project, [erased])
    assert project.rows("SELECT label, keywords FROM topics") == [("Litiges de facturation", ["facture"])]
    explanation = json.loads(project.scalar("SELECT explanation FROM suggestions"))
    assert (explanation["label"], explanation["keywords"]) == ("Litiges de facturation", ["facture"])
    journal = " ".join(raw for (raw,) in project.rows("SELECT CAST(payload AS VARCHAR) FROM journal"))
    assert "Litiges de facturation" in journal and "quintavalle" not in journal.lower()


def test_unknown_ids_are_refused_and_nothing_changes(coded):
    before = _rows_not_about(coded, -1)
    with pytest.raises(WorkbenchError, match="no document 99"):
        remove_documents(coded, [3, 99])
    with pytest.raises(WorkbenchError, match="no source 7"):
        remove_sources(coded, [7])
    assert _rows_not_about(coded, -1) == before


def test_journal_forgets_removed_documents_and_the_rest_stays_undoable(project):
    gone = add_document(project, "Madame Ophélie Vantardise résilie son contrat, très déçue.")
    kept = add_document(project, "Un client fidèle depuis dix ans, ravi du service.")
    old = create_code(project, "Départ")
    new = create_code(project, "Relation")
    apply_code(project, gone, old, 0, 26, coder="alice")
    add_memo(project, "document", gone, "Ophélie a appelé trois fois", coder="alice")
    apply_code(project, kept, old, 0, 15, coder="alice")
    undo(project)  # an undo entry copying the description of the coding on `kept`
    apply_code(project, kept, old, 0, 15, coder="alice")
    merge_codes(project, old, new)  # one entry moving codings of both documents
    report = remove_documents(project, [gone])
    assert report.journal_removed == 2 and report.journal_trimmed == 1
    everything = " ".join(raw for (raw,) in project.rows("SELECT payload FROM journal"))
    everything += " ".join(str(entry) for entry in audit_trail(project))
    assert "Ophélie" not in everything and "Vantardise" not in everything
    # Undoing the merge moves back the coding of the remaining document only.
    undo(project)
    assert project.rows("SELECT document_id, code_id FROM codings") == [(kept, old)]


def test_removed_texts_leave_no_byte_in_the_project_file(project, tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("id;commentaire\n" + "".join(
        f"{i};Réclamation de Monsieur Quintavalle Bartholomew n° {i} sur sa facture.\n" for i in range(200)
    ) + "999;Un autre verbatim qui reste.\n", encoding="utf-8")
    import_file(project, table)
    segment_project(project)
    project.execute("CHECKPOINT")
    # Document texts are ZSTD-compressed in the file, so their bytes cannot be searched for; the search
    # index's terms are stored as written, and show whether freed blocks are left behind.
    assert b"quintavalle" in project.path.read_bytes()
    ids = [row[0] for row in project.rows("SELECT id FROM documents WHERE contains(text, 'Quintavalle')")]
    remove_documents(project, ids)
    project.execute("CHECKPOINT")
    assert b"quintavall" not in project.path.read_bytes() and b"Quintavalle" not in project.path.read_bytes()
    # The rewritten file holds no free block (where compressed texts of removed rows could remain).
    assert project.scalar("SELECT free_blocks FROM pragma_database_size()") == 0
    assert project.rows("SELECT text FROM documents") == [("Un autre verbatim qui reste.",)]
    assert search(project, "verbatim", count=True).total_documents == 1


def test_a_removed_source_can_be_imported_again(project, tmp_path):
    table = tmp_path / "avis.csv"
    table.write_text("id;commentaire\n1;Très satisfait du conseiller.\n2;Délai trop long.\n", encoding="utf-8")
    import_file(project, table)
    (source,) = list_sources(project)
    assert (source["name"], source["documents"]) == ("avis.csv", 2)
    report = remove_sources(project, [source["id"]])
    assert (report.sources, report.documents) == (1, 2)
    assert list_sources(project) == []
    assert import_file(project, table).documents == 2


def test_cli_lists_sources_and_removes_with_confirmation(tmp_path):
    path = str(tmp_path / "p.vwb")
    table = tmp_path / "avis.csv"
    table.write_text("id;commentaire\n1;Très satisfait du conseiller.\n2;Délai trop long.\n", encoding="utf-8")
    ok("new", path)
    ok("import", path, str(table), "--quiet")
    assert "avis.csv" in ok("sources", path)
    assert json.loads(ok("sources", path, "--json"))[0]["documents"] == 2
    code, _, err = run("remove", path, "--document", "1")  # no terminal to confirm on
    assert code == 2 and "--yes" in err
    code, _, err = run("remove", path)
    assert code == 2 and "--source ID" in err
    assert "no document 42" in fails("remove", path, "--document", "42", "--yes")
    assert "removed 1 document(s)" in ok("remove", path, "--document", "1", "--yes")
    assert json.loads(ok("remove", path, "--source", "1", "--yes", "--json"))["documents"] == 1
    assert json.loads(ok("info", path, "--json"))["documents"] == 0
