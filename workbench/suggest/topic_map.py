"""A 2-D map of a topic run's units, for the topic explorer: each unit a point, coloured by its topic.

The run does not keep its UMAP reduction (it is fitted, used to cluster and dropped), so the map projects
the cached unit vectors on their first two principal components (PCA by SVD, in numpy): deterministic,
a second for tens of thousands of units, and faithful to the largest distances, which is what a glance at
the topics' separation needs. Above `limit` units a fixed-seed sample is drawn: more points than pixels
only hide each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest.embed import load_vectors
from workbench.suggest.topic_edits import merged_into
from workbench.suggest.topics import latest_run
from workbench.suggest.units import Unit

METHOD = "pca"


@dataclass
class UnitMap:
    """Points of the map: unit (kind, id), x, y and the topic as edited (merges applied)."""

    units: list[tuple[str, int]]
    x: np.ndarray
    y: np.ndarray
    topics: np.ndarray
    explained: float  # share of the vectors' variance the two axes keep
    total: int  # units in the run (the map may show a sample)
    method: str = METHOD


def unit_map(project: Project, run_id: int | None = None, *, limit: int = 5000, seed: int = 0) -> UnitMap:
    """Project the run's units on the first two principal components of their cached vectors."""
    run_id = run_id if run_id is not None else latest_run(project)
    model = project.scalar("SELECT model FROM runs WHERE id = ?", [run_id])
    rows = project.rows("SELECT unit_kind, unit_id, topic FROM unit_topics WHERE run_id = ? ORDER BY unit_kind, unit_id",
                        [run_id])
    if not rows:
        raise WorkbenchError(f"topic run {run_id} has no units to map")
    total = len(rows)
    if total > limit:
        keep = np.sort(np.random.default_rng(seed).choice(total, size=limit, replace=False))
        rows = [rows[i] for i in keep]
    units = [Unit(kind, int(uid), 0, 0, 0, "") for kind, uid, _ in rows]  # load_vectors needs (kind, id) only
    vectors = load_vectors(project, model, units).astype(np.float64)
    centred = vectors - vectors.mean(axis=0)
    if len(units) < 2 or not np.any(centred):
        coords, explained = np.zeros((len(units), 2)), 0.0
    else:
        _, singular, axes = np.linalg.svd(centred, full_matrices=False)
        coords = centred @ axes[:2].T
        if coords.shape[1] < 2:
            coords = np.hstack([coords, np.zeros((len(units), 1))])
        variance = singular ** 2
        explained = float(variance[:2].sum() / variance.sum())
    merges = merged_into(project, run_id)
    topics = np.array([merges.get(int(topic), int(topic)) for _, _, topic in rows])
    return UnitMap([(kind, int(uid)) for kind, uid, _ in rows], coords[:, 0], coords[:, 1], topics, explained, total)
