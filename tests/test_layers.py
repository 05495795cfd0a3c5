"""The layers of docs/ARCHITECTURE.md, checked by import-linter from the contracts in pyproject.toml.

One test per contract, so a failure names the broken rule; the linter's report (which import chain breaks
it) is the failure message. The linter reads the source files and runs none of them.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


@pytest.mark.parametrize("contract", [contract["id"] for contract in CONTRACTS])
def test_contract_is_kept(contract: str) -> None:
    # The console script beside this interpreter: the venv's import-linter.
    linter = Path(sys.executable).with_name("lint-imports")
    checked = subprocess.run([str(linter), "--no-cache", "--contract", contract], cwd=ROOT, check=False,
                             capture_output=True, text=True, timeout=120)
    if checked.returncode != 0:
        pytest.fail(checked.stdout + checked.stderr, pytrace=False)
