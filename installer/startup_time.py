"""`python installer/startup_time.py FOLDER`: how long the built app takes to show its window and to find
its first topics, cold and warm, offscreen. Prints one line per figure; `--json` for the numbers alone.

- window: from launch until the main window is shown and the process has quit
  (`VERBATIM_QUIT_WHEN_SHOWN`, ui/app.py). Cold: every file of the app folder dropped from the page cache
  first (as after a reboot, for the app's own files); warm: the median of three launches after it.
- first topic: `verbatim-workbench cli topics` on the demo survey (300 documents: UMAP and HDBSCAN) whose
  vectors were computed beforehand, so the figure is the topic step alone. Cold: the app's files dropped
  from the page cache and an empty user cache folder (the first topic run after installing; the GPU
  edition's numba caches its compiled functions there); warm: the run after it.
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
from pathlib import Path

WARM_RUNS = 3


def drop_from_page_cache(folder: Path) -> None:
    """Ask the kernel to forget the cached pages of every file in `folder` (no privileges needed for
    files nobody has modified since they were written to disk)."""
    os.sync()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                descriptor = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)


def timed(command: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, check=False, env=environment, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"startup_time: {' '.join(command)} failed ({result.returncode}):\n"
                         f"{result.stderr[-2000:]}")
    return seconds


def measure(folder: Path, corpus: Path) -> dict[str, float]:
    app = str(folder / "verbatim-workbench")
    with tempfile.TemporaryDirectory(prefix="verbatim-startup-") as scratch:
        home = Path(scratch)
        base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
                "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")}
        window = {**base, "VERBATIM_QUIT_WHEN_SHOWN": "1"}
        drop_from_page_cache(folder)
        figures = {"window_cold_s": timed([app], window)}
        figures["window_warm_s"] = statistics.median(timed([app], window) for _ in range(WARM_RUNS))

        project = str(home / "topics.vwb")
        cli = [app, "cli"]
        timed([*cli, "new", project, "--language", "fr"], base)
        timed([*cli, "import", project, str(corpus)], base)
        timed([*cli, "embed", project, "--units", "documents", "-q"], base)
        topics = [*cli, "topics", project, "--units", "documents", "-q"]
        drop_from_page_cache(folder)
        figures["first_topic_cold_s"] = timed(topics, base)  # $XDG_CACHE_HOME is empty
        figures["first_topic_warm_s"] = timed(topics, base)
        figures["numba_cache_files"] = sum(1 for path in (home / "cache").rglob("*") if path.is_file())
    return {name: round(value, 2) for name, value in figures.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the built app folder, e.g. dist/cpu/verbatim-workbench")
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parents[1] / "sample_projects" / "relation-client" / "enquete")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    figures = measure(options.folder.resolve(), options.corpus)
    if options.json:
        print(json.dumps(figures))
    else:
        print(f"window shown: cold {figures['window_cold_s']:.2f} s, warm {figures['window_warm_s']:.2f} s "
              f"(median of {WARM_RUNS})")
        print(f"first topic (300 documents, UMAP + HDBSCAN): cold {figures['first_topic_cold_s']:.1f} s "
              f"(empty cache folder), warm {figures['first_topic_warm_s']:.1f} s "
              f"({figures['numba_cache_files']} files in the cache folder)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
