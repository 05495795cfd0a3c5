"""The project XML of a REFI-QDA archive is parsed as it is read, never held whole (issue 14): a 90 MB
project XML took 1.9 GB to import when it was read into memory and parsed into one tree."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from refi_helpers import write_qdpx

from workbench.errors import IngestError
from workbench.ingest.refi import import_qdpx
from workbench.refi_xml import ZipLimits

NS = "urn:QDA-XML:project:1.0"
CODE = "{11111111-2222-4333-8444-555555555555}"
TEXT_SOURCE = (f'<TextSource guid="{{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}}" name="Appel"><PlainTextContent>'
               f'Le prix a augmenté 😀.</PlainTextContent><PlainTextSelection guid="{{A1B2C3D4-E5F6-4711-8899-0000000000AA}}" '
               f'startPosition="3" endPosition="7"><Coding guid="{{A1B2C3D4-E5F6-4711-8899-0000000000BB}}">'
               f'<CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection></TextSource>')

# Reads the archive given on the command line into a new project and prints how much the peak resident
# memory grew during the import (a fresh process: the peak says nothing about anything else).
_MEASURE = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    from workbench.ingest.refi import import_qdpx
    from workbench.project import Project

    with Project.create(Path(sys.argv[2])) as project:
        project.scalar("SELECT count(*) FROM documents")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = import_qdpx(project, Path(sys.argv[1]))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(result.documents, (after - before) * 1024)
""")


def _padded_archive(path: Path, xml_bytes: int) -> Path:
    """A valid project of one coded text source, padded to `xml_bytes` with PDF sources (each with a
    description, all skipped): many elements, next to nothing to keep."""
    head = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="p"><CodeBook><Codes>'
            f'<Code guid="{CODE}" name="Prix" isCodable="true"/></Codes></CodeBook><Sources>{TEXT_SOURCE}').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("project.qde", "w", force_zip64=True) as member:
        member.write(head)
        written, number = len(head), 0
        while written < xml_bytes:
            chunk = b"".join(
                b'<PDFSource guid="{00000000-0000-4000-8000-%012d}" name="page %d" path="internal://p.pdf">'
                b"<Description>Contrat sign\xc3\xa9, page %d.</Description></PDFSource>" % (n, n, n)
                for n in range(number, number + 5_000))
            member.write(chunk)
            written, number = written + len(chunk), number + 5_000
        member.write(b"</Sources></Project>")
    return path


def test_memory_does_not_grow_with_the_size_of_the_project_xml(tmp_path):
    """Read whole and parsed into one tree, this 24 MB XML made the import take 228 MB more; streamed, about
    10 MB (one record at a time, and the project's own work): never as much as the XML itself."""
    xml_bytes = 24 * 1024**2
    archive = _padded_archive(tmp_path / "gros.qdpx", xml_bytes)
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(archive), str(tmp_path / "p.vwb")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    documents, growth = map(int, done.stdout.split())
    assert documents == 1
    assert growth < xml_bytes, f"peak memory grew by {growth / 1024**2:.0f} MB"


def test_a_codebook_over_the_limit_is_refused_with_its_line(project, tmp_path):
    codes = "\n".join(f'<Code guid="{{00000000-0000-4000-8000-{n:012d}}}" name="c{n}" isCodable="true"/>'
                      for n in range(6))
    qde = f'<Project xmlns="{NS}" name="p"><CodeBook><Codes>\n{codes}\n</Codes></CodeBook></Project>'
    archive = write_qdpx(tmp_path / "codes.qdpx", qde)
    with pytest.raises(IngestError) as caught:
        import_qdpx(project, archive, limits=ZipLimits(max_codes=5))
    assert caught.value.reason == "the codebook holds over 5 codes; refused"
    assert caught.value.line == 7
    assert project.scalar("SELECT count(*) FROM codes") == 0


def test_a_record_over_the_element_limit_is_refused_with_its_line(project, tmp_path):
    """One selection with thousands of codings is one record, held whole until its end: it is bounded."""
    codings = "".join(f'<Coding guid="{{00000000-0000-4000-8000-{n:012d}}}"><CodeRef targetGUID="{CODE}"/></Coding>'
                      for n in range(60))
    qde = (f'<Project xmlns="{NS}" name="p"><Sources>\n{TEXT_SOURCE}\n'
           + TEXT_SOURCE.replace("<Coding ", codings + "<Coding ") + "</Sources></Project>")
    archive = write_qdpx(tmp_path / "record.qdpx", qde)
    with pytest.raises(IngestError) as caught:
        import_qdpx(project, archive, limits=ZipLimits(max_record_elements=100))
    assert caught.value.reason == "a <PlainTextSelection> holds over 100 elements; refused"
    assert caught.value.line == 3
    assert project.scalar("SELECT count(*) FROM documents") == 0
    assert import_qdpx(project, archive, limits=ZipLimits(max_record_elements=200)).documents == 1


@pytest.mark.parametrize("packed", [True, False], ids=["archive", "folder"])
def test_a_source_text_over_the_limit_is_refused_before_it_is_read(project, tmp_path, packed):
    """Mapping a text's positions takes about 32 bytes per character for a moment: a 96 MB text (the old
    only limit) took gigabytes. A text over `max_text_bytes` refuses the archive, naming it."""
    qde = (f'<Project xmlns="{NS}" name="p"><Sources><TextSource guid="{{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}}" '
           'name="Long" plainTextPath="internal://long.txt"/></Sources></Project>')
    text = "".join(f"Appel {n:06d} : le prix a augmenté 😀.\n" for n in range(38_000))  # 1.5 MB
    if packed:
        path = write_qdpx(tmp_path / "long.qdpx", qde, {"sources/long.txt": text})
    else:
        (tmp_path / "sources").mkdir()
        (tmp_path / "sources" / "long.txt").write_text(text, encoding="utf-8")
        path = tmp_path / "project.qde"
        path.write_text(qde, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        import_qdpx(project, path, limits=ZipLimits(max_text_bytes=1024**2))
    assert str(caught.value) == (f"{path}: text 'sources/long.txt' is 1.5 MB, over the 1 MB a source or note text "
                                 "may hold; refused")
    assert project.scalar("SELECT count(*) FROM sources") == 0
    assert import_qdpx(project, path, limits=ZipLimits(max_text_bytes=2 * 1024**2)).documents == 1
