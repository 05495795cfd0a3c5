"""Typing case variables (integer, float, date, text) the way French exports write them.

A survey export writes `8,5` for eight and a half and `12/03/2026` for the 12th of March. Variables are
stored as text in a canonical form (digits; '.' decimals; ISO 8601 dates) so that filters can
`TRY_CAST` them by `variables.type`. Inference runs in SQL, column by column, because tables can hold a
million rows; the rules are the regular expressions below:

- integer: optional sign, digits, no leading zero (so postcodes and ids like `01234` stay text);
- float: integer or decimal with '.' or ',' (French), digit groups separated by spaces allowed (`1 234,5`),
  no leading zero before the decimal mark either;
- date: ISO `2026-03-12` (optionally with a time) or day-first `12/03/2026`, `12-03-2026`, `12.03.2026`
  (optionally `14:30[:05]`), and it must be a real calendar date;
- text: everything else. A column is of a type when every non-empty value is.

A variable keeps one type across files: a later file that disagrees widens it (integer + float gives
float, anything else gives text), which keeps every stored value valid for the widened type.
"""

from __future__ import annotations

TYPES = ("integer", "float", "date", "text")

INTEGER_RE = r"^[+-]?(0|[1-9][0-9]{0,17})$"
FLOAT_RE = r"^[+-]?(0|[1-9][0-9]*|[1-9][0-9]{0,2}([ \x{a0}\x{202f}][0-9]{3})+)([.,][0-9]+)?$|^[+-]?[.,][0-9]+$"
DATE_RE = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})"
    r"([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?$"
)
_DAY_FIRST_FORMATS = (
    "['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d-%m-%Y', '%d-%m-%Y %H:%M', '%d-%m-%Y %H:%M:%S',"
    " '%d.%m.%Y', '%d.%m.%Y %H:%M', '%d.%m.%Y %H:%M:%S']"
)


def sql_timestamp(value: str) -> str:
    """SQL expression: the TIMESTAMP a date-like text denotes, NULL when it is not a real date."""
    return (
        f"CASE WHEN regexp_matches({value}, '{DATE_RE}') THEN coalesce(TRY_CAST({value} AS TIMESTAMP), "
        f"try_strptime({value}, {_DAY_FIRST_FORMATS})) END"
    )


def sql_canonical(value: str, type_: str) -> str:
    """SQL expression: the stored form of an already-typed value (text values are kept as written)."""
    if type_ == "integer":
        return f"CAST(CAST({value} AS BIGINT) AS VARCHAR)"
    if type_ == "float":
        return f"replace(regexp_replace({value}, '[ \\x{{a0}}\\x{{202f}}]', '', 'g'), ',', '.')"
    if type_ == "date":
        stamp = sql_timestamp(value)
        return (
            f"CASE WHEN regexp_matches({value}, '[0-9]:[0-9]') THEN strftime({stamp}, '%Y-%m-%d %H:%M:%S') "
            f"ELSE strftime({stamp}, '%Y-%m-%d') END"
        )
    return value


def sql_type_counts(value: str) -> list[str]:
    """Aggregates over a column giving: non-empty values, integers, floats, dates (in that order)."""
    return [
        f"count({value})",
        f"count_if(regexp_matches({value}, '{INTEGER_RE}'))",
        f"count_if(regexp_matches({value}, '{FLOAT_RE}'))",
        f"count_if({sql_timestamp(value)} IS NOT NULL)",
    ]


def type_from_counts(filled: int, integers: int, floats: int, dates: int) -> str:
    """The narrowest type every non-empty value of a column fits (an empty column is text)."""
    if filled == 0:
        return "text"
    if integers == filled:
        return "integer"
    if floats == filled:
        return "float"
    if dates == filled:
        return "date"
    return "text"


def widen(existing: str, found: str) -> str:
    """The type a variable must have to hold values of both types."""
    if existing == found:
        return existing
    if {existing, found} == {"integer", "float"}:
        return "float"
    return "text"
