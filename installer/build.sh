#!/usr/bin/env bash
# Build the one-folder desktop app into dist/verbatim-workbench/ (Linux; the same spec works on Windows
# and macOS with their PyInstaller). Needs the project set up first: bash installer/dev-setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
"$VENV/bin/python" -m pip install -q "pyinstaller>=6.10"
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/verbatim-workbench.spec
install -m 644 installer/verbatim-workbench.desktop dist/verbatim-workbench/
echo "built dist/verbatim-workbench/ — run dist/verbatim-workbench/verbatim-workbench"
