"""Code suggestions: which units probably deserve which code, with a score in [0, 1] and the reasons.

Codes are scored scheme by scheme (the codes of one shipped scheme, or the project's own codebook),
because a scheme's codes compete for the same units. A code starts zero-shot: its name, definition,
indicators and examples (in the project language) are embedded and compared with every unit. As soon
as it has `min_examples` coded units, a classifier trained on the analyst's codings takes over, blended
with the zero-shot score (see `scoring.py`). Each `suggest_codes` call retrains from the current
codings and review decisions, which is cheap once the units' vectors are cached, and replaces the
pending suggestions of earlier runs: suggestions follow the analyst's reviews as they happen.
Reviewed suggestions are never proposed again; rejected ones are negative examples. Codings by trainees
are left out of training: they are what the trainer is checking, not ground truth.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from workbench.errors import Cancelled, WorkbenchError
from workbench.events import events_for_tables
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.store import suggestions
from workbench.suggest import scoring
from workbench.suggest.embed import Embedder, companion_specs, embed_units
from workbench.suggest.units import Unit, unit_label

MIN_EXAMPLES = 3          # coded units a code needs before its classifier is trained
MIN_SCORE = 0.5           # scores below this are not filed as suggestions
POOL_LIMIT = 20000        # uncoded units used for label propagation (a random sample above this)
SNIPPET_CHARS = 160
WORDS_CHARS = 2000        # characters of a unit analysed for the explanation's words


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def select_codes(project: Project, selectors: Sequence[str | int] | None = None) -> list[dict[str, Any]]:
    """Codable codes named by `selectors` (scheme names, code paths, keys or ids; a category brings its
    codable descendants), or every codable code when there are none."""
    from workbench import codebook

    rows = project.dicts(
        "SELECT id, key, name, description, inclusion, indicators, examples, translations, scheme, codable "
        "FROM codes ORDER BY id"
    )
    if selectors:
        wanted: set[int] = set()
        schemes = {row["scheme"] for row in rows if row["scheme"]}
        for selector in selectors:
            if isinstance(selector, str) and selector in schemes:
                wanted |= {row["id"] for row in rows if row["scheme"] == selector}
                continue
            code_id = codebook.find_code(project, selector)
            wanted |= {code_id, *codebook.descendants(project, code_id)}
        rows = [row for row in rows if row["id"] in wanted]
    codable = [row for row in rows if row["codable"]]
    if not codable:
        raise WorkbenchError("no codable codes to suggest; load a scheme (`workbench codebook load`) or add codes")
    return codable


def code_texts(code: dict[str, Any], language: str) -> list[tuple[str, bool]]:
    """What describes a code, as (text, is_query) pairs: the definition is a query, examples are unit-like."""
    fields = dict(code)
    translated = (_loads(code.get("translations")) or {}).get(language) or {}
    fields.update({key: value for key, value in translated.items() if value})
    head = ": ".join(part for part in (fields.get("name"), fields.get("description")) if part)
    texts = [(head, True)]
    if fields.get("inclusion"):
        texts.append((f"{fields['name']}: {fields['inclusion']}", True))
    if fields.get("indicators"):
        texts.append((f"{fields['name']}: {', '.join(fields['indicators'])}", True))
    texts += [(example, False) for example in fields.get("examples") or [] if example]
    return texts


def code_vectors(embedder: Embedder, codes: list[dict[str, Any]], language: str) -> np.ndarray:
    """One vector per code: the mean of its normalised description vectors (two batched encoder calls)."""
    pairs = [(row, text, is_query) for row, code in enumerate(codes) for text, is_query in code_texts(code, language)]
    owners = np.array([row for row, _, _ in pairs])
    queries = np.array([is_query for _, _, is_query in pairs])
    vectors = np.zeros((len(pairs), 0), dtype=np.float32)
    for flag in (True, False):
        texts = [text for _, text, is_query in pairs if is_query == flag]
        if texts:
            encoded = scoring.normalise(embedder.encode(texts, query=flag))
            if vectors.shape[1] == 0:
                vectors = np.zeros((len(pairs), encoded.shape[1]), dtype=np.float32)
            vectors[queries == flag] = encoded
    return scoring.normalise(np.vstack([vectors[owners == row].mean(axis=0) for row in range(len(codes))]))


def _spans_to_units(units: Sequence[Unit], spans: list[tuple[int, int, int, Any]]) -> list[tuple[int, Any]]:
    """(unit index, payload) for each span (document_id, start, end, payload): units it covers by at least
    half, or else the unit it overlaps most."""
    by_document: dict[int, list[int]] = {}
    for index, unit in enumerate(units):
        by_document.setdefault(unit.document_id, []).append(index)
    found = []
    for document_id, start, end, payload in spans:
        overlaps = []
        for index in by_document.get(document_id, []):
            unit = units[index]
            overlap = min(end, unit.end) - max(start, unit.start)
            if overlap > 0:
                overlaps.append((overlap / (unit.end - unit.start), overlap, index))
        covered = [index for share, _, index in overlaps if share >= 0.5]
        if not covered and overlaps:
            covered = [max(overlaps, key=lambda item: item[1])[2]]
        found += [(index, payload) for index in covered]
    return found


@dataclass
class SuggestResult(WholeOrNothing):
    run_id: int
    model_id: str
    filed: int
    methods: dict[str, str]
    seconds: float
    companions: list[str] = field(default_factory=list)  # models whose vectors the classifier also learnt from

    def summary(self) -> str:
        models = " + ".join([self.model_id, *self.companions])
        return (f"{plural(self.filed, 'suggestion')} waiting for review (run {self.run_id}, {models}, "
                f"{self.seconds:.0f} s)")

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "model": self.model_id, "companions": self.companions,
                "suggestions": self.filed, "methods": self.methods, "seconds": round(self.seconds, 2)}


def _words_that_weighed(words: list[str], code_words: Counter[str], df: Counter[str], n: int) -> list[str]:
    """The words a unit shares with its code's description and coded examples, heaviest first
    (weight: frequency on the code's side x rarity among the suggested units)."""
    weights = {w: code_words[w] * math.log(1 + n / df[w]) for w in set(words) if w in code_words}
    return [w for w, _ in sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:6]]


