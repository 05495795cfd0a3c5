"""The desktop build carries no pyarrow (issue 20): the engine must import, index, embed, fit topics and
write Parquet without it. Only the Ray path (workbench/suggest/cluster.py, the `cluster` extra) may use it."""

from __future__ import annotations

import ast
import csv
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import duckdb
from suggest_data import VERBATIMS

from workbench.project import Project

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {Path("workbench/suggest/cluster.py")}

FLOW = textwrap.dedent('''
    import importlib.abc, importlib.util, sys

    class NotInstalled(importlib.abc.MetaPathFinder):
        """pyarrow as the desktop build has it: not there. (`sys.modules["pyarrow"] = None` would make
        scikit-learn's probe `sys.modules["pyarrow"].Table` fail, which an absent package never does.)"""

        def __init__(self, inner):
            self.inner = inner

        def find_spec(self, name, path=None, target=None):
            return None if name.partition(".")[0] == "pyarrow" else self.inner.find_spec(name, path, target)

        def invalidate_caches(self):
            getattr(self.inner, "invalidate_caches", lambda: None)()

        def find_distributions(self, *args, **kwargs):
            found = getattr(self.inner, "find_distributions", lambda *a, **k: [])(*args, **kwargs)
            return [d for d in found if (d.metadata["Name"] or "").lower() != "pyarrow"]

    sys.meta_path[:] = [NotInstalled(finder) for finder in sys.meta_path]
    assert importlib.util.find_spec("pyarrow") is None

    from workbench.cli import run

    project, corpus, out = sys.argv[1:4]
    run("new", project)
    run("import", project, corpus, "-q", "--column-type", "fidele=boolean")
    run("segment", project, "-q")
    run("embed", project, "-q", "--embedder", "lexical")
    run("topics", project, "-q", "--embedder", "lexical")
    run("codebook", "load", project, "contact_reasons")
    run("code", project, "--document", "1", "--code", "billing", "--coder", "alice")
    run("code", project, "--document", "2", "--code", "delivery", "--start", "0", "--end", "9", "--coder", "alice")
    for table in ("segments", "matrix", "documents"):
        run("export", project, f"{out}/{table}.parquet", "--table", table)
''')


def _imports_pyarrow(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(name.partition(".")[0] == "pyarrow" for name in names):
            return True
    return False


def test_no_module_of_the_app_imports_pyarrow_but_the_ray_path():
    importing = {path.relative_to(ROOT) for folder in ("workbench", "ui") for path in (ROOT / folder).rglob("*.py")
                 if _imports_pyarrow(path)}
    assert importing <= ALLOWED, f"pyarrow is not in the desktop build: {sorted(map(str, importing - ALLOWED))}"


def _corpus(path: Path) -> list[str]:
    """Over 200 verbatims (UMAP + HDBSCAN), with an emoji, CRLF, accents and typed variables, some missing."""
    with VERBATIMS.open(encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    ways = ["", "Bonjour, ", "Franchement, ", "Encore une fois : ", "Je le redis 😡\r\n"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["verbatim", "nps", "note", "date", "fidele", "canal"])
        for number, text in enumerate(way + text for way in ways for text in texts):
            writer.writerow([text, "" if number % 7 == 0 else number % 11, f"{number % 9}.5",
                             "" if number % 5 == 0 else f"2026-01-{1 + number % 28:02d}",
                             ("oui", "non", "")[number % 3], ("téléphone", "courriel")[number % 2]])
    return [way + text for way in ways for text in texts]


def test_the_app_runs_import_to_parquet_without_pyarrow(tmp_path):
    corpus = tmp_path / "verbatims.csv"
    texts = _corpus(corpus)
    script = tmp_path / "no_pyarrow.py"
    script.write_text(FLOW, encoding="utf-8")
    project = tmp_path / "p.vwb"
    done = subprocess.run([sys.executable, str(script), str(project), str(corpus), str(tmp_path)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    with Project.open(project) as opened:
        units = opened.scalar("SELECT count(*) FROM embeddings WHERE unit_kind <> 'code' AND model = "
                              "(SELECT model FROM runs WHERE kind = 'topics')")
        assigned = opened.rows("SELECT count(*), count(probability) FROM unit_topics")
        stored = opened.rows("SELECT text FROM documents ORDER BY id")
    assert units == len(texts) and assigned[0][0] == len(texts) and assigned[0][1] > 0
    con = duckdb.connect()

    def read(table: str) -> tuple[dict[str, str], list[tuple]]:
        """Column types as DuckDB reads them (TIMESTAMP is microseconds, TINYINT an 8-bit integer) and the rows;
        every column OPTIONAL, as pyarrow wrote them."""
        path = str(tmp_path / f"{table}.parquet")
        repetitions = {repetition for _, repetition in con.execute(
            "SELECT name, repetition_type FROM parquet_schema(?) WHERE name <> 'duckdb_schema'", [path]).fetchall()}
        assert repetitions == {"OPTIONAL"}, table
        kinds = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
                                 [path]).fetchall())
        return kinds, con.execute("SELECT * FROM read_parquet(?)", [path]).fetchall()

    kinds, rows = read("documents")
    assert kinds == {"document_id": "BIGINT", "document": "VARCHAR", "kind": "VARCHAR", "occurred_at": "TIMESTAMP",
                     "lang": "VARCHAR", "n_chars": "BIGINT", "nps": "BIGINT", "note": "DOUBLE", "date": "DATE",
                     "fidele": "BOOLEAN", "canal": "VARCHAR", "codings": "BIGINT", "text": "VARCHAR"}
    assert [row[-1] for row in rows] == [text for (text,) in stored] and rows[-1][-1].startswith("Je le redis 😡\n")
    assert [row[6:10] for row in rows[:3]] == [(None, 0.5, None, True), (1, 1.5, date(2026, 1, 2), False),
                                               (2, 2.5, date(2026, 1, 3), None)]
    assert [row[-2] for row in rows[:3]] == [1, 1, 0]
    flags, matrix = read("matrix")
    assert len(matrix) == len(texts) and "TINYINT" in flags.values() and set(flags.values()) <= {
        "BIGINT", "VARCHAR", "TIMESTAMP", "DOUBLE", "DATE", "BOOLEAN", "TINYINT"}
    columns, segments = read("segments")
    assert columns["coded_at"] == "TIMESTAMP" and columns["start"] == "BIGINT"
    assert [(row[0], row[-3]) for row in segments] == [(1, rows[0][-1]), (2, rows[1][-1][:9])]
