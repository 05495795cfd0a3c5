"""Undo, redo and the audit trail, for every change a user makes.

Each user action runs inside `action(...)`, which opens one transaction, hands out a `Recorder`, and writes
one `journal` row holding the row-level changes the action made (inserted rows, deleted rows, updated
columns before and after). Undo replays those changes backwards, redo forwards. Because the journal keeps
whole rows, one mechanism serves every kind of action (a coding, a code merge that moves hundreds of
codings, a delete of a code with its codings, a review decision) and nothing can be undone half-way.

Undo and redo are themselves written to the journal (actions `undo` / `redo`) so the audit trail shows
who took back what and when. A new action after an undo makes the undone actions impossible to redo
(`superseded`), as in every editor.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from workbench.errors import NothingToUndo, WorkbenchError
from workbench.project import Project


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return {"$dt": value.isoformat()}
    if isinstance(value, tuple):
        return list(value)
    return value


def _restore(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$dt"}:
        return datetime.fromisoformat(value["$dt"])
    return value


class Recorder:
    """Makes row changes inside an action and remembers them for undo. Tables must have an `id` column."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.changes: list[dict[str, Any]] = []

    def _row(self, table: str, row_id: int) -> dict[str, Any]:
        rows = self.project.dicts(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        if not rows:
            raise WorkbenchError(f"no row {row_id} in {table}")
        return rows[0]

    def insert(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row (its id from the table's sequence unless given) and return its id."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        row_id = self.project.scalar(
            f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", list(values.values())
        )
        self.changes.append({"op": "insert", "table": table, "row": self._row(table, row_id)})
        return int(row_id)

    def delete(self, table: str, row_ids: Sequence[int]) -> int:
        """Delete rows by id, keeping them whole in the journal. Returns how many were deleted."""
        if not row_ids:
            return 0
        marks = ", ".join("?" for _ in row_ids)
        rows = self.project.dicts(f"SELECT * FROM {table} WHERE id IN ({marks}) ORDER BY id", list(row_ids))
        self.project.execute(f"DELETE FROM {table} WHERE id IN ({marks})", list(row_ids))
        self.changes.extend({"op": "delete", "table": table, "row": row} for row in rows)
        return len(rows)

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        """Change some columns of one row, keeping their previous values in the journal."""
        before = self._row(table, row_id)
        sets = ", ".join(f"{column} = ?" for column in values)
        self.project.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*values.values(), row_id])
        after = self._row(table, row_id)
        self.changes.append(
            {
                "op": "update",
                "table": table,
                "id": row_id,
                "before": {column: before[column] for column in values},
                "after": {column: after[column] for column in values},
            }
        )


def _encode(payload: dict[str, Any]) -> str:
    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [walk(item) for item in value]
        return _jsonable(value)

    return json.dumps(walk(payload), ensure_ascii=False)


def _decode_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: _restore(value) for key, value in row.items()}


@contextmanager
def action(project: Project, name: str, coder_id: int | None, summary: dict[str, Any] | None = None) -> Iterator[Recorder]:
    """Run one user action atomically and journal it. `summary` is what the audit trail shows."""
    with project.transaction():
        recorder = Recorder(project)
        yield recorder
        payload = {"summary": summary or {}, "changes": recorder.changes}
        project.execute("UPDATE journal SET superseded = TRUE WHERE undone AND NOT superseded")
        project.execute(
            "INSERT INTO journal (coder_id, action, payload) VALUES (?, ?, ?)", [coder_id, name, _encode(payload)]
        )


def _apply(project: Project, changes: list[dict[str, Any]], backwards: bool) -> None:
    for change in reversed(changes) if backwards else changes:
        table = change["table"]
        op = change["op"]
        if op == "update":
            values = change["before"] if backwards else change["after"]
            sets = ", ".join(f"{column} = ?" for column in values)
            project.execute(
                f"UPDATE {table} SET {sets} WHERE id = ?", [*(_restore(v) for v in values.values()), change["id"]]
            )
            continue
        row = _decode_row(change["row"])
        if (op == "insert") == backwards:
            project.execute(f"DELETE FROM {table} WHERE id = ?", [row["id"]])
        else:
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            project.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def undo(project: Project, coder_id: int | None = None) -> dict[str, Any]:
    """Take back the latest action that is not undone. Returns its journal entry."""
    with project.transaction():
        entry = project.dicts(
            "SELECT id, action, payload FROM journal WHERE NOT undone AND action NOT IN ('undo', 'redo') "
            "ORDER BY id DESC LIMIT 1"
        )
        if not entry:
            raise NothingToUndo("nothing to undo")
        target = entry[0]
        payload = json.loads(target["payload"])
        _apply(project, payload["changes"], backwards=True)
        project.execute("UPDATE journal SET undone = TRUE WHERE id = ?", [target["id"]])
        project.execute(
            "INSERT INTO journal (coder_id, action, payload) VALUES (?, 'undo', ?)",
            [coder_id, json.dumps({"target": target["id"], "action": target["action"]})],
        )
    return {"id": target["id"], "action": target["action"], "summary": payload["summary"]}


def redo(project: Project, coder_id: int | None = None) -> dict[str, Any]:
    """Re-apply the earliest undone action that no newer action has superseded."""
    with project.transaction():
        entry = project.dicts(
            "SELECT id, action, payload FROM journal WHERE undone AND NOT superseded ORDER BY id LIMIT 1"
        )
        if not entry:
            raise NothingToUndo("nothing to redo")
        target = entry[0]
        payload = json.loads(target["payload"])
        _apply(project, payload["changes"], backwards=False)
        project.execute("UPDATE journal SET undone = FALSE WHERE id = ?", [target["id"]])
        project.execute(
            "INSERT INTO journal (coder_id, action, payload) VALUES (?, 'redo', ?)",
            [coder_id, json.dumps({"target": target["id"], "action": target["action"]})],
        )
    return {"id": target["id"], "action": target["action"], "summary": payload["summary"]}
