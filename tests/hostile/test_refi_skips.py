"""A REFI-QDA archive none of whose sources can be read is refused, with every reason, and the project is
left exactly as it was: no source row, no code, no coder, no memo (issue 14). Before, such an import
reported success and added its codes and users around zero documents."""

from __future__ import annotations

import pytest
from cli_helpers import run
from digest import project_digest
from refi_helpers import write_qdpx

from workbench.errors import IngestError
from workbench.ingest.folder import import_paths
from workbench.ingest.refi import import_qdpx
from workbench.project import Project

pytest_plugins = ["hostile_fixtures"]  # seeded, seeded_path

NS = "urn:QDA-XML:project:1.0"
USER = "{0C7A1F3E-5B6D-4E2A-9F10-3D2C1B0A9E8F}"
CODE = "{11111111-2222-4333-8444-555555555555}"
NOTE = "{22222222-3333-4444-8555-666666666666}"
TEXT = "Bonjour, je suis très déçu du prix 😀.\r\nMerci."


def _source(guid: int, name: str, body: str = "", path: str | None = None) -> str:
    at = f' plainTextPath="{path}"' if path else ""
    return (f'<TextSource guid="{{00000000-0000-4000-8000-{guid:012d}}}" name="{name}"{at}>{body}'
            f'<PlainTextSelection guid="{{00000000-0000-4000-9000-{guid:012d}}}" startPosition="0" endPosition="7">'
            f'<Coding guid="{{00000000-0000-4000-a000-{guid:012d}}}"><CodeRef targetGUID="{CODE}"/></Coding>'
            '</PlainTextSelection></TextSource>')


def _project(sources: str) -> str:
    """A project with a user, a code, a variable and a note, whose sources are `sources`."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Etude" origin="MAXQDA 2022" creatingUserGUID="{USER}">
  <Users><User guid="{USER}" name="Marie"/></Users>
  <CodeBook><Codes><Code guid="{CODE}" name="Prix" isCodable="true"/></Codes></CodeBook>
  <Variables><Variable guid="{{33333333-4444-4555-8666-777777777777}}" name="Canal" typeOfVariable="Text"/></Variables>
  <Sources>{sources}</Sources>
  <Notes><Note guid="{NOTE}" creatingUser="{USER}"><PlainTextContent>Note du projet</PlainTextContent></Note></Notes>
  <NoteRef targetGUID="{NOTE}"/>
</Project>"""


CASES = {
    "outside the archive": (
        _source(1, "Entretien 1", path="absolute:///home/marie/entretien.txt"),
        {"sources/entretien.txt": TEXT},
        ("source 'Entretien 1' skipped: its text 'absolute:///home/marie/entretien.txt' is outside the archive, "
        "not read"),
    ),
    "rich text only": (
        _source(2, "Entretien 2").replace("<PlainTextSelection", '<RichTextContent>{\\rtf1 x}</RichTextContent>'
                                          "<PlainTextSelection", 1),
        {},
        "source 'Entretien 2' skipped: it has no plain text (rich text only)",
    ),
    "missing from the archive": (
        _source(3, "Entretien 3", path="internal://absent.txt"),
        {"sources/autre.txt": TEXT},
        "source 'Entretien 3' skipped: its text 'internal://absent.txt' is missing",
    ),
    "empty text": (
        _source(4, "Entretien 4", path="internal://vide.txt"),
        {"sources/vide.txt": " \r\n\ufeff\t\r\n"},
        "source 'Entretien 4' skipped: its text is empty",
    ),
    "only other media": (
        ('<PDFSource guid="{44444444-5555-4666-8777-888888888888}" name="contrat.pdf" path="internal://c.pdf"/>'
        '<AudioSource guid="{55555555-6666-4777-8888-999999999999}" name="appel.mp3" path="internal://a.mp3"/>'),
        {"sources/c.pdf": b"%PDF-1.4", "sources/a.mp3": b"ID3"},
        ("1 PDFSource source(s) skipped: only text sources are imported; "
        "1 AudioSource source(s) skipped: only text sources are imported"),
    ),
    "no source at all": ("", {}, "the project holds no text source"),
    "every reason at once": (
        _source(1, "Entretien 1", path="file:///etc/hostname")
        + _source(2, "Entretien 2", path="internal://absent.txt")
        + _source(3, "Entretien 3", "<PlainTextContent>   </PlainTextContent>")
        + '<PictureSource guid="{66666666-7777-4888-8999-AAAAAAAAAAAA}" name="photo.jpg"/>',
        {},
        ("source 'Entretien 1' skipped: its text 'file:///etc/hostname' is outside the archive, not read; "
        "source 'Entretien 2' skipped: its text 'internal://absent.txt' is missing; "
        "source 'Entretien 3' skipped: its text is empty; "
        "1 PictureSource source(s) skipped: only text sources are imported"),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_archive_with_no_readable_source_is_refused_and_changes_nothing(seeded, tmp_path, case):
    sources, members, reasons = CASES[case]
    archive = write_qdpx(tmp_path / "etude.qdpx", _project(sources), members)
    before = project_digest(seeded)
    with pytest.raises(IngestError) as caught:
        import_qdpx(seeded, archive)
    assert str(caught.value) == f"{archive}: nothing imported: {reasons}"
    assert project_digest(seeded) == before


def test_one_readable_source_is_enough_and_the_others_are_said(seeded, tmp_path):
    """The rule is about an import that brought nothing: one good source among skipped ones imports."""
    sources = _source(1, "Entretien 1", path="file:///etc/hostname") + _source(5, "Bon", f"<PlainTextContent>{TEXT}"
                                                                             "</PlainTextContent>")
    archive = write_qdpx(tmp_path / "etude.qdpx", _project(sources))
    documents = seeded.scalar("SELECT count(*) FROM documents")
    result = import_qdpx(seeded, archive)
    assert (result.documents, result.codings) == (1, 1)
    assert result.warnings == [("source 'Entretien 1' skipped: its text 'file:///etc/hostname' is outside the "
                               "archive, not read")]
    assert seeded.scalar("SELECT count(*) FROM documents") == documents + 1


def test_a_folder_import_reports_the_archive_as_failed(seeded, tmp_path):
    archive = write_qdpx(tmp_path / "etude.qdpx", _project(CASES["rich text only"][0]))
    before = project_digest(seeded)
    report = import_paths(seeded, [archive])
    assert [(result.status, result.message) for result in report.files] == [
        ("failed", f"nothing imported: {CASES['rich text only'][2]}")]
    assert project_digest(seeded) == before


def test_the_command_line_fails_with_the_reasons(seeded_path, tmp_path):
    archive = write_qdpx(tmp_path / "etude.qdpx", _project(CASES["outside the archive"][0]))
    with Project.open(seeded_path) as project:
        before = project_digest(project)
    code, out, err = run("import", seeded_path, archive)
    assert code == 1
    assert f"nothing imported: {CASES['outside the archive'][2]}" in out + err
    with Project.open(seeded_path) as project:
        assert project_digest(project) == before
