"""Machine suggestions from the command line: `embed`, `topics`, `suggest`, `review`, `device`.

Each command opens the project, does one job and prints a short summary (or JSON with --json).
Models load inside the command bodies, so `workbench --help` does not import torch.
"""

from __future__ import annotations

from typing import Any

import click

from workbench.commands.common import (
    json_option,
    print_json,
    progress_reporter,
    project_argument,
    quiet_option,
)
from workbench.errors import WorkbenchError
from workbench.store.coders import default_coder_name

units_option = click.option("--units", type=click.Choice(["auto", "documents", "segments"]), default="auto",
                            show_default=True, help="Embed whole documents, their segments, or long ones split.")
embedder_option = click.option("--embedder", default="auto", show_default=True,
                               help="auto, lexical, e5-small, or st:FOLDER-OR-PACKAGE (sentence-transformers).")
device_option = click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto",
                             show_default=True, help="Where semantic models run.")


def cluster_option(what: str) -> Any:
    return click.option(
        "--cluster", "cluster", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
        help=f"{what} on a Ray cluster: ray://HOST:PORT, or alone for $RAY_ADDRESS or a local one "
             "(needs the `cluster` extra; unit texts travel to that cluster only).")


def register(cli: click.Group) -> None:
    for command in (embed, topics, suggest, review, device):
        cli.add_command(command)


def _open(path: str) -> Any:
    from workbench.project import Project

    return Project.open(path)


@click.command()
@project_argument
@embedder_option
@device_option
@units_option
@cluster_option("Embed")
@json_option
@quiet_option
def embed(project: str, embedder: str, device: str, units: str, cluster: str | None, as_json: bool,
          quiet: bool) -> None:
    """Compute and cache the vectors of every unit not embedded yet with this model."""
    from workbench.suggest.embed import embed_units

    with _open(project) as opened, progress_reporter("embedding", quiet or as_json) as report:
        if cluster is None:
            result = embed_units(opened, embedder, units=units, device=device, progress=report)
        else:
            from workbench.suggest.cluster import embed_on_cluster

            result = embed_on_cluster(opened, embedder, address=cluster, units=units, device=device,
                                      progress=report)
    if as_json:
        print_json(result.as_dict())
        return
    click.echo(result.summary())
    click.echo(f"why this model: {result.reason}")


@click.command()
@project_argument
@units_option
@embedder_option
@device_option
@click.option("--min-size", type=click.IntRange(2), default=None, help="Smallest topic (default grows with corpus).")
@cluster_option("Embed the missing vectors and place the units on the topic map")
@json_option
@quiet_option
def topics(project: str, units: str, embedder: str, device: str, min_size: int | None, cluster: str | None,
           as_json: bool, quiet: bool) -> None:
    """Find topics (BERTopic) in the project's units and store them as a run."""
    from workbench.suggest.topics import fit_topics, topic_table

    with _open(project) as opened, progress_reporter("topics", quiet or as_json) as report:
        if cluster is None:
            run_id = fit_topics(opened, units=units, embedder=embedder, device=device, min_size=min_size,
                                progress=report)
        else:
            from workbench.suggest.cluster import topics_on_cluster

            run_id = topics_on_cluster(opened, address=cluster, units=units, embedder=embedder, device=device,
                                       min_size=min_size, progress=report)
        table = topic_table(opened, run_id)
        run = opened.dicts("SELECT model, device, metrics FROM runs WHERE id = ?", [run_id])[0]
    if as_json:
        print_json({"run_id": run_id, **run, "topics": table})
        return
    _echo_topic_run(run_id, run)
    for row in table:
        click.echo("\n".join(topic_lines(row)))


def topic_lines(row: dict[str, Any]) -> list[str]:
    """A topic as the terminal shows it; the units HDBSCAN left apart and no topic took back are a row of
    their own, not a topic numbered -1."""
    if row["topic"] == -1:
        return [f"  no topic  {row['size']:>6} units  (too far from every topic to join one)"]
    return [f"  topic {row['topic']:>3}  {row['size']:>6} units  {row['label']}",
            f"             {', '.join(row['keywords'] or [])}"]


@click.command()
@project_argument
@click.option("--codes", "code_selectors", multiple=True, metavar="PATH",
              help="Scheme name, code path ('Parent/Child') or key; repeat. Default: every codable code.")
@embedder_option
@device_option
@units_option
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="File suggestions whose calibrated score is at least this (default: the threshold for --precision).")
@click.option("--precision", type=click.FloatRange(0.05, 1), default=0.8, show_default=True,
              help="Target share of right suggestions, measured on your codings by cross-validation.")
@click.option("--code-next", type=click.IntRange(1), default=None, metavar="N",
              help="Instead of suggesting: list the N uncoded units whose coding would teach the model most, "
                   "and the learning curve (accuracy against coded examples per code).")
