"""The units that get embedded, clustered into topics and suggested codes: documents or segments.

Why not always documents: a 40-minute call transcript or a long e-mail thread talks about several things,
and one vector for it blurs them; a suggestion must point at a span the analyst can accept as a coding.
Why not always segments: a survey answer of two lines is one thought, and its sentences alone lose the
context. So `auto` keeps short documents whole and splits long ones into their sentences, using the
segments that `workbench segment` stored. A project that has not been segmented falls back to documents.

Units carry the customer's voice, which is what our users code:
- in a transcript whose speaker labels tell who the customer is ("Client", "Cliente", "Mme Durand",
  "Participant", against "Conseillère", "Agent", "Téléconseiller", "Enquêtrice"…), units hold the customer's
  words only: the adviser's greetings and procedure would otherwise make every call look alike. `segments`
  makes each customer turn a unit; `auto` does so only when the customer's words are long, and keeps a
  call whose customer says less than `LONG_DOCUMENT_CHARS` whole, as a short answer is kept whole (one turn
  of a short call is too little to carry a contact reason). A whole-call unit's span stays the whole call
  (a suggestion must be one piece) and its text is the customer's words of it, joined: on the French
  development set that alone lifted contact reasons by 2 points and relationship forms by 3 to 5
  (docs/BENCHMARKS.md). The project can override the role of any label (`roles.set_speaker_roles`, stored
  in `meta`; `workbench speakers` on the command line, Analysis > Speakers… in the window), which drops the
  cached vectors of the calls it changes;
- in an e-mail, the body without the quoted thread and the signature. The e-mail importer already keeps
  those apart (`document_parts`); e-mails imported from other sources (a ticketing tool's CSV) still hold
  them, so the same rules (workbench/ingest/mailtext.py) find the body again here, by lines of the stored
  text. A document unit of an e-mail spans its body, and its text leaves out any interleaved "> " lines.
Which units a document gets, and their texts, depend only on its stored text, its segments and the roles,
so a unit's cached vector always encodes its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.text.speakers import detect_role

UNIT_MODES = ("auto", "documents", "segments")
# Documents longer than this (code points), and calls whose customer says more, are split into segments in
# `auto` mode.
LONG_DOCUMENT_CHARS = 1200
# Segments shorter than this ("Oui.", "D'accord merci") carry no codable content and are skipped.
MIN_SEGMENT_CHARS = 20


@dataclass(frozen=True)
class Unit:
    """A span of one document: the whole text or an e-mail's body (kind 'document'), or one segment."""

    kind: str
    id: int
    document_id: int
    start: int
    end: int
    text: str


def overrides(project: Project) -> dict[str, str]:
    """The project's corrections: speaker label -> role (`roles.set_speaker_roles` writes them)."""
    return dict(project.rows("SELECT label, role FROM speaker_roles ORDER BY label"))


def speaker_roles(project: Project) -> list[dict[str, object]]:
    """Each speaker label of the project's turns: how many turns, the detected role and the role in use."""
    corrected = overrides(project)
    rows = project.rows("SELECT speaker, count(*) FROM segments WHERE kind = 'turn' AND speaker IS NOT NULL "
                        "GROUP BY speaker ORDER BY 2 DESC, 1")
    labels = {label: turns for label, turns in rows} | {label: 0 for label in corrected if label not in dict(rows)}
    return [{"speaker": label, "turns": turns, "detected": detect_role(label),
             "role": corrected.get(label, detect_role(label)), "overridden": label in corrected}
            for label, turns in labels.items()]


def role_of(project: Project) -> dict[str, str]:
    """Effective role of every label that has turns."""
    return {str(row["speaker"]): str(row["role"]) for row in speaker_roles(project)}


_LINE = re.compile(r"[^\n]*\n?")


def email_body(text: str) -> tuple[int, int, str]:
    """(start, end, text) of an e-mail's own words in its stored text: quoted thread and signature out.
    The text leaves out "> " lines found inside the span; ("", 0, 0) when nothing is the sender's own."""
    from workbench.ingest.mailtext import split_body

    own, quoted, signature = split_body(text)
    if not quoted and not signature:
        return 0, len(text), text
    if not own.strip():
        return 0, 0, ""
    wanted = own.split("\n")
    first = last = None
    index = 0
    for match in _LINE.finditer(text):
        line = match.group().rstrip("\n")
        if index < len(wanted) and line == wanted[index]:
            if line.strip():
                first = match.start() if first is None else first
                last = match.start() + len(line)
            index += 1
        if not match.group():
            break
    if first is None or last is None:
        return 0, 0, ""
    return first, last, own.strip()


