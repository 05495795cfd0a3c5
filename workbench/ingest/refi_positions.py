"""Moving REFI-QDA selection positions from the text another tool counted onto the text the project stores.

REFI-QDA 1.5 says positions are Unicode code points over the plain text file. Tools do not all agree:
ATLAS.ti counts a CRLF line ending as one character, MAXQDA writes CRLF files and counts both characters,
NVivo exports may count two characters per line ending even where the file has one, and programs built
on UTF-16 strings count an emoji as two. The project stores the text normalised (NFC, LF, no BOM or
control characters, surrounding blanks stripped), so every position must be remapped.

The rule (one convention per archive, since one tool wrote it):
1. each candidate convention (line endings as in the file / one unit / two units, times code points /
   UTF-16 units) maps every selection of every text source;
2. the convention with the fewest selections out of bounds wins; then the one with the fewest ends that
   fall inside a character or inside a line ending; then the one whose ends land on the most word
   boundaries (coders select words, not halves of words);
3. ties go to the standard reading (code points over the file as it is), except that an archive whose
   `origin` names ATLAS.ti prefers one unit per line ending. Without CRLF or emoji all readings agree.
Our own archives skip the contest: we write code points over the file as it is, and a coding that ends
inside a word (as coders sometimes select) must come back where it was, not on the nearest word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.refi_xml import ORIGIN, POSITIONS, UTF16_CRLF

STRIP = " \t\n"
# After line-break and control handling, only ASCII characters remain below U+0080, and none of them
# composes with its neighbours under NFC; so NFC can be applied cluster by cluster: an optional ASCII
# character followed by a run of non-ASCII ones.
_NFC_CLUSTER = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


@dataclass(frozen=True)
class Convention:
    """How a tool counted: `line_break` is None (each line-break character counts, as in the file), 1 or 2
    units per line ending; `utf16` counts characters outside the BMP as two."""

    name: str
    line_break: int | None
    utf16: bool


AS_IN_FILE = Convention("code points, line endings as in the file", None, False)
CONVENTIONS: tuple[Convention, ...] = (
    AS_IN_FILE,
    Convention("code points, one per line ending", 1, False),
    Convention("code points, two per line ending", 2, False),
    Convention("UTF-16 units, line endings as in the file", None, True),
    Convention("UTF-16 units, one per line ending", 1, True),
    Convention("UTF-16 units, two per line ending", 2, True),
)


class StoredText:
    """A text as the tool wrote it (`raw`) and as the project stores it (`text`), with the map between.

    For each boundary k between raw code points, `floor[k]`/`ceil[k]` are the stored positions it maps to
    (equal unless k falls inside something normalisation merged, such as the two halves of a CRLF or a
    letter and its combining accent) and `units` the count of each raw code point under a convention.
    """

    def __init__(self, raw: str) -> None:
        # 32-bit arrays throughout: a text is far below 2**31 characters, and every byte per character
        # counts when an archive holds a text of tens of megabytes.
        codes = np.frombuffer(raw.encode("utf-32-le"), dtype=np.uint32)
        self._astral = codes > 0xFFFF
        is_cr = codes == 13
        next_lf = np.zeros_like(is_cr)
        next_lf[:-1] = codes[1:] == 10
        self._crlf_cr = is_cr & next_lf
        del next_lf
        after_crlf = np.concatenate(([False], self._crlf_cr[:-1]))
        self._lone_break = (is_cr & ~self._crlf_cr) | ((codes == 10) & ~after_crlf)
        del after_crlf
        control = (
            (codes <= 8) | (codes == 11) | (codes == 12) | ((codes >= 14) & (codes <= 31))
            | ((codes >= 0x7F) & (codes <= 0x9F) & (codes != 0x85)) | (codes == 0xFEFF)
        )
        keep = ~(self._crlf_cr | control)
        del control
        # Stage 1: line endings to LF, control characters removed (exact, character by character).
        line_break = is_cr | (codes == 0x2028) | (codes == 0x2029) | (codes == 0x85)
        del is_cr
        stage1 = np.where(line_break, np.uint32(10), codes)[keep].tobytes().decode("utf-32-le")
        del line_break, codes
        to_stage1 = np.zeros(len(keep) + 1, dtype=np.int32)
        np.cumsum(keep, out=to_stage1[1:])
        del keep
        # Stage 2: NFC, exact outside the clusters it changes.
        floor2, ceil2, normalised = _nfc_map(stage1)
        del stage1
        self.floor = floor2[to_stage1]
        self.ceil = self.floor if ceil2 is floor2 else ceil2[to_stage1]
        del floor2, ceil2, to_stage1
        mid_crlf = np.concatenate(([False], self._crlf_cr))
        self.aligned = (self.floor == self.ceil) & ~mid_crlf
        # Which conventions can differ on this text (most verbatims have neither CRLF nor emoji).
        self.has_crlf = bool(self._crlf_cr.any())
        self.has_lone_break = bool(self._lone_break.any())
        self.has_astral = bool(self._astral.any())
        self.lead = len(normalised) - len(normalised.lstrip(STRIP))
        self.text = normalised.strip(STRIP)

    def reading(self, convention: Convention) -> tuple[int | None, bool]:
        """What `convention` effectively does on this text: conventions with equal readings map alike."""
        line_break = convention.line_break
        if (line_break == 1 and not self.has_crlf) or (line_break == 2 and not self.has_lone_break):
            line_break = None
        return line_break, convention.utf16 and self.has_astral

    def units(self, convention: Convention) -> np.ndarray:
        """Units before each raw boundary under `convention` (non-decreasing, length len(raw)+1)."""
        per_char = np.ones(len(self._astral), dtype=np.int32)
        if convention.utf16:
            per_char += self._astral
        if convention.line_break == 1:
            per_char[self._crlf_cr] = 0  # the CR of a CRLF counts nothing, its LF one
        elif convention.line_break == 2:
            per_char[self._lone_break] = 2
        units = np.zeros(len(per_char) + 1, dtype=np.int64)
        np.cumsum(per_char, out=units[1:])
        return units

    def map(self, convention: Convention, starts: Sequence[int], ends: Sequence[int]) -> Mapped:
        """Stored [start, end) spans for positions counted under `convention`; see `Mapped`."""
        units = self.units(convention)
        total = int(units[-1])
        start_in = np.asarray(starts, dtype=np.int64)
        end_in = np.asarray(ends, dtype=np.int64)
        valid = (start_in >= 0) & (start_in < end_in) & (end_in <= total)
        start_k = np.searchsorted(units, np.clip(start_in, 0, total), side="left")
        end_k = np.searchsorted(units, np.clip(end_in, 0, total), side="left")
        start_exact = units[start_k] == np.clip(start_in, 0, total)
        end_exact = units[end_k] == np.clip(end_in, 0, total)
        # A position inside a multi-unit character: the start moves after it, the end before it.
        end_k = np.where(end_exact, end_k, end_k - 1)
        length = len(self.text)
        start = np.clip(self.floor[start_k] - self.lead, 0, length)
        end = np.clip(self.ceil[end_k] - self.lead, 0, length)
        valid &= start < end
        misaligned = (~start_exact | ~self.aligned[start_k]).astype(int) + (~end_exact | ~self.aligned[end_k])
        return Mapped(start.tolist(), end.tolist(), valid.tolist(), misaligned.tolist())


@dataclass
class Mapped:
    """Stored positions of selections; `valid[i]` is False when selection i falls outside the text or
    becomes empty; `misaligned[i]` counts its ends that fell inside a character or a line ending."""

    start: list[int]
    end: list[int]
    valid: list[bool]
    misaligned: list[int]


def _nfc_map(text: str) -> tuple[np.ndarray, np.ndarray, str]:
    """Floor/ceil maps of each boundary of `text` (already LF, no controls) into NFC(text), and NFC(text)."""
    size = len(text)
    identity = np.arange(size + 1, dtype=np.int32)
    if unicodedata.is_normalized("NFC", text):
        return identity, identity, text  # one array for both: nothing moved
    floor = identity.copy()
    ceil = identity.copy()
    pieces: list[str] = []
    done = 0  # raw position up to which pieces are built
    shift = 0  # stored position minus raw position at `done`
    for match in _NFC_CLUSTER.finditer(text):
        begin, finish = match.span()
        pieces.append(text[done:begin])
        floor[done:begin + 1] = identity[done:begin + 1] + shift
        ceil[done:begin + 1] = floor[done:begin + 1]
        cluster = match.group()
        composed = unicodedata.normalize("NFC", cluster)
        pieces.append(composed)
        if composed != cluster:
            at = begin + shift
            floor[begin + 1:finish] = at
            ceil[begin + 1:finish] = at + len(composed)
        else:
            floor[begin + 1:finish] = identity[begin + 1:finish] + shift
            ceil[begin + 1:finish] = floor[begin + 1:finish]
        shift += len(composed) - len(cluster)
        done = finish
    pieces.append(text[done:])
    floor[done:] = identity[done:] + shift
    ceil[done:] = floor[done:]
    return floor, ceil, "".join(pieces)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def boundary_score(text: str, start: int, end: int) -> int:
    """How many of a span's two ends lie between words rather than inside one (0, 1 or 2)."""
    score = 0
    if start == 0 or not (_is_word_char(text[start - 1]) and _is_word_char(text[start])):
        score += 1
    if end == len(text) or not (_is_word_char(text[end - 1]) and _is_word_char(text[end])):
        score += 1
    return score


