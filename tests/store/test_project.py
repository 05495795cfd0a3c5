"""Project files: creation, reopening, refusing files that are not projects, locks, migrations."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from builders import add_coder_row

import workbench.project as project_module
from workbench.errors import NotAProject, ProjectError, ProjectLocked, ProjectNotFound, ProjectTooNew
from workbench.ingest.folder import import_file
from workbench.project import CONTENT_HASH_PROBE, Project, latest_version


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_and_reopen_keeps_language_and_data(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    with Project.create(path, language="en") as created:
        assert created.schema_version == latest_version()
        add_coder_row(created, "alice", "trainer")
    with Project.open(path) as opened:
        assert opened.language == "en"
        assert opened.rows("SELECT name, role FROM coders") == [("alice", "trainer")]


def test_create_refuses_existing_file_and_unknown_language(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    path.write_text("precious")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    assert path.read_text() == "precious"
    with pytest.raises(ProjectError, match="unsupported project language"):
        Project.create(tmp_path / "q.vwb", language="de")
    assert not (tmp_path / "q.vwb").exists()


def test_open_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFound, match="does not exist"):
        Project.open(tmp_path / "nope.vwb")


@pytest.mark.parametrize("content", [b"", b"hello, this is a CSV\n1,2\n", bytes(range(256)) * 4])
def test_open_non_duckdb_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.vwb"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(NotAProject, match="not a Verbatim Workbench project"):
        Project.open(path)
    assert _digest(path) == before
    assert not Path(str(path) + ".wal").exists()


def test_open_foreign_duckdb_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE accounts (id INTEGER, balance DOUBLE)")
    con.execute("INSERT INTO accounts VALUES (1, 10.5)")
    con.close()
    before = _digest(path)
    with pytest.raises(NotAProject, match="DuckDB file but not a Verbatim Workbench project"):
        Project.open(path)
    assert _digest(path) == before


def test_second_process_gets_a_clear_lock_error(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from workbench.project import Project
                p = Project.open({str(path)!r})
                print("ready", flush=True)
                sys.stdin.readline()
                p.close()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(ProjectLocked, match=rf"is open in process {holder.pid}"):
            Project.open(path)
        with pytest.raises(ProjectLocked):
            Project.open(path, read_only=True)
    finally:
        holder.communicate("\n", timeout=30)
    with Project.open(path) as reopened:  # the lock goes with the holder
        assert reopened.schema_version == latest_version()


def test_transaction_rolls_back_on_error(project: Project) -> None:
    with pytest.raises(RuntimeError), project.transaction():
        project.execute("INSERT INTO coders (name, role) VALUES ('bob', 'analyst')")
        raise RuntimeError("crash in the middle")
    assert project.scalar("SELECT count(*) FROM coders") == 0


def test_read_only_project_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    with Project.open(path, read_only=True) as opened, pytest.raises(ProjectError, match="read-only"), \
            opened.transaction():
        pass


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, sql: str) -> int:
    real = project_module.migrations()
    extra_version = latest_version() + 1
    monkeypatch.setattr(project_module, "migrations", lambda: [*real, (extra_version, f"{extra_version:04d}_t.sql", sql)])
    return extra_version


def test_a_version_1_file_is_migrated_on_open_and_keeps_its_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.vwb"
    with Project.create(path, version=1) as old:
        assert old.schema_version == 1
        add_coder_row(old, "claire", "reference")
    version = _with_extra_migration(monkeypatch, "ALTER TABLE coders ADD COLUMN email VARCHAR;")
    with Project.open(path) as migrated:
        assert migrated.schema_version == version
        assert migrated.rows("SELECT name, role, email FROM coders") == [("claire", "reference", None)]


def test_a_version_1_file_with_documents_migrates_to_documents_without_a_primary_key(tmp_path: Path) -> None:
    """Migrations 2, 3 and 4 rebuild `documents`: without its PRIMARY KEY (2), with `content_hash` in place
    of `sha256` (3), with the text stored ZSTD-compressed (4). Every row and value is kept, the columns
    keep their order, and new documents still take their ids from the sequence."""
    path = tmp_path / "old.vwb"
    texts = ["Très déçu 😡 du délai.", "Conseiller efficace,\nmerci !", "ok"]
    with Project.create(path, version=1) as old:
        with old.transaction():
            source = old.scalar(
                "INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 'a.csv', '/a.csv', 'f') RETURNING id"
            )
            for position, text in enumerate(texts, start=1):
                old.execute(
                    "INSERT INTO documents (source_id, kind, title, text, lang, occurred_at, n_chars, sha256, position) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [source, ["survey", "call", "email"][position - 1], f"t{position}" if position != 2 else None,
                     text, "fr" if position != 3 else None, datetime(2026, 3, position, 9, 15) if position != 1 else None,
                     len(text), hashlib.sha256(text.encode()).hexdigest(), position],
                )
        before_columns = [c[0] for c in old.execute("SELECT * FROM documents").description]
        before = old.rows("SELECT * FROM documents ORDER BY id")
        assert old.scalar("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'documents' "
                          "AND constraint_type = 'PRIMARY KEY'") == 1
    digest = before_columns.index("sha256")
    with Project.open(path) as migrated:
        assert migrated.schema_version == latest_version() >= 3
        columns = [c[0] for c in migrated.execute("SELECT * FROM documents").description]
        assert columns == [name if name != "sha256" else "content_hash" for name in before_columns]
        after = migrated.rows("SELECT * FROM documents ORDER BY id")
        assert [row[:digest] + row[digest + 1:] for row in after] == [row[:digest] + row[digest + 1:] for row in before]
        assert [row[digest] for row in after] == [migrated.scalar("SELECT hash(?)", [text]) for text in texts]
        assert migrated.scalar("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'documents' "
                               "AND constraint_type = 'PRIMARY KEY'") == 0
        migrated.execute("CHECKPOINT")
        assert migrated.rows("SELECT DISTINCT compression FROM pragma_storage_info('documents') "
                             "WHERE column_name = 'text' AND segment_type = 'VARCHAR'") == [("ZSTD",)]
        with migrated.transaction():
            new_id = migrated.scalar(
                "INSERT INTO documents (source_id, kind, text, n_chars, content_hash) VALUES (1, 'chat', 'x', 1, hash('x')) "
                "RETURNING id"
            )
        assert new_id == before[-1][0] + 1
        with pytest.raises(duckdb.ConstraintException):
            migrated.execute("INSERT INTO documents (id, source_id, kind, text, n_chars, content_hash) "
                             "VALUES (NULL, 1, 'chat', 'y', 1, 0)")
    with Project.create(tmp_path / "new.vwb") as created:
        assert created.rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'documents' "
                            "ORDER BY column_index") == _documents_layout(path)


def test_content_hashes_are_recomputed_when_duckdb_hash_is_not_the_one_that_computed_them(tmp_path: Path) -> None:
    """documents.content_hash is DuckDB's hash(), which DuckDB may change between versions. A project whose
    probe value differs from this DuckDB's (as after an upgrade) gets every hash recomputed at opening, so
    a re-imported verbatim is still found to be a duplicate."""
    path = tmp_path / "p.vwb"
    source = tmp_path / "avis.csv"
    source.write_text("id;commentaire\n1;Le conseiller a été parfait, merci !\n", encoding="utf-8")
    with Project.create(path) as project:
        assert project.get_meta("content_hash_probe") == str(project.scalar("SELECT hash(?)", [CONTENT_HASH_PROBE]))
        import_file(project, source)
        with project.transaction():  # what an older DuckDB's hash() would have left
            project.execute("UPDATE documents SET content_hash = content_hash + 1")
            project.set_meta("content_hash_probe", "12345")
    with Project.open(path) as reopened:
        assert reopened.scalar("SELECT count_if(content_hash <> hash(text)) FROM documents") == 0
        assert reopened.get_meta("content_hash_probe") == str(reopened.scalar("SELECT hash(?)", [CONTENT_HASH_PROBE]))
        again = tmp_path / "avis-bis.csv"
        again.write_text("id;commentaire\n9;Le conseiller a été parfait, merci !\n", encoding="utf-8")
        assert import_file(reopened, again).duplicates == 1


def _documents_layout(path: Path) -> list[tuple[str, str]]:
    with Project.open(path, read_only=True) as opened:
        return opened.rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'documents' "
                           "ORDER BY column_index")


def test_a_failing_migration_leaves_the_file_at_its_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.vwb"
    with Project.create(path, version=1) as old:
        add_coder_row(old, "claire", "reference")
    _with_extra_migration(monkeypatch, "ALTER TABLE coders ADD COLUMN email VARCHAR; SELECT * FROM no_such_table;")
    with pytest.raises(duckdb.Error):
        Project.open(path)
    monkeypatch.undo()
    with Project.open(path) as still_old:
        assert "email" not in [c[0] for c in still_old.execute("SELECT * FROM coders").description]
        assert still_old.rows("SELECT name FROM coders") == [("claire",)]


def test_a_file_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.vwb"
    with Project.create(path) as created:
        created.set_meta("schema_version", str(latest_version() + 5))
    with pytest.raises(ProjectTooNew, match="newer than this program"):
        Project.open(path)


def _everything(project: Project) -> tuple:
    """Every row of every table, and the schema objects that make the file a project."""
    tables = [row[0] for row in project.rows("SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1")]
    rows = {table: sorted(map(repr, project.rows(f'SELECT * FROM "{table}"'))) for table in tables}
    schema = [
        project.rows("SELECT table_name, column_name, data_type, column_default, is_nullable FROM duckdb_columns() "
                     "WHERE NOT internal ORDER BY ALL"),
        project.rows("SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY ALL"),
        project.rows("SELECT index_name, table_name, is_unique, sql FROM duckdb_indexes() ORDER BY ALL"),
        project.rows("SELECT sequence_name, last_value FROM duckdb_sequences() ORDER BY ALL"),
        project.rows("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL"),
    ]
    return rows, schema


def test_rewriting_a_project_keeps_every_row_and_schema_object(tmp_path: Path) -> None:
    from coded_project import build

    with Project.create(tmp_path / "p.vwb") as project:
        build(project)
        before = _everything(project)
        assert sum(len(rows) for rows in before[0].values()) > 50
        project.rewrite()
        assert _everything(project) == before
        assert not (tmp_path / "p.vwb.rewrite").exists()
        with pytest.raises(ProjectError, match="outside a transaction"), project.transaction():
            project.rewrite()
    with Project.open(tmp_path / "p.vwb", read_only=True) as reopened:
        assert _everything(reopened) == before
        with pytest.raises(ProjectError):
            reopened.rewrite()



def test_the_file_is_whole_when_the_program_ends_without_closing(tmp_path: Path) -> None:
    """A user copies the `.vwb` alone once the program has ended, even one that never closed its project
    and still held a worker handle (DuckDB checkpoints when the process ends normally)."""
    path = tmp_path / "p.vwb"
    script = textwrap.dedent(f"""
        from builders import add_coder_row
        from workbench.project import Project
        project = Project.create({str(path)!r})
        worker = project.worker()
        add_coder_row(project, "alice", "analyst")
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).parents[1])
    assert not Path(f"{path}.wal").exists()
    copy = tmp_path / "copy.vwb"
    copy.write_bytes(path.read_bytes())
    with Project.open(copy, read_only=True) as copied:
        assert copied.rows("SELECT name FROM coders WHERE name = 'alice'") == [("alice",)]
