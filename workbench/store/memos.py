"""Memos: the analyst's notes on the project, a document, a coding or a code.

Memos are part of the analysis (why a passage was coded so, what a code should cover), so adding, editing
and deleting one is journalled and undoable like a coding. This module is the `memos` table's one owner:
the services that delete or merge what a memo is about (codings, codes) go through `delete_memos_on` and
`retarget_memos`, inside their own journalled action, so no memo is left pointing at nothing.
"""

from __future__ import annotations

from typing import Any

from workbench.errors import CodingError
from workbench.journal import Recorder
from workbench.project import Project
from workbench.store.coders import acting_as

TARGETS = {"project": None, "document": "documents", "coding": "codings", "code": "codes"}
_PREVIEW = 50


def _preview(text: str) -> str:
    line = " ".join(text.split())
    return line[:_PREVIEW] + "…" if len(line) > _PREVIEW else line


def _check_target(project: Project, target_kind: str, target_id: int | None) -> None:
    if target_kind not in TARGETS:
        raise CodingError(f"a memo is about one of {', '.join(TARGETS)}, not {target_kind!r}")
    table = TARGETS[target_kind]
    if table is None:
        if target_id is not None:
            raise CodingError("a project memo has no target id")
        return
    if target_id is None:
        raise CodingError(f"a {target_kind} memo needs the {target_kind} id")
    if project.scalar(f"SELECT id FROM {table} WHERE id = ?", [target_id]) is None:
        raise CodingError(f"unknown {target_kind} {target_id}")


def _check_text(text: str) -> str:
    if not text.strip():
        raise CodingError("a memo needs some text")
    return text


def _memo(project: Project, memo_id: int) -> dict[str, Any]:
    rows = project.dicts("SELECT * FROM memos WHERE id = ?", [memo_id])
    if not rows:
        raise CodingError(f"unknown memo {memo_id}")
    return rows[0]


def _about(target_kind: str, target_id: int | None) -> str:
    return "the project" if target_kind == "project" else f"{target_kind} {target_id}"


def add_memo(project: Project, target_kind: str, target_id: int | None, text: str, *,
             coder: int | str | None = None) -> int:
    """Write a memo on the project (target_id None), a document, a coding or a code; returns its id."""
    _check_target(project, target_kind, target_id)
    _check_text(text)
    with acting_as(project, "add_memo", coder) as rec:
        memo_id = rec.insert("memos", {"target_kind": target_kind, "target_id": target_id,
                                       "coder_id": rec.coder_id, "text": text})
        rec.describe({"memo_id": memo_id, "target_kind": target_kind, "target_id": target_id},
                     f"wrote memo {memo_id} on {_about(target_kind, target_id)}: «{_preview(text)}»")
    return memo_id


def edit_memo(project: Project, memo_id: int, text: str, *, coder: int | str | None = None) -> None:
    """Replace a memo's text (its author stays; `coder` is who edits, recorded in the journal)."""
    row = _memo(project, memo_id)
    _check_text(text)
    if text == row["text"]:
        raise CodingError(f"memo {memo_id} already has this text")
    with acting_as(project, "edit_memo", coder) as rec:
        now = project.scalar("SELECT current_timestamp::TIMESTAMP")
        rec.update("memos", memo_id, {"text": text, "updated_at": now})
        rec.describe({"memo_id": memo_id, "target_kind": row["target_kind"], "target_id": row["target_id"]},
                     f"edited memo {memo_id} on {_about(row['target_kind'], row['target_id'])}: «{_preview(text)}»")


def delete_memo(project: Project, memo_id: int, *, coder: int | str | None = None) -> None:
    """Delete a memo (undoable)."""
    row = _memo(project, memo_id)
    with acting_as(project, "delete_memo", coder) as rec:
        rec.delete("memos", [memo_id])
        rec.describe({"memo_id": memo_id, "target_kind": row["target_kind"], "target_id": row["target_id"]},
                     f"deleted memo {memo_id} on {_about(row['target_kind'], row['target_id'])}: "
                     f"«{_preview(row['text'])}»")


def list_memos(project: Project, target_kind: str | None = None, target_id: int | None = None) -> list[dict[str, Any]]:
    """Memos, oldest first, optionally only those about one kind of target or one target."""
    if target_kind is not None and target_kind not in TARGETS:
        raise CodingError(f"a memo is about one of {', '.join(TARGETS)}, not {target_kind!r}")
    clauses, params = [], []
    if target_kind is not None:
        clauses.append("m.target_kind = ?")
        params.append(target_kind)
    if target_id is not None:
        clauses.append("m.target_id = ?")
        params.append(target_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return project.dicts(
        f"""
        SELECT m.id, m.target_kind, m.target_id, m.coder_id, k.name AS coder, m.text, m.created_at, m.updated_at
        FROM memos m LEFT JOIN coders k ON k.id = m.coder_id {where}
        ORDER BY m.created_at, m.id
        """,
        params,
    )


def copy_memo(rec: Recorder, target_kind: str, target_id: int | None, coder_id: int | None, text: str,
              created_at: Any, updated_at: Any) -> int:
    """A memo written in another copy of the project (a team merge), inside the caller's action, keeping
    its author and dates; returns its id."""
    _check_target(rec.project, target_kind, target_id)
    return rec.insert("memos", {"target_kind": target_kind, "target_id": target_id, "coder_id": coder_id,
                                "text": _check_text(text), "created_at": created_at, "updated_at": updated_at})


def same_memos(project: Project, target_kind: str, target_id: int | None, coder_id: int | None,
               created_at: Any) -> list[dict[str, Any]]:
    """The memos by this coder on this target written at this moment: in a team merge, the one memo
    both copies hold, however either side has edited it since (a copy keeps each memo's creation
    date, `copy_memo`)."""
    return project.dicts(
        "SELECT id, text, updated_at FROM memos WHERE target_kind = ? AND target_id IS NOT DISTINCT FROM ? "
        "AND coder_id IS NOT DISTINCT FROM ? AND created_at = ? ORDER BY id",
        [target_kind, target_id, coder_id, created_at])


def holds_memo(project: Project, target_kind: str, target_id: int | None, coder_id: int | None, text: str) -> bool:
    """Whether this coder already has a memo with this text on this target."""
    return bool(project.scalar(
        "SELECT count(*) FROM memos WHERE target_kind = ? AND target_id IS NOT DISTINCT FROM ? "
        "AND coder_id IS NOT DISTINCT FROM ? AND text = ?", [target_kind, target_id, coder_id, text]))


def take_edit(rec: Recorder, memo_id: int, text: str, updated_at: Any) -> None:
    """Give a memo the text of a later edit made in another copy of the project (a team merge), with that
    edit's date, inside the caller's action."""
    rec.update("memos", memo_id, {"text": _check_text(text), "updated_at": updated_at})


def memos_on(project: Project, target_kind: str, target_ids: list[int]) -> list[int]:
    """Ids of the memos about any of these targets."""
    if not target_ids:
        return []
    return [row[0] for row in project.rows(
        "SELECT id FROM memos WHERE target_kind = ? AND target_id = ANY(?) ORDER BY id", [target_kind, target_ids])]


def delete_memos_on(rec: Recorder, target_kind: str, target_ids: list[int]) -> int:
    """Delete the memos about targets that are being deleted, inside the caller's action; returns how many."""
    return rec.delete("memos", memos_on(rec.project, target_kind, target_ids))


def retarget_memos(rec: Recorder, target_kind: str, moves: dict[int, int]) -> None:
    """Point the memos about each key of `moves` at its value instead (merged codes, merged codings)."""
    for memo_id, target_id in rec.project.rows(
            "SELECT id, target_id FROM memos WHERE target_kind = ? AND target_id = ANY(?) ORDER BY id",
            [target_kind, list(moves)]):
        rec.update("memos", memo_id, {"target_id": moves[target_id]})


def find_memos(project: Project, words: str = "", *, target_kind: str | None = None,
               document_id: int | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Memos for the memo pane, newest first: those whose text holds `words` (case and accents ignored,
    so « equipe » finds « Équipe »), optionally only about one kind of target, or only about one document
    and its codings. Each row says what the memo is about in words a reader knows (document title, code
    name, the coded passage) and, for a document or a coding, where to open it (`document_id`, `start`,
    `end`), so the pane needs no query of its own."""
    if target_kind is not None and target_kind not in TARGETS:
        raise CodingError(f"a memo is about one of {', '.join(TARGETS)}, not {target_kind!r}")
    clauses, params = [], []
    if words.strip():
        clauses.append("contains(strip_accents(lower(m.text)), strip_accents(lower(?)))")
        params.append(words.strip())
    if target_kind is not None:
        clauses.append("m.target_kind = ?")
        params.append(target_kind)
    if document_id is not None:
        clauses.append("coalesce(d.id, g.document_id) = ?")
        params.append(document_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return project.dicts(
        f"""
        SELECT m.id, m.target_kind, m.target_id, k.name AS coder, m.text, m.created_at, m.updated_at,
               coalesce(d.id, g.document_id) AS document_id,
               coalesce(d.title, gd.title) AS document_title,
               coalesce(c.name, gc.name) AS code_name,
               g.start_pos AS start, g.end_pos AS "end",
               substr(gd.text, g.start_pos + 1, least(g.end_pos - g.start_pos, 80)) AS passage
        FROM memos m
        LEFT JOIN coders k ON k.id = m.coder_id
        LEFT JOIN documents d ON m.target_kind = 'document' AND d.id = m.target_id
        LEFT JOIN codings g ON m.target_kind = 'coding' AND g.id = m.target_id
        LEFT JOIN documents gd ON gd.id = g.document_id
        LEFT JOIN codes c ON m.target_kind = 'code' AND c.id = m.target_id
        LEFT JOIN codes gc ON gc.id = g.code_id
        {where}
        ORDER BY m.updated_at DESC, m.id DESC
        LIMIT ?
        """,
        [*params, limit],
    )
