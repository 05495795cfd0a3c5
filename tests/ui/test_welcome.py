"""Starting without a project: the welcome page, new project, recent projects, the demo, the language."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from panel_fixtures import fill, when_modal

from workbench.errors import WorkbenchError
from workbench.project import Project

ROOT = Path(__file__).resolve().parents[2]

@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recent projects, coder and language in a file of the test's own, never the user's."""
    path = tmp_path / "settings" / "workbench.ini"
    monkeypatch.setenv("VERBATIM_SETTINGS", str(path))
    monkeypatch.delenv("VERBATIM_LANG", raising=False)
    monkeypatch.delenv("WORKBENCH_CODER", raising=False)
    return path


def new_window(qtbot, project: Project | None = None):
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    window.show()
    return window


def made(path: Path, language: str = "fr") -> Path:
    with Project.create(path, language=language) as project:
        fill(project)
    return path


def test_without_a_project_the_welcome_page_lists_recent_projects_most_recent_first(qtbot, tmp_path: Path) -> None:
    from ui import settings

    older, newer, gone = made(tmp_path / "ancien.vwb"), made(tmp_path / "récent.vwb"), made(tmp_path / "parti.vwb")
    for path in (older, gone, newer):
        settings.remember_project(path)
    gone.unlink()
    window = new_window(qtbot)
    assert window.pages.currentWidget() is window.welcome_area
    assert not window.document_dock.isVisible() and not window.code_dock.isVisible()
    assert window.windowTitle() == "Verbatim Workbench — aucun projet"
    recent = window.welcome.recent
    shown = [recent.item(row).text() for row in range(recent.count())]
    assert shown[0].startswith("récent — ") and shown[2].startswith("ancien — ")
    assert shown[1].startswith("parti — introuvable")

    recent.setCurrentRow(1)
    recent.itemActivated.emit(recent.item(1))  # a missing file: said, nothing opened
    assert window.project is None
    assert "n'existe plus" in window.welcome.progress_label.text()
    window.welcome.remove_button.click()
    assert [p.name for p in settings.recent_projects()] == ["récent.vwb", "ancien.vwb"]
    assert window.welcome.recent.count() == 2

    window.welcome.recent.itemActivated.emit(window.welcome.recent.item(1))
    assert window.project is not None and window.project.path == older
    assert window.windowTitle() == "Verbatim Workbench — ancien"
    assert window.pages.currentWidget() is window.centre_tabs and window.document_dock.isVisible()
    assert window.status.text().startswith("3 documents")
    assert [p.name for p in settings.recent_projects()] == ["ancien.vwb", "récent.vwb"]


def test_the_welcome_page_never_narrows_the_document_list(qtbot, tmp_path: Path) -> None:
    """The page shares the window's centre with the workspace: a wide page would squeeze the docks."""
    window = new_window(qtbot)
    window.resize(1024, 700)
    assert window.welcome_area.minimumSizeHint().width() <= window.centre_tabs.minimumSizeHint().width()
    window.workspace.open_path(made(tmp_path / "p.vwb"))
    direct = new_window(qtbot, Project.open(made(tmp_path / "q.vwb")))
    direct.resize(1024, 700)
    qtbot.waitUntil(lambda: window.document_dock.width() == direct.document_dock.width())


def test_file_open_recent_opens_the_chosen_project(qtbot, tmp_path: Path) -> None:
    from ui import settings

    first, second = made(tmp_path / "un.vwb"), made(tmp_path / "deux.vwb")
    settings.remember_project(first)
    settings.remember_project(second)
    window = new_window(qtbot, Project.open(first))
    window.workspace.fill_recent_menu()
    actions = window.workspace.recent_menu.actions()
    assert [action.text() for action in actions] == [str(first.resolve()), str(second.resolve())]
    actions[1].trigger()
    assert window.project.path == second
    assert window.windowTitle() == "Verbatim Workbench — deux"


