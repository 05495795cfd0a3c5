"""Analyses against figures counted by hand on the small project of tests/coded_project.py."""

from __future__ import annotations

import math

import coded_project
import pytest

from workbench import analysis
from workbench.errors import ExportError
from workbench.filters import make_filters


@pytest.fixture
def coded(project):
    return coded_project.build(project)


def _row(frame, **where):
    mask = True
    for column, value in where.items():
        mask = mask & (frame[column] == value)
    rows = frame[mask]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_frequencies_per_code_own_and_with_subcodes(coded):
    freq = analysis.code_frequencies(coded)
    assert list(freq["path"]) == ["Motif", "Motif/Résiliation", "Motif/Facturation", "Motif/Facturation/Erreur de facture",
                                  "Formes de relation", "Formes de relation/Amitié", "Formes de relation/Hostilité"]
    motif = _row(freq, code_id=1)
    assert (motif.codings, motif.documents, motif.codings_with_subcodes, motif.documents_with_subcodes) == (0, 0, 7, 4)
    assert motif.share_with_subcodes == pytest.approx(4 / 6)
    resiliation = _row(freq, code_id=2)
    assert (resiliation.codings, resiliation.documents) == (4, 2)
    assert resiliation.share == pytest.approx(2 / 6)
    facturation = _row(freq, code_id=3)
    assert (facturation.codings, facturation.codings_with_subcodes, facturation.documents_with_subcodes) == (2, 3, 2)


def test_frequencies_by_level_roll_children_up(coded):
    level1 = analysis.code_frequencies(coded, level=1)
    assert list(zip(level1["path"], level1["codings"], level1["documents"])) == [
        ("Motif", 7, 4), ("Formes de relation", 4, 4)]
    level2 = analysis.code_frequencies(coded, level=2)
    assert dict(zip(level2["name"], level2["codings"])) == {"Résiliation": 4, "Facturation": 3, "Amitié": 2,
                                                             "Hostilité": 2}
    with pytest.raises(ExportError, match="level starts at 1"):
        analysis.code_frequencies(coded, level=0)


def test_frequencies_follow_filters(coded):
    by_bob = analysis.code_frequencies(coded, make_filters(coded, coders=["bob"]))
    assert dict(zip(by_bob["code_id"], by_bob["codings"])) == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0}
    calls = analysis.code_frequencies(coded, make_filters(coded, kinds=["call"]))
    resiliation = _row(calls, code_id=2)
    assert (resiliation.codings, resiliation.documents, resiliation.share) == (4, 2, pytest.approx(2 / 3))
    february = analysis.code_frequencies(coded, make_filters(coded, date_from="2026-02-01", date_to="2026-02-03"))
    assert _row(february, code_id=2).share == pytest.approx(1 / 1)  # only document 3 in range (to-date inclusive)
    only_billing = analysis.code_frequencies(coded, make_filters(coded, codes=["Motif/Facturation"]))
    assert list(only_billing["code_id"]) == [3, 4]


def test_filters_refuse_unknown_values(coded):
    with pytest.raises(ExportError, match="no coder 'carol'"):
        make_filters(coded, coders=["carol"])
    with pytest.raises(ExportError, match="unknown document kind 'fax'"):
        make_filters(coded, kinds=["fax"])
    with pytest.raises(ExportError, match="invalid date"):
        make_filters(coded, date_from="05/01/2026")
    with pytest.raises(ExportError, match="date range is empty"):
        make_filters(coded, date_from="2026-03-01", date_to="2026-02-01")
    with pytest.raises(ExportError, match="no code 'Motif/Inconnu'"):
        make_filters(coded, codes=["Motif/Inconnu"])


def test_crosstab_relationship_form_by_nps_group(coded):
    table = analysis.crosstab(coded, "relationship_forms:relationship_forms", "nps_group")
    assert list(table.counts.columns) == ["détracteur (0-6)", "passif (7-8)", "promoteur (9-10)"]
    assert table.counts.loc["Amitié"].tolist() == [2, 0, 0]
    assert table.counts.loc["Hostilité"].tolist() == [0, 0, 2]
    assert (table.n, table.dof) == (4, 1)
    assert table.chi2 == pytest.approx(4.0)
    assert table.p_value == pytest.approx(0.04550026, rel=1e-6)
    assert table.cramers_v == pytest.approx(1.0)
    assert table.residuals.loc["Amitié", "détracteur (0-6)"] == pytest.approx(2.0)
    assert table.residuals.loc["Hostilité", "détracteur (0-6)"] == pytest.approx(-2.0)
    assert math.isnan(table.residuals.loc["Amitié", "passif (7-8)"])  # empty column: no expected count
    assert table.row_pct.loc["Amitié", "détracteur (0-6)"] == pytest.approx(100.0)
    assert table.col_pct.loc["Hostilité", "promoteur (9-10)"] == pytest.approx(100.0)
    assert any("below 5" in note for note in table.notes)


def test_crosstab_contact_reason_by_channel_rolls_subcodes_up(coded):
    table = analysis.crosstab(coded, "Motif", "canal")
    assert list(table.counts.columns) == ["chat", "email", "téléphone", "web"]
    assert table.counts.loc["Résiliation"].tolist() == [0, 0, 2, 0]
    assert table.counts.loc["Facturation"].tolist() == [0, 1, 0, 1]  # document 2 via its sub-code too, once
    assert table.chi2 == pytest.approx(4.0)
    assert table.dof == 2
    assert table.p_value == pytest.approx(math.exp(-2))
    assert table.residuals.loc["Résiliation", "téléphone"] == pytest.approx(2.0)
    assert table.residuals.loc["Résiliation", "email"] == pytest.approx(-0.5 / math.sqrt(0.5 * 0.5 * 0.75))
    assert table.col_pct.loc["Facturation", "email"] == pytest.approx(100.0)
    assert table.row_pct.loc["Facturation", "web"] == pytest.approx(50.0)
    data = table.to_dict()
    assert data["counts"]["Résiliation"]["téléphone"] == 2
    assert data["adjusted_residuals"]["Résiliation"]["chat"] is None


