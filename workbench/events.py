"""Change events: the project says what changed, so a view refreshes exactly that and nothing else.

Every committed change is announced as one `ChangeEvent` per table group it touched: the journal announces
each action, undo and redo with the ids of the rows they changed, and bulk jobs (import, removal,
pseudonymisation) announce the groups they rewrote. Events are queued while a transaction is open and
emitted only once it commits, so a rolled-back action or a cancelled job announces nothing. This is the
napari pattern (evented models, views that listen) without Qt: the engine stays importable headless.

Callbacks run in the thread that committed, which for the window's background jobs is a worker thread; a
Qt view forwards them to the GUI thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Table -> the group a view listens to. A coding view listens to "codings", the code tree to "codes" and
# "codings" (its counts), the document list to "documents".
TABLE_GROUPS = {
    "sources": "documents", "documents": "documents", "document_parts": "documents",
    "variables": "documents", "document_values": "documents", "segments": "documents",
    "terms": "search_index", "forms": "search_index", "tokens": "search_index", "text_status": "search_index",
    "codes": "codes", "code_sets": "codes", "code_set_members": "codes",
    "codings": "codings", "coders": "coders", "memos": "memos",
    "suggestions": "suggestions", "runs": "runs", "embeddings": "runs",
    "topics": "topics", "unit_topics": "topics", "topic_edits": "topics",
    "pseudonyms": "pseudonyms", "pseudonym_keys": "pseudonyms", "meta": "project",
}


@dataclass(frozen=True)
class ChangeEvent:
    """Rows of one table group changed by one committed action.

    `ids` are the ids of the group's rows that were inserted, updated or deleted, when known; `None` means
    "many or all rows of the group" (a bulk job), and a view then reloads the whole group."""

    group: str
    action: str
    ids: frozenset[int] | None
    tables: frozenset[str]


Callback = Callable[[ChangeEvent], None]


class ChangeEvents:
    """Listeners of one project, each for one group or for every group."""

    def __init__(self) -> None:
        self._listeners: list[tuple[str | None, Callback]] = []

    def connect(self, callback: Callback, group: str | None = None) -> Callable[[], None]:
        """Call `callback` for every event of `group` (every event when None); returns a disconnect function."""
        entry = (group, callback)
        self._listeners.append(entry)
        return lambda: self._listeners.remove(entry) if entry in self._listeners else None

    def emit(self, event: ChangeEvent) -> None:
        for group, callback in list(self._listeners):
            if group is None or group == event.group:
                callback(event)


def events_for_rows(action: str, changed: Iterable[tuple[str, int | None]]) -> list[ChangeEvent]:
    """Group (table, row id) pairs into one event per table group; a None id stands for the whole table."""
    ids: dict[str, set[int] | None] = {}
    tables: dict[str, set[str]] = {}
    for table, row_id in changed:
        group = TABLE_GROUPS.get(table, table)
        tables.setdefault(group, set()).add(table)
        if row_id is None:
            ids[group] = None
        elif group not in ids:
            ids[group] = {row_id}
        elif ids[group] is not None:
            ids[group].add(row_id)  # type: ignore[union-attr]
    return [ChangeEvent(group, action, None if found is None else frozenset(found), frozenset(tables[group]))
            for group, found in ids.items()]


def events_for_tables(action: str, tables: Iterable[str]) -> list[ChangeEvent]:
    """Events for a bulk job that rewrote whole tables."""
    return events_for_rows(action, ((table, None) for table in tables))
