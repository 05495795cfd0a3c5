"""Flat tables of a project (coded segments, document x code matrix, documents with variables) as CSV or Parquet.

The same `Table` row sources feed the Excel export, so every format holds the same rows and columns.
Rows stream from DuckDB in batches through their own cursor: exporting 100,000 segments never holds them
all in memory.

Control characters other than tab, line feed and carriage return are dropped from text (XML, hence xlsx,
cannot hold them; they carry nothing a reader needs).

Spreadsheet safety (CSV/formula injection): a text cell starting with `=`, `+`, `-`, `@`, tab or carriage
return would be run as a formula by Excel or LibreOffice. In CSV such text gets a leading apostrophe
(`'=HYPERLINK(...)`), the OWASP recommendation: the spreadsheet then shows the text as typed, and a
reader can strip the apostrophe. The Excel export writes these cells as text instead (no apostrophe
needed). Parquet is a data format, not opened by spreadsheets, so values stay exactly as they are.

CSV files are UTF-8 with a byte-order mark, which Excel needs to read accents right. With the `;`
delimiter (Excel's default in a French locale) decimals are written with a comma, as French Excel expects.
"""

from __future__ import annotations

import csv
import math
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np

from workbench.columns import column_array, registered
from workbench.errors import ExportError
from workbench.filters import NO_FILTERS, Filters
from workbench.output import check_output, output_file
from workbench.project import Project

if TYPE_CHECKING:
    import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML (hence xlsx) cannot hold; removed in SQL, where it costs nothing noticeable.
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
_CONTROL_RE = re.compile(_CONTROL)
BATCH = 5000
CONTEXT = 80  # characters of context either side of a coded segment
TABLE_NAMES = ("segments", "matrix", "documents")
# Column types, for Excel number formats and the Parquet schema.
ColumnType = str  # "int", "float", "text", "datetime", "date", "bool", "flag"
_VARIABLE_CASTS = {
    "integer": ("TRY_CAST(value AS BIGINT)", "int"),
    "float": ("TRY_CAST(value AS DOUBLE)", "float"),
    "date": ("TRY_CAST(left(value, 10) AS DATE)", "date"),
    "boolean": ("TRY_CAST(value AS BOOLEAN)", "bool"),
    "text": (f"regexp_replace(value, '{_CONTROL}', '', 'g')", "text"),
}


def _clean(expression: str) -> str:
    """SQL for `expression` without the control characters a spreadsheet file cannot hold."""
    return f"regexp_replace({expression}, '{_CONTROL}', '', 'g')"


def is_formula_like(value: Any) -> bool:
    """True for text a spreadsheet would take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


@dataclass
class Table:
    """A named table: column names and types, and a one-shot iterator over its rows (tuples)."""

    name: str
    columns: list[str]
    types: list[ColumnType]
    rows: Iterator[tuple[Any, ...]]


def _unique(names: list[str]) -> list[str]:
    """Column names made unique (a variable called `kind` must not hide the document kind)."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        count = seen.get(name.casefold(), 0)
        seen[name.casefold()] = count + 1
        result.append(name if count == 0 else f"{name} ({count + 1})")
    return result


def _variables(project: Project) -> tuple[str, list[str], list[ColumnType], str]:
    """(CTE `doc_vars` with one typed column per variable, variable names, types, select list)."""
    variables = project.rows("SELECT id, name, type FROM variables ORDER BY id")
    if not variables:
        return "doc_vars AS (SELECT NULL::BIGINT AS document_id WHERE FALSE)", [], [], ""
    parts, names, types = [], [], []
    for index, (variable_id, name, vtype) in enumerate(variables):
        cast, kind = _VARIABLE_CASTS[vtype]
        parts.append(f"max(CASE WHEN variable_id = {int(variable_id)} THEN {cast} END) AS v{index}")
        names.append(name)
        types.append(kind)
    cte = f"doc_vars AS (SELECT document_id, {', '.join(parts)} FROM document_values GROUP BY document_id)"
    select = ", " + ", ".join(f"dv.v{index}" for index in range(len(variables)))
    return cte, names, types, select


def _stream(project: Project, sql: str, params: list[Any],
            convert: Callable[[tuple[Any, ...]], tuple[Any, ...]] | None = None) -> Iterator[tuple[Any, ...]]:
    """Rows of `sql` in batches, through a cursor of its own so other queries can run meanwhile."""
    cursor = project.con.cursor()
    try:
        result = cursor.execute(sql, params)
        while batch := result.fetchmany(BATCH):
            if convert is None:
                yield from batch
            else:
                yield from map(convert, batch)
    finally:
        cursor.close()


