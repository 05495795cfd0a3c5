"""Project.rewrite() edge cases: other handles on the file, permissions, symbolic links, a failed copy."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb
import pytest

from workbench.errors import ProjectError
from workbench.project import Project

PLANTED = "Zéphyrine Quelquechose"


def _planted_project(path: Path) -> Project:
    """A project whose file holds the bytes of a deleted row (what rewrite() must wipe)."""
    project = Project.create(path)
    project.execute("INSERT INTO meta VALUES ('planted', ?)", [PLANTED * 50])
    project.execute("CHECKPOINT")
    project.execute("DELETE FROM meta WHERE key = 'planted'")
    project.execute("INSERT INTO meta VALUES ('kept', 'oui')")
    return project


def test_a_worker_handle_cannot_rewrite_and_nothing_written_afterwards_is_lost(tmp_path: Path) -> None:
    # Rewriting from a worker used to reconnect to DuckDB's cached instance of the old, renamed-over
    # file: every later write went to a file no one would open again.
    path = tmp_path / "p.vwb"
    with Project.create(path) as project:
        worker = project.worker()
        with pytest.raises(ProjectError, match="not a worker"):
            worker.rewrite()
        worker.execute("INSERT INTO meta VALUES ('from_worker', 'w')")
        project.execute("INSERT INTO meta VALUES ('from_project', 'p')")
        worker.close()
    with Project.open(path) as reopened:
        assert (reopened.get_meta("from_worker"), reopened.get_meta("from_project")) == ("w", "p")


def test_rewrite_keeps_the_file_private(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    with _planted_project(path) as project:
        os.chmod(path, 0o600)
        project.rewrite()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_rewrite_through_a_symbolic_link_wipes_the_real_file(tmp_path: Path) -> None:
    real, link = tmp_path / "real.vwb", tmp_path / "link.vwb"
    _planted_project(real).close()
    link.symlink_to(real)
    assert PLANTED.encode() in real.read_bytes()
    with Project.open(link) as project:
        project.rewrite()
        assert project.get_meta("kept") == "oui"
    assert link.is_symlink()
    assert PLANTED.encode() not in real.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.vwb", "real.vwb"]


def test_a_failed_rewrite_says_so_leaves_the_project_usable_and_no_copy_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.vwb"
    project = _planted_project(path)
    real_execute = Project.execute

    def disk_full(self: Project, sql: str, params=None):  # type: ignore[no-untyped-def]
        if sql.startswith("DETACH _wb_fresh"):
            # What DuckDB does on a full disk: the copy is detached, its checkpoint fails, its WAL stays.
            real_execute(self, sql, params)
            Path(str(path) + ".rewrite.wal").write_bytes(PLANTED.encode())
            raise duckdb.IOException("IO Error: Detached database '_wb_fresh', but CHECKPOINT during DETACH "
                                     "failed: No space left on device")
        return real_execute(self, sql, params)

    monkeypatch.setattr(Project, "execute", disk_full)
    with pytest.raises(ProjectError, match="could not rewrite.*No space left on device.*intact"):
        project.rewrite()
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.vwb"]
    project.execute("INSERT INTO meta VALUES ('after', 'ok')")
    project.close()
    with Project.open(path) as reopened:
        assert (reopened.get_meta("kept"), reopened.get_meta("after")) == ("oui", "ok")


def test_compact_command_leaves_no_byte_of_deleted_rows(tmp_path: Path) -> None:
    """`workbench compact` is the rewrite on its own, for after an interrupted removal or any deletion."""
    from cli_helpers import fails, ok

    path = tmp_path / "p.vwb"
    with _planted_project(path) as project:
        project.execute("CHECKPOINT")
        assert PLANTED.encode() in path.read_bytes()
    assert "rewrote" in ok("compact", path)
    assert PLANTED.encode() not in path.read_bytes()
    with Project.open(path, read_only=True) as reopened:
        assert reopened.get_meta("kept") == "oui"
    assert "does not exist" in fails("compact", tmp_path / "absent.vwb")
