"""Property tests of the offset map and of the units a sentence may not cross (no model needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.text.offset_map import OffsetMap
from workbench.text.segment import units

ALPHABET = st.sampled_from(list("abcdé ,.\n") + ["😀", "e\u0301", "\n\n"])


def texts(min_size: int = 0, max_size: int = 60):
    """Strings mixing letters, accents (composed and combining), emoji and paragraph breaks."""
    return st.lists(ALPHABET, min_size=min_size, max_size=max_size).map("".join)


@st.composite
def edits(draw):
    """A text and non-overlapping replacements of some of its pieces."""
    text = draw(texts(min_size=1))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    pieces = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        if end > start:
            pieces.append((start, end, draw(st.sampled_from(["[PERSONNE_1]", "[TEL_12]", "X"]))))
    return text, pieces


def applied(text, pieces):
    out, position = [], 0
    for start, end, replacement in pieces:
        out += [text[position:start], replacement]
        position = end
    return "".join(out + [text[position:]])


@settings(max_examples=300, deadline=None)
@given(edits(), st.data())
def test_spans_outside_replacements_keep_their_text(edit, data):
    text, pieces = edit
    new = applied(text, pieces)
    mapping = OffsetMap([(s, e, len(r)) for s, e, r in pieces])
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new_start, new_end = mapping.span(start, end)
    assert 0 <= new_start <= new_end <= len(new)
    if not any(start < e and s < end for s, e, _ in pieces):
        assert new[new_start:new_end] == text[start:end]
    for s, e, replacement in pieces:  # a span covering a piece covers its replacement
        if start <= s and e <= end and s < e:
            assert replacement in new[new_start:new_end]
    assert mapping.span(0, len(text)) == (0, len(new))


@settings(max_examples=300, deadline=None)
@given(texts(max_size=120), st.integers(5, 40))
def test_units_cover_every_visible_character_once(text, limit):
    pieces = units(text, limit=limit)
    covered = [i for start, end in pieces for i in range(start, end)]
    assert len(covered) == len(set(covered))
    assert all(end - start <= limit for start, end in pieces)
    assert all(i in set(covered) for i, ch in enumerate(text) if not ch.isspace())
    assert all("\n\n" not in text[start:end].strip() for start, end in pieces)
