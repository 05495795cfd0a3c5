"""Columns handed to DuckDB keep what they were given: ints become int64, anything else stays as it was."""

from __future__ import annotations

import duckdb
import numpy as np

from workbench.columns import column_array, registered


def test_a_column_of_ints_is_int64() -> None:
    assert column_array(list(range(5))).dtype == np.int64


def test_a_float_or_digit_string_among_ints_is_not_truncated() -> None:
    for values in ([1, 3.7], [1, "2"], [1, None], [True, 1], [2**70, 1]):
        array = column_array(values)
        assert array.dtype == object
        assert list(array) == values


def test_duckdb_reads_the_columns_as_typed() -> None:
    con = duckdb.connect()
    with registered(con, "batch", {"n": column_array([1, 2]), "x": column_array([1.5, None]),
                                   "t": column_array(["é🙂", "a\r\nb"])}):
        rows = con.execute("SELECT typeof(n), typeof(x), n, x, t FROM batch ORDER BY n").fetchall()
    assert rows == [("BIGINT", "DOUBLE", 1, 1.5, "é🙂"), ("BIGINT", "DOUBLE", 2, None, "a\r\nb")]
