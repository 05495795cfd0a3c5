"""End to end at scale: `workbench suggest` and `workbench topics` on 10,000 French units, cold and cached.

Usage: `python bench/suggest_scale.py [--units 10000] [--embedders auto lexical] [--jobs suggest topics]`.

The corpus: bench/data/french_dev/'s 300 verbatims are too few, so each unit is one of them (taken in turn)
varied two ways, with a fixed seed: one sentence of another verbatim of the same contact reason and channel
family is inserted at a random place in its body (for a call, a customer's turn of another call; in an
e-mail, between the greeting and the closing lines), and a third of the texts with four sentences or more
lose one of them (never the first); a text already made is drawn again, with two sentences lent after 25
tries. Sentences are split at
line ends and after . ! ? …; a call's pieces are its turns. So the vocabulary and style are the
development set's, the texts differ, and each keeps its base verbatim's contact reason (the inserted
sentence shares it) and relationship form (the inserted one may speak of another form, so those labels
are noisier). Calls are written as .txt transcripts, e-mails as .eml files, chats and survey comments as
CSV tables, and imported with `import_paths` as the user's import does, then segmented (spaCy), with the
shipped schemes contact_reasons and relationship_forms loaded and 5 units per code of the development set
coded by a coder "bench". That project is kept in bench/out/ (suggest_scale_<units>.vwb) so later runs
skip the preparation.

Each measured step runs the command line in a fresh process on a fresh copy of that project
(`workbench suggest PROJECT --units documents`, `workbench topics PROJECT --units documents`; whole
documents as units, so there are exactly `--units` of them), through a thin runner that afterwards reports
how many classifiers the run fitted (`workbench.suggest.evidence.fits`). Per step: wall time, CPU time
(user + system, from `os.wait4`), peak resident memory of the process (ru_maxrss), the vectors in the
project's cache before and after, and the load average around it. Steps, for each embedder:
- suggest cold: nothing cached, every unit embedded;
- suggest cached: the same command again (vectors, code vectors and the recorded evidence reused);
- topics cold: on another copy with nothing cached;
- topics cached: again on that copy.
`auto` is e5-small for a French project (the default); `lexical` is the same-run baseline. The results go
to bench/out/suggest_scale_<units>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
OUT = ROOT / "bench" / "out"
SCHEMES = {"reason": "contact_reasons", "form": "relationship_forms"}
CODED_PER_CODE = 5
SEED = 17
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?<!\b[A-Z]\.)\s+")  # not after an initial ("Julien M.")
MIN_LENT_CHARS = 20
TRIES = 50


def pieces(text: str, channel: str) -> list[str]:
    """A verbatim's lines, and each line's sentences unless it is a call's turn."""
    lines = [line for line in text.split("\n") if line.strip()]
    if channel == "call":
        return lines
    return [sentence for line in lines for sentence in _SENTENCE_END.split(line) if sentence.strip()]


def _joined(parts: list[str], channel: str) -> str:
    """Pieces back into a text: e-mails and calls line by line, chats and survey comments as one paragraph."""
    return "\n".join(parts) if channel in ("call", "email") else " ".join(parts)


def _insertable(item: dict[str, str]) -> list[str]:
    """What another verbatim may lend: a customer's turn of a call; any but the first and last sentence of
    an e-mail (greeting, signature); any sentence of a chat or survey comment."""
    found = pieces(item["text"], item["channel"])
    if item["channel"] == "call":
        found = [p for p in found if p.lower().startswith("client")]
    elif item["channel"] == "email":
        found = found[1:-1]
    return [p for p in found if len(p) >= MIN_LENT_CHARS]


