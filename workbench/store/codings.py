"""The `codings` table's owner: a code applied by a coder to `[start, end)` of a document's text.

Every path that creates a coding (the coding commands, the review queue's accept and relabel) goes through
`validate` and `insert`, so the rules hold whichever way a coding is made: the document exists and is not
empty, the span lies inside its text (code points of the stored text), the code exists and is codable, the
coder exists, and the same coder never holds the *identical* coding twice (same document, code and span),
which would only double-count in frequencies and agreement. Overlapping codings stay allowed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbench.errors import AlreadyCoded, CodingError, GroupingCode
from workbench.journal import Recorder
from workbench.project import Project
from workbench.store.memos import delete_memos_on, retarget_memos

ORIGINS = ("manual", "suggestion", "autocode", "import")
_EXCERPT = 60

# Validation reads in two statements: the document, then one UNION ALL of plain lookups (every code, the
# coder, an identical coding). Measured on DuckDB with 100,000 documents: the union costs a third of the
# three lookups sent one by one, while the same lookups as scalar subqueries of one SELECT cost more than
# all of them separately (planning dominates); an index on codings(document_id) would not pay either.
_DOCUMENT = f"SELECT n_chars, substring(text, ? + 1, {_EXCERPT + 1}) FROM documents WHERE id = ?"
_LOOKUPS = """
SELECT 'code', id, parent_id, name, codable FROM codes
UNION ALL
SELECT 'coder', id, NULL, name, NULL FROM coders WHERE id = ?
UNION ALL
(SELECT 'twin', id, NULL, NULL, NULL FROM codings
 WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_pos = ? AND end_pos = ? LIMIT 1)
"""


@dataclass(frozen=True)
class Coding:
    """One row of `codings`."""

    id: int
    guid: str
    document_id: int
    code_id: int
    start: int
    end: int
    coder_id: int
    origin: str
    suggestion_id: int | None
    created_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        """The row under its column names, as the commands and the GUI have always read it."""
        return {"id": self.id, "guid": self.guid, "document_id": self.document_id, "code_id": self.code_id,
                "start_pos": self.start, "end_pos": self.end, "coder_id": self.coder_id, "origin": self.origin,
                "suggestion_id": self.suggestion_id, "created_at": self.created_at}


@dataclass(frozen=True)
class Checked:
    """A coding that may be made, with what its journal line needs."""

    start: int
    end: int
    whole: bool  # the span is the whole document
    path: str  # of the code
    coder: str  # the coder's name
    excerpt: str  # beginning of the coded text, for the audit line
    twin: int | None  # the identical coding this coder already holds, if any

    def refuse_twin(self, document_id: int) -> None:
        """CodingError when the coder already holds this very coding."""
        if self.twin is not None:
            raise AlreadyCoded(f"{self.coder} already coded document {document_id} [{self.start}, {self.end}) "
                               f"with {self.path!r} (coding {self.twin})", coder=self.coder, path=self.path,
                               coding_id=self.twin)


def _path(codes: dict[int, tuple[int | None, str, bool]], code_id: int) -> str:
    """The "Parent/Child" path from the (parent, name, codable) of every code; depth-capped against a cycle."""
    names: list[str] = []
    current: int | None = code_id
    while current is not None and current in codes and len(names) < 100:
        parent, name, _ = codes[current]
        names.append(name)
        current = parent
    return "/".join(reversed(names))


def validate(project: Project, document_id: int, code_id: int, coder_id: int, start: int | None,
             end: int | None) -> Checked:
    """Check a coding against the table's rules; CodingError says why it may not be made. An identical
    coding is reported in `Checked.twin`, not refused, so that each caller decides (a manual coding refuses
    it, an accepted suggestion reuses it)."""
    if (start is None) != (end is None):
        raise CodingError("give both start and end, or neither to code the whole document")
    found = project.execute(_DOCUMENT, [start or 0, document_id]).fetchone()
    if found is None:
        raise CodingError(f"unknown document {document_id}")
    n_chars, excerpt = found
    if n_chars == 0:
        raise CodingError(f"document {document_id} is empty: there is nothing to code")
    start, end = (0, n_chars) if start is None else (start, end)
    if not (0 <= start < end <= n_chars):
        raise CodingError(
            f"span [{start}, {end}) is not inside document {document_id}, which has {n_chars} characters "
            f"(need 0 <= start < end <= {n_chars})"
        )
    codes: dict[int, tuple[int | None, str, bool]] = {}
    coder_name = twin = None
    for kind, row_id, parent_id, name, codable in project.rows(
            _LOOKUPS, [coder_id, document_id, code_id, coder_id, start, end]):
        if kind == "code":
            codes[row_id] = (parent_id, name, codable)
        elif kind == "coder":
            coder_name = name
        else:
            twin = row_id
    if code_id not in codes:
        raise CodingError(f"unknown code {code_id}")
    path = _path(codes, code_id)
    if not codes[code_id][2]:
        raise GroupingCode(f"code {path!r} is a grouping node and cannot be applied; choose one of its children",
                           path=path)
    if coder_name is None:
        raise CodingError(f"unknown coder id {coder_id}")
    excerpt = (excerpt or "")[:end - start]
    return Checked(start, end, start == 0 and end == n_chars, path, coder_name,
                   excerpt[:_EXCERPT] + "…" if len(excerpt) > _EXCERPT else excerpt, twin)


def insert(rec: Recorder, document_id: int, code_id: int, coder_id: int, checked: Checked, *,
           origin: str = "manual", suggestion_id: int | None = None, guid: str | None = None,
           created_at: datetime | None = None) -> int:
    """Write a coding that `validate` passed, inside the caller's journalled action; returns its id.
    `guid` and `created_at` are given when the coding comes from another copy of the project (a team
    merge), so that it keeps its identity and date there too."""
    if origin not in ORIGINS:
        raise CodingError(f"unknown origin {origin!r}; choose one of {', '.join(ORIGINS)}")
    values: dict[str, Any] = {
        "guid": guid or str(uuid.uuid4()), "document_id": document_id, "code_id": code_id,
        "start_pos": checked.start, "end_pos": checked.end, "coder_id": coder_id, "origin": origin,
        "suggestion_id": suggestion_id,
    }
    if created_at is not None:
        values["created_at"] = created_at
    return rec.insert("codings", values)


def get(project: Project, coding_id: int) -> Coding:
    """One coding, or CodingError when there is none."""
    rows = project.rows("SELECT id, guid, document_id, code_id, start_pos, end_pos, coder_id, origin, "
                        "suggestion_id, created_at FROM codings WHERE id = ?", [coding_id])
    if not rows:
        raise CodingError(f"unknown coding {coding_id}")
    return Coding(*rows[0])


def detach_suggestions(rec: Recorder, suggestion_ids: list[int]) -> None:
    """The suggestions these codings came from are being deleted: the codings stay, without the link."""
    if suggestion_ids:
        linked = [row[0] for row in rec.project.rows("SELECT id FROM codings WHERE suggestion_id = ANY(?)",
                                                     [suggestion_ids])]
        rec.update_many("codings", linked, {"suggestion_id": None})


def delete(rec: Recorder, coding_ids: list[int]) -> int:
    """Delete codings with the memos written on them, inside the caller's action; returns the memos gone."""
    if not coding_ids:
        return 0
    memos = delete_memos_on(rec, "coding", coding_ids)
    rec.delete("codings", coding_ids)
    return memos


