"""`workbench demo` finds its steps by name (`STEPS`), so a moved or renamed step fails here, not mid-demo."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import ok

from workbench import demo
from workbench.demo import STEPS, DemoContext, gui_command, sample_dir
from workbench.project import Project


def test_every_step_resolves_to_a_function() -> None:
    for spec in STEPS:
        module_name, function_name = spec.split(":")
        assert callable(getattr(importlib.import_module(module_name), function_name)), spec


def test_sample_corpus_is_found() -> None:
    assert (sample_dir() / "truth.csv").is_file()


def test_gui_command_runs_the_gui_module_in_a_process_of_its_own(tmp_path: Path) -> None:
    command = gui_command(tmp_path / "demo.vwb")
    assert command == [sys.executable, "-m", "ui.app", str(tmp_path / "demo.vwb")]
    # Up to the window: the GUI's own argument parser answers (it runs before Qt is imported).
    shown = subprocess.run([*command[:3], "--help"], check=False, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "workbench-gui" in shown.stdout


def test_gui_command_in_the_packaged_app_is_the_app_itself(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert gui_command(tmp_path / "demo.vwb") == [sys.executable, str(tmp_path / "demo.vwb")]


@pytest.mark.parametrize(("display", "flags", "opened"), [(":0", [], True), (":0", ["--headless"], False),
                                                          ("", [], False)])
def test_demo_opens_the_window_only_on_a_screen_and_unless_headless(
    tmp_path: Path, monkeypatch, display: str, flags: list[str], opened: bool
) -> None:
    def built(out_dir: Path, **_: object) -> DemoContext:
        return DemoContext(Project.create(out_dir / "demo.vwb"), out_dir, sample_dir(), print, print)

    started: list[list[str]] = []
    monkeypatch.setattr(demo, "run_demo", built)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(subprocess, "run", lambda command, **_: started.append(command))
    ok("demo", "--out", tmp_path, *flags)
    assert started == ([gui_command(tmp_path / "demo.vwb")] if opened else [])
