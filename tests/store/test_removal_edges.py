"""Removal edge cases: the journal's redo state, a full undo/redo walk afterwards, the CLI's error paths."""

from __future__ import annotations

import json

from builders import add_document
from cli_helpers import fails, ok
from coded_project import build

from workbench.codebook import create_code, delete_code, merge_codes
from workbench.coding import apply_code, recode, remove_coding, resize_coding
from workbench.errors import ProjectError
from workbench.journal import next_redo, next_undo, redo, undo
from workbench.project import Project
from workbench.removal import remove_documents
from workbench.store.memos import add_memo, edit_memo
from workbench.suggest.review import accept, relabel


def test_an_action_superseded_by_one_on_a_removed_document_stays_impossible_to_redo(project):
    kept = add_document(project, "Le client est content du service rendu.")
    gone = add_document(project, "Jean Valjean veut partir, il est furieux.")
    code = create_code(project, "Motif")
    apply_code(project, kept, code, 0, 9, coder="alice")
    undo(project)
    apply_code(project, gone, code, 0, 12, coder="alice")  # a new action: the undone coding cannot be redone
    assert next_redo(project) is None
    remove_documents(project, [gone])
    assert next_redo(project) is None
    assert project.rows("SELECT document_id FROM codings") == []


def test_after_a_removal_the_whole_journal_undoes_and_redoes_without_conflict(project):
    kept = add_document(project, "Le client est content du service rendu, vraiment.")
    gone = add_document(project, "Jean Valjean veut partir, il est furieux du prix.")
    a, b, c = (create_code(project, name) for name in "ABC")
    k1 = apply_code(project, kept, a, 0, 9, coder="alice")
    g1 = apply_code(project, gone, a, 0, 12, coder="alice")
    g2 = apply_code(project, gone, b, 13, 24, coder="alice")
    add_memo(project, "coding", g1, "Valjean, ex-forçat", coder="alice")
    edit_memo(project, add_memo(project, "coding", k1, "ok", coder="alice"), "ok ok", coder="alice")
    resize_coding(project, g2, 13, 20, coder="alice")
    recode(project, k1, b, coder="alice")
    for document, code in ((kept, c), (gone, c), (gone, a)):
        project.execute("INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score) "
                        "VALUES (?, 0, 5, ?, 0.9)", [document, code])
    suggestions = [row[0] for row in project.rows("SELECT id FROM suggestions ORDER BY id")]
    accept(project, suggestions[:2])  # one action over both documents
    relabel(project, suggestions[2], b)
    merge_codes(project, a, b)
    undo(project)
    redo(project)
    apply_code(project, kept, c, 10, 16, coder="bob")
    remove_coding(project, apply_code(project, gone, c, 0, 4, coder="bob"), coder="bob")
    delete_code(project, c)
    undo(project)
    undo(project)  # both undone actions stay redoable
    remove_documents(project, [gone])
    after = _state(project)
    undone = 0
    while next_undo(project) is not None:
        undo(project)
        undone += 1
    assert project.scalar("SELECT count(*) FROM codings") == 0
    for _ in range(undone):
        redo(project)
    assert _state(project) == after
    assert next_redo(project)["action"] == "delete_code"  # undone before the removal, still redoable
    redo(project)
    assert next_redo(project) is None


def _state(project) -> list[list[tuple]]:
    return [project.rows(f"SELECT * FROM {table} ORDER BY ALL") for table in ("codes", "codings", "memos", "suggestions")]


def test_kept_originals_of_placeholders_only_removed_texts_used_are_deleted(project):
    gone = add_document(project, "Rappeler [PERSONNE_1] au [TEL_1], il veut résilier.")
    kept = add_document(project, "Le dossier de [PERSONNE_2] est clos.")
    quoted = add_document(project, "Réponse de l'agence.")
    project.execute("INSERT INTO document_parts VALUES (?, 'quoted', 'Bonjour [PERSONNE_3], [TEL_1]')", [quoted])
    project.execute("INSERT INTO pseudonyms VALUES ('person', 'Zéphyrin Quatrebarbes', '[PERSONNE_1]'), "
                    "('person', 'Quatrebarbes', '[PERSONNE_1]'), ('phone', '0612345678', '[TEL_1]'), "
                    "('person', 'Anne Lefol', '[PERSONNE_2]'), ('person', 'Paul Ixe', '[PERSONNE_3]')")
    keys = project.scalar("SELECT count(*) FROM pseudonym_keys")
    remove_documents(project, [gone])
    assert project.rows("SELECT token FROM pseudonyms ORDER BY token") == [("0612345678",), ("Anne Lefol",), ("Paul Ixe",)]
    assert project.scalar("SELECT count(*) FROM pseudonym_keys") == keys
    remove_documents(project, [kept, quoted])
    assert project.scalar("SELECT count(*) FROM pseudonyms") == 0
    assert b"Quatrebarbes" not in project.path.read_bytes()


def test_a_removal_whose_rewrite_fails_says_the_documents_are_gone(tmp_path, monkeypatch):
    path = tmp_path / "p.vwb"
    table = tmp_path / "avis.csv"
    table.write_text("id;commentaire\n1;Très satisfait du conseiller.\n2;Délai trop long.\n", encoding="utf-8")
    ok("new", path)
    ok("import", path, table, "--quiet")

    def disk_full(self: Project) -> None:
        raise ProjectError(f"{self.path}: could not rewrite the project file (No space left on device)")

    monkeypatch.setattr(Project, "rewrite", disk_full)
    assert "removed 1 document(s) for good, but" in fails("remove", path, "--document", "1", "--yes")
    monkeypatch.undo()
    assert json.loads(ok("info", path, "--json"))["documents"] == 1


def test_a_topic_left_without_units_goes_with_its_keywords(project):
    build(project)
    remove_documents(project, [1, 3])  # topic 1 ("départ": résilier, concurrent) had documents 1 and 3 only
    assert project.rows("SELECT topic, size FROM topics ORDER BY topic") == [(-1, 1), (0, 2)]
    assert project.scalar("SELECT count(*) FROM topics WHERE list_contains(keywords, 'concurrent')") == 0
