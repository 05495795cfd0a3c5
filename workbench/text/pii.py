"""Finding personal data in a verbatim: where it is and what kind, never what to put instead.

Each detector returns `Found(start, end, kind, canonical)`: code-point offsets into the text, the kind
(email, phone, iban, card, address, person, or an identifier pattern's name) and a canonical form under
which the same value written differently is the same value ("06 12 34 56 78" and "+33612345678").

Why checksums: a French verbatim is full of numbers (amounts, dates, order numbers). IBANs are only
taken when their ISO 7064 mod-97 checksum holds and card numbers when their Luhn digit does, which is
what keeps "ordinary numbers" untouched while every real IBAN and card number is caught.

Person names come from four sources whose errors differ: spaCy's NER (PER), a courtesy title followed
by capitalised words ("M. Martin", "Mme Le Goff"), common French first names followed by a surname, and
the words around a name (`name_cues`: "mon mari Karim", "merci à Ombeline", a signature line), judged
with NER's other tags so that a company after "merci" stays. Spans are trimmed of titles and checked
(capitalised, no digit, not a greeting or a role) because NER alone tags "Bonjour" or "Conseiller" as
people often enough to matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.text.name_cues import cued_spans
from workbench.text.normalise import fold
from workbench.text.stopwords_fr import FUNCTION_WORDS

# NER's word on a span: (start, end) for a person, or (start, end, label), `find_people`.
Tagged = tuple[int, int] | tuple[int, int, str]
PRIORITY = ("email", "iban", "card", "identifier", "phone", "address", "person")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    canonical: str


@dataclass(frozen=True)
class IdPattern:
    """A project-specific identifier (customer number, contract number) and its placeholder label."""

    kind: str
    label: str
    pattern: str

    def compiled(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{self.pattern})(?![\w-])")


DEFAULT_ID_PATTERNS = (
    IdPattern("customer", "CLIENT", r"CLI-\d{4}-\d{5}"),
    IdPattern("contract", "CONTRAT", r"CT-\d{6}"),
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = r"[\w’'\-]"
_CAP = rf"[{_UPPER}]{_WORD}*"

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])")
IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]){11,32}", re.IGNORECASE)
CARD = re.compile(r"(?<![\d.,])\d(?:[ \-]?\d){12,18}(?![\d])")
PHONE_FR = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0[\s.\-]?)[1-9](?:[\s.\-]?\d{2}){4}(?![\d])"
)
PHONE_INTL = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[\s.\-]?(?:\(\d{1,4}\)|\d{1,4})){2,6}(?![\d])")
_STREET_TYPES = (
    r"rue|avenue|av\.|boulevard|bd|bld|place|pl\.|chemin|allée|allee|impasse|route|rte|quai|cours|square|"
    r"passage|résidence|residence|lotissement|lieu-dit|voie|sentier|hameau|faubourg|rond-point|parvis|"
    r"esplanade|promenade|cité|cite|villa|clos|domaine|montée|ruelle|traverse"
)
_CONNECTOR = r"(?:de|des|du|la|le|les|aux|au|à|sur|sous|en|et|lès)"
_STREET_NAME = rf"(?:\s+(?:{_CONNECTOR}(?=\s)|[dl][’']{_CAP}|{_CAP}|\d{{1,4}}(?:e|er|ème)?(?!\d))){{1,7}}"
_CITY = rf"{_CAP}(?:[ \-](?:(?:{_CONNECTOR})[ \-])?{_CAP}){{0,4}}(?: CEDEX(?: \d{{1,2}})?)?"
_POSTCODE_CITY = rf"(?<![\w])\d{{5}}\s+{_CITY}"
ADDRESS = re.compile(
    rf"(?<![\w])\d{{1,4}}(?:\s?(?:bis|ter|quater|[A-C])(?![\w]))?,?\s+(?i:{_STREET_TYPES})(?![\w]){_STREET_NAME}"
    rf"(?:,?\s+{_POSTCODE_CITY})?"
)
POSTCODE_CITY = re.compile(_POSTCODE_CITY)
PLACEHOLDER = re.compile(r"\[[A-Z]+_\d+\]")

_IBAN_LENGTHS = {
    "FR": 27, "MC": 27, "DE": 22, "BE": 16, "ES": 24, "IT": 27, "GB": 22, "CH": 21, "LU": 20, "NL": 18,
    "PT": 25, "AT": 20, "IE": 22, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "PL": 28, "GR": 27, "MA": 28,
}

_TITLES = (
    r"M\.|Mr\.?|MM\.|Mme\.?|Mmes|Mlle\.?|Melle|Madame|Monsieur|Mademoiselle|Maître|Me|Dr\.?|Docteur|Pr\.?|"
    r"Professeur"
)
_TITLED_NAME = re.compile(rf"(?<![\w])(?:{_TITLES})\s+((?:{_CAP}|[{_UPPER}]{{2,}})(?:[\s\-](?:{_CAP}|[{_UPPER}]{{2,}})){{0,2}})")
_CAPITALISED_WORD = re.compile(rf"(?<![\w’'\-]){_CAP}")
_NEXT_CAPITALISED = re.compile(rf" ({_CAP})")
_TITLE_WORDS = {fold(t.rstrip(".")) for t in _TITLES.replace("\\.", "").replace("?", "").split("|")}
# Titles recognised in any case before a known surname; not "Me" or "Pr", which are also ordinary
# lower-case words ("me", "pr").
_LOWER_CASE_TITLES = r"m\.|mr\.?|mme\.?|mlle\.?|madame|monsieur|mademoiselle|docteur|dr\.?"

def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# Common first names in France. Names that are also ordinary words ("Pierre", "Claire", "Rose") are in
# the second set: they count only when a capitalised surname follows.
FIRST_NAMES = _folded_words("""
Marie Jean Michel Philippe Alain Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Valérie
Sandrine Nicolas Christophe Stéphane Sébastien Julien David Thomas Alexandre Laurent Frédéric Patrick
Éric Eric Olivier Thierry Pascal Daniel Bernard Céline Aurélie Stéphanie Sophie Julie Camille Léa Manon
Emma Chloé Inès Sarah Laura Lucie Anaïs Pauline Mathilde Juliette Louise Alice Jade Lina Zoé Hugo Lucas
Louis Gabriel Arthur Raphaël Jules Adam Léo Nathan Théo Paul Maxime Antoine Quentin Romain Kevin Kévin
Mathieu Matthieu Guillaume Benjamin Vincent Jérôme Cédric Damien Fabrice Franck Arnaud Hervé Didier
Dominique Martine Brigitte Nadine Véronique Corinne Karine Virginie Delphine Émilie Emilie Audrey
Caroline Élodie Elodie Marine Charlotte Clara Margaux Océane Yasmine Fatima Amina Karim Mohamed Mehdi
Rachid Youssef Samir Nadia Leila Sonia Hélène Anne Annie Josiane Jacqueline Danielle Odile Agnès Gilles
Gérard Jacques René Roger Henri André Marcel Georges Yves Serge Christian Bruno Luc Marc Cyril Ludovic
Jérémy Anthony Florian Adrien Baptiste Clément Maxence Valentin Mickaël Loïc Yann Gaëlle Nolwenn Maëlle
Jean-Pierre Jean-Claude Jean-Marc Jean-Luc Jean-François Jean-Paul Marie-Claude Marie-Christine
Anne-Sophie Pierre-Yves Bastien Sabrina Jessica Émilien Morgane Solène Justine Noémie Lola Chantal
Ginette Huguette Simone Mireille Evelyne Éveline Jocelyne Josette Lydie Muriel Myriam Patricia Pascale
Sylvain Xavier Yannick Lionel Régis Gaston Lucien Albert Fernand Raymond Maurice Robert Claude Joël
""")
AMBIGUOUS_FIRST_NAMES = _folded_words("""
Pierre Claire Rose Victoire Constance Prudence Ange Aimé Blanche Olive Violette Marguerite
Martin Laurence Florence Léon Capucine Grâce Gaël Joyce Charles Francis Denis Hugues
""")

# Capitalised words that NER and the rules must never take for a person.
NOT_NAMES = _folded_words("""
Bonjour Bonsoir Merci Cordialement Salut Hello Madame Monsieur Mademoiselle Client Cliente Conseiller
Conseillère Agent Service Direction Responsable Support Équipe Equipe Oui Non Voilà Alors Bref Donc
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet Août
Septembre Octobre Novembre Décembre Noël Pâques Internet Wifi Box Mobile Fibre Facture Contrat Compte
Madame/Monsieur Interlocuteur Interlocutrice Enquêteur Enquêtrice Interviewer Répondant Répondante
Dieu Covid SAV RIB IBAN CB Visa Mastercard Paris Lyon Marseille France Europe Cdt Tél Tel Envoyé Allô
Participant Participante Technicien Technicienne Livreur Livreuse Vendeur Vendeuse Standard Accueil
Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Reims Toulon Grenoble Dijon Angers Nîmes
Metz Brest Tours Limoges Amiens Perpignan Besançon Orléans Rouen Caen Nancy Pau Avignon Poitiers Calais
Bretagne Normandie Alsace Provence Occitanie Aquitaine Bourgogne Corse
""")
# Labels of header and form lines ("De : …", "Objet : …"), which NER sometimes takes for a person.
_FIELD_LABELS = _folded_words("""
De À A Cc Cci Objet Sujet Message Date Note Notes Commentaire Commentaires Réponse Question Référence Réf
Adresse Téléphone Tél Email Mail Courriel PJ Statut Motif Canal Total Montant Pièce Envoyé Reçu
""")
# Lower-case particles of surnames ("Le Goff" is capitalised, "de La Tour" is not always).
_PARTICLES = _folded_words("de du des le la van von di da ben el al")
_ELIDED_PARTICLE = re.compile(rf"[dl][’'][{_UPPER}]")  # "d'Aubigny", "l'Hermite"
_NOT_NAME_WORDS = NOT_NAMES | _TITLE_WORDS
# Words that never follow a lower-case first name as its surname ("merci karim pour", "mon mari karim a").
_NOT_SURNAME_WORDS = FUNCTION_WORDS | _NOT_NAME_WORDS


def _compact(text: str) -> str:
    return re.sub(r"[\s\-.]", "", text).upper()


def _iban_ok(compact: str) -> bool:
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit()):
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        digits = "".join(str(int(ch, 36)) for ch in rearranged)
    except ValueError:
        return False
    return int(digits) % 97 == 1


def _card_issuer_ok(digits: str) -> bool:
    """Payment cards start with an issuer's prefix (ISO/IEC 7812): 3 (Amex, Diners, JCB), 4 (Visa),
    5 and 2221-2720 (Mastercard, Maestro), 6 (Discover, Maestro, UnionPay). Long runs of digits that
    start otherwise are time stamps ("20261204153012"), order or file numbers, and one in ten of them
    passes the Luhn check by chance."""
    return digits[0] in "3456" or 2221 <= int(digits[:4]) <= 2720


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _end_after(text: str, start: int, limit: int, n_chars: int) -> int:
    """End offset after `n_chars` alphanumeric characters from `start` (separators skipped)."""
    seen = 0
    for position in range(start, limit):
        if text[position].isalnum():
            seen += 1
            if seen == n_chars:
                return position + 1
    return -1


def find_ibans(text: str) -> list[Found]:
    found = []
    for match in IBAN.finditer(text):
        compact = _compact(match.group(0))
        lengths = [_IBAN_LENGTHS[compact[:2]]] if compact[:2] in _IBAN_LENGTHS else range(len(compact), 14, -1)
        for length in lengths:
            if length <= len(compact) and _iban_ok(compact[:length]):
                end = _end_after(text, match.start(), match.end(), length)
                found.append(Found(match.start(), end, "iban", compact[:length]))
                break
    return found


def find_cards(text: str) -> list[Found]:
    """Card numbers (13 to 19 digits, grouped or not) with an issuer's prefix and a Luhn check digit that
    holds; when a run of digits is longer than the card, trailing groups are dropped until one checks."""
    found = []
    for match in CARD.finditer(text):
        groups = list(re.finditer(r"\d+", match.group(0)))
        for count in range(len(groups), 0, -1):
            digits = "".join(g.group(0) for g in groups[:count])
            if len(digits) < 13:
                break
            if len(digits) <= 19 and _card_issuer_ok(digits) and _luhn_ok(digits):
                found.append(Found(match.start(), match.start() + groups[count - 1].end(), "card", digits))
                break
    return found


def _phone_canonical(text: str) -> str:
    text = text.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        return "0" + digits[2:] if digits.startswith("33") else "+" + digits
    return digits


def find_phones(text: str) -> list[Found]:
    found = [Found(m.start(), m.end(), "phone", _phone_canonical(m.group(0))) for m in PHONE_FR.finditer(text)]
    for match in PHONE_INTL.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 8 <= len(digits) <= 15:
            found.append(Found(match.start(), match.end(), "phone", _phone_canonical(match.group(0))))
    return found


def find_emails(text: str) -> list[Found]:
    return [Found(m.start(), m.end(), "email", m.group(0).lower()) for m in EMAIL.finditer(text)]


def find_addresses(text: str) -> list[Found]:
    found = [Found(m.start(), m.end(), "address", _key(m.group(0))) for m in ADDRESS.finditer(text)]
    found += [Found(m.start(), m.end(), "address", _key(m.group(0))) for m in POSTCODE_CITY.finditer(text)]
    return found


def find_identifiers(text: str, patterns: Sequence[IdPattern]) -> list[Found]:
    return [
        Found(m.start(), m.end(), pattern.kind, m.group(0).upper())
        for pattern in patterns
        for m in pattern.compiled().finditer(text)
    ]


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def plausible_name(text: str) -> bool:
    """Whether `text` can be a person's name: capitalised words, no digit, not only greetings or roles,
    not an acronym (EDF, SAV), not a shouted phrase (MA FACTURE EST FAUSSE)."""
    words = [word for word in re.split(r"[\s\-]+", text.strip()) if word]
    if not words or len(words) > 5 or any(ch.isdigit() or ch in "@/_[]" for ch in text):
        return False
    if not words[0][:1].isupper() or not all(word[:1].isupper() or fold(word) in _PARTICLES
                                             or _ELIDED_PARTICLE.match(word) for word in words):
        return False
    if all(fold(word) in NOT_NAMES or fold(word) in _TITLE_WORDS for word in words):
        return False
    shouted = [word for word in words if word.isupper() and len(word) > 1]
    return not (len(shouted) == len(words)
                and (len(words) >= 3 or (len(words) == 1 and fold(words[0]) not in FIRST_NAMES)))


def _sentence_start(text: str, start: int) -> bool:
    """Whether only punctuation and blanks stand between the last sentence end (or line start) and `start`:
    a capitalised word there is capitalised because of its position, not because it is a name. After a
    comma too: "En fait, Bravo, vraiment" is the start of a spoken clause far more often than a name."""
    position = start - 1
    while position >= 0 and (text[position] in " \t\"«»“”'’-–—*•([" or text[position].isdigit()):
        position -= 1
    return position < 0 or text[position] in ".!?:;…\n],"


def _trim_entity(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The name-like pieces of a candidate span: cut at line breaks ("Agnès Chabrol\nTél"), leading and
    trailing greetings, titles and roles removed ("Merci Monsieur Sarrazin" -> "Sarrazin")."""
    pieces = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        words = list(re.finditer(r"\S+", line.group(0)))
        while words and (fold(words[0].group(0).strip(",.;:!?")) in _NOT_NAME_WORDS):
            words.pop(0)
        while words and (fold(words[-1].group(0).strip(",.;:!?")) in _NOT_NAME_WORDS):
            words.pop()
        if not words:
            continue
        piece_start = start + line.start() + words[0].start()
        piece_end = start + line.start() + words[-1].end()
        while piece_start < piece_end and not text[piece_start].isalnum():
            piece_start += 1
        while piece_end > piece_start and not text[piece_end - 1].isalnum():
            piece_end -= 1
        if piece_end > piece_start and plausible_name(text[piece_start:piece_end]):
            pieces.append((piece_start, piece_end))
    return pieces


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _knows(words: str) -> bool:
    """Whether a word of `words` (or a part of a hyphenated one) is a first name of the lists."""
    parts = [fold(part) for part in re.split(r"[\s\-]+", words) if part]
    return any(part in FIRST_NAMES or part in AMBIGUOUS_FIRST_NAMES for part in parts)


