"""File > Fusionner des projets…: a colleague's copy merged into the open project as a job, the report shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import add_coder_row
from panel_fixtures import fill, open_window
from PySide6.QtWidgets import QFileDialog

from workbench import codebook, journal
from workbench.backup import backup_project
from workbench.coding import apply_code
from workbench.errors import Cancelled
from workbench.progress import CancelToken, no_progress
from workbench.project import Project


def _colleague_copy(project: Project, out: Path) -> Path:
    """A copy of `project` in which nora coded two answers and renamed a code the window's project keeps."""
    backup_project(project, out)
    with Project.open(out) as copy:
        apply_code(copy, 1, codebook.find_code(copy, "Facturation"), coder="nora")
        apply_code(copy, 2, codebook.find_code(copy, "Compliment"), 0, 7, coder="nora")
        codebook.rename_code(copy, codebook.find_code(copy, "Compliment"), "Remerciement")
    return out


def test_the_file_menu_merges_a_copy_and_shows_the_report(qtbot, project: Project, tmp_path: Path,
                                                          monkeypatch) -> None:
    fill(project)
    add_coder_row(project, "claire")
    apply_code(project, 1, codebook.find_code(project, "Facturation"), coder="claire")
    copy = _colleague_copy(project, tmp_path / "nora.vwb")
    window = open_window(qtbot, project)
    file_menu = window.menuBar().actions()[0].menu()
    merge_action = next(a for a in file_menu.actions() if a.text() == "&Fusionner des projets…")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(copy)], ""))
    merge_action.trigger()
    dialog = window.workspace.merge_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.merge_button.isEnabled()
    dialog.add_button.click()
    assert dialog.paths() == [copy] and dialog.merge_button.isEnabled()

    assert dialog.start() is window.job
    # The job ends in the window's and the dialog's slots, connected before it started (a signal waited for
    # only after the start could already have been delivered).
    qtbot.waitUntil(lambda: window.job is None and dialog.job is None, timeout=60000)
    shown = dialog.report.toPlainText().splitlines()
    assert shown[0].startswith("Fusion terminée : ") and " dans test.vwb (" in shown[0]  # ui.job_messages's words
    assert shown[2].startswith("nora.vwb a apporté ")  # the counts' singular comes from verbatim_fr.ts
    assert shown[3] == ("nora.vwb: skipped: code «Motifs/Remerciement» is «Motifs/Compliment» in the target (same "
                        "GUID: renamed or moved differently; make the names agree, then merge again) (1 coding)")
    assert shown[4].startswith("Agreement between claire, nora on 1 document: Krippendorff's alpha undefined (")
    assert shown[4].endswith(f"100% agreement; per code: workbench agreement {project.path} --coders claire,nora")
    assert project.scalar("SELECT count(*) FROM codings g JOIN coders k ON k.id = g.coder_id "
                          "WHERE k.name = 'nora'") == 1
    assert journal.next_undo(project)["action"] == "merge_project"


def test_a_refused_file_is_said_in_the_report_and_changes_nothing(qtbot, project: Project, tmp_path: Path) -> None:
    fill(project)
    window = open_window(qtbot, project)
    dialog = window.workspace.open_merge_dialog()
    stranger = tmp_path / "ailleurs.vwb"
    stranger.write_bytes(b"pas un projet")
    dialog.add_paths([stranger, stranger])
    assert dialog.paths() == [stranger]
    dialog.start()
    qtbot.waitUntil(lambda: window.job is None and dialog.job is None, timeout=60000)
    assert dialog.report.toPlainText().splitlines()[2] == (
        "ailleurs.vwb: refused: ailleurs.vwb is not a Verbatim Workbench project (not a DuckDB file); "
        "it was not modified")
    assert journal.next_undo(project) is None or journal.next_undo(project)["action"] != "merge_project"


def test_a_cancelled_merge_says_the_project_is_as_it_was(qtbot, project: Project, tmp_path: Path) -> None:
    fill(project)
    copy = _colleague_copy(project, tmp_path / "nora.vwb")
    window = open_window(qtbot, project)
    dialog = window.workspace.open_merge_dialog()
    dialog.add_paths([copy])
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        dialog._merge("Fusion annulée.", "Échec.", project, [copy], progress=no_progress, cancel=token)
    qtbot.waitUntil(lambda: dialog.report.toPlainText() == "Fusion annulée.", timeout=10000)
    assert project.scalar("SELECT count(*) FROM coders WHERE name = 'nora'") == 0
    assert dialog.merge_button.isEnabled()
