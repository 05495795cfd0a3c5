"""Crash-safety harness: random SIGKILLs must never lose acknowledged work.

Builds a project (documents, codes, coders, codings, pending suggestions), then for each kill: starts the
workload (`workload.py`) on it, lets it work for a random time, SIGKILLs it, reopens the project (it must
open: no corruption, no lock left behind, DuckDB replaying its write-ahead log), runs the integrity check
and compares the project with what the acknowledgement log says must be there (`expected.py`). Used by
tests/reliability/test_crash_safety.py (a few kills in CI) and bench/crash.py (the long run).
"""

from __future__ import annotations

import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from acklog import Action, read_log
from builders import add_code, add_coder_row
from corpus import clean_rows
from expected import Expected, ModelError, Snapshot, export_problem, take_snapshot

from workbench.coding import apply_code
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_file
from workbench.integrity import check_project
from workbench.project import Project

ROOT = Path(__file__).resolve().parents[2]
WORKLOAD = Path(__file__).with_name("workload.py")
# How long the workload works before the kill, once it has said it is ready (seconds).
WORK_TIME = (0.05, 1.5)
READY_TIMEOUT = 60.0
CODES = ("Facturation", "Livraison", "Accueil", "Délai", "Prix")
# Pending suggestions at set-up; a decision is final unless undone, so the queue lasts a few thousand actions.
SUGGESTIONS = 300


@dataclass
class Kill:
    """What one kill found."""

    number: int
    acknowledged: int
    refused: int
    in_flight: Action | None  # the action the kill interrupted
    in_flight_committed: bool | None  # whether the project held it
    failures: list[str] = field(default_factory=list)  # acknowledged work lost, or worse
    open_failed: bool = False
    check_problems: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)  # acknowledged actions by kind


@dataclass
class Summary:
    kills: list[Kill] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def acknowledged(self) -> int:
        return sum(kill.acknowledged for kill in self.kills)

    @property
    def verified(self) -> int:
        """Acknowledged actions of the kills after which nothing was missing or wrong."""
        return sum(kill.acknowledged for kill in self.kills if not kill.failures and not kill.check_problems)

    @property
    def failures(self) -> list[str]:
        return [message for kill in self.kills for message in kill.failures]

    @property
    def open_failures(self) -> int:
        return sum(kill.open_failed for kill in self.kills)

    @property
    def check_failures(self) -> int:
        return sum(bool(kill.check_problems) for kill in self.kills)

    def problems(self) -> list[str]:
        """Every failure and integrity problem, one line each, prefixed by its kill."""
        return [f"kill {kill.number}: {line}" for kill in self.kills for line in [
            *kill.failures, *(f"integrity check: {problem}" for problem in kill.check_problems)]]


def build_project(path: Path, workdir: Path, rng: random.Random) -> Expected:
    """The project the workload starts from: 30 clean documents imported from a CSV, codes and coders
    written without the journal (out of the workload's undo), a few codings, `SUGGESTIONS` pending
    suggestions on distinct spans (so that accepting one never meets a coding to reuse)."""
    table = workdir / "setup.csv"
    table.write_text("verbatim\n" + "".join(f'"{text}"\n' for text in clean_rows(rng, 30)), encoding="utf-8")
    with Project.create(path) as project:
        import_file(project, table, text_column="verbatim")
        codes = [add_code(project, name) for name in CODES]
        alice, _bob, reviewer = (add_coder_row(project, name) for name in ("alice", "bob", "reviewer"))
        documents = project.rows("SELECT id, n_chars FROM documents ORDER BY id")
        for doc, n_chars in documents[:6]:
            apply_code(project, doc, rng.choice(codes), 0, n_chars // 2, coder=alice)
        spans = {(doc, code, start, min(n_chars, start + 12))
                 for doc, n_chars in documents for code in codes for start in (0, 5, 10)}
        for doc, code, start, end in rng.sample(sorted(spans), SUGGESTIONS):
            project.execute("INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score) "
                            "VALUES (?, ?, ?, ?, ?)", [doc, start, end, code, round(rng.random(), 3)])
        return Expected.from_project(project, reviewer)


def _work_then_kill(project: Path, workdir: Path, log: Path, seed: int, pause: float) -> str | None:
    """Run the workload until `pause` seconds after it is ready, then SIGKILL it. Returns why it could
    not be killed as planned (it died or never got ready), or None."""
    with (workdir / "workload.stderr").open("ab") as errors:
        command = [sys.executable, str(WORKLOAD), str(project), str(workdir), str(log), str(seed)]
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors)
        try:
            ready, _, _ = select.select([child.stdout], [], [], READY_TIMEOUT)
            if not ready or child.stdout.readline() != b"ready\n":
                return f"the workload did not get ready (exit status {child.poll()}; see {errors.name})"
            time.sleep(pause)
            if child.poll() is not None:
                return f"the workload stopped by itself with status {child.returncode} (see {errors.name})"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
    return None


