"""Undo, redo and the audit trail, for every change a user makes.

Each user action runs inside `action(...)`, which opens one transaction, hands out a `Recorder`, and writes
one `journal` row holding the row-level changes the action made (inserted rows, deleted rows, updated
columns before and after). Undo replays those changes backwards, redo forwards. Because the journal keeps
whole rows, one mechanism serves every kind of action (a coding, a code merge that moves hundreds of
codings, a delete of a code with its codings, a review decision) and nothing can be undone half-way.

An action opened while another one is running on the same project joins it: its changes go into the outer
action's journal row, so a composite operation (delete a code, which removes its codings and their memos)
is still one entry to undo.

Undo and redo are themselves written to the journal (actions `undo` / `redo`) so the audit trail shows
who took back what and when. A new action after an undo makes the undone actions impossible to redo
(`superseded`), as in every editor. The flag is written lazily, by the next undo or redo (`_MARK`), not by
every action: an action then costs one statement less, and "the newest journal row is a normal action"
says the same thing until the flag is written. Undo refuses, and changes nothing, when the rows it would
restore were changed behind the journal's back (a row to delete is gone, a row to re-insert is there).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb

from workbench.errors import NothingToUndo, WorkbenchError
from workbench.events import events_for_rows
from workbench.project import Project

# The action currently open on each project, so that nested actions join it instead of journalling twice.
_open_actions: weakref.WeakKeyDictionary[Project, Recorder] = weakref.WeakKeyDictionary()


class JournalConflict(WorkbenchError):
    """Undo or redo cannot be applied because the rows it touches changed outside the journal."""


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


def _first_dict(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


@dataclass(slots=True)
class Change:
    """One row-level change of an action: the whole row for an insert or a delete, the changed columns'
    values before and after for an update. The journal's JSON keeps the shape it has always had
    (`{"op", "table", "row"}` or `{"op", "table", "id", "before", "after"}`), so older projects replay."""

    op: str  # insert, delete or update
    table: str
    row_id: int
    row: dict[str, Any] | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None

    def values(self) -> list[dict[str, Any]]:
        """The recorded column values, for a rewrite that must reach every copy of a column (offsets moved
        by pseudonymisation, texts replaced): the row, or the before and after sides."""
        return [self.row] if self.row is not None else [self.before or {}, self.after or {}]

    def rewrite_values(self, rewrite: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        """Replace every recorded copy of the row's values by `rewrite(values)`."""
        if self.row is not None:
            self.row = rewrite(self.row)
        else:
            self.before, self.after = rewrite(self.before or {}), rewrite(self.after or {})

    def as_json(self) -> dict[str, Any]:
        if self.op == "update":
            return {"op": "update", "table": self.table, "id": self.row_id, "before": self.before,
                    "after": self.after}
        return {"op": self.op, "table": self.table, "row": self.row}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        if data["op"] == "update":
            return cls("update", data["table"], int(data["id"]), before=data.get("before") or {},
                       after=data.get("after") or {})
        return cls(data["op"], data["table"], int(data["row"]["id"]), row=data["row"])


@dataclass(slots=True)
class Entry:
    """One journal row as the code reads and rewrites it. An undo or redo row has no changes of its own:
    it names the entry it replayed (`target`) and copies that entry's action, summary and description."""

    id: int
    action: str
    summary: dict[str, Any]
    description: str | None
    changes: list[Change] = field(default_factory=list)
    target: int | None = None
    target_action: str | None = None

    def payload(self) -> str:
        """The JSON stored in `journal.payload`."""
        if self.target is not None:
            data: dict[str, Any] = {"target": self.target, "action": self.target_action, "summary": self.summary,
                                    "description": self.description}
        else:
            data = {"summary": self.summary, "changes": [change.as_json() for change in self.changes]}
            if self.description:
                data["description"] = self.description
        return _encode(data)

    @classmethod
    def parse(cls, entry_id: int, action: str, payload: str) -> Entry:
        data = json.loads(payload)
        return cls(int(entry_id), action, data.get("summary") or {}, data.get("description"),
                   [Change.from_json(change) for change in data.get("changes", [])],
                   data.get("target"), data.get("action"))


def read_entries(project: Project) -> list[Entry]:
    """Every journal row, oldest first, parsed once (a journal holds whole rows and may be long)."""
    return [Entry.parse(*row) for row in project.rows("SELECT id, action, payload FROM journal ORDER BY id")]


def save_entry(project: Project, entry: Entry) -> None:
    """Write back an entry that a rewrite (removal, pseudonymisation) changed."""
    project.execute("UPDATE journal SET payload = ? WHERE id = ?", [entry.payload(), entry.id])


