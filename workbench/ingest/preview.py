"""A look at the first rows of a table before importing it: what the import dialog shows.

The user picks the text column, the title column and the variables' types from these rows, so the preview
must read the file the way the import does (same encoding and delimiter detection, same text-column hint,
same typing rules) while reading only its beginning: a 2 GB export previews as fast as a small one (a CSV:
its first 256 KB; a workbook: the first rows of its sheet and the shared strings they use, where openpyxl
alone would parse the whole string table, and the whole sheet when it lacks a dimension record). A file
the import would refuse on sight (empty, binary, too big, not a workbook, mixed encodings, ragged header
rows) is refused here with the same one-line `IngestError`.

The types are those the import would infer from the rows read (up to `tables._HINT_ROWS`, within the first
`tables._SAMPLE_BYTES` bytes): the import types each column on the whole file, so a value further down may
still make a column text unless the user chooses its type.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from workbench.errors import IngestError
from workbench.ingest.base import MAX_BYTES, check_file, check_text_bytes, detect_encoding
from workbench.ingest.office import check_office_archive
from workbench.ingest.tables import (
    _EXCEL_SEPARATOR,
    _HINT_ROWS,
    _SAMPLE_BYTES,
    _cell_text,
    _display_names,
    _prefix_is_utf8,
    hint_text_column,
    sniff_delimiter,
)
from workbench.ingest.values import infer_column

TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class TablePreview:
    """The first rows of a table as the import will read them. `encoding` and `delimiter` are None for
    a workbook; `text_index` is the guessed text column (None when no column looks like text)."""

    path: Path
    encoding: str | None
    delimiter: str | None
    names: list[str]
    rows: list[list[str]]
    text_index: int | None
    types: list[str]


def preview_table(path: str | Path, rows: int = 20) -> TablePreview:
    """The first `rows` data rows of a .csv or .xlsx file, with what was detected and guessed."""
    path = Path(path)
    check_file(path, MAX_BYTES["table"])
    if path.suffix.lower() == ".xlsx":
        encoding, delimiter, header, body = None, None, *_xlsx_rows(path)
    elif path.suffix.lower() == ".csv":
        encoding, delimiter, header, body = _csv_rows(path)
    else:
        raise IngestError(path, f"not a table: only {' and '.join(TABLE_SUFFIXES)} files have a preview",
                          kind="no_preview", formats=", ".join(TABLE_SUFFIXES))
    names = _display_names(header)
    width = len(names)
    body = [row[:width] + [""] * (width - len(row)) for row in body]
    return TablePreview(path, encoding, delimiter, names, body[:rows], hint_text_column(names, body),
                        _column_types(body, width))


def _csv_rows(path: Path) -> tuple[str, str, list[str], list[list[str]]]:
    """Encoding, delimiter, header and complete rows of the first bytes of a CSV file."""
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
    check_text_bytes(path, sample)
    # As `tables.load_csv` decides: bytes that begin as UTF-8 are read as UTF-8 (the import says so if a
    # later line is not), others go to the detector.
    legacy = sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not _prefix_is_utf8(sample)
    encoding = detect_encoding(path, sample, whole_is_utf8=not legacy)
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError as exc:
        line = sample[: exc.start].count(b"\n") + 1
        raise IngestError(path, f"undecodable bytes for encoding {encoding}", line, kind="undecodable_as",
                          encoding=encoding) from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    hint = _EXCEL_SEPARATOR.match(text)
    if hint:
        text = text[hint.end():]
    delimiter = hint.group(1) if hint else sniff_delimiter(path, text)
    # The sample may cut the last line: only rows that end before its end are kept.
    complete = text if len(sample) < _SAMPLE_BYTES else text[: text.rfind("\n") + 1]
    reader = csv.reader(io.StringIO(complete, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise IngestError(path, "no header row", 1, kind="no_header") from exc
    skipped_lines = 1 if hint else 0
    body: list[list[str]] = []
    try:
        for row in itertools.islice(reader, _HINT_ROWS):
            if len(row) != len(header):
                raise IngestError(path, f"ragged row: {len(row)} fields where the header has {len(header)}",
                                  reader.line_num + skipped_lines, kind="ragged", fields=len(row),
                                  columns=len(header))
            body.append(row)
    except csv.Error:  # a quoted field cut by the end of the sample: the rows before it are enough
        pass
    return encoding, delimiter, header, body


class _StringsAsRead:
    """A workbook's shared strings, parsed only as far as the rows read need them. The string table holds
    every distinct text of the workbook (most of a survey export's size) and openpyxl parses it whole on
    opening: 5.5 s for 200,000 verbatims, where the first rows need the first few hundred strings."""

    def __init__(self, archive: zipfile.ZipFile, name: str | None) -> None:
        from openpyxl.xml.functions import iterparse

        self._handle = archive.open(name) if name else None
        self._nodes = iterparse(self._handle) if self._handle else iter(())
        self._strings: list[str] = []

    def __getitem__(self, index: int) -> str:
        from openpyxl.cell.text import Text
        from openpyxl.xml.constants import SHEET_MAIN_NS

        while len(self._strings) <= index:
            try:
                _event, node = next(self._nodes)
            except StopIteration:
                raise IndexError(f"shared string {index} does not exist") from None
            if node.tag == f"{{{SHEET_MAIN_NS}}}si":
                self._strings.append(Text.from_tree(node).content.replace("x005F_", ""))  # as openpyxl reads it
                node.clear()
        return self._strings[index]

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def _sheet_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cell values) of the first worksheet, as openpyxl's read-only mode gives them, read
    only as far as the caller goes: the shared strings lazily (`_StringsAsRead`), and the sheet parsed
    directly (a read-only worksheet without a dimension record parses the whole sheet to size it first)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.xml.constants import SHARED_STRINGS

    reader = ExcelReader(path, read_only=True, data_only=True)
    strings: _StringsAsRead | None = None
    try:
        reader.read_manifest()
        part = reader.package.find(SHARED_STRINGS)
        strings = _StringsAsRead(reader.archive, part.PartName[1:] if part is not None else None)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [rel.target for _sheet, rel in reader.parser.find_sheets()
                  if rel.target in reader.valid_files and "chartsheet" not in rel.Type]
        if not sheets:
            raise IngestError(path, "the first worksheet is empty", kind="empty_sheet")
        workbook = reader.wb
        with reader.archive.open(sheets[0]) as source:
            parser = WorkSheetParser(source, strings, data_only=True, epoch=workbook.epoch,
                                     date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
            for number, cells in parser.parse():
                values: list[Any] = [None] * max((cell["column"] for cell in cells), default=0)
                for cell in cells:
                    values[cell["column"] - 1] = cell["value"]
                yield number, values
    finally:
        if strings is not None:
            strings.close()
        reader.archive.close()


def _xlsx_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and first non-empty rows of the first worksheet, read as the import reads them."""
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise IngestError(path, "not an Excel workbook (.xlsx is a zip file; this is not)", kind="not_excel")
    check_office_archive(path)
    header: list[str] | None = None
    body: list[list[str]] = []
    rows = _sheet_rows(path)
    try:
        for number, row in rows:
            cells = [_cell_text(value) or "" for value in row]
            if not any(cells):
                continue
            if header is None:
                while cells and not cells[-1]:
                    cells.pop()
                header = cells
                continue
            if any(cells[len(header):]):
                raise IngestError(path, f"row {number} has values beyond the {len(header)} header columns", number,
                                      kind="beyond_header", columns=len(header))
            body.append(cells + [""] * (len(header) - len(cells)))
            if len(body) == _HINT_ROWS:
                break
    except IngestError:
        raise
    except Exception as exc:  # openpyxl and the XML parser raise many types; the import says the same
        raise IngestError(path, f"not a readable Excel workbook: {type(exc).__name__}: {exc}",
                          kind="not_excel") from exc
    finally:
        rows.close()
    if header is None:
        raise IngestError(path, "the first worksheet is empty", kind="empty_sheet")
    return header, body


class _Scratch:
    """An in-memory DuckDB database with the one method `values.infer_column` uses."""

    def __init__(self) -> None:
        self.con = duckdb.connect(":memory:")

    def rows(self, sql: str, params: list[object] | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()


def _column_types(body: list[list[str]], width: int) -> list[str]:
    """Each column's type as the import's own rules infer it, run over the rows read."""
    if width == 0:
        return []
    scratch = _Scratch()
    try:
        columns = ", ".join(f"c{i} VARCHAR" for i in range(width))
        scratch.con.execute(f"CREATE TABLE sample ({columns})")
        if body:
            selects = ", ".join("unnest(?::VARCHAR[])" for _ in range(width))
            scratch.con.execute(f"INSERT INTO sample SELECT {selects}",
                                [[row[i] or None for row in body] for i in range(width)])
        return [infer_column(scratch, "sample", f"c{i}").type for i in range(width)]
    finally:
        scratch.con.close()
