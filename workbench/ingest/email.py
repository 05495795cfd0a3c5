"""E-mails: .eml (one message), .mbox (one document per message), Outlook .msg.

Subject is the title, Date the `occurred_at` (the sender's wall-clock time, as the customer lived it;
the time zone is dropped), From/To/Cc become text variables `from`, `to`, `cc`. The body is the
text/plain part, else the text/html part converted to text; charsets declared in the message are
honoured by the stdlib parser (`policy.default`). Quoted replies and signatures are separated out of the
coded text and kept as parts (see `mailtext.py`).
"""

from __future__ import annotations

import email
import mailbox
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

from workbench.errors import IngestError
from workbench.ingest.base import ParsedDocument, Part, check_text_bytes
from workbench.ingest.mailtext import html_to_text, split_body

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _local_time(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=None) if value is not None else None


def _document(position: int, subject: str | None, sent: datetime | None, addresses: dict[str, str],
              plain: str | None, html: str | None) -> ParsedDocument:
    body = plain if plain and plain.strip() else (html_to_text(html) if html else "")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    text, quoted, signature = split_body(body)
    parts = [Part(kind, value) for kind, value in (("quoted", quoted), ("signature", signature)) if value]
    return ParsedDocument(
        position=position,
        text=text,
        title=subject or None,
        occurred_at=_local_time(sent),
        variables={name: value for name, value in addresses.items() if value},
        parts=parts,
    )


def _body(path: Path, message: EmailMessage, kind: str) -> str | None:
    part = message.get_body(preferencelist=(kind,))
    if part is None:
        return None
    try:
        return part.get_content()
    except LookupError:  # a charset Python does not know: decode as latin-1 rather than lose the text
        payload = part.get_payload(decode=True) or b""
        return payload.decode("latin-1")
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"body bytes do not match the declared charset: {exc.reason}") from exc


def _date(message: EmailMessage) -> datetime | None:
    header = message.get("date")
    try:
        return header.datetime if header is not None else None
    except (AttributeError, ValueError):
        return None


def from_message(path: Path, message: EmailMessage, position: int) -> ParsedDocument:
    addresses = {name: str(message.get(name, "") or "") for name in ("from", "to", "cc")}
    return _document(
        position,
        str(message.get("subject", "") or ""),
        _date(message),
        addresses,
        _body(path, message, "plain"),
        _body(path, message, "html"),
    )


def _looks_like_mail(message: EmailMessage) -> bool:
    return any(message.get(name) for name in ("from", "to", "subject", "date", "message-id"))


def parse_eml(path: Path) -> list[ParsedDocument]:
    data = path.read_bytes()
    check_text_bytes(path, data)
    message = email.message_from_bytes(data, policy=policy.default)
    if not _looks_like_mail(message):
        raise IngestError(path, "not an e-mail: no From, To, Subject or Date header", kind="not_email")
    return [from_message(path, message, 1)]


def parse_mbox(path: Path) -> list[ParsedDocument]:
    with path.open("rb") as handle:
        head = handle.read(8192)
    check_text_bytes(path, head)
    if not head.startswith(b"From "):
        raise IngestError(path, "not an mbox file: it must start with a 'From ' line", 1, kind="not_mbox")
    box = mailbox.mbox(path, factory=lambda raw: email.message_from_binary_file(raw, policy=policy.default),
                       create=False)
    try:
        return [from_message(path, message, number) for number, message in enumerate(box, start=1)]
    finally:
        box.close()


def parse_msg(path: Path) -> list[ParsedDocument]:
    with path.open("rb") as handle:
        if handle.read(8) != _OLE_MAGIC:
            raise IngestError(path, "not an Outlook message (.msg files are OLE compound files; this is not)",
                              kind="not_outlook")
    import extract_msg

    try:
        message = extract_msg.openMsg(str(path))
    except Exception as exc:  # extract-msg raises many unrelated types for damaged files
        raise IngestError(path, f"not a readable Outlook message: {type(exc).__name__}: {exc}") from exc
    try:
        html = message.htmlBody
        if isinstance(html, bytes):
            html = html.decode("utf-8", errors="replace")
        sent = message.date if isinstance(message.date, datetime) else None
        return [
            _document(
                1,
                message.subject,
                sent,
                {"from": message.sender or "", "to": message.to or "", "cc": message.cc or ""},
                message.body,
                html,
            )
        ]
    finally:
        message.close()
