"""An export never lands on the project (issue 14, item 2): `workbench export proj.csv proj.csv --table
documents` turned a 6 MB project into 71 bytes, and a symbolic link to the project did the same. The
project file keeps its bytes, every table its rows; and `workbench new` insists on .vwb, so that a
project is never named like an export in the first place."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_helpers import fails
from digest import project_digest

from workbench.errors import ExportError
from workbench.export.excel import export_xlsx
from workbench.export.iramuteq import export_iramuteq
from workbench.export.refi import export_qdpx
from workbench.project import Project

pytest_plugins = ["hostile_fixtures"]  # seeded_path, cli_refused

OWN = "is the project itself; choose another file name for the export"


@pytest.fixture
def odd_project(seeded_path: Path) -> Path:
    """The seeded project under a name that ends in .csv, as `workbench new` used to allow."""
    return seeded_path.rename(seeded_path.with_suffix(".csv"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused_without_a_trace(project: Path, export, target: Path) -> None:  # type: ignore[no-untyped-def]
    with Project.open(project, read_only=True) as opened:
        before, size, sha = project_digest(opened), project.stat().st_size, _sha256(project)
    export(target)
    assert (project.stat().st_size, _sha256(project)) == (size, sha)
    with Project.open(project, read_only=True) as opened:
        assert project_digest(opened) == before
    assert sorted(path.name for path in project.parent.iterdir() if path.name.startswith(project.name)) == [project.name]


@pytest.mark.parametrize("name", ["its own path", "lien.csv", "lien.xlsx", "lien.qdpx", "lien.txt", "lien.parquet"])
def test_an_export_onto_the_project(odd_project, tmp_path, name):
    """Onto the project's own path, or through a symbolic link to it, whatever the export's format."""
    target = odd_project if name == "its own path" else tmp_path / name
    if target != odd_project:
        target.symlink_to(odd_project)
    table = ["--table", "documents"] if target.suffix in (".csv", ".parquet") else []

    def export(out: Path) -> None:
        assert fails("export", odd_project, out, *table) == f"error: {out} {OWN}\n"

    _refused_without_a_trace(odd_project, export, target)


@pytest.mark.parametrize(("writer", "suffix"), [(export_xlsx, ".xlsx"), (export_iramuteq, ".txt"), (export_qdpx, ".qdpx")])
def test_an_export_onto_the_open_project_through_the_engine(odd_project, tmp_path, writer, suffix):
    """The window's exports call these with the project open: the same refusal, the same project."""
    link = tmp_path / f"lien{suffix}"
    link.symlink_to(odd_project)

    def export(out: Path) -> None:
        with Project.open(odd_project) as opened, pytest.raises(ExportError) as caught:
            writer(opened, out)
        assert str(caught.value) == f"{out} {OWN}"

    _refused_without_a_trace(odd_project, export, link)


@pytest.mark.parametrize("name", ["etude.csv", "etude", "etude.vwb.xlsx"])
def test_new_insists_on_the_project_suffix(tmp_path, name):
    path = tmp_path / name
    stem = name.split(".")[0] if name != "etude.vwb.xlsx" else "etude.vwb"
    assert fails("new", path) == (f"error: {path}: a project file's name ends in .vwb (for example {stem}.vwb), "
                                  "so that it is never taken for an export\n")
    assert list(tmp_path.iterdir()) == []
