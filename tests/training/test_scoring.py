"""Trainer scoring on a small hand-made case whose answers are worked out in the comments."""

from __future__ import annotations

import pytest
from builders import add_code, add_document

from workbench.coding import apply_code
from workbench.errors import CodingError
from workbench.project import Project
from workbench.training.trainee_scores import Score, score_trainee

TEXTS = [
    "Je ne l'ai pris qu'une fois, sans engagement.",
    "Vous me faites la cour avec vos offres, remboursez-moi.",
    "Vous êtes mes ennemis, rien de moins.",
    "Une commande comme ça, en passant, rien de plus.",
]


@pytest.fixture
def case(project: Project) -> dict[str, int]:
    forms = add_code(project, "Formes", codable=False)
    reasons = add_code(project, "Motifs", codable=False)
    ids = {
        "fling": add_code(project, "Aventure", forms),
        "courtship": add_code(project, "Cour", forms),
        "enmity": add_code(project, "Inimitié", forms),
        "billing": add_code(project, "Facturation", reasons),
        "refund": add_code(project, "Remboursement", reasons),
    }
    d1, d2, d3, d4 = (add_document(project, text, f"Appel {i}") for i, text in enumerate(TEXTS, start=1))
    ids.update(d1=d1, d2=d2, d3=d3, d4=d4)
    reference = [(d1, "fling", None), (d1, "billing", (0, 10)), (d2, "courtship", None), (d2, "refund", (5, 20)),
                 (d3, "enmity", None), (d4, "fling", None)]
    trainee = [(d1, "fling", None), (d1, "billing", (3, 12)),  # Jaccard 7 / 12 = 0.58 with the reference
               (d2, "fling", None),  # confused with courtship; the refund in d2 is missed
               (d3, "enmity", None), (d3, "refund", (0, 4)),  # a false alarm
               (d4, "fling", None)]
    for coder, codings in (("ref", reference), ("eve", trainee)):
        for doc, code, span in codings:
            start, end = span or (None, None)
            apply_code(project, doc, ids[code], start, end, coder=coder, role="reference" if coder == "ref" else "trainee")
    return ids


def _scores(report, level: str) -> dict[str, tuple]:
    return {c.code.split("/")[1]: (getattr(c, level).precision, getattr(c, level).recall, getattr(c, level).f1)
            for c in report.per_code}


def test_document_level_scores(project: Project, case: dict[str, int]) -> None:
    report = score_trainee(project, "ref", "eve")
    assert report.document_ids == [case["d1"], case["d2"], case["d3"], case["d4"]]
    scores = _scores(report, "document")
    # Aventure: reference {d1, d4}, trainee {d1, d2, d4}: P = 2/3, R = 1, F1 = 0.8
    assert scores["Aventure"] == pytest.approx((2 / 3, 1.0, 0.8))
    # Cour: reference {d2}, trainee none: no precision, recall 0, F1 0
    assert scores["Cour"] == (None, 0.0, 0.0)
    assert scores["Inimitié"] == (1.0, 1.0, 1.0)
    assert scores["Facturation"] == (1.0, 1.0, 1.0)
    # Remboursement: reference {d2}, trainee {d3}
    assert scores["Remboursement"] == (0.0, 0.0, 0.0)
    # micro: reference 6 document-codes, trainee 6, shared 4
    assert (report.document.reference, report.document.trainee, report.document.found) == (6, 6, 4)
    assert report.document.f1 == pytest.approx(2 / 3)


def test_span_level_scores_misses_false_alarms_and_confusions(project: Project, case: dict[str, int]) -> None:
    report = score_trainee(project, "ref", "eve")
    scores = _scores(report, "span")
    assert scores["Aventure"] == pytest.approx((2 / 3, 1.0, 0.8))
    assert scores["Facturation"] == (1.0, 1.0, 1.0)  # any shared character is enough by default
    assert scores["Remboursement"] == (0.0, 0.0, 0.0)
    assert (report.span.reference, report.span.trainee, report.span.found, report.span.correct) == (6, 6, 4, 4)
    misses = [(m["title"], m["code"], m["text"], m["other_coder_used"]) for m in report.misses]
    assert misses == [
        ("Appel 2", "Formes/Cour", TEXTS[1], ["Formes/Aventure"]),
        ("Appel 2", "Motifs/Remboursement", TEXTS[1][5:20], []),
    ]
    alarms = [(a["title"], a["code"], a["text"], a["other_coder_used"]) for a in report.false_alarms]
    assert alarms == [
        ("Appel 2", "Formes/Aventure", TEXTS[1], ["Formes/Cour"]),
        ("Appel 3", "Motifs/Remboursement", "Vous", []),
    ]
    assert report.confusions == [{"trainee_code": "Formes/Aventure", "reference_code": "Formes/Cour", "count": 1,
                                  "document_ids": [case["d2"]]}]


def test_a_minimum_overlap_turns_a_loose_span_into_a_miss(project: Project, case: dict[str, int]) -> None:
    report = score_trainee(project, "ref", "eve", min_overlap=0.6)
    assert _scores(report, "span")["Facturation"] == (0.0, 0.0, 0.0)
    assert _scores(report, "document")["Facturation"] == (1.0, 1.0, 1.0)  # documents do not care
    assert [m["code"] for m in report.misses].count("Motifs/Facturation") == 1
    assert score_trainee(project, "ref", "eve", min_overlap=0.5).span.found == 4


def test_selection_frames_and_errors(project: Project, case: dict[str, int]) -> None:
    report = score_trainee(project, "ref", "eve", documents=[case["d1"]], codes=[case["billing"]])
    assert [c.code for c in report.per_code] == ["Motifs/Facturation"]
    frame = report.to_frame()
    assert list(frame.columns[:4]) == ["code_id", "code", "document_reference", "document_trainee"]
    assert frame.loc[0, "span_f1"] == 1.0
    assert report.to_dict()["span"]["found"] == 1
    with pytest.raises(CodingError, match="between 0 and 1"):
        score_trainee(project, "ref", "eve", min_overlap=1.5)
    with pytest.raises(CodingError, match="unknown coder 'bob'"):
        score_trainee(project, "ref", "bob")


def test_score_ratios_without_units_are_none() -> None:
    empty = Score(reference=0, trainee=0, found=0, correct=0)
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    only_trainee = Score(reference=0, trainee=2, found=0, correct=0)
    assert (only_trainee.precision, only_trainee.recall, only_trainee.f1) == (0.0, None, 0.0)
