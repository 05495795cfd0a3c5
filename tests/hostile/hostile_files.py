"""Hostile files made at test time: well-formed Word, Excel and REFI-QDA files first, then the one thing
each case changes (an added member, a declaration, a lying header), so a refusal can only come from it."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

INGEST = Path(__file__).resolve().parent.parent / "data" / "ingest"
G_SOURCE = "{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}"
G_CODE = "{11111111-2222-4333-8444-555555555555}"
SOURCE_TEXT = "Client : ma facture 🧾 est fausse.\r\nConseillère : je regarde, désolée."
# The part of each format that a declaration goes into, and where an entity reference can be used.
MAIN_PART = {".docx": "word/document.xml", ".xlsx": "xl/worksheets/sheet1.xml", ".qdpx": "project.qde"}

XXE = '<!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
LAUGHS = ('<!DOCTYPE {root} [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY x "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
ATTACKS = {"external entity": XXE, "billion laughs": LAUGHS}


def qde(description: str = "Le prix") -> str:
    """A small REFI-QDA project: one code, one source."""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n'
            f'<Project xmlns="urn:QDA-XML:project:1.0" name="Etude" origin="Autre outil">'
            f'<CodeBook><Codes><Code guid="{G_CODE}" name="Prix" isCodable="true">'
            f'<Description>{description}</Description></Code></Codes></CodeBook>'
            f'<Sources><TextSource guid="{G_SOURCE}" name="Entretien" plainTextPath="internal://{G_SOURCE}.txt"/>'
            f'</Sources></Project>')


def write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def members_of(suffix: str, folder: Path) -> dict[str, bytes | str]:
    """The members of a valid file of that format."""
    if suffix == ".qdpx":
        return {"project.qde": qde(), f"sources/{G_SOURCE}.txt": SOURCE_TEXT}
    if suffix == ".docx":
        source = INGEST / "entretien_fidele.docx"
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["id", "commentaire"])
        sheet.append([1, "La facture est fausse depuis des mois."])
        source = folder / "_modele.xlsx"
        workbook.save(source)
    with zipfile.ZipFile(source) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def valid_file(path: Path, *, extra: dict[str, bytes | str] | None = None,
               transform: Callable[[str], str] | None = None, encoding: str = "utf-8") -> Path:
    """A valid file of `path`'s format with `extra` members added and its main part rewritten by
    `transform` (on its text) and encoded in `encoding` (its XML declaration saying so)."""
    members = members_of(path.suffix, path.parent)
    part = MAIN_PART[path.suffix]
    if transform is not None or encoding != "utf-8":
        text = members[part]
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        if not text.startswith("<?xml"):
            text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text
        head, _, body = text.partition("?>")
        head = re.sub(r"encoding=[\"'][^\"']*[\"']", f'encoding="{encoding}"', head)
        text = head + "?>" + body
        members[part] = (transform(text) if transform else text).encode(encoding)
    return write_zip(path, {**members, **(extra or {})})


def with_declaration(attack: str, root: str, reference: str) -> Callable[[str], str]:
    """Put `attack`'s DOCTYPE before the root element and use its entity in place of `reference`."""
    def transform(text: str) -> str:
        head, _, body = text.partition("?>")
        body = body.replace(reference, "&x;", 1)
        assert "&x;" in body, reference
        return head + "?>" + ATTACKS[attack].format(root=root) + body
    return transform


ENTITY_USE = {".docx": ("w:document", "Entretien"), ".xlsx": ("worksheet", "commentaire"),
              ".qdpx": ("Project", "Le prix")}
