"""Writes planted.jsonl: French verbatims with planted personal data, and what was planted where.

Run once (python tests/data/pseudo/make_planted.py); the output is committed. Check digits are computed
here, independently of workbench/text/pii.py, so the test does not check the code against itself.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(20240611)


def iban(country: str, length: int) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(length - 4))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def grouped(text: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(text[i:i + size] for i in range(0, len(text), size))


def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def amex_grouped(number: str) -> str:
    return f"{number[:4]} {number[4:10]} {number[10:]}"


PEOPLE = [
    "Lucie Fontaine", "Benoît Lambert", "Hugo Barbier", "Claire Moreau", "Jean-Baptiste Roussel", "Nathalie Lefebvre",
    "Sylvain Mercier", "Amélie Garnier", "Kevin Morel", "Sophie Girard", "Thomas Bonnet", "Émilie Dupuis",
    "Karim Haddad", "Fatoumata Diallo", "Julien Marchand", "Laura Chevalier", "Nicolas Perrin", "Isabelle Roux",
    "Mathieu Gauthier", "Chloé Robin", "Antoine Masson", "Céline Fabre", "Yann Le Gall", "Anne-Sophie Collet",
    "Pierre Dumas", "Léa Brunet", "Mehdi Benali", "Valérie Lemaire", "David Cohen", "Sandrine Aubert",
]
NAME_TEMPLATES = [
    "Bonjour, je m'appelle {n} et j'attends toujours mon remboursement.",
    "J'ai eu au téléphone votre conseiller {n}, qui a été très aimable.",
    "Madame {last} m'a promis un geste commercial qui n'est jamais arrivé.",
    "Cordialement,\n{n}",
    "Mon mari, {n}, a appelé trois fois sans réponse.",
    "Je remercie {n} pour sa patience lors de l'installation.",
    "Le technicien {n} est venu mardi mais n'a rien réparé.",
    "Signé : {n}, client depuis 2012.",
    "Merci à M. {last} pour son aide précieuse.",
    "Vous pouvez joindre ma fille {n} si je ne réponds pas.",
]
EMAILS = ["lucie.fontaine@gmail.com", "b.lambert+alvea@orange.fr", "HUGO_BARBIER@Example.org", "claire-moreau@free.fr",
          "jb.roussel@mail.laposte.net", "contact@boulangerie-dupuis.fr", "n.lefebvre75@hotmail.fr", "k.haddad@yahoo.fr"]
EMAIL_TEMPLATES = ["Écrivez-moi à {e} s'il vous plaît.", "Mon adresse mail a changé : {e}", "({e}) ne reçoit plus vos factures."]
PHONES = ["06 12 34 56 78", "06.23.45.67.89", "07-34-56-78-90", "0645678901", "+33 6 56 78 90 12", "+33612345670",
          "0033 6 78 90 12 34", "+33 (0)1 23 45 67 89", "01 44 55 66 77", "09 87 65 43 21", "+44 20 7946 0958",
          "+1 514 555 0199", "+32 2 123 45 67", "+49 30 1234567", "02 99 12 34 56", "0 800 12 34 56"]
PHONE_TEMPLATES = ["Rappelez-moi au {p} après 18h.", "Mon numéro : {p}.", "J'ai appelé le {p} sans succès",
                   "Joignable au {p} ou par mail."]
ADDRESSES = ["12 rue des Lilas, 75011 Paris", "3 bis avenue Jean Jaurès, 69007 Lyon", "45 boulevard de la Liberté, 59800 Lille",
             "8 impasse du Moulin, 35000 Rennes", "27 place Bellecour, 69002 Lyon", "112 chemin des Vignes, 33000 Bordeaux"]
ADDRESS_TEMPLATES = ["Livrez au {a} et pas ailleurs.", "J'habite {a} depuis un an.", "Nouvelle adresse : {a}."]


def main() -> None:
    rows = []
    ibans = [grouped(iban("FR", 27)), grouped(iban("FR", 27)), iban("FR", 27), grouped(iban("DE", 22)),
             grouped(iban("BE", 16)), iban("ES", 24), grouped(iban("IT", 27)), grouped(iban("FR", 27))]
    cards = [grouped(luhn_complete("4970", 16)), grouped(luhn_complete("5132", 16), sep="-"), luhn_complete("4539", 16),
             amex_grouped(luhn_complete("37", 15)), grouped(luhn_complete("4", 16)),
             grouped(luhn_complete("5500", 16))]
    for i, name in enumerate(PEOPLE):
        template = NAME_TEMPLATES[i % len(NAME_TEMPLATES)]
        last = name.split(" ", 1)[1]
        planted = last if "{last}" in template else name
        rows.append({"text": template.format(n=name, last=last), "pii": [{"kind": "person", "text": planted}]})
    for i, email in enumerate(EMAILS):
        rows.append({"text": EMAIL_TEMPLATES[i % 3].format(e=email), "pii": [{"kind": "email", "text": email}]})
    for i, phone in enumerate(PHONES):
        rows.append({"text": PHONE_TEMPLATES[i % 4].format(p=phone), "pii": [{"kind": "phone", "text": phone}]})
    for i, number in enumerate(ibans):
        text = ["Voici mon RIB, IBAN {x}, merci de corriger.", "Prélevez sur le compte {x} désormais.",
                "IBAN: {x}"][i % 3].format(x=number)
        rows.append({"text": text, "pii": [{"kind": "iban", "text": number}]})
    for i, number in enumerate(cards):
        text = ["Ma carte {x} a été débitée deux fois.", "Carte n° {x}, expiration 09/27.",
                "Le paiement avec la carte {x} a échoué"][i % 3].format(x=number)
        rows.append({"text": text, "pii": [{"kind": "card", "text": number}]})
    for i, address in enumerate(ADDRESSES):
        rows.append({"text": ADDRESS_TEMPLATES[i % 3].format(a=address), "pii": [{"kind": "address", "text": address}]})
    rows.append({
        "text": f"Client CLI-2024-00123, contrat CT-884512 : {PEOPLE[0]} ({EMAILS[0]}), tél {PHONES[0]}.",
        "pii": [{"kind": "customer", "text": "CLI-2024-00123"}, {"kind": "contract", "text": "CT-884512"},
                {"kind": "person", "text": PEOPLE[0]}, {"kind": "email", "text": EMAILS[0]},
                {"kind": "phone", "text": PHONES[0]}],
    })
    with (HERE / "planted.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
