"""Pseudonymisation: recall on a planted test set, ordinary words left alone, consistent placeholders,
reversible and irreversible modes, and codings that stay on the same words."""

from __future__ import annotations

import json

import pytest
from conftest import DATA
from pseudo_recall import caught
from text_fixtures import add_documents, add_turns

from workbench.codebook import create_code
from workbench.coding import apply_code, get_coding, remove_coding
from workbench.errors import WorkbenchError
from workbench.journal import undo
from workbench.project import Project
from workbench.search import search
from workbench.text.offset_map import OffsetMap
from workbench.text.pii import IdPattern
from workbench.text.pseudonymise import Pseudonymiser, add_keep, apply, forget, save_patterns
from workbench.text.pseudonymise_project import pseudonymise_project
from workbench.text.segment import segment_project

PLANTED = [json.loads(line) for line in (DATA / "pseudo" / "planted.jsonl").read_text(encoding="utf-8").splitlines()]
ORDINARY = (DATA / "pseudo" / "ordinary.txt").read_text(encoding="utf-8").splitlines()


def test_recall_on_the_planted_set(project):
    planted, found = caught(Pseudonymiser(project), PLANTED)
    print("\nplanted", dict(planted), "\ncaught ", dict(found))
    for kind in ("email", "phone", "iban", "card", "customer", "contract"):
        assert planted[kind] > 0 and found[kind] == planted[kind], kind  # 100 % on patterns
    assert planted["person"] >= 30
    assert found["person"] / planted["person"] >= 0.9
    assert found["address"] == planted["address"]


def test_ordinary_sentences_are_left_alone(project):
    pseudo = Pseudonymiser(project)
    false_positives = []
    for text, spans in zip(ORDINARY, pseudo.entities(ORDINARY)):
        false_positives += [(text[r.start:r.end], r.kind) for r in pseudo.replacements(text, spans)]
    print("\nfalse positives on", len(ORDINARY), "ordinary sentences:", false_positives)
    assert false_positives == []


def test_names_the_words_around_them_point_at_are_replaced_and_companies_kept(project):
    """With the real NER model: names NER alone misses in short informal texts, found by their cues
    (`name_cues`), and a company after "merci" left as written."""
    pseudo = Pseudonymiser(project)
    assert pseudo("Client : mon mari karim a appelé hier 😀, merci à Ombeline pour son aide.") == (
        "Client : mon mari [PERSONNE_1] a appelé hier 😀, merci à [PERSONNE_2] pour son aide.")
    assert pseudo("Bonjour,\nLe colis est arrivé abîmé.\nCdt\nKONATÉ Moussa") == (
        "Bonjour,\nLe colis est arrivé abîmé.\nCdt\n[PERSONNE_3]")
    assert pseudo("Cliente : Zeynep à l'appareil, c'est pour la facture.") == (
        "Cliente : [PERSONNE_4] à l'appareil, c'est pour la facture.")
    assert pseudo("merci Orange pour rien, je pars chez SFR") == "merci Orange pour rien, je pars chez SFR"


def test_checksums_keep_ordinary_numbers(project):
    pseudo = Pseudonymiser(project, use_ner=False)
    text = "IBAN faux FR76 3000 6000 0112 3456 7890 180, carte 4970 1012 3456 7890, commande 123456789012."
    assert pseudo.replacements(text) == []


def test_a_card_number_needs_an_issuers_prefix(project):
    """Time stamps and file numbers pass the Luhn check one time in ten; no card starts with 1, 20 or 7-9."""
    pseudo = Pseudonymiser(project, use_ner=False)
    stamped = "export du 20261204000016, fichier s20261204000016-3.csv, relevé 7000000000000000003"
    assert pseudo.replacements(stamped) == []
    found = pseudo.replacements("ma carte 2221 0000 0000 0009 a été débitée")
    assert [(r.kind, r.replacement) for r in found] == [("card", "[CARTE_1]")]


def test_placeholders_are_consistent_and_numbered_per_kind(project):
    pseudo = Pseudonymiser(project)
    first = pseudo("Bonjour, je suis Lucie Fontaine, mon mail est lucie@example.fr et mon tél 06 12 34 56 78.")
    second = pseudo("Lucie Fontaine rappelle : joignable au +33 6 12 34 56 78 ou lucie@example.fr.")
    assert first == "Bonjour, je suis [PERSONNE_1], mon mail est [EMAIL_1] et mon tél [TEL_1]."
    assert second == "[PERSONNE_1] rappelle : joignable au [TEL_1] ou [EMAIL_1]."
    # A new object on the same project (a later import) keeps the numbering and the memory.
    later = Pseudonymiser(project)
    assert later("Écrire à lucie@example.fr ou à paul@example.fr") == "Écrire à [EMAIL_1] ou à [EMAIL_2]"


