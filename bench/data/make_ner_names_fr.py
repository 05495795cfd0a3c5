"""Writes bench/data/ner_names_fr.jsonl: French customer-service texts with planted person names, and
ordinary sentences with none, for bench/ner_models.py (issue 20: fr_core_news_sm or fr_core_news_md).

Why a generator: the offsets of the planted names are computed here from the slots the names fill, never
typed by hand, and each name's categories (compound, particle, foreign origin, lower case, capitals,
title before it, ordinary word) follow from the name and its context by one rule for all. The names and
texts are written for this set, independent of the test suite's planted set and of the demo generator's
lists. Deterministic: the same file on every run.

Usage: `.venv/bin/python bench/data/make_ner_names_fr.py`.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("ner_names_fr.jsonl")
VARIANTS = 3  # texts made from each template, each with other people

# (first name, surname, origin, gender). Origins: fr (metropolitan France), antilles, and origins from
# abroad common among French customers: maghreb, wafrica (West Africa), pt, vietnam, turkey, poland.
PEOPLE = [
    ("Marc", "Dupont", "fr", "m"), ("Nathalie", "Girard", "fr", "f"), ("Sébastien", "Morel", "fr", "m"),
    ("Aurélie", "Lefèvre", "fr", "f"), ("Thierry", "Gauthier", "fr", "m"), ("Sandrine", "Mercier", "fr", "f"),
    ("Julien", "Faure", "fr", "m"), ("Céline", "Roussel", "fr", "f"), ("Guillaume", "Perrin", "fr", "m"),
    ("Émilie", "Vidal", "fr", "f"),
    ("Gwendal", "Kerhervé", "fr", "m"), ("Solveig", "Quéméneur", "fr", "f"), ("Anatole", "Vasseur", "fr", "m"),
    ("Philomène", "Ducrocq", "fr", "f"), ("Eudes", "Lagarrigue", "fr", "m"), ("Bérangère", "Tixier", "fr", "f"),
    ("Honoré", "Bastide", "fr", "m"), ("Ombeline", "Sauvageot", "fr", "f"), ("Clotilde", "Fouquet", "fr", "f"),
    ("Jean-Baptiste", "Lemaire", "fr", "m"), ("Marie-Claire", "Bonnet", "fr", "f"),
    ("Pierre-Alexandre", "Caron", "fr", "m"), ("Anne-Laure", "Masson", "fr", "f"),
    ("Jean-Christophe", "Renaud", "fr", "m"), ("Marie-Hélène", "Brun", "fr", "f"),
    ("Louis-Marie", "Jacob", "fr", "m"), ("Anne-Cécile", "Poirier", "fr", "f"), ("Paul-Henri", "Dumas", "fr", "m"),
    ("Hélène", "Martin-Dubois", "fr", "f"), ("Luc", "Lefort-Garnier", "fr", "m"), ("Agathe", "Rivière-Lacombe", "fr", "f"),
    ("Yann", "Le Goff", "fr", "m"), ("Gaëlle", "Le Gall", "fr", "f"), ("Hubert", "de La Tour", "fr", "m"),
    ("Bertrand", "du Plessis", "fr", "m"), ("Solène", "Le Floch", "fr", "f"), ("Charles", "d'Aubigny", "fr", "m"),
    ("Ghislaine", "de La Roche", "fr", "f"), ("Erwan", "Le Corre", "fr", "m"), ("Maël", "Le Bihan", "fr", "m"),
    ("Rose", "Blanc", "fr", "f"), ("Pierre", "Martin", "fr", "m"), ("Olive", "Petit", "fr", "f"),
    ("Martin", "Boulanger", "fr", "m"), ("Marguerite", "Berger", "fr", "f"), ("Clément", "Marchand", "fr", "m"),
    ("Victoire", "Fontaine", "fr", "f"), ("Blanche", "Roux", "fr", "f"), ("Noël", "Chevalier", "fr", "m"),
    ("Violette", "Mouton", "fr", "f"),
    ("Joaquim", "Da Silva", "pt", "m"), ("Fernanda", "Dos Santos", "pt", "f"), ("Rui", "Pereira", "pt", "m"),
    ("Conceição", "Ferreira", "pt", "f"), ("Tiago", "De Oliveira", "pt", "m"), ("Ana", "Rodrigues", "pt", "f"),
    ("Manuel", "Gonçalves", "pt", "m"), ("Filipa", "Carvalho", "pt", "f"),
    ("Karim", "Ben Ahmed", "maghreb", "m"), ("Yasmina", "Belkacem", "maghreb", "f"), ("Mohamed", "El Amrani", "maghreb", "m"),
    ("Fatima-Zahra", "Bennani", "maghreb", "f"), ("Rachid", "Boudjemaa", "maghreb", "m"), ("Samira", "Haddad", "maghreb", "f"),
    ("Nassim", "Benali", "maghreb", "m"), ("Leïla", "Cherif", "maghreb", "f"), ("Abdelkader", "Ould Ali", "maghreb", "m"),
    ("Sofiane", "Meziane", "maghreb", "m"), ("Nour", "Ben Salah", "maghreb", "f"), ("Hakim", "Zerrouki", "maghreb", "m"),
    ("Mamadou", "Diallo", "wafrica", "m"), ("Aminata", "Traoré", "wafrica", "f"), ("Ousmane", "Ndiaye", "wafrica", "m"),
    ("Fatoumata", "Coulibaly", "wafrica", "f"), ("Moussa", "Konaté", "wafrica", "m"), ("Awa", "Diop", "wafrica", "f"),
    ("Seydou", "Keïta", "wafrica", "m"), ("Mariama", "Sow", "wafrica", "f"), ("Kouadio", "N'Guessan", "wafrica", "m"),
    ("Adjoa", "Mensah", "wafrica", "f"),
    ("Minh", "Nguyen", "vietnam", "m"), ("Thi Hoa", "Tran", "vietnam", "f"), ("Duc", "Pham", "vietnam", "m"),
    ("Mai", "Vu", "vietnam", "f"), ("Thanh", "Hoang", "vietnam", "m"),
    ("Mehmet", "Yılmaz", "turkey", "m"), ("Elif", "Kaya", "turkey", "f"), ("Emre", "Demir", "turkey", "m"),
    ("Ayşe", "Çelik", "turkey", "f"), ("Burak", "Öztürk", "turkey", "m"), ("Zeynep", "Şahin", "turkey", "f"),
    ("Krzysztof", "Kowalski", "poland", "m"), ("Agnieszka", "Wiśniewska", "poland", "f"), ("Piotr", "Nowak", "poland", "m"),
    ("Małgorzata", "Lewandowska", "poland", "f"), ("Tomasz", "Wójcik", "poland", "m"),
    ("Lucette", "Bellance", "antilles", "f"), ("Firmin", "Zamor", "antilles", "m"), ("Dieudonné", "Lancrerot", "antilles", "m"),
    ("Josiane", "Ursulet", "antilles", "f"), ("Fortuné", "Hippolyte", "antilles", "m"), ("Marie-Line", "Sainte-Rose", "antilles", "f"),
    ("Théodore", "Nestoret", "antilles", "m"), ("Rose-Aimée", "Pierre", "antilles", "f"),
]

# Words of names that are also ordinary French words (folded): "rose", "blanc", "petit"…
COMMON_WORDS = {
    "rose", "pierre", "blanc", "martin", "olive", "petit", "boulanger", "marchand", "berger", "fontaine", "blanche",
    "roux", "violette", "mouton", "noel", "victoire", "clement", "marguerite", "chevalier", "brun", "bastide", "mai", "duc", "fortune", "aimee",
}
PARTICLES = {"le", "la", "de", "du", "da", "dos", "ben", "el", "ould"}
TITLE_BEFORE = re.compile(r"(?:\bM\.|\bMme|\bMlle|\bMonsieur|\bMadame|\bMaître|\bDr)\s+$", re.IGNORECASE)

# {FORM} or {FORM:g}: a person in that written form, of gender g. N "Marc Dupont", P "Marc", S "Dupont",
# SIG "DUPONT Marc", FL "Marc DUPONT", UP "MARC DUPONT", n "marc dupont", p "marc", s "dupont".
TEMPLATES = [
    # call transcripts, one turn each
    ("call", "Conseiller : Bonjour, vous êtes bien chez Sérénis Assurances, {P:m} à votre écoute."),
    ("call", "Client : Oui bonjour, je m'appelle {N:m}, j'appelle pour ma facture de mars."),
    ("call", "Cliente : C'est {N:f}, j'ai déjà appelé trois fois cette semaine."),
    ("call", "Conseillère : Très bien madame {S:f}, je vous mets en attente un petit instant."),
    ("call", "Client : Votre collègue {P} m'avait dit que ce serait réglé sous huit jours."),
    ("call", "Client : Le contrat est au nom de ma femme, {N:f}."),
    ("call", "Conseiller : Je note, Monsieur {N:m}, votre dossier part au service technique."),
    ("call", "Cliente : {P:f} à l'appareil, je vous rappelle pour le remboursement."),
    ("call", "Conseiller : Je vais transférer votre appel à {N}, qui gère les litiges."),
    ("call", "Client : Bah écoutez, c'est monsieur {S:m} qui est venu installer la box et depuis plus rien."),
    ("call", "Conseillère : Je suis {P:f}, du service client, je reprends votre dossier."),
    ("call", "Client : Oui c'est pour mon père, {N:m}, il a quatre-vingt-deux ans et il comprend rien aux factures."),
    ("call", "Conseiller : Donc le titulaire c'est bien {N} ? Et vous êtes ?"),
    ("call", "Client : Mon fils {P:m} s'est inscrit sans me demander, je veux résilier."),
    ("call", "Cliente : Le technicien, un certain {S:m}, n'est jamais venu."),
    ("call", "Conseiller : Madame {S:f}, je vois deux prélèvements en double, je les annule."),
    ("call", "Client : J'ai eu {P} hier, très aimable d'ailleurs, mais rien n'a bougé."),
    ("call", "Conseillère : c'est {P:f} du service client, je vous rappelle comme convenu."),
    ("call", "Client : {N} m'a dit de rappeler, ça fait trois semaines."),
    ("call", "Cliente : Bonjour, c'est {N:f}, la voisine de {N:m}, il m'a demandé de vous appeler."),
    # e-mails
    ("email", "Bonjour,\n\nJe n'ai toujours pas reçu mon colis commandé le 3 février.\n\nCordialement,\n{N}"),
    ("email", ("Madame, Monsieur,\r\nJe vous prie de résilier mon abonnement à compter du 1er avril.\r\n"
              "Salutations distinguées,\r\n{SIG}\r\n")),
    ("email", ("Bonjour Madame {S:f},\n\nSuite à notre échange téléphonique, je vous envoie les justificatifs.\n\n"
              "Bien à vous,\n{N}")),
    ("email", ("Objet : réclamation facture\n\nBonjour,\nMa facture de janvier est le double de d'habitude. "
              "Merci de vérifier.\n\n{SIG}\nTél. : 06 12 34 56 78")),
    ("email", "Bonjour {P},\n\nMerci pour votre aide de ce matin, tout fonctionne.\n\n{N}"),
    ("email", ("Cher Monsieur {S:m},\r\n\r\nJe reviens vers vous concernant le dossier de sinistre.\r\n\r\n"
              "Cordialement\r\n{FL}")),
    ("email", "Bonjour,\nJe vous écris de la part de {N:f}, ma mère, qui ne peut plus se déplacer.\nMerci,\n{P}"),
    ("email", "Bonjour,\n\nVotre conseiller {N:m} m'avait promis un rappel avant vendredi. Toujours rien.\n\n{UP}"),
    ("email", "Merci de nous faire parvenir le devis signé.\n\n--\n{N}\nResponsable achats\nMenuiserie Brival"),
    ("email", "De : {N}\nÀ : service client\nObjet : Re: votre commande\n\nBonjour, le colis est arrivé abîmé."),
    ("email", "Bonjour Mme {S:f},\r\nJe vous confirme le rendez-vous de mardi à 14 h.\r\nBonne journée,\r\n{N}\r\n"),
    ("email", "Bonjour,\nC'est encore moi. Mme {N:f} m'a demandé de vous renvoyer le formulaire.\nCdt\n{SIG}"),
    ("email", "Monsieur le Directeur,\n\nJe vous écris au sujet de votre agent, M. {S:m}, dont l'attitude m'a choqué.\n\n{N}"),
    ("email", "Bonjour,\nje vous transfère le mail de {N}, resté sans réponse.\nBien cordialement,\n{FL}"),
    ("email", "Cordialement,\r\n{N}\r\n06 98 76 54 32"),
    ("email", "Dossier suivi par : {FL}\r\nRéf. : SIN-2023-118"),
    ("email", "Je soussigné(e) {N}, certifie sur l'honneur ne pas avoir reçu le colis."),
    # chat and SMS
    ("sms", "slt c {p} jsuis tjs sans internet depuis hier 😡"),
    ("sms", "bonjour je suis {n} mon numero client est CLI-2024-00412 merci de me rappeler"),
    ("chat", "Merci {P} 😊 super réactif !"),
    ("sms", "ok merci {p} 👍"),
    ("chat", "{P} : Bonjour, en quoi puis-je vous aider ?"),
    ("chat", "Vous êtes en relation avec {P}. Bonjour, en quoi puis-je vous aider ?"),
    ("sms", "mon mari {p:m} a appelé hier mais personne la rappelé"),
    ("sms", "c'est {n}, la livraison est prévue quand svp ?"),
    ("chat", "Bonjour c {N} jai pas recu le code de confirmation"),
    ("chat", "Re bonjour {P}, toujours rien reçu 🙁"),
    ("sms", "le livreur m'a dit de voir avec mme {s:f} à l'agence"),
    ("chat", "Nom : {SIG}\nMessage : colis non reçu, commande 45821"),
    ("sms", "Salut {p}, tu peux me renvoyer le lien du suivi stp ? 🙏"),
    ("sms", "coucou c'est {p:f} la fille de {n:f}, elle a pas reçu sa carte"),
    ("sms", "bjr, M. {S:m} devait passer ce matin, personne n'est venu !!"),
    ("chat", "Merci beaucoup {N}, vous m'avez sauvé la journée ❤️"),
    ("chat", "Bonjour, je suis {N} et je n'arrive pas à me connecter à mon espace client."),
    ("chat", "{P} a rejoint la conversation."),
    ("sms", "jai eu {p:f} au tel, elle ma dit que c'était bon"),
    ("sms", "merci {p} et bonne soirée 🌙"),
    ("chat", "je voudrais parler à {p} qui m'a eu la semaine dernière"),
    ("chat", "{P} du service facturation m'a rappelé, problème réglé en 5 minutes 👏"),
    # survey comments and agents' notes
    ("survey", "Très bon accueil de {N:f} à l'agence de Nantes, à l'écoute et efficace."),
    ("survey", "Le conseiller {P:m} a été top, il a pris le temps de tout m'expliquer."),
    ("survey", "Je tiens à remercier Mme {S:f} pour sa patience."),
    ("survey", "Déçue par {N:m}, qui m'a raccroché au nez."),
    ("survey", "RAS, merci à {P} et à {P} pour leur suivi."),
    ("survey", "Commentaire libre : {N} (technicien) est arrivé en retard mais a fait du bon travail."),
    ("survey", "{P} est vraiment au top !!"),
    ("survey", "Note 2/10. Personne ne répond, sauf {P:m} qui a fini par me rappeler."),
    ("survey", "Service après-vente lamentable, sauf M. {N:m} que je remercie."),
    ("survey", "Bravo à toute l'équipe, surtout {P:f} et {N:m}."),
    ("survey", "J'ai été reçue par Monsieur {S:m} qui ne connaissait pas mon dossier."),
    ("survey", "Madame {N:f} a été d'une grande aide pour le changement de compteur."),
    ("survey", "Conseillère très professionnelle ({N:f})."),
    ("survey", "Merci à {FL} pour son intervention rapide."),
    ("survey", "Pas de réponse de Maître {S} depuis deux mois, c'est inadmissible."),
    ("survey", "Le Dr {S} m'a conseillé de changer de mutuelle, d'où mon appel."),
    ("survey", "{N:m}, agence de Lyon : toujours souriant et disponible."),
    ("survey", "merci à {n} pour sa gentillesse"),
    ("note", "Appel de M. {UP:m} concernant le retard de livraison."),
    ("note", "NOTE CONSEILLER : rappeler {SIG} avant 18h."),
    ("note", "Transfert au N2 demandé par {N}. Client très mécontent."),
    ("note", "Le colis a été remis à {N}, qui n'habite pas là !"),
    ("note", "Rappel client {UP} le 12/03, pas de réponse, message laissé."),
]

# Sentences with no person in them, but with what NER and the rules may take for one: brands and shops
# (some named after a person), towns, streets and schools named after famous people, products, months,
# feasts, first names that are also cars or shops (Zoé, Mégane, Jules), ordinary words that are names.
ORDINARY = [
    "J'ai résilié mon abonnement Orange pour passer chez Free, et depuis je n'ai plus de fixe.",
    "La Poste m'a dit que le colis était en instance au bureau de Villeneuve-d'Ascq.",
    "EDF m'a envoyé une facture de régularisation de 412 € en plein mois d'août.",
    "Ma Livebox clignote orange depuis dimanche, impossible de regarder Netflix.",
    "J'ai acheté une machine à laver chez Boulanger, livrée avec deux semaines de retard.",
    "Commande passée sur Leroy Merlin, retrait en magasin à Clermont-Ferrand impossible.",
    "Le soin Yves Rocher que j'ai reçu n'est pas celui que j'avais commandé.",
    "J'habite avenue Jean Jaurès et le technicien n'a jamais trouvé l'adresse.",
    "Le lycée Victor Hugo a changé d'opérateur, et depuis le réseau est saturé.",
    "Je prends le TGV à Saint-Étienne tous les lundis et le wifi ne marche jamais.",
    "Ma Renault Zoé est en panne de batterie depuis la mise à jour.",
    "J'ai reçu un SMS de Chronopost alors que le colis était confié à Colissimo.",
    "Mon conseiller de la Banque Postale m'a orienté vers Cetelem pour le crédit.",
    "Le Crédit Agricole a prélevé deux fois la cotisation de ma carte Visa Premier.",
    "Depuis le passage à la fibre SFR, les chaînes Canal+ coupent tous les soirs.",
    "J'ai commandé des roses pour la fête des mères, elles sont arrivées fanées.",
    "Le gâteau était trop petit et la crème pas assez blanche.",
    "J'ai payé avec ma carte Mastercard à la Fnac de Montparnasse.",
    "Le magasin Carrefour de Saint-Denis n'accepte plus les chèques.",
    "Pôle emploi m'a demandé une attestation que la CAF refuse de me donner.",
    "Sur Vinted, l'acheteur dit qu'il n'a rien reçu alors que Mondial Relay indique livré.",
    "Le rendez-vous pris sur Doctolib a été annulé sans prévenir.",
    "Engie a augmenté ma mensualité de 30 % en janvier.",
    "Mon forfait Sosh ne capte plus depuis que je suis à Aix-en-Provence.",
    "Je voulais des olives vertes et j'ai reçu des noires.",
    "La pierre de la terrasse s'est fendue juste après la pose.",
    "J'avais réservé un hôtel à Saint-Martin pour la Toussaint, vol annulé par la compagnie.",
    "Le vol Air France pour Pointe-à-Pitre a été retardé de six heures.",
    "Le Bon Marché refuse l'échange d'un pull acheté en solde.",
    "Mon iPhone 13 acheté chez Bouygues Telecom ne charge plus.",
    "Le Galaxy S22 a été remplacé par un modèle reconditionné sans mon accord.",
    "Ma Freebox Pop redémarre toute seule plusieurs fois par nuit.",
    "Mercedes m'a proposé un véhicule de prêt, Peugeot jamais.",
    "Je suis client à la Société Générale depuis vingt ans et je n'ai jamais vu ça.",
    "La Caisse d'Épargne Île-de-France a bloqué ma carte sans raison.",
    "Ma Mégane est restée trois semaines au garage Renault de Bourges.",
    "Commande Darty : le frigo Samsung est arrivé rayé.",
    "Le relais colis du Tabac de la Mairie est fermé le lundi.",
    "Mes chaussures Salomon ont une semelle décollée après un mois.",
    "La pharmacie Lafayette de Nancy ne prend pas la carte Vitale.",
    "Ameli ne m'a toujours pas remboursé la consultation de février.",
    "J'ai pris l'option Disney+ et Deezer, facturées deux fois.",
    "Le château de Versailles a annulé notre visite à cause de la grève.",
    "J'attends le remboursement Blablacar depuis le 15 mars.",
    "J'ai fait le plein chez TotalEnergies et la borne a débité 120 €.",
    "La Banque Populaire Grand Ouest a fermé l'agence de Quimper.",
    "Le magasin Jules du centre commercial n'a plus ma taille.",
    "Je commande souvent chez Damart mais là, le colis est perdu.",
    "J'ai acheté un parfum Jean Paul Gaultier qui sentait l'alcool.",
    "Mon mixeur Moulinex a lâché au bout de trois mois, et SEB refuse la garantie.",
    "Rouge, vert, rose ou blanc : aucune couleur n'était disponible.",
    "Au Printemps Haussmann, la caisse m'a facturé deux fois.",
    "J'ai réglé par chèque à l'ordre du Trésor public, encaissé en mai.",
    "La Mutuelle Générale a perdu mes feuilles de soins.",
    "Le colis parti de Roissy-Charles-de-Gaulle est bloqué en douane.",
    "Je suis allé à la gare Saint-Lazare pour récupérer mon billet Ouigo.",
    "Mon compte Amazon Prime a été débité alors que j'avais résilié.",
    "Leboncoin m'a suspendu mon compte sans raison.",
    "Mon abonnement à L'Équipe n'a pas été renouvelé.",
    "Le garage Norauto de Mérignac m'a facturé des pièces non changées.",
    "Depuis Pâques, plus aucun courrier de La Redoute.",
    "La facture Veolia de l'immeuble est arrivée au nom de l'ancien syndic.",
    "Merci pour la rapidité, tout est réglé !",
    "Service client injoignable, j'ai attendu quarante minutes en musique.",
    "Le conseiller m'a dit de rappeler lundi, mais lundi c'était fermé.",
    "Il fait un temps de chien à Brest, et la box saute à chaque orage.",
    "Ma commande Picard contenait des glaces à moitié fondues.",
    "J'ai un abonnement Basic-Fit à Villeurbanne que je ne peux pas résilier en ligne.",
    "La Martinique et la Guadeloupe ne sont pas livrées, m'a dit la hotline.",
    "J'ai pris un forfait Red by SFR, mais la portabilité du numéro a échoué.",
    "Chez Decathlon à Villeneuve-la-Garenne, on m'a refusé le remboursement.",
    "J'ai reçu un appel de Saint-Gobain pour un devis d'isolation jamais demandé.",
    "Le Père Noël n'est pas passé : le jouet commandé chez King Jouet est arrivé le 27.",
    "Paiement refusé sur PayPal, puis accepté sur Lydia, et débité deux fois.",
    "Le numéro vert de Bouygues ne répond jamais avant 9 h.",
    "Mon contrat Allianz Habitation a été résilié pour défaut de paiement alors que tout était payé.",
    "Les Galeries Lafayette ont refusé mon bon d'achat de Noël.",
    "La Clio de location avait un pneu crevé à l'aéroport Nice Côte d'Azur.",
    "La Marianne du timbre était déchirée et le courrier m'a été retourné.",
    "Au Bureau Vallée de Colmar, l'imprimante était en panne.",
    "Le martin-pêcheur en peluche est arrivé sans son étiquette.\r\nMerci de me rappeler.",
    "Bonjour 😊 la Livebox refonctionne depuis Mardi, merci !",
]

EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff]")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def _render(form: str, first: str, last: str) -> str:
    return {
        "N": f"{first} {last}", "P": first, "S": last, "SIG": f"{last.upper()} {first}", "FL": f"{first} {last.upper()}",
        "UP": f"{first} {last}".upper(), "n": f"{first} {last}".lower(), "p": first.lower(), "s": last.lower(),
    }[form]


def categories(text: str, start: int, end: int, form: str, first: str, last: str, origin: str) -> list[str]:
    """The categories of one planted name, from the name as written and what surrounds it."""
    name = text[start:end]
    words = [w for w in re.split(r"[\s\-']+", name) if w]
    has_first, has_last = form not in ("S", "s"), form not in ("P", "p")
    cats = []
    if "-" in name or (has_first and " " in first):
        cats.append("compound")
    if has_last and _fold(last.replace("'", " ").split()[0]) in PARTICLES | {"d"}:
        cats.append("particle")
    if origin == "antilles":
        cats.append("antillean")
    elif origin != "fr":
        cats.append("foreign-origin")
    if name == name.lower():
        cats.append("lower-case")
    if any(len(w) > 1 and w.isupper() for w in words):
        cats.append("capitals")
    if TITLE_BEFORE.search(text[:start]):
        cats.append("title-prefixed")
    if any(_fold(w) in COMMON_WORDS for w in words):
        cats.append("common-word")
    if form in ("P", "p"):
        cats.append("first-name-alone")
    if form in ("S", "s"):
        cats.append("surname-alone")
    before = text[:start].rstrip(" \t\"«(")
    if not before or before[-1] in ".!?:\n":
        cats.append("sentence-start")
    if EMOJI.search(text[max(0, start - 3):end + 3]) or "\r\n" in text[max(0, start - 2):end + 2]:
        cats.append("emoji-or-crlf")
    return cats


def build() -> list[dict[str, object]]:
    rng = random.Random(20)
    pools = {g: [p for p in PEOPLE if p[3] == g] for g in ("m", "f")}
    for pool in pools.values():
        rng.shuffle(pool)
    cursors = {"m": 0, "f": 0}
    slot = re.compile(r"\{(N|P|S|SIG|FL|UP|n|p|s)(?::([mf]))?\}")
    rows: list[dict[str, object]] = []
    count = 0
    for variant in range(VARIANTS):
        for channel, template in TEMPLATES:
            used: set[tuple[str, ...]] = set()
            text, names, position = "", [], 0
            for match in slot.finditer(template):
                form, gender = match.group(1), match.group(2) or "mf"[count % 2]
                count += 1
                while True:
                    person = pools[gender][cursors[gender] % len(pools[gender])]
                    cursors[gender] += 1
                    if person not in used:
                        break
                used.add(person)
                first, last, origin, _ = person
                text += template[position:match.start()]
                start = len(text)
                text += _render(form, first, last)
                names.append((start, len(text), form, first, last, origin))
                position = match.end()
            text += template[position:]
            rows.append({
                "id": f"n{len(rows) + 1:03d}", "set": "names", "channel": channel, "text": text,
                "names": [{"start": s, "end": e, "text": text[s:e], "kind": "person", "form": form, "origin": origin,
                           "categories": categories(text, s, e, form, first, last, origin)}
                          for s, e, form, first, last, origin in names],
            })
    rows += [{"id": f"o{i:03d}", "set": "ordinary", "channel": "ordinary", "text": text, "names": []}
             for i, text in enumerate(ORDINARY, 1)]
    return rows


def main() -> None:
    rows = build()
    for row in rows:
        for name in row["names"]:  # type: ignore[attr-defined]
            assert row["text"][name["start"]:name["end"]] == name["text"], (row["id"], name)  # type: ignore[index]
    OUT.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    planted = sum(len(row["names"]) for row in rows)  # type: ignore[arg-type]
    print(f"{OUT}: {sum(row['set'] == 'names' for row in rows)} texts, {planted} names, "
          f"{sum(row['set'] == 'ordinary' for row in rows)} ordinary sentences")


if __name__ == "__main__":
    main()