@click.option("--no-companions", is_flag=True,
              help="With --embedder auto, learn from the chosen model only, not also from the other installed "
                   "models that understand the project language (faster; about a point less accurate).")
@click.option("--no-sentences", is_flag=True,
              help="Compare codes' descriptions with whole units only, not also with each unit's best "
                   "sentence: the first run then encodes no sentences (for very large projects; less accurate).")
@json_option
@quiet_option
def suggest(project: str, code_selectors: tuple[str, ...], embedder: str, device: str, units: str,
            min_score: float | None, precision: float, code_next: int | None, no_companions: bool,
            no_sentences: bool, as_json: bool, quiet: bool) -> None:
    """Propose codes for uncoded units (from the codebook, then from your codings); replaces pending ones."""
    from workbench.suggest import codes as suggester

    if code_next is not None:
        with _open(project) as opened, progress_reporter("choosing", quiet or as_json) as report:
            plan = suggester.code_next(opened, list(code_selectors) or None, code_next, embedder=embedder,
                                       units=units, device=device, sentences=not no_sentences, progress=report)
        if as_json:
            print_json(plan)
            return
        _print_code_next(plan)
        return
    with _open(project) as opened, progress_reporter("suggesting", quiet or as_json) as report:
        result = suggester.suggest_codes(opened, list(code_selectors) or None, embedder=embedder, units=units,
                                         device=device, min_score=min_score, precision=precision,
                                         companions=not no_companions, sentences=not no_sentences,
                                         progress=report)
    if as_json:
        print_json(result.as_dict())
        return
    click.echo(result.summary())
    for line in result.without_lines():
        click.echo(line)
    for scheme, details in result.schemes.items():
        found = details.get("evidence")
        if found and found.get("tested"):
            weights = ", ".join(f"{name} {weight:.2f}" for name, weight in found["weights"].items() if weight)
            accuracy = ", ".join(f"{name} {value:.2f}" for name, value in found["accuracy"].items())
            click.echo(f"{scheme}: blend {weights}; cross-validated accuracy on {found['tested']} coded units: "
                       f"{accuracy}")
            trained = found.get("self_training")
            if trained:
                click.echo(f"  self-training kept: the surest {trained['share']:.0%} of the uncoded units the blend gives each code "
                           f"were learnt too (cross-validated accuracy {trained['without']:.2f} -> "
                           f"{trained['accuracy']:.2f})")
            elif "blend, self-trained" in found["accuracy"]:
                click.echo("  self-training left out: learning the blend's surest uncoded units was not right more "
                           "often on these codings")
            click.echo("  calibration (score band: units, mean score, share right): " + "; ".join(
                f"{band['from']:.1f}-{band['to']:.1f}: {band['n']}, {band['score']:.2f}, {band['right']:.2f}"
                for band in found["calibration"]))
    for code, method in result.methods.items():
        click.echo(f"  {code}: {method}")


def _print_code_next(plan: dict[str, Any]) -> None:
    for scheme, found in plan.items():
        counts = ", ".join(f"{code} {count}" for code, count in found["coded_per_code"].items())
        click.echo(f"{scheme}: coded examples per code: {counts}")
        curve = found["learning_curve"]
        if curve:
            click.echo("  learning curve (examples per code: cross-validated accuracy): " + ", ".join(
                f"{point['per_code']}: {point['accuracy']:.2f}" for point in curve))
        else:
            click.echo("  learning curve: code at least 2 units for 2 codes to measure it")
        for rank, row in enumerate(found["queue"], start=1):
            click.echo(f"  {rank:>3}. doc {row['document_id']}[{row['start']}:{row['end']}]  between "
                       f"{' / '.join(row['between'])} (uncertainty {row['uncertainty']:.2f})  {row['text'][:80]!r}")


@click.command()
@project_argument
@click.option("--accept", "accept_ids", type=int, multiple=True, metavar="ID", help="Accept suggestion ID; repeat.")
@click.option("--reject", "reject_ids", type=int, multiple=True, metavar="ID", help="Reject suggestion ID; repeat.")
@click.option("--relabel", nargs=2, type=(int, str), default=None, metavar="ID CODE",
              help="Code suggestion ID's span with CODE (id, key or name) instead.")
@click.option("--accept-above", type=click.FloatRange(0, 1), default=None, metavar="SCORE",
              help="Accept every pending suggestion scoring at least SCORE (with the filters below).")
