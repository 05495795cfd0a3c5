"""XML entity attacks, external entities (XXE) and entity expansion ("billion laughs"), in UTF-8 and in
UTF-16, in every XML a user can import: a REFI-QDA project (.qdpx), a codebook (.qdc, `codebook load`),
Word and Excel files. Each is refused before any parser acts on the declaration, in one line naming the
file, and the project is left as it was (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_files import ATTACKS, ENTITY_USE, MAIN_PART, valid_file, with_declaration, write_zip

from workbench.ingest.folder import import_file

pytest_plugins = ["hostile_fixtures"]  # seeded, refused, cli_refused

DATA = Path(__file__).resolve().parent.parent / "data" / "hostile"
ENCODINGS = ["utf-8", "utf-16"]


def _refusal(path: Path) -> str:
    if path.suffix == ".qdpx":
        return f"{path}: member 'project.qde': XML with a DOCTYPE or entity declarations is refused (entity attacks)"
    return f"{path}: refused: {MAIN_PART[path.suffix]} declares a DOCTYPE/ENTITY (hostile XML)"


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("attack", list(ATTACKS))
@pytest.mark.parametrize("suffix", [".qdpx", ".docx", ".xlsx"])
def test_an_entity_attack_in_an_imported_file(refused, tmp_path, suffix, attack, encoding):
    root, reference = ENTITY_USE[suffix]
    path = valid_file(tmp_path / f"attaque{suffix}", transform=with_declaration(attack, root, reference),
                      encoding=encoding)
    refused(lambda project: import_file(project, path), _refusal(path))


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("name", ["billion_laughs.qdc", "external_entity.qdc"])
def test_an_entity_attack_in_a_codebook(cli_refused, seeded_path, tmp_path, name, encoding):
    text = (DATA / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"').encode(encoding))
    cli_refused(f"{path}: refused: the file declares a DTD or entities, which a REFI-QDA file never needs "
                "(possible entity-expansion 'billion laughs' or external-entity attack)",
                "codebook", "load", seeded_path, path)


def test_a_doctype_past_the_first_64_kb_of_a_word_part(refused, tmp_path):
    """Only the first 64 KB of a part were searched: a declaration after 200 KB of blanks passed."""
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + " " * 200_000
                + '<!DOCTYPE w [<!ENTITY x "y">]>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                '<w:p><w:r><w:t>Client : ma facture est fausse.</w:t></w:r></w:p></w:body></w:document>')
    path = write_zip(tmp_path / "cache.docx", {"word/document.xml": document})
    refused(lambda project: import_file(project, path),
            f"{path}: refused: word/document.xml declares a DOCTYPE/ENTITY (hostile XML)")
