"""Transcript import: speaker turns from .txt, .docx, .vtt, .srt as segments slicing the stored text exactly."""

from __future__ import annotations

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.base import ParsedDocument, Turn, clean_text
from workbench.ingest.folder import import_file
from workbench.ingest.store import prepare
from workbench.ingest.transcripts import seconds, turns_from_lines
from workbench.text.normalise import normalise_text

INGEST = DATA / "ingest"


def turns_of(project):
    """(speaker, sliced text, t_start, t_end) of every turn, sliced in Python from the stored text."""
    rows = project.rows(
        "SELECT d.text, s.start_pos, s.end_pos, s.speaker, s.t_start, s.t_end FROM segments s "
        "JOIN documents d ON d.id = s.document_id WHERE s.kind = 'turn' ORDER BY s.document_id, s.start_pos"
    )
    return [(speaker, text[start:end], t0, t1) for text, start, end, speaker, t0, t1 in rows]


def test_txt_with_bom_crlf_timestamps_emoji_and_preamble(project):
    result = import_file(project, INGEST / "appel_box.txt")
    assert (result.documents, result.segments, result.kind) == (1, 4, "call")
    text = project.scalar("SELECT text FROM documents")
    assert text == (
        "Appel du 12/03/2026 - ligne fixe\n"
        "Conseillère : Bonjour, service client, Julie à l'appareil 😊\n"
        "Client : Oui bonjour, j'appelle pour ma box qui ne marche plus\ndepuis trois jours.\n"
        "Conseillère : Je suis désolée, je regarde ça tout de suite.\n"
        "Client : Franchement c'est la troisième fois ce mois-ci !"
    )
    assert turns_of(project) == [
        ("Conseillère", "Bonjour, service client, Julie à l'appareil 😊", 5.0, None),
        ("Client", "Oui bonjour, j'appelle pour ma box qui ne marche plus\ndepuis trois jours.", 9.0, None),
        ("Conseillère", "Je suis désolée, je regarde ça tout de suite.", 15.0, None),
        ("Client", "Franchement c'est la troisième fois ce mois-ci !", 31.0, None),
    ]
    # The same slices in SQL (DuckDB substring counts code points too, so the emoji does not shift them).
    sliced = project.rows("SELECT substring(d.text, s.start_pos + 1, s.end_pos - s.start_pos) FROM segments s "
                          "JOIN documents d ON d.id = s.document_id ORDER BY s.start_pos")
    assert [row[0] for row in sliced] == [turn[1] for turn in turns_of(project)]


def test_vtt_voice_tags_merge_same_speaker_cues(project):
    import_file(project, INGEST / "appel_facture.vtt")
    assert turns_of(project) == [
        ("Conseiller", "Bonjour, vous êtes bien chez Énergie Plus.", 1.0, 4.5),
        ("Cliente", "Bonjour, je voudrais comprendre ma facture & l'échéancier. Elle a doublé depuis janvier !", 5.0, 10.0),
        ("Conseiller", "Je comprends, je vérifie.", 10.5, 12.0),
        ("Cliente", "D'accord.", 10.5, 12.0),
    ]
    assert project.scalar("SELECT kind FROM sources") == "vtt"


def test_srt_with_and_without_speakers(project):
    import_file(project, INGEST / "appel_colis.srt")
    import_file(project, INGEST / "sous_titres_sans_locuteur.srt", kind="interview")
    assert turns_of(project) == [
        ("Agent", "Bonjour, que puis-je faire pour vous ?", 1.0, 3.0),
        ("Client", "Mon colis n'est jamais arrivé.", 3.5, 6.0),
        ("Agent", "Je lance une enquête.", 6.1, 7.0),
        (None, "Bonjour à tous.", 1.0, 2.0),
        (None, "On commence l'entretien.", 2.5, 4.0),
    ]
    assert project.scalar("SELECT text FROM documents WHERE kind = 'interview'") == "Bonjour à tous.\nOn commence l'entretien."


def test_docx_interview_with_title_and_continuation_paragraphs(project):
    result = import_file(project, INGEST / "entretien_fidele.docx")
    assert result.kind == "interview"
    doc = project.dicts("SELECT * FROM documents")[0]
    assert doc["title"] == "Entretien client fidèle"
    assert doc["text"].startswith("Entretien réalisé le 10/03/2026\nEnquêteur : Depuis combien")
    assert turns_of(project)[1] == ("Mme L.", "Depuis 1998, presque trente ans.\nOn a grandi ensemble, si je puis dire.",
                                    None, None)
    assert [turn[0] for turn in turns_of(project)] == ["Enquêteur", "Mme L.", "Enquêteur", "Mme L."]


