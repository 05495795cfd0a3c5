"""`workbench demo` finds its steps by name (`STEPS`), so a moved or renamed step fails here, not mid-demo."""

from __future__ import annotations

import importlib

from workbench.demo import STEPS, sample_dir


def test_every_step_resolves_to_a_function() -> None:
    for spec in STEPS:
        module_name, function_name = spec.split(":")
        assert callable(getattr(importlib.import_module(module_name), function_name)), spec


def test_sample_corpus_is_found() -> None:
    assert (sample_dir() / "truth.csv").is_file()
