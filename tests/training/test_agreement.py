"""Agreement statistics against hand computations, sklearn and the krippendorff package, on plain data and
on coded projects (document and character level), with degenerate cases and errors."""

from __future__ import annotations

import math
import random

import krippendorff
import numpy as np
import pytest
from builders import add_code, add_document
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from workbench.coding import apply_code
from workbench.errors import CodingError
from workbench.project import Project
from workbench.training.agreement import (
    Undefined,
    agreement,
    cohen_kappa,
    confusion_table,
    krippendorff_alpha,
    overlap_ratio,
)


# -- textbook values ----------------------------------------------------------------------------------------
def test_cohen_kappa_of_a_hand_computed_2x2_table() -> None:
    # A\B    yes  no
    # yes     20   5     p_o = (20 + 15) / 50 = 0.70
    # no      10  15     p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.50 -> kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.40)


def test_krippendorff_alpha_of_krippendorffs_own_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example: 4 observers,
    # 12 units, missing values; the paper gives alpha = 0.743.
    n = None
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)


def test_plain_data_errors_and_degenerate_cases() -> None:
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa([1, 2], [1])
    with pytest.raises(ValueError, match="one value per unit"):
        krippendorff_alpha([[1, 2], [1]])
    with pytest.raises(Undefined, match="no units"):
        cohen_kappa([], [])
    with pytest.raises(Undefined, match="single, identical category"):
        cohen_kappa(["a", "a"], ["a", "a"])
    with pytest.raises(Undefined, match="only one category"):
        krippendorff_alpha([[1, 1, 1], [1, 1, None]])
    with pytest.raises(Undefined, match="no pairable values"):
        krippendorff_alpha([[1, None], [None, 2]])


# -- against the reference implementations, on random data ---------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=2, max_size=60))
def test_cohen_kappa_matches_sklearn(pairs: list[tuple[int, int]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    if len(set(a) | set(b)) < 2:
        with pytest.raises(Undefined):
            cohen_kappa(a, b)
        return
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5).flatmap(lambda coders: st.lists(
    st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=coders, max_size=coders), min_size=2, max_size=30)))
def test_krippendorff_alpha_matches_the_krippendorff_package(units: list[list[int | None]]) -> None:
    data = [list(row) for row in zip(*units)]  # coders x units
    matrix = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    pairable = [[v for v in column if v is not None] for column in units]
    values = {v for column in pairable if len(column) >= 2 for v in column}
    if len(values) < 2:
        with pytest.raises(Undefined):
            krippendorff_alpha(data)
        return
    assert krippendorff_alpha(data) == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"), abs=1e-9)


# -- on a project ---------------------------------------------------------------------------------------------
@pytest.fixture
def ten_documents(project: Project) -> dict[str, object]:
    docs = [add_document(project, f"Document numéro {i:02d} ok", f"D{i}") for i in range(1, 11)]  # 21 chars
    code = add_code(project, "Facturation")
    other = add_code(project, "Remboursement")
    return {"docs": docs, "code": code, "other": other}


def test_document_level_on_a_hand_computed_project(project: Project, ten_documents: dict) -> None:
    docs, code = ten_documents["docs"], ten_documents["code"]
    # A codes documents 1-5, B codes 1-4 and 6: both 4, A only 1, B only 1, neither 4 (n = 10)
    for d in docs[:5]:
        apply_code(project, d, code, coder="A")
    for d in docs[:4] + [docs[5]]:
        apply_code(project, d, code, coder="B")
    report = agreement(project, ["A", "B"], documents=docs)
    result = report.per_code[0]
    assert (result.code, result.n_units, result.coded_by) == ("Facturation", 10, {"A": 5, "B": 5})
    assert result.percent_agreement == pytest.approx(0.8)
    # p_e = 0.5 * 0.5 + 0.5 * 0.5 = 0.5 -> kappa = (0.8 - 0.5) / 0.5 = 0.6
    assert result.cohen_kappa == pytest.approx(0.6)
    # coincidences o11 = o00 = 8, o10 = o01 = 2; n = 20 -> alpha = 1 - 19 * 4 / (2 * 10 * 10) = 0.62
    assert result.krippendorff_alpha == pytest.approx(0.62)
    assert report.overall.n_units == 10 and report.overall.cohen_kappa == pytest.approx(0.6)
    # by default only the documents both coded (1-4) count: all agree on "coded", one category
    default = agreement(project, ["A", "B"])
    assert default.document_ids == docs[:4]
    assert default.overall.percent_agreement == 1.0
    assert default.overall.cohen_kappa is None and default.overall.krippendorff_alpha is None
    assert any("single, identical category" in note for note in default.overall.notes)


