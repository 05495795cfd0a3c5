"""Random SIGKILLs of a process doing real work must never lose acknowledged work (harness.py).

20 seeded kills here (25–30 s on two shared cores); bench/crash.py runs 200. The seed fixes the project, the
workload's choices and the kill times, not what the machine's speed lets the workload do before each kill.
"""

from __future__ import annotations

import random
from pathlib import Path

from acklog import AckWriter, read_log
from expected import take_snapshot
from harness import build_project, run

from workbench.project import Project

KILLS = 20
SEED = 20261204


def test_random_kills_lose_no_acknowledged_work(tmp_path: Path) -> None:
    summary = run(tmp_path, KILLS, SEED)
    assert not summary.problems(), "\n".join(summary.problems())
    assert len(summary.kills) == KILLS
    done = {action for kill in summary.kills for action in kill.kinds}
    assert {"apply_code", "undo", "import"} <= done, f"the workload did too little to test anything: {done}"


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
