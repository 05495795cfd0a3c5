"""Edit > Settings… and the Help menu: preferences persist and reach what they govern (the coding view's
font, the suggestion and topic jobs' device and embedder, the import job's pseudonymiser, the language, topics
on this machine or on a Ray cluster, an unreachable cluster told in one French line),
a model folder the engine refuses gets its one line; the shortcut list is read from the window's own
actions and the coding keys; the About box names the versions and the device; the guide is in French."""

from __future__ import annotations

import importlib.util
import platform
from pathlib import Path

import duckdb
import pytest
from hostile.digest import project_digest
from panel_fixtures import fill, open_settings, open_window
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ui import settings
from ui.views.help_dialogs import AboutDialog, FirstStepsDialog, ShortcutsDialog
from workbench import __version__
from workbench.ingest import folder
from workbench.project import Project
from workbench.suggest import cluster, topics
from workbench.text.pseudonymise import Pseudonymiser


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from defaults: its own settings file."""
    monkeypatch.setenv(settings.ENVIRONMENT_VARIABLE, str(tmp_path / "settings.ini"))


@pytest.fixture
def window(qtbot, project: Project):
    return open_window(qtbot, fill(project))


class Recorded:
    """What a job function was called with; it reports like the engine's jobs do."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []
        self.failures: list[str] = []

    def __call__(self, _project: Project, **kwargs: object) -> Recorded:
        self.calls.append(kwargs)
        return self

    @property
    def kwargs(self) -> dict[str, object]:
        return self.calls[-1]

    def summary(self) -> str:
        return "fait"


def test_font_size_applies_live_persists_and_reaches_a_new_window(qtbot, window, project: Project) -> None:
    assert window.viewer.font().pointSize() == settings.DEFAULT_FONT_SIZE
    dialog = open_settings(qtbot, window)
    dialog.font_size.setValue(17)
    assert window.viewer.font().pointSize() == 17  # seen while choosing
    dialog.reject()
    assert window.viewer.font().pointSize() == settings.DEFAULT_FONT_SIZE  # Cancel puts it back
    dialog = open_settings(qtbot, window)
    dialog.font_size.setValue(15)
    dialog.accept()
    assert window.viewer.font().pointSize() == 15 and settings.saved_font_size() == 15
    window.project = None  # the second window takes the project over
    other = open_window(qtbot, project)
    assert other.viewer.font().pointSize() == 15


@pytest.mark.parametrize(("start", "module", "name"), [("start_suggestions", "workbench.suggest.codes", "suggest_codes"),
                                                        ("start_topics", "workbench.suggest.topics", "run_topics")])
def test_device_and_embedder_reach_the_jobs(qtbot, window, monkeypatch: pytest.MonkeyPatch, start: str, module: str,
                                            name: str) -> None:
    import importlib

    recorded = Recorded()
    monkeypatch.setattr(importlib.import_module(module), name, recorded)
    getattr(window, start)()
    qtbot.waitUntil(lambda: window.job is None, timeout=30000)
    assert recorded.kwargs["device"] == "auto" and recorded.kwargs["embedder"] == "auto"
    dialog = open_settings(qtbot, window)
    dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    dialog.embedder.setCurrentIndex(dialog.embedder.findData("lexical"))
    dialog.accept()
    assert (settings.saved_device(), settings.saved_embedder()) == ("cpu", "lexical")
    getattr(window, start)()
    qtbot.waitUntil(lambda: window.job is None, timeout=30000)
    assert recorded.kwargs["device"] == "cpu" and recorded.kwargs["embedder"] == "lexical"


@pytest.mark.slow  # the pseudonymiser loads spaCy's French model
def all_indexed(window) -> bool:  # type: ignore[no-untyped-def]
    """Whether the indexing job that follows an import has processed every document: the test goes on (and
    ends) after it, or the window would close on a running job."""
    return bool(window.project.scalar("SELECT (SELECT count(*) FROM text_status) = (SELECT count(*) FROM documents)"))


