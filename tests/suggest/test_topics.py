"""Topics: runs recorded, small and large corpus paths, queries over time and variables, topic -> code."""

from __future__ import annotations

import json
from datetime import datetime

import numpy as np
import pytest
from suggest_data import add_documents, verbatim_project

import workbench.suggest.topics as topics_module
from workbench import browse
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_paths
from workbench.journal import undo
from workbench.suggest.review import review_queue
from workbench.suggest.topic_words import (
    TermCounter,
    corpus_wide_words,
    describe_topics,
    label_from_phrases,
    proper_nouns,
)
from workbench.suggest.topics import (
    fit_topics,
    fit_topics_on_vectors,
    map_topic_to_code,
    nps_group,
    topic_table,
    topics_by_variable,
    topics_over_time,
)


@pytest.fixture
def topic_run(project):  # type: ignore[no-untyped-def]
    truth, codes = verbatim_project(project)
    project.execute("INSERT INTO variables (name, type) VALUES ('nps', 'integer')")
    for index, document_id in enumerate(truth):
        project.execute("INSERT INTO document_values VALUES (?, 1, ?)", [document_id, str(index % 11)])
        project.execute("UPDATE documents SET occurred_at = ? WHERE id = ?",
                        [datetime(2026, 1 + index % 3, 5), document_id])
    run_id = fit_topics(project, embedder="e5-small")
    return project, run_id, truth, codes


@pytest.mark.slow
def test_topic_run_is_recorded_with_keywords_and_metrics(topic_run):
    project, run_id, _, _ = topic_run
    run = project.dicts("SELECT kind, model, device, params, metrics FROM runs WHERE id = ?", [run_id])[0]
    metrics, params = json.loads(run["metrics"]), json.loads(run["params"])
    assert run["kind"] == "topics" and run["model"] == "e5-small" and run["device"] == "cpu"
    assert params["path"].startswith("small corpus") and params["random_state"] == 42
    assert 2 <= metrics["topics"] <= 8 and metrics["outlier_share"] == 0 and 0 < metrics["diversity"] <= 1
    table = topic_table(project, run_id)
    assert sum(row["size"] for row in table) == 48
    assert project.scalar("SELECT count(*) FROM unit_topics WHERE run_id = ?", [run_id]) == 48
    words = {word for row in table for word in row["keywords"]}
    assert {"le", "la", "de", "je", "votre"}.isdisjoint(words)  # French stop words are left out
    assert "facture" in words or "factur" in " ".join(words)
    assert all(row["label"] and len(row["examples"]) == 3 for row in table)


@pytest.mark.slow
def test_topics_over_time_and_per_variable(topic_run):
    project, run_id, _, _ = topic_run
    over_time = topics_over_time(project, run_id, "month")
    assert over_time["units"].sum() == 48 and over_time["period"].nunique() == 3
    by_nps = topics_by_variable(project, "nps", run_id, group=nps_group)
    assert set(by_nps["value"]) == {"promoter", "passive", "detractor"} and by_nps["units"].sum() == 48
    shares = by_nps.groupby("value")["share"].sum()
    assert np.allclose(shares, 1.0)
    with pytest.raises(WorkbenchError, match="no variable"):
        topics_by_variable(project, "age", run_id)
    with pytest.raises(WorkbenchError, match="unknown period"):
        topics_over_time(project, run_id, "decade")


@pytest.mark.slow
def test_mapping_a_topic_to_a_code_files_pending_suggestions(topic_run):
    project, run_id, _, _ = topic_run
    biggest = topic_table(project, run_id)[0]
    filed = map_topic_to_code(project, "billing", biggest["topic"], run_id)
    assert filed == biggest["size"]
    rows = review_queue(project, code="billing", limit=None)
    assert len(rows) == filed and all(row["explanation"]["method"] == "topic" for row in rows)
    assert all(0 <= row["score"] <= 1 for row in rows)
    assert map_topic_to_code(project, "billing", biggest["topic"], run_id) == 0  # nothing proposed twice
    undo(project)
    assert project.scalar("SELECT count(*) FROM suggestions") == filed
    undo(project)
    assert project.scalar("SELECT count(*) FROM suggestions") == 0
    with pytest.raises(WorkbenchError, match="has no topic 99"):
        map_topic_to_code(project, "billing", 99, run_id)


