"""What a long job tells its user when it ends: one plain sentence, and what failed.

Import, segmentation, pseudonymisation, removal, embedding and suggestion runs each return a report with
these two members, so the command line and the window say the same words and neither prints a Python
representation of the object.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class JobReport(Protocol):
    def summary(self) -> str:
        """One sentence in plain words: what the job did."""
        ...

    @property
    def failures(self) -> list[str]:
        """One plain line per thing that could not be done (empty when all went well)."""
        ...


class WholeOrNothing:
    """For the jobs that either do all they were asked or raise: they have no failures to list."""

    @property
    def failures(self) -> list[str]:
        return []


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 document`, `3 documents`: counts in summaries read as sentences."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"
