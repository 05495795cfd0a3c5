"""Which device the suggestion models run on, and a report of it for the user and for `runs`.

Why a module of its own: the same decision (CUDA when a GPU is there, CPU otherwise, or what the user
forced) is needed by the sentence-transformers embedder, by BERTopic (cuML) and by the CLI's report, and
it must be made without importing torch at start-up. torch is imported only when this is called.
"""

from __future__ import annotations

import os
import platform
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
