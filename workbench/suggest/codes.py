"""Code suggestions: which units probably deserve which code, with a score in [0, 1] and the reasons.

Codes are scored scheme by scheme (the codes of one shipped scheme, or the project's own codebook),
because a scheme's codes compete for the same units. A code starts zero-shot: its name, definition,
indicators and examples (in the project language) are embedded and compared with every unit. Once codes
have `min_examples` coded units each, the project's own codings decide how to score them: candidates
(zero-shot on meaning and on words, a classifier on the semantic vectors, one on words and character
n-grams) are cross-validated on those codings and blended as the validation says, and the scores are
calibrated on it, so that 0.8 means right about 80 % of the time (`evidence.py`). By default a
suggestion is filed when its calibrated score reaches the threshold at which the validation reached
`precision`; the run records how many units got none and why. Each `suggest_codes` call retrains from
the current codings and review decisions, which is cheap once the units' vectors are cached, and replaces the
pending suggestions of earlier runs: suggestions follow the analyst's reviews as they happen.
Reviewed suggestions are never proposed again; rejected ones are negative examples. Codings by trainees
are left out of training: they are what the trainer is checking, not ground truth.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

import numpy as np

from workbench.codebook_library import ShippedCode, group_scheme, shipped_code
from workbench.errors import Cancelled, WorkbenchError
from workbench.events import events_for_tables
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.store import suggestions
from workbench.suggest import evidence, fits, scoring
from workbench.suggest.embed import Embedder, companion_specs, embed_units
from workbench.suggest.lexical import LexicalView, weighing_words
from workbench.suggest.sentences import (
    FOCUS_SHARE,
    FOCUS_TEMPERATURE,
    SentenceView,
    project_sentence_view,
    zero_shot_scores,
)
from workbench.suggest.units import Unit, unit_label

MIN_EXAMPLES = 2          # coded units a code needs to be scored from examples (one to learn, one to test)
MIN_SCORE = 0.5           # threshold for scores nothing could calibrate (no codings yet)
PRECISION = 0.8           # default: file what the project's own validation says is right 80 % of the time
SNIPPET_CHARS = 160
DESCRIBED_FLOOR = 0.01     # overlap every code gets: a unit sharing no word with any code is even
STEM_CHARS = 6            # words compared by their first letters ("félicite", "féliciter") in explanations
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
        "SELECT id, parent_id, key, name, description, inclusion, indicators, examples, translations, scheme, "
        "codable FROM codes ORDER BY id"
    )
    siblings: dict[int | None, list[str]] = {}
    for row in rows:
        if row["codable"]:
            siblings.setdefault(row["parent_id"], []).append(row["name"])
    name_of = {row["id"]: row["name"] for row in rows}
    library_schemes = {parent: group_scheme(names, project.language, name_of.get(parent))
                       for parent, names in siblings.items()}
    groups = scored_together(rows, codebook.code_roots(project), project.language)
    for row in rows:
        row["group"] = groups[row["id"]]
        # Top-level codes weighed apart by the shipped scheme they name read that scheme, not their
        # siblings' majority: ten reasons beside eleven forms read the forms, and lost 8 points.
        row["library_scheme"] = (row["group"].removeprefix(_NAMED_SCHEME) if row["group"].startswith(_NAMED_SCHEME)
                                 else library_schemes.get(row["parent_id"]))
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


_NAMED_SCHEME = "codebook: "  # the group of top-level codes that name one shipped scheme (`scored_together`)


def scored_together(rows: Sequence[dict[str, Any]], roots: dict[int, int], language: str) -> dict[int, str]:
    """Which codes compete for a unit (one suggestion per unit and group, each group's own classifier and
    coded units), by code id, from each code's top-level ancestor (`roots`, `codebook.code_roots`): a loaded
    scheme's codes (its key), a top-level code's descendants (its name, for a codebook an analyst built by
    hand, "Motifs" beside "Formes de relation"), and the codes at the top level with no scheme ("codebook"). Why not the `scheme` column alone: codes created by name have none,
    and two hand-made groups then competed as one, each unit getting one suggestion for both (reasons 0.48,
    forms 0.24 top-1 on the development set against 0.825 and 0.799 now; docs/BENCHMARKS.md, session 22).
    Codes typed side by side at the top level stay one group, unless every one of them names a shipped
    code and they name two shipped schemes or more, two codes each at least ("Facturation", "Résiliation",
    "Partenariat engagé", "Inimitié"): then each scheme's codes are a group ("codebook: Motifs de
    contact"), as they would be under two top-level codes."""
    by_id = {row["id"]: row for row in rows}
    taken = {row["scheme"] for row in rows if row["scheme"]} | {"codebook"}
    groups: dict[int, str] = {}
    for row in rows:
        top = by_id[roots[row["id"]]]
        if row["scheme"] or top["scheme"]:
            groups[row["id"]] = row["scheme"] or top["scheme"]
        elif top is row:
            groups[row["id"]] = "codebook"
        else:
            groups[row["id"]] = top["name"] if top["name"] not in taken else f"{top['name']} ({top['id']})"
    top_level = [row for row in rows if groups[row["id"]] == "codebook" and row.get("codable", True)]
    named = [shipped_code(row["name"], row.get("key"), language) for row in top_level]
    schemes = [None if shipped is None else shipped.scheme for shipped in named]
    counts = Counter(schemes)
    if None not in counts and len(counts) >= 2 and min(counts.values()) >= 2:
        groups.update({row["id"]: f"{_NAMED_SCHEME}{scheme}" for row, scheme in zip(top_level, schemes)})
    return groups


