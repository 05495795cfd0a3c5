"""Random SIGKILLs of a process doing real work must never lose acknowledged work (harness.py).

A few seeded kills of the whole mix of actions, then a few of a workload kept to the actions that rewrite
the project file (compact, pseudonymise, removals, forgetting the originals), export over a previous
export, recode and write memos (about 17 s on the two shared cores when quiet, 50 s beside a 200-kill
run); bench/crash.py runs 200 of the whole mix.
The seed fixes the project, the workload's choices and the kill times, not what the machine's speed lets
the workload do before each kill.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from acklog import AckWriter, Action, read_log
from expected import take_snapshot
from exports import EXPORTS, export_path, write_export
from harness import Kill, _check_exports, _rewrite_copies, _verify, build_project, run

from workbench.ingest.base import file_sha256
from workbench.project import Project

KILLS = 5
SEED = 20261204
# The workload's actions the second run keeps: those that rewrite the file or write exports, with enough
# coding, recoding, memos and imports for them to rewrite and remove.
FOCUS = ("code_span", "import_file", "recode", "add_memo", "edit_memo", "export", "compact", "pseudonymise",
         "remove_source", "remove_document", "forget")
REWRITES = {"compact", "pseudonymise", "remove_source", "remove_document", "forget"}


def test_random_kills_lose_no_acknowledged_work(tmp_path: Path) -> None:
    summary = run(tmp_path, KILLS, SEED)
    assert not summary.problems(), "\n".join(summary.problems())
    assert len(summary.kills) == KILLS
    done = {action for kill in summary.kills for action in kill.kinds}
    assert {"apply_code", "undo", "import"} <= done, f"the workload did too little to test anything: {done}"


def test_kills_during_rewrites_and_exports_lose_nothing_and_leave_whole_files(tmp_path: Path) -> None:
    summary = run(tmp_path, KILLS, SEED + 1, focus=FOCUS)
    assert not summary.problems(), "\n".join(summary.problems())
    assert len(summary.kills) == KILLS
    done = {action for kill in summary.kills for action in kill.kinds}
    done |= {kill.in_flight.kind for kill in summary.kills if kill.in_flight is not None}
    assert "export" in done and done & REWRITES, f"the workload did too little to test anything: {done}"


def test_a_torn_export_is_reported(tmp_path: Path) -> None:
    """The export check would pass vacuously if it accepted any file: an acknowledged export cut short must
    be reported as not the acknowledged file, and, when an export of it was in flight, as not whole."""
    expected = build_project(tmp_path / "p.vwb", tmp_path, random.Random(1))
    with Project.open(tmp_path / "p.vwb") as project:
        for suffix in EXPORTS:
            path = export_path(tmp_path, suffix)
            write_export(project, path)
            good = (file_sha256(path), "acknowledged #1 export")
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
            found = []
            for number, in_flight in enumerate((None, Action(2, "export", {"path": str(path)})), start=1):
                expected.exports[str(path)] = good
                kill = Kill(number, 1, 0, in_flight, None)
                found += _check_exports(kill, in_flight, expected, project, tmp_path, f"run {number}")
            torn = "does not read as a whole" if suffix != ".csv" else "reads, but its content is neither"
            assert [line.split(" (SHA-256")[0].split(", being written")[0] for line in found] == [
                f"{path.name} is not the file acknowledged #1 export wrote", path.name]
            assert found[1].startswith(f"{path.name}, being written by interrupted #2 export (run 2), {torn}")
            path.unlink()
            del expected.exports[str(path)]


def test_a_rewrite_copy_the_open_leaves_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Had the open not removed a killed rewrite's partial copy, the harness must say so."""
    expected = build_project(tmp_path / "p.vwb", tmp_path, random.Random(1))
    copy, _ = _rewrite_copies(tmp_path / "p.vwb")
    copy.write_bytes(b"DUCK" * 100)
    monkeypatch.setattr(Project, "_remove_stale_copy", lambda self: None)
    kill, _ = _verify(1, tmp_path / "p.vwb", tmp_path / "acks.jsonl", expected)
    assert kill.stale_copy
    assert kill.failures == [
        "p.vwb.rewrite, the partial copy of a killed rewrite, is still there after the project was opened"]


def test_the_comparison_names_a_lost_coding(tmp_path: Path) -> None:
    """The harness would pass vacuously if its comparison saw nothing: a coding deleted behind the log's
    back must be reported, by id and by the action that made it."""
    expected = build_project(tmp_path / "p.vwb", tmp_path, random.Random(1))
    with Project.open(tmp_path / "p.vwb") as project:
        lost = project.scalar("SELECT min(id) FROM codings")
        project.execute("DELETE FROM codings WHERE id = ?", [lost])
        differences = expected.differences(take_snapshot(project))
    assert len(differences) == 1, differences
    assert differences[0].startswith(f"coding {lost} (document ")
    assert differences[0].endswith("is missing; set-up made it")


def test_a_line_cut_by_the_kill_is_not_an_acknowledgement(tmp_path: Path) -> None:
    log = tmp_path / "acks.jsonl"
    writer = AckWriter(log)
    writer.ack(writer.begin("apply_code", doc=1), coding=7)
    writer.begin("remove_coding", coding=7)
    with log.open("a", encoding="utf-8") as handle:
        handle.write('{"seq": 2, "phase": "ack"')
    read = read_log(log)
    assert [action.result for action in read.acknowledged] == [{"coding": 7}]
    assert read.in_flight is not None and read.in_flight.intent == {"coding": 7}
