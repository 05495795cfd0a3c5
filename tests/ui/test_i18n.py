"""The GUI in English and in French: the translator turns the French source strings into English, French
needs none, and the committed .ts/.qm pair stays complete and in step with the strings in ui/."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from panel_fixtures import fill, open_window

from workbench import codebook, coding
from workbench.project import Project

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "i18n" / "verbatim_en.ts"
QM = ROOT / "ui" / "i18n" / "verbatim_en.qm"
TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease come with PySide6


@pytest.fixture
def filled(project: Project) -> Project:
    """The panel tests' project with one coding, so the status bar shows a singular and plurals."""
    fill(project)
    coding.apply_code(project, 1, codebook.find_code(project, "Motifs/Facturation"), coder="claire")
    return project


@pytest.fixture
def english(qtbot) -> Iterator[None]:
    """English installed for one test, then removed so that the other tests see the French source."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    app = QApplication.instance()
    translators = i18n.install(app, "en")
    assert any(Path(t.filePath()).name == "verbatim_en.qm" for t in translators)
    yield
    i18n.uninstall(app, translators)


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def tab_titles(tabs) -> list[str]:
    return [tabs.tabText(index) for index in range(tabs.count())]


def test_main_window_in_english(qtbot, english: None, filled: Project) -> None:
    from PySide6.QtCore import Qt

    window = open_window(qtbot, filled)
    assert menu_titles(window) == ["&File", "&Edit", "&Analysis"]
    file_menu = window.menuBar().actions()[0].menu()
    assert [action.text() for action in file_menu.actions()] == ["&Open project…", "&Import files…", "&Back up a copy…",
                                                                    "&Quit"]
    assert window.undo_action.text().startswith("&Undo: ")
    assert window.redo_action.text() == "&Redo"
    assert tab_titles(window.centre_tabs) == ["Document", "Charts", "Training"]
    assert tab_titles(window.side_tabs) == ["Codes", "Search", "Suggestions", "Topics"]
    assert window.document_dock.windowTitle() == "Documents"
    assert window.kind_filter.itemText(0) == "All types"
    assert window.remove_coding.text() == "Remove coding"
    headers = [window.model.headerData(column, Qt.Orientation.Horizontal) for column in range(5)]
    assert headers == ["ID", "Type", "Title", "Characters", "Codings"]
    assert window.status.text() == "3 documents · 0 segments · 3 codes · 1 coding · coder: claire"
    assert window.codings.item(0).text().endswith("“Ma facture a doublé sans prévenir, je veux être remboursée.”")


def test_panels_in_english(qtbot, english: None, filled: Project) -> None:
    window = open_window(qtbot, filled)
    assert (window.code_panel.code_selection.text(), window.code_panel.code_whole.text()) == (
        "Code selection", "Code document")
    assert window.search_panel.run_button.text() == "Search"
    assert (window.review_panel.accept_button.text(), window.review_panel.reject_button.text()) == (
        "Accept", "Reject")
    assert window.topic_panel.map_button.text() == "Propose this code for the topic"
    assert window.topic_panel.summary.text() == "No topics yet: Analysis > Find topics."
    assert (window.chart_panel.draw_button.text(), window.chart_panel.save_button.text()) == ("Draw", "Save…")
    assert window.chart_panel.kind.itemText(0) == "Code frequencies"
    assert window.trainer_panel.score_button.text() == "Evaluate"


def test_french_is_the_default(qtbot, filled: Project) -> None:
    window = open_window(qtbot, filled)
    assert menu_titles(window) == ["&Fichier", "&Édition", "&Traitement"]
    assert tab_titles(window.centre_tabs) == ["Document", "Graphiques", "Formation"]
    assert tab_titles(window.side_tabs) == ["Codes", "Recherche", "Suggestions", "Thèmes"]
    assert window.status.text() == "3 documents · 0 segments · 3 codes · 1 codages · codeur : claire"
    assert window.code_panel.code_selection.text() == "Coder la sélection"
    assert window.review_panel.accept_button.text() == "Accepter"
    assert window.chart_panel.draw_button.text() == "Tracer"


def test_language_choice_option_then_environment_then_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    from ui import i18n

    assert i18n.choose_language("en", {"VERBATIM_LANG": "fr"}) == "en"
    assert i18n.choose_language(None, {"VERBATIM_LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.choose_language(None, {"VERBATIM_LANG": "de"}) == "en"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.French)))
    assert i18n.choose_language(None, {}) == "fr"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert i18n.choose_language(None, {}) == "en"


def test_command_line_takes_a_language_and_leaves_qt_options_to_qt() -> None:
    from ui.app import parse_arguments

    options, rest = parse_arguments(["--lang", "en", "projet.vwb", "-reverse"])
    assert (options.lang, options.project, rest) == ("en", Path("projet.vwb"), ["-reverse"])
    assert parse_arguments([])[0].lang is None


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name"), message.findtext("source"))] = message
    return found


def test_translation_file_is_complete_and_compiled(tmp_path: Path) -> None:
    """Fails when a string in ui/ is missing from the .ts (run `make i18n`), when an entry is unfinished,
    obsolete or empty (translate it), or when the committed .qm is not the compiled .ts (run `make i18n`)."""
    extracted = tmp_path / "extracted_en.ts"
    sources = sorted(str(path) for path in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-silent", "-locations", "none", "-source-language", "fr",
                    "-target-language", "en", *sources, "-ts", str(extracted)], check=True, cwd=ROOT)
    committed = messages(TS)
    assert sorted(messages(extracted).keys() - committed.keys()) == [], "strings missing from the .ts"
    assert sorted(committed.keys() - messages(extracted).keys()) == [], "strings no longer in ui/"
    for key, message in committed.items():
        translation = message.find("translation")
        assert translation.get("type") is None, f"{translation.get('type')} translation: {key}"
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        assert forms and all((form.text or "").strip() for form in forms), f"empty translation: {key}"
    compiled = tmp_path / "verbatim_en.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == QM.read_bytes(), "verbatim_en.qm is not the compiled verbatim_en.ts"
