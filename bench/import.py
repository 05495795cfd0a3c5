"""Benchmark: importing a big survey table, against DuckDB's own read_csv of the same file.

    .venv/bin/python bench/import.py              # 1,000,000 rows (~150 MB), the issue's target
    .venv/bin/python bench/import.py --rows 50000 # a quick run
    .venv/bin/python bench/import.py --typographic --repeat 5  # verbatims with ’ and …, 5 runs each

Generates a semicolon CSV of French-like verbatims with accents, French decimal commas and day-first dates
(in bench/out/, git-ignored), then measures, each in a fresh subprocess so peak memory is its own:

- baseline: `CREATE TABLE t AS SELECT * FROM read_csv(file)` into a new DuckDB database file;
- workbench: `import_paths` into a new, empty project, created before the timer (sniffing, typing,
  normalisation, dedup, documents and typed variables, committed; opening and closing the project).

Prints documents/s, the time ratio to the baseline and peak resident memory (ru_maxrss) of each run, then
the medians and the minima of `--repeat` runs of each, alternated so that a busy spell on a shared machine
hits both.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["bonjour", "conseiller", "facture", "électricité", "résiliation", "réclamation", "délai", "très", "déçu", "satisfait", "rapide", "efficace", "agence", "téléphone", "attente", "interminable", "remboursement", "prélèvement", "contrat", "fidèle", "depuis", "ans", "jamais", "toujours", "problème", "réglé", "merci", "beaucoup", "écœurant", "inadmissible", "génial", "accueil", "chaleureux", "colis", "livré", "reçu", "abonnement", "offre", "prix", "cher", "concurrent", "fibre", "box", "coupure", "dépannage", "technicien", "rendez-vous", "annulé", "relancé", "plusieurs", "fois", "réponse", "aucune", "à", "où", "ça", "être", "vous", "nous", "leur", "été"]
REGIONS = ["Île-de-France", "Bretagne", "Occitanie", "Grand Est", "Normandie", "Hauts-de-France",
           "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur", "Nouvelle-Aquitaine", "Pays de la Loire"]
CHANNELS = ["téléphone", "e-mail", "chat", "agence", "application"]
# With --typographic: words as smartphones and word processors write them (’ for the apostrophe, …),
# which most real French verbatims hold; NFC must not be run on them for nothing.
TYPOGRAPHIC = ["j’ai", "l’agence", "c’est", "qu’on", "d’attente", "aujourd’hui", "n’ai", "…"]


def generate(path: Path, rows: int, typographic: bool = False) -> None:
    """Write the CSV with DuckDB (fast, deterministic: fixed seed)."""
    import duckdb

    con = duckdb.connect()
    con.execute("SELECT setseed(0.42)")
    vocabulary = WORDS + TYPOGRAPHIC if typographic else WORDS
    words = "[" + ", ".join(f"'{word}'" for word in vocabulary) + "]"
    regions = "[" + ", ".join("'" + region.replace("'", "''") + "'" for region in REGIONS) + "]"
    channels = "[" + ", ".join(f"'{channel}'" for channel in CHANNELS) + "]"
    con.execute(
        f"""
        COPY (
            SELECT i AS id,
                   strftime(DATE '2025-01-01' + CAST(floor(random() * 500) AS INTEGER), '%d/%m/%Y') AS date,
                   {channels}[1 + CAST(floor(random() * {len(CHANNELS)}) AS INTEGER)] AS canal,
                   {regions}[1 + CAST(floor(random() * {len(REGIONS)}) AS INTEGER)] AS region,
                   CAST(floor(random() * 30) AS INTEGER) AS anciennete,
                   CAST(floor(random() * 11) AS INTEGER) AS nps,
                   replace(printf('%.1f', random() * 10), '.', ',') AS note,
                   upper(w[1][1]) || w[1][2:] || ' ' || array_to_string(w[2:], ' ') || '.' AS commentaire
            FROM (
                SELECT i, list_transform(range(5 + CAST(floor(random() * 18) AS INTEGER)),
                                         lambda x: {words}[1 + CAST(floor(random() * {len(vocabulary)}) AS INTEGER)]) AS w
                FROM range(1, ? + 1) t(i)
            )
        ) TO '{path}' (HEADER, DELIMITER ';')
        """,
        [rows],
    )
    con.close()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process, all threads: a figure less sensitive than wall time to a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_baseline(csv_path: Path, out: Path) -> dict:
    import duckdb

    database = out / "baseline.duckdb"
    database.unlink(missing_ok=True)
    started, cpu_start = time.perf_counter(), cpu_seconds()
    con = duckdb.connect(str(database))
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [str(csv_path)])
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    con.close()
    seconds = time.perf_counter() - started
    database.unlink(missing_ok=True)
    return {"seconds": seconds, "cpu": cpu_seconds() - cpu_start, "documents": rows, "peak_mb": peak_mb()}


def measure_workbench(csv_path: Path, out: Path, root: Path = ROOT) -> dict:
    """Import into a new, empty project with the `workbench` package of checkout `root`. Creating the
    project (schema, migrations) is timed apart: it is not part of an import, and the baseline's
    counterpart, opening a database file, is timed."""
    sys.path.insert(0, str(root))
    from workbench.ingest.folder import import_paths
    from workbench.project import Project

    target = out / f"bench-{root.name}.vwb"
    for stale in (target, Path(str(target) + ".wal")):
        stale.unlink(missing_ok=True)
    created = time.perf_counter()
    Project.create(target).close()
    create_seconds = time.perf_counter() - created
    started, cpu_start = time.perf_counter(), cpu_seconds()
    project = Project.open(target)
    report = import_paths(project, [csv_path])
    if report.failed:
        raise SystemExit(f"import failed: {report.failed[0].message}")
    documents = project.scalar("SELECT count(*) FROM documents")
    values = project.scalar("SELECT count(*) FROM document_values")
    project.close()
    seconds = time.perf_counter() - started
    for stale in (target, Path(str(target) + ".wal")):
        stale.unlink(missing_ok=True)
    return {"seconds": seconds, "cpu": cpu_seconds() - cpu_start, "documents": documents, "values": values,
            "peak_mb": peak_mb(), "create_seconds": create_seconds}


def run_child(which: str, csv_path: Path, out: Path, root: Path = ROOT) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", which, "--csv", str(csv_path), "--out", str(out),
         "--root", str(root)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated table")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="folder for generated files")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each measure, alternated (baseline, workbench, baseline, ...); "
                             "the summary compares medians and minima, which one slow run cannot move")
    parser.add_argument("--typographic", action="store_true",
                        help="put typographic apostrophes and ellipses in the verbatims, as real exports have")
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT",
                        help="also import with the workbench package of another checkout (a git worktree of an "
                             "earlier commit), alternated with the others: what a change gained")
    parser.add_argument("--measure", choices=["baseline", "workbench"], help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.measure:
        result = measure_baseline(args.csv, args.out) if args.measure == "baseline" else (
            measure_workbench(args.csv, args.out, args.root))
        print(json.dumps(result))
        return

    csv_path = args.out / f"verbatims_{args.rows}{'_typographic' if args.typographic else ''}.csv"
    if not csv_path.exists():
        started = time.perf_counter()
        generate(csv_path, args.rows, args.typographic)
        print(f"generated {csv_path} in {time.perf_counter() - started:.1f} s")
    size_mb = csv_path.stat().st_size / 1024**2
    children = {"baseline": ("baseline", ROOT), "workbench": ("workbench", ROOT)}
    labels = {"baseline": "DuckDB read_csv -> table (baseline)", "workbench": "workbench import_paths"}
    if args.compare is not None:
        children["compared"] = ("workbench", args.compare.resolve())
        labels["compared"] = f"workbench of {args.compare.name}"[:40]
    runs: dict[str, list[dict]] = {key: [] for key in children}
    for _ in range(max(1, args.repeat)):
        for key, (which, root) in children.items():
            runs[key].append(run_child(which, csv_path, args.out, root))
    print(f"\nImport of {args.rows:,} rows ({size_mb:.0f} MB CSV, UTF-8, ';'), {len(runs['baseline'])} run(s) each")
    header = f"{'measure':<40}{'wall s':>8}{'docs/s':>10}{'ratio':>7}{'CPU s':>8}{'CPU ratio':>10}{'peak MB':>9}"
    print(header)
    for number in range(len(runs["baseline"])):
        baseline = runs["baseline"][number]
        for which in runs:
            _print_row(f"{labels[which]} #{number + 1}", runs[which][number], baseline)
    # Medians, and minima: on a shared machine noise only ever adds time, so the fastest run of each is
    # the closest to its own cost.
    for title, pick in (("medians", statistics.median), ("minima", min)):
        summary = {which: {key: pick(run[key] for run in results) for key in ("seconds", "cpu", "peak_mb")}
                   for which, results in runs.items()}
        print(title)
        for which in runs:
            summary[which]["documents"] = runs[which][0]["documents"]
            _print_row(labels[which], summary[which], summary["baseline"])
    workbench = runs["workbench"][0]
    print(f"\nworkbench stored {workbench['documents']:,} documents and {workbench['values']:,} variable values; "
          f"creating the empty project beforehand (not timed above) took "
          f"{statistics.median(run['create_seconds'] for run in runs['workbench']):.2f} s")


def _print_row(label: str, result: dict, baseline: dict) -> None:
    rate = result["documents"] / result["seconds"]
    print(f"{label:<40}{result['seconds']:>8.2f}{rate:>10,.0f}{result['seconds'] / baseline['seconds']:>7.2f}"
          f"{result['cpu']:>8.2f}{result['cpu'] / baseline['cpu']:>10.2f}{result['peak_mb']:>9.0f}")


if __name__ == "__main__":
    main()
