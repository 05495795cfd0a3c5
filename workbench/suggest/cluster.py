"""Embedding and topics on a Ray cluster: the heavy steps of a million-unit project, spread over many machines.

The project stays the only writer (DuckDB allows one): the units to embed go out as Parquet, Ray Data's
`map_batches` encodes them on the cluster with the very embedder classes a local run uses (one model load
per actor), and the vectors come back to this process, which caches them under the same keys, in the same
dtype, as `embed_units` does. Everything is stored in one transaction at the end, so a cancelled or failed
run leaves the project as it was. Topics take the same road for their vectors, then UMAP, fitted on a sample
here, places every unit on the topic map on the cluster; HDBSCAN, the topic words and the run are this
process's, exactly as `fit_topics` does them.

Ray is imported only here, only when a user asks for a cluster, and with its usage statistics off. Unit
texts travel only to the cluster the user names (or to a private one on this machine); nothing else of the
project leaves it.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from workbench.errors import Cancelled, WorkbenchError
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.suggest.embed import (
    Embedder,
    EmbedResult,
    LexicalEmbedder,
    cache_whole_run,
    get_embedder,
    missing_units,
    prepare_embedder,
)
from workbench.suggest.topics import TopicsReport, Transform, fit_topics, topics_report
from workbench.suggest.units import Unit

LOCAL = "local"
LOCAL_CPUS = 2
PARQUET_ROWS = 50_000
BATCHES_PER_ACTOR = 4  # small enough that every actor gets work and progress moves, large enough to batch
RETRIES = {"max_restarts": 3, "max_task_retries": 3}  # see _map_batches
CONNECT_TIMEOUT_S = 10.0


class ClusterUnreachable(WorkbenchError):
    """The cluster at `where` did not answer: the window tells its user in their language what to check."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"cannot reach the Ray cluster at {where}: {reason}")
        self.where = where


def _host_port(address: str) -> tuple[str, int] | None:
    """(host, port) of a `HOST:PORT` or `ray://HOST:PORT` address; None for `auto` and other forms Ray
    resolves itself."""
    bare = address.removeprefix("ray://").rstrip("/")
    host, _, port = bare.rpartition(":")
    if not host or not port.isdigit():
        return None
    return host.strip("[]"), int(port)


