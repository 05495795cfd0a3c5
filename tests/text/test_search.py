"""Search: lemma words, phrases, prefixes, boolean operators, filters, KWIC rows and errors."""

from __future__ import annotations

from datetime import datetime

import pytest
from text_fixtures import add_documents

from workbench.codebook import create_code
from workbench.coding import apply_code
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.search import search
from workbench.search_query import QuerySyntaxError
from workbench.text.segment import segment_project

TEXTS = [
    "J'ai reçu deux factures pour le même mois, je veux être remboursé.",           # 1 survey nps 2 chat
    "La facture est correcte, je suis satisfait du service.",                         # 2 survey nps 9 email
    "On m'a remboursée rapidement, merci. Je suis satisfaite.",                       # 3 survey nps 8 chat
    "Ils ne m'ont jamais remboursé et ma facturation est fausse.",                    # 4 call   nps 1
    "Je résilie mon contrat à la fin du mois.",                                       # 5 email  nps 0
    "Mon contrat a été résilié sans prévenir, c'est scandaleux !",                    # 6 chat   nps 3
]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.vwb"
    with Project.create(path) as project:
        kinds = ["survey", "survey", "survey", "call", "email", "chat"]
        values = [
            {"nps": 2, "canal": "chat", "region": "Bretagne"}, {"nps": 9, "canal": "e-mail", "region": "Île-de-France"},
            {"nps": 8, "canal": "chat", "region": "Bretagne"}, {"nps": 1, "canal": "téléphone", "region": "Occitanie"},
            {"nps": 0, "canal": "e-mail", "region": "Occitanie"}, {"nps": 3, "canal": "chat", "region": "Bretagne"},
        ]
        for text, kind, value, day in zip(TEXTS, kinds, values, range(1, 7)):
            add_documents(project, [text], kind=kind, values=[value], dates=[datetime(2024, 3, day, 10)])
        segment_project(project)
        parent = create_code(project, "Facturation")
        child = create_code(project, "Double facture", parent_id=parent)
        apply_code(project, 1, child, 0, 10, coder="alice")
        apply_code(project, 4, parent, 0, 10, coder="bob")
        yield project


def docs(result):
    return sorted({hit.document_id for hit in result.hits})


def matches(result):
    return [hit.match for hit in result.hits]


def test_words_match_inflections_through_the_lemma(indexed):
    assert docs(search(indexed, "factures")) == [1, 2]
    assert "factures" in matches(search(indexed, "facture"))
    assert docs(search(indexed, "remboursé")) == [1, 3, 4]
    assert docs(search(indexed, "rembourser")) == [1, 3, 4]
    assert docs(search(indexed, "RÉSILIER")) == [5, 6]


def test_case_and_accents_do_not_matter(indexed):
    assert docs(search(indexed, "REMBOURSEE")) == docs(search(indexed, "remboursée")) == [1, 3, 4]


def test_phrase_needs_consecutive_surface_forms(indexed):
    assert docs(search(indexed, '"mon contrat"')) == [5, 6]
    assert matches(search(indexed, '"mon contrat"')) == ["mon contrat", "Mon contrat"]
    assert docs(search(indexed, '"contrat mon"')) == []
    assert docs(search(indexed, '"deux factures"')) == [1]
    assert docs(search(indexed, '"deux facture"')) == []  # a phrase is exact


def test_prefix_matches_surface_forms(indexed):
    result = search(indexed, "factur*")
    assert docs(result) == [1, 2, 4]
    assert "facturation" in matches(result)


def test_boolean_operators_and_parentheses(indexed):
    assert docs(search(indexed, "rembourser AND NOT satisfait")) == [1, 4]
    assert docs(search(indexed, "rembourser NOT satisfait")) == [1, 4]  # implicit AND
    assert docs(search(indexed, "contrat OR facture")) == [1, 2, 5, 6]
    assert docs(search(indexed, "(contrat OR facture) AND NOT scandaleux")) == [1, 2, 5]
    assert docs(search(indexed, "rembourser facture")) == [1]
    # French operators work too; the lower-case words stay words.
    assert docs(search(indexed, "(contrat OU facture) SAUF scandaleux")) == [1, 2, 5]
    assert docs(search(indexed, "contrat OR facture NOT scandaleux")) == [1, 2, 5, 6]  # AND binds tighter


