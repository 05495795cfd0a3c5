"""Benchmark: peak memory of reading a hostile REFI-QDA archive, by the size of its project XML.

Builds a .qdpx whose project.qde is filled up to `--xml-mb` with one shape of content, then reads and
checks it as an import does (`_read_refi`: limits, streamed parse, model; no project written), or with
`--import` imports it into a new project in a temporary folder, in this fresh process, and prints the
archive's size, whether it was refused, the seconds and the peak resident memory (ru_maxrss).

Shapes: `codes`, code elements only (many small elements: the costliest XML to parse per byte, and the
codebook is the one part read as a whole tree); `described`, codes with a 2.3 KB description each (the
largest codebook within the code limit); `selections`, one source of 1,460 characters holding coded
selections, each on its own span (the largest record a file can have); `sources`, many small coded text
sources (a large real project); `notes`, one source and short notes, each a project memo; `texts`, source texts in archive members (`--text-mb` in all, files of at
most `--file-mb`, lines with an emoji, so that every character takes four bytes in memory) beside a small
XML. With `--compressible` the GUIDs count up instead of being random, so the XML compresses about as
well as the zip ratio limit allows: that is how a hostile file packs the most XML into a few megabytes
(texts always do).

    .venv/bin/python bench/refi_memory.py --xml-mb 30 --shape sources
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.errors import IngestError
from workbench.ingest.refi import _read_refi, import_qdpx
from workbench.project import Project

HEAD = b'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">'
CODE = "{00000000-0000-4000-8000-000000000001}"
TEXT = "Le conseiller était aimable mais le prix a encore augmenté ce mois-ci. " * 4


def _code(guid: Callable[[], str]) -> bytes:
    return b'<Code guid="%s" name="c" isCodable="true"/>' % guid().encode()


def _described_code(guid: Callable[[], str]) -> bytes:
    return (b'<Code guid="%s" name="c" isCodable="true"><Description>%s</Description></Code>'
            % (guid().encode(), (TEXT * 8).encode()))


def _note(guid: Callable[[], str]) -> bytes:
    return b'<Note guid="%s"><PlainTextContent>Rappeler le client.</PlainTextContent></Note>' % guid().encode()


SPANS = itertools.count()


def _selection(guid: Callable[[], str], span: tuple[int, int] | None = None) -> bytes:
    """A coded selection on `span`, else on a span the previous ones did not code (a repeated span is one
    coding), inside the 1,460 characters of the `selections` source."""
    number = next(SPANS)
    start, end = span or (number % 1000, number % 1000 + 1 + (number // 1000) % 400)
    return (b'<PlainTextSelection guid="%s" startPosition="%d" endPosition="%d"><Coding guid="%s">'
            b'<CodeRef targetGUID="%s"/></Coding></PlainTextSelection>' % (guid().encode(), start, end,
                                                                            guid().encode(), CODE.encode()))


def _source(guid: Callable[[], str]) -> bytes:
    """A coded source whose text differs from the others' (its GUID in it), so each becomes a document."""
    own = guid().encode()
    return (b'<TextSource guid="%s" name="s"><PlainTextContent>%s %s</PlainTextContent>%s</TextSource>'
            % (own, TEXT.encode(), own, _selection(guid, (3, 14))))


