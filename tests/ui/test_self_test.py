"""`workbench-gui --self-test` (the packaged app's `verbatim-workbench --self-test`): the whole chain on the
demo survey, offline, in one line; a step that fails or touches the network fails it, naming the step.
The packaged app runs it with its real embedder in installer/smoke.sh; here the lexical one keeps it fast."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import pytest

from ui import app, self_test


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The self-test's temporary folders are made here, so the test sees what it leaves behind."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("VERBATIM_SELF_TEST_EMBEDDER", "lexical")
    return tmp_path


@pytest.mark.slow
def test_self_test_runs_every_step_offline_and_prints_one_line(qtbot, scratch: Path, capsys) -> None:
    assert app.main(["--self-test"]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    line = lines[0]
    assert line.startswith("self-test passed: 300 documents, ")
    suggestions = int(line.split(", ")[1].split()[0])
    topics = int(line.split(", ")[2].split()[0])
    assert suggestions > 0 and topics > 1
    assert "(lexical:" in line and "self-test.xlsx, self-test.qdpx written, no network" in line
    assert "FAILED" not in err
    # the project and the exports went with the self-test's temporary folder (other libraries may leave theirs)
    assert not list(scratch.glob("verbatim-self-test-*"))


def test_network_blocked_refuses_and_lists_every_attempt_then_restores_sockets() -> None:
    original_connect = socket.socket.connect
    with self_test.network_blocked() as attempts:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            with pytest.raises(OSError, match="forbids network access"):
                sock.connect(("127.0.0.1", 9))
            with pytest.raises(OSError):
                sock.bind(("0.0.0.0", 0))
        with pytest.raises(OSError):
            socket.getaddrinfo("example.org", 443)
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as probe:
            probe.bind(("::1", 0))  # urllib3's IPv6 probe: loopback only, allowed and not listed
    assert attempts == ["socket.connect(('127.0.0.1', 9))", "socket.bind(('0.0.0.0', 0))",
                        "socket.getaddrinfo('example.org', 443)"]
    assert socket.socket.connect is original_connect


def test_a_step_that_reaches_for_the_network_fails_the_self_test_naming_it(qtbot, scratch: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ingest import folder

    real_import = folder.import_paths

    def import_then_phone_home(*args, **kwargs):  # a library that swallows its own network error
        try:
            socket.create_connection(("example.org", 443), timeout=1)
        except OSError:
            pass
        return real_import(*args, **kwargs)

    monkeypatch.setattr(folder, "import_paths", import_then_phone_home)
    with pytest.raises(self_test.SelfTestFailure) as failure:
        self_test.run_self_test(scratch, "lexical")
    assert str(failure.value) == ("build: network access attempted: "
                                  "socket.create_connection(('example.org', 443))")


def test_a_missing_demo_file_fails_with_one_line_naming_it(qtbot, scratch: Path, capsys,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.demo

    empty = scratch / "corpus"
    (empty / self_test.SURVEY_FOLDER).mkdir(parents=True)
    monkeypatch.setattr(workbench.demo, "sample_dir", lambda: empty)
    assert app.main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("self-test FAILED: build: ") and self_test.FIRST_FILE in err
    assert "Traceback" not in err