def _score(stored: StoredText, mapped: Mapped) -> tuple[int, int, int]:
    """(selections out of bounds, ends inside a character or line ending, ends on word boundaries)."""
    out, misaligned, boundaries = 0, 0, 0
    for start, end, valid, bad in zip(mapped.start, mapped.end, mapped.valid, mapped.misaligned):
        if not valid:
            out += 1
            continue
        misaligned += bad
        boundaries += boundary_score(stored.text, start, end)
    return out, misaligned, boundaries


class Placed:
    """A source's selections mapped under each convention, kept in place of its `StoredText`.

    The convention is chosen over the whole archive, but a `StoredText` costs tens of bytes per character:
    keeping one per source until the end of the archive made memory grow with the texts' total length.
    So each source is mapped under every convention as soon as it is read (conventions that read its text
    alike share one mapping) and only the spans and scores are kept."""

    def __init__(self, stored: StoredText, starts: Sequence[int], ends: Sequence[int],
                 conventions: Sequence[Convention] = CONVENTIONS) -> None:
        self._spans: dict[Convention, np.ndarray] = {}
        self.scores: dict[Convention, tuple[int, int, int]] = {}
        if not len(starts):
            return
        readings: dict[tuple[int | None, bool], tuple[np.ndarray, tuple[int, int, int]]] = {}
        for convention in conventions:
            reading = stored.reading(convention)
            if reading not in readings:
                mapped = stored.map(convention, starts, ends)
                readings[reading] = (np.array([mapped.start, mapped.end, mapped.valid], dtype=np.int64),
                                     _score(stored, mapped))
            self._spans[convention], self.scores[convention] = readings[reading]

    def spans(self, convention: Convention) -> list[tuple[int, int, bool]]:
        """(start, end, valid) in the stored text of each selection, counted as `convention` counts."""
        if convention not in self._spans:
            return []
        return [(start, end, bool(valid)) for start, end, valid in self._spans[convention].T.tolist()]


