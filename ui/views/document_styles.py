"""How a document's kind shows in the viewer: speaker names in bold, a transcript's preamble greyed, the
e-mail header and the parts kept out of the coded text (quoted replies, signatures) shown apart.

The viewer's text is the stored text, character for character: styles are character formats laid over it,
never inserted markup, so every offset the engine stores stays where it is. The e-mail header and parts are
not in the stored text at all: they are rendered here as separate, greyed text for the panes around it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument

from ui.offsets import Utf16Map
from workbench.browse import DocumentView

TURN_LABEL_SEPARATOR = " : "  # as the transcript importer writes "Speaker : utterance"
SPEAKER_COLOUR = "#1f4e79"
GREY = "#6b6b6b"


@dataclass(frozen=True)
class SpeakerLabel:
    """Where a turn's "Speaker : " label lies (code points), and which turn segment it opens."""

    start: int
    end: int
    segment_id: int
    speaker: str


def speaker_labels(view: DocumentView) -> list[SpeakerLabel]:
    """The label before each turn, found from the turn segments and checked against the text (a label is
    styled only where the text really holds it)."""
    found = []
    for segment in view.segments:
        if segment.kind != "turn" or not segment.speaker:
            continue
        label = f"{segment.speaker}{TURN_LABEL_SEPARATOR}"
        start = segment.start - len(label)
        if start >= 0 and view.text[start:segment.start] == label:
            found.append(SpeakerLabel(start, segment.start, segment.id, segment.speaker))
    return found


def turn_at(view: DocumentView, offset: int) -> int | None:
    """The turn segment whose line holds code point `offset` (its speaker label included), or None."""
    labels = {label.segment_id: label.start for label in speaker_labels(view)}
    for segment in view.segments:
        if segment.kind == "turn" and labels.get(segment.id, segment.start) <= offset <= segment.end:
            return segment.id
    return None


def _format_range(document: QTextDocument, mapping: Utf16Map, start: int, end: int, fmt: QTextCharFormat) -> None:
    cursor = QTextCursor(document)
    cursor.setPosition(mapping.to_utf16(start))
    cursor.setPosition(mapping.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def style_document(document: QTextDocument, view: DocumentView, mapping: Utf16Map) -> None:
    """Lay the kind's character formats over the text already in `document` (the stored text)."""
    labels = speaker_labels(view)
    if not labels:
        return
    speaker = QTextCharFormat()
    speaker.setFontWeight(QFont.Weight.Bold)
    speaker.setForeground(QColor(SPEAKER_COLOUR))
    for label in labels:
        _format_range(document, mapping, label.start, label.end, speaker)
    first_turn = min(label.start for label in labels)
    if first_turn > 0:  # lines before the first turn: a title, a date, a list of participants
        preamble = QTextCharFormat()
        preamble.setForeground(QColor(GREY))
        preamble.setFontItalic(True)
        _format_range(document, mapping, 0, first_turn, preamble)


def email_header_html(view: DocumentView) -> str:
    """The e-mail's From, To, Cc, Date and Subject, greyed, for the line above the text; '' otherwise."""
    if view.kind != "email":
        return ""
    rows = [(QCoreApplication.translate("DocumentStyles", "De"), view.variables.get("from")),
            (QCoreApplication.translate("DocumentStyles", "À"), view.variables.get("to")),
            (QCoreApplication.translate("DocumentStyles", "Cc"), view.variables.get("cc")),
            (QCoreApplication.translate("DocumentStyles", "Date"),
             view.occurred_at.strftime("%d/%m/%Y %H:%M") if view.occurred_at else None),
            (QCoreApplication.translate("DocumentStyles", "Objet"), view.title)]
    lines = [f"<b>{html.escape(name)} :</b> {html.escape(str(value))}" for name, value in rows if value]
    return f"<div style='color:{GREY}'>" + "<br>".join(lines) + "</div>" if lines else ""


def part_caption(kind: str) -> str:
    if kind == "quoted":
        return QCoreApplication.translate("DocumentStyles", "Message cité (non codé)")
    if kind == "signature":
        return QCoreApplication.translate("DocumentStyles", "Signature (non codée)")
    if kind == "header":
        return QCoreApplication.translate("DocumentStyles", "En-tête (non codé)")
    return QCoreApplication.translate("DocumentStyles", "Pièce jointe (non codée)")


def parts_html(view: DocumentView) -> str:
    """The parts kept out of the coded text, each under its caption, greyed: read, never coded."""
    blocks = []
    for kind, text in view.parts:
        caption = part_caption(kind)
        body = html.escape(text).replace("\n", "<br>")
        blocks.append(f"<p style='color:{GREY}'><b>{html.escape(caption)}</b><br><i>{body}</i></p>")
    return "".join(blocks)
