"""GDPR pseudonymisation: personal data in verbatims replaced by consistent placeholders.

`[PERSONNE_12]` stands for the same person every time, in every document of the project, so that
frequencies, co-occurrences and coding still work on a pseudonymised corpus. Consistency needs memory:
each (kind, original) gets its placeholder once and keeps it. That memory is a keyed hash (HMAC-SHA256
with a random per-project secret) of the canonical original in `pseudonym_keys`, never the original
itself, with the per-label counters in `meta`.

Two modes:
- irreversible (default): nothing of the original is kept; the keyed hashes only let a later import
  reuse the same placeholders. `forget` deletes them and the secret too.
- reversible: the `pseudonyms` table also keeps (kind, original, placeholder) so a data controller can
  re-identify; `forget` deletes it, which makes the project irreversible.

Applied on import (the importer calls a `Pseudonymiser` on each text before storing it) or later on a
whole project by `pseudonymise_project` (workbench/text/pseudonymise_project.py), which also moves
every stored offset.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import json
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.text.normalise import fold
from workbench.text.pii import DEFAULT_ID_PATTERNS, Found, IdPattern, Tagged, find_all, plausible_name

LABELS = {"person": "PERSONNE", "email": "EMAIL", "phone": "TEL", "iban": "IBAN", "card": "CARTE", "address": "ADRESSE"}
PATTERNS_KEY = "pseudonymise_patterns"
KEEP_KEY = "pseudonymise_keep"
_SECRET_KEY = "pseudonym_secret"
_COUNTERS_KEY = "pseudonym_counters"
_WORD = re.compile(r"[^\W\d_]+")
_CUT = re.compile("…")
_MIN_CUT = 2  # characters of an original left before a cut that are taken for it
_NAME_LIKE_VARIABLE = re.compile(
    r"(^|_|\b)(from|to|cc|de|a|expediteur|destinataire|nom|name|prenom|firstname|lastname|client|conseiller|"
    r"agent|auteur|author|sender|recipient|contact|interlocuteur|interlocutrice|repondant|signataire)(\b|_|$)"
)


@dataclass(frozen=True)
class Replacement:
    """One replaced piece: offsets into the original text, and its placeholder."""

    start: int
    end: int
    kind: str
    replacement: str


def load_patterns(project: Project) -> list[IdPattern]:
    """Identifier patterns of the project (meta `pseudonymise_patterns`), else the defaults."""
    raw = project.get_meta(PATTERNS_KEY)
    if not raw:
        return list(DEFAULT_ID_PATTERNS)
    return [IdPattern(**item) for item in json.loads(raw)]


def save_patterns(project: Project, patterns: Sequence[IdPattern]) -> None:
    """Store identifier patterns after checking each compiles and has an upper-case label."""
    for pattern in patterns:
        try:
            re.compile(pattern.pattern)
        except re.error as exc:
            raise WorkbenchError(f"identifier pattern {pattern.pattern!r} is not a valid regular expression: {exc}") from None
        if not re.fullmatch(r"[A-Z][A-Z0-9]*", pattern.label) or not re.fullmatch(r"[a-z][a-z0-9_]*", pattern.kind):
            raise WorkbenchError(f"pattern {pattern.kind!r}: kind must be lower-case (customer), label upper-case (CLIENT)")
    with project.transaction():
        project.set_meta(PATTERNS_KEY, json.dumps([vars(p) for p in patterns]))


def load_keep(project: Project) -> list[str]:
    """Words never taken for a person in this project (brand and product names NER mistakes for people)."""
    return json.loads(project.get_meta(KEEP_KEY, "[]") or "[]")


def add_keep(project: Project, words: Sequence[str]) -> list[str]:
    """Add words to the project's keep list; returns the whole list."""
    kept = sorted(set(load_keep(project)) | {word.strip() for word in words if word.strip()})
    with project.transaction():
        project.set_meta(KEEP_KEY, json.dumps(kept, ensure_ascii=False))
    return kept


