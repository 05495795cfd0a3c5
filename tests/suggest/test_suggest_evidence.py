"""Suggestions decided by the project's own codings: folds, blend, calibration, abstention, codes kept
apart, what to code next, and no refit on a cached re-run."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest
from suggest_data import code_document, verbatim_project
from test_suggest_cli import run

from workbench.project import Project
from workbench.suggest import codes as suggester
from workbench.suggest import evidence
from workbench.suggest.codes import code_next, suggest_codes
from workbench.suggest.review import review_queue


def _clusters(seed: int, per_code: int, n_codes: int = 4, dim: int = 8, noise: float = 0.6):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    labels = np.repeat(np.arange(n_codes), per_code)
    vectors = np.eye(dim)[:n_codes][labels] + rng.normal(scale=noise, size=(len(labels), dim))
    return vectors, labels


def test_folds_work_from_two_examples_per_code_and_never_test_a_lone_example():
    labels = np.array([0, 0, 1, 1, 2, 2, 3, evidence.NONE])  # code 3 has one example, the last is a rejection
    splits = evidence.folds(labels, repeats=1)
    assert len(splits) == 2  # two examples per code: each fold holds out one example of every code
    for train, test in splits:
        assert sorted(labels[test]) == [0, 1, 2]
        assert {6, 7} <= set(train)
    assert evidence.folds(np.array([0, 0, 1])) == []  # one code with two examples: nothing to compare


def test_the_row_space_logistic_regression_is_the_plain_one():
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = sparse.random(30, 500, density=0.05, random_state=0, format="csr")
    y = rng.integers(0, 3, 30)
    fast = evidence.RowSpaceLogistic(20.0).fit(x, y)
    plain = LogisticRegression(C=20.0, max_iter=10000, tol=1e-8).fit(x, y)
    other = sparse.random(10, 500, density=0.05, random_state=1, format="csr")
    assert np.allclose(fast.predict_proba(other), plain.predict_proba(other), atol=0.01)  # solver tolerance
    assert np.allclose(fast.coef_, plain.coef_, atol=0.05)
    assert evidence.RowSpaceLogistic(20.0).fit(x.toarray()[:, :20], y).basis is None  # more rows than features


def test_propagation_is_judged_out_of_fold_on_a_pool_as_large_as_it_gets_in_the_final_fit(monkeypatch):
    """Spreading labels over fewer uncoded units in the folds than in the final fit made the candidate look
    weaker than it is (Banking77: weight 0.3 and 0.874, against 0.8795 judged on the same pool)."""
    from workbench.suggest import scoring

    vectors, labels = _clusters(0, 60)
    coded = np.concatenate([np.flatnonzero(labels == code)[:4] for code in range(4)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    views = evidence.Views(zero=np.full((len(labels), 4), 0.25), semantic=[vectors], pool=pool)
    sizes: list[int] = []
    original = scoring.fit_few_shot
    monkeypatch.setattr(scoring, "fit_few_shot", lambda train, y, n, uncoded, **kw: sizes.append(len(uncoded))
                        or original(train, y, n, uncoded, **kw))
    monkeypatch.setattr(evidence, "POOL", 100)
    evidence.weigh(views, coded, labels[coded], 4)
    evidence.predict("propagation", views, coded, labels[coded], None, 4)
    assert len(sizes) > 4 and set(sizes) == {100}


def test_labels_spread_over_the_whole_units_while_the_classifiers_read_the_focused_ones():
    """The classifier's view and the neighbour graph's are two views of the same units: spreading labels
    reads `graph` (rows centred as they are read), the semantic classifier `semantic`."""
    from workbench.suggest import scoring

    vectors, labels = _clusters(0, 60)
    noise = np.random.default_rng(1).normal(size=vectors.shape).astype(np.float32)
    coded = np.concatenate([np.flatnonzero(labels == code)[:4] for code in range(4)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    graph = scoring.CentredRows(vectors, scoring.normalise(vectors).mean(axis=0))
    assert np.allclose(graph[pool[:5]], scoring.centred(vectors, graph.centre)[pool[:5]])
    views = evidence.Views(zero=np.full((len(labels), 4), 0.25), semantic=[noise], pool=pool, graph=[graph])
    spread = evidence.predict("propagation", views, coded, labels[coded], pool, 4)
    clustered = evidence.Views(zero=views.zero, semantic=[graph[np.arange(len(labels))]], pool=pool)
    assert np.allclose(spread, evidence.predict("propagation", clustered, coded, labels[coded], pool, 4))
    classified = evidence.predict("semantic", views, coded, labels[coded], pool, 4).argmax(axis=1)
    assert (spread.argmax(axis=1) == labels[pool]).mean() > (classified == labels[pool]).mean() + 0.2


def test_the_blend_follows_the_candidate_that_is_right_out_of_fold():
    truth = np.repeat(np.arange(3), 4)
    right = np.eye(3)[truth] * 0.8 + 0.1
    wrong = np.eye(3)[(truth + 1) % 3] * 0.8 + 0.1
    weights = evidence.choose_weights({"zero-shot": wrong, "semantic": right, "lexical": wrong}, truth)
    assert weights["semantic"] > 0.5
    assert evidence.choose_weights({"zero-shot": right, "semantic": wrong}, truth)["zero-shot"] > 0.5
    weights = evidence.choose_weights({"zero-shot": wrong, "description words": right, "semantic": wrong}, truth)
    assert weights["description words"] > 0.5
    views = evidence.Views(wrong, [np.eye(3)[truth]], described=right)
    assert "description words" in views.names
    assert np.array_equal(evidence.predict("description words", views, np.arange(6), truth[:6], None, 3), right)


def test_every_candidate_that_beats_chance_keeps_a_share_of_the_blend():
    """The best blend out of fold is partly luck with few codings: half of the blend follows it, the other
    half is shared evenly by the candidates right more often than chance, so one the folds passed over
    still counts, and one that knows nothing about these codes does not."""
    truth = np.repeat(np.arange(3), 4)
    right = np.eye(3)[truth] * 0.8 + 0.1
    wrong = np.eye(3)[(truth + 1) % 3] * 0.8 + 0.1
    half = np.where(np.arange(12)[:, None] % 2 == 0, right, wrong)  # right on 6 of 12: above chance (4 of 12)
    oof = {"zero-shot": wrong, "semantic": right, "lexical": half}
    assert evidence.best_on_folds(oof, truth) == {"zero-shot": 0.0, "semantic": 1.0, "lexical": 0.0}
    weights = evidence.choose_weights(oof, truth)
    assert weights == pytest.approx({"zero-shot": 0.0, "semantic": 0.75, "lexical": 0.25}, abs=1e-3)


def test_the_description_words_find_the_telling_word_and_leave_a_unit_without_one_even():
    from workbench.suggest.codes import described
    from workbench.suggest.lexical import LexicalView

    units = ["Je souhaite résilier mon abonnement à la fin du mois.", "Le colis est arrivé hier, merci.",
             "Zut !", "Passer à la formule supérieure avec l'option sport."]
    view = LexicalView(units)
    descriptions = view.transform(["Résiliation : résilier, fin de contrat, partir chez un concurrent",
                                   "Changement d'abonnement : changer de formule, ajouter une option"])
    scores = described(view.matrix, descriptions)
    assert np.allclose(scores.sum(axis=1), 1)
    assert scores[0, 0] > 0.6 and scores[3, 1] > 0.6
    assert np.allclose(scores[2], [0.5, 0.5], atol=0.1)  # no word of either code: neither is preferred


def test_a_run_decided_by_the_descriptions_words_is_not_said_to_learn_from_examples(project, monkeypatch):
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    monkeypatch.setattr(evidence, "choose_weights", lambda oof, truth: {"description words": 1.0})
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert set(result.methods.values()) == {
        "from the code's description (preferred to its 3 coded examples by cross-validation)"}
    assert all(row["explanation"]["basis"] == "description" for row in review_queue(project, limit=None))


@pytest.mark.parametrize(("favoured", "method"), [
    ("description words", "from the code's description (preferred to its 3 coded examples by cross-validation)"),
    ("lexical", "from 3 coded examples")])
def test_the_method_names_the_larger_part_of_the_blend(project, monkeypatch, favoured, method):
    """Every candidate keeps a share of the blend, so the label says which side holds most of it."""
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    monkeypatch.setattr(evidence, "best_on_folds", lambda oof, truth: {n: float(n == favoured) for n in oof})
    suggester._MEMO.clear()  # the other case's run, on the same codings, is not reused
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert all(value.startswith(method) for value in result.methods.values())
    weights = result.schemes["reasons"]["evidence"]["weights"]
    assert max(weights, key=weights.get) == favoured and weights[favoured] < 1


def test_calibrated_scores_mean_what_they_say_on_a_synthetic_set():
    vectors, labels = _clusters(0, 200)
    coded = np.concatenate([np.flatnonzero(labels == code)[:30] for code in range(4)])
    held = np.setdiff1d(np.arange(len(labels)), coded)
    flat = np.full((len(labels), 4), 0.25)
    views = evidence.Views(flat, [vectors])
    found = evidence.weigh(views, coded, labels[coded], 4)
    assert found.tested == len(coded) and found.calibration.curve
    scores = evidence.blend({name: evidence.predict(name, views, coded, labels[coded], held, 4)
                             for name in found.weights if found.weights[name] > 0}, found.weights)
    calibrated = found.calibration(scores.max(axis=1) / scores.sum(axis=1))
    right = scores.argmax(axis=1) == labels[held]
    assert 0.5 < right.mean() < 0.95  # a set where calibration has something to say
    bands = np.digitize(calibrated, [0.2, 0.4, 0.6, 0.8])
    error = sum(abs(calibrated[bands == b].mean() - right[bands == b].mean()) * (bands == b).sum()
                for b in np.unique(bands)) / len(held)
    assert error < 0.08  # expected calibration error
    assert abs(calibrated.mean() - right.mean()) < 0.06
    threshold = found.calibration_threshold(0.8)
    kept = calibrated >= threshold
    assert threshold is not None and kept.sum() > 50 and right[kept].mean() >= 0.75


def _self_training_case(seed: int, noise: float):  # type: ignore[no-untyped-def]
    vectors, labels = _clusters(seed, 150, noise=noise)
    coded = np.concatenate([np.flatnonzero(labels == code)[:3] for code in range(4)])
    pool = np.setdiff1d(np.arange(len(labels)), coded)
    views = evidence.Views(np.full((len(labels), 4), 0.25), [vectors], pool=pool)
    return evidence.weigh(views, coded, labels[coded], 4), views, coded, labels, pool


def test_self_training_is_kept_when_it_wins_out_of_fold_and_learns_from_the_surest_units():
    found, views, coded, labels, pool = _self_training_case(1, 0.5)
    assert found.self_training is not None
    assert found.accuracy["blend, self-trained"] == found.self_training.accuracy > found.self_training.without
    kept = found.scores(views, coded, labels[coded], 4)
    without = dataclasses.replace(found, self_training=None, weights=found.self_training.seed_weights)
    plain = without.scores(views, coded, labels[coded], 4)
    assert (kept[pool].argmax(axis=1) == labels[pool]).mean() > (plain[pool].argmax(axis=1) == labels[pool]).mean() + 0.02
    stored = evidence.Evidence.from_dict(json.loads(json.dumps(found.as_dict())))
    assert stored.self_training == found.self_training
    assert np.allclose(stored.scores(views, coded, labels[coded], 4), kept)


def test_self_training_is_left_out_when_it_does_not_win_or_has_nothing_to_learn_from():
    found, views, coded, labels, _ = _self_training_case(0, 0.5)
    assert found.self_training is None and found.accuracy["blend, self-trained"] <= found.accuracy["blend"]
    assert evidence.Evidence.from_dict(found.as_dict()).self_training is None
    alone = evidence.weigh(dataclasses.replace(views, pool=None), coded, labels[coded], 4)
    assert alone.self_training is None and "blend, self-trained" not in alone.accuracy


def test_the_surest_share_of_each_code_within_the_caps(monkeypatch):
    scores = np.array([[0.9, 0.1], [0.6, 0.4], [0.7, 0.3], [0.2, 0.8], [0.45, 0.55], [0.8, 0.2]])
    rows = np.arange(10, 16)
    picked, codes = evidence.surest(scores, rows)
    assert picked.tolist() == [10, 13, 15] and codes.tolist() == [0, 1, 0]  # half of each code's, surest first
    monkeypatch.setattr(evidence, "SELF_TOTAL", 2)
    monkeypatch.setattr(evidence, "SELF_MIN_CAP", 1)
    picked, codes = evidence.surest(scores, rows)
    assert picked.tolist() == [10, 13] and codes.tolist() == [0, 1]


def test_code_next_prefers_uncertain_units_unlike_each_other():
    scores = np.array([[0.5, 0.5], [0.5, 0.5], [0.52, 0.48], [0.99, 0.01], [0.9, 0.1]])
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.7, 0.7], [0.6, 0.8]])
    picks = evidence.code_next(scores, vectors, np.arange(5), np.zeros(0, dtype=int), 2)
    assert [row for row, _ in picks] == [0, 2]  # 1 is as uncertain as 0 but its twin; 3 and 4 are sure
    assert picks[0][1] == pytest.approx(1.0)


def _code(project, truth, codes, per_code, only=None):  # type: ignore[no-untyped-def]
    coded = set()
    for key, code_id in codes.items():
        if only is not None and key not in only:
            continue
        for document_id in [doc for doc, label in truth.items() if label == key][:per_code]:
            code_document(project, document_id, code_id)
            coded.add(document_id)
    return coded


def test_a_run_says_how_many_units_got_no_suggestion_and_why(project):
    truth, codes = verbatim_project(project)
    coded = _code(project, truth, codes, 3)
    result = suggest_codes(project, embedder="lexical", precision=0.99)
    details = result.schemes["reasons"]
    without = details["without"]
    filed_units = {row["document_id"] for row in review_queue(project, limit=None)}
    assert without["coded"] == len(coded) == 12
    assert sum(without.values()) == details["units"] - len(filed_units) == 48 - result.filed
    assert set(without) <= {"coded", "below_threshold", "precision_not_reached", "reviewed"}
    assert "without a suggestion: " in result.summary() and "12 already coded" in result.summary()
    assert details["thresholds"]["precision"] == 0.99
    lenient = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert lenient.filed == 36 and lenient.schemes["reasons"]["without"] == {"coded": 12}
    metrics = json.loads(project.scalar("SELECT metrics FROM runs WHERE id = ?", [lenient.run_id]))
    assert metrics["schemes"]["reasons"]["without"] == {"coded": 12}


def test_codes_nobody_coded_are_scored_apart_and_take_nothing_from_coded_ones(project):
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3, only={"billing", "delivery", "cancellation"})
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert result.methods["praise"] == "from the code's description"
    assert result.methods["billing"].startswith(("from 3 coded examples", "from the code's description (preferred"))
    rows = review_queue(project, limit=None)
    apart = [row for row in rows if row["code_key"] == "praise"]
    assert apart and all(row["explanation"]["basis"] == "description" for row in apart)
    assert all(row["explanation"]["calibrated"] for row in apart)  # measured on the other codes' codings
    # every uncoded unit still gets its best code among the coded ones, praise or not
    from_examples = {row["document_id"] for row in rows if row["code_key"] != "praise"}
    assert len(from_examples) == 48 - 9
    praised = {row["document_id"] for row in apart}
    assert praised <= from_examples
    assert sum(truth[doc] == "praise" for doc in praised) >= 0.6 * len(praised)


def _queue(project: Project) -> list[tuple]:
    return sorted((row["document_id"], row["code_key"], round(row["score"], 6), json.dumps(row["explanation"]))
                  for row in review_queue(project, limit=None))


def test_a_cached_rerun_fits_nothing(project):
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    suggest_codes(project, embedder="lexical", min_score=0.0)
    first = _queue(project)
    view = next(iter(suggester._LEXICAL_VIEWS.values()))
    fitted = sum(evidence.fits.values())
    assert fitted > 0
    suggest_codes(project, embedder="lexical", min_score=0.0)
    assert sum(evidence.fits.values()) == fitted
    assert next(iter(suggester._LEXICAL_VIEWS.values())) is view
    # as in a new process: the run's recorded evidence and fit spare the cross-validation, the final fits
    # and the lexical view, and file the very same suggestions, explanations included
    suggester._MEMO.clear()
    suggester._LEXICAL_VIEWS.clear()
    suggest_codes(project, embedder="lexical", min_score=0.0)
    assert sum(evidence.fits.values()) == fitted
    assert suggester._LEXICAL_VIEWS == {}
    assert _queue(project) == first
    assert any(json.loads(explanation)["words"] for *_, explanation in first)
    _code(project, truth, codes, 4)  # a new coding: the model must learn again
    suggest_codes(project, embedder="lexical", min_score=0.0)
    assert sum(evidence.fits.values()) > fitted
    assert project.scalar("SELECT count(*) FROM suggest_fits") == 1  # the scheme's latest fit only


def test_a_fit_another_project_made_in_this_process_is_recorded_in_this_one_too(project, tmp_path):
    """The in-process memo is keyed by content: a copy of a project gets the fit its twin made. It must
    still record it, or its next run in a new process would fit again."""
    with Project.create(tmp_path / "twin.vwb", language="fr") as twin:
        truth, codes = verbatim_project(twin)
        _code(twin, truth, codes, 3)
        suggest_codes(twin, embedder="lexical", min_score=0.0)
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    fitted = sum(evidence.fits.values())
    suggest_codes(project, embedder="lexical", min_score=0.0)
    assert sum(evidence.fits.values()) == fitted
    suggester._MEMO.clear()
    suggest_codes(project, embedder="lexical", min_score=0.0)
    assert sum(evidence.fits.values()) == fitted


def test_a_run_without_its_recorded_fit_fits_again_and_files_the_same(project):
    """A project whose fit was dropped (erasure, pseudonymisation, an older version) measures nothing
    again: the recorded evidence stands, only the final classifiers are fitted."""
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    suggest_codes(project, embedder="lexical", min_score=0.0)
    first = _queue(project)
    with project.transaction():
        project.execute("DELETE FROM suggest_fits")
    suggester._MEMO.clear()
    fitted = sum(evidence.fits.values())
    suggest_codes(project, embedder="lexical", min_score=0.0)
    found = next(iter(suggester._MEMO.values()))[0]
    # the final classifiers only (semantic, lexical, propagation), the first two twice with self-training (the
    # seed blend, then the refit), which leaves propagation out
    assert 0 < sum(evidence.fits.values()) - fitted <= (4 if found.self_training else 3)
    assert _queue(project) == first
    assert project.scalar("SELECT count(*) FROM suggest_fits") == 1


def test_the_words_of_every_unit_are_those_of_its_own_explanation():
    """`lexical.weighing_words` computes all units' explanation words at once; each is the unit's TF-IDF
    times the classifier's weights for its best code less the runner-up's, the six largest, ties by word."""
    from workbench.suggest.lexical import LexicalView, weighing_words

    texts = ["je veux résilier mon abonnement", "colis jamais livré, livraison en retard",
             "facture erronée, montant prélevé deux fois", "résiliation du contrat demandée",
             "la livraison du colis a échoué", "erreur sur la facture du mois", "abonnement résilié enfin",
             "mon colis est perdu", "la facture est fausse", "merci beaucoup"]
    view = LexicalView(texts)
    labels = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, evidence.NONE])
    for classes in (3, 2):
        keep = labels < classes
        model = evidence.RowSpaceLogistic(20.0).fit(view.matrix[keep], labels[keep])
        scores = np.abs(np.random.default_rng(classes).normal(size=(len(texts), classes)))
        found = weighing_words(view, model, scores)
        coef = model.coef_[:, : view.n_words]
        for unit in range(len(texts)):
            order = [int(code) for code in np.argsort(-scores[unit])]
            best, runner = order[0], order[1]
            x = view.matrix[unit, : view.n_words].tocoo()
            row = list(model.classes_).index
            if coef.shape[0] == 1:
                weight = x.data * coef[0, x.col] * (1.0 if row(best) == 1 else -1.0)
            else:
                weight = x.data * (coef[row(best), x.col] - coef[row(runner), x.col])
            expected = sorted(((w, str(view.vocabulary[c])) for w, c in zip(weight, x.col) if w > 0), reverse=True)
            assert found[unit] == [word for _, word in expected[:6]]
        assert any(found)


def test_evidence_recorded_before_a_candidate_existed_is_weighed_again(project, monkeypatch):
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    monkeypatch.setattr(evidence, "CANDIDATES", tuple(name for name in evidence.CANDIDATES
                                                      if name != "description words"))
    older = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert "description words" not in older.schemes["reasons"]["evidence"]["weights"]
    monkeypatch.undo()
    suggester._MEMO.clear()
    fitted = sum(evidence.fits.values())
    newer = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert "description words" in newer.schemes["reasons"]["evidence"]["weights"]
    assert sum(evidence.fits.values()) - fitted > 4  # cross-validated again, not only the final fits


def test_evidence_blended_otherwise_is_weighed_again(project, monkeypatch):
    truth, codes = verbatim_project(project)
    _code(project, truth, codes, 3)
    monkeypatch.setattr(evidence, "FOLLOW_FOLDS", 1.0)
    older = suggest_codes(project, embedder="lexical", min_score=0.0)
    monkeypatch.undo()
    suggester._MEMO.clear()
    fitted = sum(evidence.fits.values())
    newer = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert sum(evidence.fits.values()) - fitted > 4  # cross-validated again, not only the final fits
    assert newer.schemes["reasons"]["evidence"]["weights"] != older.schemes["reasons"]["evidence"]["weights"]


def test_code_next_and_the_learning_curve(project):
    truth, codes = verbatim_project(project)
    coded = _code(project, truth, codes, 6)
    plan = code_next(project, n=5, embedder="lexical")["reasons"]
    assert len(plan["queue"]) == 5 and not {row["document_id"] for row in plan["queue"]} & coded
    assert len({row["document_id"] for row in plan["queue"]}) == 5
    assert all(len(row["between"]) == 2 for row in plan["queue"])
    assert [point["per_code"] for point in plan["learning_curve"]] == [1, 2, 3, 5]
    assert all(0 <= point["accuracy"] <= 1 for point in plan["learning_curve"])
    assert plan["coded_per_code"] == {"billing": 6, "delivery": 6, "cancellation": 6, "praise": 6}
    assert project.scalar("SELECT count(*) FROM suggestions") == 0  # nothing filed


def test_the_command_line_reports_abstentions_and_the_code_next_queue(capsys, tmp_path):
    target = tmp_path / "cli.vwb"
    with Project.create(target) as project:
        truth, codes = verbatim_project(project)
        _code(project, truth, codes, 3)
    code, out, _ = run(capsys, "suggest", str(target), "--embedder", "lexical", "--precision", "0.99", "--quiet")
    assert code == 0 and "reasons: " in out and "without a suggestion" in out and "12 already coded" in out
    assert "cross-validated accuracy on 12 coded units" in out and "calibration (score band" in out
    code, out, _ = run(capsys, "suggest", str(target), "--embedder", "lexical", "--code-next", "3", "--quiet")
    assert code == 0 and "learning curve" in out and out.count(" between ") == 3
    code, _, err = run(capsys, "suggest", str(target), "--code-next", "0")
    assert code == 2 and "--code-next" in err


def test_the_command_line_says_whether_self_training_was_kept(capsys, tmp_path):
    for per_code, kept in ((5, True), (3, False)):
        target = tmp_path / f"cli{per_code}.vwb"
        with Project.create(target) as project:
            truth, codes = verbatim_project(project)
            # codes named and described by nothing: the classifiers decide, and self-training is weighed
            project.execute("UPDATE codes SET name = 'Motif ' || id, key = NULL, description = NULL, indicators = []")
            _code(project, truth, codes, per_code)
        code, out, _ = run(capsys, "suggest", str(target), "--embedder", "lexical", "--quiet")
        assert code == 0 and "blend, self-trained" in out
        shares = re.search(r": blend ([^;]+);", out).group(1).split(", ")  # type: ignore[union-attr]
        assert all(re.fullmatch(r"[a-z -]+ [01]\.\d\d", share) for share in shares)  # shares such as 0.125 show
        assert sum(float(share.rsplit(" ", 1)[1]) for share in shares) == pytest.approx(1, abs=0.02)
        if kept:
            assert (f"self-training kept: the surest {evidence.SELF_SHARE:.0%} of the uncoded units the blend gives "
                    "each code") in out
            assert "from 5 coded examples and the uncoded units the blend is surest of" in out
        else:
            assert "self-training left out: learning the blend's surest uncoded units was not right more" in out


@pytest.mark.slow
def test_a_french_run_loads_neither_torch_nor_spacy(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "fr.vwb"
    with Project.create(target, language="fr") as project:
        truth, codes = verbatim_project(project)
        _code(project, truth, codes, 3)
    script = ("import sys; from workbench.project import Project; from workbench.suggest.codes import suggest_codes; "
              f"p = Project.open({str(target)!r}); r = suggest_codes(p); "
              "print(r.filed, 'torch' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1:] == ["False", "False"]


def test_the_method_label_says_what_decided():
    from workbench.suggest.review import method_label

    assert method_label({"method": "zero-shot", "basis": "description", "coded_examples": 0,
                         "calibrated": False}) == "depuis la définition du code ; score non calibré (aucun codage pour le vérifier)"
    label = method_label({"method": "few-shot", "basis": "examples", "coded_examples": 7, "calibrated": True,
                          "reliability": {"precision": 0.8, "recall": 0.7, "tested": 7}})
    assert label == "depuis 7 exemples codés ; juste 80 % du temps en validation croisée (7 exemples testés)"
    assert method_label({"method": "few-shot", "basis": "description", "coded_examples": 1}) == (
        "depuis la définition du code")
    assert method_label({"method": "few-shot", "basis": "examples", "coded_examples": 5, "self_trained": True}) == (
        "depuis 5 exemples codés et les passages non codés les plus sûrs")


def test_a_calibration_never_inverts_the_scores():
    top = np.linspace(0.3, 0.95, 20)
    wrong_when_sure = top < 0.6  # the higher the score, the more often wrong
    calibration = evidence.Calibration.fit(top, wrong_when_sure)
    scores = calibration(np.array([0.3, 0.9]))
    assert calibration.a == 0 and scores[0] == pytest.approx(scores[1])
    assert scores[0] == pytest.approx((wrong_when_sure.sum() + 1) / 22)


@pytest.mark.parametrize("seed", range(4))
def test_platt_scaling_is_scikit_learns_logistic_regression(seed):
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    x = rng.normal(size=40 + 30 * seed)
    right = rng.random(len(x)) < 1 / (1 + np.exp(-(1.5 * x - 0.3 + seed)))
    model = LogisticRegression(C=1.0, tol=1e-10, max_iter=1000).fit(x[:, None], right.astype(int))
    slope, intercept = evidence.platt(x, right)
    assert slope == pytest.approx(float(model.coef_[0, 0]), abs=1e-4)
    assert intercept == pytest.approx(float(model.intercept_[0]), abs=1e-4)


def test_the_english_stop_words_read_from_their_file_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from workbench.suggest.lexical import english_stop_words

    english_stop_words.cache_clear()
    assert english_stop_words() == ENGLISH_STOP_WORDS and len(ENGLISH_STOP_WORDS) > 300
