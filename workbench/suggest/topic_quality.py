"""How readable and how right a topic run is: coherence (NPMI), diversity, agreement with known themes (ARI).

Why these three: an analyst reads a topic through its keywords, so they should co-occur in the corpus's
documents (normalised pointwise mutual information, the usual automatic proxy for "these words make a
theme", from 0 for independent words to 1 for words always together), and topics should not all say the
same words (diversity: the share of distinct words among all topics' keywords). When themes are known (the
demo's truth.csv), the adjusted Rand index says how well the clustering itself recovers them.
A keyword phrase ("changement de titulaire") counts as present in a document when all its words are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """Lower-case words, split at apostrophes and hyphens, without digits."""
    return _WORD.findall(text.lower())


def npmi(keyword_lists: Sequence[Sequence[str]], documents: Iterable[str], top: int = 10) -> float | None:
    """Mean NPMI over every pair of each topic's first `top` keywords, counted in `documents`.
    A pair never seen together scores -1; None when no topic has two keywords."""
    sets = [frozenset(words(text)) for text in documents]
    n = len(sets)
    if n == 0:
        return None
    cache: dict[frozenset[str], int] = {}

    def count(required: frozenset[str]) -> int:
        if required not in cache:
            cache[required] = sum(1 for doc in sets if required <= doc)
        return cache[required]

    scores = []
    for keywords in keyword_lists:
        keys = [frozenset(words(k)) for k in keywords[:top] if words(k)]
        for i in range(len(keys)):
            for j in range(i + 1, len(keys)):
                n_i, n_j, n_ij = count(keys[i]), count(keys[j]), count(keys[i] | keys[j])
                if n_ij == 0 or n_i == 0 or n_j == 0:
                    scores.append(-1.0)
                    continue
                p_ij = n_ij / n
                if p_ij >= 1.0:
                    scores.append(1.0)
                    continue
                scores.append(math.log(p_ij / ((n_i / n) * (n_j / n))) / -math.log(p_ij))
    return round(sum(scores) / len(scores), 4) if scores else None


def diversity(keyword_lists: Sequence[Sequence[str]], stop: frozenset[str] = frozenset(), top: int = 10) -> float | None:
    """Share of distinct words among the words of all topics' first `top` keywords (stop words aside):
    1 when no two topics, and no two phrases of a topic, repeat a word."""
    used = [w for keywords in keyword_lists for k in keywords[:top] for w in words(k) if w not in stop]
    return round(len(set(used)) / len(used), 4) if used else None


def adjusted_rand(truth: Sequence[str], found: Sequence[int]) -> float:
    """Adjusted Rand index between known themes and topics (1: same partition, about 0: chance)."""
    from sklearn.metrics import adjusted_rand_score

    return round(float(adjusted_rand_score(list(truth), list(found))), 4)
