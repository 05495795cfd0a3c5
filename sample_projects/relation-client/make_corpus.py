# -*- coding: utf-8 -*-
"""Deterministic generator of the French demo corpus `sample_projects/relation-client/`.

Run from anywhere:  python sample_projects/relation-client/make_corpus.py
Needs python-docx and openpyxl. Re-running reproduces the same files byte for byte
(fixed seed, fixed dates, Message-IDs, mbox From_ lines, docx/xlsx core properties and
zip timestamps).

All brands, people, phone numbers, addresses, IBANs, card numbers and e-mail addresses
are fictional. The texts are composed from hand-written fragments (fragments.py).
"""
from __future__ import annotations

import csv
import datetime as dt
import email.policy
import html
import io
import mailbox
import os
import random
import re
import sys
import textwrap
import unicodedata
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import fragments as F  # noqa: E402

SEED = 20260312
BRAND = F.BRAND
SERVICE_ADDR = "service-client@alvea.example.fr"
RECLAM_ADDR = "reclamations@alvea.example.fr"

# relationship form -> (weight, reasons, emotions, nps range, effort range, seniority range in years)
FORM_SPEC = {
    "committed_partnership": (10, ["compliment", "information_request", "subscription_change", "billing", "delivery", "product_defect", "price", "refund"],
                              ["trust", "gratitude", "joy", "disappointment", "worry", "relief"], (8, 10), (1, 3), (6, 25)),
    "best_friendship": (6, ["compliment", "agent_behaviour", "information_request", "subscription_change", "product_defect"],
                        ["joy", "gratitude", "trust", "surprise", "disappointment"], (9, 10), (1, 2), (3, 20)),
    "fling": (8, ["subscription_change", "price", "cancellation", "order", "information_request"],
              ["anticipation", "joy", "surprise", "disappointment"], (5, 9), (1, 3), (0.2, 1.5)),
    "enmity": (9, ["billing", "cancellation", "contact_difficulty", "agent_behaviour", "refund", "product_defect"],
               ["anger", "disgust", "frustration"], (0, 2), (4, 5), (1, 15)),
    "adversaries": (5, ["billing", "refund", "cancellation", "payment", "contact_difficulty"],
                    ["anger", "frustration", "disgust"], (0, 3), (4, 5), (1, 12)),
    "dependency": (7, ["account_access", "information_request", "billing", "product_defect", "contact_difficulty", "payment", "compliment"],
                   ["worry", "fear", "confusion", "relief", "gratitude"], (6, 10), (2, 5), (5, 30)),
    "courtship": (7, ["information_request", "order", "subscription_change", "delivery", "price", "compliment"],
                  ["anticipation", "trust", "surprise", "worry", "joy"], (6, 9), (1, 3), (0, 0.3)),
    "enslavement": (7, ["cancellation", "price", "billing", "subscription_change", "contact_difficulty"],
                    ["frustration", "anger", "sadness", "disgust"], (0, 4), (3, 5), (1, 10)),
    "marriage_of_convenience": (6, ["billing", "subscription_change", "information_request", "price", "delivery", "payment", "refund"],
                                ["trust", "confusion", "frustration", "surprise"], (5, 8), (2, 4), (2, 15)),
    "rebound": (7, ["order", "delivery", "information_request", "subscription_change", "compliment", "product_defect"],
                ["relief", "worry", "joy", "anticipation", "trust"], (6, 10), (1, 3), (0.1, 2)),
    "casual_friends": (6, ["information_request", "billing", "payment", "delivery", "order", "account_access"],
                       ["trust", "surprise", "confusion", "joy", "relief", "fear"], (6, 8), (1, 3), (2, 12)),
    "basic_exchange": (8, ["billing", "price", "order", "delivery", "information_request", "product_defect", "payment", "refund"],
                       ["trust", "frustration", "surprise", "disappointment", "relief"], (6, 9), (1, 3), (1, 12)),
    "business_partners": (5, ["information_request", "compliment", "product_defect", "account_access", "subscription_change"],
                          ["anticipation", "trust", "frustration", "surprise"], (7, 10), (2, 3), (2, 15)),
    "ex_friends": (8, ["price", "billing", "cancellation", "agent_behaviour", "subscription_change", "refund"],
                   ["disappointment", "sadness", "anger"], (2, 6), (3, 5), (8, 22)),
    "kinship": (5, ["subscription_change", "account_access", "information_request", "billing", "cancellation", "compliment"],
                ["sadness", "trust", "confusion", "gratitude", "fear"], (5, 9), (2, 4), (1, 40)),
    "childhood_friendship": (3, ["compliment", "information_request", "subscription_change", "order"],
                             ["joy", "gratitude", "sadness", "trust"], (8, 10), (1, 3), (1, 20)),
    "arranged_marriage": (3, ["billing", "information_request", "account_access", "subscription_change", "contact_difficulty"],
                          ["confusion", "frustration", "surprise"], (4, 7), (2, 4), (1, 8)),
    "master_slave": (3, ["agent_behaviour", "contact_difficulty", "delivery", "order", "product_defect", "refund"],
                     ["anger", "frustration", "anticipation", "disappointment"], (3, 8), (2, 5), (3, 15)),
    "secret_affair": (2, ["billing", "subscription_change", "account_access", "order"],
                      ["fear", "worry", "anticipation"], (5, 8), (2, 4), (0.5, 4)),
    "compartmentalised_friendship": (2, ["subscription_change", "information_request", "billing", "order"],
                                     ["joy", "trust", "anticipation"], (7, 9), (1, 3), (2, 12)),
}
NEGATIVE_EMOS = {"anger", "disgust", "frustration", "disappointment", "sadness", "fear", "worry", "confusion"}
HOSTILE_FORMS = {"enmity", "adversaries", "enslavement", "ex_friends", "master_slave"}
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
NIEME = ["deuxième", "troisième", "quatrième", "cinquième", "sixième"]
DELAIS = ["trois semaines", "deux mois", "dix jours", "un mois et demi", "quinze jours", "six semaines", "trois mois"]
CITY_CP = {"Nantes": "44", "Lille": "59", "Rennes": "35", "Toulouse": "31", "Grenoble": "38", "Dijon": "21", "Limoges": "87", "Brest": "29",
           "Metz": "57", "Perpignan": "66", "Angers": "49", "Clermont-Ferrand": "63", "Tours": "37", "Pau": "64", "Rouen": "76", "Besançon": "25"}
FIXED_TIME = (2026, 3, 12, 9, 0, 0)
PARIS_WINTER = dt.timezone(dt.timedelta(hours=1))
PARIS_SUMMER = dt.timezone(dt.timedelta(hours=2))

FEM_TO_MASC = [("Je suis cliente", "Je suis client"), ("trahie", "trahi"), ("âgée", "âgé"), ("perdue", "perdu"),
               ("prisonnière", "prisonnier"), ("suis arrivée", "suis arrivé"), ("écœurée", "écœuré"), ("séduite", "séduit"),
               ("inquiète", "inquiet"), ("déçue", "déçu"), ("terrorisée", "terrorisé"), ("Désolée", "Désolé"), ("prête", "prêt"),
               ("à moitié partie", "à moitié parti"), ("abonnée", "abonné"), ("rappelée", "rappelé"), ("Soulagée", "Soulagé"),
               ("attentive", "attentif"), ("habituée", "habitué"), ("une amie", "un ami"), ("cliente modèle", "client modèle"),
               ("pas encore cliente", "pas encore client"), ("vraiment cliente", "vraiment client"), ("amoureuse", "amoureux"),
               ("Mon mari", "Ma femme"), ("mon mari", "ma femme"), ("il est décédé", "elle est décédée"), ("écoutée", "écouté"),
               ("Je suis infirmière", "Je suis infirmier"), ("séduite pour", "séduit pour"), ("déçue.", "déçu.")]
