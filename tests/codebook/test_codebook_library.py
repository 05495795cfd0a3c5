"""Codes created by name alone are described, for suggestions, by the shipped code of that name."""

from __future__ import annotations

import json
from pathlib import Path

from builders import add_code
from suggest_data import add_documents

from workbench import codebook_library
from workbench.codebook_library import folded_name, group_scheme, shipped_code
from workbench.suggest.codes import borrowed_description, code_texts, select_codes, suggest_codes
from workbench.suggest.review import method_label, review_queue


def test_names_match_whatever_their_accents_case_and_separators() -> None:
    assert folded_name("Changement d’abonnement") == folded_name("changement_d_abonnement") == "changement d abonnement"
    for name in ("Résiliation", "RESILIATION", "résiliation ", "cancellation"):
        found = shipped_code(name, None, "fr")
        assert found is not None and found.name == "Résiliation" and found.scheme == "Motifs de contact"
        assert "résilier" in found.indicators and found.examples
    english = shipped_code("Résiliation", None, "en")
    assert english is not None and english.name == "Cancellation" and english.description.startswith("A cancellation")
    assert shipped_code("Mon code à moi", None, "fr") is None
    assert shipped_code("Mon code à moi", "enmity", "fr").name == "Inimitié"  # the key when the name says nothing


def test_a_near_name_borrows_from_the_one_shipped_code_it_names_best() -> None:
    near = {"Problème de livraison": "Livraison", "Demande de remboursement": "Remboursement",
            "Produit défectueux": "Défaut produit", "Difficulté de contact": "Difficulté à joindre",
            "Relation de dépendance": "Dépendance", "Aventure sans lendemain": "Aventure"}
    for name, shipped in near.items():
        found = shipped_code(name, None, "fr")
        assert found is not None and found.name == shipped, name
    # words two shipped codes share as much, or too few words shared: no description is borrowed; a generic
    # complaint is no billing question, though a billing complaint is
    for name in ("Amitié", "Défaut de paiement", "Mon code à moi", "Réclamation", "Réclamations"):
        assert shipped_code(name, None, "fr") is None, name
    assert shipped_code("Mon code", "retard_de_livraison", "fr").name == "Livraison"  # the key, nearly
    assert shipped_code("Réclamation facture", None, "fr", "Motifs de contact").name == "Facturation"


def test_the_other_names_a_shipped_code_goes_by_borrow_too() -> None:
    """A shipped code's `other_names` are the names analysts also give it; without them each of these would
    borrow nothing (two shipped codes tie, or no word is shared)."""
    other = {"Facture": "Facturation", "Partenariat": "Partenariat engagé",
             "Changement d'offre": "Changement d'abonnement", "Attitude du conseiller": "Comportement du conseiller",
             "Client captif": "Asservissement", "Mariage de convenance": "Mariage de raison",
             "Hausse des tarifs": "Prix", "Plan change": "Changement d'abonnement"}
    for name, shipped in other.items():
        found = shipped_code(name, None, "fr")
        assert found is not None and found.name == shipped, name
    assert shipped_code("Client captif", None, "en").name == "Enslavement"
    # a shipped code's own name wins over another's other name: "Départ" is a journey stage, not a cancellation
    assert (shipped_code("Départ", None, "fr").scheme, shipped_code("Remerciement", None, "fr").scheme) == (
        "Expérience client", "Marqueurs relationnels")



def test_emotions_experience_and_markers_go_by_other_names_too() -> None:
    """The names analysts give emotions, journey stages and relational markers borrow those codes; without
    `other_names` each of these borrows nothing."""
    other = {"Incompréhension": "Confusion", "Irritation": "Agacement", "Anxiété": "Inquiétude",
             "Fureur": "Rage", "Curiosité": "Intérêt", "Soulagé": "Soulagement", "Insatisfaction": "Déception",
             "Prise en main": "Mise en route", "Attrition": "Départ", "Effort très faible": "Effort très faible (1)",
             "Ironie": "Sarcasme", "Escalade": "Demande d'escalade", "Parler à un humain": "Contact humain"}
    for name, shipped in other.items():
        found = shipped_code(name, None, "fr")
        assert found is not None and found.name == shipped, name
    assert shipped_code("Fury", None, "en").name == "Rage"


