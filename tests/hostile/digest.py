"""One hash per table of a project, so that "a refused input left the project as it was" is one assertion.

The tables come from DuckDB's catalogue, not from a list kept here: a table added to the schema later is
covered without anyone remembering to add it. Rows are hashed in the order of their text form, which does
not depend on where DuckDB happens to store them (a rolled-back insert can leave rows in another order)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.project import Project


def project_tables(project: Project) -> list[str]:
    """Every base table of the project's own database, temporary tables of the connection excluded."""
    return [row[0] for row in project.rows(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary AND NOT internal ORDER BY table_name")]


def project_digest(project: Project) -> dict[str, str]:
    """{table: SHA-256 over its rows} for every table of the project."""
    digests = {}
    for table in project_tables(project):
        quoted = '"' + table.replace('"', '""') + '"'
        rows = project.rows(f"SELECT CAST(t AS VARCHAR) AS line FROM {quoted} t ORDER BY line")
        content = hashlib.sha256()
        for (line,) in rows:
            content.update(line.encode("utf-8", "surrogatepass") + b"\x00")
        digests[table] = f"{len(rows)}:{content.hexdigest()}"
    return digests


def file_digest(path: Path) -> dict[str, str]:
    """`project_digest` of a closed project file (for the command line's tests)."""
    with Project.open(path, read_only=True) as project:
        return project_digest(project)