MASC_TO_FEM = [("Je suis un client", "Je suis une cliente"), ("Je suis coincé", "Je suis coincée"), ("suis parti de", "suis partie de"),
               ("Je suis nouveau", "Je suis nouvelle"), ("séduit par", "séduite par"), ("Je suis client", "Je suis cliente"),
               ("suis arrivé ", "suis arrivée "), ("obligé", "obligée"), ("naïf", "naïve"), ("je suis content", "je suis contente"),
               ("un client très exigeant", "une cliente très exigeante"), ("Je suis exigeant", "Je suis exigeante"),
               ("Je suis développeur", "Je suis développeuse"), ("Je me sens captif", "Je me sens captive"),
               ("client de longue date", "cliente de longue date"), ("je suis resté", "je suis restée"), ("Resté par", "Restée par"),
               ("Venu pour", "Venue pour"), ("Abonné pour", "Abonnée pour"), ("Coincé par", "Coincée par"), ("trahi par", "trahie par"),
               ("Parti de chez", "Partie de chez"), ("soulagé.", "soulagée."), ("Nouveau client", "Nouvelle cliente"),
               ("Client depuis", "Cliente depuis"), ("Client Premium", "Cliente Premium"), ("client Premium", "cliente Premium"),
               ("un client fidèle", "une cliente fidèle"), ("Je suis parti", "Je suis partie"), ("Client tranquille", "Cliente tranquille"),
               ("Je suis prisonnier", "Je suis prisonnière"), ("aussi satisfait", "aussi satisfaite"), ("je me sens lâché", "je me sens lâchée"), ("je suis sûr ", "je suis sûre "), ("Je suis sûr ", "Je suis sûre ")]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def fr_amount(x: float) -> str:
    return f"{x:,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0€"


def iban(rng: random.Random) -> str:
    """A French IBAN with a valid RIB key and valid check digits (hence always FR76), fictional bank codes."""
    bank, branch, account = rng.randint(10000, 99999), rng.randint(10, 99999), rng.randint(0, 10**11 - 1)
    key = 97 - (89 * bank + 15 * branch + 3 * account) % 97
    bban = f"{bank:05d}{branch:05d}{account:011d}{key:02d}"
    num = int(bban + "152700")  # F=15 R=27 00
    check = 98 - num % 97
    raw = f"FR{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def card(rng: random.Random) -> str:
    digits = [4, 9, 7, 4] + [rng.randint(0, 9) for _ in range(11)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i:i + 4] for i in range(0, 16, 4))