def read_patterns_file(path: str) -> list[IdPattern]:
    """Identifier patterns from a YAML file: a list of {kind, label, pattern}."""
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        return [IdPattern(kind=str(i["kind"]), label=str(i["label"]), pattern=str(i["pattern"])) for i in data]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise WorkbenchError(f"{path}: cannot read identifier patterns (a YAML list of kind/label/pattern): {exc}") from None


class Pseudonymiser:
    """Finds personal data and chooses placeholders, consistently across calls and runs of a project.

    Calling it on a text returns the pseudonymised text: that is the importer's hook. With `immediate`
    (the default) each new placeholder is committed at once through a connection of its own, because
    the importer may call it from inside a DuckDB query (a SQL function over a table's rows), where the
    query's own connection cannot be used; the same person then gets the same placeholder in the next
    document and the next import. Without `immediate`, new placeholders wait for `flush(project)`,
    which `pseudonymise_project` calls inside its single transaction, so a cancel leaves no trace.
    """

    def __init__(self, project: Project, *, reversible: bool = False, use_ner: bool = True,
                 patterns: Sequence[IdPattern] | None = None, immediate: bool = True) -> None:
        self.project = project
        self.reversible = reversible
        self.patterns = list(patterns) if patterns is not None else load_patterns(project)
        self.labels = {**LABELS, **{p.kind: p.label for p in self.patterns}}
        self.use_ner = use_ner
        self.keep = {fold(word) for word in load_keep(project)}
        self._secret = project.get_meta(_SECRET_KEY)
        self._keys = {(kind, key): repl for kind, key, repl in project.rows("SELECT kind, key, replacement FROM pseudonym_keys")}
        self._counters: Counter[str] = Counter(json.loads(project.get_meta(_COUNTERS_KEY, "{}") or "{}"))
        self._mapped = set(project.rows("SELECT kind, token FROM pseudonyms")) if reversible else set()
        self._pending_keys: list[tuple[str, str, str]] = []
        self._pending_mappings: list[tuple[str, str, str]] = []
        self._written_mappings: list[tuple[str, str]] = []  # (kind, original) committed by this object
        self._written_keys: list[tuple[str, str]] = []  # (kind, key) committed by this object
        # Created here, outside any query: inside the importer's SQL function the project's own
        # connection (and making a cursor from it) is off limits.
        self._writer = project.worker() if immediate else None
        self.language = project.language
        self.known_people: dict[str, str] = {}  # in memory only: names seen in this run
        self.name_words: dict[str, str] = {}  # in memory only: each word of a name replaced -> its placeholder
        self._originals: dict[str, str] = {}  # in memory only: each original replaced (folded) -> its placeholder
        self._sorted_originals: list[str] = []  # the same, sorted, to find an original by its beginning
        self._longest_original = 0
        self.counts: Counter[str] = Counter()  # replacements made by this object, per kind

    # -- placeholders ----------------------------------------------------------------------------
    def _hash(self, kind: str, canonical: str) -> str:
        if self._secret is None:
            self._secret = secrets.token_hex(32)
        return hmac.new(bytes.fromhex(self._secret), f"{kind}\x00{canonical}".encode(), hashlib.sha256).hexdigest()

    def placeholder(self, found: Found, original: str) -> str:
        key = self._hash(found.kind, found.canonical)
        replacement = self._keys.get((found.kind, key))
        if replacement is None:
            label = self.labels.get(found.kind, found.kind.upper())
            self._counters[label] += 1
            replacement = f"[{label}_{self._counters[label]}]"
            self._keys[(found.kind, key)] = replacement
            self._pending_keys.append((found.kind, key, replacement))
        self._originals.setdefault(fold(original), replacement)
        if found.kind == "person":
            for word in _WORD.findall(original):
                self.name_words.setdefault(fold(word), replacement)
        if self.reversible and (found.kind, original) not in self._mapped:
            self._mapped.add((found.kind, original))
            self._pending_mappings.append((found.kind, original, replacement))
        if self._writer is not None:
            self.flush(self._writer)
        self.counts[found.kind] += 1
        return replacement

    def flush(self, project: Project) -> None:
        """Write the placeholders chosen since the last flush, with the secret and the counters."""
        if not (self._pending_keys or self._pending_mappings):
            return
        with project.transaction():
            if self._secret is not None:
                project.set_meta(_SECRET_KEY, self._secret)
            project.set_meta(_COUNTERS_KEY, json.dumps(dict(self._counters)))
            if self._pending_keys:
                project.con.executemany("INSERT INTO pseudonym_keys VALUES (?, ?, ?)", self._pending_keys)
            if self._pending_mappings:
                project.con.executemany("INSERT INTO pseudonyms VALUES (?, ?, ?)", self._pending_mappings)
        self._written_mappings += [(kind, token) for kind, token, _ in self._pending_mappings]
        self._written_keys += [(kind, key) for kind, key, _ in self._pending_keys]
        self._pending_keys.clear()
        self._pending_mappings.clear()

    @contextmanager
    def undone_on_failure(self) -> Iterator[None]:
        """Around the import of one file: if it fails, what this object committed meanwhile is taken back,
        the originals, the keys of the people and numbers it met, its counters and secret. The file's
        documents roll back with its transaction, but these went through a connection of their own, and
        would otherwise stay in the project (keyed hashes of numbers no file brought in) with nothing
        pseudonymised."""
        written, pending = len(self._written_mappings), len(self._pending_mappings)
        keys_written, keys_pending = len(self._written_keys), len(self._pending_keys)
        counters = Counter(self._counters)
        meta = {key: self.project.get_meta(key) for key in (_SECRET_KEY, _COUNTERS_KEY)}
        try:
            yield
        except BaseException:
            undone = self._written_mappings[written:]
            dropped = [(kind, token) for kind, token, _ in self._pending_mappings[pending:]]
            forgotten = self._written_keys[keys_written:]
            new_keys = forgotten + [(kind, key) for kind, key, _ in self._pending_keys[keys_pending:]]
            del self._written_mappings[written:], self._pending_mappings[pending:]
            del self._written_keys[keys_written:], self._pending_keys[keys_pending:]
            self._mapped.difference_update(undone + dropped)
            for kind_key in new_keys:
                self._keys.pop(kind_key, None)
            self._counters = counters
            if undone or forgotten:
                writer = self._writer or self.project
                with writer.transaction():
                    if undone:
                        writer.con.executemany("DELETE FROM pseudonyms WHERE kind = ? AND token = ?", undone)
                    if forgotten:
                        writer.con.executemany("DELETE FROM pseudonym_keys WHERE kind = ? AND key = ?", forgotten)
                    for key, value in meta.items():
                        if value is None:
                            writer.execute("DELETE FROM meta WHERE key = ?", [key])
                        else:
                            writer.set_meta(key, value)
            raise

    # -- texts -----------------------------------------------------------------------------------
    def entities(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """What NER says of each text (spaCy, per paragraph): character spans of its person entities (PER),
        of its other entities (ORG, LOC, MISC) and of the proper nouns outside any entity (PROPN), which
        tell the name cues a person from a company (`pii.find_people`)."""
        from workbench.text.nlp import recogniser
        from workbench.text.segment import units

        nlp = recogniser(self.language) if self.use_ner else None
        result: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        if nlp is None:
            return result
        work = ((text[start:end], (index, start)) for index, text in enumerate(texts) for start, end in units(text))
        for doc, (index, base) in nlp.pipe(work, as_tuples=True, batch_size=64):
            for ent in doc.ents:
                if ent.label_ not in ("PER", "PERSON"):
                    result[index].append((base + ent.start_char, base + ent.end_char, ent.label_))
                elif len(ent) > 1 or ent[0].pos_ in ("PROPN", ""):
                    result[index].append((base + ent.start_char, base + ent.end_char, "PER"))
            result[index].extend((base + token.idx, base + token.idx + len(token), "PROPN")
                                 for token in doc if token.pos_ == "PROPN" and not token.ent_type_)
        return result

    def replacements(self, text: str, entities: Iterable[Tagged] = (), whole_name: bool = False) -> list[Replacement]:
        """Placeholders for the personal data of `text`. With `whole_name`, a text that looks like a
        name as a whole (a From: display name, a speaker) counts as one person."""
        found = [
            item for item in find_all(text, entities, self.patterns, self.known_people)
            if item.kind != "person" or fold(text[item.start:item.end].split()[0]) not in self.keep
        ]
        stripped = text.strip()
        if whole_name and not found and 0 < len(stripped.split()) <= 4 and plausible_name(stripped):
            start = text.index(stripped)
            found = [Found(start, start + len(stripped), "person", " ".join(fold(stripped).split()))]
            self.known_people.setdefault(stripped, found[0].canonical)
        return [Replacement(f.start, f.end, f.kind, self.placeholder(f, text[f.start:f.end])) for f in found]

    def scrub_name_words(self, text: str) -> str:
        """`text` with every word of a name replaced in this run swapped for that name's placeholder: for
        words cut from their sentence (topic keywords, the words an explanation quotes), where the name
        finder no longer sees a name ("conseillère amandine")."""
        return _WORD.sub(lambda match: self.name_words.get(fold(match.group()), match.group()), text)

    def scrub_cuts(self, text: str, *, ends_cut: bool = False) -> str:
        """`text` with the beginning of an original replaced in this run, where an excerpt cut it short
        ("voir Gaëlle Kerher…", "(amandine.lefe…", "au 06 71 82 9…"), swapped for that original's
        placeholder: the finder sees no name, address or number in what is left, or takes the cut name for
        another person. An ellipsis marks a cut; with `ends_cut`, so does the end of the text (a snippet
        cut at a fixed length)."""
        if not self._originals:
            return text
        cuts = [match.start() for match in _CUT.finditer(text)]
        if ends_cut and not text.endswith("…"):
            cuts.append(len(text))
        if not cuts:
            return text
        if len(self._sorted_originals) != len(self._originals):
            self._sorted_originals = sorted(self._originals)
            self._longest_original = max(map(len, self._sorted_originals))
        for end in reversed(cuts):
            for start in range(max(0, end - self._longest_original), end - _MIN_CUT + 1):
                if text[start].isspace() or (start > 0 and text[start - 1].isalnum()):
                    continue
                piece = fold(text[start:end])
                index = bisect.bisect_left(self._sorted_originals, piece)
                if index < len(self._sorted_originals) and self._sorted_originals[index].startswith(piece):
                    text = text[:start] + self._originals[self._sorted_originals[index]] + text[end:]
                    break
        return text

    def __call__(self, text: str) -> str:
        entities = self.entities([text])[0]
        return apply(text, self.replacements(text, entities))

    def value(self, text: str, variable: str = "") -> str:
        """A case variable's value: names count as a whole when the variable holds people or addresses
        (from, to, agent, nom…)."""
        name_like = bool(_NAME_LIKE_VARIABLE.search(fold(variable)))
        entities = self.entities([text])[0] if name_like or "@" in text else []
        return apply(text, self.replacements(text, entities, whole_name=name_like))


def apply(text: str, replacements: Sequence[Replacement]) -> str:
    """`text` with each replaced piece swapped for its placeholder."""
    pieces = []
    position = 0
    for item in sorted(replacements, key=lambda r: r.start):
        pieces.append(text[position:item.start])
        pieces.append(item.replacement)
        position = item.end
    pieces.append(text[position:])
    return "".join(pieces)


def make_pseudonymiser(project: Project, reversible: bool = False) -> Pseudonymiser:
    """The callable the importer takes (`import_paths(..., pseudonymiser=...)`)."""
    return Pseudonymiser(project, reversible=reversible)


def forget(project: Project) -> dict[str, int]:
    """Delete the re-identification mapping and the consistency keys: the project becomes irreversible.
    Counters stay, so later placeholders never reuse a number."""
    with project.transaction():
        counts = {
            "mappings": int(project.scalar("SELECT count(*) FROM pseudonyms")),
            "keys": int(project.scalar("SELECT count(*) FROM pseudonym_keys")),
        }
        project.execute("DELETE FROM pseudonyms")
        project.execute("DELETE FROM pseudonym_keys")
        project.execute("DELETE FROM meta WHERE key = ?", [_SECRET_KEY])
        project.owe_rewrite()
    project.rewrite()  # deleted rows would otherwise stay readable in freed blocks of the file
    return counts
