"""Demo step: two coders code part of the demo corpus so that agreement and trainer scoring show real figures.

A `reference` coder follows the corpus answer key (truth.csv); a `trainee` follows it with seeded, plausible
mistakes: confusions between neighbouring relationship forms (fling/courtship, enmity/adversaries,
committed partnership/best friendship…) and contact reasons (billing/payment…), missed codes and a few extra
codes. Each coder's work is one journalled action, so `workbench undo` takes back the trainee's batch at
once. The answer key becomes codings of human coders (origin `import`), never suggestions: the suggestion
engine must be judged against it, not fed with it.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

from workbench.audit import audit_trail, export_csv
from workbench.codebook import find_code, scheme_root
from workbench.codebook_yaml import load_scheme
from workbench.coding import apply_code
from workbench.errors import CodingError
from workbench.project import Project
from workbench.store.coders import acting_as
from workbench.training.agreement import agreement
from workbench.training.trainee_scores import score_trainee

SCHEMES = {"relationship_form": "relationship_forms", "contact_reason": "contact_reasons"}
DOCUMENTS = 120
SEED = 2026
CONFUSION_RATE = {"relationship_form": 0.15, "contact_reason": 0.10}
MISS_RATE = 0.10
EXTRA_RATE = 0.05
# Pairs a beginner mixes up: close in Fournier's dimensions, or close reasons for contacting a firm.
NEIGHBOURS = {
    "relationship_form": [
        ("fling", "courtship"), ("enmity", "adversaries"), ("committed_partnership", "best_friendship"),
        ("dependency", "enslavement"), ("rebound", "ex_friends"), ("marriage_of_convenience", "arranged_marriage"),
        ("kinship", "childhood_friendship"), ("casual_friends", "basic_exchange"),
        ("business_partners", "basic_exchange"), ("master_slave", "enslavement"), ("secret_affair", "fling"),
        ("compartmentalised_friendship", "casual_friends"),
    ],
    "contact_reason": [
        ("billing", "payment"), ("refund", "billing"), ("delivery", "order"), ("subscription_change", "cancellation"),
        ("price", "billing"), ("contact_difficulty", "agent_behaviour"), ("information_request", "order"),
        ("product_defect", "refund"), ("account_access", "contact_difficulty"), ("compliment", "agent_behaviour"),
    ],
}


def _neighbours(column: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for a, b in NEIGHBOURS[column]:
        table.setdefault(a, []).append(b)
        table.setdefault(b, []).append(a)
    return table


def read_truth(project: Project, truth_path: Path) -> list[tuple[int, dict[str, str]]]:
    """(document id, labels) for each truth row whose document was imported, in truth.csv order.

    Rows join documents on the file name and the 1-based item number (1 for one-document files); when two
    folders hold files of the same name, the one whose import path ends with the row's relative path wins."""
    documents: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for doc_id, name, position, origin in project.rows(
        "SELECT d.id, s.name, d.position, s.origin FROM documents d JOIN sources s ON s.id = d.source_id"
    ):
        documents.setdefault((name, position or 1), []).append((doc_id, origin or ""))
    found = []
    seen: set[int] = set()
    with truth_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            relative = row["file"].replace("\\", "/")
            item = int(row["item"]) if (row.get("item") or "").strip() else 1
            candidates = documents.get((Path(relative).name, item), [])
            best = [doc for doc, origin in candidates if origin.replace("\\", "/").endswith(relative)] or \
                [doc for doc, _ in candidates]
            if best and best[0] not in seen:  # a document listed twice keeps its first labels
                seen.add(best[0])
                found.append((best[0], row))
    return found


def _trainee_labels(rng: random.Random, labels: dict[str, str], all_keys: dict[str, list[str]]) -> dict[str, list[str]]:
    """The trainee's codes for one document: the truth, with seeded confusions, misses and extras."""
    chosen: dict[str, list[str]] = {}
    for column in SCHEMES:
        key = labels.get(column, "").strip()
        if not key:
            continue
        neighbours = _neighbours(column).get(key)
        if rng.random() < MISS_RATE:
            chosen[column] = []
        elif neighbours and rng.random() < CONFUSION_RATE[column]:
            chosen[column] = [rng.choice(neighbours)]
        else:
            chosen[column] = [key]
        if rng.random() < EXTRA_RATE:
            others = [k for k in all_keys[column] if k != key and k not in chosen[column]]
            if others:
                chosen[column].append(rng.choice(others))
    return chosen