def test_too_few_units_is_a_clear_error(project):
    add_documents(project, ["Un avis.", "Un autre avis sur la livraison."])
    with pytest.raises(WorkbenchError, match="at least 12 units"):
        fit_topics(project, embedder="lexical")
    with pytest.raises(WorkbenchError, match="no topic run yet"):
        topic_table(project)


def test_empty_project_has_no_topics(project):
    with pytest.raises(WorkbenchError, match="at least 12 units, this project has 0"):
        fit_topics(project, embedder="lexical")


def test_small_corpus_with_lexical_vectors(project):
    verbatim_project(project)
    run_id = fit_topics(project, embedder="lexical", device="cpu")
    metrics = json.loads(project.scalar("SELECT metrics FROM runs WHERE id = ?", [run_id]))
    assert metrics["topics"] >= 2 and metrics["units"] == 48


def _assert_planted_themes_found(fitted: dict, themes: list[tuple[str, ...]]) -> None:
    """What an analyst relies on, whatever the exact topic count a library release gives: each planted
    theme lies in topics of its own (a theme may split, never merge with another), the biggest of them
    holds most of its units and is described by the theme's word, and no unit is left an outlier."""
    assigned = np.asarray(fitted["assigned"])
    keywords = {topic["topic"]: topic["keywords"] for topic in fitted["topics"]}
    assert fitted["metrics"]["outlier_share"] == 0 and -1 not in keywords
    owner: dict[int, int] = {}
    for theme, words in enumerate(themes):
        members = assigned[theme::len(themes)]
        counts = {int(topic): int((members == topic).sum()) for topic in set(members.tolist())}
        main = max(counts, key=counts.__getitem__)
        assert counts[main] > len(members) / 2, f"theme {words[0]} scattered: {counts}"
        assert words[0] in keywords[main], f"theme {words[0]}: topic {main} says {keywords[main]}"
        for topic, count in counts.items():
            if count >= 0.1 * len(members):
                assert owner.setdefault(topic, theme) == theme, f"topic {topic} mixes two themes"


@pytest.mark.slow
def test_large_corpus_path_uses_umap_and_hdbscan_and_reduces_outliers(monkeypatch):
    rng = np.random.default_rng(0)
    themes = [("facture", "montant", "prélèvement"), ("colis", "livreur", "retard"),
              ("résiliation", "contrat", "abonnement"), ("accueil", "aimable", "souriant")]  # "conseiller" and "merci" never describe a topic
    centres = rng.normal(size=(4, 64))
    texts, vectors = [], []
    for index in range(320):
        theme = index % 4
        words = themes[theme]
        texts.append(f"{words[0]} {words[index % 3]} {words[(index + 1) % 3]} numéro {index}")
        vectors.append(centres[theme] + rng.normal(scale=0.3, size=64))
    fitted = fit_topics_on_vectors(texts, np.array(vectors, dtype=np.float32), language="fr")
    assert fitted["params"]["path"] == "UMAP + HDBSCAN (CPU)" and fitted["params"]["umap"] == "NumpyUMAP"
    _assert_planted_themes_found(fitted, themes)
    monkeypatch.setattr(topics_module, "UMAP_SAMPLE", 200)  # the path of corpora above 20,000 units
    sampled = fit_topics_on_vectors(texts, np.array(vectors, dtype=np.float32), language="fr")
    assert sampled["params"]["umap_fitted_on"] == 200
    _assert_planted_themes_found(sampled, themes)


