"""Transcripts: .txt and .docx with speaker labels, .vtt and .srt subtitles, as speaker turns.

Speaker labels recognised at the start of a line: `Speaker:`, `Speaker :` (French spacing),
`[00:01:02] Speaker:`, `00:01:02 Speaker:`. A label starts with a letter, has at most five words and
40 characters, and no comma. In .txt/.docx a label counts as a speaker when it occurs on at
least two lines of the file or carries a timestamp, so that a line such as "Objet : résiliation" in a
preamble is not mistaken for a speaker; in a short exchange where each speaker talks once, labels count
when there are two or more and they start at least half of the non-empty lines. A label that names a role
("Client", "Conseillère Julie", `workbench/text/speakers.py`) counts even once when another speaker does,
or when two such labels occur. Lines before the first turn are kept as a preamble (no turn);
lines that are not a turn start continue the current turn.

VTT: `<v Speaker>` voice tags (other tags removed, entities decoded), else a `Speaker:` label in the cue;
SRT: a `Speaker:` label or none. Consecutive cues of the same named speaker merge into one turn spanning
their times. Cues without a speaker stay one turn each.

How turns become stored text and segments is in `store.py` (one "Speaker : utterance" line per turn).
A file without any speaker label is imported as plain text, without turns.

.docx files are zip archives of XML: a document with a DOCTYPE or ENTITY declaration is refused (XML
entity attacks have no place in a Word file) as is anything that is not a zip archive.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from typing import Any

from workbench.errors import IngestError
from workbench.ingest.base import ParsedDocument, Turn, decode_text
from workbench.ingest.office import check_office_archive
from workbench.text.speakers import detect_role

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_LABEL_LINE = re.compile(
    rf"^\s*(?:\[(?P<bracket>{_TIME})\]|(?P<bare>{_TIME}))?\s*"
    r"(?P<speaker>[^\W\d_][\w'’.\- ]{0,39}?)\s*:\s*(?P<text>.*)$"
)
_MAX_LABEL_WORDS = 5
_CUE_TIMING = re.compile(rf"^\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?=</v>|<v[\s.]|\Z)", re.DOTALL)
_TAG = re.compile(r"</?[^>]+>")


def seconds(stamp: str) -> float:
    """'01:02:03.5', '01:02:03,500' or '02:03' as seconds."""
    parts = stamp.replace(",", ".").split(":")
    value = 0.0
    for part in parts:
        value = value * 60 + float(part)
    return value


def _label(line: str) -> tuple[str, str, float | None] | None:
    """(speaker, utterance, time) when the line starts with a speaker label."""
    match = _LABEL_LINE.match(line)
    if not match:
        return None
    speaker = match.group("speaker").strip()
    if len(speaker.split()) > _MAX_LABEL_WORDS or speaker.lower().startswith(("http", "www")):
        return None
    stamp = match.group("bracket") or match.group("bare")
    return speaker, match.group("text"), seconds(stamp) if stamp else None


def _speakers(lines: list[str], found: list[tuple[str, str, float | None] | None]) -> set[str]:
    """The labels of `found` (one per line, None where a line has none) that count as speakers."""
    counts: dict[str, int] = {}
    for item in found:
        if item:
            counts[item[0]] = counts.get(item[0], 0) + 1
    speakers = {name for name, count in counts.items() if count >= 2}
    speakers |= {item[0] for item in found if item and item[2] is not None}
    labelled = [item for item in found if item]
    if not speakers and len(counts) >= 2 and 2 * len(labelled) >= sum(1 for line in lines if line.strip()):
        speakers = set(counts)  # a short exchange where each speaker talks once
    roles = {name for name in counts if detect_role(name) != "other"}
    if speakers or len(roles) >= 2:  # "Conseiller :" once in a call excerpt is still the adviser talking
        speakers |= roles
    return speakers


def turns_from_lines(lines: list[str], position: int = 1, title: str | None = None) -> ParsedDocument:
    """Speaker turns of a labelled transcript; plain text when no label qualifies as a speaker."""
    found = [_label(line) for line in lines]
    speakers = _speakers(lines, found)
    if not speakers:
        return ParsedDocument(position=position, text="\n".join(lines), title=title)
    preamble: list[str] = []
    turns: list[Turn] = []
    for line, item in zip(lines, found):
        if item and item[0] in speakers:
            turns.append(Turn(item[0], item[1], item[2]))
        elif turns:
            turns[-1].text += "\n" + line
        else:
            preamble.append(line)
    return ParsedDocument(position=position, turns=turns, preamble="\n".join(preamble), title=title)


def turn_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each turn's words in `text`, a stored text left as it is (a table's cell
    holding a call excerpt or a chat): the same labels as in a .txt file, but the text is not rewritten, so
    the spans are code-point offsets into it, label excluded, continuation lines included. Empty unless
    two turns or more qualify and a speaker is named as the customer or an agent: one "Objet : résiliation"
    is no conversation, nor "Points positifs : … / Points négatifs : …", a comment's own headings."""
    lines = text.split("\n")
    found = [_label(line) for line in lines]
    speakers = _speakers(lines, found)
    if all(detect_role(speaker) == "other" for speaker in speakers):
        return []
    spans: list[list[Any]] = []
    offset = 0
    for line, item in zip(lines, found):
        if item and item[0] in speakers:
            start = offset + len(line) - len(item[1])
            spans.append([start, start + len(item[1].rstrip()), item[0]])
        elif spans and line.strip():
            spans[-1][1] = offset + len(line.rstrip())
        offset += len(line) + 1
    turns = [(start, end, speaker) for start, end, speaker in spans if end > start]
    return turns if len(turns) >= 2 else []


