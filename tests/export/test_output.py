"""Exports never overwrite a project and are never left half-written (hardening, issue 14)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from builders import add_document
from cli_helpers import fails, ok

import workbench.export.tables as tables_module
from workbench.errors import ExportError
from workbench.export.excel import export_xlsx
from workbench.export.iramuteq import export_iramuteq
from workbench.export.refi import export_qdpx
from workbench.export.tables import export_table
from workbench.project import Project


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def odd_project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A project whose file name ends in .csv, as `workbench new` used to allow."""
    with Project.create(tmp_path / "proj.csv") as project:
        for index in range(30):
            add_document(project, f"Verbatim n° {index} : facture 🧾 fausse.\r\nMerci.", f"v{index}", "survey")
        yield project


def test_an_export_onto_the_project_itself_is_refused_and_the_project_survives(odd_project, tmp_path):
    project_path = odd_project.path
    odd_project.execute("CHECKPOINT")
    before = project_path.stat().st_size
    link = tmp_path / "link.csv"
    link.symlink_to(project_path)
    for target in (project_path, link):
        with pytest.raises(ExportError, match="is the project itself"):
            export_table(odd_project, target, table="documents")
    workbook_link = tmp_path / "link.xlsx"
    workbook_link.symlink_to(project_path)
    for export in (lambda: export_xlsx(odd_project, workbook_link), lambda: export_iramuteq(odd_project, project_path),
                   lambda: export_qdpx(odd_project, link)):
        with pytest.raises(ExportError, match="is the project itself"):
            export()
    assert project_path.stat().st_size == before
    assert odd_project.scalar("SELECT count(*) FROM documents") == 30


def test_an_export_never_overwrites_another_project(odd_project, tmp_path):
    other = tmp_path / "autre.vwb"
    Project.create(other).close()
    digest = _digest(other)
    renamed = tmp_path / "autre.csv"
    other.rename(renamed)
    with pytest.raises(ExportError, match="is a project or database file"):
        export_table(odd_project, renamed, table="documents")
    assert _digest(renamed) == digest


def test_an_export_that_fails_half_way_leaves_the_previous_file_whole(odd_project, tmp_path, monkeypatch):
    target = tmp_path / "documents.csv"
    assert export_table(odd_project, target, table="documents") == 30
    good = _digest(target)
    real = tables_module.write_csv

    def dies_half_way(table, path, **kwargs):  # type: ignore[no-untyped-def]
        table.rows = iter(list(table.rows)[:10])
        real(table, path, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tables_module, "write_csv", dies_half_way)
    with pytest.raises(ExportError, match="cannot write .*documents.csv: No space left on device"):
        export_table(odd_project, target, table="documents")
    assert _digest(target) == good
    assert [path.name for path in tmp_path.iterdir() if "partial" in path.name] == []


def test_new_insists_on_the_project_suffix(tmp_path):
    message = fails("new", str(tmp_path / "proj.csv"))
    assert "ends in .vwb" in message and not (tmp_path / "proj.csv").exists()
    assert "created" in ok("new", str(tmp_path / "proj.vwb"))
