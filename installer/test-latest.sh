#!/usr/bin/env bash
# `make test-latest`: the test suite on the newest releases that pyproject.toml allows, in a throw-away
# venv, so that an upstream release that breaks us is seen before the lock file is updated to it. Not run
# in CI: its result depends on the day. PyTorch stays at the lock's release unless TORCH is set (a CPU-only
# machine cannot take PyPI's newest torch, a CUDA build of several GB). It tests the last commit, copied
# aside, so that edits in progress in the work tree neither disturb it nor are blamed on a release.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
TORCH=${TORCH:-$(sed -n 's/^torch==\([^+]*\).*/torch==\1/p' installer/lock/torch-cpu.txt)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
git archive HEAD | tar -x -C "$work/src"
cd "$work/src"
"$PYTHON" -m venv "$work/venv"
echo "test-latest: installing the newest allowed releases into $work/venv ($TORCH)"
"$work/venv/bin/python" -m pip install -q --upgrade pip
echo "$TORCH" >"$work/torch.txt"
PYTHONWARNINGS='ignore:Editable installation' \
  "$work/venv/bin/python" -m pip install -q -c "$work/torch.txt" -e '.[dev]'
"$work/venv/bin/python" -m pip list --format=freeze >"$work/versions.txt"
echo "test-latest: versions that differ from requirements-cpu.lock:"
"$PYTHON" - "$work/versions.txt" requirements-cpu.lock <<'PY'
import re, sys
latest = dict(line.strip().lower().split("==", 1) for line in open(sys.argv[1]) if "==" in line)
locked = dict(m.groups() for m in re.finditer(r"^([a-z0-9._-]+)==(\S+)", open(sys.argv[2]).read(), re.M))
norm = lambda name: re.sub(r"[-_.]+", "-", name)
latest = {norm(k): v for k, v in latest.items()}
for name in sorted(latest):
    if latest[name] != locked.get(name) and name != "verbatim-workbench":
        print(f"  {name}: lock {locked.get(name, '-')}, latest {latest.get(name, '-')}")
PY
QT_QPA_PLATFORM=offscreen "$work/venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
