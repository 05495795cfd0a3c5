"""What the window says when the engine refuses: the refusals met while working are in the window's
language and name what they are about; any other keeps the engine's words, never a Python repr."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import add_code, add_document

from ui.refusals import refusal_text
from workbench import codebook
from workbench.coding import apply_code
from workbench.errors import ProjectLocked, WorkbenchError
from workbench.project import Project


def refused(change) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkbenchError) as caught:
        change()
    return refusal_text(caught.value)


def test_coding_and_codebook_refusals_are_said_in_french(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.vwb") as project:
        document = add_document(project, "Bonjour 😀\nje veux résilier.")
        reasons = add_code(project, "Motifs", codable=False)
        cancel = add_code(project, "Résiliation", reasons)
        apply_code(project, document, cancel, 11, 17, coder="léa")
        assert refused(lambda: apply_code(project, document, cancel, 11, 17, coder="léa")) == (
            "léa a déjà codé ce passage avec « Motifs/Résiliation ».")
        assert refused(lambda: apply_code(project, document, reasons, coder="léa")) == (
            "« Motifs » regroupe d'autres codes et ne s'applique pas lui-même : choisissez l'un de ses sous-codes.")
        assert refused(lambda: codebook.create_code(project, "résiliation", reasons)) == (
            "Un code « Résiliation » existe déjà sous « Motifs » : choisissez un autre nom.")
        assert refused(lambda: codebook.create_code(project, "MOTIFS")) == (
            "Un code « Motifs » existe déjà au premier niveau : choisissez un autre nom.")
        assert refused(lambda: codebook.create_code(project, "  ")) == "Un code a besoin d'un nom."
        assert refused(lambda: codebook.rename_code(project, cancel, "Départ/Résiliation")) == (
            "Un nom de code ne peut pas contenir « / », qui sépare les niveaux d'un chemin de code.")
        # a refusal with nothing to word otherwise keeps the engine's sentence
        assert refused(lambda: apply_code(project, document, cancel, 5, 99, coder="léa")).startswith(
            "span [5, 99) is not inside document 1")


def test_files_that_cannot_be_opened_are_named_in_french(tmp_path: Path) -> None:
    assert refused(lambda: Project.open(tmp_path / "absent.vwb")) == f"{tmp_path / 'absent.vwb'} n'existe pas."
    notes = tmp_path / "notes.vwb"
    notes.write_text("pas un projet", encoding="utf-8")
    assert refused(lambda: Project.open(notes)) == (
        "notes.vwb n'est pas un projet Verbatim Workbench lisible ; le fichier n'a pas été modifié.")
    locked = ProjectLocked("/x/equipe.vwb is open in process 12; close it there first", path="/x/equipe.vwb")
    assert refusal_text(locked) == ("equipe.vwb est ouvert dans un autre programme ou une autre fenêtre : "
                                    "fermez-le là d'abord (un projet ne s'écrit que d'un endroit à la fois).")


def test_opening_the_project_already_open_keeps_it(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.views.main_window import MainWindow

    project = Project.create(tmp_path / "p.vwb")
    window = MainWindow(project, coder="léa")
    qtbot.addWidget(window)
    assert window.workspace.open_path(tmp_path / "." / "p.vwb")
    assert window.project is project
    assert window.statusBar().currentMessage() == "Ce projet est déjà ouvert."


def test_files_that_cannot_be_imported_are_refused_in_french(tmp_path: Path) -> None:
    from workbench.ingest import folder

    files = {"absent.txt": None, "vide.txt": b"", "binaire.txt": b"Client : bonjour\x00\x01",
             "notes.pdf": b"%PDF-1.4", "mal.xlsx": b"pas un zip",
             "avis.csv": b"id;note\n1;4\n2;5\n", "tableau.csv": "id;avis\n1;Très bien\n2;Bien;trop\n".encode()}
    for name, data in files.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    with Project.create(tmp_path / "p.vwb") as project:
        said = {name: refused(lambda name=name: folder.import_file(project, tmp_path / name)) for name in files}
        assert project.scalar("SELECT count(*) FROM documents") == 0
    assert said == {
        "absent.txt": "absent.txt : fichier introuvable",
        "vide.txt": "vide.txt : le fichier est vide",
        "binaire.txt": "binaire.txt : fichier binaire, pas du texte : son extension est-elle la bonne ?",
        "notes.pdf": said["notes.pdf"],
        "mal.xlsx": "mal.xlsx : ce n'est pas un classeur Excel (.xlsx)",
        "avis.csv": "avis.csv : aucune colonne de texte reconnue parmi id, note : choisissez-la dans l'aperçu",
        "tableau.csv": "tableau.csv, ligne 3 : 3 champs là où l'en-tête en a 2 (un séparateur de trop ou un "
                       "guillemet manquant ?)",
    }
    assert said["notes.pdf"].startswith("notes.pdf : format .pdf inconnu ; formats acceptés : .csv, ")


def test_column_choices_and_subtitles_that_cannot_be_imported_are_refused_in_french(tmp_path: Path) -> None:
    from workbench.ingest import folder

    (tmp_path / "avis.csv").write_text("titre;avis;note\nA;Très bien, merci 👍;4\nB;Trop cher;quatre\n",
                                       encoding="utf-8")
    (tmp_path / "appel.vtt").write_text("WEBVTT\n\nBonjour, pas de minutage ici.\n", encoding="utf-8")
    choices = {"as a number": {"column_types": {"note": "integer"}},
               "title is text": {"text_column": "avis", "title_column": "avis"},
               "text as a date": {"text_column": "avis", "column_types": {"avis": "date"}}}
    with Project.create(tmp_path / "p.vwb") as project:
        said = {label: refused(lambda given=given: folder.import_file(project, tmp_path / "avis.csv", **given))
                for label, given in choices.items()}
        said["subtitles"] = refused(lambda: folder.import_file(project, tmp_path / "appel.vtt"))
        assert project.scalar("SELECT count(*) FROM documents") == 0
    assert said == {
        "as a number": ("avis.csv : la colonne « note » est choisie comme entier, mais la ligne 2 sous l'en-tête "
                        "contient « quatre », qui n'en est pas"),
        "title is text": "avis.csv : la colonne « avis » est celle du texte : choisissez-en une autre pour les titres",
        "text as a date": ("avis.csv : la colonne « avis » est celle du texte : elle ne peut pas être choisie "
                           "comme date"),
        "subtitles": "appel.vtt : aucun sous-titre trouvé (pas de ligne de minutage « début --> fin »)",
    }


def test_codebook_files_that_cannot_be_loaded_are_refused_in_french(tmp_path: Path) -> None:
    from workbench.codebook_files import load_codebook

    files = {"schema.yaml": "key: s\nname: S\ncodes:\n  - name: A\n    defintion: typo\n",
             "casse.yaml": "key: s\nname: [S\n", "liste.yaml": "- a\n- b\n",
             "autre.qdc": "<?xml version='1.0'?><Project/>", "vide.qdc": "<CodeBook><Codes/></CodeBook>",
             "tronque.qdc": "<CodeBook><Codes>"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Project.create(tmp_path / "p.vwb") as project:
        said = {name: refused(lambda name=name: load_codebook(project, tmp_path / name)) for name in files}
        assert project.scalar("SELECT count(*) FROM codes") == 0
    assert said["schema.yaml"].startswith("schema.yaml : s : champ inconnu defintion ; champs admis : attributes, ")
    assert said["casse.yaml"] == "casse.yaml, ligne 3 : le fichier YAML est mal formé"
    assert said["liste.yaml"] == ("liste.yaml : ce n'est pas un schéma de codage : il faut au moins « key », "
                                  "« name » et « codes »")
    assert said["autre.qdc"] == "autre.qdc : ce n'est pas un livre de codes REFI-QDA (.qdc)"
    assert said["vide.qdc"] == "vide.qdc : le livre de codes ne contient aucun code"
    assert said["tronque.qdc"] == "tronque.qdc, ligne 1 : le fichier XML est mal formé"


def test_every_kind_of_import_refusal_is_worded_in_the_window() -> None:
    """A kind the engine raises without a wording here would fall back to English: the contract is checked
    on the source, so a new kind cannot be forgotten."""
    import re

    from ui.refusals import ingest_reason

    root = Path(__file__).resolve().parents[2] / "workbench"
    kinds = {kind for path in root.rglob("*.py") for kind in re.findall(r'\bkind="(\w+)"', path.read_text("utf-8"))}
    kinds &= {kind for path in root.rglob("*.py") for call in re.findall(r"IngestError\((?:[^()]|\([^()]*\))*\)",
                                                                          path.read_text("utf-8"), re.DOTALL)
              for kind in re.findall(r'\bkind="(\w+)"', call)}
    assert len(kinds) >= 30
    for kind in sorted(kinds):
        worded = ingest_reason(kind, {"encoding": "cp1252", "format": ".pdf", "supported": ".csv", "columns": 2,
                                      "column": "avis", "fields": 3, "where": "s > A", "allowed": "key, name",
                                      "size": "12.5", "limit": "10", "type": "integer", "row": 3, "value": "x",
                                      "formats": ".csv, .xlsx"},
                               "ENGINE")
        assert worded != "ENGINE" and "{" not in worded, kind


def test_every_kind_of_collect_refusal_is_worded_in_the_window() -> None:
    import re

    from ui.refusals import collect_reason
    from workbench.training.exercise import ExerciseError

    source = (Path(__file__).resolve().parents[2] / "workbench" / "training" / "handin.py").read_text("utf-8")
    kinds = {kind for call in re.findall(r"ExerciseError\((?:[^()]|\([^()]*\))*\)", source, re.DOTALL)
             for kind in re.findall(r'\bkind="(\w+)"', call)}
    assert len(kinds) >= 13
    for kind in sorted(kinds):
        refusal = ExerciseError("ENGINE", kind=kind, document=3, project="ref.vwb", trainee="Léa", role="analyst")
        worded = collect_reason(refusal)
        assert worded != "ENGINE" and "{" not in worded, kind
    assert collect_reason(ExerciseError("ENGINE", kind="not_a_trainee", trainee="Léa", role="analyst",
                                        project="ref.vwb")) == "Léa est un codeur de rôle analyste dans ref.vwb, pas un stagiaire"