def test_a_name_found_once_is_also_taken_in_lower_case(project):
    pseudo = Pseudonymiser(project, use_ner=False)
    assert pseudo("Appel de Mme Lucie Fontaine pour sa facture.") == "Appel de Mme [PERSONNE_1] pour sa facture."
    # The full name in any case, the surname alone after a title in any case: the same person.
    assert (pseudo("rappel de lucie fontaine, puis de mme fontaine et de MONSIEUR FONTAINE.")
            == "rappel de [PERSONNE_1], puis de mme [PERSONNE_1] et de MONSIEUR [PERSONNE_1].")
    # A known surname that is also a word stays a word when it stands alone in lower case.
    assert pseudo("Paul Petit a écrit.") == "[PERSONNE_2] a écrit."
    assert pseudo("Un petit souci, le petit déjeuner offert.") == "Un petit souci, le petit déjeuner offert."


def test_irreversible_mode_keeps_no_original(project):
    pseudo = Pseudonymiser(project)
    pseudo("Mon IBAN est FR76 3000 6000 0112 3456 7890 189, signé Lucie Fontaine.")
    assert project.scalar("SELECT count(*) FROM pseudonyms") == 0
    everything = " ".join(str(row) for row in project.rows("SELECT * FROM pseudonym_keys"))
    everything += " ".join(str(row) for row in project.rows("SELECT * FROM meta"))
    assert "Fontaine" not in everything and "3000" not in everything


def test_reversible_mode_keeps_a_mapping_until_forgotten(project):
    pseudo = Pseudonymiser(project, reversible=True)
    assert pseudo("Appelez Lucie Fontaine au 06 12 34 56 78.") == "Appelez [PERSONNE_1] au [TEL_1]."
    assert sorted(project.rows("SELECT kind, token, replacement FROM pseudonyms")) == [
        ("person", "Lucie Fontaine", "[PERSONNE_1]"), ("phone", "06 12 34 56 78", "[TEL_1]"),
    ]
    assert forget(project) == {"mappings": 2, "keys": 2}
    assert project.scalar("SELECT count(*) FROM pseudonyms") == 0
    assert project.scalar("SELECT count(*) FROM pseudonym_keys") == 0
    # Numbering goes on after forgetting: no placeholder is ever reused for someone else.
    assert Pseudonymiser(project)("Appelez Paul Martin.") == "Appelez [PERSONNE_2]."


def test_identifier_patterns_and_keep_list_are_configurable(project):
    save_patterns(project, [IdPattern("ticket", "TICKET", r"TK\d{5}")])
    add_keep(project, ["Alvéa"])
    pseudo = Pseudonymiser(project)
    text = "Ticket TK12345 ouvert chez Alvéa par Sophie Girard, client CLI-2024-00123."
    assert pseudo(text) == "Ticket [TICKET_1] ouvert chez Alvéa par [PERSONNE_1], client CLI-2024-00123."
    with pytest.raises(WorkbenchError, match="regular expression"):
        save_patterns(project, [IdPattern("bad", "BAD", "(")])


def test_offset_map_moves_and_snaps_span_ends():
    old = "Je suis Marie-Hélène Dupont et mon contrat CT-884512 expire."
    pieces = [(8, 27, "[PERSONNE_1]"), (43, 52, "[CONTRAT_1]")]
    new = apply(old, [type("R", (), {"start": s, "end": e, "replacement": r})() for s, e, r in pieces])
    mapping = OffsetMap([(s, e, len(r)) for s, e, r in pieces])
    def moved(fragment_start, fragment_end):
        start, end = mapping.span(fragment_start, fragment_end)
        return new[start:end]
    assert moved(old.index("mon contrat"), old.index("mon contrat") + 11) == "mon contrat"
    assert moved(0, 7) == "Je suis"
    assert moved(8, 27) == "[PERSONNE_1]"
    assert moved(old.index("Dupont"), old.index(" et")) == "[PERSONNE_1]"  # inside a name: grows to it
    assert moved(0, len(old)) == new


