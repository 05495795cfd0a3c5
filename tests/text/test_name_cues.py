"""Names found by the words around them (`workbench.text.name_cues`), judged by `pii.find_people` with
NER's tags given by hand, so that each rule is seen alone: what a cue takes, and what it must leave."""

from __future__ import annotations

import pytest

from workbench.text.pii import find_people


def people(text: str, tags: dict[str, str] | None = None) -> list[str]:
    """The names found in `text`, NER having tagged each key of `tags` with its value."""
    entities = [(text.index(word), text.index(word) + len(word), label) for word, label in (tags or {}).items()]
    return list(dict.fromkeys(text[found.start:found.end] for found in find_people(text, entities)))


@pytest.mark.parametrize(("text", "tags", "names"), [
    # a cue that says a person follows: anything name-like NER does not call a company
    ("Client : Mon fils Dieudonné s'est inscrit sans me demander.", {}, ["Dieudonné"]),
    ("Cliente : Zeynep à l'appareil, je vous rappelle 😀", {}, ["Zeynep"]),
    ("Le technicien, un certain Wójcik, n'est jamais venu.", {}, ["Wójcik"]),
    ("Aminata a rejoint la conversation.", {}, ["Aminata"]),
    # a cue that as often precedes a company: a word NER tags, whatever the tag, but not a company
    ("RAS, merci à Mehmet pour son suivi.", {"Mehmet": "LOC"}, ["Mehmet"]),
    ("J'ai eu Solveig hier, très aimable.", {"Solveig": "PROPN"}, ["Solveig"]),
    ("Ombeline est vraiment au top !!", {"Ombeline": "MISC"}, ["Ombeline"]),
    ("merci à Orange pour rien", {"Orange": "ORG"}, []),
    ("c'est Darty qui a livré", {"Darty": "ORG"}, []),
    ("Merci Beaucoup pour votre aide", {}, []),
    ("Mon fils Darty", {"Darty": "ORG"}, []),
    # a known first name needs no tag
    ("Re bonjour Karim, toujours rien reçu 🙁", {}, ["Karim"]),
    ("Re bonjour Hakim, toujours rien reçu 🙁", {}, []),
    # lower case, as SMS write: a known first name, and the surname after it
    ("ok merci rachid 👍", {}, ["rachid"]),
    ("bonjour je suis thierry gauthier, mon numero client est CLI-2024-00012", {}, ["thierry gauthier"]),
    ("mon mari karim a appelé hier", {}, ["karim"]),
    ("c'est parfait merci beaucoup", {}, []),
    # a line's label: a person NER sees, never a header field
    ("Fatima-Zahra : Bonjour, en quoi puis-je vous aider ?", {}, ["Fatima-Zahra"]),
    ("Sofiane : Bonjour", {"Sofiane": "PER"}, ["Sofiane"]),
    ("Message : colis non reçu", {"Message": "PER"}, []),
    ("Objet : ma facture", {}, []),
    # a form field and a signature line under a closing formula
    ("Nom : PHAM Duc\nMessage : colis non reçu, commande 45821", {}, ["PHAM Duc"]),
    ("Bonjour,\r\nle colis est arrivé abîmé.\r\nCordialement,\r\nCharles d'Aubigny\r\n", {}, ["Charles d'Aubigny"]),
    ("Toujours rien.\n\nBien à vous,\nKRZYSZTOF KOWALSKI", {}, ["KRZYSZTOF KOWALSKI"]),
    ("Merci d'avance.\nService Clients Fnac", {"Fnac": "ORG"}, []),
    ("Le formulaire.\nCdt\nKONATÉ Moussa", {"Cdt\nKONATÉ Moussa": "ORG"}, ["KONATÉ Moussa"]),
    ("Cordialement,\n06 12 34 56 78", {}, []),
    ("BONJOUR JE NE RECOIS PLUS MES FACTURES MERCI DE VERIFIER", {"VERIFIER": "PROPN"}, []),
    ("MERCI KARIM", {}, ["KARIM"]),
    # a surname in capitals before a first name, not an acronym
    ("Votre RDV Garage est confirmé", {"Garage": "PROPN"}, []),
    ("NOTE CONSEILLER : rappeler NESTORET Théodore avant 18h.", {"Théodore": "PROPN"}, ["NESTORET Théodore"]),
])
def test_the_words_around_a_name_find_it_and_leave_companies_and_words(text: str, tags: dict[str, str],
                                                                        names: list[str]) -> None:
    assert people(text, tags) == names


def test_offsets_are_code_points_of_the_text() -> None:
    text = "😀😀 Client : mon fils Élouan 👍 a appelé"
    [found] = find_people(text)
    assert text[found.start:found.end] == "Élouan" and found.start == text.index("Élouan")
