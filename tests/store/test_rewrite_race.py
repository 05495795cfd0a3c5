"""A rewrite (compact, pseudonymise, remove) never loses what another process commits meanwhile (issue 14,
item 1): between closing the old file and renaming the copy over it, another process could open the old
file and commit into a file about to be unlinked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from builders import add_code, add_coder_row, add_document

import workbench.project as project_module
from workbench.project import Project

CODER = textwrap.dedent("""
    import sys, time
    from workbench import coding
    from workbench.errors import ProjectLocked
    from workbench.project import Project
    deadline = time.monotonic() + 60
    while True:
        try:
            project = Project.open(sys.argv[1])
        except ProjectLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        coding_id = coding.apply_code(project, 1, 1, 0, 5, coder="alice")
        project.close()
        print(coding_id, flush=True)
        break
""")


def test_a_coding_committed_during_a_rewrite_is_kept(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "race.vwb"
    with Project.create(path) as created:
        add_document(created, "Bonjour, ma facture est fausse. 🧾\r\nMerci.")
        add_code(created, "Facturation")
        add_coder_row(created, "alice")
    project = Project.open(path)
    coders: list[subprocess.Popen[str]] = []
    real_replace = project_module.os.replace

    def replace_slowly(source, target):  # type: ignore[no-untyped-def]
        # The old file is closed and not yet replaced: the moment another process used to slip in.
        coders.append(subprocess.Popen([sys.executable, "-c", CODER, str(path)], stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True))
        time.sleep(3)
        real_replace(source, target)

    monkeypatch.setattr(project_module.os, "replace", replace_slowly)
    project.rewrite()
    monkeypatch.setattr(project_module.os, "replace", real_replace)
    project.close()
    out, err = coders[0].communicate(timeout=90)
    assert coders[0].returncode == 0, err
    acknowledged = int(out.split()[0])
    with Project.open(path) as reopened:
        assert reopened.rows("SELECT id, start_pos, end_pos FROM codings") == [(acknowledged, 0, 5)]


STRESS_CODER = textwrap.dedent("""
    import sys, time
    from workbench import coding
    from workbench.errors import ProjectLocked
    from workbench.project import Project
    for start in range(int(sys.argv[2])):
        while True:
            try:
                project = Project.open(sys.argv[1])
                break
            except ProjectLocked:
                time.sleep(0.005)
        coding_id = coding.apply_code(project, 1, 1, start, start + 1, coder="alice")
        project.close()
        print(coding_id, start, flush=True)
""")
STRESS_COMPACTER = textwrap.dedent("""
    import sys, time
    from workbench.errors import ProjectLocked
    from workbench.project import Project
    done = 0
    while done < int(sys.argv[2]):
        try:
            project = Project.open(sys.argv[1])
        except ProjectLocked:
            time.sleep(0.005)
            continue
        project.rewrite()
        project.close()
        done += 1
""")


def test_codings_and_compactions_interleaved_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "stress.vwb"
    with Project.create(path) as created:
        add_document(created, "é" * 400)
        add_code(created, "Facturation")
        add_coder_row(created, "alice")
    coder = subprocess.Popen([sys.executable, "-c", STRESS_CODER, str(path), "150"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    compacter = subprocess.Popen([sys.executable, "-c", STRESS_COMPACTER, str(path), "60"],
                                 stderr=subprocess.PIPE, text=True)
    out, err = coder.communicate(timeout=240)
    assert coder.returncode == 0, err
    assert compacter.wait(timeout=240) == 0, compacter.stderr.read() if compacter.stderr else ""
    acknowledged = sorted(tuple(map(int, line.split())) for line in out.splitlines())
    assert len(acknowledged) == 150
    with Project.open(path) as reopened:
        assert reopened.rows("SELECT id, start_pos FROM codings ORDER BY id") == acknowledged
    assert not (tmp_path / "stress.vwb.rewrite").exists()


def test_a_partial_copy_left_by_a_killed_rewrite_is_removed_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    stale = tmp_path / "p.vwb.rewrite"
    stale.write_bytes(b"half a copy")
    with Project.open(path, read_only=True):
        assert stale.exists()  # a reader cannot know whether a rewrite is running
    Project.open(path).close()
    assert not stale.exists()


def test_looking_at_an_open_project_from_the_same_process_keeps_its_lock(tmp_path: Path) -> None:
    """On POSIX, closing any descriptor of a file drops the locks the process holds on it, DuckDB's too:
    reading the header of a project this process has open (an export's target check) must not let
    another process open it for writing."""
    from workbench.output import check_output
    from workbench.project import is_database_file

    path = tmp_path / "held.vwb"
    Project.create(path).close()
    probe = ("from workbench.errors import ProjectLocked\nfrom workbench.project import Project\n"
             f"try:\n    Project.open({str(path)!r}).close()\n    print('opened')\n"
             "except ProjectLocked:\n    print('locked')\n")
    with Project.open(path) as held:
        assert is_database_file(path)
        try:
            check_output(path)
        except Exception as exc:  # noqa: BLE001 - only the lock matters here
            assert "project or database file" in str(exc)
        done = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=60)
        assert done.stdout.strip() == "locked", done.stderr
        assert held.scalar("SELECT count(*) FROM documents") == 0