def test_character_level_on_a_hand_computed_project(project: Project, ten_documents: dict) -> None:
    doc, code = ten_documents["docs"][0], ten_documents["code"]
    text_length = 21
    apply_code(project, doc, code, 0, 10, coder="A")
    apply_code(project, doc, code, 2, 8, coder="A")  # inside A's first coding: counts once
    apply_code(project, doc, code, 5, 15, coder="B")
    result = agreement(project, ["A", "B"], level="character").per_code[0]
    # both 5 (5-9), A only 5 (0-4), B only 5 (10-14), neither 6 (15-20): n = 21
    assert result.n_units == text_length and result.coded_by == {"A": 10, "B": 10}
    assert result.percent_agreement == pytest.approx(11 / 21)
    p_e = (10 / 21) ** 2 + (11 / 21) ** 2
    assert result.cohen_kappa == pytest.approx((11 / 21 - p_e) / (1 - p_e))
    # o11 = 10, o00 = 12, o10 = o01 = 10; n_1 = 20, n_0 = 22, n = 42
    assert result.krippendorff_alpha == pytest.approx(1 - 41 * 20 / (2 * 20 * 22))


def test_random_project_codings_match_per_character_reference_computation(project: Project) -> None:
    rng = random.Random(7)
    docs = [add_document(project, "x" * rng.randint(30, 80), f"D{i}") for i in range(6)]
    lengths = {d: n for d, n in project.rows("SELECT id, n_chars FROM documents")}
    codes = [add_code(project, name) for name in ("a", "b", "c")]
    coders = ["ann", "ben", "cid"]
    for coder in coders:
        for doc in docs:
            apply_code(project, doc, codes[0], 0, 1, coder=coder)  # every coder touches every document
            for _ in range(rng.randint(1, 4)):
                start = rng.randrange(0, lengths[doc] - 1)
                end = rng.randint(start + 1, lengths[doc])
                try:
                    apply_code(project, doc, rng.choice(codes), start, end, coder=coder)
                except CodingError:
                    pass  # the same random span twice
    for level in ("character", "document"):
        report = agreement(project, coders, level=level)
        pooled: dict[str, list[int]] = {c: [] for c in coders}
        for code, result in zip(codes, report.per_code):
            columns = {}
            for coder in coders:
                spans = project.rows(
                    "SELECT g.document_id, g.start_pos, g.end_pos FROM codings g JOIN coders k ON k.id = g.coder_id "
                    "WHERE k.name = ? AND g.code_id = ?", [coder, code])
                values = []
                for doc in docs:
                    inside = [s for s in spans if s[0] == doc]
                    if level == "character":
                        values += [int(any(s <= i < e for _, s, e in inside)) for i in range(lengths[doc])]
                    else:
                        values.append(int(bool(inside)))
                columns[coder] = values
                pooled[coder] += values
            assert result.n_units == len(columns["ann"])
            if len({v for c in coders for v in columns[c]}) < 2:
                assert result.krippendorff_alpha is None
                continue
            expected = krippendorff.alpha(reliability_data=np.array([columns[c] for c in coders], dtype=float),
                                          level_of_measurement="nominal")
            assert result.krippendorff_alpha == pytest.approx(expected, abs=1e-9)
            assert result.cohen_kappa is None and "exactly two coders" in result.notes[-1]
        overall = krippendorff.alpha(reliability_data=np.array([pooled[c] for c in coders], dtype=float),
                                     level_of_measurement="nominal")
        assert report.overall.krippendorff_alpha == pytest.approx(overall, abs=1e-9)
        two = agreement(project, coders[:2], level=level, documents=docs, codes=codes)
        assert two.overall.cohen_kappa == pytest.approx(cohen_kappa_score(pooled["ann"], pooled["ben"]), abs=1e-9)
        agree = np.mean(np.array(pooled["ann"]) == np.array(pooled["ben"]))
        assert two.overall.percent_agreement == pytest.approx(agree)


