"""The shipped coding schemes: complete, bilingual, with the shared keys, and loadable/savable losslessly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_codebook_yaml import comparable_tree

from workbench import codebook as cb
from workbench import codebook_yaml as cy
from workbench.errors import CodingError
from workbench.project import Project

SHIPPED = sorted(path.stem for path in cy.schemes_dir().glob("*.yaml"))

RELATIONSHIP_FORMS = {
    "arranged_marriage", "casual_friends", "marriage_of_convenience", "committed_partnership", "best_friendship",
    "compartmentalised_friendship", "kinship", "rebound", "childhood_friendship", "courtship", "dependency", "fling",
    "enmity", "secret_affair", "enslavement",
    "basic_exchange", "business_partners", "master_slave", "ex_friends", "adversaries",
}
CONTACT_REASONS = {
    "billing", "payment", "refund", "delivery", "order", "product_defect", "account_access", "subscription_change",
    "cancellation", "price", "contact_difficulty", "agent_behaviour", "information_request", "compliment",
}
EMOTIONS = {"joy", "trust", "fear", "surprise", "sadness", "disgust", "anger", "anticipation", "frustration",
            "disappointment", "worry", "confusion", "relief", "gratitude"}
DIMENSIONS = ("valence", "intimacy", "strength", "equality")


def walk(codes: list[dict]) -> Iterator[dict]:
    for code in codes:
        yield code
        yield from walk(code["children"])


def codable_keys(name: str) -> set[str]:
    return {code["key"] for code in walk(cy.read_scheme(cy.resolve_scheme(name))["codes"]) if code["codable"]}


def test_the_five_schemes_are_shipped():
    assert {"relationship_forms", "emotions", "contact_reasons", "experience", "relational_markers"} <= set(SHIPPED)
    listed = {scheme["key"]: scheme for scheme in cy.list_schemes()}
    assert listed["relationship_forms"]["codes"] == 23
    assert listed["contact_reasons"]["name"]["fr"] == "Motifs de contact"


@pytest.mark.parametrize("name", SHIPPED)
def test_every_code_is_complete_in_both_languages(name):
    scheme = cy.read_scheme(cy.resolve_scheme(name))
    assert scheme["key"] == name
    assert set(scheme["name"]) == {"fr", "en"} and set(scheme["description"]) == {"fr", "en"}
    assert scheme["source"] and scheme["licence"]
    for code in walk(scheme["codes"]):
        label = f"{name}:{code['key']}"
        assert code["key"], f"{label} has no key"
        assert set(code["name"]) == {"fr", "en"}, label
        assert set(code["definition"]) == {"fr", "en"}, label
        for lang in ("fr", "en"):
            assert len(code["examples"].get(lang, [])) >= 2, f"{label}: fewer than 2 {lang} examples"
        if code["codable"]:
            for lang in ("fr", "en"):
                assert code["indicators"].get(lang), f"{label}: no {lang} indicators"
        else:
            assert code["children"], f"{label}: a grouping code without sub-codes"
        for field in ("inclusion", "exclusion"):
            assert set(code[field]) in (set(), {"fr", "en"}), f"{label}: {field} in one language only"


@pytest.mark.parametrize("name", SHIPPED)
def test_round_trip_of_each_shipped_scheme(name, tmp_path):
    with Project.create(tmp_path / "a.vwb") as first:
        root = cy.load_scheme(first, name)
        saved = cy.save_scheme(first, root, tmp_path / f"{name}.yaml")
        with Project.create(tmp_path / "b.vwb") as second:
            cy.load_scheme(second, saved)
            assert comparable_tree(second) == comparable_tree(first)
        assert len(comparable_tree(first)) == 1 + sum(1 for _ in walk(cy.read_scheme(saved)["codes"]))


def test_shared_vocabulary_keys():
    assert codable_keys("relationship_forms") == RELATIONSHIP_FORMS
    assert codable_keys("contact_reasons") == CONTACT_REASONS
    emotion_keys = codable_keys("emotions")
    assert EMOTIONS <= emotion_keys


def test_relationship_forms_carry_four_dimensions(project):
    cy.load_scheme(project, "relationship_forms")
    forms = [node for node in cb.code_tree(project) if node["codable"]]
    assert len(forms) == 20
    for form in forms:
        values = [form["attributes"][dimension] for dimension in DIMENSIONS]
        assert all(-1 <= value <= 1 for value in values), form["key"]
        group = cb.get_code(project, form["parent_id"])["key"]
        quadrant = ("positive" if form["attributes"]["valence"] > 0 else "negative")
        assert group.startswith(quadrant), f"{form['key']} sits under {group}"
        if group != "negative":
            expected = "intimate" if form["attributes"]["intimacy"] > 0 else "distant"
            assert group.endswith(expected), f"{form['key']} sits under {group}"
    by_key = {form["key"]: form["attributes"] for form in forms}
    assert by_key["committed_partnership"]["valence"] > 0.5 and by_key["enmity"]["valence"] < -0.5
    assert by_key["enslavement"]["equality"] < 0 and by_key["business_partners"]["equality"] > 0


def test_two_schemes_side_by_side(project):
    cy.load_scheme(project, "relationship_forms")
    cy.load_scheme(project, "contact_reasons")
    assert cb.find_code(project, "relationship_forms:fling") != cb.find_code(project, "contact_reasons:price")
    assert cb.code_path(project, cb.find_code(project, "price")) == "Motifs de contact/Prix"
    fling = cb.find_code(project, "positives et intimes/aventure", scheme="relationship_forms")
    assert fling == cb.find_code(project, "Formes de relation client–marque/Positives et intimes/Aventure")
    with pytest.raises(CodingError, match="no code 'Positives et intimes/Aventure'"):
        cb.find_code(project, "Positives et intimes/Aventure", scheme="contact_reasons")