def _verify(number: int, project_path: Path, log_path: Path, expected: Expected) -> tuple[Kill, Expected]:
    """Reopen the project after a kill and compare it with the log. Returns what the kill found and the
    expected state to judge the next kill by."""
    log = read_log(log_path)
    run = f"run {number}"
    kill = Kill(number, len(log.acknowledged), len(log.refused), log.in_flight, None,
                kinds=Counter(action.kind for action in log.acknowledged))
    for action in log.acknowledged:
        try:
            expected.apply(action, f"acknowledged {action.label()} ({run})")
        except ModelError as exc:
            kill.failures.append(str(exc))
        if action.kind == "export" and (problem := export_problem(action)):
            kill.failures.append(problem)
    for action in log.refused:
        expected.not_done(action, f"refused {action.label()} ({run})")
        if action.kind in ("undo", "redo"):  # refused what next_undo/next_redo had just named
            kill.failures.append(f"{action.label()} ({run}) was refused: {action.result['reason']}")
    try:
        project = Project.open(project_path)
    except WorkbenchError as exc:
        kill.open_failed = True
        kill.failures.append(f"the project does not open: {exc}")
        return kill, expected
    with project:
        kill.check_problems = [problem.message for problem in check_project(project).problems]
        snap = take_snapshot(project)
    if log.in_flight is None:
        kill.failures += expected.differences(snap)
    else:
        expected, committed, differences = _settle(log.in_flight, expected, snap, run)
        kill.in_flight_committed = committed
        kill.failures += differences
    if kill.failures or kill.check_problems:
        expected.adopt(snap, f"the project as re-read after the failures of kill {number}")
    return kill, expected


def _settle(action: Action, expected: Expected, snap: Snapshot,
            run: str) -> tuple[Expected, bool | None, list[str]]:
    """Whether the interrupted action committed: the project must match the expected state without it or
    with it. Returns the state that matched, whether it is the one with the action, and the differences
    (of the closer state) when neither matched."""
    without = expected.without_in_flight(action, f"interrupted {action.label()} ({run}), not committed")
    differences = without.differences(snap)
    if not differences:
        return without, False, []
    committed = expected.with_in_flight(action, snap, f"interrupted {action.label()} ({run}), committed")
    if committed is not None:
        differences_with = committed.differences(snap)
        if not differences_with:
            return committed, True, []
        if len(differences_with) < len(differences):
            differences = differences_with
    heading = (f"the kill interrupted {action.label()} {action.intent}; the project matches neither "
               "its absence nor its presence:")
    return expected, None, [heading, *differences]


def run(workdir: Path, kills: int, seed: int, on_kill: Callable[[Kill], None] | None = None) -> Summary:
    """Build a project in `workdir`, kill the workload `kills` times, verify after each kill."""
    started = time.perf_counter()
    rng = random.Random(seed)
    project = workdir / "crash.vwb"
    expected = build_project(project, workdir, rng)
    summary = Summary()
    for number in range(1, kills + 1):
        log = workdir / f"acks-{number}.jsonl"
        trouble = _work_then_kill(project, workdir, log, seed * 100_000 + number, rng.uniform(*WORK_TIME))
        kill, expected = _verify(number, project, log, expected)
        if trouble:
            kill.failures.insert(0, trouble)
        summary.kills.append(kill)
        if on_kill is not None:
            on_kill(kill)
        if kill.open_failed:
            break
    summary.seconds = time.perf_counter() - started
    return summary
