"""`workbench codebook …`: shipped schemes, loading and exporting codebooks, and editing the code tree.

Codes are named on the command line by path ("Formes de relation client–marque/Négatives/Inimitié", case
ignored), by `scheme:key` ("relationship_forms:enmity") or by a key alone ("enmity"). Every change is one
journal entry, so `workbench undo PROJECT` takes it back. The acting coder is `--coder`, by default
$WORKBENCH_CODER or the login name (created as an analyst on first use), as in the coding commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from workbench.commands.common import json_option, print_json, project_argument
from workbench.errors import WorkbenchError
from workbench.store.coders import default_coder_name


def register(cli: click.Group) -> None:
    cli.add_command(codebook)


@click.group()
def codebook() -> None:
    """Coding schemes and the project's code tree: list, load, export, add, rename, move, merge, delete."""


coder_option = click.option("--coder", default=default_coder_name, show_default="$WORKBENCH_CODER or login name",
                            help="Who does this (created as an analyst on first use).")


@contextmanager
def _editing(path: str, coder: str) -> Iterator[tuple[Any, int]]:
    """The project open for writing and the acting coder's id, in one transaction with the edit: a coder
    named for the first time is not left behind by an edit that is then refused."""
    from workbench.project import Project
    from workbench.store.coders import resolve_coder

    with Project.open(path) as project, project.transaction():
        yield project, resolve_coder(project, coder)


def _root_for(project: Any, name: str) -> int:
    """A scheme's root by scheme key, else any code by path or key."""
    from workbench.codebook import find_code, scheme_root

    root = scheme_root(project, name)
    return root if root is not None else find_code(project, name)


# -- list -----------------------------------------------------------------------------------------------
@codebook.command("list")
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@json_option
def list_(project: str | None, as_json: bool) -> None:
    """Without PROJECT: the shipped coding schemes. With PROJECT: its code tree with coding counts."""
    if project is None:
        from workbench.codebook_yaml import list_schemes

        schemes = list_schemes()
        if as_json:
            print_json(schemes)
            return
        for scheme in schemes:
            label = " / ".join(scheme["name"].get(lang, "") for lang in ("fr", "en") if lang in scheme["name"])
            click.echo(f"{scheme['key']:<20} {scheme['codes']:>3} codes  {label}")
        click.echo("Load one with: workbench codebook load PROJECT NAME")
        return
    from workbench.codebook import code_tree
    from workbench.project import Project

    with Project.open(project, read_only=True) as opened:
        nodes = code_tree(opened, counts=True)
    if as_json:
        print_json(nodes)
        return
    if not nodes:
        click.echo("no codes yet; load a scheme: workbench codebook list (shipped schemes), "
                   "workbench codebook load PROJECT NAME")
        return
    for node in nodes:
        key = f"  [{node['scheme']}:{node['key']}]" if node["key"] else ""
        count = f"{node['n_codings']} codings / {node['n_documents']} docs" if node["codable"] else "(group)"
        click.echo(f"{node['id']:>5}  {node['color'] or '':<8} {'  ' * node['depth']}{node['name']}{key}  {count}")


# -- load and export -------------------------------------------------------------------------------------
@codebook.command()
@project_argument
@click.argument("source")
@click.option("--language", type=click.Choice(["fr", "en"]), help="Language of the code names (default: the project's).")
@coder_option
@json_option
def load(project: str, source: str, language: str | None, coder: str, as_json: bool) -> None:
    """Add a codebook to PROJECT: a YAML scheme file, a shipped scheme's name (relationship_forms…) or a
    REFI-QDA codebook (.qdc)."""
    from workbench.codebook import code_path, code_tree

    with _editing(project, coder) as (opened, coder_id):
        if source.lower().endswith(".qdc"):
            from workbench.codebook_refi import import_qdc

            roots = import_qdc(opened, source, coder_id=coder_id)
        else:
            from workbench.codebook_yaml import load_scheme

            roots = [load_scheme(opened, source, language, coder_id)]
        # A scheme's root is its title, not one of its codes: counted as `codebook list` counts the scheme.
        below_root = 0 if source.lower().endswith(".qdc") else 1
        loaded = [{"id": root, "path": code_path(opened, root), "codes": len(code_tree(opened, root)) - below_root}
                  for root in roots]
    if as_json:
        print_json(loaded)
        return
    for item in loaded:
        click.echo(f"loaded « {item['path']} »: {item['codes']} codes (undo with: workbench undo {project})")


@codebook.command()
@project_argument
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--scheme", help="Only this scheme (its key) or code sub-tree (a code path). Needed for .yaml "
                               "unless the project has a single top-level code.")
@click.option("--plain", is_flag=True, help=".qdc only: write definitions alone, without the metadata block.")
def export(project: str, file: str, scheme: str | None, plain: bool) -> None:
    """Write the codebook to FILE: .yaml (our bilingual format) or .qdc (REFI-QDA codebook)."""
    from workbench.codebook import children, code_tree
    from workbench.project import Project

    suffix = Path(file).suffix.lower()
    if suffix not in (".yaml", ".yml", ".qdc"):
        raise WorkbenchError(f"{file}: choose a .yaml or .qdc file name")
    with Project.open(project, read_only=True) as opened:
        root = _root_for(opened, scheme) if scheme else None
        if suffix == ".qdc":
            from workbench.codebook_refi import export_qdc

            written = export_qdc(opened, file, root, metadata=not plain)
        else:
            from workbench.codebook_yaml import save_scheme

            if root is None:
                tops = children(opened, None)
                if len(tops) != 1:
                    raise WorkbenchError(f"the project has {len(tops)} top-level codes; say which to write with "
                                         "--scheme (a scheme key such as emotions, or a code path)")
                root = tops[0]
            written = save_scheme(opened, root, file)
        count = len(code_tree(opened, root)) if root is not None else len(code_tree(opened))
    click.echo(f"wrote {count} codes to {written}")


