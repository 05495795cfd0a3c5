"""Benchmark: crash safety under random SIGKILLs, the long run of tests/reliability/harness.py.

A workload process does real user actions on a project (imports, codings, recoding, memos, undo and redo,
review decisions, exports over the previous export, and rewrites of the whole file: compact, pseudonymise,
removal, forgetting the originals), acknowledging each one in a log once the engine call returned; it is
killed with SIGKILL at a random moment, the project is reopened, checked (`workbench.integrity`) and
compared with the log, and the workload starts again on it. Every acknowledged action must be there, the
action the kill interrupted must be wholly there or wholly absent, the project must open and check whole
every time with no partial rewrite copy left after the open, and each export file must be the last
acknowledged one or, when the kill hit its export, a whole new one.

Usage: .venv/bin/python bench/crash.py [--kills 200] [--seed 1] [--keep DIR]
Prints one line per 10 kills and a summary table; exits 1 when anything was lost.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "reliability")]

from harness import Kill, Summary, run


def _progress(kill: Kill) -> None:
    if kill.failures or kill.check_problems or kill.number % 10 == 0:
        state = "ok" if not (kill.failures or kill.check_problems) else "FAILED"
        inside = kill.in_flight.label() if kill.in_flight else "nothing"
        print(f"kill {kill.number}: {state}, {kill.acknowledged} acknowledged, interrupted {inside}",
              flush=True)


def _counts(counts: Counter[str]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.most_common())


def _table(summary: Summary) -> str:
    interrupted = [kill for kill in summary.kills if kill.in_flight is not None]
    committed = sum(kill.in_flight_committed is True for kill in interrupted)
    exports = Counter(kill.export_left for kill in interrupted if kill.in_flight.kind == "export")
    rewrites = Counter(kill.rewrote for kill in interrupted if kill.rewrote is not None)
    rows = [
        ("kills", len(summary.kills)),
        ("actions acknowledged", summary.acknowledged),
        ("actions verified", summary.verified),
        ("actions refused by the engine (nothing written)", sum(kill.refused for kill in summary.kills)),
        ("kills inside an action", len(interrupted)),
        ("  of which the action had committed (ack line not yet written)", committed),
        ("kills inside an export: previous file left whole / new file whole",
         f"{exports['previous']} / {exports['new']}"),
        ("kills inside a rewrite: its new file in place / the old file kept",
         f"{rewrites[True]} / {rewrites[False]}"),
        ("  of which the action had committed, its new file not yet in place",
         sum(kill.in_flight_committed is True and kill.rewrote is False for kill in interrupted)),
        ("kills after which the reopen finished the rewrite a committed change owed",
         sum(kill.finished_by_open for kill in summary.kills)),
        ("kills that left a partial rewrite copy (removed by the next open)",
         sum(kill.stale_copy for kill in summary.kills)),
        ("temporary files of killed exports left beside the exports",
         summary.kills[-1].partial_exports if summary.kills else 0),
        ("failures (acknowledged work lost or wrong)", len(summary.failures)),
        ("opens that failed", summary.open_failures),
        ("kills after which the integrity check failed", summary.check_failures),
        ("seconds", f"{summary.seconds:.0f}"),
    ]
    return "\n".join(["| | |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (project, logs, files)")
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}; {args.kills} kills, seed {args.seed}", flush=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        summary = run(args.keep, args.kills, args.seed, _progress)
    else:
        with tempfile.TemporaryDirectory(prefix="crash-") as folder:
            summary = run(Path(folder), args.kills, args.seed, _progress)
    print("acknowledged by kind: " + _counts(sum((kill.kinds for kill in summary.kills), start=Counter())))
    print("kills inside an action, by kind: "
          + _counts(Counter(kill.in_flight.kind for kill in summary.kills if kill.in_flight)))
    print("of which committed (wholly present), by kind: "
          + _counts(Counter(kill.in_flight.kind for kill in summary.kills if kill.in_flight_committed)))
    print(_table(summary))
    for line in summary.problems():
        print(line)
    return 1 if summary.problems() or len(summary.kills) < args.kills else 0


if __name__ == "__main__":
    sys.exit(main())
