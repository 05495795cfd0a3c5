"""Engine refusals as the window words them.

The engine's messages are one-line English sentences made for the command line. The refusals a person
meets in the middle of their work carry what they are about (`workbench.errors`: the coding, the code,
the file), and are put in the window's language here; any other refusal keeps the engine's words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from workbench.errors import (
    AlreadyCoded,
    BadCodeName,
    CodeNameTaken,
    FixedCodebook,
    GroupingCode,
    NotAProject,
    ProjectLocked,
    ProjectNotFound,
    ProjectTooNew,
    WorkbenchError,
)
from workbench.training.clock import TimeUp


def refusal_text(exc: WorkbenchError) -> str:
    if isinstance(exc, TimeUp):
        return QCoreApplication.translate(
            "refusals", "Temps écoulé : vos {limit} minutes pour cet exercice ont pris fin à {time}. Vos "
            "codages ne peuvent plus changer ; rendez votre copie.").format(
            limit=exc.clock.limit_minutes, time=exc.clock.deadline.astimezone().strftime("%H:%M"))
    if isinstance(exc, AlreadyCoded):
        return QCoreApplication.translate(
            "refusals", "{coder} a déjà codé ce passage avec « {code} ».").format(coder=exc.coder, code=exc.path)
    if isinstance(exc, GroupingCode):
        return QCoreApplication.translate(
            "refusals", "« {code} » regroupe d'autres codes et ne s'applique pas lui-même : choisissez l'un de "
            "ses sous-codes.").format(code=exc.path)
    if isinstance(exc, CodeNameTaken) and exc.parent is None:
        return QCoreApplication.translate(
            "refusals", "Un code « {name} » existe déjà au premier niveau : choisissez un autre nom.").format(
            name=exc.name)
    if isinstance(exc, CodeNameTaken):
        return QCoreApplication.translate(
            "refusals", "Un code « {name} » existe déjà sous « {parent} » : choisissez un autre nom.").format(
            name=exc.name, parent=exc.parent)
    if isinstance(exc, FixedCodebook):
        return QCoreApplication.translate(
            "refusals", "{name} est un exercice : son livre de codes est celui du formateur et ne peut pas changer "
            "ici (une copie rendue avec un autre livre de codes ne pourrait pas être collectée).").format(
            name=exc.file)
    if isinstance(exc, BadCodeName) and not exc.name:
        return QCoreApplication.translate("refusals", "Un code a besoin d'un nom.")
    if isinstance(exc, BadCodeName):
        return QCoreApplication.translate(
            "refusals", "Un nom de code ne peut pas contenir « / », qui sépare les niveaux d'un chemin de code.")
    if isinstance(exc, (ProjectLocked, ProjectNotFound, NotAProject, ProjectTooNew)) and exc.path is not None:
        return _project_refusal(exc, Path(exc.path))
    return str(exc)


def _project_refusal(exc: ProjectLocked | ProjectNotFound | NotAProject | ProjectTooNew, path: Path) -> str:
    if isinstance(exc, ProjectLocked):
        return QCoreApplication.translate(
            "refusals", "{name} est ouvert dans un autre programme ou une autre fenêtre : fermez-le là d'abord "
            "(un projet ne s'écrit que d'un endroit à la fois).").format(name=path.name)
    if isinstance(exc, ProjectNotFound):
        return QCoreApplication.translate("refusals", "{path} n'existe pas.").format(path=path)
    if isinstance(exc, ProjectTooNew):
        return QCoreApplication.translate(
            "refusals", "{name} a été enregistré par une version plus récente de Verbatim Workbench : mettez "
            "le programme à jour pour l'ouvrir.").format(name=path.name)
    return QCoreApplication.translate(
        "refusals", "{name} n'est pas un projet Verbatim Workbench lisible ; le fichier n'a pas été "
        "modifié.").format(name=path.name)
