"""Read-only queries that page through a project for the GUI (and any other viewer).

A document is loaded whole only when it is opened; the document list itself is workbench.document_list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbench.document_list import TITLE_SQL
from workbench.project import Project


@dataclass(frozen=True)
class CodingSpan:
    id: int
    code_id: int
    code_name: str
    color: str | None
    start: int
    end: int
    coder: str
    origin: str


@dataclass(frozen=True)
class SegmentSpan:
    id: int
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass
class DocumentView:
    id: int
    kind: str
    title: str
    text: str
    lang: str | None
    occurred_at: datetime | None
    variables: dict[str, Any] = field(default_factory=dict)
    codings: list[CodingSpan] = field(default_factory=list)
    segments: list[SegmentSpan] = field(default_factory=list)
    parts: list[tuple[str, str]] = field(default_factory=list)


def document_kinds(project: Project) -> list[tuple[str, int]]:
    return [(kind, int(n)) for kind, n in project.rows("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY kind")]


def document_exists(project: Project, document_id: int) -> bool:
    """Whether a document is still there (a view showing it refreshes after a removal)."""
    return project.scalar("SELECT count(*) FROM documents WHERE id = ?", [document_id]) > 0


def document_view(project: Project, document_id: int) -> DocumentView:
    """Everything a document viewer shows: text, variables, codings with code colours, segments."""
    from workbench.errors import WorkbenchError

    found = project.rows(
        f"SELECT d.id, d.kind, {TITLE_SQL}, d.text, d.lang, d.occurred_at FROM documents d "
        "LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?", [document_id]
    )
    if not found:
        raise WorkbenchError(f"no document {document_id} in this project")
    view = DocumentView(*found[0])
    view.variables = dict(
        project.rows(
            "SELECT v.name, dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
            "WHERE dv.document_id = ? ORDER BY v.name",
            [document_id],
        )
    )
    view.codings = [
        CodingSpan(*row)
        for row in project.rows(
            """
            SELECT c.id, c.code_id, k.name, k.color, c.start_pos, c.end_pos, coalesce(u.name, '?'), c.origin
            FROM codings c JOIN codes k ON k.id = c.code_id LEFT JOIN coders u ON u.id = c.coder_id
            WHERE c.document_id = ? ORDER BY c.start_pos, c.end_pos, c.id
            """,
            [document_id],
        )
    ]
    view.segments = [
        SegmentSpan(*row)
        for row in project.rows(
            "SELECT id, start_pos, end_pos, kind, speaker FROM segments WHERE document_id = ? ORDER BY start_pos, kind",
            [document_id],
        )
    ]
    view.parts = project.rows("SELECT kind, text FROM document_parts WHERE document_id = ?", [document_id])
    return view


def variable_names(project: Project) -> list[tuple[str, str]]:
    """(name, type) of every case variable, for filter and chart choices."""
    return [(name, kind) for name, kind in project.rows("SELECT name, type FROM variables ORDER BY name")]


def topic_members(project: Project, run_id: int, topic: int, limit: int = 200) -> list[dict[str, Any]]:
    """Units of one topic, the most typical first (highest probability), as spans of their documents
    with the first 200 characters of each (a whole call's customer's words, what the topic was fitted on):
    what the topic explorer lists and opens."""
    from workbench.suggest.units import customer_words

    rows = project.dicts(
        """
        SELECT d.id AS document_id, coalesce(s.start_pos, 0) AS start_pos, coalesce(s.end_pos, d.n_chars) AS end_pos,
               substring(d.text, coalesce(s.start_pos, 0) + 1, least(coalesce(s.end_pos, d.n_chars)
                         - coalesce(s.start_pos, 0), 200)) AS text,
               ut.probability, ut.unit_kind
        FROM unit_topics ut
        LEFT JOIN segments s ON ut.unit_kind = 'segment' AND s.id = ut.unit_id
        JOIN documents d ON d.id = coalesce(s.document_id, ut.unit_id)
        WHERE ut.run_id = ? AND ut.topic = ?
        ORDER BY ut.probability DESC NULLS LAST, d.id, start_pos
        LIMIT ?
        """,
        [run_id, topic, limit],
    )
    words = customer_words(project, [row["document_id"] for row in rows if row["unit_kind"] == "document"])
    for row in rows:
        if row.pop("unit_kind") == "document" and row["document_id"] in words:
            row["text"] = words[row["document_id"]][:200]
    return rows


def recent_codes(project: Project, coder: str, limit: int = 5) -> list[int]:
    """The codes this coder applied most recently, newest first: the coding menu offers them again. Only the
    coder's latest codings are looked at, so the menu opens at once on a project with millions of them."""
    return [row[0] for row in project.rows(
        """
        SELECT g.code_id FROM (
            SELECT c.id, c.code_id FROM codings c JOIN coders k ON k.id = c.coder_id
            WHERE k.name = ? ORDER BY c.id DESC LIMIT 500) g
        GROUP BY g.code_id ORDER BY max(g.id) DESC LIMIT ?
        """,
        [coder, limit],
    )]


def _windows(low: int, high: int) -> list[tuple[int, int]]:
    """(low, high] as windows of ids growing sixteen-fold: the next uncoded document is usually close."""
    windows, size = [], 1024
    while low < high:
        windows.append((low, min(low + size, high)))
        low, size = low + size, size * 16
    return windows


def next_uncoded_document(project: Project, after_id: int | None) -> int | None:
    """The first document after `after_id` (in id order, wrapping round) that nobody has coded yet, or None
    when every document has a coding: what "next uncoded" jumps to.

    Looked for in windows of ids, each a range scan of `codings.document_id`: on a million documents
    with 900,000 codings a window takes a few milliseconds, where one anti-join over all codings took
    140 ms, too long for a key press."""
    top = project.scalar("SELECT max(id) FROM documents")
    if top is None:
        return None
    start = -1 if after_id is None else after_id
    for low, high in [*_windows(start, top), *_windows(-1, min(start, top))]:
        found = project.scalar(
            """
            SELECT min(d.id) FROM documents d
            WHERE d.id > ? AND d.id <= ?
              AND d.id NOT IN (SELECT c.document_id FROM codings c WHERE c.document_id > ? AND c.document_id <= ?)
            """,
            [low, high, low, high],
        )
        if found is not None:
            return int(found)
    return None
