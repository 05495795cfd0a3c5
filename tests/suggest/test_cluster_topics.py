"""`workbench topics --cluster`: the same topics as a local run for the same seed, or nothing at all."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("ray", reason="the `cluster` extra is not installed")

from cli_helpers import ok
from hostile.digest import project_digest
from suggest_data import VERBATIMS, add_documents, verbatim_project

from workbench.errors import Cancelled
from workbench.progress import CancelToken, no_progress
from workbench.project import Project
from workbench.suggest.cluster import joined, topics_on_cluster, transform_on
from workbench.suggest.topics import RANDOM_STATE, fit_topics, transform_here
from workbench.suggest.umap_numpy import NumpyUMAP

SAMPLE = 120  # UMAP is fitted on 120 of the 300 units, then places all 300 in three batches of 120


@pytest.fixture(scope="module")
def ray_cluster():  # type: ignore[no-untyped-def]
    """One local two-CPU cluster on this machine for the whole file: starting one takes seconds."""
    with joined() as ray:
        yield ray


def _corpus(project: Project) -> None:
    """300 distinct verbatims, each two of the 48 of the suggestion tests: enough for UMAP and HDBSCAN."""
    rows = [row["text"] for row in csv.DictReader(VERBATIMS.open(encoding="utf-8"))]
    add_documents(project, [f"{rows[i % 48]} {rows[(i * 7 + 3) % 48]}" for i in range(300)])


def _topics(project: Project, run_id: int) -> tuple[list[tuple], list[tuple]]:
    return (project.rows("SELECT unit_kind, unit_id, topic FROM unit_topics WHERE run_id = ? ORDER BY ALL", [run_id]),
            project.rows("SELECT topic, label, keywords, size, representatives FROM topics WHERE run_id = ? "
                         "ORDER BY topic", [run_id]))


def test_the_cluster_places_every_unit_exactly_where_this_process_does(ray_cluster) -> None:
    vectors = np.random.default_rng(0).normal(size=(300, 16)).astype(np.float32)
    reducer = NumpyUMAP(n_neighbors=15, n_components=5, min_dist=0.0, random_state=RANDOM_STATE).fit(vectors[:SAMPLE])
    done: list[int] = []
    there = transform_on(ray_cluster)(reducer, vectors, SAMPLE, lambda n, total, message="": done.append(n), None)
    here = transform_here(reducer, vectors, SAMPLE, no_progress, None)
    assert done == [120, 240, 300]
    assert there.shape == (300, 5) and there.dtype == here.dtype and np.array_equal(there, here)


@pytest.mark.slow
def test_topics_through_the_cluster_equal_the_local_path(ray_cluster, tmp_path: Path) -> None:
    messages: list[str] = []
    with Project.create(tmp_path / "local.vwb", language="fr") as local, \
            Project.create(tmp_path / "cluster.vwb", language="fr") as remote:
        _corpus(local)
        _corpus(remote)
        mine = fit_topics(local, embedder="lexical", device="cpu", umap_sample=SAMPLE)
        theirs = topics_on_cluster(remote, embedder="lexical", device="cpu", umap_sample=SAMPLE,
                                   progress=lambda done, total, message="": messages.append(message))
        assert "placing the units on the topic map (cluster)" in messages  # the transform ran on Ray
        assert '"umap_fitted_on": 120' in remote.scalar("SELECT params FROM runs WHERE id = ?", [theirs])
        assigned, described = _topics(remote, theirs)
        assert len(assigned) == 300 and len(described) > 3
        assert (assigned, described) == _topics(local, mine)
        assert remote.scalar("SELECT count(*) FROM embeddings") == 300  # the vectors came from the cluster


def test_topics_from_the_command_line_on_the_cluster(ray_cluster, tmp_path: Path) -> None:
    path = tmp_path / "p.vwb"
    with Project.create(path, language="fr") as created:
        verbatim_project(created)
    out = ok("topics", path, "--embedder", "lexical", "--cluster", "--quiet")
    assert "found in 48 units (run 2)" in out
    with Project.open(path) as opened:
        assert opened.rows("SELECT kind FROM runs ORDER BY id") == [("embed",), ("topics",)]
        assert '"cluster": "local"' in opened.scalar("SELECT params FROM runs WHERE kind = 'embed'")


def _cancel_when(token: CancelToken, step: str, seen: list[tuple[int, int | None]]):  # type: ignore[no-untyped-def]
    def progress(done: int, total: int | None, message: str = "") -> None:
        if step in message:
            seen.append((done, total))
            if done > 0:
                token.cancel()
    return progress


@pytest.mark.slow
def test_cancelling_while_the_cluster_places_the_units_leaves_the_project_unchanged(ray_cluster,
                                                                                     project: Project) -> None:
    _corpus(project)
    before = project_digest(project)
    token, seen = CancelToken(), []
    with pytest.raises(Cancelled):
        topics_on_cluster(project, embedder="lexical", device="cpu", umap_sample=SAMPLE,
                          progress=_cancel_when(token, "topic map", seen), cancel=token)
    assert seen[-1] == (120, 300)  # stopped after the first of three batches
    assert project_digest(project) == before  # the vectors the cluster computed for this run included


def test_cancelling_while_the_cluster_embeds_leaves_the_project_unchanged(ray_cluster, project: Project) -> None:
    verbatim_project(project)
    before = project_digest(project)
    token, seen = CancelToken(), []
    with pytest.raises(Cancelled):
        topics_on_cluster(project, embedder="lexical", progress=_cancel_when(token, "lexical", seen), cancel=token)
    assert 0 < seen[-1][0] < 48
    assert project_digest(project) == before
