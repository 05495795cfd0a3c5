"""The status bar's device, found without importing torch: a GPU the driver lists and a CUDA build of torch."""

from __future__ import annotations

import importlib.util
import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench.suggest import device


def _fake_torch(folder: Path, cuda: str | None) -> SimpleNamespace:
    package = folder / "torch"
    package.mkdir()
    value = "None" if cuda is None else repr(cuda)
    (package / "version.py").write_text(f"from typing import Optional\n__version__ = '2.13.0'\ncuda: Optional[str] = {value}\n")
    return SimpleNamespace(submodule_search_locations=[str(package)])


def _fake_nvidia_smi(folder: Path, output: str) -> None:
    tool = folder / "nvidia-smi"
    tool.write_text(f"#!/bin/sh\nprintf '{output}'\n")
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)


@pytest.mark.parametrize(("cuda", "listed", "expected"), [
    ("13.0", "NVIDIA H200, 143771\\n", ("cuda", "NVIDIA H200", 140.4)),
    (None, "NVIDIA H200, 143771\\n", ("cpu", None, None)),  # a CPU build of torch cannot use the GPU
    ("13.0", "", ("cpu", None, None)),  # no GPU listed by the driver
])
def test_quick_report_reads_the_driver_and_the_torch_build(tmp_path, monkeypatch, cuda, listed, expected) -> None:
    spec = _fake_torch(tmp_path, cuda)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: spec if name == "torch" else real_find_spec(name, *a))
    _fake_nvidia_smi(tmp_path, listed)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    report = device.quick_report()
    assert (report["auto"], report.get("gpu"), report.get("gpu_memory_gib")) == expected
    assert report["cuda"] == (expected[0] == "cuda")


def test_this_machine_agrees_with_the_full_report() -> None:
    """Where torch is installed, the quick answer is the one `device_report` gives after importing it."""
    assert device.quick_report()["auto"] == device.device_report()["auto"]
