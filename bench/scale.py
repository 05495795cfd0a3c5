"""Scale benchmark (issue 19): N generated verbatims through import, segmentation, `lexical` embedding and
topics, each heavy step on the local path and on a local Ray cluster in the same run, with peak memory.

What it does, in this order, each step a fresh subprocess (so that its peak memory is its own):
1. `workbench new` then `workbench import PROJECT verbatims.csv --text-column commentaire`: the CSV import a
   user runs (local only: the engine has no cluster path for imports).
2. `workbench segment PROJECT`, as the CLI does it (local only, for the same reason).
3. The project file is copied: the copy is the cluster run's project, so both runs start from the same
   state and neither reuses the other's cached vectors.
4. `workbench embed PROJECT --embedder lexical` against the same with `--cluster [ADDRESS]`.
5. `workbench topics PROJECT --embedder lexical` against the same with `--cluster [ADDRESS]` (when the
   installed `workbench topics` has that option; otherwise the cluster side is reported as missing).
6. e5-small on a sample of the units (default 2,000, after a 64-unit warm-up call that loads the model),
   locally (`embed_units`) and on the cluster (`embed_on_cluster`, in one Ray session), and the time for
   1,000,000 units extrapolated from the measured rate, per worker and for the whole run.

Every step runs the engine exactly as its CLI command does (the `workbench` command's own entry point,
in-process in the step's subprocess). Per step: wall seconds, the cluster/local ratio, the peak RSS of the
project process (`ru_maxrss` of the subprocess), and the peak of the summed RSS of its descendant
processes, which are Ray's (raylet, GCS, workers: sampled every 0.5 s from /proc; shared memory such as
Ray's object store counts once in every process mapping it, so the sum is an upper bound). A step given
`--step-timeout` seconds that runs out is stopped and reported with how far its progress line got; its
full time is then extrapolated from that progress (labelled so), or from the earlier result files of
smaller runs in the output folder.

The verbatims are generated, reproducibly (`--seed`), from hand-written French material in the
repository: the sentences of bench/data/french_dev/ (e-mails, chats and survey comments; call excerpts
left out, their turns are not one customer's comment) and the comments of
sample_projects/relation-client/enquete/enquete_vague2.csv, cut into sentences. Each verbatim takes a
channel with the frequencies of a contact centre (survey 40 %, chat 30 %, e-mail 30 %): a survey comment
is 1 to 3 sentences (mostly 2), a chat 2 to 4, an e-mail a greeting, 2 to 6 sentences and a closing (the greetings
and closings of sample_projects/relation-client/fragments.py). Sentences are drawn from their own
channel's pool two times out of three, else from all pools; amounts and durations in them are redrawn so
that repeated sentences do not make whole verbatims repeat. Each row also carries an id, a day-first
date, a region and an NPS score, as a survey export would.

Usage: .venv/bin/python bench/scale.py --units 10000 [--out DIR] [--step-timeout S] [--e5-sample N]
       [--cluster-address ray://HOST:PORT] [--skip-e5 | --redo-e5]
Results: a table on stdout and DIR/scale_<units>.json (DIR defaults to bench/out/scale).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FRENCH_DEV = ROOT / "bench" / "data" / "french_dev"
SAMPLE = ROOT / "sample_projects" / "relation-client"
OUT = ROOT / "bench" / "out" / "scale"
SAMPLE_RATE_S = 0.5
E5_WARM_UP = 64
E5_TARGET = 1_000_000
CHANNELS = (("survey", 0.4), ("chat", 0.3), ("email", 0.3))
REGIONS = ("Bretagne", "Pays de la Loire", "Hauts-de-France", "Occitanie", "Auvergne-Rhône-Alpes",
           "Grand Est", "Normandie", "Île-de-France", "Nouvelle-Aquitaine", "Centre-Val de Loire")
# Weights of 1, 2, 3… sentences per verbatim. One-sentence comments are kept rare: the import leaves out
# texts equal to one already imported, as it would a customer's copy-pasted comment.
SENTENCES = {"survey": (1, 5, 3), "chat": (0, 3, 3, 2), "email": (0, 2, 3, 3, 2, 1)}
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_NUMBER = re.compile(r"\b\d+(?:[,.]\d+)?\b")
_PROGRESS = re.compile(r"^(?P<label>[\w-]+): (?P<done>\d+)/(?P<total>\d+)")


# -- generated verbatims ---------------------------------------------------------------------------------

def _french_dev_texts() -> Iterator[tuple[str, str]]:
    """(channel, text) of every verbatim of the French development set but the call excerpts."""
    for path in sorted(FRENCH_DEV.glob("verbatims_*.txt")):
        channel, lines = "", []
        for line in path.read_text(encoding="utf-8").splitlines() + ["=== end | | | end"]:
            if line.startswith("=== "):
                if channel and channel != "call" and lines:
                    yield channel, "\n".join(lines).strip()
                channel, lines = line.rsplit("|", 1)[1].strip(), []
            else:
                lines.append(line)


def _survey_comments() -> list[str]:
    with (SAMPLE / "enquete" / "enquete_vague2.csv").open(encoding="cp1252", newline="") as handle:
        return [row["commentaire"] for row in csv.DictReader(handle, delimiter=";") if row["commentaire"].strip()]


def _sentences(text: str) -> list[str]:
    """A text's sentences, without the greeting, closing and signature lines a generated e-mail adds."""
    kept = [line for line in text.splitlines() if len(line.split()) > 3]
    return [s.strip() for s in _SENTENCE_END.split(" ".join(kept)) if len(s.split()) >= 3]


