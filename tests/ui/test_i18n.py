"""The GUI in English and in French: the translator turns the French source strings into English, the
French one gives the strings with a count their singular, and the committed .ts/.qm pairs stay complete and
in step with the strings in ui/."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from panel_fixtures import fill, installed_language, open_window

from workbench import codebook, coding
from workbench.project import Project

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "ui" / "i18n"
TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease come with PySide6


@pytest.fixture
def filled(project: Project) -> Project:
    """The panel tests' project with one coding, so the status bar shows a singular and plurals."""
    fill(project)
    coding.apply_code(project, 1, codebook.find_code(project, "Motifs/Facturation"), coder="claire")
    return project


@pytest.fixture
def english(qtbot) -> Iterator[None]:
    yield from installed_language("en")


@pytest.fixture
def french(qtbot) -> Iterator[None]:
    yield from installed_language("fr")


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def tab_titles(tabs) -> list[str]:
    return [tabs.tabText(index) for index in range(tabs.count())]


def test_main_window_in_english(qtbot, english: None, filled: Project) -> None:
    from PySide6.QtCore import Qt

    window = open_window(qtbot, filled)
    assert menu_titles(window) == ["&File", "&Edit", "&Analysis", "&View", "T&raining", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    assert [action.text() for action in file_menu.actions() if action.text()] == [
        "&New project…", "&Open project…", "&Recent projects", "&Coder…", "&Import files…", "E&xport",
        "&Merge projects…", "&Back up a copy…", "&Quit"]
    assert window.undo_action.text() == "&Undo: Coded the whole document as Facturation"
    assert window.redo_action.text() == "&Redo"
    assert tab_titles(window.centre_tabs) == ["Document", "Charts", "Training"]
    assert tab_titles(window.side_tabs)[:5] == ["Codes", "Search", "Suggestions", "Topics", "Memos"]
    assert window.document_dock.windowTitle() == "Documents"
    assert window.kind_filter.itemText(0) == "All types"
    assert window.remove_coding.text() == "Remove coding"
    headers = [window.model.headerData(column, Qt.Orientation.Horizontal) for column in range(6)]
    assert headers == ["ID", "Type", "Title", "Characters", "Codings", "Date"]
    assert window.model.data(window.model.index(0, 1)) == "Survey"
    assert window.status.text() == "3 documents · 0 segments · 3 codes · 1 coding"
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


def test_french_is_the_source_with_its_singulars(qtbot, french: None, filled: Project) -> None:
    window = open_window(qtbot, filled)
    assert menu_titles(window) == ["&Fichier", "&Édition", "&Traitement", "&Affichage", "F&ormation", "&Aide"]
    assert tab_titles(window.centre_tabs) == ["Document", "Graphiques", "Formation"]
    assert tab_titles(window.side_tabs)[:5] == ["Codes", "Recherche", "Suggestions", "Thèmes", "Mémos"]
    assert window.status.text() == "3 documents · 0 segment · 3 codes · 1 codage"
    assert window.model.data(window.model.index(0, 1)) == "Enquête"
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


@pytest.mark.parametrize(("language", "options"), [("en", []), ("fr", ["-pluralonly"])])
def test_translation_files_are_complete_and_compiled(tmp_path: Path, language: str, options: list[str]) -> None:
    """Fails when a string in ui/ is missing from a .ts (run `make i18n`), when an entry is unfinished,
    obsolete or empty (translate it), or when a committed .qm is not its compiled .ts (run `make i18n`).
    The French file holds only the strings with a count: their singular and plural forms."""
    ts, qm = I18N / f"verbatim_{language}.ts", I18N / f"verbatim_{language}.qm"
    extracted = tmp_path / f"extracted_{language}.ts"
    sources = sorted(str(path) for path in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-silent", "-locations", "none", *options, "-source-language", "fr",
                    "-target-language", language, *sources, "-ts", str(extracted)], check=True, cwd=ROOT)
    committed = messages(ts)
    assert sorted(messages(extracted).keys() - committed.keys()) == [], "strings missing from the .ts"
    assert sorted(committed.keys() - messages(extracted).keys()) == [], "strings no longer in ui/"
    for key, message in committed.items():
        translation = message.find("translation")
        assert translation.get("type") is None, f"{translation.get('type')} translation: {key}"
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        assert forms and all((form.text or "").strip() for form in forms), f"empty translation: {key}"
    compiled = tmp_path / qm.name
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == qm.read_bytes(), f"{qm.name} is not the compiled {ts.name}"
