"""`workbench embed / topics / suggest / review / device` as a user types them."""

from __future__ import annotations

import json

import pytest
from suggest_data import verbatim_project

from workbench.cli import main
from workbench.project import Project


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.fixture
def path(tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "cli.vwb"
    with Project.create(target) as project:
        verbatim_project(project)
    return str(target)


def test_embed_then_suggest_then_review_from_the_command_line(capsys, path):
    code, out, _ = run(capsys, "embed", path, "--embedder", "lexical", "--json")
    assert code == 0 and json.loads(out)["computed"] == 48
    code, out, _ = run(capsys, "embed", path, "--embedder", "lexical")
    assert code == 0 and "0 units embedded, 48 already cached" in out
    code, out, _ = run(capsys, "suggest", path, "--embedder", "lexical", "--codes", "reasons", "--min-score", "0",
                       "--json")
    assert code == 0 and json.loads(out)["suggestions"] == 48
    code, out, _ = run(capsys, "review", path, "--json", "--limit", "3")
    queue = json.loads(out)
    assert code == 0 and len(queue) == 3 and queue[0]["score"] >= queue[-1]["score"]
    code, out, _ = run(capsys, "review", path, "--accept", str(queue[0]["id"]), "--reject", str(queue[1]["id"]),
                       "--relabel", str(queue[2]["id"]), "praise", "--coder", "ana", "--json")
    done = json.loads(out)
    assert code == 0 and done["rejected"] == 1 and len(done["codings"]) == 1
    code, out, _ = run(capsys, "review", path, "--accept-above", "0.0", "--dry-run")
    assert code == 0 and "would accept 45 suggestions" in out
    with Project.open(path) as project:
        assert project.scalar("SELECT count(*) FROM codings WHERE origin = 'suggestion'") == 2
    code, out, _ = run(capsys, "review", path)
    assert code == 0 and out.count("\n") == 20


def test_topics_command_prints_topics(capsys, path):
    code, out, _ = run(capsys, "topics", path, "--embedder", "lexical", "--json")
    result = json.loads(out)
    assert code == 0 and result["topics"] and sum(t["size"] for t in result["topics"]) == 48


def test_units_left_out_of_every_topic_are_said_so_not_numbered():
    from workbench.commands.suggest_cmds import topic_lines

    left = topic_lines({"topic": -1, "size": 7, "label": "-1_bonjour_merci", "keywords": ["bonjour"]})
    assert left == ["  no topic       7 units  (too far from every topic to join one)"]
    named = topic_lines({"topic": 3, "size": 40, "label": "chèque énergie · payer", "keywords": ["chèque", "payer"]})
    assert named == ["  topic   3      40 units  chèque énergie · payer", "             chèque, payer"]


def test_user_errors_are_one_line_with_exit_1(capsys, path, tmp_path):
    code, _, err = run(capsys, "embed", path, "--embedder", "nonsense")
    assert code == 1 and err.startswith("error: unknown embedder")
    code, _, err = run(capsys, "review", path, "--accept", "999")
    assert code == 1 and err.strip() == "error: no suggestion 999"
    code, _, err = run(capsys, "review", path, "--dry-run")
    assert code == 1 and "--accept-above" in err
    code, _, err = run(capsys, "suggest", str(tmp_path / "missing.vwb"))
    assert code == 1 and "does not exist" in err


def test_device_report(capsys):
    code, out, _ = run(capsys, "device", "--json")
    assert code == 0 and json.loads(out)["auto"] in ("cpu", "cuda")


def test_suggest_passes_no_companions_through(capsys, path, monkeypatch):
    from workbench.suggest import codes

    seen = []
    real = codes.suggest_codes

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs["companions"])
        return real(*args, **kwargs)

    monkeypatch.setattr(codes, "suggest_codes", spy)
    code, out, _ = run(capsys, "suggest", path, "--embedder", "lexical", "--no-companions", "--json")
    assert code == 0 and json.loads(out)["companions"] == []
    code, out, _ = run(capsys, "suggest", path, "--embedder", "lexical")
    assert code == 0 and "suggestions waiting for review (run " in out and ", lexical:" in out
    assert seen == [False, True]
