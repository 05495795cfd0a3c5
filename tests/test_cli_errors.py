"""Operating-system trouble (a full disk, a folder that cannot be written) is one line and exit code 1,
never a traceback (issue 14, item 8)."""

from __future__ import annotations

import errno

import duckdb
import pytest
from cli_helpers import run

import workbench.ingest.folder as folder_module
from workbench.project import Project


@pytest.mark.parametrize("failure", [
    OSError(errno.ENOSPC, "No space left on device", "/data/clients.vwb.wal"),
    PermissionError(errno.EACCES, "Permission denied", "/lecture-seule/clients.vwb"),
    duckdb.IOException("IO Error: Could not write file \"/data/clients.vwb\": No space left on device"),
])
def test_a_full_disk_or_a_locked_folder_is_one_line(tmp_path, monkeypatch, failure):
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    source = tmp_path / "appel.txt"
    source.write_text("Client : bonjour.\n", encoding="utf-8")

    def fails_with_the_system(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise failure

    monkeypatch.setattr(folder_module, "import_file", fails_with_the_system)
    code, _, err = run("import", path, source)
    last = err.strip().splitlines()[-1]
    assert code == 1 and "Traceback" not in err and last.startswith("error: ")
    assert last.endswith(("No space left on device", "Permission denied"))