def _cued_people(text: str, persons: list[tuple[int, int]], tagged: list[tuple[int, int]],
                 companies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans the words around them present as names (`name_cues`) that are names. Any of them with a
    known first name. Besides: after a cue that says a person follows, anything name-like NER does not
    call a company; after one that as often precedes a company ("merci", "c'est"), a word NER tags at all
    (a person, a place, a thing or a proper noun: on short informal texts it takes "Mehmet" for a place
    as often as for a person) and not as a company ("merci Orange"); a line's label, a person NER sees; a
    form field or a signature line, a name-like line with no role or greeting word."""
    spans = []
    for cued in cued_spans(text):
        if cued.how == "lower":
            words = text[cued.start:cued.end].split()
            if not any(fold(part) in FIRST_NAMES for part in words[0].split("-")):
                continue
            end = cued.start + len(words[0])
            if len(words) > 1 and len(words[1]) > 2 and fold(words[1]) not in _NOT_SURNAME_WORDS:
                end = cued.end
            spans.append((cued.start, end))
            continue
        for piece in _trim_entity(text, cued.start, cued.end):
            name = text[piece[0]:piece[1]]
            if cued.how == "firm":
                line = re.split(r"[\s\-]+", text[cued.start:cued.end])
                taken = not _overlaps(piece, companies) and not any(fold(word) in _NOT_NAME_WORDS for word in line)
            elif _knows(name):
                taken = True
            elif cued.how == "label":
                taken = _overlaps(piece, persons) and fold(name) not in _FIELD_LABELS
            elif cued.how == "mentioned" and name.isupper():
                taken = False  # "MERCI DE VERIFIER": after a greeting or thanks, capitals are shouting
            else:
                taken = not _overlaps(piece, companies) and (cued.how == "introduced" or _overlaps(piece, tagged))
            if taken:
                spans.append(piece)
    return spans


def find_people(text: str, entities: Iterable[Tagged] = ()) -> list[Found]:
    """Person names from NER `entities` (character spans, with NER's label when there is one: PER, ORG,
    LOC, MISC, or PROPN for a proper noun outside any entity; a span without a label is a person), titles,
    first names, and the words around a name (`name_cues`).

    A one-word NER entity that is not a known first name is only taken inside a sentence: at the start
    of one, "Triste." or "Veuillez" are capitalised for another reason, and NER takes them for names.
    """
    persons, companies, tagged = [], [], []
    for start, end, *label in entities:
        kind = label[0] if label else "PER"
        if kind in ("PER", "PERSON"):
            persons.append((start, end))
        if kind != "ORG":
            tagged.append((start, end))
        elif "\n" not in text[start:end]:  # one across lines ("Cdt\nKONATÉ Moussa") is not a company's name
            companies.append((start, end))
    spans: list[tuple[int, int]] = _cued_people(text, persons, tagged, companies)
    for start, end in persons:
        for piece in _trim_entity(text, start, end):
            single = len(text[piece[0]:piece[1]].split()) == 1
            if single and fold(text[piece[0]:piece[1]]) not in FIRST_NAMES and _sentence_start(text, piece[0]):
                continue
            spans.append(piece)
    for match in _TITLED_NAME.finditer(text):
        spans.extend(_trim_entity(text, match.start(1), match.end(1)))
    for match in _CAPITALISED_WORD.finditer(text):
        first = fold(match.group(0))
        if first not in FIRST_NAMES and first not in AMBIGUOUS_FIRST_NAMES:
            continue
        end, surnames = match.end(), 0
        while surnames < 2 and (following := _NEXT_CAPITALISED.match(text, end)) and fold(following.group(1)) not in NOT_NAMES:
            end, surnames = following.end(), surnames + 1
        if first in AMBIGUOUS_FIRST_NAMES and surnames == 0:
            continue
        spans.extend(_trim_entity(text, match.start(), end))
    return [Found(start, end, "person", _key(text[start:end])) for start, end in spans]


def resolve_overlaps(candidates: Iterable[Found], protected: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Non-overlapping detections, in text order: on overlap the kind earlier in PRIORITY wins, then the
    longer span. Nothing inside a `protected` span (an existing placeholder) is taken."""
    def rank(item: Found) -> tuple[int, int]:
        kind = item.kind if item.kind in PRIORITY else "identifier"
        return PRIORITY.index(kind), -(item.end - item.start)

    taken: list[Found] = []
    blocked = list(protected)
    for item in sorted(candidates, key=rank):
        if item.end <= item.start or _overlaps((item.start, item.end), blocked):
            continue
        taken.append(item)
        blocked.append((item.start, item.end))
    return sorted(taken, key=lambda item: item.start)


def _surname(name: str) -> str | None:
    """The last word of a multi-word name, when it can stand alone for the person ("Dupont")."""
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    folded = fold(last)
    if len(last) < 3 or folded in NOT_NAMES or folded in FIRST_NAMES or folded in AMBIGUOUS_FIRST_NAMES:
        return None
    return last


def find_all(
    text: str, entities: Iterable[Tagged] = (), patterns: Sequence[IdPattern] = DEFAULT_ID_PATTERNS,
    known_people: dict[str, str] | None = None,
) -> list[Found]:
    """Every piece of personal data in `text`, non-overlapping, in text order.

    `known_people` maps names already found elsewhere in the project to their canonical form: their
    other occurrences are taken too, even where NER missed them; it is updated with the names found
    here. A surname standing alone ("Mme Dupont", "Dupont") gets the canonical form of the full name
    seen with it, so it receives the same placeholder.
    """
    known = known_people if known_people is not None else {}
    candidates = [
        *find_emails(text), *find_ibans(text), *find_cards(text), *find_identifiers(text, patterns),
        *find_phones(text), *find_addresses(text), *find_people(text, entities),
    ]
    people = sorted((f for f in candidates if f.kind == "person"), key=lambda f: -len(f.canonical.split()))
    for item in people:  # full names first, so that a lone surname maps to the full name
        name = text[item.start:item.end]
        known.setdefault(name, item.canonical)
        surname = _surname(name)
        if surname:
            known.setdefault(surname, item.canonical)
    for name in sorted(known, key=len, reverse=True):
        # A full name found once is taken in any case ("jean dupont" after "Jean Dupont"); a lone surname
        # only as written, or in any case after a title ("mme dupont"): lower-case "petit" or "blanc"
        # alone is a word far more often than the surname Petit or Blanc.
        several_words = len(name.split()) > 1
        for match in re.finditer(rf"(?<![\w’'\-]){re.escape(name)}(?![\w’'\-])", text,
                                 re.IGNORECASE if several_words else 0):
            candidates.append(Found(match.start(), match.end(), "person", known[name]))
        if not several_words:
            for match in re.finditer(rf"(?<![\w])(?:{_LOWER_CASE_TITLES})\s+({re.escape(name)})(?![\w’'\-])", text,
                                     re.IGNORECASE):
                candidates.append(Found(match.start(1), match.end(1), "person", known[name]))
    protected = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    chosen = resolve_overlaps(candidates, protected)
    return [
        Found(f.start, f.end, f.kind, known.get(text[f.start:f.end], f.canonical)) if f.kind == "person" else f
        for f in chosen
    ]