def test_other_names_of_one_scheme_take_no_names_of_another() -> None:
    """Other names are compared by their words cut to six letters, so a one-word other name matches every
    two-word name holding that word: "Personnalisation" would have taken "Personne ne me répond", a
    contact reason, and "Fidélisation" the loyal relationship forms; "CES 2" is the bare digit ("ces" is a
    function word), and took any code named "Motif 2". Such other names are left out."""
    for name in ("Personne ne me répond", "Interaction avec le personnel", "Usage occasionnel",
                 "Fidélité engagée", "Client déçu", "Relance avoir", "Prise de commande", "Motif 2"):
        found = shipped_code(name, None, "fr")
        assert found is None or found.scheme in ("Motifs de contact", "Formes de relation client–marque"), name

def test_a_name_two_shipped_codes_share_describes_neither(tmp_path: Path, monkeypatch) -> None:
    for key, definition in (("one", "Première définition."), ("two", "Seconde définition.")):
        (tmp_path / f"{key}.yaml").write_text(
            f"key: {key}\nname: {key}\ncodes:\n  - key: delay\n    name: Retard\n    definition: {definition}\n"
            f"  - key: own_{key}\n    name: Propre {key}\n    definition: {definition}\n", encoding="utf-8")
    monkeypatch.setattr(codebook_library, "schemes_dir", lambda: tmp_path)
    codebook_library._index.cache_clear()
    try:
        assert shipped_code("Retard", None, "fr") is None
        assert shipped_code("Propre one", None, "fr").description == "Première définition."
    finally:
        codebook_library._index.cache_clear()


def test_only_a_code_without_texts_of_its_own_borrows() -> None:
    bare = {"name": "Résiliation", "key": None, "description": None, "inclusion": None, "indicators": [],
            "examples": [], "translations": None}
    texts = code_texts(bare, "fr")
    assert texts[0] == (("Résiliation: Demande de résiliation, menace de partir ou démarche de départ vers un "
                        "concurrent."), True)
    assert ("Je veux résilier mon contrat, donnez-moi la marche à suivre.", False) in texts
    described = {**bare, "description": "Le client part à la retraite."}
    assert code_texts(described, "fr") == [("Résiliation: Le client part à la retraite.", True)]
    translated = {**bare, "translations": json.dumps({"fr": {"indicators": ["retraite"]}})}
    assert code_texts(translated, "fr") == [("Résiliation", True), ("Résiliation: retraite", True)]
    assert code_texts({**bare, "name": "Mon code à moi"}, "fr") == [("Mon code à moi", True)]


def test_suggestions_say_a_borrowed_description_decided(project) -> None:
    add_documents(project, ["Je veux résilier mon contrat, je pars chez un concurrent.",
                            "Ma facture est deux fois trop élevée ce mois-ci.",
                            "Le colis n'est jamais arrivé, le suivi ne bouge plus."])
    for name in ("Résiliation", "Facturation", "Livraison"):
        add_code(project, name)
    own = add_code(project, "Mon code à moi", description="Tout ce qui parle de la météo.")
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert result.methods["Résiliation"] == ("from the description of “Résiliation” in the shipped scheme "
                                             "“Motifs de contact” (the code has none) (uncalibrated)")
    assert result.methods["Mon code à moi"] == "from the code's description (uncalibrated)"
    rows = {row["text"][:8]: row for row in review_queue(project, limit=None)}
    cancel = rows["Je veux "]
    assert cancel["code_key"] is None and cancel["code"] == "Résiliation"
    assert cancel["explanation"]["description_from"] == {"scheme": "Motifs de contact", "code": "Résiliation"}
    assert method_label(cancel["explanation"]) == ("depuis la définition de « Résiliation » du schéma livré "
                                                   "« Motifs de contact » ; score non calibré (aucun codage pour "
                                                   "le vérifier)")
    assert all(row["code_id"] != own or "description_from" not in row["explanation"] for row in rows.values())
    assert {row["text"][:8]: row["code"] for row in rows.values()} == {
        "Je veux ": "Résiliation", "Ma factu": "Facturation", "Le colis": "Livraison"}


def test_the_library_is_read_once_per_language() -> None:
    codebook_library._index.cache_clear()
    shipped_code("Résiliation", None, "fr")
    shipped_code("Facturation", None, "fr")
    assert codebook_library._index.cache_info().misses == 1


