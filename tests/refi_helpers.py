"""Builders for the REFI-QDA tests: a small coded project with every kind of content, a dump that compares
two projects without their ids, and a writer for hand-made .qdpx archives in other tools' habits."""

from __future__ import annotations

import hashlib
import struct
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import builders

from workbench import codebook
from workbench.coding import apply_code
from workbench.project import Project
from workbench.store.memos import add_memo

# Emoji (astral), a flag (two code points), accents, a combining mark NFC keeps apart (x + U+0301).
TEXTS = (
    "Bonjour, j'ai appelé 3 fois 😀 pour ma facture.\nLe conseiller était très aimable.",
    "Trop cher ! 🇫🇷 Le prix a augmenté de 20 %.\n\nJe vais résilier, x\u0301 c'est sûr. 👍🏽 Merci.",
    "Livraison rapide, colis intact.",
)


def add_document(project: Project, text: str, title: str | None, kind: str, occurred: datetime | None,
                 lang: str | None) -> int:
    return builders.add_document(project, text, title, kind, lang=lang, occurred_at=occurred,
                                 source_name=f"{title}.txt",
                                 source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def set_value(project: Project, document_id: int, name: str, var_type: str, value: str | None) -> None:
    builders.set_value(project, document_id, name, value, var_type)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def build_rich_project(project: Project) -> dict[str, int]:
    """Three documents, five typed variables, a three-level code tree, two coders, codings and memos."""
    ids: dict[str, int] = {}
    ids["d1"] = add_document(project, TEXTS[0], "Appel 1", "call", datetime(2026, 3, 12, 14, 30), "fr")
    ids["d2"] = add_document(project, TEXTS[1], "Courriel 7", "email", None, "fr")
    ids["d3"] = add_document(project, TEXTS[2], None, "survey", datetime(2026, 3, 14), None)
    for key, channel, nps, score, vip, day in (
        ("d1", "téléphone", "9", "8.5", "true", "2026-03-12 14:30:00"),
        ("d2", "=SUM(A1)", "-3", "0.25", "false", "2026-03-13"),
        ("d3", "web", None, "10", "true", "2026-03-14"),
    ):
        set_value(project, ids[key], "canal", "text", channel)
        set_value(project, ids[key], "nps", "integer", nps)
        set_value(project, ids[key], "note", "float", score)
        set_value(project, ids[key], "vip", "boolean", vip)
        set_value(project, ids[key], "jour", "date", day)
    ids["emotions"] = codebook.create_code(project, "Émotions", codable=False, color="#332288",
                                           description="Ce que ressent le client.")
    ids["joie"] = codebook.create_code(project, "Joie 😀", ids["emotions"], color="#117733")
    ids["colere"] = codebook.create_code(project, "Colère", ids["emotions"], description="Irritation, menace.")
    ids["rage"] = codebook.create_code(project, "Rage", ids["colere"], color="#AA4499")
    ids["motifs"] = codebook.create_code(project, "Motifs", color="#DDCC77")
    ids["prix"] = codebook.create_code(project, "Prix", ids["motifs"], inclusion="Tarifs, frais",
                                       examples=["trop cher"], key="prix", scheme="motifs_test",
                                       attributes={"valence": -1})
    set_id = project.scalar("INSERT INTO code_sets (guid, name, description) VALUES "
                            "('0b5e9f3c-7a1d-4c2e-8f6b-9d0a1c2b3e4f', 'Négatif', 'Codes négatifs') RETURNING id")
    for key in ("colere", "prix"):
        project.execute("INSERT INTO code_set_members (set_id, code_id) VALUES (?, ?)", [set_id, ids[key]])
    for key, doc, words, code, coder in (
        ("c1", "d1", "😀 pour ma facture", "joie", "alice"),
        ("c2", "d1", "très aimable", "joie", "bob"),
        ("c3", "d2", "Trop cher ! 🇫🇷", "colere", "alice"),
        ("c4", "d2", "Le prix a augmenté", "prix", "alice"),
        ("c5", "d2", "x\u0301 c'est sûr. 👍🏽", "rage", "bob"),
        ("c6", "d2", "Le prix a augmenté", "prix", "bob"),
    ):
        text = TEXTS[0] if doc == "d1" else TEXTS[1]
        start, end = span(text, words)
        ids[key] = apply_code(project, ids[doc], ids[code], start, end, coder=coder)
    project.execute("UPDATE coders SET role = 'trainee' WHERE name = 'bob'")
    ids["m_project"] = add_memo(project, "project", None, "Étude pilote\r\nmars 2026", coder="alice")
    ids["m_doc"] = add_memo(project, "document", ids["d2"], "Client très fâché 😠", coder="bob")
    ids["m_coding"] = add_memo(project, "coding", ids["c3"], "Ironie ?", coder="alice")
    ids["m_code"] = add_memo(project, "code", ids["prix"], "Inclure les frais.")
    return ids


def dump(project: Project) -> dict[str, Any]:
    """Everything a REFI round trip must keep, keyed by content and GUIDs rather than row ids."""
    text_of = dict(project.rows("SELECT id, text FROM documents"))
    paths = {row["id"]: row["path"] for row in codebook.code_tree(project)}
    coders = dict(project.rows("SELECT id, name FROM coders"))
    coding_guid = dict(project.rows("SELECT id, guid FROM codings"))
    code_guid = dict(project.rows("SELECT id, guid FROM codes"))

    def target(kind: str, target_id: int | None) -> Any:
        return {"project": lambda: None, "document": lambda: text_of[target_id],
                "coding": lambda: coding_guid[target_id], "code": lambda: code_guid[target_id]}[kind]()

    return {
        "documents": sorted(project.rows("SELECT text, title, kind, lang, occurred_at, n_chars FROM documents"),
                            key=lambda row: row[0]),
        "variables": sorted(project.rows("SELECT name, type FROM variables")),
        "values": sorted(
            (text_of[doc], name, value)
            for doc, name, value in project.rows(
                "SELECT v.document_id, k.name, v.value FROM document_values v JOIN variables k ON k.id = v.variable_id"
            )
        ),
        "codes": sorted(
            (paths[row[0]], *row[1:])
            for row in project.rows(
                "SELECT id, guid, color, description, codable, position, inclusion, examples, key, scheme, attributes "
                "FROM codes")
        ),
        "sets": sorted(
            (guid, name, description, code_guid[code])
            for guid, name, description, code in project.rows(
                "SELECT s.guid, s.name, s.description, m.code_id FROM code_sets s "
                "JOIN code_set_members m ON m.set_id = s.id")
        ),
        "codings": sorted(
            (text_of[doc], code_guid[code], start, end, coders[coder], guid, created)
            for doc, code, start, end, coder, guid, created in project.rows(
                "SELECT document_id, code_id, start_pos, end_pos, coder_id, guid, created_at FROM codings"
            )
        ),
        "coded_text": sorted(
            (text_of[doc][start:end], code_guid[code])
            for doc, code, start, end in project.rows("SELECT document_id, code_id, start_pos, end_pos FROM codings")
        ),
        "memos": sorted(
            (kind, str(target(kind, target_id)), text, coders.get(coder), created, updated)
            for kind, target_id, text, coder, created, updated in project.rows(
                "SELECT target_kind, target_id, text, coder_id, created_at, updated_at FROM memos"
            )
        ),
        "coders": sorted(project.rows("SELECT name, role FROM coders")),
    }


def write_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes | str] | None = None,
               qde_name: str = "project.qde") -> Path:
    """A .qdpx holding `qde` and `files` (member name -> content) exactly as given."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, content in (files or {}).items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return path


def patch_header(path: Path, member: str, *, size: int | None = None, encrypted: bool = False) -> None:
    """Make the local and central headers of `member` declare `size` uncompressed bytes, or the member
    encrypted, leaving its bytes as they are."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    headers = [(info.header_offset, 22, 6)]  # local header: size at +22, flags at +6
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length].decode() == member:
            headers.append((central, 24, 8))  # central directory: size at +24, flags at +8
        central = data.find(b"PK\x01\x02", central + 4)
    for offset, size_at, flags_at in headers:
        if size is not None:
            struct.pack_into("<I", data, offset + size_at, size)
        if encrypted:
            flags = struct.unpack_from("<H", data, offset + flags_at)[0]
            struct.pack_into("<H", data, offset + flags_at, flags | 1)
    path.write_bytes(bytes(data))
