"""Demo step of the text pipeline: segment the demo corpus, build the index, show a search."""

from __future__ import annotations

import re
from typing import Any

from workbench.search import search
from workbench.text.normalise import fold
from workbench.text.segment import segment_project

# Tried in order; the first with hits is shown. The first one needs an NPS-like variable.
_QUERIES = (
    ("rembours* AND NOT satisfait", "nps<=6"),
    ("rembours* OR factur*", None),
    ("contrat", None),
)


def _nps_variable(ctx: Any) -> str | None:
    for (name,) in ctx.project.rows("SELECT name FROM variables WHERE type IN ('integer', 'float') ORDER BY name"):
        if "nps" in fold(name) or "recommand" in fold(name):
            return name
    return None


def demo_step(ctx: Any) -> None:
    """Segments every document, indexes it, and prints one search as keyword-in-context lines."""
    with ctx.progress("segment") as progress:
        report = segment_project(ctx.project, progress=progress)
    languages = ", ".join(f"{n} {lang}" for lang, n in sorted(report.languages.items())) or "none"
    ctx.echo(f"Text pipeline: {report.documents} documents ({languages}), {report.sentences} sentences, "
             f"{report.tokens} tokens indexed")
    nps = _nps_variable(ctx)
    shown: dict[str, Any] = {}
    for query, condition in _QUERIES:
        where = []
        if condition:
            if nps is None:
                continue
            where = [re.sub(r"^nps", nps, condition)]
        result = search(ctx.project, query, where=where, limit=8, count=True)
        if result.hits:
            filters = f" where {where[0]}" if where else ""
            ctx.echo(f"Search « {query} »{filters}: {result.total_hits} matches in {result.total_documents} documents")
            for hit in result.hits:
                left = re.sub(r"\s+", " ", hit.left)[-35:]
                right = re.sub(r"\s+", " ", hit.right)[:35]
                ctx.echo(f"  #{hit.document_id:<5} {hit.kind:<9} {left:>35}[{hit.match}]{right}")
            shown = {"query": query, "where": where, "hits": result.total_hits, "documents": result.total_documents}
            break
    ctx.results["text"] = {
        "documents": report.documents, "sentences": report.sentences, "tokens": report.tokens,
        "languages": report.languages, "search": shown,
    }
