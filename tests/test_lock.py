"""The lock files: current with pyproject.toml, every package pinned with hashes, stale ones refused."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCKS = [ROOT / "requirements-cpu.lock", ROOT / "requirements-gpu.lock"]


def _fingerprint_module(root: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("lock_fingerprint", root / "installer/lock/fingerprint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lock", LOCKS, ids=lambda path: path.name)
def test_committed_lock_is_current_and_pins_every_package_with_hashes(lock: Path) -> None:
    fingerprint = _fingerprint_module(ROOT)
    assert fingerprint.recorded(lock) == fingerprint.fingerprint(), "run `make lock`"
    text = lock.read_text(encoding="utf-8")
    requirements = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(requirements) > 100
    for line in requirements:
        assert re.fullmatch(r"[a-z0-9._-]+==\S+ \\", line), f"not an exact pin with hashes: {line}"
    blocks = re.split(r"\n(?=[a-z0-9])", text.split("\n", 3)[3])
    assert all("--hash=sha256:" in block for block in blocks)
    for package in ("pip", "setuptools", "wheel", "uv", "pyinstaller", "pytest-timeout", "bertopic"):
        assert re.search(rf"^{package}==", text, re.MULTILINE), package


def test_editions_differ_only_where_they_should() -> None:
    cpu, gpu = (lock.read_text(encoding="utf-8") for lock in LOCKS)
    assert re.search(r"^torch==\d+\.\d+\.\d+\+cpu \\", cpu, re.MULTILINE)
    assert re.search(r"^torch==\d+\.\d+\.\d+ \\", gpu, re.MULTILINE)
    assert "cuml-cu13==" in gpu and "cuml" not in cpu and "nvidia-" not in cpu
    cpu_pins, gpu_pins = (dict(re.findall(r"^([a-z0-9._-]+)==(\S+) \\", text, re.MULTILINE)) for text in (cpu, gpu))
    shared = set(cpu_pins) & set(gpu_pins) - {"torch"}
    assert {name for name in shared if cpu_pins[name] != gpu_pins[name]} == set()


def test_a_dependency_change_makes_the_lock_stale_and_the_set_up_refuses_it(tmp_path: Path) -> None:
    for name in ("pyproject.toml", "requirements-cpu.lock", "installer"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    script = tmp_path / "installer/lock/fingerprint.py"
    command = [sys.executable, str(script), "--check", str(tmp_path / "requirements-cpu.lock")]
    assert subprocess.run(command, check=False, capture_output=True).returncode == 0
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace("line-length = 110", "line-length = 100"), encoding="utf-8")
    assert subprocess.run(command, check=False, capture_output=True).returncode == 0  # tool settings do not count
    pyproject.write_text(text.replace('"rich>=13",', '"rich>=13",\n    "tabulate>=0.9",'), encoding="utf-8")
    refused = subprocess.run(command, check=False, capture_output=True, text=True)
    assert refused.returncode == 1
    assert "requirements-cpu.lock was made from other dependencies" in refused.stderr
    assert "make lock" in refused.stderr
    setup = subprocess.run(["bash", str(tmp_path / "installer/dev-setup.sh")], check=False, capture_output=True,
                           text=True, env={"PATH": "/usr/bin:/bin", "VENV": str(tmp_path / "venv"),
                                "PYTHON": sys.executable})
    assert setup.returncode == 1 and "make lock" in setup.stderr
    assert not (tmp_path / "venv").exists()  # nothing installed unpinned