def test_new_project_from_the_dialog_is_created_and_opened(qtbot, tmp_path: Path) -> None:
    from ui import settings

    made(tmp_path / "Enquête 2026.vwb")
    seen: dict[str, object] = {}

    def fill_in(dialog) -> None:
        dialog.name.setText("bad/name")
        seen["refused"] = dialog.create_button.isEnabled()
        dialog.folder.setText(str(tmp_path))
        dialog.name.setText("Enquête 2026")  # exists already: refused inside the dialog, which stays open
        dialog.create_button.click()
        seen["error"] = dialog.error.text()
        seen["still_open"] = dialog.isVisible()
        dialog.name.setText("Enquête 2027")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert dialog.target.text().endswith("Enquête 2027.vwb")
        dialog.create_button.click()

    window = new_window(qtbot)
    when_modal(fill_in)
    window.welcome.new_button.click()
    assert seen["refused"] is False
    assert "already exists" in str(seen["error"]) and seen["still_open"] is True
    assert window.project is not None and window.project.path == tmp_path / "Enquête 2027.vwb"
    assert window.project.language == "en"
    assert window.windowTitle() == "Verbatim Workbench — Enquête 2027"
    assert window.status.text().startswith("0 documents")
    assert settings.recent_projects()[0] == (tmp_path / "Enquête 2027.vwb").resolve()


def test_file_new_project_cancelled_changes_nothing(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, Project.open(made(tmp_path / "ouvert.vwb")))
    when_modal(lambda dialog: dialog.reject())
    window.workspace.new_action.trigger()
    assert window.project.path == tmp_path / "ouvert.vwb"
    assert sorted(p.name for p in tmp_path.glob("*.vwb")) == ["ouvert.vwb"]


def small_demo(out_dir: Path, echo: Callable[[str], None] = print, progress: object = None):
    """Stands in for the demo pipeline (minutes of NLP): a small project built where run_demo builds."""
    from workbench.demo import DemoContext, sample_dir

    out_dir.mkdir(parents=True, exist_ok=True)
    project = fill(Project.create(out_dir / "demo.vwb"))
    echo("Import")
    return DemoContext(project, out_dir, sample_dir(), echo, progress)  # type: ignore[arg-type]


def test_the_demo_is_built_as_a_job_into_the_data_folder_then_opened(qtbot, tmp_path: Path, monkeypatch) -> None:
    from workbench import demo

    monkeypatch.setattr(demo, "run_demo", small_demo)
    window = new_window(qtbot)
    window.welcome.data_folder = tmp_path / "data"
    job = window.welcome.open_demo()
    assert job is not None and window.welcome.progress.isVisible() and not window.welcome.demo_button.isEnabled()
    qtbot.waitUntil(lambda: window.project is not None, timeout=20000)
    built = tmp_path / "data" / "demo" / "demo.vwb"
    assert window.project.path == built and window.status.text().startswith("3 documents")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["demo"]  # no half-built folder left
    assert not window.welcome.progress.isVisible()

    window2 = new_window(qtbot)  # built once: the next time it is opened as it is
    window2.welcome.data_folder = tmp_path / "data"
    window.close()
    monkeypatch.setattr(demo, "run_demo", lambda *_a, **_k: pytest.fail("the demo was built again"))
    window2.welcome.demo_button.click()
    assert window2.project is not None and window2.project.path == built


