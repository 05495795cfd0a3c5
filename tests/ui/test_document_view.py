"""The coding view driven as a coder would: every way of applying a code lands on the right characters
(after an emoji, a CRLF line break, accents), overlapping codings are all painted, a click on a highlight or
a stripe edits the coding, undo and redo say what they do, hovering shows the codings and their memos."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import add_document, add_source
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QFont, QHelpEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from ui.views.document_view import SPAN_MIME_TYPE
from workbench import codebook, coding
from workbench.ingest.folder import import_paths
from workbench.project import Project
from workbench.store import memos
from workbench.text.normalise import normalise_text

# Stored as the importer stores it: CRLF becomes LF, accents are NFC; the emoji stay two UTF-16 units each.
RAW = "Bonjour 😀👍🏽 !\r\nJ'ai reçu la facture de mars : elle a doublé.\r\nJe vais résilier, c'est décidé."
TEXT = normalise_text(RAW)
TARGET = "la facture de mars : elle a doublé"
START = TEXT.index(TARGET)
END = START + len(TARGET)
TRANSCRIPT = (
    "Conseiller : Bonjour, que puis-je faire pour vous ?\r\n"
    "Cliente : Ma facture 😀 a doublé, je veux résilier.\r\n"
    "Conseiller : Je regarde votre contrat.\r\n"
    "Cliente : Merci, c'est très aimable.\r\n"
)


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> None:
    """Favourites are kept in QSettings: each test gets its own empty settings file."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def filled(project: Project, tmp_path: Path) -> Project:
    source = add_source(project, "appels.txt", origin="/appels.txt", sha256="x")
    add_document(project, TEXT, "Appel 1", "call", source_id=source)
    add_document(project, "Deuxième appel, sans codage.", "Appel 2", "call", source_id=source, position=2)
    group = codebook.create_code(project, "Motifs", codable=False)
    codebook.create_code(project, "Facturation", group, color="#E69F00")
    codebook.create_code(project, "Résiliation", group, color="#0072B2")
    codebook.create_code(project, "Compliment", group, color="#009E73")
    return project


def _window(qtbot, project: Project):
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # keyboard shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.viewer.setFocus()
    return window


def _codings(project: Project) -> list[tuple[str, int, int, str]]:
    return [(name, start, end, TEXT[start:end]) for name, start, end in project.rows(
        "SELECT k.name, c.start_pos, c.end_pos FROM codings c JOIN codes k ON k.id = c.code_id ORDER BY c.id")]


def _find(menu: QMenu, text: str):
    for action in menu.actions():
        if text in action.text().replace("&", ""):
            return action
        if action.menu() is not None and (found := _find(action.menu(), text)) is not None:
            return found
    return None


def _action(menu: QMenu, text: str):
    """The menu's action whose text holds `text` (submenus searched too), ignoring '&' accelerators."""
    found = _find(menu, text)
    assert found is not None, f"no {text!r} in {[a.text() for a in menu.actions()]}"
    return found


