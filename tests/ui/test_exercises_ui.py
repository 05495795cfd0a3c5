"""Exercises in the window, driven through the real widgets: a trainer creates an exercise from a small
project, a trainee's window opens it in trainee mode and hands in, the trainer collects the copy (a bad
file is refused with its reason), reads the scores, misses, false alarms and confused pairs, and exports
the Excel and HTML feedback."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from builders import add_document
from panel_fixtures import installed_language
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from ui.views.exercise_dialogs import CreateExerciseDialog
from ui.views.main_window import MainWindow
from workbench import codebook, coding
from workbench.project import Project
from workbench.text.normalise import normalise_text
from workbench.training.clock import CLOCK_KEY, clock
from workbench.training.exercise import exercise_of

# An emoji before a coded passage and a CRLF: offsets are code points into the normalised text.
TEXTS = [
    normalise_text("Ma facture a doublé sans prévenir,\r\nje veux être remboursée."),
    "😀 Merci au conseiller, très aimable, problème réglé.",
    "Les factures arrivent en retard depuis trois mois.",
]


def span(document: int, passage: str) -> tuple[int, int]:
    start = TEXTS[document - 1].index(passage)
    return start, start + len(passage)


@pytest.fixture
def reference(tmp_path: Path):
    """Three answers, two codes under a group, and the reference coder's answers: Facturation in 1 and 3,
    Compliment in 2."""
    with Project.create(tmp_path / "reference.vwb") as project:
        for number, text in enumerate(TEXTS, start=1):
            add_document(project, text, f"Réponse {number}", "survey")
        group = codebook.create_code(project, "Motifs", codable=False)
        billing = codebook.create_code(project, "Facturation", group, description="Le client parle de sa facture.",
                                       indicators=["facture", "prélèvement"])
        praise = codebook.create_code(project, "Compliment", group, description="Le client remercie ou félicite.")
        for document, code, passage in ((1, billing, "Ma facture a doublé"), (2, praise, "très aimable"),
                                        (3, billing, "Les factures arrivent en retard")):
            coding.apply_code(project, document, code, *span(document, passage), coder="réf", role="reference")
        yield project


def wait_job(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.job is None, timeout=30000)


def collect(qtbot, window: MainWindow, paths: list[Path]) -> list[tuple[str, str]]:
    """Collect through the window's job and read the list it then shows (a slot of its own, which can run
    a moment after the job is over)."""
    window.exercises.results_dialog = None
    window.exercises.collect(paths)
    qtbot.waitUntil(lambda: window.exercises.results_dialog is not None, timeout=30000)
    return window.exercises.results_dialog.results()


def create_through_dialog(qtbot, window: MainWindow, out: Path) -> CreateExerciseDialog:
    dialog = window.exercises.create_dialog()
    qtbot.addWidget(dialog)
    dialog.instructions.setPlainText("Repérez les motifs de chaque réponse.")
    dialog.time_limit.setValue(20)
    dialog.out.setText(str(out))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def trainee_window(qtbot, monkeypatch, path: Path, name: str) -> MainWindow:
    asked: list[str] = []

    def get_text(_parent, _title, label, *args, **kwargs):
        asked.append(label)
        return name, True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window = MainWindow(None, coder="poste-12")
    qtbot.addWidget(window)
    assert window.workspace.open_path(path)
    assert len(asked) == 1 and "nom" in asked[0]
    return window


def tom_on_a_new_exercise(qtbot, monkeypatch, reference: Project, tmp_path: Path) -> MainWindow:
    """The trainer writes ex.vwb (20 minutes) through the dialog; Tom's window opens it in trainee mode."""
    trainer = MainWindow(reference, coder="claire")
    qtbot.addWidget(trainer)
    create_through_dialog(qtbot, trainer, tmp_path / "ex.vwb")
    wait_job(qtbot, trainer)
    return trainee_window(qtbot, monkeypatch, tmp_path / "ex.vwb", "Tom")