def phone(rng: random.Random) -> str:
    pre = rng.choice(["06", "07", "06", "01", "02", "09"])
    nums = [pre] + [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    style = rng.random()
    if style < 0.45:
        return " ".join(nums)
    if style < 0.65:
        return "+33 " + nums[0][1] + " " + " ".join(nums[1:])
    if style < 0.85:
        return ".".join(nums)
    return "".join(nums)


def ascii_local(s: str) -> str:
    return re.sub(r"[^a-z.-]", "", strip_accents(s).lower().replace(" ", "-"))


class Ctx(dict):
    def __missing__(self, key):  # an unknown slot is a bug in fragments.py
        raise KeyError(key)


def new_ctx(rng: random.Random, form: str, when: dt.date) -> Ctx:
    fem = rng.random() < 0.55
    if form == "dependency":
        fem = rng.random() < 0.75
    prenom = rng.choice(F.FIRST_F if fem else F.FIRST_M)
    nom = rng.choice(F.LAST)
    lo, hi = FORM_SPEC[form][5]
    sen = rng.uniform(lo, hi)
    years = max(1, int(round(sen)))
    habituel = round(rng.uniform(38, 95), 2)
    montant = round(habituel * rng.uniform(1.4, 3.2), 2)
    city = rng.choice(F.CITIES)
    c = Ctx(
        marque=BRAND, fem=fem, sen=sen, prenom=prenom, nom=nom, civ="Madame" if fem else "Monsieur",
        e="e" if fem else "", x="",
        years=str(years), since=str(when.year - years), age=str(rng.randint(74, 91)),
        concurrent=rng.choice(F.COMPETITORS), offre=rng.choice(F.OFFERS),
        montant=fr_amount(montant), montant_habituel=fr_amount(habituel),
        hausse=f"{rng.choice([9, 12, 14, 18, 23, 27])} %", mois=MOIS[(when.month - 2) % 12],
        commande=f"CMD-{when.year}-{rng.randint(10000, 99999):06d}", num_client=f"CLI-{rng.randint(2015, 2025)}-{rng.randint(1, 99999):05d}",
        contrat=f"CT-{rng.randint(100000, 999999)}", facture=f"{when.year}{rng.randint(1000000, 9999999)}",
        ville=city, delai=rng.choice(DELAIS), nieme=rng.choice(NIEME), agent=rng.choice(["Sarah", "Maëlle", "Sylvie", "Amandine", "Laetitia"]),
        jour=f"{rng.randint(2, 27)} {MOIS[(when.month - 1) % 12]}", annee_fin=str(when.year + rng.randint(1, 2)),
        tel=phone(rng), iban=iban(rng), carte=card(rng),
        adresse=f"{rng.randint(2, 140)} {rng.choice(F.STREETS)}, {CITY_CP[city]}{rng.choice(['000', '000', '100', '200'])} {city}",
        dossier=f"DOS-{rng.randint(100000, 999999)}",
    )
    c["email"] = f"{ascii_local(prenom)}.{ascii_local(nom)}{rng.choice(['', '', str(rng.randint(50, 99))])}@{rng.choice(['example.fr', 'example.com', 'example.net', 'mail.example.org'])}"
    return c


def emo_pick(rng: random.Random, items: list[str], reason: str) -> str:
    """Pick an emotion fragment; '[r1,r2] text' fragments only fit those contact reasons."""
    ok = []
    for it in items:
        m = re.match(r"\[([a-z_,]+)\] (.*)", it, re.S)
        if m is None:
            ok.append(it)
        elif reason in m.group(1).split(","):
            ok.append(m.group(2))
    return rng.choice(ok)


def emo_two(rng: random.Random, items: list[str], reason: str) -> list[str]:
    first = emo_pick(rng, items, reason)
    for _ in range(20):
        second = emo_pick(rng, items, reason)
        if second != first:
            return [first, second]
    return [first]


def fill(template: str, ctx: Ctx) -> str:
    out = template.format_map(ctx)
    out = re.sub(r"\b([dD])e (août|avril|octobre)", r"\1'\2", out)
    out = re.sub(r"\b([dD])e (?=[AEIOUÉ][a-zé])", r"\1'", out)
    return gender(out, ctx["fem"])


def gender(text: str, fem: bool) -> str:
    pairs = MASC_TO_FEM if fem else FEM_TO_MASC
    for a, b in pairs:
        if a in text:
            pat = (r"\b" if a[0].isalpha() else "") + re.escape(a) + (r"\b" if a[-1].isalpha() else "")
            text = re.sub(pat, b, text)
    if fem:
        text = text.replace("FURIEUX", "FURIEUSE").replace("Furieux", "Furieuse").replace("furieux", "furieuse").replace("curieux", "curieuse").replace("Curieux", "Curieuse")
    text = text.replace("inquiete", "inquiète").replace("Inquiete", "Inquiète")
    return text


def agent_gender(text: str, fem_agent: bool) -> str:
    if fem_agent:
        return text
    for a, b in [("désolée", "désolé"), ("navrée", "navré"), ("interlocutrice", "interlocuteur"), ("Conseillère clientèle", "Conseiller clientèle")]:
        text = text.replace(a, b)
    return text


# ---------------------------------------------------------------------------
# noise: typos, SMS style, oral hesitations
# ---------------------------------------------------------------------------
def typos(text: str, rng: random.Random, level: float) -> str:
    """Realistic spelling mistakes; level in 0..1."""
    if rng.random() < 0.35 * level + 0.1:
        text = re.sub(r"\bça\b", "sa", text)
    if rng.random() < 0.3 * level:
        text = text.replace("c'est", rng.choice(["c est", "cest", "sest"]))
    if rng.random() < 0.4 * level:
        text = re.sub(r"\bje n'(\w+) pas\b", r"j'\1 pas", text)
        text = text.replace("je ne ", "je ")
    if rng.random() < 0.3 * level:
        text = text.replace(" à ", " a ").replace("où ", "ou ")
    if rng.random() < 0.25 * level:
        for a, b in [("s'il vous plaît", "svp"), ("beaucoup", "bcp"), ("parce que", "pcq"), ("quelque chose", "qqch"), ("rendez-vous", "rdv"), ("aujourd'hui", "aujourdhui")]:
            text = text.replace(a, b)
    if rng.random() < 0.5 * level:
        text = strip_accents(text) if rng.random() < 0.5 else re.sub(r"[éèê]", lambda m: rng.choice([m.group(0), "e"]), text)
    words = text.split(" ")
    for _ in range(int(len(words) * 0.04 * level) + (1 if rng.random() < level else 0)):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(1, len(w) - 1)
            op = rng.random()
            if op < 0.4:
                w = w[:j] + w[j] + w[j:]  # doubled letter
            elif op < 0.75:
                w = w[:j] + w[j + 1] + w[j] + w[j + 2:]  # swapped letters
            else:
                w = w[:j] + w[j + 1:]  # missing letter
            words[i] = w
    text = " ".join(words)
    if rng.random() < 0.25 * level:
        text = re.sub(r"[.,;](?=\s|$)", "", text)
    if rng.random() < 0.3 * level:
        text = text.lower()
    return text


COMMON_STARTS = {"je", "j'ai", "j'avais", "j'attends", "j'ai", "on", "le", "la", "les", "ma", "mon", "mes", "oui", "non", "c'est", "il", "elle",
                 "ça", "vous", "alors", "depuis", "pour", "après", "chez", "quand", "si", "dans", "avec", "ce", "mais", "et", "tant", "dès",
                 "votre", "sans", "merci", "un", "une", "dans", "à", "avant", "ouf", "quelle", "franchement", "surtout", "rien", "tout", "ras",
                 "honnêtement", "pouvez-vous", "est-ce", "comment", "quel", "quelle", "sur", "au", "continuez", "convainquez-moi", "proposez-moi",
                 "montrez-moi", "dites", "corrigez", "faites", "gardez", "pas", "petite", "bon", "attendez"}


PROPER = set(F.FIRST_F + F.FIRST_M + F.LAST + F.CITIES + F.AGENTS + [BRAND, "Madame", "Monsieur", "Instagram", "Noël", "Montréal",
                                                                      "Twitter", "Facebook", "Trustpilot", "Premium", "Wi-Fi", "Lyon", "Bretagne"])
PROPER |= {w for c in F.COMPETITORS for w in c.split()}


def lower_first(s: str) -> str:
    w = s.split(" ", 1)[0]
    bare = w.strip(",.!?:;«»\"'")
    if not bare or bare.isupper() or any(ch.isdigit() for ch in bare) or bare in PROPER or bare.split("'")[0] in PROPER:
        return s
    if w.lower().strip(",.!?") in COMMON_STARTS or (len(bare) > 1 and bare[1:].islower()):
        return s[0].lower() + s[1:]
    return s


def oral(text: str, rng: random.Random, level: float = 0.5) -> str:
    """Turn a written sentence sequence into something that sounds spoken."""
    sents = re.split(r"(?<=[.!?…])\s+", text.strip())
    out = []
    last_filler = None
    for s in sents:
        if not s:
            continue
        ws = s.split(" ")
        if len(ws) < 3 or not s[0].isalpha():
            out.append(s)
            continue
        if len(ws) > 5 and rng.random() < level * 0.3 and ws[0].isalpha():
            ws = [ws[0], ws[0].lower()] + ws[1:]  # repetition
        if len(ws) > 5 and rng.random() < level * 0.4:
            k = rng.randrange(1, len(ws) - 1)
            if len(ws[k]) < 8 and ws[k].isalpha():
                ws.insert(k + 1, rng.choice(["euh", "euh…", ws[k] + " euh", "euh"]) if rng.random() < 0.7 else "…")
        s = " ".join(ws)
        if rng.random() < level:
            f = rng.choice([x for x in F.FILLERS if x != last_filler])
            last_filler = f
            if f == "hein":
                if s[-1] in ".!" and len(ws) > 3:
                    s = s[:-1].rstrip() + ", hein" + s[-1]
            else:
                s = f.capitalize() + ", " + lower_first(s)
        out.append(s)
    res = " ".join(out).replace(" …", "…")
    for a, b in [("Je vous écris", "Je vous appelle"), ("je vous écris", "je vous appelle"), ("ce message", "cet appel"), ("ce courrier", "cet appel"),
                 ("Ce courrier", "Cet appel"), ("en copie de cet appel", "au courant de cet appel")]:
        res = res.replace(a, b)
    if rng.random() < level * 0.4:
        res += rng.choice([" Voilà.", " Voilà voilà.", " Bon.", " Vous voyez ?"])
    return res


# ---------------------------------------------------------------------------
# planning the truth labels
# ---------------------------------------------------------------------------
def pick_triple(rng: random.Random, form: str | None = None) -> tuple[str, str, str]:
    if form is None:
        forms = list(FORM_SPEC)
        form = rng.choices(forms, weights=[FORM_SPEC[f][0] for f in forms])[0]
    spec = FORM_SPEC[form]
    reason = rng.choice(spec[1])
    emos = list(spec[2])
    if reason == "compliment":
        ok = [e for e in emos if e in F.POSITIVE_EMOTIONS] or ["gratitude", "joy"]
    elif reason in F.NEGATIVE_ONLY_REASONS:
        ok = [e for e in emos if e != "joy"] or ["frustration"]
    else:
        ok = emos
    return form, reason, rng.choice(ok)


def form_plan(rng: random.Random, n: int) -> list[str]:
    """n relationship forms in proportion to their weights (largest remainder), shuffled."""
    forms = list(FORM_SPEC)
    total = sum(FORM_SPEC[f][0] for f in forms)
    exact = {f: n * FORM_SPEC[f][0] / total for f in forms}
    counts = {f: int(exact[f]) for f in forms}
    for f in sorted(forms, key=lambda f: exact[f] - counts[f], reverse=True)[: n - sum(counts.values())]:
        counts[f] += 1
    plan = [f for f in forms for _ in range(counts[f])]
    rng.shuffle(plan)
    return plan


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


# ---------------------------------------------------------------------------
# written customer text (e-mails, long survey comments)
# ---------------------------------------------------------------------------
def written_body(rng: random.Random, ctx: Ctx, form: str, reason: str, emotion: str, personal: bool) -> list[str]:
    fd, rd, ed = F.FORMS[form], F.REASONS[reason], F.EMOTIONS[emotion]
    paras = []
    intro = fill(rng.choice(fd["intro"]), ctx)
    details = rng.sample(rd["detail"], k=min(len(rd["detail"]), rng.choice([1, 1, 2])))
    detail = " ".join(fill(d, ctx) for d in details)
    if rng.random() < 0.6:
        paras += [intro, detail]
    else:
        paras += [detail, intro]
    emo = fill(emo_pick(rng, ed["written"], reason), ctx)
    hostile = form in HOSTILE_FORMS or emotion in {"anger", "frustration", "disgust"}
    extra = []
    if hostile and rng.random() < 0.7:
        extra.append(fill(rng.choice(F.CONFLICT), ctx))
    elif not hostile and rng.random() < 0.5:
        extra.append(rng.choice(F.POLITE))
    paras.append(" ".join([emo] + extra))
    if rng.random() < 0.85:
        paras.append(fill(rng.choice(fd["outro"]), ctx))
    if personal:
        bits = []
        r = rng.random()
        if r < 0.4:
            bits.append(f"Mon numéro client est {ctx['num_client']} et mon contrat le {ctx['contrat']}.")
        elif r < 0.7:
            bits.append(f"Vous pouvez me joindre au {ctx['tel']} (plutôt après 18 h).")
        else:
            bits.append(f"Pour rappel mon adresse : {ctx['adresse']}. Référence client {ctx['num_client']}.")
        paras.append(" ".join(bits))
    if rng.random() < 0.2:  # one block, as angry or hurried writers do
        paras = [" ".join(paras)]
    if rng.random() < 0.12:
        paras.append(rng.choice(F.PS_LINES))
    return paras


def wrap_paras(paras: list[str], width: int = 74) -> str:
    out = []
    for p in paras:
        lines = []
        for ln in p.split("\n"):
            lines += textwrap.wrap(ln, width=width, break_long_words=False, break_on_hyphens=False) if len(ln) > width else [ln]
        out.append("\n".join(lines))
    return "\n\n".join(out)


# ---------------------------------------------------------------------------
# e-mails
# ---------------------------------------------------------------------------
def mail_datetime(rng: random.Random, d: dt.date) -> dt.datetime:
    tz = PARIS_SUMMER if 4 <= d.month <= 10 else PARIS_WINTER
    return dt.datetime(d.year, d.month, d.day, rng.randint(6, 23), rng.randint(0, 59), rng.randint(0, 59), tzinfo=tz)


def fr_date_long(t: dt.datetime) -> str:
    return f"{t.day} {MOIS[t.month - 1]} {t.year} à {t.hour:02d}:{t.minute:02d}"


def build_email(rng: random.Random, n: int, form: str, reason: str, emotion: str, when: dt.date, variant: str, mbox: bool = False,
                bespoke: dict | None = None) -> EmailMessage:
    ctx = new_ctx(rng, form, when)
    if bespoke is not None:
        fem = bespoke["fem"]
        ctx.update(fem=fem, e="e" if fem else "", civ="Madame" if fem else "Monsieur", prenom=rng.choice(F.FIRST_F if fem else F.FIRST_M))
        ctx["email"] = f"{ascii_local(ctx['prenom'])}.{ascii_local(ctx['nom'])}@{rng.choice(['example.fr', 'example.com'])}"
    personal = rng.random() < 0.5
    formal = form in {"adversaries", "dependency", "kinship", "arranged_marriage"} or rng.random() < 0.25
    sms = not formal and rng.random() < 0.25
    paras = written_body(rng, ctx, form, reason, emotion, personal)
    if reason == "payment" and "IBAN" not in " ".join(paras) and rng.random() < 0.5:
        paras.insert(-1, f"Nouvel IBAN pour le prélèvement : {ctx['iban']} (BIC EXAMFRPP).")
    if formal:
        head = rng.choice(F.GREETINGS_FORMAL)
        tail = rng.choice(F.CLOSINGS_FORMAL)
    else:
        head = rng.choice(F.GREETINGS_PLAIN)
        tail = rng.choice(F.CLOSINGS_PLAIN)
    if sms:
        paras = [typos(p, rng, 0.9) for p in paras]
    elif rng.random() < 0.25:
        paras = [typos(p, rng, 0.4) for p in paras]
    if mbox and n == 7:
        paras.insert(1, "From now on, je ne veux plus recevoir de courrier papier, uniquement des e-mails, merci de le noter une bonne fois pour toutes.")
    sig_style = rng.random()
    name = f"{ctx['prenom']} {ctx['nom']}"
    if sig_style < 0.35:
        sig = f"-- \n{name}\n{ctx['tel']}"
    elif sig_style < 0.7:
        sig = f"{name}\nTél. : {ctx['tel']}" if personal else name
    elif sig_style < 0.85:
        sig = f"{ctx['prenom']}\n\nEnvoyé depuis mon mobile"
    else:
        sig = f"{ctx['civ']} {name}\n{ctx['adresse']}"
    body = head + "\n\n" + wrap_paras(paras) + "\n\n" + tail + "\n" + sig + "\n"
    html_main = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in [head] + paras + [tail])
    html_main += "<div class=\"signature\">" + html.escape(sig, quote=False).replace("\n", "<br>") + "</div>\n"
    t = mail_datetime(rng, when)
    subj = fill(rng.choice(F.REASONS[reason]["subject"]), ctx)
    if bespoke is not None:
        raw = fill(bespoke["body"], ctx)
        body = wrap_paras(raw.split("\n\n")) + "\n"
        html_main = "".join(f"<p>{html.escape(p, quote=False).replace(chr(10), '<br>')}</p>\n" for p in raw.split("\n\n"))
        subj = fill(bespoke["subject"], ctx)
    if bespoke is None and form in {"enmity", "adversaries"} and rng.random() < 0.5:
        subj = subj.upper() + rng.choice([" !!!", " - URGENT", " - MISE EN DEMEURE", ""])
    msg_mailer = rng.choice(["Webmail Example 6.2", "Thunderbird 128.3", "Mail (iPhone)", "Outlook 16.0"])
    quoted = rng.random() < 0.5
    if quoted:
        prev = t - dt.timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 8))
        reply = F.SERVICE_REPLIES[rng.randrange(len(F.SERVICE_REPLIES))].format(
            marque=BRAND, civ=ctx["civ"], nom=ctx["nom"], agent=rng.choice(["Sarah", "Maëlle", "Sylvie", "Amandine"]), dossier=ctx["dossier"])
        first = prev - dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(1, 9))
        nested = rng.random() < 0.3
        if nested:  # the service reply itself quotes the customer's first message
            orig = fill(rng.choice(F.REASONS[reason]["detail"]), ctx)
            reply += f"\n\nLe {fr_date_long(first)}, {name} <{ctx['email']}> a écrit :\n" + "\n".join("> " + ln for ln in textwrap.wrap(orig, 70, break_on_hyphens=False))
        wrapped = []
        for ln in reply.split("\n"):
            wrapped += (textwrap.wrap(ln, 72, break_on_hyphens=False) if not ln.startswith(">") else [ln]) or [""]
        outlook = msg_mailer == "Outlook 16.0" and rng.random() < 0.6
        if outlook:
            intro = "-----Message d'origine-----"
            qlines = (f"De : Service client {BRAND} <{SERVICE_ADDR}>\nEnvoyé : {prev.day} {MOIS[prev.month - 1]} {prev.year} {prev.hour:02d}:{prev.minute:02d}\n"
                      f"À : {ctx['email']}\nObjet : {subj}\n\n" + "\n".join(wrapped))
        else:
            qlines = "\n".join(("> " + ln if not ln.startswith(">") else ">" + ln) if ln else ">" for ln in wrapped)
            intro = f"Le {fr_date_long(prev)}, Service client {BRAND} <{SERVICE_ADDR}> a écrit :"
        body += f"\n{intro}\n{qlines}\n"
        if outlook:
            html_main += ("<div style=\"border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0 0 0\">"
                          + "<br>\n".join(html.escape(ln, quote=False) for ln in qlines.split("\n")) + "</div>\n")
        else:
            html_main += (f"<div class=\"gmail_quote\">{html.escape(intro, quote=False)}<br>\n<blockquote style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex\">"
                          + "<br>\n".join(html.escape(ln, quote=False) for ln in reply.split("\n")) + "</blockquote></div>\n")
        subj = rng.choice(["RE: ", "Re: ", "RE : "]) + subj
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = f"{name} <{ctx['email']}>" if rng.random() < 0.85 else ctx["email"]
    msg["To"] = f"Service client {BRAND} <{RECLAM_ADDR if mbox else SERVICE_ADDR}>"
    msg["Subject"] = subj
    msg["Date"] = format_datetime(t)
    msg["Message-ID"] = f"<{t:%Y%m%d%H%M%S}.{'mb' if mbox else 'ml'}{n:03d}@mail.example.fr>"
    if quoted:
        msg["In-Reply-To"] = f"<{ctx['dossier'].lower()}@alvea.example.fr>"
    msg["X-Mailer"] = msg_mailer
    if variant == "latin1":
        latin = body.replace("€", "euros").replace("œ", "oe").replace("Œ", "OE").replace("…", "...").replace("’", "'")
        latin = "".join(ch for ch in latin if ord(ch) < 256)
        msg.set_content(latin, charset="iso-8859-1", cte=rng.choice(["8bit", "quoted-printable"]))
    elif variant == "qp":
        msg.set_content(body, cte="quoted-printable")
    elif variant in ("html", "alt"):
        doc = f"<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:13px\">\n{html_main}</body></html>\n"
        if variant == "html":
            msg.set_content(doc, subtype="html")
        else:
            msg.set_content(body)
            msg.add_alternative(doc, subtype="html")
            msg.set_boundary(f"=_alvea_{'mb' if mbox else 'ml'}{n:03d}_{t:%Y%m%d%H%M%S}")
    else:
        msg.set_content(body)
    return msg


