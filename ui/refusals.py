"""Engine refusals as the window words them.

The engine's messages are one-line English sentences made for the command line. The refusals a person
meets in the middle of their work carry what they are about (`workbench.errors`: the coding, the code,
the file), and are put in the window's language here; any other refusal keeps the engine's words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.kinds import column_type_labels, role_label
from workbench.errors import (
    AlreadyCoded,
    BadCodeName,
    CodeNameTaken,
    FixedCodebook,
    GroupingCode,
    IngestError,
    NotAProject,
    ProjectLocked,
    ProjectNotFound,
    ProjectTooNew,
    WorkbenchError,
)
from workbench.training.clock import TimeUp
from workbench.training.exercise import ExerciseError


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
    if isinstance(exc, ExerciseError) and exc.kind is not None:
        return collect_reason(exc)
    if isinstance(exc, IngestError) and exc.kind is not None:
        reason = ingest_reason(exc.kind, exc.details, exc.reason)
        name = Path(exc.path).name
        if exc.line is not None:
            return QCoreApplication.translate("refusals", "{name}, ligne {line} : {reason}").format(
                name=name, line=exc.line, reason=reason)
        return QCoreApplication.translate("refusals", "{name} : {reason}").format(name=name, reason=reason)
    return str(exc)


def ingest_reason(kind: str | None, details: dict[str, object], fallback: str) -> str:
    """Why a file was not imported, in the window's language (`IngestError.kind` and `.details`); the
    engine's sentence (`fallback`) for the rarer refusals, which have no kind."""
    reasons = {
        "not_found": QCoreApplication.translate("refusals", "fichier introuvable"),
        "not_a_file": QCoreApplication.translate("refusals", "ce n'est pas un fichier (un dossier ?)"),
        "empty": QCoreApplication.translate("refusals", "le fichier est vide"),
        "binary": QCoreApplication.translate(
            "refusals", "fichier binaire, pas du texte : son extension est-elle la bonne ?"),
        "undecodable": QCoreApplication.translate(
            "refusals", "caractères illisibles : le fichier n'est ni en UTF-8 ni en Windows-1252 (Latin-1)"),
        "undecodable_as": QCoreApplication.translate(
            "refusals", "caractères illisibles dans l'encodage {encoding}"),
        "mixed_encoding": QCoreApplication.translate(
            "refusals", "cette ligne n'est pas en UTF-8 alors que les précédentes le sont : le fichier "
            "mélange deux encodages ; enregistrez-le de nouveau en UTF-8 (« CSV UTF-8 » dans Excel)"),
        "unknown_format": QCoreApplication.translate(
            "refusals", "format {format} inconnu ; formats acceptés : {supported}"),
        "no_header": QCoreApplication.translate("refusals", "pas de ligne d'en-tête"),
        "no_rows": QCoreApplication.translate("refusals", "aucune ligne de données sous l'en-tête"),
        "no_text_column": QCoreApplication.translate(
            "refusals", "aucune colonne de texte reconnue parmi {columns} : choisissez-la dans l'aperçu"),
        "no_such_column": QCoreApplication.translate(
            "refusals", "pas de colonne « {column} » ; les colonnes sont : {columns}"),
        "ragged": QCoreApplication.translate(
            "refusals", "{fields} champs là où l'en-tête en a {columns} (un séparateur de trop ou un "
            "guillemet manquant ?)"),
        "beyond_header": QCoreApplication.translate(
            "refusals", "des valeurs dépassent les {columns} colonnes de l'en-tête"),
        "not_csv": QCoreApplication.translate("refusals", "le fichier ne se lit pas comme un tableau CSV"),
        "empty_sheet": QCoreApplication.translate("refusals", "la première feuille du classeur est vide"),
        "no_text": QCoreApplication.translate("refusals", "rien à importer : tous les documents sont vides"),
        "not_excel": QCoreApplication.translate("refusals", "ce n'est pas un classeur Excel (.xlsx)"),
        "not_word": QCoreApplication.translate("refusals", "ce n'est pas un document Word (.docx)"),
        "not_outlook": QCoreApplication.translate("refusals", "ce n'est pas un message Outlook (.msg)"),
        "not_email": QCoreApplication.translate(
            "refusals", "ce n'est pas un e-mail : ni expéditeur, ni destinataire, ni objet, ni date"),
        "not_mbox": QCoreApplication.translate(
            "refusals", "ce n'est pas une boîte mbox : sa première ligne doit commencer par « From »"),
        "not_webvtt": QCoreApplication.translate(
            "refusals", "ce n'est pas un fichier WebVTT : sa première ligne doit être WEBVTT"),
        "not_utf8": QCoreApplication.translate("refusals", "le fichier n'est pas en UTF-8"),
        "invalid_yaml": QCoreApplication.translate("refusals", "le fichier YAML est mal formé"),
        "not_a_scheme": QCoreApplication.translate(
            "refusals", "ce n'est pas un schéma de codage : il faut au moins « key », « name » et « codes »"),
        "unknown_field": QCoreApplication.translate(
            "refusals", "{where} : champ inconnu {fields} ; champs admis : {allowed}"),
        "bad_xml": QCoreApplication.translate("refusals", "le fichier XML est mal formé"),
        "not_a_codebook": QCoreApplication.translate(
            "refusals", "ce n'est pas un livre de codes REFI-QDA (.qdc)"),
        "no_codes": QCoreApplication.translate("refusals", "le livre de codes ne contient aucun code"),
        "encrypted": QCoreApplication.translate(
            "refusals", "le fichier est protégé par un mot de passe : enregistrez-le de nouveau sans"),
        "too_big": QCoreApplication.translate(
            "refusals", "le fichier fait {size} Mo, au-delà de la limite de {limit} Mo pour ce format"),
        "not_of_type": QCoreApplication.translate(
            "refusals", "la colonne « {column} » est choisie comme {type}, mais la ligne {row} sous l'en-tête "
            "contient « {value} », qui n'en est pas"),
        "title_is_text": QCoreApplication.translate(
            "refusals", "la colonne « {column} » est celle du texte : choisissez-en une autre pour les titres"),
        "text_column_typed": QCoreApplication.translate(
            "refusals", "la colonne « {column} » est celle du texte : elle ne peut pas être choisie comme {type}"),
        "title_column_typed": QCoreApplication.translate(
            "refusals", "la colonne « {column} » est celle des titres : elle ne peut pas être choisie comme {type}"),
        "no_preview": QCoreApplication.translate(
            "refusals", "ce n'est pas un tableau : seuls les fichiers {formats} ont un aperçu"),
        "hostile_xml": QCoreApplication.translate(
            "refusals", "refusé : le fichier déclare des entités XML (DOCTYPE/ENTITY), un procédé d'attaque"),
        "compression": QCoreApplication.translate(
            "refusals", "le fichier utilise une compression que ce programme ne sait pas lire"),
        "damaged": QCoreApplication.translate("refusals", "le fichier est endommagé"),
        "no_cues": QCoreApplication.translate(
            "refusals", "aucun sous-titre trouvé (pas de ligne de minutage « début --> fin »)"),
    }
    if kind not in reasons:
        return fallback
    if "type" in details:
        details = {**details, "type": column_type_labels().get(str(details["type"]), details["type"])}
    return reasons[kind].format(**details)


