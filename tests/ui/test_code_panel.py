"""The codebook panel driven as a user would: the tree, each edit and its undo, codebook files, the
retrieval pane and drops of text onto a code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from panel_fixtures import TEXTS, fill, open_window
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QFileDialog, QLineEdit, QMessageBox

from ui.views import retrieval_panel
from ui.views.code_tree import CODE_MIME, SPAN_MIME
from workbench import codebook, coding
from workbench.project import Project
from workbench.store.memos import add_memo


@pytest.fixture
def filled(project: Project) -> Project:
    fill(project)
    billing = codebook.find_code(project, "Motifs/Facturation")
    praise = codebook.find_code(project, "Motifs/Compliment")
    codebook.update_code(project, billing, description="Tout ce qui touche aux factures et aux prix.")
    start = TEXTS[0].index("Ma facture")
    first = coding.apply_code(project, 1, billing, start, start + len("Ma facture a doublé"), coder="claire")
    coding.apply_code(project, 3, billing, coder="bruno")
    coding.apply_code(project, 2, praise, coder="claire")
    add_memo(project, "coding", first, "Hausse de prix ressentie", coder="claire")
    return project


@pytest.fixture
def window(qtbot, filled: Project):  # type: ignore[no-untyped-def]
    shown = open_window(qtbot, filled)
    shown.show()
    qtbot.waitExposed(shown)
    shown.side_tabs.setCurrentWidget(shown.code_panel)
    return shown


def item_named(window, name: str):  # type: ignore[no-untyped-def]
    return next(item for item in window.code_panel.tree.all_items() if item.text(0) == name)


def names_under(window, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    parent = item_named(window, name)
    return [parent.child(i).text(0) for i in range(parent.childCount())]


def answer_dialog(fill_in: Callable[[object], None]) -> None:
    """Fill in and close the modal dialog the next action opens, as a user would."""
    QTimer.singleShot(0, lambda: fill_in(QApplication.activeModalWidget()))


def drop(tree, mime: QMimeData, item, where: str = "on") -> bool:  # type: ignore[no-untyped-def]
    """Drag `mime` over `item` (its middle, or its top or bottom edge) and drop it there; returns whether
    the tree accepted the drag while moving over it."""
    rect = tree.visualItemRect(item)
    y = {"on": rect.center().y(), "above": rect.top() + 1, "below": rect.bottom() - 1}[where]
    point = QPoint(rect.center().x(), y)  # drag-enter and drag-move events take an integer point
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(point, actions, mime, buttons, keys))
    move = QDragMoveEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(tree.viewport(), move)
    QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(point), actions, mime, buttons, keys))
    QApplication.processEvents()  # the drop's change runs once the drop event is over
    return move.isAccepted()


def code_mime(code_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(CODE_MIME, QByteArray(str(code_id).encode("ascii")))
    return mime


def span_mime(payload: object) -> QMimeData:
    mime = QMimeData()
    mime.setData(SPAN_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
    return mime


def test_tree_shows_colours_counts_group_totals_and_definitions(window, filled: Project) -> None:
    billing = item_named(window, "Facturation")
    group = item_named(window, "Motifs")
    assert billing.icon(0).pixmap(12, 12).toImage().pixelColor(6, 6) == QColor("#E69F00")
    assert (billing.text(1), item_named(window, "Compliment").text(1)) == ("2", "1")
    assert group.text(1) == "3" and group.font(1).bold()  # the group's total: its sub-codes' codings
    assert "3 codages avec les sous-codes, dont 0" in group.toolTip(1)
    assert billing.toolTip(0) == "Tout ce qui touche aux factures et aux prix."


def test_the_tree_keeps_open_groups_selection_and_scroll_across_edits(qtbot, window, filled: Project) -> None:
    others = codebook.create_code(filled, "Autres", codable=False)
    nested = codebook.create_code(filled, "Détails", others, codable=False)
    for i in range(60):
        codebook.create_code(filled, f"Motif {i:02d}", nested)
    qtbot.waitUntil(lambda: any(item.text(0) == "Motif 59" for item in window.code_panel.tree.all_items()))
    tree = window.code_panel.tree
    item_named(window, "Autres").setExpanded(True)
    item_named(window, "Détails").setExpanded(True)
    item_named(window, "Motifs").setExpanded(False)
    window.code_panel.select_code(others)  # a top-level code: bringing it back into view opens nothing
    tree.executeDelayedItemsLayout()
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum() // 2)
    scroll = tree.verticalScrollBar().value()
    assert scroll > 0 and tree.visualItemRect(item_named(window, "Autres")).bottom() < 0  # scrolled past it
    coding.apply_code(filled, 1, codebook.find_code(filled, "Autres/Détails/Motif 30"), coder="claire")
    window.refresh_changed()  # what the window does when it hears the change
    assert item_named(window, "Motif 30").text(1) == "1" and item_named(window, "Autres").text(1) == "1"
    assert item_named(window, "Détails").isExpanded() and not item_named(window, "Motifs").isExpanded()
    assert window.code_panel.current_code_id() == others
    assert tree.verticalScrollBar().value() == scroll


def test_add_a_sub_code_and_a_sibling_then_undo(qtbot, window, filled: Project) -> None:
    panel = window.code_panel
    panel.select_code(codebook.find_code(filled, "Motifs"))

    def named(name: str, definition: str = "") -> Callable[[object], None]:
        def fill_in(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.name.setText(name)
            dialog.definition.setPlainText(definition)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return fill_in

    answer_dialog(named("Remboursement", "Demande de remboursement"))
    panel.add_child_action.trigger()
    created = codebook.find_code(filled, "Motifs/Remboursement")
    assert codebook.get_code(filled, created)["description"] == "Demande de remboursement"
    assert names_under(window, "Motifs") == ["Facturation", "Compliment", "Remboursement"]
    assert panel.current_code_id() == created
    assert window.undo_action.text() == "&Annuler : Créé le code Remboursement"
    answer_dialog(named("Délai"))
    panel.add_sibling_action.trigger()  # beside the current code: under Motifs too
    assert names_under(window, "Motifs")[-1] == "Délai"
    colours = {codebook.get_code(filled, code)["color"] for code in codebook.descendants(
        filled, codebook.find_code(filled, "Motifs"))}
    assert len(colours) == 4  # the palette gave the two new codes colours of their own
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert names_under(window, "Motifs") == ["Facturation", "Compliment"]
    assert "Remboursement" not in [row[0] for row in filled.rows("SELECT name FROM codes")]


def test_rename_with_f2_in_place_refusal_and_undo(qtbot, window, filled: Project, monkeypatch) -> None:
    tree = window.code_panel.tree
    billing = codebook.find_code(filled, "Motifs/Facturation")
    window.code_panel.select_code(billing)
    tree.setFocus()
    qtbot.keyClick(tree.viewport(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Facturation"
    editor.setText("Factures 🧾")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: codebook.get_code(filled, billing)["name"] == "Factures 🧾")
    assert item_named(window, "Factures 🧾").data(0, Qt.ItemDataRole.UserRole) == billing
    assert window.undo_action.text() == "&Annuler : Modifié le code Facturation"
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.code_panel.rename_current()  # the context menu's Rename opens the same editor
    editor = QApplication.focusWidget()
    editor.setText("compliment")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings[0].startswith("Un code « ") and warnings[0].endswith(" existe déjà sous « Motifs » : choisissez un autre nom.")
    assert codebook.get_code(filled, billing)["name"] == "Factures 🧾"
    qtbot.waitUntil(lambda: item_named(window, "Factures 🧾") is not None)  # the typed name was put back
    window.undo_action.trigger()
    assert codebook.get_code(filled, billing)["name"] == "Facturation"
    assert item_named(window, "Facturation").data(0, Qt.ItemDataRole.UserRole) == billing


def test_recolour_then_undo(window, filled: Project, monkeypatch) -> None:
    billing = codebook.find_code(filled, "Motifs/Facturation")
    window.code_panel.select_code(billing)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args, **kwargs: QColor("#123456"))
    window.code_panel.recolour_action.trigger()
    assert codebook.get_code(filled, billing)["color"] == "#123456"
    assert item_named(window, "Facturation").icon(0).pixmap(12, 12).toImage().pixelColor(6, 6) == QColor("#123456")
    assert window.undo_action.text() == "&Annuler : Modifié le code Facturation"
    window.undo_action.trigger()
    assert codebook.get_code(filled, billing)["color"] == "#E69F00"


def test_drag_a_code_onto_another_and_between_two_then_undo(window, filled: Project) -> None:
    tree = window.code_panel.tree
    praise = codebook.find_code(filled, "Motifs/Compliment")
    billing = codebook.find_code(filled, "Motifs/Facturation")
    assert not drop(tree, code_mime(billing), item_named(window, "Facturation"))  # not onto itself
    assert drop(tree, code_mime(praise), item_named(window, "Facturation"), "above")
    assert names_under(window, "Motifs") == ["Compliment", "Facturation"]
    assert window.undo_action.text() == "&Annuler : Déplacé le code Compliment"
    assert drop(tree, code_mime(praise), item_named(window, "Facturation"), "on")
    assert codebook.code_path(filled, praise) == "Motifs/Facturation/Compliment"
    assert item_named(window, "Facturation").isExpanded() and names_under(window, "Facturation") == ["Compliment"]
    assert not drop(tree, code_mime(billing), item_named(window, "Compliment"))  # not inside its own sub-code
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert names_under(window, "Motifs") == ["Facturation", "Compliment"]


def test_merge_into_a_chosen_code_then_undo(window, filled: Project) -> None:
    praise = codebook.find_code(filled, "Motifs/Compliment")
    billing = codebook.find_code(filled, "Motifs/Facturation")
    window.code_panel.select_code(praise)
    shown: list[str] = []

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        shown.append(dialog.windowTitle())
        choices = [dialog.targets.item(i).text() for i in range(dialog.targets.count())]
        assert "Motifs/Compliment" not in choices
        dialog.filter.setText("factur")
        visible = [dialog.targets.item(i) for i in range(dialog.targets.count()) if not dialog.targets.item(i).isHidden()]
        assert [item.text() for item in visible] == ["Motifs/Facturation"]
        dialog.targets.setCurrentItem(visible[0])
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    answer_dialog(choose)
    assert window.code_panel.merge_current()
    assert shown == ["Fusionner un code"]
    assert filled.scalar("SELECT count(*) FROM codes WHERE id = ?", [praise]) == 0
    assert item_named(window, "Facturation").text(1) == "3"
    assert window.code_panel.current_code_id() == billing
    assert window.undo_action.text() == "&Annuler : Fusionné Compliment dans Facturation"
    window.undo_action.trigger()
    assert filled.scalar("SELECT count(*) FROM codings WHERE code_id = ?", [praise]) == 1
    assert names_under(window, "Motifs") == ["Facturation", "Compliment"]


def test_delete_says_what_goes_and_undo_brings_it_all_back(window, filled: Project, monkeypatch) -> None:
    asked: list[str] = []

    def confirm(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    window.code_panel.select_code(codebook.find_code(filled, "Motifs"))
    window.code_panel.delete_action.trigger()
    assert "« Motifs »" in asked[0]
    assert "3 codage(s), 2 sous-code(s), 1 mémo(s)" in asked[0]
    assert "Édition > Annuler" in asked[0]
    assert filled.scalar("SELECT count(*) FROM codes") == 0 and filled.scalar("SELECT count(*) FROM memos") == 0
    assert window.code_panel.tree.topLevelItemCount() == 0
    assert window.undo_action.text() == "&Annuler : Supprimé le code Motifs"
    assert window.code_panel.retrieval.passages.count() == 0
    window.undo_action.trigger()
    assert filled.scalar("SELECT count(*) FROM codings") == 3 and filled.scalar("SELECT count(*) FROM memos") == 1
    assert names_under(window, "Motifs") == ["Facturation", "Compliment"]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    window.code_panel.select_code(codebook.find_code(filled, "Motifs/Compliment"))
    window.code_panel.delete_action.trigger()
    assert filled.scalar("SELECT count(*) FROM codes") == 3


def test_load_a_shipped_scheme_and_files_export_both_formats_and_undo(
        qtbot, window, filled: Project, tmp_path: Path, monkeypatch) -> None:
    panel = window.code_panel
    panel.files_menu.schemes.aboutToShow.emit()
    qtbot.waitUntil(lambda: panel.files_menu.schemes.findChild(type(panel.rename_action), "scheme-experience") is not None,
                    timeout=20000)
    panel.files_menu.schemes.findChild(type(panel.rename_action), "scheme-experience").trigger()
    assert window.job is not None  # off the GUI thread
    panel.files_menu.load_codebook("emotions")  # one job at a time
    assert window.statusBar().currentMessage() == "Une tâche est déjà en cours : attendez sa fin."
    qtbot.waitUntil(lambda: window.job is None, timeout=60000)
    assert codebook.scheme_root(filled, "emotions") is None
    root = codebook.scheme_root(filled, "experience")
    assert root is not None and item_named(window, codebook.get_code(filled, root)["name"]) is not None
    assert window.undo_action.text() == "&Annuler : Chargé un livre de codes"
    n_codes = filled.scalar("SELECT count(*) FROM codes")

    panel.select_code(codebook.find_code(filled, "Motifs/Facturation"))
    yaml_path, qdc_path = tmp_path / "motifs.yaml", tmp_path / "tout"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(yaml_path), ""))
    panel.files_menu.export_yaml_action.trigger()
    qtbot.waitUntil(lambda: window.job is None, timeout=60000)
    assert "Facturation" in yaml_path.read_text(encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(qdc_path), ""))
    panel.files_menu.export_qdc_action.trigger()
    qtbot.waitUntil(lambda: window.job is None, timeout=60000)
    assert (tmp_path / "tout.qdc").read_text(encoding="utf-8").count("<Code ") == n_codes

    window.undo_action.trigger()
    assert codebook.scheme_root(filled, "experience") is None
    codebook.delete_code(filled, codebook.find_code(filled, "Motifs"), recursive=True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "tout.qdc"), ""))
    panel.files_menu.load_file_action.trigger()
    qtbot.waitUntil(lambda: window.job is None, timeout=60000)
    assert filled.scalar("SELECT count(*) FROM codes") == n_codes
    assert "Facturation" in names_under(window, "Motifs")

    broken = tmp_path / "cassé.yaml"
    broken.write_text("format: 1\nkey: [\n", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    panel.files_menu.load_file_action.trigger()
    qtbot.waitUntil(lambda: window.job is None, timeout=60000)
    assert "cassé.yaml" in warnings[0] and "Traceback" not in warnings[0]
    assert filled.scalar("SELECT count(*) FROM codes") == n_codes


def test_retrieval_lists_passages_and_opens_the_document_on_one(qtbot, window, filled: Project, monkeypatch) -> None:
    panel = window.code_panel
    panel.select_code(codebook.find_code(filled, "Motifs/Facturation"))
    passages = panel.retrieval.passages
    assert passages.count() == 2 and panel.retrieval.summary.text() == "2 passages"
    first = passages.item(0).text()
    assert first == "Réponse 1 · claire\n« Ma facture a doublé » sans prévenir, je veux être remboursée."
    assert passages.item(1).text().startswith("Réponse 3 · bruno")
    assert window.current_document_id() == 1
    passages.scrollToItem(passages.item(1))
    qtbot.mouseClick(passages.viewport(), Qt.MouseButton.LeftButton,
                     pos=passages.visualItemRect(passages.item(1)).center())
    assert window.current_document_id() == 3 and window.viewer.selected_span() == (0, len(TEXTS[2]))
    qtbot.mouseClick(passages.viewport(), Qt.MouseButton.LeftButton,
                     pos=passages.visualItemRect(passages.item(0)).center())
    start = TEXTS[0].index("Ma facture")
    assert window.current_document_id() == 1
    assert window.viewer.selected_span() == (start, start + len("Ma facture a doublé"))

    panel.select_code(codebook.find_code(filled, "Motifs"))  # a group: its sub-codes' passages
    assert passages.count() == 3 and panel.retrieval.with_subcodes.isChecked()
    monkeypatch.setattr(retrieval_panel, "PAGE", 2)
    panel.retrieval.reload()
    assert passages.count() == 2 and panel.retrieval.summary.text() == "2 passages affichés sur 3"
    assert panel.retrieval.more.isVisible() and panel.retrieval.more.text() == "Afficher 1 de plus"
    panel.retrieval.more.click()
    assert passages.count() == 3 and not panel.retrieval.more.isVisible()
    panel.select_code(codebook.find_code(filled, "Motifs/Compliment"))  # back to a code: the user's choice again
    assert not panel.retrieval.with_subcodes.isChecked() and passages.count() == 1


def test_a_span_dropped_on_a_code_codes_it_even_after_an_emoji(window, filled: Project) -> None:
    tree = window.code_panel.tree
    text = TEXTS[1]
    start = text.index("problème réglé 😀")
    end = start + len("problème réglé 😀")
    assert drop(tree, span_mime({"document_id": 2, "start": start, "end": end}), item_named(window, "Compliment"))
    stored = filled.rows("SELECT document_id, start_pos, end_pos FROM codings ORDER BY id DESC LIMIT 1")
    assert stored == [(2, start, end)] and text[start:end] == "problème réglé 😀"
    assert item_named(window, "Compliment").text(1) == "2"
    assert "Compliment" in window.undo_action.text()
    assert not drop(tree, span_mime({"document_id": 2, "start": 0, "end": 5}), item_named(window, "Motifs"))
    assert not drop(tree, span_mime({"document_id": 2}), item_named(window, "Compliment"))
    assert filled.scalar("SELECT count(*) FROM codings") == 4
    window.undo_action.trigger()
    assert filled.scalar("SELECT count(*) FROM codings") == 3


def test_double_click_on_a_code_still_codes_the_selection(qtbot, window, filled: Project) -> None:
    tree = window.code_panel.tree
    window.viewer.select_span(0, 2)
    item = item_named(window, "Compliment")
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: filled.scalar("SELECT count(*) FROM codings") == 4)
    assert filled.rows("SELECT document_id, start_pos, end_pos FROM codings ORDER BY id DESC LIMIT 1") == [(1, 0, 2)]
    assert codebook.get_code(filled, codebook.find_code(filled, "Motifs/Compliment"))["name"] == "Compliment"


def test_the_new_code_dialog_says_which_shipped_definition_a_name_borrows(qtbot) -> None:
    from ui.views.codebook_dialogs import NewCodeDialog

    dialog = NewCodeDialog("Au premier niveau du livre de codes", "fr")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.library_ready, timeout=10000)
    dialog.name.setText("Résiliation")
    assert not dialog.borrowed.isHidden()
    assert dialog.borrowed.text().startswith(
        "Ce nom désigne le code « Résiliation » du schéma livré « Motifs de contact ». Tant que ce code n'a ni "
        "définition, ni indicateurs, ni exemples, les suggestions liront les siens : « Demande de résiliation")
    dialog.name.setText("Problème de livraison 📦")  # a near name borrows too
    assert "« Livraison »" in dialog.borrowed.text()
    dialog.name.setText("Client captif")  # another name analysts give a shipped code
    assert "« Asservissement »" in dialog.borrowed.text()
    dialog.name.setText("Amitié")  # the shipped friendships tie: nothing is borrowed
    assert dialog.borrowed.isHidden()
    dialog.name.setText("Résiliation")
    dialog.definition.setPlainText("Départ annoncé du client.")  # a definition of its own: nothing borrowed
    assert dialog.borrowed.isHidden()
    assert dialog.values() == ("Résiliation", "Départ annoncé du client.")


def test_the_new_code_dialog_reads_a_name_within_its_siblings_scheme(qtbot) -> None:
    """Beside relationship forms, "Détracteur" is no NPS code of the experience scheme."""
    from ui.views.codebook_dialogs import NewCodeDialog

    alone = NewCodeDialog("Au premier niveau du livre de codes", "fr")
    beside = NewCodeDialog("Sous « Formes »", "fr", siblings=["Inimitié", "Ex-amis", "Client captif"])
    for dialog in (alone, beside):
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda dialog=dialog: dialog.library_ready, timeout=10000)
        dialog.name.setText("Détracteur")
    assert "« Détracteur » du schéma livré « Expérience client »" in alone.borrowed.text()
    assert beside.borrowed.isHidden()
    beside.name.setText("Relation de dépendance")
    assert "« Dépendance » du schéma livré « Formes de relation client–marque »" in beside.borrowed.text()
    under = NewCodeDialog("Sous « Motifs d'appel »", "fr", parent_name="Motifs d'appel")
    qtbot.addWidget(under)
    qtbot.waitUntil(lambda: under.library_ready, timeout=10000)
    under.name.setText("Menace de départ")
    assert "« Résiliation » du schéma livré « Motifs de contact »" in under.borrowed.text()