# ---------------------------------------------------------------------------
# calls
# ---------------------------------------------------------------------------
IDENT = [
    ("Pour commencer, pouvez-vous me donner votre numéro client s'il vous plaît ?", "Oui alors c'est {num_client}… au nom de {prenom} {nom}."),
    ("Je vais d'abord vérifier votre identité : votre nom, votre prénom et votre adresse ?", "{nom}, {prenom}, j'habite au {adresse}."),
    ("Vous avez votre numéro de contrat sous la main ?", "Attendez, je cherche… voilà, le contrat c'est {contrat}. Et mon portable c'est le {tel}."),
    ("Pour sécuriser l'échange, pouvez-vous me confirmer votre date de naissance et votre code postal ?", "Le {naissance}, et le code postal c'est {cp}."),
    ("Vous m'appelez bien du numéro rattaché au dossier ?", "Oui, le {tel}. Le dossier est au nom de {prenom} {nom}."),
]


def build_call(rng: random.Random, form: str, reason: str, emotion: str, when: dt.date) -> tuple[list[tuple[str, str]], bool, bool]:
    """Returns turns [(role, text)] with role 'A' (agent) or 'C' (client), agent gender, client gender."""
    ctx = new_ctx(rng, form, when)
    ctx["naissance"] = f"{rng.randint(1, 28)} {MOIS[rng.randrange(12)]} {rng.randint(1938, 2002)}"
    ctx["cp"] = re.search(r"\b(\d{5})\b", ctx["adresse"]).group(1)
    fem_agent = rng.random() < 0.6
    actx = Ctx(ctx)
    actx["agent"] = rng.choice(["Sarah", "Maëlle", "Sylvie", "Amandine", "Laetitia"] if fem_agent else ["Kevin", "Yanis", "Thomas", "Nordine", "Bastien"])
    fd, ed = F.FORMS[form], F.EMOTIONS[emotion]
    cases = F.CASES[reason]
    case = rng.choice(cases)
    hostile = form in HOSTILE_FORMS or emotion in {"anger", "frustration", "disgust"}
    positive = emotion in F.POSITIVE_EMOTIONS
    lvl = rng.uniform(0.25, 0.75)

    def A(t):
        turns.append(("A", agent_gender(fill(t.format_map(actx), ctx), fem_agent)))

    def C(t, lv=None):
        turns.append(("C", oral(fill(t, ctx), rng, lvl if lv is None else lv)))

    turns: list[tuple[str, str]] = []
    greet = rng.choice(F.AGENT_GREET)
    if rng.random() < 0.15:
        greet = "Cet appel est susceptible d'être enregistré à des fins de qualité. " + greet
    A(greet)
    detail = case[0]
    opener = rng.choice(["Oui bonjour, j'appelle parce que ", "Bonjour, alors voilà, ", "Oui, bonjour. ", "Allô ? Oui, bonjour. ", "Bonjour. ", "Bonjour, je vous appelle parce que "])
    if hostile and rng.random() < 0.5:
        opener = rng.choice(["Oui bonjour, enfin ! Ça fait 35 minutes que j'attends. ", "Bonjour. Bon, je vais être direct{e} : ", "ENFIN quelqu'un ! ",
                             "Oui, bonjour, c'est encore moi. "])
    if rng.random() < 0.3:  # relationship first
        C(opener + lower_first(rng.choice(fd["intro"])) + " " + detail if opener.endswith((", ", "que ", ": ")) else opener + rng.choice(fd["intro"]) + " " + detail)
        said_intro = True
    else:
        C(opener + lower_first(detail) if opener.endswith((", ", "que ", ": ")) else opener + detail)
        said_intro = False
    q, ans = rng.choice(IDENT)
    A(q)
    C(ans, 0.2)
    A("Merci {civ} {nom}. " + rng.choice(F.AGENT_HOLD))
    if rng.random() < 0.3:
        C(rng.choice(["Oui, oui, j'attends.", "D'accord.", "Prenez votre temps… enfin pas trop quand même.", "Mmh."]), 0.1)
        A(rng.choice(["Merci d'avoir patienté.", "Merci pour votre patience.", "Je suis de retour."]))
    A(case[1])
    mid = ["Oui c'est ça."]
    if not said_intro:
        mid.append(rng.choice(fd["intro"]))
    if rng.random() < 0.5:
        mid.append(emo_pick(rng, ed["written"], reason))
        emo_said = True
    else:
        emo_said = False
    if hostile and rng.random() < 0.5:
        mid.append(rng.choice(F.CONFLICT))
    C(" ".join(mid))
    if form in F.CALL_EPISODES and rng.random() < 0.65:
        for role, t in rng.choice(F.CALL_EPISODES[form]):
            t = t.format_map(actx)
            if role == "A":
                A(t)
            else:
                if not fem_agent:
                    t = t.replace("vous êtes gentille", "vous êtes gentil")
                C(t)
    elif rng.random() < 0.5:
        follow = rng.choice([("Depuis quand exactement ?", ["Depuis {delai} à peu près.", "Ça fait {delai}, au moins.", "Oh… {delai}, je dirais."]),
                             ("D'accord. Et vous avez déjà fait une réclamation à ce sujet ?", ["Oui, j'ai déjà appelé, c'est la {nieme} fois.", "Non, c'est la première fois que j'appelle.", "J'ai écrit un e-mail, sans réponse."]),
                             ("Je comprends. Vous avez reçu un courrier ou un e-mail à ce sujet ?", ["Non, rien du tout, c'est ça le problème.", "Un e-mail, oui, que je n'ai pas compris.", "Un courrier, que j'ai là devant moi."])])
        A(follow[0])
        C(rng.choice(follow[1]))
    if not emo_said:
        C(emo_pick(rng, ed["written"], reason) + (" " + rng.choice(F.CONFLICT) if hostile and rng.random() < 0.4 else ""))
    A(rng.choice(F.AGENT_EMPATHY["pos" if positive and not hostile else "neg"]))
    A(case[2])
    if hostile and rng.random() < 0.5:
        C(rng.choice(["Mouais. On m'a déjà dit ça la dernière fois.", "Je demande à voir.", "Et vous croyez que ça suffit ?", "Bon. Et pour le temps que j'ai perdu ?"]))
        A(rng.choice(["Je comprends votre méfiance. Je mets une alerte sur votre dossier et je vérifie moi-même que c'est fait.", "Je note votre demande de dédommagement et je la transmets au service réclamations.", "Je vous envoie une confirmation écrite tout de suite pour que vous ayez une trace."]))
    C(rng.choice(fd["outro"]) + (" " + emo_pick(rng, ed["short"], reason) if rng.random() < 0.4 else ""))
    if rng.random() < 0.4:
        A(rng.choice(["Je vous envoie un récapitulatif par SMS.", "Je note tout dans votre dossier pour que mes collègues soient au courant.", "Vous recevrez une confirmation par e-mail."]))
    A(rng.choice(F.AGENT_CLOSE))
    C(rng.choice(F.CLIENT_BYE_NEG if (hostile and emotion not in {"relief", "gratitude"}) else F.CLIENT_BYE_POS), 0.1)
    A(rng.choice(F.AGENT_BYE))
    return turns, fem_agent, ctx["fem"]


