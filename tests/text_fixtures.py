"""Helpers for the text pipeline tests: documents inserted directly, without the importer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from workbench.project import Project
from workbench.text.normalise import normalise_text


def add_documents(
    project: Project, texts: Sequence[str], kind: str = "survey", *,
    values: Sequence[dict[str, Any]] | None = None, dates: Sequence[datetime | None] | None = None,
) -> list[int]:
    """Insert normalised `texts` as documents with optional case variables; returns their ids."""
    source = project.scalar("SELECT id FROM sources LIMIT 1")
    if source is None:
        source = project.scalar(
            "INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 't', 't', 'x') RETURNING id"
        )
    ids = []
    for index, raw in enumerate(texts):
        text = normalise_text(raw)
        occurred = dates[index] if dates else None
        ids.append(int(project.scalar(
            "INSERT INTO documents (source_id, kind, title, text, n_chars, content_hash, occurred_at) "
            "VALUES (?, ?, ?, ?, ?, hash(?), ?) RETURNING id",
            [source, kind, f"doc {index}", text, len(text), text, occurred],
        )))
    for document_id, row in zip(ids, values or []):
        for name, value in row.items():
            kind_of = "integer" if isinstance(value, int) else "text"
            variable = project.scalar("SELECT id FROM variables WHERE name = ?", [name])
            if variable is None:
                variable = project.scalar("INSERT INTO variables (name, type) VALUES (?, ?) RETURNING id", [name, kind_of])
            project.execute("INSERT INTO document_values VALUES (?, ?, ?)", [document_id, variable, str(value)])
    return ids


def add_turns(project: Project, document_id: int, spans: Sequence[tuple[int, int, str]]) -> None:
    """Speaker turns as the importer writes them."""
    for start, end, speaker in spans:
        project.execute(
            "INSERT INTO segments (document_id, start_pos, end_pos, kind, speaker) VALUES (?, ?, ?, 'turn', ?)",
            [document_id, start, end, speaker],
        )
