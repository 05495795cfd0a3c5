"""Shared data of the panel tests: a three-answer survey project with a code group, and the window over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from builders import add_document, add_source

from workbench import codebook
from workbench.project import Project

TEXTS = [
    "Ma facture a doublé sans prévenir, je veux être remboursée.",
    "Merci au conseiller, très aimable, problème réglé 😀.",
    "Les factures arrivent en retard depuis trois mois.",
]


def fill(project: Project) -> Project:
    source = add_source(project, "a.csv", kind="csv", origin="/a.csv", sha256="x")
    for position, text in enumerate(TEXTS, start=1):
        add_document(project, text, f"Réponse {position}", "survey", source_id=source, position=position)
    project.execute("INSERT INTO variables (name, type) VALUES ('nps', 'integer')")
    for document_id, nps in ((1, 2), (2, 10), (3, 5)):
        project.execute("INSERT INTO document_values VALUES (?, 1, ?)", [document_id, str(nps)])
    group = codebook.create_code(project, "Motifs", codable=False)
    codebook.create_code(project, "Facturation", group, color="#E69F00")
    codebook.create_code(project, "Compliment", group, color="#009E73")
    return project


def open_window(qtbot, project: Project):
    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="claire")
    qtbot.addWidget(window)
    return window


def open_settings(qtbot, window):
    """Edit > Settings of `window`, closed with the test."""
    dialog = window.workspace.open_settings()
    qtbot.addWidget(dialog)
    return dialog


def when_modal(act: Callable[[object], None]) -> None:
    """Run `act` on the next modal dialog once it is shown (its exec() blocks the test meanwhile)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
        else:
            act(dialog)

    QTimer.singleShot(0, attempt)


def installed_language(language: str) -> Iterator[None]:
    """`language` installed as the program does it, for one test (`yield from` in a fixture), then removed:
    French gives the counts their singular ("1 codage"), English is the other window language."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    app = QApplication.instance()
    translators = i18n.install(app, language)
    assert any(Path(t.filePath()).name == f"verbatim_{language}.qm" for t in translators)
    yield
    i18n.uninstall(app, translators)
