"""Crash-safety harness: random SIGKILLs must never lose acknowledged work.

Builds a project (documents, codes, coders, codings, pending suggestions), then for each kill: starts the
workload (`workload.py`) on it, lets it work for a random time, SIGKILLs it, reopens the project (it must
open: no corruption, no lock left behind, DuckDB replaying its write-ahead log, no partial copy of a
killed rewrite left beside it, the rewrite a removal or pseudonymisation killed after its commit owed
done by the open), runs the integrity check and compares the project with what the
acknowledgement log says must be there (`expected.py`), and each export file with the last one
acknowledged (`exports.py`). Used by tests/reliability/test_crash_safety.py (a few kills in CI) and
bench/crash.py (the long run).
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

from acklog import Action, ReadLog, read_log
from builders import add_code, add_coder_row
from corpus import SETUP_FILE, clean_rows
from expected import Expected, ModelError, Snapshot, take_snapshot
from exports import EXPORTS, export_path, torn, write_export

from workbench.coding import apply_code
from workbench.errors import WorkbenchError
from workbench.ingest.base import file_sha256
from workbench.ingest.folder import import_file
from workbench.integrity import check_project
from workbench.project import REWRITE_OWED, Project

ROOT = Path(__file__).resolve().parents[2]
WORKLOAD = Path(__file__).with_name("workload.py")
# How long the workload works before the kill, once it has said it is ready (seconds).
WORK_TIME = (0.05, 1.5)
READY_TIMEOUT = 60.0
CODES = ("Facturation", "Livraison", "Accueil", "Délai", "Prix")
# Codes without suggestions, the ones the workload merges: a merge of two codes with suggestions could give
# two pending suggestions one span and code, and accepting the second would reuse the first's coding.
# Each merge takes one away until an undo brings it back: 30 last about 200 kills.
PLAIN_CODES = tuple(f"Thème {number}" for number in range(1, 31))
# The workload's actions that rewrite the whole file (`Project.rewrite`): its new file has a new inode.
REWRITES = ("compact", "pseudonymise", "forget", "remove_source", "remove_document")
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
    stale_copy: bool = False  # a killed rewrite had left its partial copy beside the project
    export_left: str | None = None  # after a kill inside an export: "previous" or "new" file
    partial_exports: int = 0  # temporary files of killed exports lying in the folder
    rewrote: bool | None = None  # after a kill inside a rewrite: whether its new file was in place
    finished_by_open: bool = False  # the reopen rewrote the file, as a change killed before it owed


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
    """The project the workload starts from: 30 clean documents imported from a CSV, codes (`PLAIN_CODES`
    among them, with no suggestion) and coders written without the journal (out of the workload's undo), a
    few codings, `SUGGESTIONS` pending suggestions on distinct spans (so that accepting one never meets a
    coding to reuse)."""
    table = workdir / SETUP_FILE
    table.write_text("verbatim\n" + "".join(f'"{text}"\n' for text in clean_rows(rng, 30)), encoding="utf-8")
    with Project.create(path) as project:
        import_file(project, table, text_column="verbatim")
        codes = [add_code(project, name) for name in CODES]
        for name in PLAIN_CODES:
            add_code(project, name)
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


def _work_then_kill(project: Path, workdir: Path, log: Path, seed: int, pause: float,
                    focus: tuple[str, ...]) -> str | None:
    """Run the workload until `pause` seconds after it is ready, then SIGKILL it. Returns why it could
    not be killed as planned (it died or never got ready), or None."""
    with (workdir / "workload.stderr").open("ab") as errors:
        command = [sys.executable, str(WORKLOAD), str(project), str(workdir), str(log), str(seed),
                   *([",".join(focus)] if focus else [])]
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


def _verify(number: int, project_path: Path, log_path: Path, expected: Expected,
            inode: int | None = None) -> tuple[Kill, Expected]:
    """Reopen the project after a kill and compare it with the log (`inode`: the project file's when the run
    started). Returns what the kill found and the expected state to judge the next kill by."""
    log = read_log(log_path)
    run = f"run {number}"
    kill = Kill(number, len(log.acknowledged), len(log.refused), log.in_flight, None,
                kinds=Counter(action.kind for action in log.acknowledged))
    for action in log.acknowledged:
        try:
            expected.apply(action, f"acknowledged {action.label()} ({run})")
        except ModelError as exc:
            kill.failures.append(str(exc))
    for action in log.refused:
        expected.not_done(action, f"refused {action.label()} ({run})")
        if action.kind in ("undo", "redo"):  # refused what next_undo/next_redo had just named
            kill.failures.append(f"{action.label()} ({run}) was refused: {action.result['reason']}")
    kill.failures += _check_file(kill, log, project_path, inode, run)
    kill.stale_copy = any(path.exists() for path in _rewrite_copies(project_path))
    before_open = project_path.stat().st_ino
    try:
        project = Project.open(project_path)
    except WorkbenchError as exc:
        kill.open_failed = True
        kill.failures.append(f"the project does not open: {exc}")
        return kill, expected
    with project:
        kill.finished_by_open = project_path.stat().st_ino != before_open
        if project.get_meta(REWRITE_OWED):
            kill.failures.append(f"the project still owes a rewrite after the open ({run})")
        kill.check_problems = [problem.message for problem in check_project(project).problems]
        snap = take_snapshot(project)
        kill.failures += _check_exports(kill, log.in_flight, expected, project, project_path.parent, run)
    kill.failures += [f"{path.name}, the partial copy of a killed rewrite, is still there after the project "
                      "was opened" for path in _rewrite_copies(project_path) if path.exists()]
    kill.partial_exports = sum(1 for _ in project_path.parent.glob(".export.*.partial"))
    if log.in_flight is None:
        kill.failures += expected.differences(snap)
    else:
        expected, committed, differences = _settle(log.in_flight, expected, snap, run)
        kill.in_flight_committed = committed
        kill.failures += differences
    if kill.failures or kill.check_problems:
        expected.adopt(snap, f"the project as re-read after the failures of kill {number}")
    return kill, expected


def _check_file(kill: Kill, log: ReadLog, project: Path, inode: int | None, run: str) -> list[str]:
    """The project must be in the file the last acknowledged rewrite put in place (or the run started on);
    after a kill inside a rewrite, either that one or the rewrite's new file, which tells which held."""
    rewrites = [action for action in log.acknowledged if action.kind in REWRITES]
    expected = rewrites[-1].result["inode"] if rewrites else inode
    if expected is None:
        return []
    found = project.stat().st_ino
    if log.in_flight is not None and log.in_flight.kind in REWRITES:
        kill.rewrote = found != expected
        return []
    if found == expected:
        return []
    left = f"acknowledged {rewrites[-1].label()}" if rewrites else "the start of the run"
    return [f"{project.name} is another file than the one {left} left ({run}); nothing in flight rewrote it"]


def _rewrite_copies(project: Path) -> tuple[Path, Path]:
    """Where `Project.rewrite` writes its copy of the project (and the copy's WAL) before renaming it."""
    fresh = project.with_name(project.name + ".rewrite")
    return fresh, Path(str(fresh) + ".wal")


def _check_exports(kill: Kill, in_flight: Action | None, expected: Expected, project: Project, folder: Path,
                   run: str) -> list[str]:
    """Each export file must be the last acknowledged one, byte for byte; the one an interrupted export was
    writing may instead be a whole new export, the same as a fresh export of the reopened project (the
    interrupted export was the workload's last action, so the project has not changed since)."""
    problems = []
    for suffix in EXPORTS:
        path = export_path(folder, suffix)
        good, why = expected.exports.get(str(path), (None, "no acknowledged export"))
        found = file_sha256(path) if path.exists() else None
        interrupted = (in_flight is not None and in_flight.kind == "export"
                       and in_flight.intent["path"] == str(path))
        if found == good:
            kill.export_left = "previous" if interrupted else kill.export_left
            continue
        if interrupted and found is not None:
            fresh = folder / "fresh" / path.name
            fresh.parent.mkdir(exist_ok=True)
            write_export(project, fresh)
            reason = torn(path, fresh)
            fresh.unlink()
            if reason is None:
                kill.export_left = "new"
                expected.exports[str(path)] = (found, f"interrupted {in_flight.label()} ({run}), whole")
                continue
            problems.append(f"{path.name}, being written by interrupted {in_flight.label()} ({run}), "
                            f"{reason}")
        elif found is None:
            problems.append(f"{path.name} is gone; {why} wrote it")
        else:
            problems.append(f"{path.name} is not the file {why} wrote "
                            f"(SHA-256 {found[:12]}…, not {str(good)[:12]}…)")
        expected.exports[str(path)] = (found, f"the file as found after kill {kill.number}")
    return problems


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


def run(workdir: Path, kills: int, seed: int, on_kill: Callable[[Kill], None] | None = None,
        focus: tuple[str, ...] = ()) -> Summary:
    """Build a project in `workdir`, kill the workload `kills` times, verify after each kill. `focus` keeps
    only those of the workload's actions (method names of `workload.Workload`)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    project = workdir / "crash.vwb"
    expected = build_project(project, workdir, rng)
    summary = Summary()
    for number in range(1, kills + 1):
        log = workdir / f"acks-{number}.jsonl"
        pause, inode = rng.uniform(*WORK_TIME), project.stat().st_ino
        trouble = _work_then_kill(project, workdir, log, seed * 100_000 + number, pause, focus)
        kill, expected = _verify(number, project, log, expected, inode)
        if trouble:
            kill.failures.insert(0, trouble)
        summary.kills.append(kill)
        if on_kill is not None:
            on_kill(kill)
        if kill.open_failed:
            break
    summary.seconds = time.perf_counter() - started
    return summary
