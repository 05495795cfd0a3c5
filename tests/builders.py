"""The one place tests write documents, codes and coders by plain SQL, without the importers, the codebook
module or the journal, so a test depends only on the schema and on the module it is about.

- `add_source` and `add_document`: a document with its source (a source of its own unless `source_id` is
  given), optional kind, title, language, date, position and case variables (`set_value`);
- `add_code`: a code, with any of the codebook's columns;
- `add_coder_row`: a coder with no journal row, as one that came with an imported project.

An `id` given to a builder is written as is and does not move the table's sequence (for fixtures that
count by hand, such as `coded_project`); leave it out to take the next id.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from workbench.project import Project


def _insert(project: Project, table: str, row: dict[str, Any]) -> int:
    """INSERT one row of `row`'s columns (an `id` of None is left to the sequence); returns its id."""
    if row.get("id") is None:
        row.pop("id", None)
    columns = ", ".join(row)
    marks = ", ".join("hash(?)" if column == "content_hash" else "?" for column in row)
    return int(project.scalar(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", list(row.values())))


def add_source(project: Project, name: str = "doc.txt", *, kind: str = "txt", origin: str = "/tmp",
               sha256: str | None = None, id: int | None = None) -> int:
    """Insert a source and return its id; `sha256` (unique per project) is random unless given."""
    digest = sha256 if sha256 is not None else hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    return _insert(project, "sources", {"id": id, "kind": kind, "name": name, "origin": origin, "sha256": digest})


def add_document(project: Project, text: str, title: str | None = None, kind: str = "other", *,
                 source_id: int | None = None, source_name: str | None = None, source_sha256: str | None = None,
                 lang: str | None = None, occurred_at: datetime | None = None, position: int | None = 1,
                 variables: Mapping[str, Any] | None = None, id: int | None = None) -> int:
    """Insert a document and return its id. `text` is stored as given (normalise it first if it needs it).

    Without `source_id`, the document gets a 'txt' source of its own named `source_name` (default
    "<title or doc>.txt"). `variables` are case variables by name (`set_value`, type guessed from the value).
    """
    if source_id is None:
        source_id = add_source(project, source_name or f"{title or 'doc'}.txt", sha256=source_sha256)
    document_id = _insert(project, "documents", {
        "id": id, "source_id": source_id, "kind": kind, "title": title, "text": text, "lang": lang,
        "occurred_at": occurred_at, "n_chars": len(text), "content_hash": text, "position": position,
    })
    for name, value in (variables or {}).items():
        set_value(project, document_id, name, value)
    return document_id


def set_value(project: Project, document_id: int, name: str, value: Any, var_type: str | None = None) -> None:
    """Give a document a value of the case variable `name`, creating the variable when it is new, of type
    `var_type` or else "integer" for an int and "text" for anything else; the value is stored as text."""
    variable = project.scalar("SELECT id FROM variables WHERE name = ?", [name])
    if variable is None:
        kind_of = var_type or ("integer" if isinstance(value, int) else "text")
        variable = project.scalar("INSERT INTO variables (name, type) VALUES (?, ?) RETURNING id", [name, kind_of])
    project.execute("INSERT INTO document_values VALUES (?, ?, ?)",
                    [document_id, variable, None if value is None else str(value)])


def add_code(project: Project, name: str, parent_id: int | None = None, *, codable: bool = True,
             key: str | None = None, scheme: str | None = None, color: str | None = None,
             description: str | None = None, indicators: Sequence[str] | None = None,
             attributes: Mapping[str, Any] | None = None, position: int = 0, guid: str | None = None,
             id: int | None = None) -> int:
    """Insert a code and return its id; `guid` is random unless given."""
    return _insert(project, "codes", {
        "id": id, "guid": guid or str(uuid.uuid4()), "parent_id": parent_id, "name": name, "codable": codable,
        "key": key, "scheme": scheme, "color": color, "description": description,
        "indicators": list(indicators) if indicators is not None else None,
        "attributes": json.dumps(attributes) if attributes else None, "position": position,
    })


def add_coder_row(project: Project, name: str, role: str = "analyst", *, id: int | None = None) -> int:
    """Insert a coder with no journal row, as one that came with an imported project, and return its id;
    tests of the journal use it so the journal holds only the actions under test."""
    return _insert(project, "coders", {"id": id, "name": name, "role": role})
