"""`workbench-gui`: start-up imports only Qt and the light engine modules, so the window opens fast."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_arguments(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The project and `--lang`; other arguments are left to Qt (e.g. `-style fusion`)."""
    from ui.i18n import ENVIRONMENT_VARIABLE, LANGUAGES

    parser = argparse.ArgumentParser(prog="workbench-gui", description="Verbatim Workbench desktop window.")
    parser.add_argument("project", nargs="?", type=Path, help="project file (.vwb) to open")
    parser.add_argument(
        "--lang", choices=LANGUAGES,
        help=f"language of the window; default: ${ENVIRONMENT_VARIABLE}, else the system locale "
             "(French for a French locale, English otherwise)",
    )
    return parser.parse_known_args(args)


def main(argv: list[str] | None = None) -> int:
    """Open the main window in the chosen language, on the project given as argument if any."""
    options, qt_args = parse_arguments(sys.argv[1:] if argv is None else argv)  # --help before the imports

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import i18n
    from ui.views.main_window import MainWindow
    from workbench.errors import WorkbenchError
    from workbench.project import Project

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Verbatim Workbench")
    # Before any widget exists: strings are translated when the widgets are built.
    i18n.install(app, i18n.choose_language(options.lang))
    project = None
    if options.project is not None:
        try:
            project = Project.open(options.project)
        except WorkbenchError as exc:
            QMessageBox.critical(None, "Verbatim Workbench", str(exc))
    window = MainWindow(project)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
