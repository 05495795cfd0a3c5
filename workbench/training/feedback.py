"""Feedback on collected exercises: each trainee against the reference coder, and the group as a whole.

Per trainee and exercise, `trainee_scores.score_trainee` gives F1 per code at document and span level,
misses, false alarms and confused pairs; this module restricts it to the exercise's documents and codes
and adds what a trainer needs to explain a mistake: the reference's passage beside the trainee's, the
code's definition and indicators, and the trainee's own memos there (their reasons, collected with the
hand-in). For the group: per-code difficulty (the mean F1 of the trainees, lowest first), Krippendorff's
alpha among the trainees (`agreement`, pooled over the exercise's codes), and each trainee's overall F1
across successive exercises, in the order they were created.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from workbench.codebook import code_path
from workbench.errors import CodingError
from workbench.project import Project
from workbench.training.agreement import agreement
from workbench.training.exercise import ExerciseInfo, registered_exercises
from workbench.training.handin import collected_handins
from workbench.training.trainee_scores import TraineeReport, score_trainee

TOP_CONFUSIONS = 5


@dataclass
class Difficulty:
    """How hard a code was for the group: the mean of the trainees' F1 (None when no trainee had one)."""

    code: str
    definition: str | None
    document_f1: float | None
    span_f1: float | None
    trainees: int


@dataclass
class ExerciseFeedback:
    exercise: ExerciseInfo
    number: int  # 1 for the oldest exercise of the project
    trainees: dict[str, TraineeReport]
    difficulty: list[Difficulty]
    alpha_document: float | None
    alpha_character: float | None
    alpha_notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Exercise {self.number} ({self.exercise.created_at[:10]})"


@dataclass
class GroupFeedback:
    reference: str
    exercises: list[ExerciseFeedback]

    @property
    def trainees(self) -> list[str]:
        return sorted({name for item in self.exercises for name in item.trainees}, key=str.casefold)

    def progress(self) -> dict[str, list[tuple[str, float | None, float | None]]]:
        """Trainee -> (exercise label, document F1, span F1) for each exercise they handed in, oldest first."""
        found: dict[str, list[tuple[str, float | None, float | None]]] = defaultdict(list)
        for item in self.exercises:
            for name, report in item.trainees.items():
                found[name].append((item.label, report.document.f1, report.span.f1))
        return dict(found)


def reference_coder(project: Project, name: str | None) -> str:
    """The reference coder named, or the project's only coder of role reference."""
    if name is not None:
        if project.scalar("SELECT id FROM coders WHERE name = ?", [name]) is None:
            raise CodingError(f"unknown coder {name!r}")
        return name
    names = [row[0] for row in project.rows("SELECT name FROM coders WHERE role = 'reference' ORDER BY name")]
    if len(names) != 1:
        listing = ", ".join(names) if names else "none"
        raise CodingError(f"name the reference coder (coders of role reference: {listing})")
    return names[0]


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return mean(present) if present else None


def _explain(project: Project, report: TraineeReport, reference_id: int, codes: dict[str, dict[str, Any]]) -> None:
    """Give each miss and false alarm the code's definition and indicators and the reference's passage there
    (for a miss, the passage the trainee did not code; for a false alarm, what the reference coded in
    the span, if anything)."""
    for item in report.misses:
        item["reference_passage"] = item["text"]
    documents = {item["document_id"] for item in report.false_alarms}
    passages: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if documents:
        for row in project.dicts(
                "SELECT g.document_id, g.code_id, g.start_pos, g.end_pos, "
                "substring(d.text, g.start_pos + 1, g.end_pos - g.start_pos) AS text "
                "FROM codings g JOIN documents d ON d.id = g.document_id WHERE g.coder_id = ? "
                "AND g.document_id IN (SELECT unnest(?::BIGINT[])) ORDER BY g.start_pos", [reference_id, sorted(documents)]):
            passages[row["document_id"]].append(row)
    for item in report.false_alarms:
        overlapping = [p for p in passages[item["document_id"]] if p["start_pos"] < item["end"] and item["start"] < p["end_pos"]]
        item["reference_passage"] = " … ".join(p["text"] for p in overlapping)
    for item in report.misses + report.false_alarms:
        code = codes.get(item["code"], {})
        item["definition"] = code.get("description")
        item["indicators"] = list(code.get("indicators") or [])


