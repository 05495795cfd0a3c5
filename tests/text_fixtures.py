"""Helpers for the text pipeline tests: normalised documents inserted directly (`builders`), without the importer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from builders import add_document, add_source, set_value

from workbench.project import Project
from workbench.text.normalise import normalise_text


def add_documents(
    project: Project, texts: Sequence[str], kind: str = "survey", *,
    values: Sequence[dict[str, Any]] | None = None, dates: Sequence[datetime | None] | None = None,
) -> list[int]:
    """Insert normalised `texts` as documents with optional case variables; returns their ids."""
    source = project.scalar("SELECT id FROM sources LIMIT 1")
    if source is None:
        source = add_source(project, "t", kind="csv", origin="t", sha256="x")
    ids = []
    for index, raw in enumerate(texts):
        ids.append(add_document(project, normalise_text(raw), f"doc {index}", kind, source_id=source,
                                occurred_at=dates[index] if dates else None, position=None))
    for document_id, row in zip(ids, values or []):
        for name, value in row.items():
            set_value(project, document_id, name, value)
    return ids


def add_turns(project: Project, document_id: int, spans: Sequence[tuple[int, int, str]]) -> None:
    """Speaker turns as the importer writes them."""
    for start, end, speaker in spans:
        project.execute(
            "INSERT INTO segments (document_id, start_pos, end_pos, kind, speaker) VALUES (?, ?, ?, 'turn', ?)",
            [document_id, start, end, speaker],
        )
