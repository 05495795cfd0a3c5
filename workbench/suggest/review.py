"""The review queue: the analyst accepts, rejects or relabels what the machine proposed.

Every decision is one journalled action (`workbench.journal.action`): the suggestion's status change and
the coding it creates commit together and undo together. A bulk accept is one action too, so one undo
takes back the whole batch. Rejected and relabelled suggestions stay in the table: they are the negative
examples the few-shot classifier learns from (see `codes.py`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from workbench.codebook import find_codable_code, find_code
from workbench.errors import WorkbenchError
from workbench.journal import Recorder
from workbench.project import Project
from workbench.store import codings, suggestions
from workbench.store.coders import acting_as, default_coder_name


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _filters(
    project: Project,
    code: int | str | None,
    kind: str | None,
    variables: dict[str, str] | None,
    min_score: float | None,
    max_score: float | None,
    status: str,
) -> tuple[str, list[Any]]:
    where, params = ["s.status = ?"], [status]
    if code is not None:
        where.append("c.id = ?")
        params.append(find_code(project, code))
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
    `code` names a code as `codebook.find_code` reads it (id, path, key or name); `variables` maps a case
    variable name to the value it must have."""
    where, params = _filters(project, code, kind, variables, min_score, max_score, status)
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


def _code_span(rec: Recorder, row: dict[str, Any], code_id: int) -> int:
    """The coding a decision makes, under the codings table's rules (`store.codings`). When the reviewer
    already holds that very coding, it is the answer: no second, identical coding is made."""
    checked = codings.validate(rec.project, row["document_id"], code_id, rec.coder_id, row["start_pos"],
                               row["end_pos"])
    if checked.twin is not None:
        return checked.twin
    return codings.insert(rec, row["document_id"], code_id, rec.coder_id, checked, origin="suggestion",
                          suggestion_id=row["id"])


def accept(project: Project, ids: Sequence[int], coder: str | None = None) -> list[int]:
    """Accept suggestions: each becomes a coding (origin 'suggestion') of the reviewer, `coder` (by default
    `default_coder_name()`, created as an analyst on first use). One undoable action. Returns coding ids."""
    rows = suggestions.pending(project, ids)
    if not rows:
        return []
    with acting_as(project, "accept_suggestions", coder or default_coder_name()) as rec:
        made = []
        for row in rows:
            made.append(_code_span(rec, row, row["code_id"]))
            suggestions.decide(rec, row["id"], "accepted")
        rec.describe({"suggestions": [r["id"] for r in rows], "codings": made},
                     f"accepted {len(rows)} suggestion(s)")
    return made


def reject(project: Project, ids: Sequence[int], coder: str | None = None) -> int:
    """Reject suggestions. They stay as negative examples for their code. One undoable action."""
    rows = suggestions.pending(project, ids)
    if not rows:
        return 0
    with acting_as(project, "reject_suggestions", coder or default_coder_name()) as rec:
        for row in rows:
            suggestions.decide(rec, row["id"], "rejected")
        rec.describe({"suggestions": [r["id"] for r in rows]}, f"rejected {len(rows)} suggestion(s)")
    return len(rows)


def relabel(project: Project, suggestion_id: int, code: int | str, coder: str | None = None) -> int:
    """The span is right, the code is not: code the span with `code` instead. The suggestion becomes
    'relabelled' (a negative example for its original code). One undoable action. Returns the coding id."""
    (row,) = suggestions.pending(project, [suggestion_id])
    new_code = find_codable_code(project, code)
    if new_code == row["code_id"]:
        raise WorkbenchError(f"suggestion {suggestion_id} already proposes that code; accept it instead")
    with acting_as(project, "relabel_suggestion", coder or default_coder_name()) as rec:
        coding = _code_span(rec, row, new_code)
        suggestions.decide(rec, suggestion_id, "relabelled", new_code)
        rec.describe({"suggestion": suggestion_id, "from_code": row["code_id"], "to_code": new_code,
                      "coding": coding}, f"relabelled suggestion {suggestion_id}")
    return coding


