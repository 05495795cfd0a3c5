"""Benchmark: how imported texts are normalised and stored, on the 1,000,000 verbatims of bench/import.py.

    .venv/bin/python bench/text_storage.py            # both parts, 1,000,000 rows
    .venv/bin/python bench/text_storage.py --rows 100000 --part storage

Parts (each case run `--repeat` times, alternated; best and median wall seconds):

- normalise: the stored-text expression the import runs on every text (`tables.with_stored_text`),
  against the same expression with the earlier shortcut test (every code point from U+0300 on sends a
  text to NFC), on the plain and the `--typographic` files of bench/import.py (’ and … in the texts);
- storage: the texts written into a `documents`-like table with DuckDB's own choice of compression
  (DICT_FSST) and with ZSTD (schema version 4): insert + commit time, file size, a full scan
  (`contains`) and 200 lookups by id; the same on Banking77's real messages for the file size.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.ingest import tables

# The same generated files as bench/import.py (a module whose name is a keyword, hence loaded by path).
_spec = importlib.util.spec_from_file_location("bench_import", ROOT / "bench" / "import.py")
assert _spec is not None and _spec.loader is not None
_bench_import = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_import)
generate = _bench_import.generate

BANKING = ROOT.parent / "shared" / "data" / "banking77" / "train.csv"
OLD_NEEDS_WORK_RE = r"[\x{0}-\x{8}\x{b}-\x{1f}\x{7f}-\x{9f}\x{300}-\x{10ffff}]|^[ \t\n]|[ \t\n]$"


def _reader(path: Path) -> str:
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(8)) + "}"
    return (f"SELECT * FROM read_csv('{path}', delim = ';', quote = '\"', escape = '\"', header = true, "
            f"auto_detect = false, columns = {columns})")


def _timed(repeat: int, cases: dict[str, object]) -> dict[str, list[float]]:
    """Run each case `repeat` times, alternated; wall seconds of each run."""
    seconds: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, case in cases.items():
            started = time.perf_counter()
            case()  # type: ignore[operator]
            seconds[name].append(time.perf_counter() - started)
    return seconds


def _report(seconds: dict[str, list[float]], extra: dict[str, str] | None = None) -> None:
    for name, values in seconds.items():
        print(f"  {name:<44} best {min(values):6.3f} s  median {statistics.median(values):6.3f} s"
              f"  {(extra or {}).get(name, '')}")


def part_normalise(files: dict[str, Path], repeat: int) -> None:
    con = duckdb.connect()
    new = tables.with_stored_text("SELECT * FROM raw", "c7", False)
    old = new.replace(tables._NEEDS_WORK_RE, OLD_NEEDS_WORK_RE)
    assert old != new
    cases = {"NFC quick check (now)": new, "every code point from U+0300 on (before)": old}

    def run(sql: str) -> None:
        con.execute(f"CREATE OR REPLACE TEMP TABLE x AS {sql}")

    for label, path in files.items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE raw AS {_reader(path)}")
        print(f"normalise, {label} ({con.execute('SELECT count(*) FROM raw').fetchone()[0]:,} texts)")
        seconds = _timed(repeat, {name: (lambda sql=sql: run(sql)) for name, sql in cases.items()})
        rewritten = {}
        for name, sql in cases.items():
            run(sql)
            rewritten[name] = f"{con.execute(f'SELECT count({tables.FIXED}) FROM x').fetchone()[0]:,} texts sent to NFC"
        _report(seconds, rewritten)


def _storage_case(texts_sql: str, compression: str, folder: Path) -> dict[str, float]:
    path = folder / f"{compression}.duckdb"
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    using = "" if compression == "auto" else f" USING COMPRESSION {compression}"
    con.execute(f"CREATE TABLE d (id BIGINT, text VARCHAR{using} NOT NULL)")
    con.execute(f"CREATE TEMP TABLE src AS SELECT row_number() OVER () AS id, text FROM ({texts_sql})")
    started = time.perf_counter()
    con.execute("BEGIN")
    con.execute("INSERT INTO d SELECT id, text FROM src")
    con.execute("COMMIT")
    insert = time.perf_counter() - started
    con.execute("CHECKPOINT")
    count = con.execute("SELECT count(*) FROM d").fetchone()[0]
    started = time.perf_counter()
    con.execute("SELECT count(*) FROM d WHERE contains(text, 'remboursement')").fetchall()
    scan = time.perf_counter() - started
    ids = random.Random(1).sample(range(1, count + 1), min(200, count))
    started = time.perf_counter()
    for document_id in ids:
        con.execute("SELECT text FROM d WHERE id = ?", [document_id]).fetchall()
    lookup = (time.perf_counter() - started) / len(ids) * 1000
    con.close()
    return {"insert": insert, "mb": path.stat().st_size / 1e6, "scan": scan, "lookup_ms": lookup}


def part_storage(path: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-storage-") as scratch:
        for label, texts in ((f"{path.name}", f"SELECT c7 AS text FROM ({_reader(path)})"),
                             ("Banking77 train.csv", f"SELECT text FROM read_csv('{BANKING}')")):
            if "Banking77" in label and not BANKING.exists():
                continue
            runs: dict[str, list[dict[str, float]]] = {"auto": [], "zstd": []}
            for _ in range(repeat):
                for compression, results in runs.items():
                    results.append(_storage_case(texts, compression, Path(scratch)))
            print(f"storage, {label}")
            for compression, results in runs.items():
                best = {key: min(run[key] for run in results) for key in results[0]}
                name = "DuckDB's choice (DICT_FSST)" if compression == "auto" else "ZSTD (schema version 4)"
                print(f"  {name:<30} insert {best['insert']:6.3f} s  file {best['mb']:6.1f} MB  "
                      f"scan {best['scan']:6.3f} s  one text by id {best['lookup_ms']:5.2f} ms  (best of {repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="folder of the generated CSVs")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--part", action="append", choices=["normalise", "storage"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    files = {}
    for label, typographic in (("plain", False), ("typographic", True)):
        path = args.out / f"verbatims_{args.rows}{'_typographic' if typographic else ''}.csv"
        if not path.exists():
            generate(path, args.rows, typographic)
        files[label] = path
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; DuckDB {duckdb.__version__}")
    parts = args.part or ["normalise", "storage"]
    if "normalise" in parts:
        part_normalise(files, args.repeat)
    if "storage" in parts:
        part_storage(files["plain"], args.repeat)


if __name__ == "__main__":
    main()
