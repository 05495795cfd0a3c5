"""Handing an exercise in, and collecting the hand-ins into the reference project.

A hand-in is a copy of the trainee's exercise file with a `handin` record in its `meta`: the exercise's
GUID, the trainee's name, and a signature, the SHA-256 of (exercise GUID, trainee, the trainee's codings
and memos). The memos are the trainee's reasons ("coded Ex-amis: she says they were close"), which a
trainer reads beside each mistake; hand-ins written before memos were signed carry no memo count, and
their memos are not collected.
The signature is a tamper-evidence checksum, not an authentication: there is no secret key, so someone who
knows the recipe can recompute it after editing the codings. It catches a file changed by accident or by
a careless hand (a coding added in another tool, a file renamed to another trainee), which is the risk
between colleagues.

Collecting checks each file against the exercise as the reference project recorded it when the exercise
was created (`workbench.training.exercise`), never against what the file says about itself: the exercise
must come from this project, every document's text must be the one handed out and the one the project
still holds, the signature must match, and the trainee's hand-in must not have been collected already.
A file that fails any check gets one line naming it and changes nothing; a file that passes is collected
as one undoable action (its codings, the trainee's memos on them, on documents, codes and the exercise,
and the trainee as a coder of role trainee when new).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError
from workbench.journal import action
from workbench.output import output_file
from workbench.project import SUFFIX, Project
from workbench.reports import plural
from workbench.store import codings as coding_store
from workbench.store.coders import add_coder, coder_role, set_role
from workbench.store.memos import copy_memo
from workbench.training.clock import clock
from workbench.training.exercise import (
    ExerciseError,
    ExerciseInfo,
    content_digest,
    document_digests,
    read_exercise,
    registered_exercise,
)

HANDIN_KEY = "handin"
COLLECT_ACTION = "collect_handin"


def _trainee_codings(project: Project, trainee: str) -> list[dict[str, Any]]:
    """The trainee's codings with their code's GUID (what a coding means across files), in a fixed order."""
    return project.dicts(
        "SELECT g.document_id, c.guid AS code_guid, g.start_pos, g.end_pos FROM codings g "
        "JOIN codes c ON c.id = g.code_id JOIN coders p ON p.id = g.coder_id WHERE p.name = ? "
        "ORDER BY g.document_id, g.start_pos, g.end_pos, c.guid", [trainee])


def _trainee_memos(project: Project, trainee: str) -> list[dict[str, Any]]:
    """The trainee's memos, each target named as another copy of the exercise knows it: a document by its
    id, a code by its GUID, a coding by its document, code GUID and span. A memo on another coder's coding
    is about that passage's document."""
    rows = project.dicts(
        "SELECT m.target_kind, m.target_id, m.text, m.created_at, m.updated_at, c.guid AS code_guid, "
        "g.document_id AS coding_document, gc.guid AS coding_code, g.start_pos, g.end_pos, gk.name AS coding_coder "
        "FROM memos m JOIN coders k ON k.id = m.coder_id "
        "LEFT JOIN codes c ON m.target_kind = 'code' AND c.id = m.target_id "
        "LEFT JOIN codings g ON m.target_kind = 'coding' AND g.id = m.target_id "
        "LEFT JOIN codes gc ON gc.id = g.code_id LEFT JOIN coders gk ON gk.id = g.coder_id "
        "WHERE k.name = ? ORDER BY m.created_at, m.id", [trainee])
    memos = []
    for row in rows:
        memo = {"about": row["target_kind"], "document_id": None, "code_guid": None, "start_pos": None,
                "end_pos": None, "text": row["text"], "created_at": row["created_at"], "updated_at": row["updated_at"]}
        if row["target_kind"] == "document":
            memo["document_id"] = row["target_id"]
        elif row["target_kind"] == "code":
            memo["code_guid"] = row["code_guid"]
        elif row["target_kind"] == "coding" and row["coding_coder"] == trainee:
            memo.update(document_id=row["coding_document"], code_guid=row["coding_code"],
                        start_pos=row["start_pos"], end_pos=row["end_pos"])
        elif row["target_kind"] == "coding":
            memo.update(about="document", document_id=row["coding_document"])
        memos.append(memo)
    return memos


