"""Second, independent evaluation set for person-name detection in French
customer-relations texts (pseudonymisation).

Why it exists
-------------
``ner_names_fr.jsonl`` was written alongside the detection rules, so a good
score on it partly measures how well the rules fit the sentences they were
tuned on.  This set was written without looking at the rules, at their code,
or at the first set: different people, different templates, different
phrasings.  Scores on both sets side by side show whether the rules
generalise.

It holds two kinds of texts:

* ``set == "names"``: call transcripts, e-mails, chats, SMS, survey comments
  and agents' notes holding 1 to 3 person names each.  Every person name is
  listed (agents' first names included) and nothing else is (no company,
  brand, product or town).
* ``set == "ordinary"``: the same kinds of texts holding no person name at
  all, but deliberately hard: brands and shops (some of them also surnames),
  towns, streets, car models, capitalised common words, days and months,
  placed where names usually stand ("merci Orange", "Bonjour Free,",
  "Nom : non communiqué", chat labels...).

Name forms: ``P`` first name alone, ``N`` first name + surname (any order),
``S`` surname alone.  A title ("M.", "Mme", "Me") is not part of the span; a
particle ("de", "Le", "El", "DA") is.

Offsets are never typed by hand: each text is a template whose ``{P1}``,
``{P2}``, ``{P3}`` slots are filled by the names, and the generator computes
``start``/``end`` (Python str indices, i.e. Unicode code points) while it
fills them.  Some categories are derived automatically (form, foreign
origin, SMS channel, lower case, capitals, hyphenated compound); the others
are given per name.

The output is deterministic (no randomness).  Run from the repository root:

    .venv/bin/python bench/data/make_ner_names_fr_2.py

It (re)writes ``bench/data/ner_names_fr_2.jsonl`` next to this file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).with_name("ner_names_fr_2.jsonl")

FORM_CATEGORY = {"P": "first-name-alone", "N": "full-name", "S": "surname-alone"}
ORIGINS = {
    "fr", "antilles", "maghreb", "wafrica", "pt", "vietnam", "turkey",
    "poland", "china", "comoros", "srilanka", "other",
}
CHANNELS = {"call", "email", "chat", "sms", "survey", "note"}
SLOT = re.compile(r"\{P(\d)\}")


def p(text: str, form: str, origin: str, *categories: str) -> dict:
    """One person-name mention filling a slot."""
    assert form in FORM_CATEGORY, form
    assert origin in ORIGINS, origin
    return {"text": text, "form": form, "origin": origin, "categories": list(categories)}


NAMES: list[tuple[str, str, tuple[dict, ...]]] = []
ORDINARY: list[tuple[str, str]] = []


def named(channel: str, template: str, *people: dict) -> None:
    NAMES.append((channel, template, people))


def plain(channel: str, text: str) -> None:
    ORDINARY.append((channel, text))


# ---------------------------------------------------------------------------
# Texts with person names
# ---------------------------------------------------------------------------

# --- call transcripts ------------------------------------------------------
named("call",
      "Conseillère : Service abonnés, {P1} bonjour, que puis-je faire pour vous ?",
      p("Mathilde", "P", "fr", "agent"))
named("call",
      "Client : Bonjour madame, je suis {P1}, j'ai reçu un courrier de relance alors que j'ai tout payé en janvier.",
      p("Pascal Rousseau", "N", "fr"))
named("call",
      "Conseiller : Très bien, monsieur {P1}, je vois votre dossier. Le prélèvement a été rejeté le 5, c'est pour ça.",
      p("Brunet", "S", "fr", "title-prefixed"))
named("call",
      "Client : Alors c'est mon mari, {P1}, qui avait signé le contrat, mais il est hospitalisé en ce moment.",
      p("Laurent", "P", "fr", "relative"))
named("call",
      "Conseiller : Vous êtes madame... ?\nClient : {P1}, {P2} de mon prénom. Avec l'accent circonflexe sur le i.",
      p("Lemaître", "S", "fr", "repeated"),
      p("Véronique", "P", "fr", "repeated"))
named("call",
      "Client : J'ai eu {P1} la semaine dernière, elle m'avait promis un geste commercial et depuis plus rien.",
      p("Christelle", "P", "fr", "agent", "after-verb"))
named("call",
      "Conseiller : Je vous transfère au service technique, c'est mon collègue {P1} qui va reprendre l'appel. Bonne journée !",
      p("Stéphane", "P", "fr", "agent"))
named("call",
      "Client : C'est pour ma mère, {P1}, elle a 87 ans et elle ne comprend rien à sa nouvelle box.",
      p("Marguerite Vallée", "N", "fr", "relative", "common-word"))
named("call",
      "Conseiller : Je note. Le contrat est au nom de {P1}, c'est bien ça ?\nClient : Oui, c'est mon fils, moi je suis juste la maman.",
      p("Kévin Barbier", "N", "fr", "relative"))
named("call",
      "Conseillère : Bonjour, {P1} du service recouvrement, je cherche à joindre monsieur {P2}.\nClient : C'est moi-même.",
      p("Delphine", "P", "fr", "agent"),
      p("Ibrahima Ndiaye", "N", "wafrica", "title-prefixed"))
named("call",
      "Client : Bonjour, {P1} à l'appareil, je vous appelle au sujet de la résiliation de ma ligne fixe.",
      p("Youssef El Amrani", "N", "maghreb", "particle"))
named("call",
      "Client : Non mais attendez, votre collègue {P1}, là, il m'a raccroché au nez deux fois !",
      p("Franck", "P", "fr", "agent"))
named("call",
      "Conseiller : Je comprends, madame {P1}. Je vais faire remonter votre réclamation en priorité.",
      p("Cherif", "S", "maghreb", "title-prefixed"))
named("call",
      "Client : Le colis devait être déposé chez ma voisine, madame {P1}, au 12, mais elle n'a rien reçu.",
      p("Petit", "S", "fr", "title-prefixed", "common-word"))
named("call",
      "Conseillère : Je peux avoir votre nom ?\nClient : Oui, c'est {P1}, et le prénom c'est {P2}, en deux mots.",
      p("Pham", "S", "vietnam"),
      p("Thu Trang", "P", "vietnam", "compound"))
named("call",
      "Conseiller : Je vous mets en relation avec {P1}, notre spécialiste fibre, ne quittez pas.",
      p("Jérémy", "P", "fr", "agent"))
named("call",
      "Client : Ma femme {P1} a appelé trois fois ce mois-ci, trois fois on lui a dit que c'était réglé !",
      p("Özlem", "P", "turkey", "relative"))
named("call",
      "Client : Alors le titulaire c'est {P1}, mon beau-père, il est décédé en novembre et on voudrait clôturer le compte.",
      p("Gérard Bouvier", "N", "fr", "relative"))
named("call",
      "Conseillère : Merci de votre patience. Alors, monsieur {P1}, j'ai bien retrouvé votre commande.",
      p("Nowak", "S", "poland", "title-prefixed"))
named("call",
      "Client : Bonjour, je suis la fille de madame {P1}, je m'occupe de ses papiers depuis son AVC.",
      p("Marie-Josée Lancry", "N", "antilles", "title-prefixed", "relative"))
named("call",
      "Client : J'avais eu un monsieur très gentil, {P1} je crois, ou {P2}, je ne sais plus, qui m'avait expliqué pour l'échéancier.",
      p("Rodrigue", "P", "fr", "agent"),
      p("Ludovic", "P", "fr", "agent"))
named("call",
      "Conseiller : {P1}, bonjour. Vous appelez pour la commande numéro 4471 ?",
      p("Serkan", "P", "turkey", "agent"))
named("call",
      "Client : Oui, c'est madame {P1}, mais le compte est peut-être encore à mon nom de jeune fille, {P2}.",
      p("Sow", "S", "wafrica", "title-prefixed", "repeated"),
      p("Diallo", "S", "wafrica", "repeated"))
named("call",
      "Conseiller : Et le technicien, vous vous souvenez de son nom ?\nClient : {P1}, un grand brun, il avait son nom sur son badge.",
      p("Hervé Caron", "N", "fr", "agent"))
named("call",
      "Client : je vous appelle de la part de monsieur {P1}, mon voisin, il n'entend plus très bien au téléphone.",
      p("Lebrun", "S", "fr", "title-prefixed", "common-word"))
named("call",
      "Conseillère : Très bien. Je récapitule : nouvelle adresse au nom de {P1}, 14 rue des Lilas, 59000 Lille, mise en service le 3.",
      p("Tomasz Zieliński", "N", "poland"))
named("call",
      "Client : Écoutez, {P1}, je vous remercie, vous êtes la première qui m'explique clairement.",
      p("Karine", "P", "fr", "agent", "thanks"))
named("call",
      "Conseiller : Je peux avoir le nom du titulaire ?\nClient : {P1}. {P2}, si vous voulez le nom complet.",
      p("Diop", "S", "wafrica", "repeated"),
      p("Cheikh Diop", "N", "wafrica", "repeated"))
named("call",
      "Client : Bonjour, je suis {P1}, l'aide à domicile de madame {P2}, elle m'a demandé d'appeler pour son téléphone fixe.",
      p("Aïssatou", "P", "wafrica"),
      p("Roux", "S", "fr", "title-prefixed", "common-word"))
named("call",
      "Conseiller : Pas de souci monsieur. Si vous rappelez, demandez {P1} ou n'importe quel collègue, tout est noté dans le dossier.",
      p("Benoît", "P", "fr", "agent"))
named("call",
      "Client : Ah vous êtes {P1} ? C'est vous que j'avais eue mardi, non ?\nConseillère : Possible, oui !",
      p("Sylvie", "P", "fr", "agent"))
named("call",
      "Client : On a déménagé à Montpellier avec mon compagnon, {P1}, et on voudrait transférer l'abonnement à son nom.",
      p("João Ferreira", "N", "pt", "relative"))
named("call",
      "Conseillère : Je vous remercie, madame {P1}, et je vous souhaite une bonne fin de journée.",
      p("Haddad", "S", "maghreb", "title-prefixed"))
named("call",
      "Client : Y a un certain {P1} qui m'a appelé en se faisant passer pour vous, il voulait mes codes bancaires !",
      p("Patrice Blanc", "N", "fr", "common-word"))
named("call",
      "Client : C'est le numéro de mon fils {P1}, il a quatorze ans, je voudrais bloquer les achats in-app.",
      p("Kajan", "P", "srilanka", "relative"))
named("call",
      "Conseiller : {P1}, service clients Energéo, bonjour. Je vous écoute.\nClient : Oui bonjour {P2}, c'est au sujet de mon compteur.",
      p("Olivier", "P", "fr", "agent", "repeated"),
      p("Olivier", "P", "fr", "agent", "greeting", "repeated"))

# --- e-mails ---------------------------------------------------------------
named("email",
      "Bonjour,\n\nSuite à mon appel du 12 avec {P1}, je vous confirme ma demande de résiliation.\n\nCordialement,\n{P2}",
      p("Isabelle", "P", "fr", "agent"),
      p("Hugues Leblanc", "N", "fr", "signature", "common-word"))
named("email",
      "Madame, Monsieur,\n\nJe soussignée {P1}, demeurant 8 allée des Érables à Rennes, conteste la facture n° 2023-118.\n\nDans l'attente de votre réponse,\nMme {P2}",
      p("Gwenaëlle Le Bris", "N", "fr", "particle", "repeated"),
      p("Le Bris", "S", "fr", "particle", "signature", "title-prefixed", "repeated"))
named("email",
      "Bonjour {P1},\n\nMerci pour votre retour rapide. Je vous renvoie le formulaire signé en pièce jointe.\n\nBien à vous,\n{P2}",
      p("Corinne", "P", "fr", "agent", "greeting"),
      p("Mustafa Yılmaz", "N", "turkey", "signature"))
named("email",
      "Bonjour,\nje vous écris car personne ne répond au 3900. Mon compte est au nom de {P1} (client n° 55120873).\nMerci de me rappeler au plus vite.\n{P2}",
      p("FABRE Valérie", "N", "fr", "surname-first", "repeated"),
      p("Valérie Fabre", "N", "fr", "signature", "repeated"))
named("email",
      "Objet : réclamation livraison\n\nBonjour,\nLe livreur a déposé mon colis chez Mme {P1} au rez-de-chaussée sans me prévenir, et elle est partie en vacances !\nCordialement",
      p("Guérin", "S", "fr", "title-prefixed"))
named("email",
      "Cher monsieur {P1},\n\nComme convenu au téléphone, je vous transmets les photos du dégât des eaux.\n\n{P2}\n06 12 34 56 78",
      p("Arnaud", "S", "fr", "greeting", "title-prefixed"),
      p("Leïla Bouzid", "N", "maghreb", "signature"))
named("email",
      "Bonjour,\n\nJe vous contacte au nom de ma grand-mère, {P1}, qui a été démarchée à domicile par un de vos commerciaux. Elle a signé sans comprendre. Je souhaite faire jouer le délai de rétractation.\n\nSalutations,\n{P2}",
      p("Lucienne Sylvestre", "N", "antilles", "relative"),
      p("Jordan Sylvestre", "N", "antilles", "signature"))
named("email",
      "Bonjour,\nVeuillez trouver ci-joint l'attestation de domicile de mon locataire, M. {P1}.\nBien cordialement,\n{P2}\nGestionnaire, Agence Immo Sud",
      p("Nguyen Van Long", "N", "vietnam", "surname-first", "title-prefixed"),
      p("Marie-Hélène Tessier", "N", "fr", "signature"))
named("email",
      "Bonjour Madame {P1},\n\nJe reviens vers vous concernant votre demande de remboursement. Celle-ci a été validée et le virement interviendra sous 5 jours ouvrés.\n\nCordialement,\n{P2}\nService Relations Clients",
      p("Wiśniewska", "S", "poland", "greeting", "title-prefixed"),
      p("Anthony", "P", "fr", "agent", "signature"))
named("email",
      "Bonsoir,\n\nTrès déçu de l'intervention de ce matin. Le technicien ({P1} d'après le bon d'intervention) est resté dix minutes et est reparti sans rien réparer.\n\n{P2}",
      p("Patrick Colin", "N", "fr", "agent"),
      p("Jean-Baptiste Poirier", "N", "fr", "signature"))
named("email",
      "Bonjour,\n\nJ'ai bien reçu le nouveau décodeur, merci à {P1} pour son aide précieuse lors de l'installation à distance.\n\nCordialement,\nM. et Mme {P2}",
      p("Anaïs", "P", "fr", "agent", "thanks"),
      p("Berger", "S", "fr", "signature", "title-prefixed", "common-word"))
named("email",
      "Bonjour,\n\nMon père, {P1}, est décédé le 2 février. Vous trouverez ci-joint l'acte de décès. Merci de résilier son contrat et de ne plus envoyer de courrier à son nom.\n\n{P2}, sa fille",
      p("Giuseppe Rossi", "N", "other", "relative"),
      p("Giulia Rossi", "N", "other", "signature"))
named("email",
      "Bonjour,\n\nJe m'appelle {P1} et je suis cliente chez vous depuis 2009. C'est la première fois que je suis aussi mal traitée : trois mois pour un simple changement de RIB.\n\nCordialement",
      p("Conceição Carvalho", "N", "pt"))
named("email",
      "Bonjour à tous,\n\nPour info, {P1} (service litiges) m'a confirmé par téléphone que le dossier de M. {P2} est clos. Merci de ne plus relancer le client.\n\n{P3}",
      p("Hélène", "P", "fr", "agent"),
      p("Sangaré", "S", "wafrica", "title-prefixed"),
      p("Romain", "P", "fr", "agent", "signature"))
named("email",
      "Bonjour,\n\nVous trouverez ci-dessous mes coordonnées mises à jour :\nNom : {P1}\nPrénom : {P2}\nAdresse : 3 impasse du Moulin, 31000 Toulouse\n\nMerci.",
      p("SIVAKUMAR", "S", "srilanka", "form-field"),
      p("Tharshan", "P", "srilanka", "form-field"))
named("email",
      "Bonjour,\nje relance pour la troisième fois. Votre conseiller, M. {P1}, m'avait dit que ce serait réglé sous 48 h. C'était il y a trois semaines.\n{P2}",
      p("Vasseur", "S", "fr", "agent", "title-prefixed"),
      p("Alain Théodose", "N", "antilles", "signature"))
named("email",
      "Madame {P1},\n\nNous accusons réception de votre courrier du 14 mars. Votre dossier est en cours d'étude.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n\n{P2}\nResponsable du service consommateurs",
      p("Ahamada", "S", "comoros", "greeting", "title-prefixed"),
      p("Bénédicte de Montferrand", "N", "fr", "particle", "agent", "signature"))
named("email",
      "Bonjour,\n\nJe vous écris au sujet de mon fils {P1} qui a souscrit un forfait sans mon accord alors qu'il est mineur.\n\n{P2}",
      p("Kerem", "P", "turkey", "relative"),
      p("Hatice Şahin", "N", "turkey", "signature"))
named("email",
      "Re: Votre demande n°88213\n\n> Bonjour M. {P1}, pouvez-vous nous transmettre un RIB ?\n\nVoilà le RIB en PJ. Et au passage, c'est madame {P2}, pas monsieur.\n\nCordialement",
      p("Claude Moulin", "N", "fr", "greeting", "title-prefixed", "common-word", "repeated"),
      p("Moulin", "S", "fr", "title-prefixed", "common-word", "repeated"))
named("email",
      "Bonjour,\n\nSuite à notre échange, je vous confirme que {P1} et {P2} sont bien les deux titulaires du compte joint.\n\nCordialement,\nAgence de Mérignac",
      p("Paulo Rodrigues", "N", "pt"),
      p("Inês Gonçalves", "N", "pt"))
named("email",
      "Bonjour,\n\nJ'ai commandé une machine à laver le 3 juin, livraison prévue le 10, toujours rien. Votre collègue {P1} au téléphone m'a dit de vous écrire.\n\n{P2}\n(adresse mail de ma fille, c'est elle qui écrit pour moi)",
      p("Océane", "P", "fr", "agent"),
      p("Raymond Lecoq", "N", "fr", "signature"))
named("email",
      "Bonjour Monsieur {P1},\n\nJe me permets de vous relancer concernant le devis pour la pose de la pompe à chaleur.\n\nBien cordialement,\n{P2}",
      p("Legrand", "S", "fr", "greeting", "title-prefixed", "common-word"),
      p("Kofi Mensah", "N", "wafrica", "signature"))
named("email",
      "Bonjour,\n\nPour faire suite à l'appel de ce jour, le client, M. {P1}, souhaite être rappelé par un responsable. Il indique que Mme {P2} lui avait promis un avoir.\n\n{P3}\nPlateau de Nantes",
      p("Mohamed Belkacem", "N", "maghreb", "title-prefixed"),
      p("Bonnet", "S", "fr", "agent", "title-prefixed", "common-word"),
      p("Manon", "P", "fr", "agent", "signature"))
named("email",
      "Bonjour,\nPetit message pour dire merci à {P1} qui a été d'une patience incroyable avec ma mère. On en voudrait plus des comme elle !\nFamille {P2}",
      p("Nadège", "P", "fr", "agent", "thanks"),
      p("Mathurin", "S", "antilles", "signature"))
named("email",
      "Bonjour,\n\nVoici les informations demandées :\n- Titulaire : {P1}\n- Co-titulaire : {P2}\n- N° de contrat : 7745-AB\n\nCordialement",
      p("Mourad Touati", "N", "maghreb", "form-field"),
      p("Sabrina Touati", "N", "maghreb", "form-field"))
named("email",
      "Bonjour,\nJe vous transmets la réclamation de notre client, {P1}, concernant les frais de mise en service facturés à tort. M. {P2} a déjà eu trois interlocuteurs différents.\nMerci de faire le nécessaire.\n{P3}, responsable d'agence",
      p("Boubacar Cissé", "N", "wafrica", "repeated"),
      p("Cissé", "S", "wafrica", "title-prefixed", "repeated"),
      p("Florence", "P", "fr", "agent", "signature", "common-word"))
named("email",
      "Bonjour,\n\nJe suis désolée mais je ne comprends pas votre courrier. Je n'ai jamais habité à Lyon et je ne connais pas de {P1}. Il doit y avoir une erreur de dossier.\n\n{P2}",
      p("Thomas Fournier", "N", "fr"),
      p("Yvette Marchal", "N", "fr", "signature"))
named("email",
      "Bonjour,\n\nMerci de noter que ma fille, {P1}, est autorisée à gérer mon contrat en mon nom.\n\nFait à Cergy, le 4 avril\n{P2}",
      p("Mei", "P", "china", "relative"),
      p("LIN Xiuying", "N", "china", "surname-first", "signature"))
named("email",
      "Bonjour Service client,\n\nJe confirme le rendez-vous du technicien mardi matin. S'il y a un problème, appelez plutôt ma femme {P1} au 06 45 22 17 90, moi je travaille.\n\n{P2}",
      p("Bożena", "P", "poland", "relative"),
      p("Paweł Wójcik", "N", "poland", "signature"))
named("email",
      "Bonjour,\n\nSuite à votre message, je vous informe que {P1} ne fait plus partie de nos effectifs. Votre dossier a été réattribué à {P2}, qui vous contactera dans la semaine.\n\nCordialement,\nLe service client",
      p("Laure Collet", "N", "fr", "agent"),
      p("Thibault", "P", "fr", "agent"))

# --- chat logs -------------------------------------------------------------
named("chat",
      "{P1} : Bonjour et bienvenue sur le chat ! Je m'appelle {P2}, que puis-je faire pour vous ?\nClient : Bonjour, ma commande n'est toujours pas arrivée.",
      p("Lina", "P", "fr", "agent", "chat-label", "repeated"),
      p("Lina", "P", "fr", "agent", "repeated"))
named("chat",
      "Client : bonjour, j'ai un souci avec mon remboursement\n{P1} (conseiller) : Bonjour, je regarde ça tout de suite. Pouvez-vous me donner votre numéro de commande ?",
      p("Yanis", "P", "maghreb", "agent", "chat-label"))
named("chat",
      "Vous : Bonjour, je voudrais changer l'adresse de livraison\nConseiller : Bonjour, c'est noté. À quel nom est la commande ?\nVous : {P1}",
      p("Jocelyn Cétout", "N", "antilles"))
named("chat",
      "Conseillère : Pour vérifier votre identité, pouvez-vous m'indiquer le nom et le prénom du titulaire ?\nClient : {P1}",
      p("KANAGARATNAM Nirosha", "N", "srilanka", "surname-first"))
named("chat",
      "Client : le conseiller {P1} m'a dit hier que ma ligne serait rétablie ce matin, c'est toujours coupé\nConseiller : Je suis désolé pour la gêne. Je vérifie.",
      p("Dylan", "P", "fr", "agent"))
named("chat",
      "[10:42] {P1} : Je vous remercie pour votre patience, le remboursement est validé.\n[10:43] {P2} : super merci beaucoup !!",
      p("Audrey", "P", "fr", "agent", "chat-label"),
      p("Mamadou Traoré", "N", "wafrica", "chat-label"))
named("chat",
      "Client : Je suis {P1}, c'est mon mari qui a le compte mais il est au travail\nConseillère : Pas de problème madame {P2}, je peux vous donner des informations générales.",
      p("Amina Saïdi", "N", "maghreb", "repeated"),
      p("Saïdi", "S", "maghreb", "title-prefixed", "repeated"))
named("chat",
      "Client : Re-bonjour, je parlais avec {P1} tout à l'heure et la conversation a coupé\nConseiller : Bonjour, je reprends votre dossier, aucun souci.",
      p("Léa", "P", "fr", "agent", "after-verb"))
named("chat",
      "Conseiller : Votre colis a été remis en point relais, chez Tabac Presse du Centre, 2 place de l'Église à Vannes.\nClient : ok merci {P1} 👍",
      p("Thomas", "P", "fr", "agent", "thanks"))
named("chat",
      "{P1} : bjr, je n'arrive pas à me connecter à l'appli depuis la mise à jour\nAssistant : Bonjour ! Avez-vous essayé de réinstaller l'application ?",
      p("Tran Thi Lan", "N", "vietnam", "surname-first", "chat-label"))
named("chat",
      "Client : Est-ce que je peux parler à un humain ???\nBot : Je vous mets en relation avec un conseiller.\n{P1} : Bonjour, {P2} à votre service. Je lis votre historique, un instant.",
      p("Maxime", "P", "fr", "agent", "chat-label", "repeated"),
      p("Maxime", "P", "fr", "agent", "repeated"))
named("chat",
      "Conseillère : Puis-je avoir le prénom de la personne qui réceptionnera le colis ?\nClient : c'est mon frere, {P1}",
      p("rajeevan", "P", "srilanka", "relative"))
named("chat",
      "Client : Bonjour, je voudrais savoir si madame {P1} travaille encore chez vous, elle s'occupait de mon dossier de prêt",
      p("Lacroix", "S", "fr", "agent", "title-prefixed"))
named("chat",
      "Conseiller : Je vous confirme l'annulation. Autre chose, monsieur {P1} ?\nClient : non c'est tout merci\nConseiller : Très bonne soirée à vous.",
      p("Aydın", "S", "turkey", "title-prefixed"))
named("chat",
      "Client : Bonjour, la dame du magasin de Brest, {P1}, m'a dit de passer par le chat pour l'échange",
      p("Maëlle", "P", "fr", "agent"))
named("chat",
      "{P1} (conseiller) : Bonjour {P2}, merci d'avoir patienté. Je vois que votre carte a été bloquée suite à trois codes erronés.",
      p("Samuel", "P", "fr", "agent", "chat-label"),
      p("Pierre", "P", "fr", "greeting", "common-word"))
named("chat",
      "Client : mon fils {P1} a commandé un jeu sur mon compte sans me demander, je veux être remboursée\nConseiller : Je comprends. Quel est le montant de l'achat ?",
      p("Enzo", "P", "fr", "relative"))
named("chat",
      "Conseillère : Le contrat est-il à votre nom ?\nClient : Non, à celui de ma compagne, {P1}. Je peux vous donner son numéro client.",
      p("Joana Carvalho", "N", "pt", "relative"))
named("chat",
      "Client : Bonjour, c'est encore moi, {P1}. Vous avez pu voir avec le service technique ?\nConseiller : Bonjour monsieur {P2}, oui, un technicien passera demain entre 8 h et 12 h.",
      p("Rui Pereira", "N", "pt", "repeated"),
      p("Pereira", "S", "pt", "greeting", "title-prefixed", "repeated"))
named("chat",
      "Client : je voulais signaler que {P1} a été super, elle a tout réglé en cinq minutes\nConseiller : Merci beaucoup, je transmettrai !",
      p("Justine", "P", "fr", "agent"))
named("chat",
      "Agent {P1} : Bonjour, je consulte votre dossier.\nVous : ok\nAgent {P2} : C'est bon, votre abonnement est réactivé.",
      p("Nathan", "P", "fr", "agent", "chat-label", "repeated"),
      p("Nathan", "P", "fr", "agent", "chat-label", "repeated"))
named("chat",
      "Client : la livraison était prévue au nom de {P1}, c'est ma colocataire, elle sera absente\nConseillère : Vous souhaitez modifier le destinataire ?",
      p("Oksana Melnyk", "N", "other"))
named("chat",
      "Conseiller : Votre demande a bien été enregistrée sous la référence DX-5521.\nClient : parfait, vous avez été top {P1} !",
      p("Baptiste", "P", "fr", "agent", "thanks"))
named("chat",
      "Client : bonjour je m'appelle {P1} et je voudrais savoir pourquoi mon forfait a augmenté de 3 euros",
      p("Zaïnaba Mzé", "N", "comoros"))
named("chat",
      "Conseillère : Je vous passe ma responsable, {P1}, elle va valider le geste commercial.\n{P2} : Bonjour, je confirme un avoir de 20 € sur votre prochaine facture.",
      p("Estelle Marin", "N", "fr", "agent", "common-word", "repeated"),
      p("Estelle", "P", "fr", "agent", "chat-label", "repeated"))

# --- SMS -------------------------------------------------------------------
named("sms",
      "Bjr c {P1} jai tjr pas recu le colis, le suivi dit livré",
      p("samira", "P", "maghreb"))
named("sms",
      "Votre technicien {P1} interviendra le 14/05 entre 13h et 17h. Pour modifier le RDV, répondez STOP RDV.",
      p("Loïc", "P", "fr", "agent"))
named("sms",
      "bonjour c mme {P1} pour le rdv de demain je serai pas la avant 15h",
      p("petitjean", "S", "fr", "title-prefixed", "common-word"))
named("sms",
      "ok merci {P1} a demain",
      p("gregory", "P", "fr", "agent", "thanks", "no-accent"))
named("sms",
      "Bonjour, je suis {P1} votre livreur Chronopost, je suis devant chez vous, personne ne repond",
      p("Abdelkader", "P", "maghreb", "agent"))
named("sms",
      "c mon mari {P1} qui a le tel, rappelez le sur le 06 78 21 43 55 svp",
      p("farid", "P", "maghreb", "relative"))
named("sms",
      "{P1} ici, jai eu votre message vocal, je vous rappelle dans 10 min",
      p("Damien", "P", "fr"))
named("sms",
      "Mr {P1} jai bien recu le devis mais c trop cher, on peut en parler ?",
      p("Lefort", "S", "fr", "title-prefixed", "common-word"))
named("sms",
      "bonsoir, de la part de {P1} : la fuite est revenue sous l evier, pouvez vous repasser",
      p("awa keita", "N", "wafrica", "no-accent"))
named("sms",
      "Rdv confirmé avec {P1} le 22/06 à 9h30, agence Crédit Mutuel de Quimper. Rép. NON pour annuler.",
      p("Erwan Le Gall", "N", "fr", "particle", "agent"))
named("sms",
      "merci {P1} pr votre aide hier, tout marche nickel",
      p("nico", "P", "fr", "agent", "thanks"))
named("sms",
      "BONJOUR C'EST MME {P1} JE NE RECOIS PLUS LES FACTURES PAR MAIL",
      p("GONCALVES", "S", "pt", "title-prefixed", "no-accent"))
named("sms",
      "slt {P1} cest {P2}, le proprio veut le numero du contrat edf tu l as ?",
      p("karim", "P", "maghreb", "greeting"),
      p("steph", "P", "fr"))
named("sms",
      "Votre conseiller M. {P1} a tenté de vous joindre. Rappelez-le au 09 70 80 90 00 (appel non surtaxé).",
      p("Lemoine", "S", "fr", "agent", "title-prefixed"))
named("sms",
      "oui c bon pour jeudi, demandez {P1} a l accueil c ma fille",
      p("ines", "P", "fr", "relative", "no-accent"))
named("sms",
      "Bonjour Mme {P1}, votre véhicule est prêt. Vous pouvez venir le récupérer au garage avant 18h. Cordialement, Garage du Centre",
      p("Demir", "S", "turkey", "greeting", "title-prefixed"))
named("sms",
      "jai eu {P1} au tel elle a dit que le remboursement c fait, je vois rien sur mon compte",
      p("sandra", "P", "fr", "agent", "after-verb"))
named("sms",
      "Coucou c {P1} de l'agence, votre dossier est complet, bonne journée 🙂",
      p("Clara", "P", "fr", "agent"))
named("sms",
      "Rappel : votre rendez-vous avec Mme {P1}, conseillère Pôle habitat, est fixé demain à 10h.",
      p("Nguyen", "S", "vietnam", "agent", "title-prefixed"))
named("sms",
      "pouvez vous envoyer la facture a mon fils {P1} svp il gere tout maintenant",
      p("pierre-yves", "P", "fr", "relative"))

# --- survey comments -------------------------------------------------------
named("survey",
      "Très satisfaite de l'accueil en agence, Mme {P1} a pris le temps de tout m'expliquer.",
      p("Rivière", "S", "fr", "agent", "title-prefixed", "common-word"))
named("survey",
      "{P1} au top comme d'habitude !!!",
      p("Cindy", "P", "fr", "agent"))
named("survey",
      "Conseiller peu aimable. Le monsieur ({P1} je crois) ne m'a même pas dit au revoir.",
      p("Frédéric", "P", "fr", "agent"))
named("survey",
      "Je recommande, surtout grâce à {P1} du magasin de Villeneuve-d'Ascq qui est de très bon conseil.",
      p("Mehdi", "P", "maghreb", "agent", "thanks"))
named("survey",
      "Délai de livraison trop long. Par contre la livreuse, {P1}, était très sympa.",
      p("Rose", "P", "fr", "agent", "common-word"))
named("survey",
      "Note 2/10. Trois appels, trois réponses différentes. Seule {P1} a été compétente, merci à elle.",
      p("Pauline", "P", "fr", "agent"))
named("survey",
      "Je remercie Mme {P1} et M. {P2} pour leur réactivité lors de mon sinistre.",
      p("Masson", "S", "fr", "agent", "title-prefixed", "thanks"),
      p("Lopes", "S", "pt", "agent", "title-prefixed", "thanks"))
named("survey",
      "merci a {P1} qui m a bien aide pour ma carte grise",
      p("tharshini", "P", "srilanka", "agent", "thanks"))
named("survey",
      "Rien à dire, service impeccable. {P1}, 67 ans, client depuis 30 ans.",
      p("Germain Lebon", "N", "fr", "signature", "common-word"))
named("survey",
      "Le technicien {P1} a été très professionnel, il a même pris le temps de m'expliquer le fonctionnement du thermostat.",
      p("Cemal", "P", "turkey", "agent"))
named("survey",
      "Pourquoi faut-il toujours répéter son problème à chaque appel ? Heureusement {P1} a repris tout le dossier.",
      p("Mélanie", "P", "fr", "agent"))
named("survey",
      "Accueil chaleureux de {P1}, bravo à toute l'équipe de l'agence de Pau.",
      p("Blanche", "P", "fr", "agent", "common-word"))
named("survey",
      "Service client injoignable. J'ai dû passer par M. {P1}, mon conseiller bancaire, pour débloquer la situation.",
      p("Fleury", "S", "fr", "title-prefixed", "common-word"))
named("survey",
      "Nom : {P1}\nCommentaire : Livraison rapide, emballage soigné, rien à redire.",
      p("Claire Delmas", "N", "fr", "form-field", "common-word"))
named("survey",
      "{P1} m'a très bien accueilli et conseillé, je reviendrai.",
      p("Constance", "P", "fr", "agent", "common-word"))
named("survey",
      "La conseillère {P1} a été remarquable de patience avec mon père, {P2}, qui est malentendant.",
      p("Anne-Sophie", "P", "fr", "agent"),
      p("Roger Boucher", "N", "fr", "relative", "common-word"))
named("survey",
      "Je voulais juste dire que {P1} de la boutique de Saint-Denis mérite une augmentation 😄",
      p("Nourdine", "P", "comoros", "agent"))
named("survey",
      "Expérience décevante. J'ai demandé à parler à un responsable, on m'a passé M. {P1} qui n'a fait que répéter ce que disait sa collègue.",
      p("Lenoir", "S", "fr", "agent", "title-prefixed", "common-word", "after-verb"))
named("survey",
      "Merci à toute l'équipe et en particulier à {P1}, qui a géré mon dossier de A à Z.",
      p("Myriam Numa", "N", "antilles", "agent", "thanks"))
named("survey",
      "Très bien reçue par {P1} à l'agence de Lorient. Par contre {P2}, au téléphone, beaucoup moins aimable.",
      p("Soizic", "P", "fr", "agent"),
      p("Gaëtan", "P", "fr", "agent"))

# --- agents' internal notes ------------------------------------------------
named("note",
      "Appel de M. {P1} (titulaire) pour contestation facture. Client mécontent, demande rappel responsable.",
      p("DÉSIR Ludovic", "N", "antilles", "surname-first", "title-prefixed", "common-word"))
named("note",
      "RDV pris pour Mme {P1} le 12/03 à 14h. Prévoir interprète (parle peu français), sa fille {P2} sera présente.",
      p("Çelik", "S", "turkey", "title-prefixed"),
      p("Gülsüm", "P", "turkey", "relative"))
named("note",
      "Cliente rappelée. Dossier transmis à {P1} (back-office) pour remboursement des frais de rejet.",
      p("Vincent", "P", "fr", "agent"))
named("note",
      "Client agressif au téléphone, a insulté {P1}. Appel écourté. Voir avec manager.",
      p("Amandine", "P", "fr", "agent"))
named("note",
      "Mandataire : {P1}, fils du titulaire. Procuration reçue le 04/01, scannée dans la GED.",
      p("Ibrahim Soilihi", "N", "comoros", "form-field", "relative"))
named("note",
      "Titulaire décédé. Succession gérée par Me {P1}, notaire à Angers.",
      p("Hubert Garnier", "N", "fr", "title-prefixed"))
named("note",
      "Vu avec {P1} : geste co de 15 € accordé, à imputer sur facture de mai.",
      p("Sylvain", "P", "fr", "agent"))
named("note",
      "{P1} - déménagement au Portugal, demande résiliation sans frais. Justificatif demandé.",
      p("DA COSTA Manuel", "N", "pt", "surname-first", "particle"))
named("note",
      "Mme {P1} signale que le technicien n'est pas venu. Replanifié avec {P2} pour jeudi matin.",
      p("Petit-Frère", "S", "antilles", "title-prefixed", "common-word"),
      p("Alexis", "P", "fr", "agent"))
named("note",
      "Rappel effectué par {P1} à 16h40, messagerie. Nouveau rappel prévu demain.",
      p("Nadia", "P", "maghreb", "agent"))
named("note",
      "Appel entrant : M. {P1} pour le compte de sa mère, Mme {P2} (89 ans). Pas de procuration, infos générales uniquement.",
      p("Wang", "S", "china", "title-prefixed"),
      p("Zhou", "S", "china", "title-prefixed", "relative"))
named("note",
      "Escalade N2. Le client cite {P1} et un certain {P2} comme ayant promis un remboursement intégral. Rien dans l'historique.",
      p("Jessica", "P", "fr", "agent"),
      p("Bruno", "P", "fr", "agent"))
named("note",
      "Note de {P1} : client très satisfait de l'intervention, souhaite le même technicien ({P2}) pour l'entretien annuel.",
      p("Morgane", "P", "fr", "agent", "signature"),
      p("Yao", "P", "wafrica", "agent"))
named("note",
      "Contact : {P1} (belle-sœur de la cliente), tél 06 11 52 87 30, à appeler en cas d'absence.",
      p("Marie-Line Augustin", "N", "antilles", "form-field", "relative"))
named("note",
      "Client rappelle pour la 4e fois. Demande à parler à Mme {P1} exclusivement. Transféré.",
      p("Baron", "S", "fr", "agent", "title-prefixed", "common-word"))
named("note",
      "Dossier Mme {P1} : erreur d'adressage, courriers envoyés à une homonyme à Lens. Corrigé.",
      p("Jolanta Kamińska", "N", "poland", "title-prefixed"))
named("note",
      "Intervention annulée par le client. Motif : {P1}, son épouse, avait déjà appelé un dépanneur.",
      p("Brigitte", "P", "fr", "relative"))
named("note",
      "Réclamation transmise par {P1} (agence Bordeaux Lac). Client : {P2}. Objet : double prélèvement.",
      p("Élodie", "P", "fr", "agent"),
      p("AIT OUALI Khadija", "N", "maghreb", "surname-first", "form-field"))
named("note",
      "Rappel promis par {P1} au client sous 24 h, non fait. À traiter en priorité. – {P2}",
      p("Quentin", "P", "fr", "agent"),
      p("Chloé", "P", "fr", "agent", "signature"))


# ---------------------------------------------------------------------------
# Ordinary texts: no person name at all
# ---------------------------------------------------------------------------

# --- call transcripts ------------------------------------------------------
plain("call", "Conseiller : Service clients, bonjour, que puis-je faire pour vous ?\nClient : Oui bonjour, c'est au sujet de ma box Orange qui clignote rouge depuis ce matin.")
plain("call", "Client : J'ai eu Chronopost au téléphone, ils disent que le colis est reparti chez l'expéditeur.")
plain("call", "Client : Alors c'est mon mari qui avait signé le contrat, mais il est en déplacement toute la semaine.")
plain("call", "Conseiller : Très bien, monsieur, je vois votre dossier. Le prélèvement du 5 mars a été rejeté par le Crédit Agricole.")
plain("call", "Client : Bonjour madame, je vous appelle de la part de La Poste, enfin de l'agence postale de Saint-Malo, pour un recommandé.")
plain("call", "Conseillère : Je vous transfère au service technique, c'est un collègue qui va reprendre l'appel. Ne quittez pas.")
plain("call", "Client : C'est Darty qui m'a vendu la machine, mais c'est vous le fabricant, donc je fais comment pour la garantie ?")
plain("call", "Client : Le livreur a laissé le colis chez la voisine du dessous, au 12 rue de la Paix, sans sonner.")
plain("call", "Conseiller : Vous pouvez m'épeler le nom de la commune ?\nClient : Châteauneuf-sur-Loire. C-H-A-T-E-A-U-N-E-U-F, tiret, sur, tiret, Loire.")
plain("call", "Client : J'ai un souci avec ma Renault Mégane, elle est sous garantie et le garage Peugeot d'à côté ne veut pas la prendre.")
plain("call", "Conseillère : Votre contrat Engie est bien résilié depuis le 31 décembre, le solde sera remboursé sur votre compte Société Générale.")
plain("call", "Client : Oui, la dame au téléphone hier m'avait promis un geste commercial, et depuis plus rien.")
plain("call", "Conseiller : Je vous confirme le rendez-vous lundi 14 avril entre 8 h et 12 h. Le technicien appellera une demi-heure avant.\nClient : Parfait, merci beaucoup monsieur.")
plain("call", "Client : Écoutez, je vous remercie, vous êtes la première qui m'explique clairement. Bonne journée madame.")
plain("call", "Client : Je suis à Fort-de-France, donc avec le décalage horaire je ne peux vous joindre que le matin. C'est possible d'être rappelé par l'agence de Pointe-à-Pitre ?")

# --- e-mails ---------------------------------------------------------------
plain("email", "Bonjour,\n\nSuite à mon appel du 12, je vous confirme ma demande de résiliation de ma ligne Free Mobile.\n\nCordialement,\nLe titulaire du contrat")
plain("email", "Bonjour Free,\n\nCela fait trois semaines que la Freebox Pop se déconnecte tous les soirs vers 21 h. Merci d'envoyer un technicien.\n\nCordialement")
plain("email", "Madame, Monsieur,\n\nJe vous informe de mon changement d'adresse à compter du 1er juillet : 27 avenue de la Libération, 69003 Lyon.\n\nVeuillez agréer, Madame, Monsieur, mes salutations distinguées.")
plain("email", "Bonjour,\n\nVotre commande Fnac n° 4123-889 a bien été expédiée. Vous la recevrez sous 48 h.\n\nÀ bientôt,\nService Clients Fnac")
plain("email", "Objet : remboursement\n\nBonjour,\nJ'ai retourné l'aspirateur à Boulanger le 2 mai, le magasin de Plaisir m'a dit que le remboursement arriverait sous 10 jours. Toujours rien.\nMerci de faire le nécessaire.")
plain("email", "Bonjour,\n\nJe vous transmets en pièce jointe la facture Leroy Merlin et la facture Castorama demandées par votre expert.\n\nBien à vous,\nLe locataire du 3e étage")
plain("email", "Cher client,\n\nNous vous remercions pour votre fidélité. À l'occasion de la Fête des Mères, profitez de -20 % sur toute la gamme de smartphones.\n\nL'équipe Bouygues Telecom")
plain("email", "Bonjour,\n\nMerci à votre service après-vente pour la rapidité de l'échange. Le nouveau Thermomix fonctionne parfaitement.\n\nCordialement,\nUne cliente satisfaite")
plain("email", "Bonjour,\n\nJe suis cliente depuis 2009 et c'est la première fois que je suis aussi mal traitée. Votre collègue au téléphone m'a raccroché au nez.\n\nUne cliente très déçue")
plain("email", "Bonjour Madame,\n\nNous accusons réception de votre courrier du 14 mars. Votre dossier est en cours d'étude par le service Litiges.\n\nCordialement,\nLe Service Consommateurs\nEDF – Direction Commerce Île-de-France")
plain("email", "Re: Votre demande n°88213\n\n> Bonjour, pouvez-vous nous transmettre un RIB ?\n\nVoici le RIB de La Banque Postale en PJ. Pour info le compte Crédit Mutuel est clôturé.\n\nCordialement")
plain("email", "Bonjour,\n\nVoici mes coordonnées mises à jour :\nNom : non communiqué\nAdresse : 5 rue des Écoles, 94000 Créteil\nTéléphone : 01 45 13 22 80\n\nMerci.")
plain("email", "Bonjour,\n\nMa commande Cdiscount est arrivée abîmée. Le transporteur, Colissimo, refuse la réclamation et me renvoie vers le vendeur. Qui dois-je contacter ?\n\nMerci d'avance")
plain("email", "Bonjour,\n\nDe la part de La Poste : votre colis n'a pas pu être distribué. Il vous attend au bureau de poste de Vincennes jusqu'au 21 juin.\n\nCordialement")
plain("email", "Bonjour,\n\nJe souhaite annuler mon abonnement Canal+ ainsi que l'option Netflix. J'ai déménagé à Saint-Étienne et je n'ai plus de télévision.\n\nMerci de me confirmer par écrit.\n\nL'abonné")

# --- chat logs -------------------------------------------------------------
plain("chat", "Conseiller : Bonjour et bienvenue sur le chat Decathlon ! Que puis-je faire pour vous ?\nClient : Bonjour, mon vélo commandé en mars n'est toujours pas arrivé.")
plain("chat", "Vous : Bonjour, je voudrais changer l'adresse de livraison\nConseiller : Bonjour, c'est noté. À quel nom est la commande ?\nVous : celui du compte, je ne sais plus exactement")
plain("chat", "Client : bonjour, j'ai un souci avec mon remboursement Amazon\nAssistant virtuel : Bonjour ! Je suis l'assistant virtuel. Pouvez-vous me donner votre numéro de commande ?")
plain("chat", "Client : Est-ce que je peux parler à un humain ???\nBot : Je vous mets en relation avec un conseiller.\nConseiller : Bonjour, je lis votre historique, un instant.")
plain("chat", "Conseillère : Votre colis a été remis en point relais, Carrefour Market, 2 place de l'Église à Vannes.\nClient : ok merci, et Carrefour ferme à quelle heure ?")
plain("chat", "Client : la livraison était prévue au nom de ma colocataire, elle sera absente jeudi\nConseillère : Vous souhaitez modifier le destinataire ?")
plain("chat", "[10:42] Conseiller : Je vous remercie pour votre patience, le remboursement est validé.\n[10:43] Client : super merci beaucoup !!")
plain("chat", "Client : Bonjour, la dame du magasin Boulanger de Brest m'a dit de passer par le chat pour l'échange de la télé Samsung")
plain("chat", "Client : c'est Orange qui m'a coupé la ligne alors que j'avais demandé la portabilité vers SFR !!\nConseiller : Je comprends votre agacement. La portabilité prend en général 3 jours ouvrés.")
plain("chat", "Conseiller : Pour vérifier votre identité, pouvez-vous m'indiquer la date de naissance du titulaire ?\nClient : 12 Août 1964")
plain("chat", "Client : J'ai reçu un SMS de Chronopost me disant de payer 1,99 € de frais de douane, c'est une arnaque ?\nConseiller : Oui, il s'agit d'un hameçonnage. Ne cliquez pas sur le lien.")
plain("chat", "Vous : Bonjour, mon iPhone 14 acheté chez Apple ne charge plus\nConseiller Apple : Bonjour ! Avez-vous essayé avec un autre câble ?")
plain("chat", "Client : ma fille a commandé un jeu sur la PlayStation sans me demander, je veux être remboursée\nConseiller : Je comprends. Quel est le montant de l'achat ?")

# --- SMS -------------------------------------------------------------------
plain("sms", "slt c moi, jai tjr pas recu le colis, le suivi dit livré")
plain("sms", "merci bcp, a demain")
plain("sms", "Bjr, votre colis Chronopost sera livré demain entre 9h et 13h. Suivi : chrono.fr/xK82p")
plain("sms", "c mon mari qui a le tel, rappelez sur le 06 78 21 43 55 svp")
plain("sms", "ok pour jeudi, demandez a l accueil c ma fille qui vient")
plain("sms", "BONJOUR JE NE RECOIS PLUS LES FACTURES EDF PAR MAIL MERCI DE VERIFIER")
plain("sms", "Free : votre facture de 29,99 € est disponible dans votre Espace Abonné.")
plain("sms", "jai eu sfr au tel ils disent que c reglé, je vois rien sur mon compte")
plain("sms", "Votre RDV Norauto est confirmé le 22/06 à 9h30, centre de Rouen. Rép. NON pour annuler.")
plain("sms", "cc, la box marche plus depuis l orage de Dimanche, vous pouvez passer ?")
plain("sms", "Mr Bricolage : votre commande est prête, retrait au comptoir jusqu'au Samedi 18h.")
plain("sms", "bonsoir, de la part du 3e etage : la fuite est revenue sous l evier, pouvez vous repasser")
plain("sms", "Rappel : votre rendez-vous à l'agence Société Générale de Nancy est fixé demain à 10h.")

# --- survey comments -------------------------------------------------------
plain("survey", "Très satisfaite de l'accueil en agence, la conseillère a pris le temps de tout m'expliquer.")
plain("survey", "Au top comme d'habitude !!!")
plain("survey", "Petit bémol sur le délai de livraison, sinon rien à dire.")
plain("survey", "Je recommande Leclerc Drive, surtout le retrait à Villeneuve-d'Ascq qui est très rapide.")
plain("survey", "Noël approche et toujours pas de nouvelles de ma commande passée en Novembre…")
plain("survey", "merci a l equipe de la Fnac de Rosny qui m a bien aide pour ma carte")
plain("survey", "Victoire ! Après trois mois de combat, ma ligne fonctionne enfin. Merci Orange, quand même.")
plain("survey", "Grâce à votre appli, tout est plus simple. Juste un souci : impossible de télécharger les factures en PDF.")
plain("survey", "Service client injoignable. J'ai dû passer par mon conseiller bancaire du Crédit Agricole pour débloquer la situation.")
plain("survey", "Nom : non communiqué\nCommentaire : Livraison rapide, emballage soigné, rien à redire.")
plain("survey", "Patience et gentillesse du technicien, rien à redire. Par contre la prise de rendez-vous sur Internet ne marche pas sous Firefox.")
plain("survey", "Commandé la coque Rose Gold, reçu la Noire. Échange fait rapidement au Darty de Montparnasse.")

# --- agents' internal notes ------------------------------------------------
plain("note", "Appel du titulaire pour contestation facture. Client mécontent, demande rappel responsable.")
plain("note", "RDV pris pour la cliente le 12/03 à 14h. Prévoir interprète (parle peu français), sa fille sera présente.")
plain("note", "Vu avec le N2 : geste co de 15 € accordé, à imputer sur facture de Mai.")
plain("note", "Client rappelle pour la 4e fois. Demande à parler au responsable d'agence exclusivement. Transféré.")
plain("note", "Titulaire décédé. Succession gérée par l'étude notariale de Saint-Pierre (Réunion).")
plain("note", "Contact : voisine de la cliente, tél 06 11 52 87 30, à appeler en cas d'absence.")
plain("note", "Dossier transmis au back-office Engie pour régularisation. Compteur Linky posé le 03/02, index erronés.")
plain("note", "Client passé chez Bouygues Telecom en Février, demande remboursement du dépôt de garantie de la Bbox.")
plain("note", "Escalade N2. Le client cite le service Recouvrement comme ayant promis un échéancier. Rien dans l'historique.")
plain("note", "Mandataire : non renseigné. Procuration à réclamer. Client : voir fiche CRM.")
plain("note", "Intervention annulée par le client. Motif : dépanneur TotalEnergies déjà passé le Mardi.")
plain("note", "Note interne : le client confond Renault Zoé et Renault Clio sur son contrat d'assurance. Corriger le véhicule assuré (Zoé, immat. GH-512-KL).")


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def _categories(person: dict, channel: str) -> list[str]:
    """Form category first, then the given ones, then the derived ones."""
    text = person["text"]
    cats = [FORM_CATEGORY[person["form"]], *person["categories"]]
    if person["origin"] not in ("fr", "antilles"):
        cats.append("foreign-origin")
    if channel == "sms":
        cats.append("sms")
    if text == text.lower():
        cats.append("lower-case")
    if any(len(w) > 1 and w.isupper() for w in re.split(r"[\s-]+", text)):
        cats.append("capitals")
    if "-" in text:
        cats.append("compound")
    out: list[str] = []
    for c in cats:
        if c not in out:
            out.append(c)
    return out


def render(channel: str, template: str, people: tuple[dict, ...]) -> tuple[str, list[dict]]:
    """Fill the {Pn} slots of template and return the text and its name spans."""
    assert channel in CHANNELS, channel
    parts: list[str] = []
    length = 0
    spans: list[dict] = []
    used: list[int] = []
    pos = 0
    for m in SLOT.finditer(template):
        before = template[pos:m.start()]
        parts.append(before)
        length += len(before)
        k = int(m.group(1))
        assert 1 <= k <= len(people), (template, k)
        assert k not in used, (template, k)
        used.append(k)
        person = people[k - 1]
        spans.append({
            "start": length,
            "end": length + len(person["text"]),
            "text": person["text"],
            "kind": "person",
            "form": person["form"],
            "origin": person["origin"],
            "categories": _categories(person, channel),
        })
        parts.append(person["text"])
        length += len(person["text"])
        pos = m.end()
    parts.append(template[pos:])
    text = "".join(parts)
    assert sorted(used) == list(range(1, len(people) + 1)), template
    assert "{" not in text and "}" not in text, text
    spans.sort(key=lambda s: s["start"])
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    return text, spans


def build() -> list[dict]:
    rows: list[dict] = []
    for channel, template, people in NAMES:
        assert 1 <= len(people) <= 3, template
        text, spans = render(channel, template, people)
        rows.append({"set": "names", "channel": channel, "text": text, "names": spans})
    for channel, text in ORDINARY:
        assert channel in CHANNELS, channel
        assert not SLOT.search(text) and "{" not in text, text
        rows.append({"set": "ordinary", "channel": channel, "text": text, "names": []})
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate text"
    return [{"id": f"m{i:03d}", **r} for i, r in enumerate(rows, 1)]


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_names = sum(r["set"] == "names" for r in rows)
    print(f"{OUT}: {len(rows)} texts ({n_names} names, {len(rows) - n_names} ordinary)")


if __name__ == "__main__":
    main()
