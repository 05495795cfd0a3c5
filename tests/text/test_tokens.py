"""The token index: term dictionary, sorted storage and forgetting documents."""

from __future__ import annotations

from text_fixtures import add_documents

from workbench.search import search
from workbench.text import tokens
from workbench.text.segment import segment_project


def test_terms_are_stored_once_and_shared_between_runs(project):
    add_documents(project, ["La facture, la facture, encore la facture."])
    segment_project(project)
    add_documents(project, ["Une autre facture."])
    segment_project(project)
    assert project.scalar("SELECT count(*) FROM terms WHERE text = 'facture'") == 1
    assert project.scalar("SELECT count(*) FROM terms") == project.scalar("SELECT count(DISTINCT text) FROM terms")
    assert project.scalar("SELECT count(*) FROM token_text WHERE lemma = 'facture'") == 4
    assert project.scalar("SELECT count(*) FROM forms") == project.scalar(
        "SELECT count(*) FROM (SELECT DISTINCT form_id, lemma_id FROM forms)")


def test_compact_sorts_tokens_by_lemma_only_when_worth_it(project):
    add_documents(project, [f"Le client {i} réclame un remboursement de sa facture." for i in range(30)])
    report = segment_project(project, batch_documents=7)
    assert report.compacted
    lemmas = [row[0] for row in project.rows("SELECT lemma_id FROM tokens")]
    assert lemmas == sorted(lemmas)
    assert not tokens.compact(project)  # nothing appended since
    add_documents(project, ["Un document de plus."])
    assert not segment_project(project).compacted  # a few rows more: not worth a rewrite
    assert tokens.compact(project, force=True)
    assert search(project, "remboursement", count=True).total_hits == 30


def test_forgotten_documents_are_processed_again(project):
    ids = add_documents(project, ["Première version.", "Autre document."])
    segment_project(project)
    tokens.forget_documents(project, [ids[0]])
    assert project.scalar("SELECT count(*) FROM tokens WHERE document_id = ?", [ids[0]]) == 0
    assert project.scalar("SELECT count(*) FROM segments WHERE document_id = ?", [ids[0]]) == 0
    again = segment_project(project)
    assert (again.documents, again.skipped) == (1, 1)
    assert project.scalar("SELECT count(*) FROM tokens WHERE document_id = ?", [ids[0]]) == 2