def _check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Fail in seconds when nothing listens at the address: Ray itself retries a silent head node for
    minutes before it gives up, leaving the user in front of a frozen progress bar."""
    where = _host_port(address)
    if where is None:
        return
    try:
        with socket.create_connection(where, timeout=timeout):
            pass
    except OSError as exc:
        reason = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise ClusterUnreachable(address, reason) from exc


def _import_ray() -> Any:
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise WorkbenchError(
            "--cluster needs Ray, which is not installed: pip install 'verbatim-workbench[cluster]'"
        ) from exc
    return ray


@contextmanager
def joined(address: str | None = LOCAL) -> Iterator[Any]:
    """Ray, joined to the cluster at `address` for the duration: `local` (or None) means `RAY_ADDRESS` when
    set, else a new two-CPU cluster on this machine that ends with the block. A Ray session the caller already
    opened is used as it is and left open."""
    ray = _import_ray()
    if ray.is_initialized():
        yield ray
        return
    target = os.environ.get("RAY_ADDRESS") if address in (None, LOCAL) else address
    if target:
        _check_reachable(target)
    quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # the user sees our progress, not Ray's log
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Ray's own warnings would precede our one-line error
            if target:
                ray.init(address=target, **quiet)
            else:
                # Ray binds a local cluster's servers to the machine's network address (it turns even
                # 127.0.0.1 into that address); its token authentication, on by default for a new local
                # cluster, keeps the machine's neighbours out. Its workers list the Parquet files
                # (`_dataset`), so each settles the HTTP import first.
                ray.init(num_cpus=LOCAL_CPUS, runtime_env={
                    "worker_process_setup_hook": f"{__name__}._settle_http_filesystem"}, **quiet)
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError or its own types
        raise ClusterUnreachable(target or "a local cluster on this machine", _first_line(exc)) from exc
    try:
        yield ray
    finally:
        ray.shutdown()  # ends this job: its actors and pending batches stop with it


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class _Recipe:
    """How an actor gets its embedder: the fitted object itself (lexical, or one given by the caller), or
    the spec it rebuilds with `get_embedder`, so semantic weights load on the worker, not over the wire."""

    def __init__(self, model: Embedder, language: str, device: str) -> None:
        semantic = model.model_id == "e5-small" or model.model_id.startswith("st:")
        if isinstance(model, LexicalEmbedder):
            model.ensure_fitted()  # once here, not once per actor
        self.model = None if semantic else model
        self.spec = model.model_id  # a semantic model's cache key is also the spec that rebuilds it
        self.language = language
        self.device = device

    def build(self) -> Embedder:
        if self.model is not None:
            return self.model
        return get_embedder(self.spec, language=self.language, device=self.device)[0]


class _EncodeActor:
    """One per Ray worker: loads the model once, then encodes the batches Ray Data hands it."""

    def __init__(self, recipe: _Recipe) -> None:
        self.model = recipe.build()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = np.asarray(self.model.encode([str(text) for text in batch["text"]]), dtype=np.float32)
        return {"unit_kind": batch["unit_kind"], "unit_id": batch["unit_id"], "vector": vectors}


def _write_parquet(units: Sequence[Unit], folder: Path, batch: int) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = []
    rows = math.ceil(PARQUET_ROWS / batch) * batch  # files split on batch boundaries, as a local run's
    for begin in range(0, len(units), rows):
        chunk = units[begin : begin + rows]
        table = pa.table({"unit_kind": [u.kind for u in chunk], "unit_id": pa.array([u.id for u in chunk], pa.int64()),
                          "text": [u.text for u in chunk]})
        path = folder / f"units-{begin // rows:05d}.parquet"
        pq.write_table(table, path, row_group_size=batch)  # a row group per batch lets Ray split the file
        paths.append(path)
    return paths


def _settle_http_filesystem() -> None:
    """Ray Data lists several Parquet files from several threads, each asking whether fsspec's HTTP
    filesystem imports. Without aiohttp (not needed here: the files are local) that import fails, and a
    thread that waited on another thread's failing import gets an ImportError that Ray, expecting
    ModuleNotFoundError, does not catch: every run of more than one file failed. Asked once here, the
    answer is recorded as absent, so every later ask fails at once with ModuleNotFoundError. The listing
    also runs in a Ray worker (a `ListFiles` task, several threads), so the local cluster's workers run
    this too when they start (`joined`)."""
    try:
        import fsspec.implementations.http  # noqa: F401
    except ModuleNotFoundError:
        sys.modules["fsspec.implementations.http"] = None  # type: ignore[assignment]


def _dataset(ray: Any, paths: list[Path], batch: int) -> Any:
    """Read where the Parquet is: a single-node cluster on this machine reads the files; a remote one gets
    them through Ray's object store, since its workers cannot see this machine's disk. A block per batch,
    so vectors come back, and progress moves, batch by batch."""
    import pyarrow.parquet as pq

    remote = ray.util.client.ray.is_connected() or len([n for n in ray.nodes() if n.get("Alive")]) > 1
    if remote:
        tables = [pq.read_table(path) for path in paths]
        return ray.data.from_arrow([table.slice(begin, batch) for table in tables
                                    for begin in range(0, table.num_rows, batch)])
    blocks = sum(math.ceil(pq.ParquetFile(path).metadata.num_rows / batch) for path in paths)
    _settle_http_filesystem()
    return ray.data.read_parquet([str(path) for path in paths], override_num_blocks=blocks)


def plan(resources: dict[str, float], units: int, model_batch: int, wants_gpu: bool,
         row_by_row: bool = True) -> tuple[int, int, bool]:
    """(actors, batch size, on GPU) from the resources Ray reports: one actor per GPU when the model can
    use one, else one per CPU but one. A model that encodes each row on its own (lexical) gets batches
    small enough that each actor has several, so the work spreads and progress moves; a transformer keeps
    its own batch size, so each batch holds the texts a local run puts together (padding to a batch's
    longest text moves the last bits of a vector)."""
    gpus = int(resources.get("GPU", 0))
    use_gpu = wants_gpu and gpus > 0
    cpus = int(resources.get("CPU", 1))
    actors = gpus if use_gpu else max(1, cpus - 1)  # one CPU stays free for Ray Data's reads, or they starve
    batch = max(1, min(model_batch, math.ceil(units / (actors * BATCHES_PER_ACTOR)))) if row_by_row else model_batch
    return actors, batch, use_gpu


def embed_on_cluster(
    project: Project,
    embedder: str | Embedder = "auto",
    *,
    address: str | None = LOCAL,
    units: str | Sequence[Unit] = "auto",
    device: str = "auto",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> EmbedResult:
    """`embed_units` with the encoding done on a Ray cluster; the cache is the same, written whole or not
    at all."""
    model, reason, spec, unit_list = prepare_embedder(project, embedder, units, device)
    started = time.perf_counter()
    missing = missing_units(project, model.model_id, unit_list)
    with joined(address) as ray, tempfile.TemporaryDirectory(prefix="workbench-embed-") as folder:
        wants_gpu = model.model_id.startswith("st:") and device != "cpu"
        semantic = model.model_id == "e5-small" or model.model_id.startswith("st:")
        actors, batch, use_gpu = plan(ray.cluster_resources(), len(missing), model.batch_size, wants_gpu,
                                      row_by_row=not semantic)
        where = "local" if address in (None, LOCAL) and not os.environ.get("RAY_ADDRESS") else "named"
        params = {"cluster": where, "actors": actors, "batch_size": batch}
        if not missing:  # before the recipe: it fits a lexical model, which a cached run must not pay for
            return cache_whole_run(project, model, spec, reason, unit_list, missing, iter(()),
                                   device=model.device, params=params, started=started, progress=progress)
        recipe = _Recipe(model, project.language, "cuda" if use_gpu else device)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = context.print_on_execution_start = False  # ours is the progress shown
        context.raise_original_map_exception = True  # the worker's own error, for a one-line message
        dataset = _map_batches(
            _dataset(ray, _write_parquet(missing, Path(folder), batch), batch), _EncodeActor,
            fn_constructor_args=(recipe,), batch_size=batch, batch_format="numpy",
            concurrency=actors, num_cpus=0 if use_gpu else 1, num_gpus=1 if use_gpu else 0,
        )
        stream = dataset.iter_batches(batch_size=batch, batch_format="numpy")
        with _reading(stream, "embed the units"):
            return cache_whole_run(
                project, model, spec, reason, unit_list, missing, _vectors(stream, cancel),
                device="cuda" if use_gpu else model.device, params=params, started=started,
                progress=progress, cancel=cancel,
            )


@contextmanager
def _reading(stream: Any, what: str) -> Iterator[None]:
    """While this process reads a Ray Data stream: a batch that failed on a worker (Ray wraps the worker's
    exception) becomes one line saying what the cluster could not do, and the stream is closed however the
    read ends, which stops the batches still in flight."""
    try:
        yield
    except (WorkbenchError, Cancelled):
        raise
    except Exception as exc:
        raise WorkbenchError(f"the cluster could not {what}: {_cause(exc)}") from exc
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def _map_batches(dataset: Any, actor: type, **options: Any) -> Any:
    """`map_batches` on an actor pool whose workers, when one dies (a machine lost, a process killed), are
    restarted and their batch run again, at most `RETRIES` times: Ray's own default retries forever, so a
    batch that kills every worker it meets (out of memory) would never end the run. Ray 2.60 calls these
    arguments deprecated but names no replacement yet; that warning is not the user's business."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
        return dataset.map_batches(actor, **options, **RETRIES)