@pytest.fixture
def french(qtbot) -> Iterator[None]:
    """The French file the program installs: it gives the counts their singular ("1 mémo")."""
    yield from installed_language("fr")


def test_exercise_from_creation_to_feedback(qtbot, monkeypatch, reference: Project, tmp_path: Path, french) -> None:
    trainer = MainWindow(reference, coder="claire")
    qtbot.addWidget(trainer)
    menu_titles = [action.text() for action in trainer.menuBar().actions()]
    assert "F&ormation" in menu_titles
    assert trainer.exercises.create_action.isVisible() and not trainer.exercises.trainee.hand_in_action.isVisible()

    exercise_path = tmp_path / "exercice-1.vwb"
    create_through_dialog(qtbot, trainer, exercise_path)
    wait_job(qtbot, trainer)
    assert exercise_path.is_file()
    with Project.open(exercise_path, read_only=True) as handed_out:
        info = exercise_of(handed_out)
        assert info is not None and info.time_limit_minutes == 20 and info.document_ids == [1, 2, 3]
        assert handed_out.scalar("SELECT count(*) FROM codings") == 0  # nothing of the answers
    not_handed_in = tmp_path / "exercice-vierge.vwb"
    shutil.copyfile(exercise_path, not_handed_in)  # sent back by mistake instead of a hand-in

    # The trainee's window: instructions in a banner, nothing that gives answers away, their name asked once.
    student = trainee_window(qtbot, monkeypatch, exercise_path, "Léa")
    assert not student.exercise_banner.isHidden()
    assert student.exercise_banner.instructions.text() == "Repérez les motifs de chaque réponse."
    assert "20 min" in student.exercise_banner.time.text()
    tabs = [student.side_tabs.tabText(i) for i in range(student.side_tabs.count()) if student.side_tabs.isTabVisible(i)]
    assert "Suggestions" not in tabs and "Thèmes" not in tabs and "Codes" in tabs
    assert not student.centre_tabs.isTabVisible(student.centre_tabs.indexOf(student.trainer_panel))
    assert not student.suggest_action.isVisible() and not student.topics_action.isVisible()
    assert not student.speakers_action.isVisible()
    assert not student.exercises.create_action.isVisible()
    assert student.exercises.trainee.hand_in_action.isVisible()
    assert student.coder == "Léa"
    assert "Léa" in student.coder_button.text()

    billing = codebook.find_code(student.project, "Motifs/Facturation")
    for document, passage in ((1, "Ma facture a doublé"), (2, "très aimable")):  # the second is a mistake
        student.open_document(document)
        student.viewer.select_span(*span(document, passage))
        assert student.code_selection(billing)
    # Léa says why she coded the compliment as billing, from the coding's menu.
    mistaken = student.project.scalar("SELECT id FROM codings WHERE document_id = 2")
    student.coding_controller.open_memo(mistaken)
    student.coding_controller.memo_dialog.editor.setPlainText("Il parle du conseiller qui a réglé la facture.")
    student.coding_controller.memo_dialog.accept()
    handin = tmp_path / "lea.vwb"
    student.exercises.trainee.hand_in(handin)
    qtbot.waitUntil(lambda: "Copie rendue" in student.statusBar().currentMessage(), timeout=30000)
    assert handin.is_file()
    student.close()
    handed = MainWindow(None, coder="poste-12")  # the copy reopened: signed, it is not to be handed in again
    qtbot.addWidget(handed)
    assert handed.workspace.open_path(handin)
    assert "Copie rendue" in handed.exercise_banner.heading.text() and "Léa" in handed.exercise_banner.heading.text()
    assert not handed.exercise_banner.hand_in_button.isEnabled()
    handed.close()  # the trainee's laptop: in another process, the exercise file is not open beside the trainer's

    # The trainer collects the copy and, by mistake, a blank copy of the exercise.
    results = collect(qtbot, trainer, [handin, not_handed_in])
    assert results[0][0] == "lea.vwb"  # the minutes used: the seconds of this test count as one
    assert re.fullmatch(r"Collectée : Léa, 2 codages, 1 mémo, en [1-9]\d* min sur 20", results[0][1])
    assert results[1] == ("exercice-vierge.vwb", ("Refusée : ce n'est pas une copie rendue (le stagiaire l'écrit avec "
                                                 "« Rendre ma copie… »)"))

    view = trainer.trainer_panel.exercises
    assert trainer.centre_tabs.currentWidget() is trainer.trainer_panel
    qtbot.waitUntil(lambda: view.job is None and view.feedback is not None, timeout=30000)
    assert view.trainee.currentText() == "Léa"
    # Facturation: reference 2 passages, Léa 2, one shared: precision = recall = F1 = 50 %; Compliment missed.
    codes = view.per_code.column_texts(0)
    assert codes == ["Motifs/Facturation", "Motifs/Compliment"]  # whole paths, elided on screen only
    assert view.per_code.textElideMode() == Qt.TextElideMode.ElideMiddle and view.per_code.wordWrap()
    assert view.per_code.item(0, 0).text() == "Motifs/\u200bFacturation"  # wraps after the "/", never cut
    assert view.per_code.column_texts(1) == ["50 %", "0 %"]
    view.per_code.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert view.per_code.column_texts(0) == ["Motifs/Compliment", "Motifs/Facturation"]
    # Overall on passages: reference 3, Léa 2, one right: precision 1/2, recall 1/3, F1 2/5.
    assert "passages : F1 40 % (précision 50 %, rappel 33 %)" in view.summary.text()
    assert "2 oublis" in view.summary.text()

    assert sorted(view.misses.column_texts(0)) == ["Motifs/Compliment", "Motifs/Facturation"]
    assert view.false_alarms.rowCount() == 1
    assert view.false_alarms.column_texts(2) == ["très aimable"]  # Léa's passage
    assert view.false_alarms.column_texts(3) == ["très aimable"]  # the reference's, side by side
    assert view.false_alarms.column_texts(4) == ["Motifs/Compliment"]
    view.false_alarms.setCurrentCell(0, 0)
    assert "Le client parle de sa facture." in view.definition.text()
    assert "facture ; prélèvement" in view.definition.text()
    assert "très aimable" in view.reference_passage.text() and "Compliment" in view.reference_passage.text()
    assert view.trainee_passage.text().endswith(
        "Mémo du stagiaire : « Il parle du conseiller qui a réglé la facture. »")
    assert view.confusions.column_texts(0) == ["Motifs/Facturation"]
    assert view.confusions.column_texts(1) == ["Motifs/Compliment"]
    assert "codé Facturation là où la référence dit Compliment (1 fois)" in view.confusion_sentences.text()
    assert view.difficulty.column_texts(0) == ["Motifs/Compliment", "Motifs/Facturation"]  # hardest first
    view.difficulty.setCurrentCell(1, 0)
    assert view.definition.text() == "Définition de Motifs/Facturation : Le client parle de sa facture."
    assert view.progress.column_texts(0) == ["Léa"] and view.progress.column_texts(1) == ["40 %"]
    assert "au moins deux copies" in view.alpha.text()

    # Double-clicking a miss opens its passage in the coding view, whatever the sort order.
    view.misses.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.misses.column_texts(0)[0] == "Motifs/Facturation"
    view.misses.cellDoubleClicked.emit(0, 0)
    assert trainer.centre_tabs.currentIndex() == 0
    assert trainer.current_document_id() == 3
    assert trainer.viewer.selected_span() == span(3, "Les factures arrivent en retard")
    trainer.centre_tabs.setCurrentWidget(trainer.trainer_panel)
    view.false_alarms.cellDoubleClicked.emit(0, 0)
    assert trainer.current_document_id() == 2 and trainer.viewer.selected_span() == span(2, "très aimable")

    # Feedback files, written as jobs, reopen.
    from openpyxl import load_workbook

    assert view.excel_button.isEnabled()
    trainer.exercises.export_excel(tmp_path / "retours.xlsx")
    wait_job(qtbot, trainer)
    workbook = load_workbook(tmp_path / "retours.xlsx")
    assert workbook.sheetnames == ["Group", "Léa"]
    assert any("Compliment" in str(cell.value) for row in workbook["Léa"].iter_rows() for cell in row)
    assert any(cell.value == "Il parle du conseiller qui a réglé la facture."
               for row in workbook["Léa"].iter_rows() for cell in row)
    trainer.exercises.export_html(tmp_path / "retours")
    wait_job(qtbot, trainer)
    pages = sorted(path.name for path in (tmp_path / "retours").iterdir())
    assert pages == ["group.html", "trainee-Léa.html"]
    page = (tmp_path / "retours" / "trainee-Léa.html").read_text(encoding="utf-8")
    assert "très aimable" in page and "Il parle du conseiller qui a réglé la facture." in page

    # Collecting the same copy again is refused and changes nothing.
    before = reference.scalar("SELECT count(*) FROM codings")
    (name, result), = collect(qtbot, trainer, [handin])
    assert (name, result) == ("lea.vwb", "Refusée : la copie de Léa pour cet exercice a déjà été collectée")
    # the dialog lists why, so the status bar does not repeat the engine's English line
    assert trainer.statusBar().currentMessage().startswith("Collecte terminée : ")
    assert "\n" not in trainer.statusBar().currentMessage()
    assert reference.scalar("SELECT count(*) FROM codings") == before


