"""Benchmark: the engine's bulk paths into and out of DuckDB without pyarrow, against the Arrow paths they
replace (issue 20: the desktop build leaves pyarrow out).

    .venv/bin/python bench/duckdb_insert.py [--vectors 100000] [--tokens 1000000] [--export 200000] [--repeat 3]
                                            [--only vectors|tokens|parquet|export ...]

Cases, each run `--repeat` times with old and new alternated on the same project file:

- store vectors: `embed.store_vectors` of N vectors of 384 float32 (a transposed NumPy matrix scanned in
  place, `list_value` per unit) against an Arrow ListArray registered and inserted;
- load vectors: `embed.load_vectors` of the same N (`fetchnumpy`, then one `np.concatenate`) against
  `to_arrow_table` and a flattened list column;
- insert tokens: `columns.insert_columns` of N rows of six int columns from Python lists (NumPy arrays
  registered) against `pa.table` of the same lists;
- write Parquet: `tables.write_parquet` of N rows with every column type an export has (int, float with
  missing values and one NaN, text, timestamp, date, bool, 0/1 flags) against pyarrow's ParquetWriter in
  batches. Over one batch (50,000 rows) the rows fill a scratch DuckDB table that COPY then writes; both
  files are read back with pyarrow: the same schema and the same values, or the bench stops;
- export: the whole `export_table` of N coded segments (bench/export.py's project: query, rows built in
  Python, writer), with the Arrow writer swapped in for the baseline.

The Arrow baselines are the engine's code before issue 20, kept here. The least CPU time
(`time.process_time`, every thread of the process) and the least wall time of the repeats count; the
goal is new/old at most 1.15 on each case. The baseline needs pyarrow, which the desktop build no longer
carries: run it in the development environment.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.columns import insert_columns
from workbench.export.tables import BATCH, Table, write_parquet
from workbench.project import Project
from workbench.suggest.embed import load_vectors, store_vectors
from workbench.suggest.units import Unit

DIM = 384
CASES = ("vectors", "tokens", "parquet", "export")
TOKEN_COLUMNS = ["document_id", "position", "start_pos", "end_pos", "lemma_id", "form_id"]


# -- the Arrow paths of the engine before issue 20 ------------------------------------------------------------
def arrow_store_vectors(project: Project, model_id: str, units: list[Unit], vectors: np.ndarray) -> None:
    import pyarrow as pa

    flat = pa.array(np.ascontiguousarray(vectors, dtype=np.float32).ravel())
    offsets = pa.array(np.arange(0, (len(units) + 1) * vectors.shape[1], vectors.shape[1], dtype=np.int32))
    table = pa.table({"unit_kind": [unit.kind for unit in units], "unit_id": pa.array([unit.id for unit in units], pa.int64()),
                      "model": [model_id] * len(units), "vector": pa.ListArray.from_arrays(offsets, flat)})
    project.con.register("_new_vectors", table)
    try:
        project.execute("INSERT INTO embeddings SELECT unit_kind, unit_id, model, vector FROM _new_vectors")
    finally:
        project.con.unregister("_new_vectors")


def arrow_load_vectors(project: Project, model_id: str, units: list[Unit]) -> np.ndarray:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        table = project.execute("SELECT unit_kind, unit_id, vector FROM embeddings WHERE model = ? AND unit_kind <> 'code'",
                                [model_id]).to_arrow_table()
    vectors = table.column("vector").combine_chunks()
    matrix = vectors.flatten().to_numpy(zero_copy_only=False).reshape(-1, len(vectors[0]))
    index = {key: row for row, key in enumerate(zip(table.column("unit_kind").to_pylist(),
                                                    table.column("unit_id").to_pylist()))}
    return matrix[[index[(unit.kind, unit.id)] for unit in units]].astype(np.float32, copy=False)


def arrow_insert_columns(project: Project, table: str, names: list[str], columns: list[list[Any]]) -> None:
    import pyarrow as pa

    batch = pa.table({name: list(values) for name, values in zip(names, columns)})
    project.con.register("_insert_batch", batch)
    try:
        project.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM _insert_batch")
    finally:
        project.con.unregister("_insert_batch")


def arrow_write_parquet(table: Table, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"int": pa.int64(), "float": pa.float64(), "text": pa.string(), "datetime": pa.timestamp("us"),
             "date": pa.date32(), "bool": pa.bool_(), "flag": pa.int8()}
    schema = pa.schema([pa.field(name, kinds[kind]) for name, kind in zip(table.columns, table.types)])
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[tuple[Any, ...]] = []
        for row in table.rows:
            batch.append(row)
            if len(batch) >= BATCH * 10:
                writer.write_table(pa.Table.from_arrays([pa.array(col, type=f.type)
                                                         for col, f in zip(zip(*batch), schema)], schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            columns = list(zip(*batch)) if batch else [[] for _ in schema]
            writer.write_table(pa.Table.from_arrays([pa.array(list(col), type=f.type)
                                                     for col, f in zip(columns, schema)], schema=schema))
            count += len(batch)
    return count


# -- data -------------------------------------------------------------------------------------------------------
EXPORT_COLUMNS = ["coding_id", "document_id", "document", "kind", "occurred_at", "nps", "montant", "date",
                  "client", "canal", "code", "level_1", "level_2", "coder", "origin", "start", "end", "before",
                  "text", "after", "coded_at", "Motif", "Motif/Facturation", "Motif/Résiliation"]
EXPORT_TYPES = ["int", "int", "text", "text", "datetime", "int", "float", "date", "bool", "text", "text", "text",
                "text", "text", "text", "int", "int", "text", "text", "text", "datetime", "flag", "flag", "flag"]


def export_rows(n: int) -> list[tuple[Any, ...]]:
    """Rows like a segments export's: accented French text, missing values in the variables, one NaN."""
    start = datetime(2025, 1, 1, 8, 0)
    rows = []
    for i in range(n):
        at = start + timedelta(minutes=17 * i)
        text = f"je voudrais résilier mon contrat n° {i}, la facture était erronée 😀"
        rows.append((i + 1, i // 5 + 1, f"Verbatim n° {i // 5 + 1}", ("call", "email", "chat")[i % 3], at,
                     None if i % 7 == 0 else i % 11, math.nan if i == 3 else (None if i % 5 == 0 else i * 0.25),
                     None if i % 9 == 0 else (at.date() - timedelta(days=i % 30)), None if i % 4 == 0 else i % 2 == 0,
                     ("téléphone", "courriel", "=cmd")[i % 3], "Motif/Facturation", "Motif", "Facturation", "alice",
                     "manual", i % 400, i % 400 + 40, "Bonjour, je vous écris au sujet de ma facture ", text,
                     " merci de me répondre rapidement.", at + timedelta(days=1), 1, i % 2, (i + 1) % 2))
    return rows