def _vectors(stream: Any, cancel: CancelToken | None) -> Iterator[tuple[Sequence[str], Sequence[int], np.ndarray]]:
    for batch in stream:
        if cancel is not None:
            cancel.check()
        yield list(batch["unit_kind"]), batch["unit_id"].tolist(), np.asarray(batch["vector"], dtype=np.float32)


def _cause(exc: BaseException) -> str:
    """The worker's own message, not the layers of Ray's wrappers around it."""
    seen = exc
    while True:
        inner = getattr(seen, "cause", None) or seen.__cause__
        if not isinstance(inner, BaseException) or inner is seen:
            return _first_line(seen)
        seen = inner


class _PlaceActor:
    """One per Ray worker: holds the fitted UMAP, shipped once when the actor starts, and places the units
    of one batch (a dataset row) on its map."""

    def __init__(self, reducer: Any) -> None:
        self.reducer = reducer

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        placed = [np.asarray(self.reducer.transform(np.asarray(vectors, dtype=np.float32)))
                  for vectors in batch["vectors"]]
        return {"first": batch["first"], "placed": placed}


def transform_on(ray: Any) -> Transform:
    """`topics.transform_here` on the joined cluster: each batch of vectors is one row of a Ray dataset,
    so every worker transforms exactly the batches this process would, and the topics come out the same."""

    def transform(reducer: Any, vectors: np.ndarray, batch: int, progress: ProgressCallback,
                  cancel: CancelToken | None) -> np.ndarray:
        starts = range(0, len(vectors), batch)
        actors = plan(ray.cluster_resources(), len(starts), 1, wants_gpu=False)[0]
        rows = [{"first": begin, "vectors": vectors[begin : begin + batch]} for begin in starts]
        dataset = _map_batches(ray.data.from_items(rows, override_num_blocks=len(rows)), _PlaceActor,
                               fn_constructor_args=(reducer,), batch_size=1, batch_format="numpy",
                               concurrency=min(actors, len(rows)), num_cpus=1)
        placed: dict[int, np.ndarray] = {}
        stream = dataset.iter_batches(batch_size=None, batch_format="numpy")
        with _reading(stream, "place the units on the topic map"):
            for out in stream:
                if cancel is not None:
                    cancel.check()
                for first, part in zip(out["first"].tolist(), out["placed"]):
                    placed[int(first)] = np.asarray(part)
                progress(min(len(vectors), sum(len(p) for p in placed.values())), len(vectors),
                         "placing the units on the topic map (cluster)")
        if sorted(placed) != list(starts):
            raise WorkbenchError(f"the cluster returned {len(placed)} of {len(starts)} batches; nothing was stored")
        return np.concatenate([placed[begin] for begin in starts])

    return transform


