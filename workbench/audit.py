"""The audit trail: who changed what, and when, read from the journal.

The journal is written for undo (whole rows); the audit turns each row into a readable line. Actions that
carry a `description` (every action of `coding`, `memos`, `coders`) show it; others show their name,
summary and how many rows of which tables they touched, so an action from any module is still legible.
"""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError
from workbench.journal import PENDING_SUPERSEDE, Change, Entry
from workbench.output import output_file
from workbench.project import Project

FIELDS = ("id", "happened_at", "coder", "action", "status", "description")


def _status(undone: bool, superseded: bool) -> str:
    if superseded:
        return "undone (superseded)"
    return "undone" if undone else "done"


def _changed_tables(changes: list[Change]) -> str:
    counts: dict[tuple[str, str], int] = {}
    for change in changes:
        key = (change.op, change.table)
        counts[key] = counts.get(key, 0) + 1
    verbs = {"insert": "added", "delete": "deleted", "update": "changed"}
    return ", ".join(f"{verbs[op]} {n} {table} row{'s' if n > 1 else ''}" for (op, table), n in counts.items())


def describe(entry: Entry) -> str:
    """One readable sentence for a journal row."""
    if entry.target is not None:
        what = entry.description or entry.target_action
        return f"{'undid' if entry.action == 'undo' else 'redid'} #{entry.target}: {what}"
    if entry.description:
        return entry.description
    details = ", ".join(f"{key}={value}" for key, value in entry.summary.items())
    touched = _changed_tables(entry.changes)
    return "; ".join(part for part in (entry.action.replace("_", " "), details, touched) if part)


def _as_bound(value: date | datetime | str | None, end_of_day: bool) -> datetime | None:
    """Dates given as days include the whole day, so `--until 2026-11-30` keeps that day's actions."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
        except ValueError as exc:
            raise WorkbenchError(f"not a date: {value!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from exc
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.max if end_of_day else time.min)


def audit_trail(
    project: Project,
    *,
    coder: str | None = None,
    action: str | None = None,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Journal entries, newest first, optionally for one coder (name), one action name and a date range."""
    clauses, params = [], []
    if coder is not None:
        if project.scalar("SELECT id FROM coders WHERE name = ?", [coder]) is None:
            raise WorkbenchError(f"unknown coder {coder!r}")
        clauses.append("k.name = ?")
        params.append(coder)
    if action is not None:
        clauses.append("j.action = ?")
        params.append(action)
    start, stop = _as_bound(since, False), _as_bound(until, True)
    if start is not None:
        clauses.append("j.happened_at >= ?")
        params.append(start)
    if stop is not None:
        clauses.append("j.happened_at <= ?")
        params.append(stop)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    limit_sql = f"LIMIT {int(limit)}" if limit is not None else ""
    rows = project.rows(
        f"""
        SELECT j.id, j.happened_at, k.name, j.action, j.undone, j.superseded OR (j.undone AND {PENDING_SUPERSEDE}),
               j.payload
        FROM journal j LEFT JOIN coders k ON k.id = j.coder_id {where}
        ORDER BY j.id DESC {limit_sql}
        """,
        params,
    )
    return [
        {
            "id": row_id,
            "happened_at": happened_at,
            "coder": name,
            "action": action_name,
            "status": _status(undone, superseded),
            "description": describe(Entry.parse(row_id, action_name, payload)),
        }
        for row_id, happened_at, name, action_name, undone, superseded, payload in rows
    ]


def export_csv(entries: list[dict[str, Any]], path: str | Path) -> Path:
    """Write audit entries to a CSV file (UTF-8 with BOM so spreadsheet programs read the accents)."""
    path = Path(path)
    with output_file(path) as partial, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for entry in entries:
            writer.writerow({**entry, "happened_at": entry["happened_at"].isoformat(sep=" ")})
    return path


def export_json(entries: list[dict[str, Any]], path: str | Path) -> Path:
    """Write audit entries to a JSON file (a list of objects, timestamps ISO 8601)."""
    path = Path(path)
    data = [{**entry, "happened_at": entry["happened_at"].isoformat()} for entry in entries]
    with output_file(path) as partial:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
