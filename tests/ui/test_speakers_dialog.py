"""Analysis > Speakers…: the analyst sees who speaks in the transcripts and corrects a misread role; the
calls it changes are read anew (their cached vectors are dropped) at the next run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from panel_fixtures import fill, open_window, when_modal

from workbench.ingest.folder import import_paths
from workbench.project import Project
from workbench.suggest.embed import store_vectors
from workbench.suggest.units import load_units, overrides, speaker_roles

CALL = ("Conseillère Julie : Alvéa service client, bonjour !\n"
        "Mme Durand : Bonjour, ma facture de mars 😡 est deux fois trop élevée.\n"
        "Conseillère Julie : Je regarde votre dossier.\n"
        "Mme Durand : Et le prélèvement est passé deux fois, c'est inadmissible.\n")


def _call_project(project: Project, tmp_path: Path) -> int:
    path = tmp_path / "appel.txt"
    path.write_text(CALL, encoding="utf-8")
    import_paths(project, [path], kind="call")
    (call,) = load_units(project, "documents")
    store_vectors(project, "e5-small", [call], np.ones((1, 4), dtype=np.float32))
    return call.document_id


def _rows(dialog) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    table = dialog.table
    return [(table.item(row, 0).text(), table.item(row, 1).text(), table.item(row, 2).text(),
             dialog.roles[row].currentText()) for row in range(table.rowCount())]


def _set_roles(roles: dict[str, str], seen: list | None = None):  # type: ignore[no-untyped-def,type-arg]
    """A modal action: note the dialog's rows in `seen`, give each label its role in `roles`, press OK."""
    def act(dialog) -> None:  # type: ignore[no-untyped-def]
        if seen is not None:
            seen.append(_rows(dialog))
        for row, choice in enumerate(dialog.roles):
            choice.setCurrentIndex(choice.findData(roles[dialog.table.item(row, 0).text()]))
        dialog.ok_button.click()
    return act


def test_a_misread_speaker_is_corrected_and_the_call_is_read_anew(qtbot, project: Project, tmp_path: Path) -> None:
    call = _call_project(project, tmp_path)
    window = open_window(qtbot, project)
    seen: list[list[tuple[str, str, str, str]]] = []
    when_modal(_set_roles({"Mme Durand": "agent", "Conseillère Julie": "client"}, seen))
    window.speakers_action.trigger()
    assert seen == [[("Conseillère Julie", "2", "conseiller, enquêteur", "conseiller, enquêteur"),
                     ("Mme Durand", "2", "client", "client")]]
    roles = {row["speaker"]: (row["role"], row["overridden"]) for row in speaker_roles(project)}
    assert roles == {"Conseillère Julie": ("client", True), "Mme Durand": ("agent", True)}
    assert project.scalar("SELECT count(*) FROM embeddings WHERE unit_id = ?", [call]) == 0
    assert load_units(project, "documents")[0].text.startswith("Alvéa service client, bonjour !")
    assert "prochain traitement" in window.statusBar().currentMessage()

    # Edit > Undo takes the correction back, and the vectors a run made meanwhile under it go too.
    (unit,) = load_units(project, "documents")
    store_vectors(project, "e5-small", [unit], np.ones((1, 4), dtype=np.float32))
    window.refresh_changed()
    assert window.undo_action.text() == "&Annuler : Corrigé le rôle de Conseillère Julie, Mme Durand"
    window.undo_action.trigger()
    assert overrides(project) == {}
    assert project.scalar("SELECT count(*) FROM embeddings WHERE unit_id = ?", [call]) == 0
    window.redo_action.trigger()
    assert overrides(project) == {"Conseillère Julie": "client", "Mme Durand": "agent"}

    when_modal(_set_roles({"Mme Durand": "client", "Conseillère Julie": "agent"}))
    window.speakers_action.trigger()
    assert overrides(project) == {}  # the detected roles again: no correction kept


def test_cancel_changes_nothing_and_a_project_without_transcripts_says_so(qtbot, project: Project,
                                                                           tmp_path: Path) -> None:
    call = _call_project(project, tmp_path)
    window = open_window(qtbot, project)

    def change_then_cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.roles[0].setCurrentIndex(dialog.roles[0].findData("other"))
        dialog.reject()

    when_modal(change_then_cancel)
    window.speakers_action.trigger()
    assert overrides(project) == {}
    assert project.scalar("SELECT count(*) FROM embeddings WHERE unit_id = ?", [call]) == 1

    fill(surveys := Project.create(tmp_path / "enquete.vwb"))
    window.set_project(surveys)
    notes: list[tuple[str, bool]] = []

    def read(dialog) -> None:  # type: ignore[no-untyped-def]
        notes.append((dialog.note.text(), dialog.table.isVisible()))
        dialog.reject()

    when_modal(read)
    window.speakers_action.trigger()
    assert notes == [("Aucune transcription à locuteurs dans ce projet : rien à corriger.", False)]