def topics_on_cluster(
    project: Project,
    *,
    address: str | None = LOCAL,
    units: str | Sequence[Unit] = "auto",
    embedder: str | Embedder = "auto",
    min_size: int | None = None,
    device: str = "auto",
    umap_sample: int | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """`fit_topics` with its heavy steps on the Ray cluster at `address` (as in `joined`); returns the run id.

    The missing vectors are embedded there (`embed_on_cluster`), UMAP is fitted here on a sample of
    `umap_sample` units (default `topics.UMAP_SAMPLE`) and its transform of every unit runs on the cluster's
    workers; HDBSCAN, outlier reassignment, topic words and storage are `fit_topics`'s own. For a fixed seed
    the assignment equals a local `fit_topics` with the same `umap_sample`. Up to that many units UMAP is
    fitted on all of them here, as locally, and on a GPU with cuML the reduction stays here too.
    Everything, vectors included, is stored in one transaction at the end: a cancelled or failed run
    (`Cancelled`, `WorkbenchError` with one line) leaves the project as it was."""
    with joined(address) as ray, project.transaction():
        embed = partial(_embed_for_topics, address=address, requested_device=device)
        return fit_topics(project, units=units, embedder=embedder, min_size=min_size, device=device,
                          progress=progress, cancel=cancel, umap_sample=umap_sample, embed=embed,
                          transform=transform_on(ray))


def run_topics_on_cluster(project: Project, **options: Any) -> TopicsReport:
    """`topics_on_cluster` for a job that reports to its user (the window's Topics job)."""
    return topics_report(project, topics_on_cluster(project, **options))


def _embed_for_topics(project: Project, embedder: str | Embedder, *, units: str | Sequence[Unit], device: str,
                      progress: ProgressCallback, cancel: CancelToken | None, address: str | None,
                      requested_device: str) -> EmbedResult:
    """`embed_on_cluster` with the device the user asked for, not the one `fit_topics` resolved on this
    machine: the cluster's workers may have a GPU this machine lacks."""
    return embed_on_cluster(project, embedder, address=address, units=units,
                            device=requested_device, progress=progress, cancel=cancel)
