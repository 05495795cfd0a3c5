"""Benchmark: latency of one coding action (validation + transaction + journal row) and of undo, on a large project.

Builds a project of 100,000 synthetic short documents (bulk SQL) with a 50-code codebook, then applies
10,000 codings one by one through `apply_code`, each its own committed transaction with its journal row.
Baseline, measured in the same run on the same file and interleaved with the actions so that both see the
same WAL and checkpoint state: a bare DuckDB single-row INSERT + COMMIT. The ratio is our overhead.
Undo is timed on the latest action, repeatedly (each undo takes back the next most recent coding), with
its own baseline interleaved the same way. The "x baseline" column divides medians of the same phase.

Usage: .venv/bin/python bench/coding.py [--documents N] [--codings N] [--undos N]
       .venv/bin/python bench/coding.py --compare CHECKOUT [--rounds 3] [...]
With --compare, each round runs the bench twice in fresh processes, first on another checkout's
`workbench` package (a git worktree of an older commit), then on this one, so a change's cost is measured
against the code before it under the same machine load.
Goals (issue 3): p99 per action under 20 ms, undo under 20 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --root: whose `workbench` package is measured (another checkout's, for --compare).
sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1] if "--root" in sys.argv else str(ROOT))

from workbench.coding import apply_code
from workbench.journal import undo
from workbench.project import Project
from workbench.store.coders import add_coder

WORDS = ["bonjour", "facture", "colis", "retard", "remboursement", "conseiller", "abonnement", "résiliation",
         "merci", "problème", "commande", "livraison", "prix", "service", "client", "attente", "appel", "mail",
         "réponse", "satisfait"]


def build(path: Path, documents: int, codes: int) -> tuple[Project, list[int], list[int], float]:
    """A project with `documents` synthetic documents and `codes` codable codes under 5 groups (bulk SQL)."""
    started = time.perf_counter()
    project = Project.create(path)
    words = ", ".join(f"'{w}'" for w in WORDS)
    with project.transaction():
        project.execute("INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 'bench.csv', '/bench', 'x')")
        project.execute(
            f"""
            INSERT INTO documents (source_id, kind, title, text, n_chars, content_hash, position)
            SELECT 1, 'survey', 'row ' || i, t, length(t), hash(t), i
            FROM (SELECT i, array_to_string(list_transform(range(8 + i % 30),
                         lambda x: ([{words}])[(1 + hash(i * 31 + x) % {len(WORDS)})::BIGINT]), ' ') AS t
                  FROM range(1, ? + 1) r(i))
            """,
            [documents],
        )
        groups = [project.scalar("INSERT INTO codes (guid, name, codable) VALUES (?, ?, FALSE) RETURNING id",
                                 [str(uuid.uuid4()), f"Groupe {g}"]) for g in range(5)]
        code_ids = [project.scalar("INSERT INTO codes (guid, parent_id, name, position) VALUES (?, ?, ?, ?) "
                                   "RETURNING id", [str(uuid.uuid4()), groups[c % 5], f"Code {c}", c])
                    for c in range(codes)]
        project.execute("CREATE TABLE bench_baseline (id BIGINT, payload VARCHAR)")
    project.execute("CHECKPOINT")
    lengths = [row[0] for row in project.rows("SELECT n_chars FROM documents ORDER BY id")]
    return project, lengths, code_ids, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--codings", type=int, default=10_000)
    parser.add_argument("--undos", type=int, default=200)
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT", help="also measure another checkout's code")
    parser.add_argument("--rounds", type=int, default=3, help="with --compare: alternated rounds")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compare is not None:
        sizes = ["--documents", str(args.documents), "--codings", str(args.codings), "--undos", str(args.undos)]
        for round_number in range(1, args.rounds + 1):
            for label, root in (("other checkout", args.compare.resolve()), ("this checkout", ROOT)):
                print(f"=== round {round_number}: {label} ({root})", flush=True)
                subprocess.run([sys.executable, __file__, *sizes, "--root", str(root)], check=True)
        return
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        project, lengths, code_ids, build_s = build(Path(folder) / "bench.vwb", args.documents, 50)
        coder = add_coder(project, "bench", "analyst")
        actions: list[float] = []
        baseline: list[float] = []
        wall = time.perf_counter()
        for i in range(args.codings):
            document = rng.randrange(1, args.documents + 1)
            n = lengths[document - 1]
            start = rng.randrange(0, n - 1)
            end = rng.randint(start + 1, min(n, start + 60))
            t0 = time.perf_counter()
            apply_code(project, document, rng.choice(code_ids), start, end, coder=coder)
            actions.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            project.execute("BEGIN TRANSACTION")
            project.execute("INSERT INTO bench_baseline VALUES (?, ?)", [i, "x" * 40])
            project.execute("COMMIT")
            baseline.append(time.perf_counter() - t0)
        wall = time.perf_counter() - wall
        undos: list[float] = []
        undo_baseline: list[float] = []
        for i in range(args.undos):
            t0 = time.perf_counter()
            undo(project, coder)
            undos.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            project.execute("BEGIN TRANSACTION")
            project.execute("INSERT INTO bench_baseline VALUES (?, ?)", [-i, "x" * 40])
            project.execute("COMMIT")
            undo_baseline.append(time.perf_counter() - t0)
        journal_rows = project.scalar("SELECT count(*) FROM journal")
        project.close()

    print(f"project: {args.documents:,} documents, 50 codes, built in {build_s:.1f} s; "
          f"{args.codings:,} codings in {wall:.1f} s (both loops); journal rows {journal_rows:,}")
    print(f"{'operation':<40} {'n':>7} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'x baseline':>11}")
    for label, values, base in (("baseline: INSERT + COMMIT (bare DuckDB)", baseline, baseline),
                                ("apply_code (validate + journal + commit)", actions, baseline),
                                ("baseline, measured between the undos", undo_baseline, undo_baseline),
                                ("undo of the latest action", undos, undo_baseline)):
        ms = [v * 1000 for v in values]
        print(f"{label:<40} {len(ms):>7} {statistics.median(ms):>10.2f} {percentile(ms, 0.90):>8.2f} "
              f"{percentile(ms, 0.99):>8.2f} {max(ms):>8.2f} {statistics.median(values) / statistics.median(base):>11.1f}")
    print(f"first undo: {undos[0] * 1000:.2f} ms; goals: apply_code p99 < 20 ms "
          f"({'met' if percentile(actions, 0.99) < 0.020 else 'NOT met'}), undo < 20 ms "
          f"({'met' if percentile(undos, 0.99) < 0.020 else 'NOT met'} at p99)")


if __name__ == "__main__":
    main()
