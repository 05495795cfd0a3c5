"""Removing the open document from the window: asked first, gone for good, the list follows."""

from __future__ import annotations

from panel_fixtures import fill, open_window
from PySide6.QtWidgets import QMessageBox

from workbench import codebook, coding
from workbench.project import Project


def test_removing_the_open_document_asks_then_removes_it_and_its_codings(qtbot, project: Project, monkeypatch) -> None:
    filled = fill(project)
    code = codebook.find_code(filled, "Motifs/Facturation")
    coding.apply_code(filled, 1, code, 3, 10, coder="claire")
    window = open_window(qtbot, filled)
    assert window.current_document_id() == 1
    asked = []

    def answer(choice):  # type: ignore[no-untyped-def]
        def ask(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(text)
            return choice
        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not window.remove_current_document()
    assert filled.scalar("SELECT count(*) FROM documents") == 3 and "n° 1" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.remove_document_action.trigger()
    assert window.project.scalar("SELECT count(*) FROM documents WHERE id = 1") == 0
    assert window.project.scalar("SELECT count(*) FROM codings") == 0
    assert window.model.rowCount() == 2
    assert window.current_document_id() == 2  # the list reopened on its first document
