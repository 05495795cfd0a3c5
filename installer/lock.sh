#!/usr/bin/env bash
# `make lock`: resolve pyproject.toml into the two lock files that dev-setup.sh installs from.
#   requirements-cpu.lock  CPU edition: PyTorch's CPU build, extras dev, build and cluster
#   requirements-gpu.lock  GPU edition: PyPI's CUDA build of PyTorch, extras dev, build, cluster and gpu
# Every package is pinned, transitive ones included, with the hashes of its files, for Linux x86-64,
# Python 3.11 and glibc 2.34 or newer. Run it after changing dependencies in pyproject.toml or a file
# in installer/lock/: pins already in a lock file are kept where they still fit. UPGRADE=1 takes the newest
# releases instead (after `make test-latest` has passed on them).
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
if [ ! -x "$UV" ]; then  # no set-up yet: the uv release of the current lock, checked against its hashes
  tools=$(mktemp -d)
  trap 'rm -rf "$tools"' EXIT
  awk '/^uv==/ {keep=1; print; next} keep && /^ / {print; next} {keep=0}' requirements-cpu.lock >"$tools/uv.txt"
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/python" -m pip install -q --require-hashes --no-deps -r "$tools/uv.txt"
  UV="$tools/venv/bin/uv"
fi
TORCH_WHEELS=${TORCH_WHEELS:-/opt/wheels}
cpu_torch=$(sed -n 's/^torch==//p' installer/lock/torch-cpu.txt)
if ! ls "$TORCH_WHEELS"/torch-"$cpu_torch"-cp311-*manylinux*x86_64.whl >/dev/null 2>&1; then
  echo "lock: no torch-$cpu_torch wheel for Python 3.11 in $TORCH_WHEELS;" \
       "download it from PyTorch's CPU package index and set TORCH_WHEELS to its folder" >&2
  exit 1
fi
inputs=$(python3 installer/lock/fingerprint.py)
common=(pyproject.toml installer/lock/build-tools.in --extra dev --extra build --extra cluster
        --python-version 3.11 --python-platform x86_64-manylinux_2_34
        --generate-hashes --only-binary torch --custom-compile-command "make lock" --quiet)

write() {  # write LOCK [uv pip compile options...]: resolve, then record the inputs' fingerprint on top
  local lock=$1 tmp
  shift
  tmp=$(mktemp)
  # uv keeps the versions already pinned in its output file unless told to upgrade.
  [ -f "$lock" ] && cp "$lock" "$tmp"
  "$UV" pip compile "${common[@]}" "$@" ${UPGRADE:+--upgrade} -o "$tmp"
  { echo "${inputs/#/# inputs-sha256: }"; cat "$tmp"; } >"$lock"
  rm -f "$tmp"
  echo "lock: wrote $lock ($(grep -c '==' "$lock") packages)"
}

# The GPU edition first, since RAPIDS caps some shared packages (numba, pandas); the CPU edition then takes
# the same version of every package both have, so results and tests hold for both.
write requirements-gpu.lock -c installer/lock/torch-gpu.txt --extra gpu --only-binary cuml-cu13
shared=build/lock/requirements-gpu.pins  # a fixed path: uv names it in the lock's "via" notes
mkdir -p build/lock
sed -n 's/^\([a-z0-9._-]*==[^ +]*\) \\$/\1/p' requirements-gpu.lock | grep -v '^torch==' >"$shared"
write requirements-cpu.lock -c installer/lock/torch-cpu.txt -c "$shared" --find-links "$TORCH_WHEELS"