def accept_above(
    project: Project,
    threshold: float,
    *,
    dry_run: bool = False,
    coder: str | None = None,
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


CONTEXT_CHARS = 80  # characters read on each side of a passage for the queue's context
PASSAGE_CHARS = 400  # a longer passage (a whole document) is shown cut: the viewer shows the rest


@dataclass(frozen=True)
class QueueFilter:
    """What the review queue shows: a code (as `codebook.find_code` reads it), a document kind, case
    variable values and a lowest score; None (or empty) means no restriction."""

    code: int | str | None = None
    kind: str | None = None
    variables: dict[str, str] = field(default_factory=dict)
    min_score: float | None = None


def _trim_before(raw: str, context: int) -> str:
    """The context before a passage from `context` + 1 characters read: the extra one says whether the
    read began inside a word, which is then dropped."""
    if len(raw) <= context:
        return raw
    head, text = raw[0], raw[1:]
    if head.isspace() or text[:1].isspace():
        return text
    parts = text.split(maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def _trim_after(raw: str, context: int) -> str:
    """The context after a passage, ending at a whole word (the mirror of `_trim_before`)."""
    if len(raw) <= context:
        return raw
    text, tail = raw[:-1], raw[-1]
    if tail.isspace() or text[-1:].isspace():
        return text
    parts = text.rsplit(maxsplit=1)
    return parts[0] if len(parts) == 2 else ""


def queue_page(project: Project, queue_filter: QueueFilter = QueueFilter(), *, limit: int = 200,
               after: tuple[float, int] | None = None, context: int = CONTEXT_CHARS) -> list[dict[str, Any]]:
    """One page of pending suggestions, best first (ties by id, so pages never overlap), each with what
    the review panel shows: the code's name, path-free, and colour, the document's title and kind, the
    passage (cut at `PASSAGE_CHARS`, `cut` tells) and up to `context` characters before and after it,
    trimmed to whole words. `after` is the (score, id) of the last row of the previous page: the next page
    starts there, so the thousandth page costs what the first does, and a row decided meanwhile shifts
    nothing. Only the page's rows are read."""
    where, params = _filters(project, queue_filter.code, queue_filter.kind, queue_filter.variables or None,
                             queue_filter.min_score, None, "pending")
    if after is not None:
        where += " AND (s.score < ? OR (s.score = ? AND s.id > ?))"
        params += [after[0], after[0], after[1]]
    # The page's ids first, from the narrow columns alone; the texts are read for those rows only.
    rows = project.dicts(
        f"""WITH page AS (
                SELECT s.id, s.score FROM suggestions s JOIN codes c ON c.id = s.code_id
                JOIN documents d ON d.id = s.document_id
                WHERE {where} ORDER BY s.score DESC, s.id LIMIT ?)
            SELECT s.id, s.score, s.code_id, c.name AS code, c.color, s.document_id, d.title, d.kind AS doc_kind,
                   s.start_pos, s.end_pos, d.n_chars,
                   substring(d.text, s.start_pos + 1, least(s.end_pos - s.start_pos, {PASSAGE_CHARS})) AS text,
                   substring(d.text, greatest(s.start_pos - ?, 0) + 1, s.start_pos - greatest(s.start_pos - ?, 0))
                       AS before,
                   substring(d.text, s.end_pos + 1, ?) AS after,
                   s.explanation
            FROM page JOIN suggestions s ON s.id = page.id JOIN codes c ON c.id = s.code_id
            JOIN documents d ON d.id = s.document_id
            ORDER BY page.score DESC, page.id""",
        [*params, int(limit), context + 1, context + 1, context + 1],
    )
    for row in rows:
        row["explanation"] = json.loads(row["explanation"]) if row["explanation"] else {}
        row["cut"] = row["end_pos"] - row["start_pos"] > PASSAGE_CHARS
        row["before"] = _trim_before(row["before"] or "", context)
        row["after"] = _trim_after(row["after"] or "", context)
    return rows


def queue_count(project: Project, queue_filter: QueueFilter = QueueFilter(), *,
                min_score: float | None = None) -> int:
    """How many pending suggestions the filter keeps; with `min_score`, only those scoring at least that
    (the preview of a bulk accept: "Accept 37 suggestions >= 0.80?")."""
    scores = [score for score in (queue_filter.min_score, min_score) if score is not None]
    lowest = max(scores) if scores else None
    where, params = _filters(project, queue_filter.code, queue_filter.kind, queue_filter.variables or None,
                             lowest, None, "pending")
    return int(project.scalar(
        f"SELECT count(*) FROM suggestions s JOIN codes c ON c.id = s.code_id JOIN documents d ON d.id = s.document_id "
        f"WHERE {where}", params))


def accept_filtered(project: Project, threshold: float, queue_filter: QueueFilter = QueueFilter(), *,
                    coder: str | None = None, progress: Any = None, cancel: Any = None) -> dict[str, Any]:
    """The review panel's bulk accept: every pending suggestion the filter keeps that scores at least
    `threshold`, as one undoable action (`accept_above`). Takes `progress` and `cancel` so that it runs as
    a background job; a cancel before the action starts changes nothing, and the action itself commits
    whole or not at all."""
    if cancel is not None:
        cancel.check()
    threshold = max(threshold, queue_filter.min_score or 0.0)
    return accept_above(project, threshold, coder=coder, code=queue_filter.code, kind=queue_filter.kind,
                        variables=queue_filter.variables or None)


def pending_in_document(project: Project, document_id: int) -> list[dict[str, Any]]:
    """The pending suggestions of one document, in text order, with their code's name and colour: what the
    coding view outlines, to be accepted or rejected in place."""
    return project.dicts(
        """SELECT s.id, s.start_pos, s.end_pos, s.score, s.code_id, c.name AS code, c.color
           FROM suggestions s JOIN codes c ON c.id = s.code_id
           WHERE s.document_id = ? AND s.status = 'pending' ORDER BY s.start_pos, s.end_pos, s.id""",
        [document_id])


def method_label(explanation: dict[str, Any]) -> str:
    """What decided a suggestion, in the analyst's words (French, the interface's source language):
    « depuis 7 exemples codés », « depuis la définition du code », with how far its score can be trusted."""
    method = explanation.get("method")
    if method == "topic":
        return "depuis un thème"
    examples = int(explanation.get("coded_examples") or 0)
    if explanation.get("basis") == "examples" or (method == "few-shot" and "basis" not in explanation):
        label = f"depuis {examples} exemple{'s' if examples > 1 else ''} codé{'s' if examples > 1 else ''}"
        if explanation.get("self_trained"):
            label += " et les passages non codés les plus sûrs"
    elif explanation.get("description_from"):
        shipped = explanation["description_from"]
        label = f"depuis la définition de « {shipped['code']} » du schéma livré « {shipped['scheme']} »"
    else:
        label = "depuis la définition du code"
    reliability = explanation.get("reliability") or {}
    if reliability.get("precision") is not None:
        label += (f" ; juste {reliability['precision']:.0%} du temps en validation croisée "
                  f"({reliability['tested']} exemple{'s' if reliability['tested'] > 1 else ''} testé"
                  f"{'s' if reliability['tested'] > 1 else ''})").replace("%", " %")
    elif explanation.get("calibrated") is False:
        label += " ; score non calibré (aucun codage pour le vérifier)"
    return label
