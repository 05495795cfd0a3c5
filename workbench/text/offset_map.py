"""Moving offsets through a text edit made of non-overlapping replacements (pseudonymisation).

A span that ends before a replaced piece keeps its offsets, one that starts after it shifts by the
difference in length, and a span boundary that falls inside a replaced piece snaps outwards to the edge
of the replacement: a coding that covered a name covers its placeholder, a coding on "mon contrat" after
the name stays on "mon contrat".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


class OffsetMap:
    """Built from (start, end, new_length) of each replaced piece of the old text, in any order."""

    def __init__(self, pieces: Sequence[tuple[int, int, int]]) -> None:
        self.pieces = sorted(pieces)
        for (_, end, _), (start, _, _) in zip(self.pieces, self.pieces[1:]):
            if start < end:
                raise ValueError("replaced pieces overlap")
        self.starts = [piece[0] for piece in self.pieces]
        self.ends = [piece[1] for piece in self.pieces]
        self.shift_before: list[int] = []  # total length change of the pieces before piece i
        shift = 0
        for start, end, new_length in self.pieces:
            self.shift_before.append(shift)
            shift += new_length - (end - start)
        self.total_shift = shift

    def start(self, position: int) -> int:
        """New offset of a span start: inside a replaced piece it moves to the replacement's start."""
        index = bisect_right(self.ends, position)  # pieces entirely at or before `position`
        if index < len(self.pieces) and self.starts[index] < position:
            return self.starts[index] + self.shift_before[index]
        return position + (self.shift_before[index] if index < len(self.pieces) else self.total_shift)

    def end(self, position: int) -> int:
        """New offset of a span end: inside a replaced piece it moves to the replacement's end."""
        index = bisect_left(self.ends, position)  # first piece ending at or after `position`
        if index < len(self.pieces) and self.starts[index] < position:
            start, _, new_length = self.pieces[index]
            return start + self.shift_before[index] + new_length
        return position + (self.shift_before[index] if index < len(self.pieces) else self.total_shift)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)
