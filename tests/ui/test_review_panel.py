"""The review queue driven as a reviewer drives it: keys A, R, L, S and the arrows, the passage always open
in the coding view, bulk accept after a preview count, filters, undo and redo refreshing the queue, and
pending suggestions outlined in the coding view, accepted there by right-click."""

from __future__ import annotations

import itertools
import json

import pytest
from builders import add_document
from panel_fixtures import TEXTS, fill
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.views.review_model import HTML_ROLE
from workbench import codebook
from workbench.project import Project

CALL = "Je veux résilier mon abonnement 😀 et la facture reste due."
FACTURATION = "#E69F00"


def _suggest(project: Project, document_id: int, passage: str, text: str, code: str, score: float,
             explanation: dict | None = None) -> int:
    start = text.index(passage)
    return project.scalar(
        "INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [document_id, start, start + len(passage), codebook.find_code(project, f"Motifs/{code}"), score,
         json.dumps(explanation or {"method": "zero-shot", "words": ["facture"]})])


@pytest.fixture
def queue(project: Project) -> dict:
    fill(project)
    call = add_document(project, CALL, "Appel 4", "call", variables={"nps": 5})
    ids = {
        "doubled": _suggest(project, 1, "Ma facture a doublé", TEXTS[0], "Facturation", 0.95),
        "late": _suggest(project, 3, "arrivent en retard", TEXTS[2], "Facturation", 0.85),
        "thanks": _suggest(project, 2, "très aimable", TEXTS[1], "Compliment", 0.70,
                           {"method": "few-shot", "coded_examples": 4, "words": ["aimable"],
                            "sentence": "Le conseiller était très\naimable.",
                            "nearest_examples": [{"text": "Conseillère très aimable, merci."}]}),
        "call": _suggest(project, call, "la facture reste due", CALL, "Facturation", 0.60),
    }
    return {"project": project, "ids": ids, "call": call}


def _window(qtbot, project: Project):
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.review_panel)
    window.review_panel.table.setFocus()
    return window


def _shown(window) -> tuple[int, str]:
    """The document open in the coding view and the text selected in it."""
    start, end = window.viewer.selected_span()
    return window.viewer.view.id, window.viewer.view.text[start:end]


def _queue(panel) -> list[str]:
    return [panel.model.row_data(row)["text"] for row in range(panel.table.rowCount())]


def _decided(project: Project) -> list[tuple[str, str]]:
    return project.rows("SELECT s.status, k.name FROM suggestions s JOIN coders k ON k.id = s.reviewed_by "
                        "ORDER BY s.reviewed_at")


def test_the_queue_shows_score_code_colour_context_and_a_plain_explanation(qtbot, queue) -> None:
    window = _window(qtbot, queue["project"])
    panel = window.review_panel
    assert _queue(panel) == ["Ma facture a doublé", "arrivent en retard", "très aimable", "la facture reste due"]
    assert panel.count.text() == "4 suggestions en attente"
    model = panel.model
    assert [model.index(row, 0).data() for row in range(4)] == ["0,95", "0,85", "0,70", "0,60"]
    swatch = model.index(0, 1).data(Qt.ItemDataRole.DecorationRole).pixmap(12, 12).toImage()
    assert swatch.pixelColor(6, 6) == QColor(FACTURATION)
    assert model.index(1, 2).data(HTML_ROLE) == "Les factures <b>arrivent en retard</b> depuis trois mois."
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert "<b>très aimable</b>" in panel.passage.text() and "Réponse 2" in panel.passage.text()
    assert panel.explanation.text().splitlines() == [
        "Suggéré d'après des passages déjà codés avec ce code (4).",
        "Phrase la plus proche du code : « Le conseiller était très aimable. »",
        "Mots qui ont pesé : aimable",
        "Exemple proche : « Conseillère très aimable, merci. »",
    ]


def test_keyboard_review_accepts_rejects_skips_and_opens_every_passage(qtbot, queue) -> None:
    project = queue["project"]
    window = _window(qtbot, project)
    panel = window.review_panel
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert _shown(window) == (3, "arrivent en retard")
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert _shown(window) == (1, "Ma facture a doublé")
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert project.rows("SELECT document_id, origin, suggestion_id FROM codings") == [
        (1, "suggestion", queue["ids"]["doubled"])]
    assert _queue(panel)[0] == "arrivent en retard" and panel.count.text() == "3 suggestions en attente"
    assert _shown(window) == (3, "arrivent en retard")  # the next one is current, and open
    qtbot.keyClick(panel.table, Qt.Key.Key_S)
    assert _shown(window) == (2, "très aimable")
    qtbot.keyClick(panel.table, Qt.Key.Key_R)
    assert _decided(project) == [("accepted", "claire"), ("rejected", "claire")]
    assert _queue(panel) == ["arrivent en retard", "la facture reste due"]
    assert _shown(window) == (queue["call"], "la facture reste due")