def _memo_key(memo: dict[str, Any]) -> list[Any]:
    return [memo["about"], memo["document_id"], memo["code_guid"], memo["start_pos"], memo["end_pos"], memo["text"]]


def signature(exercise_guid: str, trainee: str, codings: Sequence[dict[str, Any]],
              memos: Sequence[dict[str, Any]] | None = None) -> str:
    """SHA-256 over the exercise, the trainee, the codings (document, code GUID, span) and, unless None
    (a hand-in written before memos were signed), the memos (target and text)."""
    rows: list[Any] = sorted([int(c["document_id"]), str(c["code_guid"]), int(c["start_pos"]), int(c["end_pos"])]
                             for c in codings)
    signed: list[Any] = [exercise_guid, trainee, rows]
    if memos is not None:
        signed.append(sorted((_memo_key(memo) for memo in memos), key=lambda key: json.dumps(key, ensure_ascii=False)))
    payload = json.dumps(signed, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class HandIn:
    path: str
    exercise: str
    trainee: str
    codings: int
    signature: str
    handed_in_at: str
    time_limit_minutes: int | None = None
    minutes_used: int | None = None  # since the trainee's time started (`clock`), with a time limit only
    memos: int = 0

    def counted(self) -> str:
        """The codings, the memos if any and, with a time limit, the minutes used: "12 codings, 2 memos, 18
        of 20 minutes used"."""
        memos = f", {plural(self.memos, 'memo')}" if self.memos else ""
        used = (f", {self.minutes_used} of {self.time_limit_minutes} minutes used"
                if self.minutes_used is not None else "")
        return plural(self.codings, "coding") + memos + used

    def summary(self) -> str:
        return f"{self.trainee}'s hand-in written to {self.path} ({self.counted()})"


def hand_in(exercise_path: str | Path, trainee_name: str, out_path: str | Path) -> HandIn:
    """Write the signed hand-in `out_path`: a copy of the exercise file with the trainee's codings, the trainee
    recorded as a coder of role trainee (the role is corrected, journalled, when they coded as another)."""
    with Project.open(Path(exercise_path)) as exercise:
        return hand_in_project(exercise, trainee_name, out_path)


def hand_in_project(exercise: Project, trainee_name: str, out_path: str | Path) -> HandIn:
    """`hand_in` on an exercise file already open (the trainee's window holds it: opening the file a second
    time in the same process would drop the first connection's lock)."""
    source, out = exercise.path, Path(out_path)
    trainee = trainee_name.strip()
    if not trainee:
        raise ExerciseError("a hand-in needs the trainee's name")
    if out.suffix.lower() != SUFFIX:
        raise ExerciseError(f"{out}: a hand-in is a project file, whose name ends in {SUFFIX}")
    if out.exists() or out.is_symlink():
        raise ExerciseError(f"{out} already exists; give the hand-in a new file name")
    info = read_exercise(exercise, source)
    if is_handin(exercise):
        raise ExerciseError(f"{source} is already a hand-in; hand in the exercise file itself")
    role = coder_role(exercise, trainee)
    if role is None:
        known = [row[0] for row in exercise.rows("SELECT name FROM coders ORDER BY name")]
        raise ExerciseError(f"{source}: nobody named {trainee!r} coded this exercise "
                            f"(coders: {', '.join(known) if known else 'none yet'})")
    if role != "trainee":
        set_role(exercise, trainee, "trainee")
    codings = _trainee_codings(exercise, trainee)
    memos = _trainee_memos(exercise, trainee)
    now = datetime.now(UTC)
    running = clock(exercise, trainee)
    record = HandIn(str(out), info.guid, trainee, len(codings), signature(info.guid, trainee, codings, memos),
                    now.isoformat(timespec="seconds"), info.time_limit_minutes,
                    None if running is None else min(running.used_minutes(now), running.limit_minutes), len(memos))
    with output_file(out, exercise) as partial:
        exercise.copy_into(partial)
        with Project.open(partial) as copy, copy.transaction():
            copy.set_meta(HANDIN_KEY, json.dumps(record.__dict__, ensure_ascii=False, sort_keys=True))
    return record


def is_handin(project: Project) -> bool:
    """Whether this project is a hand-in (a copy of an exercise already signed by a trainee)."""
    return project.get_meta(HANDIN_KEY) is not None


# -- collecting ---------------------------------------------------------------------------------------------
@dataclass
class CollectReport:
    """Which hand-ins were collected and, one line each, which were refused and why."""

    collected: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    refusals: dict[str, WorkbenchError] = field(default_factory=dict)  # by the path as given, for the window

    def summary(self) -> str:
        refused = f", {plural(len(self.failures), 'file')} refused" if self.failures else ""
        return f"collected {plural(len(self.collected), 'hand-in')}{refused}"


@dataclass
class _Reading:
    """What a hand-in file holds, read once, the file then closed."""

    record: dict[str, Any]
    info: ExerciseInfo
    texts: dict[int, str]
    digest: str
    codings: list[dict[str, Any]]
    memos: list[dict[str, Any]] | None  # None: written before memos were signed, so none are collected


def _read_handin(path: Path, expected: ExerciseInfo | None = None) -> _Reading:
    with Project.open(path, read_only=True) as handin:
        stored = handin.get_meta(HANDIN_KEY)
        if stored is None:
            raise ExerciseError(f"{path} is not a hand-in (write one with `workbench exercise hand-in`)",
                                kind="not_a_handin")
        try:
            record = json.loads(stored)
            trainee, guid = str(record["trainee"]), str(record["exercise"])
        except (ValueError, KeyError, TypeError):
            raise ExerciseError(f"{path}: its hand-in record is damaged", kind="damaged") from None
        info = read_exercise(handin, path)
        reference = expected or info
        ours = guid == info.guid
        return _Reading(record, info, document_digests(handin, reference.document_ids),
                        content_digest(handin, reference.document_ids, reference.codes),
                        _trainee_codings(handin, trainee) if ours else [],
                        _trainee_memos(handin, trainee) if ours and "memos" in record else None)


def _already_collected(project: Project, exercise: str, trainee: str) -> bool:
    """A collect of this trainee's hand-in for this exercise stands in the journal (an undone one does not)."""
    return bool(project.scalar(
        "SELECT count(*) FROM journal WHERE action = ? AND NOT undone "
        "AND json_extract_string(payload, '$.summary.exercise') = ? "
        "AND json_extract_string(payload, '$.summary.trainee') = ?", [COLLECT_ACTION, exercise, trainee]))


def collected_handins(project: Project) -> list[dict[str, Any]]:
    """Every collect that stands (exercise GUID, trainee, file, codings), oldest first."""
    rows = project.rows(f"SELECT payload FROM journal WHERE action = '{COLLECT_ACTION}' AND NOT undone ORDER BY id")
    return [json.loads(row[0])["summary"] for row in rows]


def _check(project: Project, path: Path) -> tuple[_Reading, ExerciseInfo]:
    """The hand-in and its exercise as the project recorded it; ExerciseError at the first problem."""
    first = _read_handin(path)
    guid = str(first.record["exercise"])
    exercise = registered_exercise(project, guid)
    if exercise is None or first.info.guid != guid:
        raise ExerciseError(f"{path} belongs to an exercise that was not created from {project.path.name}",
                            kind="other_exercise", project=project.path.name)
    reading = _read_handin(path, exercise)
    trainee = str(reading.record["trainee"])
    current = document_digests(project, exercise.document_ids)
    for key, digest in sorted(exercise.documents.items(), key=lambda item: int(item[0])):
        document_id = int(key)
        if reading.texts.get(document_id) != digest:
            raise ExerciseError(f"{path}: the text of document {document_id} is not the one handed out "
                                "(the hand-in was edited)", kind="text_edited", document=document_id)
        if current.get(document_id) != digest:
            raise ExerciseError(f"{path}: document {document_id} of the exercise has another text in "
                                f"{project.path.name}, or is gone from it", kind="text_changed_here",
                                document=document_id, project=project.path.name)
    if reading.digest != exercise.digest:
        raise ExerciseError(f"{path}: its codebook is not the one handed out (codes were renamed, moved or removed)",
                            kind="codebook_changed")
    if signature(guid, trainee, reading.codings, reading.memos) != reading.record.get("signature"):
        raise ExerciseError(f"{path}: the signature does not match {trainee}'s codings and memos "
                            "(the file was changed after it was handed in)", kind="signature", trainee=trainee)
    if _already_collected(project, guid, trainee):
        raise ExerciseError(f"{path}: {trainee}'s hand-in for this exercise was already collected",
                            kind="already_collected", trainee=trainee)
    role = coder_role(project, trainee)
    if role not in (None, "trainee"):
        raise ExerciseError(f"{path}: {trainee} is a coder of role {role} in {project.path.name}, not a trainee",
                            kind="not_a_trainee", trainee=trainee, role=role, project=project.path.name)
    if role == "trainee" and project.scalar(
            "SELECT count(*) FROM codings g JOIN coders p ON p.id = g.coder_id WHERE p.name = ? "
            "AND g.document_id IN (SELECT unnest(?::BIGINT[]))", [trainee, exercise.document_ids]):
        raise ExerciseError(f"{path}: {trainee} already has codings on documents of this exercise "
                            "(from another exercise?); remove them first", kind="has_codings", trainee=trainee)
    return reading, exercise


def _collect_one(project: Project, path: Path) -> dict[str, Any]:
    reading, exercise = _check(project, path)
    trainee = str(reading.record["trainee"])
    memos = reading.memos or []
    guids = {c["code_guid"] for c in reading.codings} | {m["code_guid"] for m in memos if m["code_guid"]}
    code_ids = dict(project.rows("SELECT guid, id FROM codes WHERE guid IN (SELECT unnest(?::VARCHAR[]))",
                                 [sorted(guids)]))
    summary = {"exercise": exercise.guid, "trainee": trainee, "signature": reading.record["signature"],
               "file": str(path), "codings": len(reading.codings), "memos": len(memos),
               "minutes_used": reading.record.get("minutes_used"),
               "time_limit_minutes": reading.record.get("time_limit_minutes")}
    with action(project, COLLECT_ACTION, None, summary,
                f"collected {trainee}'s hand-in ({plural(len(reading.codings), 'coding')}, "
                f"{plural(len(memos), 'memo')}) from {path.name}") as rec:
        trainee_id = project.scalar("SELECT id FROM coders WHERE name = ?", [trainee])
        if trainee_id is None:
            trainee_id = add_coder(project, trainee, "trainee")
        rec.coder_id = trainee_id
        made: dict[tuple[Any, ...], int] = {}
        for coding in reading.codings:
            code_id = code_ids.get(coding["code_guid"])
            if code_id is None:
                raise ExerciseError(f"{path}: a code of the exercise is gone from {project.path.name}",
                                    kind="code_gone", project=project.path.name)
            try:
                checked = coding_store.validate(project, coding["document_id"], code_id, trainee_id,
                                                 coding["start_pos"], coding["end_pos"])
                checked.refuse_twin(coding["document_id"])
            except WorkbenchError as exc:
                raise ExerciseError(f"{path}: {exc}") from None
            made[(coding["document_id"], coding["code_guid"], coding["start_pos"], coding["end_pos"])] = (
                coding_store.insert(rec, coding["document_id"], code_id, trainee_id, checked, origin="import"))
        for memo in memos:
            target = {"project": None, "document": memo["document_id"], "code": code_ids.get(memo["code_guid"]),
                      "coding": made.get((memo["document_id"], memo["code_guid"], memo["start_pos"], memo["end_pos"]))}
            try:
                copy_memo(rec, memo["about"], target[memo["about"]], trainee_id, memo["text"], memo["created_at"],
                          memo["updated_at"])
            except WorkbenchError as exc:
                raise ExerciseError(f"{path}: {exc}") from None
    return summary


def collect(project: Project, handin_paths: Sequence[str | Path]) -> CollectReport:
    """Collect each hand-in into `project`, the reference project, file by file (each whole or nothing)."""
    report = CollectReport()
    for given in handin_paths:
        path = Path(given)
        try:
            if not path.is_file():
                raise ExerciseError(f"{path} does not exist or is not a file", kind="not_found")
            if path.resolve() == project.path.resolve():
                raise ExerciseError(f"{path} is the reference project itself, not a hand-in", kind="reference")
            report.collected.append(_collect_one(project, path))
        except WorkbenchError as exc:
            message = str(exc)
            report.failures.append(message if str(path) in message else f"{path}: {message}")
            report.refusals[str(path)] = exc
    return report
