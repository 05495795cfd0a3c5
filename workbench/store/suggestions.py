"""The `suggestions` table's owner: what the machine proposes, and the analyst's decision on it.

Its rules: a suggestion lies inside its document's text and scores in [0, 1]; only a pending suggestion
can be decided; a decision records who made it and when; rejected and relabelled suggestions stay, as
the few-shot classifier's negative examples, and are never proposed again. A suggestion run replaces the
pending suggestions of its codes in one statement pair inside the run's final transaction
(`replace_pending`), so a cancelled run changes nothing; a topic mapping files its suggestions through the
journal (`file`), so one undo takes them back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from workbench.columns import insert_columns
from workbench.errors import WorkbenchError
from workbench.journal import Recorder
from workbench.project import Project
from workbench.store import codings

STATUSES = ("pending", "accepted", "rejected", "relabelled")


@dataclass(frozen=True)
class Proposal:
    """A suggestion about to be filed: `code_id` for `[start, end)` of a document, scored and explained."""

    document_id: int
    start: int
    end: int
    code_id: int
    score: float
    explanation: dict[str, Any]
    unit_kind: str
    unit_id: int

    def row(self, run_id: int | None) -> list[Any]:
        if not 0 <= self.score <= 1:
            raise WorkbenchError(f"a suggestion's score must lie in [0, 1], not {self.score}")
        return [run_id, self.document_id, self.start, self.end, self.code_id, self.score,
                json.dumps(self.explanation, ensure_ascii=False), self.unit_kind, self.unit_id]


_COLUMNS = "run_id, document_id, start_pos, end_pos, code_id, score, explanation, unit_kind, unit_id"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def replace_pending(project: Project, run_id: int, code_ids: Sequence[int], proposals: Sequence[Proposal]) -> None:
    """A suggestion run's result: its proposals take the place of the pending suggestions earlier runs made
    for the same codes (topic mappings and every decided suggestion stay). Call it inside the run's final
    transaction. Not journalled: a run is redone by running it again, and its runs row records it."""
    if code_ids:
        project.execute(
            "DELETE FROM suggestions WHERE status = 'pending' AND code_id = ANY(?) "
            "AND run_id IN (SELECT id FROM runs WHERE kind = 'suggest')", [list(code_ids)])
    if proposals:  # in one statement: executemany took 0.9 s for 1,557 rows
        insert_columns(project.con, "suggestions", _COLUMNS.split(", "),
                       list(zip(*(proposal.row(run_id) for proposal in proposals))))


def file(rec: Recorder, run_id: int | None, proposal: Proposal) -> int:
    """One pending suggestion inside a journalled action (a topic mapped to a code); returns its id."""
    values = dict(zip(_COLUMNS.split(", "), proposal.row(run_id)))
    return rec.insert("suggestions", values)


def pending(project: Project, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The suggestions to decide on, in the order given and without repeats; an unknown or already decided
    one is refused, so a batch is decided whole or not at all."""
    if not ids:
        return []
    rows = {row["id"]: row for row in project.dicts("SELECT * FROM suggestions WHERE id = ANY(?)", [list(ids)])}
    for suggestion_id in ids:
        row = rows.get(suggestion_id)
        if row is None:
            raise WorkbenchError(f"no suggestion {suggestion_id}")
        if row["status"] != "pending":
            raise WorkbenchError(f"suggestion {suggestion_id} is already {row['status']}")
    return [rows[i] for i in dict.fromkeys(ids)]


def decide(rec: Recorder, suggestion_id: int, status: str, relabel_code_id: int | None = None, *,
           reviewer: int | None = None, at: datetime | None = None) -> None:
    """Record the reviewer's decision inside a journalled action: by the acting coder of `rec`, now, unless
    `reviewer` and `at` say who decided and when (a decision brought from a colleague's copy by a merge)."""
    if status not in STATUSES[1:]:
        raise WorkbenchError(f"unknown decision {status!r}; choose one of {', '.join(STATUSES[1:])}")
    values: dict[str, Any] = {"status": status, "reviewed_by": rec.coder_id if reviewer is None else reviewer,
                              "reviewed_at": at or _now()}
    if status == "relabelled":
        values["relabel_code_id"] = relabel_code_id
    rec.update("suggestions", suggestion_id, values)


def delete_for_codes(rec: Recorder, code_ids: list[int]) -> int:
    """Codes are being deleted: their suggestions go. A suggestion relabelled *to* one of them stays, as a
    negative example for its own code, without the deleted code; a coding made from a deleted suggestion
    (relabelled to a code that stays) stays, without the link. Returns the suggestions deleted."""
    project = rec.project
    relabelled_to = [row[0] for row in project.rows(
        "SELECT id FROM suggestions WHERE relabel_code_id = ANY(?) AND NOT code_id = ANY(?)", [code_ids, code_ids])]
    rec.update_many("suggestions", relabelled_to, {"relabel_code_id": None})
    doomed = [row[0] for row in project.rows(
        "SELECT id FROM suggestions WHERE code_id = ANY(?) ORDER BY id", [code_ids])]
    codings.detach_suggestions(rec, doomed)
    return rec.delete("suggestions", doomed)


def merge_codes(rec: Recorder, source_id: int, target_id: int) -> None:
    """One code merged into another: what was suggested or relabelled as the source is now the target."""
    for column in ("code_id", "relabel_code_id"):
        moved = [row[0] for row in rec.project.rows(f"SELECT id FROM suggestions WHERE {column} = ?", [source_id])]
        rec.update_many("suggestions", moved, {column: target_id})