def suggest_codes(
    project: Project,
    codes: Sequence[str | int] | None = None,
    *,
    embedder: str | Embedder = "auto",
    units: str | Sequence[Unit] = "auto",
    device: str = "auto",
    min_examples: int = MIN_EXAMPLES,
    min_score: float = MIN_SCORE,
    lexical_view: bool = True,
    companions: bool = True,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> SuggestResult:
    """Score every unit against the selected codes and file the best code per unit and scheme as a
    pending suggestion when it scores at least `min_score`. With `lexical_view` and a semantic model,
    the few-shot classifier also learns from the units' lexical vectors (fitted and cached as
    `embed_units(..., "lexical")` does), which adds a point or more of accuracy for seconds. With
    `companions` and the `auto` embedder, it also learns from the vectors of the other installed models
    that understand the project language (`embed.companion_specs`: e5-small next to MiniLM in English),
    which adds about a point for the time of embedding the units once more."""
    started = time.perf_counter()
    selected = select_codes(project, codes)
    embedded = embed_units(project, embedder, units=units, device=device, progress=progress, cancel=cancel)
    unit_list, model = embedded.units, embedded.embedder
    code_ids = [code["id"] for code in selected]
    with project.transaction():
        run_id = int(project.scalar(
            "INSERT INTO runs (kind, model, device, params, started_at) VALUES ('suggest', ?, ?, ?, ?) RETURNING id",
            [model.model_id, model.device, json.dumps({"codes": code_ids, "min_examples": min_examples,
             "min_score": min_score, "units": unit_label(unit_list), "reason": embedded.reason}), _now()],
        ))
    try:
        filed, methods, details, companion_ids = _score(
            project, selected, embedded, lexical_view, companions and embedder == "auto", device, min_examples,
            min_score, progress, cancel)
    except Cancelled:
        _finish(project, run_id, {"status": "cancelled"})
        raise
    except Exception as exc:
        _finish(project, run_id, {"status": "failed", "error": str(exc)})
        raise
    # The queue changes in one transaction at the very end: pending suggestions of earlier runs for these
    # codes are replaced by this run's (topic mappings are kept), so a cancelled or failed run leaves the
    # queue exactly as it was.
    with project.transaction():
        project.announce(events_for_tables("suggest", ["suggestions", "runs"]))
        suggestions.replace_pending(project, run_id, code_ids, [
            suggestions.Proposal(row["unit"].document_id, row["unit"].start, row["unit"].end, row["code_id"],
                                 row["score"], row["explanation"], row["unit"].kind, row["unit"].id)
            for row in filed])
        _finish(project, run_id, {"status": "finished", "suggestions": len(filed), "units": len(unit_list),
                                  "methods": methods, "companions": companion_ids, "few_shot": details})
    progress(1, 1, f"{len(filed)} suggestions")
    return SuggestResult(run_id, model.model_id, len(filed), methods, time.perf_counter() - started, companion_ids)


def _score(project: Project, selected: list[dict[str, Any]], embedded: Any, lexical_view: bool, companions: bool,
           device: str, min_examples: int, min_score: float, progress: ProgressCallback,
           cancel: CancelToken | None) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, Any], list[str]]:
    """(suggestions to file, method per code, few-shot details, companion models): everything a run
    computes, nothing written but cached vectors, so it may be cancelled at any point."""
    unit_list, model, language = embedded.units, embedded.embedder, project.language
    if not unit_list:
        return [], {}, {}, []
    code_ids = [code["id"] for code in selected]
    marks = ", ".join("?" for _ in code_ids)
    vectors = _vectors(project, embedded)
    positives = _spans_to_units(unit_list, [tuple(row) for row in project.rows(  # type: ignore[misc]
        "SELECT g.document_id, g.start_pos, g.end_pos, g.code_id FROM codings g JOIN coders c ON c.id = g.coder_id "
        f"WHERE c.role <> 'trainee' AND g.code_id IN ({marks})", code_ids)])  # trainees' codings are not ground truth
    negatives = _spans_to_units(unit_list, [tuple(row) for row in project.rows(  # type: ignore[misc]
        f"SELECT document_id, start_pos, end_pos, code_id FROM suggestions WHERE status IN ('rejected', "
        f"'relabelled') AND code_id IN ({marks})", code_ids)])
    reviewed = {(row[0], row[1], row[2], row[3]) for row in project.rows(
        f"SELECT document_id, start_pos, end_pos, code_id FROM suggestions WHERE status <> 'pending' "
        f"AND code_id IN ({marks})", code_ids)}
    words = _lexical_view(project, embedded, lexical_view, bool(positives), progress, cancel)
    others = _companion_views(project, embedded, companions and bool(positives), device, progress, cancel)
    groups: dict[str, list[dict[str, Any]]] = {}
    for code in selected:
        groups.setdefault(code["scheme"] or "codebook", []).append(code)
    methods: dict[str, str] = {}
    details: dict[str, dict[str, Any]] = {}
    filed: list[dict[str, Any]] = []
    for done, (group, group_codes) in enumerate(groups.items()):
        if cancel is not None:
            cancel.check()
        progress(done, len(groups), f"scoring {group}")
        filed += _score_group(unit_list, vectors, words, others, group_codes, model, language, positives,
                              negatives, reviewed, min_examples, min_score, methods, details)
    _explain_words(unit_list, filed, language, positives)
    if cancel is not None:
        cancel.check()
    return filed, methods, details, [other.model_id for other, _ in others]


