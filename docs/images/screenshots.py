"""Take the screenshots shown in README.md and docs/USER_GUIDE.md, in a real window on an X display.

Run under Xvfb (the window manager-less screen the checks use):
    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 .venv/bin/python docs/images/screenshots.py PROJECT DOCUMENT_ID CODE_PATH
It opens PROJECT in the French window, shows DOCUMENT_ID with its codings, selects CODE_PATH in the code
tree (its passages fill the retrieval pane), then captures the whole screen with ImageMagick's `import`
into docs/images/: main-window.png, memos.png, review-queue.png, topics.png, analysis.png and
import-dialog.png (the review queue and topic explorer need a suggestion run and a topic run).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
IMAGES = ROOT / "docs" / "images"


def _settle(app, seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _capture(app, name: str) -> None:
    _settle(app)
    subprocess.run(["import", "-window", "root", str(IMAGES / name)], check=True)


def main(project_path: str, document_id: str, code_path: str) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.views.main_window import MainWindow
    from workbench import codebook
    from workbench.project import Project

    app = QApplication([sys.argv[0]])
    i18n.install(app, "fr")
    project = Project.open(project_path)
    window = MainWindow(project, coder="claire")
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    _settle(app, 2.0)
    window.open_document(int(document_id))
    window.code_panel.select_code(codebook.find_code(project, code_path))
    _settle(app)
    bar = window.viewer.verticalScrollBar()
    bar.setValue(int(bar.maximum() * 0.55))  # down to where the codings overlap
    _capture(app, "main-window.png")
    window.side_tabs.setCurrentWidget(window.memo_panel)
    _capture(app, "memos.png")
    window.side_tabs.setCurrentWidget(window.review_panel)
    _capture(app, "review-queue.png")
    window.side_tabs.setCurrentWidget(window.topic_panel)
    if window.topic_panel.table.rowCount():
        window.topic_panel.table.selectRow(0)
    _capture(app, "topics.png")
    window.side_tabs.setCurrentWidget(window.code_panel)
    window.centre_tabs.setCurrentWidget(window.chart_panel)
    panel = window.chart_panel
    panel.kind.setCurrentIndex(panel.kind.findData("frequencies"))
    _settle(app)
    panel.draw()
    deadline = time.monotonic() + 120
    while panel.job is not None and time.monotonic() < deadline:
        _settle(app, 0.2)
    _capture(app, "analysis.png")
    window.centre_tabs.setCurrentIndex(0)
    dialog = window.open_import_dialog([ROOT / "sample_projects" / "relation-client" / "enquete"])
    dialog.resize(900, 620)
    _settle(app, 2.0)
    if dialog.files.rowCount():
        dialog.files.selectRow(0)  # a table: its preview shows
    _capture(app, "import-dialog.png")
    dialog.close()
    window.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
