"""Codings: a code applied by a coder to a span `[start, end)` of a document (code points into its text).

Every function that changes codings is one journalled action (one transaction, one journal row), so it can
be undone and shows in the audit trail. Overlapping codings, even of the same code, are allowed (two coders,
or one coder marking a nested passage); what is refused is the *identical* coding twice by the same coder
(same document, code and span), because it would only double-count in frequencies and agreement.
"""

from __future__ import annotations

import uuid
from typing import Any, NamedTuple

from workbench.codebook import code_path
from workbench.coders import acting_as, coder_by_name, resolve_coder
from workbench.errors import CodingError
from workbench.journal import action
from workbench.project import Project

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


def _path(codes: dict[int, tuple[int | None, str, bool]], code_id: int) -> str:
    """The "Parent/Child" path from the (parent, name, codable) of every code; depth-capped against a cycle."""
    names: list[str] = []
    current: int | None = code_id
    while current is not None and len(names) < 100:
        parent, name, _ = codes[current]
        names.append(name)
        current = parent
    return "/".join(reversed(names))


class _Checked(NamedTuple):
    start: int
    end: int
    whole: bool  # the span is the whole document
    path: str  # of the code
    excerpt: str  # beginning of the coded text, for the audit line


def _validated(project: Project, document_id: int, code_id: int, coder_id: int, start: int | None,
               end: int | None) -> _Checked:
    """The coding that may be made, or CodingError saying why not."""
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
        raise CodingError(f"code {path!r} is a grouping node and cannot be applied; choose one of its children")
    if coder_name is None:
        raise CodingError(f"unknown coder id {coder_id}")
    if twin is not None:
        raise CodingError(f"{coder_name} already coded document {document_id} [{start}, {end}) with "
                          f"{path!r} (coding {twin})")
    excerpt = (excerpt or "")[:end - start]
    return _Checked(start, end, start == 0 and end == n_chars, path,
                    excerpt[:_EXCERPT] + "…" if len(excerpt) > _EXCERPT else excerpt)


def _coding(project: Project, coding_id: int) -> dict[str, Any]:
    rows = project.dicts("SELECT * FROM codings WHERE id = ?", [coding_id])
    if not rows:
        raise CodingError(f"unknown coding {coding_id}")
    return rows[0]


def apply_code(
    project: Project,
    document_id: int,
    code_id: int,
    start: int | None = None,
    end: int | None = None,
    *,
    coder: int | str,
    role: str | None = None,
    origin: str = "manual",
    suggestion_id: int | None = None,
) -> int:
    """Code `[start, end)` of a document (the whole document when no span is given); returns the coding id.

    `coder` is a coder id or a name; a new name creates the coder (as `role`, analyst by default), as an
    action of its own in the same transaction. Raises CodingError for an unknown document, code or coder, a
    grouping code, a span outside the text, or the identical coding already made by this coder; then
    nothing is written."""
    if origin not in ORIGINS:
        raise CodingError(f"unknown origin {origin!r}; choose one of {', '.join(ORIGINS)}")
    with project.transaction():
        coder_id = int(coder) if not isinstance(coder, str) and role is None else resolve_coder(project, coder, role)
        checked = _validated(project, document_id, code_id, coder_id, start, end)
        with action(project, "apply_code", coder_id) as rec:
            coding_id = rec.insert(
                "codings",
                {
                    "guid": str(uuid.uuid4()),
                    "document_id": document_id,
                    "code_id": code_id,
                    "start_pos": checked.start,
                    "end_pos": checked.end,
                    "coder_id": coder_id,
                    "origin": origin,
                    "suggestion_id": suggestion_id,
                },
            )
            where = "the whole of document" if checked.whole else f"[{checked.start}, {checked.end}) of document"
            rec.describe({"coding_id": coding_id, "document_id": document_id, "code_id": code_id,
                          "code": checked.path, "start": checked.start, "end": checked.end, "origin": origin},
                         f"coded {where} {document_id} with {checked.path}"
                         + ("" if checked.whole else f": «{checked.excerpt}»"))
    return coding_id


def code_segment(project: Project, segment_id: int, code_id: int, *, coder: int | str, role: str | None = None,
                 origin: str = "manual") -> int:
    """Code a whole segment (sentence, speaker turn, paragraph) with its exact span."""
    rows = project.rows("SELECT document_id, start_pos, end_pos FROM segments WHERE id = ?", [segment_id])
    if not rows:
        raise CodingError(f"unknown segment {segment_id}")
    document_id, start, end = rows[0]
    return apply_code(project, document_id, code_id, start, end, coder=coder, role=role, origin=origin)