def generate(n: int, seed: int = SEED) -> list[dict[str, str]]:
    """`n` varied verbatims with their base verbatim's labels and channel (see the module docstring)."""
    from suggest import load_french_dev

    items = load_french_dev()
    rng = random.Random(seed)
    donors: dict[tuple[str, bool], list[dict[str, str]]] = {}
    for item in items:
        donors.setdefault((item["reason"], item["channel"] == "call"), []).append(item)
    made, seen = [], set()
    for i in range(n):
        base = items[i % len(items)]
        lenders = [d for d in donors[(base["reason"], base["channel"] == "call")] if d is not base and _insertable(d)]
        for attempt in range(TRIES):  # a text already made (a short verbatim, the same draw) is drawn again
            parts = pieces(base["text"], base["channel"])
            if len(parts) >= 4 and rng.random() < 1 / 3:
                del parts[rng.randrange(1, len(parts))]
            for _ in range(1 if attempt < TRIES // 2 else 2):  # two lent sentences when one keeps repeating
                lent = rng.choice(_insertable(rng.choice(lenders)))
                low = 1 if base["channel"] in ("email", "call") and len(parts) > 1 else 0
                high = len(parts)
                if base["channel"] == "email" and len(parts) > 2:  # before the closing (and the name)
                    high = len(parts) - (2 if len(parts) > 3 else 1)
                parts.insert(rng.randint(low, max(low, high)), lent)
            text = _joined(parts, base["channel"])
            if text not in seen:
                break
        seen.add(text)
        made.append({**base, "text": text, "title": f"u{i:05d}"})
    return made


def _write_files(made: list[dict[str, str]], folder: Path) -> dict[str, Path]:
    """Calls as .txt, e-mails as .eml, chats and survey comments as one CSV table each."""
    import csv

    paths = {kind: folder / kind for kind in ("call", "email")}
    for path in paths.values():
        path.mkdir()
    tables = {kind: (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") for kind in ("chat", "survey")}
    writers = {kind: csv.writer(handle, delimiter=";") for kind, handle in tables.items()}
    for writer in writers.values():
        writer.writerow(["titre", "texte"])
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for i, item in enumerate(made):
        channel = item["channel"]
        if channel == "call":
            (paths["call"] / f"{item['title']}.txt").write_text(item["text"] + "\n", encoding="utf-8")
        elif channel == "email":
            message = EmailMessage()
            message["From"] = f"client{i}@example.org"
            message["To"] = "service@example.com"
            message["Subject"] = item["title"]
            message["Date"] = format_datetime(start + timedelta(hours=7 * i))
            message.set_content(item["text"])
            (paths["email"] / f"{item['title']}.eml").write_bytes(bytes(message))
        else:
            writers[channel].writerow([item["title"], item["text"]])
    for handle in tables.values():
        handle.close()
    return {"call": paths["call"], "email": paths["email"], "chat": folder / "chat.csv",
            "survey": folder / "survey.csv"}


def prepare(n: int, path: Path) -> dict:
    """The project every step starts from: imported, segmented, both schemes, 5 coded per code."""
    from workbench.codebook_yaml import load_scheme
    from workbench.coding import apply_code
    from workbench.ingest.folder import import_file, import_paths
    from workbench.project import Project
    from workbench.suggest.codes import select_codes
    from workbench.text.segment import segment_project

    made = generate(n)
    distinct = len({item["text"] for item in made})
    timings = {}
    with tempfile.TemporaryDirectory() as folder:
        files = _write_files(made, Path(folder))
        partial = path.with_suffix(".partial.vwb")
        partial.unlink(missing_ok=True)
        project = Project.create(partial, language="fr")
        started = time.perf_counter()
        for kind in ("call", "email"):
            import_paths(project, [files[kind]], kind=kind)
        for kind in ("chat", "survey"):
            import_file(project, files[kind], kind=kind, text_column="texte", title_column="titre")
        timings["import s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    segment_project(project)
    timings["segment s"] = round(time.perf_counter() - started, 1)
    ids = dict(project.rows("SELECT title, id FROM documents"))
    missing = [item["title"] for item in made if item["title"] not in ids]
    if missing:
        raise SystemExit(f"{len(missing)} generated units were not imported, e.g. {missing[:3]}")
    coded = 0
    for column, scheme in SCHEMES.items():
        load_scheme(project, scheme)
        code_id = {code["key"]: code["id"] for code in select_codes(project, [scheme])}
        taken: dict[str, int] = {}
        for item in made:
            key = item[column]
            if taken.get(key, 0) < CODED_PER_CODE:
                apply_code(project, ids[item["title"]], code_id[key], coder="bench")
                taken[key] = taken.get(key, 0) + 1
                coded += 1
    kinds = dict(project.rows("SELECT kind, count(*) FROM documents GROUP BY kind"))
    project.close()
    partial.rename(path)
    return {"units": n, "distinct texts": distinct, "documents by kind": kinds, "codings": coded, **timings}


def child(command: list[str], report: Path) -> None:
    """Run one `workbench` command in this process, then write how many classifiers it fitted."""
    from workbench.cli import cli

    try:
        cli.main(args=command, standalone_mode=False)
    finally:
        fits = {}
        if "workbench.suggest.evidence" in sys.modules:
            fits = dict(sys.modules["workbench.suggest.evidence"].fits)
        report.write_text(json.dumps({"fits": fits}))


def _cached_vectors(path: Path) -> dict[str, int]:
    from workbench.project import Project

    with Project.open(path, read_only=True) as project:
        return dict(project.rows("SELECT model || ' ' || unit_kind, count(*) FROM embeddings GROUP BY ALL"))


def measure(label: str, command: list[str], project: Path) -> dict:
    """One step in a fresh process: wall, CPU and peak memory of that process alone."""
    before = _cached_vectors(project)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--child", str(report), "--", *command],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{label} failed ({process.returncode}):\n{output[-3000:]}")
    fits = json.loads(report.read_text())["fits"]
    report.unlink()
    row = {"step": label, "wall s": round(wall, 1), "cpu s": round(usage.ru_utime + usage.ru_stime, 1),
           "peak MB": round(usage.ru_maxrss / 1024), "fits": sum(fits.values()),
           "vectors before": sum(before.values()), "vectors after": sum(_cached_vectors(project).values()),
           "load before/after": f"{load_before:.1f}/{os.getloadavg()[0]:.1f}",
           "output": [line for line in output.splitlines() if line.strip()][:40]}
    print(f"{label}: wall {row['wall s']} s, cpu {row['cpu s']} s, peak {row['peak MB']} MB, fits {row['fits']}, "
          f"vectors {row['vectors before']} -> {row['vectors after']}, load {row['load before/after']}", flush=True)
    return row


def run(n: int, embedders: list[str], jobs: list[str]) -> dict:
    template = OUT / f"suggest_scale_{n}.vwb"
    setup = {}
    if not template.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        setup = prepare(n, template)
        print(f"prepared: {setup}", flush=True)
    else:  # kept from an earlier run: brought up to the current schema once, not in every measured step
        from workbench.project import Project

        Project.open(template).close()
    rows = []
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        for embedder in embedders:
            for job in jobs:
                copy = Path(folder) / f"{job}_{embedder}.vwb"
                shutil.copyfile(template, copy)
                command = [job, str(copy), "--units", "documents", "--embedder", embedder, "--quiet"]
                for state in ("cold", "cached"):
                    row = measure(f"{job} {embedder} {state}", command, copy)
                    rows.append({"embedder": embedder, "job": job, "state": state, **row})
                copy.unlink()
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu count": os.cpu_count(),
            "units": n, "setup": setup, "rows": rows}


def print_table(result: dict) -> None:
    print(f"\n{result['units']} units, {result['date']}, {result['cpu count']} CPUs")
    print("| step | wall s | cpu s | cpu s per 1,000 units | peak MB | classifiers fitted | vectors cached "
          "before → after | load before/after |\n|---|---|---|---|---|---|---|---|")
    for row in result["rows"]:
        per = row["cpu s"] / result["units"] * 1000
        print(f"| {row['step']} | {row['wall s']} | {row['cpu s']} | {per:.2f} | {row['peak MB']} | {row['fits']} | "
              f"{row['vectors before']} → {row['vectors after']} | {row['load before/after']} |")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[4:], Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument("--embedders", nargs="+", default=["auto", "lexical"])
    parser.add_argument("--jobs", nargs="+", choices=["suggest", "topics"], default=["suggest", "topics"],
                        help="the commands measured (both by default)")
    args = parser.parse_args()
    result = run(args.units, args.embedders, args.jobs)
    (OUT / f"suggest_scale_{args.units}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print_table(result)
    for row in result["rows"]:
        print(f"\n{row['step']}:\n  " + "\n  ".join(row["output"][:25]))


if __name__ == "__main__":
    main()