def _code_batch(project: Project, coder: str, role: str, work: list[tuple[int, dict[str, list[str]]]],
                code_ids: dict[tuple[str, str], int]) -> int:
    """All of one coder's codings as one journalled action; returns how many codings were made."""
    made = 0
    with acting_as(project, "demo_coding", coder, role=role) as rec:
        for document_id, by_column in work:
            for column, keys in by_column.items():
                for key in keys:
                    code_id = code_ids.get((column, key))
                    if code_id is None:
                        continue
                    apply_code(project, document_id, code_id, coder=coder, origin="import")
                    made += 1
        rec.describe({"coder": coder, "documents": len(work), "codings": made},
                     f"{coder} coded {len(work)} demo documents ({made} whole-document codings from truth.csv)")
    return made


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def demo_step(ctx: Any) -> None:
    """Load the two schemes, code ~120 documents as reference and trainee, print agreement and scoring."""
    project: Project = ctx.project
    ctx.echo("Coding: reference and trainee")
    roots = {}
    for scheme in SCHEMES.values():
        roots[scheme] = scheme_root(project, scheme) or load_scheme(project, scheme)
    truth_path = Path(ctx.sample_dir) / "truth.csv"
    if not truth_path.is_file():
        ctx.echo("  truth.csv missing: nothing coded")
        return
    rows = read_truth(project, truth_path)
    if not rows:
        ctx.echo("  no imported document matches truth.csv: nothing coded")
        return
    rng = random.Random(SEED)
    sample = sorted(rng.sample(rows, min(DOCUMENTS, len(rows))), key=lambda item: item[0])

    code_ids: dict[tuple[str, str], int] = {}
    all_keys: dict[str, list[str]] = {}
    for column, scheme in SCHEMES.items():
        keys = sorted({labels.get(column, "").strip() for _, labels in rows} - {""})
        for key in keys:
            try:
                code_ids[(column, key)] = find_code(project, f"{scheme}:{key}")
            except CodingError:
                ctx.echo(f"  {scheme}:{key} is not in the scheme; its truth labels are skipped")
        all_keys[column] = [key for key in keys if (column, key) in code_ids]

    reference_work = [(doc, {c: [labels[c].strip()] for c in SCHEMES if labels.get(c, "").strip()})
                      for doc, labels in sample]
    trainee_work = [(doc, _trainee_labels(rng, labels, all_keys)) for doc, labels in sample]
    made_reference = _code_batch(project, "reference", "reference", reference_work, code_ids)
    made_trainee = _code_batch(project, "trainee", "trainee", trainee_work, code_ids)
    ctx.echo(f"  {len(sample)} documents: {made_reference} reference codings, {made_trainee} trainee codings")

    results: dict[str, Any] = {"documents": len(sample), "codings": {"reference": made_reference,
                                                                     "trainee": made_trainee}}
    for scheme, root in roots.items():
        report = agreement(project, ["reference", "trainee"], codes=[root])
        overall = report.overall
        ctx.echo(f"  agreement {scheme:<20} kappa {_fmt(overall.cohen_kappa)}  alpha "
                 f"{_fmt(overall.krippendorff_alpha)}  ({overall.n_units} document x code units)")
        results[scheme] = {"kappa": overall.cohen_kappa, "alpha": overall.krippendorff_alpha,
                           "percent": overall.percent_agreement, "n_units": overall.n_units}
    score = score_trainee(project, "reference", "trainee")
    ctx.echo(f"  trainee F1 {_fmt(score.document.f1)} (precision {_fmt(score.document.precision)}, recall "
             f"{_fmt(score.document.recall)}); {len(score.misses)} misses, {len(score.false_alarms)} false alarms")
    for item in score.confusions[:3]:
        ctx.echo(f"    {item['count']:>3} x {item['trainee_code'].split('/')[-1]} instead of "
                 f"{item['reference_code'].split('/')[-1]}")
    out_dir = Path(ctx.out_dir)
    (out_dir / "trainee_score.json").write_text(json.dumps(score.to_dict(), ensure_ascii=False, indent=2),
                                                encoding="utf-8")
    export_csv(audit_trail(project), out_dir / "audit.csv")
    ctx.echo("  wrote trainee_score.json (scores, misses and false alarms with their text) and audit.csv")
    results.update(f1=score.document.f1, precision=score.document.precision, recall=score.document.recall,
                   confusions=score.confusions[:5])
    ctx.results["coding"] = results
