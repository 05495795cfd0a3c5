"""Benchmark of language detection without lingua (issue 20): is a smaller second stage as accurate?

`workbench.text.language` decides French or English in two stages: function words when they leave no doubt
(most verbatims), else a statistical detector with a margin, else the project language. lingua, the
detector so far, ships 75 languages in 94 MB; the desktop build needs two. Compared in one run, all with
the module's own first stage (`_clear_case`) and minimum length:

- `lingua`: lingua-language-detector, low-accuracy mode, restricted to fr/en, margin 0.2 (the module's detector before issue 20);
- `py3langid`: py3langid restricted to fr/en, normalised probabilities, margin 0.2 (the module's detector
  now: the run checks that `detect_languages` gives the same answers);
- `own NB`: a character 1–3-gram naive Bayes trained here on the app's interface strings
  (ui/i18n/verbatim_en.ts: every French source string and its English translation, so both languages
  say the same things; no evaluation text is used), margin 0.2 on its normalised probabilities.

Texts with known language:
- French, full length: bench/data/french_dev (300 hand-written verbatims), and from the demo corpus
  sample_projects/relation-client the calls (.txt, .vtt turns), the e-mails (.eml, .mbox bodies as the
  importers read them) and the survey comments (enquete_vague2.csv);
- English, full length: /work/shared/data/banking77/test.csv (3,080 banking questions, CC BY 4.0);
- short and hard, 20–60 letters, cut from those texts with a fixed seed: `fr short` (one window per
  French text), `fr sms` (the same windows lower-cased, accents and punctuation dropped, common SMS
  abbreviations), `fr anglicisms` (windows around an English word: "mail", "login", "ok", "call"…,
  found in the text or put in place of its French equivalent), `en short` (one window per banking77
  question) and `en French names` (short banking77 questions with a French name or town added).

Each text is decided with the project language set to the *other* language, so that an undecided text
counts as an error; `wrong` counts the texts given the other language outright. Reported per set and
detector: accuracy, wrong, undecided, how many texts reach the second stage; then the time of
`detect_languages`' loop per 10,000 texts over all sets (first stage included; model loading apart)
and the installed size of each package.

Usage: .venv/bin/python bench/language.py [--json bench/out/language.json]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import re
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.ingest.email import parse_eml, parse_mbox
from workbench.ingest.transcripts import parse_txt, parse_vtt
from workbench.text import language

BANKING77 = Path("/work/shared/data/banking77/test.csv")
DEMO = ROOT / "sample_projects" / "relation-client"
MARGIN = 0.2
SEED = 20
Labelled = list[tuple[str, str]]
Decide = Callable[[str], "str | None"]

# --- texts -------------------------------------------------------------------------------------------


def french_dev() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "bench" / "data" / "french_dev").glob("verbatims_*.txt")):
        for block in re.split(r"^=== .*$", path.read_text(encoding="utf-8"), flags=re.MULTILINE):
            if block.strip():
                texts.append(block.strip())
    return texts


def demo_calls() -> list[str]:
    texts = []
    for path in sorted((DEMO / "appels").iterdir()):
        parse = parse_vtt if path.suffix == ".vtt" else parse_txt
        for doc in parse(path):
            texts.append("\n".join(turn.text for turn in doc.turns) or doc.text)
    return texts


def demo_emails() -> list[str]:
    docs = [doc for path in sorted((DEMO / "emails").glob("*.eml")) for doc in parse_eml(path)]
    docs += parse_mbox(DEMO / "emails" / "boite_reclamations.mbox")
    return [doc.text for doc in docs if doc.text.strip()]


def demo_survey() -> list[str]:
    raw = (DEMO / "enquete" / "enquete_vague2.csv").read_bytes().decode("cp1252")
    return [row["commentaire"] for row in csv.DictReader(io.StringIO(raw), delimiter=";") if row["commentaire"]]


def banking77() -> list[str]:
    with BANKING77.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def window(text: str, rng: random.Random, must: tuple[int, int] | None = None) -> str | None:
    """A run of whole words of 20–60 letters (length drawn at random), containing the span `must` if given."""
    words = [m.span() for m in re.finditer(r"\S+", " ".join(text.split()))]
    flat = " ".join(text.split())
    if not words:
        return None
    target = rng.randint(20, 60)
    if must is None:
        start = rng.randrange(len(words))
    else:
        start = next(i for i, (a, b) in enumerate(words) if b > must[0])
        start = max(0, start - rng.randint(0, 3))
    end = start
    while end < len(words) and letters(flat[words[start][0]:words[end][1]]) < target:
        end += 1
    end = min(end, len(words) - 1)
    while start > 0 and letters(flat[words[start][0]:words[end][1]]) < 20:
        start -= 1
    piece = flat[words[start][0]:words[end][1]]
    if must is not None and not (words[start][0] <= must[0] and must[1] <= words[end][1]):
        return None
    return piece if 20 <= letters(piece) <= 60 else None


_SMS = [(r"\bc'est\b", "c"), (r"\bpourquoi\b", "pk"), (r"\bbeaucoup\b", "bcp"), (r"\bs'il vous plaît\b", "svp"),
        (r"\bs'il te plaît\b", "stp"), (r"\bquand\b", "qd"), (r"\btoujours\b", "tjrs"), (r"\bje suis\b", "jsuis"),
        (r"\bbonjour\b", "bjr"), (r"\bquoi\b", "koi"), (r"\baujourd'hui\b", "auj"), (r"\bmerci\b", "mci")]


def sms(text: str) -> str:
    text = text.lower()
    for pattern, short in _SMS:
        text = re.sub(pattern, short, text)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


_ANGLICISMS = re.compile(r"\b(e-?mails?|mails?|login|ok|call|password|bug|week-end|spam|online|wifi|box|chat|"
                         r"newsletter|hotline|feedback|ticket|cashback|call center|process|deadline)\b", re.IGNORECASE)
_TO_ENGLISH = [(r"\bcourriels?\b", "mail"), (r"\bidentifiants?\b", "login"), (r"\bd'accord\b", "ok"),
               (r"\bappels?\b", "call"), (r"\bmots? de passe\b", "password"), (r"\ben ligne\b", "online"),
               (r"\bservice client\b", "hotline"), (r"\bréclamation\b", "ticket")]
_FIRST = ["Amélie", "François", "Hélène", "Jean-Baptiste", "Gaëlle", "Loïc", "Benoît", "Cécile", "Théo", "Solène"]
_LAST = ["Rousseau", "Lefèvre", "Girard", "Moreau", "Dubois", "Chevalier", "Faure", "Mercier", "Lemaire", "Garnier"]
_TOWNS = ["Besançon", "Saint-Étienne", "Orléans", "Nîmes", "Clermont-Ferrand", "Aix-en-Provence", "Créteil"]
_NAMED = ["{text} {first} {last}", "Hi, {first} {last} here. {text}", "{text} Thanks, {first}",
          "{text} I live in {town}.", "{text} (account of {first} {last})", "{text} Sent by {first} from {town}"]


def anglicised(text: str, rng: random.Random) -> str | None:
    """A window of `text` around an English word, put in place of its French equivalent if it has none."""
    flat = " ".join(text.split())
    found = list(_ANGLICISMS.finditer(flat))
    if not found:
        usable = [pair for pair in _TO_ENGLISH if re.search(pair[0], flat, re.IGNORECASE)]
        if not usable:
            return None
        pattern, english = rng.choice(usable)
        flat = re.sub(pattern, english, flat, count=1, flags=re.IGNORECASE)
        found = list(re.finditer(re.escape(english), flat))[:1]
    return window(flat, rng, rng.choice(found).span())


def french_named(text: str, rng: random.Random) -> str | None:
    if letters(text) > 40:
        return None
    named = rng.choice(_NAMED).format(text=text, first=rng.choice(_FIRST), last=rng.choice(_LAST),
                                      town=rng.choice(_TOWNS))
    return named if 20 <= letters(named) <= 60 else None


def corpora() -> dict[str, Labelled]:
    rng = random.Random(SEED)
    full = {"fr french_dev": french_dev(), "fr demo calls": demo_calls(), "fr demo e-mails": demo_emails(),
            "fr demo survey": demo_survey()}
    french = [text for texts in full.values() for text in texts]
    english = banking77()
    sets: dict[str, Labelled] = {name: [(t, "fr") for t in texts] for name, texts in full.items()}
    sets["en banking77"] = [(t, "en") for t in english]
    fr_short = [w for w in (window(t, rng) for t in french) if w]
    sets["fr short"] = [(t, "fr") for t in fr_short]
    sets["fr sms"] = [(s, "fr") for s in (sms(t) for t in fr_short) if letters(s) >= 20]
    sets["fr anglicisms"] = [(w, "fr") for w in (anglicised(t, rng) for t in french) if w]
    sets["en short"] = [(w, "en") for w in (window(t, rng) for t in english) if w]
    sets["en French names"] = [(n, "en") for n in (french_named(t, rng) for t in english) if n]
    return sets


SHORT_SETS = ("fr short", "fr sms", "fr anglicisms", "en short", "en French names")

# --- second stages -------------------------------------------------------------------------------------


def lingua_stage() -> Decide:
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH) \
        .with_low_accuracy_mode().build()

    def decide(text: str) -> str | None:
        values = detector.compute_language_confidence_values(text[:500])
        if not values:
            return None
        runner_up = values[1].value if len(values) > 1 else 0.0
        if values[0].value - runner_up >= MARGIN:
            return values[0].language.iso_code_639_1.name.lower()
        return None

    return decide


def py3langid_stage(margin: float = MARGIN) -> Decide:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["fr", "en"])

    def decide(text: str) -> str | None:
        (best, p), (_, q) = identifier.rank(text[:500])
        return best if p - q >= margin else None

    return decide


def _ngrams(text: str) -> list[str]:
    padded = f" {' '.join(_WORDS.findall(text.lower()))} "
    return [padded[i:i + n] for n in (1, 2, 3) for i in range(len(padded) - n + 1)]


_WORDS = re.compile(r"[^\W\d_]+")


def own_training() -> dict[str, list[str]]:
    root = ET.parse(ROOT / "ui" / "i18n" / "verbatim_en.ts").getroot()
    pairs = {"fr": [], "en": []}
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation:
            pairs["fr"].append(source)
            pairs["en"].append(translation)
    return pairs


def own_stage(keep: int = 3000) -> tuple[Decide, int]:
    """Naive Bayes over character 1–3-grams; the `keep` most frequent n-grams of each language. Returns
    the decider and the size in bytes of its model as JSON."""
    counts = {lang: Counter(g for text in texts for g in _ngrams(text)) for lang, texts in own_training().items()}
    vocab = set()
    for counter in counts.values():
        vocab |= {g for g, _ in counter.most_common(keep)}
    model = {}
    for lang, counter in counts.items():
        total = sum(counter[g] for g in vocab) + len(vocab)
        model[lang] = {g: round(math.log((counter[g] + 1) / total), 3) for g in vocab}
    size = len(json.dumps(model, ensure_ascii=False).encode())

    def decide(text: str) -> str | None:
        grams = [g for g in _ngrams(text[:500]) if g in vocab]
        if not grams:
            return None
        scores = {lang: sum(table[g] for g in grams) for lang, table in model.items()}
        # Normalise like py3langid: temperature sqrt(length) so the probability does not saturate.
        t = math.sqrt(len(text[:500].encode()))
        fr, en = scores["fr"] / t, scores["en"] / t
        p_fr = 1 / (1 + math.exp(en - fr))
        if abs(2 * p_fr - 1) < MARGIN:
            return None
        return "fr" if p_fr > 0.5 else "en"

    return decide, size


# --- evaluation ----------------------------------------------------------------------------------------


def detect(texts: list[str], default: str, decide: Decide) -> list[str]:
    """`language.detect_languages` with the second stage swapped."""
    candidates = ("en", "fr")
    result = [default] * len(texts)
    for i, text in enumerate(texts):
        if language._letters(text) < language.MIN_LETTERS:
            continue
        clear = language._clear_case(text, candidates)
        if clear is not None:
            result[i] = clear
            continue
        chosen = decide(text)
        if chosen is not None:
            result[i] = chosen
    return result


def second_stage(text: str) -> bool:
    return language._letters(text) >= language.MIN_LETTERS and language._clear_case(text, ("en", "fr")) is None


def score(items: Labelled, decide: Decide) -> dict[str, int]:
    other = {"fr": "en", "en": "fr"}
    texts = [t for t, _ in items]
    adverse = detect(texts, "en", decide)  # project language wrong for French texts
    adverse_en = detect(texts, "fr", decide)
    right = wrong = undecided = 0
    for (_, truth), a_en, a_fr in zip(items, adverse, adverse_en, strict=True):
        got_adverse = a_en if truth == "fr" else a_fr
        got_favourable = a_fr if truth == "fr" else a_en
        if got_adverse == truth:
            right += 1
        elif got_favourable == other[truth]:
            wrong += 1
        else:
            undecided += 1
    return {"n": len(items), "right": right, "wrong": wrong, "undecided": undecided,
            "second_stage": sum(second_stage(t) for t in texts)}


def site_size(package: str) -> str:
    import importlib.util
    import subprocess

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return "not installed"
    folder = Path(spec.origin).parent
    return subprocess.run(["du", "-sh", str(folder)], check=True, capture_output=True, text=True).stdout.split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "language.json")
    args = parser.parse_args()
    sets = corpora()
    detectors: dict[str, Decide] = {}
    loading: dict[str, float] = {}
    sizes: dict[str, str] = {}
    for name, build, package in (("lingua", lingua_stage, "lingua"), ("py3langid", py3langid_stage, "py3langid")):
        try:
            start = time.perf_counter()
            detectors[name] = build()
            detectors[name]("Le colis est arrivé")  # lingua reads its models on first use
            loading[name] = time.perf_counter() - start
            sizes[name] = site_size(package)
        except ImportError:
            print(f"{name}: not installed, skipped")
    start = time.perf_counter()
    detectors["own NB"], own_bytes = own_stage()
    detectors["own NB"]("Le colis est arrivé")
    loading["own NB"] = time.perf_counter() - start
    sizes["own NB"] = f"{own_bytes / 1024:.0f} KB (model as JSON)"

    results: dict[str, dict[str, dict[str, int]]] = {}
    for name, decide in detectors.items():
        results[name] = {set_name: score(items, decide) for set_name, items in sets.items()}

    everything = [t for items in sets.values() for t, _ in items]
    if "py3langid" in detectors:
        assert language.detect_languages(everything, "fr") == detect(everything, "fr", detectors["py3langid"])
    reaching = [t for t in everything if second_stage(t)]
    timing: dict[str, dict[str, float]] = {}
    for name, decide in detectors.items():
        best_all = best_stage = math.inf
        for _ in range(3):
            start = time.perf_counter()
            detect(everything, "fr", decide)
            best_all = min(best_all, time.perf_counter() - start)
            start = time.perf_counter()
            for text in reaching:
                decide(text)
            best_stage = min(best_stage, time.perf_counter() - start)
        timing[name] = {"all_per_10k_s": best_all / len(everything) * 10_000,
                        "stage2_per_10k_s": best_stage / len(reaching) * 10_000, "load_s": loading[name]}

    names = list(detectors)
    print(f"\n{len(everything)} texts, {len(reaching)} reach the second stage\n")
    print("| set | texts | 2nd stage | " + " | ".join(f"{n} acc. (wrong/undecided)" for n in names) + " |")
    print("|---|---:|---:|" + "---:|" * len(names))
    groups = [("**full length**", [s for s in sets if s not in SHORT_SETS]), ("**short and hard**", list(SHORT_SETS))]
    for set_name in [*sets, *(g for g, _ in groups)]:
        members = next((m for g, m in groups if g == set_name), [set_name])
        row = []
        for name in names:
            total = {k: sum(results[name][m][k] for m in members) for k in ("n", "right", "wrong", "undecided")}
            row.append(f"{100 * total['right'] / total['n']:.1f}% ({total['wrong']}/{total['undecided']})")
        n = sum(results[names[0]][m]["n"] for m in members)
        stage = sum(results[names[0]][m]["second_stage"] for m in members)
        print(f"| {set_name} | {n} | {stage} | " + " | ".join(row) + " |")
    print("\n| detector | installed size | load | s per 10,000 texts (all) | s per 10,000 second-stage texts |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        t = timing[name]
        print(f"| {name} | {sizes[name]} | {t['load_s']:.2f} s | {t['all_per_10k_s']:.2f} | {t['stage2_per_10k_s']:.2f} |")
    print("\npy3langid's margin, short and hard sets: accuracy (wrong/undecided)\n")
    print("| margin | accuracy (wrong/undecided) |\n|---:|---:|")
    short_items = [item for s in SHORT_SETS for item in sets[s]]
    for margin in (0.0, 0.1, 0.2, 0.4, 0.6):
        r = score(short_items, py3langid_stage(margin)) if "py3langid" in detectors else None
        if r:
            print(f"| {margin} | {100 * r['right'] / r['n']:.1f}% ({r['wrong']}/{r['undecided']}) |")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"results": results, "timing": timing, "sizes": sizes}, indent=1))
    examples = {s: [t for t, _ in sets[s][:3]] for s in SHORT_SETS}
    print("\nexamples:", json.dumps(examples, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
