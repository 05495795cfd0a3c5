"""Take docs/images/exercise-results.png: the Formation tab after a trainer collected two trainees' copies.

Run under Xvfb:
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python docs/images/exercise_screenshot.py
It also takes docs/images/exercise-group.png, the group's page (agreement and the codes' difficulty). It builds, in a temporary folder, a small reference project of French verbatims coded by a reference
coder, hands out an exercise, codes two copies through the engine (Tom with planted mistakes), collects
them in the French window and captures it with Tom's false alarms and the first one's detail shown.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
IMAGES = ROOT / "docs" / "images"

TEXTS = [
    ("Appel 1", "call", ("Bonjour. Franchement je suis très fâché contre vous, vous êtes des voleurs, "
                        "je change d'opérateur dès demain.")),
    ("E-mail 2", "email", ("Madame, nous étions clients depuis vingt ans, presque des amis, mais plus "
                          "maintenant : vous ne répondez plus à rien.")),
    ("Chat 3", "chat", "Merci beaucoup pour votre aide, vous êtes formidables, je recommande votre service."),
    ("Appel 4", "call", "Je veux juste comprendre ma facture, sans plus. Le reste m'est égal."),
]
CODES = {
    "Relations/Adversaires": ("Le client se pose contre l'entreprise, l'accuse ou menace de partir.",
                              ["voleurs", "je change d'opérateur", "menace"]),
    "Relations/Ex-amis": ("Une relation ancienne et chaleureuse que le client dit perdue.",
                          ["depuis vingt ans", "plus maintenant", "nous étions"]),
    "Relations/Partenariat engagé": ("Le client s'engage avec l'entreprise, la recommande.",
                                     ["je recommande", "formidables"]),
    "Relations/Transaction": ("Une relation limitée à l'échange, sans attachement.", ["juste", "sans plus"]),
    "Émotions/Colère": ("Le client exprime de la colère.", ["fâché", "scandaleux"]),
}
REFERENCE = [("Relations/Adversaires", 0, "vous êtes des voleurs, je change d'opérateur dès demain"),
             ("Émotions/Colère", 0, "je suis très fâché contre vous"),
             ("Relations/Ex-amis", 1, "nous étions clients depuis vingt ans, presque des amis, mais plus maintenant"),
             ("Relations/Partenariat engagé", 2, "vous êtes formidables, je recommande votre service"),
             ("Relations/Transaction", 3, "Je veux juste comprendre ma facture, sans plus")]
TRAINEES = {
    "Léa": REFERENCE[:4],
    "Tom": [("Relations/Adversaires", 1, "nous étions clients depuis vingt ans, presque des amis, mais plus maintenant"),
            ("Émotions/Colère", 0, "très fâché"), ("Émotions/Colère", 2, "Merci beaucoup pour votre aide"),
            ("Relations/Adversaires", 0, "vous êtes des voleurs")],
}


def _settle(app, seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _code(project, path: str, document_id: int, passage: str, coder: str, role: str) -> None:
    from workbench import codebook, coding

    text = TEXTS[document_id - 1][2]
    start = text.index(passage)
    coding.apply_code(project, document_id, codebook.find_code(project, path), start, start + len(passage),
                      coder=coder, role=role)


def build(folder: Path) -> tuple[Path, list[Path]]:
    from tests.builders import add_document
    from workbench import codebook
    from workbench.project import Project
    from workbench.training.exercise import create_exercise
    from workbench.training.handin import hand_in

    reference = folder / "formation.vwb"
    with Project.create(reference) as project:
        for title, kind, text in TEXTS:
            add_document(project, text, title, kind)
        groups: dict[str, int] = {}
        for path, (definition, indicators) in CODES.items():
            group, name = path.split("/")
            if group not in groups:
                groups[group] = codebook.create_code(project, group, codable=False)
            codebook.create_code(project, name, groups[group], description=definition, indicators=indicators)
        for path, document, passage in REFERENCE:
            _code(project, path, document + 1, passage, "Claire", "reference")
        create_exercise(project, folder / "exercice.vwb", documents=[1, 2, 3, 4],
                        instructions="Repérez la forme de relation et l'émotion de chaque verbatim.", time_limit_minutes=30)
    handins = []
    for trainee, work in TRAINEES.items():
        copy = folder / f"exercice-{trainee}.vwb"
        shutil.copyfile(folder / "exercice.vwb", copy)
        with Project.open(copy) as exercise:
            for path, document, passage in work:
                _code(exercise, path, document + 1, passage, trainee, "trainee")
        handins.append(folder / f"copie-{trainee}.vwb")
        hand_in(copy, trainee, handins[-1])
    return reference, handins


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import use_language
    from ui.views.main_window import MainWindow
    from workbench.project import Project

    app = QApplication.instance() or QApplication([])
    use_language(i18n.SOURCE_LANGUAGE)
    with tempfile.TemporaryDirectory() as temporary:
        reference, handins = build(Path(temporary))
        window = MainWindow(Project.open(reference), coder="Claire")
        window.resize(1280, 800)
        window.show()
        _settle(app)
        window.exercises.collect(handins)
        while window.exercises.results_dialog is None:
            _settle(app, 0.1)
        window.exercises.results_dialog.close()
        view = window.trainer_panel.exercises
        while view.job is not None or view.feedback is None:
            _settle(app, 0.1)
        view.trainee.setCurrentIndex(view.trainee.findData("Tom"))
        view.tabs.setCurrentWidget(view.false_alarms)
        view.false_alarms.setCurrentCell(0, 0)
        _settle(app)
        window.grab().save(str(IMAGES / "exercise-results.png"))
        view.tabs.setCurrentIndex([view.tabs.tabText(i) for i in range(view.tabs.count())].index("Groupe"))  # its first table: the codes
        _settle(app)
        window.grab().save(str(IMAGES / "exercise-group.png"))
        window.close()


if __name__ == "__main__":
    main()
