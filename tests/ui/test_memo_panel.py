"""The memo pane driven as an analyst would: write memos on the project, a document, a code and a coding,
edit and delete them, undo each through Edit > Undo, filter and search, open what a memo is about."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import add_document
from panel_fixtures import fill, open_window

from workbench import codebook, coding
from workbench.project import Project
from workbench.text.normalise import normalise_text

# An emoji and a CRLF before the coded words: the pane must open the passage on the right characters.
TEXT = normalise_text("Bonjour 😀\r\nMa facture a doublé, l'équipe ne répond pas.")
PASSAGE = "facture a doublé"


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERBATIM_SETTINGS", str(tmp_path / "settings" / "workbench.ini"))


@pytest.fixture
def filled(project: Project) -> Project:
    fill(project)
    document_id = add_document(project, TEXT, "Appel 😀", "call")
    start = TEXT.index(PASSAGE)
    coding.apply_code(project, document_id, codebook.find_code(project, "Motifs/Facturation"), start,
                      start + len(PASSAGE), coder="claire")
    return project


def memo_rows(project: Project) -> list[tuple]:
    return project.rows("SELECT m.target_kind, m.target_id, m.text, k.name FROM memos m "
                        "JOIN coders k ON k.id = m.coder_id ORDER BY m.id")


def write(panel, target_kind: str, text: str) -> None:
    """Start a new memo about `target_kind`, as chosen in the « À propos de » list, and save it."""
    panel.new_button.click()
    kinds = [panel.target.itemData(index)[0] for index in range(panel.target.count())]
    panel.target.setCurrentIndex(kinds.index(target_kind))
    panel.editor.setPlainText(text)
    assert panel.save_button.isEnabled()
    panel.save_button.click()


def listed(panel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_add_edit_delete_each_undone_through_edit_undo(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    panel = window.memo_panel
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)) == "Mémos"
    assert not panel.save_button.isEnabled()  # nothing written yet: nothing to save
    window.open_document(4)
    write(panel, "project", "Équipe à relancer sur les délais.")
    assert memo_rows(filled) == [("project", None, "Équipe à relancer sur les délais.", "claire")]
    assert listed(panel)[0].startswith("Projet · claire · ")
    assert panel.current_memo_id() is not None  # the new memo stays chosen, to be edited further
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Annuler : Écrit un mémo")
    window.undo_action.trigger()
    assert memo_rows(filled) == []
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: panel.list.count() == 1)

    panel.list.setCurrentRow(0)
    assert panel.editor.toPlainText() == "Équipe à relancer sur les délais."
    panel.editor.setPlainText("Équipe relancée le 3 décembre.")
    panel.save_button.click()
    assert memo_rows(filled)[0][2] == "Équipe relancée le 3 décembre."
    assert "relancée" in listed(panel)[0]
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Annuler : Modifié un mémo")
    window.undo_action.trigger()
    assert memo_rows(filled)[0][2] == "Équipe à relancer sur les délais."
    qtbot.waitUntil(lambda: panel.editor.toPlainText() == "Équipe à relancer sur les délais.")

    panel.list.setCurrentRow(0)
    panel.delete_button.click()
    assert memo_rows(filled) == [] and panel.list.count() == 0 and panel.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Annuler : Supprimé un mémo")
    window.undo_action.trigger()
    assert memo_rows(filled)[0][2] == "Équipe à relancer sur les délais."
    qtbot.waitUntil(lambda: panel.list.count() == 1)


def test_memos_on_a_document_a_code_and_a_coding_filtered_and_searched(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    panel = window.memo_panel
    window.open_document(4)
    write(panel, "document", "Client premium, à rappeler.")
    window.code_panel.select_code(codebook.find_code(filled, "Motifs/Facturation"))
    write(panel, "code", "Facturation : hausses et erreurs de facture.")
    window.codings.setCurrentRow(0)
    write(panel, "coding", "Doublement sans prévenir : à vérifier.")
    write(panel, "project", "Penser au rapport.")
    coding_id = filled.scalar("SELECT id FROM codings")
    assert [row[:2] for row in memo_rows(filled)] == [
        ("document", 4), ("code", codebook.find_code(filled, "Motifs/Facturation")), ("coding", coding_id),
        ("project", None)]
    assert len(listed(panel)) == 4

    panel.scope.setCurrentIndex(panel.scope.findData("this-document"))
    shown = listed(panel)
    assert len(shown) == 2
    assert any(text.startswith("Document « Appel 😀 »") for text in shown)
    assert any(text.startswith("Codage Facturation : « facture a doublé »") for text in shown)
    window.open_document(1)
    assert panel.list.count() == 0  # another document: none of its memos

    panel.scope.setCurrentIndex(panel.scope.findData("code"))
    assert [text.split(" · ")[0] for text in listed(panel)] == ["Code « Facturation »"]
    panel.scope.setCurrentIndex(0)
    panel.search.setText("FACTURE")  # case and accents ignored; the code memo and nothing else says it
    assert [text.split(" · ")[0] for text in listed(panel)] == ["Code « Facturation »"]
    panel.search.setText("a verifier")
    assert len(listed(panel)) == 1 and "Doublement" in listed(panel)[0]
    assert panel.count.text() == "1 mémo(s)"
    panel.search.setText("introuvable")
    assert panel.list.count() == 0


def test_choosing_a_memo_on_a_coding_opens_its_passage(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    panel = window.memo_panel
    window.open_document(4)
    window.codings.setCurrentRow(0)
    write(panel, "coding", "Doublement sans prévenir.")
    window.open_document(1)
    opened = []
    panel.openMatch.connect(lambda *args: opened.append(args))
    panel.new_button.click()
    panel.list.setCurrentRow(0)
    start = TEXT.index(PASSAGE)
    assert opened == [(4, start, start + len(PASSAGE))]
    assert window.current_document_id() == 4
    assert window.viewer.selected_span() == (start, start + len(PASSAGE))


def test_a_memo_whose_target_is_gone_is_refused_in_plain_words(qtbot, filled: Project, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(qtbot, filled)
    panel = window.memo_panel
    window.open_document(4)
    window.codings.setCurrentRow(0)
    coding.remove_coding(filled, filled.scalar("SELECT id FROM codings"), coder="claire")  # elsewhere, meanwhile
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: said.append(f"{title}: {text}"))
    kinds = [panel.target.itemData(index)[0] for index in range(panel.target.count())]
    panel.target.setCurrentIndex(kinds.index("coding"))
    panel.editor.setPlainText("Trop tard.")
    assert panel.save() is False
    assert said and said[0].startswith("Mémo non enregistré: Unknown coding")
    assert memo_rows(filled) == [] and panel.editor.toPlainText() == "Trop tard."  # the text is kept


def test_text_being_written_survives_a_search_that_hides_its_memo(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    panel = window.memo_panel
    write(panel, "project", "Premier jet.")
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, " Suite")  # typed, not saved yet
    panel.search.setText("autre chose")
    assert panel.list.count() == 0
    assert panel.editor.toPlainText() == "Premier jet. Suite"
    panel.save_button.click()  # still the same memo, edited, not a second one
    assert memo_rows(filled) == [("project", None, "Premier jet. Suite", "claire")]


def test_a_recoded_coding_renames_its_memo_in_the_list(qtbot, filled: Project) -> None:
    """The list names a coding memo by its code: recoding the coding must show the new code at once."""
    from workbench.store.memos import add_memo

    window = open_window(qtbot, filled)
    coding_id = filled.scalar("SELECT id FROM codings")
    add_memo(filled, "coding", coding_id, "Montant contesté.", coder="claire")
    window.refresh_changed()
    window.memo_panel.reload()
    assert "Facturation" in listed(window.memo_panel)[0]
    window._run_change(lambda: coding.recode(filled, coding_id, codebook.find_code(filled, "Motifs/Compliment"),
                                             coder="claire"))
    assert "Compliment" in listed(window.memo_panel)[0]