@pytest.fixture
def coded(project):
    """A segmented, coded project with a transcript, variables and a memo."""
    text = ("Conseillère : Bonjour, je suis Marie-Hélène Dupont.\nClient : Bonjour, mon contrat CT-884512 "
            "a été résilié, écrivez-moi à jean.valjean@example.fr.")
    (call,) = add_documents(project, [text], kind="call", values=[{"from": "Jean Valjean <jean.valjean@example.fr>"}])
    first = text.index("Bonjour")
    second = text.index("Bonjour", first + 1)
    add_turns(project, call, [(first, text.index("\n"), "Marie-Hélène Dupont"), (second, len(text), "Client")])
    project.execute("INSERT INTO document_parts VALUES (?, 'signature', 'Jean Valjean\n06 11 22 33 44')", [call])
    segment_project(project)
    code = create_code(project, "Résiliation")
    start = text.index("mon contrat")
    on_words = apply_code(project, call, code, start, start + len("mon contrat"), coder="alice")
    name = text.index("Marie")
    over_name = apply_code(project, call, code, name - 8, name + len("Marie-Hélène Dupont"), coder="alice")
    after_all = apply_code(project, call, code, text.index("écrivez"), len(text), coder="alice")
    return {"document": call, "codings": (on_words, over_name, after_all), "text": text}


def test_pseudonymising_a_project_keeps_codings_on_the_same_words(project, coded):
    report = pseudonymise_project(project, reversible=True)
    text = project.scalar("SELECT text FROM documents WHERE id = ?", [coded["document"]])
    assert "Dupont" not in text and "CT-884512" not in text and "valjean" not in text
    assert project.scalar("SELECT n_chars FROM documents") == len(text)
    on_words, over_name, after_all = (get_coding(project, c) for c in coded["codings"])
    assert text[on_words["start_pos"]:on_words["end_pos"]] == "mon contrat"
    assert text[over_name["start_pos"]:over_name["end_pos"]] == "je suis [PERSONNE_1]"
    assert text[after_all["start_pos"]:after_all["end_pos"]] == "écrivez-moi à [EMAIL_1]."
    turns = project.rows("SELECT start_pos, end_pos, speaker FROM segments WHERE kind = 'turn' ORDER BY start_pos")
    assert [text[s:e] for s, e, _ in turns] == ["Bonjour, je suis [PERSONNE_1].", text[text.index("Bonjour", 20):]]
    assert [speaker for *_, speaker in turns] == ["[PERSONNE_1]", "Client"]
    for start, end in project.rows("SELECT start_pos, end_pos FROM segments WHERE kind = 'sentence'"):
        assert text[start:end] == text[start:end].strip() and text[start:end]
    assert report.replacements["contract"] == 1 and report.replacements["email"] >= 2
    assert report.spans_moved["codings"] == 3
    assert project.scalar("SELECT value FROM document_values") == "[PERSONNE_2] <[EMAIL_1]>"
    assert project.scalar("SELECT text FROM document_parts") == "[PERSONNE_2]\n[TEL_1]"
    # The index was rebuilt on the new text; the journal's excerpts and offsets moved too.
    assert [hit.match for hit in search(project, '"mon contrat"').hits] == ["mon contrat"]
    assert search(project, "Dupont", count=True).total_hits == 0
    journal = " ".join(row[0] for row in project.rows("SELECT payload FROM journal"))
    assert "Dupont" not in journal
    assert project.scalar("SELECT count(*) FROM pseudonyms WHERE token = 'Marie-Hélène Dupont'") == 1


def test_undo_after_pseudonymising_restores_aligned_codings(project, coded):
    removed = coded["codings"][2]
    remove_coding(project, removed, coder="alice")
    pseudonymise_project(project)
    text = project.scalar("SELECT text FROM documents")
    undo(project)  # re-inserts the removed coding from the journal, whose offsets were moved
    restored = get_coding(project, removed)
    assert text[restored["start_pos"]:restored["end_pos"]] == "écrivez-moi à [EMAIL_1]."


def test_pseudonymising_twice_changes_nothing_more(project, coded):
    pseudonymise_project(project)
    once = project.scalar("SELECT text FROM documents")
    again = pseudonymise_project(project)
    assert project.scalar("SELECT text FROM documents") == once
    assert again.documents_changed == 0
    assert project.scalar("SELECT count(*) FROM pseudonyms") == 0  # irreversible: no original kept


