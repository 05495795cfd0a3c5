"""Renaming and merging a topic run's topics: journalled rows over the model's output, undone like any action,
read back as edited labels, merged sizes, keywords, members, sizes over time and per variable."""

from __future__ import annotations

from datetime import datetime

import pytest
from builders import add_document

from workbench import codebook
from workbench.errors import WorkbenchError
from workbench.journal import redo, undo
from workbench.project import Project
from workbench.suggest import topic_edits
from workbench.suggest.topic_map import unit_map

TEXTS = ["Facture fausse 😀", "Facture\r\nen retard", "Conseiller aimable", "Réseau coupé", "Réseau lent", "Bof"]
TOPICS = [0, 0, 1, 2, 2, -1]


@pytest.fixture
def run(project: Project) -> Project:
    """Six documents (two months, an NPS) in a stored run: topics 0 (2 units), 1 (1), 2 (2) and one outlier."""
    for index, text in enumerate(TEXTS, start=1):
        add_document(project, text, occurred_at=datetime(2026, 1 + index % 2, 3), variables={"nps": str(index + 4)})
    project.execute("INSERT INTO runs (id, kind, model) VALUES (1, 'topics', 'm')")
    project.execute("INSERT INTO topics VALUES (1, 0, 'factures', ['facture'], 2, [1]), "
                    "(1, 1, 'accueil', ['conseiller', 'aimable'], 1, [3]), (1, 2, 'réseau', ['réseau'], 2, [4]), "
                    "(1, -1, NULL, [], 1, [])")
    for unit, topic in enumerate(TOPICS, start=1):
        project.execute("INSERT INTO unit_topics VALUES (1, 'document', ?, ?, ?)", [unit, topic, 0.5 + unit / 20])
        project.execute("INSERT INTO embeddings VALUES ('document', ?, 'm', ?)", [unit, [float(topic), unit / 10, 1.0]])
    return project


def _table(project: Project) -> list[tuple[int, str, int, list[int]]]:
    return [(t["topic"], t["label"], t["size"], t["members"]) for t in topic_edits.edited_topics(project, 1)]


def test_a_rename_is_one_undoable_action(run: Project) -> None:
    topic_edits.rename_topic(run, 1, "  Accueil   chaleureux ", 1, coder="claire")
    assert _table(run)[2][:2] == (1, "Accueil chaleureux")
    assert run.scalar("SELECT action FROM journal ORDER BY id DESC LIMIT 1") == "rename_topic"
    undo(run)
    assert _table(run)[2][:2] == (1, "accueil")
    redo(run)
    assert _table(run)[2][:2] == (1, "Accueil chaleureux")
    assert run.scalar("SELECT label FROM topics WHERE run_id = 1 AND topic = 1") == "accueil"  # the run as computed


def test_merges_add_sizes_keywords_and_members_and_chain(run: Project) -> None:
    topic_edits.merge_topics(run, 1, 0, 1, coder="claire")
    assert _table(run) == [(0, "factures", 3, [0, 1]), (2, "réseau", 2, [2]), (-1, None, 1, [-1])]
    assert topic_edits.edited_topics(run, 1)[0]["keywords"] == ["facture", "conseiller", "aimable"]
    topic_edits.merge_topics(run, 0, 2, 1, coder="claire")
    assert topic_edits.merged_into(run, 1) == {1: 2, 0: 2}
    assert _table(run)[0] == (2, "réseau", 5, [2, 0, 1])
    assert sorted(unit_map(run, 1).topics.tolist()) == [-1, 2, 2, 2, 2, 2]
    undo(run)
    undo(run)
    assert [row[0] for row in _table(run)] == [0, 2, 1, -1]


@pytest.mark.parametrize(("call", "message"), [
    (lambda p: topic_edits.rename_topic(p, 1, " ", 1), "cannot be empty"),
    (lambda p: topic_edits.rename_topic(p, 9, "x", 1), "has no topic 9"),
    (lambda p: topic_edits.rename_topic(p, -1, "x", 1), "unclassified units are not a topic"),
    (lambda p: topic_edits.merge_topics(p, 2, 2, 1), "into itself"),
    (lambda p: topic_edits.merge_topics(p, 2, -1, 1), "unclassified"),
])
def test_refused_edits_change_nothing(run: Project, call, message: str) -> None:
    with pytest.raises(WorkbenchError, match=message):
        call(run)
    assert run.scalar("SELECT count(*) FROM topic_edits") == 0
    assert run.scalar("SELECT count(*) FROM journal") == 0


def test_a_merged_away_topic_is_edited_through_its_target(run: Project) -> None:
    topic_edits.merge_topics(run, 1, 0, 1)
    with pytest.raises(WorkbenchError, match="topic 1 was merged into topic 0"):
        topic_edits.rename_topic(run, 1, "x", 1)
    with pytest.raises(WorkbenchError, match="merged into topic 0"):
        topic_edits.merge_topics(run, 2, 1, 1)


def test_sizes_over_time_and_per_variable_follow_the_edits(run: Project) -> None:
    topic_edits.merge_topics(run, 1, 0, 1)
    topic_edits.rename_topic(run, 0, "Factures et accueil", 1)
    over_time = topic_edits.edited_over_time(run, 1)
    merged = over_time[over_time["label"] == "Factures et accueil"]
    assert merged["units"].sum() == 3 and set(over_time["topic"]) == {0, 2, -1}
    by_nps = topic_edits.edited_by_variable(run, "nps", 1)
    assert by_nps[by_nps["label"] == "Factures et accueil"]["units"].sum() == 3
    assert by_nps.groupby("value")["share"].sum().round(6).eq(1.0).all()


def test_a_merged_topic_mapped_to_a_code_files_all_its_units_in_one_action(run: Project) -> None:
    code = codebook.create_code(run, "Motif")
    topic_edits.merge_topics(run, 2, 0, 1)
    filed = topic_edits.map_edited_topic(run, code, 0, 1, coder="claire")
    assert filed == 4
    assert sorted(row[0] for row in run.rows("SELECT document_id FROM suggestions")) == [1, 2, 4, 5]
    undo(run)
    assert run.scalar("SELECT count(*) FROM suggestions") == 0
    assert topic_edits.merged_into(run, 1) == {2: 0}


def test_the_map_is_a_pca_of_the_cached_vectors_sampled_above_the_limit(run: Project) -> None:
    points = unit_map(run, 1)
    assert points.method == "pca" and points.total == 6 and len(points.units) == 6
    assert 0.99 <= points.explained <= 1.0  # three-dimensional vectors with a constant third coordinate
    by_topic = dict(zip(points.units, points.x))
    assert abs(by_topic[("document", 4)] - by_topic[("document", 1)]) > abs(by_topic[("document", 2)] - by_topic[("document", 1)])
    sample = unit_map(run, 1, limit=3)
    assert len(sample.units) == 3 and sample.total == 6
    assert unit_map(run, 1, limit=3).units == sample.units  # a fixed seed: the same map each time
