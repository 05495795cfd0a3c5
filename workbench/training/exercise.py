"""Exercises: a trainer hands a few documents and part of the codebook to trainees, each on their own laptop.

An exercise file is an ordinary project (`.vwb`) that holds only what a trainee needs: the chosen documents
(same ids, same normalised text, their case variables and their source rows), the chosen codes (with their
ancestors, so the tree stays whole, and their descendants), and the exercise's identity in `meta`. It holds
no codings, suggestions, memos, coders, journal, search index or pseudonym tables: nothing of the
reference's answers can be read back from it, not even from freed blocks, since the file is built fresh
rather than copied and pruned.

The identity is a GUID and a SHA-256 digest over the documents' texts and the codebook part. The reference
project keeps the same record in its `meta` (key `exercise:<guid>`), so collecting a hand-in checks it
against the trainer's own copy, never against what the hand-in says about itself.

The exercise's tables are written into a new file attached to the source project's connection, a copy like
`workbench backup`: no table of the source project is written here, only its `meta` record.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from workbench.codebook import descendants
from workbench.document_list import DocumentQuery, ordered_ids
from workbench.errors import WorkbenchError
from workbench.output import output_file
from workbench.project import EXERCISE_KEY, SUFFIX, Project
from workbench.reports import WholeOrNothing, plural

REGISTRY_PREFIX = "exercise:"  # meta keys of the exercises created from a project, in that project
_ATTACHED = "_wb_exercise"


class ExerciseError(WorkbenchError):
    """An exercise cannot be created, handed in or collected; the message says why, naming the file.
    Collecting's refusals also carry a `kind` and its `details` (as `IngestError` does), so that the
    trainer's window can say them in its own language."""

    def __init__(self, message: str, *, kind: str | None = None, **details: object) -> None:
        super().__init__(message)
        self.kind = kind
        self.details = details


@dataclass
class ExerciseInfo(WholeOrNothing):
    """What identifies an exercise and what it holds: stored as JSON in the file's and the project's meta."""

    guid: str
    path: str
    created_at: str
    instructions: str
    time_limit_minutes: int | None
    documents: dict[str, str]  # document id (as text, a JSON key) -> SHA-256 of its text
    codes: list[str]  # GUIDs of every code the exercise holds
    roots: list[str]  # GUIDs of the codes the trainer chose
    digest: str  # SHA-256 over the documents' texts and the codebook part

    @property
    def document_ids(self) -> list[int]:
        return sorted(int(key) for key in self.documents)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ExerciseInfo:
        return cls(**json.loads(text))

    def summary(self) -> str:
        limit = f", time limit {self.time_limit_minutes} min" if self.time_limit_minutes else ""
        return (f"exercise {self.guid} written to {self.path}: {plural(len(self.documents), 'document')}, "
                f"{plural(len(self.codes), 'code')}{limit}")


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_digests(project: Project, document_ids: Sequence[int]) -> dict[int, str]:
    """SHA-256 of the stored text of each of these documents that the project holds."""
    rows = project.rows("SELECT id, text FROM documents WHERE id IN (SELECT unnest(?::BIGINT[]))",
                        [list(document_ids)])
    return {int(row[0]): text_digest(row[1]) for row in rows}


