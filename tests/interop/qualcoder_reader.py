"""A reader of `.qdpx` archives that looks where QualCoder looks, after its documented import habits:
a code's memo is its `<Description>`, a file's memo its `<TextSource><Description>`, a coded segment's
memo its `<PlainTextSelection><Description>`, and a `<Note>` is a journal whose text is the archive
file its `plainTextPath` names (`internal://` = the `sources/` folder); `<PlainTextContent>` inside a
note is not read. Sources and cases are keyed by name, so a missing or repeated name is an error there."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

NS = {"q": "urn:QDA-XML:project:1.0"}


@dataclass
class Seen:
    """What a QualCoder user sees of an archive."""

    code_memos: dict[str, str] = field(default_factory=dict)
    file_memos: dict[str, str] = field(default_factory=dict)
    segment_memos: list[str] = field(default_factory=list)
    journals: dict[str, str] = field(default_factory=dict)
    file_names: list[str] = field(default_factory=list)
    case_names: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        """Every memo text, wherever it is shown."""
        return [*self.code_memos.values(), *self.file_memos.values(), *self.segment_memos, *self.journals.values()]


def read(path: Path) -> Seen:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        seen = Seen()
        for code in root.iter(f"{{{NS['q']}}}Code"):
            memo = code.findtext("q:Description", namespaces=NS)
            if memo:
                seen.code_memos[code.get("name")] = memo
        for source in root.findall("q:Sources/q:TextSource", NS):
            seen.file_names.append(source.get("name"))
            memo = source.findtext("q:Description", namespaces=NS)
            if memo:
                seen.file_memos[source.get("name")] = memo
            seen.segment_memos += [text for text in (selection.findtext("q:Description", namespaces=NS)
                                   for selection in source.findall("q:PlainTextSelection", NS)) if text]
        for note in root.findall("q:Notes/q:Note", NS):
            reference = note.get("plainTextPath")
            if reference:
                member = "sources/" + reference.removeprefix("internal://")
                seen.journals[note.get("name")] = archive.read(member).decode("utf-8")
        seen.case_names = [case.get("name") for case in root.findall("q:Cases/q:Case", NS)]
        seen.attributes = [variable.get("name") for variable in root.findall("q:Variables/q:Variable", NS)]
    return seen
