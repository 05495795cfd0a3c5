"""`workbench speakers`: who is the customer in the project's transcripts.

Embedding, topics and suggestions read only the customer's turns of a transcript; the role of each
speaker label is detected from the label, and this command shows it and lets the user correct it.
"""

from __future__ import annotations

import click

from workbench.commands.common import json_option, print_json, project_argument


def register(cli: click.Group) -> None:
    cli.add_command(speakers)


@click.command()
@project_argument
@click.option("--client", "clients", multiple=True, metavar="LABEL", help="This speaker is the customer.")
@click.option("--agent", "agents", multiple=True, metavar="LABEL", help="This speaker works for the company.")
@click.option("--other", "others", multiple=True, metavar="LABEL", help="This speaker is neither.")
@click.option("--auto", "autos", multiple=True, metavar="LABEL", help="Use the role detected from the label again.")
@json_option
def speakers(project: str, clients: tuple[str, ...], agents: tuple[str, ...], others: tuple[str, ...],
             autos: tuple[str, ...], as_json: bool) -> None:
    """List the speakers of the transcripts with their role; --client/--agent/--other LABEL correct it."""
    from workbench.project import Project
    from workbench.suggest.roles import set_speaker_roles
    from workbench.suggest.units import speaker_roles

    changes = {label: role for role, labels in (("client", clients), ("agent", agents), ("other", others),
                                                ("auto", autos)) for label in labels}
    with Project.open(project) as opened:
        if changes:
            set_speaker_roles(opened, changes)
        rows = speaker_roles(opened)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no speaker turns in this project")
        return
    click.echo(f"{'speaker':<30} {'turns':>6}  role")
    for row in rows:
        note = f" (set by you; detected: {row['detected']})" if row["overridden"] else ""
        click.echo(f"{row['speaker']!s:<30} {row['turns']:>6}  {row['role']}{note}")
