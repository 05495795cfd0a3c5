"""Every `workbench …` command shown in README.md and docs/USER_GUIDE.md, run the way a newcomer would.

Examples (a command on a real file name) run in the order the documents show them, in one folder where
`sample_projects/` is the demo corpus, starting from the README's own `new` and `import` lines; each must
succeed, and a comment that quotes output (`# "imported 482 documents…"`) must match what is printed.
Synopses (`workbench import PROJECT PATH... [--kind …]`) are checked against the command's --help: the
command exists and takes every option shown. The few examples that cannot run here are listed in
`NOT_RUN` with the reason, so the list is reviewed rather than silent.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_helpers import run
from conftest import ROOT, SAMPLES

DOCS = (ROOT / "README.md", ROOT / "docs" / "USER_GUIDE.md")

# Shown commands that are not run, by a piece of their text, each with why. Everything else is run.
NOT_RUN: dict[str, str] = {
    "demo-output/demo.vwb": "needs `workbench demo`'s finished project (its topics and suggestions come from "
                            "e5-small, minutes of work); the options shown are checked against --help",
    "exercise collect clients.vwb lea.vwb tom.vwb …": "stands for any number of hand-ins; the options are "
                                                      "checked against --help",
    "merge equipe.vwb alice.vwb bob.vwb": "a team's scenario on projects the guide does not build (the lead's "
                                          "equipe.vwb and two coders' copies with renamed codes); checked "
                                          "against --help, and tests/store/test_merge.py runs the command",
}

PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z_]*[A-Z](?:[.=/][\w.…]*)?|[A-Z]+\.\.\.|…)$")


@dataclass(frozen=True)
class Shown:
    """One command as a document shows it: where, its words, and the output its comment promises."""

    where: str
    text: str
    argv: tuple[str, ...]
    claim: str | None

    @property
    def synopsis(self) -> bool:
        """A form with placeholders and optional parts, not a command to type as it is."""
        return any(PLACEHOLDER.match(word) or word.startswith("[") or "|" in word for word in self.argv)

    def not_run(self) -> str | None:
        return next((why for piece, why in NOT_RUN.items() if piece in self.text), None)


def shown_commands(path: Path) -> list[Shown]:
    """The `workbench` commands in the fenced code blocks of a Markdown file: continued lines joined,
    `a ; b` split, a trailing `# "…"` comment read as the output claimed (up to an ellipsis)."""
    found: list[Shown] = []
    inside = False
    pending = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        line, pending = pending + line, ""
        code, _, comment = _split_comment(line)
        claim = None
        quoted = re.match(r'\s*"([^"]+)"', comment)
        if quoted:
            claim = quoted.group(1).split("…")[0].strip()
        for part in code.split(" ; "):
            if not part.strip().startswith("workbench "):  # output shown in the block, or another program
                continue
            words = shlex.split(part)
            if words:
                found.append(Shown(f"{path.name}:{number}", part.strip(), tuple(words[1:]), claim))
    return found


def _split_comment(line: str) -> tuple[str, str, str]:
    """The command and its comment: a `#` after white space and outside quotes starts the comment."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#" and index and line[index - 1] == " ":
            return line[:index], "#", line[index + 1:]
    return line, "", ""


ALL_SHOWN = [shown for path in DOCS for shown in shown_commands(path)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _options(words: tuple[str, ...]) -> list[str]:
    return [match for word in words for match in re.findall(r"(?<![\w-])--[a-z][a-z-]*", word)]


def _command_words(words: tuple[str, ...]) -> list[str]:
    """The command and sub-command (`codebook load`): the leading words that are not arguments."""
    head = [words[0]]
    if words[0] in GROUPS and len(words) > 1:
        head.append(words[1])
    return head


GROUPS = {"codebook", "memo", "exercise", "speaker"}


def test_the_documents_show_commands_of_both_kinds() -> None:
    """The parser finds the examples and the synopses (an empty list would make the tests below vacuous)."""
    examples = [shown for shown in ALL_SHOWN if not shown.synopsis]
    assert len(examples) >= 30 and len(ALL_SHOWN) - len(examples) >= 15
    assert any(shown.argv[:2] == ("import", "clients.vwb") for shown in examples)


@pytest.mark.parametrize("shown", [s for s in ALL_SHOWN if s.synopsis or s.not_run()], ids=lambda s: s.where)
def test_synopsis_names_a_command_and_its_real_options(shown: Shown) -> None:
    head = _command_words(shown.argv)
    code, out, err = run(*head, "--help")
    assert code == 0, f"{shown.where}: `workbench {' '.join(head)}` does not exist: {err}"
    for option in _options(shown.argv):
        assert re.search(rf"(?<![\w-]){re.escape(option)}\b", out), f"{shown.where}: {option} is not an option of " \
                                                                     f"`workbench {' '.join(head)}`"


def test_every_example_runs_on_the_demo_corpus_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples in document order, in a folder holding the demo corpus, each checked as it runs."""
    if not (SAMPLES / "truth.csv").exists():
        pytest.skip("demo corpus not present")
    (tmp_path / "sample_projects").mkdir()
    (tmp_path / "sample_projects" / "relation-client").symlink_to(SAMPLES)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORKBENCH_CODER", "claire")
    failures = []
    for shown in ALL_SHOWN:
        if shown.synopsis or shown.not_run():
            continue
        code, out, err = run(*shown.argv)
        if code != 0:
            failures.append(f"{shown.where}: `{shown.text}` exited {code}: {err.strip()}")
        elif shown.claim is not None and _flat(shown.claim) not in _flat(out):
            failures.append(f"{shown.where}: `{shown.text}` printed {out.strip()!r}, not {shown.claim!r}")
    assert not failures, "\n".join(failures)
