"""`workbench backup`: a whole, consistent copy at any moment, the latest work in the WAL included."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from builders import add_code, add_coder_row, add_document
from cli_helpers import fails, ok

from workbench.integrity import check_project
from workbench.project import Project

ROOT = Path(__file__).resolve().parents[2]
CODE_THEN_CRASH = textwrap.dedent("""
    import os, sys
    from workbench import coding
    from workbench.project import Project
    project = Project.open(sys.argv[1])
    for start in range(20):
        coding.apply_code(project, 1, 1, start, start + 3, coder="alice")
    os._exit(0)  # no close, no checkpoint: the codings are acknowledged, and still in the WAL
""")


def test_a_backup_after_a_crash_holds_the_work_a_file_copy_would_miss(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    with Project.create(path) as created:
        add_document(created, "Client : ma facture 🧾 est fausse, je veux être remboursée.\r\n")
        add_code(created, "Facturation")
        add_coder_row(created, "alice")
    subprocess.run([sys.executable, "-c", CODE_THEN_CRASH, str(path)], check=True, cwd=ROOT, timeout=120)
    assert (tmp_path / "p.vwb.wal").exists()
    copied = tmp_path / "copie.vwb"
    copied.write_bytes(path.read_bytes())  # what copying the file by hand gives
    with Project.open(copied) as by_hand:
        assert by_hand.scalar("SELECT count(*) FROM codings") < 20
    assert "backed up to" in ok("backup", path, tmp_path / "sauvegarde.vwb")
    with Project.open(tmp_path / "sauvegarde.vwb") as backed_up:
        assert backed_up.scalar("SELECT count(*) FROM codings") == 20
        assert check_project(backed_up).problems == []


def test_a_backup_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    other = tmp_path / "autre.vwb"
    Project.create(other).close()
    before = other.read_bytes()
    assert "already exists" in fails("backup", path, other)
    assert "already exists" in fails("backup", path, path)
    assert "ends in .vwb" in fails("backup", path, tmp_path / "p.csv")
    assert other.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
