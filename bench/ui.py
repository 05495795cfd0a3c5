"""Benchmark: how the window feels, measured in fresh processes as a user meets it.

- start: from launching the process to the main window shown on the demo corpus (goal under 2 s);
- first search: the first word search after start-up, through the engine call the search panel makes
  (goal under 200 ms; spaCy must not load on that path);
- a million documents: open a project of 1,000,000 short documents and show the first page of the list
  (goal under 1 s, resident memory under 500 MB), then scroll 10,000 rows a page at a time (ms per page);
- apply a code: from a selection to the coding committed and the window repainted (goal under 50 ms);
- a trainer's table: 500 passages (code, document, reference, passage, score) filled into the score table
  the feedback views use, filled again, and the window widened (goal under 100 ms each).

Every measure runs in a child process (`--child WHAT PROJECT`) started fresh, under the offscreen Qt
platform, so start-up costs (imports, model loads) are counted as a user pays them. Baseline, in the same
run: the same child on another checkout with `--compare CHECKOUT` (a git worktree of an older commit),
alternated over `--rounds` rounds; without it, the ratio column compares with Python's own start-up
(`python -c pass`) so the start figure reads against what no program can beat.

Usage: .venv/bin/python bench/ui.py [--documents 1000000] [--rounds 3] [--compare CHECKOUT] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --root: whose packages are measured (another checkout's, for --compare).
sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1] if "--root" in sys.argv else str(ROOT))

SEARCH_WORD = "facture"


# -- projects ---------------------------------------------------------------------------------------
def build_demo(path: Path) -> None:
    """The demo corpus imported and indexed (what a search needs), without suggestions or topics."""
    from workbench.demo import sample_dir
    from workbench.ingest.folder import import_paths
    from workbench.project import Project
    from workbench.text.segment import segment_project

    corpus = sample_dir()
    with Project.create(path) as project:
        import_paths(project, [corpus / folder for folder in ("appels", "emails", "enquete", "entretiens")])
        segment_project(project)
        codes = project.rows("SELECT count(*) FROM codes")[0][0]
        if not codes:
            from workbench import codebook

            codebook.create_code(project, "Facturation", color="#E69F00")


def build_large(path: Path, documents: int) -> None:
    """`documents` short survey answers in bulk SQL, with one coded document per thousand."""
    from workbench import codebook
    from workbench.project import Project

    with Project.create(path) as project:
        code = codebook.create_code(project, "Facturation", color="#E69F00")
        with project.transaction():
            project.execute("INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 'bench.csv', '/bench', 'x')")
            project.execute(
                """
                INSERT INTO documents (source_id, kind, title, text, n_chars, content_hash, position)
                SELECT 1, 'survey', NULL, t, length(t), hash(t), i
                FROM (SELECT i, 'Réponse ' || i || ' : la facture est arrivée en retard, je suis déçu.' AS t
                      FROM range(1, ? + 1) r(i))
                """,
                [documents],
            )
            project.execute("INSERT INTO coders (name, role) VALUES ('bench', 'analyst')")
            project.execute(
                "INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                "SELECT uuid(), id, ?, 0, 7, (SELECT id FROM coders WHERE name = 'bench'), 'manual' "
                "FROM documents WHERE id % 1000 = 0",
                [code],
            )


# -- children: one measure each, in a fresh process -------------------------------------------------------
def _window(project_path: Path):
    from PySide6.QtWidgets import QApplication

    from ui.views.main_window import MainWindow
    from workbench.project import Project

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = MainWindow(Project.open(project_path), coder="bench")
    window.show()
    app.processEvents()
    return app, window


def child_start(project_path: Path) -> dict[str, float]:
    _app, window = _window(project_path)
    shown = time.time()
    started = time.perf_counter()
    from workbench.search import search

    result = search(window.project, SEARCH_WORD)
    first_search = time.perf_counter() - started
    later = []
    for _ in range(5):
        started = time.perf_counter()
        search(window.project, SEARCH_WORD)
        later.append(time.perf_counter() - started)
    return {"shown_at": shown, "first_search_s": first_search, "later_search_s": statistics.median(later),
            "hits": float(len(result.hits)), "spacy_loaded": float("spacy" in sys.modules)}


def child_large(project_path: Path) -> dict[str, float]:
    from PySide6.QtCore import QModelIndex

    app, window = _window(project_path)
    shown = time.time()
    model = window.documents.model()
    first_row = model.data(model.index(0, 2))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    view = window.documents
    page = max(1, view.viewport().height() // max(1, view.verticalHeader().defaultSectionSize()))
    rows = 10_000
    started = time.perf_counter()
    steps = 0
    for row in range(0, rows, page):
        while model.rowCount() <= row and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # a model that loads as it scrolls (an older checkout's)
        view.scrollTo(model.index(row, 0))
        app.processEvents()
        steps += 1
    scroll = (time.perf_counter() - started) / max(steps, 1)
    return {"shown_at": shown, "rss_mb": rss_mb, "scroll_ms_per_page": scroll * 1000, "rows_per_page": float(page),
            "first_row_ok": float(first_row is not None), "rss_after_scroll_mb":
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child_code(project_path: Path) -> dict[str, float]:
    app, window = _window(project_path)
    from workbench import codebook

    code_id = codebook.find_code(window.project, "Facturation")
    times = []
    for row in range(20):
        window.documents.selectRow(row)
        app.processEvents()
        text = window.viewer.view.text
        end = min(len(text), 12)
        window.viewer.select_span(0, end)
        started = time.perf_counter()
        window.code_selection(code_id)
        app.processEvents()  # the refresh the change's events asked for, and the repaint
        window.viewer.viewport().repaint()
        times.append(time.perf_counter() - started)
    return {"apply_code_ms": statistics.median(times) * 1000, "apply_code_max_ms": max(times) * 1000}


def child_table(project_path: Path) -> dict[str, float]:
    """The feedback views' table of misses for a trainee who missed 500 passages (`project_path` unused:
    the table is filled as the views fill it, from rows)."""
    from PySide6.QtWidgets import QApplication

    from ui.views.score_table import ScoreTable

    app = QApplication.instance() or QApplication([])
    rows = [(f"Motifs de contact/Facturation/Sous-motif {i % 17}", f"appel_{i:04d}.txt", f"Référence {i % 9}",
             "Le client explique que sa facture de mars est deux fois plus élevée que d'habitude. " * 3,
             (f"{i % 100} %", (i % 100) / 100)) for i in range(500)]
    table = ScoreTable(["Code", "Document", "Référence", "Passage", "Score"], numeric=(4,), compact=(1,))
    table.resize(1000, 600)
    table.show()
    app.processEvents()
    measures = {}
    for name, step in (("fill_ms", lambda: table.fill(rows)), ("refill_ms", lambda: table.fill(rows[::-1])),
                       ("widen_ms", lambda: table.resize(1400, 600))):
        started = time.perf_counter()
        step()
        app.processEvents()
        measures[name] = (time.perf_counter() - started) * 1000
    return measures


def child_build(project_path: Path, documents: int) -> dict[str, float]:
    """Build a bench project with the measured checkout's own code (its schema version)."""
    started = time.perf_counter()
    if documents:
        build_large(project_path, documents)
    else:
        build_demo(project_path)
    return {"build_s": time.perf_counter() - started}


