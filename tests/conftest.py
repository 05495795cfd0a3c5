"""Test set-up shared by all tests: offscreen Qt, no network for models, small project fixtures."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# The window remembers recent projects, the coder and the language: never in the user's own settings file.
os.environ["VERBATIM_SETTINGS"] = str(Path(tempfile.mkdtemp(prefix="workbench-tests-")) / "settings.ini")

import pytest

from workbench.project import Project

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "sample_projects" / "relation-client"


@pytest.fixture
def project(tmp_path: Path):
    """A new, empty French project in a temporary folder."""
    with Project.create(tmp_path / "test.vwb", language="fr") as created:
        yield created


@pytest.fixture(autouse=True)
def _no_translator_left_behind(request: pytest.FixtureRequest):
    """A test that switches the window's language must not leave the next tests in it."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    before = list(i18n.INSTALLED)
    yield
    i18n.uninstall(QApplication.instance(), [translator for translator in i18n.INSTALLED if translator not in before])


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """A modal QMessageBox would block an offscreen test forever: make any dialog fail the test instead."""
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    def refuse(_parent: object, title: str, text: str, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {title}: {text}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
