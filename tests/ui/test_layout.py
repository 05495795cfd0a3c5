"""The window keeps its shape at a small laptop screen and a large one, in both languages: no widget is
pushed out of the window, the document list stays usable, and an error message never widens a pane."""

from __future__ import annotations

import pytest
from builders import set_value
from panel_fixtures import fill
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from workbench import codebook
from workbench.project import Project

SIZES = [(1024, 700), (1920, 1080)]
MIN_LIST_WIDTH = 220  # room for a title column beside id, kind and counts
LONG_ERROR = "région_de_résidence_du_client_au_moment_de_l_appel_selon_le_crm" * 4 + " ~ nord"


def _long_names(project: Project) -> Project:
    """What real projects hold: long code paths and free-text values, which a combo box sized to its
    longest item would stretch across the screen."""
    fill(project)
    group = codebook.create_code(project, "Formes de relation client–marque (Fournier, 1998)", codable=False)
    codebook.create_code(project, "Positives et intimes : partenariat engagé, meilleure amitié, dépendance", group)
    for document_id in (1, 2, 3):
        set_value(project, document_id, "commentaire_libre_du_conseiller",
                  f"Client rappelé trois fois, dossier transmis au service réclamations le {document_id} mars")
    return project


def _outside(window: QWidget) -> list[str]:
    """Visible widgets whose rectangle is not inside the window's."""
    frame = QRect(QPoint(0, 0), window.size())
    out = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 1:
            continue
        top_left = widget.mapTo(window, QPoint(0, 0))
        if not frame.contains(QRect(top_left, widget.size())):
            name = widget.objectName() or type(widget).__name__
            out.append(f"{name} at {top_left.x()},{top_left.y()} size {widget.width()}x{widget.height()}")
    return out


@pytest.fixture(params=["fr", "en"])
def language(request):
    from ui import i18n

    app = QApplication.instance()
    installed = i18n.install(app, request.param)
    yield request.param
    i18n.uninstall(app, installed)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_nothing_leaves_the_window_and_the_list_stays_usable(qtbot, project: Project, language, width, height) -> None:
    from ui.views.main_window import MainWindow

    window = MainWindow(_long_names(project), coder="claire")
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.side_tabs.count()):  # every tab of the right pane, each its own minimum width
        window.side_tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert (window.width(), window.height()) == (width, height), window.side_tabs.tabText(index)
        assert _outside(window) == [], window.side_tabs.tabText(index)
        assert window.documents.width() >= MIN_LIST_WIDTH, window.side_tabs.tabText(index)
    # every tab of the right pane and of the trainer's results is in sight, none behind the scroll arrows
    window.centre_tabs.setCurrentWidget(window.trainer_panel)
    for page in range(window.trainer_panel.pages.count()):
        window.trainer_panel.pages.setCurrentIndex(page)
        qtbot.wait(10)
        for bar in [window.side_tabs.tabBar(), *window.trainer_panel.findChildren(QTabBar)]:
            if bar.isVisible():
                shown = bar.tabRect(0).left(), bar.tabRect(bar.count() - 1).right()
                assert shown[0] >= 0 and shown[1] <= bar.width(), (bar.tabText(bar.count() - 1), shown, bar.width())


def test_a_long_error_in_the_search_pane_never_widens_it(qtbot, project: Project) -> None:
    from ui.views.main_window import MainWindow
    from workbench.text.segment import segment_project

    segment_project(fill(project))
    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.search_panel)
    before = window.side_tabs.width()
    panel = window.search_panel
    panel.query.setText("facture")
    panel.where.setText(LONG_ERROR)  # an unreadable filter: the engine's message quotes it whole
    with qtbot.waitSignal(panel.searched, timeout=30000) as ended:
        panel.run()
    assert ended.args == [False] and LONG_ERROR[:40] in panel.summary.text()
    qtbot.wait(10)
    assert window.side_tabs.width() == before and window.width() == 1024
    assert _outside(window) == []


def test_the_first_size_fits_a_small_screen(qtbot, project: Project) -> None:
    """1280x800 by default, less on a smaller screen: a window taller than the screen hides its status bar,
    where every job shows its progress (offscreen, Qt's screen is 800x600)."""
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.width() < 1280 or available.height() < 800, "this test needs a screen under 1280x800"
    assert (window.width(), window.height()) == (min(1280, available.width()), min(800, available.height()))
