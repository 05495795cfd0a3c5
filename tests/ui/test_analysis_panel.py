"""Analysis pane: every chart kind computed off the GUI thread shows its table and its picture, copies and
exports; titles follow the window's language."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import coded_project
import pytest
from matplotlib.image import imread
from panel_fixtures import open_window
from PySide6.QtGui import QGuiApplication

from workbench.project import Project

KINDS = {  # kind: (code, variable, a header the table shows, a cell it holds)
    "frequencies": (None, None, "Documents", "Motif/Résiliation"),
    "crosstab": ("Motif", "canal", "Résidu standardisé ajusté", "téléphone"),
    "cooccurrence": (None, None, "Jaccard", "Motif/Facturation/Erreur de facture"),
    "trends": (None, None, "Période", "2026-01-01"),
    "topics": (None, None, "Mots-clés", "départ"),
    "agreement": (None, None, "Kappa de Cohen", "Motif/Résiliation"),
    "relationship-map": (None, None, "Intimité", "Formes de relation/Amitié"),
}


@pytest.fixture
def coded(project: Project) -> Project:
    return coded_project.build(project)


def _draw(qtbot, panel, kind: str, code: str | None = None, variable: str | None = None) -> None:
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    if code is not None:
        panel.code.setCurrentIndex(panel.code.findData(code))
    if variable is not None:
        panel.variable.setCurrentIndex(panel.variable.findText(variable))
    assert panel.draw() is not None
    qtbot.waitUntil(lambda: panel.job is None, timeout=60000)


def _cells(panel) -> list[str]:
    return [cell for row in panel.model.rows for cell in row]


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_analysis_fills_its_table_shows_its_chart_and_exports(qtbot, coded: Project, kind: str,
                                                                   tmp_path: Path) -> None:
    code, variable, header, cell = KINDS[kind]
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    _draw(qtbot, panel, kind, code, variable)
    assert not panel.message.text().startswith("⚠"), panel.message.text()
    assert panel.table.model().rowCount() > 0 and header in panel.model.headers
    assert any(cell in text for text in _cells(panel)), _cells(panel)[:12]
    assert not panel.picture.pixmap().isNull() and panel.picture.pixmap().width() >= 480
    for suffix in ("png", "svg"):
        path = tmp_path / f"{kind}.{suffix}"
        assert panel.export(str(path)) is not None
        qtbot.waitUntil(lambda written=str(path): written in panel.message.text(), timeout=60000)
        if suffix == "png":
            pixels = imread(path)
            assert pixels.shape[0] >= 320 and pixels[..., :3].std() > 0.01
        else:
            assert "<svg" in path.read_text(encoding="utf-8")


def test_the_crosstab_shows_its_chi_square_and_residuals(qtbot, coded: Project) -> None:
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    _draw(qtbot, panel, "crosstab", "Motif", "canal")
    assert panel.message.text().startswith("χ² = 4.00, ddl = ")
    residual = panel.model.headers.index("Résidu standardisé ajusté")
    assert all(row[residual] == "" or float(row[residual]) == float(row[residual]) for row in panel.model.rows)
    assert any(row[residual] not in ("", "0") for row in panel.model.rows)


def test_copy_puts_the_table_as_tsv_and_the_chart_as_an_image(qtbot, coded: Project) -> None:
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    assert not panel.copy_table_button.isEnabled()
    _draw(qtbot, panel, "frequencies")
    panel.copy_table_button.click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Code", "Documents", "Codages", "Part"]
    assert len(lines) == panel.model.rowCount() + 1
    assert any(line.startswith("Motif/Résiliation\t") for line in lines)
    panel.copy_chart_button.click()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() == panel.picture.pixmap().width()


def test_a_wrong_export_name_is_refused_in_one_line(qtbot, coded: Project, tmp_path: Path) -> None:
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    _draw(qtbot, panel, "frequencies")
    assert panel.export(str(tmp_path / "chart.pdf")) is not None
    qtbot.waitUntil(lambda: panel.message.text() == "⚠ chart.pdf: charts are written as .png or .svg", timeout=30000)
    assert not (tmp_path / "chart.pdf").exists()


def test_the_gui_thread_only_shows_what_the_worker_made(qtbot, coded: Project) -> None:
    """Receiving a finished analysis (table and picture) stays far under the 100 ms a window may hold."""
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    timings: list[float] = []
    original = panel._drawn

    def timed(drawn) -> None:
        started = time.perf_counter()
        original(drawn)
        timings.append(time.perf_counter() - started)

    panel._drawn = timed  # draw() connects the job to it
    panel.kind.setCurrentIndex(panel.kind.findData("relationship-map"))
    assert panel.draw() is not None
    qtbot.waitUntil(lambda: bool(timings), timeout=60000)
    assert timings[0] < 0.1


@pytest.fixture
def english(qtbot, monkeypatch) -> Iterator[None]:
    """The window in English, as View > Language leaves it."""
    from PySide6.QtWidgets import QApplication

    import ui.app
    from ui import i18n

    app = QApplication.instance()
    translators = i18n.install(app, "en")
    monkeypatch.setattr(ui.app, "_language", ["en"])
    yield
    i18n.uninstall(app, translators)


def test_the_english_window_draws_english_chart_titles(qtbot, english: None, coded: Project) -> None:
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    _draw(qtbot, panel, "trends")
    texts = "\n".join(text.get_text() for text in panel.figure.findobj(lambda artist: hasattr(artist, "get_text")))
    assert "Codes over time" in texts and "share of documents" in texts
    assert "Évolution" not in texts


def test_trends_of_every_first_level_code_or_of_one(qtbot, coded: Project) -> None:
    window = open_window(qtbot, coded)
    panel = window.chart_panel
    _draw(qtbot, panel, "trends")
    every = {row[1] for row in panel.model.rows}
    _draw(qtbot, panel, "trends", "Motif")
    assert len(every) > 1 and {row[1] for row in panel.model.rows} == {"Motif"}


def test_a_crosstab_without_a_variable_says_what_it_needs(qtbot, project: Project) -> None:
    from panel_fixtures import fill

    filled = fill(project)
    filled.execute("DELETE FROM document_values")
    filled.execute("DELETE FROM variables")
    window = open_window(qtbot, filled)
    panel = window.chart_panel
    panel.kind.setCurrentIndex(panel.kind.findData("crosstab"))
    assert panel.code.currentData() is not None  # a crosstab never starts on "every code"
    assert panel.draw() is None
    assert panel.message.text() == "Choisissez un code et une variable pour le tableau croisé."
