"""What a topic is about, in words: keywords and a label of key phrases, from the customer's words.

Why not BERTopic's default description: on customer-service French it lists what every exchange says
(greetings, "euh", "votre dossier", the brand) and labels a topic with its first three keywords, so
labels repeat keywords. Here:
- greetings, thanks and call-centre formulas are cut out as phrases, and no term starts or ends with a
  stop word, a filler or an all-purpose verb (workbench/text/stopwords_fr.py for French);
- candidate terms are words and phrases of up to three content words, which may hold a linking word
  inside ("changement de titulaire", "mise à jour"), never across punctuation or a removed formula;
- words found in most documents of the corpus, or of one kind of document with enough of them (the brand
  name the adviser says in every call, "commande" in every e-mail of a webshop), are corpus-wide: they
  describe the corpus, not a topic, and every term holding one is dropped for the units of those
  documents. So are proper nouns (words written with a capital inside sentences nearly every time:
  customers', advisers' and places' names, the brand), and words holding digits (contract numbers);
- terms are weighted by class-based TF-IDF (a term frequent in the topic and rare in the others), and a
  term must occur in two units of a topic, so a customer's name never describes a topic;
- keywords are words and two-word phrases, and skip a term whose words (by their first six letters) are
  all said by earlier keywords;
- the label is two key phrases chosen by maximal marginal relevance over the best candidates: relevant to
  the topic, phrases before single words, and the second one sharing as few words as possible with the first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from workbench.text.normalise import fold

N_KEYWORDS = 10
CORPUS_WIDE_SHARE = 0.5
MIN_GROUP_UNITS = 20
MAX_CONTENT_WORDS = 3
LABEL_CANDIDATES = 15
LABEL_PHRASES = 2
MMR_LAMBDA = 0.6
SINGLE_WORD_WEIGHT = 0.6  # a label reads better as a phrase; a single word wins only when clearly stronger
# Linking words allowed inside a phrase, never at its ends.
LINKS = frozenset({"de", "du", "des", "d", "à", "au", "aux", "en", "la", "le", "les", "l", "pour", "sur", "par",
                   "et", "of", "the", "for", "to", "in", "on", "and"})
_BREAK = re.compile(r"[.,;:!?…()\[\]{}\"«»\n/|*•–—]+|\s-\s")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WITH_DIGITS = re.compile(r"[\w-]*\d[\w-]*")
_SENTENCE = re.compile(r"[.!?…:;\n]+")
PROPER_NOUN_SHARE = 0.9


_ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu"})


def _phrase(tokens: Sequence[str]) -> str:
    """Tokens as written: "fin de l'essai", not "fin de l essai"."""
    return "".join(t + ("'" if t in _ELIDED else " ") for t in tokens[:-1]) + tokens[-1]


def _words_of(term: str) -> list[str]:
    return term.replace("'", " ").split()


def _stem(word: str) -> str:
    return fold(word)[:6]


def term_stop_words(language: str) -> frozenset[str]:
    """The words no topic term starts or ends with, nor is counted in the keywords' diversity: French
    fillers and call formulas too for 'fr', the English list otherwise."""
    if language == "fr":
        from workbench.text.stopwords_fr import topic_stop_words

        return topic_stop_words()
    from workbench.suggest.lexical import english_stop_words

    return english_stop_words()


class TermCounter:
    """Splits a unit's text into candidate terms for one language."""

    def __init__(self, language: str) -> None:
        self.stop = term_stop_words(language)
        if language == "fr":
            from workbench.text.stopwords_fr import strip_formulas

            self.clean = strip_formulas
        else:
            self.clean = str.lower

    def content(self, token: str) -> bool:
        """A word that can start or end a term: not a stop word, nor made of stop words ("pouvez-vous")."""
        return len(token) > 1 and token not in self.stop and not all(p in self.stop for p in token.split("-"))

    def terms(self, text: str) -> list[str]:
        found = []
        for chunk in _BREAK.split(_WITH_DIGITS.sub(" . ", self.clean(text)).replace("'", " ")):
            tokens = _TOKEN.findall(chunk)
            for i, first in enumerate(tokens):
                if not self.content(first):
                    continue
                found.append(first)
                contents = 1
                for j in range(i + 1, min(i + 2 * MAX_CONTENT_WORDS, len(tokens))):
                    token = tokens[j]
                    if self.content(token):
                        contents += 1
                        if contents > MAX_CONTENT_WORDS:
                            break
                        found.append(_phrase(tokens[i:j + 1]))
                    elif token not in LINKS:
                        break
        return found


