"""Fingerprint of what the lock files are resolved from, so that a stale lock is refused, not used.

Only what changes the resolution counts: pyproject.toml's requires-python, dependencies, optional
dependencies and build requirements, and the input files beside this script. Editing ruff or pytest
settings does not make the lock stale. Runs on the system Python 3.11 before any venv exists, so it
uses the standard library only.

    python3 installer/lock/fingerprint.py                 # print the fingerprint
    python3 installer/lock/fingerprint.py --check LOCK    # exit 1, with the fix, if LOCK is stale
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = "# inputs-sha256: "


def fingerprint() -> str:
    """The SHA-256 of the resolution inputs, in a form that ignores key order and formatting."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    relevant = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-requires": pyproject.get("build-system", {}).get("requires", []),
        "inputs": {path.name: path.read_text(encoding="utf-8")
                   for path in sorted(Path(__file__).parent.glob("*.txt"))
                   + sorted(Path(__file__).parent.glob("*.in"))},
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def recorded(lock: Path) -> str | None:
    """The fingerprint written at the top of a lock file by installer/lock.sh, if any."""
    with lock.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(HEADER):
                return line[len(HEADER):].strip()
            if not line.startswith("#"):
                return None
    return None


def main(argv: list[str]) -> int:
    if not argv:
        print(fingerprint())
        return 0
    if len(argv) == 2 and argv[0] == "--check":
        lock = Path(argv[1])
        if not lock.is_file():
            print(f"{lock}: no lock file; run `make lock` (docs/DEVELOPMENT.md)", file=sys.stderr)
            return 1
        if recorded(lock) != fingerprint():
            print(f"{lock} was made from other dependencies than pyproject.toml now lists; "
                  "run `make lock` and commit the result (docs/DEVELOPMENT.md)", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
