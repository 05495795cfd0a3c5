"""An exercise's time limit, kept by the exercise file itself.

Each trainee's time starts once, when they first identify in the window or first code (whichever comes
first), and the moment is written into the exercise file's `meta` (key `exercise_clock`): closing and
reopening the file does not give the time back. Once the limit has passed, the engine refuses to change
that trainee's codings (`refuse_when_time_is_up`, called by every coding service, and
`refuse_replay_when_time_is_up`, which `workbench.history` runs before undo and redo), from the window or
the command line alike, and the hand-in records the time used. The clock is the laptop's: like the
hand-in's signature, it keeps honest people honest, it does not stop someone who sets their clock back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from workbench.journal import Entry
from workbench.project import Project
from workbench.store import codings as coding_store
from workbench.store.coders import coder_name
from workbench.training.exercise import ExerciseError, exercise_of

CLOCK_KEY = "exercise_clock"  # meta: {trainee name: when their time started, ISO 8601 in UTC}


class TimeUp(ExerciseError):
    """A trainee's time on the exercise has run out: their codings can no longer change."""

    def __init__(self, message: str, clock: Clock) -> None:
        super().__init__(message)
        self.clock = clock


@dataclass(frozen=True)
class Clock:
    """One trainee's time on one exercise."""

    limit_minutes: int
    started_at: datetime

    @property
    def deadline(self) -> datetime:
        return self.started_at + timedelta(minutes=self.limit_minutes)

    def left(self, now: datetime | None = None) -> timedelta:
        """Time left, never below zero."""
        return max(timedelta(0), self.deadline - (now or datetime.now(UTC)))

    def used_minutes(self, now: datetime | None = None) -> int:
        """Whole minutes since the start, rounded up (a trainee who used 44 min 10 s used 45)."""
        return _whole_minutes((now or datetime.now(UTC)) - self.started_at)

    def minutes_left(self, now: datetime | None = None) -> int:
        """Whole minutes left, rounded up, so that 0 means the time is up."""
        return _whole_minutes(self.left(now))


def _whole_minutes(span: timedelta) -> int:
    return max(0, -int(-span.total_seconds() // 60))


def _starts(project: Project) -> dict[str, str]:
    stored = project.get_meta(CLOCK_KEY)
    try:
        starts = json.loads(stored) if stored else {}
    except ValueError:
        raise ExerciseError(f"{project.path}: its exercise clock is damaged") from None
    return starts if isinstance(starts, dict) else {}


def _limit(project: Project) -> int | None:
    """The exercise's time limit in minutes; None for an ordinary project or an exercise without one."""
    info = exercise_of(project)
    return None if info is None else info.time_limit_minutes or None


def _running(project: Project, trainee: str, limit: int, begin: bool) -> Clock | None:
    """The trainee's clock under `limit`, started now (committed at once) with `begin` if it had not."""
    name = trainee.strip()
    starts = _starts(project)
    if name not in starts:
        if not begin:
            return None
        starts[name] = datetime.now(UTC).isoformat(timespec="seconds")
        with project.transaction():
            project.set_meta(CLOCK_KEY, json.dumps(starts, ensure_ascii=False, sort_keys=True))
    return Clock(limit, datetime.fromisoformat(starts[name]))


def clock(project: Project, trainee: str) -> Clock | None:
    """The trainee's clock: None when the exercise has no time limit or their time has not started."""
    limit = _limit(project)
    return None if limit is None else _running(project, trainee, limit, begin=False)


def start(project: Project, trainee: str) -> Clock | None:
    """Start the trainee's time if it has not started (committed at once); their clock, or None without a
    time limit."""
    limit = _limit(project)
    return None if limit is None else _running(project, trainee, limit, begin=True)


def refuse_when_time_is_up(project: Project, coder_id: int) -> None:
    """Raise `TimeUp` when `coder_id` is coding an exercise file whose time limit they have used up; start
    their time at their first coding. Ordinary projects, and exercises without a limit, pass."""
    limit = _limit(project)
    name = None if limit is None else coder_name(project, coder_id)
    if limit is None or name is None:
        return
    running = _running(project, name, limit, begin=True)
    if running is not None and not running.left():
        deadline = running.deadline.astimezone().strftime("%H:%M")
        raise TimeUp(f"{project.path.name}: {name}'s {running.limit_minutes} minutes for this exercise ran out "
                     f"at {deadline}; the codings can no longer change: hand in the copy "
                     "(workbench exercise hand-in)", running)


def refuse_replay_when_time_is_up(project: Project, entry: Entry) -> None:
    """Raise `TimeUp` when undoing or redoing `entry` would change the codings of a trainee whose time is
    up: otherwise undo would be a way round the limit."""
    touched = [change for change in entry.changes if change.table == "codings"]
    if not touched or _limit(project) is None:
        return
    coders = {int(change.row["coder_id"]) if change.row is not None
              else coding_store.get(project, change.row_id).coder_id for change in touched}
    for coder_id in sorted(coders):
        refuse_when_time_is_up(project, coder_id)