def test_no_units_and_selection_errors(project: Project, ten_documents: dict) -> None:
    docs, code = ten_documents["docs"], ten_documents["code"]
    apply_code(project, docs[0], code, coder="A")
    apply_code(project, docs[1], code, coder="B")
    empty = agreement(project, ["A", "B"])
    assert empty.document_ids == [] and empty.per_code == [] and empty.overall.n_units == 0
    assert empty.overall.percent_agreement is None and "no document was coded by every" in empty.overall.notes[0]
    with pytest.raises(CodingError, match="unknown coder 'Z'"):
        agreement(project, ["A", "Z"])
    with pytest.raises(CodingError, match="at least 2 coders, got 1"):
        agreement(project, ["A"])
    with pytest.raises(CodingError, match="'A' is listed twice"):
        agreement(project, ["A", "A"])
    with pytest.raises(CodingError, match="unknown level 'word'"):
        agreement(project, ["A", "B"], level="word")
    with pytest.raises(CodingError, match="unknown document"):
        agreement(project, ["A", "B"], documents=[999])
    with pytest.raises(CodingError, match="no code with id 999"):
        agreement(project, ["A", "B"], codes=[999], documents=docs)


def test_a_grouping_code_stands_for_its_codes_and_frames(project: Project) -> None:
    doc = add_document(project, "Bonjour, je veux un remboursement de ma facture.")
    root = add_code(project, "Motifs", codable=False)
    billing, refund = add_code(project, "Facturation", root), add_code(project, "Remboursement", root)
    apply_code(project, doc, billing, coder="A")
    apply_code(project, doc, billing, coder="B")
    report = agreement(project, ["A", "B"], codes=[root])
    assert [r.code for r in report.per_code] == ["Motifs/Facturation", "Motifs/Remboursement"]
    frame = report.to_frame()
    assert list(frame["code"]) == ["Motifs/Facturation", "Motifs/Remboursement", "(all codes)"]
    assert list(frame["coded_by_A"]) == [1, 0, 1]
    assert report.to_dict()["overall"]["n_units"] == 2
    lonely = add_code(project, "Vide", codable=False)
    with pytest.raises(CodingError, match="no codable code"):
        agreement(project, ["A", "B"], codes=[lonely])
    assert refund


def test_confusion_table_pairs_codes_within_a_scheme(project: Project) -> None:
    forms = add_code(project, "Formes", codable=False)
    fling, courtship = add_code(project, "Aventure", forms), add_code(project, "Cour", forms)
    reasons = add_code(project, "Motifs", codable=False)
    billing, refund = add_code(project, "Facturation", reasons), add_code(project, "Remboursement", reasons)
    d1, d2, d3 = (add_document(project, f"Texte du document {i}, assez long.") for i in range(3))
    apply_code(project, d1, fling, coder="ref")
    apply_code(project, d1, courtship, coder="trainee")
    apply_code(project, d1, billing, coder="ref")
    apply_code(project, d1, billing, coder="trainee")
    apply_code(project, d2, fling, coder="ref")
    apply_code(project, d2, fling, coder="trainee")
    apply_code(project, d2, refund, coder="trainee")
    apply_code(project, d3, billing, 0, 5, coder="ref")
    apply_code(project, d3, refund, 10, 15, coder="trainee")  # no overlap: not a confusion
    table = confusion_table(project, "ref", "trainee")
    cells = {(c["code_a"], c["code_b"]): c["count"] for c in table.cells}
    assert cells == {
        ("Formes/Aventure", "Formes/Aventure"): 1,
        ("Formes/Aventure", "Formes/Cour"): 1,
        ("Motifs/Facturation", "Motifs/Facturation"): 1,
        ("Motifs/Facturation", None): 1,
        (None, "Motifs/Remboursement"): 2,
    }
    assert table.off_diagonal() == [{"code_a": "Formes/Aventure", "code_b": "Formes/Cour", "count": 1}]
    frame = table.to_frame()
    assert frame.loc["Formes/Aventure", "Formes/Cour"] == 1
    assert frame.loc["(none)", "Motifs/Remboursement"] == 2


def test_overlap_ratio() -> None:
    assert overlap_ratio((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert overlap_ratio((0, 10), (10, 20)) == 0.0
    assert math.isclose(overlap_ratio((0, 10), (0, 10)), 1.0)