def _segments_by_document(project: Project) -> dict[int, list[tuple[int, int, int, str, str | None]]]:
    segments: dict[int, list[tuple[int, int, int, str, str | None]]] = {}
    for seg_id, document_id, start, end, kind, speaker in project.rows(
            "SELECT id, document_id, start_pos, end_pos, kind, speaker FROM segments ORDER BY document_id, start_pos, id"):
        segments.setdefault(int(document_id), []).append((int(seg_id), int(start), int(end), kind, speaker))
    return segments


def load_units(project: Project, mode: str = "auto") -> list[Unit]:
    """All units of the project in a stable order (document id, then offset), each transcript that has a
    customer reduced to the customer's words. Always the customer's: a unit's cached vector is keyed by the
    unit alone, so its text must not depend on the caller."""
    if mode not in UNIT_MODES:
        raise WorkbenchError(f"unknown unit kind {mode!r}; choose one of {', '.join(UNIT_MODES)}")
    roles = role_of(project)
    segments = _segments_by_document(project)
    units: list[Unit] = []
    for document_id, kind, n_chars, text in project.rows(
            "SELECT id, kind, n_chars, text FROM documents WHERE n_chars > 0 ORDER BY id"):
        document_id = int(document_id)
        own = segments.get(document_id, [])
        turns = [s for s in own if s[3] == "turn"]
        client = [s for s in turns if roles.get(s[4] or "") == "client"]
        start, end, body = email_body(text) if kind == "email" else (0, int(n_chars), text)
        if not body:
            continue
        if client and mode != "segments":
            spoken = _spoken(text, [(s, e) for _, s, e, _, _ in client])
            if mode == "documents" or len(spoken) <= LONG_DOCUMENT_CHARS:
                units.append(Unit("document", document_id, document_id, start, end, spoken))
                continue
        if client:
            chosen = client
        elif mode == "segments" or (mode == "auto" and n_chars > LONG_DOCUMENT_CHARS):
            chosen = turns or [s for s in own if s[3] == "sentence"]
        else:
            chosen = []
        pieces = [Unit("segment", seg_id, document_id, s, e, text[s:e]) for seg_id, s, e, _, _ in chosen
                  if e - s >= MIN_SEGMENT_CHARS and s >= start and e <= end and not text[s:e].lstrip().startswith(">")]
        if chosen:
            units.extend(pieces)
        else:
            units.append(Unit("document", document_id, document_id, start, end, body))
    return units


def voice_texts(project: Project, units: Sequence[Unit]) -> list[str]:
    """The customer's words of each unit, for topic keywords and examples: for a whole-document unit of a
    transcript, its customer's turns (all its turns when no speaker is a customer), without the speaker
    labels that stand between turns; other units as they are."""
    words = customer_words(project, [unit.document_id for unit in units if unit.kind == "document"])
    return [words.get(unit.document_id, unit.text) if unit.kind == "document" else unit.text for unit in units]


def customer_words(project: Project, document_ids: Sequence[int]) -> dict[int, str]:
    """Document id -> the customer's words of each transcript among `document_ids` (all its turns when no
    speaker is the customer), one line per turn, labels left out; documents without turns are absent. Reads
    only those documents' turns: the window asks for a topic's few examples."""
    if not document_ids:
        return {}
    roles = role_of(project)
    turns: dict[int, list[tuple[int, int, str | None]]] = {}
    for document_id, start, end, speaker in project.rows(
            "SELECT document_id, start_pos, end_pos, speaker FROM segments WHERE kind = 'turn' "
            "AND document_id = ANY(?) ORDER BY document_id, start_pos, id", [sorted(set(document_ids))]):
        turns.setdefault(int(document_id), []).append((int(start), int(end), speaker))
    stored = dict(project.rows("SELECT id, text FROM documents WHERE id = ANY(?)", [sorted(turns)])) if turns else {}
    result = {}
    for document_id, own in turns.items():
        spoken = [turn for turn in own if roles.get(turn[2] or "") == "client"] or own
        result[document_id] = _spoken(stored[document_id], [(start, end) for start, end, _ in spoken])
    return result


def _spoken(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The words of the turns at `spans`, one line each, without the speaker labels between them."""
    return "\n".join(text[start:end] for start, end in spans)


def unit_label(mode_units: list[Unit]) -> str:
    """'documents', 'segments' or 'documents+segments': what a run actually used, for `runs.params`."""
    kinds = sorted({unit.kind for unit in mode_units})
    return "+".join(f"{kind}s" for kind in kinds) or "none"
