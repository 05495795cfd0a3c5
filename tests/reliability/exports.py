"""The exports of the crash-safety workload, and how the harness tells a whole export from a torn one.

The workload writes each format to one fixed file in its folder, over the previous export of that format,
so that a kill inside an export meets a good file it must not destroy (`workbench/output.py` writes to a
temporary file and renames it into place). After a kill the file must be byte for byte the last
acknowledged export, or, when an export of it was in flight, either that or a whole new export: the
same content as a fresh export of the reopened project (content, since a workbook and an archive carry
timestamps: zip member dates, the archive's modification time).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from workbench.export.excel import export_xlsx
from workbench.export.refi import export_qdpx
from workbench.export.tables import export_table
from workbench.project import Project

EXPORTS = (".csv", ".parquet", ".xlsx", ".qdpx")
SHEETS = ("Segments", "Codebook", "Frequencies")
# The one attribute of a REFI-QDA project that changes from one export of the same project to the next.
_EXPORT_TIME = re.compile(rb' modifiedDateTime="[^"]*"')


def export_path(folder: Path, suffix: str) -> Path:
    return folder / f"export{suffix}"


def is_export(path: Path) -> bool:
    return path.suffix in EXPORTS and path.name == f"export{path.suffix}"


def write_export(project: Project, path: Path) -> None:
    """Export the project to `path` in the format its suffix names, through the engine's own exporter."""
    if path.suffix in (".csv", ".parquet"):
        export_table(project, path)
    elif path.suffix == ".xlsx":
        export_xlsx(project, path, sheets=SHEETS)
    else:
        export_qdpx(project, path)


def content(path: Path) -> Any:
    """What an export says, without what changes between two exports of the same project. Raises when the
    file is not a whole file of its format (a torn archive, a Parquet file without its footer)."""
    if path.suffix == ".csv":
        return path.read_bytes()
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True)
        try:
            return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
                    for sheet in workbook.worksheets}
        finally:
            workbook.close()
    with zipfile.ZipFile(path) as archive:
        return {name: _EXPORT_TIME.sub(b"", archive.read(name)) for name in sorted(archive.namelist())}


def torn(path: Path, fresh: Path) -> str | None:
    """Why the file at `path` is not the export `fresh` holds (a fresh export of the same project), or
    None."""
    try:
        found = content(path)
    except (BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError) as exc:  # each reader's way
        return f"does not read as a whole {path.suffix} file ({type(exc).__name__}: {exc})"
    if found != content(fresh):
        return "reads, but its content is neither the previous export nor the project's"
    return None
