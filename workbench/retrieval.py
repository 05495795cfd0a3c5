"""Retrieval: every passage coded with a code, with a little of the text around it.

This is what an analyst reads to check that a code holds together ("show me everything coded
Facturation"). A code can have hundreds of thousands of codings in a large project, so passages come a page
at a time in a stable order (document, then position) with the total counted apart, and each passage is
cut in SQL to at most `max_chars` code points: a whole-document coding of a long e-mail never travels
whole to a list that shows two lines of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench import codebook
from workbench.document_list import TITLE_SQL as DOCUMENT_TITLE
from workbench.project import Project


@dataclass(frozen=True)
class Passage:
    """One coding as a reader sees it. `start` and `end` are code points into the document's text;
    `text` is the coded passage (its first `max_chars` code points, `truncated` when it is longer), `before`
    and `after` the context around it, cut at a word boundary; `more_before` and `more_after` say whether
    the document goes on beyond that context (a reader shows "…" there)."""

    coding_id: int
    document_id: int
    document_title: str
    code_id: int
    code_name: str
    coder: str
    start: int
    end: int
    text: str
    before: str
    after: str
    truncated: bool
    more_before: bool
    more_after: bool


def _codes(project: Project, code_id: int, include_descendants: bool) -> list[int]:
    return [code_id, *codebook.descendants(project, code_id)] if include_descendants else [code_id]


def count_coded_passages(project: Project, code_id: int, *, include_descendants: bool = False) -> int:
    """How many codings `coded_passages` would list in all, for "200 of 12,408 passages"."""
    codes = _codes(project, code_id, include_descendants)
    marks = ", ".join("?" for _ in codes)
    return int(project.scalar(f"SELECT count(*) FROM codings WHERE code_id IN ({marks})", codes))


def _trim_before(text: str, cut: bool) -> str:
    """Drop the word the context window cut in half at its left end."""
    if not cut:
        return text
    space = text.find(" ")
    return text[space + 1:] if 0 <= space < len(text) - 1 else text


def _trim_after(text: str, cut: bool) -> str:
    if not cut:
        return text
    space = text.rfind(" ")
    return text[:space] if space > 0 else text


def coded_passages(project: Project, code_id: int, *, include_descendants: bool = False, context: int = 80,
                   offset: int = 0, limit: int = 100, max_chars: int = 400) -> list[Passage]:
    """One page of the passages coded with `code_id` (and its sub-codes with `include_descendants`), in
    document order, each with up to `context` code points of text on either side."""
    codebook.get_code(project, code_id)  # an unknown code is an error, not an empty list
    codes = _codes(project, code_id, include_descendants)
    marks = ", ".join("?" for _ in codes)
    rows = project.rows(
        f"""
        WITH page AS (
            SELECT id, document_id, code_id, coder_id, start_pos, end_pos FROM codings
            WHERE code_id IN ({marks}) ORDER BY document_id, start_pos, end_pos, id LIMIT ? OFFSET ?
        )
        SELECT p.id, p.document_id, {DOCUMENT_TITLE}, p.code_id, k.name, coalesce(u.name, '?'),
               p.start_pos, p.end_pos,
               substring(d.text, p.start_pos + 1, least(p.end_pos - p.start_pos, ?)),
               substring(d.text, greatest(p.start_pos - ?, 0) + 1, p.start_pos - greatest(p.start_pos - ?, 0)),
               CASE WHEN p.end_pos - p.start_pos > ? THEN '' ELSE substring(d.text, p.end_pos + 1, ?) END,
               p.start_pos > ?, p.end_pos + ? < d.n_chars
        FROM page p JOIN documents d ON d.id = p.document_id LEFT JOIN sources s ON s.id = d.source_id
        JOIN codes k ON k.id = p.code_id LEFT JOIN coders u ON u.id = p.coder_id
        ORDER BY p.document_id, p.start_pos, p.end_pos, p.id
        """,
        [*codes, limit, offset, max_chars, context, context, max_chars, context, context, context],
    )
    passages = []
    for (coding_id, document_id, title, code, name, coder, start, end, text, before, after,
         cut_before, cut_after) in rows:
        truncated = end - start > max_chars
        passages.append(Passage(
            coding_id, document_id, title, code, name, coder, start, end, text,
            _trim_before(before, cut_before), "" if truncated else _trim_after(after, cut_after), truncated,
            cut_before, cut_after or truncated,
        ))
    return passages
