#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine with Python 3.11: system libraries Qt needs,
# a local virtual environment in .venv, and the project installed into it (editable, with dev tools).
# Safe to run again: it only does what is missing, and reinstalls when the lock file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

apt_packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if ! "$PYTHON" -c "import venv, ensurepip" >/dev/null 2>&1; then missing+=(python3-venv); fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO=none; fi
  if [ "$SUDO" = none ]; then
    echo "dev-setup: please install these Debian packages: ${missing[*]}" >&2
  else
    echo "dev-setup: installing the system libraries Qt needs: ${missing[*]}"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# Everything comes from the lock file, each file checked against its hash; a stale or missing lock stops
# the set-up instead of installing whatever is newest today (docs/DEVELOPMENT.md).
if [ "${GPU:-0}" = 1 ]; then lock=requirements-gpu.lock; else lock=requirements-cpu.lock; fi
echo "dev-setup: checking that $lock matches pyproject.toml"
"$PYTHON" installer/lock/fingerprint.py --check "$lock" || exit 1
stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(sha256sum "$lock" pyproject.toml)" ]; then
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  echo "dev-setup: installing the pinned packages of $lock into $VENV (about 4 minutes the first time:"
  echo "dev-setup: PyTorch and the language models are large, and pip prints nothing while it works)"
  # Without an NVIDIA GPU, PyTorch is its CPU build: pip finds it in PIP_FIND_LINKS (this machine's
  # /opt/wheels) or on PyTorch's CPU index given as PIP_EXTRA_INDEX_URL.
  "$VENV/bin/python" -m pip install -q --require-hashes --no-deps -r "$lock"
  # The project itself, editable, built by the locked setuptools (no download of build tools). The
  # filter hides setuptools' general notice on editable installs, which says nothing about this project.
  echo "dev-setup: installing Verbatim Workbench itself (editable) and checking the dependencies"
  PYTHONWARNINGS='ignore:Editable installation' \
    "$VENV/bin/python" -m pip install -q --no-deps --no-build-isolation -e .
  "$VENV/bin/python" -m pip check >/dev/null || { "$VENV/bin/python" -m pip check >&2; exit 1; }
  sha256sum "$lock" pyproject.toml >"$stamp"
  echo "dev-setup: $VENV is ready"
else
  echo "dev-setup: $VENV is up to date with $lock"
fi
