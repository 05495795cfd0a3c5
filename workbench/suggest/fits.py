"""The blend a suggest run fitted, kept in the project (`suggest_fits`) so that the next run on the same
units, vectors, code texts and codings fits nothing.

Why in the project and not only in memory: the command line starts a new process for every run, and a
re-run there refitted every final classifier (and the self-training's seed blend) to file the very same
suggestions. What a fit produces is small next to the cached vectors: each unit's scores over the
scheme's codes with examples, and the words that weigh for its best code against the runner-up (the
explanation's words, which need the lexical view and classifier a re-run would otherwise rebuild).

One row per scheme, the latest fit only. Arrays are stored as .npy bytes and read without pickle, so a
project file from someone else cannot run code through them. Erasure and pseudonymisation drop every row
(`removal.py`, `text/pseudonymise_project.py`): the words come from the texts.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import numpy as np

from workbench.project import Project


@dataclass
class Fit:
    """What one fit produced: `scores` (units, codes with examples), float32, rows summing to 1; `words`
    per unit, the explanation words for its best code against the runner-up, or None where the lexical
    classifier cannot say (it did not learn one of the two codes)."""

    key: str
    scores: np.ndarray
    words: list[list[str] | None]


def load(project: Project, key: str) -> Fit | None:
    """The fit recorded under `key`, or None (never fitted, replaced since, or dropped)."""
    for scores, words in project.rows("SELECT scores, words FROM suggest_fits WHERE key = ? LIMIT 1", [key]):
        matrix = np.load(io.BytesIO(bytes(scores)), allow_pickle=False)
        return Fit(key, matrix, json.loads(words) if isinstance(words, str) else words)
    return None


def save(project: Project, scheme: str, fit: Fit) -> None:
    """Record `fit` as `scheme`'s latest, replacing the one before, unless it is recorded already (a re-run
    of the same). Call it inside the run's transaction."""
    if project.scalar("SELECT count(*) FROM suggest_fits WHERE key = ?", [fit.key]):
        return
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(fit.scores, dtype=np.float32), allow_pickle=False)
    project.execute("DELETE FROM suggest_fits WHERE scheme = ?", [scheme])
    project.execute("INSERT INTO suggest_fits (scheme, key, scores, words) VALUES (?, ?, ?, ?)",
                    [scheme, fit.key, buffer.getvalue(), json.dumps(fit.words, ensure_ascii=False)])
