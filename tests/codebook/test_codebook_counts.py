"""What the codebook panel reads from the engine: codings per code, what a delete would take away, and
what an Undo label needs of a rename."""

from __future__ import annotations

from builders import add_document

from workbench import codebook as cb
from workbench import coding
from workbench.store.memos import add_memo


def test_coding_counts_and_removal_counts(project) -> None:
    document = add_document(project, "Ma facture 😀 a doublé.", "Appel")
    group = cb.create_code(project, "Motifs", codable=False)
    billing = cb.create_code(project, "Facturation", group)
    late = cb.create_code(project, "Retard", billing)
    spare = cb.create_code(project, "Vide", group)
    first = coding.apply_code(project, document, billing, 0, 10, coder="claire")
    coding.apply_code(project, document, billing, coder="claire")
    coding.apply_code(project, document, late, 3, 10, coder="bruno")
    add_memo(project, "coding", first, "prix", coder="claire")
    add_memo(project, "code", late, "définition à revoir", coder="claire")
    add_memo(project, "document", document, "pas compté", coder="claire")
    assert cb.coding_counts(project) == {billing: 2, late: 1}
    assert cb.removal_counts(project, group) == {"subcodes": 3, "codings": 3, "memos": 2}
    assert cb.removal_counts(project, late) == {"subcodes": 0, "codings": 1, "memos": 1}
    assert cb.removal_counts(project, spare) == {"subcodes": 0, "codings": 0, "memos": 0}


def test_a_rename_says_the_new_name_in_its_journal_summary(project) -> None:
    from workbench.journal import next_undo

    code = cb.create_code(project, "Facturation")
    cb.rename_code(project, code, "Factures 🧾")
    assert next_undo(project)["summary"]["new_name"] == "Factures 🧾"
    cb.update_code(project, code, color="#123456")
    assert "new_name" not in next_undo(project)["summary"]
