"""Helpers shared by the CLI sub-commands: opening projects, JSON output, progress bars."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from workbench.progress import ProgressCallback, no_progress

project_argument = click.argument("project", type=click.Path(dir_okay=False))
json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print no progress.")


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@contextmanager
def progress_reporter(label: str, quiet: bool = False) -> Iterator[ProgressCallback]:
    """A progress callback for a long command: a bar with counts and ETA on a terminal, plain lines
    (at most one every two seconds) when the output is a file or a pipe, nothing with --quiet."""
    if quiet:
        yield no_progress
        return
    if sys.stderr.isatty():
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[message]}"),
            transient=False,
            console=None,
        )
        with bar:
            task = bar.add_task(label, total=None, message="")

            def report(done: int, total: int | None, message: str = "") -> None:
                bar.update(task, completed=done, total=total, message=message)

            yield report
        return
    last = [0.0]

    def report_plain(done: int, total: int | None, message: str = "") -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if now - last[0] < 2.0 and not finished:
            return
        last[0] = now
        of = f"/{total}" if total is not None else ""
        click.echo(f"{label}: {done}{of} {message}".rstrip(), err=True)

    yield report_plain
