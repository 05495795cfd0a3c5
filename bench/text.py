"""Benchmark of the text pipeline (issue 4): segmentation throughput, index build, search latency.

1. Segmentation of N French verbatims (default 20,000, generated from a bank of realistic sentences,
   cached in bench/out/). Baseline, in the same process and run: spaCy's own `nlp.pipe` over the same
   texts with the same pipeline (fr_core_news_sm, parser and NER excluded, senter on), docs and their
   sentences consumed, nothing written. Ours: `segment_project` on a project holding the same texts:
   language detection, sentences, tokens, terms, one transaction per batch, plus the final sort of the
   index. The corpus is cut in 10 slices and the two alternate slice by slice, so that both see the same
   load on a shared machine; wall and CPU seconds (process time) are reported, in words/s.
2. Search on a 1,000,000-document project built by bulk SQL (not by spaCy): documents, an `nps` and a
   `canal` variable per document, and about 25 tokens per document drawn from a 50,000-word vocabulary
   with a Zipf distribution (rank = floor(V ** U), U uniform: P(rank) ~ 1/rank); the most frequent words
   are the lemmas of the segmented corpus, the rest synthetic. Timed: `search()` of one-word queries
   picked across the frequency ranks with `where=['nps<=6']` and limit 50, each run 5 times, median and
   p95. Baseline: the same queries on the same tokens before `tokens.compact` sorts them by lemma.

Usage: .venv/bin/python bench/text.py [--verbatims N] [--documents N] [--skip-segment] [--skip-search]
Goals: segmentation within 1.2x of nlp.pipe; search median under 100 ms on 1,000,000 documents.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.project import Project

OUT = Path(__file__).resolve().parent / "out"

OPENINGS = ["Bonjour,", "Bonjour madame,", "Bonsoir,", "Alors voilà,", "Franchement,", "Honnêtement,", "", "", ""]
SENTENCES = [
    "j'ai reçu une facture de {amount} euros alors que mon forfait est à {small} euros",
    "cela fait {n} semaines que j'attends mon remboursement",
    "le conseiller a été très aimable et a résolu mon problème en quelques minutes",
    "personne ne répond au téléphone, j'ai attendu {n} minutes avant de raccrocher",
    "ma box internet redémarre toute seule depuis la dernière mise à jour",
    "je souhaite résilier mon contrat à la fin du mois",
    "on m'a promis un geste commercial qui n'est jamais arrivé",
    "la livraison a pris {n} jours de retard et le colis était abîmé",
    "je suis cliente depuis {n} ans et je n'ai jamais été aussi mal traitée",
    "le prélèvement a été effectué deux fois ce mois-ci",
    "le technicien est venu à l'heure et a tout réparé rapidement",
    "l'application plante dès que j'essaie de payer ma facture",
    "vos tarifs ont augmenté sans que personne ne me prévienne",
    "je recommande vivement votre service à tous mes proches",
    "j'ai dû rappeler {n} fois pour obtenir une réponse claire",
    "le débit internet est catastrophique le soir",
    "merci pour votre réactivité et votre professionnalisme",
    "les frais de résiliation sont scandaleux",
    "la boutique a refusé d'échanger mon téléphone défectueux",
    "je n'ai toujours pas été remboursée malgré mes nombreuses relances",
    "votre service client est devenu injoignable depuis quelques mois",
    "l'offre fibre est bien plus rapide que mon ancien abonnement",
    "mon compteur a été relevé avec une erreur de plusieurs centaines de kilowattheures",
    "je trouve que le rapport qualité prix est correct",
    "les conseillers se renvoient la balle et personne ne prend ma demande en charge",
    "j'ai reçu un courrier de relance alors que j'avais déjà payé",
    "l'installation s'est très bien passée, rien à redire",
    "je ne comprends pas pourquoi ma mensualité a doublé",
    "on m'a facturé une option que je n'ai jamais demandée",
    "le chat en ligne m'a permis de régler le problème rapidement",
    "je vais partir chez un concurrent si rien ne change",
    "votre conseillère a pris le temps de tout m'expliquer",
    "mes factures sont incompréhensibles et remplies d'erreurs",
    "la coupure a duré {n} jours sans aucune information de votre part",
    "je suis satisfait de la qualité du réseau mobile",
    "le remboursement promis n'apparaît toujours pas sur mon compte",
    "l'espace client ne fonctionne pas sur mon téléphone",
    "j'apprécie la simplicité de vos offres",
    "il a fallu attendre {n} jours pour avoir un rendez-vous",
    "les délais annoncés n'ont jamais été respectés",
]
ENDINGS = [".", ".", ".", " !", " !!", " ?", "...", "."]
CLOSINGS = ["Merci d'avance.", "Cordialement.", "Bonne journée.", "", "", "", "À bientôt."]


def make_verbatims(count: int, seed: int = 4) -> list[str]:
    """French verbatims of 1 to 5 sentences, cached as JSON (generated once)."""
    cache = OUT / f"verbatims_{count}_{seed}.json"
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(OPENINGS)]
        for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])):
            sentence = rng.choice(SENTENCES).format(
                amount=rng.randint(40, 400), small=rng.randint(10, 39), n=rng.randint(2, 12))
            parts.append(sentence[0].upper() + sentence[1:] + rng.choice(ENDINGS))
        parts.append(rng.choice(CLOSINGS))
        texts.append(" ".join(part for part in parts if part))
    OUT.mkdir(exist_ok=True)
    cache.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return texts


def fresh(path: Path) -> Project:
    for stale in (path, Path(str(path) + ".wal")):
        stale.unlink(missing_ok=True)
    return Project.create(path)


def load_texts(project: Project, texts: list[str]) -> None:

    import pyarrow as pa

    project.execute("INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 'bench', '/bench', 'x')")
    table = pa.table({
        "text": texts, "n_chars": [len(t) for t in texts],
    })
    project.con.register("bench_texts", table)
    project.execute("INSERT INTO documents (source_id, kind, text, n_chars, content_hash) SELECT 1, 'survey', text, n_chars, hash(text) FROM bench_texts")
    project.con.unregister("bench_texts")


def bench_segment(count: int, slices: int = 10) -> dict:
    """Baseline and ours on alternating slices of the corpus (ours first on every other slice), so that
    both see the same machine load; wall and CPU seconds are summed over the slices."""
    from workbench.text.nlp import segmenter
    from workbench.text.segment import segment_project
    from workbench.text.tokens import compact

    texts = make_verbatims(count)
    words = sum(len(t.split()) for t in texts)
    nlp = segmenter("fr")
    list(nlp.pipe(texts[:200]))  # warm-up: first-call allocations are nobody's cost
    project = fresh(OUT / "segment_bench.vwb")
    load_texts(project, texts)
    ids = [row[0] for row in project.rows("SELECT id FROM documents ORDER BY id")]
    size = -(-count // slices)
    totals = {"baseline": [0.0, 0.0], "ours": [0.0, 0.0]}
    sentences = tokens = 0

    def baseline(part: list[str]) -> None:
        for doc in nlp.pipe(part, batch_size=256):
            for _ in doc.sents:
                pass

    for index in range(slices):
        part = slice(index * size, (index + 1) * size)
        order = ["baseline", "ours"] if index % 2 == 0 else ["ours", "baseline"]
        for who in order:
            wall, cpu = time.perf_counter(), time.process_time()
            if who == "baseline":
                baseline(texts[part])
            else:
                report = segment_project(project, document_ids=ids[part], compact=False)
                sentences += report.sentences
                tokens += report.tokens
            totals[who][0] += time.perf_counter() - wall
            totals[who][1] += time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    compact(project, force=True)
    sort_wall, sort_cpu = time.perf_counter() - wall, time.process_time() - cpu
    totals["ours"][0] += sort_wall
    totals["ours"][1] += sort_cpu
    result = {
        "verbatims": count, "words": words, "slices": slices, "baseline": totals["baseline"], "ours": totals["ours"],
        "sort_s": sort_wall, "sentences": sentences, "tokens": tokens,
        "vocabulary": [row[0] for row in project.rows(
            "SELECT l.text FROM tokens t JOIN terms l ON l.id = t.lemma_id GROUP BY l.text ORDER BY count(*) DESC, l.text")],
    }
    project.close()
    return result


def build_million(path: Path, documents: int, vocabulary: list[str], size: int = 50_000) -> tuple[Project, float]:
    """A project of `documents` documents with a Zipf-distributed token index, by bulk SQL."""
    words = [w for w in vocabulary if w.isalpha()][:size]
    words += [f"mot{i}" for i in range(size - len(words))]
    project = fresh(path)
    project.execute("SET memory_limit = '6GB'")
    started = time.perf_counter()
    import pyarrow as pa

    with project.transaction():
        project.con.register("vocab", pa.table({"id": list(range(1, size + 1)), "text": words}))
        project.execute("INSERT INTO terms SELECT id, text FROM vocab")
        project.execute("INSERT INTO forms SELECT id, id FROM vocab")
        project.con.unregister("vocab")
        project.execute("INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 'bench', '/bench', 'x')")
        # Token ids per document: 5 to 44 tokens, rank = floor(V ** U) (Zipf, s = 1).
        project.execute(f"""
            CREATE TEMP TABLE gen AS
            SELECT d AS document_id, p AS position,
                   least({size}, CAST(floor(pow({size}, random())) AS INTEGER)) AS term_id
            FROM range(1, {documents} + 1) r(d), LATERAL (SELECT unnest(range(5 + CAST(hash(d) % 40 AS INTEGER))) AS p)""")
        project.execute("""
            CREATE TEMP TABLE placed AS
            SELECT g.document_id, g.position, g.term_id, length(t.text) AS n,
                   sum(length(t.text) + 1) OVER (PARTITION BY g.document_id ORDER BY g.position) - length(t.text) - 1 AS start_pos,
                   t.text
            FROM gen g JOIN terms t ON t.id = g.term_id""")
        project.execute("""
            INSERT INTO documents (id, source_id, kind, text, n_chars, content_hash, occurred_at)
            SELECT document_id, 1, (['survey', 'call', 'email', 'chat'])[CAST(1 + document_id % 4 AS BIGINT)],
                   string_agg(text, ' ' ORDER BY position), sum(n + 1) - 1, hash(string_agg(text, ' ' ORDER BY position)),
                   TIMESTAMP '2025-01-01' + INTERVAL (document_id % 365) DAY
            FROM placed GROUP BY document_id""")
        project.execute("""
            INSERT INTO tokens SELECT document_id, position, start_pos, start_pos + n, term_id, term_id FROM placed
            ORDER BY document_id, position""")
        project.execute("INSERT INTO variables (name, type) VALUES ('nps', 'integer'), ('canal', 'text')")
        project.execute("""
            INSERT INTO document_values
            SELECT id, 1, CAST(hash(id * 7) % 11 AS VARCHAR) FROM documents
            UNION ALL SELECT id, 2, (['chat', 'e-mail', 'téléphone', 'boutique'])[CAST(1 + hash(id * 13) % 4 AS BIGINT)] FROM documents""")
        project.execute("""INSERT INTO text_status (document_id, lang, n_sentences, n_tokens)
            SELECT document_id, 'fr', 1, count(*) FROM placed GROUP BY document_id""")
        project.execute("DROP TABLE gen")
        project.execute("DROP TABLE placed")
    project.execute("CHECKPOINT")
    return project, time.perf_counter() - started


def time_queries(project: Project, queries: list[str], repeats: int = 5) -> tuple[list[float], dict[str, float]]:
    from workbench.search import search

    all_times: list[float] = []
    per_query = {}
    for query in queries:
        search(project, query, where=["nps<=6"], limit=50)  # resolves the word once (spaCy lemma cached)
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            search(project, query, where=["nps<=6"], limit=50)
            times.append(time.perf_counter() - started)
        per_query[query] = statistics.median(times)
        all_times += times
    return all_times, per_query


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_search(documents: int, vocabulary: list[str]) -> dict:
    from workbench.text.tokens import compact

    project, build_s = build_million(OUT / "search_bench.vwb", documents, vocabulary)
    n_tokens = project.scalar("SELECT count(*) FROM tokens")
    ranks = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]
    queries = [project.scalar("SELECT text FROM terms WHERE id = ?", [rank]) for rank in ranks]
    frequency = {q: project.scalar("SELECT count(*) FROM tokens WHERE lemma_id = ?", [r]) for q, r in zip(queries, ranks)}
    unsorted_times, unsorted_per = time_queries(project, queries)
    started = time.perf_counter()
    compact(project, force=True)
    sort_s = time.perf_counter() - started
    sorted_times, sorted_per = time_queries(project, queries)
    project.close()
    return {
        "documents": documents, "tokens": n_tokens, "build_s": build_s, "sort_s": sort_s,
        "queries": [(q, r, frequency[q], unsorted_per[q], sorted_per[q]) for q, r in zip(queries, ranks)],
        "unsorted": (statistics.median(unsorted_times), p95(unsorted_times)),
        "sorted": (statistics.median(sorted_times), p95(sorted_times)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbatims", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--skip-segment", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print(f"bench/text.py  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  load average {os.getloadavg()[0]:.1f}")
    vocabulary_cache = OUT / "vocabulary.json"
    if not args.skip_segment:
        seg = bench_segment(args.verbatims)
        vocabulary_cache.write_text(json.dumps(seg["vocabulary"], ensure_ascii=False), encoding="utf-8")
        words = seg["words"]
        print(f"\nSegmentation of {seg['verbatims']:,} French verbatims ({words:,} words; {seg['sentences']:,} sentences, "
              f"{seg['tokens']:,} tokens indexed)")
        (bw, bc), (ow, oc) = seg["baseline"], seg["ours"]
        print(f"(slices of {seg['verbatims'] // seg['slices']:,} verbatims, baseline and ours alternating)")
        print(f"{'measure':<52}{'wall s':>8}{'words/s':>9}{'ratio':>7}{'CPU s':>8}{'ratio':>7}")
        print(f"{'spaCy nlp.pipe, same pipeline (baseline)':<52}{bw:>8.1f}{words / bw:>9,.0f}{1:>7.2f}{bc:>8.1f}{1:>7.2f}")
        print(f"{'segment_project: language+sentences+tokens, written':<52}{ow:>8.1f}{words / ow:>9,.0f}"
              f"{ow / bw:>7.2f}{oc:>8.1f}{oc / bc:>7.2f}")
        print(f"{'  of which the final sort of the index':<52}{seg['sort_s']:>8.2f}")
        print(f"(audit: vocabulary of {len(seg['vocabulary']):,} lemmas)")
    if not args.skip_search:
        vocabulary = json.loads(vocabulary_cache.read_text(encoding="utf-8")) if vocabulary_cache.exists() else []
        res = bench_search(args.documents, vocabulary)
        print(f"\nSearch on {res['documents']:,} documents, {res['tokens']:,} tokens (built by bulk SQL in "
              f"{res['build_s']:.0f} s; index sort {res['sort_s']:.1f} s); one word + where nps<=6, limit 50, 5 runs each")
        print(f"{'word':<16}{'rank':>6}{'tokens':>10}{'unsorted ms':>13}{'sorted ms':>11}{'ratio':>7}")
        for word, rank, freq, before, after in res["queries"]:
            print(f"{word[:15]:<16}{rank:>6}{freq:>10,}{before * 1000:>13.1f}{after * 1000:>11.1f}{after / before:>7.2f}")
        (um, up), (sm, sp) = res["unsorted"], res["sorted"]
        print(f"{'median (all runs)':<32}{um * 1000:>13.1f}{sm * 1000:>11.1f}{sm / um:>7.2f}")
        print(f"{'p95 (all runs)':<32}{up * 1000:>13.1f}{sp * 1000:>11.1f}{sp / up:>7.2f}")


if __name__ == "__main__":
    main()
