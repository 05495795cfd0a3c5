"""Benchmark: 100,000 coded segments to .xlsx, against a bare openpyxl write-only loop of the same rows.

Builds a synthetic project by bulk SQL (documents with accented French text, five typed variables, a
two-level codebook, N codings), then runs each case in its own subprocess so that peak memory
(`resource.getrusage(...).ru_maxrss`) belongs to that case alone:

- baseline: the rows of the Segments sheet, fetched beforehand (not timed), appended one by one to a
  write-only openpyxl sheet and saved: the least any xlsx writer in Python must pay;
- segments: `export_xlsx(..., sheets=["Segments"])`, query, typing, injection checks and styling included;
- workbook (run once): every sheet (Segments, Matrix, Codebook, Frequencies, Crosstabs, Agreement, Topics,
  Suggestions, Charts) of the same project.

Ratios compare CPU time (`time.process_time`, every thread of the process), not wall time: on a shared
machine other jobs stretch wall time by whatever they happen to run meanwhile. Baseline and segments run
`--repeat` times, alternated, and the run with the least CPU time of each counts. Goals (issue 6): segments within 1.5x the baseline, peak
memory under 1 GB.

    .venv/bin/python bench/export.py [--segments 100000] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = ("baseline", "segments", "workbook")
PER_DOCUMENT = 5


def build(path: Path, segments: int) -> None:
    """A project with `segments` codings over segments / 5 documents, built with a few bulk statements."""
    from workbench.project import Project

    documents = max(segments // PER_DOCUMENT, 1)
    with Project.create(path, language="fr") as project, project.transaction():
        con = project.con
        con.execute("INSERT INTO sources (id, kind, name, origin, sha256) VALUES (1, 'csv', 'bench.csv', '/b', 'b')")
        con.execute(
            """
            INSERT INTO documents (id, source_id, kind, title, text, lang, occurred_at, n_chars, content_hash, position)
            SELECT i, 1, ['call', 'email', 'chat', 'survey'][1 + i % 4], 'Verbatim n° ' || i, t, 'fr',
                   TIMESTAMP '2025-01-01 08:00:00' + to_days(CAST(i % 365 AS INTEGER)), length(t), hash(t), i
            FROM (SELECT i, 'Bonjour, je vous écris au sujet de ma facture n° ' || i || ' qui est erronée. '
                            || repeat('Le conseiller a été très aimable et a réglé mon problème rapidement. ', 3)
                            AS t
                  FROM range(1, ? + 1) r(i))
            """,
            [documents],
        )
        con.execute("""INSERT INTO variables (id, name, type) VALUES (1, 'canal', 'text'), (2, 'nps', 'integer'),
                       (3, 'region', 'text'), (4, 'anciennete_ans', 'float'), (5, 'date', 'date')""")
        con.execute(
            """
            INSERT INTO document_values
            SELECT i, v, CASE v WHEN 1 THEN ['téléphone', 'email', 'chat', 'web'][1 + i % 4]
                                WHEN 2 THEN CAST(i % 11 AS VARCHAR)
                                WHEN 3 THEN ['Île-de-France', 'Bretagne', 'Occitanie', 'Grand Est'][1 + i % 4]
                                WHEN 4 THEN CAST((i % 40) / 4.0 AS VARCHAR)
                                ELSE CAST(DATE '2025-01-01' + CAST(i % 365 AS INTEGER) AS VARCHAR) END
            FROM range(1, ? + 1) r(i), range(1, 6) w(v)
            """,
            [documents],
        )
        con.execute(
            """
            INSERT INTO codes (id, guid, parent_id, name, position)
            SELECT p, 'g' || p, NULL, ['Motif', 'Émotion', 'Canal cité', 'Relation', 'Produit', 'Délai'][p], p
            FROM range(1, 7) r(p)
            """
        )
        con.execute(
            """
            INSERT INTO codes (id, guid, parent_id, name, position)
            SELECT 6 + (p - 1) * 5 + c, 'g' || (6 + (p - 1) * 5 + c), p, 'Sous-code ' || p || '.' || c || ' é', c
            FROM range(1, 7) r(p), range(1, 6) s(c)
            """
        )
        con.execute("INSERT INTO coders (id, name, role) VALUES (1, 'alice', 'analyst'), (2, 'bob', 'trainee')")
        con.execute(
            """
            INSERT INTO codings (id, guid, document_id, code_id, start_pos, end_pos, coder_id, origin)
            SELECT i, 'c' || i, 1 + i // 5, 7 + (i * 7) % 30, (i % 5) * 40, (i % 5) * 40 + 35, 1 + i % 2,
                   ['manual', 'suggestion'][1 + i % 2]
            FROM range(0, ?) r(i)
            """,
            [segments],
        )
    # A fresh connection afterwards keeps the bulk-load memory out of the measurements (separate processes).


def run_case(case: str, project_path: str, out: str) -> dict[str, float]:
    """Run one case in this process and report its time and peak memory."""
    import resource

    from workbench.project import Project

    with Project.open(project_path, read_only=True) as project:
        if case == "baseline":
            from openpyxl import Workbook

            from workbench.export.tables import segments_table

            table = segments_table(project)
            rows = list(table.rows)
            started, cpu = time.perf_counter(), time.process_time()
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Segments")
            sheet.append(table.columns)
            for row in rows:
                sheet.append(row)
            workbook.save(out)
        else:
            from workbench.export.excel import export_xlsx

            started, cpu = time.perf_counter(), time.process_time()
            export_xlsx(project, out, sheets=["Segments"] if case == "segments" else None)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
    return {"seconds": elapsed, "cpu": cpu, "peak_mib": peak, "bytes": Path(out).stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Folder to keep the project and workbooks in.")
    parser.add_argument("--repeat", type=int, default=2,
                        help="Runs of baseline and segments, alternated; the fastest of each counts.")
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--project", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:  # child process
        print(json.dumps(run_case(args.case, args.project, args.out)))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    project = folder / "bench.vwb"
    for stale in (project, Path(str(project) + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    build(project, args.segments)
    print(f"built {project} with {args.segments} codings in {time.perf_counter() - started:.1f} s")
    results: dict[str, dict[str, float]] = {}
    order = [case for _ in range(max(args.repeat, 1)) for case in CASES[:2]] + ["workbook"]
    for case in order:
        out = folder / f"{case}.xlsx"
        done = subprocess.run([sys.executable, __file__, "--case", case, "--project", str(project), "--out", str(out)],
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        if case not in results or result["cpu"] < results[case]["cpu"]:
            results[case] = result
    base = results["baseline"]["cpu"]
    print()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"{'case':<10}{'segments':>10}{'wall s':>9}{'CPU s':>9}{'x baseline (CPU)':>18}{'peak MiB':>10}"
          f"{'file MiB':>10}")
    for case in CASES:
        r = results[case]
        print(f"{case:<10}{args.segments:>10}{r['seconds']:>9.1f}{r['cpu']:>9.1f}{r['cpu'] / base:>18.2f}"
              f"{r['peak_mib']:>10.0f}{r['bytes'] / 2 ** 20:>10.1f}")
    ratio = results["segments"]["cpu"] / base
    peak = max(r["peak_mib"] for r in results.values())
    print()
    print(f"goal segments <= 1.5x baseline: {'met' if ratio <= 1.5 else 'NOT met'} ({ratio:.2f}x); "
          f"goal peak < 1024 MiB: {'met' if peak < 1024 else 'NOT met'} ({peak:.0f} MiB)")


if __name__ == "__main__":
    main()