def collect_reason(exc: ExerciseError) -> str:
    """Why a hand-in was not collected, in the window's language (the file is named beside it)."""
    reasons = {
        "not_found": QCoreApplication.translate("refusals", "le fichier n'existe pas"),
        "reference": QCoreApplication.translate(
            "refusals", "c'est le projet de référence lui-même, pas une copie rendue"),
        "not_a_handin": QCoreApplication.translate(
            "refusals", "ce n'est pas une copie rendue (le stagiaire l'écrit avec « Rendre ma copie… »)"),
        "damaged": QCoreApplication.translate("refusals", "son enregistrement de copie rendue est endommagé"),
        "other_exercise": QCoreApplication.translate(
            "refusals", "elle appartient à un exercice qui n'a pas été créé depuis {project}"),
        "text_edited": QCoreApplication.translate(
            "refusals", "le texte du document {document} n'est pas celui qui a été distribué (la copie a été "
            "modifiée)"),
        "text_changed_here": QCoreApplication.translate(
            "refusals", "le document {document} de l'exercice a un autre texte dans {project}, ou n'y est plus"),
        "codebook_changed": QCoreApplication.translate(
            "refusals", "son livre de codes n'est pas celui qui a été distribué (des codes ont été renommés, "
            "déplacés ou supprimés)"),
        "signature": QCoreApplication.translate(
            "refusals", "la signature ne correspond pas aux codages de {trainee} (le fichier a été modifié après "
            "avoir été rendu)"),
        "already_collected": QCoreApplication.translate(
            "refusals", "la copie de {trainee} pour cet exercice a déjà été collectée"),
        "not_a_trainee": QCoreApplication.translate(
            "refusals", "{trainee} est un codeur de rôle {role} dans {project}, pas un stagiaire"),
        "has_codings": QCoreApplication.translate(
            "refusals", "{trainee} a déjà des codages sur des documents de cet exercice (d'un autre exercice ?) : "
            "retirez-les d'abord"),
        "code_gone": QCoreApplication.translate(
            "refusals", "un code de l'exercice n'est plus dans {project}"),
    }
    details = {**exc.details, "role": role_label(str(exc.details["role"]))} if "role" in exc.details else exc.details
    return reasons[exc.kind].format(**details) if exc.kind in reasons else str(exc)


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
