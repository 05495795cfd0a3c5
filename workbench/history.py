"""Undo and redo as the window and `workbench undo` offer them: the journal's replay, with the rules the
journal cannot know, checked inside the replay's transaction before anything changes. An exercise's
time limit refuses a replay that would change a trainee's codings once their time is up; a speaker role
correction undone or redone drops the vectors of the calls it rereads.
"""

from __future__ import annotations

from typing import Any

from workbench import journal
from workbench.journal import Entry
from workbench.project import Project
from workbench.suggest.roles import forget_replayed
from workbench.training.clock import refuse_replay_when_time_is_up


def _before_replay(project: Project, entry: Entry) -> None:
    refuse_replay_when_time_is_up(project, entry)
    forget_replayed(project, entry)


def undo(project: Project, coder_id: int | None = None) -> dict[str, Any]:
    """Take back the latest change. Returns the journal entry taken back."""
    return journal.undo(project, coder_id, guard=_before_replay)


def redo(project: Project, coder_id: int | None = None) -> dict[str, Any]:
    """Re-apply the latest undone change."""
    return journal.redo(project, coder_id, guard=_before_replay)