def code_levels(project: Project) -> tuple[dict[int, tuple[str, ...]], int]:
    """code id -> names from the top level down (walking parents: a name may contain '/'), and the depth
    of the deepest code."""
    nodes = {code_id: (parent, name) for code_id, parent, name in project.rows("SELECT id, parent_id, name FROM codes")}
    levels: dict[int, tuple[str, ...]] = {}
    for code_id in nodes:
        chain: list[str] = []
        current: int | None = code_id
        while current is not None and len(chain) <= len(nodes):
            parent, name = nodes[current]
            chain.append(_CONTROL_RE.sub("", name))
            current = parent
        levels[code_id] = tuple(reversed(chain))
    return levels, max((len(names) for names in levels.values()), default=1)


def segments_table(project: Project, filters: Filters = NO_FILTERS, *, context: int = CONTEXT) -> Table:
    """One row per coding: document, kind, date, variables, code path (one column per level), coder, origin,
    offsets, the coded text and `context` characters before and after it."""
    var_cte, var_names, var_types, var_select = _variables(project)
    levels, depth = code_levels(project)
    doc_sql, doc_params = filters.documents_sql("d")
    cod_sql, cod_params = filters.codings_sql("c")
    sql = f"""
        WITH {var_cte}
        SELECT c.id, c.document_id, {_clean("d.title")}, d.kind, d.occurred_at {var_select}, c.code_id,
               {_clean("k.name")}, c.origin, c.start_pos, c.end_pos,
               {_clean(f"substring(d.text, greatest(c.start_pos - {int(context)}, 0) + 1, "
                       f"c.start_pos - greatest(c.start_pos - {int(context)}, 0))")} AS before,
               {_clean("substring(d.text, c.start_pos + 1, c.end_pos - c.start_pos)")} AS coded,
               {_clean(f"substring(d.text, c.end_pos + 1, {int(context)})")} AS after,
               c.created_at
        FROM codings c JOIN documents d ON d.id = c.document_id
        JOIN coders k ON k.id = c.coder_id
        LEFT JOIN doc_vars dv ON dv.document_id = c.document_id
        WHERE {doc_sql} AND {cod_sql}
        ORDER BY c.document_id, c.start_pos, c.end_pos, c.id
    """
    n_vars = len(var_names)
    blank = ("",) * depth

    def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
        head = row[: 5 + n_vars]
        code_id = row[5 + n_vars]
        names = levels.get(code_id, blank)
        return (*head, "/".join(names), *names, *blank[len(names):], *row[6 + n_vars:])

    columns = (["coding_id", "document_id", "document", "kind", "occurred_at", *var_names, "code"]
               + [f"level_{i}" for i in range(1, depth + 1)]
               + ["coder", "origin", "start", "end", "before", "text", "after", "coded_at"])
    types = (["int", "int", "text", "text", "datetime", *var_types, "text"] + ["text"] * depth
             + ["text", "text", "int", "int", "text", "text", "text", "datetime"])
    return Table("segments", _unique(columns), types, _stream(project, sql, doc_params + cod_params, convert))


def matrix_table(project: Project, filters: Filters = NO_FILTERS) -> Table:
    """One row per document in scope, one 0/1 column per code (1 when the code or a sub-code is in it)."""
    from workbench.analysis import _ANCESTRY, codes_frame

    var_cte, var_names, var_types, var_select = _variables(project)
    codes = codes_frame(project)
    if filters.code_ids:
        codes = codes[codes["code_id"].isin(filters.code_ids)]
    code_ids = [int(c) for c in codes["code_id"]]
    position = {code_id: index for index, code_id in enumerate(code_ids)}
    doc_sql, doc_params = filters.documents_sql("d")
    cod_sql, cod_params = filters.codings_sql("c")
    sql = f"""
        WITH RECURSIVE {_ANCESTRY}, {var_cte},
        present AS (
            SELECT c.document_id, list(DISTINCT a.ancestor_id) AS codes
            FROM codings c JOIN ancestry a ON a.code_id = c.code_id
            WHERE {cod_sql}
            GROUP BY c.document_id
        )
        SELECT d.id, {_clean("d.title")}, d.kind, d.occurred_at {var_select}, p.codes
        FROM documents d LEFT JOIN doc_vars dv ON dv.document_id = d.id
        LEFT JOIN present p ON p.document_id = d.id
        WHERE {doc_sql}
        ORDER BY d.id
    """
    zeros = [0] * len(code_ids)

    def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
        flags = zeros.copy()
        for code_id in row[-1] or ():
            index = position.get(code_id)
            if index is not None:
                flags[index] = 1
        return (*row[:-1], *flags)

    columns = ["document_id", "document", "kind", "occurred_at", *var_names, *codes["path"].astype(str)]
    types = ["int", "text", "text", "datetime", *var_types] + ["flag"] * len(code_ids)
    return Table("matrix", _unique(columns), types, _stream(project, sql, cod_params + doc_params, convert))