SHAPES: dict[str, tuple[bytes, Callable[[Callable[[], str]], bytes] | None, bytes]] = {
    # (opening, one element, closing)
    "codes": (b"<CodeBook><Codes>", _code, b"</Codes></CodeBook>"),
    "described": (b"<CodeBook><Codes>", _described_code, b"</Codes></CodeBook>"),
    "selections": (b'<CodeBook><Codes><Code guid="%s" name="c" isCodable="true"/></Codes></CodeBook><Sources>'
                   b'<TextSource guid="%s" name="s"><PlainTextContent>%s</PlainTextContent>'
                   % (CODE.encode(), str(uuid.uuid4()).encode(), (TEXT * 5).encode()),
                   _selection, b"</TextSource></Sources>"),
    "sources": (b'<CodeBook><Codes><Code guid="%s" name="c" isCodable="true"/></Codes></CodeBook><Sources>'
                % CODE.encode(), _source, b"</Sources>"),
    "notes": (b'<Sources><TextSource guid="%s" name="s"><PlainTextContent>%s</PlainTextContent></TextSource>'
              b"</Sources><Notes>" % (str(uuid.uuid4()).encode(), TEXT.encode()), _note, b"</Notes>"),
    "texts": (b"", None, b""),
}


def build_texts(path: Path, text_mb: int, file_mb: int) -> None:
    """Text members of `file_mb` each up to `text_mb`, every one a coded source of the XML. Each block of
    the text differs a little, so the member stays under the zip ratio limit (a plain repeat is refused)."""
    files = max(1, text_mb // file_mb)
    sources = b"".join(
        b'<TextSource guid="%s" name="t%d" plainTextPath="internal://t%d.txt">%s</TextSource>'
        % (str(uuid.uuid4()).encode(), n, n, _selection(lambda: str(uuid.uuid4()), (3, 14))) for n in range(files))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", HEAD + SHAPES["sources"][0] + sources + b"</Sources></Project>")
        for n in range(files):
            with archive.open(f"sources/t{n}.txt", "w", force_zip64=True) as member:
                written = 0
                while True:
                    line = f"Appel {uuid.uuid4().hex[:6]} : le prix 😀 a encore augmenté.\n".encode()
                    block = line * 40
                    if written + len(block) > file_mb * 1024**2:
                        break
                    member.write(block)
                    written += len(block)


def build(path: Path, xml_mb: int, shape: str, compressible: bool) -> None:
    opening, element, closing = SHAPES[shape]
    assert element is not None
    numbers = itertools.count()
    guid = (lambda: f"{{00000000-0000-4000-8000-{next(numbers):012d}}}") if compressible else (lambda: str(uuid.uuid4()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("project.qde", "w", force_zip64=True) as member:
        member.write(HEAD + opening)
        written = len(HEAD) + len(opening)
        while written < xml_mb * 1024**2:
            chunk = b"".join(element(guid) for _ in range(2_000))
            member.write(chunk)
            written += len(chunk)
        member.write(closing + b"</Project>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xml-mb", type=int, default=30, help="size of the project XML to build")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="codes", help="what fills the XML")
    parser.add_argument("--compressible", action="store_true", help="GUIDs counting up (a small archive)")
    parser.add_argument("--text-mb", type=int, default=64, help="texts shape: size of all the source texts")
    parser.add_argument("--file-mb", type=int, default=8, help="texts shape: size of each source text")
    parser.add_argument("--import", dest="write", action="store_true",
                        help="import into a new project instead of only reading")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.qdpx"
        if args.shape == "texts":
            build_texts(path, args.text_mb, args.file_mb)
        else:
            build(path, args.xml_mb, args.shape, args.compressible)
        started = time.perf_counter()
        try:
            if args.write:
                with Project.create(Path(folder) / "p.vwb") as project:
                    result = import_qdpx(project, path)
                outcome = f"imported ({result.summary()})"
            else:
                model, _ = _read_refi(path)
                outcome = f"read ({len(model.sources)} source(s), {len(model.codes)} code(s))"
        except IngestError as exc:
            outcome = f"refused ({exc.reason})"
        size = f"texts {args.text_mb} MB in {args.file_mb} MB files" if args.shape == "texts" else \
            f"project XML {args.xml_mb} MB"
        print(f"{args.shape}{' compressible' if args.compressible else ''}: {size}, archive "
              f"{path.stat().st_size / 1024**2:.1f} MB: {outcome}; {time.perf_counter() - started:.1f} s, "
              f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
