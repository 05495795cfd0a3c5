"""What REFI-QDA export and import share: the namespace, GUIDs, reserved variables, dates, and reading
untrusted archives safely.

A `.qdpx` comes from another person's machine and another program, so it is read as hostile input:

- the zip is checked from its central directory *before* anything is decompressed (member count, names,
  declared sizes and compression ratios), then every member is read with a bounded read that stops as
  soon as more bytes come out than the header declared or than the limits allow (a lying header cannot
  inflate past them);
- member names that could escape a folder if extracted (`../`, absolute paths, backslashes, drive letters)
  refuse the whole archive: nothing here extracts to disk, but such names only occur in crafted files;
- XML is parsed by lxml with entity resolution, DTD loading and network access off, and any DOCTYPE is
  refused outright, which rules out billion-laughs and external-entity attacks whatever the parser does;
- the project XML is never held whole: it is parsed as it is decompressed (`iter_xml`), each block
  scanned for DOCTYPE/ENTITY markers (UTF-8 and UTF-16) before the parser sees it, so memory follows
  the largest record of the project, not the size of the file.

Every refusal is an `IngestError` naming the file (and the member), so the user knows which file was bad.
"""

from __future__ import annotations

import re
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Self

from workbench.errors import IngestError

PROJECT_NS = "urn:QDA-XML:project:1.0"
ORIGIN = "Verbatim Workbench"
# Seed of the deterministic GUIDs this program derives (users, variables, documents, selections, notes).
GUID_NAMESPACE = uuid.UUID("6f1c2b9e-5d3a-4c1e-9b7a-2f0d8e4a6c51")
# The archive member holding what REFI has no place for and only this program reads (see export.refi).
SIDECAR = "verbatim-workbench.json"
SIDECAR_FORMAT = 1
# Position conventions an export can write: the project's own, and NVivo's (named in the origin attribute,
# so that our import counts the same way).
UTF16_CRLF = "utf16-crlf"
POSITIONS = {"codepoints": "code points, LF", UTF16_CRLF: "UTF-16 units, CRLF"}
# Sets of documents (REFI `<Set>`s of `<MemberSource>`s) live in the project as yes/no variables named so.
SET_PREFIX = "set: "
# A REFI `<Case>` lives in the project as the value of this text variable on its documents (the case's
# name); the export groups documents by it into cases again.
CASE_VARIABLE = "case"
# Variables that carried the document fields REFI has no attribute for in exports before the sidecar;
# the import still turns them back into fields.
KIND_VARIABLE = "vwb:kind"
OCCURRED_VARIABLE = "vwb:occurred_at"
LANG_VARIABLE = "vwb:lang"
RESERVED_VARIABLES = (KIND_VARIABLE, OCCURRED_VARIABLE, LANG_VARIABLE)