@click.option("--dry-run", is_flag=True, help="With --accept-above: only count what would be accepted.")
@click.option("--code", default=None, help="Filter the queue by code (id, key or name).")
@click.option("--kind", default=None, help="Filter the queue by document kind (call, email, survey…).")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE", help="Filter by a case variable; repeat.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None)
@click.option("--max-score", type=click.FloatRange(0, 1), default=None)
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Queue rows to show.")
@click.option("--coder", default=default_coder_name, show_default="$WORKBENCH_CODER or login name")
@json_option
def review(project: str, accept_ids: tuple[int, ...], reject_ids: tuple[int, ...], relabel: tuple[int, str] | None,
           accept_above: float | None, dry_run: bool, code: str | None, kind: str | None,
           variables: tuple[str, ...], min_score: float | None, max_score: float | None, limit: int, coder: str,
           as_json: bool) -> None:
    """Show the queue of pending suggestions (best first) or decide on some. Every decision can be undone."""
    from workbench.suggest import review as queue

    filters = {}
    for item in variables:
        name, equals, value = item.partition("=")
        if not equals:
            raise WorkbenchError(f"--var {item!r}: write NAME=VALUE")
        filters[name] = value
    if dry_run and accept_above is None:
        raise WorkbenchError("--dry-run goes with --accept-above")
    done: dict[str, Any] = {}
    with _open(project) as opened:
        if accept_ids:
            done["accepted"] = list(accept_ids)
            done["codings"] = queue.accept(opened, list(accept_ids), coder)
        if reject_ids:
            done["rejected"] = queue.reject(opened, list(reject_ids), coder)
        if relabel:
            done["relabelled"] = {"suggestion": relabel[0], "coding": queue.relabel(opened, relabel[0], relabel[1], coder)}
        if accept_above is not None:
            done["accept_above"] = queue.accept_above(opened, accept_above, dry_run=dry_run, coder=coder, code=code,
                                                      kind=kind, variables=filters)
        if not done:
            rows = queue.review_queue(opened, code=code, kind=kind, variables=filters, min_score=min_score,
                                      max_score=max_score, limit=limit)
            if as_json:
                print_json(rows)
                return
            for row in rows:
                words = ", ".join((row["explanation"] or {}).get("words") or [])
                excerpt = " ".join(row["text"].split())
                excerpt = excerpt if len(excerpt) <= 80 else excerpt[:79] + "…"
                because = f"  (words: {words})" if words else ""
                because += f"  [{queue.method_label(row['explanation'] or {})}]"
                click.echo(f"{row['id']:>6}  {row['score']:.2f}  {row['code']}  document {row['document_id']} "
                           f"characters {row['start_pos']}–{row['end_pos']}  « {excerpt} »{because}")
            if not rows:
                click.echo("no pending suggestions match")
            return
    if as_json:
        print_json(done)
        return
    _echo_decisions(done)


def _echo_decisions(done: dict[str, Any]) -> None:
    """What `review` did, in sentences: counts, ids and the codes concerned, never a Python list or dict."""
    from workbench.reports import plural

    if "accepted" in done:
        made = done["codings"]
        click.echo(f"accepted {plural(len(done['accepted']), 'suggestion')} "
                   f"({', '.join(map(str, done['accepted']))}): {plural(len(made), 'coding')} made")
    if "rejected" in done:
        click.echo(f"rejected {plural(done['rejected'], 'suggestion')}")
    if "relabelled" in done:
        click.echo(f"suggestion {done['relabelled']['suggestion']} coded with the new code "
                   f"(coding {done['relabelled']['coding']})")
    if "accept_above" in done:
        value = done["accept_above"]
        verb = "would accept" if value["dry_run"] else "accepted"
        per_code = "; ".join(f"{code}: {count}" for code, count in value["per_code"].items())
        click.echo(f"{verb} {plural(value['count'], 'suggestion')} scoring {value['threshold']} or more"
                   + (f" ({per_code})" if per_code else ""))


def _echo_topic_run(run_id: int, run: dict[str, Any]) -> None:
    """The run's summary as the window gives it, then the model and its quality measures in words."""
    import json

    from workbench.suggest.topics import TopicsReport

    metrics = json.loads(run["metrics"]) if isinstance(run["metrics"], str) else run["metrics"]
    click.echo(TopicsReport(run_id, metrics["topics"], metrics["units"],
                            metrics["outlier_share_before_reduction"]).summary())
    quality = []
    if metrics.get("diversity") is not None:
        quality.append(f"keyword diversity {metrics['diversity']:.2f}")
    if metrics.get("npmi") is not None:
        quality.append(f"coherence (NPMI) {metrics['npmi']:.2f}")
    seconds = f" in {metrics['seconds']:.0f} s" if metrics.get("seconds") is not None else ""
    click.echo(f"model {run['model']} on {run['device']}{seconds}" + (f"; {', '.join(quality)}" if quality else ""))


@click.command()
@json_option
def device(as_json: bool) -> None:
    """Report the CPU and GPU the suggestion models would use."""
    from workbench.suggest.device import device_report

    report = device_report()
    if as_json:
        print_json(report)
        return
    for key, value in report.items():
        shown = "yes" if value is True else "no" if value is False else "none" if value is None else value
        click.echo(f"{key}: {shown}")