def set_span(rec: Recorder, coding_id: int, checked: Checked) -> None:
    """Move a coding to a span `validate` passed."""
    rec.update("codings", coding_id, {"start_pos": checked.start, "end_pos": checked.end})


def set_code(rec: Recorder, coding_id: int, code_id: int) -> None:
    """Give a coding a code `validate` passed for its span."""
    rec.update("codings", coding_id, {"code_id": code_id})


def delete_for_codes(rec: Recorder, code_ids: list[int]) -> None:
    """Codes are being deleted: their codings go, with the memos on them."""
    delete(rec, [row[0] for row in rec.project.rows(
        "SELECT id FROM codings WHERE code_id = ANY(?) ORDER BY id", [code_ids])])


def merge_codes(rec: Recorder, source_id: int, target_id: int) -> int:
    """The source code's codings become the target's. Where a coder held both codes on the same span, the
    source's coding would be an identical twin: it goes, and its memos move to the one that stays.
    Returns how many twins were dropped."""
    project = rec.project
    twins = dict(project.rows(
        "SELECT s.id, min(t.id) FROM codings s JOIN codings t ON t.code_id = ? AND t.document_id = s.document_id "
        "AND t.start_pos = s.start_pos AND t.end_pos = s.end_pos AND t.coder_id = s.coder_id "
        "WHERE s.code_id = ? GROUP BY s.id", [target_id, source_id]))
    if twins:
        retarget_memos(rec, "coding", twins)
        rec.delete("codings", sorted(twins))
    moved = [row[0] for row in project.rows("SELECT id FROM codings WHERE code_id = ? ORDER BY id", [source_id])]
    rec.update_many("codings", moved, {"code_id": target_id})
    return len(twins)
