"""Topics: BERTopic over the cached unit vectors, recorded as a run the analyst can come back to.

Why BERTopic: its topics are clusters of meaning (from the embeddings) described by the words that
set each cluster apart (class-based TF-IDF), which is what an analyst needs to name a theme. The pieces
are chosen for reproducibility and for the sizes customer-service corpora have:
- more than `SMALL_CORPUS` units: UMAP (5 dimensions, cosine, fixed random state; the NumPy implementation
  of workbench/suggest/umap_numpy.py, no JIT compiler) then HDBSCAN, their cuML versions on a GPU when
  RAPIDS is installed; outliers are then reassigned to the nearest topic by
  embedding similarity, since an analyst wants every verbatim somewhere (the share before reassignment
  is kept in the run's metrics);
- `MIN_UNITS` to `SMALL_CORPUS` units: UMAP's neighbourhood graph and HDBSCAN's density estimates are
  meaningless on a few dozen points, so the vectors are clustered directly with k-means, k chosen by
  silhouette;
- units carry the customer's voice (workbench/suggest/units.py), and topics are described by key
  phrases of it, French fillers, formulas and corpus-wide words aside (workbench/suggest/topic_words.py);
- each run records the coherence (NPMI) and diversity of its keywords (workbench/suggest/topic_quality.py).
`import bertopic` happens only in this module, inside the functions, so start-up stays fast.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np

from workbench.columns import column_array, registered
from workbench.errors import WorkbenchError
from workbench.events import events_for_tables
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.suggest.device import cuml_available, resolve_device
from workbench.suggest.embed import Embedder, EmbedResult, embed_units, load_vectors
from workbench.suggest.topic_quality import diversity, npmi
from workbench.suggest.topic_words import N_KEYWORDS, describe_topics, term_stop_words
from workbench.suggest.units import Unit, email_body, unit_label, voice_texts

MIN_UNITS = 12
SMALL_CORPUS = 200
RANDOM_STATE = 42
NPMI_SAMPLE = 5000  # units NPMI counts co-occurrences in: enough for a stable mean, fast on any corpus
UMAP_SAMPLE = 20000  # above this many units, UMAP is fitted on a sample of this size (see SampledUMAP)
# A speaker label at the start of a transcript line: "Client :", "Conseillère Julie:", "[00:01:02] Agent :".
_SPEAKER = re.compile(r"(?m)^[^\S\n]*(?:\[[\d:.]+\][^\S\n]*)?[^\W\d][\w'’ .-]{0,30}?[^\S\n]?:[^\S\n]")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def default_min_size(n_units: int) -> int:
    """Smallest topic HDBSCAN keeps: grows with the corpus so 100,000 units give tens of topics, not thousands."""
    return max(10, round(math.sqrt(n_units) / 2))


def _vectorizer(language: str, n_units: int):  # type: ignore[no-untyped-def]
    """BERTopic's own word counter, which its fit needs (our descriptions come from `describe_topics`).
    It counts one document per topic, so min_df must stay 1; big corpora cap the vocabulary."""
    from sklearn.feature_extraction.text import CountVectorizer

    from workbench.suggest.lexical import stop_words

    return CountVectorizer(
        stop_words=sorted(stop_words(language)),
        ngram_range=(1, 2),
        max_features=50000 if n_units > 5000 else None,
        token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b",
    )


def _choose_k(vectors: np.ndarray) -> int:
    """Number of k-means clusters for a small corpus: best silhouette among sqrt(n/4)..min(12, n/6).
    The lower bound keeps silhouette's known preference for two big clusters from hiding the themes."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    low = max(2, int(math.sqrt(len(vectors) / 4)))
    best, best_k = -2.0, low
    for k in range(low, max(low, min(12, len(vectors) // 6)) + 1):
        labels = KMeans(k, n_init=4, random_state=RANDOM_STATE).fit_predict(vectors)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(vectors, labels, metric="cosine")
        if score > best:
            best, best_k = score, k
    return best_k


class Transform(Protocol):
    """Applies a fitted UMAP to every unit, `batch` rows at a time, reporting progress and honouring
    cancel between batches: `transform_here` in this process, `workbench.suggest.cluster` on a Ray cluster."""

    def __call__(self, reducer: Any, vectors: np.ndarray, batch: int, progress: ProgressCallback,
                 cancel: CancelToken | None) -> np.ndarray: ...


def transform_here(reducer: Any, vectors: np.ndarray, batch: int, progress: ProgressCallback = no_progress,
                   cancel: CancelToken | None = None) -> np.ndarray:
    """UMAP's transform of every unit in this process, in the batches a cluster's workers get: a transform's
    epochs and edge pruning depend on how many rows it is given, so the same batches everywhere are what
    makes the same seed give the same topics here and on a cluster."""
    parts = []
    for begin in range(0, len(vectors), batch):
        if cancel is not None:
            cancel.check()
        parts.append(reducer.transform(vectors[begin : begin + batch]))
        progress(min(begin + batch, len(vectors)), len(vectors), "placing the units on the topic map")
    return np.concatenate(parts)


class SampledUMAP:
    """UMAP fitted on a random sample, then applied to every unit in batches of the sample's size. Above
    `UMAP_SAMPLE` units the full fit dominates a topic run (over 3 minutes for 100,000 units on 2 CPU cores;
    sample fit + transform of all: under 2); 20,000 points are plenty to learn the shape of the space. The
    transform of all is the step that spreads over a cluster's workers, hence `transform_all`."""

    def __init__(self, reducer: Any, sample: int, transform_all: Transform = transform_here,
                 progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> None:
        self.reducer = reducer
        self.sample = sample
        self.transform_all = transform_all
        self.progress = progress
        self.cancel = cancel

    def fit(self, vectors: np.ndarray, y: Any = None) -> SampledUMAP:
        rows = np.random.default_rng(RANDOM_STATE).choice(len(vectors), self.sample, replace=False)
        self.reducer.fit(vectors[np.sort(rows)])
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        return self.transform_all(self.reducer, vectors, self.sample, self.progress, self.cancel)


def _models(n: int, min_size: int, device: str, vectors: np.ndarray, sample: int,
            sampled_umap: Callable[[Any, int], SampledUMAP]) -> tuple[Any, Any, dict[str, Any]]:
    """(dimensionality reduction, clustering, params) for a corpus of n units; above `sample` units, UMAP
    is fitted on a sample and `sampled_umap` decides where the transform of all runs."""
    if n <= SMALL_CORPUS:
        from bertopic.dimensionality import BaseDimensionalityReduction
        from sklearn.cluster import KMeans

        k = _choose_k(vectors)
        return BaseDimensionalityReduction(), KMeans(k, n_init=10, random_state=RANDOM_STATE), {
            "path": "small corpus: k-means on the vectors", "k": k}
    neighbours = min(15, n - 1)
    if device == "cuda" and cuml_available():
        from cuml.cluster import HDBSCAN
        from cuml.manifold import UMAP

        reducer = UMAP(n_neighbors=neighbours, n_components=5, min_dist=0.0, metric="cosine",
                       random_state=RANDOM_STATE)
        return reducer, HDBSCAN(min_cluster_size=min_size, cluster_selection_method="leaf"), {
            "path": "cuML UMAP + HDBSCAN (GPU)", "n_neighbors": neighbours, "min_size": min_size}
    from hdbscan import HDBSCAN

    from workbench.suggest.umap_numpy import NumpyUMAP

    reducer = NumpyUMAP(n_neighbors=neighbours, n_components=5, min_dist=0.0, random_state=RANDOM_STATE)
    sampled = n > sample
    if sampled:
        reducer = sampled_umap(reducer, sample)
    # "leaf": on sentence embeddings "eom" tends to merge everything into one or two huge clusters (the
    # demo corpus gave 1 topic for 482 documents, "leaf" 8); outliers are reassigned afterwards anyway.
    return reducer, HDBSCAN(min_cluster_size=min_size, metric="euclidean", cluster_selection_method="leaf",
                            prediction_data=False, core_dist_n_jobs=1), {
        "path": "UMAP + HDBSCAN (CPU)", "umap": "NumpyUMAP", "n_neighbors": neighbours, "min_size": min_size,
        "umap_fitted_on": sample if sampled else n}


def fit_topics_on_vectors(
    texts: Sequence[str], vectors: np.ndarray, *, language: str = "fr", min_size: int | None = None,
    device: str = "cpu", groups: Sequence[str] | None = None, documents: Sequence[tuple[str, str]] | None = None,
    umap_sample: int | None = None, transform: Transform = transform_here, progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, Any]:
    """Cluster vectors into topics and describe them from `texts` (the customer's words of each unit);
    `groups` (each unit's kind of document) and `documents` (their (kind, text)) find corpus-wide words.
    Above `umap_sample` units (default `UMAP_SAMPLE`) UMAP is fitted on a sample and `transform` applies it
    to every unit (here, or on a cluster: the result is the same). Returns assignments, topic descriptions
    and metrics; no project involved, so the benchmark times exactly this."""
    from bertopic import BERTopic

    n = len(texts)
    if n < MIN_UNITS:
        raise WorkbenchError(f"topics need at least {MIN_UNITS} units, this project has {n}; import more texts")
    min_size = min_size or default_min_size(n)
    # Centred: sentence embeddings share a large common direction that hides the differences between units.
    vectors = np.asarray(vectors, dtype=np.float32)
    vectors = vectors - vectors.mean(axis=0)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    reducer, clusterer, params = _models(
        n, min_size, device, vectors, umap_sample or UMAP_SAMPLE,
        lambda umap, sample: SampledUMAP(umap, sample, transform, progress, cancel))
    # language="multilingual": with "english" BERTopic strips every non-ASCII character from the keywords.
    model = BERTopic(language="multilingual", umap_model=reducer, hdbscan_model=clusterer, vectorizer_model=_vectorizer(language, n),
                     top_n_words=N_KEYWORDS, calculate_probabilities=False, verbose=False)
    # After the constructor, which resets it: BERTopic's notes on manual topic updates are for developers.
    logging.getLogger("BERTopic").setLevel(logging.ERROR)
    docs = [_SPEAKER.sub("", text) for text in texts]  # "Client :" in every turn is no keyword
    with warnings.catch_warnings():  # sklearn: spaCy's stop list holds elisions ("qu'") it tokenises apart
        warnings.filterwarnings("ignore", message="Your stop_words may be inconsistent")
        assigned, probabilities = model.fit_transform(docs, embeddings=vectors)
    if cancel is not None:
        cancel.check()
    assigned = np.asarray(assigned)
    outliers_before = float((assigned == -1).mean())
    if outliers_before > 0 and (assigned != -1).any():
        assigned = np.asarray(model.reduce_outliers(docs, list(assigned), strategy="embeddings", embeddings=vectors))
    normalised = vectors
    described = describe_topics(docs, assigned.tolist(), language, groups, documents)
    topics = []
    for topic in sorted(set(assigned.tolist())):
        members = np.flatnonzero(assigned == topic)
        centroid = normalised[members].mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        closeness = normalised[members] @ centroid
        words = list(described[topic]["keywords"])  # type: ignore[call-overload]
        topics.append({
            "topic": int(topic), "keywords": words, "label": str(described[topic]["label"]) or f"topic {topic}",
            "size": len(members), "representatives": members[np.argsort(-closeness)[:3]].tolist(),
            "centroid": centroid,
        })
    real = [t for t in topics if t["topic"] != -1]
    keyword_lists = [t["keywords"] for t in real]
    sample = np.random.default_rng(RANDOM_STATE).choice(n, min(n, NPMI_SAMPLE), replace=False)
    metrics = {
        "topics": len(real),
        "outlier_share_before_reduction": round(outliers_before, 4),
        "outlier_share": round(float((assigned == -1).mean()), 4),
        "diversity": diversity(keyword_lists, term_stop_words(language)),
        "npmi": npmi(keyword_lists, [docs[i] for i in sorted(sample)]),
        "units": n,
    }
    probs = np.asarray(probabilities, dtype=float) if probabilities is not None else None
    return {"assigned": assigned, "probabilities": probs, "topics": topics, "metrics": metrics, "params": params}


@dataclass
class TopicsReport(WholeOrNothing):
    """A topic run as its user hears of it."""

    run_id: int
    topics: int
    units: int
    outlier_share_before_reduction: float

    def summary(self) -> str:
        reassigned = round(100 * self.outlier_share_before_reduction)
        return (f"{plural(self.topics, 'topic')} found in {plural(self.units, 'unit')} (run {self.run_id})"
                + (f"; {reassigned} % of the units were outliers, given to their nearest topic" if reassigned else ""))


def run_topics(project: Project, **options: Any) -> TopicsReport:
    """`fit_topics` for a job that reports to its user (the window's Topics job)."""
    return topics_report(project, fit_topics(project, **options))


def topics_report(project: Project, run_id: int) -> TopicsReport:
    """The stored run `run_id` as its user hears of it."""
    metrics = json.loads(project.scalar("SELECT metrics FROM runs WHERE id = ?", [run_id]))
    return TopicsReport(run_id, metrics["topics"], metrics["units"], metrics["outlier_share_before_reduction"])


def fit_topics(
    project: Project,
    *,
    units: str | Sequence[Unit] = "auto",
    embedder: str | Embedder = "auto",
    min_size: int | None = None,
    device: str = "auto",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    umap_sample: int | None = None,
    embed: Callable[..., EmbedResult] = embed_units,
    transform: Transform = transform_here,
) -> int:
    """Embed what is missing, fit topics on the cached vectors, store them as a run. Returns the run id.
    `embed` and `transform` are where the two heavy steps run, this process by default
    (`workbench.suggest.cluster.topics_on_cluster` passes its Ray versions); `umap_sample` as in
    `fit_topics_on_vectors`."""
    device = resolve_device(device)
    embedded = embed(project, embedder, units=units, device=device, progress=progress, cancel=cancel)
    unit_list = embedded.units
    if cancel is not None:
        cancel.check()
    progress(0, None, "fitting topics")
    started = time.perf_counter()
    vectors = load_vectors(project, embedded.model_id, unit_list) if unit_list else np.zeros((0, 0))
    kinds = dict(project.rows("SELECT id, kind FROM documents"))
    documents = project.rows("SELECT kind, text FROM documents WHERE id = ANY(?)",
                             [sorted({u.document_id for u in unit_list})])
    fitted = fit_topics_on_vectors(voice_texts(project, unit_list), vectors, language=project.language,
                                   min_size=min_size, device=device,
                                   groups=[kinds.get(u.document_id, "") for u in unit_list], documents=documents,
                                   umap_sample=umap_sample, transform=transform, progress=progress, cancel=cancel)
    seconds = time.perf_counter() - started
    fitted["metrics"]["seconds"] = round(seconds, 2)
    params = {**fitted["params"], "units": unit_label(unit_list), "embedder": embedded.reason,
              "random_state": RANDOM_STATE, "language": project.language}
    with project.transaction():
        project.announce(events_for_tables("topics", ["topics", "runs"]))
        run_id = int(project.scalar(
            "INSERT INTO runs (kind, model, device, params, started_at, finished_at, metrics) "
            "VALUES ('topics', ?, ?, ?, ?, ?, ?) RETURNING id",
            [embedded.model_id, device, json.dumps(params), _now(), _now(), json.dumps(fitted["metrics"])],
        ))
        for topic in fitted["topics"]:
            project.execute(
                "INSERT INTO topics (run_id, topic, label, keywords, size, representatives) VALUES (?, ?, ?, ?, ?, ?)",
                [run_id, topic["topic"], topic["label"], topic["keywords"], topic["size"],
                 [unit_list[i].id for i in topic["representatives"]]],
            )
        _store_assignments(project, run_id, unit_list, fitted["assigned"], fitted["probabilities"])
    progress(1, 1, f"{fitted['metrics']['topics']} topics")
    return run_id


def _store_assignments(project: Project, run_id: int, units: Sequence[Unit], assigned: np.ndarray,
                       probabilities: np.ndarray | None) -> None:
    probs = probabilities if probabilities is not None and probabilities.ndim == 1 else None
    columns = {
        "unit_kind": column_array([u.kind for u in units]),
        "unit_id": np.fromiter((u.id for u in units), np.int64, len(units)),
        "topic": np.asarray(assigned, dtype=np.int32),
        "probability": (probs if probs is not None else np.full(len(units), np.nan)).astype(np.float64),
    }
    with registered(project.con, "_unit_topics", columns):  # NaN is read as NULL
        project.execute("INSERT INTO unit_topics (run_id, unit_kind, unit_id, topic, probability) "
                        "SELECT ?, unit_kind, unit_id, topic, probability FROM _unit_topics", [run_id])


def topic_table(project: Project, run_id: int | None = None) -> list[dict[str, Any]]:
    """Topics of a run (default: the latest), largest first, with the text of their representative units: a
    whole call's as its customer's words (`voice_texts`), what the topics were fitted on."""
    run_id = run_id or latest_run(project)
    rows = project.dicts("SELECT topic, label, keywords, size, representatives FROM topics WHERE run_id = ? "
                         "ORDER BY size DESC, topic", [run_id])
    kinds = dict(project.rows("SELECT unit_id, unit_kind FROM unit_topics WHERE run_id = ?", [run_id]))
    examples = [(index, _stored_unit(project, kinds.get(uid, "document"), uid))
                for index, row in enumerate(rows) for uid in row["representatives"]]
    for row in rows:
        row["examples"] = []
    for (index, _), text in zip(examples, voice_texts(project, [unit for _, unit in examples])):  # roles read once
        rows[index]["examples"].append(text)
    return rows


def latest_run(project: Project) -> int:
    run_id = project.scalar("SELECT max(id) FROM runs WHERE kind = 'topics'")
    if run_id is None:
        raise WorkbenchError("no topic run yet; run `workbench topics` first")
    return int(run_id)


def _unit_span(project: Project, kind: str, unit_id: int) -> tuple[int, int, int]:
    if kind == "document":
        document_kind, text = project.rows("SELECT kind, text FROM documents WHERE id = ?", [unit_id])[0]
        start, end, _ = email_body(text) if document_kind == "email" else (0, len(text), text)
        return int(unit_id), start, end
    row = project.rows("SELECT document_id, start_pos, end_pos FROM segments WHERE id = ?", [unit_id])[0]
    return int(row[0]), int(row[1]), int(row[2])


def _stored_unit(project: Project, kind: str, unit_id: int) -> Unit:
    """A unit of a past run, with its span's stored text."""
    document_id, start, end = _unit_span(project, kind, unit_id)
    text = str(project.scalar("SELECT substring(text, ?, ?) FROM documents WHERE id = ?",
                              [start + 1, end - start, document_id]))
    return Unit(kind, unit_id, document_id, start, end, text)


_UNIT_DOCUMENTS = """
    SELECT ut.topic, t.label, coalesce(s.document_id, ut.unit_id) AS document_id
    FROM unit_topics ut
    JOIN topics t ON t.run_id = ut.run_id AND t.topic = ut.topic
    LEFT JOIN segments s ON ut.unit_kind = 'segment' AND s.id = ut.unit_id
    WHERE ut.run_id = ?
"""


def topics_over_time(project: Project, run_id: int | None = None, period: str = "month"):  # type: ignore[no-untyped-def]
    """DataFrame (period, topic, label, units): how many units of each topic per day/week/month/quarter/year,
    from the documents' dates; undated documents are left out."""
    if period not in ("day", "week", "month", "quarter", "year"):
        raise WorkbenchError(f"unknown period {period!r}; choose day, week, month, quarter or year")
    run_id = run_id or latest_run(project)
    return project.execute(
        f"SELECT date_trunc('{period}', d.occurred_at) AS period, u.topic, u.label, count(*) AS units "
        f"FROM ({_UNIT_DOCUMENTS}) u JOIN documents d ON d.id = u.document_id WHERE d.occurred_at IS NOT NULL "
        "GROUP BY ALL ORDER BY period, units DESC", [run_id]).df()


def nps_group(value: str | None) -> str:
    """Promoter (9-10), passive (7-8) or detractor (0-6), the usual reading of a Net Promoter Score."""
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "unknown"
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def topics_by_variable(project: Project, variable: str, run_id: int | None = None,
                       group: Callable[[str | None], str] | None = None):  # type: ignore[no-untyped-def]
    """DataFrame (value, topic, label, units, share): topic sizes per value of a case variable, `group`
    mapping raw values to groups (e.g. `nps_group`). `share` is the topic's share within the value."""
    if project.scalar("SELECT count(*) FROM variables WHERE name = ?", [variable]) == 0:
        raise WorkbenchError(f"no variable {variable!r} in this project")
    run_id = run_id or latest_run(project)
    frame = project.execute(
        f"SELECT dv.value, u.topic, u.label FROM ({_UNIT_DOCUMENTS}) u "
        "LEFT JOIN (SELECT dv.document_id, dv.value FROM document_values dv JOIN variables v "
        "ON v.id = dv.variable_id WHERE v.name = ?) dv ON dv.document_id = u.document_id",
        [run_id, variable]).df()
    if group is not None:
        frame["value"] = frame["value"].map(group)
    counts = frame.groupby(["value", "topic", "label"], dropna=False).size().rename("units").reset_index()
    counts["share"] = counts["units"] / counts.groupby("value", dropna=False)["units"].transform("sum")
    return counts.sort_values(["value", "units"], ascending=[True, False]).reset_index(drop=True)


def map_topic_to_code(project: Project, code: int | str, topic: int, run_id: int | None = None,
                      coder: str | None = None) -> int:
    """File a pending suggestion of `code` for every unit of `topic` not already coded or proposed with
    it. One undoable action of `coder` (by default `default_coder_name()`). The score is the unit's cosine
    similarity to the topic's centre."""
    from workbench.codebook import find_codable_code
    from workbench.store import suggestions
    from workbench.store.coders import acting_as, default_coder_name

    run_id = run_id or latest_run(project)
    code_id = find_codable_code(project, code)
    topic_row = project.dicts("SELECT label, keywords FROM topics WHERE run_id = ? AND topic = ?", [run_id, topic])
    if not topic_row:
        raise WorkbenchError(f"run {run_id} has no topic {topic}")
    model = project.scalar("SELECT model FROM runs WHERE id = ?", [run_id])
    members = project.rows("SELECT unit_kind, unit_id FROM unit_topics WHERE run_id = ? AND topic = ? "
                           "ORDER BY unit_id", [run_id, topic])
    units = [Unit(kind, uid, *_unit_span(project, kind, uid), "") for kind, uid in members]
    vectors = load_vectors(project, model, units)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    centre = vectors.mean(axis=0)
    closeness = vectors @ (centre / max(float(np.linalg.norm(centre)), 1e-12))
    taken = set(project.rows(
        "SELECT document_id, start_pos, end_pos FROM codings WHERE code_id = ? UNION "
        "SELECT document_id, start_pos, end_pos FROM suggestions WHERE code_id = ?", [code_id, code_id]))
    filed = 0
    with acting_as(project, "map_topic_to_code", coder or default_coder_name()) as rec:
        for unit, score in zip(units, closeness):
            if (unit.document_id, unit.start, unit.end) in taken:
                continue
            explanation = {"method": "topic", "run_id": run_id, "topic": topic, "label": topic_row[0]["label"],
                           "keywords": list(topic_row[0]["keywords"] or []), "similarity": round(float(score), 4)}
            suggestions.file(rec, run_id, suggestions.Proposal(
                unit.document_id, unit.start, unit.end, code_id, min(max(float(score), 0.0), 1.0), explanation,
                unit.kind, unit.id))
            filed += 1
        rec.describe({"run": run_id, "topic": topic, "code": code_id, "suggestions": filed},
                     f"filed {filed} suggestion(s) of code {code_id} from topic {topic} of run {run_id}")
    return filed
