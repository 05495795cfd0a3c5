"""Word and Excel files are zip archives: a bomb or a hidden DOCTYPE is refused before any library
expands it, and the project is left as it was (issue 14, item 3). Generated at test time."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench.errors import IngestError
from workbench.ingest.folder import import_file

DOCUMENT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>Client : ma facture est fausse.</w:t></w:r></w:p></w:body></w:document>')


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_an_office_zip_bomb_is_refused_before_it_is_expanded(project, tmp_path, suffix):
    bomb = b"\x00" * (40 * 1024**2)  # compresses about 1000:1
    inner = {"word/document.xml": DOCUMENT.encode(), "word/media/image1.bin": bomb} if suffix == ".docx" else \
        {"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": bomb}
    path = _zip(tmp_path / f"bombe{suffix}", inner)
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(IngestError, match="compression ratio of .*zip bomb"):
        import_file(project, path)
    assert project.scalar("SELECT count(*) FROM documents") == 0
    assert project.scalar("SELECT count(*) FROM sources") == 0


def test_a_doctype_hidden_past_the_first_kilobytes_of_a_word_part_is_found(project, tmp_path):
    padded = DOCUMENT.replace("?>", "?>" + " " * 200_000 + '<!DOCTYPE w [<!ENTITY x "y">]>', 1)
    path = _zip(tmp_path / "cache.docx", {"word/document.xml": padded.encode()})
    with pytest.raises(IngestError, match="declares a DOCTYPE/ENTITY"):
        import_file(project, path)
    assert project.scalar("SELECT count(*) FROM documents") == 0


def test_a_project_xml_over_the_read_limit_is_refused_before_it_is_read(project, tmp_path):
    """A .qdpx within every zip limit held a project XML of 500 MB that the parser took 20 GB to expand
    (issue 14, item 3): what is read into memory is bounded apart from what an archive may contain."""
    from workbench.ingest.refi import import_qdpx
    from workbench.refi_xml import ZipLimits

    xml = b'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">' \
        + b"<Description>" + b"a" * 3_000_000 + b"</Description></Project>"
    archive = _zip(tmp_path / "gros.qdpx", {"project.qde": xml})
    with pytest.raises(IngestError, match="over the 2 MB read from one member"):
        import_qdpx(project, archive, limits=ZipLimits(max_read_bytes=2 * 1024**2, max_ratio=10_000))
    assert project.scalar("SELECT count(*) FROM codes") == 0