def test_a_cancelled_or_failed_demo_build_leaves_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    from workbench import demo

    def endless(out_dir: Path, echo: Callable[[str], None] = print, progress: Any = None):
        out_dir.mkdir(parents=True)
        Project.create(out_dir / "demo.vwb").close()
        with progress("import appels"):
            while True:  # stops at the Cancel, through the report each narrated line is
                echo("Import: appels/")

    monkeypatch.setattr(demo, "run_demo", endless)
    window = new_window(qtbot)
    window.welcome.data_folder = tmp_path / "data"
    window.welcome.open_demo()
    qtbot.waitUntil(lambda: window.welcome.progress_label.text() == "Démonstration : import : appels", timeout=10000)
    window.welcome.cancel_button.click()
    qtbot.waitUntil(lambda: window.welcome.job is None, timeout=10000)
    assert window.welcome.progress_label.text() == "Construction annulée : rien n'a été gardé."
    assert list((tmp_path / "data").iterdir()) == [] and window.project is None

    def broken(out_dir: Path, **_: object):
        out_dir.mkdir(parents=True)
        raise WorkbenchError("demo corpus not found at /nowhere")

    monkeypatch.setattr(demo, "run_demo", broken)
    window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: window.welcome.job is None, timeout=10000)
    assert window.welcome.progress_label.text() == (
        "Le projet de démonstration n'a pas pu être construit : demo corpus not found at /nowhere")
    assert list((tmp_path / "data").iterdir()) == [] and window.welcome.demo_button.isEnabled()


def test_the_status_bar_names_the_compute_device(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, Project.open(made(tmp_path / "p.vwb")))
    qtbot.waitUntil(lambda: window.device_label.text() != "Calcul : …", timeout=60000)
    from workbench.suggest.device import cuda_available

    expected = "Calcul : GPU" if cuda_available() else "Calcul : CPU"
    assert window.device_label.text().startswith(expected)


def test_opening_the_window_does_not_load_torch_on_the_gui_thread() -> None:
    """torch takes over a second and hundreds of MB to import: the status bar names the device without it.
    pandas (0.2 s) waits for the first job that needs it too."""
    script = textwrap.dedent("""
        import sys, time
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from ui.views.main_window import MainWindow
        window = MainWindow(None)
        window.show()
        deadline = time.monotonic() + 60
        while window.device_label.text().endswith("…") and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        print("torch" in sys.modules, "pandas" in sys.modules, "|", window.device_label.text())
    """)
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT)
    imported, label = shown.stdout.strip().splitlines()[-1].split(" | ")
    assert imported == "False False"
    assert label.startswith("Calcul : ")


def test_the_running_job_is_named_in_the_status_bar(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, Project.open(made(tmp_path / "p.vwb")))
    job = window.start_segmentation()
    assert window.job_label.isVisible() and window.job_label.text() == "Tâche : Segmentation"
    job.cancel()
    qtbot.waitUntil(lambda: window.job is None, timeout=60000)
    assert not window.job_label.isVisible()


def test_view_language_rebuilds_the_window_in_english_on_the_same_work(qtbot, tmp_path: Path) -> None:
    from ui import app, settings

    window = new_window(qtbot, Project.open(made(tmp_path / "p.vwb")))
    window.open_document(2)
    project = window.project
    try:
        window.workspace.language_actions["en"].trigger()
        english = app._windows[-1]
        qtbot.addWidget(english)
        assert english is not window and english.project is project and window.project is None
        assert [action.text() for action in english.menuBar().actions()][:2] == ["&File", "&Edit"]
        assert english.workspace.language_actions["en"].isChecked()
        assert english.current_document_id() == 2
        assert settings.saved_language() == "en"
        english.workspace.language_actions["fr"].trigger()
        french = app._windows[-1]
        qtbot.addWidget(french)
        assert [action.text() for action in french.menuBar().actions()][:2] == ["&Fichier", "&Édition"]
        assert french.project is project and settings.saved_language() == "fr"
    finally:
        app.use_language("fr")


def test_the_first_window_takes_the_last_language_and_coder(qtbot, tmp_path: Path) -> None:
    from ui import app, settings

    settings.save_language("en")
    settings.save_coder("marc")
    options, _ = app.parse_arguments([str(made(tmp_path / "p.vwb"))])
    try:
        window = app.open_window(options)
        qtbot.addWidget(window)
        assert window.coder == "marc"
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.windowTitle() == "Verbatim Workbench — p"
    finally:
        app.use_language("fr")