def candidates(origin: str | None) -> tuple[Convention, ...]:
    """The conventions an archive written by `origin` may use, the preferred first on a tie."""
    if origin and origin.startswith(ORIGIN):
        # Our own export says how it counted: code points over LF texts, or UTF-16 units over CRLF texts.
        return (CONVENTIONS[3],) if POSITIONS[UTF16_CRLF] in origin else (AS_IN_FILE,)
    preferred = list(CONVENTIONS)
    if origin and "atlas" in origin.casefold():
        preferred.insert(0, preferred.pop(1))
    return tuple(preferred)


def choose_convention(placed: Sequence[Placed], origin: str | None) -> Convention:
    """The convention that fits the selections of all sources (`placed`, mapped under `candidates(origin)`)
    best."""
    preferred = candidates(origin)
    best: tuple[tuple[int, int, int, int], Convention] | None = None
    for rank, convention in enumerate(preferred):
        out, misaligned, boundaries = 0, 0, 0
        for source in placed:
            source_out, source_misaligned, source_boundaries = source.scores.get(convention, (0, 0, 0))
            out += source_out
            misaligned += source_misaligned
            boundaries += source_boundaries
        score = (-out, -misaligned, boundaries, -rank)
        if best is None or score > best[0]:
            best = (score, convention)
    assert best is not None
    return best[1]
