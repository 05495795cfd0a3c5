"""Units carry the customer's voice: a transcript's customer turns, an e-mail's body without quotes or signature."""

from __future__ import annotations

import json

import numpy as np
import pytest
from builders import add_document

from workbench.cli import main
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_paths
from workbench.project import Project
from workbench.suggest.roles import set_speaker_roles
from workbench.suggest.units import (
    detect_role,
    email_body,
    load_units,
    overrides,
    speaker_roles,
    voice_texts,
)
from workbench.text.normalise import normalise_text

CALL = ("Conseillère Julie : Alvéa service client, bonjour !\r\n"
        "Mme Durand : Bonjour, ma facture de mars 😡 est deux fois trop élevée, je ne comprends pas.\r\n"
        "Conseillère Julie : Je regarde votre dossier, un instant s'il vous plaît.\r\n"
        "Mme Durand : Et le prélèvement est passé deux fois sur mon compte 💳, c'est inadmissible.\r\n"
        "Conseillère Julie : Je lance le remboursement tout de suite, bonne journée.\r\n")


def _import_call(project, tmp_path, text: str = CALL) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "appel.txt"
    path.write_bytes(text.encode("utf-8"))
    import_paths(project, [path], kind="call")
    return project.rows("SELECT id, text FROM documents")[0]


@pytest.mark.parametrize(("label", "role"), [
    ("Client", "client"), ("Cliente", "client"), ("Mme Durand", "client"), ("M. Dupont", "client"),
    ("Participante", "client"), ("Conseiller", "agent"), ("Conseillère Julie", "agent"), ("Agent", "agent"),
    ("Téléconseiller", "agent"), ("Téléconseillère Anne", "agent"), ("Enquêtrice", "agent"),
    ("Speaker 1", "other"), ("Julie", "other"),
])
def test_speaker_roles_are_detected_from_the_labels(label, role):  # type: ignore[no-untyped-def]
    assert detect_role(label) == role


def test_a_transcript_gives_only_the_customers_turns_with_code_point_offsets(project, tmp_path):
    document_id, stored = _import_call(project, tmp_path)
    assert "\r" not in stored
    units = load_units(project, "segments")
    assert [unit.kind for unit in units] == ["segment", "segment"]
    for unit in units:
        assert unit.document_id == document_id and stored[unit.start:unit.end] == unit.text
        assert stored[:unit.start].endswith("Mme Durand : ")
    assert "😡" in units[0].text and units[1].text.endswith("c'est inadmissible.")
    assert not any("dossier" in unit.text or "remboursement" in unit.text for unit in units)


def test_auto_keeps_a_call_whole_while_its_customer_says_little_and_takes_the_turns_of_a_long_one(
        project, tmp_path):
    short_id, _ = _import_call(project, tmp_path)
    long_call = "".join(f"Conseillère Julie : question numéro {i} ?\nMme Durand : réponse numéro {i}, "
                        f"assez longue pour qu'à la fin le client ait beaucoup parlé.\n" for i in range(20))
    path = tmp_path / "long.txt"
    path.write_text(long_call, encoding="utf-8")
    import_paths(project, [path], kind="call")
    units = load_units(project, "auto")
    whole = [unit for unit in units if unit.document_id == short_id]
    assert [unit.kind for unit in whole] == ["document"] and whole[0].text == load_units(project, "documents")[0].text
    turns = [unit for unit in units if unit.document_id != short_id]
    assert len(turns) == 20 and all(unit.kind == "segment" and unit.text.startswith("réponse") for unit in turns)


def test_a_whole_call_unit_keeps_its_span_and_holds_the_customers_words(project, tmp_path):
    _, stored = _import_call(project, tmp_path)
    units = load_units(project, "documents")
    assert [(u.kind, u.start, u.end) for u in units] == [("document", 0, len(stored))]
    words = units[0].text
    assert words.startswith("Bonjour, ma facture de mars 😡") and words.endswith("c'est inadmissible.")
    assert "Mme Durand" not in words and "dossier" not in words and "remboursement" not in words
    assert voice_texts(project, units) == [words]


def test_a_call_without_a_customer_label_stays_whole(project, tmp_path):
    _, stored = _import_call(project, tmp_path, CALL.replace("Mme Durand", "Speaker 2"))
    units = load_units(project, "documents")
    assert [unit.text for unit in units] == [stored]
    assert "Speaker 2" not in voice_texts(project, units)[0]