def remove_coding(project: Project, coding_id: int, *, coder: int | str | None = None) -> None:
    """Delete a coding and the memos written on it. `coder` is who removes it (by default its own coder)."""
    row = _coding(project, coding_id)
    label = code_path(project, row["code_id"])
    with acting_as(project, "remove_coding", coder, default=row["coder_id"]) as rec:
        memo_ids = [r[0] for r in project.rows(
            "SELECT id FROM memos WHERE target_kind = 'coding' AND target_id = ?", [coding_id])]
        rec.delete("memos", memo_ids)
        rec.delete("codings", [coding_id])
        rec.describe({"coding_id": coding_id, "document_id": row["document_id"], "code_id": row["code_id"],
                      "code": label, "start": row["start_pos"], "end": row["end_pos"], "memos": len(memo_ids)},
                     f"removed coding {coding_id} ({label}, [{row['start_pos']}, {row['end_pos']}) of document "
                     f"{row['document_id']})" + (f" and its {len(memo_ids)} memo(s)" if memo_ids else ""))


def resize_coding(project: Project, coding_id: int, start: int, end: int, *, coder: int | str | None = None) -> None:
    """Move a coding's boundaries, keeping its code, coder and identity."""
    row = _coding(project, coding_id)
    if (start, end) == (row["start_pos"], row["end_pos"]):
        raise CodingError(f"coding {coding_id} already spans [{start}, {end})")
    checked = _validated(project, row["document_id"], row["code_id"], row["coder_id"], start, end)
    start, end = checked.start, checked.end
    with acting_as(project, "resize_coding", coder, default=row["coder_id"]) as rec:
        rec.update("codings", coding_id, {"start_pos": start, "end_pos": end})
        rec.describe({"coding_id": coding_id, "document_id": row["document_id"],
                      "before": [row["start_pos"], row["end_pos"]], "after": [start, end]},
                     f"resized coding {coding_id} of document {row['document_id']} from "
                     f"[{row['start_pos']}, {row['end_pos']}) to [{start}, {end})")


def recode(project: Project, coding_id: int, new_code_id: int, *, coder: int | str | None = None) -> None:
    """Give a coding another code, keeping its span, coder and memos."""
    row = _coding(project, coding_id)
    if new_code_id == row["code_id"]:
        raise CodingError(f"coding {coding_id} already has code {code_path(project, new_code_id)!r}")
    path = _validated(project, row["document_id"], new_code_id, row["coder_id"], row["start_pos"],
                      row["end_pos"]).path
    before = code_path(project, row["code_id"])
    with acting_as(project, "recode", coder, default=row["coder_id"]) as rec:
        rec.update("codings", coding_id, {"code_id": new_code_id})
        rec.describe({"coding_id": coding_id, "document_id": row["document_id"], "before": row["code_id"],
                      "after": new_code_id},
                     f"recoded coding {coding_id} of document {row['document_id']} from {before} to {path}")


def get_coding(project: Project, coding_id: int) -> dict[str, Any]:
    """One coding as a dict (columns of `codings`), or CodingError when there is none."""
    return _coding(project, coding_id)


def codings_for_document(project: Project, document_id: int, *, coder: int | str | None = None) -> list[dict[str, Any]]:
    """The codings of a document in text order, with code name, coder name and the coded text."""
    text = project.scalar("SELECT text FROM documents WHERE id = ?", [document_id])
    if text is None:
        raise CodingError(f"unknown document {document_id}")
    params: list[Any] = [document_id]
    where = ""
    if coder is not None:
        where = " AND g.coder_id = ?"
        params.append(coder_by_name(project, coder) if isinstance(coder, str) else int(coder))
    rows = project.dicts(
        f"""
        SELECT g.id, g.guid, g.document_id, g.code_id, c.name AS code, g.start_pos, g.end_pos,
               g.coder_id, k.name AS coder, g.origin, g.suggestion_id, g.created_at
        FROM codings g JOIN codes c ON c.id = g.code_id JOIN coders k ON k.id = g.coder_id
        WHERE g.document_id = ?{where}
        ORDER BY g.start_pos, g.end_pos, g.id
        """,
        params,
    )
    for row in rows:
        row["text"] = text[row["start_pos"]:row["end_pos"]]
    return rows