def content_digest(project: Project, document_ids: Sequence[int], code_guids: Sequence[str]) -> str:
    """One SHA-256 over the documents' texts (by id) and the codes (GUID, parent's GUID, name, codable): equal
    in the exercise file and in any copy of it whose documents and codebook part were left alone."""
    texts = sorted(document_digests(project, document_ids).items())
    codes = [list(row) for row in project.rows(
        "SELECT c.guid, p.guid, c.name, c.codable FROM codes c LEFT JOIN codes p ON p.id = c.parent_id "
        "WHERE c.guid IN (SELECT unnest(?::VARCHAR[])) ORDER BY c.guid", [list(code_guids)])]
    payload = json.dumps({"documents": texts, "codes": codes}, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def read_exercise(project: Project, path: str | Path | None = None) -> ExerciseInfo:
    """The identity an exercise file (or a hand-in) carries; ExerciseError when it is not one."""
    stored = project.get_meta(EXERCISE_KEY)
    if stored is None:
        raise ExerciseError(f"{path or project.path} is a project, not an exercise file")
    try:
        return ExerciseInfo.from_json(stored)
    except (ValueError, TypeError) as exc:
        raise ExerciseError(f"{path or project.path}: its exercise record is damaged ({exc})") from None


def exercise_of(project: Project) -> ExerciseInfo | None:
    """The exercise this project is (an exercise file or a hand-in), None for an ordinary project: the
    window opens an exercise in trainee mode."""
    return None if project.get_meta(EXERCISE_KEY) is None else read_exercise(project)


def registered_exercises(project: Project) -> list[ExerciseInfo]:
    """The exercises created from this project, oldest first (the order progress is shown in)."""
    rows = project.rows("SELECT value FROM meta WHERE starts_with(key, ?)", [REGISTRY_PREFIX])
    return sorted((ExerciseInfo.from_json(row[0]) for row in rows), key=lambda info: (info.created_at, info.guid))


def registered_exercise(project: Project, guid: str) -> ExerciseInfo | None:
    stored = project.get_meta(REGISTRY_PREFIX + guid)
    return None if stored is None else ExerciseInfo.from_json(stored)


def _document_ids(project: Project, documents: Sequence[int] | DocumentQuery) -> list[int]:
    if isinstance(documents, DocumentQuery):
        ids = [int(i) for i in ordered_ids(project, documents)]
    else:
        ids = sorted({int(d) for d in documents})
        known = set(document_digests(project, ids))
        missing = [d for d in ids if d not in known]
        if missing:
            raise ExerciseError(f"unknown document(s): {', '.join(map(str, missing[:10]))}")
    if not ids:
        raise ExerciseError("the selection holds no document: an exercise needs at least one")
    return sorted(ids)


def _code_ids(project: Project, roots: Sequence[int] | None) -> tuple[list[int], list[int]]:
    """(every code to copy, the chosen roots): the roots with their descendants and their ancestors."""
    if roots is None:
        everything = [row[0] for row in project.rows("SELECT id FROM codes ORDER BY id")]
        chosen = [row[0] for row in project.rows("SELECT id FROM codes WHERE parent_id IS NULL ORDER BY id")]
    else:
        chosen = list(dict.fromkeys(int(r) for r in roots))
        parents = dict(project.rows("SELECT id, parent_id FROM codes"))
        unknown = [r for r in chosen if r not in parents]
        if unknown:
            raise ExerciseError(f"unknown code id(s): {', '.join(map(str, unknown))}")
        found: set[int] = set()
        for root in chosen:
            found.update([root, *descendants(project, root)])
            parent = parents[root]
            while parent is not None and parent not in found:
                found.add(parent)
                parent = parents.get(parent)
        everything = sorted(found)
    if not project.scalar("SELECT count(*) FROM codes WHERE codable AND id IN (SELECT unnest(?::INTEGER[]))",
                          [everything]):
        raise ExerciseError("the chosen codes hold no codable code: trainees would have nothing to apply")
    return everything, chosen


def create_exercise(
    project: Project,
    out_path: str | Path,
    *,
    documents: Sequence[int] | DocumentQuery,
    codes: Sequence[int] | None = None,
    instructions: str,
    time_limit_minutes: int | None = None,
) -> ExerciseInfo:
    """Write the exercise file `out_path` and record the exercise in `project` (whole or nothing).

    `documents` are ids or a query; `codes` are the code ids to hand out (each with everything below it;
    default: the whole codebook)."""
    out = Path(out_path)
    if out.suffix.lower() != SUFFIX:
        raise ExerciseError(f"{out}: an exercise is a project file, whose name ends in {SUFFIX}")
    if out.exists() or out.is_symlink():
        raise ExerciseError(f"{out} already exists; give the exercise a new file name")
    if project.read_only:
        raise ExerciseError(f"{project.path} is open read-only; creating an exercise records it in the project")
    instructions = instructions.strip()
    if not instructions:
        raise ExerciseError("an exercise needs instructions for the trainees")
    if time_limit_minutes is not None and time_limit_minutes <= 0:
        raise ExerciseError(f"the time limit is a number of minutes above 0, not {time_limit_minutes}")
    document_ids = _document_ids(project, documents)
    code_ids, roots = _code_ids(project, codes)
    guids = dict(project.rows("SELECT id, guid FROM codes WHERE id IN (SELECT unnest(?::INTEGER[]))", [code_ids]))
    info = ExerciseInfo(
        guid=str(uuid.uuid4()), path=str(out), created_at=datetime.now(UTC).isoformat(timespec="microseconds"),
        instructions=instructions, time_limit_minutes=time_limit_minutes,
        documents={str(k): v for k, v in sorted(document_digests(project, document_ids).items())},
        codes=sorted(guids.values()), roots=[guids[r] for r in roots],
        digest=content_digest(project, document_ids, list(guids.values())),
    )
    with output_file(out, project) as partial:
        Project.create(partial, project.language).close()
        _copy_selection(project, partial, document_ids, code_ids)
        with Project.open(partial) as exercise:
            _advance_sequences(exercise)
            with exercise.transaction():
                exercise.set_meta(EXERCISE_KEY, info.to_json())
            if content_digest(exercise, document_ids, info.codes) != info.digest:
                raise ExerciseError(f"{out}: the copy does not match the project; nothing was written")
        with project.transaction():
            project.set_meta(REGISTRY_PREFIX + info.guid, info.to_json())
    return info


def _copy_selection(project: Project, target: Path, document_ids: list[int], code_ids: list[int]) -> None:
    """Copy the chosen rows into the fresh exercise file, attached for the time of the copy."""
    project.execute(f"ATTACH ? AS {_ATTACHED}", [str(target)])
    try:
        docs, codes = [document_ids], [code_ids]
        chosen = "SELECT unnest(?::BIGINT[])"
        project.execute(f"INSERT INTO {_ATTACHED}.sources SELECT * FROM sources WHERE id IN "
                        f"(SELECT source_id FROM documents WHERE id IN ({chosen}))", docs)
        project.execute(f"INSERT INTO {_ATTACHED}.documents SELECT * FROM documents WHERE id IN ({chosen}) "
                        "ORDER BY id", docs)
        project.execute(f"INSERT INTO {_ATTACHED}.variables SELECT * FROM variables")
        project.execute(f"INSERT INTO {_ATTACHED}.document_values SELECT * FROM document_values "
                        f"WHERE document_id IN ({chosen})", docs)
        project.execute(f"INSERT INTO {_ATTACHED}.codes SELECT * FROM codes WHERE id IN "
                        "(SELECT unnest(?::INTEGER[])) ORDER BY id", codes)
    finally:
        project.execute(f"DETACH {_ATTACHED}")


def _advance_sequences(exercise: Project) -> None:
    """Move each id sequence past the copied ids, so a variable or document a trainee adds gets a free id
    (codes cannot be added: the codebook is the trainer's)."""
    for table in ("sources", "documents", "variables"):
        highest = int(exercise.scalar(f"SELECT coalesce(max(id), 0) FROM {table}"))
        if highest:
            exercise.execute(f"SELECT max(nextval('{table}_id')) FROM range(?)", [highest])
