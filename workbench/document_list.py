"""The document list a viewer pages through: filters that combine, a sort order, a count, and where a given
document sits in that order.

A project can hold a million verbatims, so a viewer holds only the ordered ids (`ordered_ids`) and reads
the rows it shows (`rows_for`); the order is stable (every sort ends on the id). The
filters an analyst combines to find "the e-mails of Île-de-France clients not yet coded as Facturation"
are one `DocumentQuery`, turned into SQL with bound parameters only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

import numpy as np

from workbench.errors import WorkbenchError
from workbench.project import DOCUMENT_KINDS, Project

SortKey = Literal["id", "kind", "title", "n_chars", "codings", "occurred_at"]
SORT_KEYS: tuple[SortKey, ...] = ("id", "kind", "title", "n_chars", "codings", "occurred_at")
# What the review filter offers: a document with pending suggestions is the reviewer's work list.
ReviewState = Literal["uncoded", "coded", "pending_suggestions", "no_pending_suggestions"]
REVIEW_STATES: tuple[ReviewState, ...] = ("uncoded", "coded", "pending_suggestions", "no_pending_suggestions")

# A document without a title (a table row, a message without subject) is shown as its file and position
# ("enquete.csv #12", the 12th data row): computed when shown, so imports store nothing more.
TITLE_SQL = "coalesce(d.title, s.name || ' #' || d.position, s.name, '')"
_SORT_SQL = {
    "id": "d.id",
    "kind": "d.kind",
    "title": f"strip_accents(lower({TITLE_SQL}))",
    "n_chars": "d.n_chars",
    "codings": "coalesce(n.codings, 0)",
    "occurred_at": "d.occurred_at",
}


@dataclass(frozen=True)
class DocumentRow:
    id: int
    kind: str
    title: str
    n_chars: int
    occurred_at: datetime | None
    codings: int


@dataclass(frozen=True)
class DocumentQuery:
    """Which documents a list shows and in what order; empty fields mean "no restriction".

    `has_codes` keeps documents with a coding of *any* of those codes (or their sub-codes), `lacks_codes`
    those with a coding of *none* of them; `values` keeps documents whose variable has one of the given
    values (several variables combine with AND); `coders` keeps documents someone among them coded."""

    kinds: tuple[str, ...] = ()
    contains: str | None = None
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()
    has_codes: tuple[int, ...] = ()
    lacks_codes: tuple[int, ...] = ()
    coders: tuple[int, ...] = ()
    review: ReviewState | None = None
    sort: SortKey = "id"
    descending: bool = False

    def __post_init__(self) -> None:
        unknown = [kind for kind in self.kinds if kind not in DOCUMENT_KINDS]
        if unknown:
            raise WorkbenchError(f"unknown document kind {unknown[0]!r}; choose among {', '.join(DOCUMENT_KINDS)}")
        if self.sort not in SORT_KEYS:
            raise WorkbenchError(f"cannot sort documents by {self.sort!r}; choose among {', '.join(SORT_KEYS)}")
        if self.review is not None and self.review not in REVIEW_STATES:
            raise WorkbenchError(f"unknown review state {self.review!r}; choose among {', '.join(REVIEW_STATES)}")

    def sorted_by(self, sort: SortKey, descending: bool = False) -> DocumentQuery:
        return replace(self, sort=sort, descending=descending)

    @property
    def is_filtered(self) -> bool:
        return bool(self.kinds or self.contains or self.values or self.has_codes or self.lacks_codes
                    or self.coders or self.review)


ALL_DOCUMENTS = DocumentQuery()


def _subtrees(project: Project, code_ids: tuple[int, ...]) -> list[int]:
    """The codes and all their descendants: asking for a group means every code under it."""
    if not code_ids:
        return []
    rows = project.rows(
        """
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM codes WHERE id IN (SELECT unnest(?::INTEGER[]))
            UNION SELECT c.id FROM codes c JOIN tree t ON c.parent_id = t.id)
        SELECT id FROM tree
        """,
        [list(code_ids)],
    )
    return [int(code_id) for (code_id,) in rows]


def _where(project: Project, query: DocumentQuery) -> tuple[str, list[Any]]:
    clauses, params = ["TRUE"], []
    if query.kinds:
        clauses.append("d.kind IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(query.kinds))
    if query.contains:
        # A plain accent- and case-insensitive substring for the list's quick filter; full search with
        # lemmas and phrases is workbench.search.
        clauses.append("(strip_accents(lower(d.text)) LIKE '%' || strip_accents(lower(?)) || '%' "
                       "OR strip_accents(lower(coalesce(d.title, ''))) LIKE '%' || strip_accents(lower(?)) || '%')")
        params.extend([query.contains, query.contains])
    for variable, wanted in query.values:
        clauses.append("d.id IN (SELECT dv.document_id FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
                       "WHERE v.name = ? AND dv.value IN (SELECT unnest(?::VARCHAR[])))")
        params.extend([variable, list(wanted)])
    if query.has_codes:
        clauses.append("d.id IN (SELECT document_id FROM codings WHERE code_id IN (SELECT unnest(?::INTEGER[])))")
        params.append(_subtrees(project, query.has_codes))
    if query.lacks_codes:
        clauses.append("d.id NOT IN (SELECT document_id FROM codings "
                       "WHERE code_id IN (SELECT unnest(?::INTEGER[])))")
        params.append(_subtrees(project, query.lacks_codes))
    if query.coders:
        clauses.append("d.id IN (SELECT document_id FROM codings WHERE coder_id IN (SELECT unnest(?::INTEGER[])))")
        params.append(list(query.coders))
    if query.review == "uncoded":
        clauses.append("d.id NOT IN (SELECT document_id FROM codings)")
    elif query.review == "coded":
        clauses.append("d.id IN (SELECT document_id FROM codings)")
    elif query.review == "pending_suggestions":
        clauses.append("d.id IN (SELECT document_id FROM suggestions WHERE status = 'pending')")
    elif query.review == "no_pending_suggestions":
        clauses.append("d.id NOT IN (SELECT document_id FROM suggestions WHERE status = 'pending')")
    return " AND ".join(clauses), params


def _order(query: DocumentQuery) -> str:
    direction = "DESC" if query.descending else "ASC"
    key = _SORT_SQL[query.sort]
    # NULLs (undated documents) last whatever the direction; the id breaks ties so pages never overlap.
    return f"{key} {direction} NULLS LAST, d.id {direction}" if query.sort != "id" else f"d.id {direction}"


def _needs_counts(query: DocumentQuery) -> bool:
    return query.sort == "codings"


def _from(query: DocumentQuery) -> str:
    counts = ("LEFT JOIN (SELECT document_id, count(*) AS codings FROM codings GROUP BY document_id) n "
              "ON n.document_id = d.id") if _needs_counts(query) else ""
    return f"documents d LEFT JOIN sources s ON s.id = d.source_id {counts}"


def ordered_ids(project: Project, query: DocumentQuery = ALL_DOCUMENTS) -> np.ndarray:
    """The ids of every document the query keeps, in its order (int64; 8 MB for a million documents).

    A viewer holds this list rather than asking for pages at an offset: a page deep into a sorted million
    costs a fifth of a second at an offset, 17 ms by ids, and "where is document N" is an array lookup."""
    where, params = _where(project, query)
    found = project.execute(
        f"SELECT d.id FROM {_from(query)} WHERE {where} ORDER BY {_order(query)}", params
    ).fetchnumpy()["id"]
    return np.asarray(found, dtype=np.int64)


def rows_for(project: Project, ids: Sequence[int]) -> list[DocumentRow]:
    """The list rows of `ids`, in that order, with how many codings each has; ids no longer in the
    project (removed meanwhile) are left out."""
    wanted = [int(i) for i in ids]
    if not wanted:
        return []
    found = {
        row[0]: row
        for row in project.rows(
            f"""
            SELECT d.id, d.kind, {TITLE_SQL}, d.n_chars, d.occurred_at,
                   (SELECT count(*) FROM codings c WHERE c.document_id = d.id)
            FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id BETWEEN ? AND ? AND d.id IN (SELECT unnest(?::BIGINT[]))
            """,
            # The range lets DuckDB skip the row groups outside it: a page in id order is one range.
            [min(wanted), max(wanted), wanted],
        )
    }
    return [DocumentRow(*found[i]) for i in wanted if i in found]


def variable_values(project: Project, variable: str, limit: int = 500) -> list[tuple[str, int]]:
    """The values a variable takes, most frequent first, for a filter's choice list (capped: a free-text
    variable can have as many values as documents)."""
    rows = project.rows(
        "SELECT dv.value, count(*) FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
        "WHERE v.name = ? AND dv.value IS NOT NULL GROUP BY dv.value ORDER BY count(*) DESC, dv.value LIMIT ?",
        [variable, limit],
    )
    return [(str(value), int(n)) for value, n in rows]
