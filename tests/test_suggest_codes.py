"""Code suggestions: zero-shot from the codebook, few-shot from codings, explanations, refresh."""

from __future__ import annotations

import json

import pytest
from suggest_data import code_document, verbatim_project

from workbench.errors import CodingError, WorkbenchError
from workbench.suggest.codes import code_texts, suggest_codes
from workbench.suggest.review import reject, review_queue


def _accuracy(project, truth) -> float:  # type: ignore[no-untyped-def]
    rows = review_queue(project, limit=None)
    return sum(truth[row["document_id"]] == row["code_key"] for row in rows) / len(rows)


def _code_three_per_code(project, truth, codes) -> set[int]:  # type: ignore[no-untyped-def]
    coded = set()
    for key, code_id in codes.items():
        for document_id in [doc for doc, label in truth.items() if label == key][:3]:
            code_document(project, document_id, code_id)
            coded.add(document_id)
    return coded


@pytest.mark.slow
def test_zero_shot_suggestions_from_the_codebook_in_french(project):
    truth, _ = verbatim_project(project)
    result = suggest_codes(project, embedder="e5-small", min_score=0.0)
    assert result.filed == 48 and set(result.methods.values()) == {"zero-shot"}
    assert _accuracy(project, truth) >= 0.85
    rows = review_queue(project, limit=None)
    assert all(0.0 <= row["score"] <= 1.0 for row in rows)
    top = rows[0]["explanation"]
    assert top["method"] == "zero-shot" and top["model"] == "e5-small" and top["words"]
    run = project.dicts("SELECT kind, model, metrics FROM runs WHERE id = ?", [result.run_id])[0]
    assert run["kind"] == "suggest" and json.loads(run["metrics"])["suggestions"] == 48
    # without codings there is no classifier, so no lexical view is fitted
    assert project.scalar("SELECT count(*) FROM runs WHERE kind = 'embed' AND model LIKE 'lexical:%'") == 0


@pytest.mark.slow
def test_few_shot_takes_over_once_a_code_has_three_codings(project):
    truth, codes = verbatim_project(project)
    coded = _code_three_per_code(project, truth, codes)
    result = suggest_codes(project, embedder="e5-small", min_score=0.0)
    assert set(result.methods.values()) == {"few-shot"}
    rows = review_queue(project, limit=None)
    assert {row["document_id"] for row in rows}.isdisjoint(coded)  # coded units are not proposed again
    assert len(rows) == 48 - len(coded) and _accuracy(project, truth) >= 0.85
    explanation = rows[0]["explanation"]
    assert explanation["method"] == "few-shot" and explanation["classifier"] is not None
    nearest = explanation["nearest_examples"]
    assert len(nearest) == 3 and all(example["document_id"] in coded for example in nearest)
    assert nearest[0]["similarity"] >= nearest[-1]["similarity"] and nearest[0]["text"]
    # the classifier's second view: the units' lexical vectors, fitted and cached for this run
    assert project.scalar("SELECT count(*) FROM runs WHERE kind = 'embed' AND model LIKE 'lexical:%'") == 1


def test_lexical_few_shot_and_the_refresh_after_reviews(project):
    truth, codes = verbatim_project(project)
    suggest_codes(project, embedder="lexical", min_examples=3, min_score=0.0)
    first = review_queue(project, limit=None)
    assert len(first) == 48
    _code_three_per_code(project, truth, codes)
    reject(project, [first[-1]["id"]])
    rejected = (first[-1]["document_id"], first[-1]["code_id"])
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert set(result.methods.values()) == {"few-shot"}
    pending = review_queue(project, limit=None)
    assert all(row["run_id"] == result.run_id for row in pending)  # earlier pending ones were replaced
    assert rejected not in {(row["document_id"], row["code_id"]) for row in pending}
    assert project.scalar("SELECT count(*) FROM suggestions WHERE status = 'rejected'") == 1


def test_min_score_filters_and_code_selection(project):
    verbatim_project(project)
    high = suggest_codes(project, ["billing", "delivery"], embedder="lexical", min_score=0.9)
    assert {row["code_key"] for row in review_queue(project, limit=None)} <= {"billing", "delivery"}
    assert all(row["score"] >= 0.9 for row in review_queue(project, limit=None))
    everything = suggest_codes(project, ["reasons"], embedder="lexical", min_score=0.0)
    assert everything.filed == 48 and everything.filed > high.filed
    with pytest.raises(CodingError):
        suggest_codes(project, ["no_such_code"], embedder="lexical")