def test_relabel_picks_the_right_code_in_a_small_picker(qtbot, queue) -> None:
    project = queue["project"]
    window = _window(qtbot, project)
    panel = window.review_panel
    qtbot.keyClick(panel.table, Qt.Key.Key_L)
    picker = panel.picker
    assert picker is not None and picker.isVisible()
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == ["Motifs/Compliment"]
    qtbot.keyClicks(picker.query, "compl")
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert project.rows("SELECT c.name, d.start_pos, d.end_pos FROM codings d JOIN codes c ON c.id = d.code_id") == [
        ("Compliment", 0, len("Ma facture a doublé"))]
    assert project.rows("SELECT status FROM suggestions WHERE id = ?", [queue["ids"]["doubled"]]) == [("relabelled",)]
    assert _queue(panel)[0] == "arrivent en retard"


def test_clicking_the_current_row_opens_its_passage_again(qtbot, queue) -> None:
    window = _window(qtbot, queue["project"])
    panel = window.review_panel
    table = panel.table

    def click(row: int) -> None:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(
            panel.model.index(row, 2)).center())

    click(1)
    assert _shown(window) == (3, "arrivent en retard")
    window.open_document(2)  # the reviewer looked elsewhere
    assert window.viewer.view.id == 2 and window.viewer.selected_span() is None
    click(1)  # the same row, already current
    assert table.currentIndex().row() == 1
    assert _shown(window) == (3, "arrivent en retard")


def test_bulk_accept_previews_the_count_and_one_undo_takes_it_back(qtbot, queue) -> None:
    project = queue["project"]
    window = _window(qtbot, project)
    panel = window.review_panel
    panel.threshold.setValue(0.8)
    box = panel.ask_bulk_accept()
    assert box is not None and box.text() == "Accepter 2 suggestions ≥ 0,80 ?"
    assert project.scalar("SELECT count(*) FROM codings") == 0  # asking changes nothing
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: panel.job is None, timeout=20000)
    assert sorted(project.rows("SELECT suggestion_id FROM codings")) == [(queue["ids"]["doubled"],),
                                                                         (queue["ids"]["late"],)]
    assert panel.message.text() == "2 suggestions acceptées. Ctrl+Z pour toutes les reprendre."
    assert _queue(panel) == ["très aimable", "la facture reste due"]
    assert project.scalar("SELECT count(*) FROM journal WHERE action = 'accept_suggestions'") == 1
    window.undo_action.trigger()
    assert project.scalar("SELECT count(*) FROM codings") == 0
    qtbot.waitUntil(lambda: panel.table.rowCount() == 4)


def test_bulk_accept_counts_only_what_the_filters_show_and_no_can_be_answered(qtbot, queue) -> None:
    project = queue["project"]
    window = _window(qtbot, project)
    panel = window.review_panel
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("call"))
    panel.threshold.setValue(0.5)
    box = panel.ask_bulk_accept()
    assert box.text() == "Accepter une suggestion ≥ 0,50 ?"
    box.button(QMessageBox.StandardButton.No).click()
    assert panel.job is None and project.scalar("SELECT count(*) FROM codings") == 0
    panel.threshold.setValue(0.9)
    assert panel.ask_bulk_accept() is None
    assert panel.message.text() == "Aucune suggestion en attente ne passe le seuil 0,90."


def test_undo_and_redo_refresh_the_queue(qtbot, queue) -> None:
    window = _window(qtbot, queue["project"])
    panel = window.review_panel
    qtbot.keyClick(panel.table, Qt.Key.Key_R)
    assert panel.table.rowCount() == 3
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 4)
    assert panel.count.text() == "4 suggestions en attente"
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3)
    assert _queue(panel)[0] == "arrivent en retard"


def test_filters_by_code_score_kind_and_variable(qtbot, queue) -> None:
    window = _window(qtbot, queue["project"])
    panel = window.review_panel
    panel.code_filter.setCurrentIndex(panel.code_filter.findText("Motifs/Compliment"))
    assert _queue(panel) == ["très aimable"] and panel.count.text() == "Une suggestion en attente"
    panel.code_filter.setCurrentIndex(0)
    panel.min_score.setValue(0.8)
    assert _queue(panel) == ["Ma facture a doublé", "arrivent en retard"]
    panel.min_score.setValue(0)
    assert [panel.kind_filter.itemText(i) for i in range(panel.kind_filter.count())] == [
        "Tous les types", "Appel", "Enquête"]
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("call"))
    assert _queue(panel) == ["la facture reste due"]
    panel.kind_filter.setCurrentIndex(0)
    assert not panel.value_filter.isEnabled()
    panel.variable_filter.setCurrentIndex(panel.variable_filter.findData("nps"))
    assert panel.value_filter.isEnabled()
    panel.value_filter.setCurrentIndex(panel.value_filter.findData("5"))
    assert panel.value_filter.currentText() == "5 (2 documents)"
    assert _queue(panel) == ["arrivent en retard", "la facture reste due"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert _shown(window) == (queue["call"], "la facture reste due")


def test_a_large_queue_is_read_one_page_at_a_time(qtbot, queue) -> None:
    project = queue["project"]
    project.execute(
        "INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) "
        "SELECT 1, 0, 10, ?, 0.5 * random(), '{}' FROM range(1000)", [codebook.find_code(project, "Motifs/Compliment")])
    window = _window(qtbot, project)
    panel = window.review_panel
    assert panel.count.text() == "1004 suggestions en attente"
    assert panel.table.rowCount() == 200
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 400)
    scores = [panel.model.row_data(row)["score"] for row in range(400)]
    assert scores == sorted(scores, reverse=True)


