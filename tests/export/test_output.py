"""An export never overwrites another project file (issue 14); an export onto the project itself and one that
fails half-way are in tests/hostile/."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from builders import add_document

from workbench.errors import ExportError
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


def test_an_export_never_overwrites_another_project(odd_project, tmp_path):
    other = tmp_path / "autre.vwb"
    Project.create(other).close()
    digest = _digest(other)
    renamed = tmp_path / "autre.csv"
    other.rename(renamed)
    with pytest.raises(ExportError, match="is a project or database file"):
        export_table(odd_project, renamed, table="documents")
    assert _digest(renamed) == digest


def test_a_killed_exports_leftover_goes_at_the_next_export_but_not_a_running_ones(odd_project, tmp_path):
    """A killed export leaves its temporary file, verbatims inside; a running one must not lose its file."""
    import os

    out = tmp_path / "out.csv"
    dead = tmp_path / f".out.csv.{_ended_pid()}.partial"
    dead.write_text("Verbatim n° 3 : facture 🧾 fausse.")
    running = tmp_path / f".out.csv.{os.getppid()}.partial"
    running.write_text("en cours")
    other = tmp_path / f".autre.csv.{_ended_pid()}.partial"
    other.write_text("autre export")
    export_table(odd_project, out, table="documents")
    assert not dead.exists()
    assert running.exists() and other.exists()
    assert out.read_text(encoding="utf-8").count("facture") == 30


def _ended_pid() -> int:
    import subprocess

    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid
