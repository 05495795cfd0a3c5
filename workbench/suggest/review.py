"""The review queue: the analyst accepts, rejects or relabels what the machine proposed.

Every decision is one journalled action (`workbench.journal.action`): the suggestion's status change and
the coding it creates commit together and undo together. A bulk accept is one action too, so one undo
takes back the whole batch. Rejected and relabelled suggestions stay in the table: they are the negative
examples the few-shot classifier learns from (see `codes.py`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from workbench.errors import WorkbenchError
from workbench.journal import action
from workbench.project import Project

REVIEWER = "analyst"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _filters(
    code: int | str | None,
    kind: str | None,
    variables: dict[str, str] | None,
    min_score: float | None,
    max_score: float | None,
    status: str,
) -> tuple[str, list[Any]]:
    where, params = ["s.status = ?"], [status]
    if code is not None:
        where.append("(c.id = TRY_CAST(? AS INTEGER) OR c.key = ? OR c.name = ?)")
        params += [str(code), str(code), str(code)]
    if kind is not None:
        where.append("d.kind = ?")
        params.append(kind)
    if min_score is not None:
        where.append("s.score >= ?")
        params.append(min_score)
    if max_score is not None:
        where.append("s.score <= ?")
        params.append(max_score)
    for name, value in (variables or {}).items():
        where.append(
            "EXISTS (SELECT 1 FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
            "WHERE dv.document_id = s.document_id AND v.name = ? AND dv.value = ?)"
        )
        params += [name, str(value)]
    return " AND ".join(where), params


def review_queue(
    project: Project,
    *,
    code: int | str | None = None,
    kind: str | None = None,
    variables: dict[str, str] | None = None,
    min_score: float | None = None,
    max_score: float | None = None,
    status: str = "pending",
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Suggestions, best first, with the code, the document kind and the suggested text.
    `code` is a code id, key or name; `variables` maps a case variable name to the value it must have."""
    where, params = _filters(code, kind, variables, min_score, max_score, status)
    page = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = project.dicts(
        f"""SELECT s.id, s.score, s.code_id, c.key AS code_key, c.name AS code, s.document_id, d.kind AS doc_kind,
                   s.start_pos, s.end_pos, substring(d.text, s.start_pos + 1, s.end_pos - s.start_pos) AS text,
                   s.explanation, s.status, s.run_id
            FROM suggestions s JOIN codes c ON c.id = s.code_id JOIN documents d ON d.id = s.document_id
            WHERE {where} ORDER BY s.score DESC, s.id {page}""",
        params,
    )
    for row in rows:
        row["explanation"] = json.loads(row["explanation"]) if row["explanation"] else None
    return rows


def _pending(project: Project, ids: Sequence[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = {row["id"]: row for row in project.dicts(f"SELECT * FROM suggestions WHERE id IN ({marks})", list(ids))}
    for suggestion_id in ids:
        row = rows.get(suggestion_id)
        if row is None:
            raise WorkbenchError(f"no suggestion {suggestion_id}")
        if row["status"] != "pending":
            raise WorkbenchError(f"suggestion {suggestion_id} is already {row['status']}")
    return [rows[i] for i in dict.fromkeys(ids)]


def _code_id(project: Project, code: int | str) -> int:
    found = project.rows(
        "SELECT id, codable FROM codes WHERE id = TRY_CAST(? AS INTEGER) OR key = ? OR name = ? ORDER BY id",
        [str(code), str(code), str(code)],
    )
    if not found:
        raise WorkbenchError(f"no code {code!r} (give its id, key or name)")
    if len(found) > 1:
        raise WorkbenchError(f"{code!r} names {len(found)} codes; give the code id")
    if not found[0][1]:
        raise WorkbenchError(f"code {code!r} is a category that cannot be applied; choose a codable code")
    return int(found[0][0])


def _code_span(rec: Any, row: dict[str, Any], code_id: int, coder_id: int) -> int:
    return rec.insert(
        "codings",
        {
            "guid": str(uuid.uuid4()),
            "document_id": row["document_id"],
            "code_id": code_id,
            "start_pos": row["start_pos"],
            "end_pos": row["end_pos"],
            "coder_id": coder_id,
            "origin": "suggestion",
            "suggestion_id": row["id"],
        },
    )


def accept(project: Project, ids: Sequence[int], coder: str = REVIEWER) -> list[int]:
    """Accept suggestions: each becomes a coding (origin 'suggestion'). One undoable action. Returns coding ids."""
    coder_id = project.coder_id(coder)
    rows = _pending(project, ids)
    if not rows:
        return []
    with action(project, "accept_suggestions", coder_id, {"suggestions": [r["id"] for r in rows]}) as rec:
        codings = []
        for row in rows:
            codings.append(_code_span(rec, row, row["code_id"], coder_id))
            rec.update("suggestions", row["id"], {"status": "accepted", "reviewed_by": coder_id, "reviewed_at": _now()})
    return codings


def reject(project: Project, ids: Sequence[int], coder: str = REVIEWER) -> int:
    """Reject suggestions. They stay as negative examples for their code. One undoable action."""
    coder_id = project.coder_id(coder)
    rows = _pending(project, ids)
    if not rows:
        return 0
    with action(project, "reject_suggestions", coder_id, {"suggestions": [r["id"] for r in rows]}) as rec:
        for row in rows:
            rec.update("suggestions", row["id"], {"status": "rejected", "reviewed_by": coder_id, "reviewed_at": _now()})
    return len(rows)


def relabel(project: Project, suggestion_id: int, code: int | str, coder: str = REVIEWER) -> int:
    """The span is right, the code is not: code the span with `code` instead. The suggestion becomes
    'relabelled' (a negative example for its original code). One undoable action. Returns the coding id."""
    coder_id = project.coder_id(coder)
    (row,) = _pending(project, [suggestion_id])
    new_code = _code_id(project, code)
    if new_code == row["code_id"]:
        raise WorkbenchError(f"suggestion {suggestion_id} already proposes that code; accept it instead")
    summary = {"suggestion": suggestion_id, "from_code": row["code_id"], "to_code": new_code}
    with action(project, "relabel_suggestion", coder_id, summary) as rec:
        coding = _code_span(rec, row, new_code, coder_id)
        rec.update(
            "suggestions",
            suggestion_id,
            {"status": "relabelled", "relabel_code_id": new_code, "reviewed_by": coder_id, "reviewed_at": _now()},
        )
    return coding


def accept_above(
    project: Project,
    threshold: float,
    *,
    dry_run: bool = False,
    coder: str = REVIEWER,
    code: int | str | None = None,
    kind: str | None = None,
    variables: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Accept every pending suggestion scoring at least `threshold` (with the queue's filters), as one
    action. With `dry_run`, only count them, per code, so the analyst sees what would happen."""
    if not 0 <= threshold <= 1:
        raise WorkbenchError(f"threshold must be between 0 and 1, not {threshold}")
    rows = review_queue(project, code=code, kind=kind, variables=variables, min_score=threshold, limit=None)
    per_code: dict[str, int] = {}
    for row in rows:
        per_code[row["code"]] = per_code.get(row["code"], 0) + 1
    result: dict[str, Any] = {"threshold": threshold, "count": len(rows), "per_code": per_code, "dry_run": dry_run}
    if not dry_run:
        result["codings"] = accept(project, [row["id"] for row in rows], coder)
    return result
