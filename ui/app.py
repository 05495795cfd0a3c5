"""`workbench-gui`: start-up imports only Qt and the light engine modules, so the window opens fast."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

    from ui.views.main_window import MainWindow

# The translators installed now and the windows open now: switching the language replaces both.
_translators: list[QTranslator] = []
_language: list[str] = []
_windows: list[MainWindow] = []
# Set (to anything) by installer/startup_time.py: quit as soon as the first window is up, to time start-up.
QUIT_WHEN_SHOWN = "VERBATIM_QUIT_WHEN_SHOWN"


def parse_arguments(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The project and `--lang`; other arguments are left to Qt (e.g. `-style fusion`)."""
    from ui.i18n import ENVIRONMENT_VARIABLE, LANGUAGES

    parser = argparse.ArgumentParser(prog="workbench-gui", description="Verbatim Workbench desktop window.")
    parser.add_argument("project", nargs="?", type=Path, help="project file (.vwb) to open")
    parser.add_argument(
        "--lang", choices=LANGUAGES,
        help=f"language of the window; default: ${ENVIRONMENT_VARIABLE}, else the language last chosen in "
             "View > Language, else the system locale (French for a French locale, English otherwise)",
    )
    parser.add_argument(
        "--self-test", action="store_true",
        help="run the demo corpus through import, suggestions, topics and exports in a temporary folder, "
             "offscreen and without network, print one line and exit (0 when everything worked)",
    )
    return parser.parse_known_args(args)


def current_language() -> str:
    """The window's language: the one installed by `use_language`, French (the source) before that."""
    from ui.i18n import SOURCE_LANGUAGE

    return _language[-1] if _language else SOURCE_LANGUAGE


def use_language(language: str) -> None:
    """Install `language`'s translators in place of those installed before. Widgets built afterwards
    speak it; those built before keep their text, hence `switch_language` rebuilds the window."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    app = QApplication.instance()
    i18n.uninstall(app, _translators)
    _translators[:] = i18n.install(app, language)
    _language[:] = [language]


def switch_language(window: MainWindow, language: str) -> MainWindow | None:
    """View > Language: remember the choice, then rebuild the window in `language` on the same project,
    open document, coder, size and dock layout (Qt widgets keep the text they were built with, so a new
    window is the one way every string, dialogs' included, changes at once). Not while a job runs: the
    job reports to the window that started it; the choice then applies at the next start."""
    from PySide6.QtCore import QCoreApplication

    from ui import settings
    from ui.views.main_window import MainWindow

    settings.save_language(language)
    if language == current_language():
        return window
    if window.job is not None or window.welcome.job is not None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "La langue changera au prochain démarrage : une tâche est en cours."), 10000)
        return None
    use_language(language)
    project, document_id = window.project, window.current_document_id()
    window.relay.stop()
    window.project = None  # handed to the new window: closing this one must not close it
    rebuilt = MainWindow(None, coder=window.coder)
    rebuilt.restoreGeometry(window.saveGeometry())
    rebuilt.restoreState(window.saveState())
    if project is not None:
        rebuilt.set_project(project)
        if document_id is not None:
            rebuilt.open_document(document_id)
    _windows.append(rebuilt)
    rebuilt.show()
    window.close()
    window.deleteLater()
    if window in _windows:
        _windows.remove(window)
    return rebuilt


def open_window(options: argparse.Namespace) -> MainWindow:
    """The first window, in the language and with the coder of the last session unless the command line
    or the environment says otherwise, on the project given as argument if any."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import i18n, settings
    from ui.refusals import refusal_text
    from ui.views.main_window import MainWindow
    from workbench.errors import WorkbenchError
    from workbench.project import Project

    app = QApplication.instance()
    app.setApplicationName("Verbatim Workbench")
    # Before any widget exists: strings are translated when the widgets are built.
    chosen = options.lang or (None if os.environ.get(i18n.ENVIRONMENT_VARIABLE) else settings.saved_language())
    use_language(i18n.choose_language(chosen))
    project = None
    if options.project is not None:
        try:
            project = Project.open(options.project)
        except WorkbenchError as exc:
            QMessageBox.critical(None, "Verbatim Workbench", refusal_text(exc))
    coder = None if os.environ.get("WORKBENCH_CODER", "").strip() else settings.saved_coder()
    window = MainWindow(project, coder=coder)
    _windows.append(window)
    window.show()
    return window


def main(argv: list[str] | None = None) -> int:
    options, qt_args = parse_arguments(sys.argv[1:] if argv is None else argv)  # --help before the imports
    if options.self_test:
        from ui import self_test

        return self_test.main()

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    # A job still running at exit (the device detection, a second after start) ends before Python does.
    app.aboutToQuit.connect(lambda: QThreadPool.globalInstance().waitForDone())
    open_window(options)
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, app.quit)  # runs once the window's first show and paint events are handled
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