def test_opening_a_project_after_an_exercise_leaves_trainee_mode(qtbot, monkeypatch, reference: Project,
                                                                tmp_path: Path) -> None:
    window = tom_on_a_new_exercise(qtbot, monkeypatch, reference, tmp_path)
    other = tmp_path / "other.vwb"
    Project.create(other).close()
    assert window.workspace.open_path(other)
    assert window.exercise_banner.isHidden()
    assert window.side_tabs.isTabVisible(window.side_tabs.indexOf(window.review_panel))
    assert window.centre_tabs.isTabVisible(window.centre_tabs.indexOf(window.trainer_panel))
    assert window.suggest_action.isVisible() and not window.exercises.trainee.hand_in_action.isVisible()
    # Reopened, the exercise knows its trainee: the name is not asked a second time.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("name asked twice"))
    assert window.workspace.open_path(tmp_path / "ex.vwb")
    assert window.coder == "Tom" and not window.exercise_banner.isHidden()


def test_a_trainee_cannot_change_the_exercise_codebook(qtbot, monkeypatch, reference: Project,
                                                       tmp_path: Path) -> None:
    window = tom_on_a_new_exercise(qtbot, monkeypatch, reference, tmp_path)
    panel = window.code_panel
    structural = (panel.add_sibling_action, panel.add_child_action, panel.rename_action, panel.merge_action,
                  panel.delete_action, panel.files_menu.load_file_action, panel.files_menu.schemes.menuAction())
    billing = codebook.find_code(window.project, "Motifs/Facturation")
    panel.select_code(billing)
    assert not any(action.isVisible() or action.isEnabled() for action in structural[:5])
    assert not any(action.isVisible() for action in structural[5:])
    assert panel.recolour_action.isVisible() and panel.files_menu.export_qdc_action.isVisible()
    assert panel.new_button.isHidden()
    assert not panel.tree.currentItem().flags() & Qt.ItemFlag.ItemIsEditable  # F2 does not rename either
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    assert not panel.move_code(billing, None, None)  # a drop to the top level
    assert warnings == [("ex.vwb est un exercice : son livre de codes est celui du formateur et ne peut pas "
                        "changer ici (une copie rendue avec un autre livre de codes ne pourrait pas être collectée).")]
    assert codebook.code_path(window.project, billing) == "Motifs/Facturation"
    other = tmp_path / "other.vwb"
    Project.create(other).close()
    assert window.workspace.open_path(other)  # an ordinary project's codebook is the analyst's again
    assert panel.add_sibling_action.isVisible() and panel.add_sibling_action.isEnabled()
    assert not panel.new_button.isHidden() and panel.files_menu.load_file_action.isVisible()


