"""The units that get embedded, clustered into topics and suggested codes: documents or segments.

Why not always documents: a 40-minute call transcript or a long e-mail thread talks about several things,
and one vector for it blurs them; a suggestion must point at a span the analyst can accept as a coding.
Why not always segments: a survey answer of two lines is one thought, and its sentences alone lose the
context. So `auto` keeps short documents whole and splits long ones into their speaker turns (or their
sentences when there are no turns), using the segments that `workbench segment` stored. A project that
has not been segmented yet falls back to whole documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import WorkbenchError
from workbench.project import Project

UNIT_MODES = ("auto", "documents", "segments")
# Documents longer than this (code points) are split into segments in `auto` mode.
LONG_DOCUMENT_CHARS = 1200
# Segments shorter than this ("Oui.", "D'accord merci") carry no codable content and are skipped.
MIN_SEGMENT_CHARS = 20


@dataclass(frozen=True)
class Unit:
    """A span of one document: the whole text (kind 'document') or one segment (kind 'segment')."""

    kind: str
    id: int
    document_id: int
    start: int
    end: int
    text: str


def _segment_sql(where_documents: str) -> str:
    # One segment kind per document: its turns when it has any (transcripts), else its sentences.
    return f"""
        SELECT 'segment', s.id, s.document_id, s.start_pos, s.end_pos,
               substring(d.text, s.start_pos + 1, s.end_pos - s.start_pos)
        FROM segments s
        JOIN (
            SELECT document_id, CASE WHEN bool_or(kind = 'turn') THEN 'turn' ELSE 'sentence' END AS kind
            FROM segments GROUP BY document_id
        ) c ON c.document_id = s.document_id AND c.kind = s.kind
        JOIN documents d ON d.id = s.document_id
        WHERE s.end_pos - s.start_pos >= {MIN_SEGMENT_CHARS} AND {where_documents}
    """


def load_units(project: Project, mode: str = "auto") -> list[Unit]:
    """All units of the project in a stable order (document id, then offset)."""
    if mode not in UNIT_MODES:
        raise WorkbenchError(f"unknown unit kind {mode!r}; choose one of {', '.join(UNIT_MODES)}")
    whole = "SELECT 'document', id, id, 0, n_chars, text FROM documents d WHERE n_chars > 0 AND {cond}"
    if mode == "documents":
        sql = whole.format(cond="TRUE")
    else:
        has_segments = "d.id IN (SELECT document_id FROM segments)"
        split = has_segments if mode == "segments" else f"d.n_chars > {LONG_DOCUMENT_CHARS} AND {has_segments}"
        sql = f"{whole.format(cond=f'NOT ({split})')} UNION ALL {_segment_sql(split)}"
    rows = project.rows(f"SELECT * FROM ({sql}) ORDER BY 3, 4, 2")
    return [Unit(*row) for row in rows]


def unit_label(mode_units: list[Unit]) -> str:
    """'documents', 'segments' or 'documents+segments': what a run actually used, for `runs.params`."""
    kinds = sorted({unit.kind for unit in mode_units})
    return "+".join(f"{kind}s" for kind in kinds) or "none"
