"""Topic explorer: themes of the latest run, their units opening in the viewer, a theme proposed as a code."""

from __future__ import annotations

import pytest
from panel_fixtures import TEXTS, fill, open_window

from workbench import codebook
from workbench.journal import undo
from workbench.project import Project


@pytest.fixture
def with_topics(project: Project) -> Project:
    """A stored topic run: documents 1 and 3 (invoices) in topic 0, document 2 in topic 1."""
    filled = fill(project)
    filled.execute("INSERT INTO runs (id, kind, model) VALUES (1, 'topics', 'test-model')")
    filled.execute("INSERT INTO topics VALUES (1, 0, 'factures retard', ['facture', 'retard'], 2, [3]), "
                   "(1, 1, 'conseiller aimable', ['conseiller'], 1, [2])")
    filled.execute("INSERT INTO unit_topics VALUES (1, 'document', 1, 0, 0.7), (1, 'document', 3, 0, 0.9), "
                   "(1, 'document', 2, 1, 0.8)")
    filled.execute("INSERT INTO embeddings VALUES ('document', 1, 'test-model', [1, 0]), "
                   "('document', 3, 'test-model', [0.9, 0.1]), ('document', 2, 'test-model', [0, 1])")
    return filled


def test_without_a_run_the_panel_says_how_to_get_topics(qtbot, project: Project) -> None:
    window = open_window(qtbot, fill(project))
    assert "Trouver des thèmes" in window.topic_panel.summary.text()
    assert window.topic_panel.table.rowCount() == 0
    assert not window.topic_panel.map_button.isEnabled()


def test_topics_list_their_units_which_open_in_the_viewer(qtbot, with_topics: Project) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    assert panel.table.rowCount() == 2
    assert [panel.table.item(row, 0).text() for row in range(2)] == ["factures retard", "conseiller aimable"]
    assert panel.table.item(0, 2).text() == "facture, retard"
    panel.table.setCurrentCell(0, 0)
    assert panel.members.count() == 2
    assert panel.members.item(0).text().startswith("0.90 · Les factures")  # most typical first
    panel.members.itemClicked.emit(panel.members.item(0))
    assert window.viewer.view.id == 3
    start, end = window.viewer.selected_span()
    assert (start, end) == (0, len(TEXTS[2]))


def test_a_topic_proposed_as_a_code_fills_the_review_queue_undoably(qtbot, with_topics: Project) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    panel.table.setCurrentCell(0, 0)
    panel.code_choice.setCurrentIndex(panel.code_choice.findText("Motifs/Facturation"))
    assert panel.map_button.isEnabled()
    panel.map_button.click()
    assert "2 suggestion(s)" in panel.summary.text()
    qtbot.waitUntil(lambda: window.review_panel.table.rowCount() == 2)  # the queue heard the change
    code_id = codebook.find_code(with_topics, "Motifs/Facturation")
    assert sorted(with_topics.rows("SELECT document_id FROM suggestions WHERE code_id = ?", [code_id])) == [(1,), (3,)]
    undo(with_topics)
    assert with_topics.scalar("SELECT count(*) FROM suggestions") == 0
