"""The search query language, parsed into a small tree that `workbench.search` turns into SQL.

    facture                 a word: every inflection, through the lemma ("factures", "facturé"…)
    "mon contrat"           an exact phrase: these surface forms at consecutive positions
    rembours*               a prefix of the surface form
    a AND b, a b            both (AND is implicit between terms)
    a OR b                  either
    NOT a, a AND NOT b      documents without a
    ( … )                   grouping

Operators are upper-case (AND/OR/NOT, or the French ET/OU/SAUF) so that the ordinary words "et", "ou"
stay searchable. Case and accents never matter in terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from workbench.errors import WorkbenchError


class QuerySyntaxError(WorkbenchError):
    """A search query that cannot be parsed; the message points at the problem."""


@dataclass(frozen=True)
class Word:
    text: str


@dataclass(frozen=True)
class Prefix:
    text: str  # without the trailing '*'


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Prefix | Phrase | Not | And | Or

_OPERATORS = {"AND": "AND", "ET": "AND", "OR": "OR", "OU": "OR", "NOT": "NOT", "SAUF": "NOT"}
_TOKEN = re.compile(r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<phrase>[^"]*)(?P<closed>")?|(?P<word>[^\s()"]+))')


def _lex(query: str) -> list[tuple[str, str, int]]:
    """(kind, text, column) for each token of the query."""
    tokens = []
    position = 0
    while position < len(query):
        if query[position:].strip() == "":
            break
        match = _TOKEN.match(query, position)
        assert match is not None  # the pattern accepts any non-blank character
        column = match.start() + len(match.group(0)) - len(match.group(0).lstrip()) + 1
        if match.group("open"):
            tokens.append(("(", "(", column))
        elif match.group("close"):
            tokens.append((")", ")", column))
        elif match.group("phrase") is not None:
            if match.group("closed") is None:
                raise QuerySyntaxError(f'unclosed quote at column {column}: end the phrase with "')
            if not match.group("phrase").strip():
                raise QuerySyntaxError(f"empty phrase at column {column}")
            tokens.append(("phrase", match.group("phrase"), column))
        else:
            word = match.group("word")
            tokens.append(("op", _OPERATORS[word], column) if word in _OPERATORS else ("word", word, column))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _lex(query)
        self.index = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise QuerySyntaxError("empty query: give at least one word")
        node = self.or_expr()
        extra = self.peek()
        if extra is not None:
            raise QuerySyntaxError(f"unexpected {extra[1]!r} at column {extra[2]} (unbalanced parenthesis?)")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while (token := self.peek()) is not None and token[:2] == ("op", "OR"):
            self.take()
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self) -> Node:
        children = [self.not_expr()]
        while (token := self.peek()) is not None and token[0] != ")" and token[:2] != ("op", "OR"):
            if token[:2] == ("op", "AND"):
                self.take()
            children.append(self.not_expr())
        return children[0] if len(children) == 1 else And(tuple(children))

    def not_expr(self) -> Node:
        token = self.peek()
        if token is not None and token[:2] == ("op", "NOT"):
            self.take()
            return Not(self.not_expr())
        return self.atom()

    def atom(self) -> Node:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError("the query ends where a word was expected")
        kind, text, column = self.take()
        if kind == "(":
            node = self.or_expr()
            closing = self.peek()
            if closing is None or closing[0] != ")":
                raise QuerySyntaxError(f"parenthesis opened at column {column} is not closed")
            self.take()
            return node
        if kind == "phrase":
            return Phrase(text)
        if kind == "word":
            if text.endswith("*"):
                stem = text.rstrip("*")
                if "*" in stem or len(stem) < 2:
                    raise QuerySyntaxError(f"prefix {text!r} at column {column}: give at least two letters before one final *")
                return Prefix(stem)
            if "*" in text:
                raise QuerySyntaxError(f"{text!r} at column {column}: '*' is only allowed at the end of a word")
            return Word(text)
        raise QuerySyntaxError(f"unexpected {text!r} at column {column}: an operator needs a word on each side")


def parse_query(query: str) -> Node:
    """The tree of `query`; raises QuerySyntaxError with the column of the problem."""
    return _Parser(query).parse()


# -- splitting a query term into index tokens --------------------------------------------------------
# The index was cut by spaCy's French tokenizer (workbench/text/segment.py). A query term must be cut
# the same way, or "j'ai" would look for a token "j'ai" that was never stored. Loading spaCy for that
# took seconds, so the rules below restate what that tokenizer does to one word, and `split_term`
# leaves whole any stretch the project's index holds as one word (its exception list: "aujourd'hui",
# "rendez-vous", "peut-être"…). tests/text/test_query_split.py compares both on varied French text.
_ELISION = "'’"
_HYPHENS = "-–—‐‑"
_ELIDED_PREFIX = "dlnDLN"  # l'appli, d'abord, n'est: cut even when the word is not split otherwise
# Pronouns that stay attached to their hyphen after a verb: "a-t-il" -> a, -t, -il; "dis-moi" -> dis, -moi.
_CLITICS = frozenset(["ce", "clés", "elle", "en", "il", "ils", "je", "là", "moi", "nous", "on", "t", "vous"])
# Punctuation that is never cut off the start or end of a word (e-mail addresses, "pré-", ".net", "a/b").
_KEPT_PUNCT = frozenset("@-–—‐‑./\\%")
_QUOTES = frozenset("'\"”“`‘´’‚,„»«")
# Units cut off a number ("10km" -> 10, km), longest first.
_UNITS = sorted(["km", "km²", "km³", "m", "m²", "m³", "dm", "cm", "mm", "ha", "kg", "g", "mg", "t", "MB", "GB", "KB",
                 "mb", "gb", "kb", "M", "K", "G", "T"], key=len, reverse=True)


def _category(char: str) -> str:
    return unicodedata.category(char)


def _is_punct(text: str) -> bool:
    """What the index leaves out: tokens made only of punctuation (white space is never a token here)."""
    return all(_category(char).startswith("P") for char in text)


def _is_icon(char: str) -> bool:
    """Emoji and other symbols, and the degree sign: each is a token of its own ("n°12" -> n, °, 12)."""
    return _category(char) == "So"


def _prefix_length(word: str) -> int:
    """Length of the piece cut off the start of `word`, 0 when none."""
    first = word[0]
    if len(word) > 2 and first in _ELIDED_PREFIX and word[1] in _ELISION and word[2].isalpha():
        return 2
    if word.startswith(("...", "…")):
        return len(word) - len(word.lstrip(".…"))
    if first == "+":
        return 0 if len(word) > 1 and word[1].isdigit() else 1
    category = _category(first)
    if (category.startswith("P") and first not in _KEPT_PUNCT) or category == "Sc" or _is_icon(first) or first in "§=%":
        return 1
    return 0


def _suffix_length(word: str) -> int:
    """Length of the piece cut off the end of `word`, 0 when none."""
    last = word[-1]
    before = word[-2] if len(word) > 1 else ""
    if word.endswith(("...", "…")) and len(word.rstrip(".…")) < len(word):
        return len(word) - len(word.rstrip(".…"))
    for hyphen in _HYPHENS:
        head, _, tail = word.rpartition(hyphen)
        if head and head[-1].isalpha() and (tail in _CLITICS or (tail.isupper() and tail.lower() in _CLITICS)):
            return len(tail) + 1
    if before.isdigit() and (last in "%+" or _category(last) == "Sc"):
        return 1
    for unit in _UNITS:
        if len(word) > len(unit) and word.endswith(unit) and word[-len(unit) - 1].isdigit():
            return len(unit)
    if last == ".":
        if len(word) > 2 and word[-3] == "°" and before in "FfCcKk":
            return 1
        if before and (before.islower() or before.isdigit() or before in "%²-+()?:" or before in _QUOTES):
            return 1
        if len(word) > 2 and before.isupper() and word[-3].isupper():
            return 1
        return 0
    category = _category(last)
    if category.startswith("P") and last not in _KEPT_PUNCT:
        return 1
    return 0


def _separates(before: str, char: str, after: str) -> bool:
    """Whether `char` between `before` and `after` is a token of its own: "2023-2024", "fin.Le", "a,b",
    "week-end", "a/b"."""
    return (
        (before.isdigit() and char in "+-*^" and (after.isdigit() or after == "-"))
        or (char == "." and (before.islower() or before in _QUOTES) and (after.isupper() or after in _QUOTES))
        or (char == "," and before.isalpha() and after.isalpha())
        or ((char in _HYPHENS or char in ":<>=/") and before.isalnum() and after.isalpha())
    )


def _infix_cuts(word: str) -> list[tuple[int, int]]:
    """(start, end) of the separators inside `word` (an empty range cuts after an elision)."""
    cuts = []
    index = 1
    while index < len(word):
        char, before = word[index], word[index - 1]
        after = word[index + 1] if index + 1 < len(word) else ""
        if _is_icon(char):
            cuts.append((index, index + 1))
        elif char == "…" or (char == "." and after == "."):
            end = index
            while end < len(word) and word[end] in ".…":
                end += 1
            cuts.append((index, end))
            index = end
            continue
        elif _separates(before, char, after):
            cuts.append((index, index + 1))
        elif before in _ELISION and index > 1 and word[index - 2].isalpha() and char.isalpha():
            cuts.append((index, index))
        index += 1
    return cuts


def _pieces(word: str, start: int) -> list[tuple[int, int]]:
    """Code-point ranges of the tokens of one white-space-delimited `word` starting at `start`."""
    head: list[tuple[int, int]] = []
    tail: list[tuple[int, int]] = []
    left, right = 0, len(word)
    while left < right:
        cut = _prefix_length(word[left:right])
        if cut:
            head.append((start + left, start + left + cut))
            left += cut
            continue
        cut = _suffix_length(word[left:right])
        if cut and cut < right - left:
            tail.insert(0, (start + right - cut, start + right))
            right -= cut
            continue
        break
    core = word[left:right]
    if _URL.match(core) or _EMAIL.match(core):
        return [*head, (start + left, start + right), *tail]
    middle = []
    position = 0
    for cut_start, cut_end in _infix_cuts(core):
        if cut_start > position:
            middle.append((start + left + position, start + left + cut_start))
        if cut_end > cut_start:
            middle.append((start + left + cut_start, start + left + cut_end))
        position = cut_end
    if position < len(core):
        middle.append((start + left + position, start + left + len(core)))
    return head + middle + tail


_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def split_term(text: str, whole: Callable[[list[str]], set[str]] | None = None) -> list[str]:
    """The indexed tokens of a query term, in order: "J'ai reçu" -> ["J'", "ai", "reçu"].

    `whole` receives candidate stretches of the text (two or more pieces of one word, such as
    "aujourd'hui") and returns those that are one word of the index; they are kept whole, as the
    tokenizer's exception list kept them."""
    tokens = []
    for match in re.finditer(r"\S+", text):
        ranges = _pieces(match.group(), match.start())
        if whole is not None and len(ranges) > 1:
            ranges = _join_known(text, ranges, whole)
        tokens.extend(text[a:b] for a, b in ranges if not _is_punct(text[a:b]))
    return tokens


def _join_known(text: str, ranges: list[tuple[int, int]], whole: Callable[[list[str]], set[str]]) -> list[tuple[int, int]]:
    """Merge the longest runs of consecutive pieces that the index holds as one word."""
    spans = {(i, j): text[ranges[i][0]:ranges[j][1]] for i in range(len(ranges)) for j in range(i + 1, len(ranges))}
    known = whole(sorted(set(spans.values())))
    merged = []
    i = 0
    while i < len(ranges):
        j = next((j for j in range(len(ranges) - 1, i, -1) if spans[(i, j)] in known), i)
        merged.append((ranges[i][0], ranges[j][1]))
        i = j + 1
    return merged