def test_no_codes_and_empty_projects(project):
    with pytest.raises(WorkbenchError, match="no codable codes"):
        suggest_codes(project, embedder="lexical")
    verbatim_project(project)
    project.execute("DELETE FROM documents")
    result = suggest_codes(project, embedder="lexical")
    assert result.filed == 0


def test_code_texts_use_the_project_language_translation():
    code = {"name": "Billing", "description": "An invoice question.", "indicators": ["invoice"],
            "examples": ["My bill is wrong."], "inclusion": None,
            "translations": json.dumps({"fr": {"name": "Facturation", "description": "Question de facture."}})}
    texts = code_texts(code, "fr")
    assert texts[0] == ("Facturation: Question de facture.", True)
    assert ("My bill is wrong.", False) in texts
    assert code_texts(code, "en")[0] == ("Billing: An invoice question.", True)


def test_blend_trusts_whichever_is_right_on_the_analysts_codings():
    import numpy as np

    from workbench.suggest import scoring

    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(3), 6)
    separable = np.eye(3)[labels] + rng.normal(scale=0.05, size=(18, 3))
    perfect_zero = np.eye(3)[labels] * 0.9 + 0.05
    wrong_zero = np.eye(3)[(labels + 1) % 3] * 0.9 + 0.05
    assert scoring.blend_weight(separable, labels, wrong_zero) == 0.9
    noise = rng.normal(size=(18, 3))  # a classifier that cannot learn: zero-shot should lead
    assert scoring.blend_weight(noise, labels, perfect_zero) < 0.5


def _clusters(seed: int, per_code: int, n_codes: int = 4, dim: int = 12):  # type: ignore[no-untyped-def]
    """Unit-like vectors: a shared offset (the common direction sentence embeddings have) plus one
    direction per code and noise; returns (vectors, labels)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    labels = np.repeat(np.arange(n_codes), per_code)
    directions = np.eye(dim)[:n_codes]
    vectors = 3.0 * np.ones(dim) + directions[labels] + rng.normal(scale=0.35, size=(len(labels), dim))
    return vectors, labels


def test_few_shot_learns_from_the_pool_and_from_the_lexical_view():
    import numpy as np

    from workbench.suggest import scoring

    vectors, labels = _clusters(0, 60)
    words, _ = _clusters(1, 60)  # a second, independent view of the same units
    coded = np.concatenate([np.flatnonzero(labels == code)[:6] for code in range(4)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    plain = scoring.fit_few_shot(vectors[coded], labels[coded], 4, centre=False)
    model = scoring.fit_few_shot(vectors[coded], labels[coded], 4, vectors[pool],
                                 lexical=(words[coded], words[pool]))
    assert plain.n_pseudo == 0 and model.n_pseudo <= scoring.DEFAULT_KEEP * len(pool)
    assert model.centre is not None and model.lexical is not None
    with pytest.raises(ValueError, match="lexical vectors"):
        model.scores(vectors[pool], 4)
    scores = model.scores(vectors[pool], 4, words[pool])
    assert scores.shape == (len(pool), 4) and np.allclose(scores.sum(axis=1), 1.0, atol=1e-5)
    right = (scores.argmax(axis=1) == labels[pool]).mean()  # 0.95 against 0.89 for the plain classifier
    assert right >= (plain.scores(vectors[pool], 4).argmax(axis=1) == labels[pool]).mean() + 0.03
    # re-propagation rounds (a bench variant): the last round, at share 1.0, keeps every pool unit
    rounds = scoring.fit_few_shot(vectors[coded], labels[coded], 4, vectors[pool], grow=(0.8, 1.0))
    assert rounds.n_pseudo == len(pool) and rounds.lexical is None


def test_few_shot_keeps_negatives_and_leaves_unseen_codes_at_zero():
    import numpy as np

    from workbench.suggest import scoring

    vectors, labels = _clusters(2, 30)
    labels = labels.copy()
    labels[labels == 3] = scoring.NONE  # the fourth cluster: rejected suggestions, "none of these"
    coded = np.concatenate([np.flatnonzero(labels == code)[:3] for code in (0, 1, 2, scoring.NONE)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    model = scoring.fit_few_shot(vectors[coded], labels[coded], 5, vectors[pool])
    assert scoring.NONE in model.classes and model.lexical is None
    scores = model.scores(vectors[pool], 5)
    assert np.all(scores[:, 3:] == 0.0)  # codes 3 and 4 have no examples
    rejected = labels[pool] == scoring.NONE
    assert scores[rejected].max(axis=1).mean() < scores[~rejected].max(axis=1).mean()