def _lexical_view(project: Project, embedded: Any, wanted: bool, has_codings: bool, progress: ProgressCallback,
                  cancel: CancelToken | None) -> np.ndarray | None:
    """The units' lexical vectors, the few-shot classifier's second view (`scoring.fit_few_shot`): only
    when there are codings to learn from and the main model is not the lexical one already."""
    if not wanted or not has_codings or embedded.model_id.startswith("lexical:"):
        return None
    lexical = embed_units(project, "lexical", units=embedded.units, progress=progress, cancel=cancel)
    return _vectors(project, lexical)


def _companion_views(project: Project, embedded: Any, wanted: bool, device: str, progress: ProgressCallback,
                     cancel: CancelToken | None) -> list[tuple[Embedder, np.ndarray]]:
    """(model, unit vectors) of each companion model, the few-shot classifier's extra semantic views: only
    with `auto` (a model the user named is used alone) and when there are codings to learn from."""
    if not wanted:
        return []
    views = []
    for other in companion_specs(project.language, embedded.model_id):
        # e5-small runs on the CPU whatever the main model's device (its engine has no GPU path).
        result = embed_units(project, other, units=embedded.units, device="auto" if other == "e5-small" else device,
                             progress=progress, cancel=cancel)
        views.append((result.embedder, _vectors(project, result)))
    return views


def _vectors(project: Project, embedded: Any) -> np.ndarray:
    from workbench.suggest.embed import load_vectors

    return load_vectors(project, embedded.model_id, embedded.units)


def _finish(project: Project, run_id: int, metrics: dict[str, Any]) -> None:
    with project.transaction():
        project.execute("UPDATE runs SET finished_at = ?, metrics = ? WHERE id = ?",
                        [_now(), json.dumps(metrics), run_id])


