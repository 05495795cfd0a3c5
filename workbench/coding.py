"""Codings: a code applied by a coder to a span `[start, end)` of a document (code points into its text).

Every function that changes codings is one journalled action (one transaction, one journal row), so it can
be undone and shows in the audit trail. Overlapping codings, even of the same code, are allowed (two coders,
or one coder marking a nested passage); what is refused is the *identical* coding twice by the same coder
(same document, code and span), because it would only double-count in frequencies and agreement.
"""

from __future__ import annotations

from typing import Any

from workbench.codebook import code_path
from workbench.errors import CodingError
from workbench.journal import action
from workbench.project import Project
from workbench.store import codings as store
from workbench.store.coders import acting_as, coder_by_name, resolve_coder
from workbench.training.clock import refuse_when_time_is_up


def _coding(project: Project, coding_id: int) -> dict[str, Any]:
    return store.get(project, coding_id).as_dict()


_EXCERPT = 60


def _excerpt(project: Project, row: dict[str, Any]) -> str:
    """The beginning of a coding's text, so that an undo label can quote the passage ("Coded « … » as …")."""
    text = project.scalar("SELECT substring(text, ? + 1, ?) FROM documents WHERE id = ?",
                          [row["start_pos"], min(row["end_pos"] - row["start_pos"], _EXCERPT + 1), row["document_id"]])
    text = text or ""
    return text[:_EXCERPT] + "…" if len(text) > _EXCERPT else text


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
    with project.transaction():
        coder_id = int(coder) if not isinstance(coder, str) and role is None else resolve_coder(project, coder, role)
        refuse_when_time_is_up(project, coder_id)
        checked = store.validate(project, document_id, code_id, coder_id, start, end)
        checked.refuse_twin(document_id)
        with action(project, "apply_code", coder_id) as rec:
            coding_id = store.insert(rec, document_id, code_id, coder_id, checked, origin=origin,
                                     suggestion_id=suggestion_id)
            where = "the whole of document" if checked.whole else f"[{checked.start}, {checked.end}) of document"
            rec.describe({"coding_id": coding_id, "document_id": document_id, "code_id": code_id,
                          "code": checked.path, "start": checked.start, "end": checked.end, "origin": origin,
                          "whole": checked.whole, "excerpt": checked.excerpt},
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
    refuse_when_time_is_up(project, row["coder_id"])
    label = code_path(project, row["code_id"])
    excerpt = _excerpt(project, row)
    with acting_as(project, "remove_coding", coder, default=row["coder_id"]) as rec:
        memos = store.delete(rec, [coding_id])
        rec.describe({"coding_id": coding_id, "document_id": row["document_id"], "code_id": row["code_id"],
                      "code": label, "start": row["start_pos"], "end": row["end_pos"], "memos": memos,
                      "excerpt": excerpt},
                     f"removed coding {coding_id} ({label}, [{row['start_pos']}, {row['end_pos']}) of document "
                     f"{row['document_id']})" + (f" and its {memos} memo(s)" if memos else ""))


def resize_coding(project: Project, coding_id: int, start: int, end: int, *, coder: int | str | None = None) -> None:
    """Move a coding's boundaries, keeping its code, coder and identity."""
    row = _coding(project, coding_id)
    refuse_when_time_is_up(project, row["coder_id"])
    if (start, end) == (row["start_pos"], row["end_pos"]):
        raise CodingError(f"coding {coding_id} already spans [{start}, {end})")
    checked = store.validate(project, row["document_id"], row["code_id"], row["coder_id"], start, end)
    checked.refuse_twin(row["document_id"])
    start, end = checked.start, checked.end
    with acting_as(project, "resize_coding", coder, default=row["coder_id"]) as rec:
        store.set_span(rec, coding_id, checked)
        rec.describe({"coding_id": coding_id, "document_id": row["document_id"],
                      "before": [row["start_pos"], row["end_pos"]], "after": [start, end],
                      "code": checked.path, "excerpt": checked.excerpt},
                     f"resized coding {coding_id} of document {row['document_id']} from "
                     f"[{row['start_pos']}, {row['end_pos']}) to [{start}, {end})")


def recode(project: Project, coding_id: int, new_code_id: int, *, coder: int | str | None = None) -> None:
    """Give a coding another code, keeping its span, coder and memos."""
    row = _coding(project, coding_id)
    refuse_when_time_is_up(project, row["coder_id"])
    if new_code_id == row["code_id"]:
        raise CodingError(f"coding {coding_id} already has code {code_path(project, new_code_id)!r}")
    checked = store.validate(project, row["document_id"], new_code_id, row["coder_id"], row["start_pos"],
                             row["end_pos"])
    checked.refuse_twin(row["document_id"])
    path = checked.path
    before = code_path(project, row["code_id"])
    with acting_as(project, "recode", coder, default=row["coder_id"]) as rec:
        store.set_code(rec, coding_id, new_code_id)
        rec.describe({"coding_id": coding_id, "document_id": row["document_id"], "before": row["code_id"],
                      "after": new_code_id, "code_before": before, "code": path, "excerpt": checked.excerpt},
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