def _outline_pixels(viewer, start: int, end: int, colour: str) -> list[int]:
    """x of the pixels in `colour` along the top edge of the passage's first line."""
    image = viewer.viewport().grab().toImage()
    piece = viewer._line_pieces(start, end)[0]
    rows = [[x for x in range(int(piece.left()) - 2, int(piece.right()) + 3)
             if image.pixelColor(x, y).name() == colour.lower()] for y in range(int(piece.top()) - 1, int(piece.top()) + 2)]
    return max(rows, key=len)


def test_pending_suggestions_are_dashed_in_the_coding_view_and_accepted_in_place(qtbot, queue) -> None:
    project = queue["project"]
    window = _window(qtbot, project)
    viewer = window.viewer
    window.open_document(1)
    [mark] = viewer.suggestions()
    assert (mark.id, mark.start, mark.end, mark.code) == (queue["ids"]["doubled"], 0, 19, "Facturation")
    drawn = _outline_pixels(viewer, mark.start, mark.end, FACTURATION)
    gaps = [b - a for a, b in itertools.pairwise(drawn) if b - a > 1]
    assert len(drawn) > 20 and gaps  # an outline in the code's colour, with gaps: dashed
    window.open_document(2)
    assert [m.code for m in viewer.suggestions()] == ["Compliment"]
    window.open_document(1)

    piece = viewer._line_pieces(3, 4)[0]
    where = piece.center().toPoint()
    QApplication.sendEvent(viewer.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                     viewer.viewport().mapToGlobal(where)))
    menu = window.suggestion_marks.menu
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    assert "Accepter « Facturation »" in texts and "Rejeter « Facturation »" in texts
    next(action for action in menu.actions() if action.text() == "Accepter « Facturation »").trigger()
    assert project.rows("SELECT s.status, k.name FROM suggestions s JOIN coders k ON k.id = s.reviewed_by") == [
        ("accepted", "claire")]
    assert viewer.suggestions() == [] and [c.code_name for c in viewer.view.codings] == ["Facturation"]
    qtbot.waitUntil(lambda: window.review_panel.table.rowCount() == 3)
    window.undo_action.trigger()
    assert [m.id for m in viewer.suggestions()] == [queue["ids"]["doubled"]]
    window.suggestion_marks.reject(queue["ids"]["doubled"])
    assert viewer.suggestions() == [] and _decided(project) == [("rejected", "claire")]


def test_right_click_off_a_suggestion_keeps_the_coding_menu(qtbot, queue) -> None:
    window = _window(qtbot, queue["project"])
    viewer = window.viewer
    window.open_document(1)
    piece = viewer._line_pieces(30, 31)[0]
    where = piece.center().toPoint()
    QApplication.sendEvent(viewer.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                     viewer.viewport().mapToGlobal(where)))
    assert window.suggestion_marks.menu is None and window.coding_controller.menu is not None


def test_a_code_filter_whose_code_is_deleted_falls_back_to_every_code(qtbot, queue) -> None:
    project = queue["project"]
    window = _window(qtbot, project)
    panel = window.review_panel
    panel.code_filter.setCurrentIndex(panel.code_filter.findText("Motifs/Compliment"))
    codebook.delete_code(project, codebook.find_code(project, "Motifs/Compliment"))
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3)
    assert panel.code_filter.currentIndex() == 0  # every code again


def test_a_suggestion_from_a_borrowed_description_says_where_it_comes_from(qtbot, queue) -> None:
    project = queue["project"]
    project.execute("DELETE FROM suggestions")
    _suggest(project, 1, "Ma facture a doublé", TEXTS[0], "Facturation", 0.9,
             {"method": "zero-shot", "basis": "description", "words": ["facture"],
              "description_from": {"scheme": "Motifs de contact", "code": "Facturation"}})
    panel = _window(qtbot, project).review_panel
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.explanation.text().splitlines() == [
        ("Suggéré d'après la définition de « Facturation » du schéma livré « Motifs de contact » : ce code n'a "
        "pas encore de définition."),
        "Mots qui ont pesé : facture",
    ]


def test_a_suggestion_from_a_self_trained_blend_says_so(qtbot, queue) -> None:
    project = queue["project"]
    project.execute("DELETE FROM suggestions")
    _suggest(project, 1, "Ma facture a doublé", TEXTS[0], "Facturation", 0.9,
             {"method": "few-shot", "basis": "examples", "coded_examples": 5, "self_trained": True})
    panel = _window(qtbot, project).review_panel
    assert panel.explanation.text().splitlines() == [
        "Suggéré d'après des passages déjà codés avec ce code (5).",
        "Le modèle a aussi appris des passages non codés dont il était le plus sûr.",
    ]
