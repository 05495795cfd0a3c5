"""Small builders for the coding, agreement and scoring tests: documents and codes by plain SQL, so these
tests depend neither on the importers nor on the codebook module."""

from __future__ import annotations

import hashlib
import uuid

from workbench.project import Project


def add_document(project: Project, text: str, title: str | None = None, kind: str = "other") -> int:
    """Insert a document (with a source of its own) and return its id."""
    digest = hashlib.sha256(f"{uuid.uuid4()}{text}".encode()).hexdigest()
    source_id = project.scalar(
        "INSERT INTO sources (kind, name, origin, sha256) VALUES ('txt', ?, '/tmp', ?) RETURNING id",
        [f"{title or 'doc'}.txt", digest],
    )
    return int(project.scalar(
        "INSERT INTO documents (source_id, kind, title, text, n_chars, content_hash, position) "
        "VALUES (?, ?, ?, ?, ?, hash(?), 1) RETURNING id",
        [source_id, kind, title, text, len(text), text],
    ))


def add_code(project: Project, name: str, parent_id: int | None = None, *, codable: bool = True,
             key: str | None = None, scheme: str | None = None) -> int:
    """Insert a code and return its id."""
    return int(project.scalar(
        "INSERT INTO codes (guid, parent_id, name, codable, key, scheme) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [str(uuid.uuid4()), parent_id, name, codable, key, scheme],
    ))


def add_coder_row(project: Project, name: str, role: str = "analyst") -> int:
    """Insert a coder with no journal row, as one that came with an imported project, and return its id;
    tests of the journal use it so the journal holds only the actions under test."""
    return int(project.scalar("INSERT INTO coders (name, role) VALUES (?, ?) RETURNING id", [name, role]))
