"""CSV and XLSX tables: one row is one document, the text column is the verbatim, the rest are variables.

Tables can be big (a year of survey answers, a CRM export of a million rows), so rows never become Python
objects: the file is loaded into a DuckDB temporary table of text columns, and typing, normalisation,
deduplication and the inserts are SQL. The SQL normalisation (`sql_clean`) computes exactly what
`base.clean_text` computes in Python; a property test holds the two equal.

The steps: load (`loaded_table`: the text column's stored text and hash are computed in the loading
statement, for the column the user named or the first rows suggest), plan (`plan_table`: type the
columns, settle the text column on whole columns, recompute the stored text if the suggestion was
wrong), store (`store_table`: leave out empty and repeated rows, insert documents and values), the last
inside the import's transaction.

CSV: the encoding is UTF-8 (with or without BOM) when the bytes are valid UTF-8, else the legacy encoding
charset-normalizer finds (cp1252, latin-1, latin-9), transcoded to a temporary UTF-8 copy for DuckDB.
The delimiter is the one of `; , TAB |` that splits the first lines into the same number (> 1) of fields
(ties: the most fields). The first row is the header. A row with another number of fields is an error
naming its line.

XLSX: the first worksheet, its first non-empty row as header, read with openpyxl in read-only mode.

The text column is `--text-column` when given, else the guess documented in `guess_text_column`. The
user may also name a title column (`--title-column`: its cleaned value becomes each document's title, not
a variable) and choose a column's type (`--column-type NAME=TYPE`, `COLUMN_CHOICES`): a chosen type is
checked on every value, and the first value that is not of it refuses the file with its row, so that a
choice never stores a value as something it is not; "ignore" leaves the column out of the project.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import duckdb

from workbench.errors import IngestError, WorkbenchError
from workbench.ingest.base import Pseudonymiser, check_text_bytes, clean_text, detect_encoding
from workbench.ingest.office import check_office_archive
from workbench.ingest.store import StoreCounts, reserve_id_block, store_turns, variable_ids
from workbench.ingest.transcripts import turn_spans
from workbench.ingest.values import (
    FLOAT_RE,
    INTEGER_RE,
    ColumnType,
    infer_column,
    sql_canonical,
    sql_timestamp,
)
from workbench.progress import ProgressCallback, no_progress
from workbench.project import Project
from workbench.text.nfc_quick_check import nfc_sensitive_ranges
from workbench.text.normalise import fold

DELIMITERS = (";", ",", "\t", "|")
# Column names that say "this is the verbatim" (accent-folded, lower case, matched as substrings).
TEXT_COLUMN_HINTS = (
    "verbatim", "commentaire", "comment", "texte", "text", "message", "remarque", "avis", "reponse",
    "feedback", "description", "observation", "suggestion", "libre",
)
# A hinted column must hold real sentences, not codes: "message_id" also contains "message".
_HINT_MIN_AVERAGE = 15
# Longer than any integer, float or date we accept ("2026-03-12 09:15:00.123456" has 26 characters).
_LONGEST_TYPED_VALUE = 32
# Rows profiled for column lengths and distinctness (`_sample_profile`).
_PROFILE_ROWS = 10000
DATE_COLUMN_HINT = re.compile(r"^(date|horodatage|timestamp|datetime|created|cree|received|recu)|date$")

_CONTROL_RE = r"[\x{0}-\x{8}\x{b}\x{c}\x{e}-\x{1f}\x{7f}-\x{9f}\x{feff}]"
_BREAKS_RE = r"\r\n|\r|\x{2028}|\x{2029}|\x{85}"
# A text needs normalising when it holds a control character, a line break other than LF, a BOM, a
# character NFC may change (`nfc_quick_check`), or blank space at an end.
_NEEDS_WORK_RE = (
    r"[\x{0}-\x{8}\x{b}-\x{1f}\x{7f}-\x{9f}\x{2028}\x{2029}\x{feff}"
    + "".join(f"\\x{{{first:x}}}-\\x{{{last:x}}}" for first, last in nfc_sensitive_ranges())
    + r"]|^[ \t\n]|[ \t\n]$"
)


def _sql_normalise(value: str) -> str:
    """SQL expression of the full normalisation of `base.clean_text` (without the shortcut)."""
    breaks = f"regexp_replace({value}, '{_BREAKS_RE}', chr(10), 'g')"
    controls = f"regexp_replace({breaks}, '{_CONTROL_RE}', '', 'g')"
    return f"regexp_replace(nfc_normalize({controls}), '^[ \\t\\n]+|[ \\t\\n]+$', '', 'g')"


def sql_clean(value: str) -> str:
    """SQL expression computing `base.clean_text(value)`: the same regular expressions, the same order
    (line breaks, then control characters, then NFC), then blank space trimmed at both ends.

    Most verbatims need none of it, and NFC is by far the slowest step, so the work is done only for
    texts that hold a control character, a line-break character other than LF, a BOM, a character NFC
    may change (`workbench.text.nfc_quick_check`: no text without one changes under NFC), or blank space
    at an end."""
    return f"coalesce({_sql_fixed(value)}, {value})"


def _sql_fixed(value: str) -> str:
    """SQL expression: the stored form of `value` when `value` needs work (see `sql_clean`), else NULL."""
    return f"CASE WHEN regexp_matches({value}, '{_NEEDS_WORK_RE}') THEN {_sql_normalise(value)} END"


# Columns added to a loaded table for its text column: the stored text where it differs from the cell
# as read (else NULL: most verbatims need no work, and a NULL costs nothing to keep), and its hash.
FIXED, HASH = "_wb_fixed", "_wb_hash"
PSEUDONYMISE = "_wb_pseudonymise"


def with_stored_text(select: str, column: str, pseudonymised: bool) -> str:
    """`select` with the two stored-text columns of `column` added (`FIXED`, `HASH`).

    Computed in the statement that loads the file, the normalisation and hash run in the reader's
    parallel pipeline instead of in a second pass over a copy of every text (bench/import.py). With a
    pseudonymiser (registered as `PSEUDONYMISE`), every text is rewritten, so `FIXED` is never NULL."""
    fixed = f"{PSEUDONYMISE}({sql_clean(column)})" if pseudonymised else _sql_fixed(column)
    return (
        f"SELECT *, hash(coalesce({FIXED}, {column})) AS {HASH} FROM (SELECT *, {fixed} AS {FIXED} FROM ({select}))"
    )


@dataclass
class LoadedTable:
    """A table file loaded into temporary table `name` (text columns c0..cN, rows in file order).
    `text_index` is the column whose stored text (`FIXED`, `HASH`) the table holds, None while none."""

    name: str
    pseudonymised: bool
    names: list[str] = field(default_factory=list)  # the header's names, made usable as variable names
    text_index: int | None = None


# -- reading CSV ------------------------------------------------------------------------------------
_SAMPLE_BYTES = 262144
_HINT_ROWS = 2000
_NUMBER_OR_DATE = re.compile(r"[0-9 .,:/+\-T\u00a0\u202f]*")
_EXCEL_SEPARATOR = re.compile(r"sep=([;,\t|])\n")
_XLSX_BATCH = 50000


def _prefix_is_utf8(sample: bytes) -> bool:
    """Whether a sample is UTF-8, allowing a character cut at the end of the sample."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _first_invalid_utf8(path: Path) -> bytes:
    """Some bytes around the first place the file stops being UTF-8 (for the encoding detector). A file
    that was UTF-8, accents included, up to that place mixes two encodings: no single codec reads it, and
    decoding it all as cp1252 would silently turn every "é" before it into "Ã©", so it is refused with the
    line where the other encoding starts."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = lines = 0
    accented = False
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                before = block[:exc.start]
                if accented or not before.isascii():
                    line = lines + before.count(b"\n") + 1
                    raise IngestError(path, "this line is not UTF-8 while the lines before it are: the file mixes "
                                            "two encodings; save it again as UTF-8 (CSV UTF-8 in Excel)", line,
                                      kind="mixed_encoding") from exc
                start = offset + max(0, exc.start - 65536)
                handle.seek(start)
                return handle.read(131072)
            accented = accented or not block.isascii()
            lines += block.count(b"\n")
            offset += len(block)
    return b""


def _transcode(path: Path, encoding: str, target: Path) -> None:
    """Write a UTF-8 copy of a legacy-encoded file, in blocks (the file may be hundreds of MB)."""
    with path.open("r", encoding=encoding, newline="") as source, target.open("w", encoding="utf-8", newline="") as out:
        try:
            shutil.copyfileobj(source, out, 1 << 22)
        except UnicodeDecodeError as exc:
            raise IngestError(path, f"undecodable bytes for encoding {encoding}", kind="undecodable_as",
                              encoding=encoding) from exc


def sniff_delimiter(path: Path, sample: str) -> str:
    """The delimiter giving a constant number (> 1) of fields over the first lines; ties: most fields."""
    lines = sample.split("\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the sample may cut the last line
    best: tuple[float, int, int] | None = None
    chosen = None
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines[:200]), newline=""), delimiter=delimiter))
        except csv.Error:  # e.g. a line break inside what this delimiter makes an unquoted field
            continue
        widths = [len(row) for row in rows if row]
        if not widths or max(widths) < 2:
            continue
        header_width = widths[0]
        agreeing = sum(width == header_width for width in widths) / len(widths)
        score = (agreeing, header_width, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    if chosen is None:
        # One column: no delimiter anywhere. A single text column is a valid (if odd) export.
        return ","
    return chosen


def _header(path: Path, sample: str, delimiter: str) -> tuple[list[str], list[list[str]]]:
    """The header and the complete rows of the sample that follow it (the sample may cut the last one)."""
    rows = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as exc:
        raise IngestError(path, "no header row", 1, kind="no_header") from exc
    body: list[list[str]] = []
    try:
        body.extend(itertools.islice(rows, _HINT_ROWS))
    except csv.Error:  # a quoted field cut by the end of the sample; DuckDB will say if it is more
        pass
    return header, body[:-1] if len(body) > 1 else body


def hint_text_column(names: list[str], rows: list[list[str]]) -> int | None:
    """The text column as the first rows suggest it, before DuckDB reads the file: the guess of
    `guess_text_column`, counting as text a column with a value that holds something other than digits
    and the signs of numbers and dates. Only a hint (these rows are parsed by Python's csv module, and
    a column empty in them may still hold the text): `plan_table` settles the column on the whole file,
    and if it differs, the stored text is computed again."""
    width = len(names)
    values = [[row[i].strip() for row in rows if i < len(row) and row[i].strip()] for i in range(width)]
    averages = [sum(map(len, column)) / len(column) if column else 0.0 for column in values]
    types = [
        "text" if averages[i] > _LONGEST_TYPED_VALUE or any(not _NUMBER_OR_DATE.fullmatch(v) for v in values[i])
        else "other"
        for i in range(width)
    ]
    return guess_text_column(names, types, averages)


_DUCKDB_LINE = re.compile(r"CSV Error on Line: (\d+)")
_DUCKDB_WIDTH = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _csv_error(path: Path, exc: duckdb.Error) -> IngestError:
    message = str(exc)
    line = _DUCKDB_LINE.search(message)
    width = _DUCKDB_WIDTH.search(message)
    if width:
        return IngestError(
            path,
            f"ragged row: {width.group(2)} fields where the header has {width.group(1)}",
            int(line.group(1)) if line else None,
            kind="ragged", fields=int(width.group(2)), columns=int(width.group(1)),
        )
    first = message.splitlines()[0] if message else type(exc).__name__
    return IngestError(path, f"cannot read as CSV: {first}", int(line.group(1)) if line else None, kind="not_csv")


def _read_csv(project: Project, path: Path, source: Path, loaded: LoadedTable, text_column: str | None) -> None:
    """Load a UTF-8 CSV file into `loaded` with DuckDB's reader (columns c0..cN, text), computing the
    stored text of the column the user named or the first rows suggest. Rows keep the file's order
    (DuckDB preserves insertion order), so `rowid + 1` is a row's position."""
    with source.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES).decode("utf-8", errors="ignore").lstrip("\ufeff").replace("\r\n", "\n")
    # Excel's "sep=;" first line names the delimiter; it is not the header.
    hint = _EXCEL_SEPARATOR.match(sample)
    if hint:
        sample = sample[hint.end():]
    delimiter = hint.group(1) if hint else sniff_delimiter(path, sample)
    header, rows = _header(path, sample, delimiter)
    loaded.names = _display_names(header)
    loaded.text_index = (
        _named_column(path, loaded.names, text_column) if text_column is not None
        else hint_text_column(loaded.names, rows)
    )
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(header))) + "}"
    select = (
        "SELECT * FROM read_csv(?, delim = ?, quote = '\"', escape = '\"', header = true, skip = ?, "
        f"auto_detect = false, columns = {columns}, strict_mode = true, null_padding = false, "
        "max_line_size = 16777216)"
    )
    if loaded.text_index is not None:
        select = with_stored_text(select, f"c{loaded.text_index}", loaded.pseudonymised)
    project.execute(f"CREATE OR REPLACE TEMP TABLE {loaded.name} AS {select}", [str(source), delimiter, 1 if hint else 0])