def test_crosstab_of_a_leaf_code_compares_coded_and_not_coded(coded):
    table = analysis.crosstab(coded, "Motif/Facturation/Erreur de facture", "kind")
    assert list(table.counts.index) == ["Erreur de facture", "(non codé)"]
    assert list(table.counts.columns) == ["call", "chat", "email", "survey"]
    assert table.counts.loc["Erreur de facture"].tolist() == [0, 0, 1, 0]
    assert table.counts.loc["(non codé)"].tolist() == [3, 1, 0, 1]


def test_crosstab_numeric_variable_sorts_by_value_and_unknown_variable_is_refused(coded):
    table = analysis.crosstab(coded, "Motif", "nps")
    assert list(table.counts.columns) == ["0", "3", "7", "9", "10"]
    with pytest.raises(ExportError, match="no variable 'ville'.*canal"):
        analysis.crosstab(coded, "Motif", "ville")


def test_cooccurrence_same_document(coded):
    pairs = analysis.cooccurrence(coded, scope="document")
    found = {(a, b): (both, jac) for a, b, both, jac in zip(pairs["code_a"], pairs["code_b"], pairs["both"],
                                                             pairs["jaccard"])}
    assert set(found) == {(2, 6), (2, 7), (3, 4), (3, 7), (3, 6), (4, 7)}
    assert found[(2, 6)] == (1, pytest.approx(1 / 3))
    assert found[(3, 4)] == (1, pytest.approx(1 / 2))
    level1 = analysis.cooccurrence(coded, scope="document", level=1)
    assert level1[["code_a", "code_b", "n_a", "n_b", "both", "jaccard"]].values.tolist() == [[1, 5, 4, 4, 4, 1.0]]


def test_cooccurrence_same_segment_and_overlapping_spans(coded):
    segment = analysis.cooccurrence(coded, scope="segment")
    # Résiliation touches segments 1 (doc 1), 3 and 4; Hostilité touches 3 and 4.
    assert segment[["code_a", "code_b", "n_a", "n_b", "both"]].values.tolist() == [[2, 7, 3, 2, 2]]
    assert segment["jaccard"].tolist() == pytest.approx([2 / 3])
    overlap = analysis.cooccurrence(coded, scope="overlap")
    found = {(a, b): (na, nb, both) for a, b, na, nb, both in
             overlap[["code_a", "code_b", "n_a", "n_b", "both"]].values.tolist()}
    # Résiliation: 8 chars in doc 1, [0,10)+[8,12) merged to 12 and 5 in doc 3 = 25; Hostilité: 18 + 10 = 28.
    assert found == {(2, 7): (25, 28, 7), (3, 4): (26, 18, 18), (3, 6): (26, 55, 5)}
    jaccard = dict(zip(zip(overlap["code_a"], overlap["code_b"]), overlap["jaccard"]))
    assert jaccard[(2, 7)] == pytest.approx(7 / 46)
    matrix = analysis.cooccurrence_matrix(overlap)
    assert matrix.loc["Motif/Résiliation", "Formes de relation/Hostilité"] == pytest.approx(7 / 46)
    assert matrix.loc["Formes de relation/Hostilité", "Motif/Résiliation"] == pytest.approx(7 / 46)
    with pytest.raises(ExportError, match="unknown co-occurrence scope"):
        analysis.cooccurrence(coded, scope="paragraph")


def test_trends_by_month_and_quarter(coded):
    monthly = analysis.trends(coded, period="month")
    motif = monthly[monthly["code_id"] == 1]
    assert [p.month for p in motif["period"]] == [1, 2, 3]
    assert motif[["codings", "documents", "total_documents"]].values.tolist() == [[3, 2, 2], [3, 1, 2], [1, 1, 1]]
    assert motif["share"].tolist() == pytest.approx([1.0, 0.5, 1.0])
    formes = monthly[monthly["code_id"] == 5]
    assert formes["codings"].tolist() == [2, 1, 1]
    quarterly = analysis.trends(coded, period="quarter", codes=["Motif"])
    assert quarterly[["codings", "documents", "total_documents"]].values.tolist() == [[7, 4, 5]]
    assert quarterly["share"].tolist() == pytest.approx([0.8])
    with pytest.raises(ExportError, match="unknown period"):
        analysis.trends(coded, period="decade")


def test_topics_summary_and_topic_by_variable(coded):
    summary = analysis.topic_summary(coded)
    assert summary[["topic", "label", "size"]].values.tolist() == [[0, "factures", 3], [1, "départ", 2],
                                                                   [-1, "topic -1", 1]]
    table = analysis.topic_crosstab(coded, "kind")
    assert list(table.counts.index) == ["factures", "départ"]
    assert table.counts.loc["factures"].tolist() == [1, 0, 1, 1]  # call (a segment of doc 3), email, survey
    assert table.counts.loc["départ"].tolist() == [2, 0, 0, 0]


def test_topic_crosstab_without_topics_says_what_to_do(project):
    with pytest.raises(ExportError, match="no topics yet"):
        analysis.topic_crosstab(project, "kind")


def test_relationship_positions_use_code_attributes_and_counts(coded):
    placed = analysis.relationship_positions(coded)
    assert placed[["name", "valence", "intimacy", "documents"]].values.tolist() == [
        ["Amitié", 1.0, 0.8, 2], ["Hostilité", -1.0, 0.5, 2]]
