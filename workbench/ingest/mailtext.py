"""Turning an e-mail body into the text a coder should code: HTML to text, quotes and signatures apart.

A customer e-mail typically carries the whole previous thread (quoted below "Le 3 mars 2026 à 10:12,
Service Client a écrit :", or Outlook's "De : … Envoyé : …" block) and a signature. Coding those would
count the company's own words as the customer's and the same thread many times, so they are separated
out of the coded text and kept as `document_parts`.

Rules, applied to lines:
- quoted: every line starting with '>' (interleaved replies keep the customer's own lines), and
  everything from the first reply header onwards: "Le … a écrit :", "On … wrote:", "-----Original
  Message-----", "----- Message d'origine -----", "De : … / Envoyé : …", "From: … / Sent: …";
- signature: everything after a "-- " line; the trailing lines after a closing formula ("Cordialement",
  "Bien à vous", "Salutations"…) when there are at most six of them; and mobile footers ("Envoyé de mon
  iPhone"). The closing formula itself stays in the text: politeness is something our users code.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Paragraph-like elements are separated by a blank line, other blocks by a line break.
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "hr", "blockquote"}
_LINE_TAGS = {"div", "li", "tr", "section", "article", "header", "footer", "address", "dd", "dt"}
_SKIP_TAGS = {"script", "style", "head", "title", "template"}
_CELL_TAGS = {"td", "th"}


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements give line breaks and blockquotes become '> ' lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.quote_depth = 0
        self.gap = False

    def flush(self, force: bool = False) -> None:
        line = re.sub(r"[ \t\r\n\f\u00a0]+", " ", "".join(self.current)).strip()
        self.current = []
        if not line and not force:
            return
        if line and self.gap and self.lines and self.lines[-1]:
            self.lines.append("")
        self.gap = False
        self.lines.append(("> " * self.quote_depth + line) if line else "")

    def _block(self, tag: str) -> None:
        self.flush()
        if tag in _PARAGRAPH_TAGS:
            self.gap = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag == "br":
            self.flush(force=True)
        elif tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
            self._block(tag)
            if tag == "blockquote":
                self.quote_depth += 1
        elif tag in _CELL_TAGS:
            self.current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.flush(force=True)
        elif tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
            self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
            self._block(tag)
            if tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML body: entities decoded, scripts and styles dropped, paragraphs separated
    by a blank line and other blocks by a line break, blockquoted lines prefixed with '> ' so that quote
    detection treats them like plain-text quotes."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n".join(parser.lines).strip("\n")


_REPLY_HEADERS = [
    re.compile(r"^\s*Le\b.{3,200}\ba\s+[ée]crit\s*:\s*$", re.IGNORECASE),
    re.compile(r"^\s*On\b.{3,200}\bwrote\s*:\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(Original Message|Message d'origine|Message transféré|Forwarded message)\s*-{2,}\s*$",
               re.IGNORECASE),
]
# Two-line reply headers ("Le lun. 3 mars 2026 à 10:12, Service Client <sc@x.fr> a\nécrit :").
_SPLIT_REPLY = re.compile(r"^\s*(Le|On)\b.{3,200}$", re.IGNORECASE)
_SPLIT_REPLY_END = re.compile(r"^\s*(a\s+)?([ée]crit|wrote)\s*:\s*$", re.IGNORECASE)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(De|From)\s*:\s*\*?\s*\S", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(Envoy[ée]|Sent|Date|[ÀA]|To|Objet|Subject)\s*:", re.IGNORECASE)
_SIGNATURE_DASHES = re.compile(r"^--\s?$")
_CLOSING = re.compile(
    r"^\s*(bien\s+)?(cordialement|cdlt|bien\s+à\s+vous|salutations|sinc[èe]res\s+salutations|"
    r"meilleures\s+salutations|respectueusement|merci\s+d'avance|en\s+vous\s+remerciant|bonne\s+journ[ée]e|"
    r"best\s+regards|regards)\b[ ,.!]*$",
    re.IGNORECASE,
)
_MOBILE_FOOTER = re.compile(r"^\s*(Envoy[ée] (de|depuis) mon|Sent from my|Obtenir Outlook pour)\b", re.IGNORECASE)
_MAX_SIGNATURE_LINES = 6


def _reply_header_at(lines: list[str], index: int) -> bool:
    line = lines[index]
    if any(pattern.match(line) for pattern in _REPLY_HEADERS):
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if _SPLIT_REPLY.match(line) and _SPLIT_REPLY_END.match(following):
        return True
    if _OUTLOOK_FROM.match(line):
        return any(_OUTLOOK_NEXT.match(lines[j]) for j in range(index + 1, min(len(lines), index + 4)))
    return False


def split_body(body: str) -> tuple[str, str, str]:
    """(text to code, quoted text, signature) of a plain-text body with LF line endings."""
    lines = body.split("\n")
    quoted: list[str] = []
    cut = next((i for i in range(len(lines)) if not lines[i].startswith(">") and _reply_header_at(lines, i)), None)
    if cut is not None:
        quoted = lines[cut:]
        lines = lines[:cut]
    own: list[str] = []
    inline_quotes: list[str] = []
    for line in lines:
        (inline_quotes if line.lstrip().startswith(">") else own).append(line)
    quoted = inline_quotes + quoted

    signature: list[str] = []
    dashes = next((i for i, line in enumerate(own) if _SIGNATURE_DASHES.match(line)), None)
    if dashes is not None:
        signature, own = own[dashes + 1:], own[:dashes]
    footer = [i for i, line in enumerate(own) if _MOBILE_FOOTER.match(line)]
    if footer:
        signature = own[footer[0]:] + signature
        own = own[:footer[0]]
    while own and not own[-1].strip():
        own.pop()
    closing = max((i for i, line in enumerate(own) if _CLOSING.match(line)), default=None)
    if closing is not None and 0 < len(own) - closing - 1 <= _MAX_SIGNATURE_LINES:
        signature = own[closing + 1:] + signature
        own = own[:closing + 1]
    return "\n".join(own).strip("\n"), "\n".join(quoted).strip("\n"), "\n".join(signature).strip("\n")
