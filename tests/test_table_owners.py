"""Each table has its owners: the engine modules allowed to write it. A new writer fails this test, so
that a rule kept by one path (an identical coding refused, a coder journalled) cannot be skipped by
another without someone deciding it here."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.project import Project

ENGINE = Path(__file__).resolve().parents[1] / "workbench"

# Erasure and pseudonymisation must reach every copy of a text or a document, whatever table holds it.
REWRITERS = {"removal.py", "text/pseudonymise_project.py"}
DOCUMENTS = {"ingest/store.py", "ingest/tables.py"}  # tables.py: the set-based path of a 1,000,000-row import
SEARCH_INDEX = {"text/tokens.py", "text/segment.py"}
OWNERS = {
    "codes": {"codebook.py"},
    "code_sets": {"codebook.py"},
    "code_set_members": {"codebook.py"},
    "codings": {"store/codings.py"},
    "suggestions": {"store/suggestions.py"},
    "memos": {"store/memos.py"},
    "coders": {"store/coders.py"},
    "journal": {"journal.py"},
    "sources": DOCUMENTS,
    "documents": DOCUMENTS | {"text/segment.py", "project.py"},  # the detected language; the hash migration
    "document_parts": DOCUMENTS,
    "variables": DOCUMENTS,
    "document_values": DOCUMENTS,
    "segments": SEARCH_INDEX | {"ingest/store.py"},  # speaker turns come with a transcript
    "terms": SEARCH_INDEX,
    "forms": SEARCH_INDEX,
    "tokens": SEARCH_INDEX,
    "text_status": SEARCH_INDEX,
    "runs": {"suggest/embed.py", "suggest/codes.py", "suggest/topics.py"},  # each records its own runs
    "embeddings": {"suggest/embed.py"},
    "suggest_fits": {"suggest/fits.py"},
    "topics": {"suggest/topics.py"},
    "unit_topics": {"suggest/topics.py"},
    "topic_edits": {"suggest/topic_edits.py"},
    "speaker_roles": {"suggest/roles.py"},
    "meta": {"project.py", "text/pseudonymise.py"},
    "pseudonyms": {"text/pseudonymise.py"},
    "pseudonym_keys": {"text/pseudonymise.py"},
    "refi_identities": {"ingest/refi.py"} | REWRITERS,
}
_WRITE = re.compile(
    r'(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b'
    r'|\b(?:rec|recorder|self)\.(?:insert|update|delete|update_many)\(\s*"([a-z_]+)"'
    r'|insert_columns\(\s*[\w.]+,\s*"([a-z_]+)"')


def writers() -> dict[str, set[str]]:
    """Table -> the engine modules whose code writes it by name."""
    found: dict[str, set[str]] = {}
    for path in ENGINE.rglob("*.py"):
        for match in _WRITE.finditer(path.read_text(encoding="utf-8")):
            table = next(group for group in match.groups() if group)
            found.setdefault(table, set()).add(path.relative_to(ENGINE).as_posix())
    return found


def test_every_table_is_written_only_by_its_owners(project: Project) -> None:
    tables = {row[0] for row in project.rows("SELECT table_name FROM duckdb_tables() WHERE NOT internal")}
    assert set(OWNERS) == tables, "a table was added or dropped: name its owner here"
    strays = {table: sorted(modules - OWNERS[table] - REWRITERS)
              for table, modules in writers().items() if table in OWNERS}
    assert {table: modules for table, modules in strays.items() if modules} == {}


def test_the_scan_sees_a_writer_outside_the_owners(tmp_path: Path) -> None:
    stray = ("project.execute('INSERT INTO codings (guid) VALUES (?)', ['x'])\nrec.update(\"coders\", 1, {})\n"
             "insert_columns(project.con, \"suggestions\", names, columns)\n")
    found = {next(group for group in match.groups() if group) for match in _WRITE.finditer(stray)}
    assert found == {"codings", "coders", "suggestions"}
