"""Words and phrases that say nothing about what a French customer talks about, for topic descriptions.

Why more than a stop list: in customer-service verbatims the most frequent words after the grammatical
ones are the talk around the content: fillers of speech ("euh", "voilà", "vous voyez"), greetings and
call-centre formulas ("bonne journée", "je vous remercie", "votre dossier", "au revoir"), speaker labels
and a few all-purpose verbs (pouvoir, faire, savoir). Left in, they become the keywords of whole topics.
Formulas are removed as phrases before words are counted (so "bonne fin de journée" does not leave "fin"
behind); the rest are single words no topic keyword may start or end with.
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
justement tout ça ca cela truc machin chose choses super parfait très trop peu déjà aussi
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
ira irai verra verrai croyez crois mouais
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
]
FORMULAS = re.compile(r"(?<![\w-])(?:" + "|".join(_FORMULAS) + r")(?![\w-])")


@lru_cache(maxsize=1)
def topic_stop_words() -> frozenset[str]:
    """Lower-case words a topic keyword may neither start nor end with: spaCy's French stop words, the
    remains of elisions (l', qu', jusqu'), fillers and all-purpose words."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    grammatical = {word.replace("’", "'").rstrip("'") for word in STOP_WORDS}
    elided = {"c", "d", "j", "l", "m", "n", "s", "t", "qu"}
    return frozenset(grammatical | elided | FILLERS | GENERIC)


def strip_formulas(text: str) -> str:
    """Lower-cased `text` with greetings, thanks and call-centre formulas replaced by a full stop, so that
    no keyword phrase is formed across the gap they leave."""
    return FORMULAS.sub(" . ", text.lower().replace("’", "'"))
