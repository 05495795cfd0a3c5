"""What every importer shares: the parsed-document shape, file checks and text decoding.

Importers for e-mails and transcripts parse a file into `ParsedDocument`s in plain Python, without
touching the project; `store.py` then writes them in one transaction. Tables are the exception (see
`tables.py`): they can hold a million rows, so their rows never become Python objects.

The checks here run before any parsing so that every bad file gets the same clear, early error naming
the file: missing, empty, too big, binary where text was expected, bytes that decode as nothing French
exports use.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from workbench.errors import IngestError
from workbench.text.normalise import normalise_text

Pseudonymiser = Callable[[str], str]


@runtime_checkable
class KeepsOriginals(Protocol):
    """A pseudonymiser that commits what it keeps of the originals as it goes (the reversible one): when
    the file being imported fails, those originals must go with the rolled-back documents."""

    def undone_on_failure(self) -> AbstractContextManager[None]: ...


@runtime_checkable
class ScrubsNameWords(Protocol):
    """A pseudonymiser that learns the names it replaced in the texts and can take their words out of
    any other string: a file name ("appel Dupont.txt") has no sentence around the name to recognise it."""

    def scrub_name_words(self, text: str) -> str: ...


# Default size limits per file family, in bytes. Tables are big by nature (a million-row survey export
# is ~150 MB); a transcript or a single e-mail over these sizes is almost surely the wrong file.
MAX_BYTES = {
    "table": 2 * 1024**3,
    "email": 512 * 1024**2,
    "transcript": 64 * 1024**2,
}

_SNIFF = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Encodings French exports actually use besides UTF-8: Excel's "CSV (séparateur: point-virgule)" writes
# cp1252; older systems latin-1 / latin-9. Restricting the detector to these avoids absurd guesses.
_FALLBACK_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]


@dataclass
class Turn:
    """One speaker turn as found in the source, before normalisation. Times in seconds."""

    speaker: str | None
    text: str
    t_start: float | None = None
    t_end: float | None = None


@dataclass
class Part:
    """A piece of a document kept but not coded: a quoted reply, a signature."""

    kind: str
    text: str


@dataclass
class ParsedDocument:
    """A document as an importer found it. Either `text` is set, or `turns` (and optionally `preamble`).

    `position` is the 1-based index of the document inside its file (message number of an mbox, 1 for
    one-document files): truth tables and re-imports join on (file name, position).
    """

    position: int
    text: str = ""
    title: str | None = None
    occurred_at: datetime | None = None
    variables: dict[str, str] = field(default_factory=dict)
    parts: list[Part] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    preamble: str = ""
    skipped: list[str] = field(default_factory=list)  # what the importer could not read, with its line


def file_sha256(path: Path) -> str:
    """Hash of the file bytes, read in blocks so a 2 GB table does not sit in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(path: Path, max_bytes: int) -> int:
    """Refuse missing, empty and oversized files before anything reads them. Returns the size."""
    if not path.exists():
        raise IngestError(path, "file not found", kind="not_found")
    if not path.is_file():
        raise IngestError(path, "not a regular file", kind="not_a_file")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path, "empty file", kind="empty")
    if size > max_bytes:
        raise IngestError(
            path, f"file is {size / 1024**2:.1f} MB, over the {max_bytes / 1024**2:.0f} MB limit for this format",
            kind="too_big", size=f"{size / 1024**2:.1f}", limit=f"{max_bytes / 1024**2:.0f}")
    return size


def check_text_bytes(path: Path, head: bytes) -> None:
    """Refuse binary content in a format that should be text: NUL bytes never occur in 8-bit text."""
    if head.startswith(_UTF16_BOMS):
        return
    if b"\x00" in head[:_SNIFF]:
        raise IngestError(path, "binary file, not text (contains NUL bytes); is the file extension right?",
                          kind="binary")


def detect_encoding(path: Path, sample: bytes, whole_is_utf8: bool) -> str:
    """Name of the codec to decode a text file with.

    A BOM decides. Else `whole_is_utf8` (the caller checked every byte) means UTF-8: the check is strict,
    and valid UTF-8 is almost never something else. Otherwise charset-normalizer chooses, on `sample`
    (bytes where the file stops being UTF-8, when known), among the legacy encodings French software
    writes; when none fits, the bytes are not text we can read.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith(_UTF16_BOMS):
        return "utf-16"
    if whole_is_utf8:
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=_FALLBACK_ENCODINGS, threshold=0.2).best()
    if best is None:
        raise IngestError(path, "undecodable bytes: the file is neither UTF-8 nor cp1252/latin-1 text",
                          kind="undecodable")
    return best.encoding


def decode_text(path: Path, data: bytes) -> str:
    """Decode the bytes of a small text file (transcript, subtitle) with a detected encoding.

    Bytes that are UTF-8, accents included, up to a place where they stop being UTF-8 mix two encodings:
    the detector, seeing mostly plain letters, would take the whole for cp1252 and turn every earlier "é"
    into "Ã©" without a word, so such a file is refused at the line where the other encoding starts."""
    check_text_bytes(path, data)
    try:
        data.decode("utf-8")
        whole_is_utf8 = True
    except UnicodeDecodeError as exc:
        whole_is_utf8 = False
        before = data[:exc.start]
        if not before.isascii():
            raise IngestError(path, "this line is not UTF-8 while the lines before it are: the file mixes two "
                                    "encodings; save it again as UTF-8", before.count(b"\n") + 1,
                              kind="mixed_encoding") from exc
    encoding = detect_encoding(path, data, whole_is_utf8)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(path, f"undecodable bytes for encoding {encoding}", line, kind="undecodable_as",
                          encoding=encoding) from exc


def clean_text(text: str) -> str:
    """The stored form of an imported text: `normalise_text`, then leading and trailing blank space
    (spaces, tabs, newlines) dropped. `tables.py` computes the same in SQL; a test holds them equal."""
    return normalise_text(text).strip(" \t\n")
