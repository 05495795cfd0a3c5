"""Edit > Settings…: topics on this machine or on a Ray cluster, remembered, reaching the topic job, and an
unreachable cluster told in one French line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hostile.digest import project_digest
from panel_fixtures import fill, open_settings, open_window
from PySide6.QtWidgets import QMessageBox

from ui import settings
from workbench.project import Project
from workbench.suggest import cluster, topics


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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

    def summary(self) -> str:
        return "fait"


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
