"""The `workbench` command: one sub-command per job, so everything the GUI does can be scripted.

Sub-commands live in `workbench/commands/`, one module per area, each with a `register(group)` function.
Modules import their heavy dependencies inside the command bodies so `workbench --help` stays instant.

Exit codes: 0 success, 1 a user error (one line on stderr), 2 a usage error (click's own).
"""

from __future__ import annotations

import importlib
import sys

import click
import duckdb

from workbench import __version__
from workbench.errors import WorkbenchError, os_error_message

COMMAND_MODULES = (
    "workbench.commands.project_cmds",
    "workbench.commands.import_cmds",
    "workbench.commands.codebook_cmds",
    "workbench.commands.coding_cmds",
    "workbench.commands.text_cmds",
    "workbench.commands.export_cmds",
    "workbench.commands.suggest_cmds",
    "workbench.commands.speaker_cmds",
    "workbench.commands.removal_cmds",
    "workbench.commands.check_cmds",
    "workbench.commands.exercise_cmds",
    "workbench.commands.merge_cmds",
    "workbench.commands.model_cmds",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="workbench")
def cli() -> None:
    """Verbatim Workbench: code customer verbatims offline."""


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(cli)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `workbench` script: user errors become one line on stderr and exit code 1."""
    try:
        cli.main(args=argv, prog_name="workbench", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:  # usage errors: exit 2 with click's message
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except WorkbenchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:  # a full disk, a read-only folder, a file taken away: the user's to fix
        click.echo(f"error: {os_error_message(exc)}", err=True)
        sys.exit(1)
    except duckdb.IOException as exc:  # DuckDB's own file errors (it writes the project), in its words
        click.echo(f"error: {str(exc).splitlines()[0].removeprefix('IO Error: ')}", err=True)
        sys.exit(1)
    sys.exit(0)


def run(*args: str) -> None:
    """One `workbench` command from a Python script, which goes on afterwards (`main` always exits): the
    command's own lines go to the terminal as usual, and a failed command stops the script with one line
    naming it."""
    try:
        main(list(args))
    except SystemExit as exc:
        if exc.code:
            raise SystemExit(f"workbench {' '.join(args)} failed") from None
