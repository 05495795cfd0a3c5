"""Query terms are cut as the index was cut, and resolved to lemmas from the index, without spaCy."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from text_fixtures import add_documents

from workbench.project import Project
from workbench.search import search
from workbench.search_query import split_term
from workbench.text.normalise import fold
from workbench.text.segment import segment_project

ROOT = Path(__file__).resolve().parents[2]

# Elisions with both apostrophes, hyphenated words the tokenizer keeps whole or cuts, clitic pronouns,
# accents, numbers with commas, amounts, dates, e-mails, a URL, emoji (one with a skin tone, one with
# a variation selector), quotes and ellipses.
VARIED = (
    "J'ai appelé aujourd'hui : l'appli plante, qu'est-ce qu'on fait ? Peut-être demain… « C'est inadmissible ! »\n"
    "Mon e-mail : jean-pierre.durand@orange.fr — répondez-moi vite. A-t-il reçu mes 3 relances (le 12/03/2024, "
    "le 15-03) ?\n"
    "La facture n°2024-0157 s'élève à 1 234,56 € TTC, soit 12,5% de plus ; j'ai payé 49,99€ et 10km de trajet.\n"
    "Le rendez-vous du week-end à Saint-Étienne était top 😀👍🏽 ❤️ !!! Dis-lui merci… Allez-vous rembourser ? "
    "Est-ce normal ?\n"
    "Voir https://www.exemple.fr/aide. Appelez le +33 6 12 34 56 78 ou le 06.12.34.56.78, M. Dupont (Jean-Pierre).\n"
    "D'abord, l'opérateur m’a dit qu’il n’y avait rien à faire ; jusqu'à présent, rien. Presqu'île, 2023-2024, "
    "1er, 2ème, 20°C. Un entretien semi-directif, peut-être."
)


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    path = tmp_path_factory.mktemp("split") / "varied.vwb"
    with Project.create(path) as project:
        add_documents(project, [VARIED])
        segment_project(project)
        yield project


def _known(project: Project):
    terms = {row[0] for row in project.rows("SELECT text FROM terms")}
    return lambda candidates: {candidate for candidate in candidates if fold(candidate) in terms}


def test_each_word_is_cut_as_the_index_cut_it(varied):
    """For every white-space-delimited word of the text, the tokens the index stored are those of
    `split_term`: with the index's whole words kept whole, or by the rules alone (search tries both)."""
    stored = varied.rows("SELECT start_pos, end_pos FROM tokens ORDER BY position")
    known = _known(varied)
    joined_needed = 0
    for match in re.finditer(r"\S+", VARIED):
        indexed = [VARIED[s:e] for s, e in stored if match.start() <= s < match.end()]
        joined, ruled = split_term(match.group(), known), split_term(match.group())
        assert indexed in (joined, ruled), (match.group(), indexed, joined, ruled)
        joined_needed += indexed != ruled
    assert joined_needed >= 3  # aujourd'hui, rendez-vous, Saint-Étienne…: the index's own words matter


@pytest.mark.parametrize(("term", "tokens"), [
    ("j'ai", ["j'", "ai"]),
    ("l’application", ["l’", "application"]),
    ("qu'est-ce", ["qu'", "est", "-ce"]),
    ("a-t-il", ["a", "-t", "-il"]),
    ("dis-lui", ["dis", "lui"]),
    ("week-end", ["week", "end"]),
    ("12,50€", ["12,50", "€"]),
    ("12,5%", ["12,5"]),
    ("2023-2024", ["2023", "2024"]),
    ("jean-pierre.durand@orange.fr", ["jean-pierre.durand@orange.fr"]),
    ("merci😀!", ["merci", "😀"]),
    ("« Remboursée »", ["Remboursée"]),
    ("M.", ["M."]),
    ("fin.Le", ["fin", "Le"]),
])
def test_rules_alone_cut_like_the_tokenizer(term, tokens):
    assert split_term(term) == tokens


