"""Trainer scoring: how a trainee's codings compare with a reference coder's, code by code.

Two views, because they answer different feedback questions:
- document level ("did you see billing in this call?"): per code, a document counts as found when both
  applied the code anywhere in it; precision = shared / trainee's documents, recall = shared / reference's;
- span level ("did you mark the right passage?"): a reference coding is found when a trainee coding of the
  same code in the same document overlaps it; a trainee coding is correct when it overlaps a reference coding
  of the same code. "Overlaps" means at least one shared character by default; with `min_overlap` > 0 the
  shared characters divided by the characters either covers (Jaccard) must reach it, so a one-word span
  inside a whole-paragraph reference no longer counts.

Misses (reference codings not found) and false alarms (trainee codings not correct) come with the coded
text, the document title and what the other coder put there instead, and the most confused code pairs
(trainee used X where the reference used Y) summarise the pattern. The document selection and code
selection follow `agreement`: by default the documents both coded, the codes either used there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from workbench.codebook import code_path, code_roots
from workbench.errors import CodingError
from workbench.project import Project
from workbench.training.agreement import (
    load_codings,
    pair_codings,
    resolve_coders,
    select_codes,
    select_documents,
    spans_match,
)

EXCERPT = 300


@dataclass
class Score:
    """Precision, recall and F1 from unit counts; None (not 0) when a ratio has no denominator."""

    reference: int  # units the reference has (documents or codings)
    trainee: int  # units the trainee has
    found: int  # reference units the trainee matched (recall numerator)
    correct: int  # trainee units matching the reference (precision numerator)
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None

    def __post_init__(self) -> None:
        self.precision = self.correct / self.trainee if self.trainee else None
        self.recall = self.found / self.reference if self.reference else None
        if self.found == 0 and self.correct == 0:
            # nothing matched: F1 is 0 as soon as either coder coded something (a missed code with no
            # trainee codings has no precision but certainly no F1 above 0), undefined when neither did
            self.f1 = 0.0 if self.reference or self.trainee else None
        else:  # a match implies codings on both sides, so both ratios exist
            self.f1 = 2 * self.precision * self.recall / (self.precision + self.recall)


@dataclass
class CodeScore:
    code_id: int
    code: str
    document: Score
    span: Score


@dataclass
class TraineeReport:
    reference: str
    trainee: str
    min_overlap: float
    document_ids: list[int]
    per_code: list[CodeScore]
    document: Score
    span: Score
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    confusions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_frame(self) -> Any:
        """One row per code: document- and span-level precision, recall, F1 and counts (pandas)."""
        import pandas as pd

        rows = []
        for item in self.per_code:
            row: dict[str, Any] = {"code_id": item.code_id, "code": item.code}
            for level in ("document", "span"):
                row.update({f"{level}_{key}": value for key, value in asdict(getattr(item, level)).items()})
            rows.append(row)
        return pd.DataFrame(rows)


def _excerpt(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    return piece[:EXCERPT] + "…" if len(piece) > EXCERPT else piece


def score_trainee(
    project: Project,
    reference: int | str,
    trainee: int | str,
    *,
    documents: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
    min_overlap: float = 0.0,
) -> TraineeReport:
    """Score `trainee` against `reference`: per code and overall (micro-averaged), with misses, false alarms
    and confusions."""
    if not 0.0 <= min_overlap <= 1.0:
        raise CodingError(f"min_overlap is a share of characters between 0 and 1, not {min_overlap}")
    (ref_id, ref_name), (trainee_id, trainee_name) = resolve_coders(project, [reference, trainee])
    document_ids = select_documents(project, [ref_id, trainee_id], documents)
    code_ids = select_codes(project, [ref_id, trainee_id], document_ids, codes)
    by_document: dict[int, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: {ref_id: [], trainee_id: []})
    for coding in load_codings(project, [ref_id, trainee_id], document_ids, code_ids):
        by_document[coding["document_id"]][coding["coder_id"]].append(coding)

    documents_of: dict[tuple[int, int], set[int]] = defaultdict(set)  # (coder, code) -> documents
    span_counts: dict[int, Counter[str]] = defaultdict(Counter)  # code -> reference/trainee/found/correct
    missed: list[dict[str, Any]] = []
    alarms: list[dict[str, Any]] = []
    instead: dict[int, list[int]] = defaultdict(list)  # coding id -> codes the other coder used there
    confused: Counter[tuple[int, int]] = Counter()
    confused_in: dict[tuple[int, int], list[int]] = defaultdict(list)
    roots = code_roots(project)

    def span(coding: dict[str, Any]) -> tuple[int, int]:
        return coding["start_pos"], coding["end_pos"]

    for document_id, split in by_document.items():
        ref_codings, trainee_codings = split[ref_id], split[trainee_id]
        for coder_id, codings in ((ref_id, ref_codings), (trainee_id, trainee_codings)):
            for coding in codings:
                documents_of[(coder_id, coding["code_id"])].add(document_id)
        for r in ref_codings:
            counts = span_counts[r["code_id"]]
            counts["reference"] += 1
            if any(t["code_id"] == r["code_id"] and spans_match(span(r), span(t), min_overlap) for t in trainee_codings):
                counts["found"] += 1
            else:
                missed.append(r)
        for t in trainee_codings:
            counts = span_counts[t["code_id"]]
            counts["trainee"] += 1
            if any(r["code_id"] == t["code_id"] and spans_match(span(t), span(r), min_overlap) for r in ref_codings):
                counts["correct"] += 1
            else:
                alarms.append(t)
        for ref_code, trainee_code, r, t in pair_codings(ref_codings, trainee_codings, roots, min_overlap):
            if r is not None and t is not None and ref_code != trainee_code:
                instead[r["id"]].append(trainee_code)
                instead[t["id"]].append(ref_code)
                confused[(trainee_code, ref_code)] += 1
                confused_in[(trainee_code, ref_code)].append(document_id)

    labels = {code_id: code_path(project, code_id) for code_id in code_ids}
    per_code = []
    for code_id in code_ids:
        ref_docs = documents_of[(ref_id, code_id)]
        trainee_docs = documents_of[(trainee_id, code_id)]
        shared = len(ref_docs & trainee_docs)
        counts = span_counts[code_id]
        per_code.append(CodeScore(
            code_id, labels[code_id],
            Score(len(ref_docs), len(trainee_docs), shared, shared),
            Score(counts["reference"], counts["trainee"], counts["found"], counts["correct"]),
        ))
    overall_document = Score(*(sum(getattr(c.document, key) for c in per_code)
                               for key in ("reference", "trainee", "found", "correct")))
    overall_span = Score(*(sum(getattr(c.span, key) for c in per_code)
                           for key in ("reference", "trainee", "found", "correct")))

    details = _document_details(project, {c["document_id"] for c in missed + alarms})

    def described(coding: dict[str, Any]) -> dict[str, Any]:
        title, text = details[coding["document_id"]]
        return {
            "coding_id": coding["id"],
            "document_id": coding["document_id"],
            "title": title,
            "code": labels[coding["code_id"]],
            "start": coding["start_pos"],
            "end": coding["end_pos"],
            "text": _excerpt(text, coding["start_pos"], coding["end_pos"]),
            "other_coder_used": [labels[c] for c in instead.get(coding["id"], [])],
        }

    confusions = [
        {"trainee_code": labels[t], "reference_code": labels[r], "count": n,
         "document_ids": sorted(set(confused_in[(t, r)]))[:10]}
        for (t, r), n in sorted(confused.items(), key=lambda item: (-item[1], labels[item[0][0]], labels[item[0][1]]))
    ]
    def order(coding: dict[str, Any]) -> tuple[int, int, int]:
        return coding["document_id"], coding["start_pos"], coding["id"]

    return TraineeReport(
        ref_name, trainee_name, min_overlap, document_ids, per_code, overall_document, overall_span,
        [described(c) for c in sorted(missed, key=order)],
        [described(c) for c in sorted(alarms, key=order)],
        confusions,
    )


def _document_details(project: Project, document_ids: set[int]) -> dict[int, tuple[str, str]]:
    """(title, text) of the documents a report quotes; untitled documents are named by their id."""
    if not document_ids:
        return {}
    rows = project.rows("SELECT id, title, text FROM documents WHERE id IN (SELECT unnest(?::BIGINT[]))",
                        [sorted(document_ids)])
    return {row[0]: (row[1] or f"document {row[0]}", row[2]) for row in rows}
