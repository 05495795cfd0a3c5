"""Where a customer-service text puts a person's name: the words around it, not the name itself.

NER misses most names that stand alone in short, informal texts ("merci à Ombeline", "c'est Zeynep à
l'appareil", "mon mari karim a appelé", a signature under "Cordialement"), and a list of first names
cannot hold every origin. The talk around a name is far more regular than the names are: introductions,
greetings and thanks, relatives and agents, chat labels, form fields and signatures. This module finds
the spans those cues point at; `pii.find_people` decides which of them are names (known first names,
NER's tags), so that "merci Orange" or "c'est Darty" stay as they are when NER says they are companies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
WORD = r"[\w’'\-]"
CAP = rf"[{UPPER}]{WORD}*"
_APOSTROPHE = r"['’ ]?"
_PARTICLE = r"(?:de|du|des|le|la|van|von|di|da|dos|das|ben|el|al|d['’])"
# One to three capitalised words, particles between them ("Ghislaine de la Roche", "KONATÉ Moussa").
NAME = rf"{CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]*)*{CAP}){{0,2}}"
# The same in lower case, as SMS and chat write names: a first word and at most one more.
LOWER_NAME = rf"[{LOWER}]{WORD}*(?:[ \t]+[{LOWER}]{WORD}*)?"

# Words before a name that say a person follows: introductions, relatives, colleagues and agents.
_INTRODUCING = (
    rf"je m{_APOSTROPHE}appelle|jm{_APOSTROPHE}appelle|moi c{_APOSTROPHE}est|"
    r"mon (?:fils|mari|époux|epoux|père|pere|frère|frere|compagnon|conjoint|voisin|collègue|collegue|"
    r"conseiller|neveu|oncle|grand-père|beau-père)|"
    r"ma (?:fille|femme|épouse|epouse|mère|mere|sœur|soeur|compagne|conjointe|voisine|collègue|collegue|"
    r"conseillère|conseillere|nièce|tante|grand-mère|belle-mère)|"
    r"votre (?:collègue|collegue|collaborat(?:eur|rice)|conseill(?:er|ère|ere)|technicien(?:ne)?|agent)|"
    r"(?:le|la) (?:conseill(?:er|ère|ere)|technicien(?:ne)?|livr(?:eur|euse))|un certain|une certaine"
)
# Words before a name that as often come before a company or a thing: greetings, thanks, "c'est".
_MENTIONING = (
    rf"je suis|c{_APOSTROPHE}est|c|ici|de la part de|au nom de|j{_APOSTROPHE}ai eu|jai eu|"
    rf"j{_APOSTROPHE}avais eu|parler (?:à|a|avec)|demandez|demander|merci (?:à|a)|merci|bonjour|bonsoir|salut|"
    r"coucou|re ?bonjour|hello|cher|chère|sauf|avec|et (?:à|a)"
)
# Words after a name that say it is a person's: an agent introducing themselves, a chat joining.
_INTRODUCED_BY = r"à votre écoute|a votre ecoute|à l['’]appareil|a l['’]appareil|a rejoint"
# Words after a name that as often follow a company's: a department, praise.
_MENTIONED_BY = (
    r"du service|de l['’]équipe|de l['’]equipe|au téléphone|au telephone|est vraiment|qui m['’]a"
)
_CLOSING = (
    r"(?:bien )?cordialement|cdt|cdlt|bien à vous|bien a vous|salutations(?: distinguées| distinguees)?|"
    r"sincèrement|sincerement|amicalement|merci(?: d['’]avance| par avance| beaucoup| encore)?|"
    r"bonne (?:journée|journee|soirée|soiree)|à bientôt|a bientot|respectueusement"
)
_FIELDS = r"nom|prénom|prenom|nom et prénom|nom complet|titulaire|signataire|interlocut(?:eur|rice)"

# The name is read in a look-ahead, so that a cue inside another's match is still seen ("bonjour je suis
# thierry": "bonjour" does not swallow "je suis").
_BEFORE = {True: re.compile(rf"(?<![\w’'\-])(?i:{_INTRODUCING})[ \t]+(?=({NAME}))"),
           False: re.compile(rf"(?<![\w’'\-])(?i:{_MENTIONING})[ \t]+(?=({NAME}))")}
_BEFORE_LOWER = re.compile(
    rf"(?<![\w’'\-])(?i:{_INTRODUCING}|{_MENTIONING})[ \t]+(?=({LOWER_NAME})(?![\w’'\-]))")
_AFTER = {True: re.compile(rf"(?<![\w’'\-])({NAME})[ \t]+(?i:{_INTRODUCED_BY})(?![\w])"),
          False: re.compile(rf"(?<![\w’'\-])({NAME})[ \t]+(?i:{_MENTIONED_BY})(?![\w])")}
_LABEL = re.compile(rf"(?m)^[ \t]*({NAME})[ \t]*:(?!//)")
_FIELD = re.compile(rf"(?m)^[ \t]*(?i:{_FIELDS})[ \t]*:[ \t]*({NAME})[ \t\r]*$")
_CLOSING_LINE = re.compile(rf"(?im)^[ \t]*(?:{_CLOSING})\W*$")
_SIGNATURE_LINE = re.compile(rf"[ \t]*({NAME})[ \t\r]*")
# A surname in capitals before a first name ("KONATÉ Moussa"); four capitals at least, since "RDV",
# "SAV" or "EDF" before a capitalised word are acronyms far more often than surnames.
_SURNAME_FIRST = re.compile(rf"(?<![\w’'\-])([{UPPER}][{UPPER}’'\-]{{3,}}[ \t]+[{UPPER}][{LOWER}]{WORD}*)(?![\w’'\-])")


@dataclass(frozen=True)
class Cued:
    """A span a cue points at, and how much the cue says (`how`):
    - "introduced": the cue says a person follows ("mon mari", "à l'appareil");
    - "mentioned": the cue comes as often before a company or a thing ("merci", "c'est");
    - "label": a line's label ("Fatima-Zahra : Bonjour"), as often a field's ("Objet :");
    - "lower": written in lower case, as SMS write names ("merci rachid");
    - "firm": the cue alone says it is a name (a form field, a signature line)."""

    start: int
    end: int
    how: str


def cued_spans(text: str) -> list[Cued]:
    """Every span that the words around it present as a person's name, for `pii.find_people` to judge."""
    found = [Cued(*match.span(1), "introduced" if strong else "mentioned") for strong in (True, False)
             for pattern in (_BEFORE[strong], _AFTER[strong]) for match in pattern.finditer(text)]
    found += [Cued(*match.span(1), "mentioned") for match in _SURNAME_FIRST.finditer(text)]
    found += [Cued(*match.span(1), "label") for match in _LABEL.finditer(text)]
    found += [Cued(*match.span(1), "lower") for match in _BEFORE_LOWER.finditer(text)]
    found += [Cued(*match.span(1), "firm") for match in _FIELD.finditer(text)]
    found += [Cued(start, end, "firm") for start, end in _signature(text)]
    return found


def _signature(text: str) -> list[tuple[int, int]]:
    """The name line under the last closing formula ("Cordialement,\\nAgnès Chabrol"): the first non-empty
    line after it, when that line is only a name."""
    closings = list(_CLOSING_LINE.finditer(text))
    if not closings:
        return []
    rest = closings[-1].end()
    for line in re.finditer(r"[^\n]*", text[rest:]):
        if not line.group(0).strip():
            continue
        match = _SIGNATURE_LINE.fullmatch(line.group(0))
        return [(rest + line.start() + match.start(1), rest + line.start() + match.end(1))] if match else []
    return []
