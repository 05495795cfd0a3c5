"""Builders shared by the suggestion tests: a small French project of verbatims with a 4-code scheme."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

from builders import add_code, add_coder_row, add_document, add_source

from workbench.project import Project

VERBATIMS = Path(__file__).resolve().parent / "data" / "suggest" / "verbatims_fr.csv"

CODES = {
    "billing": ("Facturation", "Question ou contestation portant sur une facture, son montant ou son envoi.",
                ["facture", "montant", "facturé deux fois"]),
    "delivery": ("Livraison", "Retard, perte ou dommage d'un colis ou d'une commande.",
                 ["colis", "livreur", "livraison"]),
    "cancellation": ("Résiliation", "Le client veut mettre fin à son contrat ou à son abonnement.",
                     ["résilier", "fermer mon compte"]),
    "praise": ("Compliment", "Le client remercie ou félicite le conseiller ou le service.",
               ["merci", "aimable", "bravo"]),
}


def add_documents(project: Project, texts: list[str], kind: str = "survey") -> list[int]:
    source = add_source(project, "v.csv", kind="csv", origin="/v.csv", sha256=uuid.uuid4().hex)
    return [add_document(project, text, None, kind, source_id=source, position=position)
            for position, text in enumerate(texts, start=1)]


def add_codes(project: Project, scheme: str = "reasons") -> dict[str, int]:
    return {key: add_code(project, name, key=key, description=description, indicators=indicators, scheme=scheme)
            for key, (name, description, indicators) in CODES.items()}


def verbatim_project(project: Project) -> tuple[dict[int, str], dict[str, int]]:
    """Fill `project` with the 48 verbatims and the 4 codes. Returns (document id -> true key, key -> code id)."""
    rows = list(csv.DictReader(VERBATIMS.open(encoding="utf-8")))
    ids = add_documents(project, [row["text"] for row in rows])
    return {doc: row["reason"] for doc, row in zip(ids, rows)}, add_codes(project)


def code_document(project: Project, document_id: int, code_id: int, coder: str = "tester") -> None:
    """A manual coding of a whole document (plain SQL: the coding module is another engineer's)."""
    coder_id = project.scalar("SELECT id FROM coders WHERE name = ?", [coder]) or add_coder_row(project, coder)
    length = project.scalar("SELECT n_chars FROM documents WHERE id = ?", [document_id])
    project.execute(
        "INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
        "VALUES (?, ?, ?, 0, ?, ?, 'manual')", [str(uuid.uuid4()), document_id, code_id, length, coder_id])