def by_group(codes: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The codes `select_codes` chose, per group of codes that compete (`scored_together`), in their order:
    what suggestions score and what "code next" ranks, one group at a time."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for code in codes:
        groups.setdefault(code["group"], []).append(code)
    return groups


DESCRIBING = ("description", "inclusion", "indicators", "examples")


def borrowed_description(code: dict[str, Any], language: str) -> ShippedCode | None:
    """The shipped code whose texts describe `code` in suggestions: only a code with no definition,
    inclusion, indicators or examples of its own (`codebook_library`), read within its siblings' shipped
    scheme (`library_scheme`, set by `select_codes`) when they have one."""
    return _borrowed(_own_fields(code, language), code, language)


def _borrowed(fields: dict[str, Any], code: dict[str, Any], language: str) -> ShippedCode | None:
    if any(fields.get(field) for field in DESCRIBING):
        return None
    return shipped_code(fields.get("name"), code.get("key"), language, code.get("library_scheme"))


def _own_fields(code: dict[str, Any], language: str) -> dict[str, Any]:
    fields = dict(code)
    translated = (_loads(code.get("translations")) or {}).get(language) or {}
    fields.update({key: value for key, value in translated.items() if value})
    fields["indicators"], fields["examples"] = _loads(fields.get("indicators")), _loads(fields.get("examples"))
    return fields


def code_texts(code: dict[str, Any], language: str) -> list[tuple[str, bool]]:
    """What describes a code, as (text, is_query) pairs: the definition is a query, examples are unit-like.
    A code created by name alone is described by the shipped code of that name, if any."""
    fields = _own_fields(code, language)
    shipped = _borrowed(fields, code, language)
    if shipped is not None:
        fields.update(description=shipped.description, inclusion=shipped.inclusion,
                      indicators=list(shipped.indicators), examples=list(shipped.examples))
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
    schemes: dict[str, dict[str, Any]] = field(default_factory=dict)  # per scheme: evidence, thresholds, units without

    def summary(self) -> str:
        models = " + ".join([self.model_id, *self.companions])
        text = (f"{plural(self.filed, 'suggestion')} waiting for review (run {self.run_id}, {models}, "
                f"{self.seconds:.0f} s)")
        without = Counter[str]()
        for details in self.schemes.values():
            without.update(details.get("without") or {})
        if sum(without.values()):
            reasons = ", ".join(f"{count} {_SHORT_WHY[reason]}" for reason, count in without.most_common())
            text += f"; without a suggestion: {reasons}"
        return text

    def without_lines(self) -> list[str]:
        """Per scheme: how many units got no suggestion, and why, in plain words."""
        lines = []
        for scheme, details in self.schemes.items():
            without = details.get("without") or {}
            total = sum(without.values())
            if not total:
                continue
            thresholds = details.get("thresholds") or {}
            parts = []
            for reason, count in sorted(without.items(), key=lambda item: -item[1]):
                parts.append(f"{count} {_WHY[reason].format(**_threshold_words(thresholds))}")
            lines.append(f"{scheme}: {plural(total, 'unit')} of {details.get('units')} without a suggestion: "
                         + "; ".join(parts))
        return lines

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "model": self.model_id, "companions": self.companions,
                "suggestions": self.filed, "methods": self.methods, "seconds": round(self.seconds, 2),
                "schemes": self.schemes}


_WHY = {
    "coded": "already coded",
    "below_threshold": "scored below the threshold ({threshold})",
    "precision_not_reached": "not filed: on your codings no score reached {precision} right",
    "reviewed": "whose best code you already reviewed",
    "alone": "not filed: the only code of its scheme has no other code to be weighed against (suggest it "
             "together with other codes)",
}


_SHORT_WHY = {"coded": "already coded", "below_threshold": "below the threshold",
              "precision_not_reached": "target precision out of reach", "reviewed": "already reviewed",
              "alone": "only code of its scheme"}


def _threshold_words(thresholds: dict[str, Any]) -> dict[str, str]:
    precision = thresholds.get("precision")
    values = [f"{value:.2f}" for value in (thresholds.get("examples"), thresholds.get("description")) if value is not None]
    aimed = f", aimed at {precision:.0%} precision" if precision is not None else ""
    return {"threshold": " / ".join(dict.fromkeys(values)) + aimed,
            "precision": f"{precision:.0%}" if precision is not None else "the threshold"}


