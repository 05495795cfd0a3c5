#!/usr/bin/env bash
# Build the one-folder desktop app into dist/verbatim-workbench/ (Linux; the same spec works on Windows
# and macOS with their PyInstaller). PyInstaller and everything it bundles come from the lock file, through
# dev-setup.sh, so the app carries the same pins as the tests ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
bash installer/dev-setup.sh
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/verbatim-workbench.spec
install -m 644 installer/verbatim-workbench.desktop dist/verbatim-workbench/
echo "built dist/verbatim-workbench/ — run dist/verbatim-workbench/verbatim-workbench"
