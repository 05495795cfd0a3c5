"""`workbench demo`: the demo corpus through every pipeline step that exists, with a printed summary.

Each step is a function `step(ctx: DemoContext) -> None` in a module of this package named after the
feature it shows, listed in `STEPS` in pipeline order. A step prints what a user would want to see and may write files into
`ctx.out_dir`. The demo always starts from a fresh project so it can be run again and again.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.progress import ProgressCallback, no_progress
from workbench.project import Project

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_projects" / "relation-client"

# "module:function", in pipeline order.
STEPS: list[str] = [
    "workbench.demo.ingest:demo_step",
    "workbench.demo.text:demo_step",
    "workbench.demo.coding:demo_step",
    "workbench.demo.codebook:demo_step",
    "workbench.demo.suggest:demo_step",
    "workbench.demo.refi:demo_step",
    "workbench.demo.export:demo_step",  # after every step that adds something: exports what they produced
    "workbench.demo.check:demo_step",  # last: the finished project passes `workbench check`
]


@dataclass
class DemoContext:
    project: Project
    out_dir: Path
    sample_dir: Path
    echo: Callable[[str], None]
    progress: Callable[[str], Any]  # label -> context manager yielding a ProgressCallback
    results: dict[str, Any] = field(default_factory=dict)


def sample_dir() -> Path:
    if not SAMPLE_DIR.is_dir():
        raise FileNotFoundError(f"demo corpus not found at {SAMPLE_DIR}")
    return SAMPLE_DIR


def run_demo(
    out_dir: Path,
    echo: Callable[[str], None] = print,
    progress: Callable[[str], Any] | None = None,
) -> DemoContext:
    """Build `out_dir/demo.vwb` from scratch and run every step. Returns the context with step results."""
    from contextlib import nullcontext

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "demo.vwb"
    for stale in (path, Path(str(path) + ".wal")):
        stale.unlink(missing_ok=True)
    project = Project.create(path, language="fr")

    def quiet_progress(label: str) -> Any:
        return nullcontext(no_progress)

    ctx = DemoContext(project, out_dir, sample_dir(), echo, progress or quiet_progress)
    for spec in STEPS:
        module_name, function_name = spec.split(":")
        step: Callable[[DemoContext], None] = getattr(importlib.import_module(module_name), function_name)
        started = time.perf_counter()
        step(ctx)
        ctx.results.setdefault("timings", {})[spec] = round(time.perf_counter() - started, 2)
    return ctx


def excerpt(text: str, limit: int = 70) -> str:
    """A text as a reader sees it quoted on one line: white space collapsed, cut with an ellipsis, in
    French quotes (never a Python repr with its escapes)."""
    flat = " ".join(text.split())
    return f"« {flat if len(flat) <= limit else flat[: limit - 1] + '…'} »"


def next_steps(out_dir: Path) -> list[str]:
    """The tour: what a newcomer can open once the demo has run, each with the command or file to use.
    Only what the demo wrote into `out_dir` is listed."""
    project = out_dir / "demo.vwb"
    if not project.is_file():
        return ["The demo project is not built yet: run `workbench demo` (or `make demo`) first."]
    lines = ["What to open next:",
             f"  the project in the window   workbench-gui {project}",
             "                              (documents, coding, review queue, topics, charts, exports)"]
    files = [("demo.xlsx", "the Excel workbook          ", "one sheet per table: documents, codings, codes…"),
             ("charts", "the charts                  ", "PNG files, one per chart kind"),
             ("demo-iramuteq.txt", "the IRaMuTeQ corpus         ", "for lexical analysis"),
             ("demo.qdpx", "a REFI-QDA copy             ", "for ATLAS.ti, MAXQDA, NVivo, QualCoder")]
    for name, what, note in files:
        path = out_dir / name
        if path.exists():
            lines.append(f"  {what}{path}{'/' if path.is_dir() else ''}   ({note})")
    lines.append(f"  a report in the terminal    workbench report {project} --frequencies")
    lines.append("  the user guide              docs/USER_GUIDE.md")
    return lines


def display_available() -> bool:
    """True when a GUI can be shown (an X11/Wayland display, or a desktop OS)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def gui_command(project: Path) -> list[str] | None:
    """The command that opens `project` in the desktop window, or None when the GUI is not installed.

    The window runs in a process of its own because the engine never imports the GUI (`ui`): in the
    packaged app (`installer/launch.py`) the program itself opens a project it is given, elsewhere the
    interpreter runs `ui.app`, the module behind `workbench-gui`.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, str(project)]
    if importlib.util.find_spec("ui") is None:
        return None
    return [sys.executable, "-m", "ui.app", str(project)]


__all__ = ["STEPS", "DemoContext", "ProgressCallback", "display_available", "excerpt", "gui_command", "next_steps",
           "run_demo"]
