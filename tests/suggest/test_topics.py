"""Topics: runs recorded, small and large corpus paths, queries over time and variables, topic -> code."""

from __future__ import annotations

import json
from datetime import datetime

import numpy as np
import pytest
from suggest_data import add_documents, verbatim_project

import workbench.suggest.topics as topics_module
from workbench.errors import WorkbenchError
from workbench.journal import undo
from workbench.suggest.review import review_queue
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
              ("résiliation", "contrat", "abonnement"), ("conseiller", "aimable", "merci")]
    centres = rng.normal(size=(4, 64))
    texts, vectors = [], []
    for index in range(320):
        theme = index % 4
        words = themes[theme]
        texts.append(f"{words[0]} {words[index % 3]} {words[(index + 1) % 3]} numéro {index}")
        vectors.append(centres[theme] + rng.normal(scale=0.3, size=64))
    fitted = fit_topics_on_vectors(texts, np.array(vectors, dtype=np.float32), language="fr")
    assert fitted["params"]["path"] == "UMAP + HDBSCAN (CPU)"
    _assert_planted_themes_found(fitted, themes)
    monkeypatch.setattr(topics_module, "UMAP_SAMPLE", 200)  # the path of corpora above 20,000 units
    sampled = fit_topics_on_vectors(texts, np.array(vectors, dtype=np.float32), language="fr")
    assert sampled["params"]["umap_fitted_on"] == 200
    _assert_planted_themes_found(sampled, themes)