def build_bespoke_call(rng: random.Random, spec: dict, when: dt.date):
    ctx = new_ctx(rng, spec["form"], when)
    fem = spec["fem"]
    ctx.update(fem=fem, e="e" if fem else "", civ="Madame" if fem else "Monsieur", prenom=rng.choice(F.FIRST_F if fem else F.FIRST_M))
    ctx["agent"] = rng.choice(["Sarah", "Maëlle", "Sylvie", "Amandine", "Laetitia"] if spec["fem_agent"] else ["Kevin", "Yanis", "Thomas", "Nordine", "Bastien"])
    turns = [(role, t.format_map(ctx)) for role, t in spec["turns"]]
    return turns, spec["fem_agent"], fem


def ts(sec: float, vtt: bool = False) -> str:
    h, r = divmod(int(sec), 3600)
    m, s = divmod(r, 60)
    if vtt:
        return f"{h:02d}:{m:02d}:{s:02d}.{int(round((sec - int(sec)) * 1000)) % 1000:03d}"
    return f"{h:02d}:{m:02d}:{s:02d}"


def render_call_txt(rng: random.Random, turns, fem_agent: bool, fem_client: bool, style: int) -> str:
    agent = "Conseillère" if fem_agent else "Conseiller"
    client = "Cliente" if fem_client else "Client"
    lines = []
    if rng.random() < 0.3:
        lines.append(rng.choice(["Transcription automatique - appel entrant", "Enregistrement qualité - service client Alvéa", "Appel entrant file Particuliers"]))
        lines.append("")
    t = rng.uniform(0, 3)
    for role, text in turns:
        if style == 0:
            who = agent if role == "A" else client
            lines.append(f"{who} : {text}")
        elif style == 1:
            who = agent if role == "A" else client
            lines.append(f"[{ts(t)}] {who} : {text}")
        else:
            who = "Agent" if role == "A" else client
            lines.append(f"{who}: {text}")
        t += len(text) / rng.uniform(13, 17) + rng.uniform(0.3, 2.5)
        if style == 0 and rng.random() < 0.15:
            lines.append("")
    return "\n".join(lines) + "\n"


