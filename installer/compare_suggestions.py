"""`python installer/compare_suggestions.py DEV.json APP.json`: the packaged app's suggestions against a
development install's on the same project (`workbench review PROJECT --json --limit N` of each): the same
best code for every unit, scores within `TOLERANCE`. Proves that the CPU edition's engine (ONNX instead of
torch) changes no suggestion. Exit 1, listing the first differences, when they differ.

Why 2e-3: the app's MiniLM export stores its weights in fp16 (computed in fp32), which puts its vectors at
a cosine of 0.9999998 from torch's, about 6e-4 apart; a score, a cosine or a probability made from them,
moves by as much (at most 7e-4 on the smoke test's 300 units). A different best code, or a score beyond
that, would be a real change."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

TOLERANCE = 2e-3


def best_per_unit(rows: list[dict[str, Any]]) -> dict[tuple[int, int, int], tuple[str, float]]:
    """Per unit (document and span), the highest-scoring pending suggestion's code and score."""
    best: dict[tuple[int, int, int], tuple[str, float]] = {}
    for row in rows:
        unit = (int(row["document_id"]), int(row["start_pos"]), int(row["end_pos"]))
        if unit not in best or row["score"] > best[unit][1]:
            best[unit] = (str(row["code"]), float(row["score"]))
    return best


def main(dev_path: Path, app_path: Path) -> int:
    dev, app = (best_per_unit(json.loads(path.read_text(encoding="utf-8"))) for path in (dev_path, app_path))
    differences = [f"unit {unit}: development {dev.get(unit)}, app {app.get(unit)}"
                   for unit in sorted(dev.keys() | app.keys())
                   if unit not in dev or unit not in app or dev[unit][0] != app[unit][0]
                   or abs(dev[unit][1] - app[unit][1]) > TOLERANCE]
    if differences or not dev:
        print(f"compare_suggestions: {len(differences)} of {len(dev | app)} units differ", file=sys.stderr)
        print("\n".join(differences[:10]), file=sys.stderr)
        return 1
    gap = max(abs(dev[unit][1] - app[unit][1]) for unit in dev)
    print(f"compare_suggestions: same best code for all {len(dev)} units, scores at most {gap:.1e} apart")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python installer/compare_suggestions.py DEV.json APP.json")
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
