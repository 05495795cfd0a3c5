"""The exercise work the window runs as jobs: each engine call wrapped to the `ui.workers.Job` convention
(first argument the worker's own project handle, `progress=` and `cancel=` keywords) and, for the window's
status bar, a result with `summary()` (its sentence from `ui.job_messages`) and `failures`.

Scores are computed afresh in each job from the reference project: the feedback files are always written
from what the project holds when the export starts, never from a table shown minutes earlier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ui.job_messages import job_message
from workbench.document_list import DocumentQuery
from workbench.project import Project
from workbench.reports import WholeOrNothing
from workbench.training.exercise import ExerciseInfo, create_exercise
from workbench.training.feedback import GroupFeedback, exercise_feedback
from workbench.training.handin import CollectReport, HandIn, collect, hand_in_project


@dataclass
class Written(WholeOrNothing):
    """The feedback a job wrote, for the status bar: how many sheets (`format` "excel") or pages ("html")."""

    format: str
    count: int
    path: str

    def summary(self) -> str:
        return job_message(self)


def create(project: Project, out: Path, documents: Sequence[int] | DocumentQuery, codes: Sequence[int] | None,
           instructions: str, time_limit: int | None, **_job: Any) -> ExerciseInfo:
    return create_exercise(project, out, documents=documents, codes=codes, instructions=instructions,
                           time_limit_minutes=time_limit)


def collect_files(project: Project, paths: Sequence[Path], **_job: Any) -> CollectReport:
    return collect(project, list(paths))


def feedback(project: Project, reference: str | None, **_job: Any) -> GroupFeedback:
    return exercise_feedback(project, reference)


def export_excel(project: Project, reference: str | None, path: Path, **_job: Any) -> Written:
    from workbench.export.feedback_excel import export_feedback_xlsx

    sheets = export_feedback_xlsx(project, exercise_feedback(project, reference), path)
    return Written("excel", len(sheets), str(path))


def export_html(project: Project, reference: str | None, folder: Path, **_job: Any) -> Written:
    from workbench.export.feedback_html import export_feedback_html

    pages = export_feedback_html(project, exercise_feedback(project, reference), folder)
    return Written("html", len(pages), str(folder))


@dataclass
class HandedIn(WholeOrNothing):
    record: HandIn

    def summary(self) -> str:
        return job_message(self)


def hand_in(project: Project, trainee: str, out: Path, **_job: Any) -> HandedIn:
    return HandedIn(hand_in_project(project, trainee, out))