CHILDREN = {"start": child_start, "large": child_large, "code": child_code, "table": child_table}


def _build(project: Path, root: Path, documents: int) -> None:
    if project.exists():
        return
    project.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(root))
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--build", str(project), str(documents),
                    "--root", str(root)], check=True, env=env, cwd=root)


def _run_child(what: str, project: Path, root: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root),
               VERBATIM_SETTINGS=str(project.parent / "settings.ini"))
    with tempfile.TemporaryDirectory(prefix="bench-ui-copy-") as scratch:
        if what == "code":  # it codes: on a copy, so every run starts from the same project
            project = Path(shutil.copy2(project, Path(scratch) / project.name))
        launched = time.time()
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", what, str(project),
                               "--root", str(root)], capture_output=True, text=True, env=env, cwd=root, check=False,
                              timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"{what} child failed on {root}:\n{done.stderr[-3000:]}")
    measures = json.loads(done.stdout.strip().splitlines()[-1])
    if "shown_at" in measures:
        measures["to_window_s"] = measures.pop("shown_at") - launched
    return measures


def _python_start() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=2, metavar=("WHAT", "PROJECT"), help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, metavar=("PROJECT", "DOCUMENTS"), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build (or reuse) the projects in DIR")
    args = parser.parse_args()
    if args.child:
        what, project = args.child
        print(json.dumps(CHILDREN[what](Path(project))))
        return 0
    if args.build:
        child_build(Path(args.build[0]), int(args.build[1]))
        return 0

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-ui-"))
    folder.mkdir(parents=True, exist_ok=True)
    roots = [("this checkout", ROOT)] + ([("other checkout", args.compare.resolve())] if args.compare else [])
    # Each checkout measures projects its own code built: an older one cannot open a newer schema.
    projects = {}
    for label, root in roots:
        place = folder / ("this" if root == ROOT else "other")
        demo, large = place / "demo.vwb", place / f"large-{args.documents}.vwb"
        _build(demo, root, 0)
        _build(large, root, args.documents)
        projects[label] = (demo, large)
    results: dict[str, list[dict[str, float]]] = {label: [] for label, _ in roots}
    python_start = []
    for round_number in range(args.rounds):
        python_start.append(_python_start())
        for label, root in (roots if round_number % 2 == 0 else roots[::-1]):
            measures = {}
            demo, large = projects[label]
            for what, project in (("start", demo), ("large", large), ("code", demo), ("table", demo)):
                for key, value in _run_child(what, project, root).items():
                    measures[f"{what}.{key}"] = value
            results[label].append(measures)
            print(f"round {round_number + 1}, {label}: " + ", ".join(f"{k} {v:.3g}" for k, v in sorted(measures.items())),
                  flush=True)
    print(f"\nmachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"python -c pass: {statistics.median(python_start) * 1000:.0f} ms (median of {args.rounds})")
    keys = sorted(results[roots[0][0]][0])
    header = "| measure | " + " | ".join(label for label, _ in roots) + (" | ratio |" if args.compare else " |")
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for key in keys:
        medians = [statistics.median(run[key] for run in results[label]) for label, _ in roots]
        ratio = f" {medians[0] / medians[1]:.2f} |" if args.compare and medians[1] else (" |" if args.compare else "")
        print(f"| {key} | " + " | ".join(f"{value:.3g}" for value in medians) + " |" + ratio)
    return 0


if __name__ == "__main__":
    sys.exit(main())
