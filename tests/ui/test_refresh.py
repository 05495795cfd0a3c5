"""The window refreshes what changed, wherever it was committed, and keeps the user's place."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from panel_fixtures import fill, open_window

from workbench import codebook, coding
from workbench.journal import undo
from workbench.project import Project
from workbench.text.segment import segment_project


@pytest.fixture
def filled(project: Project) -> Project:
    return fill(project)


def _group_item(window, name: str):  # type: ignore[no-untyped-def]
    return next(item for item in window.code_panel._all_items() if item.text(0) == name)


def test_a_finished_import_keeps_the_open_document_the_search_and_the_code_tree(
        qtbot, filled: Project, tmp_path: Path) -> None:
    segment_project(filled)
    window = open_window(qtbot, filled)
    window.documents.selectRow(2)
    assert window.current_document_id() == 3
    window.search_panel.query.setText("facture")
    with qtbot.waitSignal(window.search_panel.searched, timeout=20000):
        assert window.search_panel.run()
    assert window.search_panel.results.rowCount() == 2
    _group_item(window, "Motifs").setExpanded(False)
    window.code_panel.select_code(codebook.find_code(filled, "Motifs/Compliment"))
    source = tmp_path / "appel.txt"
    source.write_text("Client : Bonjour, ma facture 🧾 est fausse.\r\nConseiller : Je regarde.\r\n", encoding="utf-8")
    with qtbot.waitSignal(window.start_import([source]).signals.finished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: window.job is None and window.model.rowCount() == 4)
    assert window.current_document_id() == 3 and window.documents.currentIndex().row() == 2
    assert window.search_panel.results.rowCount() == 2
    assert not _group_item(window, "Motifs").isExpanded()
    assert window.code_panel.current_code_id() == codebook.find_code(filled, "Motifs/Compliment")
    assert "4 documents" in window.status.text()


def test_a_coding_committed_by_another_thread_shows_in_the_open_document(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    assert window.current_document_id() == 1 and window.codings.count() == 0
    code = codebook.find_code(filled, "Motifs/Facturation")
    worker = filled.worker()
    thread = threading.Thread(target=lambda: coding.apply_code(worker, 1, code, 3, 10, coder="claire"))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.codings.count() == 1)
    assert "Facturation" in window.codings.item(0).text()
    assert _group_item(window, "Facturation").text(1) == "1"  # the tree's count too
    undo(filled)
    qtbot.waitUntil(lambda: window.codings.count() == 0)
    assert "Annuler" in window.undo_action.text() or not window.undo_action.isEnabled()


def test_the_window_backs_up_the_open_project(qtbot, filled: Project, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = open_window(qtbot, filled)
    target = tmp_path / "copie.vwb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.job is None and target.exists(), timeout=60000)
    assert "copie.vwb (3 documents" in window.statusBar().currentMessage()
    with Project.open(target) as copy:
        assert copy.scalar("SELECT count(*) FROM documents") == 3
    assert window.current_document_id() == 1  # the open project is untouched and still open
