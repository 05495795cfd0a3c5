"""Language detection restricted to the project's languages, with the project language as fallback."""

from __future__ import annotations

import subprocess
import sys

from workbench.text.language import detect_language, detect_languages


def test_french_and_english_are_told_apart():
    texts = [
        "Je suis très déçu par le service client, personne ne répond jamais au téléphone.",
        "I am very disappointed with customer service, nobody ever answers the phone.",
        "La livraison a pris trois semaines et le colis était abîmé.",
        "The delivery took three weeks and the parcel was damaged.",
    ]
    assert detect_languages(texts, default="fr") == ["fr", "en", "fr", "en"]


def test_french_sms_without_accents_is_french_in_an_english_project():
    texts = [
        "slt c pour savoir pk ma box marche plus depuis hier soir",
        "jai appele 3 fois personne repond c abuse",
        "mail recu mais login refuse, ok je rappelle demain",
    ]
    assert detect_languages(texts, default="en") == ["fr"] * 3


def test_short_english_with_french_names_is_english_in_a_french_project():
    texts = [
        "Why was my card declined at Carrefour in Besançon?",
        "Payment to Hélène Girard still pending since Monday",
        "Can I get a refund? Thanks, François",
        "Card payment declined twice at the shop yesterday",
    ]
    assert detect_languages(texts, default="fr") == ["en"] * 4


def test_an_evenly_mixed_text_keeps_the_project_language():
    text = "Livraison OK, customer service great, merci"
    assert detect_language(text, default="fr") == "fr"
    assert detect_language(text, default="en") == "en"


def test_short_and_empty_texts_keep_the_project_language():
    assert detect_languages(["ok", "", "merci !", "Top", "Nul 👎\r\n"], default="en") == ["en"] * 5
    assert detect_language("ok", default="fr") == "fr"


def test_single_language_projects_skip_detection():
    assert detect_languages(["I am very disappointed with customer service."], default="fr", languages=["fr"]) == ["fr"]


def test_the_detector_is_loaded_only_when_a_text_needs_it():
    # Its model takes about a second to read: neither the import nor texts the function words decide pay it.
    code = ("import sys; from workbench.text.language import detect_languages; "
            "detect_languages(['Je suis très déçu par le service, vous ne répondez pas.', 'ok'], default='en'); "
            "assert 'py3langid' not in sys.modules, 'loaded too early'; "
            "detect_languages(['slt c pour savoir pk ma box marche plus'], default='en'); "
            "assert 'py3langid' in sys.modules")
    run = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