def test_the_project_can_override_speaker_roles(project, tmp_path):
    _, stored = _import_call(project, tmp_path)
    roles = {row["speaker"]: row["role"] for row in speaker_roles(project)}
    assert roles == {"Conseillère Julie": "agent", "Mme Durand": "client"}
    set_speaker_roles(project, {"Mme Durand": "agent", "Conseillère Julie": "client"})
    units = load_units(project, "segments")
    assert len(units) == 3 and all(stored[:u.start].endswith("Conseillère Julie : ") for u in units)
    rows = {row["speaker"]: row for row in speaker_roles(project)}
    assert rows["Mme Durand"]["detected"] == "client" and rows["Mme Durand"]["overridden"]
    set_speaker_roles(project, {"Mme Durand": "auto", "Conseillère Julie": "auto"})
    assert [u.text[:8] for u in load_units(project, "segments")] == ["Bonjour,", "Et le pr"]
    with pytest.raises(WorkbenchError, match="unknown speaker role 'boss'"):
        set_speaker_roles(project, {"Mme Durand": "boss"})
    assert overrides(project) == {}


def test_a_role_correction_is_undone_and_redone_like_any_action(project, tmp_path):
    """Undo and redo reread the calls the correction concerns: their cached vectors go each time."""
    from workbench import history
    from workbench.suggest.embed import store_vectors

    _import_call(project, tmp_path)
    set_speaker_roles(project, {"Mme Durand": "agent", "Conseillère Julie": "client"})
    set_speaker_roles(project, {"Mme Durand": "other"})
    assert overrides(project) == {"Conseillère Julie": "client", "Mme Durand": "other"}
    (call,) = load_units(project, "documents")
    for replay, expected in ((history.undo, {"Conseillère Julie": "client", "Mme Durand": "agent"}),
                             (history.undo, {}),
                             (history.redo, {"Conseillère Julie": "client", "Mme Durand": "agent"})):
        store_vectors(project, "e5-small", [call], np.ones((1, 4), dtype=np.float32))
        entry = replay(project)
        assert entry["action"] == "set_speaker_roles" and overrides(project) == expected
        assert project.scalar("SELECT count(*) FROM embeddings WHERE unit_id = ?", [call.document_id]) == 0
    assert json.loads(project.scalar("SELECT payload FROM journal WHERE action = 'set_speaker_roles' ORDER BY id "
                                     "LIMIT 1"))["description"] == (
        "set speaker roles: Conseillère Julie → client, Mme Durand → agent")


def test_a_transcript_without_a_known_customer_keeps_every_turn(project, tmp_path):
    text = "".join(f"Speaker {1 + i % 2} : phrase numéro {i} assez longue pour compter\n" for i in range(40))
    _import_call(project, tmp_path, text)
    units = load_units(project, "auto")
    assert len(units) == 40 and all(u.kind == "segment" for u in units)


EMAIL = normalise_text(
    "Bonjour,\r\n\r\nJe n'ai toujours pas reçu mon colis 📦 commandé le 2 mars.\r\n"
    "Pouvez-vous me dire où il en est ?\r\n\r\nCordialement,\r\nMarie Durand\r\n06 12 34 56 78\r\n\r\n"
    "Le 3 mars 2026 à 10:12, Service Client Alvéa a écrit :\r\n"
    "> Votre commande a bien été expédiée.\r\n> Bonne journée.\r\n")


def test_email_units_leave_out_the_quoted_thread_and_the_signature(project):
    document_id = add_document(project, EMAIL, kind="email")
    (unit,) = load_units(project, "documents")
    assert unit.document_id == document_id and unit.text == EMAIL[unit.start:unit.end]
    assert unit.text.startswith("Bonjour,") and unit.text.endswith("Cordialement,") and "📦" in unit.text
    assert "expédiée" not in unit.text and "Marie Durand" not in unit.text and "06 12" not in unit.text
    assert load_units(project, "auto") == [unit]