@dataclass
class Material:
    """Sentences by channel, and the greetings and closings of e-mails."""

    pools: dict[str, list[str]]
    greetings: list[str]
    closings: list[str]

    def __post_init__(self) -> None:
        self.everything = [sentence for pool in self.pools.values() for sentence in pool]

    @classmethod
    def load(cls) -> Material:
        sys.path.insert(0, str(SAMPLE))
        import fragments  # type: ignore[import-not-found]  # the demo corpus's hand-written fragments

        pools: dict[str, list[str]] = {"survey": [], "chat": [], "email": []}
        for channel, text in _french_dev_texts():
            pools[channel].extend(_sentences(text))
        for comment in _survey_comments():
            pools["survey"].extend(_sentences(comment) or [comment.strip()])
        return cls({k: sorted(set(v)) for k, v in pools.items()}, list(fragments.GREETINGS_PLAIN)
                   + list(fragments.GREETINGS_FORMAL), list(fragments.CLOSINGS_PLAIN))


def _vary(sentence: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(rng.randint(2, 99) if "," not in m.group() else f"{rng.randint(5, 180)},{rng.randint(0, 99):02d}"),
                       sentence)


def verbatim(material: Material, rng: random.Random) -> tuple[str, str]:
    """(channel, text) of one generated verbatim (see the module's docstring)."""
    channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
    sizes = SENTENCES[channel]
    picked = [_vary(rng.choice(material.pools[channel] if rng.random() < 2 / 3 else material.everything), rng)
              for _ in range(rng.choices(range(1, len(sizes) + 1), sizes)[0])]
    if channel == "email":
        return channel, "\n".join([rng.choice(material.greetings), " ".join(picked), rng.choice(material.closings)])
    return channel, " ".join(picked)


def write_verbatims(path: Path, units: int, seed: int) -> Path:
    """A `;`-separated UTF-8 CSV of `units` generated verbatims, kept for later runs of the same size."""
    if path.exists():
        return path
    material = Material.load()
    rng = random.Random(seed)
    partial = path.with_suffix(".part")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["id", "date", "canal", "region", "nps", "commentaire"])
        for number in range(1, units + 1):
            channel, text = verbatim(material, rng)
            out.writerow([f"V{number:07d}", f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2026", channel,
                          rng.choice(REGIONS), rng.randint(0, 10), text])
    partial.rename(path)
    return path


# -- measured subprocesses -------------------------------------------------------------------------------