def test_model_output_of_the_original_texts_is_cleaned(project, coded):
    document = coded["document"]
    project.execute("INSERT INTO embeddings VALUES ('document', ?, 'lexical', [0.1, 0.2])", [document])
    project.execute("INSERT INTO embeddings VALUES ('code', 1, 'lexical', [0.3])")
    project.execute(
        "INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) VALUES (?, 0, 5, 1, 0.5, ?)",
        [document, json.dumps({"words": ["Dupont", "contrat"], "nearest": "je suis Marie-Hélène Dupont"})],
    )
    project.execute("INSERT INTO topics VALUES (1, 0, 'Dupont et contrat', ['Dupont', 'contrat'], 3, [1])")
    pseudonymise_project(project)
    assert project.rows("SELECT unit_kind FROM embeddings") == [("code",)]
    explanation = json.loads(project.scalar("SELECT explanation FROM suggestions"))
    assert explanation == {"words": ["[PERSONNE_1]", "contrat"], "nearest": "je suis [PERSONNE_1]"}
    assert project.rows("SELECT label, keywords FROM topics") == [("[PERSONNE_1] et contrat", ["[PERSONNE_1]", "contrat"])]


def _file_bytes(project) -> bytes:
    project.execute("CHECKPOINT")
    return project.path.read_bytes()


def test_no_byte_of_the_original_names_is_left_in_the_project_file(project):
    """DuckDB reuses the blocks of overwritten rows without wiping them: without the rewrite, the names
    stay readable in the .vwb file after pseudonymisation (checked: they are there before, in the search
    index's terms, stored as written; document texts are ZSTD-compressed, so their bytes cannot be
    searched for, and the rewritten file is checked to hold no free block where they could remain)."""
    name = "Bartholomew Quintavalle"
    add_documents(project, [f"Bonjour, je suis {name}, client n° {i}, mon conseiller a été parfait." for i in range(300)])
    segment_project(project)
    assert project.scalar("SELECT count(*) FROM terms WHERE text = 'quintavalle'") == 1
    assert b"quintavalle" in _file_bytes(project)
    pseudonymise_project(project)
    assert project.scalar("SELECT count(*) FROM documents WHERE contains(text, 'Quintavalle')") == 0
    # The search index's dictionary no longer lists the name either; the other words are still found.
    assert project.scalar("SELECT count(*) FROM terms WHERE contains(text, 'quintavall')") == 0
    assert search(project, "conseiller", count=True).total_documents == 300
    assert b"Quintavalle" not in _file_bytes(project) and b"quintavall" not in _file_bytes(project)
    assert project.scalar("SELECT free_blocks FROM pragma_database_size()") == 0
    # The rewritten project is a working one: ids go on from the sequence and the next write lasts.
    (new,) = add_documents(project, ["Un nouveau verbatim."])
    assert new == 301
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM documents") == 301


def test_forgetting_the_originals_removes_them_from_the_project_file(project):
    name = "Bartholomew Quintavalle"
    add_documents(project, [f"Bonjour, je suis {name}, client n° {i}." for i in range(300)])
    pseudonymise_project(project, reversible=True)
    assert name.encode() in _file_bytes(project)  # kept on purpose in `pseudonyms`, to restore it
    forget(project)
    assert b"Quintavalle" not in _file_bytes(project)


def test_topic_keywords_and_labels_lose_the_names_cut_from_their_sentences(project):
    """Issue 14, item 7: after pseudonymisation, topic keywords still held "amandine" and "conseillère
    amandine" (a first name alone, lower case, is no name to the finder) and reached the Excel sheet."""
    from suggest_data import verbatim_project

    from workbench.suggest.topics import fit_topics, topic_table
    from workbench.text.pseudonymise_project import pseudonymise_project

    verbatim_project(project)
    thanks = " Merci à Amandine Lefebvre, conseillère Amandine très aimable."
    project.execute("UPDATE documents SET text = text || ?, n_chars = length(text || ?) WHERE id % 3 = 0",
                    [thanks, thanks])
    run = fit_topics(project, embedder="lexical", device="cpu")
    # Topic words now leave capitalised names out; older runs, and lower-case first names, still carry
    # them, as these do.
    project.execute("UPDATE topics SET keywords = list_concat(keywords, ['amandine', 'conseillère amandine']), "
                    "label = 'conseillère amandine' WHERE run_id = ?", [run])

    def named() -> list[str]:
        return [word for row in topic_table(project, run) for word in [*row["keywords"], row["label"]]
                if "amandine" in word or "lefebvre" in word]

    assert named()  # the names are in the keywords before
    pseudonymise_project(project)
    assert named() == []
    assert any("[PERSONNE_" in word for row in topic_table(project, run) for word in row["keywords"])