def delete_entries(project: Project, entry_ids: Sequence[int]) -> None:
    if entry_ids:
        project.execute("DELETE FROM journal WHERE id = ANY(?)", [sorted(entry_ids)])


class Recorder:
    """Makes row changes inside an action and remembers them for undo. Tables must have an `id` column.

    `coder_id` (who acts) may be set once the action has started, e.g. after creating the coder in it.
    Each method is one SQL statement with RETURNING, so journalling costs no extra round trip."""

    def __init__(self, project: Project, coder_id: int | None, summary: dict[str, Any] | None,
                 description: str | None) -> None:
        self.project = project
        self.coder_id = coder_id
        self.summary = summary or {}
        self.description = description
        self.changes: list[Change] = []

    def describe(self, summary: dict[str, Any], description: str) -> None:
        """Set what the audit trail shows, once the action knows it (e.g. the ids it created)."""
        self.summary = summary
        self.description = description

    def insert(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row (its id from the table's sequence unless given) and return its id."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        row = _first_dict(
            self.project.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING *", list(values.values())
            )
        )[0]
        self.changes.append(Change("insert", table, int(row["id"]), row=row))
        return int(row["id"])

    def delete(self, table: str, row_ids: Sequence[int]) -> int:
        """Delete rows by id, keeping them whole in the journal. Returns how many were deleted."""
        if not row_ids:
            return 0
        marks = ", ".join("?" for _ in row_ids)
        rows = _first_dict(
            self.project.execute(f"DELETE FROM {table} WHERE id IN ({marks}) RETURNING *", list(row_ids))
        )
        rows.sort(key=lambda row: row["id"])
        self.changes.extend(Change("delete", table, int(row["id"]), row=row) for row in rows)
        return len(rows)

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        """Change some columns of one row, keeping their previous values in the journal."""
        columns = ", ".join(values)
        before = self.project.execute(f"SELECT {columns} FROM {table} WHERE id = ?", [row_id]).fetchone()
        if before is None:
            raise WorkbenchError(f"no row {row_id} in {table}")
        sets = ", ".join(f"{column} = ?" for column in values)
        after = self.project.execute(
            f"UPDATE {table} SET {sets} WHERE id = ? RETURNING {columns}", [*values.values(), row_id]
        ).fetchone()
        self.changes.append(Change("update", table, row_id, before=dict(zip(values, before)),
                                   after=dict(zip(values, after))))

    def update_many(self, table: str, row_ids: Sequence[int], values: dict[str, Any]) -> None:
        """Set the same columns on many rows in two statements, journalled exactly as `update` journals
        one row (a code merge may move thousands of codings; one statement per row took seconds)."""
        if not row_ids:
            return
        columns = list(values)
        ids = [int(row_id) for row_id in row_ids]
        before = self.project.rows(
            f"SELECT id, {', '.join(columns)} FROM {table} WHERE id IN (SELECT unnest(?::BIGINT[])) ORDER BY id", [ids])
        sets = ", ".join(f"{column} = ?" for column in columns)
        self.project.execute(f"UPDATE {table} SET {sets} WHERE id IN (SELECT unnest(?::BIGINT[]))", [*values.values(), ids])
        self.changes.extend(Change("update", table, row[0], before=dict(zip(columns, row[1:])), after=dict(values))
                            for row in before)


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
def action(
    project: Project,
    name: str,
    coder_id: int | None,
    summary: dict[str, Any] | None = None,
    description: str | None = None,
) -> Iterator[Recorder]:
    """Run one user action atomically and journal it.

    `summary` is structured data about the action (ids, names) and `description` one readable sentence;
    the audit trail shows both (they can also be set later with `Recorder.describe`). Inside another
    action, this one joins it and writes no row of its own."""
    outer = _open_actions.get(project)
    if outer is not None:
        joined = Recorder(project, coder_id, summary, description)
        joined.changes = outer.changes  # recorded in the outer row; this summary and coder stay unwritten
        with project.transaction():
            yield joined
        return
    with project.transaction():
        recorder = Recorder(project, coder_id, summary, description)
        _open_actions[project] = recorder
        try:
            yield recorder
        finally:
            del _open_actions[project]
        entry = Entry(0, name, recorder.summary, recorder.description, recorder.changes)
        project.execute(
            "INSERT INTO journal (coder_id, action, payload) VALUES (?, ?, ?)",
            [recorder.coder_id, name, entry.payload()],
        )
        project.announce(events_for_rows(name, ((change.table, change.row_id) for change in recorder.changes)))


