"""The one normalisation every imported text goes through, so that offsets stay stable.

Offsets in the project are code points into the normalised text. Normalising once, at import, and never
again is what keeps codings aligned: NFC (so 'é' is one code point whatever the source used), LF line
endings (CRLF and lone CR would otherwise count one or two characters depending on the tool), no BOM or
zero-width no-break space, and no control characters other than LF and TAB.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except TAB and LF, plus the BOM / zero-width no-break space and DEL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")


def normalise_text(text: str) -> str:
    """Return `text` in the stored form: NFC, LF line endings, BOM and control characters removed."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip accents ('Réclamation' -> 'reclamation'), for search and matching."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
