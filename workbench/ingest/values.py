"""Typing case variables (integer, float, date, text) the way French exports write them.

A survey export writes `8,5` for eight and a half and `12/03/2026` for the 12th of March. Variables are
stored as text in a canonical form (digits; '.' decimals; ISO 8601 dates) so that filters can
`TRY_CAST` them by `variables.type`. The rules:

- integer: optional sign, digits, no leading zero (so postcodes and ids like `01234` stay text);
- float: integer or decimal with '.' or ',' (French), digit groups separated by spaces allowed (`1 234,5`),
  no leading zero before the decimal mark either;
- date: ISO `2026-03-12` (optionally with a time) or day-first `12/03/2026`, `12-03-2026`, `12.03.2026`
  (optionally `14:30[:05]`), and it must be a real calendar date;
- text: everything else. A column is of a type when every non-empty value is.

Inference runs in SQL over the *distinct* values of a column with their counts: survey variables (channel,
region, score, date) have few distinct values, so a million-row table is typed in a fraction of a
second (columns of mostly distinct values, such as ids, are checked row by row instead). A date column is also given the one format all its values follow, so converting a million dates
is one cheap `strptime` per value rather than a trial of every format.

A variable keeps one type across files: a later file that disagrees widens it (integer + float gives
float, anything else gives text), which keeps every stored value valid for the widened type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TYPES = ("integer", "float", "date", "text")

INTEGER_RE = r"^[+-]?(0|[1-9][0-9]{0,17})$"
FLOAT_RE = r"^[+-]?(0|[1-9][0-9]*|[1-9][0-9]{0,2}([ \x{a0}\x{202f}][0-9]{3})+)([.,][0-9]+)?$|^[+-]?[.,][0-9]+$"
DATE_RE = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})"
    r"([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?$"
)
ISO = "iso"  # parsed by CAST, which takes ISO 8601 dates with or without a time
DATE_FORMATS = (
    ISO, "%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y", "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S",
    "%d.%m.%Y", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S",
)


@dataclass(frozen=True)
class ColumnType:
    """What a column holds: its type, the date format when it is a date column, its mean value length,
    and whether some values carry blank space around them (only those columns pay for trimming)."""

    type: str
    date_format: str | None = None
    mean_length: float = 0.0
    padded: bool = True

    def cell(self, column: str) -> str:
        """SQL expression of a cell as typed and stored: trimmed when needed, NULL when empty."""
        return f"nullif(trim({column}), '')" if self.padded else column


def sql_timestamp(value: str, date_format: str | None = None) -> str:
    """SQL expression: the TIMESTAMP a date text denotes (NULL when it is none). With a format known for
    the whole column, that format only; else any of the accepted formats."""
    if date_format == ISO:
        return f"TRY_CAST({value} AS TIMESTAMP)"
    if date_format is not None:
        return f"try_strptime({value}, '{date_format}')"
    formats = "[" + ", ".join(f"'{fmt}'" for fmt in DATE_FORMATS if fmt != ISO) + "]"
    return (
        f"CASE WHEN regexp_matches({value}, '{DATE_RE}') THEN coalesce(TRY_CAST({value} AS TIMESTAMP), "
        f"try_strptime({value}, {formats})) END"
    )


def sql_canonical(value: str, column: ColumnType) -> str:
    """SQL expression: the stored form of a value of a typed column (text is kept as written).

    The expressions test before they rewrite, as most values have no sign and no digit-group separator:
    on a million-row integer column about 0.02 s of CPU against 0.07 s for `ltrim(value, '+')` on every
    value (bench/import.py, docs/BENCHMARKS.md)."""
    if column.type == "integer":
        return f"CASE WHEN starts_with({value}, '+') THEN substr({value}, 2) ELSE {value} END"
    if column.type == "float":
        grouped = f"replace(replace(replace(replace({value}, ' ', ''), chr(160), ''), chr(8239), ''), ',', '.')"
        return (
            f"CASE WHEN contains({value}, ' ') OR contains({value}, chr(160)) OR contains({value}, chr(8239)) "
            f"THEN {grouped} ELSE replace({value}, ',', '.') END"
        )
    if column.type == "date":
        stamp = sql_timestamp(value, column.date_format)
        return (
            f"CASE WHEN contains({value}, ':') THEN strftime({stamp}, '%Y-%m-%d %H:%M:%S') "
            f"ELSE strftime({stamp}, '%Y-%m-%d') END"
        )
    return value


def infer_column(project: Any, table: str, column: str, per_row: bool = False) -> ColumnType:
    """Type of text column `column` of `table` (NULL or blank for an empty cell).

    Survey variables have few distinct values, so the checks run over the distinct values with their
    counts. A column of mostly distinct values (`per_row`: an id, a free comment) is checked row by row
    instead, integers first: grouping a million distinct values costs more than the checks themselves,
    and an id column is settled by the first, cheapest check."""
    if per_row:
        # The cells as read first: when every one is an integer, none is blank or padded either, and
        # the column is settled without trimming a million values (half the cost).
        filled, integers, chars = project.rows(
            f"SELECT count({column}), count_if(regexp_matches({column}, '{INTEGER_RE}')), "
            f"coalesce(sum(length({column})), 0) FROM {table} WHERE {column} IS NOT NULL"
        )[0]
        if filled and integers == filled:
            return ColumnType("integer", None, float(chars) / filled, False)
        source = f"(SELECT nullif(trim({column}), '') AS v, {column} AS raw, 1 AS n FROM {table} WHERE {column} IS NOT NULL)"
    else:
        source = (
            f"(SELECT nullif(trim(raw), '') AS v, raw, n FROM "
            f"(SELECT {column} AS raw, count(*) AS n FROM {table} WHERE {column} IS NOT NULL GROUP BY ALL))"
        )
    filled, integers, floats, datelike, chars, padded = project.rows(
        f"""
        SELECT coalesce(sum(n) FILTER (WHERE v IS NOT NULL), 0),
               coalesce(sum(n) FILTER (WHERE regexp_matches(v, '{INTEGER_RE}')), 0),
               coalesce(sum(n) FILTER (WHERE regexp_matches(v, '{FLOAT_RE}')), 0),
               coalesce(sum(n) FILTER (WHERE regexp_matches(v, '{DATE_RE}')), 0),
               coalesce(sum(n * length(v)), 0),
               count_if(v IS DISTINCT FROM raw) > 0
        FROM {source}
        """
    )[0]
    mean = float(chars) / filled if filled else 0.0
    found = "text"
    date_format = None
    if filled and integers == filled:
        found = "integer"
    elif filled and floats == filled:
        found = "float"
    elif filled and datelike == filled:
        checks = ", ".join(f"count_if(v IS NOT NULL AND {sql_timestamp('v', fmt)} IS NULL)" for fmt in DATE_FORMATS)
        failures = project.rows(
            f"SELECT count_if(v IS NOT NULL AND {sql_timestamp('v')} IS NULL), {checks} FROM {source}"
        )[0]
        if failures[0] == 0:
            found = "date"
            date_format = next((fmt for fmt, failed in zip(DATE_FORMATS, failures[1:]) if failed == 0), None)
    return ColumnType(found, date_format, mean, bool(padded))


def widen(existing: str, found: str) -> str:
    """The type a variable must have to hold values of both types."""
    if existing == found:
        return existing
    if {existing, found} == {"integer", "float"}:
        return "float"
    return "text"