def test_the_time_limit_survives_reopening_and_then_coding_is_refused_in_french(
        qtbot, monkeypatch, reference: Project, tmp_path: Path) -> None:
    window = tom_on_a_new_exercise(qtbot, monkeypatch, reference, tmp_path)
    assert window.exercise_banner.time.text() == "Temps imparti : 20 min · reste 20 min"
    project = window.project
    assert project is not None
    with project.transaction():  # 19 minutes pass
        starts = json.loads(project.get_meta(CLOCK_KEY))
        starts["Tom"] = (datetime.fromisoformat(starts["Tom"]) - timedelta(minutes=19)).isoformat()
        project.set_meta(CLOCK_KEY, json.dumps(starts))
    other = tmp_path / "other.vwb"
    Project.create(other).close()
    assert window.workspace.open_path(other)
    assert window.workspace.open_path(tmp_path / "ex.vwb")  # reopening does not give the time back
    assert window.exercise_banner.time.text() == "Temps imparti : 20 min · reste 1 min"
    billing = codebook.find_code(window.project, "Motifs/Facturation")
    window.open_document(1)
    window.viewer.select_span(*span(1, "Ma facture a doublé"))
    assert window.code_selection(billing)
    project = window.project
    with project.transaction():  # and the last minute
        starts = json.loads(project.get_meta(CLOCK_KEY))
        starts["Tom"] = (datetime.fromisoformat(starts["Tom"]) - timedelta(minutes=1)).isoformat()
        project.set_meta(CLOCK_KEY, json.dumps(starts))
    window.exercise_banner.show_exercise(window.exercises.trainee.info, "Tom", running=clock(project, "Tom"))
    assert window.exercise_banner.time.text() == "Temps écoulé (20 min) : rendez votre copie"
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.open_document(2)
    window.viewer.select_span(*span(2, "très aimable"))
    assert not window.code_selection(billing)
    assert len(warnings) == 1 and warnings[0].startswith("Temps écoulé : vos 20 minutes pour cet exercice ont pris fin à ")
    assert warnings[0].endswith("Vos codages ne peuvent plus changer ; rendez votre copie.")
    window.undo_action.trigger()  # undo is no way round the limit
    assert len(warnings) == 2 and warnings[1] == warnings[0]
    assert project.scalar("SELECT count(*) FROM codings") == 1


def test_create_dialog_says_what_is_missing(qtbot, monkeypatch, reference: Project, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    window = MainWindow(reference, coder="claire")
    qtbot.addWidget(window)
    dialog = window.exercises.create_dialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.out.setText(str(tmp_path / "ex.vwb"))
    ok.click()
    assert dialog.isVisible() and "consignes" in dialog.error.text()
    dialog.instructions.setPlainText("Codez.")
    group = dialog.codes.topLevelItem(0)
    group.setCheckState(0, Qt.CheckState.Unchecked)  # unchecks both codes below it
    ok.click()
    assert dialog.isVisible() and "au moins un code" in dialog.error.text()
    group.child(1).setCheckState(0, Qt.CheckState.Checked)  # only Compliment
    assert dialog.chosen_codes() == [codebook.find_code(reference, "Motifs/Compliment")]
    dialog.use_kind.setChecked(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("call"))
    ok.click()
    assert not dialog.isVisible() and window.job is not None
    wait_job(qtbot, window)
    # No call in the project: the engine's reason is shown, and no file was written.
    assert warnings == ["the selection holds no document: an exercise needs at least one"]
    assert not (tmp_path / "ex.vwb").exists()