def _apply(project: Project, changes: list[Change], backwards: bool, label: str) -> None:
    for change in reversed(changes) if backwards else changes:
        table = change.table
        if change.op == "update":
            values = (change.before if backwards else change.after) or {}
            sets = ", ".join(f"{column} = ?" for column in values)
            done = project.execute(
                f"UPDATE {table} SET {sets} WHERE id = ? RETURNING id",
                [*(_restore(v) for v in values.values()), change.row_id],
            ).fetchall()
            if not done:
                raise JournalConflict(f"cannot {label}: row {change.row_id} of {table} no longer exists")
            continue
        row = _decode_row(change.row or {})
        if (change.op == "insert") == backwards:
            done = project.execute(f"DELETE FROM {table} WHERE id = ? RETURNING id", [row["id"]]).fetchall()
            if not done:
                raise JournalConflict(f"cannot {label}: row {row['id']} of {table} no longer exists")
        else:
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            try:
                project.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
            except duckdb.ConstraintException as exc:
                raise JournalConflict(
                    f"cannot {label}: row {row['id']} of {table} exists again ({str(exc).splitlines()[0]})"
                ) from exc


def _entry(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "action": entry.action, "summary": entry.summary, "description": entry.description}


# True when the newest journal row is a normal action (not an undo or redo): whatever is undone was undone
# before it, so it can no longer be redone.
PENDING_SUPERSEDE = (
    "coalesce((SELECT action NOT IN ('undo', 'redo') FROM journal ORDER BY id DESC LIMIT 1), FALSE)"
)
# The id is found on the narrow columns first, then one row's payload is read: sorting whole rows would
# drag every payload (whole journalled rows) through the sort.
_UNDO_TARGET = (
    "SELECT id, action, payload FROM journal WHERE id = "
    "(SELECT max(id) FROM journal WHERE NOT undone AND action NOT IN ('undo', 'redo'))"
)
_REDO_TARGET = (
    "SELECT id, action, payload FROM journal WHERE id = (SELECT min(id) FROM journal WHERE undone AND NOT superseded) "
    f"AND NOT {PENDING_SUPERSEDE}"
)
# Marks the replayed action and, in the same statement, writes the superseded flags that actions left
# implicit (this must happen before the undo/redo row is added, which would hide them).
_MARK = f"""
UPDATE journal SET undone = CASE WHEN id = $target THEN $undoing ELSE undone END,
                   superseded = CASE WHEN id = $target THEN superseded ELSE TRUE END
WHERE id = $target OR (undone AND NOT superseded AND {PENDING_SUPERSEDE})
"""


def next_undo(project: Project) -> dict[str, Any] | None:
    """What `undo` would take back (id, action, summary, description), for an "Undo …" menu label."""
    rows = project.rows(_UNDO_TARGET)
    return _entry(Entry.parse(*rows[0])) if rows else None


def next_redo(project: Project) -> dict[str, Any] | None:
    """What `redo` would re-apply, or None."""
    rows = project.rows(_REDO_TARGET)
    return _entry(Entry.parse(*rows[0])) if rows else None


# Called with the entry about to be replayed, inside the replay's transaction, before anything changes: it
# raises to refuse, and may drop what the replay makes stale (`workbench.history`).
ReplayGuard = Callable[[Project, Entry], None]


def _replay(project: Project, coder_id: int | None, undoing: bool, guard: ReplayGuard | None) -> dict[str, Any]:
    verb = "undo" if undoing else "redo"
    with project.transaction():
        rows = project.rows(_UNDO_TARGET if undoing else _REDO_TARGET)
        if not rows:
            raise NothingToUndo(f"nothing to {verb}")
        target = Entry.parse(*rows[0])
        if guard is not None:
            guard(project, target)
        _apply(project, target.changes, backwards=undoing, label=f"{verb} #{target.id} ({target.action})")
        project.execute(_MARK, {"target": target.id, "undoing": undoing})
        project.announce(events_for_rows(verb, ((change.table, change.row_id) for change in target.changes)))
        replay = Entry(0, verb, target.summary, target.description, target=target.id, target_action=target.action)
        project.execute("INSERT INTO journal (coder_id, action, payload) VALUES (?, ?, ?)",
                        [coder_id, verb, replay.payload()])
    return _entry(target)


def undo(project: Project, coder_id: int | None = None, guard: ReplayGuard | None = None) -> dict[str, Any]:
    """Take back the latest action that is not undone. Returns its journal entry. `guard` may refuse the
    replay (rules the journal cannot know, such as an exercise's time limit) before anything changes."""
    return _replay(project, coder_id, undoing=True, guard=guard)


def redo(project: Project, coder_id: int | None = None, guard: ReplayGuard | None = None) -> dict[str, Any]:
    """Re-apply the earliest undone action that no newer action has superseded (`guard` as for `undo`)."""
    return _replay(project, coder_id, undoing=False, guard=guard)