# -- editing the tree -------------------------------------------------------------------------------------
@codebook.command()
@project_argument
@click.argument("name")
@click.option("--parent", help="Path or key of the parent code (default: top level).")
@click.option("--color", help="#RRGGBB (default: from a colour-blind-safe palette).")
@click.option("--description", help="Definition of the code.")
@click.option("--group", is_flag=True, help="A grouping code that cannot be applied to text.")
@coder_option
@json_option
def add(project: str, name: str, parent: str | None, color: str | None, description: str | None, group: bool,
        coder: str, as_json: bool) -> None:
    """Create a code called NAME."""
    from workbench.codebook import code_path, create_code, find_code, names_around
    from workbench.codebook_library import group_scheme, shipped_code

    with _editing(project, coder) as (opened, coder_id):
        parent_id = find_code(opened, parent) if parent else None
        code_id = create_code(opened, name, parent_id, color=color, description=description, codable=not group,
                              coder_id=coder_id)
        path = code_path(opened, code_id)
        siblings, parent_name = names_around(opened, parent_id)
        borrowed = None if group or description else shipped_code(
            name, None, opened.language, group_scheme(siblings, opened.language, parent_name))
    if as_json:
        print_json({"id": code_id, "path": path,
                    "borrows": None if borrowed is None else {"scheme": borrowed.scheme, "code": borrowed.name}})
        return
    click.echo(f"created code {code_id}: {path}")
    if borrowed is not None:
        click.echo(f"suggestions read the shipped definition of {borrowed.name!r} ({borrowed.scheme}) until this "
                   "code has a definition, indicators or examples of its own")


@codebook.command()
@project_argument
@click.argument("code")
@click.argument("new_name")
@coder_option
def rename(project: str, code: str, new_name: str, coder: str) -> None:
    """Rename CODE (path or key) to NEW_NAME."""
    from workbench.codebook import code_path, find_code, rename_code

    with _editing(project, coder) as (opened, coder_id):
        code_id = find_code(opened, code)
        rename_code(opened, code_id, new_name, coder_id=coder_id)
        click.echo(f"renamed to {code_path(opened, code_id)}")


@codebook.command()
@project_argument
@click.argument("code")
@click.option("--parent", help="Path or key of the new parent.")
@click.option("--top", is_flag=True, help="Move to the top level.")
@click.option("--position", type=int, help="Place among the siblings, 0 = first (default: last).")
@coder_option
def move(project: str, code: str, parent: str | None, top: bool, position: int | None, coder: str) -> None:
    """Move CODE under another parent (--parent, --top) and/or to --position among its siblings."""
    from workbench.codebook import code_path, find_code, move_code, reorder_code

    if parent and top:
        raise WorkbenchError("give --parent or --top, not both")
    if not parent and not top and position is None:
        raise WorkbenchError("say where to: --parent PATH, --top or --position N")
    with _editing(project, coder) as (opened, coder_id):
        code_id = find_code(opened, code)
        if parent or top:
            move_code(opened, code_id, find_code(opened, parent) if parent else None, position, coder_id=coder_id)
        else:
            reorder_code(opened, code_id, position, coder_id=coder_id)
        click.echo(f"moved to {code_path(opened, code_id)}")


@codebook.command()
@project_argument
@click.argument("source")
@click.argument("target")
@coder_option
def merge(project: str, source: str, target: str, coder: str) -> None:
    """Merge SOURCE into TARGET: its codings and sub-codes move to TARGET, then SOURCE is deleted."""
    from workbench.codebook import code_path, find_code, merge_codes

    with _editing(project, coder) as (opened, coder_id):
        source_id, target_id = find_code(opened, source), find_code(opened, target)
        source_path = code_path(opened, source_id)
        result = merge_codes(opened, source_id, target_id, coder_id=coder_id)
        moved = result["codings"] - result["duplicates"]
        dropped = f" ({result['duplicates']} identical to existing ones dropped)" if result["duplicates"] else ""
        click.echo(f"merged {source_path} into {code_path(opened, target_id)}: {moved} codings moved{dropped}; "
                   f"it now has {result['target_codings']}")


@codebook.command()
@project_argument
@click.argument("code")
@click.option("--recursive", is_flag=True, help="Also delete the sub-codes (and their codings).")
@coder_option
def delete(project: str, code: str, recursive: bool, coder: str) -> None:
    """Delete CODE and its codings (undoable with `workbench undo`)."""
    from workbench.codebook import code_path, delete_code, find_code

    with _editing(project, coder) as (opened, coder_id):
        code_id = find_code(opened, code)
        path = code_path(opened, code_id)
        result = delete_code(opened, code_id, recursive=recursive, coder_id=coder_id)
    click.echo(f"deleted {path}: {result['codes']} code(s), {result['codings']} coding(s) "
               f"(undo with: workbench undo {project})")
