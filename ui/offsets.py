"""The one place where code-point offsets (the engine's) meet UTF-16 offsets (Qt's).

Qt's QTextCursor counts UTF-16 code units: an emoji outside the Basic Multilingual Plane is two units but
one code point. Every conversion between a Qt position and an engine offset goes through `Utf16Map`, so
codings never drift after an emoji. Combining accents are one code point and one UTF-16 unit each, so
they need no correction (the stored text is NFC anyway).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Utf16Map:
    """Converts offsets for one text. Cheap to build: it remembers only where astral characters are."""

    def __init__(self, text: str) -> None:
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
        self._length = len(text)
        # UTF-16 position of each astral character, to convert back with a bisect.
        self._astral_utf16 = [index + rank for rank, index in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """Qt position of code-point `offset` (0 <= offset <= len(text))."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside the text (0..{self._length})")
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        """Code-point offset of Qt `position`; a position inside a surrogate pair snaps to its character."""
        if position < 0:
            raise ValueError(f"position {position} is negative")
        before = bisect_right(self._astral_utf16, position - 1)  # astral characters starting before it
        if before and self._astral_utf16[before - 1] == position - 1:  # between the halves of a pair
            return self._astral[before - 1]
        return min(position - before, self._length)