@dataclass
class Step:
    """One measured subprocess."""

    name: str
    mode: str
    status: str = "ok"
    seconds: float | None = None
    project_peak_mb: float | None = None
    ray_peak_mb: float | None = None
    project_cpu_s: float | None = None  # user + system time: on a shared machine, steadier than wall time
    ray_cpu_s: float | None = None  # of Ray's processes, sampled as their memory is
    last_progress: str = ""
    load_average: tuple[float, float] | None = None  # 1-minute load at its start and end: the machine is shared
    detail: dict[str, Any] = field(default_factory=dict)
    error: str = ""


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, start time, CPU clock ticks used) of every process readable in /proc."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry.name)] = (int(fields[1]), fields[19], int(fields[11]) + int(fields[12]))
    return found


def descendants(root: int) -> dict[int, tuple[str, int]]:
    """pid -> (start time, CPU ticks) of every process below `root` (Ray's raylet, GCS and workers under
    a driver)."""
    table = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in table.items():
        children.setdefault(parent, []).append(pid)
    below, todo = {}, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        below[pid] = table[pid][1:]
        todo.extend(children.get(pid, []))
    return below


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _stop(process: subprocess.Popen[bytes], seen: dict[int, str]) -> None:
    """SIGTERM to the step (its handler shuts Ray down), then SIGKILL to whatever of it is left, checked by
    start time so that no recycled pid is hit."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    alive = _processes()
    for pid, started in seen.items():
        if pid in alive and alive[pid][1] == started:
            os.kill(pid, signal.SIGKILL)


def measure(step: Step, argv: list[str], log: Path, timeout: float) -> Step:
    """Run `argv` (this script in a child role), sampling its descendants' memory until it ends or runs out
    of time. The child writes its own peak RSS and details to a JSON file named after the log."""
    report = log.with_suffix(".json")
    report.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}  # the address is given explicitly
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    seen: dict[int, str] = {}
    ray_peak = 0.0
    ray_ticks: dict[int, int] = {}  # the last CPU count seen of each, so the work of ended workers counts
    with log.open("wb") as handle:
        process = subprocess.Popen([*argv, str(report)], stdout=handle, stderr=subprocess.STDOUT, env=env,
                                   start_new_session=True)
        while process.poll() is None:
            if time.perf_counter() - started > timeout:
                _stop(process, seen)
                step.status = "timeout"
                break
            below = descendants(process.pid)
            seen.update({pid: started_at for pid, (started_at, _) in below.items()})
            ray_ticks.update({pid: ticks for pid, (_, ticks) in below.items()})
            ray_peak = max(ray_peak, sum(rss_mb(pid) for pid in below))
            time.sleep(SAMPLE_RATE_S)
    step.seconds = round(time.perf_counter() - started, 1)
    step.load_average = (round(load_before, 1), round(os.getloadavg()[0], 1))
    step.ray_peak_mb = round(ray_peak) if seen else None
    step.ray_cpu_s = round(sum(ray_ticks.values()) / os.sysconf("SC_CLK_TCK"), 1) if seen else None
    text = log.read_text(encoding="utf-8", errors="replace")
    progress = [line for line in text.splitlines() if _PROGRESS.match(line)]
    step.last_progress = progress[-1] if progress else ""
    if report.exists():
        child = json.loads(report.read_text())
        step.project_peak_mb = child["peak_mb"]
        step.project_cpu_s = child.get("cpu_s")
        step.detail = child.get("detail", {})
        step.error = child.get("error", "") if step.status != "timeout" else ""  # not the SIGTERM's exit
    if step.status == "ok" and (process.returncode or step.error):
        step.status = "failed"
        lines = text.strip().splitlines()
        step.error = step.error if step.error and not lines else (lines[-1] if lines else f"exit {process.returncode}")
    return step


def _child(run: Callable[[], dict[str, Any]], report: str) -> None:
    """Body of a step's subprocess: run, then write the peak RSS of this process and what `run` returned."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwinds, so Ray's shutdown runs
    result: dict[str, Any] = {}
    try:
        result["detail"] = run()
    except SystemExit as exc:
        if exc.code not in (0, None):
            result["error"] = f"exit {exc.code}"
    except Exception as exc:  # noqa: BLE001  # the report says what broke; the parent marks the step failed
        result["error"] = f"{type(exc).__name__}: {exc}"
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_mb"] = round(usage.ru_maxrss / 1024)
    result["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 1)
    Path(report).write_text(json.dumps(result))


def child_cli(args: list[str]) -> dict[str, Any]:
    """The `workbench` command itself, in this process."""
    from workbench.cli import main

    main(args)
    return {}


def child_e5(project_path: str, mode: str, address: str, sample: int, seed: int) -> dict[str, Any]:
    """e5-small on a sample of the project's units after a warm-up call: its rate, and the actors used."""
    from contextlib import nullcontext

    from workbench.project import Project
    from workbench.suggest.embed import embed_units
    from workbench.suggest.units import load_units

    with Project.open(project_path) as project:
        units = load_units(project, "auto")
        chosen = random.Random(seed).sample(units, min(len(units), sample + E5_WARM_UP))
        warm, timed = chosen[:E5_WARM_UP], chosen[E5_WARM_UP:]
        started = time.perf_counter()
        if mode == "local":
            context, embed = nullcontext(), lambda u: embed_units(project, "e5-small", units=u, device="cpu")
        else:
            from workbench.suggest.cluster import embed_on_cluster, joined

            context = joined(address)
            embed = lambda u: embed_on_cluster(project, "e5-small", address=address, units=u, device="cpu")
        with context:
            ray_start = time.perf_counter() - started
            begin = time.perf_counter()
            embed(warm)
            warm_s = time.perf_counter() - begin
            begin = time.perf_counter()
            result = embed(timed)
            timed_s = time.perf_counter() - begin
        params = json.loads(project.scalar("SELECT params FROM runs WHERE id = ?", [result.run_id]))
    workers = int(params.get("actors", 1))
    rate = result.computed / timed_s
    return {"units": result.computed, "seconds": round(timed_s, 1), "warm_up_s": round(warm_s, 1),
            "ray_start_s": round(ray_start, 1) if mode != "local" else None, "workers": workers,
            "units_per_s": round(rate, 1), "units_per_s_per_worker": round(rate / workers, 1),
            "hours_for_1m": round(E5_TARGET / rate / 3600, 2),
            "hours_for_1m_per_worker": round(E5_TARGET / (rate / workers) / 3600, 2)}


# -- the run ---------------------------------------------------------------------------------------------

def topics_has_cluster() -> bool:
    from workbench.cli import cli

    return any(param.name == "cluster" for param in cli.commands["topics"].params)


def project_counts(path: Path) -> dict[str, int]:
    from workbench.project import Project
    from workbench.suggest.units import load_units

    with Project.open(path, read_only=True) as project:
        return {"documents": int(project.scalar("SELECT count(*) FROM documents")),
                "segments": int(project.scalar("SELECT count(*) FROM segments")),
                "units": len(load_units(project, "auto"))}


def engine_version() -> str:
    """The commit measured, and whether the engine had uncommitted changes (engineers share this checkout)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    changed = git("status", "--porcelain", "--", "workbench")
    return git("rev-parse", "--short", "HEAD") + (" with uncommitted changes in workbench/" if changed else "")


def extrapolate(step: Step, units: int, folder: Path) -> str:
    """A timed-out step's full time: from its own progress line, else from the same step in the largest
    smaller run recorded in `folder`, scaled linearly. Always labelled as an extrapolation."""
    found = _PROGRESS.match(step.last_progress)
    if found and int(found["done"]) > 0:
        done, total = int(found["done"]), int(found["total"])
        return (f"extrapolated from progress ({done:,}/{total:,} after {step.seconds:.0f} s): "
                f"about {step.seconds * total / done / 60:.0f} min")
    smaller = []
    for path in folder.glob("scale_*.json"):
        earlier = json.loads(path.read_text())
        if earlier["units"] < units:
            for row in earlier["steps"]:
                if row["name"] == step.name and row["mode"] == step.mode and row["status"] == "ok":
                    smaller.append((earlier["units"], row["seconds"]))
    if not smaller:
        return "no basis for an extrapolation"
    size, seconds = max(smaller)
    return (f"extrapolated linearly from {size:,} units ({seconds:.0f} s): "
            f"about {seconds * units / size / 60:.0f} min")


def run(args: argparse.Namespace) -> dict[str, Any]:
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    work = folder / f"run_{args.units}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    began = time.perf_counter()
    data = write_verbatims(folder / f"verbatims_{args.units}_{args.seed}.csv", args.units, args.seed)
    generated = round(time.perf_counter() - began, 1)
    local, remote = work / "local.vwb", work / "cluster.vwb"
    me = [sys.executable, str(Path(__file__).resolve())]
    steps: list[Step] = []
    address = args.cluster_address

    def cli(name: str, mode: str, *workbench_args: str) -> Step:
        step = measure(Step(name, mode), [*me, "--child-cli", json.dumps(list(workbench_args))],
                       work / f"{name}_{mode}.log", args.step_timeout)
        steps.append(step)
        print(f"{name:<9} {mode:<8} {step.status:<8} {step.seconds:>8.1f} s  {step.project_peak_mb} MB"
              f"  Ray {step.ray_peak_mb} MB  {step.error or (step.last_progress if step.status != 'ok' else '')}", flush=True)
        return step

    from workbench.project import Project

    Project.create(local, language="fr").close()  # as `workbench new` does; creating is not importing
    cli("import", "local", "import", str(local), str(data), "--text-column", "commentaire")
    cli("segment", "local", "segment", str(local))
    counts = project_counts(local)
    shutil.copyfile(local, remote)
    cli("embed", "local", "embed", str(local), "--embedder", "lexical")
    cli("embed", "cluster", "embed", str(remote), "--embedder", "lexical", "--cluster", address)
    cli("topics", "local", "topics", str(local), "--embedder", "lexical")
    if topics_has_cluster():
        cli("topics", "cluster", "topics", str(remote), "--embedder", "lexical", "--cluster", address)
    else:
        steps.append(Step("topics", "cluster", status="missing",
                          error="this checkout's `workbench topics` has no --cluster option"))
    if not args.skip_e5:
        steps += e5_steps(args, work, args.seed)
    for step in steps:
        if step.status == "timeout":
            step.detail["extrapolation"] = extrapolate(step, args.units, folder)
    return {"units": args.units, "seed": args.seed, "generated_s": generated, "counts": counts, "engine": engine_version(),
            "cluster_address": address, "step_timeout_s": args.step_timeout, "cpus": os.cpu_count(),
            "load_average_at_end": os.getloadavg(), "finished_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "steps": [asdict(step) for step in steps]}


def e5_steps(args: argparse.Namespace, work: Path, seed: int) -> list[Step]:
    """e5-small's rate on the run's two projects, locally and on the cluster, on units drawn with `seed`."""
    me = [sys.executable, str(Path(__file__).resolve())]
    steps = []
    for mode in ("local", "cluster"):
        project = work / ("local.vwb" if mode == "local" else "cluster.vwb")
        step = measure(Step("e5", mode), [*me, "--child-e5", str(project), mode, args.cluster_address,
                                          str(args.e5_sample), str(seed)], work / f"e5_{mode}.log", args.step_timeout)
        steps.append(step)
        print(f"e5        {mode:<8} {step.status:<8} {step.seconds:>8.1f} s  {step.detail or step.error}", flush=True)
    return steps


def redo_e5(args: argparse.Namespace, path: Path) -> dict[str, Any]:
    """The results of an earlier run of this size with its e5-small steps measured again (both sides, in
    the same conditions): for a run whose other steps took hours and whose e5 step failed. The sample is
    drawn anew (another seed), since the earlier one's vectors are cached in the projects now."""
    result = json.loads(path.read_text())
    seed = result.get("e5_seed", result["seed"]) + 1
    steps = [step for step in result["steps"] if step["name"] != "e5"]
    steps += [asdict(step) for step in e5_steps(args, Path(args.out) / f"run_{args.units}", seed)]
    result.update(steps=steps, e5_seed=seed, e5_measured_again=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                  e5_engine=engine_version())
    return result


def table(result: dict[str, Any]) -> str:
    """The results as a Markdown table: one row per step, local and cluster side by side."""
    rows = {}
    for step in result["steps"]:
        rows.setdefault(step["name"], {})[step["mode"]] = step

    def cell(step: dict[str, Any] | None) -> str:
        if step is None:
            return "— (no cluster path)"
        if step["status"] == "missing":
            return "— (not available)"
        seconds = f"{step['seconds']:,.1f} s" if step["seconds"] is not None else "—"
        if step["status"] != "ok":
            seconds = f"{step['status']} at {seconds}"
        cpu = f"CPU {step['project_cpu_s']:,.0f} s" if step.get("project_cpu_s") is not None else "CPU —"
        if step.get("ray_cpu_s") is not None:
            cpu += f" + Ray {step['ray_cpu_s']:,.0f} s"
        memory = f"{step['project_peak_mb']:,} MB" if step["project_peak_mb"] else "—"
        if step["ray_peak_mb"]:
            memory += f" + Ray {step['ray_peak_mb']:,} MB"
        return f"{seconds}; {cpu}; {memory}"

    def cpu_total(step: dict[str, Any]) -> float | None:
        if step.get("project_cpu_s") is None:
            return None
        return step["project_cpu_s"] + (step.get("ray_cpu_s") or 0)

    lines = [(f"{result['units']:,} verbatims: {result['counts']['documents']:,} documents, "
              f"{result['counts']['units']:,} units ({result['finished_at']})"),
             ("| step | local: wall; CPU; peak RSS | local Ray cluster: wall; CPU project + Ray; peak RSS project "
              "+ Ray | cluster/local wall | cluster/local CPU |"),
             "|---|---|---|---|---|"]
    for name, sides in rows.items():
        here, there = sides.get("local"), sides.get("cluster")
        ratio = cpu_ratio = "—"
        if here and there and here["status"] == there["status"] == "ok" and here["seconds"]:
            ratio = f"{there['seconds'] / here['seconds']:.2f}"
            if cpu_total(here) and cpu_total(there) is not None:
                cpu_ratio = f"{cpu_total(there) / cpu_total(here):.2f}"
        lines.append(f"| {name} | {cell(here)} | {cell(there)} | {ratio} | {cpu_ratio} |")
    for step in result["steps"]:
        if step["name"] == "e5" and step["status"] == "ok":
            d = step["detail"]
            lines.append(f"e5 {step['mode']}: {d['units']:,} units in {d['seconds']} s on {d['workers']} worker(s): "
                         f"{d['units_per_s_per_worker']} units/s per worker; 1,000,000 units extrapolated: "
                         f"{d['hours_for_1m_per_worker']} h on one worker, {d['hours_for_1m']} h as run")
        if "extrapolation" in step["detail"]:
            lines.append(f"{step['name']} {step['mode']}: {step['detail']['extrapolation']}")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-cli":
        _child(lambda: child_cli(json.loads(sys.argv[2])), sys.argv[3])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--child-e5":
        project, mode, address, sample, seed, report = sys.argv[2:8]
        _child(lambda: child_e5(project, mode, address, int(sample), int(seed)), report)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000, help="verbatims to generate (default 1,000,000)")
    parser.add_argument("--out", default=str(OUT), help="folder for the CSV, the projects, logs and results")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--step-timeout", type=float, default=2400, help="seconds a step may run (default 40 min)")
    parser.add_argument("--e5-sample", type=int, default=2000, help="units e5-small encodes for its rate")
    parser.add_argument("--skip-e5", action="store_true", help="leave the e5-small rate out")
    parser.add_argument("--cluster-address", default="local",
                        help="Ray address for the cluster side (default: a private 2-CPU cluster on this machine)")
    parser.add_argument("--redo-e5", action="store_true",
                        help="measure only the e5-small steps again, on the projects of the last run of this size")
    args = parser.parse_args()
    if args.units < 1:
        parser.error("--units must be at least 1")
    path = Path(args.out) / f"scale_{args.units}.json"
    if args.redo_e5 and not path.exists():
        parser.error(f"--redo-e5 needs an earlier run's results: {path} does not exist")
    result = redo_e5(args, path) if args.redo_e5 else run(args)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(table(result))
    print(f"results: {path}")


if __name__ == "__main__":
    main()
