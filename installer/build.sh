#!/usr/bin/env bash
# Build the one-folder desktop app (docs/INSTALLER.md):
#   bash installer/build.sh              CPU edition: dist/cpu/verbatim-workbench/ and its tarball
#   EDITION=gpu bash installer/build.sh  GPU edition (CUDA torch): dist/gpu/verbatim-workbench/, on a
#                                        Linux machine where requirements-gpu.lock installs
# PyInstaller and everything it bundles come from the lock file, through dev-setup.sh, so the app carries
# the same pins as the tests ran on. CLEAN=1 discards PyInstaller's cache of an earlier build first.
set -euo pipefail
cd "$(dirname "$0")/.."
export EDITION=${EDITION:-cpu}
case "$EDITION" in
  cpu) export VENV=${VENV:-.venv} ;;
  # dev-setup.sh installs requirements-gpu.lock, in a venv of its own so the CPU one is left as it is.
  gpu) export GPU=1 VENV=${VENV:-.venv-gpu} ;;
  *) echo "build: EDITION must be cpu or gpu, not '$EDITION'" >&2; exit 2 ;;
esac
bash installer/dev-setup.sh
started=$(date +%s)

if [ "$EDITION" = cpu ]; then
  # MiniLM runs from its ONNX export in the CPU edition; the export is checked against torch when made,
  # and made again only when MiniLM's files changed (the manifest records their hashes).
  export ONNX_MODELS=${ONNX_MODELS:-build/onnx_models}
  "$VENV/bin/python" installer/export_models.py "$ONNX_MODELS"
fi

"$VENV/bin/pyinstaller" --noconfirm ${CLEAN:+--clean} --log-level WARN --distpath "dist/$EDITION" \
  --workpath "build/pyinstaller-$EDITION" installer/verbatim-workbench.spec
app="dist/$EDITION/verbatim-workbench"
install -m 644 installer/verbatim-workbench.desktop installer/icons/verbatim-workbench.png \
  installer/icons/verbatim-workbench.svg installer/verbatim-workbench-mime.xml installer/INSTALL.txt "$app/"
install -m 755 installer/install-desktop.sh "$app/"
echo "build: $app built in $(( $(date +%s) - started )) s, $(du -sm "$app" | cut -f1) MB"

if [ "$(uname -s)" = Linux ]; then
  version=$("$VENV/bin/python" -c "import importlib.metadata as m; print(m.version('verbatim-workbench'))")
  suffix=$([ "$EDITION" = gpu ] && echo "-gpu" || true)
  tarball="dist/verbatim-workbench-$version$suffix-linux-$(uname -m).tar.gz"
  tar -C "dist/$EDITION" -czf "$tarball" verbatim-workbench
  echo "build: $tarball ($(du -m "$tarball" | cut -f1) MB)"
fi