def suggest_codes(
    project: Project,
    codes: Sequence[str | int] | None = None,
    *,
    embedder: str | Embedder = "auto",
    units: str | Sequence[Unit] = "auto",
    device: str = "auto",
    min_examples: int = MIN_EXAMPLES,
    min_score: float | None = None,
    precision: float = PRECISION,
    lexical_view: bool = True,
    companions: bool = True,
    sentences: bool = True,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> SuggestResult:
    """Score every unit against the selected codes and file the best code per unit and scheme (and, apart,
    the best code that has no examples yet, from its description) as a pending suggestion when its
    calibrated score reaches the threshold: `min_score` when given, else the one at which the project's
    own cross-validation reached `precision`. With `lexical_view`, a classifier on the units' words and
    character n-grams is one of the candidates (built in memory, no model to load). With
    `companions` and the `auto` embedder, it also learns from the vectors of the other installed models
    that understand the project language (`embed.companion_specs`: e5-small next to MiniLM in English),
    which adds about a point for the time of embedding the units once more. With `sentences`, codes are also
    compared with each unit's best sentence (`sentences.py`); the first run then encodes the sentences of
    the units that have several, about as much text again as the units."""
    started = time.perf_counter()
    selected = select_codes(project, codes)
    embedded = embed_units(project, embedder, units=units, device=device, progress=progress, cancel=cancel)
    unit_list, model = embedded.units, embedded.embedder
    code_ids = [code["id"] for code in selected]
    with project.transaction():
        run_id = int(project.scalar(
            "INSERT INTO runs (kind, model, device, params, started_at) VALUES ('suggest', ?, ?, ?, ?) RETURNING id",
            [model.model_id, model.device, json.dumps({"codes": code_ids, "min_examples": min_examples,
             "min_score": min_score, "precision": precision, "units": unit_label(unit_list), "sentences": sentences,
             "reason": embedded.reason}), _now()],
        ))
    try:
        filed, methods, details, companion_ids, fitted = _score(
            project, selected, embedded, lexical_view, companions and embedder == "auto", sentences, device,
            min_examples, min_score, precision, progress, cancel)
    except Cancelled:
        _finish(project, run_id, {"status": "cancelled"})
        raise
    except Exception as exc:
        _finish(project, run_id, {"status": "failed", "error": str(exc)})
        raise
    # The queue changes in one transaction at the very end: pending suggestions of earlier runs for these
    # codes are replaced by this run's (topic mappings are kept), so a cancelled or failed run leaves the
    # queue exactly as it was. The fits it made are recorded with it, for the next run on the same.
    with project.transaction():
        project.announce(events_for_tables("suggest", ["suggestions", "runs"]))
        suggestions.replace_pending(project, run_id, code_ids, [
            suggestions.Proposal(row["unit"].document_id, row["unit"].start, row["unit"].end, row["code_id"],
                                 row["score"], row["explanation"], row["unit"].kind, row["unit"].id)
            for row in filed])
        _finish(project, run_id, {"status": "finished", "suggestions": len(filed), "units": len(unit_list),
                                  "methods": methods, "companions": companion_ids, "schemes": details})
        for group, fit in fitted.items():
            fits.save(project, group, fit)
    progress(1, 1, f"{len(filed)} suggestions")
    return SuggestResult(run_id, model.model_id, len(filed), methods, time.perf_counter() - started, companion_ids,
                         details)


def _scheme_name(project: Project, scheme: str) -> str:
    """What the analyst sees of a scheme: the name of the group it was loaded under ("Motifs de contact"),
    not its key ("contact_reasons"); the key when the group is gone, "codebook" for the project's own."""
    from workbench import codebook

    root = codebook.scheme_root(project, scheme)
    return str(codebook.get_code(project, root)["name"]) if root is not None else scheme


def _score(project: Project, selected: list[dict[str, Any]], embedded: Any, lexical_view: bool, companions: bool,
           by_sentence: bool, device: str, min_examples: int, min_score: float | None, precision: float, progress: ProgressCallback,
           cancel: CancelToken | None
           ) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, Any], list[str], dict[str, fits.Fit]]:
    """(suggestions to file, method per code, per-scheme evidence, companion models, per-scheme fits made):
    everything a run computes, nothing written but cached vectors, so it may be cancelled at any point."""
    unit_list, model, language = embedded.units, embedded.embedder, project.language
    if not unit_list:
        return [], {}, {}, [], {}
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
    words = partial(_lexical_view, unit_list) if lexical_view and positives else None
    others = _companion_views(project, embedded, companions and bool(positives), device, progress, cancel)
    sentences = [_sentence_view(project, view_model, unit_list, view, by_sentence, progress, cancel)
                 for view_model, view in [(model, vectors), *others]]
    groups = by_group(selected)
    methods: dict[str, str] = {}
    details: dict[str, dict[str, Any]] = {}
    filed: list[dict[str, Any]] = []
    fitted: dict[str, fits.Fit] = {}
    for done, (group, group_codes) in enumerate(groups.items()):
        if cancel is not None:
            cancel.check()
        progress(done, len(groups), f"scoring {_scheme_name(project, group)}")
        scored = GroupScorer(unit_list, vectors, words, others, group_codes, model, language, positives,
                             negatives, min_examples, project, sentences)
        filed += scored.suggestions(reviewed, min_score, precision)
        methods.update(scored.methods)
        details[group] = scored.details
        if scored.fitted is not None:
            fitted[group] = scored.fitted
    if cancel is not None:
        cancel.check()
    return filed, methods, details, [other.model_id for other, _ in others], fitted


