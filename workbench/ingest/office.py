"""Word and Excel files are zip archives of XML that python-docx and openpyxl expand whole: each is
checked before they see it.

Sizes, member count and compression ratios are held to `OFFICE_LIMITS` (a zip bomb is refused from its
headers), and every XML part is read through, in blocks, for a DOCTYPE or ENTITY declaration in UTF-8 or
UTF-16: entity expansion ("billion laughs") and external entities have no place in an Office file, and a
declaration pushed past the first kilobytes of a part is still found. A member the reading cannot finish
(encrypted, or whose bytes do not match its header) is one line naming the file, not a traceback."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from workbench.errors import IngestError
from workbench.refi_xml import HOSTILE_MARKERS, OFFICE_LIMITS, SafeZip

_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError)


def check_office_archive(path: Path) -> list[str]:
    """The member names of the Office file at `path`, once its limits and XML parts are checked."""
    with SafeZip(path, OFFICE_LIMITS) as archive:
        for name in archive.names():
            if name.endswith((".xml", ".rels")) and _declares_entities(archive, path, name):
                raise IngestError(path, f"refused: {name} declares a DOCTYPE/ENTITY (hostile XML)", kind="hostile_xml")
        return archive.names()


def _declares_entities(archive: SafeZip, path: Path, name: str) -> bool:
    try:
        return archive.contains_any(name, HOSTILE_MARKERS)
    except RuntimeError as exc:  # zipfile's word for an encrypted member
        raise IngestError(path, f"{name} is encrypted; save the file again without a password",
                          kind="encrypted") from exc
    except NotImplementedError as exc:
        raise IngestError(path, f"{name} uses a compression this program cannot read", kind="compression") from exc
    except _UNREADABLE as exc:
        raise IngestError(path, f"the file is damaged: {exc}", kind="damaged") from exc