def _point_of(viewer, offset: int) -> QPoint:
    """A viewport point over the middle of character `offset`."""
    left = viewer.cursorRect(viewer._cursor(offset, offset))
    right = viewer.cursorRect(viewer._cursor(offset + 1, offset + 1))
    return QPoint((left.x() + right.x()) // 2, left.center().y())


# -- applying a code ----------------------------------------------------------------------------------
def test_key_1_applies_the_first_favourite_after_an_emoji_and_a_crlf(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    qtbot.keyClick(window.viewer, Qt.Key.Key_1)
    assert _codings(filled) == [("Facturation", START, END, TARGET)]
    qtbot.keyClick(window.viewer, Qt.Key.Key_2)  # same selection, second favourite
    assert [row[0] for row in _codings(filled)] == ["Facturation", "Résiliation"]


def test_a_french_keyboard_digit_row_works_too(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    # the key of 2 on an AZERTY keyboard, without Shift
    QApplication.sendEvent(window.viewer, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Eacute,
                                                    Qt.KeyboardModifier.NoModifier, "é"))
    assert _codings(filled) == [("Résiliation", START, END, TARGET)]


def test_a_key_without_a_selection_codes_nothing_and_says_why(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    qtbot.keyClick(window.viewer, Qt.Key.Key_1)
    assert _codings(filled) == []
    assert "Sélectionnez" in window.document_pane.notice.text()


def test_right_click_menu_codes_the_selection_with_a_favourite(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    menu = window.coding_controller.open_context_menu(START + 2, window.viewer.mapToGlobal(QPoint(10, 10)))
    _action(menu, "3  Compliment").trigger()
    assert _codings(filled) == [("Compliment", START, END, TARGET)]


def test_right_click_menu_offers_recent_codes_and_pinned_favourites_persist(qtbot, filled: Project) -> None:
    from ui.views.favourites import Favourites

    window = _window(qtbot, filled)
    controller = window.coding_controller
    compliment = codebook.find_code(filled, "Motifs/Compliment")
    menu = controller.context_menu(0)
    _action(menu, "Épingler comme favori").menu()  # the submenu exists
    _action(_action(menu, "Épingler comme favori").menu(), "Compliment").trigger()
    assert Favourites(filled).codes()[0].id == compliment  # kept in QSettings, read back by a new reader
    window.viewer.select_span(START, END)
    qtbot.keyClick(window.viewer, Qt.Key.Key_1)
    assert _codings(filled) == [("Compliment", START, END, TARGET)]
    menu = controller.context_menu(START)
    recent = [a.text() for a in menu.actions()]
    assert "Récents" in recent and recent.index("Récents") < recent.index("Compliment")


def test_quick_code_box_finds_a_code_by_part_of_its_name_without_accents(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    qtbot.keyClick(window.viewer, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.coding_controller.quick_box
    assert box is not None and box.isVisible()
    qtbot.keyClicks(box.query, "resil")
    assert box.list.item(0).text().startswith("Motifs/Résiliation")
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert _codings(filled) == [("Résiliation", START, END, TARGET)]


def test_quick_code_box_takes_a_favourite_key(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    box = window.coding_controller.open_quick_code()
    qtbot.keyClicks(box.query, "3")
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert _codings(filled) == [("Compliment", START, END, TARGET)]


def test_code_the_whole_document_from_the_menu_shows_it_in_the_margin_not_over_the_text(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    menu = window.coding_controller.context_menu(3)
    _action(_action(menu, "Coder tout le document").menu(), "1  Facturation").trigger()
    assert _codings(filled) == [("Facturation", 0, len(TEXT), TEXT)]
    viewer = window.viewer
    assert viewer.highlights() == []  # no block over the words
    [stripe] = viewer.stripes.stripes()
    assert stripe.coding.code_name == "Facturation" and stripe.bottom - stripe.top > 40
    assert "Facturation" in window.document_pane.whole_codes.text()


def test_code_panel_double_click_and_drag_data_use_code_points(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    data = window.viewer.createMimeDataFromSelection()
    assert json.loads(bytes(data.data(SPAN_MIME_TYPE)).decode("utf-8")) == {"document_id": 1, "start": START, "end": END}
    assert data.text() == TARGET
    window.code_panel.select_code(codebook.find_code(filled, "Motifs/Facturation"))
    item = window.code_panel.tree.currentItem()
    window.code_panel.tree.itemDoubleClicked.emit(item, 0)
    qtbot.waitUntil(lambda: _codings(filled) != [])
    assert _codings(filled) == [("Facturation", START, END, TARGET)]


def test_transcript_turns_are_bold_and_the_turn_at_the_cursor_is_coded(qtbot, project: Project, tmp_path: Path) -> None:
    path = tmp_path / "appel.txt"
    path.write_bytes(TRANSCRIPT.encode("utf-8"))
    import_paths(project, [path])
    codebook.create_code(project, "Facturation", color="#E69F00")
    window = _window(qtbot, project)
    viewer = window.viewer
    stored = project.scalar("SELECT text FROM documents")
    assert viewer.toPlainText() == stored  # formatting adds no character
    label = stored.index("Cliente : Ma facture")
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(viewer._map.to_utf16(label) + 1)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold  # the speaker's name
    cursor.setPosition(viewer._map.to_utf16(label + len("Cliente : Ma")))
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold  # what was said
    viewer.setTextCursor(viewer._cursor(label + 3, label + 3))  # in the speaker's name: still this turn
    turn = window.coding_controller.context_menu(label + 3)
    _action(_action(turn, "Coder le tour de parole de Cliente").menu(), "1  Facturation").trigger()
    [(start, end)] = project.rows("SELECT start_pos, end_pos FROM codings")
    assert stored[start:end] == "Ma facture 😀 a doublé, je veux résilier."


def test_email_header_quote_and_signature_shown_apart(qtbot, project: Project, tmp_path: Path) -> None:
    path = tmp_path / "plainte.eml"
    path.write_bytes((
        "From: Marie Dupont <marie@exemple.fr>\r\nTo: service@operateur.fr\r\nSubject: Facture 😀 de mars\r\n"
        "Date: Tue, 3 Mar 2026 10:12:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Ma facture a doublé.\r\nCordialement,\r\nMarie\r\n06 12 34 56 78\r\n\r\n"
        "Le 2 mars 2026 à 09:00, Service Client a écrit :\r\n> Votre facture est disponible.\r\n"
    ).encode())
    import_paths(project, [path])
    window = _window(qtbot, project)
    pane = window.document_pane
    stored = project.scalar("SELECT text FROM documents")
    assert window.viewer.toPlainText() == stored
    assert "Votre facture est disponible" not in stored
    assert pane.header.isVisible() and "marie@exemple.fr" in pane.header.text() and "Objet" in pane.header.text()
    assert pane.parts.isVisible()
    parts = pane.parts.toPlainText()
    assert "Message cité (non codé)" in parts and "Votre facture est disponible" in parts


# -- overlaps, focus, hover -----------------------------------------------------------------------------
def _overlapping(project: Project) -> dict[str, int]:
    ids = {name: codebook.find_code(project, f"Motifs/{name}") for name in ("Facturation", "Résiliation", "Compliment")}
    made = {
        "facture": coding.apply_code(project, 1, ids["Facturation"], START, END, coder="claire"),
        "inner": coding.apply_code(project, 1, ids["Résiliation"], START + 3, START + 10, coder="claire"),
        "bob": coding.apply_code(project, 1, ids["Facturation"], START, END, coder="bob"),
        "whole": coding.apply_code(project, 1, ids["Compliment"], coder="claire"),
        "apart": coding.apply_code(project, 1, ids["Résiliation"], TEXT.index("résilier"), len(TEXT), coder="claire"),
        # on the line of the first three but not on their words: its bar still needs a lane of its own
        "before": coding.apply_code(project, 1, ids["Compliment"], TEXT.index("J'ai"), TEXT.index(" reçu"),
                                    coder="claire"),
    }
    memos.add_memo(project, "coding", made["inner"], "La cliente parle du montant.", coder="claire")
    return made


def test_overlapping_codings_are_all_painted_and_focus_hides_none(qtbot, filled: Project) -> None:
    made = _overlapping(filled)
    window = _window(qtbot, filled)
    viewer = window.viewer
    painted = {highlight.coding.id: highlight.lane for highlight in viewer.highlights()}
    assert set(painted) == {made["facture"], made["inner"], made["bob"], made["apart"], made["before"]}
    # the three codings over the same words each have a lane of their own
    assert len({painted[made["facture"]], painted[made["inner"]], painted[made["bob"]]}) == 3
    spans = {(h.coding.start, h.coding.end) for h in viewer.highlights()}
    assert (START, END) in spans and (START + 3, START + 10) in spans
    # and they are on screen: the inner coding's words have its blue underline and a tinted background
    image = viewer.viewport().grab().toImage()
    [piece] = viewer._line_pieces(START + 3, START + 10)
    lanes_y = [int(piece.bottom()) + 2 + lane * 3 for lane in range(3)]
    under = {image.pixelColor(int(piece.center().x()), y).name() for y in lanes_y}
    assert "#0072b2" in under
    blended = image.pixelColor(int(piece.center().x()), int(piece.top()) + 1)
    [outside] = viewer._line_pieces(START + 20, START + 24)  # under the two Facturation codings only
    orange = image.pixelColor(int(outside.center().x()), int(outside.top()) + 1)
    assert "#ffffff" not in (blended.name(), orange.name()) and blended != orange
    stripes = viewer.stripes.stripes()
    assert {stripe.coding.id for stripe in stripes} == set(made.values())
    overlapping = [s for s in stripes if s.coding.id in (made["facture"], made["inner"], made["bob"], made["whole"])]
    assert len({s.lane for s in overlapping}) == 4  # side by side in the margin
    for a in stripes:  # no bar hides another: bars of one lane never share a pixel row
        assert all(a.bottom < b.top or b.bottom < a.top for b in stripes if b.lane == a.lane and b is not a)
    assert viewer.stripes.width() >= viewer.stripes.preferred_width() > 0

    window.code_panel.select_code(codebook.find_code(filled, "Motifs/Résiliation"))  # focus a code
    focused = {h.coding.id: h for h in viewer.highlights()}
    assert set(focused) == set(painted)  # nothing hidden
    assert focused[made["inner"]].strong and not focused[made["facture"]].strong
    assert focused[made["inner"]].colour.alpha() > focused[made["facture"]].colour.alpha()


def test_hovering_coded_text_shows_codings_coders_origins_and_memos(qtbot, filled: Project) -> None:
    made = _overlapping(filled)
    window = _window(qtbot, filled)
    viewer = window.viewer
    point = _point_of(viewer, START + 5)
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewer.viewport().mapToGlobal(point))
    QApplication.sendEvent(viewer.viewport(), event)
    shown = QToolTip.text()
    for expected in ("Facturation", "Résiliation", "Compliment", "claire", "bob", "manuel", "document entier",
                     "La cliente parle du montant."):
        assert expected in shown
    assert viewer.tooltip_at(TEXT.index("Bonjour")).count("<b>") == 1  # only the whole-document coding there
    stripe = next(s for s in viewer.stripes.stripes() if s.coding.id == made["inner"])
    point = stripe.rect().center()
    QApplication.sendEvent(viewer.stripes, QHelpEvent(QEvent.Type.ToolTip, point, viewer.stripes.mapToGlobal(point)))
    assert "Résiliation" in QToolTip.text() and "La cliente parle du montant." in QToolTip.text()


# -- editing by clicking ---------------------------------------------------------------------------------
def test_clicking_a_highlight_opens_its_menu_and_removes_it(qtbot, filled: Project) -> None:
    made = _overlapping(filled)
    window = _window(qtbot, filled)
    viewer = window.viewer
    qtbot.mouseClick(viewer.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(viewer, TEXT.index("résilier") + 2))
    qtbot.waitUntil(lambda: window.coding_controller.menu is not None)
    menu = window.coding_controller.menu
    assert viewer.current_coding == made["apart"]
    _action(menu, "Retirer ce codage").trigger()
    assert filled.scalar("SELECT count(*) FROM codings WHERE id = ?", [made["apart"]]) == 0
    assert made["apart"] not in {h.coding.id for h in viewer.highlights()}


def test_clicking_a_stripe_recodes_and_resizes_to_the_selection(qtbot, filled: Project) -> None:
    made = _overlapping(filled)
    window = _window(qtbot, filled)
    viewer = window.viewer
    stripe = next(s for s in viewer.stripes.stripes() if s.coding.id == made["inner"])
    new = (START, START + len("la facture"))
    viewer.select_span(*new)
    qtbot.mouseClick(viewer.stripes, Qt.MouseButton.LeftButton, pos=stripe.rect().center())
    menu = window.coding_controller.menu
    assert menu is not None and viewer.current_coding == made["inner"]
    _action(menu, "Ajuster à la sélection").trigger()
    assert filled.rows("SELECT start_pos, end_pos FROM codings WHERE id = ?", [made["inner"]]) == [new]
    menu = window.coding_controller.open_coding_menu([made["inner"]], QPoint(0, 0))
    _action(_action(menu, "Recoder avec").menu(), "Compliment").trigger()
    assert filled.scalar("SELECT k.name FROM codings c JOIN codes k ON k.id = c.code_id WHERE c.id = ?",
                         [made["inner"]]) == "Compliment"
    assert "Recodé « la facture » de Résiliation en Compliment" in window.undo_action.text()


def test_a_memo_written_from_the_coding_menu_shows_on_hover(qtbot, filled: Project) -> None:
    made = _overlapping(filled)
    window = _window(qtbot, filled)
    menu = window.coding_controller.open_coding_menu([made["apart"]], QPoint(0, 0))
    _action(menu, "Ajouter un mémo").trigger()
    dialog = window.coding_controller.memo_dialog
    dialog.editor.setPlainText("Menace de départ explicite.")
    dialog.accept()
    assert [m["text"] for m in memos.list_memos(filled, "coding", made["apart"])] == ["Menace de départ explicite."]
    assert "Menace de départ explicite." in window.viewer.tooltip_at(TEXT.index("résilier"))
    menu = window.coding_controller.open_coding_menu([made["apart"]], QPoint(0, 0))
    _action(menu, "Modifier le mémo « Menace").trigger()
    window.coding_controller.memo_dialog.editor.setPlainText("Départ annoncé.")
    window.coding_controller.memo_dialog.accept()
    assert [m["text"] for m in memos.list_memos(filled, "coding", made["apart"])] == ["Départ annoncé."]


def test_a_refused_change_is_said_in_plain_words(qtbot, filled: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window = _window(qtbot, filled)
    window.viewer.select_span(START, END)
    qtbot.keyClick(window.viewer, Qt.Key.Key_1)
    qtbot.keyClick(window.viewer, Qt.Key.Key_1)  # the very same coding again
    assert len(_codings(filled)) == 1
    assert len(shown) == 1 and " a déjà codé ce passage avec « " in shown[0] and "[" not in shown[0]


# -- undo, redo, navigation -------------------------------------------------------------------------------
def test_undo_and_redo_by_every_key_with_readable_labels(qtbot, filled: Project) -> None:
    window = _window(qtbot, filled)
    viewer = window.viewer
    viewer.select_span(START, END)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert window.undo_action.text() == "&Annuler : Codé « la facture de mars : elle a doublé » comme Facturation"
    qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _codings(filled) == []
    assert window.redo_action.text() == "&Rétablir : Codé « la facture de mars : elle a doublé » comme Facturation"
    qtbot.keyClick(viewer, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(_codings(filled)) == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _codings(filled) == []
    qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _codings(filled) == [("Facturation", START, END, TARGET)]
    coding_id = filled.scalar("SELECT id FROM codings")
    window.coding_controller.remove(coding_id)
    assert window.undo_action.text().startswith("&Annuler : Retiré Facturation de « la facture de mars")
    assert not any(char.isdigit() for char in window.undo_action.text())  # no raw ids or offsets


def test_next_previous_and_next_uncoded_from_the_keyboard(qtbot, filled: Project) -> None:
    add_document(filled, "Troisième appel.", "Appel 3", "call", source_id=1, position=3)
    coding.apply_code(filled, 2, codebook.find_code(filled, "Motifs/Facturation"), coder="claire")
    window = _window(qtbot, filled)
    assert window.current_document_id() == 1
    qtbot.keyClick(window.viewer, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_document_id() == 2
    qtbot.keyClick(window.viewer, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_document_id() == 1
    qtbot.keyClick(window.viewer, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert window.current_document_id() == 3  # document 2 is coded
    qtbot.keyClick(window.viewer, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert window.current_document_id() == 1  # wraps round


def test_undo_labels_of_other_actions_name_no_identifier(qapp) -> None:
    from ui.views.undo_labels import entry_label

    assert entry_label({"action": "reject_suggestions", "summary": {"suggestions": [189, 258, 301]}}) == \
        "Rejeté 3 suggestions"
    assert entry_label({"action": "apply_code", "summary": {"code": "Motifs/Facturation", "whole": True}}) == \
        "Codé le document entier comme Facturation"
    assert entry_label({"action": "merge_codes", "summary": {"source": "Motifs/Prix", "target": "Motifs/Facturation"}}) \
        == "Fusionné Prix dans Facturation"
    assert entry_label({"action": "something_new", "summary": {"id": 12}}) == "Dernière action"
    # a summary may hold a count where another holds a list of ids
    assert entry_label({"action": "map_topic_to_code", "summary": {"suggestions": 4}}) == "Associé un thème à un code"


def test_the_margin_settles_whatever_the_width(qtbot, project: Project) -> None:
    """How many stripe lanes a text needs depends on where its lines wrap, which depends on the margin's
    width: resizing must settle, not chase itself (it recursed until the stack overflowed)."""
    import random

    from ui.views.document_view import DocumentViewer
    from workbench.browse import document_view

    text = "\n".join(f"Cliente : tour {i} 😀 ma facture a doublé et je veux résilier mon contrat {i}." for i in range(60))
    add_document(project, text, "Appel", "call")
    code = codebook.create_code(project, "Facturation", color="#E69F00")
    chance = random.Random(1)
    for _ in range(150):
        start = chance.randrange(0, len(text) - 120)
        coding.apply_code(project, 1, code, start, start + chance.randrange(5, 120), coder=chance.choice(["a", "b"]))
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.show_document(document_view(project, 1))
    for width in range(260, 900, 9):
        viewer.resize(width, 400)
        QApplication.processEvents()
        stripes = viewer.stripes
        assert stripes.width() >= stripes.preferred_width() or stripes.width() == viewer.viewportMargins().right()


def test_next_uncoded_looks_past_many_ids_and_wraps(project: Project) -> None:
    from workbench.browse import next_uncoded_document

    source = add_source(project, "a.csv", kind="csv", origin="/a.csv", sha256="y")
    ids = [1, 900, 5_000, 70_000, 1_500_000]
    for position, document_id in enumerate(ids, start=1):
        add_document(project, f"Réponse {document_id} 😀", None, "survey", source_id=source, position=position,
                     id=document_id)
    code = codebook.create_code(project, "Facturation")
    for document_id in (900, 5_000, 70_000):
        coding.apply_code(project, document_id, code, coder="claire")
    assert next_uncoded_document(project, 1) == 1_500_000  # past windows of 1,024 and 16,384 ids
    assert next_uncoded_document(project, 1_500_000) == 1  # wraps round
    assert next_uncoded_document(project, None) == 1
    coding.apply_code(project, 1, code, coder="claire")
    coding.apply_code(project, 1_500_000, code, coder="claire")
    assert next_uncoded_document(project, 900) is None


def test_switching_documents_never_places_the_old_codings_on_the_new_text(qtbot, project) -> None:
    """Laying out a new text asked the stripes for their width while they still held the previous
    document's codings, whose offsets may lie past the new text's end."""
    from builders import add_code, add_coder_row, add_document
    from PySide6.QtCore import qInstallMessageHandler

    from ui.views.main_window import MainWindow

    long_id = add_document(project, "Un long appel sur la facture et le remboursement. " * 200, "Long", "call")
    short_id = add_document(project, "Court.", "Court", "call")
    code = add_code(project, "Facturation", color="#E69F00")
    coder = add_coder_row(project, "claire")
    project.execute("INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                    "VALUES (uuid(), ?, ?, 0, 12, ?, 'manual')", [long_id, code, coder])
    warnings: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, message: warnings.append(message))
    try:
        window = MainWindow(project, coder="claire")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_document(long_id)
        qtbot.wait(20)
        window.open_document(short_id)
        qtbot.wait(20)
    finally:
        qInstallMessageHandler(previous)
    assert [message for message in warnings if "out of range" in message] == []
