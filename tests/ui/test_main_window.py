"""The main window driven as a user would: pick a document, select words, code them, undo."""

from __future__ import annotations

import pytest
from builders import add_document, add_source

from workbench import codebook
from workbench.project import Project

TEXT = "Bonjour 😀, je suis cliente depuis 15 ans et ma facture a doublé !\nJe vais résilier."


@pytest.fixture
def filled(project: Project) -> Project:
    source = add_source(project, "a.txt", origin="/a.txt", sha256="x")
    add_document(project, TEXT, "Appel 1", "call", source_id=source)
    group = codebook.create_code(project, "Raisons", codable=False)
    codebook.create_code(project, "Facturation", group, color="#E69F00")
    return project


def test_code_a_selection_after_an_emoji_then_undo(qtbot, filled: Project) -> None:
    from ui.views.main_window import MainWindow

    window = MainWindow(filled, coder="claire")
    qtbot.addWidget(window)
    assert window.viewer.view is not None and window.viewer.view.title == "Appel 1"
    start = TEXT.index("ma facture a doublé")
    end = start + len("ma facture a doublé")
    window.viewer.select_span(start, end)
    assert window.viewer.selected_span() == (start, end)
    code_id = codebook.find_code(filled, "Raisons/Facturation")
    window.code_panel.select_code(code_id)
    assert window.code_panel.code_selection.isEnabled()
    window.code_panel.code_selection.click()
    stored = filled.rows("SELECT start_pos, end_pos FROM codings")
    assert stored == [(start, end)]
    assert TEXT[stored[0][0] : stored[0][1]] == "ma facture a doublé"
    assert window.codings.count() == 1
    assert "Facturation" in window.codings.item(0).text()
    assert window.model.data(window.model.index(0, 4)) == 1  # the list's count follows the coding
    assert "Facturation" in window.undo_action.text()
    assert not window.redo_action.isEnabled()
    window.undo_action.trigger()
    assert filled.scalar("SELECT count(*) FROM codings") == 0
    assert window.redo_action.isEnabled()
    assert window.codings.count() == 0
    window.redo_action.trigger()
    assert filled.scalar("SELECT count(*) FROM codings") == 1


def test_grouping_codes_cannot_be_applied(qtbot, filled: Project) -> None:
    from ui.views.main_window import MainWindow

    window = MainWindow(filled, coder="claire")
    qtbot.addWidget(window)
    window.code_panel.select_code(codebook.find_code(filled, "Raisons"))
    assert not window.code_panel.code_selection.isEnabled()


def test_remove_a_coding_from_the_list(qtbot, filled: Project) -> None:
    from ui.views.main_window import MainWindow
    from workbench import coding

    code_id = codebook.find_code(filled, "Raisons/Facturation")
    coding.apply_code(filled, 1, code_id, coder="claire")
    window = MainWindow(filled, coder="claire")
    qtbot.addWidget(window)
    assert window.codings.count() == 1
    window.codings.setCurrentRow(0)
    assert window.viewer.selected_span() == (0, len(TEXT))
    assert window.remove_current_coding()
    assert filled.scalar("SELECT count(*) FROM codings") == 0
