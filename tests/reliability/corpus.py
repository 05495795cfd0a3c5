"""Verbatims for the crash-safety workload: import files with accents, emoji and CRLF line ends.

Two kinds of text. Clean texts are lower-case words with no name, number or address, so pseudonymisation
leaves them exactly as they are: the workload codes only those, and the spans it acknowledged stay valid
across a pseudonymisation. Personal texts carry `PII_MARKER` and hold a name, a phone number and an
e-mail address (`PII_DOMAIN`), so an acknowledged pseudonymisation has a visible effect to verify.
The marker is no word: a transcript line `pii: ...` would be read as a speaker's turn and stored as
`pii : ...`, and a marker the workload misses makes it code a text that pseudonymisation then shortens.
Every text carries a random token, so no two imports share a document (deduplication would otherwise make
the number of documents an import adds depend on what came before).
"""

from __future__ import annotations

import csv
import io
import random
import string
from dataclasses import dataclass
from pathlib import Path

PII_MARKER = "#pii"
SETUP_FILE = "setup.csv"  # the harness's own import, which the workload never removes
PII_DOMAIN = "@example.org"
_WORDS = ("bonjour", "facture", "colis", "retard", "remboursement", "conseiller", "abonnement", "résiliation",
          "merci", "problème", "commande", "livraison", "prix", "service", "attente", "appel", "réponse",
          "satisfait", "déçu", "très", "énervé", "où", "même", "été", "reçu", "à", "là", "naïf", "cœur")
_EMOJI = ("😡", "🙂", "👍", "📦", "💶", "🇫🇷", "👩‍💻")
_PEOPLE = (("Fabienne", "Lachaise"), ("Thibault", "Verquin"), ("Ségolène", "Marivaux"))


@dataclass(frozen=True)
class ImportFile:
    """A file the workload imports, with what an import of it must add."""

    path: Path
    documents: int  # every text is unique, so each one becomes a document
    personal: bool  # some of its texts hold personal data


def token(rng: random.Random) -> str:
    """Letters only: digits could look like a phone number or an identifier to the pseudonymiser."""
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(10))


def clean_text(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 14))]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words) + 1), rng.choice(_EMOJI))
    return " ".join([*words, "réf", token(rng)])


def personal_text(rng: random.Random) -> str:
    first, last = rng.choice(_PEOPLE)
    phone = " ".join(["06", *(f"{rng.randrange(100):02d}" for _ in range(4))])
    email = f"{first.lower()}.{last.lower()}{PII_DOMAIN}"
    return f"{PII_MARKER} rappeler Mme {first} {last} au {phone} ou {email} {clean_text(rng)}"


def _newline(rng: random.Random) -> str:
    return rng.choice(("\n", "\r\n"))


def write_csv(path: Path, rng: random.Random, rows: int, personal: bool) -> ImportFile:
    """A survey export: one verbatim per row, some with a line break inside the quoted cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=_newline(rng))
    writer.writerow(["verbatim", "canal"])
    for row in range(rows):
        text = personal_text(rng) if personal and row % 2 == 0 else clean_text(rng)
        if rng.random() < 0.2:
            text += _newline(rng) + clean_text(rng)
        writer.writerow([text, rng.choice(("mail", "chat", "téléphone"))])
    path.write_bytes(buffer.getvalue().encode(rng.choice(("utf-8", "utf-8-sig"))))
    return ImportFile(path, rows, personal)


def write_transcript(path: Path, rng: random.Random, personal: bool) -> ImportFile:
    """A call transcript: lower-case speaker labels (a capitalised one could be taken for a name)."""
    lines = [f"{PII_MARKER} appel de {' '.join(rng.choice(_PEOPLE))}"] if personal else []
    for turn in range(rng.randint(2, 6)):
        lines.append(f"{('client', 'conseiller')[turn % 2]} : {clean_text(rng)}")
    newline = _newline(rng)
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    return ImportFile(path, 1, personal)


def clean_rows(rng: random.Random, rows: int) -> list[str]:
    """Texts for the project the harness builds before the first kill."""
    return [clean_text(rng) for _ in range(rows)]
