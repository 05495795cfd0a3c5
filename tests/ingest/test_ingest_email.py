"""E-mail import: .eml (declared charsets, HTML-only bodies), .mbox, .msg; quotes and signatures kept apart."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from conftest import DATA

from workbench.ingest import email as email_format
from workbench.ingest.folder import import_file
from workbench.ingest.mailtext import html_to_text, split_body

INGEST = DATA / "ingest"


def parts_of(project, document_id):
    return dict(project.rows("SELECT kind, text FROM document_parts WHERE document_id = ?", [document_id]))


def variables_of(project, document_id):
    return dict(project.rows(
        "SELECT v.name, dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
        "WHERE dv.document_id = ?", [document_id]))


def test_eml_in_windows_1252_with_quote_and_signature(project):
    result = import_file(project, INGEST / "reclamation.eml")
    assert (result.documents, result.kind) == (1, "email")
    doc = project.dicts("SELECT * FROM documents")[0]
    assert doc["title"] == "Réclamation facture de mars"  # RFC 2047 encoded subject
    assert doc["occurred_at"] == datetime(2026, 3, 12, 9, 41)
    assert doc["position"] == 1
    assert doc["text"] == (
        "Bonjour,\n\nJe conteste la facture de mars : 45,90 € prélevés deux fois.\n"
        "Merci de me rembourser rapidement.\n\nCordialement,"
    )
    parts = parts_of(project, doc["id"])
    assert parts["signature"] == "Claire Martin\n06 12 34 56 78"
    assert parts["quoted"].startswith("Le mer. 11 mars 2026 à 18:02, Service Client")
    assert "> Votre demande a bien été prise en compte." in parts["quoted"]
    assert variables_of(project, doc["id"]) == {
        "from": "Claire Martin <claire.martin@example.fr>",
        "to": "Service Client <service@example.com>",
        "cc": "Agence Rennes <rennes@example.com>",
    }


def test_html_only_eml_becomes_text_without_scripts_and_outlook_quote(project):
    import_file(project, INGEST / "relance_html.eml")
    doc = project.dicts("SELECT * FROM documents")[0]
    assert doc["title"] == "Toujours pas de réponse"
    assert doc["text"] == "Bonjour,\n\nJ'attends une réponse depuis 3 semaines & rien !\nC’est inadmissible.\n\nBien à vous,"
    assert "alert" not in doc["text"] and "color" not in doc["text"]
    parts = parts_of(project, doc["id"])
    assert parts["signature"] == "Jean Dupont"
    assert parts["quoted"] == "De : Service Client\nEnvoyé : lundi 2 mars 2026\nObjet : Votre dossier\n\n> Nous revenons vers vous sous 48h."


def test_mbox_one_document_per_message_with_positions_and_dedup(project):
    result = import_file(project, INGEST / "boite.mbox")
    assert (result.documents, result.duplicates) == (2, 1)
    docs = project.dicts("SELECT * FROM documents ORDER BY position")
    assert [(d["position"], d["title"]) for d in docs] == [(1, "Merci"), (2, "Résiliation")]
    assert docs[0]["text"] == "Merci pour votre accueil chaleureux en agence, je reste chez vous !"
    assert parts_of(project, docs[0]["id"]) == {"signature": "Alice B.\nCliente fidèle"}
    assert parts_of(project, docs[1]["id"]) == {"signature": "Envoyé de mon iPhone"}
    assert project.scalar("SELECT kind FROM sources") == "mbox"


def test_pseudonymiser_applies_to_text_parts_and_addresses(project):
    def hide(text: str) -> str:
        return text.replace("Claire Martin", "[PERSONNE]").replace("claire.martin@example.fr", "[EMAIL]")

    import_file(project, INGEST / "reclamation.eml", pseudonymiser=hide)
    doc = project.dicts("SELECT * FROM documents")[0]
    assert parts_of(project, doc["id"])["signature"] == "[PERSONNE]\n06 12 34 56 78"
    assert variables_of(project, doc["id"])["from"] == "[PERSONNE] <[EMAIL]>"


def test_msg_fields_are_mapped(project, tmp_path, monkeypatch):
    """No Outlook file can be written here, so extract-msg's reader is replaced by an object with its API."""
    import extract_msg

    path = tmp_path / "outlook.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    fake = SimpleNamespace(
        subject="Demande de rappel", sender="Paul <paul@example.fr>", to="service@example.com", cc=None,
        date=datetime(2026, 3, 20, 8, 30), body=None,
        htmlBody=b"<p>Rappelez-moi vite&nbsp;!</p><p>Cordialement,</p><p>Paul</p>", close=lambda: None,
    )
    monkeypatch.setattr(extract_msg, "openMsg", lambda name: fake)
    result = import_file(project, path)
    assert result.documents == 1
    doc = project.dicts("SELECT * FROM documents")[0]
    assert (doc["title"], doc["text"], doc["occurred_at"]) == (
        "Demande de rappel", "Rappelez-moi vite !\n\nCordialement,", datetime(2026, 3, 20, 8, 30))
    assert parts_of(project, doc["id"]) == {"signature": "Paul"}
    assert variables_of(project, doc["id"]) == {"from": "Paul <paul@example.fr>", "to": "service@example.com"}


def test_damaged_msg_is_an_ingest_error(project, tmp_path):
    path = tmp_path / "damaged.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(email_format.IngestError, match="not a readable Outlook message"):
        import_file(project, path)
    assert project.scalar("SELECT count(*) FROM sources") == 0


@pytest.mark.parametrize(
    ("body", "text", "quoted", "signature"),
    [
        ("Merci.\n\nOn Mon, 2 Mar 2026 at 10:00, SAV <s@x.com> wrote:\n> ok", "Merci.", "On Mon, 2 Mar 2026 at 10:00, SAV <s@x.com> wrote:\n> ok", ""),
        ("Non merci.\n-----Original Message-----\nFrom: a\nbla", "Non merci.", "-----Original Message-----\nFrom: a\nbla", ""),
        ("Top.\n\nLe lun. 2 mars 2026 à 10:00, SAV <s@x.com> a\nécrit :\n> ok", "Top.", "Le lun. 2 mars 2026 à 10:00, SAV <s@x.com> a\nécrit :\n> ok", ""),
        ("> question ?\nréponse\n> autre ?\nautre réponse", "réponse\nautre réponse", "> question ?\n> autre ?", ""),
        ("Texte.\n-- \nSignature", "Texte.", "", "Signature"),
        ("Texte.\nCordialement\nA\nB\nC\nD\nE\nF\nG", "Texte.\nCordialement\nA\nB\nC\nD\nE\nF\nG", "", ""),
        ("De : rien à voir\nmais c'est mon texte", "De : rien à voir\nmais c'est mon texte", "", ""),
    ],
)
def test_split_body(body, text, quoted, signature):
    assert split_body(body) == (text, quoted, signature)


def test_html_to_text_blocks_entities_and_blockquotes():
    html = "<div>Un&nbsp;&eacute;t&eacute;<br/>deux</div><ul><li>a</li><li>b</li></ul><blockquote>cité</blockquote><style>x</style>"
    assert html_to_text(html) == "Un été\ndeux\n\na\nb\n\n> cité"


def test_mbox_must_start_with_from_line(project, tmp_path):
    path = tmp_path / "faux.mbox"
    path.write_text("Subject: pas un mbox\n\nbonjour\n", encoding="utf-8")
    with pytest.raises(email_format.IngestError) as caught:
        import_file(project, path)
    assert caught.value.line == 1 and "not an mbox file" in caught.value.reason
