"""Columns of Python values handed to DuckDB as NumPy arrays, which it scans in place.

Why not Arrow: the desktop build leaves pyarrow out (78 MB of it, issue 20), and DuckDB reads a registered
dict of NumPy arrays (or a pandas DataFrame) as fast as an Arrow table: one INSERT ... SELECT per batch
instead of executemany's row-by-row round trips. bench/duckdb_insert.py compares both paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import numpy as np


def column_array(values: Sequence[Any]) -> np.ndarray:
    """int64 for a column of Python ints, an object array otherwise (text, None, floats, lists), which DuckDB
    types from its values.

    Every value is checked (about 30 ms a million): NumPy's int64 conversion would silently truncate a float
    (3.7 -> 3) or parse a digit string, where the column should keep what it was given."""
    values = values if isinstance(values, list | tuple) else list(values)
    if values and all(type(value) is int for value in values):
        try:
            return np.fromiter(values, np.int64, len(values))
        except OverflowError:  # an int beyond 64 bits
            pass
    return np.fromiter(values, object, len(values))


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, data: Any) -> Iterator[None]:
    """`data` (NumPy arrays, a DataFrame) readable as the view `name` while the block runs."""
    con.register(name, data)
    try:
        yield
    finally:
        con.unregister(name)


def insert_columns(con: duckdb.DuckDBPyConnection, table: str, names: list[str],
                   columns: Iterable[Sequence[Any]]) -> None:
    """Insert rows given as column lists (in the order of `names`) in one statement: DuckDB scans them as
    NumPy arrays, where executemany goes row by row."""
    batch = {name: column_array(values) for name, values in zip(names, columns)}
    with registered(con, "_insert_batch", batch):
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM _insert_batch")
