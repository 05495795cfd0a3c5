"""The search panel: searches in the background with a busy state, errors that wrap inside the panel,
documents not indexed yet, and a document imported through the window found by search."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from builders import add_document
from panel_fixtures import fill, open_window

from workbench import search as engine_search
from workbench.project import Project
from workbench.text.segment import segment_project


@pytest.fixture
def indexed(project: Project) -> Project:
    segment_project(fill(project))
    return project


def _search(qtbot, panel, query: str, where: str = "") -> bool:
    panel.query.setText(query)
    panel.where.setText(where)
    with qtbot.waitSignal(panel.searched, timeout=30000) as searched:
        assert panel.run()
    return searched.args[0]


def test_the_search_runs_off_the_gui_thread_with_a_busy_state(qtbot, indexed: Project, monkeypatch) -> None:
    threads = []
    release = threading.Event()
    original = engine_search.search

    def slow_search(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(engine_search, "search", slow_search)
    window = open_window(qtbot, indexed)
    panel = window.search_panel
    panel.query.setText("facture")
    with qtbot.waitSignal(panel.searched, timeout=30000) as searched:
        assert panel.run()
        qtbot.waitUntil(lambda: bool(threads))
        # The window still answers while the search waits: the GUI thread is free.
        assert not panel.busy.isHidden() and panel.cursor().shape() == panel.cursor().shape().BusyCursor
        assert panel.summary.text() == "Recherche en cours…"
        release.set()
    assert searched.args == [True]
    assert threads[0] is not threading.main_thread()
    assert panel.busy.isHidden() and panel.results.rowCount() == 2
    assert panel.summary.text().startswith("2 occurrences")


def test_a_newer_search_wins_over_an_older_one(qtbot, indexed: Project) -> None:
    window = open_window(qtbot, indexed)
    panel = window.search_panel
    panel.query.setText("facture")
    assert panel.run()
    assert _search(qtbot, panel, "conseiller")
    qtbot.wait(300)  # the first search's late answer, if any, is dropped
    assert panel.results.rowCount() == 1 and panel.results.item(0, 2).text() == "conseiller"


def test_a_filter_error_wraps_in_the_panel_and_never_widens_the_dock(qtbot, indexed: Project) -> None:
    window = open_window(qtbot, indexed)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the docks take their share of the width after the first layout pass
    window.side_tabs.setCurrentWidget(window.search_panel)
    dock = window.side_tabs.parentWidget()
    width, window_width = dock.width(), window.width()
    long_name = "région des clients les plus anciens du programme de fidélité et du parrainage"
    assert not _search(qtbot, window.search_panel, "facture", f"{long_name}=Bretagne")
    summary = window.search_panel.summary
    assert summary.text().startswith("⚠ Recherche impossible : ") and long_name in summary.text()
    assert "Traceback" not in summary.text()
    qtbot.wait(50)
    assert dock.width() == width and window.width() == window_width
    assert summary.geometry().right() <= window.search_panel.width()
    assert summary.height() > summary.fontMetrics().height() * 1.5  # wrapped onto several lines
    assert window.search_panel.results.rowCount() == 0


def test_the_panel_says_when_documents_are_not_indexed_yet(qtbot, indexed: Project) -> None:
    add_document(indexed, "Une facture de plus, pas encore indexée.", "Réponse 4", "survey", position=4)
    window = open_window(qtbot, indexed)
    assert _search(qtbot, window.search_panel, "facture")
    assert window.search_panel.results.rowCount() == 2
    assert "1 documents ne sont pas encore indexés" in window.search_panel.summary.text()


@pytest.mark.slow
def test_a_document_imported_in_the_window_is_indexed_and_found(qtbot, indexed: Project, tmp_path: Path) -> None:
    window = open_window(qtbot, indexed)
    assert not _search(qtbot, window.search_panel, "ornithorynque") or window.search_panel.results.rowCount() == 0
    source = tmp_path / "appel.txt"
    source.write_text("Client : Bonjour 😀, l'ornithorynque du logo est à l'envers.\r\nConseiller : Je transmets.\r\n",
                      encoding="utf-8")
    window.start_import([source])
    qtbot.waitUntil(lambda: window.job is None and indexed.scalar("SELECT count(*) FROM text_status") == 4,
                    timeout=120000)
    assert _search(qtbot, window.search_panel, "ornithorynques")
    panel = window.search_panel
    assert panel.results.rowCount() == 1 and panel.results.item(0, 2).text() == "ornithorynque"
    assert "pas encore indexés" not in panel.summary.text()
    panel.results.cellActivated.emit(0, 2)
    text = window.viewer.view.text
    start, end = window.viewer.selected_span()
    assert text[start:end] == "ornithorynque"