THEMES = {
    "facture": ["ma facture de mars montre un prélèvement en double", "le montant de la facture est faux, prélèvement en double",
                "prélèvement en double sur la facture, je veux le remboursement du prélèvement",
                "la facture est trop élevée, le montant ne correspond pas"],
    "colis": ["le colis est en retard, la livraison devait avoir lieu lundi", "livraison en retard, le livreur n'est jamais passé",
              "mon colis est abîmé, le livreur l'a laissé dehors", "colis perdu, la livraison en retard depuis une semaine"],
    "résiliation": ["je veux résilier mon abonnement, les frais de résiliation sont abusifs",
                    "résilier l'abonnement avant le terme du contrat, frais de résiliation", "demande de résiliation de mon abonnement",
                    "les frais de résiliation de l'abonnement sont trop chers"],
}
NOISE = ["euh", "bon", "voilà", "vous voyez", "bonne journée", "je vous remercie", "votre dossier", "au revoir",
         "bonne fin de journée", "merci pour votre confiance"]
NOT_TOPIC_WORDS = {"euh", "bon", "voilà", "voyez", "bonne", "journée", "remercie", "dossier", "revoir", "alvéa",
                   "confiance", "fin", "merci", "bonjour"}


def _noisy_corpus() -> tuple[list[str], list[int]]:
    """Three themes said through greetings, fillers, call formulas and the brand name in every text."""
    texts, themes = [], []
    for index in range(36):
        theme = index % 3
        sentences = THEMES[list(THEMES)[theme]]
        texts.append(f"Alvéa, bonjour. {NOISE[index % 10].capitalize()}, {sentences[index % 4]}, "
                     f"{NOISE[(index + 3) % 10]}. {sentences[(index + 1) % 4]}. {NOISE[(index + 7) % 10].capitalize()}.")
        themes.append(theme)
    return texts, themes


def test_topic_descriptions_leave_out_fillers_formulas_and_corpus_wide_words():
    texts, themes = _noisy_corpus()
    described = describe_topics(texts, themes, "fr")
    for theme, name in enumerate(THEMES):
        keywords, label = described[theme]["keywords"], described[theme]["label"]
        words = {word for keyword in keywords for word in keyword.split()}
        assert words.isdisjoint(NOT_TOPIC_WORDS), keywords
        assert name in words or name in label, (keywords, label)
        phrases = label.split(" · ")
        assert len(phrases) == 2 and any(" " in phrase for phrase in phrases), label
        label_words = [w for phrase in phrases for w in phrase.split() if len(w) > 3]
        assert len(label_words) == len(set(label_words)), f"label repeats a word: {label}"
        assert label != ", ".join(keywords[:3])


def test_fillers_and_all_purpose_words_neither_start_nor_end_a_term():
    terms = TermCounter("fr").terms("Euh bon, voilà, vous voyez, je voulais faire le changement de titulaire, "
                                    "bref, la mise à jour quoi. Pouvez-vous me rappeler ? Je peux savoir ?")
    assert "changement de titulaire" in terms and "mise à jour" in terms
    ends = {word for term in terms for word in (term.split()[0], term.split()[-1])}
    assert ends.isdisjoint({"euh", "bon", "voilà", "voyez", "voulais", "faire", "bref", "quoi", "peux", "savoir",
                              "pouvez-vous"})


def test_the_identity_check_of_calls_leaves_no_term():
    terms = TermCounter("fr").terms("Le 4 janvier 2000, et le code postal c'est 29200. Ma date de naissance ? "
                                    "Mon adresse : 85 rue des Tilleuls 76100 Rouen. Ouf, la box a été réparée. "
                                    "Le 1er mars, la facture de mars.")
    words = {word for term in terms for word in term.split()}
    assert words.isdisjoint({"janvier", "code", "postal", "date", "naissance", "rue", "tilleuls", "ouf", "été"})
    assert {"box", "réparée", "facture de mars"} <= set(terms)


def test_a_label_is_two_phrases_that_say_different_things():
    candidates = [("frais de résiliation", 1.0), ("résiliation du contrat", 0.95), ("résiliation", 0.9),
                  ("remboursement du prélèvement", 0.8), ("prélèvement", 0.7)]
    assert label_from_phrases(candidates) == "frais de résiliation · remboursement du prélèvement"
    assert label_from_phrases([("colis", 1.0), ("colis abîmé", 0.4)]) == "colis abîmé"


