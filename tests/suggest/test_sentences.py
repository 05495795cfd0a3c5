"""Scoring a unit by its best sentence: the cut, the scores, and the sentence vectors' cache in a project."""

from __future__ import annotations

import numpy as np
import pytest
from suggest_data import add_codes, add_documents

from workbench.errors import Cancelled
from workbench.progress import CancelToken
from workbench.removal import remove_documents
from workbench.suggest.codes import suggest_codes
from workbench.suggest.review import review_queue
from workbench.suggest.sentences import SentenceView, sentence_view, split, zero_shot_scores
from workbench.suggest.units import Unit

WORDS = ["facture", "colis", "résilier", "merci", "bonjour", "client"]


class KeywordEmbedder:
    """A bag of a few keywords, plus one constant dimension: enough meaning to test the plumbing, with no
    model to load. Counts the texts it encodes."""

    name = "keywords"
    model_id = "keywords-test"
    device = "cpu"

    def __init__(self, batch_size: int = 4) -> None:
        self.batch_size = batch_size
        self.encoded: list[str] = []

    def encode(self, texts, *, query=False):  # type: ignore[no-untyped-def]
        self.encoded += list(texts)
        rows = [[text.lower().count(word) for word in WORDS] + [0.3] for text in texts]
        matrix = np.array(rows, dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_sentences_are_cut_on_lines_and_end_punctuation_in_code_points():
    text = "Bonjour,\r\nMa facture 😡 est fausse !  Pourquoi ?\r\nOk\r\n  Ça suffit. Merci à vous…"
    spans = split(text)
    assert [text[start:end] for start, end in spans] == [
        "Bonjour,", "Ma facture 😡 est fausse !", "Pourquoi ?", "Ça suffit.", "Merci à vous…"]
    start, end = spans[1]
    assert (start, end) == (10, 35)  # after "Bonjour," and CRLF; the emoji counts as one code point
    assert split("") == [] and split("Ok") == [] and split("une seule phrase") == [(0, 16)]


def _view(units: list[Unit], encode) -> SentenceView:  # type: ignore[no-untyped-def]
    vectors = encode([unit.text for unit in units])
    return sentence_view(units, vectors, encode, {}, lambda *_: None, 16)


def test_a_code_is_found_in_one_clause_of_a_unit():
    """Two polite sentences and one about the invoice: the whole unit reads as thanks; with its best
    sentence, as billing."""
    embedder = KeywordEmbedder()
    filler = ["La facture est fausse.", "Merci beaucoup."] * 15
    mixed = "Bonjour client, merci. Bonjour client, merci. La facture est fausse."
    units = [Unit("document", i + 1, i + 1, 0, len(text), text) for i, text in enumerate([*filler, mixed])]
    codes = embedder.encode(["facture", "merci"])
    vectors = embedder.encode([unit.text for unit in units])
    described = zero_shot_scores([(vectors, _view(units, embedder.encode))], [codes])
    whole_only = zero_shot_scores([(vectors, SentenceView.whole_units(vectors))], [codes])
    assert whole_only[-1].argmax() == 1 and described[-1].argmax() == 0
    assert np.allclose(described.sum(axis=1), 1.0)
    assert (described[:-1].argmax(axis=1) == whole_only[:-1].argmax(axis=1)).all()


def test_the_blends_description_candidate_reads_the_best_sentence_too():
    """Once codes have examples, the candidate that compares units with the codes' descriptions is the
    same whole-unit-and-best-sentence score as for codes without examples."""
    from workbench.suggest.codes import GroupScorer

    embedder = KeywordEmbedder()
    filler = ["La facture est fausse.", "Merci beaucoup."] * 15
    mixed = "Bonjour client, merci. Bonjour client, merci. La facture est fausse."
    units = [Unit("document", i + 1, i + 1, 0, len(text), text) for i, text in enumerate([*filler, mixed])]
    vectors = embedder.encode([unit.text for unit in units])
    codes = [{"id": 1, "key": "billing", "name": "facture", "description": None, "inclusion": None,
              "indicators": None, "examples": None, "translations": None, "scheme": "s", "codable": True},
             {"id": 2, "key": "thanks", "name": "merci", "description": None, "inclusion": None,
              "indicators": None, "examples": None, "translations": None, "scheme": "s", "codable": True}]
    coded = [(0, 1), (2, 1), (4, 1), (1, 2), (3, 2), (5, 2)]
    scorer = GroupScorer(units, vectors, None, [], codes, embedder, "fr", coded, [], 2, None,
                         [_view(units, embedder.encode)])
    assert scorer.views is not None and scorer.views.zero[-1].argmax() == 0
    whole = GroupScorer(units, vectors, None, [], codes, embedder, "fr", coded, [], 2, None, None)
    assert whole.views is not None and whole.views.zero[-1].argmax() == 1
    assert whole.evidence is not None and scorer.evidence is not None
    assert whole.evidence.key != scorer.evidence.key  # weighed on its own candidate, not the memo's


def test_a_classifier_reads_each_unit_through_the_sentences_about_its_scheme(monkeypatch):
    """The forms scheme and the reasons scheme read the same verbatim differently: each gives weight to the
    sentences that speak of its own codes. Checked against the definition written unit by unit, with blocks
    of 3 units so that a block boundary falls inside the set."""
    from workbench.suggest import scoring, sentences

    monkeypatch.setattr(sentences, "_FOCUS_BLOCK", 3)
    embedder = KeywordEmbedder()
    texts = ["La facture est fausse.", "Merci beaucoup.", "Mon colis est perdu. Merci.",
             "Bonjour client, merci. Bonjour client, merci. La facture est fausse.", "Bonjour. Résilier ? Merci !"] * 5
    units = [Unit("document", i + 1, i + 1, 0, len(text), text) for i, text in enumerate(texts)]
    vectors = embedder.encode(texts)
    view = _view(units, embedder.encode)
    codes = embedder.encode(["facture", "colis"])
    focused = view.focused(vectors, codes, True)
    relevance = scoring.similarities(view.vectors, codes, True).max(axis=1)
    for unit in range(len(units)):
        rows = np.flatnonzero(view.owner == unit)
        weights = np.exp((relevance[rows] - relevance[rows].max()) / sentences.FOCUS_TEMPERATURE)
        attended = scoring.normalise(((weights / weights.sum()) @ view.vectors[rows])[None, :])[0]
        whole = scoring.normalise(vectors[unit : unit + 1])[0]
        expected = (1 - sentences.FOCUS_SHARE) * whole + sentences.FOCUS_SHARE * attended
        assert np.allclose(focused[unit], expected, atol=1e-5)
    invoice = WORDS.index("facture")
    mixed = 3
    assert focused[mixed, invoice] / np.linalg.norm(focused[mixed]) > vectors[mixed, invoice] + 0.2
    thanks = view.focused(vectors, embedder.encode(["merci"]), True)
    assert thanks[mixed, invoice] / np.linalg.norm(thanks[mixed]) < vectors[mixed, invoice]
    assert np.allclose(SentenceView.whole_units(vectors).focused(vectors, codes, True), vectors, atol=1e-6)


def _project_with_mixed_verbatims(project) -> list[int]:  # type: ignore[no-untyped-def]
    add_codes(project)
    return add_documents(project, [
        "Bonjour. Ma facture est fausse. Merci de corriger.",
        "Mon colis n'est jamais arrivé.",
        "Je veux résilier. Trop de factures fausses. Au revoir.",
        "Merci au conseiller, très aimable !",
    ] * 6)


def test_sentence_vectors_are_encoded_once_and_leave_with_their_document(project):
    documents = _project_with_mixed_verbatims(project)
    embedder = KeywordEmbedder()
    suggest_codes(project, embedder=embedder, min_score=0.0, lexical_view=False)
    stored = "SELECT count(*) FROM embeddings WHERE model LIKE 'keywords-test|sentence:%'"
    assert project.scalar(stored) == 6 * (3 + 3)  # two of the four texts have several sentences
    encoded = len(embedder.encoded)
    suggest_codes(project, embedder=embedder, min_score=0.0, lexical_view=False)
    assert len(embedder.encoded) == encoded  # a re-run encodes nothing, sentences included
    remove_documents(project, documents[:1])
    assert project.scalar(stored) == 6 * 6 - 3


def test_a_run_cancelled_while_encoding_sentences_keeps_the_queue_and_the_batches_done(project):
    _project_with_mixed_verbatims(project)
    embedder = KeywordEmbedder(batch_size=4)
    first = suggest_codes(project, embedder=embedder, min_score=0.0, lexical_view=False)
    queue = project.rows("SELECT * FROM suggestions ORDER BY id")
    assert len(queue) == first.filed > 0
    project.execute("DELETE FROM embeddings WHERE model LIKE 'keywords-test|sentence:%'")
    token = CancelToken()

    def cancel_after_one_batch(done, total, message=""):  # type: ignore[no-untyped-def]
        if message.startswith("sentences of") and done >= 4:
            token.cancel()

    with pytest.raises(Cancelled):
        suggest_codes(project, embedder=embedder, min_score=0.0, lexical_view=False,
                      progress=cancel_after_one_batch, cancel=token)
    assert project.rows("SELECT * FROM suggestions ORDER BY id") == queue
    kept = project.scalar("SELECT count(*) FROM embeddings WHERE model LIKE 'keywords-test|sentence:%'")
    assert 0 < kept < 36
    embedder.encoded.clear()
    suggest_codes(project, embedder=embedder, min_score=0.0, lexical_view=False)
    assert len(embedder.encoded) == 36 - kept  # only the sentences the cancelled run had not stored


def test_an_explanation_quotes_the_sentence_closest_to_the_code(project):
    _project_with_mixed_verbatims(project)
    suggest_codes(project, embedder=KeywordEmbedder(), min_score=0.0, lexical_view=False)
    quoted = {}
    for row in review_queue(project, limit=None):
        quoted.setdefault(row["code_key"], set()).add(row["explanation"].get("sentence"))
    assert quoted["cancellation"] == {"Je veux résilier."}
    assert quoted["billing"] == {"Ma facture est fausse."}  # not "Bonjour." nor "Merci de corriger."
    assert quoted["delivery"] == {None}  # one sentence: the whole passage is the sentence


def test_without_sentences_a_run_encodes_whole_units_only(project, monkeypatch, capsys):
    from workbench.cli import main

    _project_with_mixed_verbatims(project)
    embedder = KeywordEmbedder()
    result = suggest_codes(project, embedder=embedder, min_score=0.0, lexical_view=False, sentences=False)
    assert result.filed > 0 and "Bonjour. Ma facture est fausse. Merci de corriger." in embedder.encoded
    assert "Ma facture est fausse." not in embedder.encoded
    assert project.scalar("SELECT count(*) FROM embeddings WHERE model LIKE 'keywords-test|sentence:%'") == 0
    assert all("sentence" not in row["explanation"] for row in review_queue(project, limit=None))

    import workbench.suggest.codes as suggester

    asked = {}
    monkeypatch.setattr(suggester, "suggest_codes", lambda *args, **kwargs: asked.update(kwargs) or result)
    path = project.path
    project.close()
    with pytest.raises(SystemExit) as exit_code:
        main(["suggest", str(path), "--no-sentences", "--quiet"])
    assert exit_code.value.code in (0, None) and asked["sentences"] is False
