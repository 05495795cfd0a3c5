"""Who codes: choose or create the current coder and role from the status bar, and every action after that
(coding from the code panel, accepting a suggestion, a memo, an undo) is recorded under that coder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import add_coder_row
from panel_fixtures import fill, open_window, when_modal

from workbench import codebook
from workbench.project import Project


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERBATIM_SETTINGS", str(tmp_path / "settings" / "workbench.ini"))


@pytest.fixture
def filled(project: Project) -> Project:
    return fill(project)


def choose(name: str, role: str | None = None) -> Callable[[object], None]:
    def act(dialog) -> None:
        dialog.name.setCurrentText(name)
        if role is not None:
            dialog.role.setCurrentIndex(dialog.role.findData(role))
        dialog.ok_button.click()
    return act


def coder_of_codings(project: Project) -> list[str]:
    return [row[0] for row in project.rows(
        "SELECT k.name FROM codings g JOIN coders k ON k.id = g.coder_id ORDER BY g.id")]


def test_a_new_coder_chosen_from_the_status_bar_owns_every_action_after(qtbot, filled: Project) -> None:
    from ui import settings

    billing = codebook.find_code(filled, "Motifs/Facturation")
    filled.execute("INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) "
                   "VALUES (2, 0, 5, ?, 0.9, ?)", [billing, json.dumps({"method": "zero-shot"})])
    window = open_window(qtbot, filled)
    assert window.coder_button.text() == "Codeur : claire (nouveau)"  # not in the project before acting
    when_modal(choose("marc", "trainer"))
    window.coder_button.click()
    assert window.coder == "marc" and settings.saved_coder() == "marc"
    assert filled.rows("SELECT name, role FROM coders") == [("marc", "trainer")]
    assert window.coder_button.text() == "Codeur : marc (formateur)"

    window.open_document(1)
    window.viewer.select_span(3, 10)
    window.code_panel.select_code(billing)
    window.code_panel.code_selection.click()
    window.review_panel.table.selectRow(0)
    window.review_panel.accept_button.click()
    assert coder_of_codings(filled) == ["marc", "marc"]
    window.memo_panel.editor.setPlainText("Relu.")
    window.memo_panel.save_button.click()
    assert filled.rows("SELECT k.name FROM memos m JOIN coders k ON k.id = m.coder_id") == [("marc",)]
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    window.undo_action.trigger()
    assert filled.rows("SELECT k.name FROM journal j JOIN coders k ON k.id = j.coder_id "
                       "WHERE j.action = 'undo'") == [("marc",)]

    when_modal(choose("claire"))  # back to the first coder: the next coding is hers
    window.workspace.coder_action.trigger()
    assert window.coder == "claire" and window.review_panel.coder == "claire"
    window.viewer.select_span(12, 20)
    window.code_panel.code_selection.click()
    assert coder_of_codings(filled)[-1] == "claire"
    assert filled.rows("SELECT role FROM coders WHERE name = 'claire'") == [("analyst",)]


def test_changing_the_role_of_a_known_coder_is_journalled_and_undoable(qtbot, filled: Project) -> None:
    add_coder_row(filled, "lea", "trainee")
    add_coder_row(filled, "suggestions", "model")
    window = open_window(qtbot, filled)
    seen: dict[str, object] = {}

    def act(dialog) -> None:
        seen["listed"] = [dialog.name.itemText(index) for index in range(dialog.name.count())]
        dialog.name.setCurrentText("lea")
        seen["role"] = dialog.role.currentData()
        dialog.role.setCurrentIndex(dialog.role.findData("reference"))
        dialog.ok_button.click()

    when_modal(act)
    window.workspace.choose_coder()
    assert seen == {"listed": ["lea"], "role": "trainee"}  # the machine's coder is not offered
    assert filled.rows("SELECT role FROM coders WHERE name = 'lea'") == [("reference",)]
    assert window.coder_button.text() == "Codeur : lea (référence)"
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    window.undo_action.trigger()
    assert filled.rows("SELECT role FROM coders WHERE name = 'lea'") == [("trainee",)]
    qtbot.waitUntil(lambda: window.coder_button.text() == "Codeur : lea (stagiaire)")


def test_the_machine_coder_and_an_empty_name_are_refused(qtbot, filled: Project, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    add_coder_row(filled, "suggestions", "model")
    window = open_window(qtbot, filled)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: said.append(f"{title}: {text}"))
    seen: dict[str, object] = {}

    def act(dialog) -> None:
        dialog.name.setCurrentText("  ")
        seen["empty_ok"] = dialog.ok_button.isEnabled()
        dialog.name.setCurrentText("suggestions")
        dialog.ok_button.click()
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    when_modal(act)
    assert window.workspace.choose_coder() is None
    assert seen == {"empty_ok": False, "still_open": True}
    assert said == [("Codeur non enregistré: 'suggestions' is the coder of machine suggestions; "
                     "a person works under another name")]
    assert window.coder == "claire"
    assert filled.rows("SELECT role FROM coders WHERE name = 'suggestions'") == [("model",)]