def _sentence_view(project: Project, model: Embedder, units: Sequence[Unit], vectors: np.ndarray, wanted: bool,
                   progress: ProgressCallback, cancel: CancelToken | None) -> SentenceView:
    if not wanted:
        return SentenceView.whole_units(vectors)
    return project_sentence_view(project, model, units, vectors, progress, cancel)


_LEXICAL_VIEWS: dict[str, Any] = {}


def _lexical_view(units: Sequence[Unit]) -> Any:
    """The units' sparse lexical view (`lexical.LexicalView`), built once per set of units in a process:
    a re-run on the same units refits nothing."""
    from workbench.suggest.embed import corpus_fingerprint
    from workbench.suggest.lexical import LexicalView

    key = corpus_fingerprint(units)
    if key not in _LEXICAL_VIEWS:
        _LEXICAL_VIEWS.clear()
        _LEXICAL_VIEWS[key] = LexicalView([unit.text for unit in units])
    return _LEXICAL_VIEWS[key]


def _companion_views(project: Project, embedded: Any, wanted: bool, device: str, progress: ProgressCallback,
                     cancel: CancelToken | None) -> list[tuple[Embedder, np.ndarray]]:
    """(model, unit vectors) of each companion model, the classifier's extra semantic views: only with
    `auto` (a model the user named is used alone) and when there are codings to learn from."""
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




_CODE_VECTORS: dict[tuple[str, str], np.ndarray] = {}
_MEMO: dict[str, tuple[Any, np.ndarray, list[list[str] | None]]] = {}
MEMO_SIZE = 8


def _cached_code_vectors(model: Embedder, codes: list[dict[str, Any]], language: str,
                         project: Project | None = None) -> np.ndarray:
    """`code_vectors`, remembered per model and code texts: in this process, and in the project's embedding
    cache when `project` is given, so a re-run encodes no code description again."""
    from workbench.suggest.embed import cached_code_vectors, code_text_key, store_code_vectors

    texts = [code_texts(code, language) for code in codes]
    key = (model.model_id, repr(texts))
    if key not in _CODE_VECTORS:
        keys = [(int(code["id"]), code_text_key(text)) for code, text in zip(codes, texts)]
        found = cached_code_vectors(project, model.model_id, keys) if project is not None else {}
        missing = [i for i, code_key in enumerate(keys) if code_key not in found]
        if missing:
            encoded = code_vectors(model, [codes[i] for i in missing], language)
            found.update({keys[i]: vector for i, vector in zip(missing, encoded)})
            if project is not None:
                store_code_vectors(project, model.model_id, [keys[i] for i in missing], encoded)
        _CODE_VECTORS[key] = np.vstack([found[code_key] for code_key in keys])
    return _CODE_VECTORS[key]


def described(matrix: Any, descriptions: Any) -> np.ndarray:
    """The `description words` candidate: each unit's share of word overlap (cosine of the lexical view)
    with each code's name, definition, indicators and examples. The semantic zero-shot matches
    meaning and misses a telling word (« résilier » next to « abonnement »); this matches the words."""
    overlap = np.asarray((matrix @ descriptions.T).todense(), dtype=np.float64) + DESCRIBED_FLOOR
    return overlap / overlap.sum(axis=1, keepdims=True)