def load_csv(project: Project, path: Path, loaded: LoadedTable, workdir: Path, text_column: str | None) -> None:
    """Load a CSV file into `loaded` (columns c0..cN, text).

    A file that looks like UTF-8 is read directly: DuckDB checks every byte and says when it is not
    UTF-8 after all, and only then is the file scanned for its encoding and transcoded. Must run outside
    a transaction: a failed statement would abort it."""
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
    check_text_bytes(path, sample)
    if not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and _prefix_is_utf8(sample):
        try:
            _read_csv(project, path, path, loaded, text_column)
            return
        except duckdb.Error as exc:
            if "not utf-8 encoded" not in str(exc):
                raise _csv_error(path, exc) from exc
        sample = _first_invalid_utf8(path)
    encoding = detect_encoding(path, sample, whole_is_utf8=False)
    source = workdir / "utf8.csv"
    _transcode(path, encoding, source)
    try:
        _read_csv(project, path, source, loaded, text_column)
    except duckdb.Error as exc:
        raise _csv_error(path, exc) from exc


# -- reading XLSX -----------------------------------------------------------------------------------
def _cell_text(value: Any) -> str | None:
    """A cell as the text the SQL typing expects (dates ISO, floats with '.', whole floats as integers)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def load_xlsx(project: Project, path: Path, loaded: LoadedTable, progress: ProgressCallback) -> None:
    """Load the first worksheet into `loaded` (columns c0..cN, text). openpyxl reads the rows, so the
    stored text is computed afterwards (`plan_table`), not while loading."""
    table = loaded.name
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise IngestError(path, "not an Excel workbook (.xlsx is a zip file; this is not)", kind="not_excel")
    check_office_archive(path)  # sizes, ratios and entity declarations, before openpyxl expands it
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise IngestError(path, f"not a readable Excel workbook: {exc}", kind="not_excel") from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and lxml errors
        raise IngestError(path, f"not a readable Excel workbook: {type(exc).__name__}: {exc}",
                          kind="not_excel") from exc
    try:
        header: list[str] | None = None
        batch: list[list[str | None]] = []
        stored = 0
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            cells = [_cell_text(value) for value in row]
            if not any(cell not in (None, "") for cell in cells):
                continue
            if header is None:
                while cells[-1] in (None, ""):
                    cells.pop()
                header = [cell or "" for cell in cells]
                columns = ", ".join(f"c{i} VARCHAR" for i in range(len(header)))
                project.execute(f"CREATE TEMP TABLE {table} ({columns})")
                continue
            if any(cell not in (None, "") for cell in cells[len(header):]):
                raise IngestError(path, f"row {number} has values beyond the {len(header)} header columns", number,
                                      kind="beyond_header", columns=len(header))
            batch.append(cells[: len(header)] + [None] * (len(header) - len(cells)))
            if len(batch) == _XLSX_BATCH:
                stored = _append_rows(project, table, batch, stored)
                batch = []
                progress(stored, None, f"{path.name}: reading rows")
        if header is None:
            raise IngestError(path, "the first worksheet is empty", kind="empty_sheet")
        _append_rows(project, table, batch, stored)
    finally:
        workbook.close()
    loaded.names = _display_names(header)


def _append_rows(project: Project, table: str, rows: list[list[str | None]], stored: int) -> int:
    """Append rows, in order (their `rowid + 1` is their position), to a loaded table; returns the new row
    count. Rows go in batches so that a million-row workbook never sits whole in Python lists."""
    if not rows:
        return stored
    width = len(rows[0])
    columns = [[row[i] for row in rows] for i in range(width)]
    selects = ", ".join("unnest(?::VARCHAR[])" for _ in range(width))
    project.execute(f"INSERT INTO {table} SELECT {selects}", columns)
    return stored + len(rows)


# -- from raw table to documents --------------------------------------------------------------------
def _display_names(header: list[str]) -> list[str]:
    """Header names made usable as variable names: stripped, blanks named, duplicates numbered."""
    names: list[str] = []
    for index, raw in enumerate(header):
        name = clean_text(raw).replace("\n", " ") or f"colonne_{index + 1}"
        base, suffix = name, 2
        while name in names:
            name, suffix = f"{base}_{suffix}", suffix + 1
        names.append(name)
    return names


def guess_text_column(names: list[str], types: list[str], averages: list[float]) -> int | None:
    """Index of the verbatim column when the user did not name it.

    Among the text-typed columns: those whose accent-folded name contains a hint (commentaire, verbatim,
    texte, comment, message, avis, réponse…) and whose values average at least 15 characters win, the
    longest on average first; without such a column, the text column with the longest values. (Averages
    are over the non-empty values of the whole column, except for a column already too long in its first
    10,000 rows to be typed: then over those rows.)
    """
    candidates = [i for i, type_ in enumerate(types) if type_ == "text" and averages[i] > 0]
    if not candidates:
        return None
    hinted = [
        i for i in candidates
        if averages[i] >= _HINT_MIN_AVERAGE and any(hint in fold(names[i]) for hint in TEXT_COLUMN_HINTS)
    ]
    pool = hinted or candidates
    return max(pool, key=lambda i: (averages[i], -i))


def _date_column(names: list[str], types: list[str], text_index: int) -> int | None:
    """The column giving `occurred_at`: a date column named like one, or the only date column."""
    dates = [i for i, type_ in enumerate(types) if type_ == "date" and i != text_index]
    named = [i for i in dates if DATE_COLUMN_HINT.search(fold(names[i]))]
    if named:
        return named[0]
    return dates[0] if len(dates) == 1 else None


def _named_column(path: Path, names: list[str], text_column: str) -> int:
    """Index of the column the user named (exact name first, then accent- and case-insensitive)."""
    wanted = clean_text(text_column)
    matches = [i for i, name in enumerate(names) if name == wanted] or [
        i for i, name in enumerate(names) if fold(name) == fold(wanted)
    ]
    if not matches:
        raise IngestError(path, f"no column {text_column!r}; columns are: {', '.join(names)}", kind="no_such_column",
                          column=text_column, columns=", ".join(names))
    return matches[0]


def _sample_profile(project: Project, table: str, width: int) -> tuple[list[float], list[bool]]:
    """Mean length of each column, and whether its values are mostly distinct, over the first rows.

    The mean only decides whether a column is too long to be typed (then it is text): a sample mean over
    32 characters means some value is longer than any number or date, so the sample decides as well as
    the whole file and costs nothing (the verbatim is guessed from whole-column means, which the typing
    computes). "Mostly distinct" (ids, free text) picks the typing strategy: checking every row is
    cheaper than grouping a million distinct values first. As it only picks a strategy, the distinct
    values are estimated (HyperLogLog, a few per cent off): exact counts cost 0.03 s of one core for
    8 columns of 10,000 rows, the estimates 0.007 s."""
    row = project.rows(
        f"SELECT count(*), {', '.join(f'coalesce(avg(length(c{i})), 0), approx_count_distinct(c{i})' for i in range(width))} "
        f"FROM (SELECT * FROM {table} WHERE rowid < {_PROFILE_ROWS})"
    )[0]
    sampled = int(row[0])
    averages = [float(row[1 + 2 * i]) for i in range(width)]
    varied = [sampled >= _PROFILE_ROWS and int(row[2 + 2 * i]) > sampled // 2 for i in range(width)]
    return averages, varied


def add_stored_text(project: Project, loaded: LoadedTable, index: int) -> None:
    """Give the loaded table the stored text of column `index` (a copy of the table: only XLSX files,
    and CSV files whose text column the first rows did not suggest, go this way)."""
    if loaded.text_index == index:
        return
    current = f"SELECT * EXCLUDE ({FIXED}, {HASH}) FROM {loaded.name}" if loaded.text_index is not None else (
        f"SELECT * FROM {loaded.name}"
    )
    rebuilt = f"{loaded.name}_c{index}"
    project.execute(f"CREATE TEMP TABLE {rebuilt} AS {with_stored_text(current, f'c{index}', loaded.pseudonymised)}")
    _drop(project, [loaded.name])
    loaded.name, loaded.text_index = rebuilt, index


@dataclass
class TablePlan:
    """What `plan_table` settled for a loaded table: its row count, the type of each column, the text
    column, the title column, and the columns the user left out."""

    total: int
    columns: list[ColumnType]
    text_index: int
    title_index: int | None = None
    ignored: frozenset[int] = frozenset()

    def variables(self) -> list[int]:
        """The columns stored as variables: all but the text, the title and the ignored ones."""
        return [i for i in range(len(self.columns)) if i not in self.ignored and i not in (self.text_index, self.title_index)]


# -- the user's choices of column types -------------------------------------------------------------
COLUMN_CHOICES = ("text", "integer", "float", "date", "boolean", "ignore")
# What a yes/no column may hold (accent-folded, lower case); stored as "true" or "false", as search reads it.
BOOLEAN_TRUE = ("true", "vrai", "oui", "yes", "1")
BOOLEAN_FALSE = ("false", "faux", "non", "no", "0")


def check_column_choices(column_types: dict[str, str] | None) -> None:
    """Refuse an unknown type before any file is read."""
    for name, choice in (column_types or {}).items():
        if choice not in COLUMN_CHOICES:
            raise WorkbenchError(f"unknown type {choice!r} for column {name!r}; choose one of {', '.join(COLUMN_CHOICES)}")


def _sql_boolean(value: str) -> str:
    return f"CASE WHEN lower(strip_accents({value})) IN ({', '.join(repr(v) for v in BOOLEAN_TRUE)}) THEN 'true' ELSE 'false' END"


def _chosen_type(project: Project, path: Path, table: str, index: int, name: str, choice: str,
                 found: ColumnType) -> ColumnType:
    """The column typed as the user chose, once every value is known to be of that type. The inferred
    type already says so for most choices (a column is inferred integer exactly when every value is
    one), so the values are read only for a choice the inference contradicts, to name the first bad one."""
    if choice == "text":
        return ColumnType("text", None, found.mean_length, True)
    if choice == found.type or (choice == "float" and found.type == "integer"):
        return ColumnType(choice, found.date_format, found.mean_length, found.padded)
    cell = f"nullif(trim(c{index}), '')"
    tests = {
        "integer": f"regexp_matches({cell}, '{INTEGER_RE}')",
        "float": f"regexp_matches({cell}, '{FLOAT_RE}')",
        "date": f"{sql_timestamp(cell)} IS NOT NULL",
        "boolean": f"lower(strip_accents({cell})) IN ({', '.join(repr(v) for v in BOOLEAN_TRUE + BOOLEAN_FALSE)})",
    }
    bad = project.rows(
        f"SELECT rowid + 1, {cell} FROM {table} WHERE {cell} IS NOT NULL AND NOT ({tests[choice]}) ORDER BY rowid LIMIT 1"
    )
    if bad:
        row, value = bad[0]
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise IngestError(path, f"column {name!r} was chosen as {choice}, but row {row} below the header holds "
                                f"\"{shown}\", which is not", kind="not_of_type", column=name, type=choice,
                          row=row, value=shown)
    return ColumnType(choice, None, found.mean_length, True)


def _choice_indexes(path: Path, names: list[str], column_types: dict[str, str]) -> dict[int, str]:
    return {_named_column(path, names, name): choice for name, choice in column_types.items()}


def plan_table(project: Project, path: Path, loaded: LoadedTable, text_column: str | None,
               title_column: str | None = None, column_types: dict[str, str] | None = None) -> TablePlan:
    """Type the columns and settle the text column, giving the table its stored text if the load
    computed another column's; then the user's title column and column types, checked on every value.
    Runs before the import transaction: it only reads and rebuilds the temporary table, and a table
    rebuilt inside a transaction would number its rows differently."""
    names = loaded.names
    total = int(project.scalar(f"SELECT count(*) FROM {loaded.name}"))
    if total == 0:
        raise IngestError(path, "no data rows below the header", kind="no_rows")
    averages, varied = _sample_profile(project, loaded.name, len(names))
    # Numbers and dates are short: a long column is text without looking at its (many distinct) values.
    columns = [
        ColumnType("text", None, averages[i]) if averages[i] > _LONGEST_TYPED_VALUE
        else infer_column(project, loaded.name, f"c{i}", per_row=varied[i])
        for i in range(len(names))
    ]
    choices = _choice_indexes(path, names, column_types or {})
    ignored = frozenset(i for i, choice in choices.items() if choice == "ignore")
    if text_column is not None:
        text_index = _named_column(path, names, text_column)
    else:
        # Means over whole columns (`infer_column` computed them), not the sample: a comment column left
        # empty in the first rows (a question added later) must still be found.
        guessed = guess_text_column(
            names, ["ignore" if i in ignored else column.type for i, column in enumerate(columns)],
            [column.mean_length for column in columns],
        )
        if guessed is None:
            raise IngestError(path, f"no text column found among {', '.join(names)}; name it with --text-column",
                              kind="no_text_column", columns=", ".join(names))
        text_index = guessed
    title_index = _named_column(path, names, title_column) if title_column is not None else None
    if title_index == text_index:
        raise IngestError(path, f"column {names[text_index]!r} is the text column; choose another column for the titles",
                          kind="title_is_text", column=names[text_index])
    for index in (text_index, title_index):
        if index is not None and choices.get(index, "text") != "text":
            role = "text" if index == text_index else "title"
            raise IngestError(path, f"column {names[index]!r} is the {role} column; it cannot be chosen as {choices[index]}",
                              kind="text_column_typed" if role == "text" else "title_column_typed",
                              column=names[index], type=choices[index])
    for index, choice in choices.items():
        if index not in (text_index, title_index) and choice != "ignore":
            columns[index] = _chosen_type(project, path, loaded.name, index, names[index], choice, columns[index])
    add_stored_text(project, loaded, text_index)
    return TablePlan(total, columns, text_index, title_index, ignored)


def store_table(project: Project, source_id: int, loaded: LoadedTable, plan: TablePlan, kind: str) -> StoreCounts:
    """Insert the documents and values of a planned table (all in SQL), inside the caller's transaction."""
    names, columns, text_index, total = loaded.names, plan.columns, plan.text_index, plan.total
    cells = [column.cell(f"c{i}") for i, column in enumerate(columns)]
    types = [column.type for column in columns]
    table = loaded.name
    others = plan.variables()
    date_index = _date_column(names, [type_ if i in others else "ignore" for i, type_ in enumerate(types)], text_index)
    occurred = (
        sql_timestamp(cells[date_index], columns[date_index].date_format) if date_index is not None
        else "NULL::TIMESTAMP"
    )
    text = f"coalesce({FIXED}, c{text_index})"
    title = "NULL::VARCHAR"
    if plan.title_index is not None:
        cleaned = sql_clean(cells[plan.title_index])
        title = f"nullif({f'{PSEUDONYMISE}({cleaned})' if loaded.pseudonymised else cleaned}, '')"
    skipped = f"{table}_skipped"
    # Rows not stored: empty texts, repeats of an earlier row of the file, texts the project already has.
    # They are usually few, so the inserts below leave them out with an anti-join on a small table rather
    # than a join on the (large) set of rows kept. The anti-join stays when the table is empty: without
    # it, DuckDB's parallel insert leaves more, partly filled row groups (10 instead of 9 for 1,000,000
    # documents, 70 instead of 63 for their values), which the checkpoint at closing merges by rewriting
    # them: 0.33 s instead of 0.03 s, and a file 12 MB larger (bench/import.py --typographic).
    # Duplicates are left out before inserting: deleting freshly inserted rows would make DuckDB rewrite
    # them at commit. The 64-bit hash only finds candidates (rows sharing a hash with another row or with
    # a document); equal texts decide.
    project.execute(
        f"""
        CREATE TEMP TABLE {skipped} AS
        WITH repeated AS (
            SELECT rowid + 1 AS position, {HASH} AS h, {text} AS text FROM {table}
            WHERE {HASH} IN (SELECT {HASH} FROM {table} GROUP BY ALL HAVING count(*) > 1)
              AND coalesce({text}, '') <> ''
        ), known AS (
            SELECT rowid + 1 AS position FROM {table} x
            SEMI JOIN (SELECT content_hash, text FROM documents WHERE content_hash IN (SELECT {HASH} FROM {table})) d
                ON d.content_hash = x.{HASH} AND d.text = coalesce(x.{FIXED}, x.c{text_index})
        )
        SELECT rowid + 1 AS position, true AS empty FROM {table} WHERE coalesce({text}, '') = ''
        UNION SELECT position, false FROM known
        UNION SELECT position, false FROM repeated QUALIFY position > min(position) OVER (PARTITION BY h, text)
        """
    )
    empty, left_out = project.rows(f"SELECT coalesce(count_if(empty), 0), count(DISTINCT position) FROM {skipped}")[0]
    counts = StoreCounts(empty=int(empty), documents=total - int(left_out))
    counts.duplicates = int(left_out) - counts.empty
    # Document id = base + row position: no numbering pass; skipped rows leave gaps in the id sequence.
    base = reserve_id_block(project, total) - 1
    project.execute(
        f"""
        INSERT INTO documents (id, source_id, kind, title, text, occurred_at, n_chars, content_hash, position)
        SELECT {base} + position, ?, ?, title, text, occurred_at, length(text), h, position
        FROM (SELECT rowid + 1 AS position, {text} AS text, {title} AS title, {occurred} AS occurred_at, {HASH} AS h
              FROM {table})
        ANTI JOIN {skipped} USING (position)
        """,
        [source_id, kind],
    )
    counts.segments = _store_cell_turns(project, source_id)
    if others:
        variables = variable_ids(project, {names[i]: types[i] for i in others})
        # One SELECT per variable, appended one after the other: each variable's values are stored
        # together (long runs of one variable_id, ids in order, few distinct values per block), which
        # DuckDB writes and compresses faster than the values of each row side by side.
        selects = []
        for i in others:
            variable_id, final_type = variables[names[i]]
            value = (
                cells[i] if final_type == "text"
                else _sql_boolean(cells[i]) if final_type == "boolean"
                else sql_canonical(cells[i], columns[i])
            )
            selects.append(
                f"SELECT rowid + 1 AS position, {variable_id} AS variable_id, {value} AS value FROM {table} "
                f"WHERE {cells[i]} IS NOT NULL"
            )
        values = " UNION ALL ".join(selects)
        kept = f"({values}) ANTI JOIN {skipped} USING (position)"
        project.execute(
            f"""
            INSERT INTO document_values (document_id, variable_id, value)
            SELECT {base} + position, variable_id, value FROM {kept}
            """
        )
    _drop(project, [skipped])
    return counts