def _score_group(
    units: Sequence[Unit], vectors: np.ndarray, words: np.ndarray | None,
    others: list[tuple[Embedder, np.ndarray]], codes: list[dict[str, Any]], model: Embedder, language: str,
    positives: list[tuple[int, Any]], negatives: list[tuple[int, Any]], reviewed: set[tuple[int, int, int, int]],
    min_examples: int, min_score: float, methods: dict[str, str], details: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """Score one scheme's codes and return the suggestions to file (best code per unit). `words`: the
    units' lexical vectors, the classifier's last view (None when the main model is the lexical one);
    `others`: the companion models and their unit vectors. Once codes have codings, zero-shot scores
    and the blend weight are the means over the main model and the companions."""
    column = {code["id"]: index for index, code in enumerate(codes)}
    zero = scoring.zero_shot(vectors, code_vectors(model, codes, language))
    coded = [(unit, column[code_id]) for unit, code_id in positives if code_id in column]
    coded_units = {unit for unit, _ in coded}
    counts = Counter(label for _, label in coded)
    trained = np.array([counts[i] >= min_examples for i in range(len(codes))])
    negative = [(unit, scoring.NONE) for unit, code_id in negatives if code_id in column and unit not in coded_units]
    scores, few, weight = zero, None, 0.0
    examples = coded + negative
    if trained.any() and len({label for _, label in examples}) >= 2:
        pool_index = np.array([i for i in range(len(units)) if i not in coded_units], dtype=int)
        if len(pool_index) > POOL_LIMIT:
            pool_index = np.sort(np.random.default_rng(0).choice(pool_index, POOL_LIMIT, replace=False))
        views = [(vectors, zero)] + [
            (other, scoring.zero_shot(other, code_vectors(other_model, codes, language))) for other_model, other in others
        ]
        zero, weight, accuracy = scoring.combine_views(views, np.array([u for u, _ in coded]),
                                                       np.array([lab for _, lab in coded]))
        example_index = np.array([u for u, _ in examples])
        has_pool = len(pool_index) > 1
        view = (words[example_index], words[pool_index]) if words is not None and has_pool else None
        fitted = scoring.fit_few_shot(vectors[example_index], np.array([lab for _, lab in examples]), len(codes),
                                      vectors[pool_index] if has_pool else None,
                                      companions=[(other[example_index], other[pool_index] if has_pool else None)
                                                  for _, other in others],
                                      zero_pool=zero[pool_index], weight=weight, accuracy=accuracy, lexical=view)
        few = fitted.scores(vectors, len(codes), words if view is not None else None, [other for _, other in others])
        scores = scoring.blend(few, zero, trained, weight)
        details[codes[0]["scheme"] or "codebook"] = {
            "classifier_weight": round(weight, 3), "cv_accuracy": fitted.accuracy, "rounds": fitted.rounds,
            "pseudo_labelled": fitted.n_pseudo}
    for code, is_trained in zip(codes, trained):
        methods[code["key"] or code["name"]] = "few-shot" if is_trained and few is not None else "zero-shot"
    best = scores.argmax(axis=1)
    result = []
    for index, unit in enumerate(units):
        label = int(best[index])
        score = float(scores[index, label])
        code = codes[label]
        if score < min_score or index in coded_units:
            continue
        if (unit.document_id, unit.start, unit.end, code["id"]) in reviewed:
            continue
        similar = [(float(vectors[index] @ vectors[u]), u) for u, lab in coded if lab == label and u != index]
        nearest = [{"unit_kind": units[u].kind, "unit_id": units[u].id, "document_id": units[u].document_id,
                    "similarity": round(sim, 3), "text": units[u].text[:SNIPPET_CHARS]}
                   for sim, u in sorted(similar, reverse=True)[:3]]
        is_few = few is not None and bool(trained[label])
        result.append({
            "unit": unit, "unit_index": index, "code_id": code["id"], "score": min(max(score, 0.0), 1.0),
            "code": code,
            "explanation": {
                "method": "few-shot" if is_few else "zero-shot",
                "model": model.model_id,
                "companions": [other_model.model_id for other_model, _ in others] if is_few else [],
                "zero_shot": round(float(zero[index, label]), 4),
                "classifier": round(float(few[index, label]), 4) if is_few and few is not None else None,
                "classifier_weight": round(weight, 3) if is_few else 0.0,
                "coded_examples": int(counts[label]),
                "nearest_examples": nearest,
            },
        })
    return result


def _explain_words(units: Sequence[Unit], filed: list[dict[str, Any]], language: str,
                   positives: list[tuple[int, Any]]) -> None:
    """Add to each explanation the words of the unit that its code's description and examples share.
    Each unit is analysed once (its first `WORDS_CHARS` characters: enough to explain, bounded in time)."""
    if not filed:
        return
    from workbench.suggest.lexical import analyse

    indexes = sorted({row["unit_index"] for row in filed})
    analysed = dict(zip(indexes, analyse([units[i].text[:WORDS_CHARS] for i in indexes], language)))
    df = Counter(word for words in analysed.values() for word in set(words))
    by_code: dict[int, list[dict[str, Any]]] = {}
    for row in filed:
        by_code.setdefault(row["code_id"], []).append(row)
    for code_id, rows in by_code.items():
        side = [text for text, _ in code_texts(rows[0]["code"], language)]
        side += [units[u].text[:WORDS_CHARS] for u, c in positives if c == code_id][:50]
        code_words = Counter(w for words in analyse(side, language) for w in words)
        for row in rows:
            row["explanation"]["words"] = _words_that_weighed(analysed[row["unit_index"]], code_words, df,
                                                              len(indexes))
