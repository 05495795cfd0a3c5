#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine with Python 3.11: system libraries Qt needs,
# a local virtual environment in .venv, and the project installed into it (editable, with dev tools).
# Safe to run again: it only does what is missing.
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
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints-cpu.txt -nt "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  # Without an NVIDIA GPU keep PyTorch on the CPU build; with one, install with GPU=1 for the CUDA build.
  if [ "${GPU:-0}" = 1 ]; then
    "$VENV/bin/python" -m pip install -q -e '.[dev,gpu]'
  else
    "$VENV/bin/python" -m pip install -q -c constraints-cpu.txt -e '.[dev]'
  fi
  touch "$stamp"
fi