def documents_table(project: Project, filters: Filters = NO_FILTERS) -> Table:
    """One row per document in scope with its variables, its number of codings (in scope) and its text."""
    var_cte, var_names, var_types, var_select = _variables(project)
    doc_sql, doc_params = filters.documents_sql("d")
    cod_sql, cod_params = filters.codings_sql("c")
    sql = f"""
        WITH {var_cte},
        counted AS (SELECT c.document_id, count(*) AS n FROM codings c WHERE {cod_sql} GROUP BY c.document_id)
        SELECT d.id, {_clean("d.title")}, d.kind, d.occurred_at, d.lang, d.n_chars {var_select}, coalesce(n.n, 0),
               {_clean("d.text")}
        FROM documents d LEFT JOIN doc_vars dv ON dv.document_id = d.id
        LEFT JOIN counted n ON n.document_id = d.id
        WHERE {doc_sql}
        ORDER BY d.id
    """
    columns = ["document_id", "document", "kind", "occurred_at", "lang", "n_chars", *var_names, "codings", "text"]
    types = ["int", "text", "text", "datetime", "text", "int", *var_types, "int", "text"]
    return Table("documents", _unique(columns), types, _stream(project, sql, cod_params + doc_params))


TABLES: dict[str, Callable[..., Table]] = {
    "segments": segments_table,
    "matrix": matrix_table,
    "documents": documents_table,
}


def build_table(project: Project, name: str, filters: Filters = NO_FILTERS, *, context: int = CONTEXT) -> Table:
    if name not in TABLES:
        raise ExportError(f"unknown table {name!r}; choose among {', '.join(TABLE_NAMES)}")
    if name == "segments":
        return segments_table(project, filters, context=context)
    return TABLES[name](project, filters)


# -- writers ------------------------------------------------------------------------------------------------
def _csv_value(value: Any, decimal_comma: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_PREFIXES) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = "" if math.isnan(value) else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_csv(table: Table, path: Path, *, delimiter: str = ",") -> int:
    """Write `table` as UTF-8 CSV with BOM; returns the number of data rows."""
    if len(delimiter) != 1 or delimiter in "\"'\r\n":
        raise ExportError(f"invalid CSV delimiter {delimiter!r}; use one character such as ',' ';' or a tab")
    decimal_comma = delimiter == ";"
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([_csv_value(name, False) for name in table.columns])
        for row in table.rows:
            writer.writerow([_csv_value(value, decimal_comma) for value in row])
            count += 1
    return count


# What the scratch database of a Parquet export holds in memory before it spills to disk.
_SCRATCH_MEMORY = "512MB"
_SQL_TYPES = {"int": "BIGINT", "float": "DOUBLE", "text": "VARCHAR", "datetime": "TIMESTAMP", "date": "DATE",
              "bool": "BOOLEAN", "flag": "TINYINT"}


def _typed_column(kind: ColumnType, values: tuple[Any, ...]) -> Any:
    """One column of a batch as an array DuckDB scans without guessing (None is NULL). pandas is imported
    here, not with the module: the window imports this module at start-up, and pandas costs 0.2 s there."""
    import pandas as pd

    if kind in ("int", "flag"):
        array = column_array(values)
        return array if array.dtype != object else pd.array(array, dtype="Int64")
    if kind == "float":
        return np.array(values, dtype=np.float64)
    if kind in ("datetime", "date"):  # pandas converts datetime objects in C, NumPy one by one
        return pd.array(values, dtype="datetime64[us]")
    if kind == "bool":
        return pd.array(values, dtype="boolean")
    return pd.Series(column_array(values), dtype=object, copy=False)  # text: no str inference, DuckDB types it


