"""What another QDA tool said about a document (its name there, its GUID) follows the document: a source
named after the caller is pseudonymised with the texts, and nothing of it stays when the document goes."""

from __future__ import annotations

from refi_helpers import write_qdpx

from workbench.ingest.refi import import_qdpx
from workbench.removal import remove_documents
from workbench.text.pseudonymise_project import pseudonymise_project

NS = "urn:QDA-XML:project:1.0"
USER = "{11111111-2222-4333-8444-555555555555}"
SOURCE = "{aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee}"
TEXT = "Bonjour, je suis Lucie Fontaine 😀, ma facture a doublé.\r\nMerci, Lucie Fontaine."


def _archive(tmp_path):
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Etude" origin="NVivo 15" creatingUserGUID="{USER}">
  <Users><User guid="{USER}" name="Marie"/></Users>
  <Sources><TextSource guid="{SOURCE}" name="Entretien Lucie Fontaine" plainTextPath="internal://{SOURCE}.txt"
    creationDateTime="2025-03-01T10:00:00+01:00" creatingUser="{USER}"/></Sources>
</Project>"""
    return write_qdpx(tmp_path / "nvivo.qdpx", qde, {f"Sources/{SOURCE}.txt": TEXT})


def _identities(project):
    return project.rows("SELECT kind, name FROM refi_identities WHERE kind = 'document'")


def test_the_name_a_tool_gave_a_document_is_pseudonymised_with_its_text(project, tmp_path):
    import_qdpx(project, _archive(tmp_path))
    assert _identities(project) == [("document", "Entretien Lucie Fontaine")]
    pseudonymise_project(project)
    assert "Fontaine" not in project.scalar("SELECT text FROM documents")
    [(_kind, name)] = _identities(project)
    assert "Lucie" not in name and "Fontaine" not in name and name.startswith("Entretien ")


def test_removing_the_document_removes_what_the_tool_said_about_it(project, tmp_path):
    import_qdpx(project, _archive(tmp_path))
    document_id = project.scalar("SELECT id FROM documents")
    remove_documents(project, [document_id])
    assert _identities(project) == []
