"""A full disk during an import, a coding or a table export (issue 14, item 8): one line naming the file
and the system's reason, exit code 1, never a traceback; the project is as it was and the previous export
file whole. The disk is filled by making the write path fail with ENOSPC as the system would: DuckDB's
own words for its files, an OSError for the files Python writes."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from cli_helpers import fails, ok
from digest import file_digest

import workbench.export.tables as tables_export
from workbench.ingest import folder, tables
from workbench.store import codings

pytest_plugins = ["hostile_fixtures"]  # seeded_path, cli_refused

FULL = os.strerror(errno.ENOSPC)  # "No space left on device"


def _duckdb_disk_full(project: Path):  # type: ignore[no-untyped-def]
    """What DuckDB raises when it cannot write the project's log."""
    def fail(*args: object, **kwargs: object) -> None:
        raise duckdb.IOException(f'IO Error: Could not write file "{project}.wal": {FULL}')
    return fail


def test_the_disk_fills_during_an_import(cli_refused, seeded_path, tmp_path, monkeypatch):
    """The texts are stored, then DuckDB cannot write: the whole file is rolled back."""
    real = folder.store_parsed

    def stores_then_fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        _duckdb_disk_full(seeded_path)()

    monkeypatch.setattr(folder, "store_parsed", stores_then_fails)
    call = tmp_path / "appel.txt"
    call.write_text("Client : ma box 📦 ne marche plus.\r\nConseillère : je regarde.\r\n", encoding="utf-8")
    cli_refused(f'Could not write file "{seeded_path}.wal": {FULL}', "import", seeded_path, call, "-q")


def test_the_disk_fills_while_a_table_is_transcoded(seeded_path, tmp_path, monkeypatch):
    """A cp1252 CSV is copied as UTF-8 before DuckDB reads it: Python's own write fails half-way."""
    written: list[Path] = []

    def fills_the_disk(path: Path, encoding: str, target: Path) -> None:
        written.append(target)
        target.write_bytes(path.read_bytes()[:20])
        raise OSError(errno.ENOSPC, FULL, str(target))

    monkeypatch.setattr(tables, "_transcode", fills_the_disk)
    survey = tmp_path / "enquete.csv"
    survey.write_bytes("id;commentaire\r\n1;Très déçu par la facture\r\n".encode("cp1252"))
    before = file_digest(seeded_path)
    assert fails("import", seeded_path, survey, "-q") == f"error: {written[0]}: {FULL}\n"
    assert file_digest(seeded_path) == before
    assert not written[0].exists()


def test_the_disk_fills_during_a_coding(cli_refused, seeded_path, monkeypatch):
    monkeypatch.setattr(codings, "insert", _duckdb_disk_full(seeded_path))
    cli_refused(f'Could not write file "{seeded_path}.wal": {FULL}',
                "code", seeded_path, "--document", 1, "--code", "Motifs/Prix", "--start", 0, "--end", 3)


def test_the_disk_fills_during_a_table_export(seeded_path, tmp_path, monkeypatch):
    """Killed or on a full disk, an export destroyed the previous good file, or left it truncated but
    well-formed (188,881 of 200,170 rows), so that it looked complete."""
    target = tmp_path / "documents.csv"
    ok("export", seeded_path, target, "--table", "documents")
    good = hashlib.sha256(target.read_bytes()).hexdigest()
    real = tables_export.write_csv

    def fills_the_disk(table, path, **kwargs):  # type: ignore[no-untyped-def]
        table.rows = iter(list(table.rows)[:2])
        real(table, path, **kwargs)
        raise OSError(errno.ENOSPC, FULL)

    monkeypatch.setattr(tables_export, "write_csv", fills_the_disk)
    before = file_digest(seeded_path)
    assert fails("export", seeded_path, target, "--table", "documents") == f"error: cannot write {target}: {FULL}\n"
    assert hashlib.sha256(target.read_bytes()).hexdigest() == good
    assert sorted(path.name for path in tmp_path.iterdir()) == ["documents.csv", "etude.vwb"]
    assert file_digest(seeded_path) == before


@contextmanager
def _read_only(folder: Path) -> Iterator[str]:
    """`folder` made read-only, yielding the system's reason for what it then refuses: by its mode for a
    user; for root, whom modes do not stop, by the immutable attribute (chattr, Linux)."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield os.strerror(errno.EACCES)
        finally:
            folder.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True, check=False).returncode != 0:
        pytest.skip("running as root without chattr: no way to make a folder read-only")
    try:
        yield os.strerror(errno.EPERM)
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


@pytest.mark.parametrize("command", ["code", "import"])
def test_a_project_in_a_read_only_folder(seeded_path, tmp_path, command):
    """DuckDB cannot create the project's log there: its commit failed with a traceback."""
    call = tmp_path / "appel.txt"
    call.write_text("Client : bonjour, ma facture est fausse.\r\n", encoding="utf-8")
    args = {"code": ["--document", 1, "--code", "Motifs/Prix", "--start", 0, "--end", 3], "import": [call, "-q"]}
    before = file_digest(seeded_path)
    with _read_only(seeded_path.parent) as reason:
        message = fails(command, seeded_path, *args[command])
    assert message == (f'error: {seeded_path}: the change was not saved: Cannot open file "{seeded_path}.wal": '
                       f"{reason}\n")
    assert file_digest(seeded_path) == before


def test_an_export_into_a_read_only_folder_keeps_the_previous_file(seeded_path, tmp_path):
    target = tmp_path / "exports" / "documents.csv"
    target.parent.mkdir()
    ok("export", seeded_path, target, "--table", "documents")
    good = hashlib.sha256(target.read_bytes()).hexdigest()
    with _read_only(target.parent) as reason:
        assert fails("export", seeded_path, target, "--table", "documents") == f"error: cannot write {target}: {reason}\n"
    assert hashlib.sha256(target.read_bytes()).hexdigest() == good
    assert [path.name for path in target.parent.iterdir()] == ["documents.csv"]
