"""French words and phrases that say nothing about what a customer talks about: the one home of the
French stop lists, for topic descriptions, the lexical embedder and the suggestions' lexical view.

Why more than a stop list: in customer-service verbatims the most frequent words after the grammatical
ones are the talk around the content: fillers of speech ("euh", "voilà", "vous voyez"), greetings and
call-centre formulas ("bonne journée", "je vous remercie", "votre dossier", "au revoir"), speaker labels
and a few all-purpose verbs (pouvoir, faire, savoir). Left in, they become the keywords of whole topics
and the words an explanation shows. Three uses, three sets built from the lists below:
- `topic_stop_words`: topic keywords; formulas are removed as phrases before words are counted (so "bonne
  fin de journée" does not leave "fin" behind), the rest are single words no keyword may start or end with;
- `lemma_stop_words`: the lexical embedder's lemmas (spaCy is loaded there anyway);
- `FUNCTION_WORDS` and `CALL_BOILERPLATE`: the suggestions' lexical view and explanations, folded and
  written out rather than taken from spaCy: importing spaCy costs seconds on every suggestion run, and its
  list lacks the generic verbs, speaker labels and greetings that made explanations useless.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FILLERS = _words("""
euh euuh heu hum hmm mmh mh mhm hein bon ben bah beh voilà voila voyez vois voyons écoutez écoute
attendez attends tiens dites bref genre quoi ouais ouai ok okay okey allô allo oui non si ah oh
ha eh ben bien alors donc enfin voici vraiment effectivement exactement carrément franchement
justement tout ça ca cela truc machin chose choses super parfait très trop peu déjà aussi ouf
""")

# All-purpose verbs and words of any exchange, and the speaker labels of transcripts.
GENERIC = _words("""
faire fais fait faites font faisons pouvoir peux peut pouvez pourriez pourrais pourrait puis
vouloir veux veut voulez voudrais voudrait savoir sais sait savez aller vais va allez allons
avoir ai as avez avons être suis es sommes êtes mettre mets met mis devoir dois doit devez
dire dis dit dites voir vu regarder regarde passer passe prendre pris venir viens vient
appeler appelle appelé appelais rappeler rappelle besoin petit petite moment fois
client cliente clients conseiller conseillère conseillers agent agents téléconseiller
téléconseillère participant participante enquêteur enquêtrice madame monsieur mme mlle mr
gens chose personne quelqu quelque qu jusqu lorsqu puisqu aujourd hui
jamais rien coup temps voulais voulait cherche cherchais simple honnêtement aucune aucun presque
ira irai verra verrai croyez crois mouais été
""")

# Formulas removed as whole phrases, matched on lower-case text with straight apostrophes.
_FORMULAS = [
    r"bonne (?:fin de )?(?:journée|soirée|semaine|week-end|weekend)",
    r"(?:au|aurevoir) revoir", r"au revoir", r"à bientôt", r"à tout à l'heure",
    r"bonjour", r"bonsoir", r"salut", r"coucou",
    r"je vous (?:en )?remercie(?: beaucoup| infiniment)?", r"en vous remerciant(?: par avance)?",
    r"merci (?:beaucoup|bien|infiniment|à vous|encore)", r"merci",
    r"(?:pour|de) votre (?:patience|fidélité|confiance|appel|compréhension|réponse|retour|aide|attente)",
    r"je vous en prie", r"avec plaisir", r"de rien",
    r"(?:votre|le|du|ce|mon|un) (?:numéro (?:de )?(?:client|dossier|contrat)|dossier|numéro)",
    r"numéro (?:de )?client",
    r"(?:un|une) (?:petit )?(?:instant|seconde|minute)", r"ne quittez pas",
    r"je vous mets (?:un petit instant )?en attente", r"je consulte(?: votre dossier)?",
    r"(?:y a-t-il|est-ce qu'il y a) (?:autre chose|quelque chose d'autre)[^.?!\n]*",
    r"(?:autre chose|quelque chose d'autre) (?:que je (?:puisse|peux) faire|pour vous)[^.?!\n]*",
    r"je (?:reste|suis) à votre (?:entière )?disposition[^.?!\n]*", r"n'hésitez pas[^.?!\n]*",
    r"service (?:client|clientèle|consommateurs)", r"relation client",
    r"s'il vous pla[iî]t", r"s'il te pla[iî]t", r"svp", r"stp",
    r"(?:bien )?cordialement", r"bien à vous", r"(?:sincères |meilleures )?salutations(?: distinguées)?",
    r"(?:veuillez|je vous prie d'|nous vous prions d') ?agréer[^.\n]*", r"recevez[^.\n]*salutations[^.\n]*", r"dans l'attente de votre réponse", r"je vous souhaite[^.?!\n]*",
    r"qu'est-ce que je peux faire pour vous", r"que puis-je (?:faire )?pour vous",
    r"comment (?:puis-je|est-ce que je peux) vous aider", r"je vous écoute",
    r"d'accord", r"pas de (?:souci|soucis)", r"c'est noté", r"très bien", r"tout à fait",
    r"vous (?:voyez|savez|comprenez)", r"tu vois", r"je veux dire", r"comment dire", r"en fait",
    r"pour l'instant",
    # The identity check that opens calls: date of birth, postal code, street address.
    r"(?:ma |votre |la )?date de naissance", r"(?:le |mon |votre )?code postal(?: c'est)?",
    (r"\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
     r"(?: \d{4})?"),
    (r"\d+(?: ?(?:bis|ter))?,? (?:rue|avenue|boulevard|bd|allée|impasse|chemin|place|quai|route|cours|square) "
     r"[^,.;\n\d]*"),
]
FORMULAS = re.compile(r"(?<![\w-])(?:" + "|".join(_FORMULAS) + r")(?![\w-])")


# What is left of an elision once a tokeniser splits at the apostrophe (l'offre, qu'il, jusqu'à, aujourd'hui).
ELIDED = _words("c d j l m n s t qu jusqu lorsqu puisqu quoiqu quelqu presqu aujourd")

# Folded function words of French and of French chat and SMS writing ("jai", "cest", "slt", "cdt").
FUNCTION_WORDS = _words("""
a ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient aurais aurait auras aurez
auriez aurions aurons auront aussi autre autres aux auxquelles auxquels avaient avais avait avant avec avez
aviez avions avoir avons ayant ayez ayons bah ben bien c ca car ce ceci cela celle celles celui cependant
certain certaine certaines certains ces cet cette ceux chaque chez ci comme comment d dans de depuis des
desquelles desquels dessous dessus deux devant doit doivent donc dont du duquel durant elle elles en encore
entre es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eurent eus eusse eut euh
eux fait faire fais faisait fera fois font furent fus fut hein hum ici il ils j je jusqu jusque l la laquelle
le lequel les lesquelles lesquels leur leurs lorsque lui m ma mais me meme memes mes moi mon n ne ni non nos
notre nous o on ont ou par parce pas peu peut peuvent peux plus pour pourquoi pourrait pouvez pouvoir puis
puisque qu quand que quel quelle quelles quels qui quoi s sa sans se sera serai seraient serais serait seras
serez seriez serions serons seront ses si sien soi soient sois soit sommes son sont sous suis sur t ta te tes
toi ton tous tout toute toutes tres tu un une unes uns voici voila vos votre vous vu y deja ok ah oh bon
voila voir vais va vont aller allez alle dit dire dis savoir sais sait veux veut voulez vouloir voudrais
faut falloir avez etc svp stp merci bonjour bonsoir cordialement madame monsieur mme mr oui non slt salut
coucou bjr cdt bien ainsi apres aujourd hui ya jai cest quil quelle
""")

# Folded words of who speaks and how calls open and close: in every transcript, so they never tell codes apart.
CALL_BOILERPLATE = _words("""
client cliente conseiller conseillere agent operateur interlocuteur appel appelle appeler appelez enregistre
enregistrement service ecoute patience instant ligne bienvenue appareil remercie remercions journee soiree
revoir plaisir aider
""")

# Greetings and answers too frequent to weigh in a lemma model.
_LEMMA_EXTRA = _words("bonjour merci cordialement madame monsieur oui non")


@lru_cache(maxsize=1)
def _spacy_stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def lemma_stop_words() -> frozenset[str]:
    """Lower-case lemmas the lexical embedder leaves out: spaCy's French stop words as spaCy writes them
    (with their apostrophes), greetings, yes and no, and the remains of elisions."""
    return _spacy_stop_words() | _LEMMA_EXTRA | ELIDED


@lru_cache(maxsize=1)
def topic_stop_words() -> frozenset[str]:
    """Lower-case words a topic keyword may neither start nor end with: spaCy's French stop words, the
    remains of elisions (l', qu', jusqu'), fillers and all-purpose words."""
    grammatical = {word.replace("’", "'").rstrip("'") for word in _spacy_stop_words()}
    return frozenset(grammatical | ELIDED | FILLERS | GENERIC)


def strip_formulas(text: str) -> str:
    """Lower-cased `text` with greetings, thanks and call-centre formulas replaced by a full stop, so that
    no keyword phrase is formed across the gap they leave."""
    return FORMULAS.sub(" . ", text.lower().replace("’", "'"))
