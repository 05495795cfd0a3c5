"""Benchmark: peak memory of reading a hostile REFI-QDA archive, by the size of its project XML.

Builds a .qdpx whose project.qde holds only code elements with random GUIDs (many small elements: the
costliest XML to parse per byte) up to `--xml-mb`, then reads and checks it as an import does
(`_read_refi`: limits, parse, model; no project written), in this fresh process, and prints the archive's
size, whether it was refused, the seconds and the peak resident memory (ru_maxrss).

    .venv/bin/python bench/refi_memory.py --xml-mb 30
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.errors import IngestError
from workbench.ingest.refi import _read_refi

HEAD = b'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>'
TAIL = b"</Codes></CodeBook></Project>"


def build(path: Path, xml_mb: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("project.qde", "w", force_zip64=True) as member:
        member.write(HEAD)
        written = len(HEAD)
        while written < xml_mb * 1024**2:
            chunk = b"".join(b'<Code guid="%s" name="c" isCodable="true"/>' % str(uuid.uuid4()).encode()
                             for _ in range(10_000))
            member.write(chunk)
            written += len(chunk)
        member.write(TAIL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xml-mb", type=int, default=30, help="size of the project XML to build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.qdpx"
        build(path, args.xml_mb)
        started = time.perf_counter()
        try:
            _read_refi(path)
            outcome = "read"
        except IngestError as exc:
            outcome = f"refused ({exc})"
        print(f"project XML {args.xml_mb} MB, archive {path.stat().st_size / 1024**2:.1f} MB: {outcome}; "
              f"{time.perf_counter() - started:.1f} s, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