def test_label_heuristics():
    lines = ["Objet : résiliation", "Client : bonjour", "Agent : bonjour", "Client : voilà, c'est simple : rien",
             "Agent : d'accord", "Note, à relire : plus tard"]
    doc = turns_from_lines(lines)
    assert doc.preamble == "Objet : résiliation"  # one occurrence only: not a speaker
    assert [(t.speaker, t.text) for t in doc.turns] == [
        ("Client", "bonjour"), ("Agent", "bonjour"), ("Client", "voilà, c'est simple : rien"),
        ("Agent", "d'accord\nNote, à relire : plus tard"),
    ]
    single = turns_from_lines(["00:01:02 Client: une seule réplique horodatée"])
    assert [(t.speaker, t.t_start) for t in single.turns] == [("Client", 62.0)]
    short = turns_from_lines(["Client : ma box est en panne", "Agent : je regarde", ""])
    assert [(t.speaker, t.text) for t in short.turns] == [("Client", "ma box est en panne"), ("Agent", "je regarde\n")]
    letter = turns_from_lines(["Objet : résiliation", "Date : 12/03", "Bonjour,", "je veux résilier.", "Merci"])
    assert letter.turns == []
    plain = turns_from_lines(["Notes d'entretien sans locuteur.", "Deuxième ligne."])
    assert plain.turns == [] and plain.text == "Notes d'entretien sans locuteur.\nDeuxième ligne."


def test_an_adviser_who_speaks_once_in_a_call_excerpt_is_a_speaker():
    excerpt = turns_from_lines(["Client : je conteste le prélèvement de 89 euros", "Conseiller : je vais regarder",
                                "Client : non, je veux l'article exact.", "Et je veux un écrit."])
    assert [(t.speaker, t.text) for t in excerpt.turns] == [
        ("Client", "je conteste le prélèvement de 89 euros"), ("Conseiller", "je vais regarder"),
        ("Client", "non, je veux l'article exact.\nEt je veux un écrit.")]
    told = turns_from_lines(["Cliente : ma box est en panne depuis lundi,", "et personne ne rappelle.",
                             "Technicien : je passe demain.", "Merci de votre patience."])
    assert [t.speaker for t in told.turns] == ["Cliente", "Technicien"]
    survey = turns_from_lines(["Client : depuis dix ans, toujours satisfait.", "Rien à redire."])
    assert survey.turns == []  # one role label alone: a survey answer, not a call
    letter = turns_from_lines(["Objet : résiliation", "Client : M. Martin", "Bonjour,", "je veux résilier.", "Merci"])
    assert letter.turns == []


def test_txt_without_speakers_is_plain_text(project, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Compte rendu : le client est parti.\r\nFin.", encoding="cp1252")
    result = import_file(project, path)
    assert (result.documents, result.segments) == (1, 0)
    assert project.scalar("SELECT text FROM documents") == "Compte rendu : le client est parti.\nFin."


def test_seconds():
    assert seconds("01:02:03,5") == 3723.5
    assert seconds("02:03.250") == 123.25


def test_pseudonymised_turns_still_slice_the_stored_text(project):
    def hide(text: str) -> str:
        return text.replace("Julie", "[PRÉNOM]").replace("Conseillère", "Agent·e 🙂")

    import_file(project, INGEST / "appel_box.txt", pseudonymiser=hide)
    turns = turns_of(project)
    assert turns[0] == ("Agent·e 🙂", "Bonjour, service client, [PRÉNOM] à l'appareil 😊", 5.0, None)
    text = project.scalar("SELECT text FROM documents")
    assert "Julie" not in text and "Agent·e 🙂 : Bonjour" in text


_PIECES = st.text(alphabet=st.sampled_from("ab é\u0301\r\n\u2028\ufeff\x00\t😊👍🏽:"), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), _PIECES), _PIECES), max_size=6), _PIECES,
       st.booleans())
def test_turn_offsets_slice_assembled_text(raw_turns, preamble, pseudonymise):
    pseudonymiser = (lambda text: text.replace("a", "[X]\r\n")) if pseudonymise else None
    document = ParsedDocument(position=1, turns=[Turn(speaker, said) for speaker, said in raw_turns], preamble=preamble)
    prepared = prepare(document, pseudonymiser)
    assert normalise_text(prepared.text) == prepared.text
    expected = []
    for speaker, said in raw_turns:
        utterance = clean_text(said)
        if pseudonymiser and utterance:
            utterance = clean_text(pseudonymiser(utterance))
        if utterance:
            expected.append(utterance)
    assert [prepared.text[start:end] for start, end, *_ in prepared.turns] == expected
    for start, end, speaker, *_ in prepared.turns:
        if speaker:
            assert prepared.text[:start].endswith(f"{speaker} : ")


def test_vtt_without_header_is_refused(project, tmp_path):
    from workbench.errors import IngestError

    path = tmp_path / "sans_entete.vtt"
    path.write_text("00:00:01.000 --> 00:00:02.000\n<v A>bonjour\n", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        import_file(project, path)
    assert caught.value.line == 1 and "first line must be WEBVTT" in caught.value.reason