def test_words_the_index_holds_whole_are_found_whole_and_cut(varied):
    assert [hit.match for hit in search(varied, "aujourd'hui").hits] == ["aujourd'hui"]
    assert [hit.match for hit in search(varied, "rendez-vous").hits] == ["rendez-vous"]
    # Cut by the tokenizer at the start of a sentence, kept whole inside one: both are found.
    assert sorted(hit.match for hit in search(varied, "peut-être").hits) == ["Peut-être", "peut-être"]
    assert [hit.match for hit in search(varied, "qu'est-ce").hits] == ["qu'est-ce"]
    assert [hit.match for hit in search(varied, "jean-pierre.durand@orange.fr").hits] == ["jean-pierre.durand@orange.fr"]
    assert [hit.match for hit in search(varied, "😀").hits] == ["😀"]


def test_a_search_in_a_fresh_interpreter_does_not_import_spacy(tmp_path):
    path = tmp_path / "closed.vwb"
    with Project.create(path) as project:
        add_documents(project, [VARIED])
        segment_project(project)
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from workbench.project import Project\n"
        "from workbench.search import search\n"
        "project = Project.open(sys.argv[1], read_only=True)\n"
        "hits = [search(project, q, count=True).total_hits for q in\n"
        "        ['facture', 'remboursée', \"l'opérateur\", 'peut-être', '\"mon e-mail\"', 'rembours*', '😀']]\n"
        "print(json.dumps({'hits': hits, 'spacy': sorted(m for m in sys.modules if m.split('.')[0] == 'spacy')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["spacy"] == []
    assert all(result["hits"]), result


SAME_AS_BEFORE = [
    "J'ai reçu deux factures pour le même mois, je veux être remboursé.",
    "La facture est correcte, je suis satisfait du service.",
    "On m'a remboursée rapidement, merci. Je suis satisfaite.",
    "Ils ne m'ont jamais remboursé et ma facturation est fausse.",
    "Je résilie mon contrat à la fin du mois.",
    "Mon contrat a été résilié sans prévenir, c'est scandaleux !",
    "Ma box neuve ne marche pas, la précédente était neuve aussi ; le technicien est venu, rien n'est réglé.",
    "Les conseillères sont très aimables et la conseillère a rempli le dossier. Dossier rempli, problème réglé.",
]


@pytest.mark.slow
def test_every_word_finds_what_the_spacy_lemma_found(tmp_path):
    """The hits of each word of a demo-like corpus (and of inflections it lacks) are those the query path
    found when it asked spaCy for the word's lemma: the lemmas of its form, the form as a lemma, and
    spaCy's lemma of the word alone."""
    from workbench.text.nlp import segmenter

    def _spacy_lemma(word: str) -> str:
        """What the query path used to do: spaCy's lemma of the lone word."""
        doc = segmenter("fr")(word)
        return doc[0].lemma_ if len(doc) and doc[0].lemma_ else word

    with Project.create(tmp_path / "same.vwb") as project:
        add_documents(project, SAME_AS_BEFORE)
        segment_project(project)
        words = {row[0] for row in project.rows(
            "SELECT DISTINCT substr(d.text, t.start_pos + 1, t.end_pos - t.start_pos) FROM tokens t "
            "JOIN documents d ON d.id = t.document_id")}
        absent = {"remboursés", "résiliée", "satisfaits", "facturé", "neuves", "conseiller", "régler"}

        def term(text: str) -> int | None:
            return project.scalar("SELECT id FROM terms WHERE text = ?", [fold(text)])

        differ = []
        for word in sorted(words | absent):
            if not re.fullmatch(r"\w+", word):
                continue
            form = term(word)
            lemmas = {row[0] for row in project.rows("SELECT lemma_id FROM forms WHERE form_id = ?", [form])}
            lemmas |= {form, term(_spacy_lemma(word))} - {None}
            before = sorted(project.rows("SELECT document_id, start_pos FROM tokens WHERE lemma_id = ANY(?)",
                                         [sorted(lemmas)]))
            now = sorted((hit.document_id, hit.start_pos) for hit in search(project, word, limit=1000).hits)
            # A word the corpus lacks may find more than spaCy's lemma did ("neuves" -> neuf), never less.
            if now != before and (word in words or not set(before) <= set(now)):
                differ.append(word)
        assert differ == []
