"""Retrieval: the passages coded with a code, with context, in pages, on the right characters."""

from __future__ import annotations

import pytest
from builders import add_document

from workbench import codebook, coding
from workbench.errors import CodingError
from workbench.project import Project
from workbench.retrieval import coded_passages, count_coded_passages

TEXT = "Bonjour 😀 madame,\r\nma facture a doublé sans prévenir et je suis très mécontente de ce service."


@pytest.fixture
def coded(project: Project) -> dict[str, int]:
    first = add_document(project, TEXT, "Appel Noémie", "call")
    second = add_document(project, "Facture reçue en retard, encore.", None, "email", source_name="boite.mbox")
    group = codebook.create_code(project, "Motifs", codable=False)
    billing = codebook.create_code(project, "Facturation", group)
    late = codebook.create_code(project, "Retard", billing)
    start = TEXT.index("ma facture")
    coding.apply_code(project, first, billing, start, start + len("ma facture a doublé"), coder="claire")
    coding.apply_code(project, second, late, 0, 7, coder="bruno")
    coding.apply_code(project, first, billing, coder="bruno")  # the whole call
    return {"group": group, "billing": billing, "late": late, "first": first, "second": second}


def test_passages_carry_text_context_document_and_coder(project: Project, coded: dict[str, int]) -> None:
    passages = coded_passages(project, coded["billing"], context=12)
    assert [(p.document_id, p.coder) for p in passages] == [(coded["first"], "bruno"), (coded["first"], "claire")]
    whole, part = passages
    assert (whole.start, whole.end, whole.text, whole.before, whole.after) == (0, len(TEXT), TEXT, "", "")
    assert TEXT[part.start:part.end] == part.text == "ma facture a doublé"
    # Code points: the emoji counts once. The window cut "Bonjour" before it, which goes, and "prévenir".
    assert part.before == "😀 madame,\r\n"
    assert part.after == " sans"
    assert part.document_title == "Appel Noémie" and part.code_name == "Facturation" and not part.truncated
    assert (part.more_before, part.more_after) == (True, True) and (whole.more_before, whole.more_after) == (False, False)
    near_the_end = coded_passages(project, coded["billing"], context=200)[1]
    assert near_the_end.after.endswith("service.") and not near_the_end.more_after


def test_sub_codes_on_request_and_counts(project: Project, coded: dict[str, int]) -> None:
    assert count_coded_passages(project, coded["billing"]) == 2
    assert count_coded_passages(project, coded["group"], include_descendants=True) == 3
    assert coded_passages(project, coded["group"]) == []
    passages = coded_passages(project, coded["group"], include_descendants=True)
    assert [p.code_name for p in passages] == ["Facturation", "Facturation", "Retard"]
    assert passages[2].document_title == "boite.mbox #1" and passages[2].text == "Facture"


def test_pages_and_long_passages_are_cut(project: Project, coded: dict[str, int]) -> None:
    first_page = coded_passages(project, coded["group"], include_descendants=True, limit=2)
    second_page = coded_passages(project, coded["group"], include_descendants=True, limit=2, offset=2)
    assert [p.coding_id for p in first_page + second_page] == [
        p.coding_id for p in coded_passages(project, coded["group"], include_descendants=True)]
    whole = coded_passages(project, coded["billing"], max_chars=10)[0]
    assert whole.truncated and whole.text == TEXT[:10] and whole.after == "" and whole.more_after
    with pytest.raises(CodingError):
        coded_passages(project, 999)
