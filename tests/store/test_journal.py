"""Journal: undo and redo of any action, nested actions, conflicts, atomicity and crash safety."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from builders import add_code, add_coder_row, add_document
from conftest import ROOT
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench import coding
from workbench.audit import audit_trail
from workbench.codebook import create_code, delete_code, merge_codes
from workbench.errors import CodingError, NothingToUndo
from workbench.journal import JournalConflict, action, next_redo, next_undo, redo, undo
from workbench.project import Project


def _codings(project: Project) -> list[tuple]:
    return project.rows("SELECT id, code_id, start_pos, end_pos, created_at, guid FROM codings ORDER BY id")


@pytest.fixture
def setup(project: Project) -> dict[str, int]:
    root = add_code(project, "Motifs", codable=False)
    add_coder_row(project, "alice")  # known coders: the journal then holds only the actions under test
    return {
        "doc": add_document(project, "Je veux être remboursé de ma facture.", "Appel"),
        "refund": add_code(project, "Remboursement", root),
        "billing": add_code(project, "Facturation", root),
    }


def test_undo_and_redo_walk_back_and_forth_restoring_rows_exactly(project: Project, setup: dict[str, int]) -> None:
    first = coding.apply_code(project, setup["doc"], setup["refund"], 0, 10, coder="alice")
    state_one = _codings(project)
    coding.resize_coding(project, first, 0, 20)
    coding.recode(project, first, setup["billing"])
    state_three = _codings(project)
    assert next_undo(project)["action"] == "recode"
    assert undo(project)["action"] == "recode"
    assert undo(project)["action"] == "resize_coding"
    assert _codings(project) == state_one  # same id, guid and timestamp
    assert next_redo(project)["action"] == "resize_coding"
    redo(project)
    redo(project)
    assert _codings(project) == state_three
    with pytest.raises(NothingToUndo, match="nothing to redo"):
        redo(project)
    for _ in range(3):
        undo(project)
    assert _codings(project) == []
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        undo(project)
    assert next_undo(project) is None


def test_a_new_action_after_undo_supersedes_the_redo_stack(project: Project, setup: dict[str, int]) -> None:
    coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="alice")
    coding.apply_code(project, setup["doc"], setup["refund"], 5, 9, coder="alice")
    undo(project)
    coding.apply_code(project, setup["doc"], setup["billing"], 0, 5, coder="alice")
    assert next_redo(project) is None
    with pytest.raises(NothingToUndo):
        redo(project)
    assert [e["status"] for e in audit_trail(project, action="apply_code")][1] == "undone (superseded)"
    undo(project)  # an undo writes the flag the action left implicit
    assert project.scalar("SELECT count(*) FROM journal WHERE superseded") == 1
    redo(project)
    with pytest.raises(NothingToUndo):
        redo(project)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(["code", "undo", "redo"]), min_size=1, max_size=14))
@example(["code", "undo", "code", "undo", "redo", "redo"])  # an undone action superseded, then another undo
def test_undo_redo_behave_like_an_editor_stack(operations: list[str]) -> None:
    """Against a model: actions push on the undo stack and clear the redo stack; undo and redo move one
    action between the stacks; what exists is exactly what is on the undo stack."""
    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "m.vwb") as project:
        doc = add_document(project, "x" * 40)
        code = add_code(project, "C")
        coder = add_coder_row(project, "alice")
        done: list[int] = []
        undone: list[int] = []
        for step, operation in enumerate(operations):
            if operation == "code":
                coding.apply_code(project, doc, code, step, step + 1, coder=coder)
                done.append(step)
                undone.clear()
            else:
                source, target = (done, undone) if operation == "undo" else (undone, done)
                expected = source[-1] if source else None
                assert (next_undo(project) if operation == "undo" else next_redo(project)) is not None or not source
                if expected is None:
                    with pytest.raises(NothingToUndo):
                        (undo if operation == "undo" else redo)(project)
                    continue
                entry = (undo if operation == "undo" else redo)(project)
                assert entry["summary"]["start"] == expected
                target.append(source.pop())
            assert sorted(r[0] for r in project.rows("SELECT start_pos FROM codings")) == sorted(done)


def test_codebook_actions_undo_with_their_codings(project: Project, setup: dict[str, int]) -> None:
    extra = create_code(project, "Avoir", project.scalar("SELECT parent_id FROM codes WHERE id = ?", [setup["refund"]]))
    kept = coding.apply_code(project, setup["doc"], extra, 0, 4, coder="alice")
    coding.apply_code(project, setup["doc"], setup["refund"], 0, 4, coder="alice")
    before = _codings(project)
    merge_codes(project, extra, setup["refund"])
    assert project.scalar("SELECT count(*) FROM codings") == 1  # the twin coding went with the merge
    undo(project)
    assert _codings(project) == before
    delete_code(project, setup["refund"])
    assert project.scalar("SELECT count(*) FROM codings") == 1
    undo(project)
    assert _codings(project) == before
    redo(project)
    assert [row[0] for row in _codings(project)] == [kept]


def test_nested_actions_make_one_journal_row(project: Project, setup: dict[str, int]) -> None:
    with action(project, "batch", None, description="coded two passages") as rec:
        coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="alice")
        coding.apply_code(project, setup["doc"], setup["billing"], 0, 5, coder="alice")
        coding.apply_code(project, setup["doc"], setup["billing"], 0, 5, coder="newcomer")
        assert len(rec.changes) == 4  # two codings, the new coder and its coding
    assert project.rows("SELECT action FROM journal") == [("batch",)]
    undo(project)
    assert project.scalar("SELECT count(*) FROM codings") == 0
    assert project.rows("SELECT name FROM coders") == [("alice",)]


def test_a_new_coder_is_its_own_action_so_undo_keeps_the_person(project: Project, setup: dict[str, int]) -> None:
    coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="bob")
    assert project.rows("SELECT action FROM journal ORDER BY id") == [("add_coder",), ("apply_code",)]
    bob = project.scalar("SELECT id FROM coders WHERE name = 'bob'")
    assert undo(project, bob)["action"] == "apply_code"
    assert project.scalar("SELECT count(*) FROM coders WHERE name = 'bob'") == 1


def test_a_failed_action_leaves_nothing_behind(project: Project, setup: dict[str, int]) -> None:
    coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="alice")
    with pytest.raises(CodingError), action(project, "batch", None):
        coding.apply_code(project, setup["doc"], setup["billing"], 0, 5, coder="carol")
        coding.apply_code(project, setup["doc"], setup["billing"], 0, 500, coder="carol")
    assert project.rows("SELECT action FROM journal") == [("apply_code",)]
    assert project.rows("SELECT name FROM coders") == [("alice",)]
    assert project.scalar("SELECT count(*) FROM codings") == 1
    assert undo(project)["action"] == "apply_code"  # the journal is still usable


def test_undo_refuses_when_rows_changed_behind_its_back(project: Project, setup: dict[str, int]) -> None:
    coding_id = coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="alice")
    project.execute("DELETE FROM codings WHERE id = ?", [coding_id])
    with pytest.raises(JournalConflict, match=r"cannot undo #1 \(apply_code\): row \d+ of codings no longer exists"):
        undo(project)
    assert next_undo(project)["action"] == "apply_code"  # nothing was marked undone
    coding_id = coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="alice")
    coding.remove_coding(project, coding_id)
    project.execute("INSERT INTO codings (id, guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                    "VALUES (?, 'x', ?, ?, 0, 3, 1, 'manual')", [coding_id, setup["doc"], setup["refund"]])
    with pytest.raises(JournalConflict, match="exists again"):
        undo(project)
    project.execute("DELETE FROM codings WHERE id = ?", [coding_id])
    undo(project)  # the removal: the coding is back
    project.execute("DELETE FROM codings")
    with pytest.raises(JournalConflict, match=r"cannot redo #\d+ \(remove_coding\)"):
        redo(project)
    # resize recorded on a row that vanished cannot be undone either
    coding_id = coding.apply_code(project, setup["doc"], setup["billing"], 0, 5, coder="alice")
    coding.resize_coding(project, coding_id, 0, 6)
    project.execute("DELETE FROM codings WHERE id = ?", [coding_id])
    with pytest.raises(JournalConflict, match="no longer exists"):
        undo(project)


def test_undo_and_redo_are_audited_with_who_did_them(project: Project, setup: dict[str, int]) -> None:
    coding.apply_code(project, setup["doc"], setup["refund"], 0, 5, coder="alice")
    bob = add_coder_row(project, "bob", "trainer")  # not journalled, so the undo below targets the coding
    undo(project, bob)
    redo(project, bob)
    rows = project.rows("SELECT action, coder_id, undone FROM journal ORDER BY id")
    assert rows == [("apply_code", 1, False), ("undo", bob, False), ("redo", bob, False)]


_CODE_THEN_DIE = """
import os, sys
from workbench import coding
from workbench.audit import audit_trail
from workbench.project import Project
project = Project.open({path!r})
coding_id = coding.apply_code(project, 1, 2, 0, 5, coder="alice")
print(coding_id, flush=True)
{ending}
"""


@pytest.mark.parametrize("ending", ["os._exit(0)", "os.kill(os.getpid(), 9)", "raise SystemExit(3)"])
def test_an_acknowledged_coding_survives_the_process_being_killed(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "crash.vwb"
    with Project.create(path) as created:
        add_document(created, "Bonjour, facture fausse.", "Appel")
        add_code(created, "Facturation")
        add_code(created, "Remboursement")
        add_coder_row(created, "alice")
    script = _CODE_THEN_DIE.format(path=str(path), ending=ending)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], check=False, capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode in (0, 3, -signal.SIGKILL), done.stderr
    coding_id = int(done.stdout.split()[0])
    with Project.open(path) as reopened:
        assert reopened.rows("SELECT id, code_id, start_pos, end_pos FROM codings") == [(coding_id, 2, 0, 5)]
        assert reopened.rows("SELECT action FROM journal") == [("apply_code",)]
        undo(reopened)
        assert reopened.scalar("SELECT count(*) FROM codings") == 0


def test_a_process_killed_inside_an_action_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "half.vwb"
    with Project.create(path) as created:
        add_document(created, "Bonjour, facture fausse.", "Appel")
        add_code(created, "Facturation")
        add_coder_row(created, "alice")
    script = f"""
import os, sys
from workbench import coding
from workbench.audit import audit_trail
from workbench.journal import action
from workbench.project import Project
project = Project.open({str(path)!r})
with action(project, "batch", None):
    coding.apply_code(project, 1, 1, 0, 5, coder="newcomer")
    os.kill(os.getpid(), 9)
"""
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == -signal.SIGKILL, done.stderr
    with Project.open(path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM codings") == 0
        assert reopened.rows("SELECT name FROM coders") == [("alice",)]
        assert reopened.scalar("SELECT count(*) FROM journal") == 0