# A line that starts with what may be a speaker label ("Client :", "[00:12] Conseillère :"): the cells
# worth reading for turns, found in SQL so that a million survey comments are not read in Python.
_MAY_HOLD_TURNS = r"(^|\n)[ \t]*[^\n:]{1,60}:"


def _store_cell_turns(project: Project, source_id: int) -> int:
    """Speaker turns of the cells that hold a conversation (a call excerpt or a chat exported one per row),
    as a transcript file's turns are stored: the suggestions then read the customer's words, and sentences
    do not cross turns. The cell's text is kept as it is; the turns point into it
    (`transcripts.turn_spans`). Returns how many were stored."""
    turns = [(document_id, start, end, speaker, None, None)
             for document_id, text in project.rows(
                 "SELECT id, text FROM documents WHERE source_id = ? AND contains(text, ':') AND regexp_matches(text, ?)",
                 [source_id, _MAY_HOLD_TURNS])
             for start, end, speaker in turn_spans(text)]
    store_turns(project, turns)
    return len(turns)


def _register_pseudonymiser(project: Project, pseudonymiser: Pseudonymiser) -> None:
    def apply(text: str) -> str:
        return clean_text(pseudonymiser(text)) if text else text

    project.con.create_function(PSEUDONYMISE, apply, ["VARCHAR"], "VARCHAR", side_effects=False)


_load_counter = itertools.count(1)


@contextmanager
def loaded_table(
    project: Project,
    path: Path,
    progress: ProgressCallback = no_progress,
    text_column: str | None = None,
    pseudonymiser: Pseudonymiser | None = None,
) -> Iterator[LoadedTable]:
    """Load a .csv or .xlsx file into a temporary table, before the import transaction starts, and
    drop it afterwards. The pseudonymiser is registered for as long as the table is in use."""
    number = next(_load_counter)
    loaded = LoadedTable(f"_wb_import_{number}", pseudonymiser is not None)
    if pseudonymiser is not None:
        _register_pseudonymiser(project, pseudonymiser)
    try:
        with tempfile.TemporaryDirectory(prefix="workbench-import-") as scratch:
            if path.suffix.lower() == ".xlsx":
                load_xlsx(project, path, loaded, progress)
            else:
                load_csv(project, path, loaded, Path(scratch), text_column)
        yield loaded
    finally:
        _drop(project, [loaded.name])
        if pseudonymiser is not None:
            project.con.remove_function(PSEUDONYMISE)


def _drop(project: Project, tables: list[str]) -> None:
    for name in tables:
        project.execute(f"DROP TABLE IF EXISTS {name}")