def parse_txt(path: Path) -> list[ParsedDocument]:
    text = decode_text(path, path.read_bytes())
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [turns_from_lines(lines, title=path.stem)]


def _check_docx_archive(path: Path) -> None:
    """Refuse a .docx that is no Word document or fails the Office checks (`office.py`: zip bomb, hostile
    XML, a member that cannot be read)."""
    if not zipfile.is_zipfile(path):
        raise IngestError(path, "not a Word document (.docx is a zip file; this is not)", kind="not_word")
    if "word/document.xml" not in check_office_archive(path):
        raise IngestError(path, "not a Word document: no word/document.xml inside", kind="not_word")


def parse_docx(path: Path) -> list[ParsedDocument]:
    _check_docx_archive(path)
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx / lxml raise many types for damaged files
        raise IngestError(path, f"not a readable Word document: {type(exc).__name__}: {exc}", kind="not_word") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    title = document.core_properties.title or path.stem
    return [turns_from_lines(lines, title=title)]


# WebVTT blocks that are not cues: the header, comments, style sheets and regions.
_NOT_A_CUE = re.compile(r"^(WEBVTT|NOTE|STYLE|REGION)\b")


def _cues(path: Path, text: str) -> tuple[list[tuple[float, float, list[str]]], list[str]]:
    """(start, end, payload lines) of each cue of a VTT or SRT file, and one line per block that looked
    like a cue but had no readable timing (reported, not silently dropped)."""
    cues, skipped = [], []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            block.append((number, line))
            continue
        if not block:
            continue
        timed = next((index for index, (_, text_line) in enumerate(block) if _CUE_TIMING.match(text_line)), None)
        if timed is not None:
            timing = _CUE_TIMING.match(block[timed][1])
            cues.append((seconds(timing.group("start")), seconds(timing.group("end")),
                         [text_line for _, text_line in block[timed + 1:]]))
        elif not _NOT_A_CUE.match(block[0][1]):
            skipped.append(f"line {block[0][0]}: a cue without a readable 'start --> end' timing line")
        block = []
    if not cues:
        raise IngestError(path, "no cues found (no 'start --> end' timing line)", kind="no_cues")
    return cues, skipped


def _cue_turns(payload: list[str], start: float, end: float) -> list[Turn]:
    """Turns of one cue: one per voice tag or speaker label; the rest goes with the previous one."""
    joined = "\n".join(payload)
    voices = _VOICE.findall(joined)
    if voices:
        return [Turn(html.unescape(name.strip()), html.unescape(_TAG.sub("", said)).strip(), start, end)
                for name, said in voices]
    turns: list[Turn] = []
    for line in payload:
        clean = html.unescape(_TAG.sub("", line)).strip()
        label = _label(clean)
        if label and label[2] is None:
            turns.append(Turn(label[0], label[1], start, end))
        elif turns:
            turns[-1].text += " " + clean
        else:
            turns.append(Turn(None, clean, start, end))
    return turns


def _subtitles(path: Path) -> list[ParsedDocument]:
    text = decode_text(path, path.read_bytes())
    turns: list[Turn] = []
    cues, skipped = _cues(path, text)
    for start, end, payload in cues:
        for turn in _cue_turns(payload, start, end):
            previous = turns[-1] if turns else None
            if previous is not None and turn.speaker is not None and turn.speaker == previous.speaker:
                previous.text += " " + turn.text
                previous.t_end = turn.t_end
            else:
                turns.append(turn)
    return [ParsedDocument(position=1, turns=turns, title=path.stem, skipped=skipped)]


def parse_vtt(path: Path) -> list[ParsedDocument]:
    head = path.read_bytes()[:16].lstrip(b"\xef\xbb\xbf")
    if not head.startswith(b"WEBVTT"):
        raise IngestError(path, "not a WebVTT file: the first line must be WEBVTT", 1, kind="not_webvtt")
    return _subtitles(path)


def parse_srt(path: Path) -> list[ParsedDocument]:
    return _subtitles(path)
