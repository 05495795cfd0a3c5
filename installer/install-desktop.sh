#!/usr/bin/env bash
# Adds Verbatim Workbench to this user's application menu (no administrator rights needed): run it from
# the unpacked folder, once, after moving the folder where it will stay. Run it again after moving it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/scalable/apps" \
  "$data/mime/packages"
install -m 644 "$here/verbatim-workbench.png" "$data/icons/hicolor/256x256/apps/verbatim-workbench.png"
install -m 644 "$here/verbatim-workbench.svg" "$data/icons/hicolor/scalable/apps/verbatim-workbench.svg"
sed -e "s|^Exec=verbatim-workbench|Exec=\"$here/verbatim-workbench\"|" \
    -e "s|^Icon=.*|Icon=verbatim-workbench|" \
    "$here/verbatim-workbench.desktop" >"$data/applications/verbatim-workbench.desktop"
install -m 644 "$here/verbatim-workbench-mime.xml" "$data/mime/packages/verbatim-workbench.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "Verbatim Workbench is in your application menu (it starts $here/verbatim-workbench)"