def _attach_notes(project: Project, report: TraineeReport, trainee: str) -> None:
    """Give each miss and false alarm the trainee's own words (`trainee_notes`): their memos on the coding
    (a false alarm is one of their codings) and on its document. A trainee's reason ("she says they were
    close, so Ex-amis") is what a trainer needs to tell a misread definition from a misread text."""
    documents = sorted({item["document_id"] for item in report.misses + report.false_alarms})
    if not documents:
        return
    notes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for kind, target, text in project.rows(
            "SELECT m.target_kind, m.target_id, m.text FROM memos m JOIN coders k ON k.id = m.coder_id "
            "LEFT JOIN codings g ON m.target_kind = 'coding' AND g.id = m.target_id WHERE k.name = ? "
            "AND ((m.target_kind = 'document' AND m.target_id IN (SELECT unnest(?::BIGINT[]))) "
            "OR (m.target_kind = 'coding' AND g.document_id IN (SELECT unnest(?::BIGINT[])))) "
            "ORDER BY m.created_at, m.id", [trainee, documents, documents]):
        notes[(kind, target)].append(text)
    for item in report.false_alarms:
        item["trainee_notes"] = notes[("coding", item["coding_id"])] + notes[("document", item["document_id"])]
    for item in report.misses:
        item["trainee_notes"] = list(notes[("document", item["document_id"])])


def exercise_feedback(project: Project, reference: str | None = None, *, min_overlap: float = 0.0) -> GroupFeedback:
    """Scores of every collected hand-in against the reference coder, exercise by exercise, oldest first."""
    reference = reference_coder(project, reference)
    reference_id = int(project.scalar("SELECT id FROM coders WHERE name = ?", [reference]))
    by_exercise: dict[str, list[str]] = defaultdict(list)
    for item in collected_handins(project):
        if item["trainee"] not in by_exercise[item["exercise"]]:
            by_exercise[item["exercise"]].append(item["trainee"])
    exercises: list[ExerciseFeedback] = []
    for number, info in enumerate(registered_exercises(project), start=1):
        trainees = sorted(by_exercise.get(info.guid, []), key=str.casefold)
        if not trainees:
            continue
        code_rows = project.dicts("SELECT id, description, indicators, codable FROM codes "
                                  "WHERE guid IN (SELECT unnest(?::VARCHAR[])) ORDER BY id", [info.codes])
        code_ids = [row["id"] for row in code_rows if row["codable"]]
        codes = {code_path(project, row["id"]): row for row in code_rows}
        reports = {}
        for trainee in trainees:
            report = score_trainee(project, reference, trainee, documents=info.document_ids, codes=code_ids,
                                   min_overlap=min_overlap)
            _explain(project, report, reference_id, codes)
            _attach_notes(project, report, trainee)
            report.confusions = report.confusions[:TOP_CONFUSIONS]
            reports[trainee] = report
        difficulty = []
        for index, code_score in enumerate(next(iter(reports.values())).per_code):
            rows = [report.per_code[index] for report in reports.values()]
            difficulty.append(Difficulty(code_score.code, codes.get(code_score.code, {}).get("description"),
                                         _mean([r.document.f1 for r in rows]), _mean([r.span.f1 for r in rows]),
                                         len(rows)))
        difficulty.sort(key=lambda d: (d.span_f1 is None, d.span_f1 if d.span_f1 is not None else 0.0, d.code))
        alphas: list[float | None] = [None, None]
        notes: list[str] = []
        if len(trainees) < 2:
            notes.append("agreement among trainees needs at least two hand-ins")
        else:
            for slot, level in enumerate(("document", "character")):
                overall = agreement(project, trainees, documents=info.document_ids, codes=code_ids, level=level).overall
                alphas[slot] = overall.krippendorff_alpha
                notes.extend(f"{level} level: {note}" for note in overall.notes if "kappa" not in note)
        exercises.append(ExerciseFeedback(info, number, reports, difficulty, alphas[0], alphas[1], notes))
    if not exercises:
        raise CodingError(f"{project.path.name} holds no collected hand-in yet (workbench exercise collect)")
    return GroupFeedback(reference, exercises)
