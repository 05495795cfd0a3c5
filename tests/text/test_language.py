"""Language detection restricted to the project's languages, with the project language as fallback."""

from __future__ import annotations

from workbench.text.language import detect_language, detect_languages


def test_french_and_english_are_told_apart():
    texts = [
        "Je suis très déçu par le service client, personne ne répond jamais au téléphone.",
        "I am very disappointed with customer service, nobody ever answers the phone.",
        "La livraison a pris trois semaines et le colis était abîmé.",
        "The delivery took three weeks and the parcel was damaged.",
    ]
    assert detect_languages(texts, default="fr") == ["fr", "en", "fr", "en"]


def test_short_and_empty_texts_keep_the_project_language():
    assert detect_languages(["ok", "", "merci !", "Top"], default="en") == ["en"] * 4
    assert detect_language("ok", default="fr") == "fr"


def test_single_language_projects_skip_detection():
    assert detect_languages(["I am very disappointed with customer service."], default="fr", languages=["fr"]) == ["fr"]