_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
_DRIVE = re.compile(r"^[A-Za-z]:")
# Characters XML 1.0 cannot carry at all (even escaped); they are dropped from exported free text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What declares a DTD or entities, in the encodings an XML file may use without a declaration the parser
# must honour first; no REFI-QDA file needs either.
HOSTILE_MARKERS = tuple(
    marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_DOCTYPE_REFUSED = "XML with a DOCTYPE or entity declarations is refused (entity attacks)"


@dataclass(frozen=True)
class ZipLimits:
    """Bounds on what an archive may expand to. The defaults fit any real verbatim project (texts are
    small) and keep a hostile archive from filling memory or disk."""

    max_members: int = 20_000
    max_total_bytes: int = 1024**3
    max_member_bytes: int = 512 * 1024**2
    max_ratio: float = 200.0
    # Below this size a high ratio is harmless (a page of blank lines compresses 500:1).
    ratio_floor_bytes: int = 1024**2
    # What is read, however large a member may be otherwise (media files are listed, never read): from
    # one member (in practice the project XML, parsed as it streams; a text is held to `max_text_bytes`)
    # and from all members together. The model keeps every text until it is written; measured with
    # bench/refi_memory.py, 128 MB in all keeps the import of a hostile archive under 1 GB.
    max_read_bytes: int = 96 * 1024**2
    max_read_total_bytes: int = 128 * 1024**2
    # One source text: mapping its positions takes about 32 bytes per character for a moment
    # (`refi_positions.StoredText`); an inline text is held to 10 MB by the parser already.
    max_text_bytes: int = 16 * 1024**2
    # The project XML is parsed one record at a time (a source, a case, a note…); what must be held whole
    # is bounded: elements in one record (a selection with its codings, a note, a set), and codes in the
    # codebook, which is read as one tree.
    max_record_elements: int = 200_000
    max_codes: int = 50_000


DEFAULT_LIMITS = ZipLimits()
# Word and Excel files are zip archives of XML too: the same checks before python-docx or openpyxl expand
# them (a 443 KB .docx expanding to 100 MB, a 3.5 MB .xlsx holding 1 GB of shared strings were taken whole).
OFFICE_LIMITS = ZipLimits(max_members=10_000, max_total_bytes=512 * 1024**2, max_member_bytes=512 * 1024**2)


def derived_guid(*parts: object) -> str:
    """A GUID that is the same every time for the same parts: exports of one project are stable, so a
    tool that re-imports them recognises what it already has."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(str(part) for part in parts)))


def as_guid(value: str) -> str:
    """A GUID in the form the project stores and exports: lower case, no braces. Anything that is not a
    GUID (some tools reuse their own ids) gets a GUID derived from it, so references still match."""
    match = _GUID.match(value.strip())
    return match.group(1).lower() if match else derived_guid("foreign-id", value.strip())


def xml_text(value: str) -> str:
    """`value` without the characters XML cannot represent (free text typed by users may hold them)."""
    return _NOT_XML.sub("", value)


def xml_datetime(value: datetime | None) -> str | None:
    """An xsd:dateTime with its UTC offset. Project timestamps are naive local times (DuckDB's TIMESTAMP):
    without the offset, a tool in another time zone would shift every date by the difference."""
    if value is None:
        return None
    return (value if value.tzinfo is not None else value.astimezone()).isoformat()


def parse_datetime(value: str | None) -> datetime | None:
    """A naive local datetime from an xsd:dateTime (with 'Z', an offset, or none); None when unreadable,
    because a wrong date attribute from another tool should not stop an import."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo is not None else parsed


def check_member_name(archive: Path, name: str) -> None:
    """Refuse a member name that could escape a folder or means different things on different systems."""
    parts = name.split("/")
    if (
        "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or _DRIVE.match(name)
        or ".." in parts
    ):
        raise IngestError(archive, f"unsafe member name {name!r} in archive (path traversal); refused")


class SafeZip:
    """A zip archive checked against `ZipLimits` on opening; members are read with bounded reads."""

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise IngestError(path, f"not a readable zip archive ({exc}); a .qdpx is a zip file") from exc
        try:
            self._infos = self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise

    def _check(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        if len(infos) > limits.max_members:
            raise IngestError(self.path, f"archive has {len(infos)} members, over the limit of {limits.max_members}")
        total = 0
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            check_member_name(self.path, info.filename)
            if info.filename in by_name:
                raise IngestError(self.path, f"member {info.filename!r} appears twice in the archive; refused")
            by_name[info.filename] = info
            if info.file_size > limits.max_member_bytes:
                raise IngestError(
                    self.path, f"member {info.filename!r} would expand to {info.file_size} bytes, over the limit"
                )
            if (
                info.file_size > limits.ratio_floor_bytes
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)
            ):
                ratio = info.file_size / max(info.compress_size, 1)
                raise IngestError(
                    self.path,
                    f"member {info.filename!r} has a compression ratio of {ratio:.0f}:1 (zip bomb?); refused",
                )
            total += info.file_size
        if total > limits.max_total_bytes:
            raise IngestError(self.path, f"archive would expand to {total} bytes, over the limit; refused")
        return by_name

    def size(self, name: str) -> int:
        """The size a member's header declares (what `read` will allow at most)."""
        return self._infos[name].file_size

    def names(self) -> list[str]:
        return [name for name, info in self._infos.items() if not info.is_dir()]

    def find(self, name: str) -> str | None:
        """The member called `name`, or else the one whose name matches ignoring case (tools disagree on
        `Sources/` vs `sources/` and on the case of GUIDs in file names)."""
        if name in self._infos:
            return name
        folded = name.casefold()
        matches = [member for member in self._infos if member.casefold() == folded]
        return matches[0] if len(matches) == 1 else None

    def _claim(self, name: str) -> zipfile.ZipInfo:
        """The member `name`, counted against the read limits (one member, and all members together)."""
        info = self._infos[name]
        mb = 1024**2
        if info.file_size > self.limits.max_read_bytes:
            raise IngestError(self.path, f"member {name!r} is {info.file_size / mb:.0f} MB, over the "
                                         f"{self.limits.max_read_bytes / mb:.0f} MB read from one member; refused")
        self._read_total += info.file_size
        if self._read_total > self.limits.max_read_total_bytes:
            raise IngestError(self.path, f"the texts and XML read from this archive exceed "
                                         f"{self.limits.max_read_total_bytes / mb:.0f} MB; refused")
        return info

    def _failure(self, name: str, exc: BaseException) -> IngestError:
        """What zipfile's exceptions while opening or reading `name` mean to the user."""
        if isinstance(exc, NotImplementedError):
            return IngestError(self.path, f"member {name!r} uses an unsupported compression: {exc}")
        if isinstance(exc, RuntimeError):  # zipfile's word for an encrypted member
            return IngestError(self.path, f"member {name!r} is encrypted; export the project without a password")
        return IngestError(self.path, f"member {name!r} is corrupt: {exc}")

    def read(self, name: str) -> bytes:
        """A member's bytes, never more than its header declared nor than the limits allow."""
        with self.stream(name, markers=()) as member:
            return member.read()

    @contextmanager
    def stream(self, name: str, markers: tuple[bytes, ...] = HOSTILE_MARKERS) -> Iterator[BoundedStream]:
        """A member to read block by block (see `BoundedStream`), under the same limits as `read`."""
        info = self._claim(name)
        try:
            member = self._zip.open(info)
        except _ZIP_ERRORS as exc:
            raise self._failure(name, exc) from exc
        with member:
            yield BoundedStream(member, self.path, f"member {name!r}", info.file_size,
                                min(info.file_size, self.limits.max_member_bytes), markers,
                                lambda exc: self._failure(name, exc))

    def contains_any(self, name: str, markers: tuple[bytes, ...]) -> bool:
        """Whether a member holds any of `markers`, read in blocks (bounded memory, the whole member)."""
        overlap = max(len(marker) for marker in markers) - 1
        tail = b""
        with self._zip.open(self._infos[name]) as member:
            for block in iter(lambda: member.read(1 << 20), b""):
                window = tail + block
                if any(marker in window for marker in markers):
                    return True
                tail = window[-overlap:] if overlap else b""
        return False

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
               NotImplementedError, RuntimeError)
_BLOCK = 1 << 16


class BoundedStream:
    """A file's bytes handed out block by block, for a parser that never holds the whole file.

    It stops with an `IngestError` as soon as more bytes come out than `budget` (a lying header cannot
    inflate past it), when fewer come than `expected` (a truncated or lying member), and when a block
    holds one of `markers`: each block is scanned, with the end of the previous one, before it is handed
    on, so the parser never sees a DOCTYPE it could act upon."""

    def __init__(self, raw: IO[bytes], path: Path, label: str, expected: int | None, budget: int,
                 markers: tuple[bytes, ...], failure: Callable[[BaseException], IngestError]) -> None:
        self._raw = raw
        self._path = path
        self._label = label
        self._expected = expected
        self._budget = budget
        self._markers = markers
        self._overlap = max((len(marker) for marker in markers), default=1) - 1
        self._failure = failure
        self._tail = b""
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (a block at most); all that is left when `size` is negative."""
        if size is not None and size >= 0:
            return self._next(min(max(size, 1), _BLOCK))
        data = self._next(self._budget + 1 - self.count)
        if data:
            self._next(1)  # past the budget, or the end with its size check
        return data

    def _next(self, want: int) -> bytes:
        try:
            block = self._raw.read(want)
        except _ZIP_ERRORS as exc:
            raise self._failure(exc) from exc
        self.count += len(block)
        if self.count > self._budget:
            raise IngestError(self._path, f"{self._label} expands beyond its declared size; refused")
        if not block and self._expected is not None and self.count != self._expected:
            raise IngestError(self._path, f"{self._label} is shorter than its header says; the archive is corrupt")
        if self._markers:
            window = self._tail + block
            if any(marker in window for marker in self._markers):
                raise IngestError(self._path, f"{self._label}: {_DOCTYPE_REFUSED}")
            self._tail = window[-self._overlap:] if self._overlap else b""
        return block


def iter_xml(stream: BoundedStream, where: str) -> Iterator[tuple[str, Any]]:
    """('start' | 'end', element) events of an untrusted XML document, parsed as the stream is read.

    The caller frees what it has used (see `free`), so memory follows the largest piece it keeps, not
    the document. DTDs are refused, entities never resolved, the network never used, and lxml's own
    limits on depth and text size stay on (no huge_tree)."""
    from lxml import etree

    events = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False,
        dtd_validation=False, huge_tree=False, remove_comments=True, remove_pis=True,
    )
    checked = False
    try:
        for event, element in events:
            if not checked:
                info = element.getroottree().docinfo
                if info.doctype or info.internalDTD is not None:
                    raise IngestError(where, _DOCTYPE_REFUSED)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise IngestError(where, f"not well-formed XML: {exc.msg}", exc.lineno or None) from None


def free(element: Any) -> None:
    """Drop what a parsed element holds, and the siblings before it, once it has been read: with
    `iter_xml`, what is freed this way is all that keeps a large document from filling memory."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