def test_hits_are_kwic_rows_in_document_order(indexed):
    result = search(indexed, "contrat", context=12, count=True)
    assert (result.total_hits, result.total_documents) == (2, 2)
    first = result.hits[0]
    text = TEXTS[4]
    assert first.document_id == 5 and first.kind == "email" and first.title == "doc 0"
    assert text[first.start_pos:first.end_pos] == first.match == "contrat"
    assert first.left == text[first.start_pos - 12:first.start_pos]
    assert first.right == text[first.end_pos:first.end_pos + 12]
    assert [(h.document_id, h.start_pos) for h in result.hits] == sorted((h.document_id, h.start_pos) for h in result.hits)


def test_limit_and_offset_page_through_hits(indexed):
    every = search(indexed, "je", limit=100)
    assert len(every.hits) > 3
    page = search(indexed, "je", limit=2, offset=1)
    assert [(h.document_id, h.start_pos) for h in page.hits] == [(h.document_id, h.start_pos) for h in every.hits[1:3]]


def test_filters_on_kind_variables_and_dates(indexed):
    assert docs(search(indexed, "rembourser", kinds=["survey"])) == [1, 3]
    assert docs(search(indexed, "rembourser", where=["nps<=6"])) == [1, 4]
    assert docs(search(indexed, "rembourser", where=["nps >= 2", "nps < 9"])) == [1, 3]
    assert docs(search(indexed, "contrat", where=["canal=chat"])) == [6]
    assert docs(search(indexed, "contrat OR facture", where=["canal=chat,e-mail"])) == [1, 2, 5, 6]
    assert docs(search(indexed, "rembourser", where=["region!=bretagne"])) == [4]  # case and accents ignored
    assert docs(search(indexed, "contrat OR facture", where=["REGION = ile-de-france"])) == [2]
    assert docs(search(indexed, "rembourser", date_from="2024-03-03")) == [3, 4]
    assert docs(search(indexed, "rembourser", date_to="2024-03-03")) == [1, 3]


def test_filters_on_codes_and_coders(indexed):
    assert docs(search(indexed, "rembourser", codes=["Facturation"])) == [1, 4]  # sub-codes count
    assert docs(search(indexed, "rembourser", codes=["Facturation/Double facture"])) == [1]
    assert docs(search(indexed, "rembourser", coders=["bob"])) == [4]
    assert docs(search(indexed, "rembourser", codes=["Facturation"], coders=["alice"])) == [1]


@pytest.mark.parametrize("query", ['"mon contrat', "(contrat", "contrat)", "contrat OR", "AND contrat", "", "   ",
                                   "f*", "fa*ct"])
def test_syntax_errors_are_clear(indexed, query):
    with pytest.raises(QuerySyntaxError):
        search(indexed, query)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"where": ["couleur=bleu"]}, "unknown variable 'couleur'"),
    ({"where": ["nps<=beaucoup"]}, "is a number"),
    ({"where": ["nps"]}, "is not understood"),
    ({"where": ["canal>chat"]}, "only = and != apply"),
    ({"date_from": "mars 2024"}, "is not a date"),
    ({"coders": ["zoé"]}, "unknown coder"),
])
def test_bad_filters_say_what_is_wrong(indexed, kwargs, message):
    with pytest.raises(WorkbenchError, match=message):
        search(indexed, "contrat", **kwargs)


def test_a_query_of_only_negations_is_refused(indexed):
    with pytest.raises(WorkbenchError, match="not negated"):
        search(indexed, "NOT contrat")


def test_unknown_words_find_nothing(indexed):
    assert search(indexed, "zygomatique", count=True).total_hits == 0


def test_search_before_segmenting_says_what_to_do(project):
    add_documents(project, ["Un texte."])
    with pytest.raises(WorkbenchError, match="workbench segment"):
        search(project, "texte")


@pytest.mark.parametrize(("query", "limit", "offset"), [("je", 2, 0), ("je", 2, 1), ("je", 50, 0), ("contrat", 1, 0),
                                                        ("factur*", 2, 1), ('"mon contrat"', 5, 0)])
def test_the_first_window_shortcut_gives_the_same_hits(indexed, monkeypatch, query, limit, offset):
    """One-term queries first look at the lowest document ids; the hits must be those of a full search."""
    full = [(h.document_id, h.start_pos) for h in search(indexed, query, limit=limit, offset=offset).hits]
    monkeypatch.setattr("workbench.search.WINDOW_MIN_DOCUMENTS", 0)
    monkeypatch.setattr("workbench.search.WINDOW_SHARE", 2)
    windowed = [(h.document_id, h.start_pos) for h in search(indexed, query, limit=limit, offset=offset).hits]
    assert windowed == full
