"""`workbench-gui`: start-up imports only Qt and the light engine modules, so the window opens fast."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Open the main window, on the project given as first argument if any."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.views.main_window import MainWindow
    from workbench.errors import WorkbenchError
    from workbench.project import Project

    args = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    app.setApplicationName("Verbatim Workbench")
    project = None
    if args:
        try:
            project = Project.open(Path(args[0]))
        except WorkbenchError as exc:
            QMessageBox.critical(None, "Verbatim Workbench", str(exc))
    window = MainWindow(project)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
