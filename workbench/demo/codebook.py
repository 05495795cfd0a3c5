"""Demo step: the project's codebook — the shipped schemes in it, with codes and codings per scheme — taken
out as a REFI-QDA codebook (for other QDA tools) and as our bilingual YAML.

Runs after the coding step so the counts show its codings; loads the two schemes itself when they are
missing, so it also works on its own.
"""

from __future__ import annotations

from typing import Any

DEMO_SCHEMES = ("relationship_forms", "contact_reasons")


def demo_step(ctx: Any) -> None:
    """Print the codebook summary and write codebook.qdc and relationship_forms.yaml into the demo folder."""
    from workbench.codebook import code_tree, scheme_root
    from workbench.codebook_refi import export_qdc
    from workbench.codebook_yaml import load_scheme, save_scheme

    project = ctx.project
    for scheme in DEMO_SCHEMES:
        if scheme_root(project, scheme) is None:
            load_scheme(project, scheme)
    ctx.echo("Codebook: schemes in the project")
    nodes = code_tree(project, counts=True)
    summary = {}
    for top in (node for node in nodes if node["depth"] == 0):
        below = [node for node in nodes if node["path"] == top["path"] or node["path"].startswith(top["path"] + "/")]
        codes = sum(1 for node in below if node["codable"])
        codings = sum(node["n_codings"] for node in below)
        summary[top["key"] or top["name"]] = {"codes": codes, "codings": codings}
        ctx.echo(f"  {top['name']:<40} {codes:>4} codable codes {codings:>7} codings")
    qdc = export_qdc(project, ctx.out_dir / "codebook.qdc")
    forms = save_scheme(project, scheme_root(project, "relationship_forms"), ctx.out_dir / "relationship_forms.yaml")
    ctx.echo(f"  wrote {qdc.name} (REFI-QDA codebook) and {forms.name}")
    ctx.results["codebook"] = summary
