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


PLAIN_FIRST_AFTER_S = 2.0  # a job shorter than this prints no progress at all: its summary says enough
PLAIN_EVERY_S = 10.0


def plain_progress_line(label: str, done: int, total: int | None, elapsed: float, message: str = "") -> str:
    """One progress line for a log or a pipe: the count, the rate and the time left when they can be told."""
    parts = [f"{done}/{total}" if total else str(done)]
    if total:
        parts[0] += f" ({100 * done // total}%)"
    if done and elapsed > 0:
        rate = done / elapsed
        parts.append(f"{rate:.1f}/s" if rate < 10 else f"{rate:.0f}/s")
        if total and done < total:
            parts.append(f"about {_duration((total - done) / rate)} left")
    text = f"{label}: {', '.join(parts)}"
    return f"{text} ({message})" if message else text


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


@contextmanager
def progress_reporter(label: str, quiet: bool = False) -> Iterator[ProgressCallback]:
    """The one progress style of every long command: on a terminal a bar with the count, the rate and the
    time left; in a file or a pipe a plain line every ten seconds once the job has run two; nothing with
    --quiet. A step with nothing to do (a total of 0) shows nothing. The command prints its own summary."""
    if quiet:
        yield no_progress
        return
    if sys.stderr.isatty():
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[message]}"),
            transient=True,
            console=None,
        )
        with bar:
            task = bar.add_task(label, total=None, message="", rate="")

            def report(done: int, total: int | None, message: str = "") -> None:
                speed = bar.tasks[0].speed
                rate = f"{speed:.1f}/s" if speed else ""
                bar.update(task, completed=done, total=total or None, message=message, rate=rate)

            yield report
        return
    started = time.monotonic()
    last = [started - PLAIN_EVERY_S + PLAIN_FIRST_AFTER_S]

    def report_plain(done: int, total: int | None, message: str = "") -> None:
        now = time.monotonic()
        if total == 0 or (total is not None and done >= total) or now - last[0] < PLAIN_EVERY_S:
            return
        last[0] = now
        click.echo(plain_progress_line(label, done, total, now - started, message), err=True)

    yield report_plain
