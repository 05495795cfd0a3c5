"""A change whose old bytes only a rewrite wipes (a removal, a pseudonymisation, forgetting the originals)
commits before the file is rewritten. A process killed in between left the removed or replaced texts in
freed blocks of the old file, and nothing finished the rewrite (15 of 200 kills in bench/crash.py): the
change now records that it owes the rewrite, and the next open for writing does it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import add_document

from workbench.errors import ProjectError
from workbench.project import REWRITE_OWED, Project
from workbench.removal import remove_documents
from workbench.text.pseudonymise import forget
from workbench.text.pseudonymise_project import pseudonymise_project

PERSONAL = "Rappeler Mme Fabienne Lachaise au 06 12 34 56 78 ou fabienne.lachaise@example.org 😡\r\nmerci"
CLEAN = "le colis est arrivé très en retard, où est le remboursement ?"


def _remove(project: Project) -> None:
    remove_documents(project, [project.scalar("SELECT min(id) FROM documents")])


def _pseudonymise(project: Project) -> None:
    pseudonymise_project(project, use_ner=False)


def _forget(project: Project) -> None:
    forget(project)


CHANGES = {"remove": _remove, "pseudonymise": _pseudonymise, "forget": _forget}


def _build(path: Path) -> Project:
    project = Project.create(path)
    add_document(project, PERSONAL)
    add_document(project, CLEAN)
    return project


def _documents(project: Project) -> list[tuple[int, str]]:
    return project.rows("SELECT id, text FROM documents ORDER BY id")


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_killed_before_its_rewrite_is_rewritten_by_the_next_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / "p.vwb"
    change: Callable[[Project], None] = CHANGES[name]
    with _build(path) as project:
        if name == "forget":
            pseudonymise_project(project, reversible=True, use_ner=False)
            assert project.scalar("SELECT count(*) FROM pseudonyms")
        monkeypatch.setattr(Project, "rewrite", lambda self: None)  # the process dies after the commit
        change(project)
        monkeypatch.undo()
        changed = _documents(project)
        old_file = path.stat().st_ino
    with Project.open(path) as reopened:
        assert path.stat().st_ino != old_file, "the open did not rewrite the file the change left"
        assert reopened.get_meta(REWRITE_OWED) is None
        assert _documents(reopened) == changed
        assert reopened.scalar("SELECT count(*) FROM pseudonyms") == 0 or name == "pseudonymise"
        rewritten = path.stat().st_ino
    with Project.open(path):
        assert path.stat().st_ino == rewritten, "a rewritten project was rewritten again"


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_whose_rewrite_is_done_owes_nothing(tmp_path: Path, name: str) -> None:
    path = tmp_path / "p.vwb"
    with _build(path) as project:
        if name == "forget":
            pseudonymise_project(project, reversible=True, use_ner=False)
        CHANGES[name](project)
        assert project.get_meta(REWRITE_OWED) is None
        done = path.stat().st_ino
    with Project.open(path):
        assert path.stat().st_ino == done


def test_an_owed_rewrite_that_fails_at_open_leaves_the_project_usable_and_still_owed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.vwb"
    with _build(path) as project:
        monkeypatch.setattr(Project, "rewrite", lambda self: None)
        _remove(project)

    def disk_full(self: Project) -> None:
        raise ProjectError(f"{self.path}: could not rewrite the project file (No space left on device)")

    monkeypatch.setattr(Project, "rewrite", disk_full)
    with Project.open(path) as reopened:
        assert _documents(reopened) == [(2, CLEAN)]
        assert reopened.get_meta(REWRITE_OWED) == "1"
    monkeypatch.undo()
    old_file = path.stat().st_ino
    with Project.open(path) as reopened:
        assert path.stat().st_ino != old_file
        assert reopened.get_meta(REWRITE_OWED) is None
