"""Which device the suggestion models run on, and a report of it for the user and for `runs`.

Why a module of its own: the same decision (CUDA when a GPU is there, CPU otherwise, or what the user
forced) is needed by the sentence-transformers embedder, by BERTopic (cuML) and by the CLI's report, and
it must be made without importing torch at start-up. torch is imported only when this is called.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError

DEVICES = ("auto", "cpu", "cuda")


def cuda_available() -> bool:
    """True when torch sees a CUDA GPU. False when torch is missing or has no CUDA build."""
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def resolve_device(requested: str = "auto") -> str:
    """'auto' becomes 'cuda' when a GPU is usable, else 'cpu'; asking for 'cuda' without one is a user error."""
    if requested not in DEVICES:
        raise WorkbenchError(f"unknown device {requested!r}; choose one of {', '.join(DEVICES)}")
    if requested == "auto":
        return "cuda" if cuda_available() else "cpu"
    if requested == "cuda" and not cuda_available():
        raise WorkbenchError("device 'cuda' requested but no CUDA GPU is available; use --device cpu or auto")
    return requested


def cuml_available() -> bool:
    """True when RAPIDS cuML (GPU UMAP/HDBSCAN) is installed; only used when a GPU is present."""
    try:
        import cuml  # noqa: F401
    except ImportError:
        return False
    return True


def device_report() -> dict[str, Any]:
    """CPU and GPU facts a user needs to understand speed: device chosen by 'auto', GPU name and memory."""
    report: dict[str, Any] = {
        "cpu": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "cuda": False,
        "auto": "cpu",
    }
    try:
        import torch
    except ImportError:
        report["torch"] = None
        return report
    report["torch"] = torch.__version__
    if torch.cuda.is_available():
        index = torch.cuda.current_device()
        props = torch.cuda.get_device_properties(index)
        free, total = torch.cuda.mem_get_info(index)
        report.update(
            cuda=True,
            auto="cuda",
            gpu=props.name,
            gpu_memory_gib=round(total / 2**30, 1),
            gpu_free_gib=round(free / 2**30, 1),
            cuda_version=torch.version.cuda,
            cuml=cuml_available(),
        )
    return report


def _torch_cuda_build() -> str | None:
    """The CUDA version torch was built for, read from its `version.py` without importing torch (which
    costs a second and hundreds of MB); None for a CPU build or no torch."""
    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return None
    version_file = Path(next(iter(spec.submodule_search_locations))) / "version.py"
    try:
        source = version_file.read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^cuda\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", source, re.MULTILINE)
    return found.group(1) if found else None


def _nvidia_gpus() -> list[tuple[str, float | None]]:
    """(name, memory GiB) of the NVIDIA GPUs the driver lists, from `nvidia-smi` (no CUDA context)."""
    tool = shutil.which("nvidia-smi")
    if tool is None:
        return []
    try:
        listed = subprocess.run([tool, "--query-gpu=name,memory.total", "--format=csv,noheader,nounits"],
                                capture_output=True, text=True, timeout=5, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    gpus = []
    for line in listed.splitlines():
        name, _, memory = line.rpartition(",")
        try:
            gpus.append((name.strip(), round(float(memory) / 1024, 1)))
        except ValueError:
            gpus.append((line.strip(), None))
    return [gpu for gpu in gpus if gpu[0]]


def quick_report() -> dict[str, Any]:
    """What `device_report` would say about the device 'auto' picks, without importing torch: a GPU the
    driver lists and a torch built for CUDA. For a status line at start-up; a job that loads a model
    reports the device it really got (`device_report`)."""
    report: dict[str, Any] = {"cpu": platform.processor() or platform.machine(), "cpu_count": os.cpu_count(),
                              "cuda": False, "auto": "cpu"}
    cuda_build = _torch_cuda_build()
    gpus = _nvidia_gpus() if cuda_build else []
    if gpus:
        name, memory = gpus[0]
        report.update(cuda=True, auto="cuda", gpu=name, gpu_memory_gib=memory, cuda_version=cuda_build)
    return report