def test_a_code_alone_in_its_scheme_is_not_suggested_for_every_unit(project) -> None:
    add_documents(project, ["Je suis furieux, c'est inadmissible !", "Merci pour votre aide, tout va bien."])
    add_code(project, "Colère")
    result = suggest_codes(project, embedder="lexical", min_score=0.0)
    assert result.filed == 0 and review_queue(project, limit=None) == []
    assert result.schemes[next(iter(result.schemes))]["without"] == {"alone": 2}
    assert "2 only code of its scheme" in result.summary()
    assert result.without_lines()[0].endswith("2 not filed: the only code of its scheme has no other code to be "
                                              "weighed against (suggest it together with other codes)")


def test_a_name_is_read_within_its_siblings_scheme() -> None:
    """"Détracteur" alone is the NPS detractor of the experience scheme; beside relationship forms it is no
    NPS code, and "Complicité" beside them is no compliment (the words "compli" it shares with it)."""
    assert shipped_code("Détracteur", None, "fr").scheme == "Expérience client"
    assert shipped_code("Complicité", None, "fr").name == "Compliment"
    forms = ["Inimitié", "Ex-amis", "Client captif", "Détracteur", "Complicité"]
    within = group_scheme(forms, "fr")
    assert within == "Formes de relation client–marque"
    assert shipped_code("Détracteur", None, "fr", within) is None
    assert shipped_code("Complicité", None, "fr", within) is None
    assert shipped_code("Client captif", None, "fr", within).name == "Asservissement"
    # siblings of several schemes, or a single borrowing sibling, make no group scheme
    assert group_scheme(["Inimitié", "Facturation", "Détracteur"], "fr") is None
    assert group_scheme(["Inimitié", "Mon code"], "fr") is None


def test_a_parent_named_like_a_scheme_decides_when_the_siblings_do_not() -> None:
    """"Menace de départ" alone is the relational marker of that name; under "Motifs d'appel" it is the
    cancellation reason it is another name of. Siblings that decide still win over the parent's name."""
    assert shipped_code("Menace de départ", None, "fr").name == "Menace de départ"
    within = group_scheme(["Menace de départ"], "fr", "Motifs d'appel")
    assert within == "Motifs de contact"
    assert shipped_code("Menace de départ", None, "fr", within).name == "Résiliation"
    assert group_scheme(["Inimitié", "Ex-amis", "Client captif"], "fr", "Motifs d'appel") == (
        "Formes de relation client–marque")
    named = {"Motifs d'appel entrants": "Motifs de contact", "Typologie relationnelle": "Formes de relation client–marque",
             "Ressenti client": "Émotions", "NPS": "Expérience client", "Marqueurs de politesse": "Marqueurs relationnels"}
    for parent, scheme in named.items():
        assert codebook_library.parent_scheme(parent, "fr") == scheme, parent
    # a parent named like a code, or holding one group word of two schemes' words, names no scheme
    for parent in ("Client content", "Image de marque", "Mon dossier"):
        assert codebook_library.parent_scheme(parent, "fr") is None, parent


def test_suggestions_read_a_bare_name_under_a_parent_named_like_a_scheme(project) -> None:
    reasons = add_code(project, "Motifs d'appel", codable=False)
    under = add_code(project, "Menace de départ", reasons)
    alone = add_code(project, "Menace de départ")
    by_id = {row["id"]: row for row in select_codes(project)}
    assert borrowed_description(by_id[under], "fr").name == "Résiliation"
    assert borrowed_description(by_id[alone], "fr").scheme == "Marqueurs relationnels"


def test_suggestions_read_a_bare_name_within_its_siblings_scheme(project) -> None:
    forms = add_code(project, "Formes", codable=False)
    for name in ("Inimitié", "Ex-amis", "Client captif"):
        add_code(project, name, forms)
    detractor = add_code(project, "Détracteur", forms)
    nps = add_code(project, "NPS", codable=False)
    for name in ("Promoteur", "Passif"):
        add_code(project, name, nps)
    nps_detractor = add_code(project, "Détracteur", nps)
    by_id = {row["id"]: row for row in select_codes(project)}
    assert borrowed_description(by_id[detractor], "fr") is None
    assert borrowed_description(by_id[nps_detractor], "fr").scheme == "Expérience client"