def proper_nouns(texts: Sequence[str]) -> frozenset[str]:
    """Lower-case words written with a capital letter inside sentences at least 90 % of the time; acronyms
    (IBAN, EDF) are not names and stay."""
    capital: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for text in texts:
        for sentence in _SENTENCE.split(text.replace("’", "'").replace("'", " ")):
            for token in _TOKEN.findall(sentence)[1:]:
                word = token.lower()
                seen[word] += 1
                capital[word] += token[0].isupper() and not token.isupper()
    return frozenset(w for w, n in capital.items() if n >= 2 and n >= PROPER_NOUN_SHARE * seen[w])


def corpus_wide_words(documents: Sequence[tuple[str, str]], language: str = "fr") -> dict[str, frozenset[str]]:
    """{group: words not to describe topics with} from the corpus's (group, text) documents: proper nouns
    and the words present in most documents of the corpus or of the group."""
    counter = TermCounter(language)
    word_sets = [(group, {t for t in counter.terms(text) if " " not in t}) for group, text in documents]

    def common(sets: list[set[str]]) -> frozenset[str]:
        df = Counter(word for words in sets for word in words)
        return frozenset(word for word, n in df.items() if n > CORPUS_WIDE_SHARE * len(sets))

    everywhere = common([words for _, words in word_sets]) | proper_nouns([text for _, text in documents])
    members: dict[str, list[set[str]]] = {}
    for group, words in word_sets:
        members.setdefault(group, []).append(words)
    return {group: everywhere | (common(sets) if len(sets) >= MIN_GROUP_UNITS else frozenset())
            for group, sets in members.items()}


def label_from_phrases(candidates: Sequence[tuple[str, float]]) -> str:
    """Up to two key phrases of (term, weight) candidates by maximal marginal relevance, joined by ' · '.
    A phrase that holds every word of a chosen one replaces it ("colis abîmé" rather than "colis ·
    colis abîmé"); one whose words are all said already ends the label."""
    relevance = {term: weight * (1.0 if " " in term else SINGLE_WORD_WEIGHT) for term, weight in candidates}
    top = max(relevance.values(), default=0.0) or 1.0
    stems = {term: {_stem(w) for w in _words_of(term) if w not in LINKS} for term, _ in candidates}
    chosen: list[str] = []
    left = [term for term, _ in candidates]

    def score(term: str) -> float:
        overlap = max((len(stems[term] & stems[c]) / len(stems[term] | stems[c]) for c in chosen), default=0.0)
        return MMR_LAMBDA * relevance[term] / top - (1 - MMR_LAMBDA) * overlap

    while left and len(chosen) < LABEL_PHRASES:
        best = max(left, key=score)
        left.remove(best)
        if chosen and stems[best] <= set().union(*(stems[c] for c in chosen)):
            break
        chosen = [c for c in chosen if not stems[c] <= stems[best]] + [best]
    return " · ".join(chosen)


def describe_topics(texts: Sequence[str], assigned: Sequence[int], language: str = "fr",
                    groups: Sequence[str] | None = None,
                    documents: Sequence[tuple[str, str]] | None = None) -> dict[int, dict[str, object]]:
    """{topic: {"keywords": [...], "label": str}} for units `texts` assigned to topics `assigned`.
    `groups` is each unit's kind of document and `documents` the (kind, whole text) of the documents the
    units come from, where corpus-wide words are counted (by default, the units themselves)."""
    counter = TermCounter(language)
    unit_terms = [counter.terms(text) for text in texts]
    groups = list(groups) if groups is not None else [""] * len(texts)
    wide = corpus_wide_words(documents if documents is not None else list(zip(groups, texts)), language)
    common = [wide.get(group, frozenset()) for group in groups]
    counts: dict[int, Counter[str]] = {}
    support: dict[int, Counter[str]] = {}
    sizes: Counter[int] = Counter()
    for terms, wide, topic in zip(unit_terms, common, assigned):
        kept = [t for t in terms if not any(w in wide for w in _words_of(t))]
        counts.setdefault(topic, Counter()).update(kept)
        support.setdefault(topic, Counter()).update(set(kept))
        sizes[topic] += 1
    frequency: Counter[str] = Counter()
    for per_topic in counts.values():
        frequency.update(per_topic)
    average = sum(frequency.values()) / max(len(counts), 1)
    described = {}
    for topic in sorted(sizes):
        total = sum(counts[topic].values()) or 1
        need = min(2, sizes[topic])
        weights = sorted(((term, n / total * math.log(1 + average / frequency[term]))
                          for term, n in counts[topic].items() if support[topic][term] >= need),
                         key=lambda item: (-item[1], item[0]))
        keywords: list[str] = []
        said: set[str] = set()
        for term, _ in weights:
            term_stems = {_stem(w) for w in _words_of(term) if w not in LINKS}
            if len(term_stems) > 2 or term_stems <= said:
                continue
            keywords.append(term)
            said |= term_stems
            if len(keywords) == N_KEYWORDS:
                break
        label = label_from_phrases(weights[:LABEL_CANDIDATES])
        described[topic] = {"keywords": keywords, "label": label}
    return described
