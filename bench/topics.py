"""Topic quality on the demo corpus: are the topics themes an analyst can read, and do they match truth.csv?

Usage: `python bench/topics.py --label after [--units documents|auto] [--kinds call,email] [--embedder e5-small]`.
The demo corpus (sample_projects/relation-client) is imported once into bench/out/topics_demo.vwb, whose
embedding cache makes later runs cost only the topic fit. Each run fits topics exactly as `workbench topics`
does (on the units of the documents of `--kinds`, all by default), then measures them with workbench/suggest/topic_quality.py:
- NPMI of each topic's ten keywords over the corpus's stored documents (all speakers, quotes aside), and
  diversity (distinct words among all keywords, stop words aside);
- ARI between each document's topic (its units' majority topic) and the labelled contact reason,
  relationship form and emotion, on calls and e-mails and on all the documents fitted.
It prints every topic (size, kinds of documents, label, keywords) so that a reader can judge them, and
writes the same as JSON to bench/out/topics_<label>_<units>_<kinds>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
SAMPLE = ROOT / "sample_projects" / "relation-client"
TRUTH = ("contact_reason", "relationship_form", "emotion")


def demo_project(path: Path):  # type: ignore[no-untyped-def]
    """The demo corpus imported with its document kinds (kept between runs for its embedding cache)."""
    from workbench.demo.ingest import DEMO_FOLDERS
    from workbench.ingest.folder import import_paths
    from workbench.project import Project

    if path.exists():
        return Project.open(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(path, language="fr")
    for folder, kind in DEMO_FOLDERS:
        import_paths(project, [SAMPLE / folder], kind=kind)
    return project


def document_topics(project, run_id: int) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Each document's topic: the topic most of its units fell in (ties: the lower topic number)."""
    votes: dict[int, Counter[int]] = {}
    for document_id, topic in project.rows(
        "SELECT coalesce(s.document_id, ut.unit_id), ut.topic FROM unit_topics ut LEFT JOIN segments s "
        "ON ut.unit_kind = 'segment' AND s.id = ut.unit_id WHERE ut.run_id = ?", [run_id]):
        votes.setdefault(int(document_id), Counter())[int(topic)] += 1
    return {doc: min(c, key=lambda t: (-c[t], t)) for doc, c in votes.items()}


def measure(label: str, units: str, embedder: str, kinds_fitted: set[str] | None) -> dict:
    from workbench.demo.coding import read_truth
    from workbench.suggest.lexical import stop_words
    from workbench.suggest.topic_quality import adjusted_rand, diversity, npmi
    from workbench.suggest.topics import fit_topics, topic_table
    from workbench.suggest.units import load_units

    project = demo_project(OUT / "topics_demo.vwb")
    try:
        kinds = dict(project.rows("SELECT id, kind FROM documents"))
        kinds_fitted = kinds_fitted or set(kinds.values())
        chosen = [u for u in load_units(project, units) if kinds[u.document_id] in kinds_fitted]
        started = time.perf_counter()
        run_id = fit_topics(project, units=chosen, embedder=embedder, device="cpu")
        seconds = time.perf_counter() - started
        table = topic_table(project, run_id)
        texts = [text for doc, text in project.rows("SELECT id, text FROM documents ORDER BY id")
                 if kinds[doc] in kinds_fitted]
        found = document_topics(project, run_id)
        truth = dict(read_truth(project, SAMPLE / "truth.csv"))
        members: dict[int, Counter[str]] = {}
        for doc, topic in found.items():
            members.setdefault(topic, Counter())[kinds[doc]] += 1
        keyword_lists = [row["keywords"] for row in table]
        ari = {}
        for scope, allowed in (("calls+emails", {"call", "email"} & kinds_fitted), ("all fitted", kinds_fitted)):
            docs = [d for d in sorted(found) if d in truth and kinds[d] in allowed]
            ari[scope] = {column: adjusted_rand([truth[d][column] for d in docs], [found[d] for d in docs])
                          for column in TRUTH}
        result = {
            "label": label, "units": units, "kinds": sorted(kinds_fitted), "embedder": embedder, "run_id": run_id,
            "seconds_with_cached_vectors": round(seconds, 1),
            "npmi": npmi(keyword_lists, texts), "diversity": diversity(keyword_lists, stop_words("fr")),
            "ari": ari,
            "topics": [{"topic": row["topic"], "size": row["size"], "label": row["label"],
                        "keywords": list(row["keywords"]),
                        "documents": dict(members.get(row["topic"], Counter()).most_common())} for row in table],
        }
    finally:
        project.close()
    return result


def print_result(result: dict) -> None:
    print(f"## {result['label']} ({result['units']} units of {'+'.join(result['kinds'])}, {result['embedder']}, "
          f"run {result['run_id']}, "
          f"{result['seconds_with_cached_vectors']} s)")
    print(f"NPMI {result['npmi']}  diversity {result['diversity']}")
    for scope, values in result["ari"].items():
        print(f"ARI {scope}: " + ", ".join(f"{k} {v}" for k, v in values.items()))
    print("| topic | units | documents | label | keywords |\n|---|---|---|---|---|")
    for topic in result["topics"]:
        kinds = ", ".join(f"{kind} {n}" for kind, n in topic["documents"].items())
        print(f"| {topic['topic']} | {topic['size']} | {kinds} | {topic['label']} | {', '.join(topic['keywords'])} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="current")
    parser.add_argument("--units", default="documents", choices=["documents", "auto", "segments"])
    parser.add_argument("--kinds", default="", help="document kinds to fit, comma-separated (default: all)")
    parser.add_argument("--embedder", default="e5-small")
    args = parser.parse_args()
    kinds = {kind for kind in args.kinds.split(",") if kind} or None
    result = measure(args.label, args.units, args.embedder, kinds)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"topics_{args.label}_{args.units}_{'+'.join(sorted(kinds or {'all'}))}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print_result(result)


if __name__ == "__main__":
    main()