class GroupScorer:
    """One scheme's codes scored for every unit. Codes with at least `min_examples` coded units are scored
    by the blend that cross-validation on those codings chose (`evidence.weigh`), with calibrated scores;
    the others are scored apart, from their description (zero-shot), and filed as separate suggestions, so
    a code nobody has coded yet never takes a unit from a code with examples. Runs with the same units,
    models, code texts and codings reuse the previous fit, in this process (`_MEMO`) or as the project
    recorded it (`fits.py`): a cached re-run fits nothing. `words`: the units' lexical view (None: no
    lexical candidate), or a function that builds it, called only when something has to be fitted."""

    def __init__(self, units: Sequence[Unit], vectors: np.ndarray,
                 words: LexicalView | Callable[[], LexicalView] | None,
                 others: list[tuple[Embedder, np.ndarray]], codes: list[dict[str, Any]], model: Embedder,
                 language: str, positives: list[tuple[int, Any]], negatives: list[tuple[int, Any]],
                 min_examples: int, project: Project | None = None,
                 sentences: Sequence[SentenceView] | None = None) -> None:
        from workbench.suggest.embed import corpus_fingerprint

        self.units, self.codes, self.model, self.language = units, codes, model, language
        self.companions = [other_model.model_id for other_model, _ in others]
        column = {code["id"]: index for index, code in enumerate(codes)}
        self.project = project
        semantic_views = [(model, vectors), *others]
        if sentences is None:
            sentences = [SentenceView.whole_units(view) for _, view in semantic_views]
        self.sentences = sentences
        self.code_vectors = _cached_code_vectors(model, codes, language, project)
        described_by = [self.code_vectors, *[_cached_code_vectors(view_model, codes, language, project)
                                             for view_model, _ in others]]
        self.zero = zero_shot_scores(
            [(view, sentence_view) for (_, view), sentence_view in zip(semantic_views, sentences)], described_by)
        coded = [(unit, column[code_id]) for unit, code_id in positives if code_id in column]
        self.coded = coded
        self.coded_units = {unit for unit, _ in coded}
        self.counts = Counter(label for _, label in coded)
        self.trained = [i for i in range(len(codes)) if self.counts[i] >= min_examples]
        standardise = len(units) >= scoring.MIN_UNITS_TO_STANDARDISE
        focused = [sentence_view.focused(view, code_vectors, standardise) for (_, view), sentence_view, code_vectors
                   in zip(semantic_views, sentences, described_by)]
        self._centres = [scoring.normalise(view).mean(axis=0) for view in focused]
        self._whole = [scoring.CentredRows(view, scoring.normalise(view).mean(axis=0)) for _, view in semantic_views]
        self.semantic = [scoring.centred(view, centre) for view, centre in zip(focused, self._centres)]
        self.evidence: evidence.Evidence | None = None
        self.views: evidence.Views | None = None
        self.scores: np.ndarray | None = None
        self.unit_words: list[list[str] | None] | None = None
        self.fitted: fits.Fit | None = None
        self._lexical_source, self._semantic_views = words, semantic_views
        self._training: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        if len(self.trained) >= 2:
            local = {code: j for j, code in enumerate(self.trained)}
            pairs = [(unit, local[label]) for unit, label in coded if label in local]
            pairs += [(unit, evidence.NONE) for unit, code_id in negatives
                      if code_id in column and unit not in self.coded_units]
            rows = np.array([unit for unit, _ in pairs])
            labels = np.array([label for _, label in pairs])
            zero = self.zero[:, self.trained]
            self._training = (rows, labels, zero / zero.sum(axis=1, keepdims=True))
            # The zero-shot candidate's own scores are part of the key: they depend on the sentence views too
            # (`--no-sentences` gives other ones), which nothing else here names. So are the candidates'
            # names, the blend's share that follows the folds and how the classifiers read a unit's sentences:
            # evidence recorded before a candidate existed never weighed it, nor evidence blended otherwise.
            key = evidence.fingerprint(evidence.CANDIDATES, evidence.FOLLOW_FOLDS, FOCUS_SHARE, FOCUS_TEMPERATURE,
                                       model.model_id, self.companions,
                                       corpus_fingerprint(units), words is not None,
                                       [code_texts(code, language) for code in codes], self.trained, rows, labels,
                                       self._training[2])
            if key not in _MEMO:
                if len(_MEMO) >= MEMO_SIZE:
                    _MEMO.pop(next(iter(_MEMO)))
                _MEMO[key] = self._fit(key)
            self.evidence, self.scores, self.unit_words = _MEMO[key]
            self.fitted = fits.Fit(key, self.scores, self.unit_words)  # another project may have made it
        self.borrowed = [borrowed_description(code, language) for code in codes]
        self._words_of: dict[int, set[str]] = {}
        self.apart = [i for i in range(len(codes)) if i not in self.trained]
        self.zero_calibration = self._zero_calibration()
        self.methods = {code["key"] or code["name"]: self._method(i) for i, code in enumerate(codes)}
        self.details: dict[str, Any] = {
            "codes_with_examples": len(self.trained), "codes_from_description": len(self.apart),
            "evidence": self.evidence.as_dict() if self.evidence is not None else None,
            "zero_shot_calibrated": self.zero_calibration is not None}

    def next_to_code(self, n: int) -> dict[str, Any]:
        """The units to code next in this scheme and the learning curve (see `code_next`)."""
        if self.scores is not None:
            scores, columns = self.scores, self.trained
        else:
            scores, columns = self.zero, list(range(len(self.codes)))
        uncoded = np.array([i for i in range(len(self.units)) if i not in self.coded_units], dtype=int)
        coded = np.array(sorted(self.coded_units), dtype=int)
        picks = evidence.code_next(scores, self.semantic[0], uncoded, coded, n)
        queue = []
        for index, uncertainty in picks:
            unit, order = self.units[index], np.argsort(-scores[index])[:2]
            queue.append({"unit_kind": unit.kind, "unit_id": unit.id, "document_id": unit.document_id,
                          "start": unit.start, "end": unit.end, "uncertainty": uncertainty,
                          "between": [self.codes[columns[j]]["key"] or self.codes[columns[j]]["name"] for j in order],
                          "text": unit.text[:SNIPPET_CHARS]})
        curve: list[dict[str, Any]] = []
        if self.evidence is not None:
            pairs = [(unit, self.trained.index(label)) for unit, label in self.coded if label in self.trained]
            trained = self.evidence.self_training
            curve = evidence.learning_curve(self.training_views(), np.array([u for u, _ in pairs]),
                                            np.array([lab for _, lab in pairs]), len(self.trained),
                                            trained.seed_weights if trained else self.evidence.weights)
        return {"queue": queue, "learning_curve": curve,
                "coded_per_code": {self.codes[i]["key"] or self.codes[i]["name"]: int(self.counts[i])
                                   for i in range(len(self.codes))}}

    def _fit(self, key: str) -> tuple[evidence.Evidence, np.ndarray, list[list[str] | None]]:
        """The evidence, each unit's scores and its explanation words for `key`: read back when an earlier
        run recorded them (its evidence and its fit, `fits.py`), else measured and fitted now."""
        assert self._training is not None
        rows, labels, _ = self._training
        found = self._recorded(key)
        stored = fits.load(self.project, key) if found is not None and self.project is not None else None
        if found is not None and stored is not None and stored.scores.shape == (len(self.units), len(self.trained)):
            return found, stored.scores, stored.words
        views = self.training_views()
        found = found or evidence.weigh(views, rows, labels, len(self.trained))
        found.key = key
        models: dict[str, Any] = {}
        scores = found.scores(views, rows, labels, len(self.trained), models).astype(np.float32)
        lexical = self._lexical()
        unit_words = (weighing_words(lexical, models["lexical"], scores) if lexical is not None and "lexical" in models
                      else [None] * len(self.units))
        return found, scores, unit_words

    def _lexical(self) -> LexicalView | None:
        """The units' lexical view, built on first use: a re-run that reads its fit back never needs it."""
        if callable(self._lexical_source):
            self._lexical_source = self._lexical_source()
        return self._lexical_source

    def training_views(self) -> evidence.Views:
        """What the candidates learn and score from (`evidence.Views`), built once, when something is fitted."""
        assert self._training is not None
        if self.views is None:
            words = self._lexical()
            anchors = self._anchors(self._semantic_views, words)
            self.views = evidence.Views(
                self._training[2], self.semantic, None if words is None else words.matrix, anchors,
                np.array([i for i in range(len(self.units)) if i not in self.coded_units], dtype=int),
                None if words is None else described(words.matrix, anchors["lexical"]), self._whole)
        return self.views

    def _recorded(self, key: str) -> evidence.Evidence | None:
        """The evidence an earlier run measured on the same units, models, code texts and codings: the
        cross-validation would only repeat it (a fresh process, e.g. the command line, reuses it)."""
        if self.project is None:
            return None
        for (metrics,) in self.project.rows("SELECT metrics FROM runs WHERE kind = 'suggest' AND metrics LIKE ? "
                                            "ORDER BY id DESC LIMIT 1", [f"%{key}%"]):
            for details in (json.loads(metrics).get("schemes") or {}).values():
                stored = (details or {}).get("evidence")
                if stored and stored.get("key") == key:
                    return evidence.Evidence.from_dict(stored)
        return None

    def _anchors(self, views: list[tuple[Embedder, np.ndarray]], words: Any) -> dict[str, Any]:
        """Each trained code's description as a training row of each classifier (`evidence.Views`)."""
        trained = [self.codes[i] for i in self.trained]
        anchors: dict[str, Any] = {"semantic": [
            scoring.centred(_cached_code_vectors(view_model, trained, self.language, self.project), centre)
            for (view_model, _), centre in zip(views, self._centres)]}
        if words is not None:
            anchors["lexical"] = words.transform(
                [" ".join(text for text, _ in code_texts(code, self.language)) for code in trained])
        return anchors

    def _zero_calibration(self) -> evidence.Calibration | None:
        """How right the descriptions alone are on this project's codings: the zero-shot top code of each
        coded unit against its code. None without codings: zero-shot scores are then shown uncalibrated."""
        if not self.coded:
            return None
        rows = np.array([unit for unit, _ in self.coded])
        truth = np.array([label for _, label in self.coded])
        top = self.zero[rows]
        return evidence.Calibration.fit(top.max(axis=1), top.argmax(axis=1) == truth)

    def _method(self, index: int) -> str:
        if index in self.trained and self.evidence is not None and self._examples_decide():
            learnt = " and the uncoded units the blend is surest of" if self.evidence.self_training else ""
            return f"from {self.counts[index]} coded examples{learnt}"
        shipped = self.borrowed[index]
        description = ("the code's description" if shipped is None else
                       f"the description of “{shipped.name}” in the shipped scheme “{shipped.scheme}” (the code has none)")
        if index in self.trained:
            return f"from {description} (preferred to its {self.counts[index]} coded examples by cross-validation)"
        return f"from {description}" + ("" if self.zero_calibration is not None else " (uncalibrated)")

    def _learnt_share(self) -> float:
        """The share of the blend held by the candidates that learn from the coded examples."""
        if self.evidence is None:
            return 0.0
        return sum(weight for name, weight in self.evidence.weights.items() if name not in evidence.FROM_DESCRIPTION)

    def _examples_decide(self) -> bool:
        """Whether the coded examples weigh at least as much as the description in the blend: every
        candidate keeps a share (`evidence.FOLLOW_FOLDS`), so what decides is the larger part."""
        return self._learnt_share() >= 0.5

    def suggestions(self, reviewed: set[tuple[int, int, int, int]], min_score: float | None,
                    precision: float) -> list[dict[str, Any]]:
        """The suggestions to file, and in `details['without']` why the other units got none."""
        filed: list[dict[str, Any]] = []
        without: Counter[str] = Counter()
        with_examples = self._threshold(self.evidence, min_score, precision) if self.scores is not None else None
        from_description = self._zero_threshold(min_score, precision)
        self.details["thresholds"] = {"examples": with_examples, "description": from_description,
                                      "precision": None if min_score is not None else precision}
        for index, unit in enumerate(self.units):
            if index in self.coded_units:
                without["coded"] += 1
                continue
            reasons = []
            if self.scores is not None and self.evidence is not None:
                local = int(self.scores[index].argmax())
                score = float(self.evidence.calibration(self.scores[index, local : local + 1])[0])
                reasons.append(self._file(filed, reviewed, index, self.trained[local], score, with_examples, True))
            if self.apart and len(self.codes) == 1:  # a score over one code is 1 for every unit: it says nothing
                reasons.append("alone")
            elif self.apart:
                best = int(self.zero[index].argmax())
                if best in self.apart:
                    raw = float(self.zero[index, best])
                    score = raw if self.zero_calibration is None else float(self.zero_calibration(np.array([raw]))[0])
                    reasons.append(self._file(filed, reviewed, index, best, score, from_description, False))
                elif self.scores is None:
                    reasons.append("below_threshold")
            if "filed" not in reasons:
                without[reasons[0] if reasons else "below_threshold"] += 1
        self.details["without"] = dict(without)
        self.details["units"] = len(self.units)
        return filed

    def _threshold(self, found: evidence.Evidence | None, min_score: float | None, precision: float) -> float | None:
        if min_score is not None:
            return min_score
        if found is None or found.tested == 0:
            return MIN_SCORE
        return found.calibration_threshold(precision)

    def _zero_threshold(self, min_score: float | None, precision: float) -> float | None:
        if min_score is not None:
            return min_score
        if self.zero_calibration is None:
            return MIN_SCORE
        rows = np.array([unit for unit, _ in self.coded])
        truth = np.array([label for _, label in self.coded])
        top = self.zero[rows]
        return evidence.threshold_for(precision, self.zero_calibration(top.max(axis=1)), top.argmax(axis=1) == truth)

    def _file(self, filed: list[dict[str, Any]], reviewed: set[tuple[int, int, int, int]], index: int, label: int,
              score: float, threshold: float | None, from_examples: bool) -> str:
        unit, code = self.units[index], self.codes[label]
        if threshold is None:
            return "precision_not_reached"
        if score < threshold:
            return "below_threshold"
        if (unit.document_id, unit.start, unit.end, code["id"]) in reviewed:
            return "reviewed"
        filed.append({"unit": unit, "unit_index": index, "code_id": code["id"], "code": code,
                      "score": min(max(score, 0.0), 1.0), "explanation": self._explain(index, label, from_examples)})
        return "filed"

    def _runner_up(self, index: int, label: int, from_examples: bool) -> int | None:
        if from_examples and self.scores is not None:
            order = [self.trained[j] for j in np.argsort(-self.scores[index])]
        else:
            order = [int(j) for j in np.argsort(-self.zero[index])]
        others = [code for code in order if code != label]
        return others[0] if others else None

    def _explain(self, index: int, label: int, from_examples: bool) -> dict[str, Any]:
        runner = self._runner_up(index, label, from_examples)
        examples_decide = from_examples and self._examples_decide()
        reliability = None
        if from_examples and self.evidence is not None and self.evidence.reliability:
            reliability = self.evidence.reliability[self.trained.index(label)]
        explanation: dict[str, Any] = {
            "method": "few-shot" if examples_decide else "zero-shot",
            "basis": "examples" if examples_decide else "description",
            "model": self.model.model_id,
            "companions": self.companions if from_examples and self._learnt_share() > 0 else [],
            "zero_shot": round(float(self.zero[index, label]), 4),
            "classifier": (round(float(self.scores[index, self.trained.index(label)]), 4)
                           if from_examples and self.scores is not None else None),
            "weights": self.evidence.weights if from_examples and self.evidence is not None else {"zero-shot": 1.0},
            "calibrated": (self.evidence is not None and self.evidence.tested > 0) if from_examples
            else self.zero_calibration is not None,
            "coded_examples": int(self.counts[label]),
            "self_trained": bool(examples_decide and self.evidence is not None and self.evidence.self_training),
            "reliability": reliability,
            "nearest_examples": self._nearest(index, label, 2),
        }
        shipped = self.borrowed[label]
        if shipped is not None:
            explanation["description_from"] = {"scheme": shipped.scheme, "code": shipped.name}
        if runner is not None:
            explanation["runner_up"] = {"code_id": self.codes[runner]["id"], "key": self.codes[runner]["key"],
                                        "name": self.codes[runner]["name"],
                                        "nearest_examples": self._nearest(index, runner, 1)}
        explanation["words"] = self._words(index, label, runner)
        span = self.sentences[0].closest(index, self.code_vectors[label])
        if span is not None:
            explanation["sentence"] = self.units[index].text[span[0] : span[1]][:SNIPPET_CHARS]
        return explanation

    def _nearest(self, index: int, label: int, n: int) -> list[dict[str, Any]]:
        """The coded units of `label` closest to unit `index` on the centred semantic vectors, where
        similarity separates right from wrong neighbours better than on the raw ones."""
        view = self.semantic[0]
        similar = sorted(((float(view[index] @ view[u]), u) for u, lab in self.coded if lab == label and u != index),
                         reverse=True)[:n]
        return [{"unit_kind": self.units[u].kind, "unit_id": self.units[u].id,
                 "document_id": self.units[u].document_id, "similarity": round(sim, 3),
                 "text": self.units[u].text[:SNIPPET_CHARS]} for sim, u in similar]

    def _words(self, index: int, label: int, runner: int | None) -> list[str]:
        """The unit's words that weigh for `label` against `runner`: by the lexical classifier's coefficients
        when it knows both codes (`lexical.weighing_words`, computed with the fit for each unit's best code
        and runner-up), else the words it shares with the code's description and examples but not with the
        runner-up's."""
        from workbench.suggest.lexical import content_words

        if self.unit_words is not None and label in self.trained and runner in self.trained:
            found = self.unit_words[index]
            if found is not None:
                return list(found)
        unit_words = content_words(self.units[index].text[:WORDS_CHARS])
        mine, theirs_words = self._code_words(label), self._code_words(runner)
        shared = [word for word in dict.fromkeys(unit_words) if word[:STEM_CHARS] in mine]
        return sorted(shared, key=lambda word: word[:STEM_CHARS] in theirs_words)[:6]  # this code's own first

    def _code_words(self, code: int | None) -> set[str]:
        """The word stems of a code's description and of up to 50 of its coded units, read once per run."""
        if code is None:
            return set()
        if code not in self._words_of:
            from workbench.suggest.lexical import content_words

            texts = [text for text, _ in code_texts(self.codes[code], self.language)]
            texts += [self.units[u].text[:WORDS_CHARS] for u, lab in self.coded if lab == code][:50]
            self._words_of[code] = {word[:STEM_CHARS] for text in texts for word in content_words(text)}
        return self._words_of[code]