def render_call_vtt(rng: random.Random, turns, fem_agent: bool, fem_client: bool) -> str:
    agent = "Conseillère" if fem_agent else "Conseiller"
    client = "Cliente" if fem_client else "Client"
    with_ids = rng.random() < 0.5
    wrap = rng.random() < 0.4
    close_v = rng.random() < 0.2
    out = ["WEBVTT", "Kind: captions", "Language: fr", ""] if rng.random() < 0.6 else ["WEBVTT", ""]
    if rng.random() < 0.3:
        out += [rng.choice(["NOTE Transcription automatique, relue par l'équipe qualité.",
                            "NOTE\nEnregistrement du service client Alvéa, données personnelles conservées pour la formation des conseillers."]), ""]
    t = rng.uniform(0.2, 2.0)
    n = 1
    for role, text in turns:
        who = agent if role == "A" else client
        chunks = re.split(r"(?<=[.!?…])\s+", text)
        groups, cur = [], ""
        for ch in chunks:
            if cur and len(cur) + len(ch) > 110:
                groups.append(cur)
                cur = ch
            else:
                cur = (cur + " " + ch).strip()
        if cur:
            groups.append(cur)
        for g in groups:
            dur = len(g) / rng.uniform(13, 16) + 0.4
            if with_ids:
                out.append(str(n))
            out.append(f"{ts(t, True)} --> {ts(t + dur, True)}")
            payload = "\n".join(textwrap.wrap(g, 48, break_on_hyphens=False)) if wrap and len(g) > 48 else g
            out.append(f"<v {who}>{payload}" + ("</v>" if close_v else ""))
            out.append("")
            n += 1
            t += dur + rng.uniform(0.05, 0.4)
        t += rng.uniform(0.2, 1.5)
    return "\n".join(out)


# ---------------------------------------------------------------------------
# interviews (docx)
# ---------------------------------------------------------------------------
def build_interview(rng: random.Random, i: int, form: str, reason: str, emotion: str, when: dt.date):
    ctx = new_ctx(rng, form, when)
    if form == "dependency":
        ctx["fem"] = True
        ctx["e"] = "e"
        ctx["civ"] = "Madame"
        ctx["prenom"] = rng.choice(["Josiane", "Monique", "Chantal", "Françoise"])
    if form == "ex_friends" or form == "courtship" or form == "rebound" or form == "childhood_friendship":
        ctx["fem"], ctx["e"], ctx["civ"] = True, "e", "Madame"
        ctx["prenom"] = rng.choice(F.FIRST_F)
    if form in ("enslavement", "business_partners", "fling", "basic_exchange", "enmity"):
        ctx["fem"], ctx["e"], ctx["civ"] = False, "", "Monsieur"
        ctx["prenom"] = rng.choice(F.FIRST_M)
    ctx["email"] = f"{ascii_local(ctx['prenom'])}.{ascii_local(ctx['nom'])}@example.fr"
    if form in ("fling", "courtship"):  # the stories say "five months", "three weeks"
        ctx["sen"], ctx["years"], ctx["since"] = 0.4, "1", str(when.year)
    story = F.INTERVIEW_STORIES[form]
    fd, rd, ed = F.FORMS[form], F.REASONS[reason], F.EMOTIONS[emotion]
    interviewer = "Enquêtrice"
    part = "Participante" if ctx["fem"] else "Participant"
    turns = []

    def Q(t):
        turns.append((interviewer, fill(t, ctx)))

    def P(t, lvl=0.35):
        turns.append((part, oral(fill(t, ctx), rng, lvl)))

    Q(f"Bonjour {ctx['civ']} {ctx['nom']}, merci d'avoir accepté cet entretien. Comme convenu, il est enregistré, et tout sera anonymisé dans le rapport. Ça vous va ?")
    P(rng.choice(["Oui, oui, pas de problème.", "Oui, allez-y.", "Pas de souci, je vous écoute."]), 0.2)
    outros = rng.sample(fd["outro"], k=min(3, len(fd["outro"])))
    extra = F.INTERVIEW_EXTRA[form]
    Q(rng.choice(F.INTERVIEW_QUESTIONS["history"]))
    P(story["history"], 0.15)
    Q(rng.choice(F.INTERVIEW_FOLLOWUPS))
    P(rng.choice(["Comme je leur ai dit une fois au téléphone : « ", "Je leur ai même écrit, un jour : « ", "Si je devais le leur dire : « ", "Je le résumerais comme je le leur ai dit : « "])
      + rng.choice(fd["intro"]) + " " + outros[0] + " »", 0.2)
    Q(rng.choice(F.INTERVIEW_QUESTIONS["feeling"]))
    P(story["feeling"], 0.15)
    Q(rng.choice(F.INTERVIEW_QUESTIONS["moment"]))
    P(extra["moment"], 0.2)
    problem = reason not in {"compliment", "information_request", "subscription_change", "order"}
    Q(F.INTERVIEW_QUESTIONS["last_contact"][1 if problem and rng.random() < 0.6 else 0])
    details = rng.sample(rd["detail"], k=min(2, len(rd["detail"])))
    case = next(c for c in F.CASES[reason] if c[0] == details[0])
    if reason in {"compliment", "information_request", "subscription_change", "order"}:
        P(f"Alors le dernier contact, c'était en {ctx['mois']}" + (", et pour une fois c'était pour dire merci" if reason == "compliment" else "")
          + ". Je leur ai écrit, à peu près : « " + " ".join(details) + " » Et on m'a répondu : « " + case[2] + " »", 0.25)
    else:
        P(f"Alors le dernier souci, c'était en {ctx['mois']}. Je leur ai écrit, je me souviens à peu près de ce que j'ai mis : « " + " ".join(details)
          + " » Sans réponse au bout d'une semaine, j'ai appelé, et je suis tombé{e} sur quelqu'un qui m'a dit : « " + case[2] + " »", 0.25)
    Q(rng.choice(["Et comment vous l'avez vécu ?", "Qu'est-ce que vous avez ressenti ?", "Et sur le moment, vous étiez dans quel état d'esprit ?"]))
    P(" ".join(emo_two(rng, ed["written"], reason)) + " " + rng.choice(["C'est difficile à expliquer.", "Je m'en souviens encore.", "Mon entourage me l'a fait remarquer d'ailleurs.", "Et ça n'est pas encore complètement passé."]), 0.4)
    Q(rng.choice(F.INTERVIEW_FOLLOWUPS))
    P(emo_pick(rng, ed["written"], reason) + " Et je leur ai dit, texto : « " + outros[1 % len(outros)] + " »", 0.3)
    blocks = [("channels", extra["channels"], 0.25), ("competitors", story["competitors"], 0.15), ("entourage", extra["entourage"], 0.25)]
    rng.shuffle(blocks)
    for key, answer, lv in blocks:
        Q(rng.choice(F.INTERVIEW_QUESTIONS[key]))
        P(answer, lv)
        if rng.random() < 0.3:
            Q(rng.choice(F.INTERVIEW_FOLLOWUPS))
            P(rng.choice(["Oui, c'est vraiment ce que je ressens.", "Enfin, c'est mon avis, hein.", "Je ne sais pas si je suis très clair{e}, mais voilà.",
                          "C'est difficile à mettre en mots, mais c'est ça.", "Oui. Je n'ai pas grand-chose à ajouter là-dessus."]), 0.2)
    Q(rng.choice(F.INTERVIEW_QUESTIONS["leave"]))
    P(story["leave"], 0.15)
    Q(rng.choice(F.INTERVIEW_QUESTIONS["advice"]))
    P(story["advice"] + " Et aussi : « " + outros[2 % len(outros)] + " »", 0.15)
    Q("Merci beaucoup, c'était très riche. Est-ce que vous voulez ajouter quelque chose ?")
    P(rng.choice(["Non, je crois que j'ai tout dit. Merci à vous de m'avoir écouté{e}, ça fait du bien.",
                  "Juste que j'espère que ce genre d'étude sert à quelque chose.",
                  f"Non. Enfin si, vous pouvez me recontacter au {ctx['tel']} ou à {ctx['email']} si besoin.",
                  "Non, merci, c'était agréable de pouvoir en parler."]), 0.2)
    years = ctx["years"]
    city = ctx["ville"]
    seniority = "moins d'un an d'ancienneté" if ctx["sen"] < 1 else f"{years} an{'s' if years != '1' else ''} d'ancienneté"
    title = f"Entretien n°{i:02d} – {'cliente' if ctx['fem'] else 'client'} {BRAND} ({seniority}) – {city} – {when.day} {MOIS[when.month - 1]} {when.year}"
    meta = (f"Étude qualitative « Relation client {when.year} ». Entretien semi-directif par visioconférence, durée {rng.randint(38, 71)} minutes. "
            f"Transcription intégrale ; le prénom du participant a été modifié ({ctx['prenom']}).")
    return title, meta, turns


