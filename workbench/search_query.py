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