def code_next(project: Project, codes: Sequence[str | int] | None = None, n: int = 10, *,
              embedder: str | Embedder = "auto", units: str | Sequence[Unit] = "auto", device: str = "auto",
              min_examples: int = MIN_EXAMPLES, sentences: bool = True, progress: ProgressCallback = no_progress,
              cancel: CancelToken | None = None) -> dict[str, dict[str, Any]]:
    """Per scheme: the `n` uncoded units whose coding would teach the suggestions most (uncertain between
    two codes, unlike each other and the coded units: `evidence.code_next`), and the learning curve
    (cross-validated accuracy of the chosen blend against coded examples per code). Writes nothing but
    cached vectors."""
    selected = select_codes(project, codes)
    embedded = embed_units(project, embedder, units=units, device=device, progress=progress, cancel=cancel)
    unit_list, model = embedded.units, embedded.embedder
    if not unit_list:
        return {}
    code_ids = [code["id"] for code in selected]
    vectors = _vectors(project, embedded)
    positives = _spans_to_units(unit_list, [tuple(row) for row in project.rows(  # type: ignore[misc]
        "SELECT g.document_id, g.start_pos, g.end_pos, g.code_id FROM codings g JOIN coders c ON c.id = g.coder_id "
        f"WHERE c.role <> 'trainee' AND g.code_id IN ({', '.join('?' for _ in code_ids)})", code_ids)])
    words = _lexical_view(unit_list) if positives else None
    views = [_sentence_view(project, model, unit_list, vectors, sentences, progress, cancel)]
    groups = by_group(selected)
    result = {}
    for done, (group, group_codes) in enumerate(groups.items()):
        if cancel is not None:
            cancel.check()
        progress(done, len(groups), f"choosing what to code next in {group}")
        scorer = GroupScorer(unit_list, vectors, words, [], group_codes, model, project.language, positives, [],
                             min_examples, project, views)
        result[group] = scorer.next_to_code(n)
    return result