def same_parquet(old: Path, new: Path) -> None:
    import pyarrow.parquet as pq

    a, b = pq.read_table(old), pq.read_table(new)
    if a.schema.remove_metadata() != b.schema.remove_metadata():
        raise SystemExit(f"schemas differ:\n{a.schema}\n{b.schema}")
    for name in a.column_names:
        left, right = a.column(name).to_pylist(), b.column(name).to_pylist()
        same = all(x == y or (isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y))
                   for x, y in zip(left, right))
        if len(left) != len(right) or not same:
            raise SystemExit(f"column {name} differs between the two Parquet files")


# -- timing -----------------------------------------------------------------------------------------------------
def timed(run: Callable[[], Any]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return time.process_time() - cpu, time.perf_counter() - wall


def compare(name: str, old: Callable[[], Any], new: Callable[[], Any], reset: Callable[[], Any], repeat: int) -> dict[str, Any]:
    best = {"old": [math.inf, math.inf], "new": [math.inf, math.inf]}
    for _ in range(repeat):
        for label, run in (("old", old), ("new", new)):
            reset()
            cpu, wall = timed(run)
            best[label] = [min(best[label][0], cpu), min(best[label][1], wall)]
    return {"case": name, "old_cpu": best["old"][0], "new_cpu": best["new"][0],
            "old_wall": best["old"][1], "new_wall": best["new"][1]}


def bench_vectors(project: Project, count: int, repeat: int, rng: np.random.Generator) -> list[dict[str, Any]]:
    units = [Unit("segment", i + 1, i + 1, 0, 10, "") for i in range(count)]
    vectors = rng.standard_normal((count, DIM)).astype(np.float32)

    def clear() -> None:
        project.execute("DELETE FROM embeddings")
        project.execute("CHECKPOINT")

    stored = compare(f"store {count:,} vectors x {DIM}", lambda: arrow_store_vectors(project, "bench", units, vectors),
                     lambda: store_vectors(project, "bench", units, vectors), clear, repeat)
    clear()
    store_vectors(project, "bench", units, vectors)
    project.execute("CHECKPOINT")
    shuffled = [units[i] for i in rng.permutation(len(units))]
    loaded = load_vectors(project, "bench", shuffled)
    if not np.array_equal(loaded, arrow_load_vectors(project, "bench", shuffled)) or not np.array_equal(
            loaded, vectors[[unit.id - 1 for unit in shuffled]]):
        raise SystemExit("the vectors read back differ from the vectors stored")
    return [stored, compare(f"load {count:,} vectors x {DIM}", lambda: arrow_load_vectors(project, "bench", shuffled),
                            lambda: load_vectors(project, "bench", shuffled), lambda: None, repeat)]


def bench_tokens(project: Project, count: int, repeat: int, rng: np.random.Generator) -> list[dict[str, Any]]:
    columns = [rng.integers(0, 2**31 - 1, count).tolist() for _ in TOKEN_COLUMNS]

    def clear() -> None:
        project.execute("DELETE FROM tokens")
        project.execute("CHECKPOINT")

    return [compare(f"insert {count:,} token rows",
                    lambda: arrow_insert_columns(project, "tokens", TOKEN_COLUMNS, columns),
                    lambda: insert_columns(project.con, "tokens", TOKEN_COLUMNS, columns), clear, repeat)]


def bench_parquet(folder: Path, count: int, repeat: int) -> list[dict[str, Any]]:
    rows = export_rows(count)
    old_file, new_file = folder / "old.parquet", folder / "new.parquet"
    result = compare(f"write {count:,}-row Parquet",
                     lambda: arrow_write_parquet(Table("t", EXPORT_COLUMNS, EXPORT_TYPES, iter(rows)), old_file),
                     lambda: write_parquet(Table("t", EXPORT_COLUMNS, EXPORT_TYPES, iter(rows)), new_file),
                     lambda: None, repeat)
    same_parquet(old_file, new_file)
    print(f"Parquet file: {old_file.stat().st_size / 1e6:.1f} MB (Arrow), {new_file.stat().st_size / 1e6:.1f} MB "
          "(DuckDB); same schema and values")
    return [result]


def bench_export(folder: Path, count: int, repeat: int) -> list[dict[str, Any]]:
    """The whole `export_table` of `count` coded segments (query, Python rows, writer), bench/export.py's project."""
    import importlib.util

    from workbench.export import tables

    spec = importlib.util.spec_from_file_location("bench_export", ROOT / "bench" / "export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = folder / "export.vwb"
    module.build(path, count)
    new_writer = tables.write_parquet

    def export(writer: Callable[[Table, Path], int], out: Path) -> None:
        tables.write_parquet = writer
        try:
            with Project.open(path, read_only=True) as project:
                tables.export_table(project, out)
        finally:
            tables.write_parquet = new_writer

    old_file, new_file = folder / "export-old.parquet", folder / "export-new.parquet"
    result = compare(f"export {count:,} coded segments to Parquet", lambda: export(arrow_write_parquet, old_file),
                     lambda: export(new_writer, new_file), lambda: None, repeat)
    same_parquet(old_file, new_file)
    return [result]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=int, default=100_000)
    parser.add_argument("--tokens", type=int, default=1_000_000)
    parser.add_argument("--export", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=CASES, action="append", help="run only these cases (repeatable)")
    args = parser.parse_args()
    cases = args.only or CASES
    rng = np.random.default_rng(7)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "bench.vwb", language="fr") as project:
        if "vectors" in cases:
            results += bench_vectors(project, args.vectors, args.repeat, rng)
        if "tokens" in cases:
            results += bench_tokens(project, args.tokens, args.repeat, rng)
        if "parquet" in cases:
            results += bench_parquet(Path(folder), args.export, args.repeat)
        if "export" in cases:
            results += bench_export(Path(folder), args.export, args.repeat)
    print("\n| case | Arrow CPU s | DuckDB CPU s | new/old CPU | Arrow wall s | DuckDB wall s | new/old wall |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['case']} | {r['old_cpu']:.3f} | {r['new_cpu']:.3f} | {r['new_cpu'] / r['old_cpu']:.2f} "
              f"| {r['old_wall']:.3f} | {r['new_wall']:.3f} | {r['new_wall'] / r['old_wall']:.2f} |")


if __name__ == "__main__":
    main()
