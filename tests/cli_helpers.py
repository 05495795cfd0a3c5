"""Running `workbench` in tests through its real entry point, which turns user errors into exit code 1
with one line on stderr (click's own runner would bypass that)."""

from __future__ import annotations

from click.testing import CliRunner

from workbench.cli import main


def run(*args: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `workbench ARGS`."""
    code: object = 0
    with CliRunner().isolation() as (out, err, _):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
    return int(code or 0), out.getvalue().decode(), err.getvalue().decode()


def ok(*args: object) -> str:
    """stdout of a command that must succeed."""
    code, out, err = run(*args)
    assert code == 0, err
    return out


def fails(*args: object) -> str:
    """stderr of a command that must fail as a user error: exit 1 and a single `error: …` line."""
    code, out, err = run(*args)
    assert code == 1, (out, err)
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err