def test_words_of_most_units_of_one_kind_are_corpus_wide_for_that_kind():
    texts, themes = _noisy_corpus()
    texts = [text.replace("Alvéa", "zéphyr") if index % 2 else text.replace("Alvéa", "") + " zéphyr"
             for index, text in enumerate(texts)] + ["service rapide, équipe efficace"] * 40
    groups = ["call"] * 36 + ["survey"] * 40
    common = corpus_wide_words(list(zip(groups, texts)))
    assert "zéphyr" in common["call"] and "colis" not in common["call"] and "zéphyr" not in common["survey"]
    mixed = describe_topics(texts, [*themes, *[1] * 40], "fr", groups)
    assert not any("zéphyr" in keyword for topic in mixed.values() for keyword in topic["keywords"])


def test_names_written_with_a_capital_are_proper_nouns():
    texts = ["Merci à Mme Pelletier pour le colis.", "Le dossier de Pelletier est réglé.", "Chez Alvéa Box",
             "Ma box Alvéa est en panne, la Box redémarre", "la box marche. Box neuve",
             "Mon IBAN a changé, voici le nouvel IBAN"]
    assert proper_nouns(texts) == {"pelletier", "alvéa"}


def test_fitted_topics_record_coherence_and_diversity():
    texts, themes = _noisy_corpus()
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 32))
    vectors = np.array([centres[t] + rng.normal(scale=0.2, size=32) for t in themes], dtype=np.float32)
    fitted = fit_topics_on_vectors(texts, vectors, language="fr")
    metrics = fitted["metrics"]
    assert metrics["topics"] == 3 and -1 <= metrics["npmi"] <= 1 and metrics["npmi"] > 0
    assert 0.5 < metrics["diversity"] <= 1
    assert all(" · " in topic["label"] for topic in fitted["topics"])


ADVISER = ["je transmets au pôle recouvrement amiable", "je relance le transporteur partenaire",
           "je saisis la cellule fidélisation"]


def test_call_topics_are_fitted_on_the_customers_turns(project, tmp_path):
    texts, themes = _noisy_corpus()
    for index, (text, theme) in enumerate(zip(texts, themes)):
        (tmp_path / f"appel_{index:02}.txt").write_text(
            f"Conseiller : Bonjour, je consulte la procédure {index}.\n"
            f"Client : {text}\nConseiller : Bien noté, {ADVISER[theme]}, au revoir.\n"
            "Client : Merci, au revoir.\n", encoding="utf-8")
    import_paths(project, [tmp_path], kind="call")
    adviser_words = {word for phrase in ADVISER for word in phrase.split()[2:]}
    run_id = fit_topics(project, embedder="lexical", units="segments")
    kinds = project.rows("SELECT DISTINCT unit_kind FROM unit_topics WHERE run_id = ?", [run_id])
    assert kinds == [("segment",)]
    spoken = project.scalar("SELECT count(*) FROM unit_topics ut JOIN segments s ON s.id = ut.unit_id "
                            "WHERE ut.run_id = ? AND s.speaker = 'Client'", [run_id])
    assert spoken == project.scalar("SELECT count(*) FROM unit_topics WHERE run_id = ?", [run_id]) == 36
    for run in (run_id, fit_topics(project, embedder="lexical", units="documents"),
                fit_topics(project, embedder="lexical", units="auto")):
        words = {w for row in topic_table(project, run) for k in row["keywords"] + [row["label"]] for w in k.split()}
        assert words.isdisjoint(adviser_words), words & adviser_words
        assert words & {"facture", "colis", "résiliation", "abonnement"}
        examples = [example for row in topic_table(project, run) for example in row["examples"]]
        examples += [member["text"] for row in topic_table(project, run)
                     for member in browse.topic_members(project, run, row["topic"])]  # what the window lists
        assert examples and not any("Conseiller" in example or "procédure" in example for example in examples)
