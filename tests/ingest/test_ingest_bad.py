"""Every broken input gets a clear error naming the file, and leaves the project exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA

from workbench.errors import IngestError
from workbench.ingest.folder import import_file, import_paths

BAD = DATA / "bad"
GOOD = DATA / "ingest"
TABLES = ("sources", "documents", "document_parts", "variables", "document_values", "segments", "journal")

CASES = [
    ("empty.csv", "empty file", None),
    ("blank.txt", "no text to import", None),
    ("binary.txt", "binary file", None),
    ("unknown_format.pdf", "unknown format .pdf", None),
    ("undecodable.txt", "undecodable bytes", None),
    ("undecodable.csv", "undecodable bytes", None),
    ("ragged.csv", "ragged row: 4 fields where the header has 3", 3),
    ("not_a_workbook.xlsx", "not an Excel workbook", None),
    ("broken_workbook.xlsx", "not a readable Excel workbook", None),
    ("not_a_zip.docx", "not a Word document", None),
    ("hostile_entities.docx", "DOCTYPE/ENTITY (hostile XML)", None),
    ("not_an_outlook.msg", "not an Outlook message", None),
    ("not_a_mail.eml", "not an e-mail", None),
    ("no_cues.vtt", "no cues found", None),
]


def snapshot(project) -> dict:
    """Everything an import could have touched: row counts and the full content of the main tables."""
    state = {table: project.scalar(f"SELECT count(*) FROM {table}") for table in TABLES}
    state["documents_rows"] = project.rows("SELECT * FROM documents ORDER BY id")
    state["values_rows"] = project.rows("SELECT * FROM document_values ORDER BY ALL")
    state["variables_rows"] = project.rows("SELECT * FROM variables ORDER BY id")
    state["temp_tables"] = project.rows("SELECT table_name FROM duckdb_tables() WHERE temporary")
    return state


@pytest.fixture
def seeded(project):
    """A project that already holds documents, so 'unchanged' is not trivially 'empty'."""
    import_paths(project, [GOOD / "enquete_cp1252.csv", GOOD / "reclamation.eml", GOOD / "appel_box.txt"])
    return project


def test_bad_folder_lists_every_case():
    listed = {name for name, _, _ in CASES}
    present = {path.name for path in BAD.iterdir() if path.name != "README.md"}
    assert listed == present


@pytest.mark.parametrize(("name", "reason", "line"), CASES)
def test_bad_file_is_refused_and_project_unchanged(seeded, name, reason, line):
    before = snapshot(seeded)
    with pytest.raises(IngestError) as caught:
        import_file(seeded, BAD / name)
    error = caught.value
    assert error.path == str(BAD / name)
    assert str(BAD / name) in str(error)
    assert reason in error.reason
    assert error.line == line
    assert snapshot(seeded) == before


def test_size_limit_names_the_file_and_limit(seeded):
    before = snapshot(seeded)
    path = GOOD / "avis_bom.csv"
    with pytest.raises(IngestError, match=r"avis_bom\.csv: file is 0\.0 MB, over the 0 MB limit"):
        import_file(seeded, path, max_bytes=100)
    assert snapshot(seeded) == before


def test_default_size_limit_applies_per_family(seeded, tmp_path, monkeypatch):
    from workbench.ingest import base

    monkeypatch.setitem(base.MAX_BYTES, "transcript", 50)
    with pytest.raises(IngestError, match="over the"):
        import_file(seeded, GOOD / "appel_colis.srt")
    # Tables keep their own (large) limit.
    assert import_file(seeded, GOOD / "avis_bom.csv").documents == 3


def test_missing_file(seeded, tmp_path):
    with pytest.raises(IngestError, match="file not found"):
        import_file(seeded, tmp_path / "absent.csv")


def test_folder_with_one_bad_file_imports_the_others(project, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("avis_bom.csv", "boite.mbox", "appel_facture.vtt"):
        shutil.copy(GOOD / name, folder / name)
    shutil.copy(BAD / "ragged.csv", folder / "ragged.csv")
    report = import_paths(project, [folder])
    statuses = {Path(result.path).name: result.status for result in report.files}
    assert statuses == {"appel_facture.vtt": "imported", "avis_bom.csv": "imported", "boite.mbox": "imported",
                        "ragged.csv": "failed"}
    [failure] = report.failed
    assert failure.message == "line 3: ragged row: 4 fields where the header has 3"
    assert report.documents == 3 + 2 + 1
    assert project.scalar("SELECT count(*) FROM sources") == 3
    assert project.scalar("SELECT count(*) FROM sources WHERE name = 'ragged.csv'") == 0


def test_error_after_partial_write_rolls_back(seeded, monkeypatch):
    """A failure in the middle of storing (after documents were inserted) leaves nothing behind."""
    from workbench.ingest import folder

    def failing_store(project, source_id, documents, kind, pseudonymiser=None):
        project.execute("INSERT INTO documents (source_id, kind, text, n_chars, content_hash) VALUES (?, 'call', 'x', 1, hash('x'))",
                        [source_id])
        raise IngestError("somewhere", "simulated failure")

    before = snapshot(seeded)
    monkeypatch.setattr(folder, "store_parsed", failing_store)
    with pytest.raises(IngestError, match="simulated"):
        import_file(seeded, GOOD / "appel_colis.srt")
    assert snapshot(seeded) == before
