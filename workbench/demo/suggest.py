"""Demo step: topics and code suggestions on the demo corpus, with the reasons behind the top ones.

Units are whole documents here, not `auto`: the demo's truth labels and the coding step's reference
codings are per document (a relationship form is a property of the whole exchange), so documents are
what can be checked against truth.csv; they also keep the step under two minutes on two CPU cores
(482 documents through e5-small instead of some 2,000 turns). The embedder is `auto` (e5-small for
this French project), and the choice and its reason are printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCHEMES = ("relationship_forms", "contact_reasons")
# Below the default 0.5: twenty relationship forms share the probability mass, and the demo should show
# what the queue looks like once a few codings exist, not an almost empty one.
DEMO_MIN_SCORE = 0.3
SHOWN_TOPICS = 8
TRUTH_COLUMNS = {"relationship_forms": "relationship_form", "contact_reasons": "contact_reason"}


def _truth_agreement(project: Any, sample_dir: Path) -> dict[str, Any]:
    """Share of documents whose best pending suggestion per scheme matches truth.csv, among those the
    suggester got no coding for (so the figure is never measured on its own training examples)."""
    from workbench.demo.coding import read_truth

    truth_path = sample_dir / "truth.csv"
    if not truth_path.is_file():
        return {}
    truth = dict(read_truth(project, truth_path))
    result = {}
    for scheme in SCHEMES:
        best = dict(project.rows(
            "SELECT s.document_id, c.key FROM suggestions s JOIN codes c ON c.id = s.code_id "
            "WHERE s.status = 'pending' AND c.scheme = ? QUALIFY row_number() OVER "
            "(PARTITION BY s.document_id ORDER BY s.score DESC) = 1", [scheme]))
        checked = [doc for doc in best if doc in truth]
        if checked:
            hits = sum(best[doc] == truth[doc].get(TRUTH_COLUMNS[scheme]) for doc in checked)
            result[scheme] = {"documents": len(checked), "top1_agreement": round(hits / len(checked), 3)}
    return result


def demo_step(ctx: Any) -> None:
    """Embed with `auto`, fit topics, suggest codes of both schemes, print topics and top suggestions."""
    from workbench.codebook import scheme_root
    from workbench.codebook_yaml import load_scheme
    from workbench.demo import excerpt
    from workbench.suggest.codes import suggest_codes
    from workbench.suggest.device import device_report
    from workbench.suggest.embed import embed_units
    from workbench.suggest.review import review_queue
    from workbench.suggest.topics import fit_topics, topic_table

    project = ctx.project
    ctx.echo("Suggestions: topics and codes")
    device = device_report()
    ctx.echo(f"  device: {device['auto']}" + (f" ({device.get('gpu')})" if device["cuda"] else ""))
    with ctx.progress("embedding") as callback:
        embedded = embed_units(project, "auto", units="documents", progress=callback)
    ctx.echo(f"  embedder: {embedded.model_id} ({embedded.reason}); {embedded.computed} documents embedded, "
             f"{embedded.cached} cached")
    with ctx.progress("topics") as callback:
        run_id = fit_topics(project, units="documents", embedder="auto", progress=callback)
    topics = [row for row in topic_table(project, run_id) if row["topic"] != -1]  # -1: the outliers, no topic
    shown = topics[:SHOWN_TOPICS]
    more = f", the {len(shown)} largest" if len(shown) < len(topics) else ""
    ctx.echo(f"  {len(topics)} topics (run {run_id}){more}:")
    for row in shown:
        ctx.echo(f"    {row['topic']:>3} {row['size']:>4} docs  {row['label']:<40} e.g. {excerpt(row['examples'][0])}")
    for scheme in SCHEMES:
        if scheme_root(project, scheme) is None:
            load_scheme(project, scheme)
    with ctx.progress("suggestions") as callback:
        result = suggest_codes(project, list(SCHEMES), embedder="auto", units="documents", min_score=DEMO_MIN_SCORE,
                               progress=callback)
    ctx.echo(f"  {result.summary()}")  # the window's sentence for the same job
    ctx.echo("  the best ones:")
    for scheme in SCHEMES:
        code = project.scalar("SELECT name FROM codes WHERE scheme = ? AND key = ?", [scheme, scheme])
        ctx.echo(f"    {code}:")
        best = project.scalar(
            "SELECT list(s.id ORDER BY s.score DESC)[1:3] FROM suggestions s JOIN codes c ON c.id = s.code_id "
            "WHERE s.status = 'pending' AND c.scheme = ?", [scheme]) or []
        for row in [r for r in review_queue(project, limit=None) if r["id"] in best]:
            why = row["explanation"]
            ctx.echo(f"      #{row['id']} {row['score']:.2f} {row['code']} ({why['method']}) doc {row['document_id']}: "
                     f"{excerpt(row['text'])}")
            ctx.echo(f"         words: {', '.join(why.get('words') or []) or '-'}")
            if why.get("sentence"):
                ctx.echo(f"         sentence closest to the code: {excerpt(why['sentence'])}")
            for example in why["nearest_examples"][:1]:
                ctx.echo(f"         nearest coded example ({example['similarity']:.2f}): {excerpt(example['text'])}")
    agreement = _truth_agreement(project, Path(ctx.sample_dir))
    for scheme, figures in agreement.items():
        ctx.echo(f"  {scheme}: best suggestion matches truth.csv for {figures['top1_agreement']:.0%} of "
                 f"{figures['documents']} uncoded documents")
    ctx.results["suggestions"] = {
        "model": embedded.model_id, "reason": embedded.reason, "topic_run": run_id, "topics": len(topics),
        "suggestions": result.filed, "methods": result.methods, "truth_agreement": agreement,
    }
