"""Topic explorer: themes of the latest run, their units opening in the viewer, a theme renamed, merged or
proposed as a code (each undone from the window), the units' map and the themes' sizes drawn."""

from __future__ import annotations

import pytest
from matplotlib.image import imread
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
    qtbot.waitUntil(lambda: "2 suggestion(s)" in panel.summary.text(), timeout=30000)
    qtbot.waitUntil(lambda: window.review_panel.table.rowCount() == 2)  # the queue heard the change
    code_id = codebook.find_code(with_topics, "Motifs/Facturation")
    assert sorted(with_topics.rows("SELECT document_id FROM suggestions WHERE code_id = ?", [code_id])) == [(1,), (3,)]
    undo(with_topics)
    assert with_topics.scalar("SELECT count(*) FROM suggestions") == 0


def _undo_in_window(qtbot, window) -> None:
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive(), timeout=5000)


def test_a_topic_renamed_then_undone_from_the_window(qtbot, with_topics: Project) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    panel.table.setCurrentCell(1, 0)
    assert panel.name_edit.text() == "conseiller aimable"
    panel.name_edit.setText("  Amabilité   du conseiller ")
    panel.rename_button.click()
    assert panel.table.item(1, 0).text() == "Amabilité du conseiller"
    assert panel.current_topic() == 1  # still chosen after the reload
    assert "Ctrl+Z" in panel.summary.text()
    _undo_in_window(qtbot, window)
    qtbot.waitUntil(lambda: panel.table.item(1, 0).text() == "conseiller aimable", timeout=5000)
    assert with_topics.scalar("SELECT label FROM topics WHERE run_id = 1 AND topic = 1") == "conseiller aimable"


def test_an_empty_name_is_refused_and_changes_nothing(qtbot, with_topics: Project) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    panel.table.setCurrentCell(0, 0)
    panel.name_edit.setText("   ")
    panel.rename_button.click()
    assert panel.summary.text() == "⚠ Donnez un nom au thème."
    assert with_topics.scalar("SELECT count(*) FROM topic_edits") == 0


def test_two_topics_merged_list_all_their_units_then_undone(qtbot, with_topics: Project) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    panel.table.setCurrentCell(1, 0)  # conseiller aimable, 1 unit
    assert panel.merge_choice.currentText() == "factures retard"  # never itself
    panel.merge_button.click()
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in range(3)] == ["factures retard", "3", "facture, retard, conseiller"]
    assert panel.current_topic() == 0 and panel.members.count() == 3
    assert panel.members.item(0).text().startswith("0.90 · ")
    assert "fusionné dans « factures retard »" in panel.summary.text()
    _undo_in_window(qtbot, window)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)


def test_a_merged_topic_proposed_as_a_code_files_every_unit_in_one_undo(qtbot, with_topics: Project) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    panel.table.setCurrentCell(1, 0)
    panel.merge_into(0)
    panel.code_choice.setCurrentIndex(panel.code_choice.findText("Motifs/Compliment"))
    panel.map_button.click()
    qtbot.waitUntil(lambda: "3 suggestion(s)" in panel.summary.text(), timeout=30000)
    code_id = codebook.find_code(with_topics, "Motifs/Compliment")
    assert sorted(with_topics.rows("SELECT document_id FROM suggestions WHERE code_id = ?", [code_id])) == [
        (1,), (2,), (3,)]
    undo(with_topics)
    assert with_topics.scalar("SELECT count(*) FROM suggestions") == 0
    assert with_topics.scalar("SELECT count(*) FROM topic_edits") == 1  # the merge stays


def test_the_units_map_and_the_sizes_are_drawn(qtbot, with_topics: Project, tmp_path) -> None:
    window = open_window(qtbot, with_topics)
    panel = window.topic_panel
    panel.pages.setCurrentIndex(1)
    assert panel.draw_map() is not None
    qtbot.waitUntil(lambda: panel.map_job is None, timeout=60000)
    assert not panel.map_picture.pixmap().isNull() and panel.map_picture.pixmap().width() >= 240
    assert "ACP" in panel.map_message.text() and "3 unité(s)" in panel.map_message.text()
    panel.map_picture.pixmap().save(str(tmp_path / "map.png"))
    pixels = imread(tmp_path / "map.png")
    assert pixels[..., :3].std() > 0.01
    panel.sizes_choice.setCurrentIndex(panel.sizes_choice.findData("nps"))
    assert panel.draw_sizes() is not None
    qtbot.waitUntil(lambda: panel.sizes_job is None, timeout=60000)
    assert not panel.sizes_picture.pixmap().isNull() and panel.sizes_message.text() == ""


def test_the_map_colours_each_topic_apart(with_topics: Project) -> None:
    from workbench import charts
    from workbench.suggest.topic_map import unit_map

    points = unit_map(with_topics, 1)
    assert points.method == "pca" and sorted(points.topics.tolist()) == [0, 0, 1]
    assert abs(points.x[points.units.index(("document", 2))]) > abs(points.x[points.units.index(("document", 1))])
    figure = charts.topic_map_chart(points.x, points.y, points.topics, {0: "factures", 1: "conseiller"}, lang="en")
    colours = {tuple(collection.get_facecolor()[0]) for collection in figure.axes[0].collections}
    assert len(colours) == 2
    assert figure.axes[0].get_title().startswith("Units by topic")
