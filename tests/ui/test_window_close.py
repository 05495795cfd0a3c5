"""Closing the window: a running job is cancelled only with the user's consent, and the project file is
left whole (no `.wal` beside it) so that copying the `.vwb` alone copies all the work."""

from __future__ import annotations

import time
from pathlib import Path

from builders import add_coder_row
from PySide6.QtWidgets import QMessageBox

from workbench.progress import CancelToken
from workbench.project import Project


def _wait_for_cancel(project: Project, *, progress: object, cancel: CancelToken) -> None:
    with project.transaction():
        add_coder_row(project, "written by the job", "analyst")
        while True:
            cancel.check()
            time.sleep(0.01)


def _window_with_a_running_job(qtbot, project: Project):
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    window.show()
    window.start_job("Test", _wait_for_cancel, cancelled="annulé")
    return window


def test_closing_during_a_job_cancels_it_and_leaves_the_file_whole(qtbot, project: Project, monkeypatch) -> None:
    path = Path(project.path)
    add_coder_row(project, "alice", "analyst")
    asked: list[str] = []

    def yes(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    window = _window_with_a_running_job(qtbot, project)
    assert window.close()
    assert asked and "annuler" in asked[0].lower()
    assert window.project is None
    assert not Path(f"{path}.wal").exists()
    with Project.open(path, read_only=True) as reopened:
        names = {name for (name,) in reopened.rows("SELECT name FROM coders")}
    assert "alice" in names and "written by the job" not in names


def test_refusing_to_cancel_keeps_the_window_and_the_job(qtbot, project: Project, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    window = _window_with_a_running_job(qtbot, project)
    assert not window.close()
    assert window.isVisible() and window.job is not None and window.project is project
    window.job.cancel()
    qtbot.waitUntil(lambda: window.job is None, timeout=5000)


class _Done:
    failures: tuple[str, ...] = ()

    def summary(self) -> str:
        return "fini"


def _quick(project: Project, *, progress: object, cancel: CancelToken) -> _Done:
    return _Done()


def test_a_handler_connected_after_start_job_hears_even_the_quickest_job(qtbot, project: Project) -> None:
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    heard: list[object] = []
    for _ in range(20):
        job = window.start_job("Test", _quick, cancelled="annulé")
        time.sleep(0.01)  # the worker would have finished by now, were it already started
        job.signals.finished.connect(lambda report: heard.append(report.summary()))
        qtbot.waitUntil(lambda: window.job is None, timeout=5000)
    assert heard == ["fini"] * 20