def test_pseudonymise_on_import_reaches_import_paths(qtbot, window, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[object] = []
    original = folder.import_paths

    def watched(*args, **kwargs):
        given.append(kwargs.get("pseudonymiser"))
        return original(*args, **kwargs)

    monkeypatch.setattr(folder, "import_paths", watched)
    first = tmp_path / "premier.txt"
    first.write_text("Écrivez à jeanne.martin@example.fr pour la facture.", encoding="utf-8")
    window.start_import([first])
    qtbot.waitUntil(lambda: window.job is None and all_indexed(window), timeout=60000)  # the indexing follows
    assert given == [None]
    dialog = open_settings(qtbot, window)
    assert not dialog.pseudonymise.isChecked()
    dialog.pseudonymise.setChecked(True)
    dialog.accept()
    assert settings.pseudonymise_on_import()
    second = tmp_path / "second.txt"
    second.write_text("Écrivez à paul.durand@example.fr pour la facture.", encoding="utf-8")
    window.start_import([second])
    qtbot.waitUntil(lambda: window.job is None and all_indexed(window) and window.project.scalar(
        "SELECT count(*) FROM documents WHERE title = 'second'") == 1, timeout=120000)
    assert isinstance(given[-1], Pseudonymiser)
    texts = [text for (text,) in window.project.rows("SELECT text FROM documents ORDER BY id")]
    assert "jeanne.martin@example.fr" in texts[-2] and "paul.durand@example.fr" not in texts[-1]


def test_a_model_folder_is_checked_by_the_engine(qtbot, window, tmp_path: Path) -> None:
    dialog = open_settings(qtbot, window)
    empty = tmp_path / "pas-un-modele"
    empty.mkdir()
    assert not dialog.choose_model_folder(empty)
    assert dialog.error.isVisible() and dialog.error.text().startswith("Dossier refusé : ")
    assert "\n" not in dialog.error.text() and dialog.embedder.currentData() == "auto"
    model = tmp_path / "mon-modele"
    model.mkdir()
    (model / "modules.json").write_text("[]", encoding="utf-8")
    assert dialog.choose_model_folder(model)
    assert not dialog.error.isVisible()
    dialog.accept()
    assert settings.saved_embedder() == f"st:{model.resolve()}"
    again = open_settings(qtbot, window)
    assert again.embedder.currentText() == str(model.resolve())


def test_language_is_switched_live_from_the_settings(qtbot, window) -> None:
    from ui import app

    try:
        dialog = open_settings(qtbot, window)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        english = app._windows[-1]
        qtbot.addWidget(english)
        assert english is not window and settings.saved_language() == "en"
        assert [action.text() for action in english.menuBar().actions()][:2] == ["&File", "&Edit"]
    finally:
        app.use_language("fr")


def native(keys: str) -> str:
    """Keys as the user's platform and language write them (« Ctrl+Maj+Z » in a French Qt)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_shortcut_list_is_read_from_the_window(qtbot, window) -> None:
    extra = QAction("Action ajoutée pour le test", window, shortcut="Ctrl+Alt+J")
    window.addAction(extra)
    dialog = window.help_menu.open_dialog(ShortcutsDialog)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert window.undo_action.text().startswith("&Annuler : ")  # the last action's label is not part of the list
    redo = rows["Rétablir"].split(", ")
    assert rows["Annuler"] == native("Ctrl+Z") and {native("Ctrl+Shift+Z"), native("Ctrl+Y")} <= set(redo)
    assert rows["Document suivant non codé"] == native("Alt+N") and rows["Importer des fichiers…"] == native("Ctrl+I")
    assert rows["Action ajoutée pour le test"] == native("Ctrl+Alt+J")
    assert rows["Coder la sélection avec un autre code (recherche)"] == native("Ctrl+K")
    assert rows["Coder la sélection avec le favori n° 1 à 9"].startswith("1 … 9 (AZERTY : & é")
    assert rows["Suggestions : accepter"] == "A" and rows["Suggestions : rejeter"] == "R"
    assert rows["Suggestions : changer de code"] == "L" and rows["Suggestions : passer"] == "S"


def test_about_box_names_the_versions_and_the_device(qtbot, window) -> None:
    dialog = window.help_menu.open_dialog(AboutDialog)
    qtbot.addWidget(dialog)
    text = dialog.versions.text()
    for expected in (f"Verbatim Workbench {__version__}", f"Python {platform.python_version()}", f"Qt {qVersion()}",
                     f"DuckDB {duckdb.__version__}"):
        assert expected in text
    qtbot.waitUntil(lambda: not dialog.device.text().endswith("…"), timeout=30000)
    assert dialog.device.text().startswith(("Calcul : CPU", "Calcul : GPU"))


def test_first_steps_guide_walks_through_a_first_session(qtbot, window) -> None:
    assert [action.text() for action in window.help_menu.actions()] == ["&Premiers pas", "&Raccourcis clavier",
                                                                       "À &propos…"]
    assert window.help_menu.menuAction() is window.menuBar().actions()[-1]
    dialog = window.help_menu.open_dialog(FirstStepsDialog)
    qtbot.addWidget(dialog)
    page = dialog.page.toPlainText()
    steps = ["Ouvrir la démonstration", "Importer vos verbatims", "Coder", "Relire les suggestions", "Exporter"]
    assert [page.index(step) for step in steps] == sorted(page.index(step) for step in steps)


# -- topics on this machine or on a Ray cluster -------------------------------------------------------------------
def run_topics_job(qtbot, window) -> None:
    window.start_topics()
    qtbot.waitUntil(lambda: window.job is None, timeout=120000)


def test_the_cluster_choice_is_remembered_and_reaches_the_topic_job(qtbot, window, monkeypatch) -> None:
    pytest.importorskip("ray", reason="the `cluster` extra is not installed")
    on_cluster, here = Recorded(), Recorded()
    monkeypatch.setattr(cluster, "run_topics_on_cluster", on_cluster)
    monkeypatch.setattr(topics, "run_topics", here)
    dialog = open_settings(qtbot, window)
    assert dialog.cluster.where.currentText() == "Sur ce poste" and not dialog.cluster.address.isEnabled()
    dialog.cluster.where.setCurrentIndex(dialog.cluster.where.findText("Sur un cluster Ray"))
    assert dialog.cluster.address.isEnabled()
    dialog.cluster.address.setText(" ray://tête:10001 ")
    dialog.accept()
    assert settings.saved_cluster() == (True, "ray://tête:10001")
    run_topics_job(qtbot, window)
    assert on_cluster.calls == [{"address": "ray://tête:10001", "embedder": "auto", "device": "auto",
                                 "progress": on_cluster.calls[0]["progress"], "cancel": on_cluster.calls[0]["cancel"]}]
    assert here.calls == []
    dialog = open_settings(qtbot, window)
    assert dialog.cluster.where.currentText() == "Sur un cluster Ray"
    dialog.cluster.address.clear()  # empty: a local Ray cluster
    dialog.accept()
    run_topics_job(qtbot, window)
    assert on_cluster.calls[-1]["address"] == cluster.LOCAL
    dialog = open_settings(qtbot, window)
    dialog.cluster.where.setCurrentIndex(dialog.cluster.where.findText("Sur ce poste"))
    dialog.cluster.address.setText("ray://tête:10001")
    dialog.accept()
    run_topics_job(qtbot, window)
    assert len(here.calls) == 1 and len(on_cluster.calls) == 2
    assert settings.saved_cluster() == (False, "ray://tête:10001")  # kept for the next time


def test_without_ray_the_choice_is_not_offered_and_topics_run_here(qtbot, window, monkeypatch) -> None:
    settings.save_cluster(True, "ray://tête:10001")  # chosen while the extra was installed
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None if name == "ray" else find_spec(name, *args))
    here = Recorded()
    monkeypatch.setattr(topics, "run_topics", here)
    dialog = open_settings(qtbot, window)
    assert dialog.cluster is None
    dialog.reject()
    run_topics_job(qtbot, window)
    assert len(here.calls) == 1


def test_an_unreachable_cluster_is_one_french_line_and_changes_nothing(qtbot, window, project: Project,
                                                                         monkeypatch) -> None:
    pytest.importorskip("ray", reason="the `cluster` extra is not installed")
    settings.save_cluster(True, "ray://127.0.0.1:1")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    before = project_digest(project)
    run_topics_job(qtbot, window)
    assert shown == [("Le cluster Ray ray://127.0.0.1:1 ne répond pas : vérifiez son adresse dans "
                      "Édition > Paramètres, ou calculez les thèmes sur ce poste.")]
    assert project_digest(project) == before