def test_interleaved_quotes_and_dash_signatures_are_left_out(project):
    text = ("> Pouvez-vous préciser la date ?\nLe colis devait arriver lundi.\n> Et le numéro ?\n"
            "Commande 4521, payée par carte.\n-- \nMarie Durand\nEnvoyé de mon iPhone")
    add_document(project, text, kind="email")
    add_document(project, "> Tout le message est une citation.\n> Rien d'autre.", kind="email")
    (unit,) = load_units(project, "documents")
    assert unit.text == "Le colis devait arriver lundi.\nCommande 4521, payée par carte."
    assert text[unit.start:unit.end] == "Le colis devait arriver lundi.\n> Et le numéro ?\nCommande 4521, payée par carte."
    assert email_body("Merci pour tout.\n") == (0, 17, "Merci pour tout.\n")


def test_speakers_command_lists_and_corrects_roles(project, tmp_path, capsys):
    _import_call(project, tmp_path)
    path = str(project.path)
    project.close()
    code, out, _ = _run(capsys, "speakers", path)
    assert code == 0 and "Mme Durand" in out and "client" in out and "Conseillère Julie" in out
    code, out, _ = _run(capsys, "speakers", path, "--agent", "Mme Durand", "--json")
    rows = {row["speaker"]: row for row in json.loads(out)}
    assert rows["Mme Durand"]["role"] == "agent" and rows["Mme Durand"]["overridden"]
    with Project.open(path) as reopened:
        assert [u.kind for u in load_units(reopened, "auto")] == ["document"]  # no customer left: the whole call
    code, _, err = _run(capsys, "speakers", path, "--client", " ")
    assert code != 0 and "speaker label cannot be empty" in err


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def _cached_models(project, document_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(model for (model,) in project.rows(
        "SELECT model FROM embeddings WHERE unit_kind = 'document' AND unit_id = ?", [document_id]))


def test_a_role_change_drops_the_whole_call_vectors_so_the_call_is_embedded_again(project, tmp_path):
    from workbench.suggest.embed import corpus_fingerprint, embed_units, get_embedder

    document_id, _ = _import_call(project, tmp_path)
    model, _ = get_embedder("lexical", units=load_units(project, "documents"))
    assert embed_units(project, model, units="documents").computed == 1
    fitted_on = corpus_fingerprint(load_units(project, "documents"))
    set_speaker_roles(project, {"Mme Durand": "client"})  # the role it already had: the vector still holds
    assert _cached_models(project, document_id) == [model.model_id]
    set_speaker_roles(project, {"Mme Durand": "agent", "Conseillère Julie": "client"})
    assert _cached_models(project, document_id) == []
    (unit,) = load_units(project, "documents")
    assert unit.text.startswith("Alvéa service client, bonjour !") and "Mme Durand" not in unit.text
    assert corpus_fingerprint([unit]) != fitted_on  # the lexical views fitted on the old words are not reused
    assert embed_units(project, model, units="documents").computed == 1


def test_opening_an_older_project_drops_vectors_of_whole_calls_embedded_with_the_advisers_words(tmp_path):
    from workbench.suggest.embed import store_vectors
    from workbench.suggest.units import Unit

    path = tmp_path / "old.vwb"
    with Project.create(path, version=6, language="fr") as old:
        call_id, _ = _import_call(old, tmp_path)
        survey_id = add_document(old, "Très bien.", kind="survey")
        units = [Unit("document", call_id, call_id, 0, 1, "old"), Unit("document", survey_id, survey_id, 0, 10, "x")]
        store_vectors(old, "e5-small", units, np.ones((2, 4), dtype=np.float32))
    with Project.open(path) as project:
        assert _cached_models(project, call_id) == [] and _cached_models(project, survey_id) == ["e5-small"]


def test_opening_an_older_project_keeps_its_speaker_role_corrections(tmp_path):
    """Version 8 moved the corrections from one `meta` value into journalled rows."""
    path = tmp_path / "old.vwb"
    with Project.create(path, version=7, language="fr") as old:
        _import_call(old, tmp_path)
        with old.transaction():
            old.set_meta("speaker_roles", json.dumps({"Mme Durand": "agent", 'Conseillère "Julie"': "client"}))
    with Project.open(path) as project:
        assert overrides(project) == {"Mme Durand": "agent", 'Conseillère "Julie"': "client"}
        assert project.get_meta("speaker_roles") is None
        assert {row["speaker"]: row["role"] for row in speaker_roles(project)}["Mme Durand"] == "agent"