def write_docx(path: str, title: str, meta: str, turns, when: dt.date) -> None:
    import docx
    d = docx.Document()
    d.add_heading(title, level=1)
    p = d.add_paragraph(meta)
    p.runs[0].italic = True
    for who, text in turns:
        para = d.add_paragraph()
        r = para.add_run(f"{who} : ")
        r.bold = True
        para.add_run(text)
    cp = d.core_properties
    fixed = dt.datetime(when.year, when.month, when.day, 18, 0, 0)
    cp.author = "Cabinet d'études (fictif)"
    cp.last_modified_by = "Verbatim Workbench demo corpus"
    cp.created = fixed
    cp.modified = fixed
    cp.revision = 1
    cp.title = title
    cp.language = "fr-FR"
    buf = io.BytesIO()
    d.save(buf)
    normalise_zip(buf.getvalue(), path)


def normalise_zip(data: bytes, path: str) -> None:
    """Rewrite an OOXML zip with fixed timestamps and fixed core dates so re-runs are byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>2026-03-12T09:00:00Z\2", content)
                content = re.sub(rb"(<dcterms:created[^>]*>)[^<]*(<)", rb"\g<1>2026-03-12T09:00:00Z\2", content)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, content)
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


# ---------------------------------------------------------------------------
# survey
# ---------------------------------------------------------------------------
CANAUX = ["téléphone", "e-mail", "chat", "boutique", "application"]


def survey_comment(rng: random.Random, form: str, reason: str, emotion: str, when: dt.date, seen: set, cp1252: bool, sen: float) -> str:
    for attempt in range(50):
        ctx = new_ctx(rng, form, when)
        y = max(1, int(round(sen)))
        ctx["years"], ctx["since"] = str(y), str(when.year - y)
        fd, rd, ed = F.FORMS[form], F.REASONS[reason], F.EMOTIONS[emotion]
        shorts = rd["short"]
        if form in HOSTILE_FORMS or emotion in NEGATIVE_EMOS:
            shorts = [x for x in shorts if x not in F.POSITIVE_SHORTS] or shorts
        elif emotion in {"joy", "gratitude", "trust", "relief"}:
            shorts = [x for x in shorts if x in F.POSITIVE_SHORTS] or shorts
        rd = dict(rd, short=shorts)
        r = rng.random()
        if r < 0.7:
            parts = [fill(rng.choice(fd["short"]), ctx), fill(rng.choice(rd["short"]), ctx), fill(emo_pick(rng, ed["short"], reason), ctx)]
            if rng.random() < 0.6:
                rng.shuffle(parts)
        else:
            parts = [fill(rng.choice(fd["intro"]), ctx), fill(rng.choice(rd["detail"]), ctx), fill(emo_pick(rng, ed["written"], reason), ctx)]
            if rng.random() < 0.5:
                parts.append(fill(rng.choice(fd["outro"]), ctx))
        text = " ".join(parts)
        if form in HOSTILE_FORMS and rng.random() < 0.25:
            text += " " + fill(rng.choice(F.CONFLICT), ctx)
        if rng.random() < 0.4:
            text = typos(text, rng, rng.uniform(0.3, 1.0))
        if rng.random() < 0.2 and (len(text) < 90 or form in HOSTILE_FORMS) and emotion in {"anger", "disgust", "frustration"}:
            text = text.upper()
        if cp1252:
            text = text.encode("cp1252", "ignore").decode("cp1252").replace("  ", " ").strip()
        elif rng.random() < 0.08:
            neg = form in HOSTILE_FORMS or emotion in NEGATIVE_EMOS
            text += " " + rng.choice(["😡", "😤", "🙄", "👎"] if neg else ["👍", "🙂", "😉", "🙏"])
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key not in seen:
            seen.add(key)
            return text
    raise RuntimeError("could not build a unique survey comment")


def survey_rows(rng: random.Random, wave: int, n: int, start: dt.date, end: dt.date, seen: set, cp1252: bool, bespoke: list):
    rows, truth = [], []
    plan = form_plan(rng, n)
    slots = dict(zip(sorted(rng.sample(range(n), len(bespoke))), bespoke))
    for k in range(n):
        form, reason, emotion = pick_triple(rng, plan[k])
        if k in slots:
            form, reason, emotion = slots[k][:3]
        spec = FORM_SPEC[form]
        when = rand_date(rng, start, end)
        nps = rng.randint(*spec[3])
        eff = rng.randint(*spec[4])
        if emotion in NEGATIVE_EMOS and nps > 6 and form not in {"dependency"}:
            nps -= rng.randint(0, 2)
        if reason == "contact_difficulty":
            eff = max(eff, 4)
        if reason == "compliment":
            eff = min(eff, 2)
        lo, hi = spec[5]
        sen = rng.uniform(lo, hi)
        sen = round(sen * 2) / 2 if (sen < 3 or rng.random() < 0.3) else int(round(sen))
        if sen == int(sen):
            sen = int(sen)
        canal = rng.choice(CANAUX)
        if reason in ("delivery", "order") and rng.random() < 0.4:
            canal = "application"
        region = rng.choice(F.REGIONS[:-1]) if rng.random() < 0.97 else "Corse"
        text = survey_comment(rng, form, reason, emotion, when, seen, cp1252, sen)
        if k in slots:
            _, _, _, nps, eff, text = slots[k]
            if cp1252:
                text = text.encode("cp1252", "ignore").decode("cp1252").strip()
        low = text.lower()
        for pattern, chan in ((r"boutique|vendeu", "boutique"), (r"\bappli", "application"), (r"\bchat\b|chatbot", "chat"),
                              (r"t[ée]l[ée]phone|attente|rappel|raccroch|serveur vocal", "téléphone"), (r"e-?mails?\b|courriel", "e-mail")):
            if re.search(pattern, low) and rng.random() < 0.7:
                canal = chan
                break
        rows.append({"id_repondant": f"V{wave}-{k + 1:04d}", "date": when, "canal": canal, "region": region,
                     "anciennete_ans": sen, "nps": nps, "effort": eff, "commentaire": text})
        truth.append((k + 1, form, reason, emotion))
    return rows, truth


COLUMNS = ["id_repondant", "date", "canal", "region", "anciennete_ans", "nps", "effort", "commentaire"]


def write_xlsx(path: str, rows) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Réponses"
    ws.append(COLUMNS)
    for r in rows:
        ws.append([r[c] for c in COLUMNS])
        ws.cell(row=ws.max_row, column=2).number_format = "DD/MM/YYYY"
    for col, w in zip("ABCDEFGH", [12, 12, 13, 26, 15, 6, 8, 110]):
        ws.column_dimensions[col].width = w
    fixed = dt.datetime(*FIXED_TIME)
    wb.properties.creator = "Outil d'enquête (fictif)"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "Verbatim Workbench demo corpus"
    buf = io.BytesIO()
    wb.save(buf)
    normalise_zip(buf.getvalue(), path)


def write_csv(path: str, rows) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for r in rows:
        sen = r["anciennete_ans"]
        sen_s = str(sen).replace(".", ",")
        w.writerow([r["id_repondant"], r["date"].strftime("%d/%m/%Y"), r["canal"], r["region"], sen_s, r["nps"], r["effort"], r["commentaire"]])
    with open(path, "wb") as fh:
        fh.write(buf.getvalue().encode("cp1252"))


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------
N_TXT, N_VTT, N_EML, N_MBOX, N_XLSX, N_CSV = 70, 20, 50, 30, 150, 150
INTERVIEW_FORMS = ["committed_partnership", "ex_friends", "enslavement", "dependency", "rebound", "fling",
                   "kinship", "business_partners", "courtship", "enmity", "childhood_friendship", "basic_exchange"]
INTERVIEW_EMOTIONS = {"committed_partnership": "trust", "ex_friends": "sadness", "enslavement": "frustration", "dependency": "worry",
                      "rebound": "relief", "fling": "anticipation", "kinship": "sadness", "business_partners": "anticipation",
                      "courtship": "trust", "enmity": "anger", "childhood_friendship": "joy", "basic_exchange": "frustration"}
START, END = dt.date(2025, 1, 6), dt.date(2026, 10, 30)


def main() -> None:
    rng = random.Random(SEED)
    random.seed(SEED)  # the email package draws MIME boundaries from the global generator
    truth = []  # (file, item, form, reason, emotion)
    for sub in ("appels", "emails", "entretiens", "enquete"):
        os.makedirs(os.path.join(HERE, sub), exist_ok=True)

    # calls
    plan = form_plan(rng, N_TXT + N_VTT)
    bespoke_calls = dict(zip([9, 22, 37, 51, 64, 83], F.BESPOKE_CALLS))
    for k in range(1, N_TXT + N_VTT + 1):
        form, reason, emotion = pick_triple(rng, plan[k - 1])
        when = rand_date(rng, START, END)
        if k in bespoke_calls:
            spec = bespoke_calls[k]
            form, reason, emotion = spec["form"], spec["reason"], spec["emotion"]
            turns, fa, fc = build_bespoke_call(rng, spec, when)
        else:
            turns, fa, fc = build_call(rng, form, reason, emotion, when)
        if k <= N_TXT:
            name = f"appels/appel_{k:03d}.txt"
            text = render_call_txt(rng, turns, fa, fc, style=[0, 0, 1, 1, 2][k % 5])
        else:
            name = f"appels/appel_{k:03d}.vtt"
            text = render_call_vtt(rng, turns, fa, fc)
        data = text.encode("utf-8")
        if name.endswith(".txt") and k % 12 == 5:  # a few Windows exports: CRLF, one with a BOM
            data = data.replace(b"\n", b"\r\n")
            if k == 29:
                data = b"\xef\xbb\xbf" + data
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(data)
        truth.append((name, "", form, reason, emotion))

    # e-mails
    variants = ["plain"] * 30 + ["qp"] * 6 + ["latin1"] * 5 + ["html"] * 4 + ["alt"] * 5
    rng.shuffle(variants)
    plan = form_plan(rng, N_EML + N_MBOX)
    bespoke_at = {3 + 5 * i: b for i, b in enumerate(F.BESPOKE_EMAILS[:10])}  # mail_003, mail_008, ...
    bespoke_mbox = {4 + 6 * i: b for i, b in enumerate(F.BESPOKE_EMAILS[10:])}
    for k in range(1, N_EML + 1):
        form, reason, emotion = pick_triple(rng, plan[k - 1])
        bes = bespoke_at.get(k)
        if bes:
            form, reason, emotion = bes["form"], bes["reason"], bes["emotion"]
        when = rand_date(rng, START, END)
        msg = build_email(rng, k, form, reason, emotion, when, variants[k - 1], bespoke=bes)
        name = f"emails/mail_{k:03d}.eml"
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(msg.as_bytes(policy=msg.policy.clone(linesep="\n")))
        truth.append((name, "", form, reason, emotion))

    mbox_path = os.path.join(HERE, "emails", "boite_reclamations.mbox")
    if os.path.exists(mbox_path):
        os.remove(mbox_path)
    box = mailbox.mbox(mbox_path, create=True)
    box.lock()
    mvariants = ["plain"] * 22 + ["qp"] * 3 + ["latin1"] * 2 + ["alt"] * 3
    rng.shuffle(mvariants)
    dates = sorted(rand_date(rng, START, END) for _ in range(N_MBOX))
    for k in range(1, N_MBOX + 1):
        form, reason, emotion = pick_triple(rng, plan[N_EML + k - 1])
        bes = bespoke_mbox.get(k)
        if bes:
            form, reason, emotion = bes["form"], bes["reason"], bes["emotion"]
        msg = build_email(rng, k, form, reason, emotion, dates[k - 1], mvariants[k - 1], mbox=True, bespoke=bes)
        m = mailbox.mboxMessage(msg)
        addr = re.search(r"<([^>]+)>", msg["From"])
        when = dates[k - 1]
        m.set_from(addr.group(1) if addr else str(msg["From"]), (when.year, when.month, when.day, 9 + k % 9, k, 0, 0, 1, -1))
        box.add(m)
        truth.append(("emails/boite_reclamations.mbox", str(k), form, reason, emotion))
    box.flush()
    box.unlock()
    box.close()

    # interviews
    for i, form in enumerate(INTERVIEW_FORMS, start=1):
        _, reason, emotion = pick_triple(rng, form)
        emotion = INTERVIEW_EMOTIONS[form]
        while emotion in {"joy", "trust", "relief", "gratitude", "anticipation"} and reason in F.NEGATIVE_ONLY_REASONS:
            reason = rng.choice(FORM_SPEC[form][1])
        when = rand_date(rng, dt.date(2025, 9, 1), dt.date(2026, 6, 30))
        title, meta, turns = build_interview(rng, i, form, reason, emotion, when)
        name = f"entretiens/entretien_{i:02d}.docx"
        write_docx(os.path.join(HERE, name), title, meta, turns, when)
        truth.append((name, "", form, reason, emotion))

    # survey waves
    seen: set = set()
    rows1, t1 = survey_rows(rng, 1, N_XLSX, dt.date(2025, 9, 15), dt.date(2025, 11, 28), seen, cp1252=False, bespoke=F.BESPOKE_SURVEY[::2])
    write_xlsx(os.path.join(HERE, "enquete", "enquete_vague1.xlsx"), rows1)
    truth += [("enquete/enquete_vague1.xlsx", str(i), f, r, e) for i, f, r, e in t1]
    rows2, t2 = survey_rows(rng, 2, N_CSV, dt.date(2026, 3, 2), dt.date(2026, 5, 29), seen, cp1252=True, bespoke=F.BESPOKE_SURVEY[1::2])
    write_csv(os.path.join(HERE, "enquete", "enquete_vague2.csv"), rows2)
    truth += [("enquete/enquete_vague2.csv", str(i), f, r, e) for i, f, r, e in t2]

    with open(os.path.join(HERE, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "item", "relationship_form", "contact_reason", "emotion"])
        w.writerows(truth)
    write_readme(truth)
    print(f"{len(truth)} documents written to {HERE}")


def count_table(truth, col: int, title: str) -> str:
    import collections
    fmts = [("appels .txt", lambda f: f.endswith(".txt")), ("appels .vtt", lambda f: f.endswith(".vtt")), ("emails .eml", lambda f: f.endswith(".eml")),
            ("emails .mbox", lambda f: f.endswith(".mbox")), ("entretiens .docx", lambda f: f.endswith(".docx")),
            ("enquête .xlsx", lambda f: f.endswith(".xlsx")), ("enquête .csv", lambda f: f.endswith(".csv"))]
    total = collections.Counter(t[col] for t in truth)
    lines = [f"| {title} | " + " | ".join(n for n, _ in fmts) + " | total |", "|---" * (len(fmts) + 2) + "|"]
    for key, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        cells = [str(sum(1 for t in truth if t[col] == key and pred(t[0]))) for _, pred in fmts]
        lines.append(f"| `{key}` | " + " | ".join(cells) + f" | {n} |")
    return "\n".join(lines)


def write_readme(truth) -> None:
    with open(os.path.join(HERE, "README_template.md"), encoding="utf-8") as fh:
        tpl = fh.read()
    per_fmt = {}
    for t in truth:
        ext = os.path.splitext(t[0])[1]
        per_fmt[ext] = per_fmt.get(ext, 0) + 1
    text = (tpl.replace("{{TOTAL}}", str(len(truth)))
               .replace("{{N_TXT}}", str(per_fmt.get(".txt", 0))).replace("{{N_VTT}}", str(per_fmt.get(".vtt", 0)))
               .replace("{{N_EML}}", str(per_fmt.get(".eml", 0))).replace("{{N_MBOX}}", str(per_fmt.get(".mbox", 0)))
               .replace("{{N_DOCX}}", str(per_fmt.get(".docx", 0))).replace("{{N_XLSX}}", str(per_fmt.get(".xlsx", 0)))
               .replace("{{N_CSV}}", str(per_fmt.get(".csv", 0)))
               .replace("{{FORMS}}", count_table(truth, 2, "relationship_form"))
               .replace("{{REASONS}}", count_table(truth, 3, "contact_reason"))
               .replace("{{EMOTIONS}}", count_table(truth, 4, "emotion")))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