def _batch_frame(types: list[ColumnType], rows: list[tuple[Any, ...]]) -> tuple[pd.DataFrame, list[str]]:
    """A batch of rows as columns c0, c1… and the expressions that read them back, one per column, cast to
    the column's type (a date arrives as a timestamp, a text column of NULLs untyped).

    DuckDB reads NaN in a float column as NULL; a NaN the project holds (a variable valued "nan") is
    flagged in a column of its own so that the file keeps it a NaN, distinct from a missing value."""
    columns: dict[str, Any] = {}
    select = []
    for index, (kind, values) in enumerate(zip(types, zip(*rows))):
        columns[f"c{index}"] = _typed_column(kind, values)
        select.append(f"CAST(c{index} AS {_SQL_TYPES[kind]}) AS c{index}")
        if kind == "float":
            nans = [value is not None and math.isnan(value) for value in values]
            if any(nans):
                columns[f"nan{index}"] = np.array(nans)
                select[-1] = f"CASE WHEN nan{index} THEN 'NaN'::DOUBLE ELSE c{index} END AS c{index}"
    import pandas as pd

    return pd.DataFrame(columns, copy=False), select


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _batches(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    while batch := list(islice(rows, BATCH * 10)):
        yield batch


def write_parquet(table: Table, path: Path) -> int:
    """Write `table` as Parquet (typed columns, zstd); returns the number of rows.

    DuckDB's own COPY writes the file, so no Arrow library is needed. A table of one batch (most exports)
    is read by COPY straight from its arrays. A longer one first fills a table of a scratch database, so
    that Python holds at most two batches; that database lives in memory up to `_SCRATCH_MEMORY` and spills
    to a temporary folder beyond it: memory stays bounded whatever the size of the table."""
    batches = _batches(iter(table.rows))
    first, second = next(batches, []), next(batches, [])
    count = 0
    with tempfile.TemporaryDirectory(prefix="workbench-parquet-") as scratch, \
            duckdb.connect(config={"memory_limit": _SCRATCH_MEMORY, "temp_directory": scratch}) as con:
        con.execute("SET enable_progress_bar = false")
        con.execute("SET threads = 1")  # one encoder, as pyarrow's writer: more threads cost CPU for nothing here
        if first and not second:
            frame, select = _batch_frame(table.types, first)
            con.register("_batch", frame)
            source = f"SELECT {', '.join(select)} FROM _batch"
            count = len(first)
        else:
            columns = ", ".join(f"c{i} {_SQL_TYPES[kind]}" for i, kind in enumerate(table.types))
            con.execute(f"CREATE TABLE rows ({columns})")
            for batch in chain(filter(None, (first, second)), batches):
                frame, select = _batch_frame(table.types, batch)
                with registered(con, "_batch", frame):
                    con.execute(f"INSERT INTO rows SELECT {', '.join(select)} FROM _batch")
                count += len(batch)
            source = "SELECT * FROM rows"
        names = ", ".join(f"c{i} AS {_quoted(name)}" for i, name in enumerate(table.columns))
        target = str(path).replace("'", "''")
        # Without statistics DuckDB cannot tell that a column holds no NULL, so every column stays OPTIONAL as
        # pyarrow wrote it: one schema for every export of the same table, whatever its rows.
        con.execute("SET disabled_optimizers = 'statistics_propagation'")
        # Row groups of a batch's rows, as pyarrow wrote them, cut at 64 MB: 50,000 documents of 12 KB each
        # would otherwise need 600 MB at once, past the scratch database's memory limit.
        try:
            con.execute(f"COPY (SELECT {names} FROM ({source})) TO '{target}' "
                        f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {BATCH * 10}, ROW_GROUP_SIZE_BYTES '64MB')")
        except duckdb.IOException as exc:  # an OSError, as the caller's one-line report expects
            raise OSError(str(exc).splitlines()[0].removeprefix("IO Error: ")) from exc
    return count


def export_table(project: Project, path: str | Path, *, table: str = "segments", filters: Filters = NO_FILTERS,
                 delimiter: str = ",", context: int = CONTEXT) -> int:
    """Export one table to `path` (.csv or .parquet); returns the number of rows written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ExportError(f"{path.name}: tables are written as .csv or .parquet")
    check_output(path, project)
    source = build_table(project, table, filters, context=context)
    with output_file(path, project) as partial:
        if suffix == ".csv":
            return write_csv(source, partial, delimiter=delimiter)
        return write_parquet(source, partial)
