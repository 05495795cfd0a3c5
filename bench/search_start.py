"""Benchmark of the first search after start-up (issue 15, point 8): what a user waits for when the first
thing they do in a fresh window, or in a fresh `workbench search`, is a search.

Set-up, once: the demo corpus (sample_projects/relation-client, 482 documents) imported and segmented
into a project in a temporary folder, by the demo's own import and text steps.

Timed, each query in a fresh interpreter (nothing imported, nothing cached):
- API: `import workbench.search`, `Project.open(..., read_only=True)`, then the first `search()` of the
  query (limit 50, count=True, as the window asks), then the same query and the others again ("later").
  Reported: import + open (ms), first search (ms), later searches (median ms), and whether spaCy was
  imported by then (`sys.modules`).
- CLI: `workbench search PROJECT QUERY`, wall time of the whole process (median of 3 runs).
- GUI (offscreen Qt): the main window over the project, then each query typed in the search panel, from
  `run()` to the `searched` signal (rows shown); the first one is what a user waits for after start-up.

The hit counts of every query (and of a list of forms drawn from the corpus, `--forms N`) are printed
too, as JSON with --json, so that a run on the code before a change can be compared hit for hit.

Usage: .venv/bin/python bench/search_start.py [--project PATH] [--forms N] [--json OUT]
Goal: first search under 200 ms after start-up on the demo project.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A simple word, an inflected word, an elided word, a hyphenated word, a phrase, a prefix, booleans.
QUERIES = ["facture", "remboursée", "l'application", "peut-être", '"mon contrat"', "rembours*",
           "résilier AND NOT satisfait"]

_CHILD = r"""
import json, sys, time
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from workbench.project import Project
from workbench.search import search
project = Project.open(sys.argv[2], read_only=True)
opened = time.perf_counter()
queries = json.loads(sys.argv[3])
first = search(project, queries[0], limit=50, count=True)
done = time.perf_counter()
later = []
for query in queries:
    t = time.perf_counter()
    search(project, query, limit=50, count=True)
    later.append(time.perf_counter() - t)
print(json.dumps({"open_ms": (opened - started) * 1000, "first_ms": (done - opened) * 1000,
                  "later_ms": sorted(later)[len(later) // 2] * 1000, "hits": first.total_hits,
                  "spacy": "spacy" in sys.modules}))
"""

_GUI = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
from workbench.project import Project
from ui.views.main_window import MainWindow
app = QApplication([])
window = MainWindow(Project.open(sys.argv[2], read_only=True))
window.show()
app.processEvents()
shown = time.perf_counter()
panel = window.search_panel
times = []
for query in json.loads(sys.argv[3]):
    if not hasattr(panel, "searched"):  # the panel before issue 15 searched on the GUI thread
        panel.query.setText(query)
        t = time.perf_counter()
        panel.run()
        times.append(time.perf_counter() - t)
        continue
    done = []
    panel.searched.connect(lambda ok, done=done: done.append(ok))
    panel.query.setText(query)
    t = time.perf_counter()
    panel.run()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    times.append(time.perf_counter() - t)
    panel.searched.disconnect()
print(json.dumps({"window_ms": (shown - started) * 1000, "first_ms": times[0] * 1000,
                  "later_ms": sorted(times[1:])[len(times[1:]) // 2] * 1000, "spacy": "spacy" in sys.modules}))
"""

_COUNTS = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from workbench.project import Project
from workbench.search import search
project = Project.open(sys.argv[2], read_only=True)
print(json.dumps({q: search(project, q, limit=0, count=True).total_hits for q in json.loads(sys.argv[3])}))
"""


def build_demo(folder: Path) -> Path:
    """The demo corpus imported and segmented, as `workbench demo` does it."""
    from workbench.demo import DemoContext, sample_dir
    from workbench.demo.ingest import demo_step as ingest_step
    from workbench.demo.text import demo_step as text_step
    from workbench.progress import no_progress
    from workbench.project import Project

    path = folder / "demo.vwb"
    with Project.create(path, language="fr") as project:
        ctx = DemoContext(project, folder, sample_dir(), lambda _line: None, lambda _label: nullcontext(no_progress))
        ingest_step(ctx)
        text_step(ctx)
    return path


def corpus_forms(path: Path, count: int) -> list[str]:
    """`count` surface forms of the corpus, spread over the frequency ranks, as they are written."""
    from workbench.project import Project

    with Project.open(path, read_only=True) as project:
        rows = project.rows(
            """SELECT any_value(substr(d.text, t.start_pos + 1, t.end_pos - t.start_pos)) AS surface, count(*) AS n
               FROM tokens t JOIN documents d ON d.id = t.document_id
               GROUP BY t.form_id ORDER BY n DESC, surface"""
        )
    step = max(1, len(rows) // max(count, 1))
    return [row[0] for row in rows[::step][:count] if '"' not in row[0] and "*" not in row[0]]


def run_child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def time_cli(path: Path, query: str, runs: int = 3) -> float:
    workbench = Path(sys.executable).with_name("workbench")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(workbench), "search", str(path), query], capture_output=True, check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, help="an indexed project (default: build the demo in a temp folder)")
    parser.add_argument("--forms", type=int, default=2000, help="corpus forms whose hit counts are printed")
    parser.add_argument("--json", type=Path, help="write timings and hit counts to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        path = args.project
        if path is None:
            started = time.perf_counter()
            path = build_demo(Path(temp))
            print(f"demo project built in {time.perf_counter() - started:.1f} s")
        rows = []
        for query in QUERIES:
            order = [query, *[q for q in QUERIES if q != query]]
            api = run_child(_CHILD, str(path), json.dumps(order))
            rows.append({"query": query, **api, "cli_ms": time_cli(path, query)})
        gui = run_child(_GUI, str(path), json.dumps(QUERIES))
        print(f"GUI (offscreen): window shown {gui['window_ms']:.0f} ms after start; first search ({QUERIES[0]!r}) "
              f"{gui['first_ms']:.0f} ms from Enter to rows shown, later ones {gui['later_ms']:.0f} ms (median); "
              f"spaCy loaded: {'yes' if gui['spacy'] else 'no'}")
        print(f"{'query':<30} {'import+open':>11} {'first':>9} {'later':>8} {'CLI':>8}  hits  spaCy loaded")
        for row in rows:
            print(f"{row['query']:<30} {row['open_ms']:>8.0f} ms {row['first_ms']:>6.0f} ms {row['later_ms']:>5.0f} ms"
                  f" {row['cli_ms']:>5.0f} ms {row['hits']:>5}  {'yes' if row['spacy'] else 'no'}")
        forms = corpus_forms(path, args.forms)
        counts = run_child(_COUNTS, str(path), json.dumps(QUERIES + forms))
        print(f"hit counts of {len(counts)} queries (the {len(QUERIES)} above and {len(forms)} corpus forms): "
              f"{sum(counts.values())} hits in all")
        if args.json:
            args.json.write_text(json.dumps({"timings": rows, "gui": gui, "counts": counts}, ensure_ascii=False, indent=1),
                                 encoding="utf-8")


if __name__ == "__main__":
    main()
